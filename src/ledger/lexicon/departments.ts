import type { Category } from '../model.js';
import { homophoneTypoAt } from '../../text/sound.js';

/**
 * Department lexicon: canonical short name → the ways people write it (full names, abbreviations).
 * Typos are not listed: a name with one character replaced by one read alike (经心局, 人设局, 金融版) is found by
 * its sound (src/text/sound.ts). Matching is longest-alias-first. Departments not listed here are still found
 * after a hand-off verb (已交办XX局) by the generic pattern in extract/department.ts and kept as written.
 */
export interface DepartmentEntry {
  name: string;
  aliases: string[];
  /**
   * Bare stems people write without 局 (住建, 自规, 发改, 社保, 电力 …). A stem is a department only
   * where one is expected: after a hand-off verb (报给住建了, 转发改), before 那边/这边 or an acting
   * verb (住建那边在弄, 发改在协调), at a clause edge (see extract/department.ts). Elsewhere it is an
   * ordinary word (交社保, 电力不足).
   */
  stems?: string[];
}

export const DEPARTMENTS: DepartmentEntry[] = [
  {
    name: '经信局',
    aliases: ['经济和信息化局', '经济和信息化委员会', '经济信息化局', '经信委', '经信局', '经信部门', '经信办'],
    stems: ['经信', '经济信息化'],
  },
  {
    name: '人社局',
    aliases: [
      '人力资源和社会保障局',
      '人力资源社会保障局',
      '人力社保局',
      '人社局',
      '人社部门',
      '人力社保部门',
      '劳动局',
      '劳动保障局',
      '劳动监察大队',
      '社保局',
      '社保中心',
      '就业局',
      '就业服务中心',
      '就业管理中心',
      '就业创业服务中心',
      '就业中心',
      '人力资源服务中心',
    ],
    stems: ['人社', '社保', '人力社保', '人力资源', '劳动监察', '就业服务'],
  },
  {
    name: '金融办',
    aliases: [
      '地方金融监督管理局',
      '地方金融监管局',
      '地方金融管理局',
      '金融工作办公室',
      '金融工作中心',
      '金融服务中心',
      '金融工作局',
      '金融办',
      '金融部门',
      '金融局',
    ],
    stems: ['金融'],
  },
  {
    name: '资规局',
    aliases: ['自然资源和规划局', '自然资源规划局', '自然资源局', '资规局', '自规局', '国土资源局', '国土局', '规划局'],
    stems: ['自规', '资规', '自然资源', '国土', '规划'],
  },
  { name: '交通运输局', aliases: ['交通运输局', '交通局', '交运局'], stems: ['交通', '交运'] },
  {
    name: '组织部',
    aliases: ['县委组织部人才办', '组织部人才办', '县委组织部', '市委组织部', '区委组织部', '组织部', '人才办'],
  },
  {
    name: '发改局',
    aliases: ['发展和改革局', '发展改革局', '发改局', '发改委', '发展和改革委员会', '发展改革委'],
    stems: ['发改', '发展改革', '发展和改革'],
  },
  {
    name: '住建局',
    aliases: ['住房和城乡建设局', '住房城乡建设局', '住建局', '建设局', '城乡建设局', '城建局', '住建委'],
    stems: ['住建', '建设口', '城建', '住房城乡建设', '住房和城乡建设'],
  },
  { name: '商务局', aliases: ['商务和投资促进局', '商务局', '商务部门'], stems: ['商务'] },
  { name: '税务局', aliases: ['税务局', '国税局', '地税局', '税务部门', '税务分局'], stems: ['税务', '税局'] },
  {
    name: '市场监管局',
    aliases: ['市场监督管理局', '市场监管局', '市监局', '市场监管部门', '市场监管所', '工商局', '质监局', '食药监局'],
    stems: ['市监', '市场监管', '工商', '质监'],
  },
  {
    name: '生态环境局',
    aliases: ['生态环境局', '生态环境分局', '环境保护局', '环保局', '生态环境部门'],
    stems: ['生态环境', '生态', '环保'],
  },
  { name: '财政局', aliases: ['财政局', '财政部门', '财政所'], stems: ['财政'] },
  {
    name: '供电公司',
    aliases: [
      '供电公司',
      '供电局',
      '电力公司',
      '供电所',
      '电业局',
      '供电分公司',
      '国家电网',
      '国网公司',
      '供电有限公司',
      '供电有限责任公司',
      '电力有限公司',
      '供电服务中心',
      '供电营业厅',
    ],
    stems: ['电力', '国网', '供电', '电网'],
  },
  {
    name: '行政服务中心',
    aliases: [
      '行政服务中心',
      '行政审批服务中心',
      '政务服务中心',
      '政务服务管理办公室',
      '政务服务办',
      '政务办',
      '便民服务中心',
      '政务中心',
      '审批中心',
      '市民中心',
    ],
    stems: ['行政服务', '政务服务', '审批窗口'],
  },
  { name: '行政审批局', aliases: ['行政审批服务局', '行政审批局', '审批局'] },
  { name: '工信局', aliases: ['工业和信息化局', '工业信息化局', '工信局'], stems: ['工信'] },
  { name: '科技局', aliases: ['科学技术局', '科技局'], stems: ['科技'] },
  {
    name: '应急管理局',
    aliases: ['应急管理局', '应急局', '安监局', '安全生产监督管理局', '安监站'],
    stems: ['应急', '安监'],
  },
  { name: '水利局', aliases: ['水利局', '水务局', '水利水电局'], stems: ['水利'] },
  {
    name: '农业农村局',
    aliases: ['农业农村局', '农业局', '农办', '农业农村办', '畜牧局', '畜牧兽医局', '农机局'],
    stems: ['农业农村', '畜牧'],
  },
  { name: '林业局', aliases: ['林业局', '林业和草原局', '林草局', '林业站'], stems: ['林业'] },
  { name: '卫健局', aliases: ['卫生健康局', '卫健局', '卫健委', '卫生局', '卫计局'], stems: ['卫健'] },
  { name: '教育局', aliases: ['教育局', '教体局', '教育体育局'], stems: ['教育'] },
  { name: '审计局', aliases: ['审计局'], stems: ['审计'] },
  { name: '退役军人事务局', aliases: ['退役军人事务局', '退役军人局'] },
  { name: '气象局', aliases: ['气象局'] },
  { name: '信访局', aliases: ['信访局', '信访办'] },
  { name: '人防办', aliases: ['人民防空办公室', '人防办', '人防局'], stems: ['人防'] },
  { name: '机关事务局', aliases: ['机关事务管理局', '机关事务局'] },
  { name: '粮食局', aliases: ['粮食和物资储备局', '粮食局'] },
  { name: '政法委', aliases: ['县委政法委', '政法委'] },
  { name: '编办', aliases: ['机构编制委员会办公室', '编委办', '编办'] },
  { name: '供销社', aliases: ['供销合作社', '供销社'] },
  { name: '科协', aliases: ['科学技术协会', '科协'] },
  { name: '燃气公司', aliases: ['燃气公司', '燃气集团', '天然气公司'] },
  { name: '自来水公司', aliases: ['自来水公司', '供水公司', '水务集团', '水务公司'] },
  { name: '城投公司', aliases: ['城投公司', '城投集团', '城投'] },
  { name: '公安局', aliases: ['公安局', '交警大队', '交警'], stems: ['公安'] },
  { name: '消防救援大队', aliases: ['消防救援大队', '消防大队', '消防救援局'], stems: ['消防'] },
  { name: '医保局', aliases: ['医疗保障局', '医保局'], stems: ['医保'] },
  { name: '统计局', aliases: ['统计局'], stems: ['统计'] },
  { name: '司法局', aliases: ['司法局'] },
  { name: '综合执法局', aliases: ['综合行政执法局', '综合执法局', '城管局'], stems: ['综合执法', '城管'] },
  {
    name: '文旅局',
    aliases: ['文化和广电旅游体育局', '文化和旅游局', '文旅局', '文广旅体局', '旅游局', '文广局', '文化局', '文旅体局'],
    stems: ['文旅'],
  },
  { name: '民政局', aliases: ['民政局'], stems: ['民政'] },
  {
    name: '投资促进局',
    aliases: ['投资促进局', '投促局', '投促中心', '招商局', '招商中心', '招商办'],
    stems: ['投促', '招商'],
  },
  { name: '大数据局', aliases: ['大数据发展管理局', '大数据局', '数据局'], stems: ['大数据'] },
  { name: '统战部', aliases: ['县委统战部', '统战部'] },
  { name: '宣传部', aliases: ['县委宣传部', '宣传部'] },
  { name: '工商联', aliases: ['工商联'] },
  { name: '人民银行', aliases: ['人民银行', '人行', '央行'] },
  { name: '金融监管局', aliases: ['金融监管分局', '金融监管局', '银保监分局', '银保监局', '银保监'] },
  { name: '海关', aliases: ['海关'] },
  // the county's park authority, however the park is called (开发区, 高新区, 经开区 …) or left unnamed (管委会)
  {
    name: '园区管委会',
    aliases: ['园区管委会', '开发区管委会', '高新区管委会', '经开区管委会', '工业园区管委会', '产业园管委会', '管委会'],
    stems: ['园区管委', '园区'],
  },
  { name: '省药监局', aliases: ['省药监局', '省药品监督管理局'] },
  { name: '药监局', aliases: ['药监局', '药品监督管理局'], stems: ['药监'] },
  { name: '国资办', aliases: ['国资办', '国资委'] },
  { name: '住房公积金中心', aliases: ['住房公积金中心', '公积金中心'], stems: ['公积金'] },
  { name: '残联', aliases: ['残联'] },
  { name: '团委', aliases: ['团县委', '团委'] },
  { name: '妇联', aliases: ['妇联'] },
  { name: '总工会', aliases: ['总工会', '工会'] },
];

