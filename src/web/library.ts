/**
 * The knowledge base as the console sees it: the bundled corpus (read-only) and the ingested files, with chunk counts
 * from the live retrieval index. Uploads go through the existing ingest pipeline (src/corpus ingestPaths); a changed
 * library rebuilds this replica's retriever and swaps it into the shared Services, so the bot answers from it at once.
 *
 * Other replicas learn of the change through the library version in Redis (applyLibraryChange, src/retrieval/reload.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { applyLibraryChange } from '../app/create-services.js';
import type { Services } from '../app/services.js';
import {
  ingestPaths,
  isSupported,
  loadBundled,
  readAllRecords,
  removeRecord,
  SUPPORTED_EXTENSIONS,
  type CorpusDocument,
  type IngestRecord,
} from '../corpus/index.js';
import type { Chunk, Retriever } from '../retrieval/types.js';

export interface LibraryOptions {
  /** Called after this replica rebuilt its index for a changed library (publish the version key here). */
  onChanged?: () => Promise<void> | void;
  /** Rebuild the retriever (default: createRetriever from the config, as at start-up). */
  rebuild?: (services: Services) => Promise<Retriever>;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadResult {
  name: string;
  ok: boolean;
  status?: 'added' | 'updated' | 'unchanged';
  documents?: number;
  error?: string;
}

export interface LibraryFile {
  /** Key of the ingested record (absolute source path); null for the bundled corpus. */
  sourcePath: string | null;
  file: string;
  ingestedAt: string | null;
  uploaded: boolean;
  documents: { id: string; title: string; source: string | null; date: string | null; chunks: number }[];
}

/** Chunks of the live index, when the retriever exposes them (HybridRetriever does). */
function indexChunks(r: Retriever | null): Chunk[] {
  const lexical = (r as { lexical?: { chunks?: unknown } } | null)?.lexical;
  return Array.isArray(lexical?.chunks) ? (lexical.chunks as Chunk[]) : [];
}

export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const cleaned = base
    .replace(/[^\p{L}\p{N}._\- ()（）]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return cleaned || 'upload';
}

export class Library {
  private reloading: Promise<void> = Promise.resolve();
  private bundled: Promise<CorpusDocument[]> | null = null;

  constructor(
    private readonly services: Services,
    private readonly opts: LibraryOptions = {},
  ) {}

  get dataDir(): string {
    return this.services.config.ZCT_DATA_DIR;
  }

  get uploadDir(): string {
    return path.resolve(this.dataDir, 'uploads');
  }

  get maxBytes(): number {
    return Math.round(this.services.config.WEB_UPLOAD_MAX_MB * 1024 * 1024);
  }

  chunksOf(docId: string): Chunk[] {
    return indexChunks(this.services.retriever).filter((c) => c.docId === docId);
  }

  async files(): Promise<LibraryFile[]> {
    const counts = new Map<string, number>();
    for (const c of indexChunks(this.services.retriever)) counts.set(c.docId, (counts.get(c.docId) ?? 0) + 1);
    const doc = (d: CorpusDocument) => ({
      id: d.id,
      title: d.title,
      source: d.source,
      date: d.date,
      chunks: counts.get(d.id) ?? 0,
    });
    const records = await readAllRecords(this.dataDir);
    records.sort((a, b) => b.ingestedAt.localeCompare(a.ingestedAt));
    const out: LibraryFile[] = records.map((r: IngestRecord) => ({
      sourcePath: r.sourcePath,
      file: path.basename(r.sourcePath),
      ingestedAt: r.ingestedAt,
      uploaded: path.dirname(r.sourcePath) === this.uploadDir,
      documents: r.documents.map(doc),
    }));
    const bundled = await this.bundledDocs();
    const byFile = new Map<string, CorpusDocument[]>();
    for (const d of bundled) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    for (const [file, docs] of byFile)
      out.push({ sourcePath: null, file, ingestedAt: null, uploaded: false, documents: docs.map(doc) });
    return out;
  }

