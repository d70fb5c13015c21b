/**
 * Lists whose items are section headings ("重点做好以下三个方面工作：（一）…" with a long section under
 * each heading), "分几块" asked as a list, and item N after a refused list question.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion, type Turn } from '../../src/answer/index.js';
import { questionKind } from '../../src/answer/question-kind.js';
import type { Chunk, Retriever } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';
import { splitSentences } from '../../src/answer/text.js';

const filler = (topic: string) =>
  Array.from({ length: 16 }, (_, i) => `围绕${topic}推出第${i + 1}项具体措施，要抓紧落实到位。`).join('');

const SECTIONS = ['筑牢思想根基，抓好理论武装', '夯实基层基础，提升组织力', '锻造过硬队伍，激发干事活力'];
const DOC: Chunk[] = [
  chunk('plan', 0, '年度工作安排', '做好今年的工作，要坚持稳中求进。按照这个总要求，重点做好以下三个方面工作：'),
  ...SECTIONS.map((h, i) =>
    chunk('plan', i + 1, '年度工作安排', `（${'一二三'[i]}）${h}。${filler(h.slice(0, 4))}`, {
      headings: [`（${'一二三'[i]}）${h}`],
    }),
  ),
  chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
];

/** A retriever that refuses every question (the gate said no) but still ranks the passages. */
function refusing(inner: Retriever & { chunks?: () => Chunk[] }): Retriever {
  return { ...inner, search: async (q: string, k?: number) => ({ ...(await inner.search(q, k)), answerable: false }) };
}

describe('lists announced by a lead-in with items as section headings', () => {
  it('"分几块" asks for a list', () => {
    expect(questionKind('今年重点工作分几块').list).toBe(true);
    expect(questionKind('全年分几次发放').list).toBe(false);
  });

  it('assembles the headings across long sections, with the count', async () => {
    const retriever = Object.assign(fakeRetriever(DOC), { chunks: () => DOC });
    const r = await answerQuestion('今年的工作重点做好哪几个方面', { retriever, llm: null, logger: silentLogger });
    expect(r.grounded).toBe(true);
    // The count is stated, by the lead-in (“重点做好以下三个方面工作：”) or as “共三个方面：”.
    expect(r.answer).toMatch(/三个?方面(?:工作)?：/u);
    for (const h of SECTIONS) expect(r.answer).toContain(h);
    expect(r.memory?.items).toHaveLength(3);
  });

  it('item N after a refused list question reads the passages again', async () => {
    const retriever = Object.assign(refusing(fakeRetriever(DOC)), { chunks: () => DOC });
    const deps = { retriever, llm: null, logger: silentLogger };
    const q = '今年的工作重点做好哪几个方面';
    const first = await answerQuestion(q, deps);
    expect(first.grounded).toBe(false);
    const history: Turn[] = [
      {
        question: q,
        standaloneQuery: first.standaloneQuery,
        answerSummary: '',
        docIds: [],
        at: 0,
        memory: first.memory,
      },
    ];
    const r = await answerQuestion('第二个方面讲啥', deps, { history });
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain(SECTIONS[1]);
  });
});

describe('a section heading run into its first item', () => {
  it('is split off, so the numbered items are seen', () => {
    expect(splitSentences('工作要落实。二、主要措施1、建立台账。逐项销号。2、定期督查。')).toEqual([
      '工作要落实。',
      '二、主要措施',
      '1、建立台账。',
      '逐项销号。',
      '2、定期督查。',
    ]);
    expect(splitSentences('（三）保障机制（1）强化领导。')).toEqual(['（三）保障机制', '（1）强化领导。']);
    // A heading with its own sentence end, or a number that is not item 1, stays as it is.
    expect(splitSentences('二、全年完成12个项目。')).toEqual(['二、全年完成12个项目。']);
  });

  it('the list under it is answered whole, with its count', async () => {
    const doc = [
      chunk(
        'notice',
        0,
        '关于开展走访活动的通知',
        '一、总体要求深入基层走访。二、主要措施1、建立走访台账。逐户登记问题。2、落实定期督查。每月通报进度。3、开展年度评议。评议结果公开。三、工作要求各地要高度重视。',
      ),
    ];
    const retriever = Object.assign(fakeRetriever(doc), { chunks: () => doc });
    const r = await answerQuestion('走访活动的主要措施有哪几条', { retriever, llm: null, logger: silentLogger });
    expect(r.answer).toMatch(/^共三条/u);
    expect(r.answer).toContain('开展年度评议');
  });
});