/**
 * The kinds of problem a department is the natural handler of. Used only to tell which of several
 * problems listed in one sentence a bare hand-off refers to ("缺3名工程师，流动资金紧张，已交办人社局":
 * the engineers), never to judge a problem's category. Departments that handle many kinds (经信局)
 * are not listed.
 */
export const DEPARTMENT_CATEGORIES: Readonly<Record<string, readonly Category[]>> = {
  人社局: ['用工', '人才'],
  金融办: ['融资'],
  人民银行: ['融资'],
  资规局: ['用地'],
  生态环境局: ['审批'],
  行政服务中心: ['审批'],
  行政审批局: ['审批'],
  市场监管局: ['审批'],
  财政局: ['政策兑现'],
  税务局: ['政策兑现'],
  商务局: ['市场'],
  供电公司: ['其他'],
  交通运输局: ['其他'],
};

/**
 * Verbs after a department that make it the one in charge when several are named (已报生态环境局和财政局，财政牵头):
 * the handler of the issue.
 */
export const LEAD_AFTER_DEPARTMENT: readonly string[] = ['牵头', '主办', '主责', '负总责', '为主'];

/**
 * What a department says when it turns the matter down (环保局说不归他们管, 住建不受理, 园区推给街道): it is no handler,
 * the matter is still open. Matched after the department (and an optional verb of saying) within its clause.
 */
