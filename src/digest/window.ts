/**
 * Digest windows (see DigestWindow). The caller supplies the previous send day / workday (the work calendar lives in
 * src/time/calendar.ts), so these stay pure.
 */
import type { DigestWindow } from './types.js';
import { addDays, endOfDayMs, localDate } from '../time/index.js';

/**
 * The digest sent on the morning of `sendDay`: everything since the previous send day up to the end of yesterday.
 * `previousSendDay` null (none found) → yesterday only.
 */
export function scheduledWindow(sendDay: string, previousSendDay: string | null, timeZone: string): DigestWindow {
  const to = addDays(sendDay, -1);
  const from = previousSendDay && previousSendDay <= to ? previousSendDay : to;
  return { from, to, asOfMs: endOfDayMs(to, timeZone) };
}

/** On demand: from the previous workday to now (today so far included). */
export function liveWindow(nowMs: number, previousWorkday: string | null, timeZone: string): DigestWindow {
  const today = localDate(nowMs, timeZone);
  const from = previousWorkday && previousWorkday <= today ? previousWorkday : today;
  return { from, to: today, asOfMs: nowMs };
}

/** One past (or the current) day, optionally from an earlier day: state as of the end of `date` (or now, if sooner). */
export function dayWindow(date: string, timeZone: string, nowMs: number, since?: string): DigestWindow {
  const from = since && since <= date ? since : date;
  return { from, to: date, asOfMs: Math.min(endOfDayMs(date, timeZone), nowMs) };
}
