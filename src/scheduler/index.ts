/** Scheduled digests and reminders, sent exactly once across replicas (croner ticks + Store job leases). */
export { DigestScheduler, type SchedulerOptions, type RunReport, type JobKind, type SendFn } from './scheduler.js';
export { ExactlyOnceRunner, type Job, type JobsReport, type ExactlyOnceOptions } from './exactly-once.js';
export { resolveTargets, type SchedulerTarget } from './targets.js';
export {
  createWorkCalendar,
  loadWorkCalendar,
  parseHolidays,
  sendCalendar,
  EVERY_DAY,
  HolidayFileError,
  type WorkCalendar,
} from '../time/index.js';
export { createDigestScheduler, startDigestScheduler, adapterFor } from './start.js';