/**
 * Thanks to an office or its staff (谢谢市监局的同志, 感谢人社局, thx金融办): the office is thanked for its work on the matter
 * — it handled it, unless it only went along (感谢经信局老王陪同走访).
 */
export const THANKS_BEFORE_DEPARTMENT: readonly string[] = ['谢谢', '感谢', '多谢', '辛苦', 'thx', 'thanks', '谢了'];
/**
 * Institutions an office refers an enterprise's matter to as its own work (金融办推给三家银行了, 推到农商行): banks and
 * other financial bodies, which are no department — pushing a matter to them is a step, not declining it.
 */
/** Banks by their everyday names (银行, 农商行, 工行 …): no department, whatever they do for an enterprise. */
export const BANKS: readonly string[] = [
  '银行',
  '农商行',
  '农商银行',
  '工行',
  '农行',
  '建行',
  '中行',
  '交行',
  '招行',
  '邮储',
];
export const REFERRAL_PARTNERS: readonly string[] = [...BANKS, '券商', '担保公司', '金融机构'];
/** 推给/推到 not followed by a referral partner (推给园区 declines; 推给三家银行 refers). */
const PUSHED_AWAY = `推(?:给|到)(?!(?:[\\d一二两三四五六七八九十几多]+\\s*家)?(?:${REFERRAL_PARTNERS.join('|')}))`;
export const DECLINE_WORDS: readonly string[] = [
  '不归',
  '不属于',
  '不是(?:他们|我们|本部门|我局)?(?:的)?(?:职责|事|管)',
  '不管',
  '管不了',
  '不受理',
  '不予受理',
  '不负责',
  '不接',
  PUSHED_AWAY,
  '推诿',
  '踢皮球',
  '推来推去',
];

