/**
 * The Retriever: lexical BM25 over Chinese chunks (always), optionally fused with dense retrieval
 * by reciprocal-rank fusion, plus the calibrated "not found" decision and topic suggestions.
 */
import type { CorpusDocument } from '../corpus/types.js';
import type { Embedder } from '../llm/types.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import type { ChunkOptions } from './chunker.js';
import { answerability, coverage, passageHaystack, queryUnits, type Answerability } from './confidence.js';
import { DenseIndex } from './dense.js';
import { chunkContext } from './fields.js';
import { reciprocalRankFusion } from './fusion.js';
import { indexCacheKey, readIndexCache, writeIndexCache } from './index-cache.js';
import { LexicalIndex, type LexicalHit, type RankingOptions } from './lexical.js';
import type { Chunk, Retriever, SearchHit, SearchOptions, SearchResult } from './types.js';

export interface BuildRetrieverOptions {
  /** Directory for the index and embedding caches (ZCT_CACHE_DIR); no disk cache when absent. */
  cacheDir?: string | null;
  /** Dense retrieval when given (OPENAI_EMBEDDING_MODEL); lexical only when null/absent. */
  embedder?: Embedder | null;
  logger?: Logger;
  chunkOptions?: ChunkOptions;
  /** Ranking switches (measurement only; the defaults are the product). Build-time ones disable the disk cache. */
  ranking?: RankingOptions;
}

/** Candidates taken from each ranking before fusion. */
const FUSION_DEPTH = 50;
const MAX_TOPIC_CHARS = 30;

export class HybridRetriever implements Retriever {
  private denseFailed = false;

  /** The passage after a passage in its document (for the not-found gate's evidence checks). */
  private readonly nextChunk = (chunk: Chunk): Chunk | undefined => {
    const [self, next] = this.lexical.neighbours(chunk.id, 0, 1);
    return self?.id === chunk.id ? next : undefined;
  };

  constructor(
    readonly lexical: LexicalIndex,
    private readonly dense: DenseIndex | null,
    private readonly logger: Logger = silentLogger,
  ) {}

  async search(query: string, k = 5, opts: SearchOptions = {}): Promise<SearchResult> {
    return (await this.searchDetailed(query, k, opts)).result;
  }

  /** search() plus the features behind the not-found decision (eval, debugging). */
  async searchDetailed(
    query: string,
    k = 5,
    opts: SearchOptions = {},
  ): Promise<{ result: SearchResult; decision: Answerability }> {
    const q = query.trim();
    const depth = Math.max(k, this.dense ? FUSION_DEPTH : 10);
    const lexical = this.lexical.search(this.lexical.analyze(q), depth);
    const decision = answerability(queryUnits(this.lexical.tokenizer, this.lexical.bm25, q), lexical, {
      asked: opts.asked,
      nextChunk: this.nextChunk,
    });
    let ranked: Array<{ chunk: Chunk; score: number }> = lexical;
    if (this.dense && q) {
      try {
        const dense = await this.dense.search(q, depth);
        const fused = reciprocalRankFusion<{ index: number }>([lexical, dense], (h) => h.index);
        ranked = fused.map((f) => ({ chunk: this.lexical.chunks[f.item.index]!, score: f.score }));
        this.denseFailed = false;
      } catch (err) {
        if (!this.denseFailed) this.logger.warn({ err }, 'dense retrieval failed; lexical results only');
        this.denseFailed = true;
      }
    }
    const hits: SearchHit[] = ranked
      .slice(0, k)
      .map((h, i) => ({ rank: i + 1, chunk: h.chunk, score: round(h.score) }));
    const result = {
      query,
      hits,
      answerable: decision.answerable && hits.length > 0,
      confidence: round(decision.confidence),
    };
    return { result, decision };
  }

  /** Lexical ranking and the features of the not-found decision (eval and debugging). */
  explain(query: string, k = 10): { hits: LexicalHit[]; decision: Answerability } {
    const q = query.trim();
    const hits = this.lexical.search(this.lexical.analyze(q), Math.max(k, 10));
    return {
      hits: hits.slice(0, k),
      decision: answerability(queryUnits(this.lexical.tokenizer, this.lexical.bm25, q), hits, {
        nextChunk: this.nextChunk,
      }),
    };
  }

