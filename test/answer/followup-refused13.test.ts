/**
 * Follow-ups after a refused first turn (thirteenth round): within the topic's document, the passage holding the
 * message's own words and the refused question's topic words answers, not another passage holding only the
 * message's words.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { addedWords, addedWrittenWords, heldByPrevious } from '../../src/answer/followup.js';
import { previousDocumentHits } from '../../src/answer/answer-question.js';
import { tokenizerFor } from '../../src/answer/terms.js';
import type { Chunk } from '../../src/retrieval/types.js';
import type { Turn } from '../../src/answer/types.js';
import { chunk, depsOver } from './fixtures.js';

/** A first turn the library could not answer: it cited nothing, and remembers it was refused. */
function refusedTurn(q: string): Turn {
  return { question: q, standaloneQuery: q, answerSummary: '未找到', docIds: [], at: 0, memory: { refused: true } };
}

describe('a follow-up after a refused question, within a long document', () => {
  // One document on several matters: two passages speak of the 附则 a follow-up asks about.
  const DOC: Chunk[] = [
    chunk(
      'code',
      0,
      '关于制定《村务公开条例》的研究报告',
      '课题组建议框架分为三部分：第一部分为总则，第二部分为分则，第三部分为附则。',
    ),
    chunk('code', 1, '关于制定《村务公开条例》的研究报告', '（一）总则。总则规定条例的目的、依据和适用范围。'),
    chunk(
      'code',
      2,
      '关于制定《村务公开条例》的研究报告',
      '（七）附则。重点对条例的授权规定、解释机关、生效日期等内容予以明确。',
    ),
    chunk('code', 3, '关于制定《村务公开条例》的研究报告', '附则部分另需明确与其他规定的关系，由课题组另行研究。'),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租，租金按市场价的五折收取。'),
  ];

  it('ranks the passages holding the message’s words by the refused question’s topic words', () => {
    const { retriever } = depsOver(DOC);
    const tokenizer = tokenizerFor(retriever);
    const top = (context?: string) =>
      previousDocumentHits(retriever, 'code', '附则里打算写什么', tokenizer, context)[0];
    // The message's own words alone: three passages tie, the first comes first.
    expect(top()?.chunk.id).toBe('code::0');
    // With the refused question's topic: the passage on it.
    expect(top('村务公开条例 生效')?.chunk.id).toBe('code::2');
    // The topic alone never brings a passage without the message's own words.
    expect(
      previousDocumentHits(retriever, 'code', '附则', tokenizer, '人才公寓 租金').every(
        (h) => h.chunk.docId === 'code',
      ),
    ).toBe(true);
  });

  it('reads the passage on the refused question’s topic first', async () => {
    const deps = depsOver(DOC);
    const refused = refusedTurn('村务公开条例从哪天起生效');
    const r = await answerQuestion('那附则里打算写什么', deps, { history: [refused] });
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('授权规定');
  });
});

describe('a follow-up the previous answer already answers', () => {
  const DOC: Chunk[] = [
    chunk(
      'brand',
      0,
      '丙县品质党建',
      '丙县出台“3A9B”标准体系，以3个品质要求（即组织强、队伍强、服务强）和9项具体标准，指导企业党建。下一步将制作操作手册，逐项讲解标准体系。',
    ),
    chunk(
      'brand',
      1,
      '丙县品质党建',
      '坚持3个品质导向，主要做法有三个：一、构建标准体系，提升“创建品质”；二、强化帮扶力量，提升“服务品质”；三、深化先锋工程，提升“发展品质”。',
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租，租金按市场价的五折收取。'),
  ];
  const prev: Turn = {
    question: '“3A9B”是个啥标准',
    standaloneQuery: '“3A9B”是个啥标准',
    answerSummary: '丙县出台“3A9B”标准体系，以3个品质要求（即组织强、队伍强、服务强）和9项具体标准，指导企业党建。[1]',
    docIds: ['brand'],
    at: 0,
    memory: { chunkId: 'brand::0' },
  };
  const holds = (kind: string, s: string) => (kind === 'list' ? /、/u.test(s) : /\d/u.test(s));

  it('finds the sentence holding the message’s topic words and the kind it asks, by those words', () => {
    expect(heldByPrevious('3个品质是哪几个', prev, ['list'], holds)).toContain('组织强、队伍强、服务强');
    // No kind asked: it asks beyond what was said.
    expect(heldByPrevious('品质具体怎么抓', prev, [], holds)).toBeNull();
    // Its words all in the previous question: that question again, not a follow-up on the answer.
    expect(heldByPrevious('3A9B标准有哪些', prev, ['list'], holds)).toBeNull();
    // The kind asked must stand by the words it is asked of.
    expect(heldByPrevious('企业党建有哪些', prev, ['list'], holds)).toBeNull();
    // A year of its own asks of another time.
    expect(heldByPrevious('去年的品质要求有哪些', prev, ['list'], holds)).toBeNull();
  });

  it('answers with that sentence from its passage, not another passage sharing the words', async () => {
    const deps = depsOver(DOC);
    const r = await answerQuestion('3个品质是哪几个', deps, { history: [prev] });
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('组织强、队伍强、服务强');
    expect(r.citations[0]?.chunkId).toBe('brand::0');
  });
});

describe('a follow-up in everyday words, looked for in the previous document', () => {
  const DOC: Chunk[] = [
    chunk('svc', 0, '丁县服务企业', '丁县推行服务日制度，每月走访企业，听取企业问题。'),
    chunk('svc', 1, '丁县服务企业', '建立线上信息收集机制，完善服务平台，专人答复企业问题。'),
  ];

  it('reads the written forms of its colloquial words (网上 → 线上) beside its own', () => {
    const q = '那企业在网上咋反映问题？';
    expect(addedWrittenWords(q)).toContain('线上');
    const { retriever } = depsOver(DOC);
    const tokenizer = tokenizerFor(retriever);
    const top = (added: string) => previousDocumentHits(retriever, 'svc', added, tokenizer)[0]?.chunk.id;
    // Its own words alone tie the two passages; the written forms find the one on the web.
    expect(top(addedWords(q))).toBe('svc::0');
    expect(top(addedWrittenWords(q))).toBe('svc::1');
  });
});