/**
 * Place words written right after a department to mean "that office" (住建那边, 人社这块, 供电那块, 发改口,
 * 税务条线). They belong to the mention: what follows them is what the department does.
 */
export const DEPARTMENT_PLACE_WORDS: readonly string[] = [
  '那边',
  '这边',
  '那块',
  '这块',
  '那儿',
  '这儿',
  '那里',
  '这里',
  '那头',
  '方面',
  '条线',
  '口子',
  '口',
];
const PLACE_WORDS_BY_LENGTH = [...DEPARTMENT_PLACE_WORDS].sort((a, b) => b.length - a.length);

/**
 * What a bare stem does when it stands for its office at the head of a clause (Q-0012 人社专场招聘已招满, 生态受理了,
 * 供电送电了, 税务退了, 市监上门指导, 人社还在找): the office at work. Only verbs that do not also make a compound
 * noun with a stem's ordinary sense (社保缴费, 电力不足, 交通不便 stay words).
 */
export const STEM_ACTION_AFTER: readonly string[] = [
  '专场',
  '组织',
  '开展',
  '召开',
  '受理',
  '审核',
  '核查',
  '核实',
  '核发',
  '上门',
  '指导',
  '送电',
  '通电',
  '接通',
  '接电',
  '退(?:了|付|还|回|税)',
  '返还',
  '兑现',
  '还在',
  '一直在',
  '帮',
  '派人',
  '安排',
  '联系了',
  // the office's people came and did it (国网换了变压器, 住建的来了, 交通发放通行证)
  '换(?:了|好)',
  '装(?:了|好)',
  '修好',
  '发放',
  '下发',
  '批复',
  // the office got it through (住建办下来了, 税务办好了)
  '办(?:下来|好|完|妥|结)',
  '的(?:人|同志)?(?:来了|过来了|上门)',
];

/**
 * Stems that name an office and nothing else (人社, 发改, 住建 … — not 交通, 电力, 金融, 科技, which are everyday words
 * too): heading a clause that reports a step (Q-0012 人社XX已…, 天成 续贷 资规XX中), one is the office whatever verb
 * follows it.
 */
export const OFFICE_ONLY_STEMS: readonly string[] = [
  '经信',
  '人社',
  '人力社保',
  '自规',
  '资规',
  '发改',
  '住建',
  '市监',
  '市场监管',
  '工信',
  '卫健',
  '文旅',
  '投促',
  '药监',
  '交运',
  '安监',
  '税务',
  '财政',
  '生态环境',
  '农业农村',
  '综合执法',
];

/**
 * Generic endings of a government office. A department stem with one of them is that department however the
 * ending is worded (生态局, 社保所, 应急办, 市监所 → the stem's department), listed or not.
 */
export const DEPARTMENT_GENERIC_ENDINGS: readonly string[] = ['分局', '大队', '部门', '局', '委', '办', '所', '站'];
const ENDINGS_BY_LENGTH = [...DEPARTMENT_GENERIC_ENDINGS].sort((a, b) => b.length - a.length);

/** The generic office ending starting `text` (局在审 → 局), else ''. */
export function genericEndingAt(text: string): string {
  return ENDINGS_BY_LENGTH.find((w) => text.startsWith(w)) ?? '';
}

