/**
 * Ingested documents on disk: one JSON record per source path under `${dataDir}/ingested/`, holding the cleaned
 * documents and the sha256 of the raw file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sha256 } from './hash.js';
import type { CorpusDocument } from './types.js';

export interface IngestRecord {
  version: 1;
  /** Absolute source path: the record's key. */
  sourcePath: string;
  fileHash: string;
  ingestedAt: string;
  documents: CorpusDocument[];
}

const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  text: z.string(),
  file: z.string(),
  fileHash: z.string(),
  section: z.string().nullable().optional(),
  origin: z.string().nullable().optional(),
});

const recordSchema = z.object({
  version: z.literal(1),
  sourcePath: z.string(),
  fileHash: z.string(),
  ingestedAt: z.string(),
  documents: z.array(documentSchema),
});

export function ingestedDir(dataDir: string): string {
  return path.join(dataDir, 'ingested');
}

/** Short stable hash of an absolute source path. */
export function pathKey(sourcePath: string): string {
  return sha256(path.resolve(sourcePath)).slice(0, 12);
}

export function recordFile(dataDir: string, sourcePath: string): string {
  const base = path
    .basename(sourcePath)
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 60);
  return path.join(ingestedDir(dataDir), `${base}-${pathKey(sourcePath)}.json`);
}

export async function readRecordFile(file: string): Promise<IngestRecord | null> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = recordSchema.safeParse(JSON.parse(raw));
  return parsed.success ? (parsed.data as IngestRecord) : null;
}

export async function readRecord(dataDir: string, sourcePath: string): Promise<IngestRecord | null> {
  return readRecordFile(recordFile(dataDir, sourcePath));
}

/** Write atomically (temp file + rename) so a crash never leaves half a record. */
export async function writeRecord(dataDir: string, record: IngestRecord): Promise<string> {
  const file = recordFile(dataDir, record.sourcePath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(record, null, 1)}\n`, 'utf8');
  await fs.rename(tmp, file);
  return file;
}

export async function removeRecord(dataDir: string, sourcePath: string): Promise<boolean> {
  try {
    await fs.unlink(recordFile(dataDir, sourcePath));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Every valid record (invalid or foreign JSON files are ignored). */
export async function readAllRecords(dataDir: string): Promise<IngestRecord[]> {
  let names: string[];
  try {
    names = await fs.readdir(ingestedDir(dataDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const records: IngestRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const r = await readRecordFile(path.join(ingestedDir(dataDir), name));
      if (r) records.push(r);
    } catch {
      // A corrupt record is skipped; re-ingesting the file rewrites it.
    }
  }
  return records;
}
