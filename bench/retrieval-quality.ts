/**
 * "Retrieval quality": Recall@1 / Recall@5 of the evidence passage, per ranking piece, on every set.
 *   npx tsx bench/retrieval-quality.ts [--sets dev,dev2,tune,test,cmrc] [--variants full,-colloquial,…] [--json]
 * A set may end in :odd / :even (the A/B halves by id parity); `--misses` prints the R@1 misses of the
 * odd half of a tuning set (tune:odd … tune5:odd) — and of nothing else.
 * Policy sets (`qa-*.jsonl`: question, doc, evidence[]): a passage is right when it holds an evidence
 * string (whitespace removed), as in `zct eval`; unanswerable questions are skipped. CMRC trial chunks
 * (../shared/eval/cmrc2018-trial): the first distinct chunk ids, as `zct search-batch --k 5` prints them.
 * Variants: `crude` (char-bigram BM25 over 400-character windows, the issue's baseline), `chars` (char
 * unigram+bigram BM25 of the passage only), `+description`, `+words`, `+colloquial`, `+answer-type`, `+enumeration`,
 * `+constraints` (places, years, batches the question names), `+follow-on` (the lead-in follow-on
 * and item N, 第四部分 / 第五条), `+first-mention` (= the product: “X是干嘛的” → the passage introducing X). Each adds one piece to the previous one. `+list-rerank`, `+prf` and `+framing` add a piece that was
 * measured and left out (it loses R@1 on the sets it was not tuned on, or wins nothing on the check halves).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readBatchCorpus } from '../src/cli/commands/search-batch.js';
import { projectRoot } from '../src/cli/commands/eval.js';
import { loadLibrary } from '../src/corpus/index.js';
import type { CorpusDocument } from '../src/corpus/types.js';
import { Bm25Index } from '../src/retrieval/bm25.js';
import { chunkDocument, type ChunkOptions } from '../src/retrieval/chunker.js';
import { isCorrectPassage, readEvalSet } from '../src/retrieval/evaluate.js';
import type { RankingOptions } from '../src/retrieval/lexical.js';
import { buildRetriever } from '../src/retrieval/retriever.js';
import { Tokenizer } from '../src/retrieval/tokenizer.js';
import type { Chunk } from '../src/retrieval/types.js';
import { flag } from './args.js';

const root = projectRoot();
const near = (rel: string) =>
  [path.resolve(root, '..', rel), path.resolve(root, '../..', rel)].find((p) => fs.existsSync(p)) ??
  path.resolve(root, '..', rel);
const SHARED = near('shared/eval');
const OWN = near('main/data/eval');
/** One of our own sets: this checkout's data/eval, else main's beside it (a helper's worktree). */
const own = (file: string) =>
  fs.existsSync(path.join(root, 'data/eval', file)) ? path.join(root, 'data/eval', file) : path.join(OWN, file);
const SET_FILES: Record<string, string> = {
  dev: path.join(SHARED, 'qa-dev.jsonl'),
  dev2: path.join(SHARED, 'qa-dev2.jsonl'),
  tune: own('qa-tune.jsonl'),
  tune2: own('qa2-tune.jsonl'),
  tune3: own('qa3-tune.jsonl'),
  tune4: own('qa4-tune.jsonl'),
  tune5: own('qa5-tune.jsonl'),
  tune6: own('qa6-tune.jsonl'),
  tune7: own('qa7-tune.jsonl'),
  tune8: own('qa8-tune.jsonl'),
  test: own('qa-test.jsonl'),
  test2: own('qa2-test.jsonl'),
  test3: own('qa3-test.jsonl'),
  test4: own('qa4-test.jsonl'),
  test5: own('qa5-test.jsonl'),
  test6: own('qa6-test.jsonl'),
  test7: own('qa7-test.jsonl'),
  test8: own('qa8-test.jsonl'),
};
const CMRC = path.join(SHARED, 'cmrc2018-trial');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Search = (q: string, k: number) => Promise<Chunk[]>;
interface Variant {
  name: string;
  build(docs: CorpusDocument[], chunkOptions: ChunkOptions): Promise<Search>;
}

function productVariant(name: string, ranking: RankingOptions): Variant {
  return {
    name,
    async build(docs, chunkOptions) {
      const r = await buildRetriever(docs, { chunkOptions, ranking });
      return async (q, k) => (await r.search(q, k)).hits.map((h) => h.chunk);
    },
  };
}

/** The issue's crude baseline: char-bigram BM25 over 400-character windows (200 overlap; CMRC chunks whole). */
const crude: Variant = {
  name: 'crude',
  async build(docs, chunkOptions) {
    const tok = new Tokenizer();
    const chunks: Chunk[] = [];
    for (const d of docs) {
      if (chunkOptions.wholeIfFits && d.text.length <= 600) {
        chunks.push(...(await chunkDocument(d, chunkOptions)));
        continue;
      }
      for (let at = 0, n = 0; at < d.text.length; at += 200, n++) {
        chunks.push({
          id: `${d.id}::${n}`,
          docId: d.id,
          title: d.title,
          source: d.source,
          date: d.date,
          headings: [],
          text: d.text.slice(at, at + 400),
        });
        if (at + 400 >= d.text.length) break;
      }
    }
    const index = Bm25Index.build(
      [{ name: 'bigrams', weight: 1 }],
      chunks.map((c) => [tok.charGrams(c.text).bigrams]),
    );
    return async (q, k) => index.search([tok.charGrams(q).bigrams], k).map((s) => chunks[s.doc]!);
  },
};

/**
 * The product's ranking pieces in the order the ablation turns them on, each with its setting when off: a variant
 * is the product with every later piece off (`chars` has them all off; `+first-mention` is the product).
 */
