/**
 * The status parser's confidence, calibrated: how often a parse carrying each doubt
 * (src/ledger/model.ts CONFIDENCE_REASONS) is wrong on labelled tuning sets, and what the ledger would do
 * with the current weights and with weights fitted from those rates — the share of messages it would
 * ask about first, and the share it would record without asking although a field is wrong.
 *   npx tsx bench/confidence-fit.ts [--sets dev,tune,tune2,tune3] [--min 4] [--json]
 * Sets: dev = ../shared/eval/updates-dev.jsonl, tune/tune2/tune3 = data/eval/updates{,2,3}-tune.jsonl
 * (a name or a path; test halves are refused). A doubt's fitted weight is its Laplace-smoothed error
 * rate, (wrong + 1) / (n + 2), where it was seen at least --min times; otherwise the current weight stays.
 * The ledger asks below CONFIDENT (0.7): a doubt alone makes it ask when its weight is above 0.3. Three doubts
 * are always asked about (ALWAYS_ASK): their weight is at least 0.35.
 */
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
};
const names = (arg('sets') ?? 'dev,tune,tune2,tune3').split(',');
const min = Number(arg('min') ?? 4);
const known = loadKnownEnterprises();

interface Row {
  set: string;
  wrong: boolean;
  reasons: ConfidenceReason[];
}
const rows: Row[] = [];
for (const name of names) {
  const file = SETS[name] ?? path.resolve(name);
  if (/-test\.jsonl$|dev2/.test(file)) throw new Error(`${file}: test halves and dev2 are for reporting, not fitting`);
  let cases: ReturnType<typeof readUpdatesSet>;
  try {
    cases = readUpdatesSet(file);
  } catch {
    process.stderr.write(`skip ${name}: ${file} not found\n`);
    continue;
  }
  for (const c of cases) {
    const got = extractUpdate(c.text, { today: c.today, knownEnterprises: known });
    if (got.kind === 'not_update') continue; // nothing recorded, nothing asked
    const cmp = compareExtraction(got, c.expected);
    rows.push({ set: name, wrong: SCORED_FIELDS.some((f) => !cmp[f]), reasons: got.reasons ?? [] });
  }
}

/**
 * Doubts the product always confirms, whatever their measured rate (issue 11: several enterprises, an unknown
 * word where a department should be, hand-offs that match no listed item): their weight is at least this.
 */
const ALWAYS_ASK = new Set<ConfidenceReason>(['several_enterprises', 'unknown_department', 'unmatched_list_handoff']);
const ALWAYS_ASK_WEIGHT = 0.35;
const fitted: Record<ConfidenceReason, number> = { ...REASON_WEIGHT };
const table: Array<{ reason: string; n: number; wrong: number; current: number; fitted: number }> = [];
for (const r of CONFIDENCE_REASONS) {
  const seen = rows.filter((x) => x.reasons.includes(r));
  const wrong = seen.filter((x) => x.wrong).length;
  if (seen.length >= min) fitted[r] = Math.round(((wrong + 1) / (seen.length + 2)) * 100) / 100;
  if (ALWAYS_ASK.has(r)) fitted[r] = Math.max(fitted[r], ALWAYS_ASK_WEIGHT);
  table.push({ reason: r, n: seen.length, wrong, current: REASON_WEIGHT[r], fitted: fitted[r] });
}
const none = rows.filter((x) => x.reasons.length === 0);

function outcome(weights: Record<ConfidenceReason, number>, set?: string) {
  const rs = set ? rows.filter((x) => x.set === set) : rows;
  let asked = 0;
  let confidentWrong = 0;
  for (const x of rs) {
    const c = x.reasons.reduce((acc, r) => acc * (1 - weights[r]), 1);
    if (c < CONFIDENT) asked++;
    else if (x.wrong) confidentWrong++;
  }
  const n = rs.length || 1;
  return { recorded: rs.length, asked: asked / n, confidentWrong: confidentWrong / n };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ table, fitted, none: none.length }, null, 2)}\n`);
} else {
  process.stdout.write(
    `messages with something to record: ${rows.length}; with no doubt: ${none.length}, of them wrong ${none.filter((x) => x.wrong).length}\n\n`,
  );
  process.stdout.write('| doubt | seen | wrong | weight now | fitted |\n|---|---|---|---|---|\n');
  for (const t of table) process.stdout.write(`| ${t.reason} | ${t.n} | ${t.wrong} | ${t.current} | ${t.fitted} |\n`);
  process.stdout.write('\n| set | weights | asked first | recorded wrong without asking |\n|---|---|---|---|\n');
  for (const set of [...names, undefined]) {
    for (const [label, w] of [
      ['now', REASON_WEIGHT],
      ['fitted', fitted],
    ] as const) {
      const o = outcome(w, set);
      process.stdout.write(`| ${set ?? 'all'} | ${label} | ${pct(o.asked)} | ${pct(o.confidentWrong)} |\n`);
    }
  }
}
