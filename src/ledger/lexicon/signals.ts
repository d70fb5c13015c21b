/**
 * Words that tell what kind of message this is: a visit, a new problem, a question, a notice,
 * a plan, chit-chat. Regex sources are matched against text whose full-width ASCII has been folded
 * (，stays ，; Ｑ becomes Q).
 */
import { COMPLETION_VERBS, PROGRESS_VERBS } from './statuses.js';
import { BANKS } from './departments.js';

/**
 * Common IME typos of the visit verbs: 访 typed as a homophone (防, 仿, 坊). Verbs starting with 回 are
 * return visits.
 */
export const VISIT_VERB_TYPOS = ['走防', '走仿', '走坊', '回仿', '回防', '回坊', '拜仿', '拜防', '拜坊'];
/** The visit verbs themselves, correct and mistyped (a regex alternation). */
export const VISIT_VERB_WORDS = [
  '走访',
  '拜访',
  '回访',
  ...VISIT_VERB_TYPOS,
  String.raw`\b(?:[Vv]isited|[Ww]ent to|[Dd]ropped by|[Pp]aid a visit to)\b|\b[Vv]isit(?:ed)?\b(?=\s*了)`,
  // a bare "visit" after a time already past (今天visit X, 上午 visit 了): it happened
  String.raw`(?<=(?:今天|今早|昨天|前天|上午|下午|中午|刚才|刚刚|刚)\s*)[Vv]isit\b`,
].join('|');

/** Visit verbs that stand on their own (走访, 调研 …). */
/**
 * A light visit verb said of several places at once, after 都/各 (恒力和永盛今天都看了一下, 都坐了坐, 各跑了一趟, 都走了一遍):
 * a look, a sit or a walk with its "a bit / once round" complement or doubled.
 */
const DISTRIBUTIVE_VISIT = String.raw`(?<=(?:都|各|分别)(?:去|到)?)(?:看|坐|转|走|跑|逛|去)了?(?:一下|一趟|一圈|一遍|一回|看|坐|转|走)(?![\u4e00-\u9fa5]{0,2}(?:政策|文件|材料|通知|资料|报表|数据))`;
export const VISIT_VERBS = new RegExp(
  String.raw`${VISIT_VERB_WORDS}|${DISTRIBUTIVE_VISIT}|去过了?|去看了?(?:一下|看)?|(?:去|跑|走)了一?趟|转了一圈|(?:跑|去|看|转)了[一两二三四五六七八九十几\d]+家(?!银行|的)|(?:走|跑|去|看|转)了[\u4e00-\u9fa5A-Za-z]{2,10}(?:[、和与及][\u4e00-\u9fa5A-Za-z]{2,10})+[一两二三四五六七八九十几\d]+家(?!银行|的)|(?<![回过失])去的(?=[\u4e00-\u9fa5])|(?<![过回进出上下转送拿搬])去了(?=\s*(?:$|[,，。;；!！\s]))|` +
    /(?<=从[\u4e00-\u9fa5A-Za-z]{2,12})(?:回来|出来)|(?:赴|前往)(?=[\u4e00-\u9fa5A-Za-z]{2,20}?(?:开展|进行|宣讲|座谈|了解|走访|调研|对接|服务|现场))|调研|上门服务|(?<!(?:请|让|希望|要求|想|安排|拟|将|计划|准备)[\u4e00-\u9fa5]{0,8})上门(?!指导|检查|核查)|实地查看|实地察看|实地了解|现场办公|现场服务|座谈|蹲点|看望|深入企业|进企业|下企业|(?<![付拨转汇打送发寄退交报回达收拿得找遇想提办迟来感受做看用涉接听落已])(?:去|到)了?(?:一趟|[一两二三四五六七八九十几\d]+家)?(?:企业|厂里|厂家|车间|工地|园区企业)(?!的?(?:账|户头|卡上))/
      .source,
);
/**
 * Being at the enterprise (上午在青禾食品，…; 刚从青禾食品出来; 在X待了一上午): 在/从 opening the clause
 * (after a time word or a subject) before the name, and after it the clause ends or an act there
 * follows. 问题在X, 卡在X are not presence.
 */
export const PRESENCE_BEFORE_NAME =
  /(?:^|[\s,，。;；:：]|今天|今早|上午|下午|中午|晚上|昨天|前天|刚才|刚刚|刚|我们|我|一直|整天|都)\s*(?:这边|那边)?\s*(?:在|从)\s*$/;
/**
 * The places of an enterprise's own site one stands in (在金鼎的轧钢车间, 在宏图机械车间里面): with the name before them,
 * presence at the enterprise.
 */
export const SITE_PLACES = [
  '车间',
  '厂区',
  '厂房',
  '现场',
  '工地',
  '仓库',
  '生产线',
  '产线',
  '展厅',
  '会议室',
  '办公室',
];
const SITE_PLACE_AFTER_NAME = `(?:的)?[\u4e00-\u9fa5]{0,3}?(?:${SITE_PLACES.join('|')})(?:里面?|里头|内|这边|那边)?\\s*[啊呢呀哈嘛]?(?=$|[\\s,，。;；!！])`;
export const PRESENCE_AFTER_NAME = new RegExp(
  `^\\s*(?:${SITE_PLACE_AFTER_NAME}|(?:那边|这边|那儿|这儿|厂里|厂区|车间|现场)?\\s*(?:$|出来|回来|待了|呆了|开了?(?:个)?(?:座谈会|会)|座谈|参观|看了|转了|蹲了|调研|(?:跟|和|与)[\u4e00-\u9fa5]{0,6}(?:聊|谈|座谈|交流|见)))`,
);
/** Meeting the enterprise's people face to face (当面聊, 面谈, 见了面): a visit, however it is worded. */
export const FACE_TO_FACE =
  /当面(?:聊|谈|沟通|了解|交流|问)|面谈|见了面|见面聊|(?:见|碰)了(?:一|个)面|(?:见了|见到了?|约见了|会见了|拜会了)(?=[^，,。;；]{0,12}?(?:老板|老总|[王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高]总|负责人|董事长|总经理|厂长))/;

/** A visit recalled in a relative clause (上周走访X时提的…, 去的时候他们说的…): it says when a matter was raised, no visit now. */
export const VISIT_RECALLED =
  /(?:走访|拜访|调研|回访|去)[^，,。;；]{0,12}?(?:时|的时候)(?:企业|他们|对方|老板)?(?:提|反映|提出|反应|说)的/;
/**
 * 回访 that verifies an outcome (经回访确认, 回访核实, 组织部回访确认): a check before a sign-off, not a
 * visit reported for its own sake. A 回访 of an enterprise otherwise is a visit like any other.
 */
export const RETURN_VERIFIES =
  /经(?:过)?(?:电话)?回访|回访(?:后)?(?:确认|核实|核查|复核|企业满意|满意)|回访(?:完|后|之后|以后|结束后)(?:再|就|才)?(?:销号|消号|办结|关闭)/;

/**
 * A third party as the subject of 上门 (协调银行上门对接, 税务局派人上门辅导, 专家来厂): their visit, not
 * ours — unless they came with us (跟经信局一起上门). Blanked before visit verbs are read.
 */
