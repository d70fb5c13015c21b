/**
 * “那个5是啥” asks what a term means: the sentence that defines it (“5，是指…”) answers, over sentences
 * that only mention the topic. A counted name in quotes (三个“一”) asks for a list.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { askedTerm, definitionRe } from '../../src/answer/extractive.js';
import { questionKind } from '../../src/answer/question-kind.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

describe('askedTerm / definitionRe', () => {
  it('reads the term right before 是啥 / 啥意思', () => {
    expect(askedTerm('东城 服务246 那个4 是啥')).toBe('4');
    expect(askedTerm('周三无会日 啥意思')).toBe('周三无会日');
    expect(askedTerm('今年要培育多少家')).toBeNull();
    // Chat mixing English: “11411 what？” asks the same.
    expect(askedTerm('11411 what？东南数字经济研究院')).toBe('11411');
    expect(askedTerm('这个whatever今年要培育多少家')).toBeNull();
  });

  it('a clause opening with the term, then 是指/就是/即', () => {
    expect(definitionRe('4').test('2，是指两支队伍；4，是指四个平台。')).toBe(true);
    expect(definitionRe('4').test('建成4个平台。')).toBe(false);
    expect(definitionRe('服务246').test('所谓“服务246”，就是指……')).toBe(true);
  });

  it('a long phrase asks about the quoted or numbered name in it; a name and its kind may come before 即', () => {
    expect(askedTerm('东城社区服务体系246是啥意思')).toBe('246');
    expect(askedTerm('年轻干部培训“三个一”机制是什么')).toBe('三个一');
    expect(definitionRe('2+2').test('组成“2+2”模式18个小组,即由2名社工和2名党员组成。')).toBe(true);
    expect(definitionRe('2+2').test('推行“2+2”模式18个小组。')).toBe(false);
  });

  it('是要干嘛 asks what the term is for; a quoted name ending the phrase is the term', () => {
    expect(askedTerm('三服务那篇里“清优提转”是要干嘛')).toBe('清优提转');
    expect(askedTerm('周三无会日是干啥的')).toBe('周三无会日');
  });
});

describe('the sentence defining the asked term answers', () => {
  const DOC: Chunk[] = [
    chunk(
      'east',
      0,
      '东城服务体系',
      [
        '建好一个体系，就是要做实“服务246、有事找社区”体系，提升东城社区服务水平。所谓“服务246”，就是指社区服务全覆盖，做到楼楼有管家。2，是指党员和社工两支队伍，实现一体服务；4，是指议事、调解、养老、托幼四个平台，相当于后台支撑；6，是指上门、代办、预约、错时、延时、线上六种办法，相当于前端服务。',
        '接下来要结合老旧小区改造，检验“服务246”的实际作用。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('“那个4是啥” gets the sentence that says what 4 is', async () => {
    const retriever = Object.assign(fakeRetriever(DOC), { chunks: () => DOC });
    const r = await answerQuestion('东城 服务246 那个4 是啥', { retriever, llm: null, logger: silentLogger });
    expect(r.answer).toContain('议事、调解、养老、托幼四个平台');
  });
});

describe('the heading of a marked item naming the asked term answers with what stands under it', () => {
  const DOC: Chunk[] = [
    chunk(
      'service',
      0,
      '深入开展“三服务”活动的通知',
      [
        '一、总体要求坚持围绕中心、服务大局，突出“质量提升年”主题，持续深入推进“清优提转”，真正扑下身子、沉到基层、深入群众，更好发挥组织部门服务中心保障大局的作用。',
        '7、创新调研方式。开展蹲点调研、短平快调研，持续有效地进基层、摸实情。',
        '8、持续推进组织工作“清优提转”。',
        '始终坚持问题导向，深化开展“清优提转”，及时废除不合时宜的陈规惯例，不断优化工作流程、创新工作机制，推动组织部门提效能、转作风。',
      ].join('\n'),
    ),
  ];

  it('“清优提转”是要干嘛 gets the section under its heading', async () => {
    const retriever = Object.assign(fakeRetriever(DOC), { chunks: () => DOC });
    const r = await answerQuestion('三服务那篇里“清优提转”是要干嘛', { retriever, llm: null, logger: silentLogger });
    expect(r.answer).toContain('废除不合时宜的陈规惯例');
  });
});

describe('a counted name in quotes', () => {
  it('三个“一” / 两个“维护” ask for a list', () => {
    expect(questionKind('抽蓄战队那篇的三个“一”是什么').list).toBe(true);
    expect(questionKind('两个“维护”指什么').list).toBe(true);
  });
});
