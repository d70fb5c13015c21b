/**
 * Store side of "Ledger: status updates into Redis": how fast RedisStore.commitLedger records updates.
 *   npx tsx bench/ledger-store.ts [--updates 5000] [--concurrency 16] [--aof] [--json]
 * Uses REDIS_URL when set (keys under a throw-away prefix, deleted afterwards), else spawns its own redis-server
 * (no persistence; with --aof: appendonly yes, appendfsync everysec, as a production Redis would run).
 *
 * Workload (per update, like the liaison groups produce): 70 % a status change/progress note on an existing issue,
 * 20 % one new issue, 10 % a visit plus two new issues. Reports:
 *   - sequential: one commit at a time → p50/p95/p99 latency and updates/s
 *   - concurrent: N commits in flight from one process → updates/s (what one replica can absorb)
 *   - round trips per commit, counted by the client and checked against INFO commandstats on the server
 */
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import type { IssueStatus } from '../src/ledger/model.js';
import { RedisStore } from '../src/store/redis/store.js';
import type { LedgerCommit } from '../src/store/types.js';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { flag, numArg } from './args.js';

const arg = numArg;
const UPDATES = arg('updates', 5000);
const CONCURRENCY = arg('concurrency', 16);
const SEED_ISSUES = arg('seed', 2000);
const JSON_OUT = flag('json');
const AOF = flag('aof');

const STATUSES: IssueStatus[] = ['assigned', 'in_progress', 'resolved'];
const ENTERPRISES = ['华川精密机械有限公司', '蓝海新材料科技', '东升食品', '启明电子', '万里物流'];

function newIssue(i: number, k: number, teamId: string) {
  return {
    teamId,
    enterprise: ENTERPRISES[i % ENTERPRISES.length]!,
    category: '融资' as const,
    summary: `企业反映流动资金紧张，希望对接贷款（${i}-${k}）`,
    department: '金融办',
    status: 'assigned' as const,
    dueDate: '2025-03-18',
    reporter: `u${i % 300}`,
    reporterName: '张三',
    raisedOn: '2025-03-03',
  };
}

function makeCommit(i: number, issueCount: number, tag: string): LedgerCommit {
  const base = {
    messageId: `${tag}-${i}`,
    teamId: `dingtalk:cid-${i % 40}`,
    at: Date.now(),
    actor: `u${i % 300}`,
    actorName: '张三',
    visits: [],
    issues: [],
    patches: [],
  } as LedgerCommit;
  const roll = i % 10;
  const enterprise = ENTERPRISES[i % ENTERPRISES.length]!;
  const issue = (k: number) => newIssue(i, k, base.teamId);
  if (roll < 7) {
    const id = `Q-${String(1 + ((i * 7919) % issueCount)).padStart(4, '0')}`;
    base.patches = [{ issueId: id, status: STATUSES[i % 3], note: `已对接银行，进展 ${i}`, department: '金融办' }];
  } else if (roll < 9) {
    base.issues = [issue(0)];
  } else {
    base.visits = [
      {
        teamId: base.teamId,
        enterprise,
        date: '2025-03-03',
        participants: ['张三', '李四'],
        note: '走访了解生产经营情况',
        reporter: base.actor,
        reporterName: '张三',
      },
    ];
    base.issues = [issue(0), issue(1)];
  }
  return base;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Server-side counters: script invocations (= round trips of commits) and all commands incl. those run inside scripts. */
async function serverStats(raw: ReturnType<typeof createClient>): Promise<{ scripts: number; all: number }> {
  const info = await raw.info('commandstats');
  let scripts = 0;
  let all = 0;
  for (const m of info.matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)) {
    if (m[1] === 'info') continue;
    all += Number(m[2]);
    if (m[1] === 'evalsha' || m[1] === 'eval') scripts += Number(m[2]);
  }
  return { scripts, all };
}

