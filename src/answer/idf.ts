/**
 * General-language IDF (jieba's idf.txt, shipped with @node-rs/jieba): tells common words (情况, 不能,
 * 满足 ≈ 4–6) from informative ones. Words jieba's corpus does not know (专班, 三服务) are domain terms
 * and get a high weight. Only common words (IDF < 10) are kept in memory (~44k entries), lazily.
 */
import { idf as idfBytes } from '@node-rs/jieba/dict.js';

/** Weight of a word not in the table: rarer than almost everything in general Chinese. */
export const UNKNOWN_IDF = 11;
const KEEP_BELOW = 10;

let table: Map<string, number> | null = null;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const text = Buffer.from(idfBytes).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(' ', end);
    if (space > start) {
      const v = Number(text.slice(space + 1, end));
      if (v < KEEP_BELOW) map.set(text.slice(start, space), v);
    }
    start = end + 1;
  }
  return map;
}

/** IDF of a word in general Chinese (UNKNOWN_IDF when rare or unknown). */
export function generalIdf(word: string): number {
  table ??= load();
  return table.get(word) ?? UNKNOWN_IDF;
}

/** Is this a common word of general Chinese (known with a low IDF)? */
export function isKnownWord(word: string): boolean {
  table ??= load();
  return table.has(word);
}
