/**
 * Answer-type prior: a question asking WHEN (哪天, 几号, 什么时候, 哪年 …) or HOW MANY (多少, 几个, 比例 …)
 * is answered by a passage with a sentence that holds a date or a number AND the question's terms.
 * Among the lexical candidates, such passages get a bonus proportional to how much of the question
 * that sentence covers (share of the question's character bigrams), so a passage that only talks
 * about the topic does not beat the one that gives the figure.
 */
import { normalizeText } from './normalize.js';

export type AskedType = 'date' | 'number';

/** Bonus, as a share of the best candidate's score, for a sentence covering the whole question. */
export const ANSWER_TYPE_WEIGHT = 0.2;

const DATE_QUESTION = /哪天|几号|哪一天|什么时候|啥时候|何时|哪年|哪一年|几月|几几年|日期|时间/u;
const NUMBER_QUESTION = /多少|几[个名家项条次批人万亿岁年天位所座成]|比例|占比|多大|多长|多高|多久/u;
const DATE_ANSWER = /\d{1,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*[日号]|[一二三四五六七八九十〇零]{2,4}年|[一二三四五六七八九十]{1,3}月|上旬|中旬|下旬|月底|年底|年初/u;
const NUMBER_ANSWER = /\d|[一二三四五六七八九十百千万两]+\s*[个名家项条次批人万亿元%％位所座成倍]/u;
const SENTENCE_SPLIT = /[。！？!?；;\n]/u;

export function askedType(question: string): AskedType | null {
  const q = normalizeText(question);
  if (DATE_QUESTION.test(q)) return 'date';
  if (NUMBER_QUESTION.test(q)) return 'number';
  return null;
}

/**
 * Best share of the question's bigrams found in one sentence of the passage that holds an answer
 * of the asked type (0 when no sentence does).
 */
export function answerTypeCoverage(passage: string, type: AskedType, questionBigrams: ReadonlySet<string>): number {
  if (!questionBigrams.size) return 0;
  const want = type === 'date' ? DATE_ANSWER : NUMBER_ANSWER;
  let best = 0;
  for (const s of normalizeText(passage).split(SENTENCE_SPLIT)) {
    if (!want.test(s)) continue;
    let hit = 0;
    for (const b of questionBigrams) if (s.includes(b)) hit++;
    best = Math.max(best, hit / questionBigrams.size);
  }
  return best;
}
