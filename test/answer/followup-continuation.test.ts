/**
 * Follow-ups: a message naming a place of its own (a short county name jieba does not tag) starts a new
 * topic; a follow-up asking a number the previous answer did not hold is answered by the sentence right
 * after it; one whose answer is in the previous sentence itself still gets that clause.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { placesIn } from '../../src/answer/followup.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, depsOver, turnAfter } from './fixtures.js';

const turn = turnAfter;

describe('places of the lexicon', () => {
  it('finds short county names from data/retrieval/places.txt', () => {
    expect(placesIn('越城那篇里办过什么专题培训班')).toContain('越城');
    expect(placesIn('柯城区的网格')).toContain('柯城区');
  });
});

describe('a follow-up continues right after the previous answer', () => {
  const DOC: Chunk[] = [
    chunk(
      'county',
      0,
      '数字经济人才',
      [
        '这个机遇来源于“人和”。在乡贤张三的帮助下，县政府与省专家委员会签订合作协议。短短一年多时间，张三5次带领专家来县里调研，帮助县政府理清发展路径。',
        '全县电商从业人员近一万人，县政府在张三帮助下扶持电商企业。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('“来了几趟” is answered by the next sentence, not by another number of the document', async () => {
    const deps = depsOver(DOC);
    const q = '乡贤张三帮助县政府签了啥';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('签订合作协议');
    const r = await answerQuestion('来了几趟', deps, { history: [turn(q, first)] });
    expect(r.answer).toContain('5次带领专家');
    expect(r.answer).not.toContain('一万人');
  });

  it('a follow-up answered by the previous sentence itself keeps that clause', async () => {
    const DUTY: Chunk[] = [
      chunk(
        'duty',
        0,
        '无会日',
        '建立“周三无会日”制度，这一天原则上不开会，所有机关干部全部下到村社一线，参与矛盾调处和环境整治。目前，已累计走访群众3万人次，化解纠纷1200起。',
      ),
      chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
    ];
    const deps = depsOver(DUTY);
    const q = '周三无会日 啥意思';
    const first = await answerQuestion(q, deps);
    const r = await answerQuestion('那干部那天干嘛', deps, { history: [turn(q, first)] });
    expect(r.answer).toContain('全部下到村社一线');
  });
});
