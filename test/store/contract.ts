/**
 * The Store contract: every implementation (MemoryStore, RedisStore) must pass this suite.
 *   runStoreContract('memory', async () => ({ store: new MemoryStore({ clock }), cleanup: async () => {}, advance: (ms) => … }))
 * `advance(ms)` moves time forward for TTL/lease tests (a fake clock for memory; a real sleep for Redis).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import type { Reply } from '../../src/messaging/reply.js';
import {
  ConflictError,
  QUESTION_LOG_MAX,
  type LedgerCommit,
  type NewIssue,
  type NewVisit,
  type Store,
} from '../../src/store/types.js';

export interface StoreFixture {
  store: Store;
  cleanup(): Promise<void>;
  /** Let `ms` of time pass (defaults to a real sleep). */
  advance?(ms: number): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const T0 = Date.UTC(2025, 2, 3, 2, 0, 0); // 2025-03-03 10:00 Asia/Shanghai

export function newIssue(over: Partial<NewIssue> = {}): NewIssue {
  return {
    teamId: 'dingtalk:cid-a',
    enterprise: '华川精密机械有限公司',
    category: '融资',
    summary: '企业反映流动资金紧张，希望对接贷款',
    department: null,
    status: 'open',
    dueDate: null,
    reporter: 'u1',
    reporterName: '张三',
    raisedOn: '2025-03-03',
    ...over,
  };
}

export function newVisit(over: Partial<NewVisit> = {}): NewVisit {
  return {
    teamId: 'dingtalk:cid-a',
    enterprise: '华川精密机械有限公司',
    date: '2025-03-03',
    participants: ['张三', '李四'],
    note: '走访了解生产经营情况',
    reporter: 'u1',
    reporterName: '张三',
    ...over,
  };
}

export function commit(messageId: string, over: Partial<LedgerCommit> = {}): LedgerCommit {
  return {
    messageId,
    teamId: 'dingtalk:cid-a',
    at: T0,
    actor: 'u1',
    actorName: '张三',
    visits: [],
    issues: [],
    patches: [],
    ...over,
  };
}

