/**
 * answerQuestion: follow-up rewrite → retrieval → grounded LLM answer (when configured) or the
 * extractive answer → validated citations; "not in the corpus" with the nearest topics otherwise.
 * Any LLM failure falls back to the extractive answer: the user always gets a reply.
 */
import type { SearchHit } from '../retrieval/types.js';
import { LlmError } from '../llm/types.js';
import type { AnswerDeps, AnswerOptions, AnswerResult, Passage } from './types.js';
import { numberPassages } from './passages.js';
import { extractiveAnswer } from './extractive.js';
import { validateCitations } from './citations.js';
import { groundedAnswer } from './grounded.js';
import { nearestTopics, notFoundText } from './not-found.js';
import { standaloneQuery } from './followup.js';
import { tokenizerFor } from './terms.js';
import { documentViews } from './documents.js';

const RETRIEVE_K = 6;
const LLM_PASSAGES = 5;
/** Score multiplier for passages from the documents the previous answer cited (follow-ups). */
const FOLLOW_UP_BOOST = 1.3;

/** Follow-ups: prefer passages from the documents cited in the previous turn. */
export function biasToDocs(hits: SearchHit[], docIds: string[]): SearchHit[] {
  if (docIds.length === 0) return hits;
  const prev = new Set(docIds);
  return hits
    .map((h) => ({ h, s: prev.has(h.chunk.docId) ? h.score * FOLLOW_UP_BOOST : h.score }))
    .sort((a, b) => b.s - a.s)
    .map((x, i) => ({ ...x.h, rank: i + 1 }));
}

export async function answerQuestion(question: string, deps: AnswerDeps, opts: AnswerOptions = {}): Promise<AnswerResult> {
  const { retriever, llm, logger } = deps;
  const history = opts.history ?? [];
  const k = opts.k ?? RETRIEVE_K;
  const started = Date.now();

  const { query, followUp, llmFailure } = await standaloneQuery(question, history, llm, logger);
  // The endpoint just timed out or failed: do not make the user wait for it a second time.
  const useLlm = llm !== null && llmFailure !== 'timeout' && llmFailure !== 'http';
  const result = await retriever.search(query, k);
  const prevDocs = followUp ? (history[history.length - 1]?.docIds ?? []) : [];
  const hits = biasToDocs(result.hits, prevDocs);

  const notFound = (why: string): AnswerResult => {
    const topics = nearestTopics(retriever, query);
    logger.info({ mode: 'not_found', why, followUp, confidence: result.confidence, ms: Date.now() - started }, 'answered');
    return { answer: notFoundText(topics), grounded: false, citations: [], standaloneQuery: query, mode: 'not_found', topics, followUp, memory: { refused: true } };
  };

  if (!result.answerable || hits.length === 0) return notFound('retrieval');
  const passages: Passage[] = numberPassages(hits, k);
  const tokenizer = tokenizerFor(retriever);

  if (llm && useLlm) {
    try {
      const out = await groundedAnswer(query, passages.slice(0, LLM_PASSAGES), llm, tokenizer);
      if (out.kind === 'not_found') return notFound('llm');
      if (out.kind === 'answer') {
        if (out.validated.dropped > 0) logger.debug({ dropped: out.validated.dropped }, 'invented citation markers removed');
        logger.info({ mode: 'llm', followUp, citations: out.validated.citations.length, ms: Date.now() - started }, 'answered');
        return { answer: out.validated.text, grounded: true, citations: out.validated.citations, standaloneQuery: query, mode: 'llm', topics: [], followUp };
      }
      logger.warn({ why: out.why }, 'LLM answer rejected; using the extractive answer');
    } catch (err) {
      logger.warn({ reason: err instanceof LlmError ? err.reason : 'other', err: (err as Error).message }, 'LLM answer failed; using the extractive answer');
    }
  }

  const ex = extractiveAnswer(query, passages, { tokenizer, views: documentViews(retriever) });
  if (!ex) return notFound('no_sentence');
  const v = validateCitations(ex.text, passages, query, { quotes: new Map(ex.used.map((u) => [u.n, u.quote])), tokenizer });
  logger.info({ mode: 'extractive', followUp, citations: v.citations.length, ms: Date.now() - started }, 'answered');
  const memory = { ...(ex.items ? { items: ex.items.slice(0, 30), unit: ex.unit } : {}), ...(ex.chunkId ? { chunkId: ex.chunkId } : {}) };
  return { answer: v.text, grounded: true, citations: v.citations, standaloneQuery: query, mode: 'extractive', topics: [], followUp, memory };
}
