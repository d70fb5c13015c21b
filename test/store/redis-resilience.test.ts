/** RedisStore when Redis crashes, hangs or is not there yet — and createStore's choices. Real redis-servers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createStore } from '../../src/store/create.js';
import { MemoryStore } from '../../src/store/memory.js';
import { StoreUnavailableError } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { commit, newIssue, newVisit, T0 } from './contract.js';
import { captureLogger, openStore, rawClient, settleWithin } from './helpers.js';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('Redis outages', () => {
  it('fails fast while Redis is down, recovers by itself, and never leaves a commit half-written', async () => {
    // AOF with fsync always: what Redis acknowledged survives the crash, so we can check atomicity after restart.
    const r = await startRedis({ args: ['--appendonly', 'yes', '--appendfsync', 'always'] });
    const { logger, lines } = captureLogger();
    const store = await openStore(r.url, 'crash', { logger });
    try {
      const mk = (i: number) =>
        commit(`crash-${i}`, {
          at: T0 + i,
          visits: [newVisit()],
          issues: [
            newIssue({ summary: `问题 ${i}-a` }),
            newIssue({ summary: `问题 ${i}-b`, dueDate: '2025-03-20', status: 'assigned' }),
          ],
        });
      const failed: number[] = [];
      let i = 0;
      // Commits stream in (8 in flight) while Redis is SIGKILLed underneath them.
      const loop = (async () => {
        const inflight = new Set<Promise<void>>();
        while (i < 400) {
          const idx = i++;
          const p = store.commitLedger(mk(idx)).then(
            () => undefined,
            (e: unknown) => {
              if (!(e instanceof StoreUnavailableError)) throw e;
              failed.push(idx);
            },
          );
          inflight.add(p);
          void p.finally(() => inflight.delete(p));
          if (inflight.size >= 8) await Promise.race(inflight);
        }
        await Promise.all(inflight);
      })();
      await new Promise((res) => setTimeout(res, 60));
      await r.kill();
      await loop;
      expect(failed.length).toBeGreaterThan(0);

      // While down: every kind of operation throws StoreUnavailableError promptly instead of hanging.
      for (const op of [
        () => store.commitLedger(mk(9999)),
        () => store.getIssue('Q-0001'),
        () => store.claimMessage('k', 1000),
        () => store.hitRateLimit('u', 5, 60),
        () => store.getSession('s'),
      ]) {
        const outcome = await settleWithin(op(), 5000);
        expect(outcome).not.toBe('hung');
        if (outcome === 'hung') return;
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(StoreUnavailableError);
      }
      expect(await store.ping()).toBe(false);
      expect(lines.some((l) => l.level === 50 && String(l.msg).includes('Redis unreachable'))).toBe(true);

      await r.start();
      const deadline = Date.now() + 15_000;
      while (!(await store.ping()) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
      expect(await store.ping()).toBe(true);
      expect(lines.some((l) => String(l.msg).includes('Redis connection restored'))).toBe(true);

      // Retry every failed commit (same messageId): each lands exactly once (fresh, or duplicate if it had made it).
      for (const idx of failed) await store.commitLedger(mk(idx));
      const total = 400;
      const issues = await store.listIssues({});
      expect(issues).toHaveLength(2 * total);
      expect(new Set(issues.map((x) => x.messageId)).size).toBe(total);
      // Every message has exactly its two complete issues and one visit; ids are contiguous.
      const byMsg = new Map<string, string[]>();
      for (const x of issues) byMsg.set(x.messageId, [...(byMsg.get(x.messageId) ?? []), x.summary]);
      for (let m = 0; m < total; m++) expect(byMsg.get(`crash-${m}`)?.sort()).toEqual([`问题 ${m}-a`, `问题 ${m}-b`]);
      expect(issues.map((x) => x.id).sort()).toEqual(
        Array.from({ length: 2 * total }, (_, j) => `Q-${String(j + 1).padStart(4, '0')}`),
      );
      expect(await store.listVisits({})).toHaveLength(total);
      expect(await store.listIssues({ overdueBefore: '2025-12-31' })).toHaveLength(total);
      const events = await store.readEvents(0, Number.MAX_SAFE_INTEGER);
      expect(events).toHaveLength(3 * total);
    } finally {
      await store.close();
      await r.stop();
    }
  });
});

describe('Redis that hangs', () => {
  it('a command with no reply times out as StoreUnavailableError, and later replies stay correctly matched', async () => {
    const r = await startRedis({ args: ['--enable-debug-command', 'yes'] });
    const store = await openStore(r.url, 'hang', { commandTimeoutMs: 300 });
    const raw = await rawClient(r.url);
    try {
      await store.commitLedger(commit('a', { issues: [newIssue({ summary: '第一' })] }));
      const sleeping = raw.sendCommand(['DEBUG', 'SLEEP', '1']);
      await new Promise((res) => setTimeout(res, 50));
      const outcome = await settleWithin(store.getIssue('Q-0001'), 5000);
      expect(outcome).not.toBe('hung');
      if (outcome !== 'hung') {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(StoreUnavailableError);
      }
      await sleeping;
      // The late reply to the timed-out command must not be handed to the next caller.
      await store.commitLedger(commit('b', { issues: [newIssue({ summary: '第二' })] }));
      expect((await store.getIssue('Q-0002'))?.summary).toBe('第二');
      expect((await store.getIssue('Q-0001'))?.summary).toBe('第一');
      expect(await store.getSession('none')).toBeNull();
    } finally {
      await raw.close();
      await store.close();
      await r.stop();
    }
  });
});

describe('createStore', () => {
  const cfg = (env: Record<string, string>) => configSchema.parse(env);

  it('uses the in-memory store (with a warning) when no Redis is configured', async () => {
    const { logger, lines } = captureLogger();
    const store = await createStore(cfg({}), logger);
    expect(store).toBeInstanceOf(MemoryStore);
    expect(
      lines.some((l) => l.level === 40 && l.msg === 'no REDIS_URL: using the in-memory store, nothing is durable'),
    ).toBe(true);
  });

  it('connects to REDIS_URL with the configured prefix', async () => {
    const { logger } = captureLogger();
    const store = await createStore(cfg({ REDIS_URL: redis.url, ZCT_REDIS_PREFIX: `cs${process.pid}` }), logger);
    expect(store.kind).toBe('redis');
    await store.commitLedger(commit('m', { issues: [newIssue()] }));
    const raw = await rawClient(redis.url);
    expect(await raw.exists(`cs${process.pid}:{cs${process.pid}:ledger}:issue:Q-0001`)).toBe(1);
    await raw.close();
    await store.close();
  });

  it('waits for a Redis that is down at start-up, logging instead of crashing', async () => {
    const r = await startRedis();
    await r.stop();
    const { logger, lines } = captureLogger();
    let settled = false;
    const p = createStore(cfg({ REDIS_URL: r.url }), logger).finally(() => (settled = true));
    await new Promise((res) => setTimeout(res, 700));
    expect(settled).toBe(false);
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('Redis unreachable'))).toBe(true);
    await r.start();
    const store = await p;
    expect(await store.ping()).toBe(true);
    await store.close();
    await r.stop();
  });

  it('gives up with StoreUnavailableError after connect.timeoutMs', async () => {
    const r = await startRedis();
    await r.stop();
    const { logger } = captureLogger();
    await expect(
      createStore(cfg({ REDIS_URL: r.url }), logger, { connect: { timeoutMs: 300 } }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('with connect.wait=false returns at once and fails fast until Redis is up', async () => {
    const r = await startRedis();
    await r.stop();
    const { logger } = captureLogger();
    const store = await createStore(cfg({ REDIS_URL: r.url }), logger, { connect: { wait: false } });
    await expect(store.getIssue('Q-0001')).rejects.toBeInstanceOf(StoreUnavailableError);
    await r.start();
    const deadline = Date.now() + 10_000;
    while (!(await store.ping()) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(await store.getIssue('Q-0001')).toBeNull();
    await store.close();
    await r.stop();
  });
});
