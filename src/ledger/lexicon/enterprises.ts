/**
 * Enterprise-name vocabulary: company-name endings, words that are never a name, and the loader
 * of the deployment's known enterprises (data/enterprises.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_SURNAMES } from './departments.js';

/**
 * Company endings strong enough to make a name anywhere in a sentence (药业, 有限公司 …). The other endings in
 * COMPANY_SUFFIXES are ordinary words too (技术, 信息, 材料, 科技 …): they make a name only at a clean start (clause
 * start, after a visit verb or a time word), never in the middle of prose (src/ledger/extract/enterprise.ts).
 */
export const STRONG_COMPANY_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '集团',
  '公司',
  '总厂',
  '分厂',
  '药业',
  '制药',
  '电器',
  '电气',
  '化工',
  '塑胶',
  '塑业',
  '轴承',
  '半导体',
  '医疗器械',
  '智造',
  '食品',
  '纺织',
  '实业',
  '工贸',
  '建材',
  '印染',
  '服饰',
  '木业',
  '竹业',
  '茶业',
  '酒业',
  '化纤',
  '精工',
  '模具',
  '五金',
  '锂电',
  '硅业',
  '磁业',
  '铜业',
  '铝业',
  '纸业',
  '涂料',
  '油脂',
  '乳业',
  '鞋业',
  '针织',
  '织造',
  '控股',
  '矿业',
  '石化',
  '重工',
  '钢构',
  '门业',
  '卫浴',
  '汽配',
  '合作社',
  '农庄',
  '牧业',
  '饮品',
  '光电',
  '电机',
  // industry endings that are hardly ever an ordinary word in a report
  '泵业',
  '管业',
  '钢业',
  '制衣',
  '家纺',
  '果业',
  '菌业',
  '蜂业',
  '商贸',
  '置业',
  '建工',
  '路桥',
  '印务',
  '彩印',
  '瓷业',
  '商砼',
  '铝材',
  '型材',
  '新材',
  '车业',
  '日化',
  '厨具',
  '洁具',
  '灯饰',
  '袜业',
  '制品',
  '酿造',
  '生物科技',
  '电子科技',
];

/**
 * Company endings that are ordinary words too (技术, 信息, 材料, 科技 …): they make a name only at a clean start
 * (clause start, after a visit verb or a time word), never in the middle of prose.
 */
export const WEAK_COMPANY_SUFFIXES = [
  '米业',
  '粮油',
  '种业',
  '饲料',
  '水务',
  '厂',
  '医药',
  '生物',
  '电子',
  '科技',
  '技术',
  '化学',
  '材料',
  '新材料',
  '制造',
  '塑料',
  '机械',
  '机电',
  '新能源',
  '能源',
  '汽车',
  '零部件',
  '配件',
  '医疗',
  '贸易',
  '包装',
  '服装',
  '家居',
  '家具',
  '光伏',
  '钢铁',
  '金属',
  '环保',
  '信息',
  '网络',
  '物流',
  '农业',
  '装备',
  '陶瓷',
  '玻璃',
  '水泥',
  '电池',
  '仪器',
  '仪表',
  '器材',
  '智能',
  '精密',
  '照明',
  '光学',
  '通信',
  '软件',
  '数码',
  '传媒',
  '文化',
  // industry nouns that are ordinary words too: names only at a clean start
  '阀门',
  '机床',
  '线缆',
  '电缆',
  '铸造',
  '锻造',
  '橡胶',
  '丝绸',
  '花卉',
  '苗木',
  '水产',
  '冷链',
  '石材',
  '钢管',
  '不锈钢',
  '紧固件',
  '标准件',
  '微电子',
  '船舶',
  '化妆品',
  '家电',
  '玩具',
  '工艺品',
  '箱包',
  '物业',
  '酒店',
  '超市',
  '农场',
  '牧场',
  '茶叶',
  '肉业',
  '食品厂',
  '纺机',
  '农机',
  '机具',
  '电控',
  '泵阀',
  '化肥',
  '农资',
  '饲料厂',
  // farms and service businesses the teams also look after
  '养殖场',
  '种植场',
  '养殖',
  '林场',
  '茶场',
  '渔场',
  '幼儿园',
  '医院',
  '诊所',
  '药房',
  '药店',
  '宾馆',
  '饭店',
  '餐饮',
  '汽修',
  '驾校',
  // livestock farms and village workshops named by their owner (马家鸡场, 李二娃猪场, 张家豆腐坊, 王记竹编作坊)
  '鸡场',
  '猪场',
  '鸭场',
  '牛场',
  '羊场',
  '养鸡场',
  '养猪场',
  '作坊',
  '豆腐坊',
  '油坊',
  '酒坊',
  '染坊',
  '绣坊',
  '加工点',
  '加工厂',
  // trades written as a firm's ending (宏泰纸品, 兴旺竹木)
  '纸品',
  '竹木',
  // parts and trades named as a firm's ending (康达轮胎, 卓越汽车内饰, 海川进出口)
  '轮胎',
  '内饰',
  '进出口',
  '电梯',
  '部件',
];

