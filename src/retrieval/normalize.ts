/**
 * Text normalisation shared by indexing and querying, so both sides see the same characters:
 * NFKC (full-width → half-width), lower-case Latin, one form per quote/punctuation mark, and no
 * whitespace inside Chinese text (PDF/HTML extraction scatters spaces and line breaks in sentences).
 */

const HAN = '\\p{Script=Han}';
/** Whitespace with a Han character (or CJK punctuation) on at least one side. */
const SPACE_NEAR_CJK = new RegExp(
  `(?<=[${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’])\\s+|\\s+(?=[${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’])`,
  'gu',
);

/** Quotes and brackets that only frame a term: all become plain double quotes / angle quotes. */
const PUNCT_MAP: Record<string, string> = {
  '「': '“',
  '」': '”',
  '『': '“',
  '』': '”',
  '"': '“',
  '＂': '“',
  '‘': '“',
  '’': '”',
  "'": '“',
  '〈': '《',
  '〉': '》',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '—': '-',
  '–': '-',
  '─': '-',
  '•': '·',
  '・': '·',
  '～': '~',
  '．': '.',
};
const PUNCT_RE = new RegExp(
  `[${Object.keys(PUNCT_MAP)
    .join('')
    .replace(/[\]\\^-]/g, '\\$&')}]`,
  'g',
);

/**
 * Normalise text for indexing or matching. Not for display: the chunk text shown to users keeps
 * its original form.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PUNCT_RE, (c) => PUNCT_MAP[c] ?? c)
    .replace(/\u3000/g, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/[ \t\f\v\r]+/g, ' ')
    .trim();
}

/** Remove all whitespace (the dev set's evidence check compares texts this way). */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

const HAN_CHAR = /\p{Script=Han}/u;
export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}
