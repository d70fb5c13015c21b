/**
 * A follow-up asking a question word of its own (“咋处理”) asks its own kind, not the previous question's
 * (“按啥比例”); item N of a list of short headings is answered with what the item says under its heading.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { asksOfItsOwn } from '../../src/answer/extractive.js';
import { queryTerms, shatteredWords } from '../../src/answer/terms.js';
import { withItemBody } from '../../src/answer/answer-question.js';
import { documentViews } from '../../src/answer/documents.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, depsOver, turnAfter } from './fixtures.js';

const turn = turnAfter;

describe('asksOfItsOwn', () => {
  it('tells a question word of the message from a bare topic swap', () => {
    expect(asksOfItsOwn('评为C级的咋处理')).toBe(true);
    expect(asksOfItsOwn('一共多少人')).toBe(true);
    expect(asksOfItsOwn('那去年呢')).toBe(false);
    expect(asksOfItsOwn('那南湖区呢？')).toBe(false);
  });
});

describe('a follow-up asks its own kind', () => {
  const DOC: Chunk[] = [
    chunk(
      'grading',
      0,
      '干部评级管理',
      [
        '为更好地激励先进，推行干部评级管理。①强化季度测评。要走近干部，每季度开展一次测评，评出A级、B级、C级，参照年度考核办法，按照3%比例把测评靠后的干部评为C级。②实行分级管理。对评为A级的，优先提拔使用；对评为C级的，采取约谈提醒、离岗培训等方式进行处理。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('“评为C级的咋处理” after “按啥比例评C级” is not the share again', async () => {
    const deps = depsOver(DOC);
    const q = '干部评级测评，按啥比例把干部评为C级';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('3%比例');
    const r = await answerQuestion('评为C级的咋处理', deps, { history: [turn(q, first)] });
    expect(r.answer).toContain('约谈提醒');
  });
});

describe('item N of a list of short headings', () => {
  const DOC: Chunk[] = [
    chunk(
      'batches',
      0,
      '干部“三个一批”',
      [
        '2.实施“三个一批”，畅通干部进出渠道。在正式开展前，先行制定实施方案，对适用范围、参加对象等作出明确规定，确保“三个一批”平稳推进。一是明确年龄界限，退出一批。年满55周岁的中层干部原则上退出中层岗位。二是明确任职年限，交流一批。在同一岗位任职满10年的必须交流，由组织部门统一安排。三是明确培养需要，选拔一批。全县拿出30个岗位用于公开选拔。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('“三个一批，第二个是啥” gets the item and what it says', async () => {
    const deps = depsOver(DOC);
    const r = await answerQuestion('县里搞的三个一批，第二个是啥', deps);
    expect(r.answer).toContain('交流一批');
    expect(r.answer).toContain('任职满10年的必须交流');
    expect(r.answer).not.toContain('公开选拔');
  });
});

describe('withItemBody', () => {
  const DOC: Chunk[] = [
    chunk(
      'batches',
      0,
      '干部“三个一批”',
      '一是明确年龄界限，退出一批。年满55周岁的中层干部原则上退出中层岗位。二是明确任职年限，交流一批。在同一岗位任职满10年的必须交流，由组织部门统一安排。三是明确培养需要，选拔一批。全县拿出30个岗位用于公开选拔。',
    ),
  ];
  const items = ['一是明确年龄界限，退出一批。', '二是明确任职年限，交流一批。', '三是明确培养需要，选拔一批。'];
  const views = documentViews(depsOver(DOC).retriever);
  const ex = { text: '二是明确任职年限，交流一批。[1]', used: [], items, unit: '个', chunkId: DOC[0]!.id };

  it('adds what item N says under its heading, up to the next item', () => {
    const r = withItemBody('三个一批，第二个是啥', ex, views);
    expect(r.text).toBe('二是明确任职年限，交流一批。在同一岗位任职满10年的必须交流，由组织部门统一安排。[1]');
  });

  it('leaves an answer alone when the question asks no item', () => {
    expect(withItemBody('三个一批是啥', ex, views)).toBe(ex);
  });
});

describe('“第N部分” of a document', () => {
  const DOC: Chunk[] = [
    chunk(
      'speech',
      0,
      '在全县人才工作会议上的讲话',
      [
        '一、聚焦人才引进的根本任务，拓宽引才渠道',
        '（一）建好引才平台。要依托产业园区建设人才飞地。',
        '（二）用好引才政策。要落实安家补贴等政策。',
        '二、聚焦人才培养的长远目标，健全育才体系',
        '（一）办好技能培训。要每年组织技能培训两期。',
        '（二）做实导师帮带。要为每名青年人才配备导师。',
        '（三）加强培训考核。要把人才培训纳入年度考核。',
        '三、聚焦人才服务的关键环节，优化留才环境',
        '（一）完善住房保障。要建设人才公寓。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('is an item of its outermost list, not of the list in a section', async () => {
    const deps = depsOver(DOC);
    const r = await answerQuestion('人才工作会议讲话里培训考核那段，属于第三部分吗？第三部分标题原文是啥', deps);
    expect(r.answer).toContain('三、聚焦人才服务的关键环节');
  });
});

describe('a number asked after the sentence that names the topic', () => {
  const DOC: Chunk[] = [
    chunk(
      'volunteers',
      0,
      '银龄先锋行动',
      [
        '县里启动“银龄先锋”行动，组织退休干部参与基层治理，建立涵盖岗位设置、日常管理、考核激励等制度体系，激发退休干部余热。',
        '通过宣传发动，退休干部从组织动员转变为主动报名、结伴报名。城建局的老张等5人结伴请缨，“我们一起干了半辈子，退了也要一起干”。截至目前，共有260余人主动“归队”，占应报总人数九成以上。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('“一共多少人报名” gets the figure that follows, the one sharing the question’s characters', async () => {
    const deps = depsOver(DOC);
    const q = '银龄先锋行动是咋回事';
    const first = await answerQuestion(q, deps);
    const r = await answerQuestion('那一共多少人报名了', deps, { history: [turn(q, first)] });
    expect(r.answer).toContain('共有260余人');
  });
});

describe('a word the dictionary does not know', () => {
  it('is one term, not single characters dropped (住建局 → 住/建/局)', () => {
    expect(shatteredWords(['那', '住', '建', '局', '那个', '例子', '呢'])).toEqual(['住建局']);
    // (Stop words break a run; a run longer than a word is no word.)
    expect(shatteredWords(['是', '的', '了'])).toEqual([]);
    expect(shatteredWords(['甲', '乙', '丙', '丁', '戊'])).toEqual([]);
    expect(queryTerms('那住建局那个例子呢').words).toContain('住建局');
  });

  it('“那住建局那个例子呢” after an answer giving two examples: the clause on the one it names', async () => {
    const DOC: Chunk[] = [
      chunk(
        'staff',
        0,
        '己县中层干部调研',
        '调研中发现，一些单位中层干部结构老化，如县经信局23名中层干部，50岁以上的就有10名，占比43.4%；又如住建局质监站站长12年来在同一岗位，不曾交流。男满55岁、女满50岁的中层干部，经本人申请可以不再担任中层干部职务。',
      ),
    ];
    const deps = depsOver(DOC);
    const q = '己县经信局中层干部50岁以上占比多少';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('43.4%');
    const r = await answerQuestion('那住建局那个例子呢', deps, { history: [turn(q, first)] });
    expect(r.answer).toContain('质监站站长12年');
    expect(r.answer).not.toContain('男满55岁');
  });
});
