/**
 * Field mechanisms that carry over to writers nobody tuned for (departments, categories, splitting, names):
 * each tested on sentences written for this file, with enterprises and wordings of no eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { normalizeDepartment } from '../../src/ledger/lexicon/departments.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-03-12';
const parse = (text: string, today = TODAY): Extraction => {
  const got = extractUpdate(text, { today, knownEnterprises: known });
  expect(extractionSchema.safeParse(got).success).toBe(true);
  return got;
};
const triples = (e: Extraction) => e.issues.map((i) => [i.category, i.department, i.status]);

describe('a department written with a place word (那块, 这块, 口, 那儿)', () => {
  it('is the department, and what follows the place word is what it does', () => {
    expect(triples(parse('青禾农机缺两个电焊工，已经跟人社那块打了招呼'))).toEqual([['用工', '人社局', 'assigned']]);
    expect(triples(parse('青禾农机的排污许可，生态这块已经受理了'))).toEqual([['审批', '生态环境局', 'in_progress']]);
    expect(triples(parse('青禾农机流动资金紧张，报到金融那儿了'))).toEqual([['融资', '金融办', 'assigned']]);
  });

  it('normalises with its place word', () => {
    expect(normalizeDepartment('住建那块')).toBe('住建局');
    expect(normalizeDepartment('税务局这块')).toBe('税务局');
    expect(normalizeDepartment('发改口')).toBe('发改局');
  });
});

describe('run-on dictated text', () => {
  it('a weak continuation word between two stated problems starts a new one', () => {
    const got = parse('今天去了青禾农机他们说技改补助还没拨下来还有用电负荷不够想增容');
    expect(got.issues.map((i) => i.category)).toEqual(['政策兑现', '其他']);
  });

  it('the same word inside one problem does not cut', () => {
    expect(parse('青禾农机的技改补助还有八十万没拨').issues).toHaveLength(1);
  });
});

describe('typos read by sound (src/text/sound.ts)', () => {
  it('a department name with one character replaced by one read alike is that department', () => {
    expect(normalizeDepartment('人设局')).toBe('人社局');
    expect(normalizeDepartment('经心局')).toBe('经信局');
    expect(normalizeDepartment('住健局')).toBe('住建局');
    expect(triples(parse('远帆船舶缺焊工，已交任社局'))).toEqual([['用工', '人社局', 'assigned']]);
    expect(triples(parse('远帆船舶贷款到期想续贷，报给金融版了'))).toEqual([['融资', '金融办', 'assigned']]);
  });

  it('a character read otherwise is no typo', () => {
    expect(normalizeDepartment('人事局')).toBe('人事局');
  });
});

describe('departments among several', () => {
  it('the one said to lead is the handler', () => {
    expect(triples(parse('远帆船舶的技改补助已报经信局和财政局，财政牵头'))[0]?.[1]).toBe('财政局');
  });

  it('a stem right before a problem word modifies it and is no department', () => {
    expect(parse('远帆船舶反映园区管网没铺到，污水接不进去').issues[0]?.department).toBeNull();
  });
});

describe('names from what was received', () => {
  it('接到X电话 / 收到X的来函 names the enterprise', () => {
    expect(parse('刚接到远帆船舶电话：排污许可批下来了').enterprise).toBe('远帆船舶');
    expect(parse('收到青禾农机的来函，反映缺电').enterprise).toBe('青禾农机');
  });
});

describe('a known enterprise mistyped by sound', () => {
  it('a short form with a character read alike is the known enterprise; one read otherwise is another name', () => {
    expect(parse('矽胜 缺芯片工程师').enterprise).toBe('矽盛电子');
    expect(parse('华晟的排污许可 生态这块在审').enterprise).toBe('华晟');
  });
});

describe('categories from the head of the problem', () => {
  it('the noun a deficit is predicated of decides over its cause', () => {
    expect(parse('青禾农机反映：外贸订单大增，装配工缺30人').issues.map((i) => i.category)).toEqual(['用工']);
    expect(parse('青禾农机的高级算法工程师招聘困难').issues.map((i) => i.category)).toEqual(['人才']);
  });

  it('a loan verb with its amount and cash-flow words are financing', () => {
    expect(parse('青禾农机 钢材涨价 现金流紧 想贷个八百万').issues.map((i) => i.category)).toEqual(['融资']);
  });
});

describe('company endings that chain', () => {
  it('汽车 + 零部件 is one name', () => {
    expect(parse('走访了远帆汽车零部件，企业反映缺电焊工').enterprise).toBe('远帆汽车零部件');
  });
});

describe('a problem word mistyped by sound', () => {
  it('is read as the word (环平 → 环评, 人材 → 人才)', () => {
    expect(parse('去了青禾农机 老板说环平还没批下来').issues.map((i) => i.category)).toEqual(['审批']);
    expect(parse('青禾农机缺研发人材').issues.map((i) => i.category)).toEqual(['人才']);
  });

  it('not through a function word (留不住 is no 补助) nor a merged sound (认真 is no 认证)', () => {
    expect(parse('青禾农机的工人留不住').issues.map((i) => i.category)).not.toContain('政策兑现');
    expect(parse('青禾农机说新来的技术员工作认真但经验不足').issues.map((i) => i.category)).not.toContain('审批');
  });
});

describe('discourse markers of a new problem', () => {
  it('新的就是 / 又提了一个 start the next problem in dictated text', () => {
    const got = parse('今天去了青禾农机 技改补助的事 财政说已经拨了 新的就是他们想上市要找券商');
    expect(got.issues.map((i) => i.category)).toEqual(['政策兑现', '融资']);
  });

  it('a heading led by 另 (另新增诉求：) is no problem', () => {
    const got = parse('远帆船舶 续贷已办结；另新增诉求：厂区外道路破损，已交交通局');
    expect(got.issues.map((i) => i.category)).toEqual(['融资', '其他']);
  });
});

describe('a record whose progress field follows its problems', () => {
  it('the progress line updates the listed problems by topic, it raises none', () => {
    const got = parse('企业：远帆船舶\n诉求：码头扩建缺用地15亩；技改补助未拨付\n进展：用地已报资规局；补助已报财政局');
    expect(triples(got)).toEqual([
      ['用地', '资规局', 'assigned'],
      ['政策兑现', '财政局', 'assigned'],
    ]);
  });

  it('a progress value with no topic is read as before', () => {
    const got = parse('企业：远帆船舶\n诉求：码头扩建缺用地15亩\n进展：暂未交办');
    expect(triples(got)).toEqual([['用地', null, 'open']]);
  });
});

describe('roll-ups and labelled lines', () => {
  it('a list of visited enterprises under a "no requests" heading raises no issue', () => {
    const got = parse('3月第二周联企情况（无新增诉求）\n走访：3.9 远帆纺织；3.11 德康医疗器械');
    expect(got.enterprise).toBe('远帆纺织');
    expect(got.issues).toEqual([]);
  });

  it('a name right after a label bracket and an issue id is the enterprise, even when its ending is a problem word', () => {
    expect(parse('【办结】Q-0107 顺丰达物流 门口限高架已拆除。').enterprise).toBe('顺丰达物流');
  });
});
