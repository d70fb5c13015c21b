/**
 * Calendar dates as YYYY-MM-DD strings: the date of an instant in a time zone (Asia/Shanghai by default) and
 * zone-free calendar arithmetic (UTC midnights, so no daylight-saving surprises). The one home of addDays,
 * weekdays and date validation.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone. */
export function localDate(at: Date | number, timeZone: string): string {
  return formatter(timeZone).format(typeof at === 'number' ? new Date(at) : at);
}

/** YYYY-MM-DD ± n days (pure calendar arithmetic). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** `s[from, to)` as a decimal number, or -1 when any of it is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date: the same number as `Date.parse(date + 'T00:00:00Z') / 86 400 000`
 * (a day 29–31 past the month's end rolls over, as Date.parse does), computed with integer arithmetic (days from
 * the civil calendar) instead of parsing a string per call: the digests and the console's board call it for
 * every issue. Anything else goes through Date.parse (NaN for what it does not accept).
 */
export function dayNumber(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y0 >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const y = m <= 2 ? y0 - 1 : y0;
      const era = Math.floor(y / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146_097 + doe - 719_468;
    }
  }
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** 0 = Sunday … 6 = Saturday (calendar arithmetic, zone-free). */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = weekday(date);
  return d === 0 ? 7 : d;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Year, month (1–12) and day → YYYY-MM-DD when that day exists (no 2月30日), else null. */
export function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const s = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return isValidDate(s) ? s : null;
}

/** True for a YYYY-MM-DD string naming a real calendar day. */
export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** First day of the date's month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of a month (m = 1–12). */
export function lastDayOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
