/**
 * The whole product for end-to-end tests: the real services (RedisStore on a spawned redis-server, the
 * bundled corpus and its retrieval index cached under .cache/test-e2e, the LLM only when configured)
 * and the real bot (src/app/create-bot.ts). Platform tests feed it through the real SDKs.
 */
import type { Bot, HandleResult } from '../../src/app/bot.js';
import { createBot } from '../../src/app/create-bot.js';
import { createServices } from '../../src/app/create-services.js';
import type { Services } from '../../src/app/services.js';
import type { Config } from '../../src/config/schema.js';
import { loadLibrary } from '../../src/corpus/index.js';
import type { CorpusDocument } from '../../src/corpus/index.js';
import type { IncomingMessage } from '../../src/messaging/incoming.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startDingTalkHarness, type DingTalkHarness } from '../helpers/fake-dingtalk.js';
import type { Store } from '../../src/store/types.js';

export const E2E_CACHE_DIR = '.cache/test-e2e';

/** Settings every e2e test starts from (merge platform / LLM settings on top). */
export function e2eEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl,
    ZCT_REDIS_PREFIX: `e2e${process.pid}`,
    ZCT_CACHE_DIR: E2E_CACHE_DIR,
    ZCT_SCHEDULER: 'false',
    HEALTH_PORT: '0',
    ...extra,
  };
}

export interface Product {
  services: Services;
  bot: Bot;
  /** Every message the bot was given through the adapter, with what it returned (in completion order). */
  seen: Array<{ msg: IncomingMessage; result: HandleResult }>;
  /** The sink to hand to a platform adapter: the bot, recording what passed through. */
  sink(msg: IncomingMessage): Promise<HandleResult>;
  close(): Promise<void>;
}

/** Build the real services and bot from a config (the store connects to config.REDIS_URL). */
export async function startProduct(config: Config, overrides: Partial<Services> = {}): Promise<Product> {
  const services = await createServices(config, silentLogger, overrides);
  if (services.store.kind !== 'redis') throw new Error('e2e: expected the RedisStore (is REDIS_URL set?)');
  const bot = createBot(services);
  const seen: Product['seen'] = [];
  return {
    services,
    bot,
    seen,
    async sink(msg) {
      const result = await bot.handle(msg);
      seen.push({ msg, result });
      return result;
    },
    close: () => services.store.close(),
  };
}

/** What the ledger holds, to prove a redelivery recorded nothing new. */
/** The whole product behind the real DingTalk stream client and the local fake DingTalk. */
export async function startDingTalkProduct(
  env: Record<string, string>,
): Promise<{ h: DingTalkHarness; product: Product }> {
  let product: Product | undefined;
  const h = await startDingTalkHarness({
    env,
    makeSink: async (config) => {
      const p = await startProduct(config);
      product = p;
      return (m) => p.sink(m);
    },
  });
  return { h, product: product! };
}

export async function ledgerCounts(store: Store): Promise<{ issues: number; visits: number; events: number }> {
  const [issues, visits, events] = await Promise.all([
    store.listIssues({}),
    store.listVisits({}),
    store.readEvents(0, Date.now() + 86_400_000),
  ]);
  return { issues: issues.length, visits: visits.length, events: events.length };
}

let library: Promise<CorpusDocument[]> | null = null;

/** The bundled-corpus document (article) whose text contains `sentence` — the one an answer must cite. */
export async function documentContaining(config: Config, sentence: string): Promise<CorpusDocument> {
  library ??= loadLibrary({ corpusDir: config.ZCT_CORPUS_DIR, dataDir: config.ZCT_DATA_DIR });
  const squash = (s: string) => s.replace(/\s+/g, '');
  const hits = (await library).filter((d) => squash(d.text).includes(squash(sentence)));
  if (hits.length !== 1) throw new Error(`e2e: expected one document containing “${sentence}”, found ${hits.length}`);
  return hits[0] as CorpusDocument;
}

/** Resolve after `ms` (used only to let an event that must NOT happen have its chance). */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