export function runStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: Store;
    const advance = (ms: number) => (fx.advance ? fx.advance(ms) : sleep(ms));

    beforeEach(async () => {
      fx = await makeStore();
      store = fx.store;
    });
    afterEach(async () => {
      await fx.cleanup();
    });

    it('reports its kind and answers ping', async () => {
      expect(['redis', 'memory']).toContain(store.kind);
      expect(await store.ping()).toBe(true);
    });

    describe('message claims', () => {
      it('claims once, reports in_flight while leased, and done with the stored reply', async () => {
        expect(await store.claimMessage('m1', 10_000)).toEqual({ state: 'new' });
        expect(await store.claimMessage('m1', 10_000)).toEqual({ state: 'in_flight' });
        const reply: Reply = {
          intent: 'report',
          title: '已记录',
          blocks: [{ type: 'paragraph', text: '已记录 Q-0001' }],
          files: [
            { filename: '问题清单.xlsx', contentType: 'application/octet-stream', data: Buffer.from([0, 1, 2, 255]) },
          ],
        };
        await store.completeMessage('m1', reply, 60);
        const again = await store.claimMessage('m1', 10_000);
        expect(again.state).toBe('done');
        if (again.state !== 'done') throw new Error('unreachable');
        expect(again.reply?.blocks).toEqual(reply.blocks);
        expect(Buffer.isBuffer(again.reply?.files?.[0]?.data)).toBe(true);
        expect([...again.reply!.files![0]!.data]).toEqual([0, 1, 2, 255]);
        // Releasing after completion must not forget the reply.
        await store.releaseMessage('m1');
        expect((await store.claimMessage('m1', 10_000)).state).toBe('done');
      });

      it('remembers a null reply', async () => {
        await store.claimMessage('m-null', 10_000);
        await store.completeMessage('m-null', null, 60);
        expect(await store.claimMessage('m-null', 10_000)).toEqual({ state: 'done', reply: null });
      });

      it('release gives the message back', async () => {
        expect((await store.claimMessage('m2', 10_000)).state).toBe('new');
        await store.releaseMessage('m2');
        expect((await store.claimMessage('m2', 10_000)).state).toBe('new');
      });

      it('an expired lease lets another worker take over', async () => {
        expect((await store.claimMessage('m3', 150)).state).toBe('new');
        expect((await store.claimMessage('m3', 150)).state).toBe('in_flight');
        await advance(300);
        expect((await store.claimMessage('m3', 10_000)).state).toBe('new');
      });

      it('the done record expires after its ttl', async () => {
        await store.claimMessage('m4', 10_000);
        await store.completeMessage('m4', null, 0.15);
        expect((await store.claimMessage('m4', 10_000)).state).toBe('done');
        await advance(300);
        expect((await store.claimMessage('m4', 10_000)).state).toBe('new');
      });
    });

    describe('sessions', () => {
      it('stores JSON documents, overwrites, deletes', async () => {
        expect(await store.getSession('s1')).toBeNull();
        await store.setSession('s1', { step: 1, text: '你好', list: [], nested: { a: null } }, 60);
        expect(await store.getSession('s1')).toEqual({ step: 1, text: '你好', list: [], nested: { a: null } });
        await store.setSession('s1', { step: 2 }, 60);
        expect(await store.getSession('s1')).toEqual({ step: 2 });
        await store.deleteSession('s1');
        expect(await store.getSession('s1')).toBeNull();
        await store.deleteSession('never-set');
      });

      it('expires after the ttl', async () => {
        await store.setSession('s2', 'draft', 0.15);
        expect(await store.getSession('s2')).toBe('draft');
        await advance(300);
        expect(await store.getSession('s2')).toBeNull();
      });
    });

    describe('teams', () => {
      it('upserts, gets and lists', async () => {
        const a: Team = {
          id: 'dingtalk:a',
          platform: 'dingtalk',
          conversationId: 'a',
          name: '一组',
          enterprises: ['甲公司'],
          isAdminGroup: false,
          createdAt: T0,
        };
        const b: Team = {
          id: 'slack:b',
          platform: 'slack',
          conversationId: 'b',
          name: '领导组',
          enterprises: [],
          isAdminGroup: true,
          createdAt: T0 + 1,
        };
        expect(await store.getTeam(a.id)).toBeNull();
        await store.upsertTeam(b);
        await store.upsertTeam(a);
        expect(await store.getTeam(a.id)).toEqual(a);
        await store.upsertTeam({ ...a, enterprises: ['甲公司', '乙公司'] });
        expect((await store.getTeam(a.id))?.enterprises).toEqual(['甲公司', '乙公司']);
        const list = await store.listTeams();
        expect(list.map((t) => t.id)).toEqual(['dingtalk:a', 'slack:b']);
        expect(list[1]).toEqual(b);
      });
    });

    describe('ledger commits', () => {
      it('leaves a commit record per message (readCommit), and holds back a repeated report under another message id', async () => {
        expect(await store.readCommit('rc-1')).toBeNull();
        const repeat = { key: 'k-same-words', windowMs: 60_000 };
        const first = await store.commitLedger(commit('rc-1', { visits: [newVisit()], issues: [newIssue()], repeat }));
        expect(await store.readCommit('rc-1')).toEqual({
          visitIds: first.visitIds,
          issueIds: first.issueIds,
          patchedIds: [],
        });
        // The same message again is a duplicate, not a repeat.
        expect((await store.commitLedger(commit('rc-1', { visits: [newVisit()], repeat }))).duplicate).toBe(true);
        // Another message with the same words: nothing written, the earlier record named.
        const again = await store.commitLedger(commit('rc-2', { visits: [newVisit()], issues: [newIssue()], repeat }));
        expect(again).toEqual({
          duplicate: false,
          visitIds: [],
          issueIds: [],
          patchedIds: [],
          repeatOf: { messageId: 'rc-1', visitIds: first.visitIds, issueIds: first.issueIds, patchedIds: [] },
        });
        expect(await store.readCommit('rc-2')).toBeNull();
        expect(await store.listIssues({})).toHaveLength(1);
        // Confirmed: recorded.
        const allowed = await store.commitLedger(
          commit('rc-3', { issues: [newIssue()], repeat: { ...repeat, allow: true } }),
        );
        expect(allowed.issueIds).toEqual(['Q-0002']);
        expect(allowed.repeatOf).toBeUndefined();
      });

      it('allocates Q-/V- ids in order and records all fields', async () => {
        const r = await store.commitLedger(
          commit('msg-1', {
            visits: [newVisit()],
            issues: [
              newIssue(),
              newIssue({
                category: '用工',
                summary: '招工难',
                department: '人社局',
                status: 'assigned',
                dueDate: '2025-03-18',
              }),
            ],
          }),
        );
        expect(r).toEqual({ duplicate: false, visitIds: ['V-0001'], issueIds: ['Q-0001', 'Q-0002'], patchedIds: [] });
        const q2 = await store.getIssue('Q-0002');
        expect(q2).toEqual({
          ...newIssue({
            category: '用工',
            summary: '招工难',
            department: '人社局',
            status: 'assigned',
            dueDate: '2025-03-18',
          }),
          id: 'Q-0002',
          createdAt: T0,
          updatedAt: T0,
          resolvedAt: null,
          closedAt: null,
          messageId: 'msg-1',
        });
        expect(await store.getVisit('V-0001')).toEqual({
          ...newVisit(),
          id: 'V-0001',
          createdAt: T0,
          messageId: 'msg-1',
        });
        const r2 = await store.commitLedger(
          commit('msg-2', { at: T0 + 1000, visits: [newVisit({ participants: [] })], issues: [newIssue()] }),
        );
        expect(r2.issueIds).toEqual(['Q-0003']);
        expect(r2.visitIds).toEqual(['V-0002']);
        expect((await store.getVisit('V-0002'))?.participants).toEqual([]);
        expect(await store.getIssue('Q-0099')).toBeNull();
        expect(await store.getVisit('V-0099')).toBeNull();
      });

      it('new issues created resolved/closed get their timestamps', async () => {
        await store.commitLedger(
          commit('m', { issues: [newIssue({ status: 'resolved' }), newIssue({ status: 'closed' })] }),
        );
        expect(await store.getIssue('Q-0001')).toMatchObject({ resolvedAt: T0, closedAt: null });
        expect(await store.getIssue('Q-0002')).toMatchObject({ resolvedAt: T0, closedAt: T0 });
      });

      it('is idempotent by messageId: the second commit changes nothing and returns the first result', async () => {
        const c = commit('dup', { visits: [newVisit()], issues: [newIssue()] });
        const first = await store.commitLedger(c);
        const second = await store.commitLedger({ ...c, issues: [newIssue(), newIssue()] });
        expect(second).toEqual({ ...first, duplicate: true });
        expect(await store.listIssues({})).toHaveLength(1);
        expect(await store.listVisits({})).toHaveLength(1);
        expect(await store.readEvents(0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
        const third = await store.commitLedger(commit('other', { issues: [newIssue()] }));
        expect(third.issueIds).toEqual(['Q-0002']);
      });

      it('applies patches: status timestamps, department, due date, summary, category, notes in history', async () => {
        await store.commitLedger(commit('c1', { issues: [newIssue()] }));
        const r = await store.commitLedger(
          commit('c2', {
            at: T0 + 1000,
            actor: 'u2',
            actorName: '李四',
            patches: [
              {
                issueId: 'Q-0001',
                status: 'assigned',
                department: '金融办',
                dueDate: '2025-03-18',
                note: '已交办金融办',
                expectStatus: 'open',
              },
            ],
          }),
        );
        expect(r).toEqual({ duplicate: false, visitIds: [], issueIds: [], patchedIds: ['Q-0001'] });
        expect(await store.getIssue('Q-0001')).toMatchObject({
          status: 'assigned',
          department: '金融办',
          dueDate: '2025-03-18',
          updatedAt: T0 + 1000,
          createdAt: T0,
        });

        await store.commitLedger(
          commit('c3', { at: T0 + 2000, patches: [{ issueId: 'Q-0001', note: '银行已上门对接' }] }),
        );
        expect((await store.getIssue('Q-0001'))?.status).toBe('assigned');

        await store.commitLedger(
          commit('c4', {
            at: T0 + 3000,
            patches: [{ issueId: 'Q-0001', status: 'resolved', summary: '流动资金贷款已落实', category: '政策兑现' }],
          }),
        );
        expect(await store.getIssue('Q-0001')).toMatchObject({
          status: 'resolved',
          resolvedAt: T0 + 3000,
          closedAt: null,
          summary: '流动资金贷款已落实',
          category: '政策兑现',
        });

        await store.commitLedger(commit('c5', { at: T0 + 4000, patches: [{ issueId: 'Q-0001', status: 'closed' }] }));
        expect(await store.getIssue('Q-0001')).toMatchObject({
          status: 'closed',
          resolvedAt: T0 + 3000,
          closedAt: T0 + 4000,
        });

        await store.commitLedger(
          commit('c6', {
            at: T0 + 5000,
            patches: [{ issueId: 'Q-0001', status: 'in_progress', department: null, dueDate: null }],
          }),
        );
        expect(await store.getIssue('Q-0001')).toMatchObject({
          status: 'in_progress',
          resolvedAt: null,
          closedAt: null,
          department: null,
          dueDate: null,
        });

        const h = await store.issueHistory('Q-0001');
        expect(h.map((e) => e.type)).toEqual([
          'issue.created',
          'issue.updated',
          'issue.updated',
          'issue.updated',
          'issue.updated',
          'issue.updated',
        ]);
        expect(h[0]).toMatchObject({
          type: 'issue.created',
          issueId: 'Q-0001',
          teamId: 'dingtalk:cid-a',
          at: T0,
          actor: 'u1',
          actorName: '张三',
          messageId: 'c1',
          to: 'open',
        });
        expect(h[1]).toMatchObject({
          from: 'open',
          to: 'assigned',
          department: '金融办',
          note: '已交办金融办',
          actor: 'u2',
          actorName: '李四',
          at: T0 + 1000,
          messageId: 'c2',
        });
        expect(h[2]).toMatchObject({ note: '银行已上门对接', at: T0 + 2000 });
        expect(h[2]!.from).toBeUndefined();
        expect(h[2]!.to).toBeUndefined();
        expect('department' in h[2]!).toBe(false);
        expect(h[5]).toMatchObject({ from: 'closed', to: 'in_progress', department: null });
        expect(await store.issueHistory('Q-0404')).toEqual([]);
      });

      it('two patches of one issue in one commit apply in order', async () => {
        await store.commitLedger(commit('a', { issues: [newIssue()] }));
        await store.commitLedger(
          commit('b', {
            patches: [
              { issueId: 'Q-0001', status: 'assigned', expectStatus: 'open' },
              { issueId: 'Q-0001', status: 'in_progress', expectStatus: 'assigned' },
            ],
          }),
        );
        expect((await store.getIssue('Q-0001'))?.status).toBe('in_progress');
        expect((await store.issueHistory('Q-0001')).map((e) => e.to)).toEqual(['open', 'assigned', 'in_progress']);
      });

      it('a failed expectStatus makes the whole commit fail and write nothing', async () => {
        await store.commitLedger(commit('a', { issues: [newIssue(), newIssue()] }));
        const bad = commit('b', {
          at: T0 + 1000,
          visits: [newVisit()],
          issues: [newIssue({ summary: '不应写入' })],
          patches: [
            { issueId: 'Q-0001', status: 'assigned', expectStatus: 'open' },
            { issueId: 'Q-0002', status: 'resolved', expectStatus: 'in_progress' },
          ],
          withdrawIssues: ['Q-0001'],
        });
        const err = await store.commitLedger(bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err).toMatchObject({ issueId: 'Q-0002', reason: 'status', expected: 'in_progress', actual: 'open' });
        expect((await store.getIssue('Q-0001'))?.status).toBe('open');
        expect(await store.getIssue('Q-0003')).toBeNull();
        expect(await store.listVisits({})).toEqual([]);
        expect(await store.readEvents(0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
        // Not recorded as done: the same message may be retried once the conflict is resolved.
        const ok = await store.commitLedger({ ...bad, patches: [{ issueId: 'Q-0002', status: 'resolved' }] });
        expect(ok).toMatchObject({
          duplicate: false,
          issueIds: ['Q-0003'],
          visitIds: ['V-0001'],
          patchedIds: ['Q-0002'],
        });
      });

      it('a patch of a missing issue is a conflict', async () => {
        const err = await store
          .commitLedger(commit('x', { issues: [newIssue()], patches: [{ issueId: 'Q-0404', note: '?' }] }))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err).toMatchObject({ issueId: 'Q-0404', reason: 'missing' });
        expect(await store.listIssues({})).toEqual([]);
      });

      it('withdraws issues and visits: gone from reads and indexes, kept in the audit log', async () => {
        await store.commitLedger(
          commit('a', {
            visits: [newVisit(), newVisit()],
            issues: [newIssue({ status: 'assigned', dueDate: '2025-03-01' }), newIssue()],
          }),
        );
        const r = await store.commitLedger(
          commit('undo', { at: T0 + 1000, withdrawIssues: ['Q-0001', 'Q-0404'], withdrawVisits: ['V-0002'] }),
        );
        expect(r.duplicate).toBe(false);
        expect(await store.getIssue('Q-0001')).toBeNull();
        expect(await store.getVisit('V-0002')).toBeNull();
        expect((await store.listIssues({})).map((i) => i.id)).toEqual(['Q-0002']);
        expect(await store.listIssues({ overdueBefore: '2025-12-31' })).toEqual([]);
        expect(await store.listIssues({ status: ['assigned'] })).toEqual([]);
        expect(await store.listIssues({ teamId: 'dingtalk:cid-a' })).toHaveLength(1);
        expect((await store.listVisits({})).map((v) => v.id)).toEqual(['V-0001']);
        expect((await store.issueHistory('Q-0001')).map((e) => e.type)).toEqual(['issue.created', 'issue.withdrawn']);
        const events = await store.readEvents(T0 + 1000, T0 + 1000);
        expect(events.map((e) => [e.type, e.issueId ?? e.visitId])).toEqual([
          ['issue.withdrawn', 'Q-0001'],
          ['visit.withdrawn', 'V-0002'],
        ]);
        // A withdrawn issue cannot be patched; withdrawing again is a no-op.
        await expect(
          store.commitLedger(commit('p', { patches: [{ issueId: 'Q-0001', note: 'x' }] })),
        ).rejects.toBeInstanceOf(ConflictError);
        await store.commitLedger(commit('undo2', { withdrawIssues: ['Q-0001'] }));
        expect((await store.issueHistory('Q-0001')).map((e) => e.type)).toEqual(['issue.created', 'issue.withdrawn']);
        // Ids are never reused.
        expect((await store.commitLedger(commit('b', { issues: [newIssue()] }))).issueIds).toEqual(['Q-0003']);
      });

      it('readEvents returns one event per change, oldest first, within inclusive bounds', async () => {
        await store.commitLedger(commit('a', { at: T0, visits: [newVisit()], issues: [newIssue()] }));
        await store.commitLedger(
          commit('b', { at: T0 + 60_000, patches: [{ issueId: 'Q-0001', status: 'assigned', department: '金融办' }] }),
        );
        await store.commitLedger(commit('c', { at: T0 + 120_000, issues: [newIssue({ teamId: 'slack:C1' })] }));
        const all = await store.readEvents(T0, T0 + 120_000);
        expect(all.map((e) => e.type)).toEqual(['visit.recorded', 'issue.created', 'issue.updated', 'issue.created']);
        expect(all[0]).toMatchObject({
          visitId: 'V-0001',
          teamId: 'dingtalk:cid-a',
          at: T0,
          messageId: 'a',
          actor: 'u1',
          actorName: '张三',
        });
        expect(all[3]).toMatchObject({ issueId: 'Q-0002', teamId: 'slack:C1', at: T0 + 120_000 });
        expect((await store.readEvents(T0 + 1, T0 + 60_000)).map((e) => e.messageId)).toEqual(['b']);
        expect(await store.readEvents(T0 + 60_001, T0 + 119_999)).toEqual([]);
      });
    });

    describe('ledger queries', () => {
      beforeEach(async () => {
        await store.commitLedger(
          commit('seed-1', {
            at: T0,
            issues: [
              newIssue({ teamId: 't1', enterprise: '甲公司', category: '融资', status: 'open' }),
              newIssue({
                teamId: 't1',
                enterprise: '乙公司',
                category: '用工',
                status: 'assigned',
                department: '人社局',
                dueDate: '2025-03-10',
              }),
            ],
          }),
        );
        await store.commitLedger(
          commit('seed-2', {
            at: T0 + 1000,
            issues: [
              newIssue({
                teamId: 't2',
                enterprise: '甲公司',
                category: '用地',
                status: 'in_progress',
                dueDate: '2025-03-05',
              }),
              newIssue({
                teamId: 't2',
                enterprise: '丙公司',
                category: '融资',
                status: 'resolved',
                dueDate: '2025-03-01',
              }),
              newIssue({
                teamId: 't1',
                enterprise: '甲公司',
                category: '融资',
                status: 'assigned',
                dueDate: '2025-04-01',
              }),
            ],
          }),
        );
      });
      const ids = (list: { id: string }[]) => list.map((i) => i.id);

      it('lists everything ordered by createdAt', async () => {
        expect(ids(await store.listIssues({}))).toEqual(['Q-0001', 'Q-0002', 'Q-0003', 'Q-0004', 'Q-0005']);
      });
      it('filters by team, status set, enterprise, category and combinations', async () => {
        expect(ids(await store.listIssues({ teamId: 't1' }))).toEqual(['Q-0001', 'Q-0002', 'Q-0005']);
        expect(ids(await store.listIssues({ status: ['assigned', 'in_progress'] }))).toEqual([
          'Q-0002',
          'Q-0003',
          'Q-0005',
        ]);
        expect(ids(await store.listIssues({ status: [] }))).toEqual(['Q-0001', 'Q-0002', 'Q-0003', 'Q-0004', 'Q-0005']);
        expect(ids(await store.listIssues({ enterprise: '甲公司' }))).toEqual(['Q-0001', 'Q-0003', 'Q-0005']);
        expect(ids(await store.listIssues({ category: '融资' }))).toEqual(['Q-0001', 'Q-0004', 'Q-0005']);
        expect(ids(await store.listIssues({ teamId: 't1', status: ['assigned'], enterprise: '甲公司' }))).toEqual([
          'Q-0005',
        ]);
        expect(ids(await store.listIssues({ teamId: 'nobody' }))).toEqual([]);
      });
      it('finds overdue issues (due before a date, not resolved/closed)', async () => {
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-06' }))).toEqual(['Q-0003']);
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-11' }))).toEqual(['Q-0002', 'Q-0003']);
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-10' }))).toEqual(['Q-0003']);
        expect(ids(await store.listIssues({ overdueBefore: '2025-12-31', teamId: 't1' }))).toEqual([
          'Q-0002',
          'Q-0005',
        ]);
        // Resolving removes it from the overdue list; reopening brings it back.
        await store.commitLedger(commit('r', { at: T0 + 5000, patches: [{ issueId: 'Q-0003', status: 'resolved' }] }));
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-06' }))).toEqual([]);
        await store.commitLedger(commit('r2', { at: T0 + 6000, patches: [{ issueId: 'Q-0003', status: 'assigned' }] }));
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-06' }))).toEqual(['Q-0003']);
        // Moving the due date moves it in the index.
        await store.commitLedger(
          commit('r3', { at: T0 + 7000, patches: [{ issueId: 'Q-0003', dueDate: '2025-05-01' }] }),
        );
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-06' }))).toEqual([]);
        await store.commitLedger(
          commit('r4', { at: T0 + 8000, patches: [{ issueId: 'Q-0001', dueDate: '2025-03-02' }] }),
        );
        expect(ids(await store.listIssues({ overdueBefore: '2025-03-06' }))).toEqual(['Q-0001']);
      });
      it('status index follows patches', async () => {
        await store.commitLedger(commit('p', { at: T0 + 5000, patches: [{ issueId: 'Q-0001', status: 'closed' }] }));
        expect(ids(await store.listIssues({ status: ['open'] }))).toEqual([]);
        expect(ids(await store.listIssues({ status: ['closed'] }))).toEqual(['Q-0001']);
      });
      it('applies limit after filtering', async () => {
        expect(ids(await store.listIssues({ limit: 2 }))).toEqual(['Q-0001', 'Q-0002']);
        expect(ids(await store.listIssues({ category: '融资', limit: 2 }))).toEqual(['Q-0001', 'Q-0004']);
        expect(ids(await store.listIssues({ limit: 0 }))).toEqual([]);
      });
      it('lists visits by team and inclusive date range, ordered by date', async () => {
        await store.commitLedger(
          commit('v1', {
            visits: [newVisit({ teamId: 't1', date: '2025-03-03' }), newVisit({ teamId: 't2', date: '2025-03-01' })],
          }),
        );
        await store.commitLedger(
          commit('v2', {
            at: T0 + 1,
            visits: [newVisit({ teamId: 't1', date: '2025-02-28' }), newVisit({ teamId: 't1', date: '2025-03-05' })],
          }),
        );
        expect(ids(await store.listVisits({}))).toEqual(['V-0003', 'V-0002', 'V-0001', 'V-0004']);
        expect(ids(await store.listVisits({ teamId: 't1' }))).toEqual(['V-0003', 'V-0001', 'V-0004']);
        expect(ids(await store.listVisits({ from: '2025-03-01', to: '2025-03-03' }))).toEqual(['V-0002', 'V-0001']);
        expect(ids(await store.listVisits({ teamId: 't1', from: '2025-03-04' }))).toEqual(['V-0004']);
        expect(ids(await store.listVisits({ to: '2025-02-28' }))).toEqual(['V-0003']);
      });
    });

    describe('answers and feedback', () => {
      it('saves answers with a ttl', async () => {
        await store.saveAnswer('a1', { question: '研发费用加计扣除比例？', chunks: ['c1'] }, 60);
        expect(await store.getAnswer('a1')).toEqual({ question: '研发费用加计扣除比例？', chunks: ['c1'] });
        expect(await store.getAnswer('a2')).toBeNull();
        await store.saveAnswer('a3', 'x', 0.15);
        await advance(300);
        expect(await store.getAnswer('a3')).toBeNull();
      });
      it('adds and lists feedback (same id replaces, ordered by time)', async () => {
        const fb = {
          id: 'f2',
          vote: 'down' as const,
          userId: 'u1',
          teamId: 't1',
          question: '问',
          answer: '答',
          citations: [{ n: 1, title: '文件', chunkId: 'd#1' }],
          at: T0 + 5,
        };
        await store.addFeedback(fb);
        await store.addFeedback({ ...fb, id: 'f1', vote: 'up', at: T0 });
        await store.addFeedback({ ...fb, vote: 'up' });
        const list = await store.listFeedback();
        expect(list.map((f) => [f.id, f.vote])).toEqual([
          ['f1', 'up'],
          ['f2', 'up'],
        ]);
        expect(list[1]).toEqual({ ...fb, vote: 'up' });
      });
      it('logs asked questions newest first, capped at QUESTION_LOG_MAX', async () => {
        const q = (n: number) => ({
          at: T0 + n,
          teamId: 't1',
          userId: 'u1',
          question: `问题${n}`,
          refused: n % 2 === 0,
        });
        for (let n = 0; n < QUESTION_LOG_MAX + 3; n++) await store.recordQuestion(q(n));
        const all = await store.listQuestions();
        expect(all).toHaveLength(QUESTION_LOG_MAX);
        expect(all[0]).toEqual(q(QUESTION_LOG_MAX + 2));
        expect(all[all.length - 1]).toEqual(q(3));
        expect((await store.listQuestions(2)).map((x) => x.question)).toEqual([
          `问题${QUESTION_LOG_MAX + 2}`,
          `问题${QUESTION_LOG_MAX + 1}`,
        ]);
      });
    });

    describe('rate limits', () => {
      it('counts hits in a fixed window', async () => {
        const r = [];
        for (let i = 0; i < 4; i++) r.push(await store.hitRateLimit('u1', 3, 60));
        expect(r).toEqual([
          { allowed: true, count: 1 },
          { allowed: true, count: 2 },
          { allowed: true, count: 3 },
          { allowed: false, count: 4 },
        ]);
        expect(await store.hitRateLimit('u2', 3, 60)).toEqual({ allowed: true, count: 1 });
      });
      it('starts a new window after it expires', async () => {
        await store.hitRateLimit('w', 1, 0.2);
        expect((await store.hitRateLimit('w', 1, 0.2)).allowed).toBe(false);
        await advance(350);
        expect(await store.hitRateLimit('w', 1, 0.2)).toEqual({ allowed: true, count: 1 });
      });
    });

    describe('scheduled jobs', () => {
      it('one owner at a time; done blocks everyone', async () => {
        expect(await store.claimJob('digest:t1:2025-03-03', 10_000, 'A')).toBe(true);
        expect(await store.claimJob('digest:t1:2025-03-03', 10_000, 'B')).toBe(false);
        expect(await store.claimJob('digest:t1:2025-03-03', 10_000, 'A')).toBe(true);
        expect(await store.isJobDone('digest:t1:2025-03-03')).toBe(false);
        await store.completeJob('digest:t1:2025-03-03', 60);
        expect(await store.isJobDone('digest:t1:2025-03-03')).toBe(true);
        expect(await store.claimJob('digest:t1:2025-03-03', 10_000, 'A')).toBe(false);
        expect(await store.claimJob('digest:t1:2025-03-03', 10_000, 'B')).toBe(false);
      });
      it('an expired lease can be taken by another owner; the done marker expires', async () => {
        expect(await store.claimJob('j', 150, 'A')).toBe(true);
        await advance(300);
        expect(await store.claimJob('j', 10_000, 'B')).toBe(true);
        expect(await store.claimJob('j', 10_000, 'A')).toBe(false);
        await store.completeJob('j', 0.15);
        await advance(300);
        expect(await store.isJobDone('j')).toBe(false);
      });
    });
  });
}
