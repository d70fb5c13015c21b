/**
 * The board's aggregates under filters, checked against a naive computation written here from the ledger's rules
 * (plain loops over the filtered issues and the month's audit log, no digest code), and against the digest computed
 * from scratch (no event index shared between filters). The ledger is the benchmark's synthetic one, small, with
 * withdrawn records and a leadership group mixed in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leadershipDigest, prepareDigest } from '../../src/digest/compute.js';
import { CATEGORIES, type Issue } from '../../src/ledger/model.js';
import { MemoryStore } from '../../src/store/memory.js';
import { computeBoard, LedgerCache, parseFilters, scope, type LedgerSnapshot } from '../../src/web/data.js';
import { syntheticLedger } from '../helpers/synthetic-ledger.js';

const TZ = 'Asia/Shanghai';
// Mid-month (2026-06-20 12:00 in Shanghai), so the month's log has three weeks in it.
const NOW = Date.UTC(2026, 5, 20, 4);
const DAY = 86_400_000;
let snap: LedgerSnapshot;

beforeAll(async () => {
  const { teams, commits } = syntheticLedger(NOW, 40, 2000);
  // A leadership group: on the board's totals, not among the team rows.
  teams.push({ ...teams[0]!, id: 'dingtalk:leaders', conversationId: 'leaders', name: '领导小组', isAdminGroup: true });
  commits.push({
    ...commits.find((c) => c.issues.length)!,
    messageId: 'lead-1',
    teamId: 'dingtalk:leaders',
    at: NOW - 3 * DAY,
    issues: [{ ...commits.find((c) => c.issues.length)!.issues[0]!, teamId: 'dingtalk:leaders' }],
  });
  commits.sort((a, b) => a.at - b.at);
  const store = new MemoryStore({ clock: () => NOW });
  for (const t of teams) await store.upsertTeam(t);
  for (const c of commits) await store.commitLedger(c);
  // Withdrawn this month: their report events stop counting, and they leave the issue list.
  const recent = (await store.readEvents(NOW - 10 * DAY, NOW)).filter((e) => e.type === 'issue.created').slice(0, 3);
  for (const [k, e] of recent.entries())
    await store.commitLedger({
      messageId: `undo-${k}`,
      teamId: e.teamId,
      at: NOW - DAY,
      actor: 'u0',
      actorName: '张三',
      visits: [],
      issues: [],
      patches: [],
      withdrawIssues: [e.issueId!],
    });
  snap = await new LedgerCache(store, TZ, 60_000, () => NOW).get();
  expect(snap.issues.length).toBe(2001 - 3);
});

// ------------------------------------------------------------------ the naive computation
const ACTIVE = ['open', 'assigned', 'in_progress'];
const DONE = ['resolved', 'closed'];
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const lateOf = (i: Issue, today: string) =>
  ACTIVE.includes(i.status) && i.dueDate ? Math.max(0, dayNo(today) - dayNo(i.dueDate)) : 0;

function naive(s: LedgerSnapshot, issues: Issue[], teamIds: Set<string> | null) {
  const monthFromMs = Date.parse(`${s.today.slice(0, 7)}-01T00:00:00+08:00`);
  const inMonth = (at: number) => at >= monthFromMs && at <= s.window.asOfMs;
  const withdrawn = new Set(s.events.filter((e) => e.type.endsWith('.withdrawn')).map((e) => e.issueId ?? e.visitId));
  const reportEvents = s.events.filter(
    (e) =>
      ['visit.recorded', 'issue.created', 'issue.updated'].includes(e.type) &&
      inMonth(e.at) &&
      !withdrawn.has(e.issueId ?? e.visitId) &&
      (!teamIds || teamIds.has(e.teamId)),
  );
  const ids = new Set(issues.map((i) => i.id));
  const resolvedInMonth = new Set(
    reportEvents
      .filter((e) => e.issueId && ids.has(e.issueId) && e.to && DONE.includes(e.to) && !DONE.includes(e.from ?? ''))
      .map((e) => e.issueId),
  );
  const admin = new Set(s.teams.filter((t) => t.isAdminGroup).map((t) => t.id));
  const teams: Record<string, { open: number; overdue: number; resolved: number; resolvedThisMonth: number }> = {};
  for (const t of s.teams)
    if (!admin.has(t.id) && (!teamIds || teamIds.has(t.id)))
      teams[t.id] = { open: 0, overdue: 0, resolved: 0, resolvedThisMonth: 0 };
  const cats: Record<string, { total: number; open: number; resolved: number; overdue: number }> = {};
  const deps: typeof cats = {};
  const add = (m: typeof cats, k: string, i: Issue) => {
    m[k] ??= { total: 0, open: 0, resolved: 0, overdue: 0 };
    m[k].total += 1;
    m[k].open += ACTIVE.includes(i.status) ? 1 : 0;
    m[k].resolved += DONE.includes(i.status) ? 1 : 0;
    m[k].overdue += lateOf(i, s.today) > 0 ? 1 : 0;
  };
  for (const i of issues) {
    add(cats, i.category, i);
    if (i.department) add(deps, i.department, i);
    const row = teams[i.teamId];
    if (!row) continue;
    row.open += ACTIVE.includes(i.status) ? 1 : 0;
    row.overdue += lateOf(i, s.today) > 0 ? 1 : 0;
    row.resolved += DONE.includes(i.status) ? 1 : 0;
    row.resolvedThisMonth += resolvedInMonth.has(i.id) ? 1 : 0;
  }
  // Weeks: the 12 Mondays up to this week's, each counting the issues raised in it.
  const thisMonday = dayNo(s.today) - ((new Date(`${s.today}T00:00:00Z`).getUTCDay() + 6) % 7);
  const opened = new Array(12).fill(0);
  for (const i of issues) {
    const k = Math.floor((dayNo(i.raisedOn) - (thisMonday - 77)) / 7);
    if (k >= 0 && k < 12) opened[k] += 1;
  }
  const overdue = issues
    .filter((i) => lateOf(i, s.today) > 0)
    .sort(
      (a, b) =>
        lateOf(b, s.today) - lateOf(a, s.today) ||
        (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
        a.raisedOn.localeCompare(b.raisedOn) ||
        Number(a.id.slice(2)) - Number(b.id.slice(2)),
    );
  return {
    totals: {
      issues: issues.length,
      open: issues.filter((i) => ACTIVE.includes(i.status)).length,
      overdue: overdue.length,
      resolved: issues.filter((i) => DONE.includes(i.status)).length,
      unassigned: issues.filter((i) => ACTIVE.includes(i.status) && !i.department).length,
    },
    reports: new Set(reportEvents.map((e) => `${e.teamId}/${e.messageId}`)).size,
    resolvedThisMonth: resolvedInMonth.size,
    teams,
    cats,
    deps,
    opened,
    topOverdue: overdue.slice(0, 10).map((i) => i.id),
  };
}

function fromBoard(b: ReturnType<typeof computeBoard>) {
  const d = b.digest;
  const rows = <T extends { key: string }>(list: T[]) =>
    Object.fromEntries(list.map(({ key, ...r }) => [key, r])) as Record<string, Omit<T, 'key'>>;
  return {
    totals: {
      issues: d.totals.issues,
      open: d.totals.open,
      overdue: d.totals.overdue,
      resolved: d.totals.resolved,
      unassigned: d.totals.unassigned,
    },
    reports: d.monthTotals.reports,
    resolvedThisMonth: d.monthTotals.resolved,
    teams: Object.fromEntries(
      d.teams.map((r) => [
        r.teamId,
        { open: r.open, overdue: r.overdue, resolved: r.resolved, resolvedThisMonth: r.resolvedThisMonth },
      ]),
    ),
    cats: rows(d.byCategory),
    deps: rows(d.byDepartment),
    opened: b.charts.opened,
    topOverdue: d.topOverdue.map((i) => i.id),
  };
}

const FILTERS: Record<string, string>[] = [
  {},
  { status: 'overdue' },
  { status: 'done' },
  { status: 'assigned' },
  { category: CATEGORIES[0] },
  { department: '第3承办部门' },
  { team: 'dingtalk:cid7' },
  { from: '2026-06-01', to: '2026-06-15' },
  { enterprise: '甲', status: 'active' },
  { from: '2000-01-01' },
];

describe('board aggregates', () => {
  it('the ledger is rich enough to tell a wrong count', () => {
    const all = naive(snap, snap.issues, null);
    expect(all.totals.overdue).toBeGreaterThan(50);
    expect(all.resolvedThisMonth).toBeGreaterThan(20);
    expect(all.totals.unassigned).toBeGreaterThan(50);
    expect(Object.keys(all.deps).length).toBeGreaterThan(20);
    expect(all.opened.filter((n) => n > 0).length).toBeGreaterThan(8);
  });

  for (const q of FILTERS)
    it(`match a naive count and a from-scratch digest: ${JSON.stringify(q)}`, () => {
      const { filters } = parseFilters(q);
      const scoped = scope(snap, null, filters);
      const board = computeBoard(snap, scoped, TZ, []);
      const teamIds = scoped.teams.length === snap.teams.length ? null : new Set(scoped.teams.map((t) => t.id));
      expect(fromBoard(board)).toEqual(naive(snap, scoped.issues, teamIds));
      // The same digest as one computed alone, with its own reading of the log.
      const alone = leadershipDigest(
        prepareDigest({
          teams: scoped.teams,
          issues: scoped.issues,
          visits: scoped.visits,
          events: teamIds ? snap.events.filter((e) => teamIds.has(e.teamId)) : snap.events,
          window: snap.window,
          timeZone: TZ,
          adminGroups: [],
        }),
        { topOverdue: 10 },
      );
      expect(board.digest).toEqual(alone);
    });

  it('a member sees the aggregates of their own teams only', () => {
    const mine = new Set(['dingtalk:cid1', 'dingtalk:cid2', 'dingtalk:cid30']);
    const scoped = scope(snap, mine, {});
    const board = computeBoard(snap, scoped, TZ, []);
    expect(Object.keys(fromBoard(board).teams).sort()).toEqual([...mine].sort());
    expect(fromBoard(board)).toEqual(
      naive(
        snap,
        snap.issues.filter((i) => mine.has(i.teamId)),
        mine,
      ),
    );
  });
});
