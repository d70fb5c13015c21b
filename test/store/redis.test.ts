/** RedisStore against a real redis-server: the shared contract, plus Redis-only guarantees. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RedisStore } from '../../src/store/redis/store.js';
import { readSession } from '../../src/store/session.js';
import { ConflictError, StoreUnavailableError } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { commit, newIssue, newVisit, runStoreContract, T0 } from './contract.js';
import { captureLogger, openStore, rawClient } from './helpers.js';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

runStoreContract('redis', async () => {
  // A fresh prefix per test: isolated data on one server.
  const store = await openStore(redis.url);
  return { store, cleanup: () => store.close() };
});

describe('RedisStore specifics', () => {
  it('one message committed 100 times (sequentially and concurrently) is recorded once', async () => {
    const store = await openStore(redis.url);
    const c = commit('same-msg', { visits: [newVisit()], issues: [newIssue(), newIssue()] });
    const seq = [];
    for (let i = 0; i < 100; i++) seq.push(await store.commitLedger(c));
    expect(seq.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(seq.map((r) => JSON.stringify(r.issueIds)))).toEqual(new Set(['["Q-0001","Q-0002"]']));

    const c2 = commit('burst-msg', { issues: [newIssue()] });
    const par = await Promise.all(Array.from({ length: 100 }, () => store.commitLedger(c2)));
    expect(par.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(par.map((r) => r.issueIds.join()))).toEqual(new Set(['Q-0003']));
    expect(await store.listIssues({})).toHaveLength(3);
    expect(await store.readEvents(0, Number.MAX_SAFE_INTEGER)).toHaveLength(4);
    await store.close();
  });

  it('concurrent patches of one issue from two processes lose nothing', async () => {
    const prefix = `conc${process.pid}`;
    const store = await openStore(redis.url, prefix);
    await store.commitLedger(commit('create', { issues: [newIssue()] }));
    const N = 150;
    const script = fileURLToPath(new URL('./fixtures/patch-worker.ts', import.meta.url));
    const run = (label: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', script, redis.url, prefix, 'Q-0001', String(N), label],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
        child.on('exit', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`worker ${label} exited ${code}: ${err}`)),
        );
      });
    const outs = await Promise.all([run('A'), run('B')]);
    expect(outs.map((o) => o.trim())).toEqual([`ok ${N}`, `ok ${N}`]);
    const history = await store.issueHistory('Q-0001');
    expect(history).toHaveLength(2 * N + 1);
    const notes = new Set(history.filter((e) => e.type === 'issue.updated').map((e) => e.note));
    expect(notes.size).toBe(2 * N);
    for (let i = 0; i < N; i++) {
      expect(notes.has(`A 进展 ${i}`)).toBe(true);
      expect(notes.has(`B 进展 ${i}`)).toBe(true);
    }
    const events = await store.readEvents(0, Number.MAX_SAFE_INTEGER);
    expect(events).toHaveLength(2 * N + 1);
    await store.close();
  });

  it('indexes stay consistent with the issue hashes through patches and withdrawals', async () => {
    const store = await openStore(redis.url);
    const raw = await rawClient(redis.url);
    const k = store.keys;
    await store.commitLedger(
      commit('a', { issues: [newIssue({ status: 'assigned', dueDate: '2025-03-10' }), newIssue({ teamId: 't9' })] }),
    );
    await store.commitLedger(
      commit('b', {
        patches: [
          { issueId: 'Q-0001', status: 'resolved' },
          { issueId: 'Q-0002', status: 'in_progress', dueDate: '2025-04-01' },
        ],
      }),
    );
    expect(await raw.zRange(k.idxStatus('assigned'), 0, -1)).toEqual([]);
    expect(await raw.zRange(k.idxStatus('resolved'), 0, -1)).toEqual(['Q-0001']);
    expect(await raw.zRange(k.idxStatus('in_progress'), 0, -1)).toEqual(['Q-0002']);
    expect(await raw.zRangeWithScores(k.idxDue, 0, -1)).toEqual([{ value: 'Q-0002', score: 20250401 }]);
    await store.commitLedger(commit('c', { withdrawIssues: ['Q-0002'] }));
    for (const key of [k.idxAll, k.idxTeam('t9'), k.idxStatus('in_progress'), k.idxDue])
      expect(await raw.zRange(key, 0, -1)).not.toContain('Q-0002');
    expect(await raw.hGet(k.issue('Q-0002'), 'withdrawnAt')).toBe(String(T0));
    // Everything the store wrote is under its prefix, and ledger keys share one hash tag (one cluster slot).
    const keys = await raw.keys(`${k.prefix}:*`);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(key.startsWith(`${k.prefix}:{${k.prefix}:ledger}:`)).toBe(true);
    await raw.close();
    await store.close();
  });

  it('one commit is one round trip; a flushed script cache falls back to EVAL', async () => {
    const store = await openStore(redis.url);
    await store.commitLedger(commit('warm', { issues: [newIssue()] }));
    const before = store.roundTrips;
    for (let i = 0; i < 10; i++)
      await store.commitLedger(
        commit(`rt-${i}`, { visits: [newVisit()], issues: [newIssue()], patches: [{ issueId: 'Q-0001', note: 'x' }] }),
      );
    expect(store.roundTrips - before).toBe(10);
    const raw = await rawClient(redis.url);
    await raw.scriptFlush();
    await raw.close();
    const r = await store.commitLedger(commit('after-flush', { issues: [newIssue()] }));
    expect(r.issueIds).toEqual(['Q-0012']);
    await store.close();
  });

  it('survives corrupt and old-format sessions through readSession', async () => {
    const { logger, lines } = captureLogger();
    const store = await openStore(redis.url, undefined, { logger });
    const raw = await rawClient(redis.url);
    const schema = z.object({ step: z.number(), text: z.string() });
    await raw.set(store.keys.session('bad'), '{"step": 1, "text": "未闭合');
    expect(await readSession(store, 'bad', schema, logger)).toBeNull();
    expect(await raw.exists(store.keys.session('bad'))).toBe(0);
    await store.setSession('old', { stage: 'v1' }, 60);
    expect(await readSession(store, 'old', schema, logger)).toBeNull();
    expect(await raw.exists(store.keys.session('old'))).toBe(0);
    await store.setSession('good', { step: 2, text: '好' }, 60);
    expect(await readSession(store, 'good', schema, logger)).toEqual({ step: 2, text: '好' });
    expect(lines.filter((l) => l.level === 40).length).toBe(2);
    await raw.close();
    await store.close();
  });

  it('validates team and question-log records when read: a corrupt one is logged and skipped, never half-read', async () => {
    const { logger, lines } = captureLogger();
    const store = await openStore(redis.url, undefined, { logger });
    const raw = await rawClient(redis.url);
    const good = {
      id: 'console:g',
      platform: 'console',
      conversationId: 'g',
      name: '一组',
      enterprises: ['华康药业'],
      isAdminGroup: false,
      createdAt: 1,
    };
    await store.upsertTeam(good);
    await raw.hSet(store.keys.teams, 'console:bad', '{"id":"console:bad","enterprises":"华康药业"}');
    await raw.hSet(store.keys.teams, 'console:broken', '{"id":');
    expect(await store.getTeam('console:g')).toEqual(good);
    expect(await store.getTeam('console:bad')).toBeNull();
    expect(await store.listTeams()).toEqual([good]);
    await store.recordQuestion({ at: 1, teamId: 'console:g', userId: 'u', question: '专班怎么设', refused: false });
    await raw.lPush(store.keys.questions, '{"at":"yesterday"}');
    expect(await store.listQuestions()).toEqual([
      { at: 1, teamId: 'console:g', userId: 'u', question: '专班怎么设', refused: false },
    ]);
    expect(lines.filter((l) => l.level === 40 && String(l.msg).startsWith('corrupt')).length).toBeGreaterThanOrEqual(4);
    await raw.close();
    await store.close();
  });

  it('key prefixes isolate two deployments on one Redis', async () => {
    const a = await openStore(redis.url, `iso-a-${process.pid}`);
    const b = await openStore(redis.url, `iso-b-${process.pid}`);
    expect((await a.commitLedger(commit('m', { issues: [newIssue()] }))).issueIds).toEqual(['Q-0001']);
    expect(await b.listIssues({})).toEqual([]);
    expect(await b.getIssue('Q-0001')).toBeNull();
    expect(await b.commitLedger(commit('m', { issues: [newIssue({ summary: 'b' })] }))).toMatchObject({
      duplicate: false,
      issueIds: ['Q-0001'],
    });
    await a.setSession('s', 1, 60);
    expect(await b.getSession('s')).toBeNull();
    await a.claimMessage('x', 10_000);
    expect((await b.claimMessage('x', 10_000)).state).toBe('new');
    expect((await a.getIssue('Q-0001'))?.summary).not.toBe('b');
    await a.close();
    await b.close();
  });

  it('conflicts surface as ConflictError, not StoreUnavailableError', async () => {
    const store = await openStore(redis.url);
    await store.commitLedger(commit('a', { issues: [newIssue()] }));
    const err = await store
      .commitLedger(commit('b', { patches: [{ issueId: 'Q-0001', status: 'resolved', expectStatus: 'assigned' }] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).not.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});

describe('RedisStore.connect', () => {
  it('is safe to call again (concurrently or after connecting)', async () => {
    const store = new RedisStore({ url: redis.url, prefix: `twice${process.pid}` });
    await Promise.all([store.connect({ timeoutMs: 5000 }), store.connect({ timeoutMs: 5000 })]);
    await store.connect({ timeoutMs: 5000 });
    expect(await store.ping()).toBe(true);
    await store.close();
    await expect(store.connect()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
