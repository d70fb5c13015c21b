/**
 * The work calendar: Monday–Friday, minus public holidays, plus China's adjusted working weekends (调休上班).
 * Holiday file (ZCT_HOLIDAYS_FILE): one YYYY-MM-DD per line; a line starting with "+" is an extra workday;
 * blank lines and "#" comments are ignored, as is anything after the date ("2025-10-01 国庆节").
 */
import fs from 'node:fs';
import { addDays, isValidDate, weekday } from './date.js';

export interface WorkCalendar {
  isWorkday(date: string): boolean;
  /** The latest workday strictly before `date` (looking back at most `maxDays`, default 31), or null. */
  previousWorkday(date: string, maxDays?: number): string | null;
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkdays: ReadonlySet<string>;
}

export class HolidayFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayFileError';
  }
}

const DATE = /^(\d{4}-\d{2}-\d{2})(?:\s|$)/;

export function parseHolidays(
  text: string,
  source = 'holidays',
): { holidays: Set<string>; extraWorkdays: Set<string> } {
  const holidays = new Set<string>();
  const extraWorkdays = new Set<string>();
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const extra = line.startsWith('+');
    const body = extra ? line.slice(1).trim() : line;
    const m = DATE.exec(body);
    const date = m?.[1];
    if (!date || !isValidDate(date)) {
      throw new HolidayFileError(`${source}:${n + 1}: expected YYYY-MM-DD or +YYYY-MM-DD, got "${line}"`);
    }
    (extra ? extraWorkdays : holidays).add(date);
  });
  return { holidays, extraWorkdays };
}

export function createWorkCalendar(
  opts: { holidays?: Iterable<string>; extraWorkdays?: Iterable<string> } = {},
): WorkCalendar {
  const holidays = new Set(opts.holidays ?? []);
  const extraWorkdays = new Set(opts.extraWorkdays ?? []);
  const isWorkday = (date: string): boolean => {
    if (extraWorkdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  };
  return {
    holidays,
    extraWorkdays,
    isWorkday,
    previousWorkday(date: string, maxDays = 31): string | null {
      for (let i = 1; i <= maxDays; i += 1) {
        const d = addDays(date, -i);
        if (isWorkday(d)) return d;
      }
      return null;
    },
  };
}

/** Every day is a send day (ZCT_WORKDAYS_ONLY=false). */
export const EVERY_DAY: WorkCalendar = {
  holidays: new Set(),
  extraWorkdays: new Set(),
  isWorkday: () => true,
  previousWorkday: (date: string) => addDays(date, -1),
};

/** Calendar from a holiday file (or weekdays only without one). Throws HolidayFileError on a bad line. */
export function loadWorkCalendar(file: string | undefined): WorkCalendar {
  if (!file) return createWorkCalendar();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HolidayFileError(`cannot read holiday file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return createWorkCalendar(parseHolidays(text, file));
}

const cache = new Map<string, { mtimeMs: number; calendar: WorkCalendar }>();

/**
 * The send-day calendar for a config: EVERY_DAY when workdaysOnly is false, else weekdays + the holiday file
 * (re-read when the file changes, so an operator can add next year's holidays without a restart).
 */
export function sendCalendar(config: {
  ZCT_WORKDAYS_ONLY: boolean;
  ZCT_HOLIDAYS_FILE?: string | undefined;
}): WorkCalendar {
  if (!config.ZCT_WORKDAYS_ONLY) return EVERY_DAY;
  const file = config.ZCT_HOLIDAYS_FILE;
  if (!file) return createWorkCalendar();
  let mtimeMs = -1;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    // reported by loadWorkCalendar below
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.calendar;
  const calendar = loadWorkCalendar(file);
  cache.set(file, { mtimeMs, calendar });
  return calendar;
}
