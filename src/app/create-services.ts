/**
 * Build the services of one process from its config: store (Redis, or memory in zero-config mode),
 * the document library and its retrieval index (disk-cached), and the LLM when configured.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import { createStore } from '../store/index.js';
import { loadLibrary } from '../corpus/index.js';
import { buildRetriever } from '../retrieval/index.js';
import { createLlm, createEmbedder } from '../llm/index.js';
import type { Retriever } from '../retrieval/types.js';
import type { Services } from './services.js';

export async function createRetriever(config: Config, logger: Logger): Promise<Retriever> {
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

export async function createServices(config: Config, logger: Logger, overrides: Partial<Services> = {}): Promise<Services> {
  const [store, retriever] = await Promise.all([
    overrides.store ?? createStore(config, logger),
    overrides.retriever ?? createRetriever(config, logger),
  ]);
  return {
    config,
    logger,
    store,
    retriever,
    llm: overrides.llm !== undefined ? overrides.llm : createLlm(config, logger),
    clock: overrides.clock ?? (() => new Date()),
  };
}
