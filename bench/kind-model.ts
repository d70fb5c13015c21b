/**
 * The learned kind model (src/ledger/extract/kind-model.ts), fitted and cross-validated: a multinomial logistic
 * regression (L2, full-batch Adam) over the features of each labelled message and its rule parse, fitted on the
 * tuning data; leave-one-set-out cross-validation picks the margin by which the model must beat the rule kind.
 *   npx tsx bench/kind-model.ts [--l2 0.003] [--min-df 3] [--ngrams 1,2,3] [--iters 300] [--min-net 2]
 *                            [--deny issue>progress] [--rows FILE] [--write]
 * Current file: npx tsx bench/kind-model.ts --rows /tmp/kind-rows.json --write (the defaults).
 * Training sets: data/eval/updates{,2,…,12}-tune.jsonl whole and the ODD ids of updates13-tune, updates14-tune.
 * The even ids of 13/14 and every *-test half are never read here (check them with `eval-updates --set`).
 * --rows FILE: cache of the rule parses and features (written when missing, reused when present; refit after
 * changing the parser). --write: fit on every training row and write data/ledger/kind-model.json with the
 * cross-validated margin (a margin > 1, the rules alone, when no margin beats them in cross-validation).
 * Printed: per held-out set and pooled, kind and all-fields rates of the rules, of the model alone, and of the
 * combination at each margin, with every move and with only the moves (rule kind > model kind) that set at least
 * --min-net (2) more kinds right than wrong in cross-validation at that margin (the file keeps those), less the
 * --deny moves (default issue>progress: a problem reported with its hand-off and no id — 东方轴承缺装配工，已交人社局 —
 * is a new issue by the labelling rules and the parser's tests, though some authors labelled such messages progress;
 * the model learned those and moved issue to progress, which the convention forbids).
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/cli/commands/eval.js';
import { compareExtraction, extractUpdateByRules } from '../src/ledger/extract/index.js';
import {
  KIND_MODEL_FILE,
  type KindModel,
  kindFeatures,
  kindProbabilities,
  learnedKind,
  withKind,
} from '../src/ledger/extract/kind-model.js';
import { loadKnownEnterprises } from '../src/ledger/lexicon/index.js';
import { type Extraction, UPDATE_KINDS, type UpdateKind } from '../src/ledger/model.js';
import { flag, numArg, strArg } from './args.js';

const root = projectRoot();
const l2 = numArg('l2', 0.003);
const minDf = numArg('min-df', 3);
const iters = numArg('iters', 300);
const ngrams = (strArg('ngrams') ?? '1,2,3').split(',').map(Number);
const rowsFile = strArg('rows');

interface Row {
  set: string;
  id: string;
  text: string;
  today: string;
  expected: Extraction;
  rule: Extraction;
  features: string[];
}

/** The training sets: whole tuning halves, and the odd ids only of 13 and 14. */
const SETS: Array<{ name: string; file: string; odd: boolean }> = [
  ...['', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((n) => ({
    name: `updates${n}`,
    file: `data/eval/updates${n}-tune.jsonl`,
    odd: false,
  })),
  { name: 'updates13:odd', file: 'data/eval/updates13-tune.jsonl', odd: true },
  { name: 'updates14:odd', file: 'data/eval/updates14-tune.jsonl', odd: true },
];

function loadRows(): Row[] {
  if (rowsFile && fs.existsSync(rowsFile)) {
    const rows = JSON.parse(fs.readFileSync(rowsFile, 'utf8')) as Row[];
    // (the features are recomputed: cheap, and they follow the current kindFeatures)
    for (const r of rows) r.features = kindFeatures(r.text, r.today, r.rule, ngrams);
    return rows;
  }
  const known = loadKnownEnterprises();
  const rows: Row[] = [];
  for (const s of SETS) {
    const lines = fs.readFileSync(path.join(root, s.file), 'utf8').split('\n').filter(Boolean);
    for (const l of lines) {
      const x = JSON.parse(l) as { id: string; text: string; today: string; expected: Extraction };
      if (s.odd && Number(/(\d+)$/.exec(x.id)?.[1] ?? 0) % 2 === 0) continue;
      const rule = extractUpdateByRules(x.text, { today: x.today, knownEnterprises: known });
      rows.push({ set: s.name, id: x.id, text: x.text, today: x.today, expected: x.expected, rule, features: [] });
    }
  }
  if (rowsFile) fs.writeFileSync(rowsFile, JSON.stringify(rows));
  for (const r of rows) r.features = kindFeatures(r.text, r.today, r.rule, ngrams);
  return rows;
}

const CLASSES = [...UPDATE_KINDS] as UpdateKind[];

/** Fit on the rows: features seen in at least minDf rows, softmax regression with L2, Adam. */
function fitModel(rows: Row[]): KindModel {
  const df = new Map<string, number>();
  for (const r of rows) for (const f of r.features) df.set(f, (df.get(f) ?? 0) + 1);
  const features = [...df].filter(([, n]) => n >= minDf).map(([f]) => f);
  const index = new Map(features.map((f, i) => [f, i]));
  const X = rows.map((r) => r.features.map((f) => index.get(f)).filter((c): c is number => c !== undefined));
  const y = rows.map((r) => CLASSES.indexOf(r.expected.kind));
  const K = CLASSES.length;
  const D = features.length;
  const W = new Float64Array(K * (D + 1)); // column D: bias
  const m = new Float64Array(W.length);
  const v = new Float64Array(W.length);
  const lr = 0.05;
  const n = rows.length;
  for (let t = 1; t <= iters; t++) {
    const g = new Float64Array(W.length);
    for (let i = 0; i < n; i++) {
      const z = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        let s = W[k * (D + 1) + D]!;
        for (const c of X[i]!) s += W[k * (D + 1) + c]!;
        z[k] = s;
      }
      const top = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - top);
        sum += z[k]!;
      }
      for (let k = 0; k < K; k++) {
        const d = (z[k]! / sum - (y[i] === k ? 1 : 0)) / n;
        g[k * (D + 1) + D]! += d;
        for (const c of X[i]!) g[k * (D + 1) + c]! += d;
      }
    }
    for (let j = 0; j < W.length; j++) {
      const gj = g[j]! + (j % (D + 1) === D ? 0 : l2 * W[j]!);
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      const mh = m[j]! / (1 - 0.9 ** t);
      const vh = v[j]! / (1 - 0.999 ** t);
      W[j]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    classes: CLASSES,
    features,
    weights: CLASSES.map((_, k) => features.map((_, c) => round(W[k * (D + 1) + c]!))),
    bias: CLASSES.map((_, k) => round(W[k * (D + 1) + D]!)),
    margin: 2,
    ngrams,
  };
}

