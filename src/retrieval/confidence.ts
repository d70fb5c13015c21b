/**
 * The "not found" decision. A question is answerable when a top passage covers most of the
 * question's information: the share of its content words, weighted by how specific they are in the
 * corpus (IDF) and by part of speech (names and nouns carry the topic; verbs and adverbs of a chat
 * question often do not), that occurs in the passage, its title or its headings.
 * Words the corpus has never seen carry the maximum IDF, so an off-topic question ("火星探测") or a
 * near miss whose key detail is absent ("高企认定…研发费用占比") scores low even when some generic
 * words match.
 */
import type { Bm25Index } from './bm25.js';
import { chunkContext } from './fields.js';
import { normalizeText } from './normalize.js';
import { isStopWord } from './stopwords.js';
import type { Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

/**
 * Coverage threshold: answerable when the best coverage among the top passages is >= this.
 * Measured with `zct eval --sweep` on the dev set (27 answerable, 3 unanswerable) and on our own
 * set (test/retrieval/fixtures/own-qa.jsonl: 33 answerable, 19 off-topic or near-miss questions).
 * Coverage of the unanswerable ones: dev 0.16–0.40, own 0–0.64 (near misses such as 衢州高铁新城
 * 通车 share most words with the corpus); of the answerable ones only four fall below 0.55
 * (0.39, 0.465, 0.52, 0.54). At 0.46: dev 3/3 refused, 1/27 answerable refused; own 15/19 refused,
 * 0/33 answerable refused; pooled 82% of unanswerable refused at 1.7% false refusals. 0.42–0.46 keep
 * the dev figures; above 0.46 false refusals climb (0.48: 2/27), below 0.42 a dev near miss passes.
 * Re-measure after changing tokenisation, chunking or the corpus: `zct eval --sweep [--set …]`.
 */
export const ANSWERABLE_THRESHOLD = 0.46;
/** Passages whose coverage is considered (the answer is usually in the first few). */
export const COVERAGE_DEPTH = 3;
/** Slope of the logistic that turns coverage into a confidence in [0, 1] (0.5 at the threshold). */
const CONFIDENCE_SLOPE = 12;

/** Nouns, names, abbreviations, numbers, unknown words: the topic of a question. */
const TOPIC_TAGS = /^(?:n\w*|eng|j|x|l|i|m|s|g|vn|an|nz)$/;

function posWeight(tag: string): number {
  if (TOPIC_TAGS.test(tag)) return 1;
  if (tag.startsWith('v')) return 0.6;
  return 0.3;
}

/** One piece of the question: a content word, its weight and where it was found. */
export interface QueryUnit {
  word: string;
  tag: string;
  weight: number;
}

export interface Answerability {
  answerable: boolean;
  confidence: number;
  /** Best coverage among the top passages, in [0, 1]. */
  coverage: number;
  /** Question words the best passage lacks (for debugging and eval output). */
  missing: string[];
}

/**
 * The weighted content words of a question. Unknown words the HMM glued to a particle ("签了",
 * "专班要", tagged x) lose that particle, so they can match the corpus's form.
 */
export function queryUnits(tokenizer: Tokenizer, bm25: Bm25Index, query: string): QueryUnit[] {
  const units = new Map<string, QueryUnit>();
  let afterQuestionWord = false;
  for (const { word, tag, stop, content } of tokenizer.tagged(query)) {
    const asksType = afterQuestionWord;
    afterQuestionWord = QUESTION_WORD.test(word);
    if (!content || stop) continue;
    const w = tag === 'x' ? trimParticles(word) : word;
    if (!w || units.has(w)) continue;
    const weight = specificity(bm25, w) * posWeight(tag) * (asksType ? ANSWER_TYPE_WEIGHT : 1);
    units.set(w, { word: w, tag, weight });
  }
  return [...units.values()];
}

/** Question words after which a noun names the kind of answer (什么条件, 啥情况, 哪个学堂, 多少钱). */
const QUESTION_WORD = /^(?:什么|啥|哪|哪些|哪个|哪几|哪几个|哪种|哪类|何|多少|几|几个|哪一)$/u;
/**
 * "什么荣誉" asks for an honour; the passage names it ("优秀单位") without the word 荣誉. Such an
 * answer-type noun counts for little in the coverage.
 */
const ANSWER_TYPE_WEIGHT = 0.3;

function trimParticles(word: string): string {
  const chars = [...word];
  while (chars.length > 1 && isStopWord(chars[0]!)) chars.shift();
  while (chars.length > 1 && isStopWord(chars[chars.length - 1]!)) chars.pop();
  const w = chars.join('');
  return isStopWord(w) ? '' : w;
}

/** IDF of a unit: as a word when the index knows it, else by its rarest bigram (unseen → maximum). */
function specificity(bm25: Bm25Index, w: string): number {
  if (bm25.df(w, 'words') > 0) return bm25.idf(w, 'words');
  if (w.length === 1) return bm25.idf(w, 'unigrams');
  let max = 0;
  for (let i = 0; i + 1 < w.length; i++) max = Math.max(max, bm25.idf(w.slice(i, i + 2), 'bigrams'));
  return max;
}

/** The passage as the coverage check sees it: title + headings + text, normalised, no spaces. */
export function passageHaystack(chunk: Chunk): string {
  const hay = normalizeText(`${chunkContext(chunk)}\n${chunk.text}`).replace(/\s+/g, '');
  // “安、专、迷” is asked as 安专迷.
  const abbreviations = [...hay.matchAll(/“(\p{Script=Han}(?:、\p{Script=Han}){1,7})”/gu)].map((m) => m[1]!.replace(/、/g, ''));
  return abbreviations.length ? `${hay}|${abbreviations.join('|')}` : hay;
}

/** Weighted share of the units found in the passage (long words get partial credit by bigrams). */
export function coverage(units: QueryUnit[], hay: string): { coverage: number; missing: string[] } {
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const u of units) {
    total += u.weight;
    let credit = hay.includes(u.word) ? 1 : 0;
    if (!credit && u.word.length > 2) {
      let k = 0;
      for (let i = 0; i + 1 < u.word.length; i++) if (hay.includes(u.word.slice(i, i + 2))) k++;
      credit = k / (u.word.length - 1);
    }
    found += u.weight * credit;
    if (credit < 1) missing.push(u.word);
  }
  return { coverage: total > 0 ? found / total : 0, missing };
}

export function confidenceOf(cov: number, threshold = ANSWERABLE_THRESHOLD): number {
  return 1 / (1 + Math.exp(-CONFIDENCE_SLOPE * (cov - threshold)));
}

/** Decide from the ranked passages: best coverage among the first COVERAGE_DEPTH. */
export function answerability(
  units: QueryUnit[],
  ranked: Array<{ chunk: Chunk }>,
  threshold = ANSWERABLE_THRESHOLD,
  depth = COVERAGE_DEPTH,
): Answerability {
  let best = { coverage: 0, missing: units.map((u) => u.word) };
  for (const h of ranked.slice(0, depth)) {
    const c = coverage(units, passageHaystack(h.chunk));
    if (c.coverage > best.coverage) best = c;
  }
  const confidence = confidenceOf(best.coverage, threshold);
  return { answerable: units.length > 0 && best.coverage >= threshold, confidence, coverage: best.coverage, missing: best.missing };
}
