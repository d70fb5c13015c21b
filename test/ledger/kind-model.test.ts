/**
 * The learned kind model (src/ledger/extract/kind-model.ts): its file loads, it only moves the rule kind to a kind
 * the parse's issues fit, a move to not_update records nothing, and a few messages the rules misread. Sentences
 * written for these tests.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractUpdate, extractUpdateByRules } from '../../src/ledger/extract/index.js';
import {
  KIND_MODEL,
  KIND_MODEL_FILE,
  type KindModel,
  kindFeatures,
  kindsFitting,
  parseKindModel,
  withKind,
  withLearnedKind,
} from '../../src/ledger/extract/kind-model.js';
import type { Extraction } from '../../src/ledger/model.js';

const today = '2024-05-16';

describe('the model file', () => {
  it('loads, its shapes agree, and it moves kinds (a margin of at most 1)', () => {
    const model = parseKindModel(fs.readFileSync(KIND_MODEL_FILE, 'utf8'));
    expect(KIND_MODEL).not.toBeNull();
    expect(model.classes).toContain('not_update');
    expect(model.weights).toHaveLength(model.classes.length);
    expect(model.weights[0]).toHaveLength(model.features.length);
    expect(model.margin).toBeLessThanOrEqual(1);
    expect(model.features).toContain('rule:issue');
  });

  it('refuses a file whose weights do not match its features', () => {
    const bad = { classes: ['visit'], features: ['a', 'b'], weights: [[1]], bias: [0], margin: 0, ngrams: [1] };
    expect(() => parseKindModel(JSON.stringify(bad))).toThrow(/features/);
  });
});

const parse = (kind: Extraction['kind'], statuses: Array<Extraction['issues'][number]['status']>): Extraction => ({
  kind,
  enterprise: '东方轴承',
  date: today,
  issues: statuses.map((status) => ({ category: '用工', summary: '缺装配工', department: '人社局', status })),
  ref: null,
  confidence: 0.9,
  reasons: [],
  question: null,
});

describe('moves keep the other fields consistent', () => {
  it('a kind is open to the model only when the issues fit it', () => {
    expect(kindsFitting(parse('not_update', []))).toEqual(['not_update']);
    expect(kindsFitting(parse('visit', []))).toEqual(['not_update', 'visit']);
    const raised = kindsFitting(parse('issue', ['open']));
    expect(raised).toContain('visit');
    expect(raised).not.toContain('progress');
    expect(raised).not.toContain('resolved');
    expect(kindsFitting(parse('progress', ['resolved', 'resolved']))).toContain('resolved');
    expect(kindsFitting(parse('progress', ['resolved', 'in_progress']))).not.toContain('closed');
    expect(kindsFitting(parse('issue', ['assigned']))).toContain('progress');
    expect(kindsFitting(parse('issue', ['assigned']))).not.toContain('mixed');
  });

  it('not_update records nothing; another kind keeps the parse', () => {
    const cleared = withKind(parse('issue', ['assigned']), 'not_update');
    expect(cleared).toMatchObject({ kind: 'not_update', enterprise: null, date: null, issues: [], ref: null });
    const moved = withKind(parse('issue', ['open']), 'visit');
    expect(moved.kind).toBe('visit');
    expect(moved.issues).toEqual(parse('issue', ['open']).issues);
  });

  it('moves only past the margin, and only the moves the file allows', () => {
    const text = '东方轴承缺装配工';
    const rule = parse('issue', ['open']);
    const feats = kindFeatures(text, today, rule, [1]);
    expect(feats).toContain('rule:issue');
    const model = (margin: number, moves?: string[]): KindModel => ({
      classes: ['issue', 'visit'],
      features: ['rule:issue'],
      weights: [[0], [1]],
      bias: [0, 0],
      margin,
      ngrams: [1],
      ...(moves ? { moves } : {}),
    });
    // P(visit) ≈ 0.73, P(issue) ≈ 0.27
    expect(withLearnedKind(text, today, rule, model(0.3)).kind).toBe('visit');
    expect(withLearnedKind(text, today, rule, model(0.6)).kind).toBe('issue');
    expect(withLearnedKind(text, today, rule, model(0.3, ['issue>not_update'])).kind).toBe('issue');
    expect(withLearnedKind(text, today, rule, model(0.3, ['issue>visit'])).kind).toBe('visit');
    expect(withLearnedKind(text, today, rule, null)).toBe(rule);
  });
});

describe('messages the rules misread and the model reads right', () => {
  it('moving the deadlines of two ids is an edit of the record, nothing to record', () => {
    const text = 'Q-0210和Q-0211的期限一起往后延到月底';
    expect(extractUpdateByRules(text, { today }).kind).toBe('progress');
    const got = extractUpdate(text, { today });
    expect(got).toMatchObject({ kind: 'not_update', enterprise: null, date: null, issues: [], ref: null });
  });

  it('a time of day, an enterprise and what its boss said there is a visit', () => {
    const text = '下午 东方轴承 老板说订单少了 想去参加展会';
    expect(extractUpdateByRules(text, { today }).kind).toBe('issue');
    const got = extractUpdate(text, { today });
    expect(got.kind).toBe('visit');
    // (the issues the rules read stay as they were)
    expect(got.issues).toEqual(extractUpdateByRules(text, { today }).issues);
  });
});
