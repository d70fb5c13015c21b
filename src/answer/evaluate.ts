/**
 * Answer-level evaluation on a QA set (no LLM): runs the real answer path (answerQuestion) on every
 * question, and on its follow-up in the same conversation, and measures what a user sees:
 * - fact present: an evidence string appears in the answer text (whitespace and [n] markers removed);
 * - nothing unrelated: every cited passage comes from the gold document (unless the question compares);
 * - quote holds: the quote under a gold-document citation contains an evidence string;
 * - not cut: no clipped sentence (“…” the source does not have) and the answer ends a sentence;
 * - strictly right: fact present AND nothing unrelated AND not cut;
 * - refusal rates on answerable and unanswerable questions; follow-ups answered with their evidence.
 */
import type { Chunk } from '../retrieval/types.js';
import { stripWhitespace } from '../retrieval/normalize.js';
import { answerQuestion } from './answer-question.js';
import { summarize } from './session.js';
import { isComparison } from './question-kind.js';
import type { AnswerDeps, AnswerResult, Turn } from './types.js';
import { allChunks } from './documents.js';

export { allChunks };

export interface AnswerEvalQuestion {
  id: string;
  question: string;
  doc: string | null;
  evidence: string[];
  followup?: { question: string; evidence: string[] } | null;
}

export interface AnswerEvalRow {
  id: string;
  question: string;
  answerable: boolean;
  refused: boolean;
  factPresent: boolean;
  noUnrelated: boolean;
  quoteHolds: boolean;
  notCut: boolean;
  strictlyRight: boolean;
  answer: string;
  followUp?: { question: string; answer: string; right: boolean; refused: boolean };
}

export interface AnswerEvalReport {
  answerable: number;
  unanswerable: number;
  /** Shares over answerable questions (a refusal counts as wrong on each). */
  factPresent: number;
  noUnrelated: number;
  quoteHolds: number;
  notCut: number;
  strictlyRight: number;
  answerableRefused: number;
  unanswerableRefused: number;
  followUps: number;
  followUpsRight: number;
  rows: AnswerEvalRow[];
}

const MARKERS = /\[\d+\]/g;

function compact(s: string): string {
  return stripWhitespace(s.replace(MARKERS, ''));
}

function containsEvidence(text: string, evidence: string[]): boolean {
  const t = compact(text);
  return evidence.some((e) => {
    const ev = stripWhitespace(e);
    return ev.length > 0 && t.includes(ev);
  });
}

/**
 * The documents that answer a question: those whose chunks hold an evidence string; failing that
 * (an evidence string across a chunk boundary), every document of the gold file.
 */
export function goldDocs(chunks: Chunk[], doc: string, evidence: string[]): Set<string> {
  const out = new Set<string>();
  for (const c of chunks) if (containsEvidence(c.text, evidence)) out.add(c.docId);
  if (out.size === 0) {
    const stem = doc.replace(/\.[a-z]+$/iu, '');
    for (const c of chunks)
      if (c.docId === stem || c.docId.startsWith(`${stem}#`) || c.docId.startsWith(stem)) out.add(c.docId);
  }
  return out;
}

/** Cut mid-sentence: an ellipsis the cited passages do not have, or no sentence end at the end. */
export function isCut(answer: string, sources: string[]): boolean {
  const text = answer.replace(MARKERS, '').trim();
  if (/…/u.test(text) && !sources.some((s) => s.includes('…'))) return true;
  return !/[。！？!?”’」』）)]$/u.test(text);
}

function turnOf(question: string, r: AnswerResult, at: number): Turn {
  return {
    question,
    standaloneQuery: r.standaloneQuery,
    answerSummary: summarize(r.answer),
    docIds: [...new Set(r.citations.map((c) => c.docId))],
    at,
    ...(r.memory ? { memory: r.memory } : {}),
  };
}

export async function evaluateAnswers(deps: AnswerDeps, questions: AnswerEvalQuestion[]): Promise<AnswerEvalReport> {
  const chunks = allChunks(deps.retriever);
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const rows: AnswerEvalRow[] = [];
  let at = 0;
  for (const q of questions) {
    const answerable = q.doc !== null && q.evidence.length > 0;
    const r = await answerQuestion(q.question, deps);
    const refused = !r.grounded;
    const gold = answerable ? goldDocs(chunks, q.doc!, q.evidence) : new Set<string>();
    const sources = r.citations.map((c) => byId.get(c.chunkId)?.text ?? c.quote);
    const factPresent = answerable && !refused && containsEvidence(r.answer, q.evidence);
    const noUnrelated =
      answerable && !refused && (isComparison(q.question) || r.citations.every((c) => gold.has(c.docId)));
    const quoteHolds =
      answerable && !refused && r.citations.some((c) => gold.has(c.docId) && containsEvidence(c.quote, q.evidence));
    const notCut = answerable && !refused && !isCut(r.answer, sources);
    const row: AnswerEvalRow = {
      id: q.id,
      question: q.question,
      answerable,
      refused,
      factPresent,
      noUnrelated,
      quoteHolds,
      notCut,
      strictlyRight: factPresent && noUnrelated && notCut,
      answer: r.answer,
    };
    if (q.followup?.question) {
      const history = [turnOf(q.question, r, ++at)];
      const f = await answerQuestion(q.followup.question, deps, { history });
      row.followUp = {
        question: q.followup.question,
        answer: f.answer,
        refused: !f.grounded,
        right: f.grounded && containsEvidence(f.answer, q.followup.evidence),
      };
    }
    rows.push(row);
  }
  const pos = rows.filter((r) => r.answerable);
  const neg = rows.filter((r) => !r.answerable);
  const fu = rows.filter((r) => r.followUp);
  const share = (xs: AnswerEvalRow[], f: (r: AnswerEvalRow) => boolean) =>
    xs.length ? xs.filter(f).length / xs.length : 0;
  return {
    answerable: pos.length,
    unanswerable: neg.length,
    factPresent: share(pos, (r) => r.factPresent),
    noUnrelated: share(pos, (r) => r.noUnrelated),
    quoteHolds: share(pos, (r) => r.quoteHolds),
    notCut: share(pos, (r) => r.notCut),
    strictlyRight: share(pos, (r) => r.strictlyRight),
    answerableRefused: share(pos, (r) => r.refused),
    unanswerableRefused: share(neg, (r) => r.refused),
    followUps: fu.length,
    followUpsRight: share(fu, (r) => r.followUp!.right),
    rows,
  };
}
