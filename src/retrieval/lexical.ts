/**
 * The lexical side: chunks + tokenizer (with the corpus's key terms) + multi-field BM25.
 * Built from documents, or restored from a snapshot without re-segmenting anything.
 */
import type { CorpusDocument } from '../corpus/types.js';
import { Bm25Index, type Bm25Snapshot } from './bm25.js';
import { chunkDocument, type ChunkOptions } from './chunker.js';
import { chunkFieldsAnalyzer, FIELDS, queryFields, type AnalyzedQuery } from './fields.js';
import { discoverWords, extractKeyTerms } from './key-terms.js';
import { isStopWord } from './stopwords.js';
import { definesByEnumeration, DEFINITION_BONUS, focusTerms, isListQuestion, RERANK_DEPTH } from './rerank.js';
import { Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

const SEARCH_OPTIONS = { fieldWeights: FIELDS.map((f) => f.weight) };

export interface LexicalHit {
  index: number;
  chunk: Chunk;
  score: number;
}

export interface LexicalSnapshot {
  chunks: Chunk[];
  /** The corpus's quoted key terms (also in extraWords). */
  keyTerms: string[];
  /** Every word added to the segmenter's dictionary. */
  extraWords: string[];
  bm25: Bm25Snapshot;
}

/**
 * New-word discovery reads at most this many characters (spread over the corpus): recurring jargon
 * shows up in any large sample, and a word it misses is still found through bigrams.
 */
const DISCOVERY_CHARS = 8_000_000;

/** Every document's title and text, or an evenly spread selection of documents of about DISCOVERY_CHARS. */
function discoverySample(docs: CorpusDocument[]): string[] {
  const total = docs.reduce((n, d) => n + d.text.length, 0);
  const share = Math.min(1, DISCOVERY_CHARS / Math.max(1, total));
  const out: string[] = [];
  let acc = 0;
  for (const d of docs) {
    acc += share;
    if (acc >= 1 - 1e-9) {
      acc -= 1;
      out.push(d.title, d.text);
    }
  }
  return out;
}

export class LexicalIndex {
  private readonly keyTermSet: ReadonlySet<string>;

  private constructor(
    readonly chunks: Chunk[],
    readonly tokenizer: Tokenizer,
    readonly bm25: Bm25Index,
    readonly keyTerms: string[],
  ) {
    this.keyTermSet = new Set(keyTerms);
  }

  /** Build from documents; `timings` (ms per phase) is filled in when given. */
  static async build(docs: CorpusDocument[], chunkOptions?: ChunkOptions, timings?: Record<string, number>): Promise<LexicalIndex> {
    let t = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      if (timings) timings[phase] = Math.round(now - t);
      t = now;
    };
    const texts = docs.flatMap((d) => [d.title, d.text]);
    const keyTerms = extractKeyTerms(texts);
    const tokenizer = new Tokenizer(keyTerms);
    lap('keyTerms');
    tokenizer.addWords(discoverWords((s) => tokenizer.segment(s), discoverySample(docs), isStopWord));
    lap('discover');
    const chunks: Chunk[] = [];
    for (const doc of docs) chunks.push(...(await chunkDocument(doc, chunkOptions)));
    lap('chunk');
    const fieldsOf = chunkFieldsAnalyzer(tokenizer);
    const bm25 = Bm25Index.build(FIELDS, (function* () {
      for (const c of chunks) yield fieldsOf(c);
    })());
    lap('index');
    return new LexicalIndex(chunks, tokenizer, bm25, keyTerms);
  }

  static fromSnapshot(s: LexicalSnapshot): LexicalIndex {
    return new LexicalIndex(s.chunks, new Tokenizer(s.extraWords), Bm25Index.fromSnapshot(s.bm25), s.keyTerms);
  }

  snapshot(): LexicalSnapshot {
    return { chunks: this.chunks, keyTerms: this.keyTerms, extraWords: this.tokenizer.extraWords, bm25: this.bm25.snapshot() };
  }

  analyze(query: string): AnalyzedQuery {
    return queryFields(this.tokenizer, query);
  }

  /** BM25 ranking, then the list-question rerank over the first RERANK_DEPTH candidates. */
  search(query: AnalyzedQuery, k: number): LexicalHit[] {
    const list = isListQuestion(query.text);
    const depth = list ? Math.max(k, RERANK_DEPTH) : k;
    let hits = this.bm25.search(query.fields, depth, SEARCH_OPTIONS).map(({ doc, score }) => ({ index: doc, chunk: this.chunks[doc]!, score }));
    if (list) {
      const focus = focusTerms(query.text, query.words, this.keyTermSet);
      if (focus.length) {
        hits = hits
          .map((h) => (focus.some((t) => definesByEnumeration(h.chunk.text, t)) ? { ...h, score: h.score * (1 + DEFINITION_BONUS) } : h))
          .sort((a, b) => b.score - a.score || a.index - b.index);
      }
    }
    return hits.slice(0, k);
  }
}
