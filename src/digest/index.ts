/**
 * Daily digests: pure computation (compute.ts) from the ledger to data objects, Chinese rendering (render.ts),
 * windows (window.ts) and loading from the Store (load.ts, build.ts). Dates and zones: src/time.
 */
export * from './types.js';
export {
  prepareDigest,
  teamDigest,
  leadershipDigest,
  teamReminders,
  computeTeamDigest,
  computeLeadershipDigest,
  eventsFromMs,
  isAdminTeam,
  isActive,
  overdueDaysOf,
  toDigestIssue,
  compareOpen,
  compareTeamRows,
  type DigestIndex,
  type LeadershipOptions,
} from './compute.js';
export { issuesAsOf } from './snapshot.js';
export { enterpriseMatches, normaliseEnterprise } from './enterprise-match.js';
export {
  renderTeamDigest,
  renderLeadershipDigest,
  renderReminder,
  chunkedTable,
  dueCell,
  short,
  TABLE_CHUNK,
  type RenderOptions,
} from './render.js';
export { scheduledWindow, liveWindow, dayWindow } from './window.js';
export { loadLedgerData, digestInput, loadDigestInput, type LedgerData } from './load.js';
export { loadTeamDigest, loadLeadershipDigest, type DigestRequest } from './build.js';
// Date helpers live in src/time; re-exported here for the digest's callers.
export {
  addDays,
  daysBetween,
  localDate,
  startOfDayMs,
  endOfDayMs,
  minuteOfDay,
  parseHhmm,
  monthStart,
  weekday,
  cnDate,
  cnDateWeekday,
  hhmmAt,
} from '../time/index.js';
