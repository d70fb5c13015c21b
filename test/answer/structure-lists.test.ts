/**
 * Lists assembled from a document's structure when the best sentence is not the list itself: a count
 * asked with any measure (哪三招), the marked list nested under a heading when the heading's own list
 * does not fit the count, and paragraphs whose openings are parallel.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { expectedCount, listUnit, questionKind } from '../../src/answer/question-kind.js';
import { buildDocView } from '../../src/answer/documents.js';
import { paragraphRun } from '../../src/answer/lists.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const ask = async (chunks: Chunk[], q: string) => {
  const retriever = Object.assign(fakeRetriever(chunks), { chunks: () => chunks });
  return answerQuestion(q, { retriever, llm: null, logger: silentLogger });
};

describe('a count asked after 哪 with any measure word', () => {
  it('哪三招 / 哪两件 ask for a list of that many, counted in their own measure', () => {
    expect(questionKind('讲话里提了哪三招').list).toBe(true);
    expect(expectedCount('讲话里提了哪三招')).toBe(3);
    expect(listUnit('讲话里提了哪三招')).toBe('招');
    expect(expectedCount('办成了哪两件实事')).toBe(2);
    expect(listUnit('办成了哪两件实事')).toBe('件');
  });

  it('哪三服务 names the 三服务: its first character is no measure', () => {
    expect(listUnit('三服务是哪三服务')).toBe('条');
    expect(listUnit('三服务是哪三服务？')).toBe('条');
  });

  it('哪一年 / 哪一天 are not lists', () => {
    expect(questionKind('哪一年开始实施的').list).toBe(false);
    expect(questionKind('定在哪一天').list).toBe(false);
  });
});

describe('the marked list nested under a heading', () => {
  const DOC: Chunk[] = [
    chunk(
      'speech',
      0,
      '工作会议讲话',
      [
        '（一）抓好队伍建设，提升干部素质。要持续加强干部培训。',
        '（二）完善驿站服务，关心关爱骑手群体。要把新就业群体纳入服务范围，推动暖心服务常态化。①建驿站。要在商圈和社区建设一批暖心驿站，配齐饮水休息设施。②优服务。要组织党员志愿者定期上门服务，帮助解决急难愁盼。③强保障。要落实专项经费，每年评选一批星级驿站。',
        '（三）深化基层治理，夯实组织基础。要持续推进网格建设。',
        '（四）强化人才支撑，优化创新生态。要加大引才力度。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('answers 哪三招 with the three marked items under the heading, not the four headings', async () => {
    const r = await ask(DOC, '关心关爱骑手群体，讲话里提了哪三招');
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('共三招');
    for (const item of ['①建驿站', '②优服务', '③强保障']) expect(r.answer).toContain(item);
    expect(r.answer).not.toContain('（四）');
    expect(r.memory?.items).toHaveLength(3);
  });
});

describe('paragraphs opening in parallel', () => {
  const TEXT = [
    '第二个关键词：挑战',
    '这个挑战源自“资金缺口”。全县养老项目投入不足，社会资本参与少。',
    '这个挑战源自“人手不足”。护理员持证上岗率偏低，流失严重。',
    '这个挑战源自“观念滞后”。不少老人不愿入住机构，更愿意居家。',
    '第三个关键词：路径',
    '要实施养老服务提升行动，加快补齐短板。',
  ].join('\n');
  const DOC: Chunk[] = [
    chunk('aging', 0, '养老服务调研', TEXT),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('reads the run of paragraphs whose openings share a clause start, bare openings with their next sentence', () => {
    const view = buildDocView('aging', [DOC[0]!]);
    const at = view.sentences.findIndex((s) => s.text.includes('护理员持证'));
    const run = paragraphRun(view, at);
    expect(run?.items).toHaveLength(3);
    expect(run?.items[0]).toContain('资金缺口');
    expect(run?.items[0]).toContain('社会资本参与少');
    expect(run?.items[2]).toContain('观念滞后');
  });

  it('a page break inside a paragraph does not end the run', () => {
    const broken = TEXT.replace('护理员持证上岗率偏低', '护理员持证上\n岗率偏低');
    const view = buildDocView('aging', [chunk('aging', 0, '养老服务调研', broken)]);
    const run = paragraphRun(
      view,
      view.sentences.findIndex((s) => s.text.includes('资金缺口')),
    );
    expect(run?.items).toHaveLength(3);
  });

  it('paragraphs that share only a topic word in passing are no run', () => {
    const view = buildDocView('x', [
      chunk(
        'x',
        0,
        'x',
        ['全县养老服务稳步推进，床位数持续增加。', '今年要完善养老服务补贴，加大投入。', '全县养老服务人才短缺。'].join(
          '\n',
        ),
      ),
    ]);
    expect(paragraphRun(view, 1)).toBeNull();
  });

  it('answers the list question with the three challenges and their count', async () => {
    const r = await ask(DOC, '养老面临的挑战源自哪三个方面');
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('资金缺口');
    expect(r.answer).toContain('人手不足');
    expect(r.answer).toContain('观念滞后');
    expect(r.answer).toMatch(/三个/u);
  });
});
