/**
 * Status vocabulary of liaison-team chat (README of the eval set): the verbs that move an issue
 * along open → assigned → in_progress → resolved → closed. Each entry is a regex source; the parser
 * drops matches that are negated (还没交办), wished for (想尽快批下来) or in the future (月底前搞定).
 */
import type { IssueStatus } from '../model.js';

export interface StatusPattern {
  status: IssueStatus;
  /** Regex source, matched with the `giu` flags. */
  pattern: string;
  /** The verb already carries its own polarity (待交办 = open); skip the negation/wish/future checks. */
  literal?: boolean;
  /** Extra: the match does not count right after these words (…协调解决 is a request, not a fact). */
  notAfter?: string;
  /**
   * A stage the matter reached whoever's work it is (续贷已审批, 来人看过了): under way even on a new problem with no
   * department named (extract.ts keeps other work under way only with a handler: 企业正在做股改 is the enterprise's own).
   */
  stage?: boolean;
}

/**
 * Completion built from morphology rather than listed phrases: a verb of getting something done
 * followed by a result complement (批下来, 办好, 弄完, 落实好, 招到, 谈妥, 配齐), ending its clause or
 * followed by 了. The verbs and complements are data; COMPLETION_PATTERN combines them.
 */
export const COMPLETION_VERBS = [
  '批',
  '办',
  '签',
  '拿',
  '领',
  '发',
  '放',
  '拨',
  '付',
  '招',
  '找',
  '配',
  '补',
  '装',
  '接',
  '修',
  '建',
  '跑',
  '搞',
  '弄',
  '凑',
  '谈',
  '审',
  '退',
  '清',
  '续',
  '还',
  '结',
  '搬',
  '分',
  '铺',
  '架',
  '砌',
  '埋',
  '盖',
  '疏通',
  '维修',
  '更换',
  '解决',
  '落实',
  '兑现',
  '争取',
  '处理',
  '协调',
  '安排',
  '完善',
  '整改',
  '验收',
  '审批',
  '调',
  '划',
  '拆',
  '迁',
  '改',
  '换',
  '通',
];
export const RESULT_COMPLEMENTS = [
  '下来',
  '出来',
  '好',
  '完',
  '妥',
  '定',
  '齐',
  '满',
  '到手',
  '到',
  '成',
  '通',
  '掉',
  '上',
  '完毕',
  // enough (缺口已补足, 人员配足了, 招足了)
  '足',
];
/**
 * Money and papers coming in (钱打过来了, 补贴款汇过来了, 退税退到账上了): a verb of transfer with a
 * complement of arrival towards the enterprise (过来, 进来, 到 + an account) is a result.
 */
export const TRANSFER_IN_VERBS = ['打', '汇', '拨', '划', '转', '寄', '退', '返', '发', '付'];
/** Where money arrives (账上, 账户, 卡上), optionally the enterprise's own (到企业账户, 到公司账上). */
export const ACCOUNT_PLACES = ['账上', '账户', '账里', '户头', '卡上', '账'];
/**
 * Quantifiers of a part (一半, 一部分, 大部分, 首批): a result said of a part only (放了一半, 部分到账,
 * 首笔已拨) leaves the matter under way.
 */
export const PARTIAL_QUANTIFIERS = [
  '一半',
  '过半',
  '大半',
  '近半',
  '一部分',
  '大部分',
  '小部分',
  '少部分',
  '部分',
  '一些',
];
export const PARTIAL_LEADS = [...PARTIAL_QUANTIFIERS, '首批', '第一批', '首笔', '第一笔', '头一笔'];
/**
 * A share short of the whole (50%, 百分之六十, 七成, 过半), optionally hedged (约, 大概, 近): a result said in such a
 * share (完成约50%, 到位了80%, 招了七成) leaves the matter under way. 100% and 十成 are the whole and are not here.
 */
export const PARTIAL_SHARE =
  '(?:约|大约|大概|近|将近|接近|超过|才|只|仅)?(?:[1-9]\\d?(?:\\.\\d+)?\\s*[%％]|百分之[一二三四五六七八九][十]?[一二三四五六七八九]?|[一二三四五六七八九]成(?!本|立|员|果|绩|交|功|为))';
/**
 * What is granted to an enterprise (补贴, 奖励, 款, 证, 批复): once it has received one (已经收到补贴了,
 * 收到了退税款) the matter is solved. Papers a department receives (材料, 申请) are not here: that is work.
 */
export const GRANTED_THINGS = [
  '补贴',
  '补助',
  '奖励',
  '奖补',
  '奖金',
  '资金',
  '款',
  '钱',
  '退税',
  '证书',
  '证',
  '批复',
  '批文',
  '许可',
  '贷款',
];
/**
 * The matter needs no more following (不用再跟了, 不需要再协调了, 可以不管了): it is over, so solved.
 */
export const NO_MORE_FOLLOW_VERBS = ['跟进', '跟踪', '跟', '协调', '管', '催', '盯', '帮忙', '操心', '对接'];

/** Result complements that may take an object before 了 (装好变压器了, 招到两个了): not 上/下来/出来 (directional). */
export const OBJECT_COMPLEMENTS = ['好', '完', '齐', '到', '妥'];
/** Money coming in, said of an amount (今天到账200w, 放款3000万元, 拨付了50万): the money is there. */
export const MONEY_ARRIVALS = ['到账', '到款', '放款', '拨付', '兑付', '打款', '发放'];
/** Things that arrive or come through by themselves (钱到账了, 证下来了, 电通了). */
export const ARRIVAL_PREDICATES = [
  '到账',
  '到位',
  '到岗',
  '落地',
  '下来',
  '下发',
  '下达',
  '批复',
  '通过',
  '办结',
  '解决',
  '兑现',
  '放款',
  '开通',
  '接通',
  '拨付',
  '兑付',
  '打款',
  '到款',
  '修复',
  '修通',
  '发放',
  '发证',
  '出证',
  '核发',
  '颁发',
  '拿证',
  '完工',
  '竣工',
  '通电',
  '通水',
  '通气',
  '投用',
  '投运',
  '入住',
  '入驻',
  '送电',
  '供上',
];
/**
 * Verbs of work under way after a progressive 在/正在/还在 (人社局在面试, 银行还在审): the completion
 * verbs that read unambiguously after 在, plus verbs of ongoing work. (在还/在上/在通 are left out:
 * 现在还没批 is no progress.)
 */
export const PROGRESS_VERBS = [
  ...COMPLETION_VERBS.filter((v) => v.length > 1),
  '对接',
  '批',
  '办',
  '审',
  '修',
  '装',
  '谈',
  '弄',
  '搞',
  '跑',
  '查',
  '核',
  '催',
  '签',
  '招',
  '做',
  '面试',
  '招聘',
  '培训',
  '沟通',
  '联系',
  '复核',
  '核实',
  '核查',
  '测算',
  '论证',
  '评估',
  '排查',
  '走流程',
  '走程序',
  '放款',
  '准备',
  '筹备',
  '起草',
  '商量',
  '协商',
  '磋商',
  '洽谈',
  '施工',
  '设计',
  '打报告',
  '申报',
  '推荐',
  '物色',
  '帮忙',
  '帮着',
  '想办法',
  '指导',
  '辅导',
  '帮扶',
  '审查',
  '组卷',
  '报批',
  // checks made on site (现场勘查, 组织专家复查, 踏勘)
  '复查',
  '勘查',
  '勘察',
  '踏勘',
  '查看',
  '会商',
  '研判',
];
/**
 * Verbs of noting a matter down (记录下来了, 记下来了, 登记上了, 截图下来了): a complement of arrival after them is the
 * speaker's record being made, no result of the matter.
 */
