/**
 * The status parser's confidence, calibrated: how often a parse carrying each doubt
 * (src/ledger/model.ts CONFIDENCE_REASONS) is wrong on labelled tuning sets, and what the ledger would do
 * with the current weights and with weights fitted from those rates.
 *   npx tsx bench/confidence-fit.ts [--fit tune:odd,…,tune6:odd] [--check tune:even,…,tune6:even,dev]
 *                                   [--min 4] [--ask-at 0.5] [--only doubt,…] [--drop doubt,…] [--absolute]
 *                                   [--logistic [--pooled] [--lambda 1]] [--keep-higher] [--write] [--json]
 * A set is a name or a path, with an optional `:odd` / `:even` (the items whose id ends in an odd / even
 * number): dev = ../shared/eval/updates-dev.jsonl, tune … tune5 = data/eval/updates{,2,3,4,5}-tune.jsonl; test
 * halves and dev2 are refused. The A/B protocol: weights are fitted on --fit only (the odd ids of the tuning
 * halves), and --check (their even ids, dev) says whether they carry over. The weights in confidence.ts come from
 * `--ask-at 0.5 --write` with the defaults.
 *
 * A doubt's fitted weight is how much it lowers the chance that a parse is right, relative to a parse with no
 * doubt: 1 − P(right | doubt) / P(right | no doubt), both Laplace-smoothed error rates on --fit ((wrong + 1) /
 * (n + 2)), where the doubt was seen at least --min times; otherwise the current weight stays. The confidence is
 * the product of (1 − weight) over a parse's doubts, so a doubt as often wrong as a doubt-free parse weighs 0
 * and two weak doubts do not add up to a question by themselves. (--absolute: the weight is the doubt's error
 * rate itself, the fit of the third round, which counts the base error rate once per doubt.) The ledger asks
 * below CONFIDENT (0.7). Four doubts are always asked about (ALWAYS_ASK): their weight is at least 0.35.
 * --drop leaves doubts out (as if never raised) to measure what each adds.
 * --write puts the fitted weights into src/ledger/extract/confidence.ts (between the `fitted weights` markers).
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
import { RESIDUE_AT, unexplainedShare } from '../src/ledger/extract/doubts.js';
import { CONFIDENCE_REASONS, type ConfidenceReason } from '../src/ledger/model.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = projectRoot();
const SETS: Record<string, string> = {
  dev: path.resolve(root, '../shared/eval/updates-dev.jsonl'),
  tune: path.join(root, 'data/eval/updates-tune.jsonl'),
  tune2: path.join(root, 'data/eval/updates2-tune.jsonl'),
  tune3: path.join(root, 'data/eval/updates3-tune.jsonl'),
  tune4: path.join(root, 'data/eval/updates4-tune.jsonl'),
  tune5: path.join(root, 'data/eval/updates5-tune.jsonl'),
  tune6: path.join(root, 'data/eval/updates6-tune.jsonl'),
  tune7: path.join(root, 'data/eval/updates7-tune.jsonl'),
};
const fitSpecs = (arg('fit') ?? 'tune:odd,tune2:odd,tune3:odd,tune4:odd,tune5:odd,tune6:odd').split(',');
const checkSpecs = (arg('check') ?? 'tune:even,tune2:even,tune3:even,tune4:even,tune5:even,tune6:even,dev').split(',');
const min = Number(arg('min') ?? 4);
/** Doubts to leave out (as if never raised), to measure what each adds. */
const dropped = new Set((arg('drop') ?? '').split(',').filter(Boolean));
/** --only: fit just these doubts, the others keep their current weights (a new detector joins a settled model). */
const only = new Set((arg('only') ?? '').split(',').filter(Boolean));
const known = loadKnownEnterprises();

interface Row {
  spec: string;
  recorded: boolean;
  wrong: boolean;
  reasons: ConfidenceReason[];
  residue: number;
}

/** The rows of one set spec (name or path, optionally :odd / :even). */
function load(spec: string): Row[] {
  const [name, half] = spec.split(':') as [string, string | undefined];
  const file = SETS[name] ?? path.resolve(name);
  if (/-test\.jsonl$|dev2/.test(file)) throw new Error(`${file}: test halves and dev2 are for reporting, not fitting`);
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
      residue: got.kind === 'not_update' ? 0 : unexplainedShare(c.text, known),
    });
  }
  return rows;
}

const fitRows = fitSpecs.flatMap(load);
const checkRows = checkSpecs.flatMap(load);
const recordedFit = fitRows.filter((x) => x.recorded);
const recordedCheck = checkRows.filter((x) => x.recorded);

/**
 * Doubts the product always confirms, whatever their measured rate (issue 11: several enterprises, an unknown
 * word where a department should be, hand-offs that match no listed item): their weight is at least this.
 */