async function main(): Promise<void> {
  let handle: RedisHandle | null = null;
  const url =
    process.env.REDIS_URL ??
    (handle = await startRedis({ args: AOF ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : [] })).url;
  const prefix = `bench-${process.pid}-${Date.now()}`;
  const store = new RedisStore({ url, prefix, commandTimeoutMs: 10_000 });
  await store.connect({ timeoutMs: 10_000 });
  const raw = createClient({ url });
  raw.on('error', () => {});
  await raw.connect();

  // Seed issues to patch (and load the script).
  for (let i = 0; i < SEED_ISSUES; i += 50) {
    const c = makeCommit(i, 1, 'seed');
    c.patches = [];
    c.visits = [];
    c.issues = Array.from({ length: 50 }, (_, k) => newIssue(i + k, 0, c.teamId));
    await store.commitLedger(c);
  }

  // Warm-up.
  for (let i = 0; i < 300; i++) await store.commitLedger(makeCommit(i, SEED_ISSUES, 'warm'));

  // Sequential: latency of one commit.
  const lat: number[] = [];
  const rt0 = store.roundTrips;
  const sc0 = await serverStats(raw);
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const s = performance.now();
    await store.commitLedger(makeCommit(i, SEED_ISSUES, 'seq'));
    lat.push(performance.now() - s);
  }
  const seqMs = performance.now() - t0;
  const clientRt = (store.roundTrips - rt0) / UPDATES;
  const sc1 = await serverStats(raw);
  const serverRt = (sc1.scripts - sc0.scripts) / UPDATES;
  const innerCmds = (sc1.all - sc0.all) / UPDATES;
  lat.sort((a, b) => a - b);

  // Concurrent: N in flight from one process.
  let next = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < UPDATES) await store.commitLedger(makeCommit(next++, SEED_ISSUES, 'par'));
    }),
  );
  const parMs = performance.now() - t1;

  // Duplicate redeliveries (dedup hit path).
  const dl: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    await store.commitLedger(makeCommit(i, SEED_ISSUES, 'seq'));
    dl.push(performance.now() - s);
  }
  dl.sort((a, b) => a - b);

  const res = {
    updates: UPDATES,
    sequential: {
      perSec: Math.round((UPDATES / seqMs) * 1000),
      p50Ms: +pct(lat, 50).toFixed(3),
      p95Ms: +pct(lat, 95).toFixed(3),
      p99Ms: +pct(lat, 99).toFixed(3),
    },
    concurrent: { inFlight: CONCURRENCY, perSec: Math.round((UPDATES / parMs) * 1000) },
    duplicate: { p50Ms: +pct(dl, 50).toFixed(3), p95Ms: +pct(dl, 95).toFixed(3) },
    roundTripsPerCommit: { client: +clientRt.toFixed(3), serverScriptCalls: +serverRt.toFixed(3) },
    redisCommandsPerCommit: +innerCmds.toFixed(1),
  };

  // Clean up the bench's keys when running against a shared Redis.
  if (!handle) {
    for await (const keys of raw.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 }))
      if (keys.length) await raw.unlink(keys);
  }
  await raw.close();
  await store.close();
  await handle?.stop();

  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(res)}\n`);
  } else {
    console.log(
      `ledger store bench — ${UPDATES} updates (70% patch, 20% new issue, 10% visit+2 issues), Redis ${handle ? `spawned${AOF ? ' (AOF everysec)' : ''}` : url}`,
    );
    console.log(
      `  sequential : ${res.sequential.perSec} updates/s, p50 ${res.sequential.p50Ms} ms, p95 ${res.sequential.p95Ms} ms, p99 ${res.sequential.p99Ms} ms`,
    );
    console.log(`  concurrent : ${res.concurrent.perSec} updates/s with ${CONCURRENCY} in flight`);
    console.log(`  duplicate  : p50 ${res.duplicate.p50Ms} ms, p95 ${res.duplicate.p95Ms} ms (redelivered message)`);
    console.log(
      `  round trips: ${res.roundTripsPerCommit.client} per commit (client), ${res.roundTripsPerCommit.serverScriptCalls} EVALSHA per commit on the server (INFO commandstats); ${res.redisCommandsPerCommit} Redis commands run inside the script per commit`,
    );
  }
}

await main();
