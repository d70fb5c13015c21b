/**
 * Composing the answer once the passage is found (round 13): a term asked as a character (那个合字是啥意思), a
 * figure asked in a unit the best sentence lacks (多少岁), the count a question asks with item N (分几个方面，第三个
 * 是啥), the last of a counted set of unmarked sentences (三张图，最后一张), and item N of the list under a heading
 * the question names (推进举措第二条).
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { questionKind } from '../../src/answer/question-kind.js';
import { askedTerm } from '../../src/answer/extractive.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const ask = async (chunks: Chunk[], q: string) => {
  const retriever = Object.assign(fakeRetriever(chunks), { chunks: () => chunks });
  return answerQuestion(q, { retriever, llm: null, logger: silentLogger });
};

describe('a term asked as a character or a word', () => {
  const chunks = [
    chunk(
      'base',
      0,
      '传承基地建设的思考',
      [
        '二、要建一个什么样的传承基地。',
        '在项目的建设过程中，总体要求就是“知行合一”，具体来说：',
        '“知”指的是知识传承。基地要系统整理先进事迹，编写培训教材。',
        '“行”指的是实践锻炼。组织学员到一线开展现场教学。',
        '“合”指的是市场融合。推行市场化、公司化运营，把红色经验变成红色经济。',
      ].join('\n'),
    ),
  ];

  it('“那个合字是啥意思” gets the definition of 合', async () => {
    const r = await ask(chunks, '传承基地讲知行合一 那个合字是啥意思');
    expect(r.answer).toContain('“合”指的是市场融合');
  });

  it('“合这个字” too', async () => {
    const r = await ask(chunks, '传承基地讲知行合一，合这个字是啥意思');
    expect(r.answer).toContain('“合”指的是市场融合');
  });

  it('a term written as a word is looked for as written first', () => {
    expect(askedTerm('那个数字是啥意思')).toBe('数字');
    expect(askedTerm('合这个字是啥意思')).toBe('合这个字');
  });
});

describe('a figure asked in a unit the best sentence does not give', () => {
  const chunks = [
    chunk(
      'kh',
      0,
      '推行“四个一批”机制',
      '为破解中层干部交流的制度性瓶颈，计划于近期推行“四个一批”机制（年龄身体等原因自愿退出一批、表现不佳降免职一批、长期在同一岗位任职组织强制交流一批和结构性培养需要跨部门竞争上岗一批），健全干部队伍常态化交流机制。',
    ),
    chunk(
      'kh',
      1,
      '推行“四个一批”机制',
      [
        '一是明确因年龄、身体等原因，退出一批。',
        '男满55岁、女满50岁的，身体健康状况欠佳的，经本人申请可以不再继续担任中层干部职务。',
        '二是明确因工作表现不佳，降免职一批。',
        '年度考核为基本称职的，予以降职使用。',
      ].join(''),
    ),
  ];

  it('“自愿退出那一批，年龄卡在多少岁” is answered by the sentence giving the age', async () => {
    const r = await ask(chunks, '“四个一批”里自愿退出那一批，年龄卡在多少岁');
    expect(r.answer).toContain('男满55岁、女满50岁');
  });

  it('a question asking no unit keeps the best sentence', async () => {
    const r = await ask(chunks, '“四个一批”机制是为破解什么瓶颈');
    expect(r.answer).toContain('制度性瓶颈');
  });
});

describe('the count asked with item N', () => {
  const chunks = [
    chunk(
      'speech',
      0,
      '在全市组织工作会议上的讲话',
      [
        '按照这个总要求，重点做好以下五个方面工作：',
        '（一）聚焦对党绝对忠诚，突出抓好政治建设。',
        '（二）聚焦固本强基，全面提升基层党组织组织力。',
        '（三）坚持笃学实干严管，建设忠诚干净担当的高素质干部队伍。',
        '（四）聚焦人才强市，深化人才发展体制机制改革。',
        '（五）聚焦自身建设，打造让党放心让群众满意的模范部门。',
      ].join('\n'),
    ),
  ];

  it('“分几个方面，第三个是啥”: the lead-in stating the count, then item 3', async () => {
    const r = await ask(chunks, '讲话今年重点工作分几个方面，第三个是啥');
    expect(r.answer).toContain('重点做好以下五个方面工作');
    expect(r.answer).toContain('坚持笃学实干严管');
  });

  it('item N alone is not given the lead-in', async () => {
    const r = await ask(chunks, '讲话里重点工作第三个是啥');
    expect(r.answer).toContain('坚持笃学实干严管');
    expect(r.answer).not.toContain('以下五个方面');
  });
});

describe('the last of a counted set of unmarked sentences', () => {
  it('最后一张 is item N of 三张图 and 第二张 an ordinal', () => {
    expect(questionKind('人才三张图，最后一张是啥图').ordinal).toBe(3);
    expect(questionKind('人才三张图第二张是啥').ordinal).toBe(2);
  });

  it('the sentences after the one naming 三张图 are its items', async () => {
    const chunks = [
      chunk(
        'qj',
        0,
        '衢江人才工作',
        [
          '三是以绘好人才“三张图”为基础，全面实施“衢江英才”计划。',
          '绘好“需求图”，深度了解企业的人才需求。',
          '绘好“方位图”，分层级收集完善人才信息。',
          '绘好“路径图”，构建人才政策体系。',
          '建设“万人计划”产业园，打造高层次人才创业平台。',
        ].join(''),
      ),
    ];
    const r = await ask(chunks, '衢江绘人才三张图，最后一张是啥图');
    expect(r.answer).toContain('路径图');
    expect(r.answer).not.toContain('需求图');
  });
});

describe('item N of the list under a heading the question names', () => {
  it('“推进举措第二条” is item 2 under “三、推进举措”, not item 2 of a run of 、 ranked first', async () => {
    const chunks = [
      chunk(
        'sfw',
        0,
        '关于深入开展组织系统“三服务”活动的通知',
        [
          '三、推进举措',
          '1、突出在“三服务”中发现培养选拔干部。注重在服务第一线发现甄别干部。',
          '2、实施“干部专业化能力提升计划”。重点针对产业、金融、建设、服务业等领域的能力短板，推进“三服务”举措专题培训。',
          '3、持续深化各领域“五星”系列创建。全面抓实党支部规范化建设。',
        ].join('\n'),
      ),
    ];
    const r = await ask(chunks, '三服务通知的推进举措第二条是啥');
    expect(r.answer).toContain('实施“干部专业化能力提升计划”');
    expect(r.answer).not.toContain('第二条：金融');
  });
});

describe('a later question of a message with no place or year of its own', () => {
  const chunks = [
    chunk(
      'cs',
      0,
      '常山县年轻干部培养',
      '遵循干部成长规律，着力办好年轻干部成长班，实施“墩苗计划”选派100名左右年轻干部到山海协作区、东西部扶贫协作区、信访维稳等攻坚一线历练。',
    ),
    chunk(
      'qz',
      0,
      '在全市干部工作会议上的讲话',
      '一些地方干部缺乏斗争历练。今后，凡是没有重大斗争经验的干部，轻易不派到党政主要领导岗位和一些重要关键岗位上去。',
    ),
  ];

  it('continues the first question’s topic: nothing from another document is added', async () => {
    const r = await ask(chunks, '常山的墩苗计划准备派多少年轻干部下去？派到哪些地方？');
    expect(r.answer).toContain('选派100名左右年轻干部到山海协作区');
    expect(r.answer).not.toContain('轻易不派到');
    expect(new Set(r.citations.map((c) => c.docId))).toEqual(new Set(['cs']));
  });
});
