/**
 * Answer composition on synthetic documents: the sentence that answers (the kind asked for, a count in
 * the asked measure, items sharing the counted noun, the section under a heading, never a title line),
 * lists however they are written (a heading's own list, unmarked paragraphs under a lead-in, parallel
 * sentences, an item naming its count), and follow-ups (elliptical turns, the message's own kind, the
 * previous answer never repeated, 还有吗, item N of an item's own list, no.5).
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion, summarize, type AnswerResult, type Turn } from '../../src/answer/index.js';
import {
  asksForMore,
  clausesSharing,
  countedTargets,
  countPhraseRe,
  followUpOrdinal,
  questionKind,
} from '../../src/answer/question-kind.js';
import { continuesTopic } from '../../src/answer/followup.js';
import { buildDocView } from '../../src/answer/documents.js';
import { countedRun, definitionAfter, withoutDates } from '../../src/answer/extractive.js';
import { paragraphItems, parallelRun, sectionHeads, sectionScope } from '../../src/answer/lists.js';
import { defaultTokenizer } from '../../src/retrieval/tokenizer.js';
import type { Chunk, Retriever } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const deps = (retriever: Retriever) => ({ retriever, llm: null, logger: silentLogger });
const segment = (t: string) => defaultTokenizer().segment(t);

/** A retriever over `chunks` that exposes them (as the real one does), so answers can read whole documents. */
function over(chunks: Chunk[]): Retriever & { chunks: () => Chunk[] } {
  return Object.assign(fakeRetriever(chunks), { chunks: () => chunks });
}

function turnOf(question: string, r: AnswerResult): Turn {
  return {
    question,
    standaloneQuery: r.standaloneQuery,
    answerSummary: summarize(r.answer),
    docIds: [...new Set(r.citations.map((c) => c.docId))],
    at: 1,
    ...(r.memory ? { memory: r.memory } : {}),
  };
}

async function converse(chunks: Chunk[], ...questions: string[]): Promise<AnswerResult[]> {
  const d = deps(over(chunks));
  const history: Turn[] = [];
  const out: AnswerResult[] = [];
  for (const q of questions) {
    const r = await answerQuestion(q, d, { history: [...history] });
    out.push(r);
    history.push(turnOf(q, r));
  }
  return out;
}

describe('what a question counts', () => {
  it('finds the measure and the noun counted, asked or stated', () => {
    expect(countedTargets('当时定了几条原则', segment)).toContainEqual({
      asksCount: true,
      count: null,
      measure: '条',
      noun: '原则',
    });
    expect(countedTargets('要把握哪三个性', segment)).toContainEqual(
      expect.objectContaining({ asksCount: false, count: 3, noun: '性' }),
    );
    expect(countedTargets('这事分几步', segment)).toContainEqual(expect.objectContaining({ measure: '步' }));
  });

  it('a counted name (五化, 三员) counts the one character its items share', () => {
    expect(countedTargets('五化是哪五个', segment)).toContainEqual({
      asksCount: false,
      count: 5,
      measure: null,
      noun: '化',
    });
    expect(countedTargets('那个“三员”是哪三员', segment)).toContainEqual(
      expect.objectContaining({ count: 3, noun: '员' }),
    );
    // A numeral before an ordinary word names nothing counted.
    expect(countedTargets('三级联创怎么搞', segment).some((t) => t.noun === '级')).toBe(false);
  });

  it('“几条原则” is answered by “七条原则”, “多少问题” by “37个问题” or “问题71个”', () => {
    const [principles] = countedTargets('定了几条原则', segment);
    expect(countPhraseRe(principles!)!.test('研究提出了七条原则和八条意见')).toBe(true);
    expect(countPhraseRe(principles!)!.test('研究提出了若干原则')).toBe(false);
    const [problems] = countedTargets('解决了多少问题', segment);
    expect(countPhraseRe(problems!)!.test('其中37个问题得到解决')).toBe(true);
    expect(countPhraseRe(problems!)!.test('收集问题71个')).toBe(true);
  });

  it('counts the clauses that share a noun (a one-character noun must open or close its clause)', () => {
    expect(clausesSharing('必须把握政治性、时代性、规律性，解放思想', '性')).toBe(3);
    // “要按政策办事”: the first clause opens with its verb, not the noun.
    expect(clausesSharing('要按政策办事、按规定办事、按程序办事', '按')).toBe(2);
    expect(clausesSharing('这一特性尤为重要，要认真把握', '性')).toBe(0);
  });

  it('“几种思维 列一下” and “no.5” are read as a list and an ordinal', () => {
    expect(questionKind('讲了几种思维 列一下').list).toBe(true);
    expect(questionKind('推进举措 no.5 是啥').ordinal).toBe(5);
    expect(followUpOrdinal('No. 3 呢')).toBe(3);
    // A figure for each thing named is numbers, not a list; “分别是哪些” stays a list.
    expect(questionKind('房屋征收和坟墓搬迁签约数分别是多少').list).toBe(false);
    expect(questionKind('房屋征收和坟墓搬迁签约数分别是多少').number).toBe(true);
    expect(questionKind('两个专班分别是哪些').list).toBe(true);
    expect(asksForMore('还有吗')).toBe(true);
    expect(asksForMore('还有别的吗？')).toBe(true);
    expect(asksForMore('还有哪些企业享受补贴')).toBe(false);
  });
});

