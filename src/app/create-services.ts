/**
 * Build the services of one process from its config: store (Redis, or memory in zero-config mode),
 * the document library and its retrieval index (disk-cached), and the LLM when configured.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import { createStore, RedisStore } from '../store/index.js';
import { loadLibrary } from '../corpus/index.js';
import { buildRetriever, type HybridRetriever } from '../retrieval/index.js';
import { publishLibraryChange, readLibraryVersion, ReloadingRetriever } from '../retrieval/reload.js';
import type { Store } from '../store/types.js';
import { createLlm, createEmbedder } from '../llm/index.js';
import type { Retriever } from '../retrieval/types.js';
import { ledgerOf, type Services } from './services.js';

export async function createRetriever(config: Config, logger: Logger): Promise<HybridRetriever> {
  const started = performance.now();
  const docs = await loadLibrary({ corpusDir: config.ZCT_CORPUS_DIR, dataDir: config.ZCT_DATA_DIR });
  const retriever = await buildRetriever(docs, {
    cacheDir: config.ZCT_CACHE_DIR,
    embedder: createEmbedder(config),
    logger,
  });
  logger.info({ ...retriever.stats(), ms: Math.round(performance.now() - started) }, 'retrieval index ready');
  return retriever;
}

/**
 * With Redis, the retriever follows the library version (src/retrieval/reload.ts): an ingest reaches
 * this replica without a restart. The version is read before the library is loaded, so a change
 * published while loading is caught at the first check.
 */
export async function createFollowingRetriever(config: Config, logger: Logger, store: Store): Promise<Retriever> {
  if (!(store instanceof RedisStore)) return createRetriever(config, logger);
  const prefix = config.ZCT_REDIS_PREFIX;
  const readVersion = () => readLibraryVersion(store.conn, prefix);
  const version = await readVersion().catch(() => null);
  const initial = await createRetriever(config, logger);
  return new ReloadingRetriever(initial, { load: () => createRetriever(config, logger), readVersion, version, logger });
}

export async function createServices(
  config: Config,
  logger: Logger,
  overrides: Partial<Services> = {},
): Promise<Services> {
  const store = overrides.store ?? (await createStore(config, logger));
  const retriever = overrides.retriever ?? (await createFollowingRetriever(config, logger, store));
  const services: Services = {
    config,
    logger,
    store,
    retriever,
    llm: overrides.llm !== undefined ? overrides.llm : createLlm(config, logger),
    clock: overrides.clock ?? (() => new Date()),
  };
  ledgerOf(services);
  return services;
}

/**
 * The library changed on this replica (a web-console upload or delete, a DingTalk file an admin sent): tell every
 * replica through the library version in Redis, and bring this one's index up to date before replying. Without Redis
 * (one process) the index is rebuilt and swapped in place.
 */
export async function applyLibraryChange(services: Services): Promise<void> {
  if (services.retriever instanceof ReloadingRetriever) {
    await publishLibraryChange(services.config, services.logger);
    await services.retriever.refresh();
    return;
  }
  services.retriever = await createRetriever(services.config, services.logger);
}
