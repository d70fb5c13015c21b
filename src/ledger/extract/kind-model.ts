/**
 * A learned second opinion on a message's kind: a multinomial logistic regression over general features of the
 * message (character n-grams, which lexicon cue classes fire, ids, enterprises, departments, statuses, line and
 * list structure) and of the rule parse (its kind, its doubts, the statuses of its issues). The weights live in
 * data/ledger/kind-model.json, written by `npx tsx bench/kind-model.ts --write`; the product only reads the file.
 *
 * The model never rebuilds a parse: it may only move the rule kind to another kind the parse's issues already fit
 * (kindsFitting), when its probability for that kind beats the rule kind's by the file's margin (chosen by
 * leave-one-set-out cross-validation). Moving to not_update clears what a non-update does not record.
 */
import fs from 'node:fs';
import { type Extraction, UPDATE_KINDS, type UpdateKind } from '../model.js';
import * as SIGNALS from '../lexicon/signals.js';
import { findDepartments } from './department.js';
import { findDates } from './event-dates.js';
import { foldWidth } from './normalize.js';
import { findRefs } from './ref.js';
import { findStatuses } from './status.js';
import { dataFile } from '../../config/data-files.js';

export interface KindModel {
  /** The kinds, in the order of the rows of `weights`. */
  classes: UpdateKind[];
  /** Feature names, in the order of the columns of `weights`. */
  features: string[];
  weights: number[][];
  bias: number[];
  /** The model moves the rule kind when P(its kind) − P(rule kind) ≥ margin (> 1: never). */
  margin: number;
  /**
   * The moves allowed, as "rule>model" kind pairs (visit>mixed, issue>not_update, …): those that were right more
   * often than wrong in cross-validation. Absent: every move.
   */
  moves?: string[];
  /** Character n-gram lengths read from the message. */
  ngrams: number[];
  /** What the file was fitted on and how (free text). */
  note?: string;
}

export const KIND_MODEL_FILE = dataFile('ledger', 'kind-model.json');

/** Read a model file; checks that its shapes agree. */
export function parseKindModel(text: string): KindModel {
  const raw = JSON.parse(text) as KindModel;
  if (!Array.isArray(raw.classes) || !raw.classes.every((c) => (UPDATE_KINDS as readonly string[]).includes(c)))
    throw new Error('kind model: bad classes');
  if (!Array.isArray(raw.features) || !Array.isArray(raw.weights) || raw.weights.length !== raw.classes.length)
    throw new Error('kind model: weights do not match classes');
  if (raw.weights.some((row) => row.length !== raw.features.length))
    throw new Error('kind model: weights do not match features');
  if (!Array.isArray(raw.bias) || raw.bias.length !== raw.classes.length) throw new Error('kind model: bad bias');
  if (typeof raw.margin !== 'number') throw new Error('kind model: margin missing');
  return raw;
}

/** The model the product uses; null when the file is missing (the rules decide alone). */
export const KIND_MODEL: KindModel | null = fs.existsSync(KIND_MODEL_FILE)
  ? parseKindModel(fs.readFileSync(KIND_MODEL_FILE, 'utf8'))
  : null;

/** Every cue class of the signal lexicon: its exported regular expressions, by name. */
const CUE_CLASSES: Array<[string, RegExp]> = Object.entries(SIGNALS)
  .filter((e): e is [string, RegExp] => e[1] instanceof RegExp)
  .map(([name, re]) => [name, new RegExp(re.source, re.flags.replace(/[gy]/g, ''))]);

const bin = (n: number, cuts: number[]) => cuts.filter((c) => n >= c).length;

/** The message as the n-grams read it: width folded, ids and digits reduced to one symbol each, Latin lowercased. */
function ngramText(text: string): string {
  return foldWidth(text)
    .replace(/[qQ]\s*[-－—_]?\s*\d{2,5}/g, 'Ｑ')
    .replace(/\d+/g, '0')
    .toLowerCase()
    .replace(/[ \t\u3000]+/g, ' ');
}