const PROJECT: Chunk[] = [
  chunk(
    'toc',
    0,
    '《甲县通讯》本期目录',
    '本期目录\n工作交流：启动当冲刺 甲县水库项目攻坚纪实（张三）\n学习贯彻：乙县人才工作综述',
  ),
  chunk(
    'reservoir',
    0,
    '甲县水库项目攻坚纪实',
    '甲县水库项目落户于石门乡，总投资12亿元。自3月5日项目启动以来，攻坚队组织党员逐户走访，首日即签约农户60户。',
  ),
];

describe('the sentence that answers', () => {
  it('a date question takes the sentence with the date, not a title line that shares its words', async () => {
    const r = await answerQuestion('甲县水库项目啥时候启动的', deps(over(PROJECT)));
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('3月5日');
    expect(r.answer).not.toContain('工作交流');
    expect(r.citations.map((c) => c.docId)).toEqual(['reservoir']);
    // The quote under the citation is the sentence that supports the answer.
    expect(r.citations[0]!.quote).toContain('3月5日');
  });

  it('a sentence naming the topic only takes the next one, which does what the question asks (能享受啥)', async () => {
    const doc = [
      chunk(
        'card',
        0,
        '人才服务工作动态',
        '【向县级拔尖人才发放健康服务卡】5月8日，县委组织部、县卫健局联合向42名县级拔尖人才发放了健康服务卡。持卡人可以在县内医院享受优先就诊、年度体检、家庭医生签约等服务。今年还将举办人才沙龙6场。',
      ),
    ];
    const r = await answerQuestion('拔尖人才健康服务卡能享受啥', deps(over(doc)));
    expect(r.answer).toContain('优先就诊');
    expect(r.answer).not.toContain('人才沙龙');
  });

  it('a term asked about that the best sentence only names as part of a whole: its definition further on in the section', async () => {
    const doc = [
      chunk(
        'base',
        0,
        '戊县研学基地建设设想',
        '二、要建一个什么样的研学基地\n在项目建设过程中，戊县研学基地的总体要求就是“学思践悟”，具体来说：\n“学”指的是理论学习。要建设培训中心。\n“思”指的是反思提升。要开设研讨课程。\n“践”指的是实地实践。要打造一条研学路线。\n“悟”指的是融会贯通。要形成研学成果。\n三、怎么建研学基地\n要推进制度融合。',
      ),
    ];
    const r = await answerQuestion('戊县研学基地 学思践悟 那个践 是啥', deps(over(doc)));
    expect(r.answer).toContain('“践”指的是实地实践');
    expect(r.answer).toContain('研学路线');
    expect(r.answer).not.toContain('理论学习');
    const view = buildDocView('base', doc);
    const at = view.sentences.findIndex((x) => x.text.includes('具体来说'));
    expect(view.sentences[definitionAfter(view, at, '践')]!.text).toContain('实地实践');
    // (Not past the section: the next outline heading ends the search.)
    expect(definitionAfter(view, at, '制度')).toBe(-1);
  });

  it('a day asked (哪天): the sentence with a day, not one whose only date is the year the question gives', async () => {
    expect(withoutDates('总结2018年工作，部署2019年任务。', '2019年的会是哪天开的')).toBe('总结2018年工作，部署任务。');
    const doc = [
      chunk(
        'meeting',
        0,
        '庚市组织部长会议',
        '这次会议总结2018年工作，部署2019年庚市组织工作任务。\n3月6日，庚市召开组织部长会议。会议对今年工作进行了部署。',
      ),
    ];
    const r = await answerQuestion('2019年庚市组织部长会议是哪天召开的', deps(over(doc)));
    expect(r.answer).toContain('3月6日');
    expect(r.answer).not.toContain('主要任务');
  });

  it('a count question takes the sentence with the count in the asked measure', async () => {
    const doc = [
      chunk(
        'reform',
        0,
        '机构改革工作总结',
        '机构改革中，局党委先后6次研究人事安排事项，10天内完成6类事项整合。坚持以人的布局保障事的布局，研究提出了七条原则和八条政策意见，通盘考虑人事方案。',
      ),
    ];
    const r = await answerQuestion('机构改革人事安排定了几条原则', deps(over(doc)));
    expect(r.answer).toContain('七条原则');
    expect(r.answer).not.toContain('6类事项');
  });

  it('a list question takes the items that share the noun it counts', async () => {
    const doc = [
      chunk(
        'preface',
        0,
        '卷首语：推进组织工作高质量发展',
        '组织工作要推进高质量发展，必须牢牢把握政治性、时代性、规律性，解放思想。推进组织工作高质量发展，要在组织工作各条线探索创新。',
      ),
    ];
    const r = await answerQuestion('推进组织工作高质量发展要把握哪三个性', deps(over(doc)));
    expect(r.answer).toContain('政治性、时代性、规律性');
  });

  it('a run introduced by the verb the question asks with is the list, not the sections that follow', async () => {
    const doc = [
      chunk(
        'ivy',
        0,
        '实施“青松”行动 推动干部退有所为',
        '此次机构改革，甲县42名干部退出领导职务，县委及时启动“青松”行动计划，建立涵盖工作流程、运行机制、日常管理、考核细则等“1+N”制度体系，率先在退出现职干部管理方面破题，以点带面、以面带全，激起全县干部的干事创业激情。我们的主要做法是：\n一、资源打通、模块运作，重整队伍再战斗。\n二、量身定岗、量化考评，好钢用在刀刃上。\n三、老兵不老、新兵亮剑，百舸争流当先锋。',
      ),
    ];
    const r = await answerQuestion('青松行动1+N制度体系涵盖哪几块', deps(over(doc)));
    expect(r.answer).toContain('工作流程、运行机制、日常管理、考核细则');
    expect(r.answer).not.toContain('资源打通');
  });

  it('a question asking two things takes a sentence for each part', async () => {
    const doc = [
      chunk(
        'editorial',
        0,
        '本刊评论员：以实干推动高质量发展',
        '真抓才能克难攻坚，要把各项目标任务细化分解落实到具体事、具体人，确保工作取得实效。组织工作头绪多、任务重，必须统筹兼顾。实干才能梦想成真，要不断强化担当意识，发扬苦干实干作风。',
      ),
    ];
    const r = await answerQuestion('评论员那篇 说真抓才能干啥 实干才能干啥', deps(over(doc)));
    expect(r.answer).toContain('克难攻坚');
    expect(r.answer).toContain('梦想成真');
    expect(r.answer).not.toContain('统筹兼顾');
  });

  it('a counted name (五化) is answered by the clauses ending with its character, not another list of as many', async () => {
    const doc = [
      chunk(
        'party',
        0,
        '在党建工作会议上的讲话',
        '重点做好以下五个方面工作：\n（一）突出抓好政治建设。\n（二）不断提升组织力。\n（三）建设高素质干部队伍。\n（四）持续提升人才服务水平。\n（五）持续加强组织部门自身建设。\n要大力实施“三级联创五化并举”，高标准打造一批党群服务中心，逐步实现阵地标准化、活动规范化、服务最优化、决策科学化和保障实效化。',
      ),
    ];
    const r = await answerQuestion('三级联创五化并举 五化是哪五个', deps(over(doc)));
    expect(r.answer).toContain('阵地标准化、活动规范化');
    expect(r.answer).not.toContain('政治建设');
  });
});

