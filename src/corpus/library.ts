/** The document library: the bundled corpus (cleaned on load) plus every ingested document. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { cleanText } from './clean/index.js';
import { sha256 } from './hash.js';
import { readAllRecords } from './ingest-store.js';
import { loadBytes, LoadError, isSupported, unsupportedError } from './loaders/index.js';
import type { CorpusDocument } from './types.js';
import { listFiles } from './walk.js';

export interface LibraryOptions {
  /** Bundled corpus directory (ZCT_CORPUS_DIR). */
  corpusDir: string;
  /** Data directory (ZCT_DATA_DIR); ingested documents live in `${dataDir}/ingested/`. */
  dataDir: string;
  /** Called for a bundled file that is skipped (unsupported, unreadable, empty). */
  onSkip?: (file: string, reason: string) => void;
}

/** Relative path with forward slashes, without extension: the id stem of a bundled file. */
function stemOf(rel: string): string {
  return rel
    .split(path.sep)
    .join('/')
    .replace(/\.[^./]+$/, '');
}

/** Clean one bundled file. */
export async function loadBundledFile(corpusDir: string, file: string): Promise<CorpusDocument[]> {
  const rel = path.relative(corpusDir, file).split(path.sep).join('/');
  const bytes = await fs.readFile(file);
  const loaded = await loadBytes(file, bytes);
  return cleanText(loaded.text, {
    idStem: stemOf(rel),
    file: rel,
    fileHash: sha256(bytes),
    titleHint: loaded.titleHint,
    fileStem: path.basename(stemOf(rel)),
  });
}

/** Every bundled file of `corpusDir`, cleaned, in file-name order. */
export async function loadBundled(opts: LibraryOptions): Promise<CorpusDocument[]> {
  const docs: CorpusDocument[] = [];
  for (const file of await listFiles(opts.corpusDir)) {
    if (!isSupported(file)) {
      opts.onSkip?.(file, unsupportedError(file).message);
      continue;
    }
    try {
      const cleaned = await loadBundledFile(opts.corpusDir, file);
      if (cleaned.length === 0) opts.onSkip?.(file, new LoadError('no_text').message);
      docs.push(...cleaned);
    } catch (err) {
      opts.onSkip?.(file, err instanceof Error ? err.message : String(err));
    }
  }
  return docs;
}

/** Every ingested document, ordered by source file. */
export async function loadIngested(dataDir: string): Promise<CorpusDocument[]> {
  const records = await readAllRecords(dataDir);
  records.sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
  return records.flatMap((r) => r.documents);
}

/** The bundled corpus (all files in corpusDir, cleaned) plus every ingested document. */
export async function loadLibrary(opts: LibraryOptions): Promise<CorpusDocument[]> {
  const [bundled, ingested] = await Promise.all([loadBundled(opts), loadIngested(opts.dataDir)]);
  return dropRepeatedDocuments([...bundled, ...ingested]);
}

/**
 * The same document printed by several files — a WeChat account's page (公众号信息) that every article of the
 * account carries — is kept once (the first), so it does not fill several search hits.
 */
export function dropRepeatedDocuments(docs: CorpusDocument[]): CorpusDocument[] {
  const seen = new Set<string>();
  return docs.filter((d) => {
    const key = `${d.title}\u0000${d.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
