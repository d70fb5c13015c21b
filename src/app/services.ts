/**
 * The services a handler is given explicitly. Built once per process by src/app/create-services.ts;
 * tests build their own with real parts (a spawned redis-server, the bundled corpus, a local fake LLM).
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { Store } from '../store/types.js';
import type { Retriever } from '../retrieval/types.js';
import type { LlmClient } from '../llm/types.js';
import { LedgerService } from '../ledger/service/index.js';

export interface Services {
  config: Config;
  logger: Logger;
  store: Store;
  retriever: Retriever;
  /** Null when no OpenAI-compatible endpoint is configured: rules + lexical retrieval only. */
  llm: LlmClient | null;
  /** Injected clock; tests pass a fixed or stepping one. */
  clock: () => Date;
  /**
   * The ledger service, built once with these services (createServices); read it through `ledgerOf`, which builds it
   * for services assembled elsewhere (tests). Its caches (bound enterprise names) live as long as the process.
   */
  ledger?: LedgerService;
}

/**
 * The one LedgerService of these services. A container copied with overrides (`{ ...services, store }`) carries the
 * original's service, built on the original's parts: it gets its own.
 */
export function ledgerOf(services: Services): LedgerService {
  if (services.ledger?.deps !== services) services.ledger = new LedgerService(services);
  return services.ledger;
}