export const RECORDING_VERBS = ['记录', '登记', '记', '录', '写', '抄', '截图', '截', '拍', '存'];
/** Perception and speech verbs: "V到了" with these reports nothing done (想到了, 提到了). */
export const NON_RESULT_BEFORE_DAO = [
  '想',
  '看',
  '遇',
  '碰',
  '听',
  '感',
  '注意',
  '意识',
  '提',
  '说',
  '讲',
  '谈',
  '聊',
  '不',
  '没',
  '收不',
  '找不',
  '做不',
  '办不',
  '拿不',
];
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const SINGLE_CHAR_DONE = COMPLETION_VERBS.filter((v) => v.length === 1 && !'跑找搞弄改换调接'.includes(v)).join('');
/** Clause end or 了/啦 (then no question particle); colloquial final particles (咯, 喽, 啰, 嘞) end a clause like 了. */
const DONE_END = '(?:了|啦|喽|咯|啰|嘞)?(?=$|[,，。;；!！\\s~～])|(?:了|啦)(?![没吗么不])';
/**
 * An amount of things ahead (八个, 500万, 30亩) — not a length of time (两个月, 三个星期: 招了两个月 is trying, not done).
 */
const AMOUNT_AHEAD =
  '(?=\\s*[\\d一二两三四五六七八九十几百千万]+\\s*(?:个(?!多?(?:月|星期|礼拜|钟头|小时|工作日|晚上|白天))|套|名|人|万|亿|亩|间|台|笔|元|千|百|批|户|[wW](?![a-zA-Z])))';
export const COMPLETION_PATTERN =
  `(?<![对衔承部充十过])(?:${alt(COMPLETION_VERBS)})(?:${alt(RESULT_COMPLEMENTS)})(?:${DONE_END})|(?:${alt(COMPLETION_VERBS)})过了|已下(?:发|达|来)?(?=$|[,，。;；!！\\s])|(?:\\d[号日]|昨天|前天|上周.)(?:就)?(?:放|批|拨|发|办|签|到账|到位|落实)的(?=$|[,，。;；!！\\s])|` +
  `(?:${alt(ARRIVAL_PREDICATES)})(?:了|啦)(?![没吗么不])|(?:批|放|拨|签|通|结|领|付)(?:了|啦)(?=$|[,，。;；!！\\s~～])|` +
  // money coming in (打过来了, 汇到账上了, 已到企业账户)
  `(?:${alt(TRANSFER_IN_VERBS)})(?:过来|进来)(?:了|啦)|(?:${alt(TRANSFER_IN_VERBS)}|已经?|都已|均已)到(?:了)?(?:企业|公司|厂里|他们|对方)?(?:的)?(?:${alt(ACCOUNT_PLACES)})(?![没吗么不])|` +
  // something granted handed to the enterprise (许可证已经发给企业了, 奖励资金已拨给公司)
  `(?:${alt(GRANTED_THINGS)})[\\u4e00-\\u9fa5]{0,2}?(?:已经?|都已|均已)(?:发|颁发|下发|送|寄|拨|付|交)(?:给|到)(?:了)?(?:企业|公司|厂里|厂家|他们|对方|老板)|` +
  // something granted received (已经收到补贴了, 收到了退税款)
  `(?:已经?|都已|均已)(?:收到|收到了)[\\u4e00-\\u9fa5]{0,4}?(?:${alt(GRANTED_THINGS)})|收到(?:了)?[\\u4e00-\\u9fa5]{0,4}?(?:${alt(GRANTED_THINGS)})(?:了|啦)|(?:已经?|均已|都已)(?:${alt(ARRIVAL_PREDICATES)})|` +
  // money come in, in an amount (今天到账200w, 放款3000万)
  `(?:${alt(MONEY_ARRIVALS)})了?${AMOUNT_AHEAD}|` +
  // verb + result complement + its object + 了 closing the clause (装好变压器了, 招到两个了, 办完手续了)
  `(?<![对衔承部充十过])(?:${alt(COMPLETION_VERBS)})(?:${alt(OBJECT_COMPLEMENTS)})[\\u4e00-\\u9fa5\\d]{1,6}?(?:了|啦)(?=$|[,，。;；!！\\s~～])|` +
  // 已 + a bare result adjective ending its clause (已经好了, 都妥了, 已经通了)
  `(?:已经?|均已|都已)(?:好|妥|完|通|齐)(?:了|啦)?(?=$|[,，。;；!！\\s~～])|` +
  // 已 + a one-character completion verb ending its clause (贷款已放, 补贴已发, 证已领)
  `(?:已经?|均已|都已)[${SINGLE_CHAR_DONE}出](?:了|啦)?(?=$|[,，。;；!！\\s~～])|` +
  // 已 + a completion verb (+ 了) + an amount (已经分了10套, 已协调10套): done, in that amount
  `(?:已经?|均已|都已)(?:${alt(COMPLETION_VERBS)}|分|调配|腾)了?${AMOUNT_AHEAD}|` +
  // a completion verb + 了 + an amount (招了八个, 放了500万, 批了30亩): done, in that amount
  `(?<![没未不])(?:${alt(COMPLETION_VERBS.filter((v) => v.length > 1 || !'跑找搞弄改换调接还'.includes(v)))})了${AMOUNT_AHEAD}|` +
  // something arrived (钱到了, 人都到了, 享受到了), not perceived or said (想到了, 提到了)
  `(?<!${alt(NON_RESULT_BEFORE_DAO)})到(?:了|啦)(?=$|[,，。;；!！\\s~～])`;
/**
 * A moment later today (晚点, 等下, 待会儿, 一会儿): the speaker's step said with them is still to take (晚点我报给人社,
 * 等下跟住建说), and 等 there is no waiting on the matter.
 */
export const SOON_TIMES = [
  '晚点',
  '晚些',
  '等下',
  '等一下',
  '等会儿',
  '等会',
  '待会儿',
  '待会',
  '一会儿',
  '过会儿',
  '稍后',
];
/** Times a little ahead (下周, 月底, 过两天): a result promised for them is work under way. */
export const NEAR_FUTURE_TIMES = [
  '这周',
  '本周',
  '下周',
  '下礼拜',
  '下星期',
  '这个月',
  '本月',
  '下个月',
  '下月',
  '月底',
  '月初',
  '年底',
  '近期',
  '过几天',
  '过两天',
  '明天',
  '后天',
  '马上',
  '很快',
];
/** Who comes to the site (来, 上门, 派人): with SITE_VISIT_ACTS, a promised visit of whoever acts on the matter. */
const SITE_VISIT_COMINGS = ['来', '过来', '上门', '到现场', '去现场', '派人'];
const SITE_VISIT_ACTS = [
  '看',
  '查看',
  '勘查',
  '勘察',
  '检查',
  '检修',
  '处理',
  '核实',
  '对接',
  '了解',
  '测量',
  '踏勘',
  '现场',
];
/**
 * Whoever acts came and saw to it, said with the experiential 过 (国网来人看过了, 生态那边派人去看过了, 住建上门核实过):
 * the visit made is work started on the matter, not only its promise (说下周来看 is SITE_VISIT_COMINGS' promise).
 */
