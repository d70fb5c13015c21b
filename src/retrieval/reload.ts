/**
 * Library changes reach every running replica without a restart.
 *
 * The library version is a counter in Redis, `P:library:version` (P = ZCT_REDIS_PREFIX). Whatever
 * changes the library (`zct ingest`, later the web console) bumps it with publishLibraryChange().
 * Each replica's ReloadingRetriever reads it at most once every `checkEveryMs` (one GET, on the
 * search path) and, when it differs from the version its index was built at, rebuilds the index in
 * the background (library from disk, index from the disk cache when another replica already built
 * it) and swaps it in atomically: searches keep being served by the old index until the new one is
 * ready, and a search never sees half of each. A bump during a rebuild triggers another one.
 */
import type { Config } from '../config/schema.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import { RedisConnection } from '../store/redis/connection.js';
import type { Answerability } from './confidence.js';
import type { LexicalHit, LexicalIndex } from './lexical.js';
import type { HybridRetriever } from './retriever.js';
import type { Chunk, Retriever, SearchOptions, SearchResult } from './types.js';

/** The commands used here (RedisConnection has them; so does a RedisStore's `conn`). */
export interface VersionConnection {
  cmd<T = unknown>(firstKey: string | undefined, args: (string | number)[]): Promise<T>;
}

export function libraryVersionKey(prefix: string): string {
  return `${prefix}:library:version`;
}

/** The current library version ("0" before any change was published). */
export async function readLibraryVersion(conn: VersionConnection, prefix: string): Promise<string> {
  const key = libraryVersionKey(prefix);
  return (await conn.cmd<string | null>(key, ['GET', key])) ?? '0';
}

/** Record a library change: every replica reloads at its next check. Returns the new version. */
export async function bumpLibraryVersion(conn: VersionConnection, prefix: string): Promise<string> {
  const key = libraryVersionKey(prefix);
  return String(await conn.cmd<number>(key, ['INCR', key]));
}

/**
 * Tell running replicas that the library changed (after an ingest). Null when no Redis is configured
 * (a single console process rebuilds at its next start anyway); throws when Redis is unreachable.
 */
export async function publishLibraryChange(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'ZCT_REDIS_PREFIX'>,
  logger: Logger = silentLogger,
): Promise<string | null> {
  const cluster = config.REDIS_CLUSTER_NODES.length > 0;
  if (!config.REDIS_URL && !cluster) return null;
  const conn = new RedisConnection({
    url: config.REDIS_URL,
    clusterNodes: cluster ? config.REDIS_CLUSTER_NODES : undefined,
    logger,
  });
  try {
    await conn.connect({ timeoutMs: 5000 });
    return await bumpLibraryVersion(conn, config.ZCT_REDIS_PREFIX);
  } finally {
    await conn.close();
  }
}

export interface ReloadingOptions {
  /** Builds a retriever over the library as it is now on disk. */
  load: () => Promise<HybridRetriever>;
  /** Reads the library version (readLibraryVersion over the store's connection). */
  readVersion: () => Promise<string>;
  /** The version `initial` was built at; null = unknown (the first check reloads). */
  version: string | null;
  /** Minimum time between two version checks (default 2000 ms). */
  checkEveryMs?: number;
  logger?: Logger;
  now?: () => number;
}

/** A Retriever that follows the library version and swaps in a rebuilt index (see the file comment). */
export class ReloadingRetriever implements Retriever {
  private current: HybridRetriever;
  private version: string | null;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;
  private reloading: Promise<boolean> | null = null;
  private readonly checkEveryMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;
  /** Completed reloads (metrics, tests). */
  reloads = 0;

  constructor(
    initial: HybridRetriever,
    private readonly opts: ReloadingOptions,
  ) {
    this.current = initial;
    this.version = opts.version;
    this.checkEveryMs = opts.checkEveryMs ?? 2000;
    this.logger = opts.logger ?? silentLogger;
    this.now = opts.now ?? (() => performance.now());
  }

  /** The index serving searches right now. */
  get retriever(): HybridRetriever {
    return this.current;
  }

  /** The current index's lexical side (the answer composer reads its tokenizer). */
  get lexical(): LexicalIndex {
    return this.current.lexical;
  }

  /** The library version of the index serving searches. */
  get libraryVersion(): string | null {
    return this.version;
  }

  async search(query: string, k?: number, opts?: SearchOptions): Promise<SearchResult> {
    await this.poll();
    return this.current.search(query, k, opts);
  }

  async searchDetailed(
    query: string,
    k?: number,
    opts?: SearchOptions,
  ): Promise<{ result: SearchResult; decision: Answerability }> {
    await this.poll();
    return this.current.searchDetailed(query, k, opts);
  }

  explain(query: string, k?: number): { hits: LexicalHit[]; decision: Answerability } {
    return this.current.explain(query, k);
  }

  stats(): { documents: number; chunks: number } {
    return this.current.stats();
  }

  topics(query: string, n?: number): string[] {
    return this.current.topics(query, n);
  }

  neighbours(chunkId: string, before?: number, after?: number): Chunk[] {
    return this.current.neighbours(chunkId, before, after);
  }

  chunk(chunkId: string): Chunk | null {
    return this.current.chunk(chunkId);
  }

  documentChunks(docId: string): Chunk[] {
    return this.current.documentChunks(docId);
  }

  /**
   * Check the version now and, when it changed, rebuild and swap before returning.
   * True when a new index was swapped in.
   */
  async refresh(): Promise<boolean> {
    this.lastCheck = this.now();
    const v = await this.opts.readVersion();
    if (v === this.version) return false;
    return this.reload();
  }

  /** Rebuild now (single flight) and swap; the version is read before the library is. */
  reload(): Promise<boolean> {
    this.reloading ??= (async () => {
      try {
        const version = await this.opts.readVersion();
        const started = this.now();
        const next = await this.opts.load();
        this.current = next;
        this.version = version;
        this.reloads++;
        this.logger.info(
          { version, ...next.stats(), ms: Math.round(this.now() - started) },
          'library changed: retrieval index reloaded',
        );
        return true;
      } catch (err) {
        this.logger.warn({ err }, 'library reload failed; keeping the current index');
        return false;
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** At most one GET per checkEveryMs; a changed version starts a background reload. Never throws. */
  private async poll(): Promise<void> {
    if (this.now() - this.lastCheck < this.checkEveryMs) return;
    this.lastCheck = this.now();
    this.checking ??= (async () => {
      try {
        const v = await this.opts.readVersion();
        if (v !== this.version && !this.reloading) void this.reload();
      } catch (err) {
        this.logger.debug({ err }, 'library version check failed');
      } finally {
        this.checking = null;
      }
    })();
    await this.checking;
  }
}
