import { describe, expect, it } from 'vitest';
import {
  addDays,
  cnDate,
  cnDateWeekday,
  cnMonth,
  cnWeekdayLong,
  createWorkCalendar,
  dayNumber,
  daysBetween,
  endOfDayMs,
  isoWeekday,
  isValidDate,
  lastDayOfMonth,
  localDate,
  monthStart,
  startOfDayMs,
  weekday,
  ymd,
} from '../../src/time/index.js';

describe('src/time: calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('counts day numbers exactly as Date.parse does, including roll-over days and what it refuses', () => {
    const viaParse = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    // Every day from 1899 to 2101 (leap years, centuries, 2000), through ISO strings made independently.
    const wrong: string[] = [];
    for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
      const d = new Date(ms).toISOString().slice(0, 10);
      if (dayNumber(d) !== ms / 86_400_000) wrong.push(d);
    }
    expect(wrong).toEqual([]);
    const odd = ['2023-02-29', '2026-02-30', '2026-02-31', '2026-04-31', '0000-01-01', '0000-03-01', '9999-12-31'];
    const bad = ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-1-01', '20260101', 'abcd-ef-gh', ''];
    for (const d of [...odd, ...bad]) expect(dayNumber(d), d).toBe(viaParse(d));
    expect(daysBetween('2026-02-30', '2026-03-02')).toBe(0);
    expect(daysBetween('2026-01-01', 'not a date')).toBeNaN();
  });

  it('names weekdays both ways (Sunday = 0, ISO Sunday = 7)', () => {
    expect(weekday('2024-03-17')).toBe(0);
    expect(isoWeekday('2024-03-17')).toBe(7);
    expect(weekday('2024-03-18')).toBe(1);
    expect(isoWeekday('2024-03-18')).toBe(1);
  });

  it('validates dates once: shape and existence', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-3-1')).toBe(false);
    expect(isValidDate('2024-03-01T00:00')).toBe(false);
    expect(ymd(2024, 2, 30)).toBeNull();
    expect(ymd(2024, 3, 5)).toBe('2024-03-05');
    expect(ymd(2024, 0, 5)).toBeNull();
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(monthStart('2024-02-17')).toBe('2024-02-01');
  });

  it('takes the local date of an instant in a zone', () => {
    const at = Date.UTC(2024, 2, 17, 16, 30); // 00:30 on 18 March in Shanghai
    expect(localDate(at, 'Asia/Shanghai')).toBe('2024-03-18');
    expect(localDate(at, 'UTC')).toBe('2024-03-17');
    expect(startOfDayMs('2024-03-18', 'Asia/Shanghai')).toBe(Date.UTC(2024, 2, 17, 16, 0));
    expect(endOfDayMs('2024-03-18', 'Asia/Shanghai')).toBe(Date.UTC(2024, 2, 18, 16, 0) - 1);
  });

  it('formats Chinese labels', () => {
    expect(cnDate('2024-03-08')).toBe('3月8日');
    expect(cnDateWeekday('2024-03-18')).toBe('3月18日（周一）');
    expect(cnWeekdayLong('2024-03-17')).toBe('星期日');
    expect(cnMonth('2024-11-02')).toBe('11月');
  });

  it('keeps the workday calendar with the dates', () => {
    const cal = createWorkCalendar({ holidays: ['2024-10-01'], extraWorkdays: ['2024-10-12'] });
    expect(cal.isWorkday('2024-10-01')).toBe(false);
    expect(cal.isWorkday('2024-10-12')).toBe(true);
    expect(cal.previousWorkday('2024-10-02')).toBe('2024-09-30');
  });
});
