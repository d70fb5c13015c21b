/**
 * Ledger chat commands: the exact, short forms a team member types (问题清单, Q-0012, 撤销, 交办, 办结, 销号,
 * 重新打开, 绑定企业 …). Pure text parsing, no I/O — the router uses it to tell commands from free text.
 * Free-text status updates ("Q-0012 金融办已对接，贷款下周放款") are NOT commands: they go to the report path.
 */
import { ACTIVE_STATUSES, CATEGORIES, type Category, type EditableField, type IssueStatus } from './model.js';
import { foldWidth } from '../text/width.js';
import { REPORT_PREFIX, stripReportPrefix } from '../messaging/prefixes.js';
import { findRefs as findRefHits, REF_SOURCE, refFromDigits } from './extract/ref.js';
import { chineseNumber } from './extract/normalize.js';
import { findDepartments } from './extract/department.js';
import { PROGRESS_ASK } from './lexicon/signals.js';

export { stripReportPrefix };

/**
 * What a list command asks for. `enterprise`: the name it is narrowed to — an enterprise, or in a leadership group a
 * team's name (the flow tells which).
 */
export type ListFilter = {
  statuses: IssueStatus[] | 'all';
  overdue: boolean;
  enterprise: string | null;
  /** Narrowed to one category (审批类的问题有几个) or to the department handling them (交办给资规局的有哪些). */
  category?: Category;
  department?: string;
};

export type LedgerCommand =
  /** An explicit report: "报：…", "报告：…", "记录：…". */
  | { type: 'report'; text: string }
  | ({ type: 'list' } & ListFilter)
  | { type: 'show'; ref: string }
  /** ref null: the user's last record. ref may be a visit id (V-0003). */
  | { type: 'undo'; ref: string | null }
  /** deadline: the raw deadline phrase ("3月20日前", "月底前"), resolved against the message date later. */
  | { type: 'assign'; ref: string; department: string; deadline: string | null; refs?: string[] }
  | { type: 'resolve'; ref: string; note: string | null; refs?: string[] }
  /** ref null: a bare "销号" (asks which issue). */
  | { type: 'close'; ref: string | null; note: string | null }
  | { type: 'reopen'; ref: string; note: string | null; refs?: string[] }
  /**
   * Q-0012 改 部门 人社局 / 改 类别 用工 / 改 期限 12月31日 / 改 摘要 … / 改 企业 绿源食品; Q-0003 延期到1月31日. ref null: no
   * id given.
   */
  | { type: 'edit'; ref: string | null; field: EditableField; value: string; refs?: string[] }
  /** Q-0015 并入 Q-0012 / 合并 Q-0012 Q-0015 / Q-0012 和 Q-0015 重复了: the duplicate folds into the one kept. */
  | { type: 'merge'; duplicate: string; into: string }
  /** 恢复 Q-0012: an admin brings a withdrawn issue back. */
  | { type: 'restore'; ref: string }
  | { type: 'bind'; enterprises: string[]; name: string | null }
  | { type: 'unbind'; enterprises: string[] }
  | { type: 'team' }
  | { type: 'cancel' }
  | { type: 'help' }
  /**
   * 看板: the board (the live digest) in text, with the web console's address when it is served — also how things
   * stand asked in words (各组情况, 城西二组情况怎么样, 本月办结率多少, 哪些企业这个月还没走访). team: a team named. metric: one
   * figure asked (本月办结率多少, 这周走访了几家), answered in a line instead of the whole board, over `period`.
   */
  | { type: 'board'; team?: string; metric?: BoardMetric; period?: BoardPeriod };

/** A figure of the board asked on its own: 办结率, visits made, enterprises not yet visited, problems collected / solved. */
export type BoardMetric = 'rate' | 'visits' | 'unvisited' | 'issues';
/** The span such a figure covers (本月 when none is said; 一月一走访 is always the month). */
export type BoardPeriod = 'today' | 'week' | 'lastWeek' | 'month';

export type LedgerCommandType = LedgerCommand['type'];

/** Full-width digits/letters and dashes → ASCII, so "Ｑ－００１２" parses like "Q-0012" (src/text/width.ts). */
export function normalizeWidth(text: string): string {
  return foldWidth(text, 'alnum');
}

/** The issue-id grammar of extract/ref.ts (one grammar for commands and free text: "Q1" is a quarter, not an id). */
const REF_SRC = REF_SOURCE;

/** "q-15", "Q0023", "Q-0012" → "Q-0015", "Q-0023", "Q-0012". */
export function formatRef(digits: string | number, prefix: 'Q' | 'V' = 'Q'): string {
  return prefix === 'Q' ? refFromDigits(digits) : `${prefix}-${String(Number(digits)).padStart(4, '0')}`;
}

