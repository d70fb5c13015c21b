/**
 * The attribute lexicon (data/retrieval/attributes.txt) in the not-found gate: a question asking for an
 * attribute of its topic (opening hours, phone, validity period, pay scale …) is answered when a sentence
 * that could answer gives that attribute in one of its forms, and refused when the passage about the topic
 * does not (a near miss: the topic is there, the attribute asked is not). Synthetic corpus, invented wording.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { doc } from '../helpers/corpus-doc.js';
import { askedAttributes, attributeLexicon, parseAttributes, unmetAttributes } from '../../src/retrieval/attributes.js';
import { holdsKind, indefiniteCounts } from '../../src/retrieval/confidence.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/retriever.js';

const DOCS: CorpusDocument[] = [
  doc(
    'hall',
    '市人才服务大厅办事指南',
    '市人才服务大厅集中受理人才落户、住房补贴申领等事项。大厅开放时间为工作日上午9:00至下午5:00，节假日不对外办公。咨询电话：0570-1234567。',
  ),
  doc(
    'greencard',
    '高层次人才服务绿卡发放',
    '市委人才办向首批120名高层次人才发放服务绿卡。持卡人可在定点医院享受就医绿色通道，子女入学、交通出行等方面也可享受便利服务。',
  ),
  doc(
    'museum',
    '县革命历史纪念馆建设',
    '县革命历史纪念馆收藏革命文物300余件，已成为全县党员干部接受党性教育的重要阵地。纪念馆由县委宣传部负责日常管理。',
  ),
  doc(
    'pay',
    '村党组织书记报酬管理',
    '全县村党组织书记基本报酬按每月3000元标准发放，考核优秀的另发绩效奖励。报酬资金由县财政统一保障。',
  ),
];

let retriever: HybridRetriever;
beforeAll(async () => {
  retriever = await buildRetriever(DOCS);
});

const answerable = async (q: string) => (await retriever.search(q, 5)).answerable;
const names = (q: string) => askedAttributes(q).map((a) => a.name);

describe('the attribute lexicon', () => {
  it('parses one attribute a line and rejects a malformed one', () => {
    const parsed = parseAttributes('# comment\n\nphone :: 电话|热线 :: \\d{7,}\n');
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.name).toBe('phone');
    expect(parsed[0]!.cue.test('咨询热线')).toBe(true);
    expect(() => parseAttributes('phone :: 电话')).toThrow(/malformed/);
    expect(attributeLexicon().length).toBeGreaterThan(10);
  });

  it('reads the attribute a question asks, and none from a plain question', () => {
    expect(names('纪念馆每天几点开门')).toContain('opening-hours');
    expect(names('大厅的联系方式是啥')).toContain('phone');
    expect(names('绿卡有效期多久')).toContain('validity');
    expect(names('书记报酬标准是多少')).toContain('pay-amount');
    expect(names('申领材料啥时候截止')).toContain('deadline');
    expect(names('座谈会多久开一次')).toContain('frequency');
    expect(names('纪念馆是哪个部门管的')).toEqual([]);
    expect(names('人才服务大厅能办哪些事')).toEqual([]);
    // 多长时间 is a duration, not a length in kilometres.
    expect(names('审批要多长时间')).not.toContain('length');
  });

  it('an attribute is met by a sentence giving one of its forms', () => {
    expect(unmetAttributes('大厅几点开门', ['大厅开放时间为工作日上午9:00至下午5:00。'])).toEqual([]);
    expect(unmetAttributes('大厅几点开门', ['大厅集中受理人才落户事项。'])).toEqual(['opening-hours']);
    expect(unmetAttributes('咨询电话多少', ['咨询电话：0570-1234567。'])).toEqual([]);
    expect(unmetAttributes('报酬标准是多少', ['基本报酬按每月3000元标准发放。'])).toEqual([]);
    expect(unmetAttributes('绿卡有效期多久', ['持卡人可在定点医院享受就医绿色通道。'])).toEqual(['validity']);
    expect(unmetAttributes('纪念馆是哪个部门管的', [])).toEqual([]);
  });

  it('reads requirements, materials, penalties, age limits, scores and pay grades asked', () => {
    expect(names('报名要满足啥条件')).toContain('requirements');
    expect(names('申请补贴需要带哪些材料')).toContain('materials');
    expect(names('考核不合格的会怎么处理')).toContain('penalty');
    expect(names('选调生年龄上限是多少')).toContain('age');
    expect(names('迟到一次扣几分')).toContain('score');
    expect(names('津贴分几档')).toContain('pay-grade');
    // 分几类 after 多少 counts categories, it asks no score; a grade does not answer an amount.
    expect(names('后备干部 总共多少 分几类')).not.toContain('score');
    expect(unmetAttributes('月薪标准是多少', ['薪酬体系分为三岗十八级。'])).toEqual(['pay-amount']);
    expect(unmetAttributes('津贴分几档', ['津贴分为三档。'])).toEqual([]);
    expect(unmetAttributes('申请补贴需要带哪些材料', ['申请人须提交身份证复印件和申请表。'])).toEqual([]);
  });

  it('a phone asked is a number or a labelled line, not the word in 电话回访; 电话回访 asks no phone', () => {
    expect(unmetAttributes('有没有服务热线电话', ['通过实地走访或电话回访等途径核实成效。'])).toEqual(['phone']);
    expect(unmetAttributes('有没有服务热线电话', ['服务热线电话：0570-1234567。'])).toEqual([]);
    expect(names('电话回访满意率多少')).not.toContain('phone');
  });

  it('a pay asked per period (补贴 一个月多少, 津贴每年给多少) asks the amount; a count of people rewarded does not', () => {
    expect(names('有没有补贴 一个月多少')).toContain('pay-amount');
    expect(names('津贴每年给多少')).toContain('pay-amount');
    expect(names('一共奖励了多少家企业')).not.toContain('pay-amount');
    expect(unmetAttributes('有没有补贴 一个月多少', ['重点培育100名党务骨干。'])).toEqual(['pay-amount']);
    expect(unmetAttributes('有没有补贴 一个月多少', ['每人每月补贴500元。'])).toEqual([]);
  });

  it('where a thing can be looked up is answered by where it is published, not by the thing alone', () => {
    expect(names('结对名单在哪能查到')).toContain('where-to-find');
    expect(unmetAttributes('结对名单在哪能查到', ['建立局长联系人才机制，聚集各方引才合力。'])).toEqual([
      'where-to-find',
    ]);
    expect(unmetAttributes('结对名单在哪能查到', ['结对名单在市人才网公布。'])).toEqual([]);
  });
});

describe('the gate with the attribute lexicon', () => {
  it('answers a reworded question whose attribute the passage gives', async () => {
    expect(await answerable('人才服务大厅一般几点开门')).toBe(true);
    expect(await answerable('人才服务大厅的联系方式')).toBe(true);
    expect(await answerable('村书记的报酬标准是多少')).toBe(true);
  });

  it('refuses a near miss: the topic is there, the attribute asked is not', async () => {
    expect(await answerable('高层次人才服务绿卡的有效期是多久')).toBe(false);
    expect(await answerable('县革命历史纪念馆的开放时间')).toBe(false);
    expect(await answerable('革命历史纪念馆的咨询电话是多少')).toBe(false);
    const { decision } = retriever.explain('县革命历史纪念馆的开放时间', 10);
    expect(decision.features?.evidence).toBe(0);
  });
});

describe('counts in the gate', () => {
  it('an indefinite 几 (那几年, 好几个) asks no count', () => {
    expect(indefiniteCounts('在任那几年一共来了8次吗')).toBe('在任那些年一共来了8次吗');
    expect(indefiniteCounts('好几个村都在问')).toBe('好些个村都在问');
    expect(indefiniteCounts('一共有几个村')).toBe('一共有几个村');
  });

  it('“几个” is answered by a counted set (六大…), not “几个人”', () => {
    expect(holdsKind('number', '要建好用活六大“创新飞地”。', '创新飞地一共几个')).toBe(true);
    expect(holdsKind('number', '要建好用活六大“创新飞地”。', '服务团队一共几个人')).toBe(false);
    expect(holdsKind('number', '集聚一大批优秀人才。', '优秀人才平台有几个')).toBe(false);
  });
  it('entry conditions asked of a place (进驻园区要满足什么条件) need a condition, not a rank word like 省级以上', () => {
    expect(names('想进驻创业园区 要满足什么条件')).toContain('requirements');
    expect(
      unmetAttributes('想进驻创业园区 要满足什么条件', ['全县现有省级以上孵化平台6个，园区吸引了大批项目。']),
    ).toEqual(['requirements']);
    expect(unmetAttributes('想进驻创业园区 要满足什么条件', ['入园企业年营业收入须在500万元以上。'])).toEqual([]);
    expect(unmetAttributes('报考要具备啥条件', ['报考者年龄35周岁以下，大专以上学历。'])).toEqual([]);
  });

  it('an amount of reward money asked before its noun (多少奖励资金) asks the amount', () => {
    expect(names('评为示范社区能拿多少奖励资金')).toContain('pay-amount');
    expect(unmetAttributes('评为示范社区能拿多少奖励资金', ['全市首批12个社区被评为示范社区。'])).toEqual([
      'pay-amount',
    ]);
    expect(unmetAttributes('评为示范社区能拿多少奖励资金', ['每个示范社区奖励资金20万元。'])).toEqual([]);
    expect(names('这次一共奖励了多少个村')).not.toContain('pay-amount');
  });
});
