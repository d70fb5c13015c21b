/** The plain "not in the corpus" answer, with the nearest topics to try instead. Never invents. */
import type { Retriever } from '../retrieval/types.js';

export const NOT_FOUND_LEAD = '未在资料库中找到与这个问题直接相关的内容。';

/** Does an LLM answer say the passages do not answer the question? */
export function saysNotFound(text: string): boolean {
  return /未在资料库中?找到|资料(库)?中(没有|未|并未|未能)(找到|提及|涉及|包含|提到)|无法(根据|从)(所给|提供的|上述)?资料(中)?(回答|找到)/u.test(
    text,
  );
}

export function nearestTopics(retriever: Retriever, query: string, n = 5): string[] {
  try {
    return retriever
      .topics(query, n)
      .map((t) => t.trim())
      .filter(Boolean)
      .slice(0, n);
  } catch {
    return [];
  }
}

export function notFoundText(topics: string[]): string {
  return topics.length
    ? `${NOT_FOUND_LEAD}可以试试这些相近主题：${topics.join('、')}。`
    : `${NOT_FOUND_LEAD}可以换个说法再问一次。`;
}