/** The first issue id in a text, normalised (Q-0012), or null. */
export function findRef(text: string): string | null {
  return findRefs(text)[0] ?? null;
}

/** Every issue id in a text, normalised, in order, without repeats. */
export function findRefs(text: string): string[] {
  return [...new Set(findRefHits(normalizeWidth(text)).map((h) => h.ref))];
}

const TRAIL = /[\s。.!！~～]+$/;
const HELP =
  /^(台账|问题清单|清单|报送|记录|问题台账)\s*(帮助|说明|用法|怎么用|使用说明)$|^(怎么|如何)(报送|记录|报|登记)(问题|走访|情况|进展)?[?？]?$/;
const CANCEL = /^(取消|取消记录|算了|不用了|不记了|别记了|作废|不算了|不算数)$/;
/**
 * The issue list: [scope][name的][status] noun [status|name] [a question of what it holds]. The noun: 问题清单 / 台账 …,
 * or a bare 问题 after a status or every team's scope (逾期问题有哪些, 各组问题). A name before the noun needs its 的
 * (team2的问题清单, 华康的台账); anything else before it (负面清单, 党建问题清单) makes no command.
 */
const LIST_NOUN = /^(.*?)(问题清单|问题台账|问题列表|台账|清单)(.*)$/;
const LIST_BARE_NOUN = /^(.*?)问题(.*)$/;
/** Whose list: the speaker's own team, or every team (in a leadership group every team is read anyway). */
const OWN_SCOPE = /^\s*(?:本组|我们组|我组|小组|我们)/;
const ALL_SCOPE = /^\s*(?:各个?小?组|所有(?:的)?小?组|全部(?:的)?小组|全体小组|各个?团队|所有团队)/;
/** 有哪些, 列一下: asking what the list holds is asking for the list. */
const LIST_ASKS =
  /(?:都)?(?:有哪些|是哪些|有啥|有什么|有几个|有几条|有多少条?|列一下|列出来|发一下|发我|看一下|看看|呢)\s*[?？]?$/;
