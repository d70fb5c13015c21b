/**
 * Item N of a list written inside one sentence: the item, and where it stands in that sentence (after
 * the item before it, to the item after it or the end of its clause), so the user sees it is that list's item N.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion, summarize, type Turn } from '../../src/answer/index.js';
import { inlineContext } from '../../src/answer/answer-question.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const SENTENCE =
  '全面推行“五员”服务，设立政策宣讲员、项目协调员、矛盾调解员、安全监督员、环境整治员等“五员”岗位，推动服务下沉。';

describe('inlineContext', () => {
  const items = ['政策宣讲员', '项目协调员', '矛盾调解员', '安全监督员', '环境整治员'];

  it('the last item with the one before it and the rest of its clause', () => {
    expect(inlineContext(SENTENCE, items, 4)).toBe('安全监督员、环境整治员等“五员”岗位');
  });

  it('the first item from its clause start, a middle one between the items before and after it', () => {
    expect(inlineContext(SENTENCE, items, 0)).toBe('设立政策宣讲员、项目协调员');
    expect(inlineContext(SENTENCE, items, 2)).toBe('项目协调员、矛盾调解员、安全监督员');
  });

  it('a run of short names whose last item was read on into its sentence still shows its place', () => {
    const messy = ['政策宣讲员', '项目协调员', '矛盾调解员', '安全监督员', '环境整治员等“五员”岗位，推动服务下沉'];
    expect(inlineContext(SENTENCE, messy, 1)).toBe('政策宣讲员、项目协调员、矛盾调解员');
    // Mostly clause-long items: each says enough by itself.
    const clauses = ['设立政策宣讲员负责讲解政策', '项目协调员负责协调项目推进', '矛盾调解员'];
    expect(inlineContext(SENTENCE, clauses, 2)).toBeNull();
  });

  it('null when the text does not hold the item', () => {
    expect(inlineContext('别的句子。', items, 2)).toBeNull();
  });
});

describe('ordinal follow-up on a one-sentence list', () => {
  const DOC: Chunk[] = [
    chunk('five', 0, '五员服务', `${SENTENCE}今年共选派干部120名。`),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('gives the item and its place in the sentence, not the whole previous answer again', async () => {
    const retriever = Object.assign(fakeRetriever(DOC), { chunks: () => DOC });
    const deps = { retriever, llm: null, logger: silentLogger };
    const q = '“五员”服务设了哪些岗位';
    const first = await answerQuestion(q, deps);
    expect(first.memory?.items).toHaveLength(5);
    const history: Turn[] = [
      {
        question: q,
        standaloneQuery: first.standaloneQuery,
        answerSummary: summarize(first.answer),
        docIds: first.citations.map((c) => c.docId),
        at: 0,
        ...(first.memory ? { memory: first.memory } : {}),
      },
    ];
    const r = await answerQuestion('最后一个是啥', deps, { history });
    expect(r.answer).toContain('第五个：环境整治员。');
    expect(r.answer).toContain('安全监督员、环境整治员等“五员”岗位');
    expect(r.answer).not.toContain('政策宣讲员');
  });
});