export const SITE_VISIT_MADE = `(?:${alt([...SITE_VISIT_COMINGS, '来人', '派了人'])})(?:去|来)?(?:${alt(SITE_VISIT_ACTS)})过了?(?![没吗么])`;
/** Words that make the coming a wish or a request, not a promise (希望你们来看看, 让供电公司来看). */
const SITE_VISIT_WISHES = ['希望', '请', '想', '让', '要求', '盼', '能不能', '能否'];
/** Words of a lack or a loss: 预计 before them forecasts the problem (预计缺包装工三十人, 预计减产), no result. */
export const FORECAST_OF_LACK = [
  '缺',
  '少',
  '短缺',
  '不足',
  '不够',
  '欠',
  '差',
  '减',
  '降',
  '亏',
  '下滑',
  '没',
  '不',
  '难',
];
/** A result forecast with a modal (这周能拿, 下周可以批, 预计月底能到账): the matter is under way. */
export const FORECAST_PATTERN =
  `(?:这周|本周|下周|这个月|本月|月底|年底|近期|过几天|过两天|明天|后天|预计|有望)(?:前|之前|内)?(?:就|才)?(?:能|会|可以|可)(?:${alt(COMPLETION_VERBS)}|${alt(ARRIVAL_PREDICATES)}|拿|出)|` +
  // 预计/有望 name a forecast by themselves (预计下周上会审批, 有望月底到账)
  `(?:预计|有望)(?:(?!${alt(FORECAST_OF_LACK)})[^，,。;；]){0,6}?(?:${alt(COMPLETION_VERBS)}|${alt(ARRIVAL_PREDICATES)}|上会|出批复)|` +
  // whoever acts promised it for a near time, without a modal (银行说下周放, 住建答应月底批)
  `(?:说|答应|表示|承诺|回复|答复)(?:了)?[^，,。;；]{0,3}?(?:${alt(NEAR_FUTURE_TIMES)})(?:前|之前|内)?(?:就|才)?(?:能|会|可以|可|给)?(?:${alt(COMPLETION_VERBS)}|${alt(ARRIVAL_PREDICATES)}|给)`;
/**
 * Colloquial final particles after 了/啦 (款子到了噢, 批了哈, 办好啦呀): they end the clause like a comma would (status.ts
 * reads them as a clause end).
 */
export const FINAL_PARTICLES = ['哈', '哦', '噢', '喔', '呀', '啊', '嘛', '哟', '呐'];
/**
 * Work that goes on (继续跟进, 持续推进, 缺口6人继续招, 继续走流程): the verbs of work under way after 继续/持续, and the
 * following ones.
 */
export const CONTINUED_WORK_VERBS = [...PROGRESS_VERBS, '跟进', '跟踪', '跟', '推进', '盯'];
/** Progressive 在 + (a manner +) a verb of work (在面试, 还在审, 正在走流程, 在技术审查); not 现在/实在/存在. */
/** How the work under way is done, between 在 and its verb (在技术审查, 在现场核查, 正在加紧办理). */
export const PROGRESS_MANNERS = ['技术', '现场', '实地', '集中', '联合', '加紧', '抓紧', '加快', '全力'];
export const PROGRESSIVE_PATTERN = `(?<![现实存所好自内])(?:正在|还在|都在|也在|已在|仍在|在)(?:${alt(PROGRESS_MANNERS)})?(?:${alt(PROGRESS_VERBS)})`;
/**
 * Before a result verb in its clause: a progressive governing it (已经在走审批了, 还在办理审批, 正在办下来): the result is
 * what the work under way aims at, not a result.
 */
export const PROGRESSIVE_BEFORE = new RegExp(
  `(?:${PROGRESSIVE_PATTERN}|(?<![现实存所好自内])(?:正在|还在|仍在|在)走)[^，,。;；了\\s]{0,4}$`,
);

/** A result said of a part only: V了 + a part (放了一半, 招了一部分), a part + (已) a result (部分到账, 首笔已拨). */
export const PARTIAL_RESULT_PATTERN =
  `(?:${alt(COMPLETION_VERBS)}|完成|落实|解决|整改|到|${alt(ARRIVAL_PREDICATES)})了?(?:${alt(PARTIAL_QUANTIFIERS)})(?![\\u4e00-\\u9fa5]*(?:没|未))|` +
  // a result in a share short of the whole (完成约50%, 到位了80%, 进度七成); not a bare 到 (利用率只到了30% is no result)
  `(?:${alt(COMPLETION_VERBS)}|完成|落实|整改|进度|${alt(ARRIVAL_PREDICATES)})了?\\s*(?:${PARTIAL_SHARE})|` +
  `(?:${alt(PARTIAL_LEADS)})(?:的)?[\\u4e00-\\u9fa5]{0,3}?(?:已经?|都已|均已|先)?(?:${alt(ARRIVAL_PREDICATES)}|解决|落实|完成|到|${alt(COMPLETION_VERBS.filter((v) => v.length > 1))})`;

/** Modal or request words before a sign-off: it may be signed off, so it is solved, not yet closed. */
export const SIGN_OFF_MODALS = ['可以', '可', '能够', '能', '申请', '建议', '拟', '准备', '待'];
/** Modals that ask (A-not-A, 是否): before 销号 they ask whether it may be signed off. */
export const SIGN_OFF_ASK_MODALS = [
  '能不能',
  '可不可以',
  '可否',
  '能否',
  '是不是可以',
  '是不是能',
  '是不是',
  '是否可以',
  '是否能',
  '是否',
];
/**
 * The check a sign-off waits for, made by an office or a return visit in the same sentence (可以销号了，组织部回访确认过了;
 * 经组织部核实，可予销号): "may be signed off" then states the sign-off itself — unless asked (可以销号了吧？) or still
 * awaited (待组织部确认). The enterprise's own word (企业已确认解决) is no check.
 */
export const SIGN_OFF_CHECK_DONE = /(?:部|局|办|委|中心|领导|回访)[^，,。;；]{0,4}?(?:确认|核实|核查|验收|审核|同意)/;
/** A sign-off asked about or still awaited: no sign-off stated. */
export const SIGN_OFF_OPEN = /[吧吗么?？]|待[^，,。;；]{0,6}(?:确认|核实|同意)|(?:确认|核实|同意)(?:后|之后|以后)/;

/** A verb of work (two characters or more: 谈中 is 座谈中) + the progressive suffix 中 (施工中, 招聘中, 走流程中); not 中心, 中国, 中介, 中标, and not 中 as 'during' (沟通中了解到, 座谈中企业提出). */
export const PROGRESSIVE_SUFFIX_PATTERN = `(?<!座)(?:${alt(PROGRESS_VERBS.filter((v) => v.length > 1))})中(?![心国介标间层])(?!\\s*(?:企业|对方|他们|老板|我们)?\\s*(?:了解|发现|得知|获悉|听说|提|反映|说|表示|谈到|问))`;

/** Where a matter is on its way (审评, 公示, 尾声): 进入 + a stage is work under way. */
export const PROCESS_STAGES = [
  '阶段',
  '环节',
  '程序',
  '流程',
  '审评',
  '评审',
  '审查',
  '审核',
  '公示',
  '尾声',
  '会审',
  '终审',
];
/** Who a department sends or calls in to do the work (组织专家…复查, 组织技术人员…排查, 召集三家银行对接). */
export const STEP_PARTICIPANTS = [
  '专家',
  '人员',
  '技术人员',
  '工作人员',
  '专业人员',
  '相关部门',
  '相关单位',
  '力量',
  '银行',
];
/** What an application sent back is to get (退回补材料, 退回修改): work on it goes on. */
export const RETURNED_FOR = ['补材料', '补资料', '补正', '补充', '补', '修改', '完善', '重报', '重新'];
/** Schedules work is put on (列入计划, 纳入年度计划): the work is under way. */
export const SCHEDULE_NOUNS = ['计划', '规划', '盘子', '清单', '项目库', '日程', '议程'];
/** Times a step is put off to (节后, 年后, 下周): 待节后研究 is as open as 待研究. */
export const LATER_TIMES = [...NEAR_FUTURE_TIMES, '节后', '年后', '后续', '下一步', '进一步', '择期'];
/** How many rounds of a step (两场, 三次, 一轮, 第二批): 组织了两场招聘会 is work under way. */
const STEP_COUNT = '(?:第)?[\\d一二两三四五六七八九十几多]+\\s*(?:场|次|轮|期|批|回)';
/**
 * A step of work, said with a light verb (进行/开展/组织/做 + a verb of work: 进行了辅导, 开展核查, 组织了招聘会), as a
 * stage reached (进入技术审评), as near its end (快了), or with a step still to come (待复验): the matter is under way.
 */
