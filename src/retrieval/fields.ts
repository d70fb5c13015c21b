/**
 * What is indexed for a chunk, field by field, and how a query maps onto the same fields:
 *   words    — jieba words of the passage (search mode)
 *   bigrams  — character bigrams of the passage's content-word runs
 *   context  — title + heading path (words and bigrams), weighted lower: it is shared by every
 *              passage of a section, so it says "right document/section", not "right passage"
 *   unigrams — single characters of the passage, weighted low: weak evidence for near-synonyms
 *              (荣誉 ~ 荣获) and for one-character question words ("哪五个“百”" ~ 百名…);
 *              a character found in more than 10% of the passages is not indexed (nor scored)
 * Weights chosen with `zct eval` on the dev set and our own question set (test/retrieval/fixtures).
 */
import type { FieldSpec } from './bm25.js';
import type { Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

export const FIELDS: FieldSpec[] = [
  { name: 'words', weight: 1.0 },
  { name: 'bigrams', weight: 1.0 },
  { name: 'context', weight: 0.3 },
  { name: 'unigrams', weight: 0.2, maxDfRatio: 0.1 },
];

export function chunkContext(chunk: Pick<Chunk, 'title' | 'headings'>): string {
  return [chunk.title, ...chunk.headings].filter(Boolean).join('\n');
}

/** Field tokens of chunks; a section's context is analysed once for all its chunks. */
export function chunkFieldsAnalyzer(tokenizer: Tokenizer): (chunk: Chunk) => string[][] {
  const contexts = new Map<string, string[]>();
  return (chunk) => {
    const body = tokenizer.analyze(chunk.text);
    const key = chunkContext(chunk);
    let ctx = contexts.get(key);
    if (!ctx) {
      const a = tokenizer.analyze(key);
      ctx = [...a.words, ...a.bigrams];
      if (contexts.size > 10_000) contexts.clear();
      contexts.set(key, ctx);
    }
    return [body.words, body.bigrams, ctx, body.unigrams];
  };
}

export interface AnalyzedQuery {
  /** The question as asked. */
  text: string;
  words: string[];
  bigrams: string[];
  /** Per field, in FIELDS order. */
  fields: string[][];
}

export function queryFields(tokenizer: Tokenizer, query: string): AnalyzedQuery {
  const { words, bigrams, unigrams } = tokenizer.analyze(query);
  // Not deduplicated: BM25 weighs a term asked twice ("成立专班…不能设专班") more.
  return { text: query, words: [...new Set(words)], bigrams: [...new Set(bigrams)], fields: [words, bigrams, [...words, ...bigrams], unigrams] };
}
