/**
 * RedisStore on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES through createStore): the shared Store contract,
 * plus the cluster-specific guarantees — one slot for the whole ledger, session/dedup keys spread over the nodes,
 * exactly-once commits from several replicas at once, isolated prefixes — and (last) a master crash and return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { silentLogger, type Logger } from '../../src/observability/logger.js';
import { createStore } from '../../src/store/create.js';
import { RedisStore } from '../../src/store/redis/store.js';
import { StoreUnavailableError } from '../../src/store/types.js';
import { startRedisCluster, type RedisClusterHandle } from '../helpers/redis-cluster.js';
import { commit, newIssue, newVisit, runStoreContract, T0 } from './contract.js';
import { captureLogger, rawClient, settleWithin } from './helpers.js';

let cluster: RedisClusterHandle;
beforeAll(async () => {
  cluster = await startRedisCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

let n = 0;
const freshPrefix = () => `cl${process.pid}-${++n}`;

/** A RedisStore in cluster mode, built the way the app builds it: env-style config → createStore. */
async function openClusterStore(prefix = freshPrefix(), logger: Logger = silentLogger): Promise<RedisStore> {
  const config = parseConfig({ REDIS_CLUSTER_NODES: cluster.nodes.join(','), ZCT_REDIS_PREFIX: prefix });
  const store = await createStore(config, logger, { connect: { timeoutMs: 10_000 } });
  if (!(store instanceof RedisStore)) throw new Error(`expected a RedisStore, got ${store.kind}`);
  return store;
}

/** Every key under `prefix:` on each master, read directly from that node (no cluster routing). */
async function keysByNode(prefix: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const node of cluster.nodes) {
    const raw = await rawClient(`redis://${node}`);
    try {
      out.set(node, (await raw.keys(`${prefix}:*`)).sort());
    } finally {
      await raw.close();
    }
  }
  return out;
}

async function keySlots(keys: string[]): Promise<number[]> {
  const raw = await rawClient(`redis://${cluster.nodes[0]}`);
  try {
    const slots: number[] = [];
    for (const k of keys) slots.push(Number(await raw.sendCommand(['CLUSTER', 'KEYSLOT', k])));
    return slots;
  } finally {
    await raw.close();
  }
}

runStoreContract('redis cluster', async () => {
  // A fresh prefix per test: isolated data on one cluster.
  const store = await openClusterStore();
  return { store, cleanup: () => store.close() };
});