const LADDER: Array<[string, RankingOptions]> = [
  ['+description', { description: false }],
  ['+words', { wordsWeight: 0 }],
  ['+colloquial', { colloquial: false }],
  ['+answer-type', { answerType: false, listRerank: false }],
  ['+enumeration', { enumeration: false }],
  ['+constraints', { constraint: 0 }],
  ['+follow-on', { followOn: 0, ordinal: false }],
  ['+first-mention', { definitionFirst: 0 }],
];
const allOff = (pieces: Array<[string, RankingOptions]>): RankingOptions =>
  Object.assign({}, ...pieces.map(([, off]) => off));

const VARIANTS: Variant[] = [
  crude,
  productVariant('chars', allOff(LADDER)),
  ...LADDER.map(([name], i) => productVariant(name, allOff(LADDER.slice(i + 1)))),
  productVariant('+list-rerank', { listRerank: true }),
  productVariant('+prf', { prf: 0.1 }),
  productVariant('+framing', { framing: true }),
  ...(process.env.EXPERIMENT
    ? (JSON.parse(process.env.EXPERIMENT) as Array<[string, RankingOptions]>).map(([n, r]) => productVariant(n, r))
    : []),
];

/** `tune3:odd` → the rows of tune3 whose id ends in an odd number (A/B halves); no suffix → all rows. */
function inHalf(id: string, half: string | undefined): boolean {
  if (!half) return true;
  const n = Number(/(\d+)\D*$/u.exec(id)?.[1] ?? Number.NaN);
  return half === 'odd' ? n % 2 === 1 : n % 2 === 0;
}

async function policyScore(search: Search, set: string): Promise<{ n: number; r1: number; r5: number }> {
  const [name, half] = set.split(':');
  const qs = readEvalSet(SET_FILES[name!]!).filter(
    (q) => q.doc !== null && q.evidence.length > 0 && inHalf(q.id, half),
  );
  // Per-item misses only for the analysis halves (odd ids of a tuning set): never a test set, dev2 or an even half.
  const dump = flag('misses') && half === 'odd' && /^tune\d?$/u.test(name!);
  let r1 = 0;
  let r5 = 0;
  for (const q of qs) {
    const hits = await search(q.question, 5);
    const i = hits.findIndex((h) => isCorrectPassage(h.text, q.evidence));
    if (i === 0) r1++;
    if (i >= 0) r5++;
    if (dump && i !== 0)
      process.stderr.write(
        `MISS ${q.id} rank=${i < 0 ? '-' : i + 1} ${q.question}\n  gold ${q.doc} ${q.evidence.join(' | ')}\n${hits
          .slice(0, 3)
          .map((h) => `  - ${h.docId} ${h.title.slice(0, 20)} :: ${h.text.replace(/\s+/gu, '').slice(0, 80)}`)
          .join('\n')}\n`,
      );
  }
  return { n: qs.length, r1: r1 / qs.length, r5: r5 / qs.length };
}

async function cmrcScore(search: Search): Promise<{ n: number; r1: number; r5: number }> {
  const lines = fs.readFileSync(path.join(CMRC, 'chunk-queries.jsonl'), 'utf8').split('\n').filter(Boolean);
  let r1 = 0;
  let r5 = 0;
  for (const line of lines) {
    const q = JSON.parse(line) as { text: string; gold: string[] };
    const ids: string[] = [];
    for (const h of await search(q.text, 20)) {
      if (!ids.includes(h.docId)) ids.push(h.docId);
      if (ids.length === 5) break;
    }
    if (q.gold.includes(ids[0] ?? '')) r1++;
    if (ids.some((id) => q.gold.includes(id))) r5++;
  }
  return { n: lines.length, r1: r1 / lines.length, r5: r5 / lines.length };
}

const sets = (argValue('sets') ?? 'dev,dev2,tune,test,cmrc').split(',').filter((s) => {
  const name = s.split(':')[0]!;
  return s === 'cmrc' || (SET_FILES[name] && fs.existsSync(SET_FILES[name]));
});
const wanted = argValue('variants')?.split(',');
const variants = wanted ? VARIANTS.filter((v) => wanted.includes(v.name)) : VARIANTS;
const policyDocs = await loadLibrary({
  corpusDir: path.join(root, 'data/corpus'),
  dataDir: path.join(root, '.no-ingested'),
});
const cmrcDocs = sets.includes('cmrc') ? await readBatchCorpus(path.join(CMRC, 'chunk-corpus.jsonl')) : [];
const rows: Array<Record<string, string>> = [];
for (const v of variants) {
  const row: Record<string, string> = { variant: v.name };
  const chunking = process.env.CHUNKS ? (JSON.parse(process.env.CHUNKS) as ChunkOptions) : {};
  const policy = sets.some((s) => s !== 'cmrc') ? await v.build(policyDocs, chunking) : null;
  for (const s of sets) {
    const r =
      s === 'cmrc' ? await cmrcScore(await v.build(cmrcDocs, { wholeIfFits: true })) : await policyScore(policy!, s);
    row[s] = `${(r.r1 * 100).toFixed(1)} / ${(r.r5 * 100).toFixed(1)}`;
  }
  rows.push(row);
  if (!flag('json')) process.stderr.write(`${JSON.stringify(row)}\n`);
}
if (flag('json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
else {
  process.stdout.write(`| variant | ${sets.join(' | ')} |\n|---|${sets.map(() => '---').join('|')}|\n`);
  for (const r of rows) process.stdout.write(`| ${r.variant} | ${sets.map((s) => r[s]).join(' | ')} |\n`);
}