export const VISITING_AGENTS = [
  ...BANKS,
  '专家',
  '工作人员',
  '技术人员',
  '律师',
  '券商',
  '机构',
  '部门',
  '单位',
  '供电',
  '税务',
  '局',
  '办',
  '委',
];
/** Sending someone (派人去看了, 安排技术人员上门): the department's people went, not the team. */
export const DISPATCH_VERBS = ['派', '安排', '叫', '让', '组织'];
export const DISPATCHED_PEOPLE = ['专人', '人员', '工作人员', '技术人员', '专家', '人'];
export const THIRD_PARTY_VISIT = new RegExp(
  `(?<!(?:跟|和|与|同|陪同|带着|一起)[\\u4e00-\\u9fa5]{0,6})(?:${VISITING_AGENTS.join('|')})(?:[\\u4e00-\\u9fa5]{0,6}?)(?:上门|来厂|到厂)|` +
    `(?:${DISPATCH_VERBS.join('|')})(?:了)?(?:${DISPATCHED_PEOPLE.join('|')})(?:[\\u4e00-\\u9fa5]{0,3}?)(?:去看了?|去了|过去了?|上门|到现场|去现场|来看了?)`,
  'g',
);

/** The label of a visit record (走访日期：…, 走访人：…, 调研记录): a visit was made (unless its date is to come). */
export const VISIT_RECORD_LABEL =
  /(?:走访|拜访|回访|调研)(?:日期|时间|人员?|对象|企业|单位|记录)\s*[:：]|(?:走访|拜访|回访|调研)记录/;

/** 走访 used as a noun (走访计划, 走访台账): not a visit. */
// (走访的是X: the one visited, a visit said; 走访的企业: a noun)
export const VISIT_NOUN =
  /(?<=的|次|轮|本周|下周|这周)(?:走访|调研|回访|座谈)|(?:走访|调研|回访|座谈)(?=的(?!是)|计划|台账|安排|任务|名单|清单|表|工作|活动|要求|通知|日|情况汇总|方案|对象|频次|次数)/g;
/** A count of enterprises visited (走访企业5家, 共回访3家): a tally, a visit of its own only with a name. */
export const VISIT_TALLY =
  /(?:走访|回访|调研|走|跑|去)(?:了)?(?:企业|重点企业)?\s*(?:共|合计|累计)?\s*[\d一两二三四五六七八九十]+\s*(?:家|户)/;
/** Motion verbs that make a visit only when an enterprise follows them (去了迈微, 到七一电器). */
export const VISIT_MOTION = /(?:去了|到了|来到|去|到|赴|跑了)(?:一趟|一下|一次|了)?/;
/** A clause with one of these describes a plan, not something that happened. */
export const PLAN_MARKERS =
  /(?:马上|这就|一会儿?|等下|稍后|待会儿?)(?:就)?(?:去|到|过去)|原定|原计划|(?:本来|原本|本)(?:要|想|打算|准备)|取消了|泡汤|没去成|明天|明早|明日|后天|下周|下星期|下礼拜|下个?月|改到|改期|改天|推迟|延期|顺延|(?<!按)计划|准备|打算|拟于|拟|将于|待会|等会|回头|择日|另行|暂定|安排在|约在|约好|定于|报一下|报上来/;

/** A visit said not to have happened (本周未走访企业, 没去成, 这周没去): blanked before visit verbs are read. */
// (电话回访, 线上走访: by phone or online — no visit)
export const VISIT_NEGATED =
  /(?:未|没有?|不用|不|无)(?:去|到|再)?(?:走访|拜访|调研|回访|去过?|到)|(?:电话|线上|微信|视频|远程|网上)(?:回访|走访|拜访|调研)/g;
/** A heading that lists visits to come (走访安排：…, 下周走访计划): no visit reported. */
export const PLANNED_HEADING =
  /(?:走访|拜访|调研|回访)(?:安排|计划|任务|排期|行程)|(?:下周|下个?月|明天|后天|近期)(?:的)?(?:走访|拜访|调研|回访)/;
/**
 * A heading of things to do opening the message (本周计划：, 下周重点：, 近期安排：, 待办：): what is listed under it is
 * still to be done — nothing to record unless something is said to have happened.
 */
export const TODO_HEADING =
  /^\s*[【[]?\s*(?:本周|下周|这周|下星期|近期|明天|明日|今天|今日|下一步|下步|后续|下阶段|接下来)?(?:的)?(?:工作)?(?:计划|重点|安排|任务|待办|打算|要做的)(?:事项|工作|如下)?\s*(?:[】\]]|[:：])/;
/**
 * A section heading of a report, alone on its line, announcing work still to do (三、下周计划, 下一步工作打算：,
 * 【后续安排】): the lines under it, up to the next section, are plans — nothing to record unless something is said
 * to have happened there.
 */
export const TODO_SECTION_HEADING =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}\s*[、.．])?\s*[【[]?\s*(?:(?:下周|下星期|近期|下一步|下步|后续|下阶段|接下来|下个?月|明年|下季度)(?:的)?(?:工作)?(?:计划|重点|安排|打算|思路|任务|举措|措施)?|(?:本周|这周|本月)?(?:的)?(?:工作)?(?:计划|安排|打算|思路)(?:事项|如下)?)\s*[】\]]?\s*[:：]?\s*$/;
/** A line opening a report's next section (二、, （三）, 【…】): the end of the section before. */
export const SECTION_OPENING = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]{1,2}[)）]|[【[])/;
/**
 * A message opening with a reporting period (本周进展：, 【本月】, 上周走访情况): a periodic report that compresses several
 * items into terse phrases — read more often wrong than a message about one thing (bench/confidence-fit.ts).
 */
