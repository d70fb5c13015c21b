/**
 * Ledger date helpers: deadlines ("3月20日前", "月底前", "10个工作日内") resolved against the message date,
 * and time stamps shown in replies. All calendar dates are YYYY-MM-DD in ZCT_TIMEZONE.
 */
import { addDays, daysBetween, isoWeekday, lastDayOfMonth, localDate, ymd as valid } from '../time/index.js';
import { DEADLINE_SRC, normalizeWidth } from './commands.js';

export { addDays, daysBetween, localDate };

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/**
 * How long ago a month-day without a year may have passed and still be this year's date. "11月30日前" written on
 * 7 December is the deadline that has just passed (the issue is overdue), not next year's 30 November; "1月5日前"
 * written on 20 December is next January's. One rule for every place a deadline is read (reports, 交办, 改 期限).
 */
export const YEARLESS_PASSED_DAYS = 60;

/** This year's date when it is still ahead or passed lately (YEARLESS_PASSED_DAYS), else next year's. */
function yearless(thisYear: string | null, nextYear: string | null, today: string): string | null {
  if (!thisYear || thisYear >= today) return thisYear ?? nextYear;
  return daysBetween(thisYear, today) <= YEARLESS_PASSED_DAYS ? thisYear : nextYear;
}

/**
 * A deadline phrase → the date it names. Month-day without a year is this year's while it is ahead or has passed
 * lately (then the date is before `today`: the caller says so), else next year's. Returns null when the phrase names
 * no date.
 */
export function resolveDeadline(phrase: string, today: string): string | null {
  const text = normalizeWidth(phrase).replace(/\s+/g, '');
  const [ty, tm] = today.split('-').map(Number) as [number, number, number];
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text)))
    return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /(\d{1,2})月(\d{1,2})|(\d{1,2})[/.](\d{1,2})/.exec(text))) {
    const month = Number(m[1] ?? m[3]);
    const day = Number(m[2] ?? m[4]);
    return yearless(valid(ty, month, day), valid(ty + 1, month, day), today);
  }
  // (12月底 / 12月末: the end of that month, by the same rule as a month-day)
  if ((m = /(\d{1,2})月(?:底|末)/.exec(text))) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    return yearless(lastDayOfMonth(ty, month), lastDayOfMonth(ty + 1, month), today);
  }
  if (/(下月|下个月)月底/.test(text)) return tm === 12 ? lastDayOfMonth(ty + 1, 1) : lastDayOfMonth(ty, tm + 1);
  if (/月底/.test(text)) return lastDayOfMonth(ty, tm);
  if (/年底/.test(text)) return `${ty}-12-31`;
  if ((m = /(\d{1,3})个?工作日/.exec(text))) {
    let left = Number(m[1]);
    let d = today;
    while (left > 0) {
      d = addDays(d, 1);
      if (isoWeekday(d) <= 5) left -= 1;
    }
    return d;
  }
  if ((m = /(\d{1,3})[天日]/.exec(text))) return addDays(today, Number(m[1]));
  if ((m = /(下)?(?:周|星期)([一二三四五六日天])/.exec(text))) {
    const target = WEEKDAY[m[2] as string] as number;
    const wd = isoWeekday(today);
    if (m[1]) return addDays(today, 7 - wd + target);
    return addDays(today, target >= wd ? target - wd : 7 - wd + target);
  }
  return null;
}

const DEADLINE_IN_TEXT = new RegExp(`(${DEADLINE_SRC})`, 'g');

/** A deadline as read from a message: the date, the words that named it, and whether it has already passed. */
export interface DeadlineReading {
  date: string;
  phrase: string;
  passed: boolean;
}

/** Like findDeadline, with the phrase and whether the date lies before `today` (a yearless date that just passed). */
export function readDeadline(text: string, today: string): DeadlineReading | null {
  for (const m of normalizeWidth(text).matchAll(DEADLINE_IN_TEXT)) {
    const phrase = m[1] as string;
    if (!/(前|之前|以前|内|以内|为限|截止)$|^(期限|截止|限)/.test(phrase.trim())) continue;
    const date = resolveDeadline(phrase, today);
    if (date) return { date, phrase: phrase.trim(), passed: date < today };
  }
  return null;
}

/**
 * The deadline a free-text update sets ("3月20日前给答复", "月底前搞定", "10个工作日内"), or null. Only phrases
 * marked as a limit (前/之前/以前/内/截止/期限) count: "下周放款" is an expectation, not a deadline.
 */
export function findDeadline(text: string, today: string): string | null {
  return readDeadline(text, today)?.date ?? null;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2019-03-12 09:05" in the given time zone. */
export function formatDateTime(at: number, timeZone: string): string {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