const ALWAYS_ASK = new Set<ConfidenceReason>([
  'several_enterprises',
  'unknown_department',
  'unmatched_list_handoff',
  'guessed_enterprise',
]);
const ALWAYS_ASK_WEIGHT = 0.35;
const fitted: Record<ConfidenceReason, number> = { ...REASON_WEIGHT };
const count = (rows: Row[], r: ConfidenceReason) => {
  const seen = rows.filter((x) => x.reasons.includes(r));
  return { n: seen.length, wrong: seen.filter((x) => x.wrong).length };
};
const clean = recordedFit.filter((x) => x.reasons.length === 0);
const baseRate = (clean.filter((x) => x.wrong).length + 1) / (clean.length + 2);
/**
 * --ask-at τ: scale the relative weights so that the product falls below CONFIDENT where a parse's estimated chance
 * of being wrong passes τ (with the doubts independent: P(right | doubts) = P(right | none) × Π(1 − relative
 * weight)); each weight becomes 1 − (1 − relative)^k, k = ln CONFIDENT / ln((1 − τ) / P(right | none)). Without it
 * the relative weights ask from 1 − CONFIDENT × P(right | none) on (about a one-in-three chance of a wrong parse).
 */
const askAt = arg('ask-at') === undefined ? null : Number(arg('ask-at'));
const askScale = askAt === null ? 1 : Math.log(CONFIDENT) / Math.log((1 - askAt) / (1 - baseRate));
const keepHigher = args.includes('--keep-higher');
const table = CONFIDENCE_REASONS.map((r) => {
  const fit = count(recordedFit, r);
  const check = count(recordedCheck, r);
  if (fit.n >= min && (!only.size || only.has(r))) {
    const rate = (fit.wrong + 1) / (fit.n + 2);
    const relative = Math.max(0, 1 - (1 - rate) / (1 - baseRate));
    fitted[r] = Math.round((args.includes('--absolute') ? rate : 1 - (1 - relative) ** askScale) * 100) / 100;
  }
  if (ALWAYS_ASK.has(r)) fitted[r] = Math.max(fitted[r], ALWAYS_ASK_WEIGHT);
  // --keep-higher: a refit raises weights, never lowers them — on halves the parser was tuned on item by item a
  // doubt's parses are right far more often than on new text (the even ids show it), so a lower rate there is no
  // evidence that the doubt stopped mattering
  if (keepHigher) fitted[r] = Math.max(fitted[r], REASON_WEIGHT[r]);
  return { reason: r, fit, check, current: REASON_WEIGHT[r], fitted: fitted[r] };
});

/**
 * --logistic: the weights from an L2-regularised logistic regression of "the parse is wrong" on the doubts seen at
 * least --min times on --fit, with one intercept per fit set (a tuned half is easier for the parser than unseen text;
 * each set's own base rate is absorbed there and the doubts share one slope). The ledger should ask when a parse is
 * more likely wrong than --ask-at (default 0.5: a question is cheaper than a wrong record, but an ask that is more
 * often needless than not makes the bot useless), judged at the intercept of the hardest fit set (the least tuned,
 * closest to text nobody has read). The product model asks below CONFIDENT, so with D = logit(ask-at) − that
 * intercept a doubt of slope β weighs 1 − CONFIDENT^(β / D): the product falls below CONFIDENT exactly when the
 * regression's chance of a wrong parse passes ask-at (doubts that make a parse likelier right weigh 0).
 */
function logisticWeights(rows: Row[], features: ConfidenceReason[], lambda: number, askAt: number, pooled: boolean) {
  const specs = pooled ? ['all'] : [...new Set(rows.map((x) => x.spec))];
  const X: number[][] = rows.map((x) => features.map((f) => (x.reasons.includes(f) ? 1 : 0)));
  const y = rows.map((x) => (x.wrong ? 1 : 0));
  const beta = features.map(() => 0);
  const alpha = specs.map(() => -2);
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  for (let it = 0; it < 20000; it++) {
    const gb = beta.map((b) => lambda * b);
    const ga = alpha.map(() => 0);
    rows.forEach((r, i) => {
      const s = pooled ? 0 : specs.indexOf(r.spec);
      const z = alpha[s]! + X[i]!.reduce((acc, v, j) => acc + v * beta[j]!, 0);
      const d = sig(z) - y[i]!;
      ga[s]! += d;
      X[i]!.forEach((v, j) => {
        gb[j]! += v * d;
      });
    });
    const rate = 0.5 / rows.length;
    beta.forEach((_, j) => {
      beta[j]! -= rate * gb[j]! * 10;
    });
    alpha.forEach((_, s) => {
      alpha[s]! -= rate * ga[s]! * 10;
    });
  }
  const base = Math.max(...alpha);
  const D = Math.log(askAt / (1 - askAt)) - base;
  const weights = Object.fromEntries(
    features.map((f, j) => [f, Math.round(Math.max(0, 1 - CONFIDENT ** (beta[j]! / D)) * 100) / 100]),
  ) as Partial<Record<ConfidenceReason, number>>;
  return {
    weights,
    beta: Object.fromEntries(features.map((f, j) => [f, beta[j]!])),
    alpha: Object.fromEntries(specs.map((s, i) => [s, alpha[i]!])),
  };
}

