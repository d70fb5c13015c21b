/** Digest computation on a seeded ledger, field by field — against the MemoryStore and a real Redis. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeLeadershipDigest,
  computeTeamDigest,
  dayWindow,
  enterpriseMatches,
  issuesAsOf,
  liveWindow,
  loadDigestInput,
  prepareDigest,
  scheduledWindow,
  teamReminders,
  type DigestWindow,
} from '../../src/digest/index.js';
import type { Issue, LedgerEvent } from '../../src/ledger/model.js';
import type { Store } from '../../src/store/types.js';
import { bothStores } from '../helpers/stores.js';
import { ADMIN, seedLedger, sh, T1, T2, T3, TZ } from './fixtures.js';

const NOW = sh('2024-03-18', '11:00');
/** What the scheduler sends on Monday 03-18: Friday 03-15 … Sunday 03-17, as of the end of Sunday. */
const MONDAY: DigestWindow = scheduledWindow('2024-03-18', '2024-03-15', TZ);

const makers = bothStores('digest');

describe.each(makers)('digest computation (%s store)', (_name, make) => {
  let store: Store;
  beforeAll(async () => {
    store = await make();
    await seedLedger(store);
  });
  const input = (window: DigestWindow, teamId?: string) => loadDigestInput(store, { window, timeZone: TZ, teamId });

  it('the scheduled window is Friday to Sunday, as of the end of Sunday', () => {
    expect(MONDAY).toEqual({ from: '2024-03-15', to: '2024-03-17', asOfMs: sh('2024-03-18', '00:00') - 1 });
  });

  it('a visit two members made together and each reported counts once', async () => {
    const data = await input(MONDAY);
    const first = data.visits.find((v) => v.enterprise === '七一电器')!;
    const second = { ...first, id: 'V-0099', createdAt: first.createdAt + 60_000, reporter: 'someone-else' };
    const d = computeTeamDigest({ ...data, visits: [...data.visits, second] }, T1.id)!;
    expect(d.period.visits.map((v) => v.id)).toEqual(['V-0002']);
    expect(d.coverage.visits).toBe(2);
  });

  it("team digest: the window's visits, reports, new issues, open issues overdue first, 一月一走访 satisfied", async () => {
    const d = computeTeamDigest(await input(MONDAY), T1.id)!;
    expect(d.teamName).toBe('城东一组');
    expect(d.refDate).toBe('2024-03-18');
    expect(d.period.visits.map((v) => [v.id, v.enterprise, v.date])).toEqual([['V-0002', '七一电器', '2024-03-15']]);
    expect(d.period.reports).toBe(2); // m3 (visit + issue), m5 (progress)
    expect(d.period.opened.map((i) => i.id)).toEqual(['Q-0004']);
    expect(d.period.resolved).toEqual([]);
    expect(d.period.closed).toEqual([]);
    // As of Sunday night Q-0002 was still in progress (it was resolved on Monday 10:00): overdue 8 days.
    expect(d.open.map((i) => [i.id, i.status, i.overdueDays, i.ageDays])).toEqual([
      ['Q-0002', 'in_progress', 8, 13],
      ['Q-0004', 'open', 0, 3],
    ]);
    expect(d.counts).toEqual({
      open: 2,
      overdue: 1,
      dueSoon: 0,
      openedThisMonth: 2,
      resolvedThisMonth: 0,
      total: 2,
      resolvedTotal: 0,
    });
    expect(d.coverage).toEqual({
      month: '2024-03',
      required: ['华康药业', '七一电器'],
      visited: ['华康药业', '七一电器'],
      missing: [],
      visits: 2,
      lacking: false,
    });
    expect(d.lastReportAt).toBe(sh('2024-03-17', '15:00'));
    expect(d.daysSinceReport).toBe(1);
    expect(d.quiet).toBe(false);
  });

  it('team digest: resolved in the window, nothing open, a bound enterprise not visited this month', async () => {
    const d = computeTeamDigest(await input(MONDAY), T2.id)!;
    expect(d.period.reports).toBe(1);
    expect(d.period.opened).toEqual([]);
    expect(d.period.resolved.map((i) => i.id)).toEqual(['Q-0003']);
    expect(d.open).toEqual([]);
    expect(d.counts.resolvedThisMonth).toBe(1);
    expect(d.coverage.missing).toEqual(['蓝海新材料科技有限公司']);
    expect(d.coverage.lacking).toBe(true);
    expect(d.daysSinceReport).toBe(2);
    expect(d.quiet).toBe(false);
  });

  it('a team that never reported is quiet and owes a visit', async () => {
    const d = computeTeamDigest(await input(MONDAY), T3.id)!;
    expect(d.quiet).toBe(true);
    expect(d.coverage).toMatchObject({ required: [], visits: 0, lacking: true });
    expect(d.lastReportAt).toBeNull();
    expect(d.daysSinceReport).toBeNull();
  });

  it('leadership digest: totals, per-team rows with laggards first, categories, departments, top overdue', async () => {
    const d = computeLeadershipDigest(await input(MONDAY));
    expect(d.month).toBe('2024-03');
    expect(d.period).toEqual({ visits: 1, reports: 3, opened: 1, resolved: 1, closed: 0, activeTeams: 2 });
    expect(d.monthTotals).toEqual({ visits: 2, reports: 6, opened: 3, resolved: 1, closed: 1, teamsVisited: 1 });
    // (T3, bound to no enterprise and with nothing recorded, is no liaison team)
    expect(d.totals).toEqual({
      teams: 2,
      issues: 4,
      open: 2,
      overdue: 1,
      resolved: 2,
      resolutionRate: 0.5,
      unassigned: 1,
    });
    // T1 has an overdue issue, before T2; T3 (no enterprise bound, nothing recorded) is no liaison team.
    expect(d.teams.map((r) => r.teamId)).toEqual([T1.id, T2.id]);
    expect(d.teams[0]).toEqual({
      teamId: T1.id,
      teamName: '城东一组',
      visitsThisMonth: 2,
      enterprisesTotal: 2,
      enterprisesVisited: 2,
      missingEnterprises: [],
      lackingVisit: false,
      open: 2,
      overdue: 1,
      resolved: 0,
      resolvedThisMonth: 0,
      daysSinceReport: 1,
    });
    expect(d.teams[1]).toMatchObject({
      teamId: T2.id,
      open: 0,
      resolved: 2,
      resolvedThisMonth: 1,
      lackingVisit: true,
      daysSinceReport: 2,
    });
    expect(d.teams.some((r) => r.teamId === ADMIN.id)).toBe(false);
    expect(d.byCategory.map((r) => [r.key, r.total, r.open, r.resolved, r.overdue])).toEqual([
      ['融资', 1, 0, 1, 0],
      ['用工', 1, 1, 0, 1],
      ['用地', 1, 1, 0, 0],
      ['其他', 1, 0, 1, 0],
    ]);
    expect(d.byDepartment.map((r) => [r.key, r.total, r.open, r.resolved, r.overdue])).toEqual([
      ['人社局', 1, 1, 0, 1],
      ['金融办', 1, 0, 1, 0],
      ['经信局', 1, 0, 1, 0],
    ]);
    expect(d.teamsWithoutVisit.map((t) => [t.teamId, t.missing])).toEqual([[T2.id, ['蓝海新材料科技有限公司']]]);
    expect(d.topOverdue.map((i) => [i.id, i.teamName, i.department, i.overdueDays])).toEqual([
      ['Q-0002', '城东一组', '人社局', 8],
    ]);
  });

  it('liaison teams: a group bound to no enterprise that recorded nothing is not counted; one that recorded is', async () => {
    const data = await input(MONDAY);
    // (a console group where someone only asked policy questions; another that recorded a visit before binding)
    const asker = { ...T3, id: 'console:ask', conversationId: 'ask', name: '只问政策的群' };
    const early = { ...T3, id: 'console:early', conversationId: 'early', name: '未绑定先报送' };
    const visit = { ...data.visits[0]!, id: 'V-0098', teamId: early.id, enterprise: '金马机械' };
    const d = computeLeadershipDigest({
      ...data,
      teams: [...data.teams, asker, early],
      visits: [...data.visits, visit],
    });
    expect(d.totals.teams).toBe(3);
    expect(d.teams.map((r) => r.teamId).sort()).toEqual([T1.id, T2.id, early.id].sort());
    expect(d.teamsWithoutVisit.map((t) => t.teamId)).not.toContain(asker.id);
    expect(d.teamsWithoutVisit.map((t) => t.teamId)).not.toContain(T3.id);
  });

  it('a live digest (now) sees Monday morning: Q-0002 resolved, Q-0005 new', async () => {
    const w = liveWindow(NOW, '2024-03-15', TZ);
    const t1 = computeTeamDigest(await input(w, T1.id), T1.id)!;
    expect(t1.period.resolved.map((i) => i.id)).toEqual(['Q-0002']);
    expect(t1.open.map((i) => i.id)).toEqual(['Q-0004']);
    expect(t1.refDate).toBe('2024-03-18');
    expect(t1.daysSinceReport).toBe(0);
    const t2 = computeTeamDigest(await input(w, T2.id), T2.id)!;
    expect(t2.counts).toMatchObject({ open: 1, overdue: 0, dueSoon: 1 }); // Q-0005 due 03-20
    const all = computeLeadershipDigest(await input(w));
    expect(all.totals).toMatchObject({ issues: 5, open: 2, overdue: 0, resolved: 3 });
    expect(all.period.opened).toBe(2); // Q-0004, Q-0005
  });

  it('a past date is replayed from the audit log: 03-06 and 03-16', async () => {
    const d6 = computeLeadershipDigest(await input(dayWindow('2024-03-06', TZ, NOW)));
    expect(d6.refDate).toBe('2024-03-07');
    expect(d6.totals).toMatchObject({ issues: 3, open: 2, overdue: 0, resolved: 1 });
    expect(d6.period).toMatchObject({ opened: 1, reports: 1, resolved: 0 });
    const d16 = computeTeamDigest(await input(dayWindow('2024-03-16', TZ, NOW)), T1.id)!;
    expect(d16.open.map((i) => [i.id, i.status, i.overdueDays])).toEqual([
      ['Q-0002', 'assigned', 7],
      ['Q-0004', 'open', 0],
    ]);
    const t2 = computeTeamDigest(await input(dayWindow('2024-03-16', TZ, NOW), T2.id), T2.id)!;
    expect(t2.period.resolved.map((i) => i.id)).toEqual(['Q-0003']);
    // February: Q-0001 was assigned (not yet due) on 02-25, resolved by 02-29; nobody had visited in February.
    const feb = computeLeadershipDigest(await input(dayWindow('2024-02-25', TZ, NOW)));
    expect(feb.totals).toMatchObject({ issues: 1, open: 1, overdue: 0 });
    expect(feb.teamsWithoutVisit.map((t) => t.teamId)).toEqual([T1.id, T2.id]);
    expect(feb.teams.find((r) => r.teamId === T2.id)?.daysSinceReport).toBe(6);
    const febLate = computeLeadershipDigest(await input(dayWindow('2024-02-29', TZ, NOW)));
    expect(febLate.totals).toMatchObject({ issues: 1, open: 0, resolved: 1 });
  });

  it('reminders at 09:30 on Monday: T1 has an overdue issue (resolved only at 10:00), T2 has nothing, T3 owes nothing', async () => {
    const at = sh('2024-03-18', '09:30');
    const data = await input(dayWindow('2024-03-18', TZ, at));
    const r = teamReminders(prepareDigest(data), 7);
    // T3 is bound to no enterprise and never recorded anything: a policy-questions group, not nagged to report.
    expect(r.map((x) => x.teamId)).toEqual([T1.id]);
    expect(r[0]!.idle).toBeNull();
    expect(r[0]!.overdue.map((i) => [i.id, i.department, i.overdueDays])).toEqual([['Q-0002', '人社局', 8]]);

    // Once bound to an enterprise, the same silent group is idle since its registration.
    const bound = data.teams.map((t) => (t.id === T3.id ? { ...t, enterprises: ['海纳半导体'] } : t));
    const rb = teamReminders(prepareDigest({ ...data, teams: bound }), 7);
    expect(rb.map((x) => x.teamId)).toEqual([T1.id, T3.id]);
    expect(rb[1]!.idle).toEqual({ days: 46, lastReportAt: null });
    expect(rb[1]!.overdue).toEqual([]);
  });
});

