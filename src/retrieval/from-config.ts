/** The retriever of this process's configuration: library (ZCT_CORPUS_DIR + ingested), cache dir, optional embedder. */
import type { Config } from '../config/schema.js';
import { loadLibrary } from '../corpus/index.js';
import { createEmbedder } from '../llm/index.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import { buildRetriever, type HybridRetriever } from './retriever.js';

export async function retrieverFromConfig(
  config: Config,
  opts: { logger?: Logger; dense?: boolean } = {},
): Promise<HybridRetriever> {
  const logger = opts.logger ?? silentLogger;
  const docs = await loadLibrary({ corpusDir: config.ZCT_CORPUS_DIR, dataDir: config.ZCT_DATA_DIR });
  const embedder = opts.dense === false ? null : createEmbedder(config, { logger });
  return buildRetriever(docs, { cacheDir: config.ZCT_CACHE_DIR, embedder, logger });
}
