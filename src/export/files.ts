/**
 * Writing an export to disk. xlsx: one file with two sheets. csv: two files — the issue ledger at the path given and
 * the visit log next to it with "-visits" before the extension (ledger.csv → ledger.csv + ledger-visits.csv).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from './csv.js';
import type { ExportData } from './types.js';
import { toXlsx } from './xlsx.js';

export type ExportFormat = 'xlsx' | 'csv';

/** ledger.csv → ledger-visits.csv; ledger → ledger-visits.csv */
export function visitsCsvPath(out: string): string {
  const ext = path.extname(out);
  const base = ext.toLowerCase() === '.csv' ? out.slice(0, -ext.length) : out;
  return `${base}-visits.csv`;
}

/** Write the export; returns the paths written. */
export async function writeExport(data: ExportData, format: ExportFormat, out: string): Promise<string[]> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  if (format === 'xlsx') {
    await fs.writeFile(out, await toXlsx(data));
    return [out];
  }
  const visitsPath = visitsCsvPath(out);
  await fs.writeFile(out, toCsv(data.issues), 'utf8');
  await fs.writeFile(visitsPath, toCsv(data.visits), 'utf8');
  return [out, visitsPath];
}
