/**
 * The status parser's confidence, calibrated: a logistic regression of "the parse is wrong" (any scored field) on the
 * doubts it carries (src/ledger/model.ts CONFIDENCE_REASONS), fitted on the tuning halves, and what the ledger would
 * do with the weights now in data/ledger/confidence-weights.json and with the fitted ones.
 *   npx tsx bench/confidence-fit.ts [--fit tune,…,tune8:odd,tune9:odd] [--check tune8:even,tune9:even,dev]
 *                                   [--min 4] [--ask-at 0.5] [--lambda 1] [--floor doubt=w,…]
 *                                   [--only doubt,…] [--drop doubt,…] [--write] [--json]
 * A set is a name or a path, with an optional `:odd` / `:even` (the items whose id ends in an odd / even number):
 * dev = ../shared/eval/updates-dev.jsonl, tune … tune9 = data/eval/updates{,2,…,9}-tune.jsonl; test halves and dev2
 * are refused (report on them with `zct eval-updates`). The A/B protocol: fitted on --fit only (the halves read item
 * by item: updates…updates7-tune whole, the odd ids of updates8/9-tune), --check (their even ids, dev) says whether
 * the weights carry over.
 *
 * The model: logit P(wrong) = α_set + Σ β_doubt over the doubts seen at least --min times on --fit, L2-regularised
 * (--lambda), one intercept per fit set: a half the parser was tuned on item by item is easier than unseen text, and
 * its own base rate goes there while the doubts share one slope. The ledger asks when a parse is more likely wrong
 * than --ask-at, judged at the intercept of the hardest fit set (the least tuned, closest to text nobody has read).
 * The ledger multiplies (1 − weight) over a parse's doubts and asks below CONFIDENT (0.7); with
 * D = logit(ask-at) − that intercept a doubt of slope β weighs 1 − CONFIDENT^(β / D), so the product falls below
 * CONFIDENT exactly when the regression's chance of a wrong parse passes ask-at. A doubt whose parses are right at
 * least as often as others (β ≤ 0) weighs 0: a doubt never raises the confidence. Doubts seen fewer than --min times
 * keep the weight they have; --floor sets a least weight for named doubts (by default the four issue 11 has the bot
 * always confirm, ALWAYS_ASK). --drop leaves doubts out (as if never raised) to measure what each adds; --only fits just those.
 * --write puts the weights into data/ledger/confidence-weights.json with what they were fitted on.
 *
 * Per set: asked first (share of all messages the bot would show as a card, as `zct eval-updates` counts it),
 * recorded wrong without asking (share of all messages), the cost (share of the right parses that were asked
 * about) and the catch (share of the wrong parses that were asked about).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readUpdatesSet } from '../src/cli/commands/eval-updates.js';
import { loadKnownEnterprises } from '../src/ledger/lexicon/enterprises.js';
import { projectRoot } from '../src/cli/commands/eval.js';
import {
  compareExtraction,
  CONFIDENT,
  extractUpdate,
  REASON_WEIGHT,
  SCORED_FIELDS,
} from '../src/ledger/extract/index.js';
import { CONFIDENCE_WEIGHTS_FILE } from '../src/ledger/extract/confidence.js';
import { CONFIDENCE_REASONS, type ConfidenceReason } from '../src/ledger/model.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = projectRoot();
const SETS: Record<string, string> = {
  dev: path.resolve(root, '../shared/eval/updates-dev.jsonl'),
  ...Object.fromEntries(
    ['', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => [
      `tune${n}`,
      path.join(root, `data/eval/updates${n}-tune.jsonl`),
    ]),
  ),
};
const DEFAULT_FIT = 'tune,tune2,tune3,tune4,tune5,tune6,tune7,tune8:odd,tune9:odd';
const fitSpecs = (arg('fit') ?? DEFAULT_FIT).split(',');
const checkSpecs = (arg('check') ?? 'tune8:even,tune9:even,dev').split(',');
const min = Number(arg('min') ?? 4);
const askAt = Number(arg('ask-at') ?? 0.5);
const lambda = Number(arg('lambda') ?? 1);
/** Doubts to leave out (as if never raised), to measure what each adds. */
const dropped = new Set((arg('drop') ?? '').split(',').filter(Boolean));
/** --only: fit just these doubts, the others keep their current weights (a new detector joins a settled model). */
const only = new Set((arg('only') ?? '').split(',').filter(Boolean));
/**
 * Doubts issue 11 has the bot always confirm, whatever their measured rate: several enterprises in one message, an
 * unknown word where a department should be, hand-offs that match no listed item, a name guessed from an opening
 * word. Their weight is at least 0.35 (alone they ask). `--floor ''` fits them like the others.
 */
