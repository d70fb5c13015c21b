/** Work calendar (weekdays, holiday file with + extra workdays) and target resolution. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createWorkCalendar,
  EVERY_DAY,
  HolidayFileError,
  loadWorkCalendar,
  parseHolidays,
  resolveTargets,
  sendCalendar,
} from '../../src/scheduler/index.js';
import { endOfDayMs, minuteOfDay, parseHhmm, startOfDayMs } from '../../src/digest/index.js';
import { ADMIN, T1, T2, T3 } from '../digest/fixtures.js';

// 2024 National Day: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 worked.
const FILE = `# 2024 国庆\n2024-10-01 国庆节\n2024-10-02\n2024-10-03\n2024-10-04\n2024-10-07\n+2024-09-29 调休上班\n+2024-10-12\n\n`;

describe('work calendar', () => {
  it('parses holidays, + extra workdays, comments and trailing notes', () => {
    const { holidays, extraWorkdays } = parseHolidays(`\uFEFF${FILE}`);
    expect([...holidays]).toEqual(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']);
    expect([...extraWorkdays]).toEqual(['2024-09-29', '2024-10-12']);
    expect(() => parseHolidays('2024-10-01\n10/02/2024\n', 'h.txt')).toThrow(/h\.txt:2/);
    expect(() => parseHolidays('2024-02-30\n')).toThrow(HolidayFileError);
  });

  it('workdays: Mon–Fri minus holidays plus adjusted weekends; previous workday skips the break', () => {
    const cal = createWorkCalendar(parseHolidays(FILE));
    expect(cal.isWorkday('2024-09-27')).toBe(true); // Friday
    expect(cal.isWorkday('2024-09-28')).toBe(false); // Saturday
    expect(cal.isWorkday('2024-09-29')).toBe(true); // adjusted Sunday
    expect(cal.isWorkday('2024-10-01')).toBe(false);
    expect(cal.isWorkday('2024-10-07')).toBe(false); // a Monday holiday
    expect(cal.isWorkday('2024-10-12')).toBe(true); // adjusted Saturday
    expect(cal.previousWorkday('2024-10-08')).toBe('2024-09-30');
    expect(cal.previousWorkday('2024-09-30')).toBe('2024-09-29');
    expect(EVERY_DAY.isWorkday('2024-10-01')).toBe(true);
    expect(EVERY_DAY.previousWorkday('2024-10-01')).toBe('2024-09-30');
  });

  it('loads the file named by ZCT_HOLIDAYS_FILE; ZCT_WORKDAYS_ONLY=false means every day', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zct-hol-')), 'holidays.txt');
    fs.writeFileSync(file, FILE);
    expect(loadWorkCalendar(file).isWorkday('2024-10-02')).toBe(false);
    expect(sendCalendar({ ZCT_WORKDAYS_ONLY: true, ZCT_HOLIDAYS_FILE: file }).isWorkday('2024-10-12')).toBe(true);
    expect(sendCalendar({ ZCT_WORKDAYS_ONLY: false, ZCT_HOLIDAYS_FILE: file })).toBe(EVERY_DAY);
    expect(() => loadWorkCalendar(`${file}.missing`)).toThrow(HolidayFileError);
  });
});

describe('zone helpers', () => {
  it('day boundaries and minutes are in the configured zone', () => {
    expect(new Date(startOfDayMs('2024-03-18', 'Asia/Shanghai')).toISOString()).toBe('2024-03-17T16:00:00.000Z');
    expect(new Date(endOfDayMs('2024-03-18', 'Asia/Shanghai')).toISOString()).toBe('2024-03-18T15:59:59.999Z');
    // A DST zone: New York's 2024-03-10 is 23 hours long.
    expect(endOfDayMs('2024-03-10', 'America/New_York') + 1 - startOfDayMs('2024-03-10', 'America/New_York')).toBe(
      23 * 3600_000,
    );
    expect(minuteOfDay(Date.parse('2024-03-18T00:30:00Z'), 'Asia/Shanghai')).toBe(8 * 60 + 30);
    expect(parseHhmm('8:05')).toBe(485);
    expect(() => parseHhmm('25:00')).toThrow();
  });
});

describe('targets', () => {
  it('teams get team digests; admin teams and ZCT_ADMIN_GROUPS get the leadership digest, once per conversation', () => {
    const targets = resolveTargets([T1, T2, T3, ADMIN], ['cadmin', 'slack:CBOSS', 'c2', 'CBARE']);
    expect(targets.map((t) => [t.id, t.kind, t.platform])).toEqual([
      [T1.id, 'team', 'dingtalk'],
      [T3.id, 'team', 'slack'],
      ['admin:dingtalk:c2', 'leadership', 'dingtalk'], // a registered group listed in ZCT_ADMIN_GROUPS is an admin group
      ['admin:dingtalk:cadmin', 'leadership', 'dingtalk'],
      ['admin:slack:CBOSS', 'leadership', 'slack'],
      ['admin:any:CBARE', 'leadership', null],
    ]);
  });
});
