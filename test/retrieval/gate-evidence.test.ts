/**
 * The not-found gate reads the evidence: on a small synthetic corpus, questions worded differently
 * from the text (colloquial forms, a document named by its speaker or column) are answered, and near
 * misses — the topic is there, the asked detail is not (no figure of the kind asked, a place the
 * passage does not name, a plan where the question asks what was done) — are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { doc } from '../helpers/corpus-doc.js';
import {
  checksYear,
  countMeasure,
  coverage,
  focusUnits,
  holdsKind,
  passageHaystack,
  queryUnits,
} from '../../src/retrieval/confidence.js';
import { countedNoun, detailKinds, detailKindsMet, enumeratesNoun } from '../../src/retrieval/answer-type.js';
import { questionConstraints } from '../../src/retrieval/constraints.js';
import { authorAliases } from '../../src/retrieval/fields.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/retriever.js';

const DOCS: CorpusDocument[] = [
  doc(
    'rail',
    '城际铁路建设攻坚纪实',
    '城际铁路项目专班成立以来，先后召开论证会70多次。城际铁路设计时速350公里，总投资380亿元。当前，城际铁路正全速推进，确保按期建成。',
  ),
  doc(
    'longyou',
    '龙游县党建指导员入企工作',
    '龙游县优选优配100名党建指导员入企，按季度开展座谈交流。党建指导员重点帮助企业健全党组织、规范组织生活。',
    { author: '中共龙游县委组织部' },
  ),
  doc(
    'kaihua',
    '开化县党建指导员联系民营企业',
    '开化县选派50名党建指导员，每名指导员重点联系指导2家民营企业。指导员每月走访企业一次。',
    { author: '中共开化县委组织部' },
  ),
  doc(
    'meeting',
    '周二无会日制度',
    '市县两级规定每周二为“无会日”，当前机关原则上不召开会议。无会日当天，干部下沉一线走访企业、解决问题。',
  ),
  doc(
    'speech',
    '在全县组织工作会议上的讲话',
    '同志们：今年要重点抓好三项工作。一是抓好干部队伍建设。二是抓好基层组织建设。三是抓好人才工作。',
    { author: '县委书记 王建国', section: '领导讲话' },
  ),
  doc(
    'alliance',
    '柯城区红色物业联盟建设',
    '柯城区深化“红色物业联盟”，推动物业公司党组织全覆盖。今年计划组建5个“红色物业联盟”联合党委。',
    { author: '中共衢州市柯城区委组织部' },
  ),
];

let retriever: HybridRetriever;
beforeAll(async () => {
  retriever = await buildRetriever(DOCS);
});

const answerable = async (q: string) => (await retriever.search(q, 5)).answerable;

describe('reworded questions are answered', () => {
  it('a colloquial form counts as its written form in the coverage (眼下 → 当前, 礼拜二 → 周二)', async () => {
    const q = '眼下礼拜二还开不开会';
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, q);
    expect(units.find((u) => u.word === '礼拜二')?.alts).toContain('周二');
    const hay = passageHaystack(retriever.lexical.chunks.find((c) => c.docId === 'meeting')!);
    const withForms = coverage(units, hay).coverage;
    const wordsOnly = coverage(
      units.map(({ alts: _alts, ...u }) => u),
      hay,
    ).coverage;
    expect(withForms).toBeGreaterThan(wordsOnly);
    expect(await answerable(q)).toBe(true);
  });

  it('a document named by its speaker and kind (王书记那篇讲话) is found and answered', async () => {
    expect(authorAliases('县委书记 王建国')).toEqual(expect.arrayContaining(['王书记', '王建国书记']));
    const q = '王书记那篇讲话今年要抓好哪几项工作';
    const r = await retriever.search(q, 5);
    expect(r.hits[0]?.chunk.docId).toBe('speech');
    expect(r.answerable).toBe(true);
  });

  it('a figure of the kind asked, in the unit asked, answers (总投资多少钱 → 380亿元)', async () => {
    expect(await answerable('城际铁路总投资是多少钱')).toBe(true);
  });

  it('a comparison of two places is answered from a passage for each', async () => {
    expect(await answerable('龙游和开化派进企业的党建指导员各多少名')).toBe(true);
  });
});

describe('near misses are refused', () => {
  it('the topic is there but no figure of the kind asked (多少个站)', async () => {
    const { decision } = retriever.explain('城际铁路全线一共设多少个站', 10);
    expect(decision.features?.kind).toBe(0);
    expect(await answerable('城际铁路全线一共设多少个站')).toBe(false);
  });

  it('a place the passages do not name, even in a comparison', async () => {
    expect(await answerable('龙游和江山派进企业的党建指导员各多少名')).toBe(false);
  });

  it('a figure of the kind asked only in another place’s passage does not answer', async () => {
    // “2家民营企业” is Kaihua's; the Longyou passage gives no count of enterprises.
    const { decision } = retriever.explain('龙游党建指导员每人要联系几家企业', 10);
    expect(decision.features?.kind).toBe(0);
    expect(await answerable('龙游党建指导员每人要联系几家企业')).toBe(false);
  });

  it('what was done is not answered by a plan; the plan is', async () => {
    expect(await answerable('柯城今年计划组建几个红色物业联盟联合党委')).toBe(true);
    expect(await answerable('柯城红色物业联盟联合党委去年实际建了几个')).toBe(false);
  });
});

describe('words naming the form of the answer count little', () => {
  it('标题/原话/原文 weigh as wording, so a passage without them still covers the question', async () => {
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, '王书记那篇讲话第一项工作的原话');
    for (const w of ['原话']) expect(units.find((u) => u.word === w)?.wording).toBe(true);
    expect(await answerable('县委书记讲话里第一项工作的原话是什么')).toBe(true);
  });
});

describe('an address, a clock time or a year asked for must be in the answering sentences', () => {
  it('reads the finer kind a question asks, not a place or time it only mentions', () => {
    expect(detailKinds('研究院地址在哪 怎么过去')).toEqual(['place']);
    expect(detailKinds('明天几点开会')).toEqual(['clock']);
    expect(detailKinds('城际铁路哪一年建成')).toEqual(['year']);
    // 在哪些行业 lists; 算在哪里的 asks a category; 讲了几点 counts points.
    expect(detailKinds('在哪些行业先行先试')).toEqual([]);
    expect(detailKinds('待遇是算在哪里的')).toEqual([]);
    expect(detailKinds('意义讲了几点')).toEqual([]);
  });

  it('holds when a sentence gives one (an address, an hour, a year), not a date of another kind', () => {
    expect(detailKindsMet('编辑部在哪', ['地 址 衢州市行政中心大楼9楼'])).toBe(true);
    expect(detailKindsMet('电站在哪个地方', ['项目落户于黄坛口乡'])).toBe(true);
    expect(detailKindsMet('明天几点开会', ['每周二原则上不开会。'])).toBe(false);
    expect(detailKindsMet('明天几点开会', ['会议上午9:30开始。'])).toBe(true);
    expect(detailKindsMet('哪一年建成', ['确保3月底前按期建成。'])).toBe(false);
    expect(detailKindsMet('哪一年建成', ['2018年全线开工。'])).toBe(true);
  });

  it('refuses a near miss that asks for a year the passages do not give (每周二 is a date, not a year)', async () => {
    const { decision } = retriever.explain('周二无会日制度是哪一年开始实行的', 10);
    expect(decision.features?.kind).toBe(0);
    expect(await answerable('周二无会日制度是哪一年开始实行的')).toBe(false);
    expect(await answerable('周二无会日是每周哪天')).toBe(true);
  });
});

describe('the focus of a question: what is asked about, next to the question word', () => {
  it('the words next to the question word weigh most (全长 in 全长多少公里)', () => {
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, '城际铁路全长多少公里');
    const d = Object.fromEntries(units.map((u) => [u.word, u.distance]));
    expect(d.全长).toBe(0);
    expect(d.城际铁路 ?? d.铁路).toBeGreaterThan(0);
    const focused = Object.fromEntries(focusUnits(units).map((u) => [u.word, u.weight]));
    const plain = Object.fromEntries(units.map((u) => [u.word, u.weight]));
    expect(focused.全长).toBe(plain.全长);
    expect(focused.城际铁路 ?? focused.铁路).toBeLessThan(plain.城际铁路 ?? plain.铁路!);
  });

  it('with no question word the end of the question is its focus', () => {
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, '周二无会日干部下沉一线');
    const last = units[units.length - 1]!;
    expect(last.distance).toBe(0);
    expect(units[0]!.distance).toBeGreaterThan(0);
  });

  it('a figure of the kind asked about another attribute leaves the focus uncovered', () => {
    // The passage gives the design speed in 公里, not the length: the kind (a number in 公里) is there,
    // what is asked about (全长) is not.
    const asked = retriever.explain('城际铁路全长多少公里', 10).decision.features!;
    const given = retriever.explain('城际铁路设计时速多少公里', 10).decision.features!;
    expect(asked.kind).toBe(1);
    expect(asked.focusSentence).toBeLessThan(given.focusSentence);
    expect(asked.focus).toBeLessThan(given.focus);
  });
});

describe('the question is read in its own parts', () => {
  it('a question phrase glued to the next word (哪天批的) makes no made-up topic word', () => {
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, '常青藤行动省委书记哪天批的');
    expect(units.map((u) => u.word)).not.toContain('天批');
    expect(units.map((u) => u.word)).toEqual(expect.arrayContaining(['常青藤', '省委书记', '批']));
  });

  it('spaces part a chat question: 分几类 is no measure of 总共多少', async () => {
    // Read whole, 多少…几类 would ask for a count in 类.
    expect(countMeasure('龙游县党建指导员总共多少分几类')).toBe('类');
    expect(await answerable('龙游县 党建指导员 总共多少 分几类')).toBe(true);
  });
});

describe('a rewritten follow-up is gated on what the new message asks', () => {
  it('the previous question’s kind does not sink it, the new one’s does', async () => {
    // “城际铁路论证会开了多少次” then “那设计时速呢”: rewritten with the topic, the query asks for a count
    // (多少次) and a speed; the passage holds both. Then “全线一共设多少个站” asks for a count of stations
    // the passage does not hold, whatever the previous question asked.
    // (Read alone, each space-separated part asks its own kind: the stations sink it too.)
    const query = '城际铁路论证会开了多少次 全线一共设多少个站';
    const asOld = (await retriever.search(query, 5, { asked: '城际铁路论证会开了多少次' })).answerable;
    const asNew = (await retriever.search(query, 5, { asked: '全线一共设多少个站' })).answerable;
    expect(asNew).toBe(false);
    expect(asOld).toBe(true);
  });

  it('a new message that asks no kind of its own keeps the previous question’s', async () => {
    const query = '城际铁路全线一共设多少个站 那设计时速呢';
    const { decision } = await retriever.searchDetailed(query, 5, { asked: '那设计时速呢' });
    const whole = await retriever.searchDetailed(query, 5);
    expect(decision.features?.kind).toBe(whole.decision.features?.kind);
  });
});

describe('answer kinds read the question’s own wording', () => {
  it('a unit in quotes is a figure; a bare quoted code is a name unless a code is asked', () => {
    expect(holdsKind('number', '实现“30天压缩到1小时”。', '办证时间压到多少')).toBe(true);
    expect(holdsKind('number', '实施“365”培养工程。', '培养工程有多少个')).toBe(false);
    expect(holdsKind('number', '实施年轻干部“365”培养工程。', '那个工程是几几几来着')).toBe(true);
    expect(holdsKind('number', '公众号微信号：yuechengZG。', '公众号的微信号是多少')).toBe(true);
  });

  it('durations in minutes; a measure word only when it is one', () => {
    expect(holdsKind('number', '服务专员30分钟内到达企业。', '多久有人上门')).toBe(true);
    expect(countMeasure('全市报上来多少项目')).toBeNull();
    expect(countMeasure('每人联系几家企业')).toBe('家');
    expect(countMeasure('高铁全长多少公里')).toBe('公里');
    expect(holdsKind('number', '全市申报示范创建项目320个。', '全市报上来多少项目')).toBe(true);
    expect(holdsKind('number', '设计时速350公里。', '全线设了多少个站')).toBe(false);
  });

  it('a magnitude with its unit (多少万千瓦) needs a figure in that unit, at any magnitude', () => {
    expect(countMeasure('电站装机容量是多少万千瓦')).toBe('万千瓦');
    expect(holdsKind('number', '电站项目总投资73亿元。', '电站装机容量是多少万千瓦')).toBe(false);
    expect(holdsKind('number', '电站装机容量120万千瓦。', '电站装机容量是多少万千瓦')).toBe(true);
    expect(holdsKind('number', '总投资7300万元。', '项目投资多少亿元')).toBe(true);
  });

  it('a year put up for checking is the claim, not a constraint on the passage', () => {
    const year = (q: string) => questionConstraints(q).find((c) => c.kind === 'year')!;
    expect(checksYear('区委组织部拿的优秀单位是2019年度的？', year('区委组织部拿的优秀单位是2019年度的？'))).toBe(true);
    expect(checksYear('常青藤是不是2019年批的', year('常青藤是不是2019年批的'))).toBe(true);
    expect(checksYear('越城2019年引进了多少人才', year('越城2019年引进了多少人才'))).toBe(false);
    expect(checksYear('2019年的目标是多少？', year('2019年的目标是多少？'))).toBe(false);
  });

  it('copies of something printed are counted in 本, 份 or 册 alike', () => {
    expect(holdsKind('number', '编印发放政策摘要小册子1000份。', '小册子印了多少本')).toBe(true);
    expect(holdsKind('number', '走访企业1000家。', '小册子印了多少本')).toBe(false);
  });

  it('the question’s 几X with a figure in its place, or the counted noun enumerated', () => {
    expect(holdsKind('number', '实行“四考合一”评议办法。', '年度评议是几考合一')).toBe(true);
    expect(holdsKind('number', '下设规划设计组，政策协调组，信访维稳组，宣传报道组等。', '专班下面分了几个组')).toBe(
      true,
    );
    expect(holdsKind('number', '专班下设若干工作组。', '专班下面分了几个组')).toBe(false);
  });

  it('who is answered by the role asked about', () => {
    expect(holdsKind('who', '副主编 冯轲 陈新龙', '杂志的主编和副主编都是谁')).toBe(true);
    expect(holdsKind('who', '本期刊发了三篇文章。', '杂志的主编是谁')).toBe(false);
  });
});

describe('a count or list question prefers the passage enumerating what it counts', () => {
  it('finds the counted noun and the enumeration', () => {
    expect(countedNoun('组织工作要抓住哪三个性')).toBe('性');
    expect(countedNoun('卷首语里讲的几种思维 列一下')).toBe('思维');
    expect(countedNoun('要坚持哪几条原则')).toBe('原则');
    expect(countedNoun('资规局几月挂牌')).toBeNull();
    expect(enumeratesNoun('必须牢牢把握政治性、时代性、规律性，解放思想。', '性')).toBe(true);
    expect(enumeratesNoun('要增强工作的系统性。', '性')).toBe(false);
  });

  it('ranks the enumerating passage first (and not with the piece turned off)', async () => {
    const docs = [
      doc('a', '组织工作要把握的原则', '组织工作要把握原则，坚持原则不动摇，原则问题必须讲清楚。组织工作要坚持原则。'),
      doc('b', '组织工作要把握的要求', '组织工作要坚持政治原则、民主原则、公开原则，确保工作质量。'),
    ];
    const on = await buildRetriever(docs);
    const off = await buildRetriever(docs, { ranking: { enumeration: false } });
    const q = '组织工作要坚持哪三个原则';
    expect((await on.search(q, 2)).hits[0]?.chunk.docId).toBe('b');
    expect((await off.search(q, 2)).hits[0]?.chunk.docId).toBe('a');
  });
});