export const STEP_TAKEN_PATTERN =
  `(?:进行|开展|组织|做)了?(?:现场|上门|专题|专场|${STEP_COUNT}|了)?(?:${alt(PROGRESS_VERBS)})|` +
  // 组织 + who takes part (+ when, where) + the work (组织专家于3月18日现场复查, 召集三家银行对接)
  `(?:组织|召集)了?(?:[\\d一二两三四五六七八九十几]+\\s*家)?(?:${alt(STEP_PARTICIPANTS)})[^，,。;；]{0,10}?(?:${alt(PROGRESS_VERBS)})|` +
  // work put on the schedule (列入计划, 纳入年度计划, 排进盘子)
  `(?:列入|纳入|排进|排入)[^，,。;；]{0,8}?(?:${alt(SCHEDULE_NOUNS)})|` +
  // an application sent back to be completed (退回补材料了, 被退回修改): the matter goes on
  `退回(?:来)?(?:让|要求|给企业)?(?:${alt(RETURNED_FOR)})|` +
  // … with what is missing said between (退回，材料不全，让企业补; 被退回了 要求企业补正)
  `退回[^。;；\\n]{0,10}?(?:让|要求|通知|请)(?:企业|公司|厂里|对方|他们)?(?:尽快|抓紧)?(?:${alt(RETURNED_FOR)})|` +
  `进入[^，,。;；]{0,8}?(?:${PROCESS_STAGES.join('|')})|(?<=^|[\\s,，。;；:：])(?:应该|估计|也|就)?快了(?=$|[,，。;；!！\\s])|` +
  // a step still to come, opening its clause (…已完成路基施工，待铺沥青; 整改过半，待复验); not a sign-off or a check before it
  `(?<=^|[\\s,，。;；:：])(?:目前|现|仍|尚|还)?待(?!(?:${alt(LATER_TIMES)})?(?:研究|协调|解决|处理|跟进|交办|转办|上报|定|遇|人|客|销|消|回访|确认))[\\u4e00-\\u9fa5]{1,5}(?=$|[,，。;；!！\\s])`;

/** Matters of money (贷款, 授信, 补助, 奖励): their end is the money paid, an approval is a stage on the way. */
export const MONEY_MATTERS = [
  '贷款',
  '续贷',
  '转贷',
  '贷',
  '授信',
  '额度',
  '过桥',
  '资金',
  '补贴',
  '补助',
  '奖励',
  '奖补',
  '款',
];
/** The formal approval of a matter (已审批, 审批通过, 已出批复): not the colloquial 批下来了, which tells the end of it. */
export const FORMAL_APPROVALS = ['审批通过', '审批', '批复', '出批复', '出具批复', '出了批复'];
/** A formal approval of a money matter, in the same clause (续贷800万 已审批, 300万 已出批复). */
export const MONEY_APPROVED_PATTERN = `(?<=(?:${alt(MONEY_MATTERS)})[^，,。;；]{0,12}?)(?:已经?|均已|都已)(?:${alt(FORMAL_APPROVALS)})(?:了)?(?!中)`;
/**
 * Submitting a matter for approval (已报批, 报审了, 已送审, 银行已经上会了): the department has put it forward, the approval itself is
 * still to come — work under way, not a result (报批了 is not 批了).
 */
export const SUBMITTED_FOR_APPROVAL = ['报批', '报审', '送审', '呈批', '提请审批', '上报审批', '上会'];
/**
 * A one-character verb and a one-character thing granted, said with 已 as a whole word (已退税, 已换证, 已转贷, 已领证,
 * 已放款): the enterprise has it, so the matter is solved. The short form of a tracking table's progress cell.
 */
export const GRANT_VERB_CHARS = '退换领发拿办放拨付转续补';
export const GRANTED_OBJECT_CHARS = '税证照款贷';
/** Who is satisfied when a matter is settled (企业满意, 对方表示认可): the matter is solved. */
export const SATISFIED_PARTIES = ['企业', '对方', '老板', '厂里', '厂家', '公司', '他们'];
export const SATISFIED_WORDS = ['满意', '认可'];
/**
 * Working a matter together with another office (会同住建局研究, 会同县财政局协调处理): the work is under way.
 */
export const JOINT_WORK_VERBS = [
  '研究',
  '协调',
  '处理',
  '核查',
  '核实',
  '会商',
  '调研',
  '对接',
  '推进',
  '办理',
  '论证',
];

/**
 * A verb + 到 + a time (改到周五, 调到下午, 推到下周): a date moved, not something got (找到, 招到) — no result.
 */
export const MOVED_TO_TIME =
  /到\s*(?:本|下|这|上)?(?:个)?(?:周[一二三四五六日天末]|星期|礼拜|月底|月初|月中|年底|年初|明天|后天|今天|明早|上午|下午|晚上|节后|年后|[\d一二三四五六七八九十两]+\s*(?:月|日|号|点|时|周))/;

/** How several matters were handed off at once (已统一报人社局, 已一并报组织部, 已分别转资规局、人社局). */
export const HANDOFF_MANNERS = ['统一', '一并', '集中'];
const HANDOFF_MANNER = `(?:${HANDOFF_MANNERS.join('|')})?`;