export const PERIODIC_REPORT =
  /^\s*[【[]?\s*(?:本周|这周|上周|本月|这个?月|上个?月|本季度?|本旬|近期|近日)(?![一二三四五六日天])/;
/** Times already past (昨天, 前天, 上周三, 刚才): a bare 去X after one of them happened, it is no plan. */
export const PAST_TIME_WORDS = /昨天|昨日|前天|大前天|昨晚|上周|上星期|上礼拜|刚才|刚刚|上个?月/;
/** Counts of issues (全年收集问题32个，已办结28个，办结率87.5%): a statistics summary, nothing to record. */
export const STATS_SUMMARY =
  /(?:办结|完成|销号|解决)率|(?:收集|共有|累计|合计|共计|新增|已办结|办结|已销号|销号|未办结)(?:问题|诉求|事项)?\s*[\d一二三四五六七八九十百]+\s*(?:个|件|项|条)/;
/**
 * One clause of a report's tally (本周共走访企业3家, 收集问题5个, 已交办2个, 其中办结1件): a count of the work done, no
 * matter of its own. A sentence made only of such clauses reports no item (extract.ts), though its visit verb still
 * says visits were made.
 */
const TALLY_VERBS = [
  '走访',
  '拜访',
  '调研',
  '回访',
  '服务',
  '联系',
  '收集',
  '梳理',
  '排查',
  '新增',
  '新收',
  '新收集',
  '受理',
  '交办',
  '转办',
  '上报',
  '办结',
  '在办',
  '未办结',
  '解决',
  '化解',
  '销号',
  '反映',
  '提出',
  '跟踪',
  '跟进',
  '协调',
  '对接',
  '召开',
  '开展',
  '组织',
  '帮助',
  '帮扶',
];
const TALLY_NOUNS = ['企业', '问题', '诉求', '事项', '困难', '需求', '线索', '座谈会', '会议', '活动'];
const TALLY_MEASURES = ['人次', '家次', '家', '个', '项', '件', '条', '次', '场', '批'];
const TALLY_TIME =
  '(?:本周|上周|本月|上月|本季度|第?[一二三四1-4]季度|上半年|下半年|全年|今年以来|年初以来|当月|当周|期间|本期|此次|这次|本次|目前|截至目前|合计|总计)?';
export const TALLY_CLAUSE = new RegExp(
  `^\\s*${TALLY_TIME}(?:共|共计|累计|合计|总计|其中|另|均)?(?:已经?|已|正在|完成)?(?:${TALLY_VERBS.join('|')})了?(?:${TALLY_NOUNS.join('|')})?` +
    `(?:[\\d一二三四五六七八九十百两几]+)\\s*(?:${TALLY_MEASURES.join('|')})(?:${TALLY_NOUNS.join('|')})?\\s*$` +
    // (a rate of the tally: 办结率55.6%, 销号率达到80%)
    `|^\\s*(?:${TALLY_VERBS.join('|')})率(?:为|达到?|是)?\\s*[\\d.]+\\s*[%％]\\s*$`,
);
/** Asking a department or the group for information (请县生态环境局反馈…办理进度): a request, nothing to record. */
export const INFO_REQUEST = /^\s*(?:请|麻烦|烦请)[^，,。;；]{0,16}?(?:反馈|报送|提供|告知|回复|说明|汇报|报告|上报)/;
/**
 * Asking the bot for the ledger (麻烦帮我查下Q-0101到Q-0104的进度, @助手 把上周办结的事项列出来, 给我导出本月清单): a
 * request addressed to us, nothing reported.
 */
export const LEDGER_REQUEST = new RegExp(
  '^\\s*(?:@\\S+\\s*)?(?:请|麻烦|烦请)?(?:你)?(?:帮我|帮忙|给我|把)' +
    '(?:(?!说)[^，,。;；]){0,20}?(?:查|查询|导出|列出|列一下|拉出|统计|汇总|发)(?:一下|下|来|出来|给我)?' +
    '[^，,。;；]{0,24}?(?:状态|进度|进展|清单|台账|明细|列表|情况|问题|事项|[来出]|[?？])',
);

/** A visit called off or moved, said anywhere in its sentence (座谈取消，改到下周; 本来要去的，临时取消了). */
export const VISIT_CALLED_OFF =
  /取消(?!了?(?:[一两二三四五六七八九十几\d]+个?)?(?:订单|合同|大单|单子|资格|补贴|优惠))|改到|改期|改天|推迟|延期|顺延|暂停|暂缓|停一周|没去成|去不成|去不了|不去了|泡汤/;

/** Our own next step, still to come (明天去问一下财政局, 回头我再催催, 下周跟进): a plan, nothing done yet. */
export const OWN_PLAN =
  /(?:明天|明早|后天|下周|回头|改天|过两天|过几天|待会儿?|等会儿?|一会儿?|稍后)(?:我|我们)?(?:再|就)?(?:去|来|过去)?(?:问|催|找|联系|跟进|对接|看看|看一下|了解|沟通|打电话|电话)/;

/** Only asking someone to follow a matter up (Q-0012 催一下, X的事麻烦跟进下, 请督促落实): nothing happened yet. */
export const FOLLOW_UP_REQUEST =
  /(?:^|[\s,，]|的事情?|那个事?|这个事|的问题)(?:麻烦|请|烦请|辛苦)?(?:你|您|大家)?(?:再|尽快)?(?:帮忙)?(?:催|跟进|盯|督促|跟踪)(?:一下|下|一催|催|落实)?\s*$/;

/**
 * Our own note of a matter (我先记录下来了, 现在补上, 我这边登记上): writing it down is no step on the matter, nor a result.
 */
export const OWN_RECORDING =
  /(?:我|先|现在|这边|这里)[^，,。;；!！]{0,4}?(?:记录|记|登记|补报|补记|补)(?:下来|下|上)(?:了|啦)?/g;
/**
 * A meeting held with enterprises (开了个企业座谈会, 座谈): a visit verb when it is held at an enterprise; held by us with
 * none named and nothing raised (镇里开了个企业座谈会，来了六家，纪要晚点发), no visit to record.
 */
export const MEETING_VISIT = /^座谈/;
/** Imperatives to the whole group: a notice even when it mentions a visit (9点到华康开座谈会，大家准时到). */
export const STRONG_NOTICE =
  /@所有人|@all\b|@全体|各组|各位|各团|各小组|请各|请大家|大家注意|大家准时|辛苦大家|大家辛苦|感谢大家|谢谢大家|务必|准时(?:到|参加)|通知如下|通知[:：]|大家[\u4e00-\u9fa5]{0,3}?(?:学习|参阅|传阅|查收|知悉|阅知|参照执行|遵照执行)|请(?:知悉|周知|各位知悉)[。.!！]?\s*$/i;

/** Messages to the whole group. */
export const NOTICE_MARKERS =
  /^(?:提醒|温馨提示|提示|注意)[:：]|@所有人|@all\b|@全体|各组|各位|各团|各小组|请各|请大家|大家注意|通知[:：]|通知如下|开会|会议|培训|例会|务必|准时|参加|报送|填报|截止|亲清服务日|服务日|活动/i;

/** Forwarded documents. */
export const FORWARD_MARKERS =
  /转发|《[^》]*》(?:的?通知|文件)|附件|链接[:：]|https?:\/\/|(?:文件|通知|材料|表格|清单|链接|课件|纪要|模板)[^，,。;；]{0,8}?(?:发|转|传|放|更新|上传)(?:到|在|进)?(?:群里|群文件|共享盘|网盘)/;

/**
 * A final 呢 that asks (进展呢, 现在在哪呢) — not the 呢 of something still going on (银行还在审呢, 正在走流程呢, 等着呢),
 * which states that work is under way.
 */
export const DURATIVE_NE =
  '(?<!(?:正在|还在|仍在|都在|也在|(?<![现实存所自好])在|着)(?:(?![哪啥谁么嘛])[\\u4e00-\\u9fa5]){0,5})呢';

/** Question words (a policy or status query, not a report). */
export const QUESTION_MARKERS = new RegExp(
  `请问|问一下|问下|咨询一下|咨询下|想咨询|怎么|怎样|如何|多少|哪些|哪里|哪个|哪家|什么|是否|能否|有没有|可不可以|能不能|啥时候|啥|哪一步|进度如何|进展如何|到哪了|到哪一步|几天|几家|几个|几次|谁|多久|吗[?？]?$|${DURATIVE_NE}[?？]?$`,
);

/** Short replies with no content. */
export const CHITCHAT =
  /^(?:好的?|好滴|收到|已?(?:登记|记录|记下)(?:了|啦)?|谢谢|感谢|辛苦了?|明白|了解|知道了|嗯+|哦+|ok|okay|thanks?|thx|👍|🙏|👌|没问题|可以|行|对|是的|早|早上好|晚安|在吗|大家好|哈+|呵+|[。.!！~～\s])+$/i;

/** Clauses saying there was nothing to report. */
export const NO_ISSUE =
  // (…；顺达物流 无。 — an entry whose cell or answer is a bare 无: nothing raised)
  /(?<=^|[\s:：,，])(?:无|暂无|均无)(?=\s*[。.;；!！]?\s*$)|(?:订单|生产|经营|销售|效益|形势|业务|生意|产销|运营)(?:情况)?(?:都|还|也|总体|整体)?(?:不错|挺好|很好|良好|饱满|充足|稳定|平稳|红火|还行|还可以|过得去)(?=$|[\s,，。;；!！~～]|的|了|就是|只是|不过|但)|(?:啥|什么)都不缺|都挺好|挺好的?|(?:其实|都|还|挺|很|也|比较|蛮)不错(?=$|[\s,，。;；!！]|的|了|就是|只是|不过|但)|都好|一切都好|很满意|满意|没新(?:的)?(?:问题|需求|诉求|情况)|没有新(?:的)?(?:问题|需求|诉求|情况)|没(?:有)?(?:什么|啥)?(?:需要|要)(?:政府|我们)?(?:协调|帮忙|解决)的|nothing special|all good|no (?:new )?(?:issues?|requests?|problems?)|everything(?:'s| is)? (?:fine|ok|good)|(?:没|没有|无|暂无|未|暂时没有?|目前没有?|也没有?)(?:提|提出|提什么|反映|发现|啥)?(?:什么|任何|啥)?(?:新增的?|新的?|特别的?|大的?)?(?:(?:需要?|要)(?:政府|我们|县里|部门)?(?:协调|帮助|帮忙|解决|处理|支持|跟进){1,2}的?)?(?:诉求|问题|困难|需求|要求|需要协调的|事项)|运行正常|运转正常|生产正常|经营正常|一切正常|情况良好|总体平稳|没有需要帮忙|不需要帮忙|没(?:什么|啥)(?:问题|事)(?!情要|要)|无需协调|暂时没有|没啥问题|没有需要|不(?:需要|用)(?:政府|我们)?(?:帮忙|协调|帮助|操心)|没(?:啥|什么)(?:要|需要)?反映的|(?:企业|他们|厂里)?(?:自己|自行)(?:解决|处理|消化|协调)(?!了|好了)|(?:说|表示|特意|特别|非常|很)?(?:谢谢|感谢|感激|致谢)(?:我们|你们|政府|组织|大家|县里|区里|市里|镇里|领导|组团|服务队)/;

/**
 * The reporter's own comment on what was just said (我看有难度, 我觉得可以帮他们申请人才公寓, 这个要查一下, 这个算办结了):
 * an opinion or a note to self, never a problem of its own. A closing quote mark may lead it (…。”我觉得…).
 */
export const SPEAKER_COMMENT =
  /^[\s”"’」』)）]*(?:我(?:个人)?(?:看|觉得|认为|估计|感觉|判断|建议|的意见是|的想法是)|个人(?:觉得|认为|感觉|意见)|感觉|估计|这个(?:要|得|需要|可以|算|应该|我)|这事(?:要|得|需要|可以|算|应该)|看(?:看)?(?:政策上|能不能|有没有))/;

/**
 * Earlier matters in general, quantified (此前诉求均已办结, 两家之前的问题都解决了, 以前反映的事项全部落实):
 * no issue is named, so nothing can be updated.
 */
export const GENERIC_EARLIER_ALL =
  /(?:此前|之前|以前|前期|上次|历史|原有|过去)(?:的|反映的|提的|提出的)?(?:诉求|问题|事项|事情|困难)[^，,。;；]{0,3}(?:均|都|全部|全都|已全部)|(?:[两几各二三四五六七八九十\d]家|各企业|企业们)[^，,。;；]{0,8}(?:诉求|问题|事项)[^，,。;；]{0,3}(?:均|都|全部)/;

/** Markers that a clause talks about an issue raised earlier (上次提的, X的事, 用电增容那个，). */
export const EARLIER_MARKERS =
  /(?:时|的时候)(?:企业|他们|对方|老板)?(?:提|反映|提出|反应|说)的|(?:之前|此前|上次|上回)?(?:提|反映|提出|反应)的(?!主要|最大|首要|突出|几|[一二三两四五]|问题|事)[\u4e00-\u9fa5]{1,10}?(?:问题|的事情?|那个事?)(?=[,，\s]|$)|(?:那条|这条)(?=[,，\s]|$)|那件事|(?:上次|上回|此前|之前|前期|先前|前段时间|早先|原来|前面)(?:提|反映|说|报|交办|登记|的|那个)|(?:\d{1,2}[月/.]\d{1,2}[日号]?|[昨前]天|上周.)(?:提|反映|提出|报)的|上次|上回|那个(?=[,，]|$|事)|那个[\u4e00-\u9fa5]{1,8}?的(?=\s*[,，]|$)|这个事|这件事|那件事|的事情?/;
/**
 * Words that date a matter before this message in so many words (上次提的, 之前的, 前期反映, 老问题, 企业又问了):
 * unlike a bare topic (X的事, 那个X), they tell a visit's update of an earlier issue from a problem raised at the visit
 * and handled there (去了金鼎 补贴还没到 财政那边说在走流程 is the visit's own matter; …还是老问题 follow up中 is not).
 */
export const EXPLICIT_EARLIER =
  /上次|上回|之前|此前|以前|前期|先前|前段时间|早先|原来|老问题|老大难|遗留|又问|还在问|(?:[昨前]天|上周.?|\d{1,2}[月/.]\d{1,2}[日号]?)(?:提|反映|提出|报|说)的/;
/**
 * A problem said to be new at this visit (新提了, 又说, 另外提到, 新增一条): beside it, what else the visit tells of is
 * earlier business — the message contrasts the two.
 */
export const NEWLY_RAISED =
  /又提|新提|又说|又反映|另外提|还提|新反映|新诉求|新(?:问题|情况|需求|困难)|新增(?:了)?(?:一|两|二|几)(?:条|个|项)/;
/**
 * No answer yet on a matter in hand (还没有最终结果, 暂无答复, 尚无定论): the wait of an update, nothing said to be wrong.
 */
export const NO_ANSWER_YET =
  /(?:还|仍|尚|暂时?|目前)(?:没有?|未|无)(?:最终|正式|明确)?的?(?:结果|结论|定论|答复|回复|消息|回音|下文)/g;
/** A proximal anaphor for a matter (这个事): after a problem said in the same breath it points at that problem. */
export const PROXIMAL_ANAPHOR = /这(?:个|件)事(?:情)?(?!项)/;
/** Weaker: "…问题已…" reads as an earlier issue only when nobody reports anything in the clause. */
export const EARLIER_WEAK = /问题(?=[,，]?\s*(?:已|在|正|还在|都|均|以|解决|办结|销号|消号))/;
export const REPORT_IN_CLAUSE = /反映|提出|提了|来电|来函|希望|想|缺|诉求|求助|急需/;

/** Problem cues besides category words: something is lacking, slow, hard or asked for. */
export const PROBLEM_CUES =
  /缺|难|慢|紧张|不足|短缺|困难|流失|下滑|下降|限行|取消|卡住|卡在|没(?:有)?(?:拿到|到账|兑现|发|通过|批|落实|解决)|未(?:到账|兑现|发放|通过|批|落实|解决)|希望|想要?|需要|申请|诉求|急需|求助|帮忙|协调|影响|问题|困扰|担心|投诉/;

/**
 * "也" on a problem (环评审批也慢, 资金也紧张, 也想申请用地): the enterprise raises one more matter besides another, so a
 * new problem of a report is not folded into the open issue it resembles (service/report-flow.ts sameMatter).
 */
export const ALSO_ANOTHER =
  /也(?:很|比较|有点|挺|特别|太|都)?(?:慢|难|缺|紧|卡|不|没|要|想|需要|希望|有|存在|反映|提|遇到|面临)/;

/**
 * A state that persists (贷款还是没下来, 仍未到位, 一直没批, 至今没有回复): the matter the team already has, so a report
 * sharing a word with an open issue of that enterprise and category continues it rather than opening another.
 */
export const STILL_SAME = /还是|仍然|仍旧|依然|依旧|(?<![统唯])一直|至今|到现在还|到现在都|仍(?:未|没|在|不)/;

/**
 * A matter said to be still unsettled or back again (招工还没解决, 贷款还没批下来, 又卡住了, 又缺电了): it speaks of a matter the
 * team has already raised — with one open issue of that enterprise and category, that issue; several: which one.
 */
export const STILL_UNSETTLED =
  /(?:还|仍|依然|依旧)(?:是)?(?:没|未)(?:有)?(?:解决|批下来|批|下来|办好|办下来|办结|到位|落实|落地|到账|兑现|动静|消息|进展|回音|回复)|又(?:卡住|卡在|卡了|停了|黄了|出问题|出状况|不行|没下文|搁置|缺|不够|断|停|坏|跳闸|没电|没水|被退|退回|拖|超标|排不上|批不下)|又[^，,。;；!！?？\s]{0,3}?[不没](?:到|下来|上|成|了|动|出|好|住|来)(?![了啦]?(?:吧|吗|呢))/;

/**
 * A demonstrative that points at a matter already known (那个缺电的, 这件事, 用地那个事): the speaker refers to an issue,
 * not a new one — one open issue of that enterprise sharing a word with it is that issue.
 */
export const POINTS_AT_KNOWN = /那个|这个|那件|这件|那笔|这笔|那桩|那事|这事/;

/** Markers that a clause brings up something new. */
export const NEW_MARKERS = /又提|新提|新的|另外提|还提|新增|新反映|新诉求|新(?:问题|情况|需求|困难)/;

// ---- telling apart several problems listed in one sentence (extract/split.ts)

/**
 * A clause states a problem of its own: something is lacking, slow, stuck, falling, expiring or
 * unpaid. Narrower than PROBLEM_CUES: wishes (想, 希望) and the word 问题 alone do not count, so
 * "想做跨境电商，缺懂外贸的人才" stays one problem.
 */
export const OWN_PROBLEM_CUES =
  /(?:没|未|还没|尚未|迟迟没)(?:有)?(?:到位|下来|批复|落地|落实|到岗|办结|解决|兑现|完成)|(?<![多减])少(?=$|[\s,，。;；]|得)|缺|短缺|紧缺|不足|不够|紧张|(?:资金|钱|手头|现金|周转|银根)(?:也|都|很|有点|比较|太|特别|非常|挺)?紧(?![张急密固跟接邻靠凑])|困难|难(?!以|度|得|免|怪)|慢|迟迟|一直没|还没|尚未|没(?:有)?(?:拿到|到账|兑现|发|通过|批|落实|解决|下来|办|接通|着落|享受)|未(?:到账|兑现|发放|通过|批|落实|解决|拨付|办|接通|享受)|办不下来|批不下来|招不到|找不到|留不住|流失|(?:被)?挖走|被挖|下滑|下降|减少|少了|萎缩|取消|限行|拖(?:了|着|得|欠|延)|坑洼|卡住|卡在|受阻|到期|抽贷|断贷|压贷|不稳定|不畅|不通|破损|过高|太高|偏高|上涨|涨价|积压|滞销|急需|亟需|亟待|压力大|跟不上|不方便|停滞|突出|严重|(?:时间|周期|流程|手续|审批|排队)(?:太|很|比较|较|过|偏)?(?:长|久|繁琐|复杂)|(?<![还仍尚])差\s*[\d一二两三四五六七八九十几百千万]|(?:招|批|办|贷|拿|找|留|进|请|引|落|用|谈|接|走|推)不(?:来|到|上|下来|进来|了|住|动|通)|塌陷|坏了|损坏|不亮|失灵|不(?:太|大|是很|怎么)?(?:好|行|理想|景气)(?=$|[\s,，。;；!！]|了)|漏水|渗水|积水|倒灌|堵塞|老是堵|跳闸|停电|断电|停水|故障|过不了|通不过|过不去|卡着|(?:太|很|特别|偏|比较|挺|有点)贵|贵了|(?:太|很|特别|比较|有点|过于)(?:窄|拥堵|堵|挤|破|旧|差|远|偏僻)/;

/**
 * A problem word turned into a noun by 的 (海纳缺的工程师, 他们要的三十个工人, 上次申请的贷款): it names the
 * matter, it does not report a problem. Blanked before asking whether a segment says something is wrong.
 */
export const NOMINALISED_PROBLEM =
  /(?:缺|要|需要|想要|申请|反映|提|提出|说|报|求)的(?=[\u4e00-\u9fa5A-Za-z\d])|缺口(?=\s*(?:$|[,，。;；]|[\u4e00-\u9fa5]{1,4}(?:局|办|部|委|中心|公司|那边|这边)))/g;

/** A wish that asks for something to be done (想申请技改贷款, 希望帮忙协调): a request, so a problem. */
export const REQUEST_CUES =
  /(?:想|希望|要求|需要|请求|盼|打算|(?:还|又|也|再)要)[^，,。；;]{0,4}?(?:申请|办理|搞|弄|批|解决|协调|帮忙|帮助|支持|扶持|对接|续贷|转贷|贷款|融资|兑现|拨付|加快|尽快|引进|招|找|聘|请|增容|落实|补|拿|新增|拓宽)|想要(?=\s*[\u4e00-\u9fa5\d])|(?:能不能|能否|可不可以|可否)(?:再|继续|帮忙|帮)?[^，,。；;?？]{0,3}?(?:继续派|派|延期|延长|放宽|减免|免|给予|支持|安排|协调|解决|加快|提前)/;

/**
 * Weak continuation words (还有, 另外, 以及 …): inside run-on dictated text they start a new problem only when the
 * stretch before them already states one and the stretch after them states another (…想招几个懂外贸的人还有用电
 * 负荷不够); 出口退税还有一百二十万没退 stays one (src/ledger/extract/segment.ts).
 */
/**
 * The two halves of a spoken pair of items (两个事情一个是…另一个是…): the opener of the first item and of the
 * second. Dictated text has no commas; the pair cuts even right after a character when both halves are said.
 */
export const PAIR_FIRST_ITEM = '(?:其中)?一(?:个|件|项|点|条|方面)(?:问题|事情?|诉求)?(?:就)?是';
export const PAIR_SECOND_ITEM =
  '(?:另外|另)一(?:个|件|项|点|条|方面)(?:问题|事情?|诉求)?(?:就)?是|第二(?:个|件|项|点|条)(?:问题|事情?|诉求)?(?:就)?是';

export const WEAK_CONTINUATIONS: readonly string[] = ['还有', '另外', '再有', '以及', '同时', '而且', '加上', '并且'];
/**
 * A continuation word that plainly opens another matter (还有就是…, 另外一个…, 再有个事…): in unpunctuated dictation it
 * ends the clause before it, as a comma would (the question of that clause — 不知道怎么弄 — is not the message's last).
 */
export const MATTER_CONTINUATION = new RegExp(
  `(?:${WEAK_CONTINUATIONS.join('|')})(?=就是|一个|一件|一点|个事|件事)`,
  'g',
);

/** A clause that opens with a contrast (但…, 不过…, 可是…, 就怕…): what came before it is conceded. */
export const CONTRAST_START = /^\s*(?:但是?|不过|可是|然而|只是|就怕|就是怕|只怕)/;

/** A clause that opens with a consequence or cause elaborates the clause before it (…，影响资金周转; …，无法抵押贷款). */
export const CONSEQUENCE_START =
  /^\s*(?:导致|造成|影响|致使|使得|使|所以|因此|因为|由于|从而|以致|进而|结果|无法|没法|没办法|不能)/;

/**
 * A clause that opens with its cause (因为原材料涨价，资金周转困难; 受订单下滑影响，…; 由于厂房到期，…) is the background of the
 * problem after it, no problem of its own.
 */
export const CAUSE_START =
  /^\s*(?:企业|公司|厂里|他们|该企业)?(?:反映|反应|说|表示|称|提到)?(?:主要是|主要)?(?:因为|由于|受(?=[^，,。;；]{1,12}影响)|因(?=[\u4e00-\u9fa5]{2}))/;

/**
 * A follow-up step of our own said of a matter (补助的事我回头问问, 贷款那个帮他们催一下, 注册证的事我们跟进): after a topic
 * word it speaks of a matter already named, as a hand-off would — no new problem, and nobody else handles it yet.
 */
export const OWN_FOLLOW_UP_STEP =
  /(?:帮(?:他们|企业|忙)?|回头(?:去|再)?|我(?:们)?(?:来|去|再)?|再)\s*(?:问问|问一下|催催|催一下|了解一下|打听一下|跟进|跟一下|盯一下|盯着)/;

/** A clause naming the topic it updates (资金的事已交办金融办, 环评那个市场监管局在协调). */
export const TOPIC_MARKERS =
  /(?:那条|这条)(?=[,，\s]|$)|那件事|的事情?|的问题|问题(?=\s*(?:[,，]|$|已|在|由|还|都|均|正|目前|现在))|那个|这个事|这件事|这块|方面/;

/** A new report inside a sentence that began with an update (…银行已经放款，企业又反映缺包装工). */
export const NEW_REPORT_IN_CLAUSE =
  /(?:他们|企业|老板|对方|厂里|厂家)(?:又|还)?(?:说|提|讲)|又反映|还反映|另外反映|又提|还提|新提|另外提|又说|还说|新反映|又来电|反映|提出|提了|新(?:的)?(?:问题|情况|诉求|需求)|新增/;

// ---- questions about an issue (extract.ts: a question segment states nothing; the ledger shows the issue)

/** A message that opens by asking. */
export const ASK_START =
  /^\s*(?:(?:各位|大家|领导|老师|同事们)(?:好)?|你好|您好)?[～~!！,，。\s]*(?:我|我们)?(?:想)?(?:请问|问一下|问下|咨询一下|咨询下|想问一?下?|想咨询)/;
/**
 * A segment that asks even without a question mark: a sentence-final particle, an A-not-A form
 * (批没批, 结不结, 能不能, 有没有) or a "where is it" phrase.
 */
export const QUESTION_FORMS = new RegExp(
  `(?:吗|${DURATIVE_NE}|么|没有|了没|批了没|了吧)\\s*[啊呀哈嘛哇]?\\s*$|到哪一步|到哪步|到哪了|到哪儿了|什么进展|啥进展|进展如何|进度如何|怎么样了|什么情况了|什么时候|啥时候|多久了?|多长时间|能不能|可不可以|可否|能否|是否|有没有|([\\u4e00-\\u9fa5])没\\1|(?<![不越])([\\u4e00-\\u9fa5])不\\2(?![\\u4e00-\\u9fa5]*[的地得])`,
);
/**
 * An interrogative word asking (啥情况, 谁在跟, 找哪个部门, 要多久, 怎么还没批) — a question even without a
 * question mark. Not its indefinite uses: 没什么问题, 啥都不缺, 什么都好, 多少有点, 不需要什么.
 */
export const INTERROGATIVE =
  /(?<!(?:没有?|无|不|别|未|任何)[\u4e00-\u9fa5]{0,2}|不需要|不用|或多或)(?:啥|什么|谁|哪(?:个|家|位|里|儿|些|一步|步|天)|多少(?!有|会|还|也)|多久|多长时间|怎么(?!也|都)|怎样|咋|为啥|为什么|如何)(?![都也]|的话|的\s*$)/;

/** A question the enterprise asked, reported by the team (企业问能不能…, 不知道什么时候能批; a clause opening with 说, its
 * speaker dropped: …没提什么要求 就是说明年…能不能继续派): a request, not a question to us. */
export const REPORTED_ASK =
  /帮忙|帮着|催催|催一下|留言|(?:^|[,，\s]|群里|电话里|微信里|来电|打电话)问(?!题|一下|下)|想(?!问)|(?:企业|老板|老总|他们|对方|厂里|厂家|负责人|公司)(?:也|还|又|就)?(?:想问|说)|(?<=^|[\s,，])说(?!一下|下(?:情况|进展|进度)|下(?![\u4e00-\u9fa5]))(?=[\u4e00-\u9fa5])|反映|企业问|老板问|厂里问|他们问|对方问|问我们|咨询|希望|来电|来函|诉求|不知道|不清楚|不确定|询问|打听/;
/** Words of wanting or asking, in whatever construction (希望…, 想…, 要求…, 能不能…): the speaker wants something. */
export const WISH_WORDS = /希望|想|要求|请求|恳请|盼|需要|急需|求助|能不能|能否|可否|可不可以/;
/**
 * Words that relay what the enterprise said rather than file a report: an evidential source (据X反映, 据了解, 据企业介绍),
 * words quoted after a speech verb (老板说：“…”), and 诉求 naming the matter before a comma (X拓展内销渠道诉求，已转…).
 * Whether anything new is raised is then read from what they carry.
 */
export const RELAYED_REPORT =
  /据[^，,。;；]{0,12}?(?:反映|说|介绍|称|了解)|(?:[\u4e00-\u9fa5]{0,6}(?:老板|老总|企业|他们|对方|负责人|[王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高]总))?(?:又|还|也)?(?:说|表示|讲)\s*[:：]\s*[“"「]|诉求(?=\s*[,，])/;
/** A need stated as such (要招二十个工, 需要新增用地, 缺三个电工): something the enterprise wants now. */
/** A verb of need before what is needed (需要能评, 急需一块地): the enterprise states a need — not 不需要, not 需要的. */
export const NEED_STATED = /(?<![不无])(?:需要|急需|亟需|亟待)(?!的|了解|研究|协调|跟进|时间|再)/;
export const NEED_CUES = /(?:要|需要|想|得|急需|还需)(?:招|找|贷|申请|新增|增加|扩|办|批|拿)|缺|不够|不足/;

/** A clause ending with someone asking (企业在群里问，…; 老板打电话来咨询：…): what follows is the question they asked. */
export const ASKED_BEFORE_QUOTE = /(?:问|咨询|打听|想知道|不知道|询问)(?:我们|我|一下|下)?\s*[:：]?\s*$/;
/** What a question asks about: may it be closed / signed off. */
export const CLOSABLE_ASK = /结|销号|消号|关闭|闭环/;
/** What a question asks about: is it done (approved, paid, solved). */
export const DONE_ASK = /批|到账|放款|解决|通过|落实|下来|拿到|办好|兑现|到位|发放|拨付|完成|搞定|招到/;

/** Reference to an item by its ordinal (第二个, 第3条). */
export const ORDINAL_MENTION = /第[一二三四五六七八九十\d]{1,2}(?:个|项|条|件|点)/;

/** A line of a form: a short field label and a colon (标题：…, 进展：…, 办理情况：…, 责任部门：…). */
export const FIELD_LABEL_LINE = /^\s*(?:[\u4e00-\u9fa5/]{2,6})?\s*[:：]/;
/** The field labels of such forms: blanked before names are looked for (标题 is no enterprise). */
export const FIELD_LABELS =
  /(?<=^|\n|[\s/])(?:编号|标题|进展|进度|状态|办理情况|办理结果|办理进度|责任部门|责任单位|部门|企业|企业名称|问题|诉求|备注|结果|类别|时间|日期|事项)(?:\/(?:编号|标题|事项))?(?=\s*[:：])/g;

/**
 * The envelope of a reply or a forward opening a message (回复 Q-0021：…, 转发 @小陈：…, 引用：…): it names how the message
 * came, not what it says — blanked before anything is read (the id or the quoted speaker after it stays).
 */
export const MESSAGE_ENVELOPE =
  /^\s*(?:回复|答复|转发|引用|转|回)\s*(?=[Qq]-?\d|@|[:：])|^\s*(?:re|fw|fwd)\s*(?=[:：])/i;

/** The problem came by phone, letter or chat, not on a visit (来电, 来函, 打电话, 微信, 群里说). */
export const REPORT_CHANNEL = /来电|来函|打电话|电话里|微信|群里|留言|短信|邮件/;

/**
 * A heading announcing what an enterprise reports (诉求：, 反映如下：, 存在问题：), or the header row of a pasted table with a
 * column of problems (企业名称|问题描述|责任单位): the items under it are new.
 */
export const REPORT_HEADING =
  /(?:反映|反应|提出|诉求|困难|需求|存在问题|来函|来电|来信|留言)(?:如下|有)?\s*[:：]|(?:^|[\t|｜])\s*(?:问题|诉求|困难|需求)(?:描述|内容)?\s*[\t|｜]/m;
/** A heading at the head of a message: a short label before a colon (本周走访：, 【走访记录】). */
export const HEADING_LINE = /^\s*(?:[【[][^】\]\n]{1,16}[】\]]|[^，,。;；:：\n]{1,12}[:：])/;

/** In a roll-up, a heading or label saying the message reports visits (本周走访情况, 调研汇总). */
export const VISIT_HEADING =
  /走访|拜访|回访|调研|走防|走仿|回仿|回防|拜仿|(?:走|跑|去|看)了[一两二三四五六七八九十几\d]+家/;

// ---- voice-to-text fillers (extract.ts blanks them before anything else is read)

/**
 * Fillers of dictated speech that carry nothing: interjections become a clause break (嗯, 呃, 然后),
 * discourse words at a clause start become blanks (那个, 这个, 就是). 那个 after a noun (华康那个贷款)
 * is a topic marker and stays.
 */
export const FILLER_BREAKS =
  /[嗯呃]+|(?<=(?:困难|问题|诉求|需求|要求|好的?|正常|满意|不错)\s*)(?:就是|只是|不过)|(?<![呀哎])啊(?=[\u4e00-\u9fa5])|哈哈+|然后(?:呢|就是)?(?!是)/g;
/**
 * Words of dictated speech that stand around a name without being part of it (走访了那个联宇机械他们说, 就是说同济科技那个
 * 奖励): before a name they open its clause as punctuation would; after it they close the name.
 */
export const NAME_FILLERS = ['就是说', '就是', '那个', '这个', '然后呢', '然后', '嗯', '呃', '啊'];
/** Endings of the place an enterprise is in, said between a verb of going and its name (去了新华村的绿野合作社). */
export const VISIT_PLACE_SUFFIXES = ['村', '镇', '乡', '街道', '社区', '园区', '开发区', '工业园', '产业园', '工业区'];
export const FILLER_BLANKS =
  /(?<=^|[\s,，。;；:：!！?？]|说|是|嗯|呃|啊)(?:那个|这个|就是(?!说))+|(?<=^|[\s,，。;；:：])(?:我说一下啊?|说一下|我说下|跟大家说一下|给大家说一下|汇报一下|报告一下)/g;

/**
 * After a department: it is acting on the issue (国网在装表, 社保那边说…, 发改那边答应了), or has set its own next step
 * (商务局拟于下周组织对接会, 住建局将派人核查): work under way.
 */
/** Steps of work a department is said to have started (供电公司已经施工了, 住建局已派人): the matter is under way. */
export const DEPARTMENT_WORK_STEPS = [
  '开始',
  '着手',
  '动工',
  '施工',
  '进场',
  '派人',
  '上门',
  '介入',
  '启动',
  '勘察',
  '勘查',
  '踏勘',
];
/**
 * Work an office does on a matter, said in the past (人社局推荐了8个人, 银行审了一遍): the verbs of work under way that
 * are no result by themselves (推荐, 面试, 核实 — not 批, 办好).
 */
const DEPARTMENT_STEP_DONE = PROGRESS_VERBS.filter((v) => v.length > 1 && !COMPLETION_VERBS.includes(v));
export const DEPARTMENT_ACTING_AFTER = new RegExp(
  `^(?:那边|这边|那块|这块)?\\s*(?:已经?|也已经?)(?:${DEPARTMENT_WORK_STEPS.join('|')})|` +
    `^(?:那边|这边)?\\s*(?:已经?|也|都)?(?:${DEPARTMENT_STEP_DONE.join('|')})(?:了|过)|` +
    /^(?:那边|这边|那块|这块)?\s*(?:说|讲|表示|答应|回复|答复|反馈|已经?答应|在|正在|也在|还在|牵头|组织|已受理|来人|(?:已经?|也)?接(?:了|手|过去|下来|住)|(?:已|也)?(?:拟于?|将于?|计划|准备|定于|已安排|安排)(?=[\u4e00-\u9fa5]))/
      .source,
);
/** Before a department: the issue is waiting there (卡在发改, 压在住建局): work under way. */
export const DEPARTMENT_WAITING_BEFORE = /(?:卡在|压在|停在|堵在|还在|在)\s*$/;

/**
 * A count of the problems just listed (两个问题我都还在整理, 三个问题三个部门): the reporter's remark on the list, no
 * problem itself when it names no matter.
 */
export const LISTED_TALLY = /[两二三四五六七八九十几\d]+(?:个|项|件|条|点)(?:问题|诉求|事项|事情|困难|需求)/;

/** A need that may arise later (届时可能需要…, 到时候要…, 如果扩产…): a contingency, no problem today. */
export const CONTINGENT_NEED = /届时|到时候?|将来|今后|以后|(?:可能|也许|或许)(?:会|还)?(?:需要|要)|如果|假如|若是/;

/** A header clause announcing a list (问题如下, 诉求两条, 反映三点, 问题主要有以下几点): no problem itself. */
export const LIST_HEADER =
  /^(?:企业|公司|他们|对方)?(?:这边|那边|这里|那里|这次|今天|目前|现在)?(?:反映|反应|提出|提了|提|诉求|问题|情况|需求|困难)?(?:的)?(?:主要|集中|具体)?(?:问题|诉求|情况|需求|困难|事项|几点|事)?(?:主要|集中|具体)?(?:如下|有|是|在)?(?:以下|下面|下列)?(?:[两二三四五六七八九十几\d]+(?:个|点|条|件|项)(?:方面)?(?:的)?(?:问题|诉求|事|事项)?)?(?:如下)?\s*$/;

/** A list header that counts its items (主要是三个问题, 反映两点): a header whatever follows it, colon or not. */
export const COUNTED_LIST_HEADER =
  /[两二三四五六七八九十几\d]+(?:个|点|条|件|项)(?:方面)?(?:的)?(?:问题|诉求|事|事项|困难|需求)?$/;

// ---- self-repair in speech (“昨天 不对 前天”, “不是Q-0035，是Q-0036”): extract/repair.ts

/** Words a speaker uses to take back what they just said, between the wrong and the right mention. */
export const REPAIR_MARKERS = ['不对', '哦不', '噢不', '啊不', '不不', '说错了', '口误', '错了', '更正', '纠正一下'];
/** Words that may surround a repair marker without being part of the mentions (fillers, 是, 应该是). */
export const REPAIR_FILLERS = ['呃', '嗯', '啊', '那个', '就是', '应该是', '应该', '是', '哦', '噢'];
/** The negation that announces the wrong mention before it (不是A，是B). */
export const REPAIR_NEGATION = '不是';
/**
 * Pointing back at a message already sent, or asking to edit what was recorded (刚那条是…, 上一条的编号, 麻烦改一下,
 * 编号写错了): a correction of the record. Said with no step, no office and no matter of its own (刚那条是Q0053不是Q0035，
 * 麻烦改一下), it reports nothing new.
 */
export const RECORD_CORRECTION =
  /(?:刚才?|刚刚|上一|前一|上面)(?:那|这)?一?条(?:消息|记录)?(?:是|的|里|写|发)|(?:麻烦|帮忙|请|帮我)?(?:改|更正|修改|纠正|订正)(?:一下|下)|(?:说|写|记|搞|填|标|录)错了?/;
/**
 * A state the record was given by mistake, with what was recorded (之前误标办结了, 错填成已销号, 标错为已交办): taken back,
 * not a state of the issue now.
 */
export const MISRECORDED_STATE =
  /(?:误|错)(?:标|记|写|填|录|登)(?:成|为)?[^，,。;；!！?？\s]{0,8}|(?:标|记|写|填|录|登)错(?:成|为)[^，,。;；!！?？\s]{0,8}/g;

/**
 * Strain on the enterprise's cash said without naming a loan or a bank (资金周转压力大, 现金流紧张, 资金紧张): after a
 * problem of money owed or earned (退税到账慢, 补贴没兑现, 订单下滑) it is that problem's consequence, no other one.
 * A loan, a bank or a request (贷款到期, 想申请续贷) is a matter of its own.
 */
export const CASH_STRAIN =
  /^(?:(?:企业|公司|厂里)?(?:的)?(?:资金|现金流?|流动资金)(?:周转)?(?:压力|也|很|比较|有点|非常|特别|更加?)*(?:大|紧张?|困难|吃紧|紧绷)|(?:周转|资金链)(?:压力)?(?:也|很|比较|有点)?(?:大|紧张?|困难|吃紧))[了的啊]?\s*$/;

/**
 * A staffing deficit said without naming whom (招不到人, 缺人, 人手不够, 用人难): after a clause naming the workers
 * or professionals lacking, it restates that problem, it raises no other one.
 */
export const GENERIC_STAFFING =
  /(?:招不到|招不来|招不齐|招不上|找不到|留不住|缺|差|要|招)人(?:手)?|人(?:手|员)?(?:招不到|招不来|招不齐|不够用?|紧缺|短缺|不足|紧张|很紧|太少)|(?:招人|用人|招工)(?:很|太|比较|特别)?难|人手紧/g;

/**
 * A need reported part-way met (挡车工招到十几个了，还差一半; 资金到位一半; 还剩3个岗位): progress on the matter the team
 * already has, not a new one, when it shares the matter's words (service/report-flow.ts sameMatter).
 */
export const PARTLY_MET =
  /(?:招到|招了|招来|到岗|到位|到账|放了|批了|落实了|解决了|完成了?)[^，,。；;]{0,8}(?:还差|还缺|还剩|剩下|剩余|差了?|缺口还|另外还)|(?:还差|还剩|剩下|剩余)[^，,。；;]{0,6}(?:一半|[一二两三四五六七八九十百\d]+|大半|不少)|(?:已经?|刚|陆续)(?:招到|到岗|到位)/;

/**
 * A matter named again with only a step not yet taken (用地还没弄, 补贴那个还没动, 招工的事尚未处理): said of a problem
 * listed before it in the same message, it restates that problem (still open), it raises no second one. Group 1 is the
 * matter's words.
 */
export const RESTATED_UNTOUCHED =
  /^\s*([\u4e00-\u9fa5A-Za-z]{1,8}?)(?:的事情?|的问题|那个|这个|那块|这块)?\s*(?:都|也|暂时|目前)?(?:还|尚)?(?:没有?|未)(?:弄|动|办|管|处理|跟进|落实|交|报|推进|开始|着手|安排)(?:呢|了|好)?\s*[。.!！]?\s*$/;

/**
 * Courtesies an enterprise asks for that solve nothing (希望政府多来看看, 政策多宣传宣传, 想请我们去参加他们的年会): a clause
 * made of one of them raises no problem, like 没什么诉求 (src/ledger/extract/extract.ts).
 */
export const COURTESY_WISH =
  /(?:希望|盼望|欢迎|想请|请|邀请)?(?:政府|我们|领导|组团|部门|大家|县里|镇里|区里)?(?:以后|今后|有空|有时间)?(?:多|常|经常|再)(?:来|过来|下来|去)(?:看看|走走|坐坐|转转|指导|调研)?|(?:政策)?(?:多|加强|加大)(?:宣传|宣讲)(?:宣传)?|(?:(?:想请|请|邀请)(?:我们|政府|领导|大家)?(?:去|来)?)?(?:参加|出席)(?:一下)?(?:他们|企业|公司|厂里)?的?(?:年会|活动|庆典|开业|典礼|晚会|联欢会|团拜会)/;

/**
 * Asking how matters handed to someone stand (金融办那边有消息没, 人社局有没有新进展, 住建局怎么说, 税务局回复了吗):
 * with a department and nothing else, the question is about the team's open issues handed to it (commands.ts).
 */
export const PROGRESS_ASK =
  /(?:(?:现在|目前|最近|这两天)?(?:有没有|有)(?:什么|啥|点)?(?:新的?)?(?:消息|进展|回复|回音|结果|动静|反馈|答复)(?:了)?(?:没有?|吗|不)?|(?:怎么说|咋说|说什么了?|回复了?(?:吗|没有?)|回了?(?:吗|没有?)|回话了?(?:吗|没有?)|办得?怎么样了?|弄得?怎么样了?|怎么样了|咋样了|进展如何|进度如何|进展怎么样|什么情况|啥情况|到哪(?:一步|步)?了))$/;

/**
 * A quantity: a number (digits or Chinese numerals) and its measure word (30人, 十名, 200万, 50亩). Group 1 is the
 * number, group 2 the measure. A correction made of one (不对 是50人) sets the quantity of that measure in the record.
 */
export const QUANTITY_SRC = String.raw`([\d.]+|[一二两三四五六七八九十百千万]+)(?:多|余)?(人|名|个|位|家|万元|万|元|亩|平方米|平米|吨|台|套|辆|间|栋|天|千瓦|度)`;
/** Measures that count the same thing: 名 and 人 (and 个, 位) of people. */
export const SAME_MEASURE: readonly (readonly string[])[] = [
  ['人', '名', '位', '个'],
  ['万', '万元'],
  ['平方米', '平米'],
];
/** A correction phrase that is a quantity alone (是50人, 应该有十名, 缺200万左右), its verb kept out (group 1). */
export const QUANTITY_ONLY = new RegExp(`^(?:应该|应|是|有|约|大概|缺|要|差|共)*${QUANTITY_SRC}(?:左右|上下)?$`);

/**
 * The rest of a subject two enterprises share (恒通电子和东方红机械都反映缺电 → 和东方红机械都): a problem's words that
 * open with it name a second enterprise the matter is also of (group 1).
 */
export const SHARED_SUBJECT_REST =
  /^(?:和|与|跟|及|以及|、)([\u4e00-\u9fa5A-Za-z]{2,16}?)(?:都|均|也都|两家都|两家企业都)/u;

/**
 * Several matters of one enterprise named together for one step (两个问题都交给经信局, 这几件事一并转发改, 所有问题都报给
 * 金融办): group 1 is the count said, when one is.
 */
export const BULK_MATTERS =
  /(?:([两二三四五六七八九十\d])|这|那|这几|那几|所有|全部)(?:个|件|项|条)?(?:问题|事情|事|诉求|事项)(?:都|全都|全部|一起|一并|统一)/u;
