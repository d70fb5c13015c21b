import { startOfDayMs } from '../../time/index.js';

/** 09:00 local time of a calendar day in a time zone, as ms since epoch (for the replayed conversation's clock). */
export function zonedTime(day: string, timeZone: string, hour = 9): number {
  return startOfDayMs(day, timeZone) + hour * 3_600_000;
}
