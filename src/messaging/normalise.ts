/** Text hygiene shared by every adapter: well-formed UTF-16, no control characters, bounded length. */

// C0/C1 controls except \t \n; bidi overrides/isolates (RTL tricks); zero-width chars except ZWJ (emoji).
const CONTROL_RE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replace lone UTF-16 surrogates (invalid in JSON for Redis' Lua cjson and in most APIs) with U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE_RE, '\uFFFD');
}

export function cleanText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return wellFormed(raw).replace(CONTROL_RE, '').replace(/\r\n?/g, '\n').trim();
}

/** Clean and bound the text; `oversized` tells the bot to answer with a polite refusal. */
export function boundText(raw: unknown, max: number): { text: string; oversized: boolean } {
  const text = cleanText(raw);
  return text.length > max ? { text: text.slice(0, max), oversized: true } : { text, oversized: false };
}
