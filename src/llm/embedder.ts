/** Embeddings over an OpenAI-compatible /embeddings endpoint, in batches. Null when not configured. */
import type { Config } from '../config/schema.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import { createOpenAIClient } from './client.js';
import { startDeadline } from './deadline.js';
import { toLlmError } from './errors.js';
import { LlmError, type Embedder } from './types.js';

export interface EmbedderOptions {
  /** Texts per request (default 64; DashScope allows at most 10 for some models, so configurable). */
  batchSize?: number;
  logger?: Logger;
}

export function createEmbedder(config: Config, opts: EmbedderOptions = {}): Embedder | null {
  if (!config.OPENAI_EMBEDDING_MODEL || !(config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) return null;
  const model: string = config.OPENAI_EMBEDDING_MODEL;
  const logger = opts.logger ?? silentLogger;
  const client = createOpenAIClient(config, logger);
  const batchSize = Math.max(1, opts.batchSize ?? 64);
  const log = logger.child({ component: 'embedder', model });

  async function embedBatch(texts: string[]): Promise<number[][]> {
    const deadline = startDeadline(config.LLM_TIMEOUT_MS);
    try {
      // Ask for floats explicitly: the SDK otherwise requests base64, which not every server speaks.
      const res = await deadline.race(
        client.embeddings.create({ model, input: texts, encoding_format: 'float' }, { signal: deadline.signal }),
      );
      const rows = [...(res.data ?? [])].sort((a, b) => a.index - b.index);
      if (rows.length !== texts.length) {
        throw new LlmError(`embeddings: asked for ${texts.length}, got ${rows.length}`, 'schema');
      }
      return rows.map((r) => {
        if (!Array.isArray(r.embedding) || r.embedding.length === 0)
          throw new LlmError('embeddings: empty vector', 'empty');
        return r.embedding;
      });
    } catch (err) {
      throw toLlmError(err, { deadlineHit: deadline.hit, callerAborted: false });
    } finally {
      deadline.dispose();
    }
  }

  return {
    model,
    async embed(texts: string[]): Promise<number[][]> {
      const out: number[][] = [];
      const started = Date.now();
      for (let i = 0; i < texts.length; i += batchSize) {
        // Servers reject empty strings; embed a single space instead so indexes stay aligned.
        const batch = texts.slice(i, i + batchSize).map((t) => (t.trim() ? t : ' '));
        out.push(...(await embedBatch(batch)));
      }
      log.debug({ n: texts.length, ms: Date.now() - started }, 'embedded');
      return out;
    },
  };
}
