/**
 * 政策礼包: when a new issue is recorded, the policy passages (at most three) that clear a relevance bar for it
 * (retriever.search on category + summary), each with its title and a short quote. None is better than a wrong
 * one: a passage counts only when it covers enough of the issue's own words (not just a couple of shared
 * bigrams) and speaks of the issue's category (a word of that category's lexicon). Best effort: a retrieval failure never stops the record.
 */
import type { Citation } from '../../messaging/reply.js';
import type { Logger } from '../../observability/logger.js';
import type { Retriever, SearchHit } from '../../retrieval/types.js';
import { CATEGORY_LEXICON } from '../lexicon/categories.js';
import type { Category } from '../model.js';
import { findDepartments } from '../extract/department.js';
import { blankSpans } from '../extract/normalize.js';
import { overlap } from './targets.js';

const MAX_QUOTE = 70;
/** Shared bigrams between the issue's own words (not its category) and a passage, for the passage to count. */
const MIN_OVERLAP = 2;
/** …and the share of the summary's bigrams the passage covers. */
const MIN_SHARE = 0.3;

/** The words of each category (its strong ones), to check that a passage speaks of the issue's category. */
const CATEGORY_WORDS = new Map<Category, string[]>();
for (const { category, weight, words } of CATEGORY_LEXICON) {
  if (weight < 2) continue;
  CATEGORY_WORDS.set(category, [...(CATEGORY_WORDS.get(category) ?? []), ...words]);
}

function bigramCount(text: string): number {
  return overlap(text, text);
}

/** Does this passage clear the bar for this issue? */
export function relevant(issue: { category: Category; summary: string }, passage: string): boolean {
  // Figures are no shared words (缺电工10名 and 10个方面, 50名 share only digits); nor does a department's name (人力社保)
  // speak of a category (社保).
  const summary = withoutFigures(issue.summary);
  const text = withoutFigures(passage);
  const shared = overlap(summary, text);
  const total = Math.max(1, bigramCount(summary));
  if (shared < MIN_OVERLAP || shared / total < MIN_SHARE) return false;
  if (issue.category === '其他') return true;
  const words = CATEGORY_WORDS.get(issue.category) ?? [];
  const ownWords = blankSpans(text, 0, findDepartments(text));
  return words.length === 0 || words.some((w) => ownWords.includes(w)) || ownWords.includes(issue.category);
}

/** Digits (and the measure word right after them) blanked: 10名, ５０人. */
function withoutFigures(text: string): string {
  return text.replace(/[0-9０-９.]+\s*(?:名|个|人|家|万|亿|元|次|份|年|月|日|号)?/g, ' ');
}

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
  const perIssue: Array<{ hits: SearchHit[]; query: string; issue: { category: Category; summary: string } }> = [];
  for (const i of issues.slice(0, 3)) {
    const query = `${i.category === '其他' ? '' : `${i.category} `}${i.summary}`.trim();
    try {
      const res = await retriever.search(query, max);
      perIssue.push({ hits: res.hits, query, issue: i });
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
      for (const { hits, query, issue } of perIssue) {
        const hit = hits[rank];
        if (!hit || seen.has(hit.chunk.id) || out.length >= max) continue;
        if (distinct && docs.has(hit.chunk.docId)) continue;
        // A passage that does not speak to the issue is noise, not a gift.
        if (!relevant(issue, `${hit.chunk.title}${hit.chunk.text}`)) continue;
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