describe('pure helpers', () => {
  const base: Issue = {
    id: 'Q-0001',
    teamId: 't',
    enterprise: 'e',
    category: '融资',
    summary: 's',
    department: '金融办',
    status: 'resolved',
    dueDate: null,
    reporter: 'u',
    reporterName: 'n',
    raisedOn: '2024-03-01',
    createdAt: 1000,
    updatedAt: 5000,
    resolvedAt: 5000,
    closedAt: null,
    messageId: 'm',
  };
  const ev = (at: number, o: Partial<LedgerEvent>): LedgerEvent => ({
    type: 'issue.updated',
    at,
    teamId: 't',
    issueId: 'Q-0001',
    actor: 'u',
    messageId: `m${at}`,
    ...o,
  });

  it('issuesAsOf rewinds with the first later change when the log starts after the instant', () => {
    // The log window starts at 4000: only the change to resolved (from in_progress) is in it.
    const events = [ev(5000, { from: 'in_progress', to: 'resolved', department: '金融办' })];
    const [then] = issuesAsOf([base], events, 3000);
    expect(then).toMatchObject({ status: 'in_progress', resolvedAt: null, updatedAt: 1000 });
    expect(issuesAsOf([base], events, 500)).toEqual([]);
    expect(issuesAsOf([base], events, 6000)[0]).toBe(base);
  });

  it('issuesAsOf replays forward: the last change at or before the instant wins, department included', () => {
    const events = [
      ev(1000, { type: 'issue.created', to: 'open' }),
      ev(2000, { from: 'open', to: 'assigned', department: '人社局' }),
      ev(3000, { from: 'assigned', to: 'in_progress', department: '金融办' }),
      ev(5000, { from: 'in_progress', to: 'resolved' }),
    ];
    expect(issuesAsOf([base], events, 2500)[0]).toMatchObject({ status: 'assigned', department: '人社局' });
    expect(issuesAsOf([base], events, 1500)[0]).toMatchObject({ status: 'open', department: '金融办' });
  });

  it('enterprise names match through suffixes and short forms', () => {
    expect(enterpriseMatches('蓝海新材料科技有限公司', '蓝海新材料')).toBe(true);
    expect(enterpriseMatches('华康药业', '浙江华康药业股份有限公司')).toBe(true);
    expect(enterpriseMatches('华康药业', '七一电器')).toBe(false);
    expect(enterpriseMatches('（杭州）启明电子', '启明电子')).toBe(true);
  });
});
