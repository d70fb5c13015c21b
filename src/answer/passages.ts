/** Number retrieved hits as passages [1]..[k] and format them for the answer prompt. */
import type { SearchHit } from '../retrieval/types.js';
import type { Passage } from './types.js';
import { tidy } from './text.js';

export function numberPassages(hits: SearchHit[], k: number): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const h of hits) {
    if (out.length >= k) break;
    if (seen.has(h.chunk.id)) continue;
    seen.add(h.chunk.id);
    out.push({ n: out.length + 1, chunk: h.chunk, score: h.score });
  }
  return out;
}

/**
 * Passage text is data: neutralise anything that could close or open our <passages>/<question>
 * wrappers, so a document (or a question) cannot break out of its slot in the prompt.
 */
export function neutralizeTags(text: string): string {
  return text.replace(/<\s*(\/?)\s*(passages|passage|question|history|system|instructions?)\b[^>]*>/giu, '＜$1$2＞');
}

export function formatPassages(passages: Passage[]): string {
  return passages
    .map((p) => {
      const meta = [
        `标题：${p.chunk.title}`,
        p.chunk.source ? `来源：${p.chunk.source}` : null,
        p.chunk.date ? `日期：${p.chunk.date}` : null,
      ]
        .filter(Boolean)
        .join('；');
      const section = p.chunk.headings.length ? `\n章节：${p.chunk.headings.join(' > ')}` : '';
      return neutralizeTags(`[${p.n}] ${meta}${section}\n${tidy(p.chunk.text)}`);
    })
    .join('\n\n');
}
