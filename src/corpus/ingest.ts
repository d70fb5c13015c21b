/**
 * Ingest user files: load (.txt .md .html .docx .pdf), clean, and store under `${dataDir}/ingested/`, one record per
 * source path with the raw sha256. Unchanged files are a no-op; a changed file replaces its old documents; bad files
 * are reported with a reason and skipped while the rest still ingest.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { cleanText } from './clean/index.js';
import { sha256 } from './hash.js';
import { pathKey, readRecord, writeRecord } from './ingest-store.js';
import { LoadError, isSupported, loadBytes, unsupportedError, type LoadErrorCode } from './loaders/index.js';
import { expandPaths } from './walk.js';

export type IngestStatus = 'added' | 'updated' | 'unchanged' | 'failed';

export interface IngestFileResult {
  /** The file as given (or as found when walking a directory). */
  path: string;
  status: IngestStatus;
  /** Documents now stored for this file (0 when failed and nothing was stored before). */
  documents: number;
  /** Documents this run replaced (updated) — 0 otherwise. */
  replaced: number;
  /** Ids of the stored documents. */
  ids: string[];
  /** Why it failed (Chinese + English), or a note for an unchanged file. */
  reason?: string;
  code?: LoadErrorCode | 'bundled';
}

export interface IngestReport {
  files: IngestFileResult[];
  totals: Record<IngestStatus, number> & { documents: number };
}

export interface IngestOptions {
  corpusDir: string;
  dataDir: string;
  /** Called with done = 0 (file '') once the paths are expanded, then after every file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Injected clock for `ingestedAt`. */
  now?: () => Date;
}

/** How an ingested file is named in CorpusDocument.file: relative to the working directory when inside it. */
function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

async function ingestOne(file: string, opts: IngestOptions): Promise<IngestFileResult> {
  const abs = path.resolve(file);
  const base = { path: file, documents: 0, replaced: 0, ids: [] as string[] };
  if (isInside(opts.corpusDir, abs)) {
    return {
      ...base,
      status: 'unchanged',
      code: 'bundled',
      reason: '已是内置语料，无需导入 (already part of the bundled corpus)',
    };
  }
  const previous = await readRecord(opts.dataDir, abs).catch(() => null);
  const kept = previous ? { documents: previous.documents.length, ids: previous.documents.map((d) => d.id) } : {};
  try {
    if (!isSupported(abs)) throw unsupportedError(abs);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs);
    } catch (err) {
      throw new LoadError('io', err instanceof Error ? err.message : String(err));
    }
    const fileHash = sha256(bytes);
    if (previous && previous.fileHash === fileHash) {
      return { ...base, ...kept, status: 'unchanged' };
    }
    const loaded = await loadBytes(abs, bytes);
    const stem = path.basename(abs).replace(/\.[^.]+$/, '');
    const documents = cleanText(loaded.text, {
      idStem: `${stem}@${pathKey(abs).slice(0, 6)}`,
      file: displayPath(abs),
      fileHash,
      titleHint: loaded.titleHint,
      fileStem: stem,
    });
    if (documents.length === 0) throw new LoadError('no_text', '清洗后没有正文 (nothing left after cleaning)');
    await writeRecord(opts.dataDir, {
      version: 1,
      sourcePath: abs,
      fileHash,
      ingestedAt: (opts.now?.() ?? new Date()).toISOString(),
      documents,
    });
    return {
      ...base,
      status: previous ? 'updated' : 'added',
      documents: documents.length,
      replaced: previous?.documents.length ?? 0,
      ids: documents.map((d) => d.id),
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // A file that turned bad keeps its previously ingested documents.
    return {
      ...base,
      ...kept,
      status: 'failed',
      reason,
      ...(err instanceof LoadError ? { code: err.code } : {}),
    };
  }
}

/** Add or update documents from files and directories. */
export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const walked = await expandPaths(paths);
  const files: IngestFileResult[] = [];
  let done = 0;
  opts.onProgress?.(0, walked.length, '');
  for (const w of walked) {
    const result: IngestFileResult = w.error
      ? { path: w.path, status: 'failed', documents: 0, replaced: 0, ids: [], reason: w.error, code: 'io' }
      : await ingestOne(w.path, opts);
    files.push(result);
    done++;
    opts.onProgress?.(done, walked.length, w.path);
  }
  const totals = { added: 0, updated: 0, unchanged: 0, failed: 0, documents: 0 };
  for (const f of files) {
    totals[f.status]++;
    totals.documents += f.documents;
  }
  return { files, totals };
}