/** The place word starting `text` (那块在弄 → 那块), else ''. */
export function placeWordAt(text: string): string {
  return PLACE_WORDS_BY_LENGTH.find((w) => text.startsWith(w)) ?? '';
}

/**
 * The ways an official name joins its two halves: 人力资源和社会保障局 is also written 人力资源与社会保障局 or
 * 人力资源社会保障局 (and 住房和城乡建设局 as 住房与城乡建设局); a bureau's district branch is 分局 (交通运输分局).
 */
function joinVariants(alias: string): string[] {
  const joined =
    alias.length < 6 || !/[\u4e00-\u9fa5]和[\u4e00-\u9fa5]/.test(alias)
      ? [alias]
      : [alias, alias.replace('和', '与'), alias.replace('和', '及'), alias.replace('和', '')];
  // a district's branch of a county bureau (交通运输分局, 自然资源和规划分局): the same office
  return joined.flatMap((a) =>
    a.length >= 3 && a.endsWith('局') && !a.endsWith('分局') ? [a, `${a.slice(0, -1)}分局`] : [a],
  );
}

const ALIAS_INDEX: Array<{ alias: string; name: string }> = [
  ...new Map(
    DEPARTMENTS.flatMap((d) =>
      d.aliases.flatMap(joinVariants).map((alias) => [alias, { alias, name: d.name }] as const),
    ),
  ).values(),
].sort((a, b) => b.alias.length - a.alias.length);

/**
 * Bureaus named by their level only (国家局, 省局): no department of ours, and no typo of one (国家局 is not
 * 国土局 mistyped).
 */
export const GENERIC_BUREAUS: readonly string[] = [
  '国家局',
  '省局',
  '市局',
  '县局',
  '区局',
  '分局',
  '总局',
  '该局',
  '本局',
  '各局',
];

const STEM_INDEX: Array<{ stem: string; name: string }> = DEPARTMENTS.flatMap((d) =>
  (d.stems ?? []).map((stem) => ({ stem, name: d.name })),
).sort((a, b) => b.stem.length - a.stem.length);

/** Bare stems (住建, 自规 …), longest first: departments only where the context expects one. */
export function departmentStems(): ReadonlyArray<{ stem: string; name: string }> {
  return STEM_INDEX;
}

/** All aliases, longest first. */
export function departmentAliases(): ReadonlyArray<{ alias: string; name: string }> {
  return ALIAS_INDEX;
}

/** Canonical short name of a department as written ("经济和信息化局" → "经信局"); unknown names are kept. */
export function normalizeDepartment(raw: string): string {
  const s = raw.trim();
  for (const { alias, name } of ALIAS_INDEX) if (s === alias) return name;
  // "县经信局", "市人社局": a place prefix before a known alias.
  for (const { alias, name } of ALIAS_INDEX) if (s.length <= alias.length + 3 && s.endsWith(alias)) return name;
  // A stem written alone or with a generic ending (住建, 发改委 → 发改局, 社保部门 → 人社局).
  // "住建的", "人社那边的": the office's people, written with a trailing 的
  let bare = s.length > 2 ? s.replace(/的$/, '') : s;
  const ending = ENDINGS_BY_LENGTH.find((w) => bare.endsWith(w) && bare.length > w.length);
  if (ending && STEM_INDEX.some((x) => x.stem === bare.slice(0, -ending.length))) bare = bare.slice(0, -ending.length);
  const place = PLACE_WORDS_BY_LENGTH.find((w) => bare.endsWith(w) && bare.length > w.length);
  if (place) bare = bare.slice(0, -place.length);
  for (const { alias, name } of ALIAS_INDEX) if (bare === alias) return name;
  for (const { stem, name } of STEM_INDEX) if (bare === stem) return name;
  // 经心局, 人设局, 金融版: one character replaced by one read alike
  for (const { alias, name } of ALIAS_INDEX) if (alias.length >= 3 && homophoneTypoAt(bare, alias) >= 0) return name;
  return s;
}

/**
 * Words after a department (or its cadre) saying it went along on our visit (县经信局陪同走访, 由组织部带队, 人社局
 * 同志随行, 商务局一同参加): a participant, not the handler.
 */