export const STATUS_PATTERNS: StatusPattern[] = [
  // explicit "not handed off yet" → open
  {
    status: 'open',
    literal: true,
    pattern:
      '(?:均|都|全部|暂|还|尚)?(?:未|没有?|尚未|还没有?|待|暂未|暂不|先不|暂时不|暂且不|不用|不需要)(?:交办|交|报|转|移交|上报|处理|研究|协调|对接)',
  },
  { status: 'open', literal: true, pattern: '待研究|待协调|待解决|待处理|待跟进|先记下|先登记' },
  // nobody handles it yet (还没人管, 无人跟进, 没人认领)
  {
    status: 'open',
    literal: true,
    pattern: `(?:没有?|无)人(?:${alt(['管', '跟', '跟进', '认领', '负责', '对接', '处理', '接手', '过问'])})`,
  },

  // asked whether it may be signed off (能不能先销号？, 可以销号吗, 是不是可以消号了): the asker holds it solved — a
  // question about 销号 presupposes 办结 (a question about 结 itself, 能不能结了？, stays a question)
  {
    status: 'resolved',
    literal: true,
    pattern:
      `(?:${alt(SIGN_OFF_ASK_MODALS)})\\s*(?:先|就|直接)?\\s*(?:申请|予以|进行)?\\s*(?:销号|消号)|` +
      `(?:${SIGN_OFF_MODALS.join('|')})\\s*(?:先|就|直接)?\\s*(?:申请|予以|进行)?\\s*(?:销号|消号)(?=\\s*(?:了|啦)?\\s*(?:吗|吧|么|嘛|[?？]))`,
  },
  // may be signed off (可以销号了, 能销了, 申请销号, 拟销号): solved and ready, the sign-off itself is still to come
  {
    status: 'resolved',
    pattern: `(?:${SIGN_OFF_MODALS.join('|')})\\s*(?:申请|予以|进行|作)?\\s*(?:销号|消号|销(?=\\s*(?:了|啦|吧|$|[,，。;；!！?？])))`,
  },
  // closed: signed off
  // signed off, said as done (确认后销号了)
  { status: 'closed', pattern: '(?:已|予以|做)?(?:销号|消号)了' },
  // a bare 销 closing its clause (Q-0012 销, 销掉了), not 报销/撤销/注销/推销/营销…
  {
    status: 'closed',
    pattern: '(?<![撤注推促营经分报开取核吊抵])销(?:掉)?(?:了|啦)?(?=$|[,，。;；!！\\s])',
    notAfter: '(?:完|后|之后|以后|再|(?<!那\\s*)就|才|拟|待|准备|等|可以|可|能|能够|要|想)\\s*$',
  },
  {
    status: 'closed',
    pattern: '(?:已|同意|予以|做)?(?:销号|消号)|已闭环|闭环了|\\bclosed?\\b',
    // a sign-off that waits for something first (回访完销号, 确认后再销号, 拟销号): not done yet
    notAfter: '(?:完|后|之后|以后|再|(?<!那\\s*)就|才|拟|待|准备|等)\\s*$',
  },

  // the matter needs no more following (不用再跟了, 不需要再协调了): over, so solved
  {
    status: 'resolved',
    literal: true,
    pattern: `(?:不用|不需要|不必|无需|用不着)(?:再|继续)?(?:${alt(NO_MORE_FOLLOW_VERBS)})(?:了|啦)|可以不(?:用)?(?:再)?(?:${alt(NO_MORE_FOLLOW_VERBS)})了`,
  },
  // submitted for approval (已报批, 报批了, 已送审): under way, the approval is still to come
  {
    status: 'in_progress',
    pattern: `(?:已经?|都已|均已)?(?:${alt(SUBMITTED_FOR_APPROVAL)})(?:了|啦)?`,
  },
  // a result said of a part only (放了一半, 到了一部分, 部分到账, 首笔已拨): under way
  {
    status: 'in_progress',
    pattern: PARTIAL_RESULT_PATTERN,
  },

  // money approved in form, not yet paid (续贷800万 已审批, 300万 已出批复): a stage on the way, the money is still to come
  { status: 'in_progress', pattern: MONEY_APPROVED_PATTERN, stage: true },

  // resolved
  {
    status: 'resolved',
    pattern:
      '(?:已经?|均已|都已)(?:全部|全都|都)?(?:解决|分配|办结|放款|到账|拨付|兑现|落实|发放|完成|搞定|办好|处理好|获批|批复|审批通过|通过|拿到|到位|签约|供地|批(?!示)|招到|找到|配齐|补齐|到岗|领到|办理完毕|办完|批准|下达|安排到位|补发|支付|付款|付清|结清|落地|取得|办出|办下来)|以(?:解决|办结|放款|到账)|已(?:于|在)[^，,。；;]{1,12}?(?:放款|到账|拨付|办结|解决|完成|发放|兑现|通过|批复|获批|落实|签约|供地|办好)',
  },
  {
    status: 'resolved',
    pattern:
      '解决了|得到解决|已解决|问题解决|办结|放款了|到账了|拨付到位|拨付了|到位了|兑现了|批下来了?|批了下来|获批了?|搞定了|办好了|拿到了|发放了|通过了|发下来了|办下来了|落实了|领到了|批复了|完成了|结清了|招到了|找到了|到岗了|配齐了|done|resolved|fixed|solved|已fix|fix了|(?<![a-z])(?:approved|granted|disbursed|completed|finished|settled|sorted out|paid out)(?![a-z])|\\bok了|妥了',
  },

  // 已 + a grant verb + the thing granted, as one word (已退税, 已换证, 已转贷): the enterprise has it
  {
    status: 'resolved',
    pattern: `(?:已经?|都已|均已)[${GRANT_VERB_CHARS}][${GRANTED_OBJECT_CHARS}](?:了|啦)?(?=$|[,，。;；!！\\s~～])`,
  },
  // the enterprise is satisfied (已协调 企业满意, 对方表示认可): settled
  {
    status: 'resolved',
    pattern: `(?:${alt(SATISFIED_PARTIES)})(?:表示|反馈|反映)?(?:很|比较|非常|挺|都|也|均|基本)?(?:${alt(SATISFIED_WORDS)})(?!度)`,
  },
  // done of several at once (都办了, 均已办了): a bare 办了 ending its clause after a scope or 已
  {
    status: 'resolved',
    pattern: '(?:都|均|全都|全部|已经?)办(?:了|啦)(?=$|[,，。;；!！\\s~～])',
  },

  // verb + result complement (批下来了, 落实好了, 弄完了, 谈妥, 招到了); things arriving (钱到账了, 证下来了)
  {
    status: 'resolved',
    pattern: COMPLETION_PATTERN,
    notAfter:
      '(?:协调|帮忙|帮助|推动|尽快|及时|急需|亟需|亟待|有待|需要|希望|要求|请|能|如何|怎么|难以|无法|加快|争取|研究|抓紧|等|没|未|不)\\s*$',
  },

  // a bare result verb closing a clause (供电公司已经增容完成 / 银行续贷办好)
  {
    status: 'resolved',
    pattern:
      '(?:完成|办好|办完|搞定|解决|到位|到账|放款|拨付|兑现|落实|批下来|办下来|通过)(?=$|[,，。;；!！\\s])|' +
      // a verb of the matter + 完毕/成功 (拨付完毕, 送电成功, 签约成功)
      `(?:${alt([...COMPLETION_VERBS.filter((v) => v.length > 1), ...ARRIVAL_PREDICATES, '申请', '招聘', '签约', '签订', '安装', '施工', '送电', '对接'])})(?:完毕|成功)`,
    notAfter:
      '(?:协调|帮忙|帮助|推动|尽快|及时|急需|亟需|亟待|有待|需要|希望|要求|请|能|如何|怎么|难以|无法|加快|争取|研究|抓紧)\\s*$',
  },

  // whoever acts came and saw to it (国网来人看过了, 派人去看过了): work started
  { status: 'in_progress', pattern: SITE_VISIT_MADE },
  // a step of work taken (税务局现场进行了辅导, 开展了核查, 组织了招聘会, 已进入技术审评阶段, 快了): under way
  {
    status: 'in_progress',
    pattern: STEP_TAKEN_PATTERN,
  },
  // in progress: the department is working on it
  {
    status: 'in_progress',
    pattern:
      `${PROGRESSIVE_PATTERN}|${FORECAST_PATTERN}|${PROGRESSIVE_SUFFIX_PATTERN}|` +
      `会同[^，,。;；]{1,12}?(?:${alt(JOINT_WORK_VERBS)})|` +
      '(?:对接|协调|办理|审核|审查|推进|处理|研究|跟进|受理|评审|审评|公示|论证|评估|核查|核实|调查|走流程|流程|进行)中|处于[^，,。;；]{0,6}阶段|在面(?=$|[,，。;；\\s])|已受理|受理了|受理的(?=$|[,，。;；!！\\s])|(?:已经?|正在|在)对接|对接了|正在|在(?:帮忙|协调|对接|办理?|做|处理|审核|推进|跟进|研究|走|落实|弄|跑|联系|沟通|核实|评估|排查|催|想办法|找|推荐|物色|梳理|调查|准备|组织|审|谈|洽谈|商谈|磋商)|已经?上报|上报了|报省里|报到省|等待|等批复|等审批|pending|in progress|ongoing|(?<![a-z])waiting(?![a-z])|on hold|following[ -]?up|followed[ -]?up|(?:在|正在)\\s*follow[ -]?up|follow[ -]?up\\s*中|reviewing|under review|processing|working on|in process|已介入|介入了|' +
      `(?:继续|持续)(?:${alt(CONTINUED_WORK_VERBS)})|` +
      '(?:已经?|均已|都已)(?:排期|排上|排进)|排期了|排上(?:日程|了)|(?:已经?|正在)(?:联系|协调|沟通|安排|跟进|研究|办理|推进|处理|审核|排查)|协调了|联系了|安排了|约了|牵头|(?<=^|[\\s,，。;；:：])(?:就|还|只|正|先)?等(?:着)?(?=[\\u4e00-\\u9fa5])(?!等|于|级|同|到时)' +
      // (等下跟人社说, 等会儿我报: a moment later, no waiting — 等下来, 等下文 are waiting)
      `(?!(?:${alt(SOON_TIMES.filter((t) => t.startsWith('等')).map((t) => t.slice(1)))})(?!来|文|发|达))` +
      '(?![^，,。;；]{0,12}(?:销号|消号|回访|再说|再定|再议|再看|再研究))|还要走程序|走程序|排队|在等|等着|(?:要|得|还得|还要)等|待(?:送电|通电|验收|审批|批复|上会|签字|放款|拨付|公示|审核|发证|复核|终审|会签|核准|备案)|答应|承诺|表示会|说会|在审',
  },

  // assigned: handed off to a department
  {
    status: 'assigned',
    // bare 交给/报给/转给 count only before a department (see HANDOFF_BEFORE_DEPARTMENT)
    pattern: `(?:已经?|都已|均已)${HANDOFF_MANNER}(?:交办|转办|移交|转交|推送|派单|分派|抄送|报送|流转|交由|转由)|交办|转办`,
  },
  // whoever acts promised to come and see to it (供电公司说这周末来看, 住建答应下周派人上门核实): the matter is in its
  // hands, the work still to come — not a wish that they come (希望…来看看), nor a call on us (老板说下周来看看我们)
  {
    status: 'assigned',
    pattern: `(?:说|答应|表示|承诺|回复|答复)(?:了)?(?:(?!${alt(SITE_VISIT_WISHES)})[^，,。;；]){0,6}?(?:${alt(SITE_VISIT_COMINGS)})(?:${alt(SITE_VISIT_ACTS)})(?!看?(?:我们|你们|咱们|大家))`,
  },
  // moved over, no department named (移过去了, 转过去了, 报上去了, 推给他们了)
  {
    status: 'assigned',
    pattern:
      '(?:移|转|报|推|交|丢|甩|递)(?:过去|上去|出去|给他们|给对方|给相关部门)了?|已(?:转|报|交)(?=$|[,，。;；\\s])',
  },
];

