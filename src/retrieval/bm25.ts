/**
 * A compact multi-field BM25 index: one shared vocabulary, and per field an inverted index in CSR
 * form (offsets by term id → doc ids + one-byte quantised BM25 impacts, as Lucene stores norms).
 * The score is the weighted sum of each field's BM25. Built once from token lists; its snapshot
 * (typed arrays) is what the disk cache stores.
 *
 * Memory per posting: 4 bytes (doc id) + 1 byte (impact). A field may drop the postings of terms
 * found in more than `maxDfRatio` of the documents: such terms are never scored (they separate
 * nothing), only their document frequency is kept (for IDF).
 */

export interface FieldSpec {
  name: string;
  weight: number;
  /** Postings of terms in more than this share of documents are not kept, and such terms not scored. */
  maxDfRatio?: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Query-term frequency saturation (BM25's k3): a term asked twice counts almost twice. */
const K3 = 8;
/** Impacts are stored as round(255 · impact / (k1 + 1)), impact = tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)). */
const IMPACT_LEVELS = 255;

interface FieldIndex {
  name: string;
  weight: number;
  /** offsets[t] .. offsets[t+1] are term t's postings (empty for dropped terms). Length = vocabulary + 1. */
  offsets: Uint32Array;
  docs: Uint32Array;
  impacts: Uint8Array;
  /** Document frequency per term (also for terms whose postings were dropped). */
  dfs: Uint32Array;
}

export interface SearchOptions {
  /** Field weights (same order as the fields); default: the build-time weights. */
  fieldWeights?: number[];
  /** Score only the documents first..last (inclusive): a document's passages, which are contiguous. */
  within?: { first: number; last: number };
}

/** Everything needed to restore the index without re-tokenising (typed arrays serialise cheaply). */
export interface Bm25Snapshot {
  terms: string[];
  docCount: number;
  params: Bm25Params;
  fields: FieldIndex[];
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly vocab: Map<string, number>;
  private readonly scores: Float32Array;
  private readonly touched: Uint32Array;

  private constructor(
    private readonly terms: string[],
    readonly docCount: number,
    readonly params: Bm25Params,
    private readonly fields: FieldIndex[],
  ) {
    this.vocab = new Map();
    for (let i = 0; i < terms.length; i++) this.vocab.set(terms[i]!, i);
    this.scores = new Float32Array(docCount);
    this.touched = new Uint32Array(docCount);
  }

  /**
   * Build from per-document token lists: `docs[d][f]` are the tokens of document d in field f.
   * Pass a generator to avoid holding every token list at once.
   */
  static build(fieldSpecs: FieldSpec[], docs: Iterable<string[][]>, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const vocab = new Map<string, number>();
    const terms: string[] = [];
    // Forward index per field: for each document its distinct term ids and their frequencies.
    const fwd = fieldSpecs.map(() => ({
      termIds: new Growable(Uint32Array),
      tfs: new Growable(Uint8Array),
      docStart: new Growable(Uint32Array),
      lengths: new Growable(Uint32Array),
    }));
    let docCount = 0;
    // Per term: the (doc, field) stamp it was last seen in, and its frequency there.
    let lastSeen = new Int32Array(1 << 16).fill(-1);
    let tfOf = new Uint32Array(1 << 16);
    let unique = new Uint32Array(1024);
    for (const fieldsTokens of docs) {
      for (let f = 0; f < fieldSpecs.length; f++) {
        const tokens = fieldsTokens[f] ?? [];
        const stamp = docCount * fieldSpecs.length + f;
        let nUnique = 0;
        if (unique.length < tokens.length) unique = new Uint32Array(tokens.length * 2);
        for (let i = 0; i < tokens.length; i++) {
          const tok = tokens[i]!;
          let id = vocab.get(tok);
          if (id === undefined) {
            id = terms.length;
            vocab.set(tok, id);
            terms.push(tok);
            if (id >= lastSeen.length) {
              const grownSeen = new Int32Array(lastSeen.length * 2).fill(-1);
              grownSeen.set(lastSeen);
              lastSeen = grownSeen;
              const grownTf = new Uint32Array(tfOf.length * 2);
              grownTf.set(tfOf);
              tfOf = grownTf;
            }
          }
          if (lastSeen[id] !== stamp) {
            lastSeen[id] = stamp;
            tfOf[id] = 1;
            unique[nUnique++] = id;
          } else {
            tfOf[id]!++;
          }
        }
        const fw = fwd[f]!;
        fw.docStart.push(fw.termIds.length);
        fw.lengths.push(tokens.length);
        for (let i = 0; i < nUnique; i++) {
          const id = unique[i]!;
          fw.termIds.push(id);
          fw.tfs.push(Math.min(tfOf[id]!, 255));
        }
      }
      docCount++;
    }
    const V = terms.length;
    const fields = fieldSpecs.map((spec, f): FieldIndex => {
      const fw = fwd[f]!;
      fw.docStart.push(fw.termIds.length);
      const termIds = fw.termIds.view();
      const tfIn = fw.tfs.view();
      const docStart = fw.docStart.view();
      const norms = lengthNorms(fw.lengths.view(), params);
      fw.lengths.release();
      const dfs = new Uint32Array(V);
      for (let i = 0; i < termIds.length; i++) dfs[termIds[i]!]!++;
      const maxDf = (spec.maxDfRatio ?? 1) * docCount;
      // Counting sort of the forward postings by term id (kept terms only): doc ids stay ascending.
      const offsets = new Uint32Array(V + 1);
      for (let t = 0; t < V; t++) offsets[t + 1] = offsets[t]! + (dfs[t]! <= maxDf ? dfs[t]! : 0);
      const cursor = offsets.slice(0, V);
      const outDocs = new Uint32Array(offsets[V]!);
      const outImpacts = new Uint8Array(offsets[V]!);
      for (let d = 0; d < docCount; d++) {
        const norm = norms[d]!;
        for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
          const t = termIds[i]!;
          if (dfs[t]! > maxDf) continue;
          const pos = cursor[t]!++;
          const tf = tfIn[i]!;
          outDocs[pos] = d;
          outImpacts[pos] = Math.max(1, Math.round((IMPACT_LEVELS * tf) / (tf + norm)));
        }
      }
      fw.termIds.release();
      fw.tfs.release();
      fw.docStart.release();
      return { name: spec.name, weight: spec.weight, offsets, docs: outDocs, impacts: outImpacts, dfs };
    });
    return new Bm25Index(terms, docCount, params, fields);
  }

  static fromSnapshot(s: Bm25Snapshot): Bm25Index {
    return new Bm25Index(s.terms, s.docCount, s.params, s.fields);
  }

  snapshot(): Bm25Snapshot {
    return { terms: this.terms, docCount: this.docCount, params: this.params, fields: this.fields };
  }

  get fieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  get vocabularySize(): number {
    return this.terms.length;
  }

  /** Number of postings kept, per field. */
  get postings(): Record<string, number> {
    return Object.fromEntries(this.fields.map((f) => [f.name, f.docs.length]));
  }

  /** Documents containing the term in the field. */
  df(term: string, field: string): number {
    const id = this.vocab.get(term);
    return id === undefined ? 0 : this.field(field).dfs[id]!;
  }

  /** Inverse document frequency of a term in a field (a term absent from the field gets the maximum). */
  idf(term: string, field: string): number {
    return idfOf(this.df(term, field), this.docCount);
  }

  /** Top-k documents for query terms given per field (`query[f]` for field f; a repeated term weighs more). */
  search(query: string[][], k: number, opts: SearchOptions = {}): ScoredDoc[] {
    const { scores, touched } = this;
    let nTouched = 0;
    const N = this.docCount;
    // Stored impacts are in units of (k1 + 1) / IMPACT_LEVELS.
    const unit = (this.params.k1 + 1) / IMPACT_LEVELS;
    for (let f = 0; f < this.fields.length; f++) {
      const field = this.fields[f]!;
      const weight = opts.fieldWeights?.[f] ?? field.weight;
      if (weight === 0) continue;
      const { docs, impacts, offsets } = field;
      const lo = opts.within?.first ?? 0;
      const hi = opts.within?.last ?? N - 1;
      for (const [term, qtf] of countTerms(query[f] ?? [])) {
        const id = this.vocab.get(term);
        if (id === undefined) continue;
        const from = offsets[id]!;
        const to = offsets[id + 1]!;
        if (from === to) continue;
        const w = weight * idfOf(field.dfs[id]!, N) * (((K3 + 1) * qtf) / (K3 + qtf)) * unit;
        for (let p = from; p < to; p++) {
          const d = docs[p]!;
          if (d < lo || d > hi) continue;
          if (scores[d] === 0) touched[nTouched++] = d;
          scores[d]! += w * impacts[p]!;
        }
      }
    }
    const top = topK(touched, nTouched, scores, k);
    for (let i = 0; i < nTouched; i++) scores[touched[i]!] = 0;
    return top;
  }

  private field(name: string): FieldIndex {
    const f = this.fields.find((x) => x.name === name);
    if (!f) throw new Error(`unknown field ${name}`);
    return f;
  }
}

export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function countTerms(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** k1 · (1 − b + b · len / avgLen) per document. */
function lengthNorms(lengths: Uint32Array, { k1, b }: Bm25Params): Float32Array {
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
  const avg = lengths.length ? total / lengths.length || 1 : 1;
  const norms = new Float32Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) norms[i] = k1 * (1 - b + (b * lengths[i]!) / avg);
  return norms;
}

/** Partial selection of the k best touched documents (ties: lower doc number first). */
function topK(touched: Uint32Array, n: number, scores: Float32Array, k: number): ScoredDoc[] {
  if (k <= 0 || n === 0) return [];
  const heap: ScoredDoc[] = [];
  const worse = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc);
  for (let i = 0; i < n; i++) {
    const d = touched[i]!;
    const score = scores[d]!;
    if (heap.length === k && (score < heap[0]!.score || (score === heap[0]!.score && d > heap[0]!.doc))) continue;
    const item = { doc: d, score };
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, worse);
    } else {
      heap[0] = item;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

type Worse = (a: ScoredDoc, b: ScoredDoc) => boolean;
function siftUp(h: ScoredDoc[], i: number, worse: Worse): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(h[i]!, h[p]!)) break;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}
function siftDown(h: ScoredDoc[], i: number, worse: Worse): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(h[l]!, h[m]!)) m = l;
    if (r < h.length && worse(h[r]!, h[m]!)) m = r;
    if (m === i) break;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
  }
}

type UintArray = Uint8Array | Uint32Array;
/** An append-only typed buffer that doubles as it grows. */
class Growable<T extends UintArray> {
  private buf: T;
  length = 0;
  constructor(private readonly Ctor: { new (n: number): T }) {
    this.buf = new Ctor(1024);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new this.Ctor(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  view(): T {
    return this.buf.subarray(0, this.length) as T;
  }
  /** Drop the buffer (after inverting a field, to lower peak memory). */
  release(): void {
    this.buf = new this.Ctor(0);
    this.length = 0;
  }
}
