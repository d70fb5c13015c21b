/**
 * Answer-type rerank for list questions ("…包括哪些", "可以当哪“三员”", "哪五个“百”"): the passage
 * that answers one usually defines the asked term by an enumeration — "A、B、C等“三员”",
 * "以A、B、C为内容的“五百行动”", "三员包括A、B、C" — while other passages only mention the term.
 * Among the lexical candidates, passages that define a focus term this way get a score bonus.
 */
import { normalizeText } from './normalize.js';

/** Multiplicative bonus for a passage that defines a focus term by enumeration. */
export const DEFINITION_BONUS = 0.35;
/** How many lexical candidates are examined. */
export const RERANK_DEPTH = 20;

const LIST_QUESTION =
  /哪些|哪几|哪[一二三四五六七八九十两\d]+[个项条种类方面点]|哪“|包括(?:什么|啥|哪)|包含(?:什么|啥|哪)|分(?:为|成)?几|有几[个项条种类方面点]|几[个项条种类]方面|是(?:什么|啥|哪)几/u;
const QUOTED = /“([^“”]{2,12})”/gu;
/** Clause boundary for the enumeration window (commas do not end a list's clause). */
const CLAUSE_END = /[。；;：:！？!?\n]/u;
const WINDOW = 120;

export function isListQuestion(query: string): boolean {
  return LIST_QUESTION.test(normalizeText(query));
}

/** Terms the question asks about: its quoted terms and words that are the corpus's own key terms. */
export function focusTerms(query: string, words: string[], keyTerms: ReadonlySet<string>): string[] {
  const norm = normalizeText(query);
  const out = new Set<string>();
  for (const m of norm.matchAll(QUOTED)) out.add(m[1]!);
  for (const w of words) if (w.length >= 2 && keyTerms.has(w)) out.add(w);
  return [...out];
}

/** Does the passage define `term` by an enumeration right before it, or right after it? */
export function definesByEnumeration(text: string, term: string): boolean {
  const norm = normalizeText(text);
  for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + term.length)) {
    const before = clauseBefore(norm, at);
    if (countEnumeration(before) >= 2) return true;
    const after = clauseAfter(norm, at + term.length);
    if (
      /^[”"]?(?:[^。；]{0,12}?)(?:包括|包含|即|分别是|分别为|有|是|:|：)/u.test(after) &&
      countEnumeration(after) >= 2
    )
      return true;
  }
  return false;
}

function clauseBefore(s: string, at: number): string {
  const from = Math.max(0, at - WINDOW);
  const piece = s.slice(from, at);
  let cut = -1;
  for (let i = piece.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(piece[i]!)) {
      cut = i;
      break;
    }
  }
  return piece.slice(cut + 1);
}

function clauseAfter(s: string, from: number): string {
  const piece = s.slice(from, from + WINDOW);
  // The list after "包括：" may follow a colon, so only sentence ends close it here.
  const end = piece.search(/[。；;！？!?\n]/u);
  return end < 0 ? piece : piece.slice(0, end);
}

function countEnumeration(s: string): number {
  return (s.match(/、/gu) ?? []).length;
}
