/**
 * "What is X" questions (“常青藤行动是干嘛的”, “中梗阻是指啥”, “X是咋回事”): a document introduces a
 * coined term where it first mentions it (the background, the measure's opening sentence); later passages
 * only use it. Among the top document's passages that hold the asked term, the first one answers such a
 * question — when it scores close to the top hit.
 */
import { normalizeText } from './normalize.js';

/** The question asks what something is or means (not what it includes, how many, who, when). */
const DEFINITION_CUE =
  /(?:什么|啥|咋|怎么)(?:回事|意思|东西|来头|名堂)|是干(?:嘛|啥|什么)的|干(?:嘛|啥)用的|什么叫|何为|何谓|是指|指的是/u;
/** Asking for the parts, a count or item N is not asking what the whole is (“3、6、5分别是指啥”). */
const NOT_DEFINITION = /分别|各|几|多少|哪些|第\s*[一二三四五六七八九十\d]/u;

/** Does the question ask what a term is or means? */
export function isDefinitionQuestion(question: string): boolean {
  const q = normalizeText(question).replace(/[?？。！!，,\s]+$/u, '');
  return DEFINITION_CUE.test(q) && !NOT_DEFINITION.test(q);
}

/** Share of the top hit's score the earlier passage must reach to go first (BENCHMARKS.md). */
export const DEFINITION_FIRST_RATIO = 0.85;
