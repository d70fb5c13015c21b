/**
 * End-to-end side of "Ledger: status updates into Redis": a chat message in, the ledger updated, the reply out.
 *   npx tsx bench/ledger-updates.ts [--updates 4000] [--concurrency 16] [--json]
 * Full update path through handleReport (the same code a platform message reaches): team + draft lookup,
 * rule-based parsing (LLM off), target lookup by issue id, ONE commitLedger (Lua), the done marker, the reply.
 * The 政策礼包 search is off here (it is in-process retrieval, measured by the retrieval benches); run with
 * --gift to include it over the bundled corpus.
 *
 * Uses REDIS_URL when set (keys under a throw-away prefix), else spawns its own redis-server (no persistence).
 * Workload: 45 % progress on an issue by id ("Q-0123 金融办已对接…"), 20 % a visit with two new issues,
 * 20 % one new issue without a visit, 15 % 办结 by id. Reports updates/s (sequential and N in flight),
 * p50/p95/p99 per update, and Redis commands per update by kind (counted by the client).
 */
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import { handleReport } from '../handlers/report.js';
import { parseConfig } from '../src/config/index.js';
import type { Services } from '../src/app/services.js';
import { incomingMessageSchema, type IncomingMessage } from '../src/messaging/incoming.js';
import { silentLogger } from '../src/observability/logger.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis/store.js';
import type { Retriever } from '../src/retrieval/types.js';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { flag, numArg } from './args.js';

const arg = numArg;
const UPDATES = arg('updates', 4000);
const CONCURRENCY = arg('concurrency', 16);
const TEAMS = 40;
const JSON_OUT = flag('json');
const GIFT = flag('gift');
/** --memory: the same path on MemoryStore, to separate the bot's own CPU from the Redis client's. */
const MEMORY = flag('memory');

const ENTERPRISES = [
  '华康药业',
  '七一电器',
  '矽盛电子',
  '金鼎金属材料有限公司',
  '维和药业',
  '海纳半导体',
  '瑞达塑胶',
  '雷钧智造',
  '普康化工',
  '东汇科技集团',
];
const DEPTS = ['金融办', '人社局', '资规局', '经信局', '商务局'];
type Kind = 'progress' | 'visit' | 'issue' | 'resolve';

const VISITS = [
  (e: string) =>
    `今天和经信局老王走访了${e}，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。`,
  (e: string) =>
    `昨天去${e}走访，企业提了两个问题：一是厂房二期用地指标；二是想招20名装配工。第一个已交资规局，第二个待交办。`,
  (e: string) => `今天走访${e}，两个问题：订单下滑明显，希望帮忙拓展市场；另外技术工人流失严重。均未交办。`,
];
const ISSUES = [
  (e: string) => `${e}说转贷资金缺口500万，已交金融办`,
  (e: string) => `${e}办公室来电，说去年的企业研究院奖励资金还没拿到`,
  (e: string) => `${e}反映新厂房消防验收一直没通过，已报住建局`,
];
const PROGRESS = [
  (id: string, d: string) => `${id} ${d}已对接，下周给答复`,
  (id: string, d: string) => `${id} ${d}在协调中，还要走程序`,
];

