/**
 * Word lists of the answer path (data, not rules): chat wording that carries no topic, words that
 * describe a document rather than its content, and the cues of the kind of answer a question wants.
 */

/** Chat wording: verbs and fillers of a spoken question that the documents do not use for the topic. */
export const COLLOQUIAL_WORDS: ReadonlySet<string> = new Set(
  `咋 咋整 咋办 咋弄 整 搞 弄 干 干啥 说法 讲 讲的 提 提了 说 说的 说了 有没 下去 跑 谢啦 谢谢 多谢 麻烦 帮忙 请 一下 现在 到底
   那篇 那块 这块 这快 那边 这边 那里 这里 里面 里头 都 啊 呀 哈 呗 回事 指 指的 叫 叫啥 算 好处 东西 事儿 事 玩意 一共 总共 头 头一 底 还
   要 得 能 该 啥样 给 帮 给出 有 是 对 说明 解释 谁给 具体 具体点 大概 一般 多 主要 需要 准备 打算 现在 目前 今年 去年
   形容 描述 概括 描写 评价 提法 表述 列 列一下 来着 讲了 提到 写 写了 写的`
    .split(/\s+/u)
    .filter(Boolean),
);

/** Words that name a document by kind, speaker, column or publication (“那篇讲话”, “卷首语”, “编者按”). */
export const DOC_DESCRIPTION_WORDS: ReadonlySet<string> = new Set(
  `讲话 文章 杂志 卷首 卷首语 评论 评论员 编者按 报纸 报道 综述 刊 期 通知 文件 方案 意见 会议 发言 交流 材料 部长 书记 领导 那篇 篇 本刊 栏目 专栏 期刊 本期 这期 开篇 开头 首篇`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * Words that name the form an answer takes rather than what it is about (“原文是啥”, “全称”, “标题原话”,
 * “这三个数字指什么”): a passage gives the answer without them, so their absence says nothing about
 * whether it holds the answer.
 */
export const ANSWER_FORM_WORDS: ReadonlySet<string> = new Set(
  `原文 原话 原句 全称 简称 名字 名称 叫法 标题 题目 表述 提法 意思 含义 内容 说法 情况 做法 数字 数 字 词 句 话 页 页码 第几页
   部分 出处 作者 署名 条目 正文 段 段落 一句 那句 具体 具体内容 详细 细节`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * Nouns a count or amount question names that say what kind of figure is asked, not what it is a figure
 * of (目标是多少, 人数有多少, 多少种办法): the sentence that gives the figure need not repeat them.
 */
export const AMOUNT_WORDS: ReadonlySet<string> = new Set(
  `目标 指标 任务 数字 数 数量 数目 人数 人次 总数 总量 总额 规模 比例 标准 金额 额度 数额 数据 规定 要求 办法 做法 措施 方式 形式
   种类 类型 名额 份额 水平 幅度 程度 结果 成绩 成果 效果 情况 次数 个数 家数 户数 件数`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * An area asked for (“实施面积？”, “规划面积和总投资”, “面积有多大”): 面积 as the thing asked, not a topic word
 * (“绿化面积扩大后…是哪年”).
 */
const AREA_ASKED = '面积(?=[？?。\\s]*$|[和及与、，,]|(?:是|有)?多)';

/** Cues of the kind of answer asked for. */
export const ANSWER_KIND_CUES = {
  number: new RegExp(
    `多少|(?<!哪)几(?!乎|种|类|条|点|项|块|方面|部分|大|张|月|号|日|时)|比例|占比|多久|多长|多大|多高|金额|规模|数量|人数|百分之|几成|${AREA_ASKED}|总投资|投资额|投资总额`,
    'u',
  ),
  date: /什么时候|啥时候|哪天|哪年|哪一年|几月|几号|何时|日期|哪一天|多会儿|啥时|什么时间|哪个月|截止|期限到/u,
  who: /谁|哪个单位|哪家|哪个部门|哪些单位|哪些部门|主办|承办|牵头|负责人|哪位|什么单位|什么部门/u,
  list: /哪些|哪几|有哪|几条|几点|几项|几种|几类|几块|几个方面|列一下|列举|逐条|分别|哪[一二两三四五六七八九十\d]+[条个项点种类方面部分块张批大好]|都有啥|都有什么|都是啥|包括啥|包括什么/u,
} as const;

/** A passage sentence that can answer each kind. */
export const ANSWER_KIND_EVIDENCE = {
  number:
    /\d|[一二两三四五六七八九十百千万]+(?:个|条|项|名|家|人|天|次|年|月|批|种|类|部分|位|户|份|件|届|轮|期|级|所|座|万|亿|元|倍|成|%|％)|百分之/u,
  date: /\d{4}年|\d{1,2}月|\d{1,2}日|[一二三四五六七八九十]{1,3}月|年初|年底|年内|年中|上半年|下半年|月底|月初|今年|明年|去年|即日起|周[一二三四五六日天]|星期[一二三四五六日天]|每(?:月|周|年|季度|两月)|节假日|工作日/u,
  who: /(?:部|局|委|办|院|中心|公司|集团|协会|学会|单位|政府|党委|党组|支部|组织|小组|专班|团队|杂志社|编辑部|大学|学校|银行)(?![\p{Script=Han}]{0,1}[的])|同志|书记|部长|主任|局长|县长|市长/u,
  list: /[、；;]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d][)）]|[①-⑩]/u,
} as const;

export type AnswerKind = keyof typeof ANSWER_KIND_CUES;

const NUM = '[\\d一二两三四五六七八九十百千万]';

/**
 * A number question names what it counts: money, a share, a duration, or a measure word (几家, 多少名).
 * The answer must give a number in that unit: “奖金能拿多少” is not answered by “81个行政村”.
 */
export const NUMBER_UNIT_CUES: ReadonlyArray<{ cue: RegExp; evidence: RegExp }> = [
  {
    cue: /钱|资金|总投资|投资额|投资总额|奖励|补贴|补助|奖金|工资|薪酬|年薪|月薪|报酬|费用|租金|报销|经费|贷多少|能贷|[多少]万|一平米|每平|价格|多少元|起征点|起付线|封顶|额度|基数/u,
    evidence: new RegExp(`${NUM}\\s*(?:万|亿|千)?元|元/`, 'u'),
  },
  // An area: “面积多大”, “实施面积” — answered in 亩, 平方米, 公顷 …, not by any figure nearby.
  {
    cue: new RegExp(AREA_ASKED, 'u'),
    evidence: new RegExp(`${NUM}\\s*(?:余|多)?\\s*(?:万|千)?(?:亩|平方米|平米|平方公里|平方千米|公顷|㎡)`, 'u'),
  },
  // An age: “年纪到多少”, “几岁” — answered by N岁 (男满55岁、女满50岁).
  { cue: /年纪|年龄|岁数|几岁|多少岁|多大岁/u, evidence: new RegExp(`${NUM}+\\s*周?岁`, 'u') },
  { cue: /比例|占比|百分之|几成|利率|费率|税率|扣除率/u, evidence: new RegExp(`%|％|百分之|${NUM}成|分之`, 'u') },
  {
    cue: /多久|多长时间|几个工作日|几天|几个月|几年|多少天|钟头|小时|时间.{0,4}多少|多少.{0,2}时间/u,
    evidence: new RegExp(
      `${NUM}+\\s*(?:个)?(?:工作日|天|日|周|个月|月|年|小时|钟头|分钟)|每(?:年|月|周|天|两月|季度)`,
      'u',
    ),
  },
];

/**
 * The one character a counted name shares with each of its items (五化 → 标准化、规范化…; 三员 → 指导员、
 * 观察员…; 四好, 三有, 三强, 四心, 三型): a count before it names a list whose items open or close with it.
 */
export const COUNTED_NAME_SUFFIX = '好有强心化型员';

/** “几家/多少名/几批 …”: the measure word a count question uses. */
export const COUNT_MEASURE =
  /(?:几|多少)(?:个(?=[万亿]))?(平方公里|平方米|平米|公里|千米|公顷|公斤|千克|个|家|名|位|人|项|条|批|次|趟|回|遍|所|座|户|篇|本|期|轮|届|张|台|类|种|支|村|镇|亩|套|间|场|组|队|吨|辆|栋|幢|万|亿|米)/u;

/**
 * A question asking what something is called (叫啥名, 口号, 全称, 品牌): a name the sentence quotes (“越商大学堂”,
 * 《涉企惠企政策摘要》) and the question does not is its answer.
 */
export const NAME_CUE = /叫什么|叫啥|名字|名称|称号|称呼|口号|标语|全称|品牌|冠名/u;

/** A question that asks for a code or handle (是几几几, 微信号是多少, 热线电话): letters and digits answer it. */
export const CODE_CUE = /几几|几加几|几\+几|账号|微信号|公众号|编号|代码|网址|邮箱|电话|号码|热线/u;
export const CODE_EVIDENCE = /[a-z][a-z0-9_.@-]{3,}|\d[\d-]{4,}/iu;

/**
 * Roles a “who” question names (主编是谁, 组长 谁): a sentence that names the same role answers it,
 * whatever the person's name.
 */
export const ROLE_WORDS =
  /副?(?:主编|总编|组长|主任|书记|部长|局长|县长|市长|区长|镇长|村长|社长|院长|校长|站长|队长|团长|会长|主席|秘书长|负责人|联系人|召集人|牵头人|顾问|编辑|委员|指导员|专员)/gu;

/**
 * Measure words a count may be given in for each asked one: “几个” is answered by “88名” or “5支”,
 * “多少人” by “900多名” or “17位”. Others must match as asked (几家 → N家).
 */
const MEASURE_EQUIVALENTS: Readonly<Record<string, string>> = {
  个: '个|名|位|人|家|项|支|所|座|批|条|件|村|组|队|类|种|期',
  人: '人|名|位|人次',
  名: '名|人|位',
  位: '位|名|人',
  // times: 几趟 / 几回 / 几遍 are answered by N次 (and N人次 is a count of attendances, not of times)
  次: '次|趟|回|遍',
  趟: '次|趟|回|遍',
  回: '次|趟|回|遍',
  遍: '次|趟|回|遍',
  // copies of something printed: 印了多少本 is answered by 1000份
  本: '本|份|册',
  份: '份|本|册',
  册: '册|本|份',
};

export function countEvidence(measure: string): RegExp {
  return new RegExp(`${NUM}+\\s*(?:余|多)?\\s*(?:${MEASURE_EQUIVALENTS[measure] ?? measure})`, 'u');
}

/** A year a question is about, relative (今年, 去年) or written (2018年): a slot a follow-up may swap (“那去年呢”). */
export const YEAR_SLOT = /今年|去年|明年|前年|当年|本年|上年|(?:19|20)\d{2}\s*年/gu;

/**
 * What was done versus what is planned: a question about the past or the actual figure (去年, 实际, 最后达标了没)
 * is not answered by a sentence that only announces a plan or target (计划, 力争, 目标) and reports nothing done.
 */
export const DONE_CUE = /去年|上一年|实际|最后.{0,3}(?:达|完成|建|有)|达标了没|完成了没|建成了没|到底建了|已经/u;
export const PLAN_CUE = /计划|力争|争取|拟|将要|目标|预计|规划/u;
export const DONE_EVIDENCE = /已经|已(?!于)|累计|建成|完成了|实现了|共有|达到了|截至|目前|获|先后/u;

/** A question asking what each part of something is (“3、6、5分别是指啥”, “各代表啥”, “每个字什么意思”). */
export const PARTS_CUE =
  /分别|各(?:自|个)?(?:是|指|代表|表示|什么|啥)|每(?:个|一个)(?:数字|字|字母)?(?:是|指|代表|表示|什么|啥)/u;

/**
 * A follow-up asking for the rest of what the previous answer said (“剩下的呢”, “还举了别的例子没”, “还有吗”):
 * words asking for more or the remainder; with the generic nouns of REST_NOUNS they leave no topic of its own.
 */
export const REST_CUE = /剩下|剩余|其余|其他|其它|别的|另外|另一|此外|还有|还[举说讲提列]/u;
/** Nouns that name what more is wanted without naming a topic (例子, 情况, 地方 …). */
export const REST_NOUNS: ReadonlySet<string> = new Set(
  `例子 事例 案例 情况 内容 做法 东西 地方 方面 部分 几个 几件 几条 一些 那些 这些 别的 其他 其它 其余 剩下 剩余 另外 还有 此外 没有 了吗`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * Measure words that count the same kind of thing (the parts of a whole, the points of a list, the stages of a
 * process): a question counting in one (“分成几块”) is answered by a count in another (“分为三个部分”, “三大板块”).
 */
export const MEASURE_KIN: ReadonlyArray<ReadonlyArray<string>> = [
  ['块', '部分', '板块', '大块'],
  ['条', '点', '项', '款'],
  ['步', '阶段', '步骤'],
];

/** The measures counting what `measure` counts, itself first. */
export function measureKin(measure: string): string[] {
  const group = MEASURE_KIN.find((g) => g.includes(measure));
  return group ? [measure, ...group.filter((m) => m !== measure)] : [measure];
}

/**
 * The kinds of place a question asks for by name (“哪个村”, “哪几个乡镇”), each with the heads that name one
 * (a 乡镇 may be a 街道); a bare “哪里 / 什么地方” asks for any of them.
 */
const PLACE_KINDS: Record<string, string[]> = {
  村: ['村', '社区'],
  社区: ['社区', '村'],
  乡镇: ['乡镇', '乡', '镇', '街道'],
  乡: ['乡', '镇', '街道'],
  镇: ['镇', '乡', '街道'],
  街道: ['街道', '乡', '镇'],
  县: ['县', '市', '区'],
  区: ['区', '县', '市'],
  市: ['市', '县', '区'],
  省: ['省'],
  园区: ['园区', '开发区'],
  学校: ['学校', '小学', '中学', '大学', '学院'],
  大学: ['大学', '学院'],
  高校: ['大学', '学院'],
};
const ANY_PLACE = ['村', '社区', '乡', '镇', '街道', '县', '区', '市', '省', '园区', '小学', '中学', '大学', '学院'];
const PLACE_ASKED = new RegExp(
  `哪(?:一|个|一个|几个|些|几)?(${Object.keys(PLACE_KINDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'u',
);
// (“难在哪里” asks no place: only a place to build, set or live in, or 什么地方 itself.)
const WHERE_ASKED = /(?:什么|啥)(?:地方|位置)|(?:建|设|落户|位于|选址|搬|住|放)在?(?:哪里|哪儿|哪)/u;
/** A place head after a character that makes it no name (农村, 全市, 我县, 所在社区, 各乡镇). */
const NO_PLACE =
  /^(?:[全本我该各其在每个]\p{Script=Han}{1,2}|农村|乡村|城乡|城市|地区|县区|市区|城区|山区|景区|郊区|辖区|社区|街道|乡镇|学校|大学|学院)$/u;

/**
 * The heads of the place a question asks for (named: by its kind, 哪个村; else any place, 建在啥地方), or null
 * when it asks for none.
 */
export function askedPlaceHeads(question: string): { heads: string[]; named: boolean } | null {
  const m = PLACE_ASKED.exec(question);
  if (m) return { heads: PLACE_KINDS[m[1]!]!, named: true };
  return WHERE_ASKED.test(question) ? { heads: ANY_PLACE, named: false } : null;
}

/** Does a sentence name a place with one of these heads (贺邵溪村, 衢化街道) that the question does not name? */
export function namesPlace(sentence: string, heads: string[], question: string): boolean {
  const byLength = [...heads].sort((a, b) => b.length - a.length);
  const re = new RegExp(`\\p{Script=Han}{2}(?:${byLength.join('|')})`, 'gu');
  for (const m of sentence.matchAll(re)) {
    const name = m[0];
    const head = byLength.find((h) => name.endsWith(h))!;
    // The character before the head and the head: 溪村 names a village, 农村 / 全市 / 在社区 name none.
    const tail = name.slice(name.length - head.length - 1);
    if (NO_PLACE.test(tail)) continue;
    if (!question.includes(name.slice(1))) return true;
  }
  return false;
}
