/**
 * Answer structure for lists and names (ans5):
 * - “一共几条？第四条是啥”: the count before item N, and the list remembered for “第六条呢” next;
 * - a lead-in naming its items by count (“五个一批”) whose headings stand apart, each over its body;
 * - “365分别是指啥”: the definitions of the name's parts that follow the sentence;
 * - a follow-up is not answered by the part of the previous answer that answered the previous question.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, type Turn } from '../../src/answer/index.js';
import { sameAnswer } from '../../src/answer/answer-question.js';
import { countLead, kindOf, partLabelAsked } from '../../src/answer/extractive.js';
import { partLabel } from '../../src/answer/lists.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, depsOver, turnAfter } from './fixtures.js';

const turn = turnAfter;

const PATHS: Chunk[] = [
  chunk(
    'paths',
    0,
    '数字经济人才“六个一”路径',
    [
      '江山探索数字经济人才发展“六个一”路径。',
      '（一）制定一个“发展规划”。科学制定人才发展规划。',
      '（二）出台一项“专项政策”。出台人才发展专项政策。',
      '（三）启动一项“引才工程”。实施人才引育工程。',
      '（四）构建一个“培育体系”。启动“企业名家培养计划”。',
      '（五）搭建一批“发展平台”。培育第三方服务机构。',
      '（六）做优一个“留才环境”。开展“英才贷”等金融服务。',
      '',
      '风口已至，未来已来。江山发展数字经济是一种时代责任。',
    ].join('\n'),
  ),
  chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
];

describe('count with item N, and the list kept for the next item', () => {
  it('says how many, gives item N, and answers “第六条呢” from the same list', async () => {
    const deps = depsOver(PATHS);
    const q = '江山数字经济人才“六个一”路径一共几条？第四条是啥';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toMatch(/^共六条；/u);
    expect(first.answer).toContain('构建一个“培育体系”');
    expect(first.memory?.items).toHaveLength(6);
    // One item was shown: “还有吗” must not be told the list was complete.
    expect(first.memory?.inline).toBe(true);
    const next = await answerQuestion('第六条呢', deps, { history: [turn(q, first)] });
    expect(next.answer).toContain('做优一个“留才环境”');
    // The last item's body stops at its paragraph: the closing paragraph is not part of it.
    expect(next.answer).not.toContain('风口已至');
  });

  it('no count when the question asks none, nor one that contradicts the count it states', () => {
    expect(countLead('第四条是啥', 6, '条')).toBe('');
    expect(countLead('一共几条？第四条是啥', 6, '条')).toBe('共六条；');
    expect(countLead('“五个一批”一共几条？第二条是啥', 2, '条')).toBe('');
  });
});

const BATCHES: Chunk[] = [
  chunk(
    'batches',
    0,
    '开化“五个一批”服务民营企业',
    [
      '开化县委组织部实施“五个一批”服务载体，真情实招服务民营经济。',
      '一批组工干部组团联企，做实精准服务。',
      '组建服务团队20支，结对联系企业100家。',
      '一批干部专业能力培训，提升服务水平。',
      '组建讲师团，开展专题培训。',
      '一批企业产业课题调研，谋好发展举措。',
      '围绕产业发展开展课题调研。',
      '一批民企党建示范创建，推进“双强争先”。',
      '选派50名党建指导员。',
      '一批高层次人才引聚，创新驱动发展。',
      '引进高层次人才30名。',
    ].join('\n'),
  ),
];

describe('items named by a count, as headings standing apart', () => {
  it('finds the five “一批…” headings and gives the second', async () => {
    const deps = depsOver(BATCHES);
    const q = '开化“五个一批”一共几条？第二条是啥';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('共五条；');
    expect(first.answer).toContain('一批干部专业能力培训');
    const next = await answerQuestion('第四条呢', deps, { history: [turn(q, first)] });
    expect(next.answer).toContain('一批民企党建示范创建');
  });

  it('“都是哪五个” lists all five headings with their count, not the lead-in', async () => {
    const got = await answerQuestion('开化那个五个一批都是哪五个', depsOver(BATCHES));
    expect(got.answer).toContain('共五个');
    for (const h of ['一批组工干部组团联企', '一批干部专业能力培训', '一批高层次人才引聚'])
      expect(got.answer).toContain(h);
    expect(got.answer).not.toContain('组建讲师团');
  });
});

const GRID: Chunk[] = [
  chunk(
    'grid',
    0,
    '柯城城市基层党建',
    [
      '建好一个体系，就是要做实“网格365”治理体系。所谓“网格365”，就是指网格全覆盖无死角，365天都能为民办事。3，是指全科网格、智慧网格、清廉网格“三网合一”；6，是指力量、平台、',
      '职责、考评、经费、监督等“六个打通”；5，是指窗口办、随时办、联合办、自治办、公开办等“五个办理”。通过“前端+后台”，实现“五个有”目标。',
    ].join('\n'),
  ),
  chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
];

describe('the parts of a name', () => {
  it('reads a label a sentence defines', () => {
    expect(partLabel('3，是指全科网格、智慧网格')).toBe('3');
    expect(partLabel('通过“前端+后台”，实现目标。')).toBeNull();
  });

  it('accepts the parts of a number the question names (三六五 read as 365), or any part for 分别', () => {
    expect(partLabelAsked('网格三六五到底啥意思')('6')).toBe(true);
    expect(partLabelAsked('网格365啥意思')('7')).toBe(false);
    expect(partLabelAsked('这几个数分别指什么')('甲')).toBe(true);
  });

  it('“3、6、5分别是指啥” gets each part’s definition, across the line break', async () => {
    const r = await answerQuestion('柯城网格365，这个3、6、5分别是指啥', depsOver(GRID));
    expect(r.answer).toContain('全科网格、智慧网格、清廉网格');
    expect(r.answer).toContain('职责、考评、经费、监督');
    expect(r.answer).toContain('窗口办、随时办、联合办、自治办、公开办');
    expect(r.answer).not.toContain('前端+后台');
  });
});

const BASE: Chunk[] = [
  chunk(
    'base',
    0,
    '传承基地建设',
    [
      '二、要建一个什么样的传承基地',
      '我们的目标是打造一个有地域特色的传承基地。所以，在建设过程中，总体要求就是“知行合一”，具体来说：',
      '“知”指的是文化输出。具体是要建设干部教育培训中心。计划在小学原址上建成培训中心。',
      '“行”指的是实践感受。要把周边的红色资源串成一条线，形成红色之旅带，让每一个来的人在实地参观中',
      '感受精神的力量。',
      '“合”指的是市场融合。基地会花费大量资金，要引入市场机制。',
      '“一”指的是一个目标。要争取纳入全省干部教育培训基地。',
      '三、怎么样去建设传承基地',
      '一要突出党建引领。二要强化人员支撑。',
    ].join('\n'),
  ),
  chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
];

describe('parts defined at the openings of paragraphs', () => {
  it('“知行合一分别指啥” gets each paragraph’s defining sentence, not the section around the lead-in', async () => {
    const r = await answerQuestion('传承基地“知行合一”四个字分别指啥', depsOver(BASE));
    for (const d of ['“知”指的是文化输出', '“行”指的是实践感受', '“合”指的是市场融合', '“一”指的是一个目标'])
      expect(r.answer).toContain(d);
    // The elaboration of each part and the next section are not part of it.
    expect(r.answer).not.toContain('培训中心');
    expect(r.answer).not.toContain('突出党建引领');
  });
});

describe('a part of the previous answer', () => {
  const prev: Turn = {
    question: '干部分档考核 末位 比例',
    standaloneQuery: '干部分档考核 末位 比例',
    answerSummary:
      '要近距离走近干部，每半年进行考核赋分，评出“一档、二档、三档”，并实行末位淘汰，按照1%比例倒排一批排名靠后的干部列入“第三档”。[1]',
    docIds: ['d'],
    at: 0,
  };

  it('is said again when it holds the clause that answered the previous question', () => {
    expect(
      sameAnswer('评出“一档、二档、三档”，并实行末位淘汰，按照1%比例倒排一批排名靠后的干部列入“第三档”。[1]', prev),
    ).toBe(true);
  });

  it('is news when it is another part of that sentence', () => {
    const other: Turn = {
      ...prev,
      question: '周二无会日 啥意思',
      standaloneQuery: '周二无会日 啥意思',
      answerSummary: '建立“周二无会日”制度，这一天原则上不开会，所有联网干部全部下到基层治理一线，服务群众。[1]',
    };
    expect(sameAnswer('所有联网干部全部下到基层治理一线，服务群众。[1]', other)).toBe(false);
  });
});

describe('lists named by the question', () => {
  it('a run of keywords naming a count of a noun asks for those items', () => {
    expect(kindOf('卷首语 三个质量').list).toBe(true);
    expect(kindOf('卷首语 质量').list).toBe(false);
    // A follow-up's query carries the previous topic's count: not its own list question.
    expect(kindOf('人才三张图 路径图 具体', true).list).toBe(false);
  });

  const EFFECTS: Chunk[] = [
    chunk(
      'effects',
      0,
      '开化中层干部跨部门竞争上岗',
      [
        '三、预期效果',
        '',
        '1.优化干部结构，加快培养年轻干部。通过开展中层干部跨部门竞争上岗，优化各单位干部结构。',
        '',
        '2.探索管理机制，激发干部队伍活力。通过开展中层干部跨部门竞争上岗，拓宽中层干部选任渠道。',
        '',
        '3.转变干部作风，打造最优营商环境。通过开展中层干部跨部门竞争上岗，提升机关效能。',
      ].join('\n'),
    ),
    chunk('other', 0, '人才公寓', '人才公寓共有房源200套，面向引进人才出租。'),
  ];

  it('a sentence in an item’s body brings the list when its heading is what the question names', async () => {
    const r = await answerQuestion('开化中层干部竞争上岗预期会带来哪些效果？', depsOver(EFFECTS));
    expect(r.answer).toContain('共三条');
    expect(r.answer).toContain('优化干部结构，加快培养年轻干部');
    expect(r.answer).toContain('转变干部作风，打造最优营商环境');
  });
});

const MEASURES: Chunk[] = [
  chunk(
    'measures',
    0,
    '以“品质党建”服务民营经济',
    [
      '全面落实全市组织部门服务民营经济“五百行动”部署，开展“联企送服务”专项行动，建立部机关干部联系帮扶民营企业制度，结对挂联工业制造、数字经济、美丽经济、科技创新4大类29家龙头企业，开展“主动+定期”互动服务、“线上+线下”问题收集、构建“清单+督考”问题处置闭环。',
    ].join('\n'),
  ),
];

describe('item N only from an answer that was a list', () => {
  it('a run of 、 in passing in a long answer is no list: 第三条 says so instead of inventing “第三条：…”', async () => {
    const deps = depsOver(MEASURES);
    const q = '组织部门怎么帮民营企业 有啥具体做法';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('联企送服务');
    const next = await answerQuestion('那第三条呢', deps, { history: [turn(q, first)] });
    expect(next.answer).not.toMatch(/^第三条：/u);
    expect(next.answer).toContain('不是分条列举');
  });
});