  /** One document (bundled or ingested) by id, with its chunks in the live index. */
  async document(id: string): Promise<{ doc: CorpusDocument; chunks: Chunk[] } | null> {
    const records = await readAllRecords(this.dataDir);
    const doc =
      records.flatMap((r) => r.documents).find((d) => d.id === id) ??
      (await this.bundledDocs()).find((d) => d.id === id);
    return doc ? { doc, chunks: this.chunksOf(id) } : null;
  }

  /**
   * Store and ingest uploaded files. Each file succeeds or fails on its own; a failed file leaves nothing behind
   * (a replaced upload gets its previous file back). The index is rebuilt once if anything changed.
   */
  async upload(files: UploadedFile[]): Promise<UploadResult[]> {
    await fs.mkdir(this.uploadDir, { recursive: true });
    const results: UploadResult[] = [];
    let changed = false;
    for (const f of files) {
      const name = safeFileName(f.name);
      if (!isSupported(name)) {
        results.push({ name: f.name, ok: false, error: `不支持的文件类型（支持 ${SUPPORTED_EXTENSIONS.join(' ')}）` });
        continue;
      }
      if (f.bytes.byteLength === 0) {
        results.push({ name: f.name, ok: false, error: '文件是空的' });
        continue;
      }
      if (f.bytes.byteLength > this.maxBytes) {
        results.push({ name: f.name, ok: false, error: `文件超过 ${this.services.config.WEB_UPLOAD_MAX_MB} MB 上限` });
        continue;
      }
      const target = path.join(this.uploadDir, name);
      const backup = `${target}.bak-${process.pid}`;
      const hadOld = await fs.rename(target, backup).then(
        () => true,
        () => false,
      );
      try {
        await fs.writeFile(target, f.bytes);
        const report = await ingestPaths([target], {
          corpusDir: this.services.config.ZCT_CORPUS_DIR,
          dataDir: this.dataDir,
        });
        const r = report.files[0];
        if (!r || r.status === 'failed') {
          await fs.rm(target, { force: true });
          if (hadOld) await fs.rename(backup, target);
          results.push({ name: f.name, ok: false, error: `无法导入：${r?.reason ?? '未知错误'}` });
          continue;
        }
        if (hadOld) await fs.rm(backup, { force: true });
        if (r.status !== 'unchanged') changed = true;
        results.push({ name: f.name, ok: true, status: r.status, documents: r.documents });
      } catch (err) {
        await fs.rm(target, { force: true });
        if (hadOld) await fs.rename(backup, target).catch(() => undefined);
        results.push({
          name: f.name,
          ok: false,
          error: `保存失败：${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
    if (changed) await this.reload();
    return results;
  }

  /** Remove an ingested file's documents (and the uploaded file itself). */
  async remove(sourcePath: string): Promise<boolean> {
    const records = await readAllRecords(this.dataDir);
    const record = records.find((r) => r.sourcePath === sourcePath);
    if (!record) return false;
    await removeRecord(this.dataDir, record.sourcePath);
    if (path.dirname(record.sourcePath) === this.uploadDir) await fs.rm(record.sourcePath, { force: true });
    await this.reload();
    return true;
  }

  /** Rebuild this replica's index and swap it in (serialised: one rebuild at a time). */
  reload(): Promise<void> {
    const run = async () => {
      if (this.opts.rebuild) {
        // The bot's handlers read services.retriever per message: the swap is seen by the next question.
        this.services.retriever = await this.opts.rebuild(this.services);
      } else {
        // Every replica follows the library version in Redis; this one is brought up to date before replying.
        await applyLibraryChange(this.services);
      }
      this.services.logger.info(
        { ...this.services.retriever.stats() },
        'web: library changed, retrieval index rebuilt',
      );
      await this.opts.onChanged?.();
    };
    this.reloading = this.reloading.then(run, run);
    return this.reloading;
  }

  private bundledDocs(): Promise<CorpusDocument[]> {
    this.bundled ??= loadBundled({ corpusDir: this.services.config.ZCT_CORPUS_DIR, dataDir: this.dataDir });
    return this.bundled;
  }
}
