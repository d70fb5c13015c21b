/**
 * Corpus: cleaning of the bundled page dumps and magazine issue, file loaders, and the ingested-document library.
 */
export type { CorpusDocument } from './types.js';
export { loadLibrary, loadBundled, loadBundledFile, loadIngested, type LibraryOptions } from './library.js';
export {
  ingestPaths,
  type IngestReport,
  type IngestFileResult,
  type IngestStatus,
  type IngestOptions,
} from './ingest.js';
export { readAllRecords, removeRecord, ingestedDir, recordFile, type IngestRecord } from './ingest-store.js';
export {
  loadFile,
  loadBytes,
  isSupported,
  unsupportedError,
  SUPPORTED_EXTENSIONS,
  LoadError,
  type LoadErrorCode,
  type LoadedText,
} from './loaders/index.js';
export { cleanText, type CleanOptions } from './clean/index.js';
export { sha256 } from './hash.js';
export { formatIngestReport } from './report.js';
