/**
 * Helpers for fleet tests (test/fleet/**) and the load/soak benches: several "replicas" (each its own
 * RedisStore client and Bot with the REAL handlers) on one spawned redis-server, a seeded PRNG for fuzzing,
 * and ledger read-backs for "nothing lost, nothing twice" checks. No mocks: Redis is real, platforms and
 * LLMs are faked only at the protocol level by the other helpers.
 *
 *   const redis = await startRedis();
 *   const a = await startReplica(redis.url, { name: 'A', prefix });
 *   const b = await startReplica(redis.url, { name: 'B', prefix });   // same prefix = same deployment
 *   await registerTeam(a.store, 'console:g1', ['华康药业']);
 *   const r = await b.bot.handle(message('今天走访了华康药业，企业反映缺3名操作工'));
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Bot } from '../../src/app/bot.js';
import { createBot, type HandlerWrappers } from '../../src/app/create-bot.js';
import type { Services } from '../../src/app/services.js';
import { loadLibrary } from '../../src/corpus/index.js';
import type { Team, Issue } from '../../src/ledger/model.js';
import type { LlmClient } from '../../src/llm/types.js';
import { renderText } from '../../src/messaging/render-text.js';
import type { Reply } from '../../src/messaging/reply.js';
import { createLogger, silentLogger, type Logger } from '../../src/observability/logger.js';
import { buildRetriever } from '../../src/retrieval/index.js';
import type { Retriever } from '../../src/retrieval/types.js';
import { RedisStore, type RedisStoreOptions } from '../../src/store/redis/index.js';
import type { Store } from '../../src/store/types.js';
import { makeServices, testConfig } from './services.js';
import { bounded } from './wait.js';

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: a tiny seeded PRNG, so a failing fuzz case reproduces from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
export type Prng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- bots with the real handlers

/** A Bot with the real handlers: the product's own createBot (src/app/create-bot.ts), optionally with wrappers. */
export function makeBot(services: Services, opts: { claimLeaseMs?: number; wrap?: HandlerWrappers } = {}): Bot {
  return createBot(services, opts);
}

// ---------------------------------------------------------------- replicas

export interface Replica {
  name: string;
  store: RedisStore;
  services: Services;
  bot: Bot;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  name?: string;
  /** Key prefix: replicas of one deployment share it; tests use a fresh one each. */
  prefix: string;
  /** Extra env for the config (ZCT_RATE_LIMIT_PER_MIN defaults to 0 here: fleet tests send fast). */
  env?: Record<string, string>;
  retriever?: Retriever | null;
  llm?: LlmClient | null;
  claimLeaseMs?: number;
  /** Replace handlers by wrappers around the real ones (a replica that hangs, a handler that counts calls). */
  wrap?: HandlerWrappers;
  /** Default: silent. */
  logger?: Logger;
  /** Client timeouts and reconnect backoff (crash tests use short ones). */
  redis?: Pick<RedisStoreOptions, 'commandTimeoutMs' | 'connectTimeoutMs' | 'maxReconnectDelayMs'>;
}

/** One replica: its own Redis connection, services and Bot. */
export async function startReplica(redisUrl: string, opts: ReplicaOptions): Promise<Replica> {
  const store = new RedisStore({ url: redisUrl, prefix: opts.prefix, ...opts.redis });
  await store.connect({ timeoutMs: 5000 });
  const services = makeServices({
    store,
    config: testConfig({
      ZCT_RATE_LIMIT_PER_MIN: '0',
      REDIS_URL: redisUrl,
      ZCT_REDIS_PREFIX: opts.prefix,
      ...opts.env,
    }),
    retriever: (opts.retriever ?? null) as Retriever,
    llm: opts.llm ?? null,
    logger: opts.logger,
  });
  const bot = makeBot(services, { claimLeaseMs: opts.claimLeaseMs, wrap: opts.wrap });
  return { name: opts.name ?? 'replica', store, services, bot, close: () => store.close() };
}

let prefixSeq = 0;
/** A key prefix no other test (file, run) uses. */
export function freshPrefix(tag: string): string {
  return `fleet-${tag}-${process.pid}-${Date.now().toString(36)}-${++prefixSeq}`;
}

/** Register a group as a liaison team bound to these enterprises. */
export async function registerTeam(
  store: Store,
  teamId: string,
  enterprises: string[],
  over: Partial<Team> = {},
): Promise<Team> {
  const [platform, ...rest] = teamId.split(':');
  const team: Team = {
    id: teamId,
    platform: platform ?? 'console',
    conversationId: rest.join(':'),
    name: `联企小组 ${rest.join(':')}`,
    enterprises,
    isAdminGroup: false,
    createdAt: Date.now(),
    ...over,
  };
  await store.upsertTeam(team);
  return team;
}

/** A real pino logger whose lines (level and above) are kept, parsed, for assertions and failure messages. */
export function captureLogger(level = 'error'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

// ---------------------------------------------------------------- the real retriever on the bundled corpus

let retrieverPromise: Promise<Retriever> | null = null;
/** buildRetriever over data/corpus (index cached under .cache/test), built once per process. */
export function bundledRetriever(): Promise<Retriever> {
  retrieverPromise ??= (async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-fleet-lib-'));
    const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir });
    return buildRetriever(docs, { cacheDir: '.cache/test', logger: silentLogger });
  })();
  return retrieverPromise;
}

// ---------------------------------------------------------------- reading replies and the ledger back

export const text = (r: Reply | null | undefined): string => (r ? renderText(r) : '');

/** The "please resend" replies: the Bot's storeDown and the ledger's own. Both contain this phrase. */
export const RESEND_PHRASE = '请稍后重新发送';

/** Every issue of these teams, grouped by the dedup key of the message that created it. */
export async function issuesByMessage(store: Store, teamIds: string[]): Promise<Map<string, Issue[]>> {
  const out = new Map<string, Issue[]>();
  for (const teamId of teamIds) {
    for (const i of await store.listIssues({ teamId })) {
      const list = out.get(i.messageId) ?? [];
      list.push(i);
      out.set(i.messageId, list);
    }
  }
  return out;
}

/** Wait until `check` holds (polling), or throw after timeoutMs. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + bounded(timeoutMs);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
