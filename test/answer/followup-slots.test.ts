/**
 * Follow-ups that swap one slot of the previous question (a place, a year, a variant of a word: 正县级 → 副县级),
 * comparisons of two places answered side by side, and messages asking two questions — on the rule helpers and on
 * the real retriever over the bundled corpus.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/corpus/index.js';
import { buildRetriever } from '../../src/retrieval/index.js';
import type { Retriever } from '../../src/retrieval/types.js';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion, type Turn } from '../../src/answer/index.js';
import { answerSlot, namesOwnTopic, ruleRewrite, swappedSlot, variantSlot } from '../../src/answer/followup.js';
import { comparedPlaces, separateQuestions, slotPart } from '../../src/answer/answer-question.js';
import { turnAfter } from './fixtures.js';

const asked = (q: string): Turn => ({ question: q, standaloneQuery: q, answerSummary: '', docIds: [], at: 0 });

describe('a follow-up swapping a variant of a word', () => {
  it('reads 副县级 as the slot of 正县级 and asks the previous question of it', () => {
    const prev = '2004年绍兴确定了多少名正县级后备干部人选？';
    expect(variantSlot('副县级的', prev)).toEqual({ from: '正县级', to: '副县级' });
    expect(swappedSlot('那副县级的呢？', [asked(prev)])?.kind).toBe('variant');
    expect(ruleRewrite('那副县级的呢？', [asked(prev)])).toContain('多少名副县级后备干部人选');
    expect(ruleRewrite('那下半年呢', [asked('今年上半年新增多少家企业')])).toBe('今年下半年新增多少家企业');
  });

  it('is no swap when the message asks something of its own or shares no tail', () => {
    expect(variantSlot('派了多少干部', '专班有多少个')).toBeNull();
    expect(variantSlot('技术人才', '江山引进高层次人才多少名')).toBeNull();
    expect(swappedSlot('那派了多少干部', [asked('专班有多少个')])).toBeNull();
  });

  it('takes the part of a sentence on the slot, after the clause verb', () => {
    const s =
      '年内,在民主推荐的基础上,确定了50名正县(处)级后备干部建议人选和145名副县(处)级后备干部建议人选,形成了人才库。';
    expect(slotPart(s, '副县级')).toBe('确定了145名副县(处)级后备干部建议人选');
    expect(slotPart(s, '正县级')).toBe('确定了50名正县(处)级后备干部建议人选和145名副县(处)级后备干部建议人选');
    expect(slotPart(s, '乡科级')).toBeNull();
  });
});

describe('a follow-up naming a slot the previous answer gave', () => {
  const prev: Turn = {
    question: '甲区首批命名了几个示范村',
    standaloneQuery: '甲区首批命名了几个示范村',
    answerSummary: '甲区首批12个“星级示范村”、3个“美丽庭院村”获命名。[1]',
    docIds: ['d'],
    at: 0,
    memory: { chunkId: 'd::0' },
  };
  it('reads the slot when the message names nothing else and the previous answer holds it', () => {
    expect(answerSlot('那美丽庭院的呢', [prev])).toBe('美丽庭院');
    // A word that asks, a slot the previous question named, or one the answer does not hold: no such slot.
    expect(answerSlot('那美丽庭院有多少', [prev])).toBeNull();
    expect(answerSlot('那示范村呢', [prev])).toBeNull();
    expect(answerSlot('那文明村的呢', [prev])).toBeNull();
    expect(answerSlot('那美丽庭院的呢', [{ ...prev, memory: { refused: true } }])).toBeNull();
  });
});

describe('a message with an item number and a topic of its own', () => {
  const prev: Turn = {
    question: '课题组建议条例分几大块',
    standaloneQuery: '课题组建议条例分几大块',
    answerSummary: '共七条：（一）总则。（二）组织领导和职责。（三）组织体系。',
    docIds: ['d'],
    at: 0,
  };
  it('names its own topic only with two topic words or more that the previous turn does not have', () => {
    expect(namesOwnTopic('人才新政推进举措第二条是啥', prev)).toBe(true);
    expect(namesOwnTopic('第二条呢', prev)).toBe(false);
    expect(namesOwnTopic('组织体系第二条是啥', prev)).toBe(false);
  });
});

describe('comparisons and several questions in one message (rules)', () => {
  it('reads the places a question joins with 和/与', () => {
    expect(comparedPlaces('龙游和开化服务民营企业的做法有什么不同？')).toEqual(['龙游', '开化']);
    expect(comparedPlaces('越城和龙游在企业党建上的做法有什么区别？')).toEqual(['越城', '龙游']);
    expect(comparedPlaces('开化有多少名联企干部参加了培训？')).toEqual([]);
  });

  it('splits a message into its questions only when each has words of its own', () => {
    expect(separateQuestions('越城选派了多少人？那2004年绍兴派出锻炼干部多少名？')).toEqual([
      '越城选派了多少人',
      '2004年绍兴派出锻炼干部多少名',
    ]);
    expect(separateQuestions('开化有多少名联企干部参加了培训？')).toEqual([]);
    // A second part with nothing of its own (“原话”) is no question to answer apart.
    expect(separateQuestions('卷首语说组织工作要把握住哪三个“性”？原话')).toEqual([]);
  });
});

describe('on the bundled corpus', () => {
  let retriever: Retriever;
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-slots-'));
    const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: path.join(cacheDir, 'data') });
    retriever = await buildRetriever(docs, { cacheDir });
  });
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  const ask = (q: string, history: Turn[] = []) =>
    answerQuestion(q, { retriever, llm: null, logger: silentLogger }, { history });

  it('“那副县级的呢” gives the figure of 副县级, not the previous sentence again nor another figure', async () => {
    const q = '2004年绍兴确定了多少名正县级后备干部人选？';
    const first = await ask(q);
    expect(first.answer).toContain('50名正县(处)级');
    const r = await ask('那副县级的呢？', [turnAfter(q, first)]);
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('145名副县(处)级');
    expect(r.answer).not.toContain('50名正县');
    expect(r.answer).not.toContain('443名');
  });

  it('“那江山呢” is never answered with the previous county’s passage', async () => {
    const q = '开化有多少名联企干部参加了培训？';
    const first = await ask(q);
    expect(first.answer).toContain('165名联企干部');
    const r = await ask('那江山呢？', [turnAfter(q, first)]);
    expect(r.answer).not.toContain('165名');
    for (const c of r.citations) expect(c.title).not.toContain('开化');
  });

  it('“那3A的呢” gives the figure the previous answer gave beside the one asked, not the whole sentence', async () => {
    const q = '越城五星达标村首批几个';
    const first = await ask(q);
    expect(first.answer).toContain('首批80个“五星达标村”');
    const r = await ask('那3A的呢', [turnAfter(q, first)]);
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('5个“3A示范村”');
    expect(r.answer).not.toContain('80个');
    expect(r.citations[0]?.chunkId).toBe(first.citations[0]?.chunkId);
  });

  it('a follow-up of a refused question keeps the document that question found best', async () => {
    const q = '江山一家电商企业的运营总监想创业，问‘英才贷’最高能贷多少、利率多少？';
    const first = await ask(q);
    expect(first.grounded).toBe(false);
    const r = await ask('这个贷款是谁一起搞的？', [turnAfter(q, first)]);
    expect(r.followUp).toBe(true);
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('政企银');
  });

  it('a new question with an item number is answered as one, not from the previous list', async () => {
    const q = '课题组建议组织工作条例分几大块';
    const first = await ask(q);
    expect(first.memory?.items?.length).toBeGreaterThanOrEqual(2);
    const q2 = '三服务通知的推进举措第二条是啥';
    const alone = await ask(q2);
    const r = await ask(q2, [turnAfter(q, first)]);
    expect(r.followUp).toBe(false);
    expect(r.standaloneQuery).toBe(q2);
    expect(r.answer).toBe(alone.answer);
    expect(r.answer).not.toContain('组织领导和职责');
  });

  it('a comparison of two counties answers each from a passage of its own', async () => {
    const r = await ask('龙游和开化服务民营企业的做法有什么不同？');
    expect(r.grounded).toBe(true);
    expect(r.answer).toMatch(/^龙游：/u);
    expect(r.answer).toContain('\n开化：');
    const titles = r.citations.map((c) => c.title);
    expect(titles.some((t) => t.includes('龙游'))).toBe(true);
    expect(titles.some((t) => t.includes('开化'))).toBe(true);
  });

  it('a run of 、 the question frames is stated with its count first, and item N is taken from it', async () => {
    const q1 = '三服务活动要解决哪四个方面的问题？';
    const first = await ask(q1);
    expect(first.answer).toMatch(/^共四个方面：想不想、会不会、准不准、实不实。/u);
    expect(first.memory?.items).toEqual(['想不想', '会不会', '准不准', '实不实']);
    const third = await ask('第三个呢', [turnAfter(q1, first)]);
    expect(third.answer).toMatch(/^第三个方面：准不准。/u);
  });

  it('a count asked in a measure is answered by the sentence stating it, not by a list of another count', async () => {
    const parts = await ask('组织工作条例的总体框架分几部分');
    expect(parts.answer).toContain('总体框架分为三个部分');
    expect(parts.answer).not.toContain('共七个部分');
    const steps = await ask('龙游品质党建标准是分几步搞出来的');
    expect(steps.answer).toContain('按“三步走”健全民营企业品质党建标准化体系');
  });

  it('a message asking two questions of two documents answers both', async () => {
    const r = await ask('越城选派了多少人？那2004年绍兴派出锻炼干部多少名？');
    expect(r.answer).toContain('9批次61名');
    expect(r.answer).toContain('选派120名以上年轻干部');
  });
});

describe('a run of 、 in a quoted name or after an item marker', () => {
  it('takes the quoted items, and never an item marker as an item', async () => {
    const { inlineItems } = await import('../../src/answer/lists.js');
    expect(inlineItems('着力解决好“想不想、会不会、准不准、实不实”四方面问题，以高质量服务展现新作为。')).toEqual([
      '想不想',
      '会不会',
      '准不准',
      '实不实',
    ]);
    expect(inlineItems('1、突出在服务中发现干部。注重在发展主战场、服务第一线发现甄别干部。')).toBeNull();
  });
});
