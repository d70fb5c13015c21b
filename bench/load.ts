/**
 * "Fleet: load": N replicas (separate Node processes, each the REAL product — createServices → createBot →
 * the Slack adapter in HTTP mode) on one spawned redis-server, LLM off. A load generator plays T liaison teams,
 * each posting @-mentions (status updates and policy questions) in its own channel, closed loop: post a signed
 * event to a replica (round robin, like a load balancer), wait for the bot's reply to arrive at the local fake
 * Slack Web API (chat.postMessage in the thread), post the next one.
 *
 *   npx tsx bench/load.ts [--duration 60] [--warmup 5] [--teams 50] [--replicas 2] [--ask 0.2] [--rate R] [--aof] [--json]
 *
 * Closed loop (default) measures the saturation throughput; its latency is mostly queueing (Little's law: 50 teams
 * at 500 msg/s means 100 ms per message on average). `--rate R` is open loop instead: the teams together offer R
 * messages/s on a fixed schedule whatever the replies do — the latency at a given load.
 *
 * Reported: messages/s, reply latency p50/p95/p99 (POST → reply received by the fake), errors (non-200, timeouts,
 * error replies), Redis commands per message (INFO commandstats delta, including the commands Lua scripts run)
 * and client round trips per message, memory per replica. Goal: ≥ 500 msg/s across two replicas, p95 < 50 ms.
 *
 * bench/soak.ts reuses startFleet() for a steady-rate run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'redis';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { FAKE_SLACK_IDENTITY, signSlackRequest, startFakeSlack } from '../test/helpers/fake-slack.js';
import { flag, numArg } from './args.js';

const HERE = fileURLToPath(import.meta.url);
/** Node flags of the production start (package.json start:prod), used for the replicas. */
export const REPLICA_NODE_ARGS = '--max-semi-space-size=32';
const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const BOT_USER = FAKE_SLACK_IDENTITY.botUserId;
const APP_ID = FAKE_SLACK_IDENTITY.appId;

export const ENTERPRISES = ['华康药业', '七一电器', '矽盛电子', '金鼎金属材料有限公司', '维和药业', '海纳半导体'];
/** Our own questions on the bundled corpus topics (not the dev set's). */
export const QUESTIONS = [
  '专班设立有哪些原则',
  '三服务活动怎么考核',
  '组团服务企业的团队多久走访一次企业',
  '亲清服务日是哪一天',
  '退职干部怎么管理使用',
  '企业反映的问题怎么实行清单化管理',
  '人才公寓怎么申请',
  '研发费用加计扣除比例是多少',
];

export type MessageKind = 'update' | 'ask';

export function messageText(kind: MessageKind, team: number, seq: number): string {
  const ent = ENTERPRISES[team % ENTERPRISES.length] as string;
  if (kind === 'ask') return QUESTIONS[seq % QUESTIONS.length] as string;
  return seq % 2 === 0
    ? `今天走访了${ent}，企业反映缺${(seq % 90) + 1}名操作工`
    : `今天到${ent}调研，企业反映融资难，需要流动资金贷款${(seq % 900) + 100}万元`;
}

// ---------------------------------------------------------------- statistics

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function latencySummary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

// ---------------------------------------------------------------- the fake Slack Web API (test/helpers)

interface FakeSlackSink {
  apiUrl: string;
  /** Resolves when the bot posts in this thread (channel + thread_ts). */
  waitForReply(channel: string, threadTs: string, timeoutMs: number): Promise<{ at: number; text: string }>;
  posts: number;
  close(): Promise<void>;
}