  /** See LexicalIndex.neighbours: the chunks around one in its document, in order. */
  neighbours(chunkId: string, before = 1, after = 1): Chunk[] {
    return this.lexical.neighbours(chunkId, before, after);
  }

  chunk(chunkId: string): Chunk | null {
    return this.lexical.chunk(chunkId);
  }

  documentChunks(docId: string): Chunk[] {
    return this.lexical.documentChunks(docId);
  }

  stats(): { documents: number; chunks: number } {
    return { documents: new Set(this.lexical.chunks.map((c) => c.docId)).size, chunks: this.lexical.chunks.length };
  }

  /**
   * Nearby topics for "did you mean": titles and section headings of the passages that share at
   * least one content word with the query, then the largest documents' titles.
   */
  topics(query: string, n = 5): string[] {
    const out: string[] = [];
    const add = (s: string) => {
      const t = cleanTopic(s);
      if (t && !out.includes(t) && out.length < n) out.push(t);
    };
    const units = queryUnits(this.lexical.tokenizer, this.lexical.bm25, query);
    for (const h of this.lexical.search(this.lexical.analyze(query), 20)) {
      if (coverage(units, passageHaystack(h.chunk)).coverage === 0) continue;
      add(h.chunk.title);
      const deepest = h.chunk.headings[h.chunk.headings.length - 1];
      if (deepest) add(deepest);
    }
    if (out.length < n) for (const title of this.titlesBySize()) add(title);
    return out;
  }

  private titlesBySize(): string[] {
    const count = new Map<string, number>();
    for (const c of this.lexical.chunks) count.set(c.title, (count.get(c.title) ?? 0) + 1);
    return [...count.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  }
}

/** "（二）深化完善专班工作制，" → "深化完善专班工作制" (markers and trailing punctuation off). */
function cleanTopic(s: string): string {
  const t = s
    .replace(
      /^(?:第[一二三四五六七八九十百\d]+[部分章节篇]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|[①-⑳])\s*/u,
      '',
    )
    .replace(/[，,。；;：:、\s…]+$/u, '')
    .trim();
  return t.length > MAX_TOPIC_CHARS ? `${t.slice(0, MAX_TOPIC_CHARS)}…` : t;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export async function buildRetriever(
  docs: CorpusDocument[],
  opts: BuildRetrieverOptions = {},
): Promise<HybridRetriever> {
  const logger = opts.logger ?? silentLogger;
  const started = performance.now();
  let lexical: LexicalIndex | null = null;
  let cache: 'hit' | 'miss' | 'off' = 'off';
  const key = opts.cacheDir && !opts.ranking ? indexCacheKey(docs, opts.chunkOptions) : null;
  if (opts.cacheDir && key) {
    try {
      const snap = readIndexCache(opts.cacheDir, key);
      if (snap) lexical = LexicalIndex.fromSnapshot(snap);
    } catch (err) {
      logger.warn({ err }, 'retrieval index cache unreadable; rebuilding');
    }
    cache = lexical ? 'hit' : 'miss';
  }
  const timings: Record<string, number> = {};
  if (!lexical) {
    lexical = await LexicalIndex.build(docs, opts.chunkOptions, timings, opts.ranking);
    if (opts.cacheDir && key) {
      try {
        const t0 = performance.now();
        writeIndexCache(opts.cacheDir, key, lexical.snapshot());
        timings.cacheWrite = Math.round(performance.now() - t0);
      } catch (err) {
        logger.warn({ err }, 'could not write the retrieval index cache');
      }
    }
  }
  let dense: DenseIndex | null = null;
  if (opts.embedder) {
    try {
      const texts = lexical.chunks.map((c) => `${chunkContext(c)}\n${c.text}`);
      dense = await DenseIndex.build(opts.embedder, texts, { cacheDir: opts.cacheDir ?? null, logger });
    } catch (err) {
      logger.warn({ err }, 'embedding the corpus failed; lexical retrieval only');
    }
  }
  logger.debug(
    {
      chunks: lexical.chunks.length,
      cache,
      dense: Boolean(dense),
      ms: Math.round(performance.now() - started),
      timings,
    },
    'retriever built',
  );
  return new HybridRetriever(lexical, dense, logger);
}
