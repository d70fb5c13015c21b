/**
 * Composing the answer (round 14): a second sentence that only shares the topic words is not added once the
 * answer gives every kind of thing asked (a date, a place of the kind asked); an ordinal (每月第一个周二,
 * 第3批) is no figure for a count question. Synthetic documents, invented wording.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { askedShare } from '../../src/answer/extractive.js';
import { holdsKind, withoutOrdinals } from '../../src/retrieval/confidence.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const ask = async (chunks: Chunk[], q: string) => {
  const retriever = Object.assign(fakeRetriever(chunks), { chunks: () => chunks });
  return answerQuestion(q, { retriever, llm: null, logger: silentLogger });
};

describe('the kinds of thing asked that a sentence gives', () => {
  it('is null when nothing of a kind is asked, else the share given', () => {
    expect(askedShare('老周精神讲了什么', '老周精神代代相传。')).toBeNull();
    expect(askedShare('老周老家是哪个村的', '老周1935年生于城关镇李家村。')).toBe(1);
    expect(askedShare('老周老家是哪个村的', '作为老周的老家人，我们要弘扬老周精神。')).toBe(0);
    expect(askedShare('老周哪年出生 老家哪个村', '老周1935年出生。')).toBe(0.5);
  });
});

describe('a second sentence that only shares the topic words', () => {
  const chunks = [
    chunk(
      'zhou',
      0,
      '弘扬老周精神的思考',
      '老周1935年生于城关镇李家村，一生扎根基层，带领群众修路架桥。作为老周的老家人，我们要把老周精神弘扬出去，让老周精神代代相传。',
    ),
  ];
  it('is left out when the first gives the place asked and it gives none', async () => {
    const r = await ask(chunks, '老周老家是哪个村的');
    expect(r.answer).toContain('李家村');
    expect(r.answer).not.toContain('老家人');
  });
});

describe('ordinals in a count question', () => {
  it('are no figure of a count, unless the question asks an ordinal', () => {
    expect(withoutOrdinals('每月第一个周二为服务日', '实际解决了几个')).toBe('每月第周二为服务日');
    expect(withoutOrdinals('这是第三批试点', '这是第几批')).toBe('这是第三批试点');
    expect(holdsKind('number', '每月第一个周二为服务日，干部到企业走访。', '实际解决了几个')).toBe(false);
    expect(holdsKind('number', '收集问题71个，其中37个得到解决。', '实际解决了几个')).toBe(true);
  });
});