const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2];

interface Scored {
  kind: number;
  all: number;
}
function score(rows: Row[], decide: (r: Row) => Extraction): Scored {
  let kind = 0;
  let all = 0;
  for (const r of rows) {
    const c = compareExtraction(decide(r), r.expected);
    if (c.kind) kind++;
    if (Object.values(c).every(Boolean)) all++;
  }
  return { kind, all };
}

const rows = loadRows();
const sets = [...new Set(rows.map((r) => r.set))];
const held = new Map<Row, Map<UpdateKind, number>>();
const models = new Map<string, KindModel>();
for (const s of sets) {
  const model = fitModel(rows.filter((r) => r.set !== s));
  models.set(s, model);
  for (const r of rows.filter((x) => x.set === s)) held.set(r, kindProbabilities(model, r.features));
}
const argmax = (p: Map<UpdateKind, number>) => [...p].sort((a, b) => b[1] - a[1])[0]![0];
const fmt = (x: Scored, n: number) =>
  `${((100 * x.kind) / n).toFixed(1).padStart(5)} ${((100 * x.all) / n).toFixed(1).padStart(5)}`;
const minNet = numArg('min-net', 2);
/** Moves never allowed, whatever cross-validation says (--deny a>b,c>d). */
const denied = new Set((strArg('deny') ?? 'issue>progress').split(',').filter(Boolean));