/**
 * Every ending of a company name, each listed once (strong, then weak); a name is a run of 2–8 characters before one
 * or more of these. Matching never depends on this order: extract/enterprise.ts tries longer endings first, and two
 * endings of one length cannot both start at one position.
 */
export const COMPANY_SUFFIXES: readonly string[] = [...STRONG_COMPANY_SUFFIXES, ...WEAK_COMPANY_SUFFIXES];

/**
 * Endings of a locality inside the county (新华村, 安平镇, 城东街道, 高新园区): where an enterprise is, never the
 * enterprise itself. "新华村那边的绿野合作社", "安平镇的宏达机械": the name follows the locality and 的.
 */
export const LOCALITY_ENDINGS: readonly string[] = ['村', '镇', '乡', '街道', '社区', '园区', '开发区', '工业园'];
/** A locality (its name holds no 了/去/到/在/的) and 的 (with 那边/这边/里) right before a name. */
export const LOCALITY_BEFORE_NAME = `(?:(?![了去到在的])[\\u4e00-\\u9fa5]){1,6}?(?:${LOCALITY_ENDINGS.join('|')})(?:那边|这边|里)?的\\s*(?:那个|这个|那家|这家)?`;

/**
 * Places written bare (no 省/市/县/区): provinces, large cities, and the cities and counties of the region the bot
 * serves (衢州, 绍兴 and theirs). Before a name they are not part of it (浙江华康药业 → 华康); alone they are no enterprise
 * (龙游那边联企团组建了几个).
 */
export const PLACE_NAMES: readonly string[] = [
  ...['无锡', '苏州', '南京', '合肥', '深圳', '广州', '厦门', '青岛', '成都', '武汉', '西安', '长沙', '郑州', '济南'],
  ...['浙江', '江苏', '安徽', '江西', '福建', '广东', '山东', '河南', '河北', '湖北', '湖南', '四川'],
  ...['上海', '北京', '天津', '重庆', '杭州', '宁波', '温州', '金华', '绍兴', '台州', '嘉兴', '湖州', '丽水', '舟山'],
  ...['义乌', '衢州', '常山', '柯城', '衢江', '龙游', '江山', '开化', '越城', '柯桥', '上虞', '诸暨', '嵊州', '新昌'],
];
/** Leading place names that are not part of what people call the company (浙江华康药业 → 华康). */
export const PLACE_PREFIX = new RegExp(`^(?:[\\u4e00-\\u9fa5]{2,3}(?:省|市|县|区))|^(?:${PLACE_NAMES.join('|')})`);

/**
 * Words of advice or instruction that open what follows a visit verb in a notice (大家走访注意防暑, 走访时务必带好材料):
 * the advice, not a name.
 */
export const ADVICE_OPENINGS: readonly string[] = ['注意', '务必', '做好', '记得', '别忘', '不要', '切记', '请'];

