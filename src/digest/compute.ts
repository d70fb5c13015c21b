/**
 * Digest computation: PURE functions from (teams, issues, visits, audit events, window, zone) to data objects.
 * No I/O, no text. prepareDigest indexes the input once (O(issues + visits + events)); teamDigest and
 * leadershipDigest then read the index, so a thousand team digests cost one pass over the ledger.
 */
import {
  CATEGORIES,
  isActive,
  isLeadershipGroup,
  overdueDays,
  type Issue,
  type IssueStatus,
  type LedgerEvent,
  type Team,
  type Visit,
} from '../ledger/model.js';
import { enterpriseMatches } from './enterprise-match.js';
import { issuesAsOf } from './snapshot.js';
import type {
  BreakdownRow,
  DigestInput,
  DigestIssue,
  DigestVisit,
  LeadershipDigest,
  PeriodTotals,
  TeamDigest,
  TeamReminder,
  TeamRow,
  VisitCoverage,
} from './types.js';
import { addDays, daysBetween, endOfDayMs, localDate, monthStart, startOfDayMs } from '../time/index.js';

const DONE: ReadonlySet<IssueStatus> = new Set(['resolved', 'closed']);
const REPORT_EVENTS: ReadonlySet<LedgerEvent['type']> = new Set(['visit.recorded', 'issue.created', 'issue.updated']);
/** "Due soon": due within this many days and not yet overdue. */
const DUE_SOON_DAYS = 3;

export { isActive };

/** Days past due as of refDate (0 when not overdue, done, or no due date): the ledger's rule (model.ts). */
export const overdueDaysOf = overdueDays;

export function toDigestIssue(issue: Issue, refDate: string): DigestIssue {
  return {
    id: issue.id,
    teamId: issue.teamId,
    enterprise: issue.enterprise,
    category: issue.category,
    summary: issue.summary,
    department: issue.department,
    status: issue.status,
    raisedOn: issue.raisedOn,
    dueDate: issue.dueDate,
    ageDays: Math.max(0, daysBetween(issue.raisedOn, refDate)),
    overdueDays: overdueDaysOf(issue, refDate),
  };
}

function toDigestVisit(v: Visit): DigestVisit {
  return {
    id: v.id,
    teamId: v.teamId,
    enterprise: v.enterprise,
    date: v.date,
    participants: v.participants,
    note: v.note,
  };
}