const ALWAYS_ASK =
  'several_enterprises=0.35,unknown_department=0.35,unmatched_list_handoff=0.35,guessed_enterprise=0.35';
const floors = new Map(
  (arg('floor') ?? ALWAYS_ASK)
    .split(',')
    .filter(Boolean)
    .map((x) => {
      const [r, w] = x.split('=');
      if (!CONFIDENCE_REASONS.includes(r as ConfidenceReason)) throw new Error(`--floor: no doubt ${r}`);
      return [r as ConfidenceReason, Number(w)] as const;
    }),
);
const known = loadKnownEnterprises();

interface Row {
  spec: string;
  recorded: boolean;
  wrong: boolean;
  reasons: ConfidenceReason[];
}

/** The rows of one set spec (name or path, optionally :odd / :even). */
function load(spec: string): Row[] {
  const [name, half] = spec.split(':') as [string, string | undefined];
  const file = SETS[name] ?? path.resolve(name);
  if (/-test\.jsonl$|-own\.jsonl$|dev2|updates12-/.test(file))
    throw new Error(`${file}: test halves, own sets, dev2 and the newest sets are for reporting, not fitting`);
  if (half !== undefined && half !== 'odd' && half !== 'even') throw new Error(`${spec}: use :odd or :even`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`skip ${spec}: ${file} not found\n`);
    return [];
  }
  const rows: Row[] = [];
  for (const c of readUpdatesSet(file)) {
    if (half) {
      const n = Number(/(\d+)$/.exec(c.id)?.[1] ?? Number.NaN);
      if (Number.isNaN(n) || (n % 2 === 1) !== (half === 'odd')) continue;
    }
    const got = extractUpdate(c.text, { today: c.today, knownEnterprises: known });
    const cmp = compareExtraction(got, c.expected);
    rows.push({
      spec,
      recorded: got.kind !== 'not_update',
      wrong: SCORED_FIELDS.some((f) => !cmp[f]),
      reasons: (got.reasons ?? []).filter((r) => !dropped.has(r)),
    });
  }
  return rows;
}

const fitRows = fitSpecs.flatMap(load);
const checkRows = checkSpecs.flatMap(load);
const recordedFit = fitRows.filter((x) => x.recorded);
const recordedCheck = checkRows.filter((x) => x.recorded);
const count = (rows: Row[], r: ConfidenceReason) => {
  const seen = rows.filter((x) => x.reasons.includes(r));
  return { n: seen.length, wrong: seen.filter((x) => x.wrong).length };
};

/** L2-regularised logistic regression with one intercept per set (gradient descent; the features are 0/1). */
function logistic(rows: Row[], features: ConfidenceReason[]) {
  const specs = [...new Set(rows.map((x) => x.spec))];
  const X: number[][] = rows.map((x) => features.map((f) => (x.reasons.includes(f) ? 1 : 0)));
  const S = rows.map((x) => specs.indexOf(x.spec));
  const y = rows.map((x) => (x.wrong ? 1 : 0));
  const beta = features.map(() => 0);
  const alpha = specs.map(() => -2);
  const n = rows.length;
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  for (let it = 0; it < 20000; it++) {
    const gb = beta.map((b) => (lambda * b) / n);
    const ga = alpha.map(() => 0);
    for (let i = 0; i < n; i++) {
      const z = alpha[S[i]!]! + X[i]!.reduce((acc, v, j) => acc + v * beta[j]!, 0);
      const d = (sig(z) - y[i]!) / n;
      ga[S[i]!]! += d;
      X[i]!.forEach((v, j) => {
        gb[j]! += v * d;
      });
    }
    for (let j = 0; j < beta.length; j++) beta[j]! -= 4 * gb[j]!;
    for (let s = 0; s < alpha.length; s++) alpha[s]! -= 4 * ga[s]!;
  }
  return {
    beta: Object.fromEntries(features.map((f, j) => [f, beta[j]!])) as Partial<Record<ConfidenceReason, number>>,
    alpha: Object.fromEntries(specs.map((s, i) => [s, alpha[i]!])) as Record<string, number>,
  };
}

