/**
 * The services a handler is given explicitly. Built once per process by src/app/create-services.ts;
 * tests build their own with real parts (a spawned redis-server, the bundled corpus, a local fake LLM).
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { Store } from '../store/types.js';
import type { Retriever } from '../retrieval/types.js';
import type { LlmClient } from '../llm/types.js';

export interface Services {
  config: Config;
  logger: Logger;
  store: Store;
  retriever: Retriever;
  /** Null when no OpenAI-compatible endpoint is configured: rules + lexical retrieval only. */
  llm: LlmClient | null;
  /** Injected clock; tests pass a fixed or stepping one. */
  clock: () => Date;
}