describe('RedisStore on Redis Cluster', () => {
  it('is built from REDIS_CLUSTER_NODES and talks to the cluster', async () => {
    const store = await openClusterStore();
    expect(store.kind).toBe('redis');
    expect(store.conn.target).toBe(`cluster ${cluster.nodes.join(',')}`);
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('keeps every ledger key of a deployment on one slot (one node); per-message keys spread over the nodes', async () => {
    const prefix = freshPrefix();
    const store = await openClusterStore(prefix);
    const k = store.keys;
    // Exercise every kind of ledger key: issues, visits, indexes (team/status/due), history, events, dedup records.
    await store.commitLedger(
      commit('l1', {
        visits: [newVisit({ teamId: 't1' }), newVisit({ teamId: 't2' })],
        issues: [newIssue({ teamId: 't1', dueDate: '2025-03-10', status: 'assigned' }), newIssue({ teamId: 't2' })],
      }),
    );
    await store.commitLedger(
      commit('l2', {
        at: T0 + 1000,
        patches: [
          { issueId: 'Q-0001', status: 'in_progress', note: '推进中' },
          { issueId: 'Q-0002', status: 'resolved' },
        ],
      }),
    );
    await store.commitLedger(
      commit('l3', {
        at: T0 + 2000,
        issues: [newIssue({ teamId: 't3', status: 'closed' })],
        withdrawVisits: ['V-0002'],
      }),
    );
    expect(
      (await store.listIssues({ teamId: 't1', status: ['in_progress'], overdueBefore: '2025-03-11' })).map((i) => i.id),
    ).toEqual(['Q-0001']);

    // A few hundred sessions, message claims, answers, rate-limit windows and job leases (single-key records).
    const N = 300;
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        await store.setSession(`dingtalk:cid-${i}:u${i}`, { step: i, text: `草稿 ${i}` }, 60);
        expect((await store.claimMessage(`msg-${i}`, 10_000)).state).toBe('new');
        await store.completeMessage(`msg-${i}`, null, 60);
        if (i % 10 === 0) {
          await store.saveAnswer(`a${i}`, { i }, 60);
          await store.hitRateLimit(`u${i}`, 5, 60);
          expect(await store.claimJob(`digest:t${i}:2025-03-03`, 10_000, 'A')).toBe(true);
        }
      }),
    );
    // Read back through cluster routing: every value landed where the client looks for it.
    for (let i = 0; i < N; i += 7) {
      expect(await store.getSession(`dingtalk:cid-${i}:u${i}`)).toEqual({ step: i, text: `草稿 ${i}` });
      expect(await store.claimMessage(`msg-${i}`, 10_000)).toEqual({ state: 'done', reply: null });
    }

    const byNode = await keysByNode(prefix);
    const all = [...byNode.values()].flat();
    const ledgerKeys = all.filter((key) => key.startsWith(k.ledger));
    const expectedLedger = [
      k.issue('Q-0001'),
      k.issue('Q-0002'),
      k.issue('Q-0003'),
      k.visit('V-0001'),
      k.visit('V-0002'),
      k.seqIssue,
      k.seqVisit,
      k.idxAll,
      k.idxTeam('t1'),
      k.idxTeam('t2'),
      k.idxTeam('t3'),
      k.idxStatus('in_progress'),
      k.idxStatus('resolved'),
      k.idxStatus('closed'),
      k.idxDue,
      k.vidxAll,
      k.vidxTeam('t1'),
      k.history('Q-0001'),
      k.history('Q-0002'),
      k.history('Q-0003'),
      k.events,
      k.commitRecord('l1'),
      k.commitRecord('l2'),
      k.commitRecord('l3'),
    ];
    for (const key of expectedLedger) expect(ledgerKeys).toContain(key);

    // CLUSTER KEYSLOT is the same for every ledger key, and they all sit on exactly one master.
    const slots = new Set(await keySlots(ledgerKeys));
    expect(slots.size).toBe(1);
    const ledgerNodes = [...byNode].filter(([, keys]) => keys.some((key) => key.startsWith(k.ledger)));
    expect(ledgerNodes).toHaveLength(1);

    // Session and dedup (claim) keys are spread: at least two different masters hold some of each.
    const nodesHolding = (part: string) =>
      [...byNode].filter(([, keys]) => keys.some((key) => key.startsWith(`${prefix}:${part}:`))).length;
    expect(nodesHolding('sess')).toBeGreaterThanOrEqual(2);
    expect(nodesHolding('claim')).toBeGreaterThanOrEqual(2);
    expect(all.filter((key) => key.startsWith(`${prefix}:sess:`))).toHaveLength(N);
    expect(all.filter((key) => key.startsWith(`${prefix}:claim:`))).toHaveLength(N);
    // …and they really are on different slots, not one hot slot.
    expect(new Set(await keySlots(all.filter((key) => key.startsWith(`${prefix}:sess:`)))).size).toBeGreaterThan(N / 2);
    // Nothing was written outside the prefix's two families (ledger tag + single keys).
    for (const key of all) expect(key.startsWith(`${prefix}:`)).toBe(true);
    await store.close();
  });

  it('100 concurrent commits of one message from two replicas record it once', async () => {
    const prefix = freshPrefix();
    const replicas = [await openClusterStore(prefix), await openClusterStore(prefix)];
    const c = commit('burst-msg', {
      visits: [newVisit()],
      issues: [newIssue(), newIssue({ summary: '招工难', category: '用工' })],
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => replicas[i % 2]!.commitLedger(c)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => r.duplicate)).toHaveLength(99);
    for (const r of results)
      expect({ ...r, duplicate: false }).toEqual({
        duplicate: false,
        visitIds: ['V-0001'],
        issueIds: ['Q-0001', 'Q-0002'],
        patchedIds: [],
      });
    for (const s of replicas) {
      expect((await s.listIssues({})).map((i) => i.id)).toEqual(['Q-0001', 'Q-0002']);
      expect((await s.listVisits({})).map((v) => v.id)).toEqual(['V-0001']);
      expect(await s.readEvents(0, Number.MAX_SAFE_INTEGER)).toHaveLength(3);
      expect(await s.issueHistory('Q-0001')).toHaveLength(1);
    }
    // The id counters moved once: the next message gets the next ids.
    expect(await replicas[1]!.commitLedger(commit('next', { issues: [newIssue()] }))).toMatchObject({
      duplicate: false,
      issueIds: ['Q-0003'],
    });

    // The same holds for the message claim in front of it: one replica wins, everyone else sees it in flight.
    const claims = await Promise.all(
      Array.from({ length: 100 }, (_, i) => replicas[i % 2]!.claimMessage('burst-msg', 10_000)),
    );
    expect(claims.filter((cl) => cl.state === 'new')).toHaveLength(1);
    expect(claims.filter((cl) => cl.state === 'in_flight')).toHaveLength(99);
    for (const s of replicas) await s.close();
  });

  it('two prefixes on one cluster do not collide', async () => {
    const pa = freshPrefix();
    const pb = freshPrefix();
    const a = await openClusterStore(pa);
    const b = await openClusterStore(pb);
    const team = {
      id: 'dingtalk:x',
      platform: 'dingtalk' as const,
      conversationId: 'x',
      name: '一组',
      enterprises: [],
      isAdminGroup: false,
      createdAt: T0,
    };

    expect(
      (await a.commitLedger(commit('m', { visits: [newVisit()], issues: [newIssue({ summary: 'A 的问题' })] })))
        .issueIds,
    ).toEqual(['Q-0001']);
    expect(await b.listIssues({})).toEqual([]);
    expect(await b.getIssue('Q-0001')).toBeNull();
    expect(await b.readEvents(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    // Same messageId in the other deployment is a new message, with its own id sequence.
    expect(await b.commitLedger(commit('m', { issues: [newIssue({ summary: 'B 的问题' })] }))).toMatchObject({
      duplicate: false,
      issueIds: ['Q-0001'],
      visitIds: [],
    });
    expect((await a.getIssue('Q-0001'))?.summary).toBe('A 的问题');
    expect((await b.getIssue('Q-0001'))?.summary).toBe('B 的问题');

    await a.setSession('s', { who: 'a' }, 60);
    expect(await b.getSession('s')).toBeNull();
    expect((await a.claimMessage('x', 10_000)).state).toBe('new');
    expect((await b.claimMessage('x', 10_000)).state).toBe('new');
    await a.upsertTeam(team);
    expect(await b.listTeams()).toEqual([]);
    expect((await a.hitRateLimit('u', 1, 60)).allowed).toBe(true);
    expect((await b.hitRateLimit('u', 1, 60)).allowed).toBe(true);
    expect(await a.claimJob('j', 10_000, 'A')).toBe(true);
    expect(await b.claimJob('j', 10_000, 'B')).toBe(true);

    // On the servers: every key belongs to exactly one of the two prefixes, and the key sets are disjoint.
    const ka = [...(await keysByNode(pa)).values()].flat();
    const kb = [...(await keysByNode(pb)).values()].flat();
    expect(ka.length).toBeGreaterThan(5);
    expect(kb.length).toBeGreaterThan(5);
    expect(ka.filter((key) => kb.includes(key))).toEqual([]);
    for (const key of ka) expect(key.startsWith(`${pa}:`)).toBe(true);
    for (const key of kb) expect(key.startsWith(`${pb}:`)).toBe(true);
    await a.close();
    await b.close();
  });
});

// Runs last: it takes a master down (and brings it back) under the cluster every test above shares.
describe('RedisStore when a cluster master dies', () => {
  it('fails fast on the lost slots, reports unready once the cluster is down, and recovers when the node returns', async () => {
    const { logger, lines } = captureLogger();
    const prefix = freshPrefix();
    const store = await openClusterStore(prefix, logger);
    await store.commitLedger(commit('before', { issues: [newIssue()] }));
    for (let i = 0; i < 60; i++) await store.setSession(`s${i}`, i, 60);

    // Take down a master that does NOT hold the ledger, and pick a session that lived on it.
    const byNode = await keysByNode(prefix);
    const ledgerNode = cluster.nodes.findIndex((node) =>
      byNode.get(node)!.some((key) => key.startsWith(store.keys.ledger)),
    );
    const victim = cluster.nodes.findIndex(
      (node, i) => i !== ledgerNode && byNode.get(node)!.some((key) => key.startsWith(`${prefix}:sess:`)),
    );
    expect(ledgerNode).toBeGreaterThanOrEqual(0);
    expect(victim).toBeGreaterThanOrEqual(0);
    const lostSession = byNode
      .get(cluster.nodes[victim]!)!
      .find((key) => key.startsWith(`${prefix}:sess:`))!
      .slice(`${prefix}:sess:`.length);
    await cluster.killNode(victim);

    // Lost slots fail promptly with StoreUnavailableError (never hang, never a different error).
    const lost = await settleWithin(store.getSession(lostSession), 5000);
    expect(lost).not.toBe('hung');
    if (lost !== 'hung') expect(lost.ok ? lost.value : lost.error).toBeInstanceOf(StoreUnavailableError);

    // Once the survivors agree the node failed (cluster-node-timeout 2 s), the whole cluster refuses work:
    // every operation — ledger included — fails with StoreUnavailableError, and ping() must say so too (readiness).
    // Until then the ledger's own master still serves commits.
    const deadline = Date.now() + 12_000;
    let committed = 0;
    let downErr: unknown = null;
    while (Date.now() < deadline) {
      downErr = await store.commitLedger(commit(`during-${committed}`, { issues: [newIssue()] })).then(
        () => null,
        (e: unknown) => e,
      );
      if (downErr) break;
      committed++;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(downErr).toBeInstanceOf(StoreUnavailableError);
    expect(String((downErr as Error).message)).toContain('CLUSTERDOWN');
    expect(await store.ping()).toBe(false);
    await expect(store.listIssues({})).rejects.toBeInstanceOf(StoreUnavailableError);
    // The operator gets a clear error line (not one per failed command).
    const errorLines = lines.filter((l) => l.level === 50 && String(l.msg).startsWith('Redis unreachable'));
    expect(errorLines.length).toBeGreaterThanOrEqual(1);
    expect(errorLines.length).toBeLessThanOrEqual(2);

    // The node comes back (empty: no persistence in this cluster): the same client recovers by itself.
    await cluster.startNode(victim);
    const back = Date.now() + 10_000;
    while (!(await store.ping()) && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
    expect(await store.ping()).toBe(true);
    expect(await store.listIssues({})).toHaveLength(1 + committed);
    // The refused commit was not recorded, so its retry is a fresh commit.
    const nextId = `Q-${String(2 + committed).padStart(4, '0')}`;
    expect(await store.commitLedger(commit(`during-${committed}`, { issues: [newIssue()] }))).toMatchObject({
      duplicate: false,
      issueIds: [nextId],
    });
    expect(await store.getSession(lostSession)).toBeNull();
    await store.setSession(lostSession, { again: true }, 60);
    expect(await store.getSession(lostSession)).toEqual({ again: true });
    await store.close();
  });
});
