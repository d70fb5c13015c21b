/** Date expressions → `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */

const pad = (n: string | number) => String(n).padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1900 || y > 2100) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && (d < 1 || d > 31)) return false;
  return true;
}

/** The first absolute date in `s` (2018-09-20, 2018/9/20, 2018.9.20, 2018年9月20日, 2018年9月, 2018年). */
export function findDate(s: string): string | null {
  const numeric = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(s);
  const chinese = /(?<!\d)(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/.exec(s);
  const first = [numeric, chinese].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const y = Number(first[1]);
  const m = first[2] ? Number(first[2]) : undefined;
  const d = first[3] ? Number(first[3]) : undefined;
  if (!valid(y, m, d)) return null;
  if (m === undefined) return String(y);
  if (d === undefined) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A line that is nothing but a date ("2018-09-20", "2019年3月1日"). */
export function isDateLine(line: string): boolean {
  return /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号])$/.test(line.trim());
}

/** Relative dates of page dumps (昨天, 3天前, 星期二): the text states no date. */
export function isRelativeDateLine(line: string): boolean {
  return /^(?:今天|昨天|前天|\d+\s*(?:分钟|小时|天|周)前|(?:星期|周)[一二三四五六日天])$/.test(line.trim());
}
