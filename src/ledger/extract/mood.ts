/**
 * The mood of a clause, read from its grammar rather than from listed phrases: does it say what
 * happened (realis), or what the speaker will try (我说回头问问税务局, 我们帮他对接一下人社局)?
 * A department in a plan of ours is not the handler, and a status verb there moved nothing.
 * The word lists are in lexicon/statuses.ts.
 */
import {
  INTENT_ADVERBS,
  NEGATOR_VARIANTS,
  REALISED_ASPECT,
  SPEAKER_SUBJECTS,
  STATUS_SPELLING_VARIANTS,
  TENTATIVE_VERB_STEMS,
} from '../lexicon/statuses.js';
import type { Span } from './normalize.js';

const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const SPEAKER = new RegExp(`(?:${alt(SPEAKER_SUBJECTS)})(?![们])`, 'g');
const STEMS = alt(TENTATIVE_VERB_STEMS);
/** V一下 / V一声 (not V了一下), or a reduplicated verb (问问, 对接对接) not followed by 了/过. */
const TENTATIVE = new RegExp(`(?:${STEMS})(?:一下|一声)(?![了过])|(${STEMS})\\1(?![了过])`);
const INTENT = new RegExp(alt(INTENT_ADVERBS));
const CLAUSE_BREAK = /[，,。;；!！?？\n]/;

/** Bounds of the clause around `at` (between punctuation). */
export function clauseAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++;
  return { start, end };
}

/**
 * The clause is the speaker's own next step: a first-person subject, then a tentative verb
 * (问问, 对接一下) or an adverb of intent (回头, 改天, 打算), and no realised aspect (了, 已, 过) after
 * the subject. "我们已经报给人社局了", "我问了一下税务局" happened; "我说回头问问税务局" did not.
 */
export function speakerPlans(clause: string, before = clause.length): boolean {
  const subjects = [...clause.matchAll(SPEAKER)].filter((m) => m.index < before);
  if (!subjects.length) return false;
  const from = subjects[subjects.length - 1]!.index;
  const rest = clause.slice(from);
  if (REALISED_ASPECT.test(rest)) return false;
  return TENTATIVE.test(rest) || INTENT.test(rest);
}

/**
 * Is the position inside a clause that is only the speaker's plan? The plan covers what follows its subject:
 * in "上次转给生态那边了 现在还没回音 我再催一下" the hand-off before 我 happened.
 */
export function inSpeakerPlan(text: string, at: number): boolean {
  const c = clauseAround(text, at);
  return speakerPlans(text.slice(c.start, c.end), at - c.start + 1);
}

const VARIANTS = [...NEGATOR_VARIANTS, ...STATUS_SPELLING_VARIANTS];
const NEGATOR_RE = new RegExp(VARIANTS.map(([v]) => v).join('|'), 'g');
const NEGATOR_OF = new Map(VARIANTS);

/**
 * Misspelt negators read as 没 (还木批下来 → 还没批下来) and variant spellings of status words read as the
 * standard ones (钱已到帐 → 钱已到账); same length, so offsets hold.
 */
export function normaliseNegators(text: string): string {
  return text.replace(NEGATOR_RE, (v) => NEGATOR_OF.get(v) ?? v);
}
