/**
 * The ledger end to end through handleReport / handleIssues, against MemoryStore and a real Redis:
 * the example conversation, questions and drafts, ambiguity, permissions, team isolation, undo,
 * redelivery, unregistered groups, concurrent changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIssues } from '../../handlers/issues.js';
import { handleReport, hasPendingDraft } from '../../handlers/report.js';
import { LedgerService } from '../../src/ledger/service/index.js';
import type { Store } from '../../src/store/types.js';
import { startRedis } from '../helpers/redis.js';
import { DAY, MIN, TEAM, makeKit, say, text, type Kit, memoryAndRedisStores } from './helpers.js';
import { bounded } from '../helpers/wait.js';

const EXAMPLE =
  '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。';

const stores = memoryAndRedisStores();

describe.each(stores)('ledger on %s', (_name, makeStore) => {
  let kit: Kit;
  beforeEach(async () => {
    kit = await makeKit(makeStore);
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  const report = (t: string, over = {}) => handleReport(say(kit, t, over), kit.services);
  const command = (t: string, over = {}) => handleIssues(say(kit, t, over), kit.services);
  const waiting = (over = {}) => new LedgerService(kit.services).draftWaiting(say(kit, '', over));

  it('records the example visit, then progress, resolution, list, detail, assignment, close and reopen', async () => {
    const r1 = await report(EXAMPLE);
    const t1 = text(r1);
    expect(r1.intent).toBe('report');
    expect(t1).toContain('V-0001');
    expect(t1).toContain('华康药业，2019-03-12');
    expect(t1).toMatch(/Q-0001 融资｜[^\n]*｜已交办金融办，期限 2019-03-27/);
    expect(t1).toMatch(/Q-0002 人才｜[^\n]*化工工程师[^\n]*｜待交办/);
    expect(t1).toContain('撤销');
    // 政策礼包: the loan policy for the financing issue, the talent policy for the engineers.
    expect(t1).toContain('政策礼包');
    expect(t1).toContain('技术改造贷款贴息');
    expect(t1).toContain('高层次人才引进');
    expect(t1).not.toContain('乡村旅游');

    const q1 = await kit.store.getIssue('Q-0001');
    expect(q1).toMatchObject({
      teamId: TEAM.id,
      enterprise: '华康药业',
      category: '融资',
      status: 'assigned',
      department: '金融办',
      dueDate: '2019-03-27',
      raisedOn: '2019-03-12',
      reporter: 'u1',
      reporterName: '张三',
    });
    const q2 = await kit.store.getIssue('Q-0002');
    expect(q2).toMatchObject({ category: '人才', status: 'open', department: null, dueDate: null });
    expect(await kit.store.getVisit('V-0001')).toMatchObject({
      enterprise: '华康药业',
      date: '2019-03-12',
      teamId: TEAM.id,
    });

    kit.clock.advance(2 * DAY);
    const t2 = text(await report('Q-0001 金融办已对接，贷款下周放款'));
    expect(t2).toContain('已交办 → 办理中');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('in_progress');

    kit.clock.advance(8 * DAY); // 2019-03-22
    const t3 = text(await report('华康那个融资的事解决了'));
    expect(t3).toContain('Q-0001');
    expect(t3).toContain('办理中 → 已办结');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');

    const list = await command('问题清单');
    const tl = text(list);
    expect(list.intent).toBe('issues');
    expect(tl).toContain('Q-0002');
    expect(tl).not.toContain('Q-0001');
    expect(tl).toMatch(/Q-0002 \| 华康药业 \| 人才 \|[^\n]*\| 待交办 \| — \| 10天 \| —/);
    const done = text(await command('问题清单 已办结'));
    expect(done).toContain('Q-0001');
    expect(done).toContain('已办结问题');

    const detail = text(await command('Q-0001'));
    expect(detail).toContain('Q-0001 华康药业 融资');
    expect(detail).toContain('状态：已办结');
    expect(detail).toMatch(/2019-03-12 10:00 张三：登记（已交办）/);
    expect(detail).toMatch(
      /2019-03-14 10:00 张三：已交办 → 办理中；承办：金融办；金融办已对接，贷款下周放款|2019-03-14 10:00 张三：已交办 → 办理中；金融办已对接，贷款下周放款/,
    );
    expect(detail).toMatch(/2019-03-22 10:00 张三：办理中 → 已办结/);
    const history = await kit.store.issueHistory('Q-0001');
    expect(history.map((e) => [e.type, e.to])).toEqual([
      ['issue.created', 'assigned'],
      ['issue.updated', 'in_progress'],
      ['issue.updated', 'resolved'],
    ]);

    // Assignment with an explicit deadline.
    const ta = text(await command('Q-0002 交办 人力社保局 3月30日前'));
    expect(ta).toContain('待交办 → 已交办');
    expect(await kit.store.getIssue('Q-0002')).toMatchObject({
      status: 'assigned',
      department: '人社局',
      dueDate: '2019-03-30',
    });

    // 销号: admins only.
    const refused = await command('Q-0001 销号');
    expect(text(refused)).toContain('管理员');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
    const closed = text(await command('Q-0001 核实无误，销号', { isAdmin: true, userId: 'boss', userName: '李书记' }));
    expect(closed).toContain('已办结 → 已销号');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('closed');

    // A closed issue takes no more updates; reopening it needs an admin; it goes back to its department.
    expect(text(await report('Q-0001 企业说还有后续'))).toContain('重新打开 Q-0001');
    expect(text(await command('重新打开 Q-0001'))).toContain('管理员');
    await command('重新打开 Q-0001', { isAdmin: true, userId: 'boss' });
    expect(await kit.store.getIssue('Q-0001')).toMatchObject({
      status: 'assigned',
      department: '金融办',
      dueDate: '2019-04-06',
    });
  });

  it('asks which enterprise when it is missing, and completes the record from the answer', async () => {
    const ask = await report('走访了，企业提了用地问题');
    expect(ask.intent).toBe('clarify');
    expect(text(ask)).toContain('哪家企业');
    expect(text(ask)).toContain('1. 华康药业');
    expect(await kit.store.listIssues({})).toHaveLength(0);
    expect(await waiting()).toBe(true);
    // Another user in the same group has no draft.
    expect(await waiting({ userId: 'u2' })).toBe(false);
    // For the router: the answer (or a new report) belongs to the draft; a policy question asked meanwhile does not.
    expect(await hasPendingDraft(say(kit, '七一电器'), kit.services)).toBe(true);
    expect(await hasPendingDraft(say(kit, '2'), kit.services)).toBe(true);
    expect(await hasPendingDraft(say(kit, '今天走访七一电器，企业反映缺20名装配工'), kit.services)).toBe(true);
    expect(await hasPendingDraft(say(kit, '专班组建要坚持哪三条原则？'), kit.services)).toBe(false);
    expect(await waiting()).toBe(true);

    const done = await report('七一电器');
    expect(done.intent).toBe('report');
    expect(text(done)).toContain('七一电器');
    const issues = await kit.store.listIssues({});
    expect(issues).toMatchObject([
      { enterprise: '七一电器', category: '用地', status: 'open', raisedOn: '2019-03-12' },
    ]);
    expect(await kit.store.listVisits({})).toMatchObject([{ enterprise: '七一电器', date: '2019-03-12' }]);
    expect(await waiting()).toBe(false);
  });

  it('answers by number, and the draft expires after ZCT_DRAFT_TTL_MIN', async () => {
    await report('走访了，企业提了用地问题');
    await report('2');
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '七一电器' }]);

    await report('企业反映招工难，还没交办');
    expect(await waiting()).toBe(true);
    kit.clock.advance(29 * MIN);
    expect(await waiting()).toBe(true);
    kit.clock.advance(2 * MIN);
    expect(await waiting()).toBe(false);
    expect(await hasPendingDraft(say(kit, '华康药业'), kit.services)).toBe(false);
    const late = await report('华康药业');
    expect(late.intent).not.toBe('clarify');
    expect(await kit.store.listIssues({})).toHaveLength(1);
  });

  it('取消 drops a draft; an unclear short answer re-asks; a new report replaces the draft', async () => {
    await report('走访了，企业提了用地问题');
    const again = await report('不清楚');
    expect(again.intent).toBe('clarify');
    expect(text(again)).toContain('没能识别企业名称');
    expect(text(await command('取消'))).toContain('已取消');
    expect(await waiting()).toBe(false);
    expect(text(await command('取消'))).toContain('没有待补充');

    await report('走访了，企业提了用地问题');
    // A new report is recorded on its own; the half-finished one is never dropped silently: it keeps waiting.
    const fresh = text(await report('今天走访华康药业，企业反映缺20名装配工，还没交办'));
    expect(fresh).toContain('上一条待补充的记录还在等您回复');
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '华康药业', category: '用工' }]);
    expect(await waiting()).toBe(true);
    await report('七一电器');
    expect(await kit.store.listIssues({ enterprise: '七一电器' })).toMatchObject([{ category: '用地' }]);
  });

  it('an acknowledgement or a short report of its own is not swallowed by a waiting question', async () => {
    await report('走访了，企业提了用地问题');
    expect(await waiting()).toBe(true);
    const ledger = new LedgerService(kit.services);
    const relate = async (t: string) => {
      const msg = say(kit, t);
      return ledger.relateToDraft(msg, (await ledger.readDraft(msg))!, TEAM);
    };
    // "好的👍" is no answer to "哪家企业？": it goes its own way and the question keeps waiting
    expect(await relate('好的👍')).toEqual({ type: 'unrelated' });
    // a short report naming its enterprise is a report, however short
    expect(await relate('华康药业钱到账了')).toEqual({ type: 'new_report' });
    // a report whose enterprise is not recognisable is no enterprise name: asked again, never taken as the name
    expect(await relate('那个技工的事解决了')).toMatchObject({ type: 'reask' });
    expect(await relate('顺发机械')).toMatchObject({ type: 'answer', answers: { enterprise: '顺发机械' } });
    // a plan naming an enterprise is no failed answer: it goes its own way
    expect(await relate('明天计划去七一电器走访')).toMatchObject({ type: 'unrelated' });
    expect(await waiting()).toBe(true);
  });

  it('lists overdue issues and shows the team', async () => {
    await report(EXAMPLE);
    kit.clock.advance(16 * DAY);
    const overdue = text(await command('问题清单 逾期'));
    expect(overdue).toContain('Q-0001');
    expect(overdue).toContain('逾期1天');
    expect(overdue).not.toContain('Q-0002');
    const info = text(await command('本组信息'));
    expect(info).toContain('城东一组');
    expect(info).toContain('华康药业、七一电器');
    await command('解绑企业 七一电器');
    expect((await kit.store.getTeam(TEAM.id))?.enterprises).toEqual(['华康药业']);
  });

  it('a team bound to exactly one enterprise needs no question', async () => {
    await kit.store.upsertTeam({ ...TEAM, enterprises: ['华康药业'] });
    const r = await report('走访了，企业提了用地问题');
    expect(r.intent).toBe('report');
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '华康药业', category: '用地' }]);
  });

  it('asks which issue when a description matches several, listing candidates', async () => {
    await report('华康药业反映流动资金紧张，想申请技改贷款');
    await report('华康药业说想申请上市融资，还没交办');
    expect(await kit.store.listIssues({ category: '融资' })).toHaveLength(2);

    const ask = await report('华康那个融资的事解决了');
    expect(ask.intent).toBe('clarify');
    expect(text(ask)).toContain('1. Q-0001');
    expect(text(ask)).toContain('2. Q-0002');

    // The router sends a bare "Q-0002" to handleIssues: it still answers the question.
    const done = await command('Q-0002');
    expect(text(done)).toContain('Q-0002');
    expect((await kit.store.getIssue('Q-0002'))?.status).toBe('resolved');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('open');
  });

  it('offers to record an update that matches nothing as a new issue', async () => {
    const ask = await report('七一电器用电增容那个，供电公司说月底前搞定');
    expect(ask.intent).toBe('clarify');
    expect(text(ask)).toContain('登记为新问题');
    await report('是');
    expect(await kit.store.listIssues({})).toMatchObject([
      { enterprise: '七一电器', department: '供电公司', dueDate: '2019-03-31' },
    ]);
  });

  it('keeps teams apart: another team can neither see nor change an issue; admins in an admin group read all', async () => {
    await report(EXAMPLE);
    await kit.store.upsertTeam({
      ...TEAM,
      id: 'console:g2',
      conversationId: 'g2',
      name: '城西组',
      enterprises: ['矽盛电子'],
    });
    const other = { conversationId: 'g2', teamId: 'console:g2', userId: 'u9' };
    expect(text(await command('Q-0001', other))).toContain('没有找到本组的问题 Q-0001');
    expect(text(await command('Q-0001 办结', other))).toContain('没有找到本组的问题 Q-0001');
    expect(text(await report('Q-0001 金融办已对接', other))).toContain('没有找到本组的问题 Q-0001');
    expect(text(await command('撤销 Q-0001', other))).toContain('没有找到');
    expect(text(await command('问题清单', other))).not.toContain('Q-0001');
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('assigned');
    expect(await kit.store.issueHistory('Q-0001')).toHaveLength(1);

    // An admin writing in the team's own group still only sees that team; in the leadership group, all (grouped by team).
    expect(text(await command('问题清单', { ...other, isAdmin: true }))).not.toContain('Q-0001');
    await kit.store.upsertTeam({
      ...TEAM,
      id: 'console:lead',
      conversationId: 'lead',
      name: '领导群',
      enterprises: [],
      isAdminGroup: true,
    });
    const lead = { conversationId: 'lead', teamId: 'console:lead', userId: 'boss', isAdmin: true };
    const all = text(await command('问题清单', lead));
    expect(all).toContain('Q-0001');
    expect(all).toContain('城东一组');
    expect(text(await command('Q-0001', lead))).toContain('华康药业');
    // (whoever writes in the leadership group reads every team, as the web console's board shows them)
    expect(text(await command('Q-0001', { ...lead, isAdmin: false }))).toContain('华康药业');
    // Reading is not changing: the leadership group is told whose it is to change.
    expect(text(await command('Q-0001 销号', lead))).toContain('Q-0001 是联企小组的问题：领导小组群里可以查看');
  });

  it('undo: only the reporter, only within ZCT_UNDO_WINDOW_MIN', async () => {
    await report(EXAMPLE);
    expect(text(await command('撤销 Q-0002', { userId: 'u2' }))).toContain('只有登记人');
    expect(text(await command('撤销', { userId: 'u2' }))).toContain('没有找到您');
    const one = text(await command('撤销 Q-0002'));
    expect(one).toContain('已撤销');
    expect(one).toContain('Q-0002');
    expect(await kit.store.getIssue('Q-0002')).toBeNull();
    expect((await kit.store.issueHistory('Q-0002')).map((e) => e.type)).toEqual(['issue.created', 'issue.withdrawn']);
    expect(text(await command('问题清单'))).not.toContain('Q-0002');

    kit.clock.advance(11 * MIN);
    expect(text(await command('撤销 Q-0001'))).toContain('超过 10 分钟');
    expect(await kit.store.getIssue('Q-0001')).not.toBeNull();

    // 撤销 alone: the user's last record — the whole message (visit + issues).
    await report('今天走访七一电器，企业反映缺20名装配工，还有环评审批慢');
    kit.clock.advance(1 * MIN);
    const all = text(await command('撤销'));
    expect(all).toContain('V-0002');
    expect(all).toContain('Q-0003');
    expect(all).toContain('Q-0004');
    expect(await kit.store.listVisits({})).toHaveLength(1);
    expect((await kit.store.listIssues({})).map((i) => i.id)).toEqual(['Q-0001']);
  });

  it('a redelivered message (same dedupKey) 100 times records once and replies the same', async () => {
    const msg = say(kit, EXAMPLE);
    const first = text(await handleReport(msg, kit.services));
    const again = await Promise.all(Array.from({ length: 50 }, () => handleReport(msg, kit.services)));
    for (let i = 0; i < 49; i++) again.push(await handleReport(msg, kit.services));
    expect(again).toHaveLength(99);
    for (const r of again) expect(text(r)).toBe(first);
    expect(await kit.store.listIssues({})).toHaveLength(2);
    expect(await kit.store.listVisits({})).toHaveLength(1);

    // An update redelivered after the issue moved on still gets its first reply and changes nothing.
    const resolve = say(kit, '华康那个融资的事解决了');
    const r1 = text(await handleReport(resolve, kit.services));
    await handleIssues(say(kit, 'Q-0001 销号', { isAdmin: true }), kit.services);
    const r2 = text(await handleReport(resolve, kit.services));
    expect(r2).toBe(r1);
    expect((await kit.store.getIssue('Q-0001'))?.status).toBe('closed');
    expect(await kit.store.issueHistory('Q-0001')).toHaveLength(3);
  });

  it('explains registration in an unregistered group, reporting in a team group in 1:1 chats; 绑定企业 registers', async () => {
    const g = { conversationId: 'g7', teamId: 'console:g7', conversationTitle: '城南三组' };
    const r = text(await report(EXAMPLE, g));
    expect(r).toContain('还没有登记为联企小组');
    expect(r).toContain('绑定企业');
    expect(await kit.store.listIssues({})).toHaveLength(0);
    expect(text(await command('问题清单', g))).toContain('还没有登记');

    const dm = text(await report(EXAMPLE, { isGroup: false, conversationId: 'dm1', teamId: 'console:dm1' }));
    expect(dm).toContain('联企小组的群里');

    const bound = text(await command('绑定企业 矽盛电子、海纳半导体', g));
    expect(bound).toContain('城南三组');
    expect(await kit.store.getTeam('console:g7')).toMatchObject({
      name: '城南三组',
      enterprises: ['矽盛电子', '海纳半导体'],
    });
    await command('绑定企业 维和药业', g);
    expect((await kit.store.getTeam('console:g7'))?.enterprises).toEqual(['矽盛电子', '海纳半导体', '维和药业']);
    expect(text(await report('今天走访海纳半导体，企业反映缺研发人员', g))).toContain('Q-0001');
  });

  it('retries once when a concurrent change makes the commit conflict', async () => {
    await report(EXAMPLE);
    // Wrap the real store: just before our commit, another member's change lands first.
    let raced = false;
    const store = kit.store;
    const racing: Store = Object.create(store) as Store;
    racing.commitLedger = async (c) => {
      if (!raced && c.patches.length) {
        raced = true;
        await store.commitLedger({
          messageId: 'other-msg',
          teamId: TEAM.id,
          at: kit.clock.ms,
          actor: 'u2',
          actorName: '李四',
          visits: [],
          issues: [],
          patches: [{ issueId: 'Q-0001', status: 'in_progress', note: '对接中' }],
        });
      }
      return store.commitLedger(c);
    };
    const services = { ...kit.services, store: racing };
    const r = text(await handleReport(say(kit, 'Q-0001 办结'), services));
    expect(r).toContain('办理中 → 已办结');
    expect((await store.getIssue('Q-0001'))?.status).toBe('resolved');
    expect((await store.issueHistory('Q-0001')).map((e) => e.to)).toEqual(['assigned', 'in_progress', 'resolved']);
  });

  it('gives the digest and CLI a data API: open issues, ages, overdue, history', async () => {
    await report(EXAMPLE);
    const ledger = new LedgerService(kit.services);
    kit.clock.advance(20 * DAY);
    const today = ledger.queries.today();
    expect(today).toBe('2019-04-01');
    const open = await ledger.queries.openIssues(TEAM.id);
    expect(open.map((i) => i.id)).toEqual(['Q-0001', 'Q-0002']);
    expect(ledger.queries.ageDays(open[0]!)).toBe(20);
    expect(ledger.queries.overdueDays(open[0]!)).toBe(5);
    expect((await ledger.queries.overdueIssues()).map((i) => i.id)).toEqual(['Q-0001']);
    expect((await ledger.queries.issueWithHistory('Q-0001'))?.history).toHaveLength(1);
    expect(await ledger.queries.issueWithHistory('Q-0999')).toBeNull();
  });
});

describe('ledger with Redis down', () => {
  it('replies "resend later" and records nothing; works again after Redis is back', async () => {
    const own = await startRedis();
    const kit = await makeKit(async () => {
      const { RedisStore } = await import('../../src/store/redis/store.js');
      const store = new RedisStore({ url: own.url, prefix: 'down', commandTimeoutMs: 500, connectTimeoutMs: 300 });
      await store.connect({ timeoutMs: 5000 });
      return { store, cleanup: () => store.close() };
    });
    try {
      await own.kill();
      // The failure reaches the pipeline (src/app/bot.ts answers it once, from the commit record): nothing was sent.
      await expect(handleReport(say(kit, EXAMPLE), kit.services)).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        outcome: 'not_applied',
      });
      await expect(handleIssues(say(kit, '问题清单'), kit.services)).rejects.toMatchObject({
        name: 'StoreUnavailableError',
      });

      await own.start();
      // The client reconnects with back-off: wait (bounded, generously) until it is back, then report again.
      const deadline = Date.now() + bounded();
      while (!(await kit.store.ping().catch(() => false)) && Date.now() < deadline)
        await new Promise((res) => setTimeout(res, 100));
      await kit.store.upsertTeam(TEAM);
      let ok = false;
      while (!ok && Date.now() < deadline) {
        const again = await handleReport(say(kit, EXAMPLE), kit.services).catch(() => null);
        ok = again?.intent === 'report';
        if (!ok) await new Promise((res) => setTimeout(res, 100));
      }
      expect(ok).toBe(true);
      expect(await kit.store.listIssues({})).toHaveLength(2);
    } finally {
      await kit.cleanup();
      await own.stop();
    }
  });
});
