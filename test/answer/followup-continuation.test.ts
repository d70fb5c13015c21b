/**
 * Follow-ups: a message naming a place of its own (a short county name jieba does not tag) starts a new
 * topic; a follow-up asking a number the previous answer did not hold is answered by the sentence right
 * after it; one whose answer is in the previous sentence itself still gets that clause.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.js';
import { placesIn, ruleRewrite, swapsSlot } from '../../src/answer/followup.js';
import { withoutCounts } from '../../src/answer/question-kind.js';
import { defaultTokenizer } from '../../src/retrieval/tokenizer.js';
import type { Chunk } from '../../src/retrieval/types.js';
import type { Turn } from '../../src/answer/types.js';
import { chunk, depsOver, turnAfter } from './fixtures.js';

const turn = turnAfter;

/** A first turn the library could not answer: it cited nothing, and remembers it was refused. */
function refusedTurn(q: string): Turn {
  return { question: q, standaloneQuery: q, answerSummary: '未找到', docIds: [], at: 0, memory: { refused: true } };
}

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

describe('the same question of another place', () => {
  it('takes the counts off counted names: the other place may list a different number', () => {
    const segment = (t: string) => defaultTokenizer().segment(t);
    expect(withoutCounts('江山 七大员 列一下', segment)).toBe('江山 大员 列一下');
    expect(withoutCounts('出台十条措施', segment)).toBe('出台条措施');
    // Not a word holding a numeral (进一步), nor a count that is asked (几条).
    expect(withoutCounts('进一步加强 有几条', segment)).toBe('进一步加强 有几条');
  });

  it('“那B呢” after a counted list of A is answered with B’s list, not A’s again', async () => {
    const DOC: Chunk[] = [
      chunk('report', 0, '退职干部发挥作用', '越城区设置政策宣讲员、矛盾调解员、项目督导员等三大员，助力重点工作。'),
      chunk(
        'report',
        1,
        '退职干部发挥作用',
        '柯城区启动银发行动，组织退职干部重返一线。在最前沿检验担当，设立招商联络员、环境观察员等“两大员”岗位。',
      ),
    ];
    const deps = depsOver(DOC);
    const q = '越城 三大员 列一下';
    const first = await answerQuestion(q, deps);
    expect(first.answer).toContain('政策宣讲员');
    const r = await answerQuestion('那柯城呢', deps, { history: [turn(q, first)] });
    expect(r.standaloneQuery).toContain('柯城');
    expect(r.standaloneQuery).not.toContain('三大员');
    expect(r.answer).toContain('招商联络员');
    expect(r.answer).not.toContain('政策宣讲员');
  });
});

describe('a follow-up after a refused question', () => {
  it('carries the topic of the document the refused question found best', async () => {
    const DOC: Chunk[] = [
      chunk(
        'alliance',
        0,
        '组团式引才行动',
        '县里组织企业成立产业引才联盟，由成员单位组建引才专员队伍。联盟将专家资源库向成员单位共享，企业加入后可精准对接人才。',
      ),
      chunk(
        'community',
        0,
        '街道社区共建',
        '推动街道社区契约共建，做到资源共享、活动共联、考评共管，以后每年评议一次。',
      ),
    ];
    const deps = depsOver(DOC);
    const q = '几家特种纸企业想抱团引才，县里有这种联盟吗';
    const refused = refusedTurn(q);
    const r = await answerQuestion('加入以后能共享点啥', deps, { history: [refused] });
    expect(r.followUp).toBe(true);
    expect(r.answer).toContain('专家资源库');
  });
});

describe('a follow-up after a refused question, between two documents', () => {
  it('prefers the document the refused question found best', async () => {
    const DOC: Chunk[] = [
      chunk(
        'cadres',
        0,
        '机关干部年度考核',
        '机关干部分类来考评，按照优秀、称职、基本称职三类来考评，分几类考评结果与评优挂钩。',
      ),
      chunk(
        'retired',
        0,
        '实施“常青藤”行动 推动退职干部退有所为',
        '县委启动“常青藤”行动，组织退职干部重返一线。退职干部按照企业服务组、其他类别组和留在原单位组分类考评。',
      ),
    ];
    const deps = depsOver(DOC);
    const q = '常青藤行动的退职干部一年办公经费给多少钱';
    const refused = refusedTurn(q);
    const r = await answerQuestion('那分哪几类来考评', deps, { history: [refused] });
    expect(r.answer).toContain('企业服务组');
  });
});

describe('the same question of another year', () => {
  it('“那去年呢” swaps the year of the previous question instead of adding to it', () => {
    const prev: Turn = {
      question: '甲县今年培训多少人',
      standaloneQuery: '甲县今年培训多少人',
      answerSummary: '……',
      docIds: [],
      at: 0,
    };
    const q = ruleRewrite('那去年呢', [prev]);
    expect(q).toContain('甲县去年培训多少人');
    expect(q).not.toContain('今年');
    expect(swapsSlot('那去年呢', [prev])).toBe(true);
    expect(swapsSlot('具体怎么培训', [prev])).toBe(false);
  });
});