export const ACCOMPANY_WORDS: readonly string[] = [
  '陪同',
  '随同',
  '随行',
  '一同(?:参加|走访|前往|去|到|调研|上门)',
  '一起(?:参加|走访|前往|去|到|调研|上门)',
  '同去',
  '同行',
  '带队',
  '领队',
  '参加了?(?:走访|调研|座谈)',
  '联合(?:走访|调研|上门|前往)',
  '共同(?:走访|调研|上门|前往)',
  '一道(?:走访|调研|上门|前往|去)',
  '参与了?(?:走访|调研|座谈)',
];

/**
 * Words before a department (with an optional contact verb) that make it a step still to take (需协调供电公司, 将对接
 * 商务局, 建议联系人社局, 拟请财政局): nobody handles the matter yet.
 */
export const PLANNED_STEP_WORDS: readonly string[] = [
  '需',
  '需要',
  '须',
  '待',
  '(?<!已)将',
  '拟',
  '准备',
  '(?<![主重只需想])要',
  '计划',
  '打算',
  '建议',
  '下一步',
  '下步',
  '后续',
];
/**
 * Times still ahead, written before a contact verb and the department (下周跟生态局沟通, 明天再和供电公司对接, 回头找人社局):
 * a step still to take, like 将对接.
 */
export const FUTURE_STEP_TIMES: readonly string[] = [
  '明天',
  '明日',
  '后天',
  '下周[一二三四五六日天]?',
  '下个?月',
  '月底前?',
  '回头',
  '改天',
  '过两天',
  '过几天',
  '稍后',
  '近期',
  '择日',
];
/**
 * Urging an office about a matter (催一下财政, 催催住建, 去督促了人社): the matter is with that office already — a bare stem
 * after these stands for its department as after a hand-off verb.
 */
/**
 * Words asking us to chase a matter (想请我们帮忙问一下, 让帮着催, 希望帮忙跟一下): said after an office in the same sentence,
 * the office is where the enterprise's own application waits, not one we handed the matter to.
 */
export const CHASE_ASKED: readonly string[] = ['想请', '请', '让', '叫', '希望', '想让', '要我们', '托'];
export const URGE_BEFORE_DEPARTMENT: readonly string[] = ['催一下', '催一催', '催催', '催了', '催过', '催促', '督促'];
export const CONTACT_STEP_VERBS: readonly string[] = [
  '协调',
  '对接',
  '联系',
  '沟通',
  '商请',
  '提请',
  '报请',
  '请',
  '求助',
  '争取',
  '向',
  '与',
  '和',
  '跟',
  '找',
];

/**
 * A record's department field set or corrected (部门写错了，应该是人社局; 部门写金融办; 责任单位改为资规局): the matter is
 * put in that department's hands. The field's names, then the verbs that set it.
 */
export const DEPARTMENT_FIELD_NAMES: readonly string[] = [
  '部门',
  '责任部门',
  '责任单位',
  '承办单位',
  '牵头单位',
  '办理部门',
];
export const DEPARTMENT_FIELD_SETTERS: readonly string[] = ['写', '填', '改', '换', '应该是', '应是', '应为'];

/**
 * Asking a department to take a step (我让发改局跟了, 叫住建那边处理了): before it the asking verb, after it the step with
 * 了 — the matter was put in its hands (a request still to make, 想让…, 回头让…, is no hand-off).
 */
export const ASK_TO_ACT_BEFORE_DEPARTMENT: readonly string[] = ['让', '叫', '请', '安排'];
export const ASKED_STEPS: readonly string[] = [
  '跟进',
  '跟踪',
  '跟',
  '盯',
  '处理',
  '对接',
  '协调',
  '核实',
  '研究',
  '落实',
  '办理',
  '办',
  '招聘',
  '组织',
  '查',
  '看',
];

/**
 * Hand-off verbs of formal reports written right before the department (已将问题反馈至县财政局, 已上报县发改局, 已商请县商务局
 * 协助, 已请县人社局帮助对接): the matter is with that department.
 */
