/**
 * Event dates in status messages, resolved against the message day (Asia/Shanghai):
 * 今天/今早/上午/刚 = today, 昨天 −1, 前天 −2, 周三 = the latest Wednesday on or before today,
 * 上周三 = Wednesday of the previous Monday-based week, 3月5日 / 3.5 / 3/15 = the latest such day not
 * after today, 2019-03-05 / 2019年3月5日 as written. Deadlines and expected dates (3月20日前, 下周,
 * 月底前, 明天) are not event dates.
 */
import { chineseNumber, type Span } from './normalize.js';
import { addDays, isoWeekday, isValidDate, lastDayOfMonth, ymd } from '../../time/index.js';

export interface DateHit extends Span {
  /** YYYY-MM-DD, or null when the expression points to the future / is not a real date. */
  date: string | null;
  /** Weak expressions (上午, 刚) count only when nothing stronger is in the message. */
  weak: boolean;
  raw: string;
}

// ---------- calendar arithmetic on YYYY-MM-DD: src/time

export { addDays };
const validYmd = ymd;

/** How far ahead a month/day may lie and still be this year's (not a past year's): a week. */
const SOON_DAYS = 7;

/** The latest month/day not after today (12月28日 seen on 2019-01-07 → 2018-12-28). */
function latestMonthDay(m: number, d: number, today: string): string | null {
  const year = Number(today.slice(0, 4));
  // (a day of the coming week — a slip of the keyboard, a clock, or a plan — is not the same day a year ago)
  const thisYear = validYmd(year, m, d);
  if (thisYear && thisYear > today && thisYear <= addDays(today, SOON_DAYS)) return null;
  for (const y of [year, year - 1, year - 2, year - 3, year - 4]) {
    const s = validYmd(y, m, d);
    if (s && s <= today) return s;
  }
  return null;
}

export const isValidDay = isValidDate;

// ---------- expressions

const WEEKDAY: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};
const CN_NUM = '[一二两三四五六七八九十]{1,3}';

/** Before a date: it is a deadline, a plan or a target, not something that happened. */
const FUTURE_BEFORE_DATE =
  /(?:期限(?:都|均|统一|一律)?(?:是|为|定为|定在|设为|到|至)?\s*[:：]?|预计|计划|将于|将在|将|争取|力争|截至|截止|要求|定于|拟于|拟|约在|安排在|改到|改在|推迟到|延期到|延到|推到|最迟|最晚|不晚于|之前要|前要|要在|需在|须在|请于|务必于|等到|到期日?|到)\s*$/;
/** After a date: a deadline ("3月20日前给答复"), an expiry, a plan. */
const FUTURE_AFTER_DATE = /^\s*(?:前|之前|以前|截止|到期|为止|左右再|再说|会|要|将|能|可以|开始(?:放款|办理))/;
/** After a date: it only says when an earlier issue was raised ("3月15日反映的土地证问题"), not what happened now. */
const ATTRIBUTIVE_AFTER =
  /^\s*(?:提|反映|提出|报|申请|交办|登记|签订|来函|来电)的|^[^，,。;；!！?？\n]{0,12}?(?:时|的时候)(?:企业|他们|对方|老板)?(?:提|反映|提出|说)的/;
/** After a number that looks like M.D: it is a quantity, not a date. */
const QUANTITY_AFTER = /^\s*(?:[\d%％万亿千百元块倍个吨件台套米平亩名人家项次kKmMgG]|平方|公斤|小时|分钟|年)/;

/** Things numbered with 号 (12号问题, 3号楼, 5号车间, 2号线): a number before them names the thing, not a day. */
const NUMBERED_THINGS = /^\s*(?:问题|诉求|事项|工单|文件|楼|厂房|车间|仓库|地块|窗口|线|门|机组|井|库|房|棚|泊位|产线)/;

/** The month 上上个月 / 上个月 / 这个月 / 本月 names, counted back from today's. */
function namedMonth(which: string, today: string): { year: number; month: number } {
  const back = which === '上上' ? 2 : which === '上' ? 1 : 0;
  const [y, mo] = today.split('-').map(Number) as [number, number];
  return mo - back >= 1 ? { year: y, month: mo - back } : { year: y - 1, month: mo - back + 12 };
}

