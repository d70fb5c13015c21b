/** Character classes and line patterns shared by the cleaning steps. */

/** CJK ideographs (the common block plus extension A). */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const CJK_RE = new RegExp(`[${CJK}]`);
const CJK_RUN_RE = new RegExp(`[${CJK}]`, 'g');

/** Sentence-final punctuation (full and half width). */
export const TERMINAL = '。！？!?；;…';

/** A paragraph that ends a sentence: terminal punctuation, optionally followed by closing quotes/brackets, or a colon. */
const ENDS_SENTENCE = new RegExp(`(?:[${TERMINAL}][”’"」』）)】]*|[：:])$`);

/** Section heading markers: 一、 （一） (一) 1. 1、 ① 第一章 一是 【…】 ■ … */
export const HEADING_MARKER =
  /^(?:[一二三四五六七八九十百]+、|[（(]\s*[一二三四五六七八九十百]+\s*[)）]|\d{1,2}\s*[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分篇]|[一二三四五六七八九十]是|[一二三四五六七八九十]要|【|■|▲|●|◆|◎|附件|附：)/;

/** Inline heading markers that may start a new paragraph right after a full stop (bodies dumped as one long line). */
export const INLINE_HEADING_SPLIT = new RegExp(
  `(?<=[${TERMINAL}])\\s*(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d{1,2}[、．](?!\\d)))`,
  'g',
);

export function hasCjk(s: string): boolean {
  return CJK_RE.test(s);
}

export function cjkCount(s: string): number {
  return s.match(CJK_RUN_RE)?.length ?? 0;
}

export function endsSentence(line: string): boolean {
  if (ENDS_SENTENCE.test(line)) return true;
  // A line that ends with a balanced closing bracket — "(章福宝 余一苗)", "朱耀刚（调研室主任）" — is complete.
  if (/[)）]$/.test(line)) {
    const open = (line.match(/[（(]/g) ?? []).length;
    const close = (line.match(/[)）]/g) ?? []).length;
    return open === close;
  }
  return false;
}

/** Sentence-final punctuation anywhere before the last character. */
export function hasInternalTerminal(line: string): boolean {
  return new RegExp(`[${TERMINAL}]`).test(line.slice(0, -1));
}

export function startsWithHeadingMarker(line: string): boolean {
  return HEADING_MARKER.test(line);
}

/** Whitespace-free form, for comparisons. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** "王 瑜" → "王瑜": PDF layouts pad two-character names to three. Longer phrases keep their spaces. */
export function tidyName(s: string): string {
  return s
    .trim()
    .replace(new RegExp(`(^|\\s)([${CJK}])\\s([${CJK}]{1,2})(?=$|[（(\\s])`, 'g'), '$1$2$3')
    .replace(/\s{2,}/g, ' ');
}

/** CJK punctuation (full-width forms and curly quotes). */
const CJK_PUNCT = '\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’…—';
const SPACE_AFTER_PUNCT = new RegExp(`(?<=[${CJK_PUNCT}])\\s+(?=[${CJK}${CJK_PUNCT}])`, 'g');
const SPACE_BEFORE_PUNCT = new RegExp(`(?<=[${CJK}${CJK_PUNCT}])\\s+(?=[${CJK_PUNCT}])`, 'g');

/** Drop layout spaces next to CJK punctuation ("干部队伍。 越城区", "在 “三服务”"). Spaces between words stay. */
export function tidyCjkSpaces(s: string): string {
  return s.replace(SPACE_AFTER_PUNCT, '').replace(SPACE_BEFORE_PUNCT, '');
}