export const FORMAL_HANDOFF_VERBS: readonly string[] = [
  '(?:反馈|反映|推送|提交|报送|上报|呈报|抄送|转送|转达)(?:给|至|到)',
  '(?:已经?|均已|都已)(?:上报|报送|呈报|转送|商请|请)',
  // an official letter to the department (函告县交通运输局, 已函请资规局): the matter is put to it
  '(?:已经?|均已|都已)?(?:函告|函请|函转|函送|发函(?:给|至|到)?)',
];

/**
 * What a department says when it declines the matter (环保局说不归他们管, 住建那边讲这事不属于他们职责, 交通局表示管不了,
 * 推给了园区): it is named, but nobody handles the matter yet. Read after the department (and its cadre).
 */
export const DECLINE_AFTER_DEPARTMENT: readonly string[] = [
  '(?:这|此|该)?(?:个)?(?:事|事情|问题)?(?:不归|不属于|不是|不在)(?:他们|我们|咱们|其|本部门|自己|人家|它)?(?:的)?(?:管|职责|管辖|负责|的事|业务|范围|职能)',
  '管不了',
  '管不着',
  '不管(?:这|此|该)',
  '不(?:予)?受理',
  PUSHED_AWAY,
  '推回',
  '踢皮球',
];

/**
 * Before a department, a level above the county (国家药监部门, 中央…): the authority an enterprise applied to, named as
 * background — the county does not hand a matter there.
 */
export const HIGHER_LEVEL_BEFORE_DEPARTMENT: readonly string[] = ['国家', '中央', '国务院', '国家级'];

/**
 * After a department, what it issued or runs (人社局的稳岗补贴, 商务局发的文件, 财政局出台的贴息政策, 经信局的技改项目): the
 * department is named as the source of a policy, it does not handle the enterprise's matter.
 */
export const POLICY_ISSUED_VERBS: readonly string[] = [
  '发',
  '出台',
  '下发',
  '印发',
  '制定',
  '出',
  '定',
  '推出',
  '设立',
  '安排',
];
export const POLICY_NOUNS: readonly string[] = [
  '政策',
  '文件',
  '通知',
  '办法',
  '细则',
  '规定',
  '补贴',
  '补助',
  '奖励',
  '奖补',
  '资金',
  '专项',
  '贴息',
  '扶持',
  '项目',
  '试点',
  '新政',
];
/** Before a department: the policy it issued is the ground of a claim (根据发改局文件, 按照人社局规定). */
export const POLICY_GROUND_BEFORE: readonly string[] = ['根据', '按照', '依据', '依照', '参照', '按'];

/**
 * Before a department (and its cadre): we took the matter to it, done (我找了生态局的王科长, 已联系过供电所): like 跟税务局说了,
 * the matter is handed over.
 */
export const CONTACTED_BEFORE_DEPARTMENT: readonly string[] = [
  '找了',
  '找过',
  '联系了',
  '联系过',
  '找到了',
  '对接了',
  '对接过',
];

/**
 * Common surnames: a cadre called 老张 / 小王 / 李科长 right after an office (人社老张, 住建小李) is that office's person,
 * and a matter later handed to them (当场交给老张了) is handed to the office.
 */
export const COMMON_SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/**
 * A cadre writing from a department's side names it as their own (我们税务局随团去了…, 我们资规局上周发下去了): the
 * first-person words that may stand before the office's name.
 */
export const OWN_OFFICE_BEFORE: readonly string[] = ['我们', '咱们', '我是', '我们是', '本人是'];
/**
 * … and later speaks of it as "we" (我们已受理, 我们局当场受理了, 我们这边在协调): the first-person words that stand for
 * that office, and the steps an office takes after them.
 */
export const OWN_OFFICE_WE: readonly string[] = ['我们局', '我们这边', '我们', '咱们局', '咱们', '我局', '本局'];
export const OWN_OFFICE_STEPS: readonly string[] = [
  '受理',
  '协调',
  '办理',
  '处理',
  '审核',
  '审批',
  '核实',
  '跟进',
  '对接',
  '研究',
  '安排',
  '拨付',
  '发放',
  '办结',
  '批复',
  '核发',
];
