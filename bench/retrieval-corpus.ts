/**
 * The synthetic scale corpus of bench/retrieval.ts: documents written from the bundled corpus's own
 * vocabulary (jieba words with their frequencies), sentence lengths and section markers, with a
 * seeded PRNG so every run indexes the same text.
 */
import type { CorpusDocument } from '../src/corpus/types.js';
import { Tokenizer } from '../src/retrieval/index.js';

import { prng } from './args.js';

export { prng };

/** Sampling words by their corpus frequency (cumulative table + binary search). */
export class Vocabulary {
  private readonly words: string[];
  private readonly cumulative: Float64Array;
  constructor(freq: Map<string, number>) {
    this.words = [...freq.keys()];
    this.cumulative = new Float64Array(this.words.length);
    let acc = 0;
    this.words.forEach((w, i) => {
      acc += freq.get(w)!;
      this.cumulative[i] = acc;
    });
  }
  get size(): number {
    return this.words.length;
  }
  sample(rand: () => number): string {
    const x = rand() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

export function vocabularyOf(docs: CorpusDocument[]): Vocabulary {
  const t = new Tokenizer();
  const freq = new Map<string, number>();
  for (const d of docs) {
    for (const w of t.segment(d.text, false)) {
      if (/^[\p{Script=Han}\p{N}a-z]+$/u.test(w)) freq.set(w, (freq.get(w) ?? 0) + 1);
    }
  }
  return new Vocabulary(freq);
}

const CN = '一二三四五六七八九十';
function sentence(v: Vocabulary, rand: () => number): string {
  const n = 6 + Math.floor(rand() * 18);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += v.sample(rand);
    if (i > 2 && i < n - 2 && rand() < 0.12) s += rand() < 0.7 ? '，' : '、';
  }
  return s + (rand() < 0.85 ? '。' : '；');
}

export function syntheticDocs(v: Vocabulary, count: number, chars: number, seed: number): CorpusDocument[] {
  const rand = prng(seed);
  const docs: CorpusDocument[] = [];
  for (let d = 0; d < count; d++) {
    const paras: string[] = [];
    let len = 0;
    let section = 0;
    while (len < chars) {
      if (rand() < 0.12 && section < 9) {
        const head = `${CN[section++]}、${sentence(v, rand).slice(0, 14)}`;
        paras.push(head);
        len += head.length;
      }
      let p = '';
      const k = 2 + Math.floor(rand() * 6);
      for (let i = 0; i < k; i++) p += sentence(v, rand);
      paras.push(p);
      len += p.length;
    }
    const title = sentence(v, rand).slice(0, 20);
    docs.push({
      id: `syn-${d}`,
      title,
      source: '合成',
      date: null,
      author: null,
      text: paras.join('\n'),
      file: `syn-${d}.txt`,
      fileHash: `syn-${seed}-${d}`,
    });
  }
  return docs;
}

export function syntheticQueries(v: Vocabulary, docs: CorpusDocument[], n: number, seed: number): string[] {
  const rand = prng(seed + 1);
  const tails = ['是什么', '有哪些', '多少', '怎么办', '包括哪些内容', ''];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      // A phrase taken from a document, as a user would half-remember it.
      const doc = docs[Math.floor(rand() * docs.length)]!;
      const at = Math.floor(rand() * Math.max(1, doc.text.length - 30));
      out.push(
        doc.text.slice(at, at + 8 + Math.floor(rand() * 14)).replace(/[\n。；，、]/g, '') + tails[i % tails.length],
      );
    } else {
      let q = '';
      for (let k = 0, m = 2 + Math.floor(rand() * 5); k < m; k++) q += v.sample(rand);
      out.push(q + tails[i % tails.length]);
    }
  }
  return out;
}