if (args.includes('--logistic')) {
  const features = CONFIDENCE_REASONS.filter((r) => count(recordedFit, r).n >= min);
  const fit = logisticWeights(
    recordedFit,
    features,
    Number(arg('lambda') ?? 1),
    Number(arg('ask-at') ?? 0.5),
    args.includes('--pooled'),
  );
  for (const r of features) {
    fitted[r] = fit.weights[r] ?? fitted[r];
    if (ALWAYS_ASK.has(r)) fitted[r] = Math.max(fitted[r], ALWAYS_ASK_WEIGHT);
  }
  for (const t of table) t.fitted = fitted[t.reason];
  process.stderr.write(
    `logistic: intercepts ${JSON.stringify(fit.alpha, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}\n` +
      `slopes ${JSON.stringify(fit.beta, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}\n`,
  );
}

function outcome(rows: Row[], weights: Record<ConfidenceReason, number>) {
  let asked = 0;
  let wrongUnasked = 0;
  let rightAsked = 0;
  let right = 0;
  let wrongAsked = 0;
  let wrong = 0;
  for (const x of rows) {
    if (!x.recorded) continue;
    const ask = x.reasons.reduce((acc, r) => acc * (1 - weights[r]), 1) < CONFIDENT;
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

/** How parses whose unread share reaches each threshold fare on --fit (how RESIDUE_AT was chosen). */
const sweep = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6].map((at) => {
  const fit = recordedFit.filter((x) => x.residue >= at);
  const check = recordedCheck.filter((x) => x.residue >= at);
  return {
    at,
    fit: { n: fit.length, wrong: fit.filter((x) => x.wrong).length },
    check: { n: check.length, wrong: check.filter((x) => x.wrong).length },
  };
});

const WEIGHTS_BEGIN = '// fitted weights: begin (bench/confidence-fit.ts --write)';
const WEIGHTS_END = '// fitted weights: end';
if (args.includes('--write')) {
  if (dropped.size) throw new Error('--write with --drop would fit weights for a reason set the parser does not have');
  const file = path.join(root, 'src/ledger/extract/confidence.ts');
  const src = fs.readFileSync(file, 'utf8');
  const a = src.indexOf(WEIGHTS_BEGIN);
  const b = src.indexOf(WEIGHTS_END);
  if (a < 0 || b < a) throw new Error(`${file}: the fitted-weights markers are missing`);
  const body = CONFIDENCE_REASONS.map((r) => `  ${r}: ${fitted[r]},`).join('\n');
  fs.writeFileSync(file, `${src.slice(0, a + WEIGHTS_BEGIN.length)}\n${body}\n  ${src.slice(b)}`);
  process.stderr.write(`wrote the fitted weights into ${path.relative(root, file)}\n`);
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
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ table, fitted, outcomes, sweep, residueAt: RESIDUE_AT }, null, 2)}\n`);
} else {
  const none = recordedFit.filter((x) => x.reasons.length === 0);
  process.stdout.write(
    `fit on ${fitSpecs.join(', ')}: ${recordedFit.length} messages with something to record; with no doubt ${none.length}, of them wrong ${none.filter((x) => x.wrong).length}\n` +
      `check on ${checkSpecs.join(', ')}: ${recordedCheck.length} messages with something to record\n\n`,
  );
  process.stdout.write(
    '| doubt | fit: seen | fit: wrong | check: seen | check: wrong | weight now | fitted |\n|---|---|---|---|---|---|---|\n',
  );
  for (const t of table)
    process.stdout.write(
      `| ${t.reason} | ${t.fit.n} | ${t.fit.wrong} | ${t.check.n} | ${t.check.wrong} | ${t.current} | ${t.fitted} |\n`,
    );
  process.stdout.write(
    '\n| set | weights | asked first | recorded wrong without asking | right parses asked (cost) | wrong parses asked (catch) |\n|---|---|---|---|---|---|\n',
  );
  for (const o of outcomes)
    process.stdout.write(
      `| ${o.role} ${o.spec} (${o.messages}) | ${o.weights} | ${pct(o.asked)} | ${pct(o.wrongUnasked)} | ${pct(o.cost)} | ${pct(o.caught)} |\n`,
    );
  process.stdout.write(
    `\nunread share (unexplained_text at ${RESIDUE_AT}): | at least | fit: seen | fit: wrong | check: seen | check: wrong |\n`,
  );
  for (const s of sweep)
    process.stdout.write(`| ${s.at} | ${s.fit.n} | ${s.fit.wrong} | ${s.check.n} | ${s.check.wrong} |\n`);
}
