/**
 * Follow-ups resolved against the previous answer itself: “剩下的呢 / 还举了别的例子没” get what that answer said past
 * the part that answered its question; a follow-up that would get the previous list again gets the item it names,
 * or what it asks of the topic beyond the list; a personal pronoun (他们) marks a follow-up.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { asksForRest, isFollowUp, namedItem, restOfAnswer } from '../../src/answer/followup.js';
import { withoutListCue } from '../../src/answer/question-kind.js';
import type { Chunk } from '../../src/retrieval/types.js';
import type { AnswerResult, Turn } from '../../src/answer/types.js';
import { chunk, depsOver, turnAfter } from './fixtures.js';

async function converse(docs: Chunk[], ...questions: string[]): Promise<AnswerResult[]> {
  const deps = depsOver(docs);
  const history: Turn[] = [];
  const out: AnswerResult[] = [];
  for (const q of questions) {
    const r = await answerQuestion(q, deps, { history: [...history] });
    out.push(r);
    history.push(turnAfter(q, r));
  }
  return out;
}

const OTHER = chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租，租金按市场价的五折收取。');

describe('asking for the rest', () => {
  it('reads messages asking for more with no topic of their own', () => {
    expect(asksForRest('剩下那些呢')).toBe(true);
    expect(asksForRest('还有别的情况没？')).toBe(true);
    expect(asksForRest('另外的例子呢')).toBe(true);
    // A topic of its own is a question of its own.
    expect(asksForRest('还有哪些企业享受补贴')).toBe(false);
    expect(asksForRest('剩下的资金怎么分配')).toBe(false);
    // No word asking for more.
    expect(asksForRest('具体怎么弄')).toBe(false);
  });

  it('takes what follows the answering clause: the next part when there is one, else the next clauses', () => {
    const q = '排查了多少隐患 整改了多少';
    expect(restOfAnswer('全年共排查隐患120处，其中整改完成98处，剩余22处列入明年计划。', q)).toBe(
      '剩余22处列入明年计划。',
    );
    expect(
      restOfAnswer('部分村社卫生保洁不到位，如甲村垃圾清运每周仅一次；又如乙村公厕长期无人管护。', '甲村 保洁 咋回事'),
    ).toBe('又如乙村公厕长期无人管护。');
    // Nothing after the answering clause.
    expect(restOfAnswer('全年共排查隐患120处。', q)).toBeNull();
  });

  it('“剩下的呢” gets the rest of the previous answer’s sentence, not another passage', async () => {
    const docs = [
      chunk(
        'hotline',
        0,
        '丙县12345热线工作',
        '今年以来，丙县热线共受理企业诉求40件，25件当场办结，15件转交住建、交通等部门限时办理。热线还开通了夜间值守服务，方便企业反映问题。',
      ),
      OTHER,
    ];
    const [first, second] = await converse(docs, '丙县热线受理了几件企业诉求 当场办结几件', '剩下的呢');
    expect(first!.answer).toContain('25件当场办结');
    expect(second!.grounded).toBe(true);
    expect(second!.answer).toContain('15件转交住建');
    expect(second!.answer).not.toContain('夜间值守');
    expect(second!.citations[0]?.docId).toBe('hotline');
  });

  it('“还有别的例子吗” after an answer with “又如…” gets the other example', async () => {
    const docs = [
      chunk(
        'survey',
        0,
        '丁县机关作风调研',
        '调研发现，一些单位窗口服务意识不强，如县不动产中心办事群众平均排队两小时；又如社保窗口午休时间不受理业务。下一步将开展窗口作风专项整治。',
      ),
      OTHER,
    ];
    const [, second] = await converse(docs, '丁县不动产中心排队那事咋说的', '还有别的例子吗');
    expect(second!.answer).toContain('社保窗口午休时间不受理业务');
    expect(second!.answer).not.toContain('排队两小时');
  });
});

describe('a follow-up that would get the previous list again', () => {
  const FRAME: Chunk[] = [
    chunk(
      'frame',
      0,
      '戊市社区治理规则起草说明',
      [
        '我们建议规则的总体框架分为三个部分：第一部分为总则，第二部分为分则，主要包括网格划分、队伍建设、经费保障三章，第三部分为附则。',
        '（一）总则。总则明确规则的目的和适用范围。',
        '（二）网格划分。以居民小区为基本单元划分网格。',
        '（三）队伍建设。每个网格配备一名专职网格员。',
        '（四）附则。附则规定解释机关和施行日期等内容。',
      ].join('\n'),
    ),
    OTHER,
  ];

  it('names one of its items: that item', () => {
    const items = [
      '（一）总则。',
      '（二）网格划分。',
      '（三）队伍建设。',
      '（四）附则。附则规定解释机关和施行日期等内容。',
    ];
    expect(namedItem('附则管些什么', items)).toBe(4);
    expect(namedItem('网格怎么划的', items)).toBe(2);
    expect(namedItem('具体咋弄', items)).toBeNull();
    expect(withoutListCue('分则里面又分哪几章')).toBe('分则里面又分 章');
  });

  it('asks of the topic beyond the list: the sentence that answers, not the list again', async () => {
    const [first, second] = await converse(FRAME, '规则起草说明里列了哪几条', '分则里面又包括哪几章');
    expect(first!.memory?.items?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(second!.answer).toContain('网格划分、队伍建设、经费保障三章');
    expect(second!.answer).not.toBe(first!.answer);
  });
});

describe('a personal pronoun', () => {
  it('marks a short message as a follow-up', () => {
    const prev: Turn = {
      question: '戊县返聘的退休老干部有多少人',
      standaloneQuery: '戊县返聘的退休老干部有多少人',
      answerSummary: '戊县共返聘退休老干部30人。',
      docIds: ['x'],
      at: 0,
    };
    expect(isFollowUp('他们都管些啥', [prev])).toBe(true);
    expect(isFollowUp('她们平时在哪上班', [prev])).toBe(true);
  });

  it('a bare demonstrative at the end of a longer message points back at the topic', () => {
    const prev: Turn = {
      question: '戊县那个“红管家”制度是干啥的',
      standaloneQuery: '戊县那个“红管家”制度是干啥的',
      answerSummary: '戊县推行“红管家”制度，由退休党员担任小区管家。',
      docIds: ['x'],
      at: 0,
    };
    expect(isFollowUp('现在全县到底有多少退休党员在干这个', [prev])).toBe(true);
    expect(isFollowUp('现在全县到底有多少退休党员在干这个呢？', [prev])).toBe(true);
    // A demonstrative before a noun of its own is no bare one; a long message stands alone.
    expect(isFollowUp('现在全县到底有多少退休党员参加这个志愿服务队', [prev])).toBe(false);
  });
  it('an event named only by 这事/这件事/此事 inside a longer message is the previous topic', () => {
    const prev: Turn = {
      question: '己县新建的跨江大桥哪年能通车',
      standaloneQuery: '己县新建的跨江大桥哪年能通车',
      answerSummary: '',
      docIds: [],
      at: 0,
      memory: { refused: true },
    };
    expect(isFollowUp('县里为这事先后开了多少次协调会', [prev])).toBe(true);
    expect(isFollowUp('这件事最后是哪个部门牵头办的', [prev])).toBe(true);
    // Without the anaphor, a message with words of its own stands alone.
    expect(isFollowUp('县里先后开了多少次防汛协调会', [prev])).toBe(false);
  });
});
