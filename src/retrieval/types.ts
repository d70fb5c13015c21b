/**
 * Retrieval contracts shared by the index, the ask handler, the ledger's 政策礼包 and the CLI.
 *
 * For assembling answers from more than one passage (a list spread over headings, a table cut in
 * two), a hit's chunk says where it sits: `docId`, the `headings` path, and its id `${docId}::${n}`
 * where n is its position in the document. The Retriever gives the passages around it:
 *   retriever.neighbours?.(hit.chunk.id, 2, 3)  → up to 2 chunks before and 3 after, itself included,
 *                                                  in document order, never across documents
 *   retriever.documentChunks?.(docId)           → the whole document's chunks in order
 *   retriever.chunk?.(chunkId)                  → one chunk by id
 * Consecutive chunks overlap by up to ~100 characters (whole sentences: DEFAULT_CHUNK_OPTIONS), so
 * text joined from neighbours must drop the repeated sentences.
 * Every Retriever built by buildRetriever (HybridRetriever) and the ReloadingRetriever of a running
 * bot implement them; they are optional only so that test doubles need not.
 */

export interface Chunk {
  /** `${docId}::${n}` */
  id: string;
  docId: string;
  title: string;
  source: string | null;
  date: string | null;
  /** Section heading path inside the document (一、… > （二）…). */
  headings: string[];
  /** The passage itself, at most ~600 characters. */
  text: string;
  /** The document's column/section in a periodical (卷首语, 交流发言 …), when known. */
  section?: string | null;
  /** The document's author or unit, when known. */
  author?: string | null;
  /** Original publication (来源：绍兴日报), when it differs from `source`. */
  origin?: string | null;
  /** Descriptor words of the document's kind (讲话, 卷首语, 编者按 … from data/retrieval/doc-kinds.txt). */
  kinds?: string[];
}

export interface SearchHit {
  rank: number;
  chunk: Chunk;
  /** Fused/BM25 score; higher is better. Comparable only within one query. */
  score: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Calibrated decision: false when the corpus does not answer the query. */
  answerable: boolean;
  /** Confidence in [0, 1] behind `answerable`. */
  confidence: number;
}

/** Options of one search. */
export interface SearchOptions {
  /**
   * The words whose asked kind of answer (a figure, a date, who…) the not-found decision checks, when
   * they are not the query's own: a follow-up rewritten with the previous question's topic asks what the
   * new message asks, not what the previous one did. Its place/year constraints still come from the query.
   */
  asked?: string;
}

export interface Retriever {
  search(query: string, k?: number, opts?: SearchOptions): Promise<SearchResult>;
  /** Number of chunks / documents indexed. */
  stats(): { documents: number; chunks: number };
  /** Frequent topics, for "nearest topics" suggestions when nothing was found. */
  topics(query: string, n?: number): string[];
  /** The chunks around `chunkId` in its document (itself included), in order: up to `before` before and `after` after (default 1, 1). */
  neighbours?(chunkId: string, before?: number, after?: number): Chunk[];
  /** Every chunk of a document, in order. */
  documentChunks?(docId: string): Chunk[];
  /** One chunk by id, or null. */
  chunk?(chunkId: string): Chunk | null;
}