/** The tests' fake Slack without its call log (a soak makes millions of calls), replies matched to threads. */
async function startSlackSink(): Promise<FakeSlackSink> {
  const slack = await startFakeSlack({ record: false });
  const waiters = new Map<string, (r: { at: number; text: string }) => void>();
  const early = new Map<string, { at: number; text: string }>();
  let posts = 0;
  slack.onCall((call) => {
    if (call.method !== 'chat.postMessage') return;
    posts++;
    const key = `${String(call.args.channel)}:${String(call.args.thread_ts)}`;
    const hit = { at: performance.now(), text: String(call.args.text ?? '') };
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(hit);
    } else if (!early.has(key)) early.set(key, hit);
  });
  return {
    apiUrl: slack.apiUrl,
    get posts() {
      return posts;
    },
    waitForReply(channel, threadTs, timeoutMs) {
      const key = `${channel}:${threadTs}`;
      const got = early.get(key);
      if (got) {
        early.delete(key);
        return Promise.resolve(got);
      }
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          waiters.delete(key);
          reject(new Error(`no reply within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(key, (r) => {
          clearTimeout(t);
          resolve(r);
        });
      });
    },
    close: () => slack.close(),
  };
}

function sign(body: string): Record<string, string> {
  return { 'content-type': 'application/json', ...signSlackRequest(SIGNING_SECRET, body) };
}

// ---------------------------------------------------------------- replicas (child processes)

export interface ReplicaStats {
  rss: number;
  heapUsed: number;
  roundTrips: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

interface ReplicaProc {
  child: ChildProcess;
  port: number;
  stats(): Promise<ReplicaStats>;
  stop(): Promise<void>;
}

function request<T>(child: ChildProcess, type: string, reply: string, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`replica did not answer ${type}`)), timeoutMs);
    const on = (m: { type: string } & T) => {
      if (m.type !== reply) return;
      clearTimeout(t);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send({ type });
  });
}

async function startReplicaProcess(env: Record<string, string>): Promise<ReplicaProc> {
  // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of each replica there (for finding where a message's time goes).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // Replicas run with the production start's GC setting (package.json start:prod): a 32 MB young generation, so
  // the per-message garbage dies in cheap scavenges instead of being promoted. BENCH_REPLICA_NODE_ARGS replaces it
  // (GC tuning experiments; "--max-semi-space-size=16" is Node's default).
  prof.push(...(process.env.BENCH_REPLICA_NODE_ARGS ?? REPLICA_NODE_ARGS).split(/\s+/).filter(Boolean));
  const child = fork(HERE, ['--replica'], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...prof],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number }>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('replica did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`replica exited with ${code} before it was ready`)));
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'ready') {
        clearTimeout(t);
        resolve({ port: m.port as number });
      }
    });
  });
  return {
    child,
    port: ready.port,
    stats: () => request<ReplicaStats>(child, 'stats', 'stats'),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child side: the real product wiring, Slack HTTP on a free port. */
async function replicaMain(): Promise<void> {
  const { parseConfig } = await import('../src/config/index.js');
  const { createLogger } = await import('../src/observability/logger.js');
  const { createServices } = await import('../src/app/create-services.js');
  const { createBot } = await import('../src/app/create-bot.js');
  const { createSlackAdapter } = await import('../src/platforms/slack/index.js');
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const services = await createServices(config, logger);
  const bot = createBot(services);
  const adapter = createSlackAdapter({ config, logger, store: services.store, sink: (m) => bot.handle(m) });
  await adapter.start();
  const send = (m: unknown) => process.send?.(m);
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'stats') {
      const mem = process.memoryUsage();
      const cpu = process.cpuUsage();
      const store = services.store as { roundTrips?: number };
      send({
        type: 'stats',
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        roundTrips: store.roundTrips ?? 0,
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
      });
    } else if (m.type === 'gc') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'gc-done' });
    } else if (m.type === 'stop') {
      await adapter.stop(5000);
      await services.store.close();
      process.exit(0);
    }
  });
  // The load generator went away (crashed, killed): do not linger.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: adapter.port() });
}

// ---------------------------------------------------------------- the fleet

export interface FleetOptions {
  replicas: number;
  teams: number;
  aof?: boolean;
  /** Extra env for every replica. */
  env?: Record<string, string>;
}

export interface SendResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface Fleet {
  replicas: ReplicaProc[];
  redis: RedisHandle;
  /** Post one @-mention from `team` to the next replica; resolves when the reply arrived (or failed). */
  send(kind: MessageKind, team: number, seq: number): Promise<SendResult>;
  /** Total Redis commands executed so far (INFO commandstats, every command including those inside scripts). */
  redisCommands(): Promise<number>;
  redisMemory(): Promise<number>;
  /** redis-server CPU seconds so far (user + sys). */
  redisCpuSec(): Promise<number>;
  stats(): Promise<ReplicaStats[]>;
  gc(): Promise<void>;
  stop(): Promise<void>;
}

export const teamChannel = (t: number) => `CTEAM${String(t).padStart(4, '0')}`;

export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const redis = await startRedis({ args: opts.aof ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : [] });
  const admin = createClient({ url: redis.url });
  await admin.connect();
  const prefix = `bench${process.pid}`;
  // Register the teams the way `zct teams import` does: one hash field per team.
  for (let t = 0; t < opts.teams; t++) {
    const id = `slack:${teamChannel(t)}`;
    const team = {
      id,
      platform: 'slack',
      conversationId: teamChannel(t),
      name: `联企小组${t + 1}`,
      enterprises: [ENTERPRISES[t % ENTERPRISES.length]],
      isAdminGroup: false,
      createdAt: Date.now(),
    };
    await admin.hSet(`${prefix}:teams`, id, JSON.stringify(team));
  }
  const sink = await startSlackSink();
  const env = {
    LOG_LEVEL: 'silent',
    REDIS_URL: redis.url,
    ZCT_REDIS_PREFIX: prefix,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: sink.apiUrl,
    PORT: '0',
    HEALTH_PORT: '0',
    ZCT_SCHEDULER: 'false',
    ZCT_CACHE_DIR: '.cache/bench',
    // The limiter still runs (one Redis call per message) but never trips: 50 teams post far faster than people do.
    ZCT_RATE_LIMIT_PER_MIN: '1000000',
    OPENAI_MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    DINGTALK_CLIENT_ID: '',
    SLACK_APP_TOKEN: '',
    ...opts.env,
  };
  const replicas = await Promise.all(Array.from({ length: opts.replicas }, () => startReplicaProcess(env)));
  // Idle sockets are dropped before the replica's server would (Node's keepAliveTimeout is 5 s), so a request is
  // never written to a socket the server is closing.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  let rr = 0;
  let tsSeq = 0;

  function post(port: number, body: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/slack/events',
          method: 'POST',
          agent,
          headers: { ...sign(body), 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    replicas,
    redis,
    async send(kind, team, seq) {
      const replica = replicas[rr++ % replicas.length] as ReplicaProc;
      const channel = teamChannel(team);
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++tsSeq).padStart(6, '0')}`;
      const event = {
        type: 'app_mention',
        user: `U${team}x${seq % 5}`,
        text: `<@${BOT_USER}> ${messageText(kind, team, seq)}`,
        ts,
        channel,
        event_ts: ts,
      };
      const body = JSON.stringify({
        token: 'x',
        team_id: FAKE_SLACK_IDENTITY.teamId,
        api_app_id: APP_ID,
        event,
        type: 'event_callback',
        event_id: `Ev${process.pid}${tsSeq}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: FAKE_SLACK_IDENTITY.teamId, user_id: BOT_USER, is_bot: true }],
      });
      const started = performance.now();
      const reply = sink.waitForReply(channel, ts, 10_000);
      reply.catch(() => undefined); // observed below; never an unhandled rejection while the POST is still out
      try {
        const status = await post(replica.port, body);
        if (status !== 200) {
          return { ok: false, ms: performance.now() - started, error: `HTTP ${status}` };
        }
        const got = await reply;
        const ms = got.at - started;
        if (/出错了|请稍后重新发送|请稍后重试/.test(got.text))
          return { ok: false, ms, error: `error reply: ${got.text.slice(0, 60)}` };
        return { ok: true, ms };
      } catch (err) {
        return { ok: false, ms: performance.now() - started, error: (err as Error).message };
      }
    },
    async redisCommands() {
      const info = await admin.info('commandstats');
      let total = 0;
      for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) if (m[1] !== 'info') total += Number(m[2]);
      return total;
    },
    async redisMemory() {
      const m = /used_memory:(\d+)/.exec(await admin.info('memory'));
      return m ? Number(m[1]) : NaN;
    },
    async redisCpuSec() {
      const info = await admin.info('cpu');
      const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
      return num('used_cpu_user') + num('used_cpu_sys');
    },
    stats: () => Promise.all(replicas.map((r) => r.stats())),
    async gc() {
      await Promise.all(replicas.map((r) => request(r.child, 'gc', 'gc-done')));
    },
    async stop() {
      await Promise.all(replicas.map((r) => r.stop()));
      agent.destroy();
      await sink.close();
      await admin.close();
      await redis.stop();
    },
  };
}

// ---------------------------------------------------------------- the load run

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function runLoad(): Promise<void> {
  const duration = numArg('duration', 60);
  const warmup = numArg('warmup', 5);
  const teams = numArg('teams', 50);
  const replicaCount = numArg('replicas', 2);
  const askRatio = numArg('ask', 0.2);
  const json = flag('json');

  const fleet = await startFleet({ replicas: replicaCount, teams, aof: flag('aof') });
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let measuring = false;
  let sent = 0;
  const phaseEnd = { warm: performance.now() + warmup * 1000, end: 0 };
  let stop = false;

  const rate = numArg('rate', 0);
  const kindOf = (t: number, seq: number): MessageKind =>
    ((seq * 7919 + t * 104729) % 1000) / 1000 < askRatio ? 'ask' : 'update';
  const record = (r: SendResult, counted = measuring) => {
    if (!counted) return;
    sent++;
    if (r.ok) latencies.push(r.ms);
    else errors.set(r.error ?? '?', (errors.get(r.error ?? '?') ?? 0) + 1);
  };
  const team = async (t: number) => {
    if (rate > 0) {
      // Open loop: this team posts every teams/rate seconds, staggered, not waiting for replies.
      const every = (teams / rate) * 1000;
      const start = performance.now() + (t / teams) * every;
      const inflight = new Set<Promise<void>>();
      for (let seq = 0; !stop; seq++) {
        const wait = start + seq * every - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const wasMeasuring = measuring;
        const p: Promise<void> = fleet.send(kindOf(t, seq), t, seq).then((r) => {
          record(r, wasMeasuring);
          inflight.delete(p);
        });
        inflight.add(p);
      }
      await Promise.all(inflight);
      return;
    }
    for (let seq = 0; !stop; seq++) record(await fleet.send(kindOf(t, seq), t, seq));
  };
  const running = Array.from({ length: teams }, (_, t) => team(t));
  await new Promise((r) => setTimeout(r, Math.max(0, phaseEnd.warm - performance.now())));
  const before = {
    cmds: await fleet.redisCommands(),
    stats: await fleet.stats(),
    redisCpu: await fleet.redisCpuSec(),
    self: process.cpuUsage(),
    at: performance.now(),
  };
  measuring = true;
  await new Promise((r) => setTimeout(r, duration * 1000));
  measuring = false;
  const after = {
    cmds: await fleet.redisCommands(),
    stats: await fleet.stats(),
    redisCpu: await fleet.redisCpuSec(),
    self: process.cpuUsage(before.self),
    at: performance.now(),
  };
  stop = true;
  await Promise.all(running);
  const redisMem = await fleet.redisMemory();
  await fleet.stop();

  const secs = (after.at - before.at) / 1000;
  const lat = latencySummary(latencies);
  const errCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const roundTrips =
    after.stats.reduce((s, x) => s + x.roundTrips, 0) - before.stats.reduce((s, x) => s + x.roundTrips, 0);
  const result = {
    mode: rate > 0 ? `open-loop ${rate}/s` : 'closed-loop',
    replicas: replicaCount,
    teams,
    durationSec: Number(secs.toFixed(1)),
    messages: sent,
    msgPerSec: Math.round(latencies.length / secs),
    latencyMs: {
      p50: +lat.p50.toFixed(1),
      p95: +lat.p95.toFixed(1),
      p99: +lat.p99.toFixed(1),
      max: +lat.max.toFixed(1),
    },
    errors: errCount,
    errorKinds: Object.fromEntries(errors),
    redisCommandsPerMsg: +((after.cmds - before.cmds) / Math.max(1, sent)).toFixed(1),
    roundTripsPerMsg: +(roundTrips / Math.max(1, sent)).toFixed(1),
    replicaRss: after.stats.map((s) => s.rss),
    replicaHeap: after.stats.map((s) => s.heapUsed),
    replicaCpuPct: after.stats.map((s, i) =>
      Math.round(
        (100 * (s.cpuUserMs + s.cpuSystemMs - (before.stats[i]!.cpuUserMs + before.stats[i]!.cpuSystemMs))) /
          (secs * 1000),
      ),
    ),
    redisUsedMemory: redisMem,
    redisCpuPct: Math.round((100 * (after.redisCpu - before.redisCpu)) / secs),
    generatorCpuPct: Math.round((after.self.user + after.self.system) / 1000 / (secs * 10)),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [
    `fleet load: ${replicaCount} replicas × Slack HTTP, ${teams} teams ${rate > 0 ? `open-loop at ${rate} msg/s` : 'closed-loop'}, ${Math.round(askRatio * 100)} % questions, LLM off, ${result.durationSec} s measured after ${warmup} s warm-up`,
    `  throughput        ${result.msgPerSec} msg/s  (${result.messages} messages)`,
    `  reply latency     p50 ${result.latencyMs.p50} ms · p95 ${result.latencyMs.p95} ms · p99 ${result.latencyMs.p99} ms · max ${result.latencyMs.max} ms`,
    `  errors            ${errCount}${errCount ? ` ${JSON.stringify(result.errorKinds)}` : ''}`,
    `  Redis             ${result.redisCommandsPerMsg} commands/msg (server, incl. inside Lua) · ${result.roundTripsPerMsg} round trips/msg (clients) · used_memory ${mb(redisMem)}`,
    `  CPU elsewhere     load generator + fake Slack ${result.generatorCpuPct} % · redis-server ${result.redisCpuPct} % (of one core; this machine has ${os.cpus().length})`,
    `  per replica       ${after.stats.map((s, i) => `#${i + 1}: RSS ${mb(s.rss)}, heap ${mb(s.heapUsed)}, CPU ${result.replicaCpuPct[i]} %`).join(' · ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const isMain = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const run = flag('replica') ? replicaMain() : runLoad();
  run.catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
