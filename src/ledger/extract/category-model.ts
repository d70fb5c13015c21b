/**
 * A learned back-off for the category of an issue: a linear text classifier over the character 1–3-grams of the
 * issue's summary (departments blanked: the category is judged from the problem, never from who handles it),
 * trained on the labelled tuning halves by `npx tsx bench/category-model.ts --write` into
 * data/ledger/category-model.json. The lexicon (category.ts) decides; the classifier speaks only where the file's
 * policy lets it — when the lexicon read no word of any category, or only weak ones — and only when its probability
 * clears the policy's margin. A missing or unreadable file leaves the lexicon alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../model.js';
import { findDepartments } from './department.js';

/** When the classifier may replace the lexicon's category (chosen by leave-one-set-out cross-validation). */
export interface CategoryPolicy {
  /** The lexicon read no word (score ≤ 0, 其他 by default): the classifier decides at this probability or above. */
  unread: number | null;
  /** … the same for an update of an earlier issue (Q-0007 已办结 tells nothing: 其他). */
  unreadOld: number | null;
  /** The lexicon's words weigh less than this: the classifier overrides them at `weakProb` or above. */
  weakBelow: number;
  weakProb: number | null;
}

export interface CategoryModel {
  classes: Category[];
  /** Per class: the intercept. */
  bias: number[];
  /** Per n-gram: its weight for each class (the order of `classes`). */
  weights: Record<string, number[]>;
  /** Softmax temperature (calibration): probabilities are softmax(score / temperature). */
  temperature: number;
  policy: CategoryPolicy;
}

/** What the back-off sees of an issue the parser built. */
export interface CategoryInput {
  summary: string;
  /** The lexicon's category and how strongly its words told it (0: none, 其他 by default). */
  category: Category;
  score: number;
  /** An update of an earlier issue (by id, topic or enterprise). */
  old: boolean;
}

/** The text the classifier reads: departments blanked, digits one symbol, punctuation and spaces a break. */
export function modelText(summary: string): string {
  let t = summary.toLowerCase();
  for (const d of findDepartments(t)) t = t.slice(0, d.start) + ' '.repeat(d.end - d.start) + t.slice(d.end);
  return t
    .replace(/[0-9０-９一二三四五六七八九十百千万两]+(?=[个名人位台套亩万元天月年家条项])/g, '0')
    .replace(/[0-9]+/g, '0')
    .replace(/[^\p{L}\p{N}0]+/gu, ' ')
    .trim();
}

/** Character 1–3-grams with their counts (n-grams span no break). */
export function ngrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const piece of modelText(text).split(' ')) {
    if (!piece) continue;
    const s = `^${piece}$`;
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= s.length; i++) {
        const g = s.slice(i, i + n);
        if (g === '^' || g === '$') continue;
        out.set(g, (out.get(g) ?? 0) + 1);
      }
  }
  return out;
}

/** The class probabilities of a text, in the order of `model.classes`. */
export function classify(model: CategoryModel, text: string): number[] {
  const z = [...model.bias];
  for (const [g, c] of ngrams(text)) {
    const w = model.weights[g];
    if (w) for (let k = 0; k < z.length; k++) z[k]! += c * w[k]!;
  }
  const scaled = z.map((v) => v / model.temperature);
  const max = Math.max(...scaled);
  const e = scaled.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The category after the back-off: the lexicon's, unless the policy lets a confident classifier speak. */
export function backoffCategory(model: CategoryModel | null, input: CategoryInput): Category {
  if (!model) return input.category;
  const p = model.policy;
  const needed =
    input.score <= 0 ? (input.old ? p.unreadOld : p.unread) : input.score < p.weakBelow ? p.weakProb : null;
  if (needed === null) return input.category;
  const probs = classify(model, input.summary);
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
  return probs[best]! >= needed ? model.classes[best]! : input.category;
}

/** Parse a model file; throws on a malformed one. */
export function parseCategoryModel(text: string): CategoryModel {
  const raw = JSON.parse(text) as Partial<CategoryModel>;
  if (!Array.isArray(raw.classes) || !raw.classes.every((c) => (CATEGORIES as readonly string[]).includes(c)))
    throw new Error('category model: classes missing or unknown');
  if (!Array.isArray(raw.bias) || raw.bias.length !== raw.classes.length) throw new Error('category model: bias');
  if (!raw.weights || typeof raw.weights !== 'object') throw new Error('category model: weights missing');
  if (!raw.policy) throw new Error('category model: policy missing');
  return {
    classes: raw.classes,
    bias: raw.bias,
    weights: raw.weights,
    temperature: typeof raw.temperature === 'number' && raw.temperature > 0 ? raw.temperature : 1,
    policy: raw.policy,
  };
}

export const CATEGORY_MODEL_FILE =
  ['../../../data/ledger/category-model.json', '../../../../data/ledger/category-model.json']
    .map((p) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), p))
    .find((f) => fs.existsSync(f)) ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/ledger/category-model.json');

function loadCategoryModel(): CategoryModel | null {
  try {
    return parseCategoryModel(fs.readFileSync(CATEGORY_MODEL_FILE, 'utf8'));
  } catch {
    return null;
  }
}

/** The deployed model (null when the file is missing: the lexicon alone). */
export const CATEGORY_MODEL: CategoryModel | null = loadCategoryModel();
