/**
 * 政策礼包: when a new issue is recorded, the two or three policy passages most relevant to it
 * (retriever.search on category + summary), each with its title and a short quote.
 * Best effort: a retrieval failure never stops the record.
 */
import type { Citation } from '../../messaging/reply.js';
import type { Logger } from '../../observability/logger.js';
import type { Retriever, SearchHit } from '../../retrieval/types.js';
import type { Category } from '../model.js';
import { overlap } from './targets.js';

const MAX_QUOTE = 70;
/** Shared bigrams between the issue's own words (not its category) and a passage, for the passage to count. */
const MIN_OVERLAP = 2;

/** The sentence of a passage that shares most with the query, trimmed to a short quote. */
export function bestQuote(text: string, query: string): string {
  const sentences = text
    .split(/(?<=[。！？；!?;])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
  let best = sentences[0] ?? text.trim();
  let bestScore = -1;
  for (const s of sentences) {
    const score = overlap(query, s);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best.length > MAX_QUOTE ? `${best.slice(0, MAX_QUOTE)}…` : best;
}

export async function policyGift(
  retriever: Retriever,
  issues: Array<{ category: Category; summary: string }>,
  logger: Logger,
  max = 3,
): Promise<Citation[]> {
  if (!issues.length) return [];
  const perIssue: Array<{ hits: SearchHit[]; query: string; summary: string }> = [];
  for (const i of issues.slice(0, 3)) {
    const query = `${i.category === '其他' ? '' : `${i.category} `}${i.summary}`.trim();
    try {
      const res = await retriever.search(query, max);
      perIssue.push({ hits: res.hits, query, summary: i.summary });
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'policy gift search failed; recording without it');
    }
  }
  // Round-robin over the issues so each one gets its best passage first; distinct documents first,
  // a second passage of the same document only to fill up.
  const out: Citation[] = [];
  const seen = new Set<string>();
  const docs = new Set<string>();
  for (const distinct of [true, false]) {
    for (let rank = 0; rank < max && out.length < max; rank++) {
      for (const { hits, query, summary } of perIssue) {
        const hit = hits[rank];
        if (!hit || seen.has(hit.chunk.id) || out.length >= max) continue;
        if (distinct && docs.has(hit.chunk.docId)) continue;
        // A passage sharing almost nothing with the issue is noise, not a gift.
        if (overlap(summary, `${hit.chunk.title}${hit.chunk.text}`) < MIN_OVERLAP) continue;
        seen.add(hit.chunk.id);
        docs.add(hit.chunk.docId);
        out.push({
          n: out.length + 1,
          docId: hit.chunk.docId,
          title: hit.chunk.title,
          source: hit.chunk.source,
          date: hit.chunk.date,
          chunkId: hit.chunk.id,
          quote: bestQuote(hit.chunk.text, query),
        });
      }
    }
    if (out.length >= 2) break;
  }
  return out;
}
