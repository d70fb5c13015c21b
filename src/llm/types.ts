/** The LLM seam: an OpenAI-compatible chat client with structured output. Null when not configured. */
import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export class LlmError extends Error {
  constructor(
    message: string,
    public readonly reason: 'timeout' | 'http' | 'invalid_json' | 'schema' | 'empty' | 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}

export interface LlmClient {
  readonly model: string;
  /** Plain completion. Throws LlmError (timeout after LLM_TIMEOUT_MS, HTTP error, empty answer). */
  complete(
    messages: ChatMessage[],
    opts?: {
      maxTokens?: number;
      temperature?: number;
      signal?: AbortSignal;
      /**
       * Stream the answer: called with the raw text so far as tokens arrive (may include <think> parts).
       * The resolved value is the same as without it. If streaming fails before any text, the call is
       * retried once without streaming.
       */
      onText?: (textSoFar: string) => void;
    },
  ): Promise<string>;
  /** Structured output validated with the zod schema. Throws LlmError('schema'|'invalid_json') on bad output. */
  structured<T>(messages: ChatMessage[], schema: z.ZodType<T>, name: string): Promise<T>;
}

export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}
