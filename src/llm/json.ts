/**
 * Cleaning model output before use: reasoning models (DeepSeek-R1, Qwen3, QwQ) prepend
 * `<think>…</think>`; many models wrap JSON in ```json fences or add a sentence around it.
 */

/** Remove `<think>…</think>` blocks (and a dangling unclosed one at the start). */
export function stripThinking(text: string): string {
  let out = text.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '');
  // A reply cut off mid-reasoning, or a server that drops the opening tag but keeps the closing one.
  const close = out.search(/<\/think(?:ing)?>/i);
  if (close >= 0) out = out.slice(close).replace(/^<\/think(?:ing)?>/i, '');
  out = out.replace(/^\s*<think(?:ing)?>[\s\S]*$/i, '');
  return out.trim();
}

/** Remove a surrounding ``` / ```json fence if present. */
export function stripFences(text: string): string {
  const m = /```(?:json|JSON)?\s*\n?([\s\S]*?)\n?\s*```/.exec(text);
  return (m ? (m[1] ?? '') : text).trim();
}

/**
 * Parse the JSON value in a model reply. Tries the whole (cleaned) text first, then the
 * outermost {...} or [...] span. Throws SyntaxError when nothing parses.
 */
export function parseModelJson(raw: string): unknown {
  const text = stripFences(stripThinking(raw));
  try {
    return JSON.parse(text);
  } catch (first) {
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
    ] as const) {
      const start = text.indexOf(open);
      const end = text.lastIndexOf(close);
      if (start >= 0 && end > start) {
        try {
          return JSON.parse(text.slice(start, end + 1));
        } catch {
          /* try the next shape */
        }
      }
    }
    throw first;
  }
}
