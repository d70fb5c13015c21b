/**
 * What a cadre gets from the extractive path: lists assembled across chunks with their count, item N
 * of the previous list (and a plain notice when there was none), follow-ups after a refusal, answers
 * from one document, quotes holding the answering sentence, JSONL-free conversation state.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion, summarize, type AnswerResult, type Turn } from '../../src/answer/index.js';
import {
  expectedCount,
  followUpOrdinal,
  isComparison,
  isPlainQuestion,
  listUnit,
  questionKind,
} from '../../src/answer/question-kind.js';
import { inlineItems, itemMarker } from '../../src/answer/lists.js';
import type { Chunk, Retriever } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const PLAN: Chunk[] = [
  chunk(
    'plan',
    0,
    '关于深化干部作风建设的实施方案',
    '为推动作风建设常态化，今年主要抓好三个方面：\n（一）抓学习教育。每月组织一次集中学习，全年不少于十二次。',
  ),
  chunk(
    'plan',
    1,
    '关于深化干部作风建设的实施方案',
    '（二）抓服务企业。每名干部联系两家企业，每季度至少走访一次。\n（三）抓考核评价。考核结果作为评先评优的重要依据。',
  ),
  chunk('plan', 2, '关于深化干部作风建设的实施方案', '全县共组建服务小组28个。服务小组覆盖规上企业316家。'),
  chunk('other', 0, '另一县的作风建设通知', '乙县今年组建服务小组40个，主要抓学习教育和服务企业两个方面。'),
];

/** A retriever over PLAN that exposes its chunks (as the real one does) so lists can run past a passage. */
function planRetriever(): Retriever & { chunks: () => Chunk[] } {
  const base = fakeRetriever(PLAN);
  return Object.assign(base, { chunks: () => PLAN });
}

const deps = (retriever: Retriever) => ({ retriever, llm: null, logger: silentLogger });

function turnOf(question: string, r: AnswerResult): Turn {
  return {
    question,
    standaloneQuery: r.standaloneQuery,
    answerSummary: summarize(r.answer),
    docIds: [...new Set(r.citations.map((c) => c.docId))],
    at: 1,
    ...(r.memory ? { memory: r.memory } : {}),
  };
}

describe('lists', () => {
  it('assembles a （一）（二）（三） list spread over two chunks and states the count', async () => {
    const r = await answerQuestion('作风建设主要抓好哪三个方面', deps(planRetriever()));
    expect(r.grounded).toBe(true);
    // The count is stated: by the lead-in when it says it (“主要抓好三个方面：”), else “共三个方面：”.
    expect(r.answer).toMatch(/三个方面：/u);
    for (const item of ['抓学习教育', '抓服务企业', '抓考核评价']) expect(r.answer).toContain(item);
    expect(r.memory?.items).toHaveLength(3);
  });

  it('fetches item N of the previous list, with its body, and says when there is no such item', async () => {
    const retriever = planRetriever();
    const first = await answerQuestion('作风建设主要抓好哪三个方面', deps(retriever));
    const history = [turnOf('作风建设主要抓好哪三个方面', first)];
    const second = await answerQuestion('第二个呢', deps(retriever), { history });
    expect(second.grounded).toBe(true);
    expect(second.answer).toContain('（二）抓服务企业');
    expect(second.answer).toContain('每名干部联系两家企业');
    expect(second.answer).not.toContain('抓学习教育');
    expect(second.citations[0]?.docId).toBe('plan');
    const last = await answerQuestion('最后一点呢', deps(retriever), { history });
    expect(last.answer).toContain('抓考核评价');
    const fifth = await answerQuestion('第五个呢', deps(retriever), { history });
    expect(fifth.grounded).toBe(false);
    expect(fifth.mode).toBe('notice');
    expect(fifth.answer).toContain('共三');
  });

  it('an ordinal follow-up on an answer that was not a list says so, never inventing “第一条：…”', async () => {
    const retriever = planRetriever();
    const first = await answerQuestion('全县组建了多少个服务小组', deps(retriever));
    expect(first.memory?.items).toBeUndefined();
    const r = await answerQuestion('第一条呢', deps(retriever), {
      history: [turnOf('全县组建了多少个服务小组', first)],
    });
    expect(r.mode).toBe('notice');
    expect(r.answer).toContain('不是分条列举');
    expect(r.answer).not.toMatch(/第一条：/u);
  });
});

describe('an ordinal naming a topic of its own', () => {
  it('after an answer that was no list, takes item N of the list its own words point to', async () => {
    const retriever = planRetriever();
    const first = await answerQuestion('全县组建了多少个服务小组', deps(retriever));
    expect(first.memory?.items).toBeUndefined();
    const r = await answerQuestion('作风建设第二个方面是啥', deps(retriever), {
      history: [turnOf('全县组建了多少个服务小组', first)],
    });
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('抓服务企业');
    expect(r.answer).not.toContain('不是分条列举');
  });
});

