/**
 * The not-found gate's structural evidence checks (src/retrieval/evidence.ts): what is asked must be bound
 * to what it is asked about in the sentences that could answer — a figure in the clause of the thing
 * counted, the items where the set is named, a place of the kind asked. On a small synthetic corpus the
 * near misses (the topic is there, a figure of another thing or only the set's name) are refused and the
 * questions the passages do answer are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { doc } from '../helpers/corpus-doc.js';
import { followingSentences, holdsKind } from '../../src/retrieval/confidence.js';
import {
  countedThing,
  figureBound,
  namedSetCount,
  namesPlace,
  namesThing,
  PLACE_TYPE_CUE,
  setItemsGiven,
  smallNumber,
  yearOfFigure,
  yearsNamed,
} from '../../src/retrieval/evidence.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/retriever.js';

const DOCS: CorpusDocument[] = [
  doc(
    'rail',
    '城际铁路建设攻坚纪实',
    '城际铁路项目专班成立以来，先后召开论证会70多次。城际铁路设计时速350公里，总投资380亿元。当前，城际铁路正全速推进，确保按期建成。',
  ),
  doc(
    'schools',
    '全市学校党建工作要点',
    '开展全市中小学校党组织标准化规范化建设，创建22个“行业示范点”，开展“一校一品”党建品牌创建活动。全市共有学校党组织315个，其中党委12个。',
  ),
  doc(
    'action',
    '常山县基层党建“510”服务行动',
    '实施基层党建“510”服务行动，推动十家重点企业高效发展、十个重点产业转型升级、十项重点工作有序推进。行动由县委统一部署，各乡镇抓好落实。每季度通报一次进展。',
    { author: '中共常山县委组织部' },
  ),
  doc(
    'industry',
    '以党建服务民营经济高质量发展',
    '2018年，全县规模工业实现产值217亿元，同比增长14.2%。2019年，全县规模以上工业增加值力争达到90亿元，增长9%。全县新增科技型企业30家。',
  ),
  doc('groups', '专项工作组设置', '市里成立三个专项工作组：规划设计组、政策指导组、宣传报道组。各组每月报送一次进展。'),
  doc(
    'speech',
    '在党建工作会议上的讲话',
    '同志们：今年全区要完成×个“五星支部”创建任务。要坚持政治标准，严格落实发展党员制度。',
    { section: '领导讲话' },
  ),
  doc('speech2', '在全区党建工作会议上的总结讲话', '党建工作会议开得很成功。会后要抓好传达学习，把会议精神落到实处。', {
    section: '领导讲话',
  }),
  doc('speech3', '在党建工作推进会议上的讲话', '这次党建工作会议的任务是部署全年工作。各级党组织书记要扛起责任。', {
    section: '领导讲话',
  }),
];

let retriever: HybridRetriever;
beforeAll(async () => {
  retriever = await buildRetriever(DOCS);
});

const answerable = async (q: string) => (await retriever.search(q, 5)).answerable;
const evidence = (q: string) => retriever.explain(q, 10).decision.features?.evidence;

describe('a count or amount must be a figure of the thing asked about', () => {
  it('reads the thing counted after the count word, or the attribute before it', () => {
    expect(countedThing('全市现在有多少个学校党组织')).toBe('党组织');
    expect(countedThing('绍兴2004年新建了几个博士后工作站')).toBe('工作站');
    expect(countedThing('杭衢高铁全长多少公里')).toBe('全长');
    expect(countedThing('越城红色e家APP下载量有多少')).toBe('下载量');
  });

  it('names no thing for a verb, a word of the figure’s kind, a unit the unit check reads, a place or a code', () => {
    expect(countedThing('投了多少钱')).toBeNull();
    expect(countedThing('龙游2019年规上工业总产值目标多少')).toBeNull();
    expect(countedThing('签约人数有多少')).toBeNull();
    expect(countedThing('奖金能拿多少钱')).toBeNull();
    expect(countedThing('龙游几家做特种纸的企业想抱团招人')).toBeNull();
    expect(countedThing('编辑部的传真号码是多少')).toBeNull();
  });

  it('binds a figure in the thing’s clause or the clause before, not one of another thing', () => {
    const q = '全市有多少个学校党组织';
    const fig = (c: string) => holdsKind('number', c, q);
    expect(figureBound('党组织', ['全市共有学校党组织315个，其中党委12个。'], fig)).toBe(true);
    expect(figureBound('党组织', ['从学校党组织的情况看，全市共315个。'], fig)).toBe(true);
    expect(figureBound('党组织', ['开展“一校一品”创建活动，创建22个“行业示范点”。'], fig)).toBe(false);
    expect(
      figureBound('全长', ['城际铁路设计时速350公里，总投资380亿元。'], (c) => holdsKind('number', c, '全长多少公里')),
    ).toBe(false);
    // A noun of the thing's class (data/retrieval/counted-things.txt) counts it too: 问题 ~ 事项; 问题 is no 人.
    const issues = (c: string) => holdsKind('number', c, '收集了多少问题');
    expect(figureBound('问题', ['今年以来，已归纳梳理项目落地、政策资金等15件事项。'], issues)).toBe(true);
    expect(figureBound('问题', ['共选派党建指导员50人。'], issues)).toBe(false);
    // A character of the thing is enough: the wording may differ (摸底 ~ 摸排).
    expect(
      figureBound('摸底', ['从前期摸排的情况看，本科以上人才不足百人。'], (c) =>
        holdsKind('number', c, '人才摸底有多少'),
      ),
    ).toBe(true);
  });

  it('a long thing is named by two adjacent characters of it, not by one (产值 is no 增加值)', () => {
    expect(namesThing('全县规模工业实现产值217亿元', '增加值')).toBe(false);
    expect(namesThing('规模以上工业增加值达到90亿元', '增加值')).toBe(true);
    expect(namesThing('党员志愿者服务队32支', '志愿服务队')).toBe(true);
    expect(namesThing('从前期摸排的情况看', '摸底')).toBe(true);
    const q = '工业增加值有多少亿';
    expect(
      figureBound('增加值', ['全县规模工业实现产值217亿元，同比增长14.2%。'], (c) => holdsKind('number', c, q)),
    ).toBe(false);
  });

  it('refuses an attribute the passages give no figure of, answers the one they give', async () => {
    expect(evidence('城际铁路全长多少公里')).toBe(0);
    expect(await answerable('城际铁路全长多少公里')).toBe(false);
    expect(evidence('城际铁路设计时速多少公里')).toBe(1);
    expect(await answerable('城际铁路设计时速多少公里')).toBe(true);
  });

  it('answers the count from the sentence that gives it, whatever else the passage counts', async () => {
    expect(evidence('全市一共有多少个学校党组织')).toBe(1);
    expect(await answerable('全市一共有多少个学校党组织')).toBe(true);
  });
});

describe('a figure asked for a year must be that year’s', () => {
  it('reads the years a text names', () => {
    expect(yearsNamed('2018年产值217亿元，2019年度目标250亿元')).toEqual(['2018', '2019']);
    expect(yearsNamed('编号2018号文件')).toEqual([]);
  });

  it('binds a figure to the year its sentence names, or to the last year named before it', () => {
    expect(yearOfFigure(['2018'], [{ s: '2019年，增加值达到90亿元。', before: '2018年，产值217亿元。' }])).toBe(false);
    expect(yearOfFigure(['2018'], [{ s: '增加值达到90亿元。', before: '2018年，全县工业平稳运行。' }])).toBe(true);
    expect(yearOfFigure(['2018'], [{ s: '增加值达到90亿元。', before: '2018年总结|2019年，全县…' }])).toBe(false);
    // No year named anywhere: the passage's own time (the headings may hold it); no figure: not this check's.
    expect(yearOfFigure(['2018'], [{ s: '增加值达到90亿元。', before: '' }])).toBe(true);
    expect(yearOfFigure(['2018'], [])).toBe(true);
    expect(yearOfFigure([], [{ s: '2019年，增加值达到90亿元。', before: '' }])).toBe(true);
  });

  it('refuses a figure of another year the passage names, answers the year it gives', async () => {
    expect(evidence('2018年规模以上工业增加值是多少亿')).toBe(0);
    expect(await answerable('2018年规模以上工业增加值是多少亿')).toBe(false);
    expect(evidence('2019年规模以上工业增加值是多少亿')).toBe(1);
    // A year put up for checking is the claim, not a constraint: answered by the year the passage gives.
    expect(evidence('工业增加值90亿元是不是2018年的')).toBe(1);
  });
});

describe('the items of a set named by its count must be given', () => {
  it('reads the set and its count from the question', () => {
    expect(namedSetCount('柯城那10个文明城市党建示范区具体是哪10个地方？')).toEqual({ n: 10, measure: '个' });
    expect(namedSetCount('常山510行动里的十家重点企业是哪十家')).toEqual({ n: 10, measure: '家' });
    expect(namedSetCount('教育局那22个行业示范点都是哪些学校')).toEqual({ n: 22, measure: '个' });
    expect(namedSetCount('专班组建要坚持哪三条原则')).toBeNull();
    expect(smallNumber('二十二')).toBe(22);
    expect(smallNumber('十')).toBe(10);
  });

  it('a set only named is not listed; one that opens or closes its items is', () => {
    const set = { n: 10, measure: '家' };
    expect(setItemsGiven(set, [{ s: '推动十家重点企业高效发展、十个重点产业转型升级。' }])).toBe(false);
    expect(setItemsGiven(set, [{ s: '确定十家重点企业：甲公司、乙公司、丙公司等。' }])).toBe(true);
    expect(setItemsGiven(set, [{ s: '甲公司、乙公司等十家重点企业全部开工。' }])).toBe(true);
    expect(setItemsGiven(set, [{ s: '推动十家重点企业发展。', next: '一是甲公司扩产。' }])).toBe(true);
    expect(setItemsGiven(set, [{ s: '推动十家重点企业发展。', last: true }])).toBe(true);
    expect(setItemsGiven({ n: 4, measure: '个' }, [{ s: '实施“四个一批”，畅通交流渠道。' }])).toBe(true);
    // The count is never written: nothing to judge here.
    expect(setItemsGiven(set, [{ s: '重点企业高效发展。' }])).toBe(true);
  });

  it('reads a set counted in a word of its own, never a count of characters', () => {
    expect(namedSetCount('开化的“乡土八师”是哪八师')).toEqual({ n: 8, measure: '师' });
    expect(namedSetCount('开化 乡土八师 是哪八个')).toEqual({ n: 8, measure: '师' });
    expect(namedSetCount('柯城10个文明城市党建示范区分别叫什么名字')).toEqual({ n: 10, measure: '个' });
    expect(namedSetCount('20字好干部标准是哪20个字')).toBeNull();
  });

  it('reads the sentences after a passage’s end; a quoted counted name needs its items nearby', () => {
    const set = { n: 8, measure: '师' };
    expect(setItemsGiven(set, [{ s: '深化“乡土八师”品牌。', following: ['建设示范基地10家。'] }])).toBe(false);
    expect(setItemsGiven(set, [{ s: '深化“乡土八师”品牌。', following: ['做法如下。', '一是农技师。'] }])).toBe(true);
    expect(setItemsGiven({ n: 10, measure: '家' }, [{ s: '推动十家重点企业发展。', last: true, following: [] }])).toBe(
      false,
    );
    expect(
      setItemsGiven({ n: 5, measure: '化' }, [
        { s: '推行三级联创、五化并举。', following: ['阵地标准化、活动规范化、服务最优化、决策科学化、管理精细化。'] },
      ]),
    ).toBe(true);
    const chunk = (n: number, text: string) => ({
      id: `d::${n}`,
      docId: 'd',
      title: 't',
      source: null,
      date: null,
      headings: [],
      text,
    });
    const a = chunk(0, '甲。乙。');
    const b = chunk(1, '乙。丙。丁。');
    expect(followingSentences(a, 1, (c) => (c === a ? b : undefined))).toEqual(['丙。', '丁。']);
    expect(followingSentences(b, 2, () => undefined)).toEqual([]);
  });

  it('a role asked must be named where the person is', () => {
    expect(holdsKind('who', '成立临时党支部，吸纳47名党员干部。', '临时党支部的书记是哪位同志')).toBe(false);
    expect(holdsKind('who', '由县委常委、组织部长任组长。', '督查组由谁担任组长')).toBe(true);
    expect(holdsKind('who', '主编 林晓峰', '杂志的主编和副主编都是谁')).toBe(true);
    expect(holdsKind('who', '由市委组织部牵头。', '这项工作谁牵头')).toBe(true);
  });

  it('refuses the items of a set the passage only names, answers a list the passage gives', async () => {
    expect(evidence('常山510行动里的十家重点企业是哪十家')).toBe(0);
    expect(await answerable('常山510行动里的十家重点企业是哪十家')).toBe(false);
    expect(evidence('市里那三个专项工作组分别是哪三个')).toBe(1);
    expect(await answerable('市里那三个专项工作组分别是哪三个')).toBe(true);
  });
});

describe('a place of the kind asked must be named', () => {
  it('reads 哪个区 / 哪个县 as asking a place', () => {
    expect(PLACE_TYPE_CUE.test('那篇讲话是哪个区的')).toBe(true);
    expect(PLACE_TYPE_CUE.test('区里哪个部门牵头')).toBe(false);
    expect(namesPlace('中共衢州市柯城区委组织部')).toBe(true);
    expect(namesPlace('今年全区要完成×个创建任务')).toBe(false);
  });

  it('refuses 是哪个区的 when neither the passage nor its document names one; answers when the author does', async () => {
    expect(evidence('党建工作会议那篇讲话是哪个区的')).toBe(0);
    expect(await answerable('党建工作会议那篇讲话是哪个区的')).toBe(false);
    expect(evidence('510服务行动是哪个县的')).toBe(1);
    expect(await answerable('510服务行动是哪个县的')).toBe(true);
  });
});
