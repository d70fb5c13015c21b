/** Contracts of the policy-answering path (handlers/ask.ts, the CLI `zct ask`, the bench). */
import type { Logger } from '../observability/logger.js';
import type { Citation } from '../messaging/reply.js';
import type { Retriever, Chunk } from '../retrieval/types.js';
import type { LlmClient } from '../llm/types.js';

/** One remembered question/answer of a conversation (kept in the session for follow-ups). */
export interface Turn {
  question: string;
  /** The self-contained query actually searched (the follow-up rewritten). */
  standaloneQuery: string;
  /** The answer, shortened (for the LLM rewriter's context). */
  answerSummary: string;
  /** Documents cited, in citation order. */
  docIds: string[];
  /** ms since epoch */
  at: number;
}

export interface AnswerDeps {
  retriever: Retriever;
  llm: LlmClient | null;
  logger: Logger;
}

export interface AnswerOptions {
  /** Earlier turns of this conversation, oldest first. */
  history?: Turn[];
  /** Passages retrieved (default 6) and passages given to the LLM (default 5). */
  k?: number;
}

export type AnswerMode = 'llm' | 'extractive' | 'not_found';

export interface AnswerResult {
  answer: string;
  /** False means "not in the corpus": no citations, `topics` offered instead. */
  grounded: boolean;
  citations: Citation[];
  standaloneQuery: string;
  /** How the answer was made. */
  mode: AnswerMode;
  /** Nearest topics (only when not grounded). */
  topics: string[];
  /** True when the question was treated as a follow-up of the previous turn. */
  followUp: boolean;
}

/** A retrieved chunk with the number it is cited by ([n]). */
export interface Passage {
  n: number;
  chunk: Chunk;
  score: number;
}
