/**
 * Length-preserving text folding: full-width ASCII (Ｑ－００１２, ：, ，) becomes half-width so
 * patterns can be written once, while every offset still points at the same character of the
 * original message (summaries are cut from the original text).
 */
import { numeralValue } from '../../text/numerals.js';
import { foldWidth } from '../../text/width.js';

/** Fold U+FF01–U+FF5E to ASCII and U+3000 to a space; every other character is kept (src/text/width.ts). */
export { foldWidth };

/**
 * A slash with a space on each side (鑫旺 ok没事 / 万家乐 还差3人 / 绿叶 环评批了) separates the entries of a chat
 * roll-up, as a line break does: the text with each such slash turned into `sep` (keeps offsets).
 */
export function withSlashBreaks(text: string, sep: string): string {
  return text.replace(/(?<=\s)[/／](?=\s)/g, sep);
}

/**
 * A bracketed heading (【周报】, 【走访情况】, 【恒力机械】) opens a line of its own, as a heading on its own line does:
 * "【X】" becomes a line break, X and a colon (keeps offsets). A heading already followed by a colon gets a space.
 */
export function bracketHeadingsAsLines(text: string): string {
  return text.replace(/【([^【】\n]{1,20})】(?=(\s*[:：])?)/g, (_m, inner: string, colon: string | undefined) =>
    colon ? `\n${inner} ` : `\n${inner}：`,
  );
}

/** Replace [start, end) with spaces (keeps offsets). */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
}

/**
 * `text` is the stretch of a message starting at `offset`; the parts of `spans` (message offsets) that fall in
 * it are replaced with spaces (keeps offsets).
 */
export function blankSpans(text: string, offset: number, spans: readonly Span[]): string {
  let out = text;
  const end = offset + text.length;
  for (const s of spans)
    if (s.start < end && offset < s.end)
      out = blank(out, Math.max(0, s.start - offset), Math.min(text.length, s.end - offset));
  return out;
}

export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Clause separators inside a sentence. */
export const CLAUSE_SEP = /[,，]/;
/** Trim spaces and punctuation from both ends. */
export function trimPunct(s: string): string {
  return s.replace(/^[\s,，、;；:：.。!！?？~～\-—…]+|[\s,，、;；:：.。!！?？~～\-—…]+$/g, '');
}

/** Chinese numerals up to 99 (一 … 九十九, 两; 零 / 〇 is 0), or digits of any length (src/text/numerals.ts). */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '零' || s === '〇') return 0;
  return numeralValue(s);
}

/**
 * Fillers of dictated speech (lexicon/signals.ts FILLER_BREAKS, FILLER_BLANKS) replaced in place:
 * breaks by a comma (so unpunctuated speech splits into clauses), blanks by spaces. Length-preserving.
 */
export function blankFillers(text: string, breaks: RegExp, blanks: RegExp): string {
  let out = text.replace(breaks, (m) => `${' '.repeat(m.length - 1)}，`);
  out = out.replace(blanks, (m) => ' '.repeat(m.length));
  return out;
}

/** The clause up to `at`: from the last comma, full stop, semicolon or line break before it — or, in chat typed
 * without punctuation, from the last space between two words of Chinese. */
export function clauseBefore(text: string, at: number): string {
  const cut = Math.max(...[',', '，', '。', ';', '；', '\n'].map((c) => text.lastIndexOf(c, at - 1)));
  const clause = text.slice(cut + 1, at);
  // (chat typed without punctuation: a space between two words of Chinese ends a clause — 企业说不需要了 可以销号)
  const gap = /[\u4e00-\u9fa5]\s+(?=[\u4e00-\u9fa5]|$)/g;
  let from = 0;
  for (const m of clause.matchAll(gap)) from = m.index + m[0].length;
  return clause.slice(from);
}
