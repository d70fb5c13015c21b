/**
 * The learned category back-off (src/ledger/extract/category-model.ts): train it, choose by leave-one-set-out
 * cross-validation when it may replace the lexicon's category, and write data/ledger/category-model.json.
 *   npx tsx bench/category-model.ts [--fit tune,tune2,…,tune12,tune13:odd,tune14:odd] [--learner lr|nb]
 *                                   [--lambda 1e-4] [--epochs 12] [--write] [--json]
 * A set is a name (tune, tune2 … tune14 = data/eval/updates{,2,…}-tune.jsonl) or a path, with an optional
 * `:odd` / `:even` (items whose id ends in an odd / even number). Only tuning material read item by item may be
 * fitted on: test halves, own sets, dev2 and the even ids of tune13/tune14 are refused (report on those with
 * `zct eval-updates`).
 *
 * Training examples, issue by issue: every expected issue's summary with its category, and the summary the parser
 * wrote for the issue it found, aligned with an expected one by their shared character pairs (one to one). The
 * learner is a multinomial logistic regression (or naive Bayes, --learner nb) over the character 1–3-grams of the
 * text with departments blanked (category-model.ts modelText). What the lexicon read of each parsed issue (its
 * category, score, whether it updates an earlier one) is recorded through ExtractContext.categoryBackoff.
 *
 * Cross-validation: each fit set in turn is held out, the classifier trained on the others, and every policy of a
 * small grid (category-model.ts CategoryPolicy) scored on the held-out messages as `zct eval-updates` scores them
 * (categories as a multiset per message, all fields). The policy with the most right messages summed over the
 * held-out sets wins (ties: the one that lets the classifier speak least). The report gives per set the lexicon
 * alone against the chosen policy. --write trains on all fit sets and writes the weights with the policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/cli/commands/eval.js';
import { readUpdatesSet } from '../src/cli/commands/eval-updates.js';
import {
  CATEGORY_MODEL_FILE,
  type CategoryInput,
  type CategoryModel,
  type CategoryPolicy,
  classify,
  ngrams,
} from '../src/ledger/extract/category-model.js';
import { compareExtraction, extractUpdate, SCORED_FIELDS } from '../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../src/ledger/lexicon/enterprises.js';
import { CATEGORIES, type Category, type Extraction } from '../src/ledger/model.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = projectRoot();
const TUNES = ['', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'];
const SETS: Record<string, string> = Object.fromEntries(
  TUNES.map((n) => [`tune${n}`, path.join(root, `data/eval/updates${n}-tune.jsonl`)]),
);
const DEFAULT_FIT = `${TUNES.slice(0, 12)
  .map((n) => `tune${n}`)
  .join(',')},tune13:odd,tune14:odd`;
const fitSpecs = (arg('fit') ?? DEFAULT_FIT).split(',');
const learner = arg('learner') ?? 'lr';
const lambda = Number(arg('lambda') ?? 1e-4);
const epochs = Number(arg('epochs') ?? 12);
const known = loadKnownEnterprises();

interface Message {
  spec: string;
  expected: Extraction;
  got: Extraction;
  /** What the lexicon read of each parsed issue (same order as got.issues), null when they do not line up. */
  inputs: CategoryInput[] | null;
  /** The other fields are right (all-fields then hangs on the categories). */
  othersRight: boolean;
}
interface Example {
  spec: string;
  text: string;
  category: Category;
}

/** Character pairs of a text, for aligning the parser's summaries with the expected ones. */
const pairs = (s: string) => {
  const t = s.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};
const overlap = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
};

