/**
 * What the console reads: one cached load of the ledger (teams, issues, visits, this month's audit log) shared by the
 * board, the issue list and the export, filtered per request and per viewer. The board is the leadership digest
 * (src/digest) computed over the filtered ledger, plus chart series.
 */
import {
  CATEGORIES,
  STATUSES,
  STATUS_LABELS,
  type Category,
  type Issue,
  type IssueStatus,
  type Team,
  type Visit,
} from '../ledger/model.js';
import type { Store } from '../store/types.js';
import {
  eventsFromMs,
  indexEvents,
  isActive,
  leadershipDigest,
  overdueDaysOf,
  prepareDigest,
  type EventIndex,
} from '../digest/compute.js';
import { loadLedgerData, type LedgerData } from '../digest/load.js';
import type { DigestWindow, LeadershipDigest } from '../digest/types.js';
import { addDays, localDate, monthStart, startOfDayMs } from '../time/index.js';

export const STATUS_FILTERS = ['active', 'overdue', 'done', ...STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  active: '在办（未办结）',
  overdue: '已逾期',
  done: '已办结/销号',
  ...STATUS_LABELS,
};

export interface Filters {
  team?: string;
  enterprise?: string;
  category?: Category;
  department?: string;
  status?: StatusFilter;
  /** Inclusive YYYY-MM-DD bounds on the day an issue was raised / a visit was made. */
  from?: string;
  to?: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from query parameters; anything malformed is dropped (and reported). */
export function parseFilters(q: Record<string, string | undefined>): { filters: Filters; errors: string[] } {
  const f: Filters = {};
  const errors: string[] = [];
  const s = (k: string) => (q[k] ?? '').trim().slice(0, 100) || undefined;
  f.team = s('team');
  f.enterprise = s('enterprise');
  f.department = s('department');
  const cat = s('category');
  if (cat)
    (CATEGORIES as readonly string[]).includes(cat)
      ? (f.category = cat as Category)
      : errors.push(`未知的类别：${cat}`);
  const st = s('status');
  if (st)
    (STATUS_FILTERS as readonly string[]).includes(st)
      ? (f.status = st as StatusFilter)
      : errors.push(`未知的状态：${st}`);
  for (const k of ['from', 'to'] as const) {
    const v = s(k);
    if (v) DATE_RE.test(v) ? (f[k] = v) : errors.push(`日期格式应为 YYYY-MM-DD：${v}`);
  }
  if (f.from && f.to && f.from > f.to) {
    errors.push('开始日期晚于结束日期，已忽略日期范围');
    delete f.from;
    delete f.to;
  }
  return { filters: f, errors };
}

export function filtersToQuery(f: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------- the cached ledger

export interface LedgerSnapshot extends LedgerData {
  loadedAt: number;
  window: DigestWindow;
  today: string;
}

/**
 * One ledger read shared by every request (single-flight): a board for 1,000 teams costs one read of the ledger, not
 * one per viewer. Stale-while-revalidate: a snapshot older than `maxAgeMs` is still served while a fresh read runs in
 * the background (so writes through the bot show up within about maxAgeMs plus one read); one older than
 * `hardMaxAgeMs` (or none yet) is waited for.
 */
export class LedgerCache {
  private current: LedgerSnapshot | null = null;
  private loading: Promise<LedgerSnapshot> | null = null;

  constructor(
    private readonly store: Store,
    private readonly timeZone: string,
    private readonly maxAgeMs = 5_000,
    private readonly now: () => number = Date.now,
    private readonly hardMaxAgeMs = 60_000,
    private readonly onError: (err: unknown) => void = () => undefined,
    /** Called with each new snapshot (the console pre-computes the unfiltered board here). */
    private readonly onSnapshot: (snap: LedgerSnapshot) => void = () => undefined,
  ) {}

  async get(): Promise<LedgerSnapshot> {
    const now = this.now();
    const cur = this.current;
    if (cur && now - cur.loadedAt < this.maxAgeMs) return cur;
    const refresh = this.refresh(now);
    if (cur && now - cur.loadedAt < this.hardMaxAgeMs) {
      refresh.catch(this.onError);
      return cur;
    }
    return refresh;
  }

  invalidate(): void {
    this.current = null;
  }

  private refresh(now: number): Promise<LedgerSnapshot> {
    this.loading ??= this.load(now).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(now: number): Promise<LedgerSnapshot> {
    const today = localDate(now, this.timeZone);
    const window: DigestWindow = { from: monthStart(today), to: today, asOfMs: now };
    const data = await loadLedgerData(this.store, { fromMs: eventsFromMs(window, this.timeZone) });
    const snap: LedgerSnapshot = { ...data, loadedAt: now, window, today };
    this.current = snap;
    try {
      this.onSnapshot(snap);
    } catch (err) {
      this.onError(err);
    }
    return snap;
  }
}

/** Results derived from one snapshot, computed once per key (viewer scope + filters + sort) and shared. */
export class SnapshotMemo {
  private readonly bySnapshot = new WeakMap<LedgerSnapshot, Map<string, unknown>>();

  get<T>(snap: LedgerSnapshot, key: string, compute: () => T): T {
    let m = this.bySnapshot.get(snap);
    if (!m) this.bySnapshot.set(snap, (m = new Map()));
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    if (m.size > 200) m.clear();
    m.set(key, v);
    return v;
  }
}

// ---------------------------------------------------------------- filtering

function issueMatches(i: Issue, f: Filters, today: string): boolean {
  if (f.team && i.teamId !== f.team) return false;
  if (f.enterprise && !i.enterprise.includes(f.enterprise)) return false;
  if (f.category && i.category !== f.category) return false;
  if (f.department && !(i.department ?? '').includes(f.department)) return false;
  if (f.from && i.raisedOn < f.from) return false;
  if (f.to && i.raisedOn > f.to) return false;
  switch (f.status) {
    case undefined:
      return true;
    case 'active':
      return isActive(i.status);
    case 'overdue':
      return overdueDaysOf(i, today) > 0;
    case 'done':
      return !isActive(i.status);
    default:
      return i.status === f.status;
  }
}

function visitMatches(v: Visit, f: Filters): boolean {
  if (f.team && v.teamId !== f.team) return false;
  if (f.enterprise && !v.enterprise.includes(f.enterprise)) return false;
  if (f.from && v.date < f.from) return false;
  if (f.to && v.date > f.to) return false;
  return true;
}

export interface Scoped {
  teams: Team[];
  issues: Issue[];
  visits: Visit[];
}

/** The part of the ledger a viewer may see (null = all teams) that matches the filters. */
export function scope(snap: LedgerSnapshot, visible: Set<string> | null, f: Filters): Scoped {
  const teamOk = (id: string) => (!visible || visible.has(id)) && (!f.team || f.team === id);
  return {
    teams: snap.teams.filter((t) => teamOk(t.id)),
    issues: snap.issues.filter((i) => teamOk(i.teamId) && issueMatches(i, f, snap.today)),
    visits: snap.visits.filter((v) => teamOk(v.teamId) && visitMatches(v, f)),
  };
}

// ---------------------------------------------------------------- the board

export interface BoardCharts {
  weeks: string[];
  opened: number[];
  resolved: number[];
  departments: string[];
  departmentOverdue: number[];
  months: string[];
  visitTeams: string[];
  /** [monthIndex, teamIndex, visits] cells of the heatmap. */
  visitCells: [number, number, number][];
}

export interface Board {
  digest: LeadershipDigest;
  charts: BoardCharts;
  departments: string[];
}

const WEEKS = 12;
const MONTHS = 6;
const HEATMAP_TEAMS = 20;

/** Monday of the week of `date` (YYYY-MM-DD). */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/**
 * What one ledger read gives every board alike, computed once per read: the audit log's index for the month (the
 * reports and resolutions of every team, shared by all filters over all teams) and the department list.
 */
interface SnapshotBase {
  timeZone: string;
  events: EventIndex;
  departments: string[];
}
const bases = new WeakMap<LedgerSnapshot, SnapshotBase>();

function snapshotBase(snap: LedgerSnapshot, timeZone: string): SnapshotBase {
  const known = bases.get(snap);
  if (known && known.timeZone === timeZone) return known;
  const base: SnapshotBase = {
    timeZone,
    events: indexEvents({ events: snap.events, window: snap.window, timeZone }),
    departments: [...new Set(snap.issues.map((i) => i.department).filter((d): d is string => Boolean(d)))].sort(
      (a, b) => a.localeCompare(b, 'zh-CN'),
    ),
  };
  bases.set(snap, base);
  return base;
}

export function computeBoard(snap: LedgerSnapshot, scoped: Scoped, timeZone: string, adminGroups: string[]): Board {
  const base = snapshotBase(snap, timeZone);
  // Every team in view: the whole month's log, indexed once per read. Some teams: their part of it.
  const allTeams = scoped.teams.length === snap.teams.length;
  const ids = new Set(scoped.teams.map((t) => t.id));
  const index = prepareDigest(
    {
      teams: scoped.teams,
      issues: scoped.issues,
      visits: scoped.visits,
      events: allTeams ? snap.events : snap.events.filter((e) => ids.has(e.teamId)),
      window: snap.window,
      timeZone,
      adminGroups,
    },
    allTeams ? base.events : undefined,
  );
  const digest = leadershipDigest(index, { topOverdue: 10 });

  // Opened vs resolved per week (the last WEEKS weeks).
  const lastWeek = weekOf(snap.today);
  const weeks = Array.from({ length: WEEKS }, (_, k) => addDays(lastWeek, -7 * (WEEKS - 1 - k)));
  const opened = new Array<number>(WEEKS).fill(0);
  const resolved = new Array<number>(WEEKS).fill(0);
  // Week k covers [weeks[k], weeks[k+1]): compare date strings and instants against the boundaries (no per-issue
  // calendar arithmetic: this runs over every issue on every board view).
  const nextWeek = addDays(weeks[WEEKS - 1] as string, 7);
  const bounds = [...weeks, nextWeek];
  const boundMs = bounds.map((w) => startOfDayMs(w, timeZone));
  // Two copies of the same binary search, one for date strings and one for instants: one function called with both
  // would compare through V8's generic (slow) path for every issue.
  const dayBucket = (x: string): number => {
    if (x < bounds[0]! || x >= bounds[WEEKS]!) return -1;
    let lo = 0;
    let hi = WEEKS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= bounds[mid]!) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const msBucket = (x: number): number => {
    if (x < boundMs[0]! || x >= boundMs[WEEKS]!) return -1;
    let lo = 0;
    let hi = WEEKS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= boundMs[mid]!) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  for (const i of scoped.issues) {
    const o = dayBucket(i.raisedOn);
    if (o >= 0) opened[o]! += 1;
    if (i.resolvedAt !== null && !isActive(i.status)) {
      const r = msBucket(i.resolvedAt);
      if (r >= 0) resolved[r]! += 1;
    }
  }

  const depRows = digest.byDepartment.filter((d) => d.overdue > 0).slice(0, 15);

  // Visits per team per month: the laggards first (the digest's order), up to HEATMAP_TEAMS.
  const months: string[] = [];
  let m = monthStart(snap.today);
  for (let k = 0; k < MONTHS; k++) {
    months.unshift(m.slice(0, 7));
    m = monthStart(addDays(m, -1));
  }
  const monthIdx = new Map(months.map((x, k) => [x, k]));
  const heatTeams = digest.teams.slice(0, HEATMAP_TEAMS);
  const teamIdx = new Map(heatTeams.map((t, k) => [t.teamId, k]));
  const counts = new Map<string, number>();
  for (const v of scoped.visits) {
    const mi = monthIdx.get(v.date.slice(0, 7));
    const ti = teamIdx.get(v.teamId);
    if (mi === undefined || ti === undefined) continue;
    const key = `${mi}:${ti}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const visitCells: [number, number, number][] = [];
  for (let mi = 0; mi < months.length; mi++)
    for (let ti = 0; ti < heatTeams.length; ti++) visitCells.push([mi, ti, counts.get(`${mi}:${ti}`) ?? 0]);

  return {
    digest,
    departments: base.departments,
    charts: {
      weeks: weeks.map((w) => w.slice(5)),
      opened,
      resolved,
      departments: depRows.map((d) => d.key),
      departmentOverdue: depRows.map((d) => d.overdue),
      months,
      visitTeams: heatTeams.map((t) => t.teamName),
      visitCells,
    },
  };
}

// ---------------------------------------------------------------- the issue list

export const SORT_KEYS = ['id', 'raisedOn', 'dueDate', 'overdue', 'status', 'team', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZE = 50;

export interface IssueRow {
  issue: Issue;
  teamName: string;
  overdueDays: number;
}

function idNum(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

export function sortIssues(rows: IssueRow[], key: SortKey, dir: 'asc' | 'desc'): IssueRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const st = (s: IssueStatus) => STATUSES.indexOf(s);
  const cmp: Record<SortKey, (a: IssueRow, b: IssueRow) => number> = {
    id: (a, b) => idNum(a.issue.id) - idNum(b.issue.id),
    raisedOn: (a, b) => a.issue.raisedOn.localeCompare(b.issue.raisedOn),
    dueDate: (a, b) => (a.issue.dueDate ?? '9999').localeCompare(b.issue.dueDate ?? '9999'),
    overdue: (a, b) => a.overdueDays - b.overdueDays,
    status: (a, b) => st(a.issue.status) - st(b.issue.status),
    team: (a, b) => a.teamName.localeCompare(b.teamName, 'zh-CN'),
    updatedAt: (a, b) => a.issue.updatedAt - b.issue.updatedAt,
  };
  const c = cmp[key];
  return [...rows].sort((a, b) => sign * c(a, b) || idNum(a.issue.id) - idNum(b.issue.id));
}

export function issueRows(snap: LedgerSnapshot, scoped: Scoped): IssueRow[] {
  const names = new Map(snap.teams.map((t) => [t.id, t.name || t.id]));
  return scoped.issues.map((issue) => ({
    issue,
    teamName: names.get(issue.teamId) ?? issue.teamId,
    overdueDays: overdueDaysOf(issue, snap.today),
  }));
}
