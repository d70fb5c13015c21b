/**
 * Time in one place: calendar dates (date.ts), instants in a time zone (zone.ts), the workday calendar
 * (calendar.ts) and Chinese date labels (format.ts).
 */
export * from './date.js';
export * from './zone.js';
export * from './format.js';
export * from './calendar.js';
