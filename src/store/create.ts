/**
 * createStore: Redis when REDIS_URL / REDIS_CLUSTER_NODES is set, else the in-memory store (with a warning).
 * Redis down at start-up: one clear error line, then keep retrying with backoff until it answers (no crash loop);
 * pass `connect.timeoutMs` to give up (StoreUnavailableError) or `connect.wait: false` to return at once.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import { MemoryStore } from './memory.js';
import { RedisStore } from './redis/store.js';
import type { Store } from './types.js';

export interface CreateStoreOptions {
  connect?: {
    /** Await the first successful connection (default true). With false, operations fail with StoreUnavailableError until Redis answers. */
    wait?: boolean;
    /** Give up after this long (default: never). */
    timeoutMs?: number;
    signal?: AbortSignal;
  };
  /** Test/bench overrides for the Redis client timeouts. */
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

export async function createStore(config: Config, logger: Logger, options: CreateStoreOptions = {}): Promise<Store> {
  const dedupTtlSec = config.ZCT_DEDUP_TTL_HOURS * 3600;
  const cluster = config.REDIS_CLUSTER_NODES.length > 0;
  if (!config.REDIS_URL && !cluster) {
    logger.warn('no REDIS_URL: using the in-memory store, nothing is durable');
    return new MemoryStore({ dedupTtlSec, fileReplyTtlSec: Math.round(config.ZCT_FILE_REPLY_TTL_MIN * 60) });
  }
  const store = new RedisStore({
    url: config.REDIS_URL,
    clusterNodes: cluster ? config.REDIS_CLUSTER_NODES : undefined,
    prefix: config.ZCT_REDIS_PREFIX,
    dedupTtlSec,
    outcomeWaitMs: config.ZCT_OUTCOME_WAIT_MS,
    fileReplyTtlSec: Math.round(config.ZCT_FILE_REPLY_TTL_MIN * 60),
    username: config.REDIS_USERNAME,
    password: config.REDIS_PASSWORD,
    logger,
    connectTimeoutMs: options.connectTimeoutMs,
    commandTimeoutMs: options.commandTimeoutMs,
  });
  const connecting = store.connect({ timeoutMs: options.connect?.timeoutMs, signal: options.connect?.signal });
  if (options.connect?.wait === false) {
    connecting.catch((err: unknown) => logger.error({ err: String(err) }, 'Redis connection abandoned'));
    return store;
  }
  await connecting;
  logger.info({ redis: store.conn.target, prefix: config.ZCT_REDIS_PREFIX }, 'connected to Redis');
  return store;
}
