/** Text helpers for composing answers: display tidying, sentence splitting, clipping. */
import { normalizeText, stripWhitespace } from '../retrieval/normalize.js';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’《》（）';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u3000]+|[ \\t\\u3000]+(?=[${CJK}])`, 'gu');

/** For display: drop spaces that extraction scattered inside Chinese text, collapse the rest. */
export function tidy(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** 一、 or （一） + a short heading, directly followed by item 1 of a numbered list (1、 / （1） / ①). */
const HEADING_THEN_ITEM =
  /((?:^|[。！？；;])\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[^。！？；;，,：:、\d（()）①]{2,14})(?=(?:1[、．.]|[（(]1[)）]|①)[^\d])/gu;

/** Sentences of a passage, each with its end mark; split on 。！？； and line breaks. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A section heading run into its first item ("三、推进举措1、突出…" in text without line breaks) is a
  // sentence of its own, so the items' markers are seen.
  for (const line of tidy(text).replace(HEADING_THEN_ITEM, '$1\n').split('\n')) {
    // Keep a closing quote/bracket with the sentence it ends.
    const parts = line.match(/[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)]*)?/gu) ?? [];
    for (const p of parts) {
      const s = p.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

/** Shorten to at most `max` characters, keeping the window around `focus` (an index) when given. */
export function clip(text: string, max: number, focus = 0): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let start = Math.max(0, Math.min(focus - Math.floor(max / 3), chars.length - max));
  const end = Math.min(chars.length, start + max - 1);
  if (start > 0) start += 1;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}…`;
}

/** Replace a trailing ；，：、 with 。 (a clause that now ends the answer or a group); add 。 if none. */
export function endSentence(s: string): string {
  const t = s.replace(/[；;，,：:、]+$/u, '。');
  return /[。！？!?…”’」』）)]$/u.test(t) ? t : `${t}。`;
}

/** Normalised form for matching (not for display): the retrieval normalisation, no whitespace. */
export function matchForm(text: string): string {
  return stripWhitespace(normalizeText(text));
}

export function charLength(s: string): number {
  return [...s].length;
}
