/**
 * Reading what a digest needs from the Store (the only I/O in src/digest). One load can serve several windows
 * (the scheduler computes yesterday's digests and today's reminders from one read).
 */
import type { Store } from '../store/types.js';
import type { Issue, LedgerEvent, Team, Visit } from '../ledger/model.js';
import { eventsFromMs } from './compute.js';
import type { DigestInput, DigestWindow } from './types.js';

export interface LedgerData {
  teams: Team[];
  issues: Issue[];
  visits: Visit[];
  /** The audit log from `eventsFromMs` on. */
  events: LedgerEvent[];
  eventsFromMs: number;
}

/** Teams read in parallel when loading everything. */
const TEAM_CONCURRENCY = 16;

/**
 * Everything (or one team's part) the digests need, with the audit log from `fromMs` on (none with withEvents: false).
 * Issues and visits are read team by team (many small reads, never one huge Lua reply that would block Redis for
 * the whole ledger); issues of teams no longer registered are therefore not part of any digest.
 */
export async function loadLedgerData(
  store: Store,
  opts: { fromMs: number; teamId?: string; withEvents?: boolean },
): Promise<LedgerData> {
  const { teamId } = opts;
  const eventsP =
    opts.withEvents === false ? Promise.resolve([]) : store.readEvents(opts.fromMs, Number.MAX_SAFE_INTEGER);
  const teams = teamId ? await store.getTeam(teamId).then((t) => (t ? [t] : [])) : await store.listTeams();
  const issues: Issue[] = [];
  const visits: Visit[] = [];
  let next = 0;
  const worker = async () => {
    while (next < teams.length) {
      const t = teams[next++] as Team;
      const [is, vs] = await Promise.all([store.listIssues({ teamId: t.id }), store.listVisits({ teamId: t.id })]);
      for (const i of is) issues.push(i);
      for (const v of vs) visits.push(v);
    }
  };
  await Promise.all(Array.from({ length: Math.min(TEAM_CONCURRENCY, Math.max(1, teams.length)) }, worker));
  const events = await eventsP;
  return {
    teams,
    issues,
    visits,
    events: teamId ? events.filter((e) => e.teamId === teamId) : events,
    eventsFromMs: opts.fromMs,
  };
}

/** A DigestInput for a window from loaded data (the data's events must start at or before the window needs). */
export function digestInput(
  data: LedgerData,
  window: DigestWindow,
  timeZone: string,
  adminGroups: string[] = [],
): DigestInput {
  const need = eventsFromMs(window, timeZone);
  if (data.eventsFromMs > need)
    throw new Error(`digest needs events from ${need}, data starts at ${data.eventsFromMs}`);
  return {
    teams: data.teams,
    issues: data.issues,
    visits: data.visits,
    events: data.events,
    window,
    timeZone,
    adminGroups,
  };
}

/** Load and build the input for one window (all teams, or one). */
export async function loadDigestInput(
  store: Store,
  opts: { window: DigestWindow; timeZone: string; teamId?: string; adminGroups?: string[] },
): Promise<DigestInput> {
  const data = await loadLedgerData(store, { fromMs: eventsFromMs(opts.window, opts.timeZone), teamId: opts.teamId });
  return digestInput(data, opts.window, opts.timeZone, opts.adminGroups);
}