const features = CONFIDENCE_REASONS.filter((r) => count(recordedFit, r).n >= min && (!only.size || only.has(r)));
const model = logistic(recordedFit, features);
/** The hardest fit set (highest intercept): the least tuned, the nearest to text nobody has read. */
const [reference, base] = Object.entries(model.alpha).sort((a, b) => b[1] - a[1])[0]!;
const D = Math.log(askAt / (1 - askAt)) - base;
if (!(D > 0)) throw new Error(`--ask-at ${askAt} is below the base rate of ${reference}: every parse would be asked`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const fitted: Record<ConfidenceReason, number> = { ...REASON_WEIGHT };
for (const r of features) fitted[r] = round2(Math.max(0, 1 - CONFIDENT ** (model.beta[r]! / D)));
for (const [r, w] of floors) fitted[r] = Math.max(fitted[r], w);
const table = CONFIDENCE_REASONS.map((r) => ({
  reason: r,
  fit: count(recordedFit, r),
  check: count(recordedCheck, r),
  slope: model.beta[r] ?? null,
  current: REASON_WEIGHT[r],
  fitted: fitted[r],
}));

function outcome(rows: Row[], weights: Record<ConfidenceReason, number>) {
  let asked = 0;
  let wrongUnasked = 0;
  let rightAsked = 0;
  let right = 0;
  let wrongAsked = 0;
  let wrong = 0;
  for (const x of rows) {
    if (!x.recorded) continue;
    // rounded as confidenceOf rounds the parse's confidence
    const ask = Math.round(x.reasons.reduce((acc, r) => acc * (1 - weights[r]), 1) * 100) / 100 < CONFIDENT;
    if (ask) asked++;
    if (x.wrong) {
      wrong++;
      if (ask) wrongAsked++;
      else wrongUnasked++;
    } else {
      right++;
      if (ask) rightAsked++;
    }
  }
  const n = rows.length || 1;
  return {
    messages: rows.length,
    asked: asked / n,
    wrongUnasked: wrongUnasked / n,
    cost: right ? rightAsked / right : 0,
    caught: wrong ? wrongAsked / wrong : 0,
  };
}

if (args.includes('--write')) {
  if (dropped.size) throw new Error('--write with --drop would fit weights for a reason set the parser does not have');
  const file = {
    comment:
      'Status-parser confidence: a parse is asked about when the product of (1 − weight) over its doubts falls below 0.7 (src/ledger/extract/confidence.ts). Written by `npx tsx bench/confidence-fit.ts --write`; do not edit by hand.',
    fitted: {
      sets: fitSpecs,
      rows: recordedFit.length,
      min,
      lambda,
      askAt,
      reference,
      intercepts: Object.fromEntries(Object.entries(model.alpha).map(([k, v]) => [k, round2(v)])),
      slopes: Object.fromEntries(Object.entries(model.beta).map(([k, v]) => [k, round2(v!)])),
      floors: Object.fromEntries(floors),
    },
    weights: fitted,
  };
  fs.writeFileSync(CONFIDENCE_WEIGHTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  process.stderr.write(`wrote the fitted weights into ${path.relative(root, CONFIDENCE_WEIGHTS_FILE)}\n`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sets = [...fitSpecs.map((s) => ['fit', s] as const), ...checkSpecs.map((s) => ['check', s] as const)];
const outcomes = sets.flatMap(([role, spec]) => {
  const rows = (role === 'fit' ? fitRows : checkRows).filter((x) => x.spec === spec);
  return [
    { role, spec, weights: 'now', ...outcome(rows, REASON_WEIGHT) },
    { role, spec, weights: 'fitted', ...outcome(rows, fitted) },
  ];
});
const pooled = (role: 'fit' | 'check') =>
  (['now', 'fitted'] as const).map((w) => ({
    role,
    spec: 'pooled',
    weights: w,
    ...outcome(role === 'fit' ? fitRows : checkRows, w === 'now' ? REASON_WEIGHT : fitted),
  }));
outcomes.push(...pooled('fit'), ...pooled('check'));
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ table, fitted, intercepts: model.alpha, reference, outcomes }, null, 2)}\n`);
} else {
  process.stdout.write(
    `fit on ${fitSpecs.join(', ')}: ${recordedFit.length} messages with something to record; intercepts ${Object.entries(
      model.alpha,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')}; asked above P(wrong) ${askAt} at ${reference}\n` +
      `check on ${checkSpecs.join(', ')}: ${recordedCheck.length} messages with something to record\n\n`,
  );
  process.stdout.write(
    '| doubt | fit: seen | fit: wrong | check: seen | check: wrong | slope | weight now | fitted |\n|---|---|---|---|---|---|---|---|\n',
  );
  for (const t of table)
    process.stdout.write(
      `| ${t.reason} | ${t.fit.n} | ${t.fit.wrong} | ${t.check.n} | ${t.check.wrong} | ${t.slope === null ? '—' : t.slope.toFixed(2)} | ${t.current} | ${t.fitted} |\n`,
    );
  process.stdout.write(
    '\n| set | weights | asked first | recorded wrong without asking | right parses asked (cost) | wrong parses asked (catch) |\n|---|---|---|---|---|---|\n',
  );
  for (const o of outcomes)
    process.stdout.write(
      `| ${o.role} ${o.spec} (${o.messages}) | ${o.weights} | ${pct(o.asked)} | ${pct(o.wrongUnasked)} | ${pct(o.cost)} | ${pct(o.caught)} |\n`,
    );
}
