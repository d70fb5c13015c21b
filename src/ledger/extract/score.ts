/**
 * Field-by-field comparison of a parser's output with a labelled message (the eval sets in
 * ../shared/eval/updates-*.jsonl). Summaries are free text and not scored.
 */
import type { Extraction } from '../model.js';
import { CONFIDENT } from './confidence.js';

export const SCORED_FIELDS = [
  'kind',
  'enterprise',
  'date',
  'ref',
  'issueCount',
  'categories',
  'departments',
  'statuses',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const multiset = (xs: Array<string | null>) => JSON.stringify(xs.map((x) => x ?? '∅').sort());

/** Which fields of `got` agree with `expected`. Categories, departments and statuses compare as multisets. */
export function compareExtraction(got: Extraction, expected: Extraction): Record<ScoredField, boolean> {
  return {
    kind: got.kind === expected.kind,
    enterprise: got.enterprise === expected.enterprise,
    date: got.date === expected.date,
    ref: got.ref === expected.ref,
    issueCount: got.issues.length === expected.issues.length,
    categories: multiset(got.issues.map((i) => i.category)) === multiset(expected.issues.map((i) => i.category)),
    departments: multiset(got.issues.map((i) => i.department)) === multiset(expected.issues.map((i) => i.department)),
    statuses: multiset(got.issues.map((i) => i.status)) === multiset(expected.issues.map((i) => i.status)),
  };
}

/**
 * Roll-ups (messages whose expected issues carry their own enterprise): are the issues' enterprises
 * right, as a multiset? An issue without its own enterprise counts under the message's. Null when
 * the message is no roll-up. Reported apart from the fields above (the all-fields rate keeps its
 * meaning across sets).
 */
export function compareIssueEnterprises(got: Extraction, expected: Extraction): boolean | null {
  if (!expected.issues.some((i) => i.enterprise)) return null;
  const of = (e: Extraction) => e.issues.map((i) => i.enterprise ?? e.enterprise);
  return multiset(of(got)) === multiset(of(expected));
}

export interface EvalCase {
  id: string;
  text: string;
  today: string;
  expected: Extraction;
}

export interface EvalReport {
  total: number;
  /** Share of messages (0–1) with each field right. */
  accuracy: Record<ScoredField, number>;
  /** Share of messages with every scored field right. */
  allFields: number;
  /** Roll-ups: share with every issue under the right enterprise (null when the set has none), and how many. */
  rollupIssueEnterprise: number | null;
  rollups: number;
  /**
   * What a user meets: share of messages the ledger would question first (something to record, confidence
   * below CONFIDENT), and share it would record without asking although a field is wrong — a confident wrong
   * record, the worse outcome of the two.
   */
  asked: number;
  confidentWrong: number;
  mismatches: Array<{ id: string; text: string; fields: ScoredField[]; got: Extraction; expected: Extraction }>;
}

export function scoreExtractions(cases: EvalCase[], outputs: Extraction[]): EvalReport {
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  let all = 0;
  let rollups = 0;
  let rollupsRight = 0;
  let asked = 0;
  let confidentWrong = 0;
  const mismatches: EvalReport['mismatches'] = [];
  cases.forEach((c, i) => {
    const got = outputs[i]!;
    const cmp = compareExtraction(got, c.expected);
    const ie = compareIssueEnterprises(got, c.expected);
    if (ie !== null) {
      rollups++;
      if (ie) rollupsRight++;
    }
    const wrong = SCORED_FIELDS.filter((f) => !cmp[f]);
    for (const f of SCORED_FIELDS) if (cmp[f]) right[f]++;
    const recorded = got.kind !== 'not_update';
    const sure = (got.confidence ?? 1) >= CONFIDENT;
    if (recorded && !sure) asked++;
    if (recorded && sure && wrong.length > 0) confidentWrong++;
    if (wrong.length === 0) all++;
    else mismatches.push({ id: c.id, text: c.text, fields: wrong, got, expected: c.expected });
  });
  const n = cases.length || 1;
  return {
    total: cases.length,
    accuracy: Object.fromEntries(SCORED_FIELDS.map((f) => [f, right[f] / n])) as Record<ScoredField, number>,
    allFields: all / n,
    rollupIssueEnterprise: rollups ? rollupsRight / rollups : null,
    rollups,
    asked: asked / n,
    confidentWrong: confidentWrong / n,
    mismatches,
  };
}
