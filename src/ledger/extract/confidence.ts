/**
 * How sure a parse is. Each doubt (model.ts CONFIDENCE_REASONS) multiplies the confidence down; the
 * ledger asks before recording below CONFIDENT. The rules collect their doubts while parsing
 * (extract.ts); a model's answer gets the same checks here (checkExtraction), so both paths are held
 * to one bar.
 */
import { departmentAliases, departmentStems, normalizeDepartment } from '../lexicon/departments.js';
import fs from 'node:fs';
import { CONFIDENCE_REASONS, type ConfidenceReason, type Extraction } from '../model.js';
import { isWordSpaced } from '../../text/spacing.js';
import { PERIODIC_REPORT, SHARED_SUBJECT_REST } from '../lexicon/signals.js';
import { QUESTION_END_RE } from './question.js';
import { findRefs } from './ref.js';
import { type AlreadyRead, structureDoubts } from './doubts.js';
import { enterpriseMatcher } from './enterprise.js';
import { dataFile } from '../../config/data-files.js';

/**
 * Doubts read from the shape of a parse, whoever made it (rules or model): several kinds of act in one
 * message, three or more problems, dictation joined back from spaced words, a visit with no enterprise, and
 * the structural doubts of doubts.ts (a competing reading in the lexicons, weak evidence, unread text). On text
 * nobody tuned for these parses are wrong more often than others (bench/confidence-fit.ts). `known`: the
 * enterprises the deployment and the team know.
 */
export function shapeDoubts(
  e: Extraction,
  text: string,
  known: readonly string[] = [],
  read: AlreadyRead = {},
): ConfidenceReason[] {
  if (e.kind === 'not_update') return [];
  const out: ConfidenceReason[] = [];
  // several acts, each on an issue named by its own id (1.Q-0001 … 2.Q-0002 …), are found by those ids: no doubt there
  if (e.kind === 'mixed' && new Set(findRefs(text).map((r) => r.ref)).size < 2) out.push('mixed_acts');
  // mixed, yet the issues carry one act only (a single issue, or all at one status): the other act was not recorded
  if (e.kind === 'mixed' && new Set(e.issues.map((i) => i.status)).size <= 1) out.push('lost_act');
  // a periodic report (its items named by their ids are found by them: no doubt there)
  if (PERIODIC_REPORT.test(text) && e.ref === null) out.push('periodic_report');
  if (e.issues.length >= 3) out.push('many_issues');
  if (isWordSpaced(text)) out.push('dictated');
  // a visit (or a problem) recorded under no enterprise at all, even with nothing raised: where was it?
  if ((e.kind === 'visit' || e.kind === 'issue') && e.enterprise === null) out.push('no_enterprise');
  out.push(...structureDoubts(e, text, known, read));
  return out;
}

/** The rules' parse with the doubts of its shape added (the model's parse gets them in checkExtraction). */
export function withShapeDoubts(
  e: Extraction,
  text: string,
  known: readonly string[] = [],
  read: AlreadyRead = {},
): Extraction {
  const extra = shapeDoubts(e, text, known, read).filter((r) => !(e.reasons ?? []).includes(r));
  if (!extra.length) return e;
  const reasons = [...(e.reasons ?? []), ...extra];
  return { ...e, reasons, confidence: confidenceOf(reasons) };
}

/** At or above this the ledger records without asking. */
export const CONFIDENT = 0.7;

/**
 * How much each doubt lowers the confidence (1 = record without asking): data/ledger/confidence-weights.json,
 * written by `npx tsx bench/confidence-fit.ts --write` (a logistic regression of "the parse is wrong" on the doubts,
 * fitted on the tuning halves with one intercept per half; the file says what it was fitted on and how). A doubt
 * the file does not name weighs 0. Re-fit after changing the parser or a detector (doubts.ts).
 */
export const CONFIDENCE_WEIGHTS_FILE = dataFile('ledger', 'confidence-weights.json');

/** Read the weights (each in [0, 1); unknown doubts weigh 0, so an older file still loads). */
export function parseConfidenceWeights(text: string): Record<ConfidenceReason, number> {
  const raw = JSON.parse(text) as { weights?: Record<string, unknown> };
  if (!raw.weights || typeof raw.weights !== 'object') throw new Error('confidence weights: weights missing');
  return Object.fromEntries(
    CONFIDENCE_REASONS.map((r) => {
      const w = raw.weights?.[r];
      return [r, typeof w === 'number' && w > 0 && w < 1 ? w : 0];
    }),
  ) as Record<ConfidenceReason, number>;
}

export const REASON_WEIGHT: Record<ConfidenceReason, number> = parseConfidenceWeights(
  fs.readFileSync(CONFIDENCE_WEIGHTS_FILE, 'utf8'),
);

export function confidenceOf(reasons: readonly ConfidenceReason[]): number {
  const c = reasons.reduce((acc, r) => acc * (1 - REASON_WEIGHT[r]), 1);
  return Math.round(c * 100) / 100;
}

/** A doubt lighter than this barely moved the confidence: the card does not name it beside heavier ones. */
const NAMED_WEIGHT = 0.1;

/**
 * The doubts worth naming when the bot asks: heaviest first, without the ones that barely counted (all of
 * them when none weighs enough alone).
 */
export function decidingDoubts(reasons: readonly ConfidenceReason[]): ConfidenceReason[] {
  const sorted = [...new Set(reasons)].sort((a, b) => REASON_WEIGHT[b] - REASON_WEIGHT[a]);
  const heavy = sorted.filter((r) => REASON_WEIGHT[r] >= NAMED_WEIGHT);
  return heavy.length ? heavy : sorted;
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
 * The text names two or more known enterprises and the parse leaves one of them out (去了华康和七一，…): what was
 * said of the other one is recorded under the wrong name or lost. Asked like several enterprises.
 */
export function leavesOutNamed(e: Pick<Extraction, 'enterprise' | 'issues'>, namedKnown: readonly string[]): boolean {
  const named = new Set(namedKnown);
  const accounted = new Set([e.enterprise, ...e.issues.map((i) => i.enterprise)].filter(Boolean));
  // (恒通电子和东方红机械都反映缺电: a problem's words that open with "and X both" name a second enterprise the parse
  // left out — asked, not recorded under the first alone)
  if (e.issues.some((i) => SHARED_SUBJECT_REST.test(i.summary))) return true;
  return named.size >= 2 && [...named].some((n) => !accounted.has(n));
}

/**
 * The checks a model's extraction gets (the rules run the same ones while parsing): several
 * enterprises, departments the lexicon does not know, problems without an enterprise, updates with
 * nothing to find their issue by, a question form, and whether normalising had to correct it.
 */
export function checkExtraction(
  e: Extraction,
  text: string,
  corrected: boolean,
  known: readonly string[] = [],
): Extraction {
  const reasons = new Set<ConfidenceReason>([...(e.reasons ?? []), ...shapeDoubts(e, text, known)]);
  if (e.kind !== 'not_update') {
    const ents = new Set(e.issues.map((i) => i.enterprise).filter((x): x is string => Boolean(x)));
    if (ents.size >= 2) reasons.add('several_enterprises');
    if (
      leavesOutNamed(
        e,
        enterpriseMatcher(known)
          .findKnown(text)
          .map((h) => h.name),
      )
    )
      reasons.add('missed_enterprise');
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