/**
 * An enterprise's own application sent up (环评报上去三个月了还没批, GMP认证材料报到省药监局了 想请我们帮忙催一下, 延续注册申请
 * 提交后迟迟没有消息): the document it submitted stands right before the verb, and what follows says it waits for an answer
 * or asks us to push it. The office it went to decides on it; nobody handed the matter off. (补贴申请材料已报经信局 with
 * nothing awaited is read as a hand-off, as before; so is anything the team asks of an office: 报请, 函请, 提请.)
 */
export const SUBMITTED_DOCUMENT_BEFORE =
  /(?:申请|材料|资料|报告|手续|申报书?|文件|方案|环评|能评|安评|稳评)(?:都|也)?(?:已经?|都已)?\s*$/;
export const SUBMISSION_VERB = /^(?:报|交|递交|提交|送|呈)(?:上去|上|到|至|给)?/;
export const AWAITS_DECISION_AFTER =
  /还没|没(?:有)?批|未批|不批|迟迟|没(?:有)?(?:消息|动静|回音|回复|结果|下文|进展)|尚无|仍无|一直没|催|加快|等(?:批|审|着批|结果|回复)|卡(?:住|在|着)/;

/** Hand-off verbs that need a department right after them to count (已交金融办, 已报经信局, 已转人社局). */
export const HANDOFF_BEFORE_DEPARTMENT = `(?:已经?|都已|均已)${HANDOFF_MANNER}(?:报请|转请|提请|函请|函告|呈报|移送|交|报|转|提交|递交|派|推)(?:给|到|至)?`;

/** Right after the department a matter is handed to: what it is asked to do (报请X协调, 转X处理, 交X协助招聘). */
export const HANDOFF_PURPOSE =
  /^\s*(?:帮忙|帮助|协助|配合|牵头)?(?:协调|处理|办理|核实|研究|解决|落实|跟进|督办|对接|推进|招聘|指导|审核|把关)?(?:解决|处理|办理)?/;

/** After a department: we only go and ask it (去财政局问问, 找住建打听一下): no hand-off and no handler. */
export const ASK_DEPARTMENT_AFTER = /^(?:那边|这边)?(?:问问|问一下|问下|问一问|打听|咨询|了解一下|了解下|催催|催一下)/;

/** A hand-off that points back at a department already named (想请生态环境局指导，我已经报过去了; 跟住建约了，转给他们了). */
export const HANDOFF_BACK = /(?:移|转|报|推|交|丢|甩|递)(?:过去|给他们|给对方|给人家)/;

/**
 * Informal hand-off verbs written right before a department, without 已 (报给住建了, 转人社那边,
 * 推给商务, 丢给发改, 移到资规局), and the arrow of a roll-up's hand-off line (用地→自规). Not after 申/填/预/举/汇 (申报财政局的补助 is no hand-off).
 */
export const INFORMAL_HANDOFF_BEFORE_DEPARTMENT =
  '(?<![申填预举汇上呈提递])(?:转|报|推|移|丢|甩|扔|交|派|打给|发给|归|由)(?:请)?(?:给|到|至|去)?(?:了)?|\\s*(?:→|->|—>|=>)\\s*';

/** After a department (dictation may space it off): "told them" (跟税务说了, 和住建打了招呼, 跟财政 说了一下): handed off. */
export const TOLD_AFTER_DEPARTMENT =
  /^\s*(?:那边|这边)?(?:的人)?\s*(?:(?:说|讲|打了?(?:个)?(?:招呼|电话)|反映|沟通|汇报|报备|对接|联系|提|报)(?:过|好)?了|打了(?:个)?(?:招呼|电话)|了(?=$|[\s,，。;；!！]))/;
/** Before a hand-off verb (and the speaker as its subject): it is only considered or asked (该交住建还是园区？, 想报给发改, 回头我报给人社局): no hand-off. */
export const HANDOFF_CONSIDERED = new RegExp(
  `(?:该|应该|应当|要不要|是否|能否|可否|想|希望|准备|计划|打算|建议|需要|得|还是|下一步|拟|明天|下周|回头|马上|${SOON_TIMES.join('|')}|(?:^|(?<=[\\s说我们也都就再还]))会)\\s*(?:我们|咱们|我|咱)?\\s*(?:再|去)?\\s*$`,
);

/** Before a status verb in the same clause: the verb is negated. */
/**
 * IME and dialect spellings of 没 (还木批, 木有到账, 都么有, 都莫找到): each variant and the standard form of the
 * same length it is read as (extract/mood.ts normalises them before anything else is read).
 */