export function findDates(text: string, today: string): DateHit[] {
  const hits: DateHit[] = [];
  const taken: Span[] = [];
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && t.start < e);
  const add = (start: number, end: number, date: string | null, weak = false) => {
    if (!free(start, end)) return;
    taken.push({ start, end });
    hits.push({ start, end, date, weak, raw: text.slice(start, end) });
  };
  const futureCtx = (start: number, end: number) =>
    FUTURE_BEFORE_DATE.test(text.slice(Math.max(0, start - 6), start)) ||
    FUTURE_AFTER_DATE.test(text.slice(end, end + 6)) ||
    ATTRIBUTIVE_AFTER.test(text.slice(end, end + 24));
  const notFuture = (day: string | null, start: number, end: number) =>
    day && day <= today && !futureCtx(start, end) ? day : null;

  // full dates: 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日
  for (const m of text.matchAll(
    /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*[日号]?/g,
  )) {
    const day = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day) add(m.index, m.index + m[0].length, notFuture(day, m.index, m.index + m[0].length));
  }
  // 3月5日 / 3月5号 / 三月五日 / 3月5 (no year)
  for (const m of text.matchAll(
    new RegExp(`(?<![\\d年])(\\d{1,2}|${CN_NUM})\\s*月\\s*(\\d{1,2}|${CN_NUM})\\s*([日号])?`, 'g'),
  )) {
    const end = m.index + m[0].length;
    if (!m[3] && QUANTITY_AFTER.test(text.slice(end, end + 3))) continue;
    const mo = chineseNumber(m[1]!);
    const d = chineseNumber(m[2]!);
    if (mo === null || d === null) continue;
    const day = latestMonthDay(mo, d, today);
    if (day) add(m.index, end, futureCtx(m.index, end) ? null : day);
  }
  // 3.5 / 3/15 (month.day), not a decimal quantity, not a list marker ("1.出口退税")
  for (const m of text.matchAll(/(?<![\d./\-A-Za-z])(\d{1,2})[./](\d{1,2})(?![\d./])/g)) {
    const end = m.index + m[0].length;
    if (QUANTITY_AFTER.test(text.slice(end, end + 3))) continue;
    const day = latestMonthDay(Number(m[1]), Number(m[2]), today);
    if (day) add(m.index, end, futureCtx(m.index, end) ? null : day);
  }

  // a day of a named month: 上个月31号, 上月二十六号, 这个月8号
  for (const m of text.matchAll(/(上上|上|这|本)个?月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]/g)) {
    const d = chineseNumber(m[2]!);
    const { year, month } = namedMonth(m[1]!, today);
    const dt = d === null ? null : validYmd(year, month, d);
    const end = m.index + m[0].length;
    add(m.index, end, dt && dt <= today && !futureCtx(m.index, end) ? dt : null);
  }
  // a part of a named month: 上个月底 / 上月末 = its last day, 上个月初 / 上旬 = its 1st, 月中 / 中旬 its 15th, 下旬 its 21st
  for (const m of text.matchAll(/(上上|上|这|本)个?月\s*(底|末|初|上旬|中旬|中|下旬)(?![\d一二三四五六七八九十])/g)) {
    const { year, month } = namedMonth(m[1]!, today);
    const part = m[2]!;
    const dt = /底|末/.test(part)
      ? lastDayOfMonth(year, month)
      : validYmd(year, month, /初|上旬/.test(part) ? 1 : part === '下旬' ? 21 : 15);
    const end = m.index + m[0].length;
    // (本月底 not yet come is a plan or a deadline, not the day something happened)
    add(m.index, end, dt && dt <= today && !futureCtx(m.index, end) ? dt : null);
  }
  // a bare day of the month: 8号, 15日 = the latest such day on or before today (never the tail of a longer
  // numeral: 三十一号 is the 31st, not the 11th)
  for (const m of text.matchAll(
    /(?<![\d月年./\-一二两三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*([号日])(?![\d前后内])/g,
  )) {
    const end = m.index + m[0].length;
    const d = chineseNumber(m[1]!);
    if (d === null || d < 1 || d > 31) continue;
    // 3日内 (a span), 每月15日 (a rule), 星期日/周日 (a weekday): not a date; 日 needs an Arabic day (10日, not 一日).
    if (/[每周期拜]\s*$/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    if (m[2] === '日' && !/^\d/.test(m[1]!)) continue;
    // 12号问题, 3号楼, 5号车间: a number naming a thing, not a day.
    if (m[2] === '号' && NUMBERED_THINGS.test(text.slice(end, end + 4))) continue;
    let day: string | null = null;
    for (let back = 0; back < 3 && !day; back++) {
      const [y, mo] = today.split('-').map(Number) as [number, number];
      const month = mo - back;
      const dt = validYmd(month >= 1 ? y : y - 1, month >= 1 ? month : month + 12, d);
      if (dt && dt <= today) day = dt;
    }
    add(m.index, end, day && !futureCtx(m.index, end) ? day : null);
  }
  // holidays with a fixed date: 元旦 = 1 January (the latest one not after today)
  for (const m of text.matchAll(/元旦(?!假期|期间|前后|放假)/g)) {
    add(m.index, m.index + m[0].length, futureCtx(m.index, m.index + 2) ? null : latestMonthDay(1, 1, today));
  }

  // weekdays: 周三 / 星期三 / 礼拜三, 上周三, 上上周三, 本周三, 这周三, 下周三
  for (const m of text.matchAll(
    /(?<![每一两二三四五六七八九十\d])(上上|上|本|这|下下|下)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
  )) {
    const prefix = m[1] ?? '';
    const wd = WEEKDAY[m[2]!]!;
    const end = m.index + m[0].length;
    const todayWd = isoWeekday(today);
    const monday = addDays(today, -(todayWd - 1));
    let day: string | null;
    if (prefix === '上') day = addDays(monday, -7 + wd - 1);
    else if (prefix === '上上') day = addDays(monday, -14 + wd - 1);
    else if (prefix === '本' || prefix === '这') day = wd <= todayWd ? addDays(monday, wd - 1) : null;
    else if (prefix.startsWith('下')) day = null;
    else day = addDays(today, -((todayWd - wd + 7) % 7));
    add(m.index, end, day && !futureCtx(m.index, end) ? day : null);
  }

  // relative days
  const rel: Array<[RegExp, number | null]> = [
    [/大前天/g, -3],
    [/前天|前日/g, -2],
    [/昨天|昨日|昨晚|昨早|昨儿|yesterday/gi, -1],
    [/今天|今日|今早|今晨|今晚|今儿|today|this morning|tonight/gi, 0],
    [/明天|明日|明早|后天|大后天|tomorrow/gi, null],
  ];
  for (const [re, n] of rel) {
    for (const m of text.matchAll(re)) add(m.index, m.index + m[0].length, n === null ? null : addDays(today, n));
  }
  // N 天前
  for (const m of text.matchAll(/(\d{1,2}|[一两二三四五六七八九十])\s*天(?:以|之)?前/g)) {
    const n = chineseNumber(m[1]!);
    if (n !== null) add(m.index, m.index + m[0].length, addDays(today, -n));
  }

  // weak: 上午 / 中午 / 下午 / 晚上 alone, 刚 / 刚刚 / 刚才 (the reporter "just" did something)
  // 上午/中午/下午 alone mean today only in the opening clause ("上午去雷钧智造回访"); later they
  // tend to describe the problem ("晚上员工下班不安全").
  const firstClauseEnd = (() => {
    // (a filler at the very start, 嗯/呃 turned into a comma, opens no clause)
    const lead = text.search(/[^\s,，。;；:：!！?？\n]/);
    const from = Math.max(lead, 0);
    const i = text.slice(from).search(/[,，。;；:：!！?？\n]/);
    return i < 0 ? text.length : from + i;
  })();
  for (const m of text.matchAll(/上午|中午|下午/g)) {
    if (m.index >= firstClauseEnd) continue;
    const before = text.slice(Math.max(0, m.index - 5), m.index);
    if (/(?:天|日|号|周.|期.|拜.|早|晚|\d)\s*$/.test(before)) continue; // 明天上午, 周三下午, 3月5日下午
    add(m.index, m.index + m[0].length, today, true);
  }
  // 刚 + a verb of going, meeting or communicating is something the reporter (or the enterprise, to us)
  // just did; 刚 + a state (企业刚落户, 刚投产) dates no event.
  for (const m of text.matchAll(
    /刚刚|刚才|刚(?=去|走访|到|从|接到|收到|回访|回|打|联系|和|跟|与|看|开完|了解|得知|确认|拿到|办|听|问|碰|聊|见|在群|通知|反馈|来电|发)/g,
  )) {
    add(m.index, m.index + m[0].length, today, true);
  }

  // A date range (2026.3.2-3.6, 3月2日至6日) names a period, not the day something happened.
  const sorted = hits.sort((a, b) => a.start - b.start);
  sorted.forEach((a, k) => {
    const b = sorted[k + 1];
    if (b && /^\s*(?:-|－|—|–|~|～|至|到)\s*$/.test(text.slice(a.end, b.start))) a.date = b.date = null;
    else if (/^\s*(?:-|－|—|–|~|～|至)\s*\d/.test(text.slice(a.end, a.end + 4))) a.date = null;
  });
  return sorted;
}

/**
 * The event date of a message: the first past date expression (strong ones first, weak ones —
 * 上午, 刚 — only when there is nothing else), or null.
 */
export function resolveEventDate(text: string, today: string): string | null {
  const hits = findDates(text, today).filter((h) => h.date !== null && h.date <= today);
  const strong = hits.find((h) => !h.weak);
  return (strong ?? hits[0])?.date ?? null;
}