let seq = 0;
function msg(text: string, team: number, at: number): IncomingMessage {
  seq += 1;
  return incomingMessageSchema.parse({
    platform: 'dingtalk',
    messageId: `m${seq}`,
    dedupKey: `bench:${process.pid}:${seq}`,
    conversationId: `cid-${team}`,
    teamId: `dingtalk:cid-${team}`,
    isGroup: true,
    userId: `u${team}-${seq % 5}`,
    userName: '张三',
    text,
    receivedAt: at,
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  let handle: RedisHandle | null = null;
  const url = process.env.REDIS_URL ?? (handle = await startRedis()).url;
  const prefix = `bench-upd-${process.pid}-${Date.now()}`;
  const redisStore = new RedisStore({ url, prefix, commandTimeoutMs: 10_000 });
  await redisStore.connect({ timeoutMs: 10_000 });
  const memoryStore = new MemoryStore();
  const memoryCommands = 0;
  const store = MEMORY
    ? Object.assign(memoryStore, {
        get roundTrips() {
          return memoryCommands;
        },
      })
    : redisStore;
  const config = parseConfig({ LOG_LEVEL: 'silent', ZCT_REDIS_PREFIX: prefix });

  let retriever: Retriever | null = null;
  if (GIFT) {
    const { createRetriever } = await import('../src/app/create-services.js');
    retriever = await createRetriever(config, silentLogger);
  }
  const services: Services = {
    config,
    logger: silentLogger,
    store,
    retriever: retriever as Retriever,
    llm: null,
    clock: () => new Date(),
  };

  for (let t = 0; t < TEAMS; t++) {
    await store.upsertTeam({
      id: `dingtalk:cid-${t}`,
      platform: 'dingtalk',
      conversationId: `cid-${t}`,
      name: `联企${t}组`,
      enterprises: [ENTERPRISES[t % ENTERPRISES.length] as string, ENTERPRISES[(t + 3) % ENTERPRISES.length] as string],
      isAdminGroup: false,
      createdAt: Date.now(),
    });
  }

  // Issues per team, to update by id (created through the same path).
  const open: string[][] = Array.from({ length: TEAMS }, () => []);
  const resolvable: string[][] = Array.from({ length: TEAMS }, () => []);
  const idsIn = (text: string) => [...text.matchAll(/Q-\d{4,}/g)].map((m) => m[0]);

  function nextMessage(i: number): { kind: Kind; m: IncomingMessage } {
    const team = i % TEAMS;
    const e = ENTERPRISES[team % ENTERPRISES.length] as string;
    const roll = (i * 7) % 20;
    const now = Date.now();
    if (roll < 9 && open[team]!.length) {
      const list = open[team]!;
      const id = list[(i * 31) % list.length] as string;
      return { kind: 'progress', m: msg(PROGRESS[i % 2]!(id, DEPTS[i % DEPTS.length]!), team, now) };
    }
    if (roll < 12 && resolvable[team]!.length) {
      const id = resolvable[team]!.pop() as string;
      open[team] = open[team]!.filter((x) => x !== id);
      return { kind: 'resolve', m: msg(`${id} 办结`, team, now) };
    }
    if (roll < 16) return { kind: 'visit', m: msg(VISITS[i % VISITS.length]!(e), team, now) };
    return { kind: 'issue', m: msg(ISSUES[i % ISSUES.length]!(e), team, now) };
  }

  const perKind = new Map<Kind, { n: number; rt: number; ms: number[] }>();
  let failures = 0;
  async function one(i: number, record: boolean): Promise<number> {
    const { kind, m } = nextMessage(i);
    const rt0 = store.roundTrips;
    const s = performance.now();
    const r = await handleReport(m, services);
    const took = performance.now() - s;
    const team = i % TEAMS;
    if (r.intent !== 'report' && r.intent !== 'issues') failures++;
    if (kind === 'visit' || kind === 'issue') {
      const ids = idsIn(
        r.blocks.map((b) => ('items' in b && Array.isArray(b.items) ? b.items.join('\n') : '')).join('\n'),
      );
      open[team]!.push(...ids);
      resolvable[team]!.push(...ids.slice(0, 1));
    }
    if (record) {
      const k = perKind.get(kind) ?? { n: 0, rt: 0, ms: [] };
      k.n += 1;
      k.rt += store.roundTrips - rt0; // exact only when sequential
      k.ms.push(took);
      perKind.set(kind, k);
    }
    return took;
  }

  // Seed and warm up (also loads the commit script).
  for (let i = 0; i < 600; i++) await one(i, false);

  // Sequential: latency of one update; CPU per update (bot process and redis-server), which the machine's
  // noise disturbs far less than wall-clock rates.
  const raw = createClient({ url });
  raw.on('error', () => {});
  await raw.connect();
  const serverCpu = async () => {
    const info = await raw.info('cpu');
    const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return (get('used_cpu_user') + get('used_cpu_sys')) * 1e6;
  };
  const lat: number[] = [];
  const rtStart = store.roundTrips;
  const cpu0 = process.cpuUsage();
  const srv0 = await serverCpu();
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) lat.push(await one(600 + i, true));
  const seqMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const clientCpuUs = (cpu.user + cpu.system) / UPDATES;
  const serverCpuUs = ((await serverCpu()) - srv0) / UPDATES;
  await raw.quit();
  const rtPer = (store.roundTrips - rtStart) / UPDATES;
  lat.sort((a, b) => a - b);

  // Concurrent: N updates in flight from one process (one replica).
  let next = 0;
  const parLat: number[] = [];
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < UPDATES) parLat.push(await one(600 + UPDATES + next++, false));
    }),
  );
  const parMs = performance.now() - t1;
  parLat.sort((a, b) => a - b);

  // Redelivery of an already handled update (dedup hit: the done marker answers).
  const dupMsg = nextMessage(10_000_000).m;
  await handleReport(dupMsg, services);
  const dl: number[] = [];
  const rtDup0 = store.roundTrips;
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    await handleReport(dupMsg, services);
    dl.push(performance.now() - s);
  }
  const dupRt = (store.roundTrips - rtDup0) / 500;
  dl.sort((a, b) => a - b);

  const kinds = Object.fromEntries(
    [...perKind.entries()].map(([k, v]) => {
      const ms = [...v.ms].sort((a, b) => a - b);
      return [
        k,
        {
          share: +(v.n / UPDATES).toFixed(2),
          redisCommands: +(v.rt / v.n).toFixed(2),
          p50: +pct(ms, 50).toFixed(3),
          p95: +pct(ms, 95).toFixed(3),
        },
      ];
    }),
  );
  const result = {
    updates: UPDATES,
    gift: GIFT,
    sequential: {
      perSec: Math.round(UPDATES / (seqMs / 1000)),
      p50: +pct(lat, 50).toFixed(3),
      p95: +pct(lat, 95).toFixed(3),
      p99: +pct(lat, 99).toFixed(3),
    },
    concurrent: {
      inFlight: CONCURRENCY,
      perSec: Math.round(UPDATES / (parMs / 1000)),
      p50: +pct(parLat, 50).toFixed(3),
      p95: +pct(parLat, 95).toFixed(3),
    },
    redisCommandsPerUpdate: +rtPer.toFixed(2),
    cpuPerUpdateUs: { bot: Math.round(clientCpuUs), redis: Math.round(serverCpuUs) },
    byKind: kinds,
    duplicate: { p50: +pct(dl, 50).toFixed(3), p95: +pct(dl, 95).toFixed(3), redisCommands: +dupRt.toFixed(2) },
    failures,
  };

  if (JSON_OUT) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const lines = [
      `Ledger updates end to end (handleReport → ${MEMORY ? 'MemoryStore' : 'RedisStore'}), ${UPDATES} updates, LLM off, 政策礼包 ${GIFT ? 'on' : 'off'}`,
      `  sequential:        ${result.sequential.perSec} updates/s   p50 ${result.sequential.p50} ms   p95 ${result.sequential.p95} ms   p99 ${result.sequential.p99} ms`,
      `  ${CONCURRENCY} in flight:      ${result.concurrent.perSec} updates/s   p50 ${result.concurrent.p50} ms   p95 ${result.concurrent.p95} ms`,
      `  CPU per update: bot process ${result.cpuPerUpdateUs.bot} µs, redis-server ${result.cpuPerUpdateUs.redis} µs (→ ~${Math.round(1e6 / result.cpuPerUpdateUs.bot)} updates/s per bot core)`,
      `  Redis commands per update: ${result.redisCommandsPerUpdate} (by kind below)`,
      ...Object.entries(kinds).map(
        ([k, v]) =>
          `    ${k.padEnd(9)} ${String(Math.round(v.share * 100)).padStart(3)} %   ${v.redisCommands} commands   p50 ${v.p50} ms   p95 ${v.p95} ms`,
      ),
      `  redelivered message: p50 ${result.duplicate.p50} ms   p95 ${result.duplicate.p95} ms   ${result.duplicate.redisCommands} commands`,
      `  non-recorded replies: ${failures}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  await redisStore.close();
  await handle?.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
