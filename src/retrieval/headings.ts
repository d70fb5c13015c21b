/**
 * Structure markers of Chinese official documents, outermost first:
 *   第一部分/第一章 > 一、 > （一） > 1. / 1、 > （1） > ①
 * A paragraph starting with one opens a section; its first clause is the section heading.
 */

export interface Heading {
  level: number;
  text: string;
  /** The whole line is the heading (no body text follows on the same line). */
  wholeLine: boolean;
}

const CN_NUM = '一二三四五六七八九十百零〇';
const MARKERS: Array<[RegExp, number]> = [
  [new RegExp(`^第[${CN_NUM}\\d]{1,3}[部分章节篇]`, 'u'), 1],
  [new RegExp(`^[${CN_NUM}]{1,3}[、．.](?![${CN_NUM}\\d])`, 'u'), 2],
  [new RegExp(`^[（(][${CN_NUM}]{1,3}[）)]`, 'u'), 3],
  [/^\d{1,2}(?:[、．]|\.(?!\d))/u, 4],
  [/^[（(]\d{1,2}[）)]/u, 5],
  [/^[①-⑳]/u, 6],
];

/** Longest heading kept in a path; longer first clauses are cut with an ellipsis. */
const MAX_HEADING = 40;
const CLAUSE_END = /[。！？!?；;：:]/u;

export function detectHeading(line: string): Heading | null {
  const trimmed = line.trim();
  for (const [re, level] of MARKERS) {
    if (!re.test(trimmed)) continue;
    const end = trimmed.search(CLAUSE_END);
    const clause = (end === -1 ? trimmed : trimmed.slice(0, end)).trim();
    const rest = end === -1 ? '' : trimmed.slice(end + 1).trim();
    const text = clause.length > MAX_HEADING ? `${clause.slice(0, MAX_HEADING)}…` : clause;
    return { level, text, wholeLine: rest === '' && clause.length <= MAX_HEADING };
  }
  return null;
}