export const NEGATOR_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['还木', '还没'],
  ['都木', '都没'],
  ['也木', '也没'],
  ['木有', '没有'],
  ['么有', '没有'],
  ['冇', '没'],
  ['还莫', '还没'],
  ['都莫', '都没'],
  ['也莫', '也没'],
  ['莫有', '没有'],
];
/**
 * Variant and IME spellings of status words (到帐 for 到账, 跟近 for 跟进, 叫办 for 交办, 搞掂 for 搞定) and the
 * standard form of the same length each is read as (extract/mood.ts normalises them with the negators).
 */
export const STATUS_SPELLING_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['到帐', '到账'],
  ['入帐', '入账'],
  ['帐上', '账上'],
  ['帐户', '账户'],
  ['办洁', '办结'],
  ['办节', '办结'],
  ['跟近', '跟进'],
  ['根进', '跟进'],
  ['叫办', '交办'],
  ['搞掂', '搞定'],
  ['落时', '落实'],
  ['批付', '批复'],
  ['受里', '受理'],
];
/**
 * Words with 不 that negate nothing (差不多解决了, 前不久已到账, 不断推进, 不少已经落实): not read as a negation.
 */
export const NON_NEGATING_BU = ['差不多', '前不久', '不久', '不少', '不错', '不断', '不仅', '不但', '不光'];
export const NEGATION_BEFORE = new RegExp(
  `(?:没有?|未|${notInside('不', NON_NEGATING_BU)}|尚未|还没|无法|难以|不能|不会|别|待|无(?![缝误偿息锡]))[^，,。；;]{0,3}$`,
);
/** The character `ch` where it is not part of any of `words` (差不多 for 不: a look-ahead per word, its head looked behind). */
function notInside(ch: string, words: readonly string[]): string {
  const guards = words.map((w) => {
    const at = w.indexOf(ch);
    return `(?!${at > 0 ? `(?<=${w.slice(0, at)})` : ''}${w.slice(at)})`;
  });
  return `(?:${guards.join('')}${ch})`;
}
/**
 * Right before a status word: the record said so by mistake (之前误标办结了, 错标成已交办, 写错成销号): a correction names the
 * wrong state, which is no fact — the state it corrects to is said elsewhere (改回推进中).
 */
export const MISLABELED_BEFORE = /(?:误标|错标|误报|误写|误记|误填|标错|写错|记错|填错)(?:成|为|了)?\s*(?:已经?)?\s*$/;
/** After a status verb: the verb describes a problem, not a state ("到账慢", "通过不了"). */
export const NEGATION_AFTER = /^(?:慢|难|不了|不到|不下来|不下|不上|困难|太慢|较慢|延迟|滞后|吗|没|么|\?|？)/;
/** Before a status verb in the same clause: a wish, request or plan, not a fact. */
export const WISH_BEFORE = /(?:想|希望|要求|请求?|尽快|争取|能否|能不能|需要|盼|申请|力争|要把)/;
/** Before a status verb in the same clause: a future time, so not a fact yet. */
/**
 * A promise only of speed (他们说会尽快安排, 答应抓紧办): right after the matter was handed over it acknowledges the
 * hand-off, it reports no work started.
 */
export const PROMISE_OF_SPEED = /^(?:答应|承诺|表示会?|说会?)\s*(?:会|将)?\s*(?:尽快|抓紧|马上|及时|尽早|第一时间)/;
/**
 * Said by whoever a matter was just handed to (已报财政局，财政局说15日前审完; 交给人社局了，他们说会安排招聘会;
 * 跟税务局讲了，税务局说年后上门辅导): a promise of a later step acknowledges the hand-off — it reports no work started,
 * the matter stays assigned. A promise by someone else (银行说月底前放款) is not this.
 */
export const HANDLER_PROMISE_VERBS = ['说', '讲', '答应', '表示', '承诺', '回复', '答复', '反馈', '保证'];
/** The future of such a promise: a modal of will, or a time still to come. */
export const HANDLER_PROMISE_FUTURES = [
  '会',
  '将',
  '争取',
  '尽快',
  '抓紧',
  '年后',
  '节后',
  '过完年',
  '下周',
  '下星期',
  '下礼拜',
  '下个?月',
  // (金融办说这礼拜给回复: a time of this week or month ahead of a promised step)
  '这周',
  '本周',
  '这礼拜',
  '这星期',
  '这两天',
  '这个月',
  '本月',
  '月底',
  '月初',
  '月中',
  '明天',
  '后天',
  '过几天',
  '过两天',
  '近期',
  '近几天',
  '回头',
  '改天',
  '[\\d一二三四五六七八九十]+\\s*[号日](?:之|以)?前',
];
export const HANDLER_PROMISE = new RegExp(
  `^(?:那边|这边)?\\s*(?:${HANDLER_PROMISE_VERBS.join('|')})(?:了)?\\s*[^，,。;；!！?？]{0,6}?(?:${HANDLER_PROMISE_FUTURES.join('|')})`,
);
/** Who says such a promise, before the verb in its clause: the department, or a pronoun for it (他们, 对方). */
export const HANDLER_SUBJECT =
  /^\s*(?:(?:然后|那个|嗯|呃|就是|后来)\s*)*(?:他们|她们|对方|人家|该局|[\u4e00-\u9fa5]{1,10}?(?:局|办|中心|公司|部|委))?\s*(?:那边|这边)?\s*/;
/** Waiting for the answer of whoever the matter was handed to (已转住建局，等回复中): still only handed off. */
export const AWAITING_REPLY =
  /^(?:在|正在|还在)?\s*等(?:待|着)?\s*(?:对方|他们|其)?\s*(?:回复|回音|反馈|答复|消息|通知|回话)/;
/** Before a future result: someone promised it (银行说月底前放款, 住建局答应下周批): work under way. */
/**
 * A dated limit on an administrative completion set in the hand-off's own words (交办资规局 11月30日前办结, 转人社局 15日前
 * 答复; a lead office set by a meeting, then its limit: 由住建局牵头，4月30日前完成): the deadline of the hand-off, not a
 * result nor a forecast — the status stays what the hand-off made it. Read on the sentence before the verb.
 */
export const DUTY_DEADLINE_BEFORE =
  /(?:交办|转办|移交|交给|转给|报给|交由|由[^，,。;；\s]{1,12}?(?:牵头|负责))[^。;；\n]{0,12}?(?:[\d一二三四五六七八九十]+\s*[号日]|月底|月末|年底)\s*(?:前|之前|以前)\s*$/;
export const DUTY_COMPLETION_VERBS = /^(?:办结|完成|答复|反馈|回复|落实|处理完毕|处理好|办理完毕)/;
export const PROMISE_BEFORE = /(?:说|答应|表示|承诺|回复|答复|反馈|保证)(?:了)?[^，,。;；]{0,8}$/;
export const FUTURE_BEFORE =
  /(?:\d\s*[号日](?:之|以)?前|[月年]底(?:之|以)?前|周[一二三四五六日天](?:之|以)?前|下周|下星期|下礼拜|下个?月|明天|后天|月底|月初|年底|年内|近期|预计|计划|准备|将于|将会|即将|有望|预期|马上|尽快|过几天|过两天|之后|以后|下一步|争取|力争|下午会|晚点|拟)/;
/**
 * Right before a status verb, this week or month (这周能办结, 生态说本月办结): future when a modal or a
 * promise says so; alone it is when it happened (本周销号：…, 这周已经放款了).
 */
