/**
 * Retrieval evaluation on a QA set (the dev set's format: question, doc|null, evidence[]):
 * evidence Recall@1/@5, MRR@10, not-found accuracy on unanswerable questions and the false-refusal
 * rate on answerable ones, plus a threshold sweep of the not-found decision.
 * A passage is correct when it contains any evidence string once whitespace is removed from both.
 */
import fs from 'node:fs';
import { stripWhitespace } from './normalize.js';
import type { HybridRetriever } from './retriever.js';
import { type GateFeatures, gateProbability, isFloored } from './confidence.js';

export interface EvalQuestion {
  id: string;
  question: string;
  doc: string | null;
  evidence: string[];
  type?: string;
}

export interface EvalRow {
  id: string;
  question: string;
  answerable: boolean;
  /** 1-based rank of the first correct passage within the top 10, or null. */
  rank: number | null;
  predictedAnswerable: boolean;
  coverage: number;
  confidence: number;
  /** The not-found gate's evidence features (when the gate had the question). */
  features?: GateFeatures;
}

export interface EvalReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** Unanswerable questions correctly refused. */
  notFoundAccuracy: number;
  /** Answerable questions wrongly refused. */
  falseRefusalRate: number;
  rows: EvalRow[];
}

export interface SweepRow {
  threshold: number;
  notFoundAccuracy: number;
  falseRefusalRate: number;
}

const DEPTH = 10;

export function readEvalSet(file: string): EvalQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const q = JSON.parse(l) as Partial<EvalQuestion>;
      if (typeof q.question !== 'string') throw new Error(`bad eval line (no question): ${l.slice(0, 80)}`);
      return {
        id: String(q.id ?? ''),
        question: q.question,
        doc: q.doc ?? null,
        evidence: q.evidence ?? [],
        type: q.type,
      };
    });
}

export function isCorrectPassage(text: string, evidence: string[]): boolean {
  const t = stripWhitespace(text);
  return evidence.some((e) => {
    const ev = stripWhitespace(e);
    return ev.length > 0 && t.includes(ev);
  });
}

export async function evaluate(retriever: HybridRetriever, questions: EvalQuestion[]): Promise<EvalReport> {
  const rows: EvalRow[] = [];
  for (const q of questions) {
    const { result, decision } = await retriever.searchDetailed(q.question, DEPTH);
    const answerable = q.doc !== null && q.evidence.length > 0;
    const idx = answerable ? result.hits.findIndex((h) => isCorrectPassage(h.chunk.text, q.evidence)) : -1;
    rows.push({
      id: q.id,
      question: q.question,
      answerable,
      rank: idx >= 0 ? idx + 1 : null,
      predictedAnswerable: result.answerable,
      coverage: decision.coverage,
      confidence: result.confidence,
      ...(decision.features ? { features: decision.features } : {}),
    });
  }
  const pos = rows.filter((r) => r.answerable);
  const neg = rows.filter((r) => !r.answerable);
  const share = (xs: EvalRow[], f: (r: EvalRow) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
  return {
    questions: rows.length,
    answerable: pos.length,
    unanswerable: neg.length,
    recallAt1: share(pos, (r) => r.rank === 1),
    recallAt5: share(pos, (r) => r.rank !== null && r.rank <= 5),
    mrr: pos.length ? pos.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / pos.length : 0,
    notFoundAccuracy: share(neg, (r) => !r.predictedAnswerable),
    falseRefusalRate: share(pos, (r) => !r.predictedAnswerable),
    rows,
  };
}

/** What each coverage threshold would give on these rows (coverage does not depend on the threshold). */
export function sweepThresholds(rows: EvalRow[], from = 0.2, to = 0.8, step = 0.02): SweepRow[] {
  const pos = rows.filter((r) => r.answerable);
  const neg = rows.filter((r) => !r.answerable);
  const out: SweepRow[] = [];
  for (let t = from; t <= to + 1e-9; t += step) {
    const threshold = Math.round(t * 100) / 100;
    out.push({
      threshold,
      notFoundAccuracy: neg.length ? neg.filter((r) => r.coverage < threshold).length / neg.length : 0,
      falseRefusalRate: pos.length ? pos.filter((r) => r.coverage < threshold).length / pos.length : 0,
    });
  }
  return out;
}

/**
 * The trade-off curve of the not-found gate itself: what each threshold on P(answerable) would give
 * (a question is refused when a floor refuses it — coverage, an unmet constraint, a failed evidence check —
 * or its P is below the threshold; the product's threshold is 0.5). Rows without gate features (no question
 * text) are decided by coverage as the product does.
 */
export function sweepGate(rows: EvalRow[], thresholds: readonly number[] = GATE_SWEEP): SweepRow[] {
  const pos = rows.filter((r) => r.answerable);
  const neg = rows.filter((r) => !r.answerable);
  const refusedAt = (r: EvalRow, t: number) =>
    r.features ? isFloored(r.features) || gateProbability(r.features) < t : !r.predictedAnswerable;
  return thresholds.map((threshold) => ({
    threshold,
    notFoundAccuracy: neg.length ? neg.filter((r) => refusedAt(r, threshold)).length / neg.length : 0,
    falseRefusalRate: pos.length ? pos.filter((r) => refusedAt(r, threshold)).length / pos.length : 0,
  }));
}

/** Thresholds on P(answerable) the gate sweep reports. */
export const GATE_SWEEP = [0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
