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
  /** What a follow-up needs from this turn (the list it gave, the document it drew on). */
  memory?: TurnMemory;
}

/** Structured memory of an answer, for follow-ups (kept in the session). */
export interface TurnMemory {
  /** The items of the list the answer gave (in order), when it was a list; absent otherwise. */
  items?: string[];
  /** Measure word the list was counted in (条, 个, 批 …). */
  unit?: string;
  /** The chunk the answer (or the list) came from. */
  chunkId?: string;
  /** True when the turn was refused (the topic still counts for a follow-up). */
  refused?: boolean;
  /**
   * True when the items are a list inside the sentence that answered a question that asked for no list
   * (“以A、B、C、D、E为内容的“五百行动””): item N may be taken, but they are not the whole answer, so
   * “还有吗” is not told the list was complete.
   */
  inline?: boolean;
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

/** notice: a plain statement about the conversation (“上一个回答不是分条列举的…”), no citation. */
export type AnswerMode = 'llm' | 'extractive' | 'not_found' | 'notice';

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
  /** What the next turn may refer back to (saved with the turn). */
  memory?: TurnMemory;
}

/** A retrieved chunk with the number it is cited by ([n]). */
export interface Passage {
  n: number;
  chunk: Chunk;
  score: number;
}