const SYSTEMS: Chunk[] = [
  chunk(
    'rules',
    0,
    '干部工作条例研究',
    '干部工作主要包括以下体系：\n1、素质培养体系。要建立源头培养、跟踪培养的素质培养体系。\n2、从严管理体系。从严监管是队伍建设的重要举措。我们考虑，这部分应建立管思想、管工作、管作风、管纪律的从严管理体系，把经验做法固化下来。\n3、正向激励体系。正向激励是激发活力的有效手段。',
  ),
  chunk(
    'rules',
    1,
    '干部工作条例研究',
    '4、应当遵循的根本原则。主要有三条：一是坚持党的全面领导。这是根本原则。二是坚持政治建设摆在首位。三是坚持改革创新。\n5、附则。重点对条例的授权规定、解释机关、施行日期等内容予以明确。',
  ),
];

describe('a heading the question is about answers with what stands under it', () => {
  it('the section’s own list, not the sibling headings', async () => {
    const r = await answerQuestion('从严管理体系要管哪几样', deps(over(SYSTEMS)));
    expect(r.answer).toContain('管思想、管工作、管作风、管纪律');
    expect(r.answer).not.toContain('正向激励体系');
  });

  it('a list under the heading keeps its lead-in, which states the count', async () => {
    const r = await answerQuestion('应当遵循的根本原则列了几条', deps(over(SYSTEMS)));
    expect(r.answer).toContain('主要有三条：');
    for (const item of ['坚持党的全面领导', '坚持政治建设摆在首位', '坚持改革创新']) expect(r.answer).toContain(item);
    expect(r.memory?.items).toHaveLength(3);
  });

  it('“附则里要写什么”: the sentence under the heading', async () => {
    const r = await answerQuestion('附则里要写清楚些啥', deps(over(SYSTEMS)));
    expect(r.answer).toContain('授权规定、解释机关、施行日期');
  });

  it('under the heading, the words the heading already has do not choose the sentence', async () => {
    const doc = [
      chunk(
        'schools',
        0,
        '教育系统党建工作要点',
        '二是要开展师德师风建设。三是要实施清廉学校建设工程。围绕打造清正教风、清新学风，加强清廉学校建设，推进廉洁文化进校园。切实加强学校关键领域监督，重点整治教育乱收费、违规办学、有偿补课等行为。\n四是要强化党建带团建。',
      ),
    ];
    const r = await answerQuestion('清廉学校建设要注意整治些啥', deps(over(doc)));
    expect(r.answer).toContain('重点整治教育乱收费、违规办学、有偿补课');
    expect(r.answer).not.toContain('党建带团建');
  });

  it('a label standing as a paragraph of its own (“课题组长：”) answers with what it introduces', async () => {
    const doc = [
      chunk(
        'study',
        0,
        '关于完善基层治理的课题研究',
        '本文围绕基层治理体系展开研究，提出三方面建议。\n\n课题负责人：\n\n李明华（市委政研室副主任）\n\n课题组成员：王芳、赵强',
      ),
    ];
    const r = await answerQuestion('基层治理课题 负责人 是谁', deps(over(doc)));
    expect(r.answer).toContain('李明华（市委政研室副主任）');
    expect(r.answer).not.toContain('王芳');
    expect(r.citations[0]?.quote).toContain('李明华');
  });

  it('the role a who-question asks labels its holder, over sentences with more of its words; a roster is read whole', async () => {
    const doc = [
      chunk(
        'study',
        0,
        '制定《寅州治理条例》研究',
        '根据省里课题任务安排，市委政研室、区委政研室专门联合成立课题调研组，深入开展制定《寅州治理条例》研究，形成课题报告。报告阐述了制定《寅州治理条例》的重要意义。\n\n课题组长：\n\n李明华（市委政研室主任）\n\n课题组成员：\n\n王芳（政研室科员）\n\n赵强（区委政研室副科长）',
      ),
    ];
    const lead = await answerQuestion('寅州治理条例那个课题组，组长是谁', deps(over(doc)));
    expect(lead.answer).toContain('李明华（市委政研室主任）');
    expect(lead.answer).not.toContain('王芳');
    const members = await answerQuestion('寅州治理条例课题组成员都有谁？', deps(over(doc)));
    expect(members.answer).toContain('王芳（政研室科员）、赵强（区委政研室副科长）');
  });

  it('a table-of-contents entry answers nothing about its subject, but answers a question about the contents', async () => {
    const doc = [
      chunk(
        'issue',
        0,
        '《寅州党建》刊物信息',
        '寅州党建 双月刊\n中共寅州市委组织部主办\n目录\n交流发言：寅州市委组织部全力打造人才生态……中共寅州市委组织部\n工作交流：卯县推行企业服务专员……卯县县委组织部',
      ),
    ];
    doc.push(
      chunk(
        'article',
        0,
        '卯县企业服务专员制度',
        '卯县从机关选派50名干部担任企业服务专员，每名专员联系3家企业，每月上门一次。',
      ),
    );
    const r = await answerQuestion('卯县推行企业服务专员是怎么做的', deps(over(doc)));
    expect(r.answer).toContain('选派50名干部担任企业服务专员');
    expect(r.answer).not.toContain('……');
    const toc = await answerQuestion('目录里卯县那篇工作交流的题目是什么', deps(over(doc)));
    expect(toc.answer).toContain('卯县推行企业服务专员');
  });

  it('a date question prefers the sentence with a specific date over one with “当前”', async () => {
    const doc = [
      chunk(
        'hero',
        0,
        '传承老书记精神',
        '当前，老书记家乡的水库项目已经启动，一批项目接连落地，体现着家乡对老书记精神的继承。老书记1931年11月生于城东村，一生扎根基层。',
      ),
    ];
    const r = await answerQuestion('老书记啥时候出生的', deps(over(doc)));
    expect(r.answer).toContain('1931年11月');
  });

  it('section headings of a sentence, nearest first; the scope of a heading', () => {
    const view = buildDocView('rules', SYSTEMS);
    const at = view.sentences.findIndex((s) => s.text.startsWith('我们考虑'));
    const heads = sectionHeads(view, at).map((i) => view.sentences[i]!.text);
    expect(heads[0]).toBe('2、从严管理体系。');
    const h = view.sentences.findIndex((s) => s.text.startsWith('2、'));
    const scope = sectionScope(view, h).map((i) => view.sentences[i]!.text);
    expect(scope.some((t) => t.startsWith('我们考虑'))).toBe(true);
    expect(scope.some((t) => t.startsWith('3、'))).toBe(false);
  });
});