/** Parsed issue k ↔ expected issue: greedy one-to-one by overlap (any overlap when the counts agree). */
function align(got: string[], expected: string[]): Array<[number, number]> {
  const g = got.map(pairs);
  const e = expected.map(pairs);
  const cand: Array<[number, number, number]> = [];
  for (let i = 0; i < g.length; i++) for (let j = 0; j < e.length; j++) cand.push([overlap(g[i]!, e[j]!), i, j]);
  cand.sort((a, b) => b[0] - a[0]);
  const floor = got.length === expected.length ? 0 : 0.3;
  const usedG = new Set<number>();
  const usedE = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [o, i, j] of cand) {
    if (o < floor || usedG.has(i) || usedE.has(j)) continue;
    usedG.add(i);
    usedE.add(j);
    out.push([i, j]);
  }
  // counts agree and nothing overlaps: by order
  if (got.length === expected.length)
    for (let i = 0; i < got.length; i++) if (!usedG.has(i) && !usedE.has(i)) out.push([i, i]);
  return out;
}

function load(spec: string, check = false): { messages: Message[]; examples: Example[] } {
  const [name, half] = spec.split(':') as [string, string | undefined];
  const file = SETS[name] ?? path.resolve(name);
  if (
    !check &&
    (/-test\.jsonl$|-own\.jsonl$|dev2|updates15/.test(file) || (/updates1[34]-tune/.test(file) && half !== 'odd'))
  )
    throw new Error(`${spec}: test halves, own sets, dev2 and the even ids of tune13/14 are not for fitting`);
  const messages: Message[] = [];
  const examples: Example[] = [];
  for (const c of readUpdatesSet(file)) {
    if (half) {
      const n = Number(/(\d+)$/.exec(c.id)?.[1] ?? Number.NaN);
      if (Number.isNaN(n) || (n % 2 === 1) !== (half === 'odd')) continue;
    }
    let seen: CategoryInput[] = [];
    const got = extractUpdate(c.text, {
      today: c.today,
      knownEnterprises: known,
      categoryBackoff: (i) => {
        seen.push(i);
        return i.category;
      },
    });
    if (seen.length !== got.issues.length || seen.some((s, k) => s.category !== got.issues[k]!.category)) seen = [];
    const cmp = compareExtraction(got, c.expected);
    messages.push({
      spec,
      expected: c.expected,
      got,
      inputs: seen.length || !got.issues.length ? seen : null,
      othersRight: SCORED_FIELDS.every((f) => f === 'categories' || cmp[f]),
    });
    for (const i of c.expected.issues) examples.push({ spec, text: i.summary, category: i.category });
    for (const [gi, ei] of align(
      got.issues.map((i) => i.summary),
      c.expected.issues.map((i) => i.summary),
    ))
      examples.push({ spec, text: got.issues[gi]!.summary, category: c.expected.issues[ei]!.category });
  }
  return { messages, examples };
}

const K = CATEGORIES.length;
const idx = new Map(CATEGORIES.map((c, k) => [c, k]));

