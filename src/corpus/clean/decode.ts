/**
 * Undo the page-dump wrapper: `text:'…'` with escaped `\n`, `\xa0`, `\'`, `\uXXXX`, and normalise whitespace
 * (NBSP, ideographic space, zero-width characters, CRLF).
 */

const WRAPPER = /^\s*text\s*:\s*'([\s\S]*)'\s*$/;

export function unwrapPageDump(raw: string): string {
  const m = WRAPPER.exec(raw);
  if (!m) return raw;
  return unescapeJsString(m[1] ?? '');
}

/** Decode the escapes of a single-quoted JS/Python string literal. */
export function unescapeJsString(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[nrtbfv0'"\\/])/g, (_all, esc: string) => {
    switch (esc[0]) {
      case 'x':
        return String.fromCharCode(parseInt(esc.slice(1), 16));
      case 'u':
        return String.fromCodePoint(parseInt(esc.replace(/[u{}]/g, ''), 16));
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
      case 'f':
      case 'v':
      case '0':
        return ' ';
      default:
        return esc;
    }
  });
}

/** Line endings, exotic spaces and invisible characters → plain "\n" and " ". */
export function normalizeWhitespace(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
}

/** Raw file text → normalised text with the page-dump wrapper removed. */
export function decodeRaw(raw: string): string {
  return normalizeWhitespace(unwrapPageDump(normalizeWhitespace(raw)));
}

/** Split into trimmed lines (blank lines kept as ''), collapsing runs of spaces. */
export function toLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
}