describe('lists however they are written', () => {
  it('an item that names the count asked about: its sentences are the list, counted in the question’s words', async () => {
    const doc = [
      chunk(
        'talent',
        0,
        '丙县人才工作',
        '一是以能力提升年为载体，锻造专业化队伍。二是以红色行动为抓手，打响党建品牌。三是以绘好人才“三张图”为基础，实施英才计划。绘好“需求图”，摸清企业人才需求。绘好“方位图”，分层收集人才信息。绘好“路径图”，构建人才政策体系。建设人才产业园，打造创业平台。',
      ),
    ];
    const r = await answerQuestion('丙县引人才那三张图是啥', deps(over(doc)));
    expect(r.answer).toContain('共三张图：');
    for (const item of ['需求图', '方位图', '路径图']) expect(r.answer).toContain(item);
    expect(r.answer).not.toContain('能力提升年');
    expect(r.memory?.items).toHaveLength(3);
  });

  it('a sentence counting what is asked (哪几张图), when the best sentence is one of the items after it: those items', async () => {
    const doc = [
      chunk(
        'talent',
        0,
        '丁县人才工作',
        '一是以能力提升年为载体，锻造专业化队伍。二是以红色行动为抓手，打响党建品牌。三是以绘好人才“三张图”为基础，实施英才计划。绘好“需求图”，摸清企业人才需求，深入了解丁县龙头企业的发展瓶颈。绘好“方位图”，分层收集人才信息。绘好“路径图”，构建人才政策体系。建设人才产业园，打造创业平台。',
      ),
    ];
    const r = await answerQuestion('丁县摸企业人才需求画了哪几张图', deps(over(doc)));
    for (const item of ['需求图', '方位图', '路径图']) expect(r.answer).toContain(item);
    expect(r.answer).not.toContain('人才产业园');
    expect(r.memory?.items).toHaveLength(3);
    // The run after the counting sentence, read however the best sentence was chosen: exactly as many as it states.
    const view = buildDocView('talent', doc);
    const at = view.sentences.findIndex((s) => s.text.includes('三张图'));
    const targets = countedTargets('画了哪几张图', segment);
    expect(countedRun(view, at, 3, targets)?.items.map((t) => t.slice(0, 7))).toEqual([
      '绘好“需求图”',
      '绘好“方位图”',
      '绘好“路径图”',
    ]);
    expect(countedRun(view, at, 4, targets)).toBeNull();
    expect(countedRun(view, at - 1, 3, targets)).toBeNull();
  });

  it('short unmarked paragraphs under a lead-in are its items, people counted in 人', async () => {
    const doc = [
      chunk(
        'study',
        0,
        '条例课题研究报告',
        '课题组长：\n王一（市委组织部调研室主任）\n课题组成员：\n李二（调研室科员）\n赵三（两新科副科长）\n钱四（干部科副科长）',
      ),
    ];
    const view = buildDocView('study', doc);
    const lead = view.sentences.findIndex((s) => s.text === '课题组成员：');
    expect(paragraphItems(view, lead)?.items).toEqual([
      '李二（调研室科员）',
      '赵三（两新科副科长）',
      '钱四（干部科副科长）',
    ]);
    const r = await answerQuestion('课题组里还有哪些成员', deps(over(doc)));
    expect(r.answer).toContain('共三人');
    expect(r.answer).toContain('李二（调研室科员）');
  });

  it('parallel sentences naming the counted noun are a list, with their count', async () => {
    const doc = [
      chunk(
        'preface',
        0,
        '卷首语：推进改革创新',
        '身处新时代，要有新理念、新举措。坚持系统思维，把各项政策融入全局工作。坚持底线思维，以问题导向抓政策制定。坚持辩证思维，一分为二地看问题。坚持创新思维，答好自选题。',
      ),
    ];
    const view = buildDocView('preface', doc);
    const at = view.sentences.findIndex((s) => s.text.startsWith('坚持辩证思维'));
    expect(parallelRun(view, at, '思维')?.items).toHaveLength(4);
    const r = await answerQuestion('推进改革创新讲了几种思维 列一下', deps(over(doc)));
    expect(r.answer).toContain('共四种');
    for (const w of ['系统思维', '底线思维', '辩证思维', '创新思维']) expect(r.answer).toContain(w);
  });

  it('a sentence naming the counted noun in passing leads in to the parallel sentences after it', async () => {
    const doc = [
      chunk(
        'preface',
        0,
        '卷首语：推进改革创新',
        '着力提高制定政策的质量。身处新时代，要有新理念、新思维，切实以系统化、创造性思维高质量推进改革创新工作。坚持系统思维，把各项政策融入全局工作。坚持底线思维，以问题导向抓政策制定。坚持辩证思维，一分为二地看问题。坚持创新思维，答好自选题。',
      ),
    ];
    const r = await answerQuestion('提出要用哪几种思维来高质量推进改革创新工作？', deps(over(doc)));
    expect(r.answer).toContain('共四种');
    for (const w of ['系统思维', '底线思维', '辩证思维', '创新思维']) expect(r.answer).toContain(w);
  });

  it('a lead-in followed by a marked list announces that list, even with a run of 、 of its own', async () => {
    const doc = [
      chunk(
        'law',
        0,
        '制定工作条例研究',
        '制定条例，对工作的路线方针、主要内容、基本要求、工作机制作出规定，具有十分重要的意义。\n（一）制定条例，是全面从严治党的必然要求。\n（二）制定条例，是践行组织路线的有效举措。\n（三）制定条例，是推动依规治党的现实需要。',
      ),
    ];
    const r = await answerQuestion('制定条例的意义讲了几点', deps(over(doc)));
    expect(r.answer).toContain('共三点');
    expect(r.answer).toContain('全面从严治党的必然要求');
    expect(r.memory?.items).toHaveLength(3);
  });
});