const BOARD = /^(?:看板|工作看板|数据看板|领导看板|看一下看板|看看看板|打开看板|看板在哪|看板地址)[?？]?$/;
const SHOW = new RegExp(
  String.raw`^(?:查看|查询|查一下|查|看看|看一下|详情)?\s*${REF_SRC}\s*(?:的)?(?:详情|进展|进度|情况|历史|记录|现在到哪一步了|到哪一步了|到哪了|怎么样了|进展如何|办得怎么样了)?\s*[?？]?$`,
);
const UNDO = new RegExp(
  String.raw`^(?:撤销|撤回|undo|删掉|删除)\s*(?:${REF_SRC}|[Vv]\s*-?\s*(\d{1,6})|上一条|这一?条|刚才的?|刚刚的?|最后一条)?(?:记录)?(?:吧)?$`,
  'i',
);
/** "Q-0012 撤销", "这条删掉": the id (or 这条) written first. */
/** The last message named as a thing (这条, 刚才那条, 上一条记录). */
const LAST_ONE = `(?:把)?(?:这一?条|(?:刚才|刚刚|上面)的?(?:那|这)?一?条?|上一条)(?:消息|记录)?`;
/** Taking the last message back: 撤销, 删掉, or saying it does not count (不算, 作废, 别记了). */
const TAKE_BACK = `(?:撤销|撤回|删掉|删除|删了|不算数?|作废|不要了|别记了?|不用记了?|不记了)`;
const UNDO_B = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*(?:撤销|撤回|删掉|删除|删了)|${LAST_ONE}\s*[,，:：]?\s*(?:就|先)?${TAKE_BACK}(?:了)?)(?:记录)?(?:吧|哈|啊)?$`,
);
const REOPEN_A = new RegExp(String.raw`^(?:重新打开|重开|重启|reopen)\s*${REF_SRC}\s*[,，:：;；]?\s*(.*)$`, 'i');
const REOPEN_B = new RegExp(String.raw`^${REF_SRC}\s*[,，:：]?\s*(?:重新打开|重开)\s*[,，:：;；]?\s*(.*)$`);
const ASSIGN = new RegExp(
  String.raw`^${REF_SRC}\s*[,，:：]?\s*(?:交办给?|转交给?|交给|转办给?|交由|指派给?|转给)\s*(.*)$`,
);
const RESOLVE_A = new RegExp(
  String.raw`^${REF_SRC}\s*[,，:：]?\s*(?:已经?)?(?:办结|解决|完成|办完|处理完毕)了?\s*(?:[,，。;；:：]\s*(.*))?$`,
);
const RESOLVE_B = new RegExp(String.raw`^(?:办结|已办结|已解决)\s*${REF_SRC}\s*[,，。;；:：]?\s*(.*)$`);
const CLOSE_A = new RegExp(
  String.raw`^${REF_SRC}\s*[,，:：]?\s*(.{0,30}?)[\s,，。;；]*(?:已经?)?(?:销号|消号)了?\s*(?:[,，。;；:：]\s*(.*))?$`,
);
const CLOSE_B = new RegExp(String.raw`^(?:销号|消号)\s*${REF_SRC}\s*[,，。;；:：]?\s*(.*)$`);
const EDIT_FIELDS: Array<[RegExp, EditableField]> = [
  [/^(?:责任|交办|承办|牵头)?部门$/, 'department'],
  [/^(?:类别|分类|类型|问题类别)$/, 'category'],
  [/^(?:期限|截止日期|截止时间|办结期限|到期日|时限)$/, 'dueDate'],
  [/^(?:摘要|内容|描述|问题描述|问题内容|标题)$/, 'summary'],
  [/^(?:企业|企业名称|企业名|公司)$/, 'enterprise'],
];
const EDIT_FIELD_SRC =
  '责任部门|交办部门|承办部门|牵头部门|部门|问题类别|类别|分类|类型|办结期限|截止日期|截止时间|到期日|期限|时限|问题描述|问题内容|摘要|内容|描述|标题|企业名称|企业名|企业|公司';
const EDIT_VERB_SRC = '改|修改|更正|更改|调整';
const EDIT_A = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*)?(?:${EDIT_VERB_SRC})\s*(${EDIT_FIELD_SRC})\s*(?:为|成|到|:|：)?\s*(.+)$`,
);
const EDIT_B = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*)?(?:的)?(${EDIT_FIELD_SRC})\s*(?:${EDIT_VERB_SRC})\s*(?:为|成|到|至)\s*(.+)$`,
);
/** "Q-0012 改 摘要" with nothing after it: an edit that names no new value (the flow asks for it). */
const EDIT_EMPTY = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*)?(?:${EDIT_VERB_SRC})\s*(${EDIT_FIELD_SRC})\s*$`,
);
/** Moving a deadline: 延期到1月31日, 期限延到月底, 截止日期往后推到12月20日 … */
const LONG_EXTEND_SRC = '延期|延长|顺延|推迟|延后|后延|推后|往后推|往后延|向后推|向后延|往后挪';
const DUE_WORD_SRC = '(?:办结|截止)?(?:期限|日期|时间|时限)|截止日期|到期日';
/** (a bare 延/推/挪 only after the word for the deadline: 推到住建那边 is a hand-off) */
const EXTEND_VERB_SRC = `(?:${DUE_WORD_SRC})\\s*(?:再)?(?:${LONG_EXTEND_SRC}|延|推|挪)|(?:再)?(?:${LONG_EXTEND_SRC})`;
const EXTEND = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*)?(?:的)?(?:${EXTEND_VERB_SRC})(?:期限)?\s*(?:到|至)\s*(.+)$`,
);
/** … or by a span (延期一个月, 期限往后推两周, 顺延10天): value "+N月" / "+N周" / "+N天" from the current deadline. */
const EXTEND_BY = new RegExp(
  String.raw`^(?:${REF_SRC}\s*[,，:：]?\s*)?(?:的)?(?:${EXTEND_VERB_SRC})(?:期限)?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个月|个星期|星期|周|天|日)(?:时间)?[。.!！]?$`,
);
const CLOSE_BARE = /^(?:销号|消号)$/;
/** "Q-0015 并入 Q-0012", "把 Q-0015 合并到 Q-0012": the first id is the duplicate. */
const MERGE_INTO = new RegExp(
  String.raw`^(?:把|将)?\s*${REF_SRC}\s*(?:问题)?\s*(?:并入|合并到|合并至|合并进|归并到|归入|并到)\s*${REF_SRC}\s*(?:里|中|下)?(?:去)?$`,
);
/** "合并 Q-0012 Q-0015", "Q-0012 和 Q-0015 合并", "Q-0012、Q-0015 重复了 / 是同一个问题": the older id is kept. */
const MERGE_PAIR = new RegExp(
  String.raw`^(?:合并|归并)\s*${REF_SRC}\s*(?:和|与|跟|、|,|，|\s)\s*${REF_SRC}$|^${REF_SRC}\s*(?:和|与|跟|、|,|，)\s*${REF_SRC}\s*(?:合并|归并|重复了?|是?重复的?|是同一(?:个|件)?(?:问题|事|事情)?)$`,
);
const RESTORE = new RegExp(String.raw`^(?:恢复|还原|找回)\s*${REF_SRC}$`);

function editField(word: string): EditableField | null {
  return EDIT_FIELDS.find(([re]) => re.test(word))?.[1] ?? null;
}

/** A phrase before 销号 that turns it into a question or a request rather than a sign-off. */
const NOT_DONE = /未|没|不|待|申请|能否|可否|是否|可以|请|吗|要|准备|拟|[?？]/;
const BIND = /^(?:(?:绑定企业|登记企业|服务企业)\s*[:：]?|绑定\s*[:：\s])\s*(.+)$/;
const UNBIND = /^(?:(?:解绑企业|解除绑定|取消绑定)\s*[:：]?|解绑\s*[:：\s])\s*(.+)$/;
const QUESTIONISH = /[?？吗呢哪啥]|怎么|如何|什么|是否|能否/;
const TEAM = /^(?:本组|本群|小组|我们组)(?:信息|企业|绑定企业|绑定的企业)$|^(?:绑定企业|绑定了哪些企业)[?？]?$/;
const TEAM_NAME = /(?:组名|小组名称|小组名|名称)\s*[:：]?\s*([^\s,，;；、]+)/;
const ENTERPRISE_SPLIT = /[、,，;；/\s]+/;

const STATUS_WORDS: Array<[RegExp, IssueStatus[] | 'all' | 'overdue']> = [
  [/全部|所有|全量/, 'all'],
  [/逾期|超期|过期/, 'overdue'],
  [/未办结|未完成|在办|未解决|待办|没(?:有)?(?:办完|办结|解决|完成|结)/, [...ACTIVE_STATUSES]],
  [/待交办|未交办|没(?:有)?交办/, ['open']],
  [/已交办/, ['assigned']],
  [/办理中|处理中|进行中/, ['in_progress']],
  [/已销号|销号/, ['closed']],
  // (a signed-off issue was resolved first: 已办结 lists both, and says so in its title)
  [/已办结|办结|已解决|解决/, ['resolved', 'closed']],
];

/** The default list filter: the active statuses (model.ts). */
export const OPEN_STATUSES: IssueStatus[] = [...ACTIVE_STATUSES];

/** The status words of a text (their filter) and the text without them. */
function statusWords(text: string): { statuses: IssueStatus[] | 'all' | null; overdue: boolean; left: string } {
  let left = text;
  let statuses: IssueStatus[] | 'all' | null = null;
  let overdue = false;
  for (const [re, value] of STATUS_WORDS) {
    if (!re.test(left)) continue;
    left = left.replace(re, ' ');
    if (value === 'overdue') overdue = true;
    else if (value === 'all') statuses = 'all';
    else if (statuses !== 'all') statuses = [...new Set([...(statuses ?? []), ...value])];
  }
  return { statuses, overdue, left };
}

/** The list command of a text, or null (see LIST_NOUN). */
function parseList(text: string): ListFilter | null {
  const m = LIST_NOUN.exec(text) ?? LIST_BARE_NOUN.exec(text);
  if (!m) return null;
  const bareNoun = m.length === 3;
  const rawHead = m[1] as string;
  const rest = ((bareNoun ? m[2] : m[3]) as string).replace(LIST_ASKS, '');
  const everyTeam = ALL_SCOPE.test(rawHead);
  const head = rawHead.replace(ALL_SCOPE, ' ').replace(OWN_SCOPE, ' ');
  // "<name>的…": the name before the head's last 的, less any status word said with it (城东一组已办结的)
  const at = head.lastIndexOf('的');
  const named = at > 0 ? statusWords(head.slice(0, at)) : null;
  const name = named ? named.left.replace(/[\s,，、:：的]+/g, '') : '';
  const said = statusWords(at > 0 ? `${head.slice(0, at)} ${head.slice(at + 1)}` : head);
  if (said.left.replace(/[\s,，、:：的]+/g, '') !== name) return null;
  if (name && (m[2] === '清单' || QUESTIONISH.test(name) || name.length > 20)) return null;
  // (a bare 问题 is the list's only after a status or every team's scope, and with nothing after it)
  if (bareNoun && ((said.statuses === null && !said.overdue && !everyTeam) || rest.trim())) return null;
  const tail = parseListFilter(rest);
  if (!tail) return null;
  if (name && tail.enterprise) return null;
  const statuses =
    said.statuses === 'all' || tail.statuses === 'all'
      ? 'all'
      : said.statuses
        ? tail.statuses === OPEN_STATUSES
          ? said.statuses
          : [...new Set([...said.statuses, ...tail.statuses])]
        : tail.statuses;
  return { statuses, overdue: said.overdue || tail.overdue, enterprise: name || tail.enterprise };
}

/**
 * The ledger asked about in words rather than in the list's own forms. Every word must fill a slot — a scope (我们组,
 * 各组), a status (没办完, 逾期), a category (审批类), a department (交办给资规局的, 人社局那边), a ledger noun
 * (问题, 台账), an ask (有几个, 有哪些) — or it is no command (a policy question keeps its own words):
 * 我们组还有几个没办完的, 审批类的问题有几个, 交办给自然资源局的有哪些, 人社局那边有几个问题, 看下台账, 还有哪些没办完.
 */
const QUERY_LEAD = /^(?:帮我|麻烦|请)?(?:看下|看一下|看看|查下|查一下|查查|列一下|列下|发一下|发下|我看看|给我看看)\s*/;
const QUERY_TAIL = /(?:呢|啊|呀|吗|吧)?[\s?？。.!！~～]*$/;
/** A reply said to have come, asked by a 吗 after it (税务局回复了吗). */
const REPLIED = /(?:回复|回话|答复|回信|回)了$/;
const QUERY_ASK =
  /(?:一共|总共|共|现在|目前|还|都)*(?:有|是)?(?:哪些|哪几个|哪几条|几个|几条|几件|多少个?|多少条|多少件)(?:问题|事)?/g;
/** Every team, the speaker's own team, and a team named by its name (liaison teams are 小组: 城东一组). */
const EVERY_TEAM_SRC = '各个?小?组|所有(?:的)?小?组|全部(?:的)?小组';
const OWN_TEAM_SRC = '本组|我们组|我组';
/** (a team named in Latin letters needs no 组: Alpha Team, DevOps) */
const LATIN_TEAM_SRC = '[A-Za-z][A-Za-z0-9]*(?:[ _-][A-Za-z0-9]+){0,3}';
const NAMED_TEAM_SRC = `(?:[\\u4e00-\\u9fa5A-Za-z0-9]{1,10}?组(?!织)|${LATIN_TEAM_SRC})`;
const QUERY_SCOPE = new RegExp(`${EVERY_TEAM_SRC}|${OWN_TEAM_SRC}|我们`, 'g');
const QUERY_FILLER =
  /今天|现在|目前|当前|本月|这个?月|本周|这周|一共|总共|还|都|有|的|了|那边|这边|那里|这块|方面|[\s,，、:：]/g;
const QUERY_NOUN = /问题清单|问题台账|台账|清单|问题|事项|事/g;
const HANDED_TO = /(?:已经?)?(?:交办给?|交给|转给|转交给?|报给|推给|交由)\s*$/;
const TEAM_FIRST = new RegExp(`^(?!各|哪|本组|我们组|我组|小组)(${NAMED_TEAM_SRC})`);
/** A team's name: no question word or pronoun in it (这个机器人怎么查我们组 is no team). */
const teamName = (name: string | undefined): name is string =>
  Boolean(name) && !QUESTIONISH.test(name as string) && !/我们|咱们|你们|他们|这个|那个/.test(name as string);
/** The team a text begins by naming (城东一组逾期的 → 城东一组), or null. */
function leadingTeam(text: string): string | null {
  const name = TEAM_FIRST.exec(text)?.[1];
  return teamName(name) ? name : null;
}
const CATEGORY_QUERY = new RegExp(`(${CATEGORIES.filter((c) => c !== '其他').join('|')})(?:类|方面|这块)?`);

function parseLedgerQuery(input: string): LedgerCommand | null {
  const lead = QUERY_LEAD.exec(input);
  let text = input.slice(lead ? lead[0].length : 0).replace(QUERY_TAIL, '');
  if (!text || text.length > 30 || /[Qq]\s*-?\s*\d/.test(text)) return null;
  const board = parseOverview(text);
  if (board) return board;
  // A team named first (城东一组逾期的): the list is that team's (a leadership group reads any team's).
  const team = leadingTeam(text);
  if (team) text = text.slice(team.length).replace(/^的/, '');
  let department: string | undefined;
  let handedTo = false;
  const dept = findDepartments(text).find((d) => !d.unknown);
  if (dept) {
    department = dept.name;
    const head = text.slice(0, dept.start);
    handedTo = HANDED_TO.test(head);
    text = `${head.replace(HANDED_TO, '')} ${text.slice(dept.end)}`;
  }
  // (how matters handed to a department stand — 金融办那边有消息没: its issues are the answer)
  // (回复了吗 is asked by its 吗, which QUERY_TAIL took off)
  const replied = /[吗?？]\s*$/.test(input) ? REPLIED.exec(text) : null;
  const progress = department !== undefined && (PROGRESS_ASK.test(text) || replied !== null);
  if (progress) text = text.replace(PROGRESS_ASK, ' ').replace(REPLIED, ' ');
  let category: Category | undefined;
  const cat = CATEGORY_QUERY.exec(text);
  if (cat) {
    category = cat[1] as Category;
    text = text.replace(cat[0], ' ');
  }
  const noun = text.search(QUERY_NOUN) >= 0;
  const asked = text.search(QUERY_ASK) >= 0;
  text = text.replace(QUERY_ASK, ' ');
  const scoped = text.search(QUERY_SCOPE) >= 0;
  text = text.replace(QUERY_SCOPE, ' ');
  const said = statusWords(text);
  text = said.left;
  const ledgerNoun = /台账|清单/.test(text);
  text = text.replace(QUERY_NOUN, ' ').replace(QUERY_FILLER, '');
  if (text) return null; // a word no slot takes: not a question about the ledger
  const status = said.statuses !== null || said.overdue;
  // Something of the ledger's own must be asked for: its list by name, or issues by status, department or category.
  const about =
    ledgerNoun ||
    status ||
    handedTo ||
    progress ||
    (noun && (lead !== null || scoped || team !== null || department !== undefined || category !== undefined));
  // (a status word alone — 销号, 逾期 — is no question about the list: it needs an ask, a scope or a team)
  if (!about || !(asked || ledgerNoun || handedTo || progress || lead !== null || scoped || team !== null)) return null;
  return {
    type: 'list',
    statuses: said.statuses ?? OPEN_STATUSES,
    overdue: said.overdue,
    enterprise: team,
    ...(category ? { category } : {}),
    ...(department ? { department } : {}),
  };
}

/**
 * How things stand — the board answers: 各组情况, 城西二组情况怎么样, 本组这个月情况, 本月办结率多少, 这周走访了几家,
 * 这个月收集了多少问题、解决了多少,
 * 哪个组没完成一月一走访, 哪些企业这个月还没走访. A team is named by a name ending in 组 (liaison teams are 小组).
 */
const OVERVIEW_SUBJECT = `(${EVERY_TEAM_SRC}|${OWN_TEAM_SRC}|${NAMED_TEAM_SRC})`;
const OVERVIEW_TIME = '(?:最近|目前|现在|本周|这周|本月|这个?月|今天)';
const OVERVIEW_TIME_RE = new RegExp(OVERVIEW_TIME);
const OVERVIEW = new RegExp(
  `^${OVERVIEW_SUBJECT}?(?:的)?${OVERVIEW_TIME}?(?:的)?(?:工作|整体|总体)?(?:情况|进展|概况|近况)(?:怎么样|如何|咋样|怎样)?(?:了)?$`,
);
const METRIC =
  /办结率|一月一走访|走访(?:了)?(?:几|多少)(?:家|次|个)|(?:还)?(?:没有?|未)(?:完成一月一)?走访|(?:收集|收到|新增|登记|记录|反映)(?:了)?(?:几|多少)个?问题|(?:解决|办结|销号)(?:了)?(?:几|多少)(?:个|条)?/;
const METRIC_SCOPE =
  /本月|这个?月|本周|这周|上周|今天|本组|我们组|各个?组|哪个组|哪些组|哪几个组|哪些企业|哪几家|哪家企业/;

function parseOverview(text: string): LedgerCommand | null {
  const m = OVERVIEW.exec(text);
  if (m && (m[1] || OVERVIEW_TIME_RE.test(text))) {
    const subject = m[1] ?? '';
    const own = !subject || /^(?:各|所有|全部|本组|我们组|我组)/.test(subject);
    if (own) return { type: 'board' };
    return teamName(subject) ? { type: 'board', team: subject } : null;
  }
  if (METRIC.test(text) && METRIC_SCOPE.test(text) && !/[吗]|怎么|如何|什么|为什么/.test(text)) {
    const team = leadingTeam(text);
    // (哪个组 / 各组 ask for every team's figure: the board's table answers that, not one line)
    const perTeam = /各个?组|哪个组|哪些组|哪几个组/.test(text);
    const metric = perTeam ? undefined : boardMetric(text);
    const asked = metric ? { metric, period: metric === 'unvisited' ? 'month' : boardPeriod(text) } : {};
    return team ? { type: 'board', team, ...asked } : { type: 'board', ...asked };
  }
  return null;
}

/** Which one figure a METRIC question asks for (the first kind its words name, in this order). */
function boardMetric(text: string): BoardMetric | undefined {
  if (/办结率/.test(text)) return 'rate';
  if (/(?:还)?(?:没有?|未)(?:完成一月一)?走访|一月一走访/.test(text)) return 'unvisited';
  if (/走访(?:了)?(?:几|多少)/.test(text)) return 'visits';
  if (/(?:几|多少)个?问题|(?:解决|办结|销号)(?:了)?(?:几|多少)/.test(text)) return 'issues';
  return undefined;
}

function boardPeriod(text: string): BoardPeriod {
  if (/今天/.test(text)) return 'today';
  if (/上周/.test(text)) return 'lastWeek';
  if (/本周|这周/.test(text)) return 'week';
  return 'month';
}

function parseListFilter(rest: string): ListFilter | null {
  let text = rest.replace(/^[\s:：,，]+/, '');
  let statuses: IssueStatus[] | 'all' | null = null;
  let overdue = false;
  for (const [re, value] of STATUS_WORDS) {
    if (!re.test(text)) continue;
    text = text.replace(re, ' ');
    if (value === 'overdue') overdue = true;
    else if (value === 'all') statuses = 'all';
    else if (statuses !== 'all') statuses = [...new Set([...(statuses ?? []), ...value])];
  }
  text = text.replace(/的|问题|[\s,，、:：]+/g, ' ').trim();
  // Anything left that reads like a question ("问题清单怎么查") is not a command.
  if (QUESTIONISH.test(text) || text.length > 20) return null;
  return { statuses: statuses ?? OPEN_STATUSES, overdue, enterprise: text || null };
}

function splitEnterprises(text: string): string[] {
  return [
    ...new Set(
      text
        .split(ENTERPRISE_SPLIT)
        .map((s) => s.trim())
        .filter((s) => s.length >= 2 && s.length <= 40),
    ),
  ];
}

/**
 * Deadline phrases in an assignment: 3月20日前, 3/20前, 2019-03-20, 月底前, 12月底前, 周五前, 10天内, 5个工作日内; marked as
 * the limit by a leading 期限/截止 (期限都是12月底, 截止到5月10日) or a trailing 前/内.
 */
export const DEADLINE_SRC = String.raw`(?:(?:期限|截止|限)\s*(?:都|均|统一|一律)?\s*(?:是|为|定为|定在|设为|到|至)?\s*[:：]?\s*)?(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月\s*(?:底|末)|\d{1,2}\s*[/.]\s*\d{1,2}|(?:本月|下月|下个月)?月底|年底|(?:本|下)?周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,3}\s*(?:个工作日|个?工作日|天|日))\s*(?:前|之前|以前|内|以内|为限|截止)?`;
const DEADLINE_RE = new RegExp(DEADLINE_SRC);

function parseAssign(ref: string, rest: string): LedgerCommand | null {
  let text = rest.trim().replace(TRAIL, '');
  let deadline: string | null = null;
  const d = DEADLINE_RE.exec(text);
  if (d) {
    deadline = d[0].trim();
    text = `${text.slice(0, d.index)} ${text.slice(d.index + d[0].length)}`.trim();
  }
  const department = (text.split(/[\s,，;；。、]+/)[0] ?? '').replace(/(办理|处理|负责|跟进|落实)$/, '').trim();
  // "Q-0018 交办" names no department: the command still, so that the bot asks for one instead of guessing.
  if (!department && !deadline) return { type: 'assign', ref, department: '', deadline };
  if (!department || department.length > 20 || /[?？吗]/.test(department)) return null;
  return { type: 'assign', ref, department, deadline };
}

function noteOf(...parts: Array<string | undefined>): string | null {
  const text = parts
    .map((p) => (p ?? '').trim().replace(/^[,，。;；:：\s]+|[,，。;；:：\s]+$/g, ''))
    .filter(Boolean)
    .join('，');
  return text || null;
}

/** Two or more ids written first, one after another (Q-0013 Q-0014 …, Q-0013、Q-0014 …, Q-0013和Q-0014 …). */
const REF_LIST_HEAD = new RegExp(
  String.raw`^(?:${REF_SRC})(?:\s*(?:[、,，/和及与跟]|\s)\s*(?:${REF_SRC}))+\s*[,，:：]?\s*`,
);
/** The commands several ids written first apply to, each id alike (`refs`: all of them, in order). */
const MULTI_REF_COMMANDS = new Set<LedgerCommandType>(['edit', 'assign', 'resolve', 'reopen']);

/**
 * Parse a ledger command; null when the text is not one (free text goes to the report or ask path). A command
 * written after several ids ("Q-0013 Q-0014 期限改为12月31日") applies to each of them: it carries `refs`.
 */
export function parseLedgerCommand(input: string): LedgerCommand | null {
  const raw = normalizeWidth(input).trim();
  const head = REF_LIST_HEAD.exec(raw);
  if (head) {
    const refs = findRefs(head[0]);
    const one = parseOneCommand(`${refs[0]} ${raw.slice(head[0].length)}`);
    if (refs.length >= 2 && one && MULTI_REF_COMMANDS.has(one.type) && 'ref' in one && one.ref === refs[0])
      return { ...one, refs } as LedgerCommand;
  }
  return parseOneCommand(raw);
}

function parseOneCommand(raw: string): LedgerCommand | null {
  if (!raw) return null;
  const prefixed = REPORT_PREFIX.exec(raw);
  if (prefixed) return { type: 'report', text: raw.slice(prefixed[0].length).trim() };

  const text = raw.replace(TRAIL, '');
  if (HELP.test(text)) return { type: 'help' };
  if (CANCEL.test(text)) return { type: 'cancel' };
  if (TEAM.test(text)) return { type: 'team' };

  if (BOARD.test(text)) return { type: 'board' };
  const list = parseList(text);
  if (list) return { type: 'list', ...list };
  const query = parseLedgerQuery(text);
  if (query) return query;
  let m: RegExpExecArray | null;
  if ((m = SHOW.exec(text))) return { type: 'show', ref: formatRef(m[1] as string) };
  if (CLOSE_BARE.test(text)) return { type: 'close', ref: null, note: null };
  if ((m = RESTORE.exec(text))) return { type: 'restore', ref: formatRef(m[1] as string) };
  if ((m = MERGE_INTO.exec(text)))
    return { type: 'merge', duplicate: formatRef(m[1] as string), into: formatRef(m[2] as string) };
  if ((m = MERGE_PAIR.exec(text))) {
    // (ids are strings of the same width: the older, smaller one is kept)
    const [into, duplicate] = (m[1] ? [m[1], m[2]] : [m[3], m[4]]).map((d) => formatRef(d as string)).sort() as [
      string,
      string,
    ];
    return { type: 'merge', duplicate, into };
  }
  if ((m = EDIT_A.exec(text)) || (m = EDIT_B.exec(text))) {
    const field = editField(m[2] as string);
    const value = (m[3] as string).trim();
    // (Q-0004 改 部门 生态环境局 月底前: a department with a deadline is a hand-off with one)
    if (field === 'department' && m[1]) {
      const handOff = parseAssign(formatRef(m[1]), value);
      if (handOff?.type === 'assign' && handOff.deadline && handOff.department) return handOff;
    }
    if (field && value && !QUESTIONISH.test(value))
      return { type: 'edit', ref: m[1] ? formatRef(m[1]) : null, field, value };
  }
  if ((m = EDIT_EMPTY.exec(text))) {
    const field = editField(m[2] as string);
    if (field) return { type: 'edit', ref: m[1] ? formatRef(m[1]) : null, field, value: '' };
  }
  if ((m = EXTEND_BY.exec(text))) {
    const n = /^\d+$/.test(m[2] as string) ? Number(m[2]) : chineseNumber(m[2] as string);
    const unit = /月/.test(m[3] as string) ? '月' : /周|星期/.test(m[3] as string) ? '周' : '天';
    if (n && n > 0)
      return { type: 'edit', ref: m[1] ? formatRef(m[1]) : null, field: 'dueDate', value: `+${n}${unit}` };
  }
  if ((m = EXTEND.exec(text))) {
    const value = (m[2] as string).trim();
    if (value && !QUESTIONISH.test(value))
      return { type: 'edit', ref: m[1] ? formatRef(m[1]) : null, field: 'dueDate', value };
  }
  if ((m = UNDO_B.exec(text))) return { type: 'undo', ref: m[1] ? formatRef(m[1]) : null };
  if ((m = UNDO.exec(text))) {
    if (m[1]) return { type: 'undo', ref: formatRef(m[1]) };
    if (m[2]) return { type: 'undo', ref: formatRef(m[2], 'V') };
    return { type: 'undo', ref: null };
  }
  if ((m = REOPEN_A.exec(text)) || (m = REOPEN_B.exec(text))) {
    return { type: 'reopen', ref: formatRef(m[1] as string), note: noteOf(m[2]) };
  }
  if ((m = ASSIGN.exec(text))) return parseAssign(formatRef(m[1] as string), m[2] as string);
  if ((m = CLOSE_A.exec(text))) {
    const before = m[2] ?? '';
    if (!NOT_DONE.test(before)) return { type: 'close', ref: formatRef(m[1] as string), note: noteOf(before, m[3]) };
    return null;
  }
  if ((m = CLOSE_B.exec(text))) return { type: 'close', ref: formatRef(m[1] as string), note: noteOf(m[2]) };
  if ((m = RESOLVE_A.exec(text)) || (m = RESOLVE_B.exec(text))) {
    return { type: 'resolve', ref: formatRef(m[1] as string), note: noteOf(m[2]) };
  }
  if (QUESTIONISH.test(text)) return null;
  if ((m = UNBIND.exec(text))) {
    const enterprises = splitEnterprises(m[1] as string);
    return enterprises.length ? { type: 'unbind', enterprises } : null;
  }
  if ((m = BIND.exec(text))) {
    let body = m[1] as string;
    const name = TEAM_NAME.exec(body);
    if (name) body = body.replace(name[0], ' ');
    const enterprises = splitEnterprises(body);
    return enterprises.length ? { type: 'bind', enterprises, name: name ? (name[1] as string) : null } : null;
  }
  return null;
}

/** True for ledger commands the router should send to handleIssues (everything but explicit reports). */
export function isLedgerCommand(text: string): boolean {
  const cmd = parseLedgerCommand(text);
  return cmd !== null && cmd.type !== 'report';
}