/** Words that end up before a company suffix or a report verb but are not names. */
export const NAME_STOPWORDS = [
  '企业',
  '公司',
  '该企业',
  '该公司',
  '这家',
  '那家',
  '这个',
  '那个',
  '这家企业',
  '那家企业',
  '一家',
  '某',
  '本',
  '贵',
  '老板',
  '老总',
  '我们',
  '他们',
  '你们',
  '大家',
  '对方',
  '客户',
  '群里',
  // where something was said (上午会上说的…): the meeting, not a name
  '会上',
  '会议上',
  '领导',
  '书记',
  '主任',
  '园区',
  '厂里',
  '厂家',
  '有人',
  '有的',
  '省里',
  '市里',
  '县里',
  '上面',
  '部门',
  '银行',
  '技校',
  '学校',
  '政府',
  '团队',
  'team',
  '今天',
  '昨天',
  '前天',
  // an earlier time (企业前期反映的…, 关于此前提的…): the matter is old, no name is said
  '前期',
  '此前',
  '之前',
  '早前',
  '先前',
  '以前',
  '上次',
  '去年',
  '前段时间',
  '目前',
  '现在',
  '另外',
  '还有',
  '此外',
  '同时',
  '顺便',
  '顺带',
  // relaying someone else's words (转发 @小陈：…, 回复 Q-0021：…): the act of passing a message on, no name
  '转发',
  '回复',
  '引用',
  '抄送',
  '补充',
  '更正',
  'follow',
  // a roster of the team's own visits (12月份走访排班：…): the plan, no enterprise
  '排班',
  '排期',
  '值班',
  '其次',
  '然后',
  '新厂',
  '老厂',
  '新',
  '旧',
  '工厂',
  '子公司',
  '母公司',
  '分公司',
  '总公司',
  '集团',
  '厂房',
  '研发中心',
  '研究院',
  '上市公司',
  '民营企业',
  '国有企业',
  '外资企业',
  '龙头企业',
  '规上企业',
  '小微企业',
  '中小企业',
  '科技型企业',
  '高新技术企业',
  '电商',
  '跨境电商',
  '智能制造',
  '先进制造',
  '新能源汽车',
  '新材料',
  '生物医药',
  '电子信息',
  '半导体',
  '化工',
  '食品',
  '纺织',
  '环保',
  '物流',
  '贸易',
  '销售',
  '市场',
  '技术',
  '信息',
  '网络',
  '文化',
];

/**
 * A name between a receiving verb and what was received (接到中科锐能电话, 收到远帆船舶的来函): the enterprise that
 * reported.
 */
/**
 * Courtesies that open a chat message before what it is about (谢谢领导 绿源那个用地…, 收到，瑞丰的…): never the name,
 * the subject follows them.
 */
export const MESSAGE_COURTESIES: readonly string[] = [
  '谢谢领导',
  '感谢领导',
  '报告领导',
  '领导好',
  '谢谢',
  '感谢',
  '收到',
  '好的',
  '辛苦了',
];

/**
 * What follows a name said as the topic of a sentence (迈微那边缺人, 格格屋的电商奖励, 嘉诚那笔转贷, 力拓那个已转人社):
 * the name before it heads the sentence.
 */
export const TOPIC_AFTER_NAME: readonly string[] = [
  '的',
  '那边',
  '这边',
  '那个',
  '这个事',
  '方面',
  '那笔',
  '这笔',
  '那件',
  '那项',
  '那批',
  '那条',
  '那块',
  '那单',
  '那桩',
];

/** Where at an enterprise one is (在鼎新那边, 在宏图机械车间里): the name stands before it. */
export const PLACES_AT_FIRM: readonly string[] = [
  '那边',
  '这边',
  '那儿',
  '这儿',
  '那里',
  '厂里',
  '厂区',
  '车间',
  '厂房',
  '仓库',
  '工地',
  '办公室',
  '会议室',
];

export const RECEIVE_VERBS: readonly string[] = ['接到', '收到', '接了'];
export const RECEIVED_THINGS: readonly string[] = [
  '电话',
  '来电',
  '来函',
  '反映',
  '消息',
  '微信',
  '信息',
  '求助',
  '诉求',
];

/**
 * Titles that make a person of one character before them (王总, 刘科长, 张书记): a surname and a title are who
 * spoke or acted, never the enterprise (src/ledger/extract/enterprise.ts).
 */
export const PERSON_TITLES: readonly string[] = [
  '总',
  '董',
  '总经理',
  '董事长',
  '经理',
  '厂长',
  '老板',
  '会计',
  '师傅',
  '科长',
  '科',
  '主任',
  '局长',
  '处长',
  '部长',
  '股长',
  '书记',
  '支书',
  '镇长',
  '乡长',
  '县长',
  '村长',
  '秘书',
  '总监',
];