/** The moves ("rule>model") that, at this margin, set more kinds right than wrong in cross-validation (by minNet). */
function movesAt(margin: number): { moves: string[]; net: Map<string, number> } {
  const net = new Map<string, number>();
  for (const r of rows) {
    const k = learnedKind(models.get(r.set)!, held.get(r)!, r.rule, margin);
    if (k === r.rule.kind) continue;
    const pair = `${r.rule.kind}>${k}`;
    const gain = (k === r.expected.kind ? 1 : 0) - (r.rule.kind === r.expected.kind ? 1 : 0);
    net.set(pair, (net.get(pair) ?? 0) + gain);
  }
  return {
    moves: [...net]
      .filter(([p, n]) => n >= minNet && !denied.has(p))
      .map(([p]) => p)
      .sort(),
    net,
  };
}
const gated = MARGINS.map((mg) => movesAt(mg).moves);

console.log(`leave-one-set-out (kind / all fields, %), l2 ${l2}, min-df ${minDf}, n-grams ${ngrams.join(',')}`);
console.log('(per margin: every move | only the moves that won in cross-validation by ≥ --min-net)');
console.log(
  `${'set'.padEnd(16)}${'rules'.padStart(12)}${'model'.padStart(12)}  ${MARGINS.map((m) => `m=${m}`.padStart(26)).join('')}`,
);
let pooledAt: Array<{ every: Scored; won: Scored }> = [];
for (const s of [...sets, 'pooled']) {
  const part = s === 'pooled' ? rows : rows.filter((r) => r.set === s);
  const rules = score(part, (r) => r.rule);
  const alone = score(part, (r) => withKind(r.rule, argmax(held.get(r)!)));
  const at = MARGINS.map((mg, i) => ({
    every: score(part, (r) => withKind(r.rule, learnedKind(models.get(r.set)!, held.get(r)!, r.rule, mg))),
    won: score(part, (r) =>
      withKind(r.rule, learnedKind({ ...models.get(r.set)!, moves: gated[i]! }, held.get(r)!, r.rule, mg)),
    ),
  }));
  console.log(
    `${s.padEnd(16)}${fmt(rules, part.length).padStart(12)}${fmt(alone, part.length).padStart(12)}  ${at.map((x) => `${fmt(x.every, part.length)} |${fmt(x.won, part.length)}`.padStart(26)).join('')}`,
  );
  if (s === 'pooled') pooledAt = at;
}
// the margin: most all-fields right, then most kinds right, then the larger margin (fewer moves)
let best = MARGINS.length - 1;
MARGINS.forEach((_, i) => {
  const a = pooledAt[i]!.won;
  const b = pooledAt[best]!.won;
  if (a.all > b.all || (a.all === b.all && a.kind > b.kind)) best = i;
});
const margin = MARGINS[best]!;
const chosen = movesAt(margin);
console.log(`cross-validated margin: ${margin}${margin > 1 ? ' (the rules alone)' : ''}`);
console.log(
  `moves (net kinds set right in cross-validation): ${[...chosen.net].map(([p, n]) => `${p} ${n}`).join(', ')}`,
);
console.log(`allowed: ${chosen.moves.join(', ') || '—'}`);

if (flag('write')) {
  const model = fitModel(rows);
  model.margin = margin;
  model.moves = chosen.moves;
  model.note = `bench/kind-model.ts --l2 ${l2} --min-df ${minDf} --ngrams ${ngrams.join(',')} --iters ${iters}; fitted on ${rows.length} messages (updates{,2..12}-tune whole, odd ids of updates13/14-tune); margin by leave-one-set-out CV`;
  fs.writeFileSync(KIND_MODEL_FILE, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${KIND_MODEL_FILE}: ${model.features.length} features`);
}
