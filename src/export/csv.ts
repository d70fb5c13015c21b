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

/** Parse CSV text (a leading BOM is dropped) into rows of strings. Handles quotes, doubled quotes and CRLF/LF. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