function idNum(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** Open-issue order: most overdue first, then earliest due date (none last), then oldest, then id. */
export function compareOpen(a: DigestIssue, b: DigestIssue): number {
  return (
    b.overdueDays - a.overdueDays ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    b.ageDays - a.ageDays ||
    idNum(a.id) - idNum(b.id)
  );
}

/**
 * The first k items of `items` sorted stably by cmp, without sorting them all: a bounded insertion, where most items
 * are turned away by one comparison with the current k-th. Same result as `[...items].sort(cmp).slice(0, k)`.
 */
export function firstSorted<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const x of items) {
    // Ties keep the earlier item first (a stable sort): a later equal item goes after it.
    if (out.length === k && cmp(x, out[k - 1] as T) >= 0) continue;
    let at = out.length === k ? k - 1 : out.length;
    while (at > 0 && cmp(x, out[at - 1] as T) < 0) at -= 1;
    if (out.length === k) out.pop();
    out.splice(at, 0, x);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Is this team a leadership/admin group (it gets the leadership digest, not a team digest)? */
export function isAdminTeam(
  team: Pick<Team, 'id' | 'conversationId' | 'isAdminGroup'>,
  adminGroups: readonly string[] = [],
): boolean {
  return isLeadershipGroup({ teamId: team.id, conversationId: team.conversationId }, team, adminGroups);
}

/**
 * A liaison team of the leadership digest: a group bound to enterprises (or one that recorded visits or issues all the
 * same), not a leadership group. A group where people only asked policy questions — registered by the console, or
 * whose enterprises were all unbound — is no team to count, nor one that owes 一月一走访.
 */
export function isLiaisonTeam(index: Pick<DigestIndex, 'adminTeamIds' | 'lastReportByTeam'>, team: Team): boolean {
  if (index.adminTeamIds.has(team.id)) return false;
  return team.enterprises.length > 0 || index.lastReportByTeam.has(team.id);
}

/** The first instant whose events a digest for this window needs (start of the window's first day or month). */
export function eventsFromMs(window: DigestInput['window'], timeZone: string): number {
  const month = monthStart(window.to);
  // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings (Math.min would coerce them to NaN)
  const first = window.from < month ? window.from : month;
  return startOfDayMs(first, timeZone);
}

/**
 * What the audit log says for a window, whichever issues and visits a digest covers: report messages per team in the
 * period and in the month, each team's last report, and the issues that entered a done / closed state in the period
 * and in the month. prepareDigest builds it from input.events; a caller computing several digests over the same
 * events and window (the console's board under different filters) builds it once with indexEvents and passes it in.
 */
export interface EventIndex {
  /** The events it was built from (prepareDigest checks that its input has the very same array). */
  readonly events: LedgerEvent[];
  readonly window: DigestInput['window'];
  readonly timeZone: string;
  readonly monthFrom: string;
  readonly periodFromMs: number;
  readonly periodEndMs: number;
  readonly monthFromMs: number;
  readonly periodReportsByTeam: Map<string, Set<string>>;
  /** Distinct (team, message) reports in the period and in the month. */
  readonly periodReportCount: number;
  readonly monthReportCount: number;
  /** Latest report event per team (issues and visits add theirs in prepareDigest). */
  readonly lastReportByTeam: Map<string, number>;
  /** Issue ids the log resolves / closes in the period and the month (a digest keeps those of its own issues). */
  readonly resolvedInPeriod: Set<string>;
  readonly closedInPeriod: Set<string>;
  readonly resolvedInMonth: Set<string>;
  readonly closedInMonth: Set<string>;
  /** All of those four. */
  readonly doneIssues: Set<string>;
}

export function indexEvents(input: Pick<DigestInput, 'events' | 'window' | 'timeZone'>): EventIndex {
  const { window, timeZone: tz, events } = input;
  const asOf = window.asOfMs;
  const monthFrom = monthStart(window.to);
  const periodFromMs = startOfDayMs(window.from, tz);
  const periodEndMs = Math.min(endOfDayMs(window.to, tz), asOf);
  const monthFromMs = startOfDayMs(monthFrom, tz);

  // Withdrawn (undone) records as of asOf: their report events do not count. Nor does an action the speaker undid
  // (办结 then 撤销: the issue was not resolved), nor the undo itself.
  const withdrawn = new Set<string>();
  const undoneMessages = new Set<string>();
  for (const e of events) {
    if (e.at > asOf) continue;
    if (e.type === 'issue.withdrawn' && e.issueId) withdrawn.add(e.issueId);
    if (e.type === 'visit.withdrawn' && e.visitId) withdrawn.add(e.visitId);
    if (e.action === 'undo' && e.undoes) undoneMessages.add(e.undoes);
  }

  const lastReportByTeam = new Map<string, number>();
  const periodReportsByTeam = new Map<string, Set<string>>();
  const monthReportsByTeam = new Map<string, Set<string>>();
  const resolvedInPeriod = new Set<string>();
  const closedInPeriod = new Set<string>();
  const resolvedInMonth = new Set<string>();
  const closedInMonth = new Set<string>();
  for (const e of events) {
    if (e.at > asOf) continue;
    if (!REPORT_EVENTS.has(e.type)) continue;
    const subject = e.issueId ?? e.visitId;
    if (subject && withdrawn.has(subject)) continue;
    if (e.action === 'undo' || undoneMessages.has(e.messageId)) continue;
    const cur = lastReportByTeam.get(e.teamId);
    if (cur === undefined || e.at > cur) lastReportByTeam.set(e.teamId, e.at);
    const inPeriod = e.at >= periodFromMs && e.at <= periodEndMs;
    const inMonth = e.at >= monthFromMs && e.at <= periodEndMs;
    if (inPeriod) addTo(periodReportsByTeam, e.teamId, e.messageId);
    if (inMonth) addTo(monthReportsByTeam, e.teamId, e.messageId);
    if (!e.issueId || !e.to) continue;
    // 办结: entering a done state from an active one (or created already done). 销号: entering closed.
    const resolves = DONE.has(e.to) && !(e.from && DONE.has(e.from));
    const closes = e.to === 'closed' && e.from !== 'closed';
    // (办结, then 又缺电了 reopened it: as of now it is not resolved — counted among the open ones only)
    if (e.from && DONE.has(e.from) && !DONE.has(e.to)) {
      for (const set of [resolvedInPeriod, closedInPeriod, resolvedInMonth, closedInMonth]) set.delete(e.issueId);
      continue;
    }
    if (inPeriod && resolves) resolvedInPeriod.add(e.issueId);
    if (inPeriod && closes) closedInPeriod.add(e.issueId);
    if (inMonth && resolves) resolvedInMonth.add(e.issueId);
    if (inMonth && closes) closedInMonth.add(e.issueId);
  }
  const count = (m: Map<string, Set<string>>) => {
    let n = 0;
    for (const set of m.values()) n += set.size;
    return n;
  };
  return {
    events,
    window,
    timeZone: tz,
    monthFrom,
    periodFromMs,
    periodEndMs,
    monthFromMs,
    periodReportsByTeam,
    periodReportCount: count(periodReportsByTeam),
    monthReportCount: count(monthReportsByTeam),
    lastReportByTeam,
    resolvedInPeriod,
    closedInPeriod,
    resolvedInMonth,
    closedInMonth,
    doneIssues: new Set([...resolvedInPeriod, ...closedInPeriod, ...resolvedInMonth, ...closedInMonth]),
  };
}

export interface DigestIndex {
  readonly input: DigestInput;
  readonly refDate: string;
  /** YYYY-MM of window.to */
  readonly month: string;
  readonly monthFrom: string;
  readonly teams: Team[];
  readonly teamById: Map<string, Team>;
  readonly adminTeamIds: Set<string>;
  /** Issue states as of window.asOfMs. */
  readonly issues: readonly Issue[];
  readonly issuesByTeam: Map<string, Issue[]>;
  readonly periodVisitsByTeam: Map<string, Visit[]>;
  readonly monthVisitsByTeam: Map<string, Visit[]>;
  readonly periodReportsByTeam: Map<string, Set<string>>;
  readonly periodReportCount: number;
  readonly monthReportCount: number;
  /** Of this digest's issues: resolved / closed in the period and in the month. */
  readonly resolvedInPeriod: Set<string>;
  readonly closedInPeriod: Set<string>;
  readonly resolvedInMonth: Set<string>;
  readonly closedInMonth: Set<string>;
  /** How many of resolvedInMonth each team has. */
  readonly resolvedInMonthByTeam: Map<string, number>;
  readonly lastReportByTeam: Map<string, number>;
  readonly periodFromMs: number;
  readonly periodEndMs: number;
  readonly monthFromMs: number;
}

/**
 * Index a digest input once; every team/leadership digest for the same window reads from it. `events` (from
 * indexEvents over the very same input.events, window and zone) saves reading the log again.
 */
export function prepareDigest(input: DigestInput, events?: EventIndex): DigestIndex {
  const { window, timeZone: tz } = input;
  const ev = events ?? indexEvents(input);
  if (
    ev.events !== input.events ||
    ev.timeZone !== tz ||
    ev.window.from !== window.from ||
    ev.window.to !== window.to ||
    ev.window.asOfMs !== window.asOfMs
  )
    throw new Error('prepareDigest: the event index was built from other events, window or time zone');
  const asOf = window.asOfMs;
  const refDate = localDate(asOf + 1, tz);

  const teamById = new Map(input.teams.map((t) => [t.id, t]));
  const adminTeamIds = new Set(input.teams.filter((t) => isAdminTeam(t, input.adminGroups)).map((t) => t.id));

  const issues = issuesAsOf(input.issues, input.events, asOf);
  const lastReportByTeam = new Map(ev.lastReportByTeam);
  const seeReport = (teamId: string, at: number) => {
    if (at > asOf) return;
    const cur = lastReportByTeam.get(teamId);
    if (cur === undefined || at > cur) lastReportByTeam.set(teamId, at);
  };
  // Of the issues the log resolves or closes (ev.doneIssues), the ones in this digest.
  const resolvedInPeriod = new Set<string>();
  const closedInPeriod = new Set<string>();
  const resolvedInMonth = new Set<string>();
  const closedInMonth = new Set<string>();
  const resolvedInMonthByTeam = new Map<string, number>();
  // Issues come grouped by team (read team by team): the team's latest report is carried while the team stays.
  let team: string | undefined;
  let latest = Number.NEGATIVE_INFINITY;
  const flush = () => {
    if (team !== undefined && latest > Number.NEGATIVE_INFINITY) seeReport(team, latest);
  };
  for (const i of issues) {
    if (i.teamId !== team) {
      flush();
      team = i.teamId;
      latest = Number.NEGATIVE_INFINITY;
    }
    if (i.createdAt <= asOf && i.createdAt > latest) latest = i.createdAt;
    if (i.updatedAt <= asOf && i.updatedAt > latest) latest = i.updatedAt;
    if (ev.doneIssues.size && ev.doneIssues.has(i.id)) {
      if (ev.resolvedInPeriod.has(i.id)) resolvedInPeriod.add(i.id);
      if (ev.closedInPeriod.has(i.id)) closedInPeriod.add(i.id);
      if (ev.resolvedInMonth.has(i.id)) {
        resolvedInMonth.add(i.id);
        resolvedInMonthByTeam.set(i.teamId, (resolvedInMonthByTeam.get(i.teamId) ?? 0) + 1);
      }
      if (ev.closedInMonth.has(i.id)) closedInMonth.add(i.id);
    }
  }
  flush();

  const periodVisitsByTeam = new Map<string, Visit[]>();
  const monthVisitsByTeam = new Map<string, Visit[]>();
  // One visit per team, enterprise and day: two members who went together and each reported it made one visit.
  const seenVisit = new Set<string>();
  for (const v of [...input.visits].sort((a, b) => a.createdAt - b.createdAt)) {
    if (v.createdAt > asOf) continue;
    seeReport(v.teamId, v.createdAt);
    if (v.date > window.to) continue;
    const key = `${v.teamId}\u0000${v.enterprise}\u0000${v.date}`;
    if (seenVisit.has(key)) continue;
    seenVisit.add(key);
    if (v.date >= window.from) push(periodVisitsByTeam, v.teamId, v);
    if (v.date >= ev.monthFrom) push(monthVisitsByTeam, v.teamId, v);
  }

  // Issues per team: only team digests and reminders need them (not the leadership digest), so grouped on first use.
  let issuesByTeam: Map<string, Issue[]> | null = null;
  return {
    input,
    refDate,
    month: window.to.slice(0, 7),
    monthFrom: ev.monthFrom,
    teams: input.teams,
    teamById,
    adminTeamIds,
    issues,
    get issuesByTeam() {
      if (!issuesByTeam) {
        issuesByTeam = new Map();
        for (const i of issues) push(issuesByTeam, i.teamId, i);
      }
      return issuesByTeam;
    },
    periodVisitsByTeam,
    monthVisitsByTeam,
    periodReportsByTeam: ev.periodReportsByTeam,
    periodReportCount: ev.periodReportCount,
    monthReportCount: ev.monthReportCount,
    resolvedInPeriod,
    closedInPeriod,
    resolvedInMonth,
    closedInMonth,
    resolvedInMonthByTeam,
    lastReportByTeam,
    periodFromMs: ev.periodFromMs,
    periodEndMs: ev.periodEndMs,
    monthFromMs: ev.monthFromMs,
  };
}

function coverageOf(index: DigestIndex, team: Team): VisitCoverage {
  const visits = index.monthVisitsByTeam.get(team.id) ?? [];
  const required = [...team.enterprises];
  const visited = required.filter((e) => visits.some((v) => enterpriseMatches(e, v.enterprise)));
  const missing = required.filter((e) => !visited.includes(e));
  return {
    month: index.month,
    required,
    visited,
    missing,
    visits: visits.length,
    lacking: required.length > 0 ? missing.length > 0 : visits.length === 0,
  };
}

function daysSince(index: DigestIndex, at: number | null): number | null {
  if (at === null) return null;
  return Math.max(0, daysBetween(localDate(at, index.input.timeZone), index.refDate));
}

function sortVisits(a: Visit, b: Visit): number {
  return a.date.localeCompare(b.date) || a.createdAt - b.createdAt || idNum(a.id) - idNum(b.id);
}

/** One team's digest, or null when the team is unknown. */
export function teamDigest(index: DigestIndex, teamId: string): TeamDigest | null {
  const team = index.teamById.get(teamId);
  if (!team) return null;
  const { refDate, periodFromMs, periodEndMs } = index;
  const issues = index.issuesByTeam.get(teamId) ?? [];

  const opened: DigestIssue[] = [];
  const resolved: DigestIssue[] = [];
  const closed: DigestIssue[] = [];
  const open: DigestIssue[] = [];
  let openedThisMonth = 0;
  let resolvedThisMonth = 0;
  for (const i of issues) {
    const d = toDigestIssue(i, refDate);
    if (i.createdAt >= periodFromMs && i.createdAt <= periodEndMs) opened.push(d);
    if (i.createdAt >= index.monthFromMs && i.createdAt <= periodEndMs) openedThisMonth += 1;
    if (index.resolvedInPeriod.has(i.id)) resolved.push(d);
    if (index.closedInPeriod.has(i.id)) closed.push(d);
    if (index.resolvedInMonth.has(i.id)) resolvedThisMonth += 1;
    if (isActive(i.status)) open.push(d);
  }
  const byId = (a: DigestIssue, b: DigestIssue) => idNum(a.id) - idNum(b.id);
  opened.sort(byId);
  resolved.sort(byId);
  closed.sort(byId);
  open.sort(compareOpen);

  const soonLimit = addDays(refDate, DUE_SOON_DAYS);
  const overdue = open.filter((i) => i.overdueDays > 0).length;
  const dueSoon = open.filter((i) => i.overdueDays === 0 && i.dueDate !== null && i.dueDate <= soonLimit).length;
  const visits = (index.periodVisitsByTeam.get(teamId) ?? []).slice().sort(sortVisits).map(toDigestVisit);
  const reports = index.periodReportsByTeam.get(teamId)?.size ?? 0;
  const lastReportAt = index.lastReportByTeam.get(teamId) ?? null;

  return {
    kind: 'team',
    teamId,
    teamName: team.name || team.id,
    window: index.input.window,
    refDate,
    period: { visits, reports, opened, resolved, closed },
    open,
    counts: {
      open: open.length,
      overdue,
      dueSoon,
      openedThisMonth,
      resolvedThisMonth,
      total: issues.length,
      resolvedTotal: issues.filter((i) => DONE.has(i.status)).length,
    },
    coverage: coverageOf(index, team),
    lastReportAt,
    daysSinceReport: daysSince(index, lastReportAt),
    quiet:
      visits.length === 0 &&
      reports === 0 &&
      opened.length === 0 &&
      resolved.length === 0 &&
      closed.length === 0 &&
      open.length === 0,
  };
}

/** Laggards first: most overdue, owing a visit, longest without a report (never = longest), fewest visits, most open. */
export function compareTeamRows(a: TeamRow, b: TeamRow): number {
  const idle = (r: TeamRow) => (r.daysSinceReport === null ? Number.POSITIVE_INFINITY : r.daysSinceReport);
  return (
    b.overdue - a.overdue ||
    Number(b.lackingVisit) - Number(a.lackingVisit) ||
    (idle(b) === idle(a) ? 0 : idle(b) > idle(a) ? 1 : -1) ||
    a.visitsThisMonth - b.visitsThisMonth ||
    b.open - a.open ||
    a.teamName.localeCompare(b.teamName, 'zh-CN') ||
    a.teamId.localeCompare(b.teamId)
  );
}

function breakdown(rows: Map<string, BreakdownRow>, key: string, active: boolean, done: boolean, late: boolean): void {
  let r = rows.get(key);
  if (!r) {
    r = { key, total: 0, open: 0, resolved: 0, overdue: 0 };
    rows.set(key, r);
  }
  r.total += 1;
  if (active) r.open += 1;
  if (done) r.resolved += 1;
  if (late) r.overdue += 1;
}

export interface LeadershipOptions {
  /** How many overdue issues to list (default 10). */
  topOverdue?: number;
}

export function leadershipDigest(index: DigestIndex, options: LeadershipOptions = {}): LeadershipDigest {
  const { refDate, periodFromMs, periodEndMs, monthFromMs } = index;
  const liaisonTeams = index.teams.filter((t) => isLiaisonTeam(index, t));

  const rowsByTeam = new Map<string, TeamRow>();
  const rows: TeamRow[] = [];
  for (const t of liaisonTeams) {
    const coverage = coverageOf(index, t);
    const row: TeamRow = {
      teamId: t.id,
      teamName: t.name || t.id,
      visitsThisMonth: coverage.visits,
      enterprisesTotal: coverage.required.length,
      enterprisesVisited: coverage.visited.length,
      missingEnterprises: coverage.missing,
      lackingVisit: coverage.lacking,
      open: 0,
      overdue: 0,
      resolved: 0,
      resolvedThisMonth: index.resolvedInMonthByTeam.get(t.id) ?? 0,
      daysSinceReport: daysSince(index, index.lastReportByTeam.get(t.id) ?? null),
    };
    rows.push(row);
    rowsByTeam.set(t.id, row);
  }

  const byCategory = new Map<string, BreakdownRow>();
  const byDepartment = new Map<string, BreakdownRow>();
  const overdueIssues: Array<{ issue: Issue; late: number }> = [];
  let open = 0;
  let overdue = 0;
  let resolved = 0;
  let unassigned = 0;
  let openedPeriod = 0;
  let openedMonth = 0;
  // One pass over the issues (100,000 on a large board): each issue's state is worked out once. Issues come grouped
  // by team, so the team's row is looked up when the team changes.
  let rowTeam: string | undefined;
  let teamRow: TeamRow | undefined;
  for (const i of index.issues) {
    const late = overdueDaysOf(i, refDate);
    const active = isActive(i.status);
    const done = DONE.has(i.status);
    if (active) open += 1;
    if (late > 0) overdue += 1;
    if (done) resolved += 1;
    if (active && !i.department) unassigned += 1;
    if (i.createdAt >= periodFromMs && i.createdAt <= periodEndMs) openedPeriod += 1;
    if (i.createdAt >= monthFromMs && i.createdAt <= periodEndMs) openedMonth += 1;
    breakdown(byCategory, i.category, active, done, late > 0);
    if (i.department) breakdown(byDepartment, i.department, active, done, late > 0);
    if (late > 0) overdueIssues.push({ issue: i, late });
    if (i.teamId !== rowTeam) {
      rowTeam = i.teamId;
      teamRow = rowsByTeam.get(rowTeam);
    }
    if (teamRow) {
      if (active) teamRow.open += 1;
      if (late > 0) teamRow.overdue += 1;
      if (done) teamRow.resolved += 1;
    }
  }
  rows.sort(compareTeamRows);

  const categoryOrder = (k: string) => (CATEGORIES as readonly string[]).indexOf(k);
  const categories = [...byCategory.values()].sort(
    (a, b) => b.total - a.total || categoryOrder(a.key) - categoryOrder(b.key),
  );
  const departments = [...byDepartment.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || b.total - a.total || a.key.localeCompare(b.key, 'zh-CN'),
  );

  // The most overdue few, in the open-issue order; only those become digest rows. Most overdue issues are turned away
  // on their overdue days alone, before any row is built for them.
  const rowOf = new Map<Issue, DigestIssue>();
  const row = (i: Issue) => {
    let d = rowOf.get(i);
    if (!d) rowOf.set(i, (d = toDigestIssue(i, refDate)));
    return d;
  };
  const top = firstSorted(
    overdueIssues,
    options.topOverdue ?? 10,
    (a, b) => b.late - a.late || compareOpen(row(a.issue), row(b.issue)),
  );
  const topOverdue = top.map(({ issue: i }) => ({
    ...row(i),
    teamName: index.teamById.get(i.teamId)?.name || i.teamId,
  }));

  let periodVisits = 0;
  for (const list of index.periodVisitsByTeam.values()) periodVisits += list.length;
  let monthVisits = 0;
  for (const list of index.monthVisitsByTeam.values()) monthVisits += list.length;
  const period: PeriodTotals = {
    visits: periodVisits,
    reports: index.periodReportCount,
    opened: openedPeriod,
    resolved: index.resolvedInPeriod.size,
    closed: index.closedInPeriod.size,
    activeTeams: [...index.periodReportsByTeam.keys()].filter((id) => !index.adminTeamIds.has(id)).length,
  };

  return {
    kind: 'leadership',
    window: index.input.window,
    refDate,
    month: index.month,
    period,
    monthTotals: {
      visits: monthVisits,
      reports: index.monthReportCount,
      opened: openedMonth,
      resolved: index.resolvedInMonth.size,
      closed: index.closedInMonth.size,
      teamsVisited: liaisonTeams.filter((t) => (index.monthVisitsByTeam.get(t.id)?.length ?? 0) > 0).length,
    },
    totals: {
      teams: liaisonTeams.length,
      issues: index.issues.length,
      open,
      overdue,
      resolved,
      resolutionRate: index.issues.length ? resolved / index.issues.length : null,
      unassigned,
    },
    teams: rows,
    byCategory: categories,
    byDepartment: departments,
    teamsWithoutVisit: rows
      .filter((r) => r.lackingVisit)
      .map((r) => ({ teamId: r.teamId, teamName: r.teamName, missing: r.missingEnterprises })),
    topOverdue,
  };
}

/**
 * Reminders (REMINDER_TIME): liaison teams that have not reported for `idleDays` days (a team that never reported
 * counts from its registration), and every liaison team's overdue issues. Only teams with something to say are
 * returned; a group bound to no enterprise that never recorded anything (people only ask policy questions there) owes
 * no 一月一走访 and is not nagged.
 */
export function teamReminders(index: DigestIndex, idleDays: number): TeamReminder[] {
  const out: TeamReminder[] = [];
  for (const team of index.teams) {
    if (!isLiaisonTeam(index, team)) continue;
    const lastReportAt = index.lastReportByTeam.get(team.id) ?? null;
    const since = daysSince(
      index,
      lastReportAt ?? (team.createdAt <= index.input.window.asOfMs ? team.createdAt : null),
    );
    const idle = since !== null && since >= idleDays ? { days: since, lastReportAt } : null;
    const overdueIssues = (index.issuesByTeam.get(team.id) ?? []).filter((i) => overdueDaysOf(i, index.refDate) > 0);
    const overdue = overdueIssues.map((i) => toDigestIssue(i, index.refDate)).sort(compareOpen);
    const reporterOf = new Map(overdueIssues.map((i) => [i.id, i.reporter]));
    const responsible = [...new Set(overdue.map((i) => reporterOf.get(i.id)).filter((u): u is string => Boolean(u)))];
    if (idle || overdue.length) {
      out.push({
        teamId: team.id,
        teamName: team.name || team.id,
        refDate: index.refDate,
        idle,
        overdue,
        ...(responsible.length ? { responsible } : {}),
      });
    }
  }
  return out;
}

/** Convenience: one team's digest straight from an input. */
export function computeTeamDigest(input: DigestInput, teamId: string): TeamDigest | null {
  return teamDigest(prepareDigest(input), teamId);
}

/** Convenience: the leadership digest straight from an input. */
export function computeLeadershipDigest(input: DigestInput, options?: LeadershipOptions): LeadershipDigest {
  return leadershipDigest(prepareDigest(input), options);
}