describe('one document, whole sentences, supporting quotes', () => {
  it('a number question is answered from the best document only, with the number and its unit', async () => {
    const r = await answerQuestion('全县组建了多少个服务小组', deps(planRetriever()));
    expect(r.answer).toContain('28个');
    expect(r.answer).not.toContain('40个');
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(['plan']));
    expect(r.citations[0]!.quote).toContain('全县共组建服务小组28个');
    expect(r.answer).not.toContain('…');
    expect(r.answer.replace(/\[\d+\]$/u, '')).toMatch(/。$/u);
  });

  it('a question comparing two places may cite both documents', async () => {
    expect(isComparison('甲县和乙县各组建了多少个服务小组')).toBe(true);
    expect(isComparison('全县组建了多少个服务小组')).toBe(false);
  });
});

describe('follow-ups', () => {
  it('a refused first turn still sets the topic for the next message', async () => {
    const retriever = fakeRetriever();
    const refused: Turn = {
      question: '五百行动',
      standaloneQuery: '五百行动包括哪些内容',
      answerSummary: '未在资料库中找到',
      docIds: [],
      at: 1,
      memory: { refused: true },
    };
    const r = await answerQuestion('具体有哪些', deps(retriever), { history: [refused] });
    expect(r.followUp).toBe(true);
    expect(r.standaloneQuery).toContain('五百行动');
    expect(r.answer).toContain('百名组工干部组团服务');
    // Item N after the refusal: the previous question's passages are read again for their list.
    const ord = await answerQuestion('第二条呢', deps(retriever), { history: [refused] });
    expect(ord.mode).toBe('extractive');
    expect(ord.grounded).toBe(true);
    // … and when they hold no list, the user is told the previous question found nothing.
    const offTopic: Turn = {
      ...refused,
      question: '火星探测器什么时候发射',
      standaloneQuery: '火星探测器什么时候发射',
    };
    const none = await answerQuestion('第二条呢', deps(retriever), { history: [offTopic] });
    expect(none.mode).toBe('notice');
    expect(none.answer).toContain('没有在资料库中找到');
  });

  it('an elliptical follow-up does not repeat the previous answer word for word', async () => {
    const retriever = planRetriever();
    const first = await answerQuestion('全县组建了多少个服务小组', deps(retriever));
    const r = await answerQuestion('覆盖多少规上企业呢', deps(retriever), {
      history: [turnOf('全县组建了多少个服务小组', first)],
    });
    expect(r.answer).toContain('316家');
  });
});

describe('question kinds', () => {
  it('ordinals of a follow-up, list units, counted names, item markers and inline lists', () => {
    expect(followUpOrdinal('第三批呢')).toBe(3);
    expect(followUpOrdinal('最后一点')).toBe('last');
    expect(followUpOrdinal('头一条讲的啥')).toBe(1);
    expect(followUpOrdinal('那B县呢')).toBeNull();
    expect(listUnit('要抓好哪三个方面')).toBe('方面');
    expect(listUnit('有哪些原则')).toBe('条');
    expect(questionKind('路径上的六个一是啥').list).toBe(true);
    expect(itemMarker('（二）抓服务企业。')).toEqual({ style: 'paren-cn', n: 2 });
    expect(itemMarker('三是加强监督。')).toEqual({ style: 'shi', n: 3 });
    expect(itemMarker('②健全落实网格职责。')).toEqual({ style: 'circled', n: 2 });
    expect(itemMarker('2019年工作要点')).toBeNull();
    expect(
      inlineItems('遵循三条原则：必须是重大专项工作；必须是单一部门难以完成的工作；必须是阶段性的任务。'),
    ).toHaveLength(3);
    expect(inlineItems('设立协调员、联络员、化解员、观察员等“四大员”岗位。')).toEqual([
      '协调员',
      '联络员',
      '化解员',
      '观察员',
    ]);
  });
});

describe('plain questions (for the router)', () => {
  it('a short question ending in ？ with 哪/多少/什么 is a question; a status report is not', () => {
    for (const q of [
      '企业融资难的问题一般找哪个部门解决？',
      '人才公寓申请要满足什么条件？',
      '组团服务一年要走访企业多少次？',
      '专班成立要哪些手续？',
    ])
      expect(isPlainQuestion(q), q).toBe(true);
    for (const q of [
      '今天走访了华康药业，企业反映融资难，怎么办？',
      'Q-0012 解决了吗？',
      '专班成立的三条原则',
      '昨天去了七一电器，缺工程师，多少人待定？',
    ])
      expect(isPlainQuestion(q), q).toBe(false);
  });

  it('the count a list question announces', () => {
    expect(expectedCount('知事识人体系说的三种考核是哪三种')).toBe(3);
    expect(expectedCount('常山给退职干部设的六大员都有啥')).toBe(6);
    expect(expectedCount('有哪些要求')).toBeNull();
  });
});
