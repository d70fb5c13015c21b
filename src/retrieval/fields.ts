/**
 * What is indexed for a chunk, field by field, and how a query maps onto the same fields.
 * Every field covers the passage AND its description — the document's title, column (卷首语 …),
 * author/unit, source, kind words (讲话, 编者按 … from data/retrieval/doc-kinds.txt) and the
 * passage's heading path — as one text (BM25F with weight 1: the description's terms count as if
 * they were written in the passage). That is what lets "开化那个…" or "那篇讲话里…" steer to the
 * right document, and on CMRC it is worth +6 points R@1 over a separate, weighted title field.
 *   unigrams — single Han characters (robust to any wording: 荣誉 ~ 荣获) and whole digit/Latin runs;
 *              a character in more than half of the passages (的, 是 …) is not kept: it separates nothing
 *              and its postings would be most of the index (measured: no change on dev/dev2, −0.1 CMRC)
 *   bigrams  — Han character bigrams, the workhorse of Chinese BM25
 *   words    — jieba words (search mode) with the corpus's own key terms, half weight: fuses the
 *              word view in without letting segmentation errors dominate
 * On the query side question/function words are cut out before grams are formed, and colloquial
 * forms get their written forms added (data/retrieval/colloquial.txt).
 * Weights and BM25 parameters: BENCHMARKS.md (retrieval quality), measured on qa-dev, qa-dev2 and CMRC.
 */
import type { Bm25Params, FieldSpec } from './bm25.js';
import { colloquialExpansions } from './lexicon.js';
import { isQueryStopWord, isStopWord, stripQuestionPhrases } from './stopwords.js';
import type { Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

export const FIELDS: FieldSpec[] = [
  { name: 'words', weight: 0.5 },
  { name: 'bigrams', weight: 1.0 },
  { name: 'unigrams', weight: 1.0, maxDfRatio: 0.5 },
];

/** Lower k1 than the textbook 1.2: a question's term repeated in a passage adds less (tuned on CMRC, checked on dev sets). */
export const RETRIEVAL_BM25: Bm25Params = { k1: 0.8, b: 0.6 };

/** The description counts this many times (BM25F field weight of the description against the passage). */
export const DESCRIPTION_REPEAT = 2;

/** Title and heading path (what confidence.ts and the answer composer read as a passage's context). */
export function chunkContext(chunk: Pick<Chunk, 'title' | 'headings'>): string {
  return [chunk.title, ...chunk.headings].filter(Boolean).join('\n');
}

/** The document's description: title, column, author (with how people name them), origin, source and kind words. */
export function chunkDescription(
  chunk: Pick<Chunk, 'title' | 'source' | 'section' | 'author' | 'origin' | 'kinds'>,
): string {
  const aliases = chunk.author ? authorAliases(chunk.author).join(' ') : '';
  return [chunk.title, chunk.section, chunk.author, aliases, chunk.origin, chunk.source, chunk.kinds?.join(' ')]
    .filter(Boolean)
    .join('\n');
}

const TITLES = /部长|书记|主任|局长|县长|市长|区长|主席|常委|社长|院长|校长|主编/gu;

/**
 * How people name an author who is a person with a title: “市委常委、组织部长 林晓峰” is 林部长, 林常委,
 * 林晓峰部长 in a question (“林部长那篇讲话”). Nothing for a unit or a name without a title.
 */
export function authorAliases(author: string): string[] {
  const a = author.trim();
  const name = /(?:^|[\s、，,])(\p{Script=Han}{2,3})$/u.exec(a)?.[1] ?? /^(\p{Script=Han}{2,3})[（(]/u.exec(a)?.[1];
  if (!name) return [];
  const titles = [...new Set(a.slice(0, a.length - name.length).match(TITLES) ?? [])];
  return titles.flatMap((t) => [`${name[0]}${t}`, `${name}${t}`]);
}

/** Field tokens of chunks; a document's description + heading path is analysed once for all its chunks. */
export function chunkFieldsAnalyzer(
  tokenizer: Tokenizer,
  opts: { description?: boolean; repeat?: number } = {},
): (chunk: Chunk) => string[][] {
  const rep = opts.repeat ?? DESCRIPTION_REPEAT;
  const times = (xs: string[]) => (rep === 1 ? xs : Array.from({ length: rep }, () => xs).flat());
  const contexts = new Map<string, { words: string[]; bigrams: string[]; unigrams: string[] }>();
  return (chunk) => {
    const key = opts.description === false ? '' : [chunkDescription(chunk), ...chunk.headings].join('\n');
    let ctx = contexts.get(key);
    if (!ctx) {
      const g = tokenizer.charGrams(key);
      ctx = { words: times(tokenizer.analyze(key).words), bigrams: times(g.bigrams), unigrams: times(g.unigrams) };
      if (contexts.size > 10_000) contexts.clear();
      contexts.set(key, ctx);
    }
    const words = tokenizer.analyze(chunk.text).words;
    const g = tokenizer.charGrams(chunk.text);
    return [ctx.words.concat(words), ctx.bigrams.concat(g.bigrams), ctx.unigrams.concat(g.unigrams)];
  };
}

export interface AnalyzedQuery {
  /** The question as asked. */
  text: string;
  /** Written forms added for colloquial expressions (data/retrieval/colloquial.txt). */
  expansions: string[];
  words: string[];
  bigrams: string[];
  /** Per field, in FIELDS order. */
  fields: string[][];
}

export function queryFields(
  tokenizer: Tokenizer,
  query: string,
  /** `framing`: also cut out the framing words of chat questions (off by default: see RankingOptions). */
  opts: { colloquial?: boolean; framing?: boolean } = {},
): AnalyzedQuery {
  const expansions = opts.colloquial === false ? [] : colloquialExpansions(query);
  // "；" keeps the added forms apart (normalisation drops spaces between Han characters).
  const asked = stripQuestionPhrases(query);
  const full = expansions.length ? `${asked}；${expansions.join('；')}` : asked;
  const stop = opts.framing ? isQueryStopWord : isStopWord;
  const { words } = tokenizer.analyze(full, stop);
  const { unigrams, bigrams } = tokenizer.queryCharGrams(full, stop);
  // Not deduplicated: BM25 weighs a term asked twice ("成立专班…不能设专班") more.
  return {
    text: query,
    expansions,
    words: [...new Set(words)],
    bigrams: [...new Set(bigrams)],
    fields: [words, bigrams, unigrams],
  };
}
