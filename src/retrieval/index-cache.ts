/**
 * Disk cache of the built lexical index, so a restart does not re-chunk and re-segment the corpus.
 * One file per corpus state: `<cacheDir>/retrieval/index-<key>.bin` (v8 serialisation: typed
 * arrays are stored as raw bytes). The key hashes every document's identity and content plus the
 * index version, so any corpus change (or a new index format) misses and rebuilds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { CorpusDocument } from '../corpus/types.js';
import { DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker.js';
import { FIELDS, RETRIEVAL_BM25 } from './fields.js';
import { retrievalLexicon } from './lexicon.js';
import type { LexicalSnapshot } from './lexical.js';

/** Bump when chunking or tokenisation code or the snapshot layout change (settings are hashed anyway). */
export const INDEX_VERSION = 'zct-retrieval-12';

export function indexCacheKey(docs: CorpusDocument[], chunkOptions: ChunkOptions = {}): string {
  const h = crypto.createHash('sha256');
  const config = {
    fields: FIELDS.map((f) => [f.name, f.maxDfRatio ?? 1]),
    bm25: RETRIEVAL_BM25,
    lexicon: retrievalLexicon().fingerprint,
    chunks: { ...DEFAULT_CHUNK_OPTIONS, ...chunkOptions },
  };
  h.update(`${INDEX_VERSION}\n${JSON.stringify(config)}\n`);
  for (const d of docs) {
    const textHash = crypto.createHash('sha256').update(d.text).digest('hex');
    h.update(JSON.stringify([d.id, d.fileHash, textHash, d.title, d.source, d.date]));
    h.update('\n');
  }
  return h.digest('hex').slice(0, 32);
}

function dirOf(cacheDir: string): string {
  return path.join(cacheDir, 'retrieval');
}

export function indexCachePath(cacheDir: string, key: string): string {
  return path.join(dirOf(cacheDir), `index-${key}.bin`);
}

interface CacheFile {
  version: string;
  key: string;
  snapshot: LexicalSnapshot;
}

/** The cached snapshot for this key, or null (missing, unreadable or from another version). */
export function readIndexCache(cacheDir: string, key: string): LexicalSnapshot | null {
  const file = indexCachePath(cacheDir, key);
  if (!fs.existsSync(file)) return null;
  const data = v8.deserialize(fs.readFileSync(file)) as Partial<CacheFile>;
  if (data.version !== INDEX_VERSION || data.key !== key || !data.snapshot) return null;
  return data.snapshot;
}

/** Write atomically (temp file + rename) and remove index files of older corpus states. */
export function writeIndexCache(cacheDir: string, key: string, snapshot: LexicalSnapshot): string {
  const dir = dirOf(cacheDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = indexCachePath(cacheDir, key);
  const tmp = `${file}.${process.pid}.tmp`;
  const payload: CacheFile = { version: INDEX_VERSION, key, snapshot };
  fs.writeFileSync(tmp, v8.serialize(payload));
  fs.renameSync(tmp, file);
  for (const name of fs.readdirSync(dir)) {
    if (/^index-[0-9a-f]+\.bin$/.test(name) && name !== path.basename(file)) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
  return file;
}