describe('a run of 、 in passing', () => {
  it('is not the list asked for when the sentence is mostly something else', async () => {
    const doc = [
      chunk(
        'meaning',
        0,
        '制定工作条例研究',
        '制定工作条例，对各项工作作出系统规定，具有重要意义。\n（一）制定工作条例，是全面从严治党的必然要求。\n（二）制定工作条例，是践行组织路线的有效举措。讲制定工作条例的意义，要把组织路线的要求贯彻到条例各部分，突出德才兼备、以德为先、任人唯贤、人事相宜的用人导向，突出思想这个根本遵循，突出组织体系建设这个重点，体现制定工作条例的意义。\n（三）制定工作条例，是推动依规治党的现实需要。',
      ),
    ];
    const [first, second] = await converse(doc, '制定工作条例的意义讲了几点', '第三点呢');
    expect(first!.memory?.items).toHaveLength(3);
    expect(first!.answer).toContain('全面从严治党的必然要求');
    expect(second!.answer).toContain('推动依规治党的现实需要');
    expect(second!.answer).not.toContain('任人唯贤');
  });
});

describe('follow-ups', () => {
  const SPECIAL: Chunk[] = [
    chunk(
      'teams',
      0,
      '丁市实战砥砺干部',
      '目前，全市共组建专班96个，其中市本级专班30个，择优选派了800多名专班干部到项目一线实战历练。',
    ),
    chunk('young', 0, '丁市年轻干部工作', '2018年以来，丁市先后选派了近1500名年轻干部到基层一线锻炼。'),
    chunk('flats', 0, '戊县人才公寓管理办法', '人才公寓租金按市场价的七折收取，租期最长三年。'),
  ];

  it('an elliptical question with no topic of its own continues the previous one, from the clause that answers', async () => {
    const [first, second] = await converse(SPECIAL, '丁市全市共组建专班多少个', '派了多少干部');
    expect(first!.answer).toContain('96个');
    expect(second!.followUp).toBe(true);
    expect(second!.answer).toContain('800多名专班干部');
    expect(second!.answer).not.toContain('1500');
    // Never the previous answer again, word for word.
    expect(second!.answer.slice(0, 20)).not.toBe(first!.answer.slice(0, 20));
  });

  it('a short question with a topic of its own stands alone', async () => {
    const [, second] = await converse(SPECIAL, '丁市全市共组建专班多少个', '人才公寓租金多少');
    expect(second!.followUp).toBe(false);
    expect(second!.answer).toContain('七折');
  });

  it('continuesTopic: the previous document has the words, or the question finds nothing alone', () => {
    const prev: Turn = {
      question: '丁市专班多少个',
      standaloneQuery: '丁市专班多少个',
      answerSummary: '',
      docIds: [],
      at: 0,
    };
    const text = SPECIAL[0]!.text;
    expect(continuesTopic('派了多少干部', prev, text, { refused: false, topText: SPECIAL[1]!.text })).toBe(true);
    expect(continuesTopic('人才公寓租金多少', prev, text, { refused: false, topText: SPECIAL[2]!.text })).toBe(false);
    expect(continuesTopic('发给了多少人', prev, text, { refused: true, topText: '' })).toBe(true);
    // Found nothing alone, with words of its own the previous document never uses: a new question the library
    // does not cover, not a continuation (else the previous topic's passage is presented as its answer).
    expect(continuesTopic('个税专项附加扣除标准多少', prev, text, { refused: true, topText: '' })).toBe(false);
    // After a refused turn there is no document to compare with: the topic carries.
    expect(continuesTopic('个税专项附加扣除标准多少', prev, '', { refused: true, topText: '' })).toBe(true);
    expect(
      continuesTopic('那个关于人才公寓租金标准的规定是哪年出台的', prev, text, { refused: true, topText: '' }),
    ).toBe(false);
  });

  it('asks what its own message asks: a number after a date question', async () => {
    const doc = [
      chunk(
        'day',
        0,
        '己县亲清服务日',
        '每月第一个周二为“亲清服务日”，干部组团到企业走访，帮助解决具体问题。2019年1月，一家企业通过平台咨询，服务专员30分钟内到达。目前，已走访企业26次，收集各类问题71个，其中37个问题得到解决。',
      ),
    ];
    const [, second] = await converse(doc, '己县亲清服务日是每个月哪天', '到现在帮企业解决了多少问题');
    expect(second!.answer).toContain('37个问题得到解决');
  });

  it('after a refusal the previous question’s topic is kept, without what it asked', async () => {
    const doc = [
      chunk('notice', 0, '庚市部署开展“三服务”活动', '日前，庚市委组织部印发通知，部署全市组织系统开展“三服务”活动。'),
    ];
    const strict = over(doc);
    // The gate refuses anything that asks for a date the passage does not have.
    const gated: Retriever = {
      ...strict,
      search: async (q: string, k?: number) => {
        const r = await strict.search(q, k);
        return { ...r, answerable: r.answerable && !/几月|几号/u.test(q) };
      },
    };
    const d = deps(Object.assign(gated, { chunks: () => doc }));
    const first = await answerQuestion('庚市三服务那个通知具体是几月几号印发的', d);
    expect(first.grounded).toBe(false);
    const second = await answerQuestion('那是哪个单位发的', d, {
      history: [turnOf('庚市三服务那个通知具体是几月几号印发的', first)],
    });
    expect(second.grounded).toBe(true);
    expect(second.answer).toContain('庚市委组织部印发');
  });

  it('“还有吗” after a complete list says so instead of repeating it', async () => {
    const doc = [
      chunk(
        'principles',
        0,
        '辛县专班管理办法',
        '专班组建要坚持“因事而设”，把握三条原则：必须是重大专项工作；必须是单一部门难以完成的工作；必须是阶段性的任务。',
      ),
    ];
    const [first, second] = await converse(doc, '专班组建要把握哪三条原则', '还有吗');
    expect(first!.memory?.items).toHaveLength(3);
    expect(second!.mode).toBe('notice');
    expect(second!.answer).toContain('三条');
    expect(second!.answer).not.toContain('阶段性的任务');
  });

  it('item N of a list inside the sentence that answered a plain question; 还有吗 is not told it was all', async () => {
    const doc = [
      chunk(
        'plan',
        0,
        '子县“四联”行动方案',
        '子县开展以联系企业、联系项目、联系村社、联系人才为内容的“四联”行动，由县委组织部牵头推进。行动每季度通报一次进展情况。',
      ),
    ];
    const [first, second] = await converse(doc, '子县四联行动是什么', '第三个呢');
    expect(first!.memory?.items).toEqual(['联系企业', '联系项目', '联系村社', '联系人才']);
    expect(first!.memory?.inline).toBe(true);
    expect(second!.answer).toContain('联系村社');
    expect(second!.answer).not.toContain('不是分条列举');
    const [, more] = await converse(doc, '子县四联行动是什么', '还有吗');
    expect(more!.answer).not.toContain('没有更多了');
  });

  it('a list in passing in the answer to a number question gives no item N', async () => {
    const doc = [
      chunk(
        'fund',
        0,
        '丑县人才基金',
        '丑县设立以引才、育才、留才为重点的人才发展基金，规模为2亿元。基金由县财政和国有企业共同出资。',
      ),
    ];
    const [first, second] = await converse(doc, '丑县人才基金规模多大', '第二条呢');
    expect(first!.memory?.items).toBeUndefined();
    expect(second!.mode).toBe('notice');
  });

  it('item N of an item with a list of its own shows that list with its count', async () => {
    const doc = [
      chunk(
        'speech',
        0,
        '壬区党建工作会议讲话',
        '今年重点做好以下三个方面工作：\n（一）突出抓好政治建设。要强化政治意识。',
      ),
      chunk(
        'speech',
        1,
        '壬区党建工作会议讲话',
        '（二）强化基层组织建设。要提升组织力。\n（三）坚持严管厚爱，建设高素质干部队伍。一是抓好干部教育培养。要办好培训班。二是激发干部干事活力。三是加强干部监督管理。',
      ),
    ];
    const [first, second] = await converse(doc, '今年重点工作做好哪几个方面', '那第三块具体说啥');
    expect(first!.memory?.items).toHaveLength(3);
    expect(second!.answer).toContain('（三）坚持严管厚爱');
    expect(second!.answer).toContain('共三条：一是抓好干部教育培养；二是激发干部干事活力；三是加强干部监督管理');
  });

  it('item N of a list written in one sentence stops at the next item', async () => {
    const doc = [
      chunk(
        'actions',
        0,
        '癸区五大行动',
        '二是以五大行动为抓手：推动村支书发挥作用，实现“红色头雁”提能；抓好党员教育管理，实现“红色细胞”提神；深化项目党建，实现“红色治理”提效。',
      ),
    ];
    const [, second] = await converse(doc, '癸区五大行动分别是哪些', '第二个呢');
    expect(second!.answer).toContain('红色细胞');
    expect(second!.answer).not.toContain('红色治理');
  });

  it('“no.2” picks item 2 of the list a heading announces, read across the document', async () => {
    const doc = [
      chunk('measures', 0, '三服务活动通知', '推进举措\n1、突出在服务中发现干部。注重在一线甄别干部。'),
      chunk('measures', 1, '三服务活动通知', '2、强化企业人才支撑。紧盯企业需求加强人才引育。\n3、严明纪律作风。'),
    ];
    const r = await answerQuestion('三服务 推进举措 no.2 是啥', deps(over(doc)));
    expect(r.answer).toContain('2、强化企业人才支撑');
    expect(r.answer).not.toContain('1、突出在服务中发现干部');
  });
});