/** Multinomial logistic regression, AdaGrad on the n-gram counts, L2 (lambda) — or naive Bayes. */
function train(examples: Example[]): CategoryModel {
  const feats = examples.map((e) => [...ngrams(e.text)]);
  const y = examples.map((e) => idx.get(e.category)!);
  const policy: CategoryPolicy = { unread: null, unreadOld: null, weakBelow: 0, weakProb: null };
  if (learner === 'nb') {
    const counts = new Map<string, number[]>();
    const total = new Array<number>(K).fill(0);
    const docs = new Array<number>(K).fill(0);
    feats.forEach((f, n) => {
      docs[y[n]!]!++;
      for (const [g, c] of f) {
        const row = counts.get(g) ?? new Array<number>(K).fill(0);
        row[y[n]!]! += c;
        total[y[n]!]! += c;
        counts.set(g, row);
      }
    });
    const alpha = 0.3;
    const V = counts.size;
    const weights: Record<string, number[]> = {};
    for (const [g, row] of counts) {
      if (row.reduce((a, b) => a + b, 0) < 2) continue;
      weights[g] = row.map(
        (c, k) => Math.log((c + alpha) / (total[k]! + alpha * V)) - Math.log(alpha / (total[k]! + alpha * V)),
      );
    }
    const bias = docs.map((d, k) => Math.log((d + 1) / (examples.length + K)) + 0 * k);
    return { classes: [...CATEGORIES], bias, weights, temperature: 1, policy };
  }
  const W = new Map<string, Float64Array>();
  const G = new Map<string, Float64Array>();
  const b = new Float64Array(K);
  const gb = new Float64Array(K);
  const rate = 0.5;
  const order = examples.map((_, n) => n);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const f = feats[n]!;
      const z = Array.from(b);
      for (const [g, c] of f) {
        const w = W.get(g);
        if (w) for (let k = 0; k < K; k++) z[k]! += c * w[k]!;
      }
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const s = e.reduce((a, v) => a + v, 0);
      for (let k = 0; k < K; k++) {
        const grad = e[k]! / s - (k === y[n] ? 1 : 0);
        gb[k]! += grad * grad;
        b[k]! -= (rate * grad) / Math.sqrt(gb[k]! + 1e-8);
        for (const [g, c] of f) {
          let w = W.get(g);
          let h = G.get(g);
          if (!w || !h) {
            w = new Float64Array(K);
            h = new Float64Array(K);
            W.set(g, w);
            G.set(g, h);
          }
          const gw = grad * c + lambda * w[k]!;
          h[k]! += gw * gw;
          w[k]! -= (rate * gw) / Math.sqrt(h[k]! + 1e-8);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [g, w] of W) {
    if (Array.from(w).every((v) => Math.abs(v) < 0.01)) continue;
    weights[g] = Array.from(w, (v) => Math.round(v * 1000) / 1000);
  }
  return {
    classes: [...CATEGORIES],
    bias: Array.from(b, (v) => Math.round(v * 1000) / 1000),
    weights,
    temperature: 1,
    policy,
  };
}

/** Policies tried: the lexicon alone first, then ever more room for the classifier. */
function policies(): CategoryPolicy[] {
  const out: CategoryPolicy[] = [];
  const probs = [null, 0.5, 0.7, 0.9, 0.95, 0.99];
  for (const unread of probs)
    for (const unreadOld of [null, 0.8, 0.9, 0.95, 0.99])
      for (const weakBelow of [0, 3, 5, 8, 10, 12, 15])
        for (const weakProb of weakBelow ? [0.7, 0.8, 0.9, 0.95, 0.98, 0.99] : [null])
          out.push({ unread, unreadOld, weakBelow, weakProb });
  return out;
}
const room = (p: CategoryPolicy) =>
  (p.unread === null ? 0 : 2 - p.unread) +
  (p.unreadOld === null ? 0 : 2 - p.unreadOld) +
  (p.weakProb === null ? 0 : p.weakBelow * (2 - p.weakProb));

/** Per parsed issue: the classifier's best class and its probability. */
type Guess = Array<{ category: Category; p: number } | null>;
function guesses(model: CategoryModel, m: Message): Guess {
  return (m.inputs ?? []).map((i) => {
    const pr = classify(model, i.summary);
    let best = 0;
    for (let k = 1; k < K; k++) if (pr[k]! > pr[best]!) best = k;
    return { category: model.classes[best]!, p: pr[best]! };
  });
}
const multiset = (xs: string[]) => [...xs].sort().join('|');
function decide(p: CategoryPolicy, m: Message, g: Guess): { cat: boolean; all: boolean } {
  const cats = m.got.issues.map((iss, k) => {
    const input = m.inputs?.[k];
    const guess = g[k];
    if (!input || !guess) return iss.category;
    const needed =
      input.score <= 0 ? (input.old ? p.unreadOld : p.unread) : input.score < p.weakBelow ? p.weakProb : null;
    return needed !== null && guess.p >= needed ? guess.category : iss.category;
  });
  const cat = multiset(cats) === multiset(m.expected.issues.map((i) => i.category));
  return { cat, all: cat && m.othersRight };
}

const started = Date.now();
/** --cache FILE: the parsed messages are kept there (the parse takes minutes; delete it after changing the parser). */
const cache = arg('cache');
const loaded: Array<{ messages: Message[]; examples: Example[] }> =
  cache && fs.existsSync(cache) ? JSON.parse(fs.readFileSync(cache, 'utf8')) : fitSpecs.map((s) => load(s));
if (cache && !fs.existsSync(cache)) fs.writeFileSync(cache, JSON.stringify(loaded));
const messages = loaded.flatMap((l) => l.messages);
const examples = loaded.flatMap((l) => l.examples);
process.stderr.write(
  `${messages.length} messages, ${examples.length} examples, read in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);

const grid = policies();
const heldOut = new Map<string, Array<{ m: Message; g: Guess }>>();
for (const spec of fitSpecs) {
  const model = train(examples.filter((e) => e.spec !== spec));
  heldOut.set(
    spec,
    messages.filter((m) => m.spec === spec).map((m) => ({ m, g: guesses(model, m) })),
  );
}
const tally = (p: CategoryPolicy, spec?: string) => {
  let cat = 0;
  let all = 0;
  let n = 0;
  for (const [s, rows] of heldOut) {
    if (spec && s !== spec) continue;
    for (const { m, g } of rows) {
      const r = decide(p, m, g);
      cat += Number(r.cat);
      all += Number(r.all);
      n++;
    }
  }
  return { cat, all, n };
};
/** --choose-on: choose the policy on these held-out sets only (default: all). */
const chooseOn = (arg('choose-on') ?? '').split(',').filter(Boolean);
const tallyOn = (p: CategoryPolicy) => {
  if (!chooseOn.length) return tally(p);
  const parts = chooseOn.map((s) => tally(p, s));
  return parts.reduce((a, b) => ({ cat: a.cat + b.cat, all: a.all + b.all, n: a.n + b.n }));
};
const scored = grid.map((p) => ({ p, ...tallyOn(p) }));
scored.sort((a, b) => b.cat - a.cat || b.all - a.all || room(a.p) - room(b.p));
const lexicon = grid[0]!;
const chosen = scored[0]!.p;
const rows = fitSpecs.map((spec) => {
  const a = tally(lexicon, spec);
  const c = tally(chosen, spec);
  return { spec, n: a.n, lexiconCat: a.cat, modelCat: c.cat, lexiconAll: a.all, modelAll: c.all };
});
// Issue by issue (parsed issues aligned with expected ones): the lexicon alone against the classifier alone.
let items = 0;
let lexRight = 0;
let clsRight = 0;
for (const list of heldOut.values())
  for (const { m, g } of list)
    for (const [gi, ei] of align(
      m.got.issues.map((i) => i.summary),
      m.expected.issues.map((i) => i.summary),
    )) {
      if (!g[gi]) continue;
      items++;
      lexRight += Number(m.got.issues[gi]!.category === m.expected.issues[ei]!.category);
      clsRight += Number(g[gi]!.category === m.expected.issues[ei]!.category);
    }
const pct = (x: number, n: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
const report = {
  learner,
  lambda,
  epochs,
  fit: fitSpecs,
  chosen,
  top: scored.slice(0, 8).map((s) => ({ ...s.p, cat: s.cat, all: s.all })),
  perSet: rows,
};
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  process.stdout.write(`learner ${learner}; chosen policy ${JSON.stringify(chosen)}\n`);
  process.stdout.write('held-out set          n   categories lexicon→model   all fields lexicon→model\n');
  for (const r of rows)
    process.stdout.write(
      `${r.spec.padEnd(18)}${String(r.n).padStart(5)}   ${pct(r.lexiconCat, r.n).padStart(7)} → ${pct(r.modelCat, r.n).padEnd(10)} ${pct(r.lexiconAll, r.n).padStart(7)} → ${pct(r.modelAll, r.n)}\n`,
    );
  const t = rows.reduce(
    (s, r) => ({
      n: s.n + r.n,
      a: s.a + r.lexiconCat,
      b: s.b + r.modelCat,
      c: s.c + r.lexiconAll,
      d: s.d + r.modelAll,
    }),
    { n: 0, a: 0, b: 0, c: 0, d: 0 },
  );
  process.stdout.write(
    `${'all'.padEnd(18)}${String(t.n).padStart(5)}   ${pct(t.a, t.n).padStart(7)} → ${pct(t.b, t.n).padEnd(10)} ${pct(t.c, t.n).padStart(7)} → ${pct(t.d, t.n)}\n`,
  );
  process.stdout.write(
    `issues aligned ${items}: lexicon ${pct(lexRight, items)}, classifier alone (held out) ${pct(clsRight, items)}\n`,
  );
  for (const s of scored.slice(0, 8)) process.stdout.write(`  ${JSON.stringify(s.p)} cat ${s.cat} all ${s.all}\n`);
}

if (args.includes('--write')) {
  const model = train(examples);
  const out = {
    about:
      'Learned category back-off (src/ledger/extract/category-model.ts), written by `npx tsx bench/category-model.ts --write`.',
    learner,
    lambda,
    epochs,
    fittedOn: fitSpecs,
    examples: examples.length,
    crossValidation: rows,
    classes: model.classes,
    bias: model.bias,
    temperature: model.temperature,
    policy: chosen,
    weights: model.weights,
  };
  fs.writeFileSync(CATEGORY_MODEL_FILE, `${JSON.stringify(out)}\n`);
  process.stderr.write(`wrote ${CATEGORY_MODEL_FILE} (${Object.keys(model.weights).length} n-grams)\n`);
}

if (args.includes('--diag'))
  for (const [spec, list] of heldOut)
    for (const { m, g } of list) {
      if (decide(lexicon, m, g).cat || m.got.issues.length !== m.expected.issues.length) continue;
      process.stdout.write(
        `${spec} | want ${m.expected.issues.map((i) => `${i.category}:${i.summary}`).join(' ; ')}\n    got ${m.got.issues
          .map(
            (iss, k) =>
              `${iss.category}(${m.inputs?.[k]?.score ?? '?'}${m.inputs?.[k]?.old ? ',old' : ''})→${g[k]?.category}@${g[k]?.p.toFixed(2)}:${iss.summary}`,
          )
          .join(' ; ')}\n`,
      );
    }

/**
 * --check spec,…: aggregate figures only (held-out halves, test halves, dev, dev2 may be named): per set the share of
 * messages with the categories / all fields right, the lexicon alone → with the back-off trained on all fit sets.
 */
const checkSpecs = (arg('check') ?? '').split(',').filter(Boolean);
if (checkSpecs.length) {
  const model = { ...train(examples), policy: chosen };
  const t = { n: 0, a: 0, b: 0, c: 0, d: 0, items: 0, lexItems: 0, clsItems: 0 };
  for (const spec of checkSpecs) {
    const { messages: ms } = load(spec, true);
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (const m of ms) {
      const g = guesses(model, m);
      for (const [gi, ei] of align(
        m.got.issues.map((i) => i.summary),
        m.expected.issues.map((i) => i.summary),
      )) {
        if (!g[gi]) continue;
        t.items++;
        t.lexItems += Number(m.got.issues[gi]!.category === m.expected.issues[ei]!.category);
        t.clsItems += Number(g[gi]!.category === m.expected.issues[ei]!.category);
      }
      const l = decide(lexicon, m, g);
      const r = decide(chosen, m, g);
      a += Number(l.cat);
      b += Number(r.cat);
      c += Number(l.all);
      d += Number(r.all);
    }
    Object.assign(t, { n: t.n + ms.length, a: t.a + a, b: t.b + b, c: t.c + c, d: t.d + d });
    process.stdout.write(
      `check ${spec.padEnd(40)}${String(ms.length).padStart(5)}  categories ${pct(a, ms.length)} → ${pct(b, ms.length)}  all ${pct(c, ms.length)} → ${pct(d, ms.length)}\n`,
    );
  }
  process.stdout.write(
    `check ${'total'.padEnd(40)}${String(t.n).padStart(5)}  categories ${pct(t.a, t.n)} → ${pct(t.b, t.n)}  all ${pct(t.c, t.n)} → ${pct(t.d, t.n)}\n`,
  );
  process.stdout.write(
    `check issues aligned ${t.items}: lexicon ${pct(t.lexItems, t.items)}, classifier alone ${pct(t.clsItems, t.items)}\n`,
  );
}
