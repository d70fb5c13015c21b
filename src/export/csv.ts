/**
 * CSV for Excel: UTF-8 with a BOM (so Excel detects the encoding and shows Chinese correctly), CRLF line ends,
 * RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe: the ledger holds text typed in chat groups, and "CSV injection" is a real risk for whoever
 * opens the file.
 */
import type { Cell, Sheet } from './types.js';

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell, kind: 'text' | 'number' = 'text'): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (kind === 'text' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c, i) => csvCell(row[i] ?? null, c.kind)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export { parseCsv } from '../text/csv.js';
