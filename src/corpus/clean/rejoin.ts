/**
 * Rejoin hard line breaks: print layouts and PDF dumps cut sentences (and words) at the end of every printed line,
 * often with a blank line in between. A line that does not end a sentence is joined with the next one when that one
 * continues the sentence — without a space between CJK characters. Headings (一、 （一） 1. ① 第一章 …) stay lines.
 */
import { INLINE_HEADING_SPLIT, endsSentence, hasInternalTerminal, startsWithHeadingMarker } from './patterns.js';

/** Lines that never join onto the previous one: headings, bylines, notes. */
function startsNewParagraph(line: string): boolean {
  return (
    startsWithHeadingMarker(line) ||
    /^[（(](?:作者|本文|注|编者|来源)/.test(line) ||
    /^(?:编者按|按：|注：|附：|课题组)/.test(line)
  );
}

/**
 * A short line without a full stop that is not visibly cut off (no trailing comma or open quote): a heading.
 * Marked headings (一、 （一） 1.) may be long; unmarked ones are short labels ("工作目标", "第一个关键词：机遇").
 */
function isHeadingLike(line: string): boolean {
  if (/[，,、“‘《（(—-]$/.test(line)) return false;
  if (hasInternalTerminal(line)) return false;
  if (startsWithHeadingMarker(line)) return line.length <= 60;
  return line.length <= 12 || (line.length <= 20 && /[：:]/.test(line));
}

function joinable(prev: string, next: string): boolean {
  if (endsSentence(prev)) return false;
  if (startsNewParagraph(next)) return false;
  // A number or word cut in two ("共引进人才12" / "36人。").
  if (/[0-9A-Za-z]$/.test(prev) && /^[0-9A-Za-z%‰]/.test(next)) return true;
  return !isHeadingLike(prev);
}

/**
 * The printed line width of a fixed-width layout (PDF text, hard-wrapped .txt): a length that many lines share.
 * Null when lines are free-length paragraphs.
 */
export function layoutWidth(paras: string[]): number | null {
  if (paras.length < 8) return null;
  const counts = new Map<number, number>();
  for (const p of paras) counts.set(p.length, (counts.get(p.length) ?? 0) + 1);
  let best: { width: number; n: number } | null = null;
  for (const width of counts.keys()) {
    const n = (counts.get(width - 1) ?? 0) + (counts.get(width) ?? 0) + (counts.get(width + 1) ?? 0);
    if (!best || n > best.n || (n === best.n && width > best.width)) best = { width, n };
  }
  if (!best || best.width < 8 || best.width > 80) return null;
  return best.n >= Math.max(5, paras.length * 0.25) ? best.width : null;
}

/** Glue two fragments: no space between CJK, one space between Latin words. */
function glue(a: string, b: string): string {
  const left = a.at(-1) ?? '';
  const right = b[0] ?? '';
  const latin = /[A-Za-z0-9]/;
  return latin.test(left) && latin.test(right) && !/\d/.test(left + right) ? `${a} ${b}` : `${a}${b}`;
}

/** Split bodies that were dumped as one long line at inline headings ("…作用。二、主要任务…"). */
export function splitInlineHeadings(paras: string[]): string[] {
  return paras.flatMap((p) =>
    p
      .split(INLINE_HEADING_SPLIT)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Join broken lines. Input: non-empty trimmed paragraphs. */
export function rejoinLines(paras: string[]): string[] {
  const width = layoutWidth(paras);
  const out: string[] = [];
  let prevRaw: string | undefined;
  for (const p of paras) {
    const prev = out.at(-1);
    // A raw line as long as the layout's printed line was cut by the layout, whatever it looks like.
    const cut = prevRaw !== undefined && width !== null && prevRaw.length >= width - 1 && !endsSentence(prevRaw);
    if (prev !== undefined && (cut ? !startsNewParagraph(p) : joinable(prev, p))) out[out.length - 1] = glue(prev, p);
    else out.push(p);
    prevRaw = p;
  }
  return out;
}