/** The features of a message and its rule parse (binary: each name present or not). */
export function kindFeatures(text: string, today: string, rule: Extraction, ngrams: number[] = [1, 2, 3]): string[] {
  const out = new Set<string>();
  out.add(`rule:${rule.kind}`);
  for (const r of rule.reasons ?? []) out.add(`doubt:${r}`);
  if (rule.question) out.add(`question:${rule.question.kind}`);
  out.add(`issues:${bin(rule.issues.length, [1, 2, 3, 5])}`);
  for (const i of rule.issues) out.add(`status:${i.status}`);
  if (rule.issues.some((i) => i.department)) out.add('issue-department');
  if (rule.enterprise) out.add('enterprise');
  if (rule.date) out.add(rule.date === today ? 'date:today' : 'date:past');

  const folded = foldWidth(text);
  for (const [name, re] of CUE_CLASSES) if (re.test(folded)) out.add(`cue:${name}`);
  for (const s of findStatuses(folded)) out.add(`said:${s.status}`);
  out.add(`refs:${bin(new Set(findRefs(folded).map((r) => r.ref)).size, [1, 2, 3])}`);
  out.add(`depts:${bin(findDepartments(folded).length, [1, 2, 3])}`);
  if (findDates(folded, today).length) out.add('dated');
  const lines = folded.split('\n').filter((l) => l.trim());
  out.add(`lines:${bin(lines.length, [2, 3, 5])}`);
  if (lines.filter((l) => /^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）]|^\s*[①-⑩]/.test(l)).length >= 2)
    out.add('numbered-list');
  out.add(`length:${bin(folded.length, [15, 30, 60, 120, 250])}`);
  if (/[?？]\s*$/.test(folded.trim())) out.add('ends-asking');
  if (/[?？]/.test(folded)) out.add('asks');

  const g = ngramText(text);
  const chars = [...g];
  for (const n of ngrams)
    for (let i = 0; i + n <= chars.length; i++) {
      const piece = chars.slice(i, i + n).join('');
      if (!/^\s+$/.test(piece)) out.add(`g:${piece}`);
    }
  return [...out];
}

/** P(kind) for each of the model's classes. */
export function kindProbabilities(model: KindModel, features: readonly string[]): Map<UpdateKind, number> {
  const index = featureIndex(model);
  const cols = features.map((f) => index.get(f)).filter((c): c is number => c !== undefined);
  const z = model.classes.map((_, k) => cols.reduce((s, c) => s + model.weights[k]![c]!, model.bias[k]!));
  const top = Math.max(...z);
  const e = z.map((x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return new Map(model.classes.map((c, k) => [c, e[k]! / sum]));
}

const INDEXES = new WeakMap<KindModel, Map<string, number>>();
function featureIndex(model: KindModel): Map<string, number> {
  let index = INDEXES.get(model);
  if (!index) {
    index = new Map(model.features.map((f, i) => [f, i]));
    INDEXES.set(model, index);
  }
  return index;
}

/**
 * The kinds the parse's issues already fit, so that moving to one of them keeps every other field consistent:
 * a visit or a new issue takes any issues (a visit with none too); progress only handed-off or handled ones; resolved only
 * resolved ones, closed only closed ones; mixed at least two issues; not_update always (nothing is recorded).
 * A message the rules recorded nothing for stays so: the model does not make issues up.
 */
export function kindsFitting(rule: Extraction): UpdateKind[] {
  if (rule.kind === 'not_update') return ['not_update'];
  const st = rule.issues.map((i) => i.status);
  const out: UpdateKind[] = ['not_update', 'visit'];
  if (st.length) out.push('issue');
  // (an update of an earlier issue carries its new step: handed off or being handled, never just raised)
  if (st.length && st.every((s) => s === 'assigned' || s === 'in_progress')) out.push('progress');
  if (st.length && st.every((s) => s === 'resolved')) out.push('resolved');
  if (st.length && st.every((s) => s === 'closed')) out.push('closed');
  if (st.length >= 2) out.push('mixed');
  return out;
}

/** The parse with another kind: not_update records nothing; any other kind keeps the parse's fields. */
export function withKind(rule: Extraction, kind: UpdateKind): Extraction {
  if (kind === rule.kind) return rule;
  if (kind === 'not_update')
    return { kind, enterprise: null, date: null, issues: [], ref: null, confidence: 1, reasons: [], question: null };
  return { ...rule, kind };
}

/** The kind the model would give the parse (the rule kind unless another fitting kind clears the margin). */
export function learnedKind(
  model: KindModel,
  probs: Map<UpdateKind, number>,
  rule: Extraction,
  margin = model.margin,
): UpdateKind {
  const own = probs.get(rule.kind) ?? 0;
  let best: UpdateKind = rule.kind;
  let bestP = own;
  for (const k of kindsFitting(rule)) {
    if (model.moves && k !== rule.kind && !model.moves.includes(`${rule.kind}>${k}`)) continue;
    const p = probs.get(k) ?? 0;
    if (p > bestP) {
      best = k;
      bestP = p;
    }
  }
  return bestP - own >= margin ? best : rule.kind;
}

/** The rule parse, its kind reconsidered by the model (unchanged without a model file). */
export function withLearnedKind(
  text: string,
  today: string,
  rule: Extraction,
  model: KindModel | null = KIND_MODEL,
): Extraction {
  if (!model || model.margin > 1) return rule;
  const probs = kindProbabilities(model, kindFeatures(text, today, rule, model.ngrams));
  return withKind(rule, learnedKind(model, probs, rule));
}
