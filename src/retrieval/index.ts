/** Chinese policy retrieval: normalisation, segmentation, chunking, BM25 (+ optional dense), not-found decision. */
export type { Chunk, SearchHit, SearchResult, Retriever } from './types.js';
export { buildRetriever, HybridRetriever, type BuildRetrieverOptions } from './retriever.js';
export { normalizeText, stripWhitespace } from './normalize.js';
export { Tokenizer, tokenize, defaultTokenizer, type AnalyzedText } from './tokenizer.js';
export { isStopWord, STOP_WORDS } from './stopwords.js';
export { extractKeyTerms, discoverWords } from './key-terms.js';
export { chunkDocument, splitSentences, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker.js';
export { detectHeading, type Heading } from './headings.js';
export {
  Bm25Index,
  DEFAULT_BM25,
  type Bm25Params,
  type FieldSpec,
  type ScoredDoc,
  type SearchOptions,
} from './bm25.js';
export { LexicalIndex, type LexicalHit } from './lexical.js';
export { FIELDS } from './fields.js';
export { DenseIndex, EmbeddingCache } from './dense.js';
export { reciprocalRankFusion, RRF_K } from './fusion.js';
export { ANSWERABLE_THRESHOLD, answerability, queryUnits, type Answerability } from './confidence.js';
export { INDEX_VERSION, indexCacheKey, indexCachePath } from './index-cache.js';
export { retrieverFromConfig } from './from-config.js';
export {
  evaluate,
  readEvalSet,
  sweepGate,
  sweepThresholds,
  isCorrectPassage,
  type EvalQuestion,
  type EvalReport,
  type SweepRow,
} from './evaluate.js';
