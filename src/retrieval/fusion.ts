/**
 * Reciprocal-rank fusion: each ranking contributes 1 / (k + rank) per item (rank from 1).
 * Robust to incomparable score scales (BM25 vs cosine); k = 60 as in Cormack et al. (2009).
 */

export const RRF_K = 60;

export interface Fused<T> {
  item: T;
  score: number;
}

/** Fuse rankings of items identified by `key`; best first, ties broken by first appearance. */
export function reciprocalRankFusion<T>(rankings: T[][], key: (item: T) => string | number, k = RRF_K): Fused<T>[] {
  const acc = new Map<string | number, { item: T; score: number; order: number }>();
  let order = 0;
  for (const ranking of rankings) {
    ranking.forEach((item, i) => {
      const id = key(item);
      const entry = acc.get(id) ?? { item, score: 0, order: order++ };
      entry.score += 1 / (k + i + 1);
      acc.set(id, entry);
    });
  }
  return [...acc.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score }) => ({ item, score }));
}
