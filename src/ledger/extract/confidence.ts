/**
 * How sure a parse is. Each doubt (model.ts CONFIDENCE_REASONS) multiplies the confidence down; the
 * ledger asks before recording below CONFIDENT. The rules collect their doubts while parsing
 * (extract.ts); a model's answer gets the same checks here (checkExtraction), so both paths are held
 * to one bar.
 */
import { departmentAliases, departmentStems, normalizeDepartment } from '../lexicon/departments.js';
import type { ConfidenceReason, Extraction } from '../model.js';
import { isWordSpaced } from '../../text/spacing.js';
import { QUESTION_END_RE } from './question.js';

/**
 * Doubts read from the shape of a parse, whoever made it (rules or model): several kinds of act in one
 * message, three or more problems, dictation joined back from spaced words. On text nobody tuned for
 * these parses are wrong far more often than others (bench/confidence-fit.ts).
 */
export function shapeDoubts(e: Extraction, text: string): ConfidenceReason[] {
  if (e.kind === 'not_update') return [];
  const out: ConfidenceReason[] = [];
  if (e.kind === 'mixed') out.push('mixed_acts');
  if (e.issues.length >= 3) out.push('many_issues');
  if (isWordSpaced(text)) out.push('dictated');
  return out;
}

/** The rules' parse with the doubts of its shape added (the model's parse gets them in checkExtraction). */
export function withShapeDoubts(e: Extraction, text: string): Extraction {
  const extra = shapeDoubts(e, text).filter((r) => !(e.reasons ?? []).includes(r));
  if (!extra.length) return e;
  const reasons = [...(e.reasons ?? []), ...extra];
  return { ...e, reasons, confidence: confidenceOf(reasons) };
}

/** At or above this the ledger records without asking. */
export const CONFIDENT = 0.7;

/**
 * How much each doubt lowers the confidence (1 = record without asking). Calibrated with
 * `npx tsx bench/confidence-fit.ts` on the tuning sets (updates-dev and the three tuning halves): a doubt's
 * weight is how often a parse carrying it was wrong there (Laplace-smoothed), so one doubt alone makes the
 * ledger ask when more than 30 % of such parses were wrong. Doubts seen fewer than four times keep a
 * judged weight (unknown_department, unmatched_list_handoff, llm_corrected, unclear_act), and three are always
 * asked about, whatever their rate (several_enterprises — measured 0.2 —, unknown_department, unmatched_list_handoff:
 * at least 0.35). Fitted on the
 * parser of 2026-12-06 (third round): asked first 16.8 % of the messages with something to record, recorded
 * wrong without asking 6.1 % (the judged weights before: 11.5 % / 15.5 % on the parser before the round).
 * Re-fit after changing the parser.
 */
export const REASON_WEIGHT: Record<ConfidenceReason, number> = {
  several_enterprises: 0.35,
  unknown_department: 0.35,
  unmatched_list_handoff: 0.45,
  question_form: 0.3,
  no_enterprise: 0.67,
  no_target: 0.67,
  unpunctuated: 0.3,
  unknown_category: 0.83,
  llm_corrected: 0.2,
  mixed_acts: 0.25,
  many_issues: 0.3,
  dictated: 0.25,
  unclear_act: 0.35,
};

export function confidenceOf(reasons: readonly ConfidenceReason[]): number {
  const c = reasons.reduce((acc, r) => acc * (1 - REASON_WEIGHT[r]), 1);
  return Math.round(c * 100) / 100;
}

const KNOWN_DEPARTMENTS = new Set<string>([
  ...departmentAliases().map((a) => a.name),
  ...departmentStems().map((s) => s.name),
]);

/** A department name the lexicon knows (after normalising). */
export function isKnownDepartment(name: string): boolean {
  return KNOWN_DEPARTMENTS.has(normalizeDepartment(name));
}

/**
 * The checks a model's extraction gets (the rules run the same ones while parsing): several
 * enterprises, departments the lexicon does not know, problems without an enterprise, updates with
 * nothing to find their issue by, a question form, and whether normalising had to correct it.
 */
export function checkExtraction(e: Extraction, text: string, corrected: boolean): Extraction {
  const reasons = new Set<ConfidenceReason>([...(e.reasons ?? []), ...shapeDoubts(e, text)]);
  if (e.kind !== 'not_update') {
    const ents = new Set(e.issues.map((i) => i.enterprise).filter((x): x is string => Boolean(x)));
    if (ents.size >= 2) reasons.add('several_enterprises');
    if (e.issues.some((i) => i.department !== null && !isKnownDepartment(i.department)))
      reasons.add('unknown_department');
    if ((e.kind === 'visit' || e.kind === 'issue') && e.enterprise === null && e.issues.length)
      reasons.add('no_enterprise');
    if (
      (e.kind === 'progress' || e.kind === 'resolved' || e.kind === 'closed') &&
      e.ref === null &&
      e.enterprise === null
    )
      reasons.add('no_target');
    if (QUESTION_END_RE.test(text.trim())) reasons.add('question_form');
    // an update found by no id that moves its issue nowhere (still open, nobody handling it): what happened is unclear
    if (e.kind === 'progress' && e.ref === null && e.issues.some((i) => i.status === 'open' && i.department === null))
      reasons.add('unclear_act');
  } else if (e.question) {
    reasons.add('question_form');
  }
  if (corrected) reasons.add('llm_corrected');
  const list = [...reasons];
  return {
    ...e,
    reasons: list,
    confidence: e.kind === 'not_update' ? 1 : confidenceOf(list),
    question: e.question ?? null,
  };
}