export const NEAR_TIME_END = /(?:这周|本周|这个月|本月|这两天)(?:内)?(?:就|才)?(?:能|会|可以|可|要)?$/;
export const MODAL_END = /(?:能|会|可以|可|要)$/;
/** After a status verb: a deadline ("月底前搞定" is caught before, "3月20日前办结" here). */
export const FUTURE_AFTER = /^(?:前|之前|以前)/;

export const STATUS_ORDER: Record<IssueStatus, number> = {
  open: 0,
  assigned: 1,
  in_progress: 2,
  resolved: 3,
  closed: 4,
};

// ---- mood of a clause: whether its verbs state something that happened (extract/mood.ts)

/** The speaker or the team as the subject (我说回头问问, 我们帮他对接一下): our own next step. */
export const SPEAKER_SUBJECTS = ['我们', '咱们', '我', '咱'];
/**
 * Tentative aspect: a verb + 一下 / 一问 or a reduplicated verb (问问, 催催, 对接对接) says what someone
 * will try, not what happened; with 了 before it (问了一下, 催了催) it happened.
 */
export const TENTATIVE_VERB_STEMS = [
  '问',
  '催',
  '说',
  '看',
  '聊',
  '找',
  '谈',
  '盯',
  '跑',
  '试',
  '碰',
  '跟',
  '对接',
  '联系',
  '沟通',
  '协调',
  '了解',
  '咨询',
  '打听',
  '反映',
  '汇报',
  '衔接',
];
/** Adverbs of a later time or intent that make the speaker's clause a plan (回头, 改天, 到时候, 打算). */
export const INTENT_ADVERBS = [
  ...SOON_TIMES,
  '回头',
  '改天',
  '到时候',
  '到时',
  '过两天',
  '过几天',
  '下一步',
  '后面再',
  '再去',
  '再找',
  '再跟',
  '再问',
  '会去',
  '会跟',
  '会帮',
  // (我说会报给组织部: a hand-off the speaker promises, not made)
  '会报',
  '会转',
  '会交',
  '会上报',
  '会反映',
  '要去',
  '打算',
  '准备',
  '计划',
  '争取',
  '尽量',
  '想办法',
];
/** Realised aspect in a clause: the act happened (已, 了 after a verb, 过). Checked before calling a clause a plan. */
export const REALISED_ASPECT = /已|(?<![为除罢末])了(?!解)|过了|过(?=[\u4e00-\u9fa5]{0,4}(?:局|办|部|委|中心))/;
/**
 * Conditional or hypothetical markers (要是环评批下来, 如果放款, 一旦到位): the verb after them has not
 * happened.
 */
export const CONDITIONAL_MARKERS = ['要是', '如果', '假如', '假设', '倘若', '只要', '一旦', '万一', '若是', '若'];
/** Imminent aspect right before a result verb (快批下来了, 快要到账了, 就要办好了): under way, not done. */
export const IMMINENT_BEFORE = /(?<![很挺较太飞赶尽加越])(?:快要|快|就要|眼看就要?)$/;
/** After a result verb: it is the precondition of a later step (批下来以后再办, 到账后才能开工): not done. */
export const PRECONDITION_AFTER = /^\s*(?:以后|之后|后)\s*(?:[\u4e00-\u9fa5]{1,4}?)?(?:再|才|就|方可|可以|能|要|需)/;
/** Before a result verb: the consequence promised once a condition is met (交齐后银行就放款, 验收以后就拨付): under way. */
export const CONSEQUENCE_BEFORE = /(?:以后|之后|后)[\u4e00-\u9fa5]{0,4}?(?:就|才|即可|便)(?:能|会|可以)?$/;
/**
 * Before a result verb: someone is told or asked to bring it about (已通知企业补齐, 要求企业月底前整改完, 督促银行放款,
 * 让企业补充好): the result is what is asked, work is under way.
 */
export const DIRECTIVE_BEFORE =
  /(?:通知|要求|督促|提醒|告知|责令|让|叫|指导)(?:了)?(?:企业|公司|厂里|厂家|对方|他们|银行|施工方|[\u4e00-\u9fa5]{1,4}?(?:局|办|公司|银行))?(?:尽快|抓紧|及时|按时|限期)?[^，,。;；]{0,4}$/;
/** Before a result verb: waiting for it (等环评批下来, 在等放款, 就等资金到位): under way. */
export const WAITING_BEFORE = /(?:^|[^\u4e00-\u9fa5]|[就还在正只])等(?:到|着)?[^，,。;；]{0,8}$|^等/;
/**
 * 已 governing a verb phrase across its agent (已由金融办协调解决, 已经经住建局帮忙办好): the result
 * happened, whoever helped — the "request" reading of 协调解决 does not apply.
 */
export const AGENT_REALISED_BEFORE =
  /(?:已经?|均已|都已)\s*(?:由|经|经过|被|通过)[^，,。;；]{1,12}$|(?:已经?|均已|都已)\s*(?:协调|帮忙|帮助|推动|督促|帮着|帮)\s*$/;

/**
 * A result verb whose doer is named with 由 and nothing realised (具体由资规局落实, 由住建局负责解决): it names the duty
 * handed over, not a result. (已由金融办协调解决 happened: AGENT_REALISED_BEFORE.)
 */
export const DUTY_AGENT_BEFORE =
  /^(?![^，,。;；]*已)[^，,。;；]*?(?:交由|由)(?!于)[^，,。;；]{1,10}?(?:负责|牵头|具体|统筹|协调)?$/;

/**
 * 已 + a verb the lexicon does not know, in an update of an existing issue (已上会, 已回复企业, 申报材料已提交):
 * a step was taken, so the matter is under way. Not 已 before a report or an adverb (已经说过, 已经很久).
 */
export const REALISED_STEP =
  /(?:已经?|均已|都已)(?!经?(?:说|问|反映|提(?!交)|讲|催|是|有|很|快|不|没|无|过去|好久|多次|几次|[一两二三四五六七八九十\d]))[\u4e00-\u9fa5]/;

/**
 * After a result, in the same sentence: a part of it still to come (已拨付150万，余款待年底; 到位一半，剩下的还在走流程),
 * or a check or a later step still to pass (整改完成了，应急局下周复验; 尽调已完成，下周上会) —
 * the result is a step, the matter is still in progress (剩下的问题 / 其余 are other matters, not a part of this one).
 */
/**
 * After a result verb with 了: a span of time (办了一个多月, 批了两个礼拜还没下来, 跑了好几趟) — how long it has
 * taken, not that it is done.
 */
export const DURATION_AFTER =
  /^(?:了)?\s*(?:[一二两三四五六七八九十几半好多整快近]{1,3}|\d{1,3})\s*(?:个多|多个|个)?\s*(?:月|星期|礼拜|周|天|年|趟|回|次)(?:多|半)?(?:了|的时间|时间)?(?:还|都|仍|也|却|[，,\s]|$)/;
export const REMAINDER_AFTER = new RegExp(
  `^[^。；;！!\\n]{0,16}?(?:下周|下月|近期|过几天|月底|后续|还要|还需|还得|待|等)[^。；;，,！!\\n]{0,6}?(?:复验|验收|复查|复核|核查|审核|公示|终审|上会|审批|签约|${alt(ARRIVAL_PREDICATES)})|` +
    String.raw`^[^。；;！!\n]{0,24}?(?:还有(?=\s*[\d一二两三四五六七八九十几百千万])|余款|尾款|(?:余下|剩余|剩下)(?!的?(?:问题|事|诉求|几|[一二两三四五六七八九十]个))|另一半|后一半|还差|还缺|缺口还)[^。；;！!\n]{0,10}?(?:待|还没|还未|未|等|需|要|尚|在|下个?月|下周|月底|年底|近期|后续)`,
);
