/**
 * Query terms and lexical scoring of sentences, on the retrieval tokenizer (jieba words + character
 * bigrams, question/function words dropped), so the answer picks sentences the way retrieval ranks
 * passages. Words weigh by general-language IDF (common words count little); character bigrams that
 * are not words themselves add a small weight for partial matches (设专班 ~ 设立专班).
 */
import { defaultTokenizer, Tokenizer } from '../retrieval/tokenizer.js';
import type { Retriever } from '../retrieval/types.js';
import { isStopWord } from '../retrieval/stopwords.js';
import { normalizeText } from '../retrieval/normalize.js';
import { matchForm } from './text.js';
import { generalIdf } from './idf.js';

export interface QueryTerms {
  words: string[];
  bigrams: string[];
  /** Adjacent content-word pairs of the query (总体+要求 → 总体要求): a phrase match counts extra. */
  phrases: { text: string; weight: number }[];
  /**
   * Words of the clause that asks (“衢江建谢高华精神传承基地，总体要求是啥” → 总体, 要求) when other clauses
   * only set the topic; they count more when choosing the sentence. Empty when every clause asks.
   */
  focus: string[];
}

const QUESTION_MARK = /什么|啥|哪|多少|几|怎么|怎样|如何|吗|呢|是否|有没有|要不要|能不能|可不可以|[?？]/u;

/** Content words of the asking clause, when the question also has clauses that do not ask. */
function focusWords(query: string, words: string[]): string[] {
  const clauses = query
    .split(/[，,。；;！!\s]+|(?<=[?？])/u)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length < 2) return [];
  const asking = clauses.filter((c) => QUESTION_MARK.test(c));
  if (asking.length === 0 || asking.length === clauses.length) return [];
  const text = normalizeText(asking.join(' '));
  return words.filter((w) => text.includes(w));
}

const isContent = (w: string) => /[\p{L}\p{N}]/u.test(w) && !isStopWord(w);

/** What term extraction needs from a tokenizer. */
export type TermTokenizer = Pick<Tokenizer, 'analyze' | 'segment'>;

/**
 * The retriever's own tokenizer when it has one (it knows the corpus's terms: 专班, 谢高华精神 …),
 * else jieba's default dictionary.
 */
export function tokenizerFor(retriever: Retriever): TermTokenizer {
  const t = (retriever as { lexical?: { tokenizer?: unknown } }).lexical?.tokenizer;
  return t instanceof Tokenizer ? t : defaultTokenizer();
}

/** Longest run of single characters read as one word the dictionary does not know. */
const SHATTERED_MAX = 4;

/**
 * Words the dictionary does not know, which it cuts into single characters (住建局 → 住/建/局, 经信局 → 经/信/局):
 * each run of two to SHATTERED_MAX single Han characters, none of them a stop word, read as one word.
 */
export function shatteredWords(seq: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2 && run.length <= SHATTERED_MAX) out.push(run.join(''));
    run = [];
  };
  for (const t of seq) {
    if (/^\p{Script=Han}$/u.test(t) && !isStopWord(t)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

export function queryTerms(query: string, tokenizer: TermTokenizer = defaultTokenizer()): QueryTerms {
  const { words, bigrams } = tokenizer.analyze(query);
  const seq = tokenizer.segment(query);
  const w = [...new Set([...words, ...shatteredWords(seq)])].filter((t) => [...t].length >= 2 || /\p{N}/u.test(t));
  const wordSet = new Set(w);
  const phrases: QueryTerms['phrases'] = [];
  for (let i = 0; i + 1 < seq.length; i++) {
    const a = seq[i]!;
    const b = seq[i + 1]!;
    if (!isContent(a) || !isContent(b) || [...a].length + [...b].length < 3) continue;
    const text = a + b;
    if (!phrases.some((p) => p.text === text)) phrases.push({ text, weight: 0.5 * (wordWeight(a) + wordWeight(b)) });
  }
  return {
    words: w,
    bigrams: [...new Set(bigrams)].filter((b) => !wordSet.has(b)),
    phrases,
    focus: focusWords(query, w),
  };
}

/** Local IDF; `max` is the IDF of a term found in none of the texts. */
export type Idf = ((term: string) => number) & { max: number };

/** Local IDF over a set of candidate texts (already in matchForm). */
export function idfOver(texts: string[]): Idf {
  const cache = new Map<string, number>();
  const n = texts.length;
  const fn = (term: string): number => {
    let v = cache.get(term);
    if (v === undefined) {
      let df = 0;
      for (const t of texts) if (t.includes(term)) df++;
      v = Math.log(1 + (n + 1) / (df + 0.5));
      cache.set(term, v);
    }
    return v;
  };
  return Object.assign(fn, { max: Math.log(1 + (n + 1) / 0.5) });
}

export interface TermMatch {
  score: number;
  /** Distinct query words found. */
  wordHits: number;
  /** Index (in the match form) of the first hit, for clipping around it. */
  firstHit: number;
}

/** With an asking clause, its words count 2×, the topic-setting words 0.6×. */
function focusFactor(terms: QueryTerms, w: string): number {
  if (terms.focus.length === 0) return 1;
  return terms.focus.includes(w) ? 2 : 0.6;
}

/** Weight of a query word: general IDF, a little more for longer words. */
export function wordWeight(w: string): number {
  return generalIdf(w) * (1 + 0.1 * Math.min([...w].length - 2, 4));
}

/**
 * Score a text (in matchForm) by the query terms it contains. `idf` is the local IDF over the
 * candidate sentences: a word every candidate shares (the topic: 谢高华, 五百行动) counts less than
 * the word that singles out the answer (总体要求).
 */
export function scoreTerms(text: string, terms: QueryTerms, idf: Idf): TermMatch {
  let score = 0;
  let wordHits = 0;
  let firstHit = -1;
  const note = (i: number) => {
    if (i >= 0 && (firstHit < 0 || i < firstHit)) firstHit = i;
  };
  for (const w of terms.words) {
    const i = text.indexOf(w);
    if (i < 0) continue;
    wordHits++;
    note(i);
    score += wordWeight(w) * (0.35 + 0.65 * (idf(w) / idf.max)) * focusFactor(terms, w);
  }
  for (const b of terms.bigrams) {
    const i = text.indexOf(b);
    if (i < 0) continue;
    note(i);
    score += 0.5 * idf(b);
  }
  for (const p of terms.phrases) {
    const i = text.indexOf(p.text);
    if (i < 0) continue;
    note(i);
    score += p.weight * (0.35 + 0.65 * (idf(p.text) / idf.max));
  }
  return { score, wordHits, firstHit: Math.max(0, firstHit) };
}

export { matchForm };