/** Person references that follow a department or company (经信局老王, 经心局小陈, 销售总监). */
export const PERSON_AFTER = new RegExp(
  `^(?:的)?(?:[老小][\\u4e00-\\u9fa5]|[\\u4e00-\\u9fa5]{1,2}(?:科长|主任|局长|副局长|书记|处长|部长|股长|同志|领导|干部|老师|经理|总监|总)|` +
    // (张科, 李局, 王处: a surname and the first character of a title, as cadres call each other)
    `[${COMMON_SURNAMES}](?:科|局|处|股)(?![长室级])|同志|领导|干部|同事|工作人员|的人|人员|一行)`,
);

/**
 * Words that order the entries of a spoken roll-up once the enterprises have been counted (去了两家 一个是…一个是…,
 * 跑了三家 先是…然后是…最后是…): a name follows them. Read only after a count of enterprises (…两家, 三家企业), since
 * 一个是… alone may open a problem (一个是资金紧张). Source of a regex, without anchors.
 */
export const ENTERPRISE_ENTRY_ORDER =
  '(?:(?:另外?|还有|最后)?一个(?:就)?是|(?:先|首先|然后|接着|再|最后|其次)(?:就)?是)';

/** Default location of the known-enterprise list, found from the project root. */
/**
 * The counter that heads an entry of a roll-up counting enterprises (第一家是…, 第二家…, 另一家是…, 最后一家): the name
 * of the entry's enterprise follows (after a filler or 是). Source of a regex, without anchors; group 1 is the number.
 */
export const ENTERPRISE_ENTRY_COUNTER = String.raw`(?:(?:第([一二三四五六七八九十\d]{1,2})|另(?:外)?一|还有一|最后一)家(?:企业|公司)?(?:就?是|叫)?|(?<![\u4e00-\u9fa5])一家(?:企业|公司)?(?:就?是|叫))`;

export function defaultEnterprisesFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'data', 'enterprises.json');
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve('data', 'enterprises.json');
}

/**
 * The deployment's canonical enterprise names. The file is `{"enterprises": ["华康药业", …]}` or a
 * bare JSON array. A missing file means no known enterprises.
 */
export function loadKnownEnterprises(file: string = defaultEnterprisesFile()): string[] {
  if (!fs.existsSync(file)) return [];
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const list: unknown = Array.isArray(raw) ? raw : (raw as { enterprises?: unknown } | null)?.enterprises;
  if (!Array.isArray(list)) throw new Error(`${file}: expected {"enterprises": [...]} or an array of names`);
  return [
    ...new Set(
      list
        .filter((x): x is string => typeof x === 'string')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Characters written for one another in company names though they read otherwise (矽 the old word for 硅; the
 * traditional forms of simplified characters): a name differing from a known one only by such a pair is that one
 * mistyped (硅盛电子 for 矽盛电子), as a character read alike is (src/ledger/extract/enterprise.ts).
 */
export const NAME_CHARACTER_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['矽', '硅'],
  ['華', '华'],
  ['電', '电'],
  ['業', '业'],
  ['機', '机'],
  ['東', '东'],
  ['豐', '丰'],
  ['達', '达'],
];

/**
 * Characters firms choose for their trade names (字号: 鑫, 宏, 瑞, 泰, 恒 …). A word of two or three of them alone (宏图,
 * 富民, 新源, 大华) has the shape of a short form, even when a dictionary knows it as a common word: said bare where
 * a name stands (opening a one-liner, heading an entry of a roll-up), it names an enterprise
 * (src/ledger/extract/enterprise.ts). Characters of ordinary words (老, 小, 的, 家 …) are not here.
 */
export const TRADE_NAME_CHARACTERS =
  '鑫宏富华源瑞祥兴旺达恒泰丰盛昌隆锦博创新天金鼎汇嘉禾绿海德永康信诚远通裕荣欣晟辉光明宇航力凯豪宝龙凤腾飞亿万佳美福星辰晨阳东中鸿运安顺益泽晶振汉升峰茂森林杰威伟立鹏正元合成胜俊卓越群联民捷乐景舟帆蓝红翔云亚江山川湖岳恩诺铭睿智慧精锐讯盈融策众浩宁邦广大图';

/** Common surnames (one list, lexicon/departments.ts): 王总, 老周 — a person, who may name the firm they run (老周的厂). */
export { COMMON_SURNAMES };

/** Endings of a team of cadres (专项督查组, 第三小组, 服务专班, 帮扶工作队): no enterprise name ends so. */
export const CADRE_TEAM_ENDINGS: readonly string[] = ['组', '专班', '工作队', '服务队', '帮扶队', '专员'];
