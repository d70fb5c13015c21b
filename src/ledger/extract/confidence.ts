/**
 * How sure a parse is. Each doubt (model.ts CONFIDENCE_REASONS) multiplies the confidence down; the
 * ledger asks before recording below CONFIDENT. The rules collect their doubts while parsing
 * (extract.ts); a model's answer gets the same checks here (checkExtraction), so both paths are held
 * to one bar.
 */
import { departmentAliases, departmentStems, normalizeDepartment } from '../lexicon/departments.js';
import type { ConfidenceReason, Extraction } from '../model.js';
import { QUESTION_END_RE } from './question.js';

/** At or above this the ledger records without asking. */
export const CONFIDENT = 0.7;

/** How much each doubt lowers the confidence (1 = record without asking). */
export const REASON_WEIGHT: Record<ConfidenceReason, number> = {
  several_enterprises: 0.35,
  unknown_department: 0.35,
  unmatched_list_handoff: 0.45,
  question_form: 0.35,
  no_enterprise: 0.15,
  no_target: 0.3,
  unpunctuated: 0.15,
  unknown_category: 0.1,
  llm_corrected: 0.2,
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
  const reasons = new Set<ConfidenceReason>(e.reasons ?? []);
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
