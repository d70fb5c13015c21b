/**
 * The grounded LLM answerer: the rules live in the system prompt (prompts/answer.md); the numbered
 * passages and the question go in the user message wrapped as data (prompts/answer-user.md).
 * The reply is checked: markers validated, a reply that leaks the rules or cites nothing it can be
 * tied to is rejected (the caller then falls back to the extractive answer).
 */
import type { ChatMessage, LlmClient } from '../llm/types.js';
import { loadPrompt } from '../llm/prompts.js';
import { stripThinking } from '../llm/json.js';
import type { Passage } from './types.js';
import { validateCitations, type ValidatedAnswer } from './citations.js';
import { formatPassages, neutralizeTags } from './passages.js';
import { saysNotFound } from './not-found.js';
import { idfOver, queryTerms, scoreTerms, type TermTokenizer } from './terms.js';
import { matchForm } from './text.js';

export function answerMessages(question: string, passages: Passage[]): ChatMessage[] {
  return [
    { role: 'system', content: loadPrompt('answer') },
    {
      role: 'user',
      content: loadPrompt('answer-user', { passages: formatPassages(passages), question: neutralizeTags(question) }),
    },
  ];
}

export type GroundedOutcome =
  | { kind: 'answer'; validated: ValidatedAnswer }
  | { kind: 'not_found' }
  | { kind: 'rejected'; why: 'leak' | 'ungrounded' };

/** True when the text repeats a line of the system prompt (a prompt-injection success). */
export function leaksPrompt(text: string): boolean {
  const t = matchForm(text);
  return loadPrompt('answer')
    .split('\n')
    .flatMap((line) => line.split(/[。；]/u))
    .map((s) => matchForm(s.replace(/^\d+\.\s*/u, '')))
    .filter((s) => [...s].length >= 14)
    .some((s) => t.includes(s.slice(0, 14)));
}

/** Cite, by lexical overlap, the passages an unmarked answer is drawn from. */
function attachByOverlap(answer: string, passages: Passage[], tokenizer?: TermTokenizer): number[] {
  const terms = queryTerms(answer, tokenizer);
  const forms = passages.map((p) => matchForm(p.chunk.text));
  const idf = idfOver(forms);
  const max = terms.words.length + terms.bigrams.length;
  if (max === 0) return [];
  return passages
    .map((p, i) => ({ n: p.n, s: scoreTerms(forms[i]!, terms, idf) }))
    .filter((x) => x.s.wordHits >= 2 && x.s.wordHits >= terms.words.length * 0.4)
    .sort((a, b) => b.s.score - a.s.score)
    .slice(0, 2)
    .map((x) => x.n);
}

export async function groundedAnswer(
  question: string,
  passages: Passage[],
  llm: LlmClient,
  tokenizer?: TermTokenizer,
  /** Preview of the answer as the model writes it (AI cards); never shown once it would leak the rules. */
  onPreview?: (textSoFar: string) => void,
): Promise<GroundedOutcome> {
  let leaked = false;
  const onText = onPreview
    ? (raw: string) => {
        const t = stripThinking(raw);
        if (leaked || !t || /^<\/?t/i.test(t)) return;
        if (leaksPrompt(t)) leaked = true;
        else onPreview(t);
      }
    : undefined;
  const raw = await llm.complete(answerMessages(question, passages), {
    temperature: 0.1,
    maxTokens: 800,
    ...(onText ? { onText } : {}),
  });
  if (leaksPrompt(raw)) return { kind: 'rejected', why: 'leak' };
  let validated = validateCitations(raw, passages, question, { tokenizer });
  if (
    saysNotFound(validated.text) &&
    (validated.citations.length === 0 || /^\s*未在资料库中?找到/u.test(validated.text))
  ) {
    return { kind: 'not_found' };
  }
  if (validated.citations.length === 0) {
    const ns = attachByOverlap(validated.text, passages, tokenizer);
    if (ns.length === 0) return { kind: 'rejected', why: 'ungrounded' };
    validated = validateCitations(
      `${validated.text.replace(/\s+$/u, '')}${ns.map((n) => `[${n}]`).join('')}`,
      passages,
      question,
      { tokenizer },
    );
  }
  return { kind: 'answer', validated };
}
