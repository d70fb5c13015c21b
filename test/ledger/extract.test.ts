/**
 * Rule-based status-message parser: a table of realistic messages (test/ledger/extract-cases.ts,
 * written for these tests, not taken from the eval sets) plus the building blocks (dates, ids,
 * departments, enterprises, categories, statuses).
 */
import { describe, expect, it } from 'vitest';
import {
  categorize,
  enterpriseMatcher,
  extractUpdate,
  findDates,
  findDepartments,
  findRefs,
  normalizeRef,
  resolveEventDate,
} from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises, normalizeDepartment } from '../../src/ledger/lexicon/index.js';
import { extractionSchema } from '../../src/ledger/model.js';
import { CASES } from './extract-cases.js';

const known = loadKnownEnterprises();

describe('extractUpdate — message table', () => {
  it('has a table covering every kind', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['closed', 'issue', 'mixed', 'not_update', 'progress', 'resolved', 'visit']);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    it(`${c.kind}: ${c.name}`, () => {
      const got = extractUpdate(c.text, { today: c.today, knownEnterprises: known });
      expect(extractionSchema.safeParse(got).success).toBe(true);
      expect(got.kind).toBe(c.kind);
      if (c.kind === 'not_update') {
        expect(got).toMatchObject({ kind: 'not_update', enterprise: null, date: null, issues: [], ref: null });
        return;
      }
      if (c.enterprise !== undefined) expect(got.enterprise).toBe(c.enterprise);
      if (c.date !== undefined) expect(got.date).toBe(c.date);
      expect(got.ref).toBe(c.ref ?? null);
      if (c.issues !== undefined) expect(got.issues.map((i) => [i.category, i.department, i.status])).toEqual(c.issues);
      for (const i of got.issues) {
        expect(i.summary.length).toBeGreaterThan(0);
        expect(i.summary.length).toBeLessThanOrEqual(40);
        expect(i.summary).not.toMatch(/Q-?\d{3,}/i);
      }
    });
  }
});

describe('extractUpdate — details', () => {
  it('applies a topic hand-off only to the matching issue', () => {
    const got = extractUpdate(
      '今天走访了宏远纺织，企业反映两个问题：一是缺30名挡车工；二是想申请续贷。贷款的事已交办金融办。',
      { today: '2019-05-08' },
    );
    expect(got.issues.map((i) => [i.category, i.department, i.status])).toEqual([
      ['用工', null, 'open'],
      ['融资', '金融办', 'assigned'],
    ]);
  });

  it('splits problems listed with commas; the topic hand-off is no issue and goes to its own problem', () => {
    const got = extractUpdate('今天走访了华康药业，企业反映缺3名化工工程师，流动资金紧张，资金的事已交办金融办', {
      today: '2019-05-08',
      knownEnterprises: known,
    });
    expect(got.kind).toBe('visit');
    expect(got.issues).toEqual([
      { category: '人才', summary: '缺3名化工工程师', department: null, status: 'open' },
      { category: '融资', summary: '流动资金紧张', department: '金融办', status: 'assigned' },
    ]);
  });

  it('keeps link words and hand-offs out of the summaries of split problems', () => {
    const got = extractUpdate('企业反映资金紧张的问题已交金融办，还缺普工', { today: '2019-05-08' });
    expect(got.issues.map((i) => [i.category, i.summary, i.department, i.status])).toEqual([
      ['融资', '资金紧张', '金融办', 'assigned'],
      ['用工', '缺普工', null, 'open'],
    ]);
  });

  it('a topic clause after split problems updates the matching one, whatever comes after it', () => {
    const got = extractUpdate('企业反映缺普工，资金紧张，资金的事金融办已对接，下周放款', { today: '2019-05-08' });
    expect(got.kind).toBe('issue');
    expect(got.issues.map((i) => [i.category, i.department, i.status])).toEqual([
      ['用工', null, 'open'],
      ['融资', '金融办', 'in_progress'],
    ]);
  });

  it('a list across sentences can be handed to departments respectively', () => {
    const got = extractUpdate('企业反映：一是缺普工；二是用地指标紧张。分别交人社局和资规局。', {
      today: '2019-05-08',
    });
    expect(got.issues.map((i) => [i.category, i.department, i.status])).toEqual([
      ['用工', '人社局', 'assigned'],
      ['用地', '资规局', 'assigned'],
    ]);
  });

  it('does not split a reopening with its reason', () => {
    const got = extractUpdate('重新打开 Q-0012，企业反映贷款没到位', { today: '2019-05-08' });
    expect(got.ref).toBe('Q-0012');
    expect(got.issues).toHaveLength(1);
  });

  it('summarises the problem clause without the visit, lead-in or hand-off', () => {
    const got = extractUpdate('今天走访宏远纺织，企业反映冷库用电容量不够，已交办供电公司', { today: '2019-05-08' });
    expect(got.issues[0]?.summary).toBe('冷库用电容量不够');
  });

  it('uses the team enterprises like known ones', () => {
    const got = extractUpdate('今天去了星河一趟，企业缺焊工', {
      today: '2019-05-08',
      teamEnterprises: ['星河精密机械有限公司'],
    });
    expect(got.enterprise).toBe('星河精密机械有限公司');
    expect(got.kind).toBe('visit');
  });

  it('does not expand abbreviations without a known list', () => {
    const got = extractUpdate('华康那个融资的事解决了', { today: '2019-05-08' });
    expect(got.enterprise).not.toBe('华康药业');
  });

  it('never throws on odd input and always returns the schema', () => {
    const odd = [
      '',
      '   ',
      '？？？',
      'Q-',
      '1.2.3',
      '👍👍',
      'a'.repeat(5000),
      '第一个已交金融办',
      '均未交办',
      '。；：，',
    ];
    for (const t of odd) {
      const got = extractUpdate(t, { today: '2019-05-08', knownEnterprises: known });
      expect(extractionSchema.safeParse(got).success).toBe(true);
    }
  });

  it('is pure: same input, same output', () => {
    const t = '3.15走访海纳，企业想扩建二期厂房，缺30亩用地指标，已交资规局';
    const a = extractUpdate(t, { today: '2019-03-20', knownEnterprises: known });
    const b = extractUpdate(t, { today: '2019-03-20', knownEnterprises: known });
    expect(a).toEqual(b);
  });
});

describe('dates', () => {
  const d = (text: string, today: string) => resolveEventDate(text, today);
  it('relative days', () => {
    expect(d('今天走访', '2019-03-01')).toBe('2019-03-01');
    expect(d('今早去了', '2019-03-01')).toBe('2019-03-01');
    expect(d('昨天去了', '2019-03-01')).toBe('2019-02-28');
    expect(d('前天去了', '2019-03-01')).toBe('2019-02-27');
    expect(d('上午去雷钧回访', '2019-03-01')).toBe('2019-03-01');
    expect(d('刚从企业回来', '2019-03-01')).toBe('2019-03-01');
    expect(d('企业刚落户', '2019-03-01')).toBeNull();
  });
  it('weekdays (today 2019-03-21 is a Thursday)', () => {
    expect(d('周二走访', '2019-03-21')).toBe('2019-03-19');
    expect(d('星期四走访', '2019-03-21')).toBe('2019-03-21');
    expect(d('礼拜五走访', '2019-03-21')).toBe('2019-03-15');
    expect(d('周日走访', '2019-03-21')).toBe('2019-03-17');
    expect(d('上周三去了', '2019-03-21')).toBe('2019-03-13');
    expect(d('上周日去了', '2019-03-21')).toBe('2019-03-17');
    expect(d('上星期一去了', '2019-03-18')).toBe('2019-03-11');
    expect(d('下周三去', '2019-03-21')).toBeNull();
    expect(d('每周一例会', '2019-03-21')).toBeNull();
  });
  it('month/day forms resolve to the latest date not after today', () => {
    expect(d('3月5日走访', '2019-03-12')).toBe('2019-03-05');
    expect(d('3月5号走访', '2019-03-12')).toBe('2019-03-05');
    expect(d('3.8走访', '2019-03-12')).toBe('2019-03-08');
    expect(d('3/15 去了', '2019-03-20')).toBe('2019-03-15');
    expect(d('12月28日走访', '2019-01-07')).toBe('2018-12-28');
    expect(d('三月五日走访', '2019-03-12')).toBe('2019-03-05');
    expect(d('3月20日走访', '2019-03-12')).toBe('2018-03-20');
  });
  it('full dates', () => {
    expect(d('2019-03-05 走访', '2019-03-12')).toBe('2019-03-05');
    expect(d('2019/3/6 格格屋反映', '2019-03-12')).toBe('2019-03-06');
    expect(d('2019年3月5日走访', '2019-03-12')).toBe('2019-03-05');
    expect(d('2019-02-30 走访', '2019-03-12')).toBeNull();
  });
  it('future expressions are not event dates', () => {
    expect(d('3月20日前给答复', '2019-03-12')).toBeNull();
    expect(d('贷款下周放款', '2019-03-12')).toBeNull();
    expect(d('月底前搞定', '2019-03-12')).toBeNull();
    expect(d('明天去', '2019-03-12')).toBeNull();
    expect(d('预计3月8日放款', '2019-03-12')).toBeNull();
    expect(d('2019-04-01 去', '2019-03-12')).toBeNull();
  });
  it('quantities and list markers are not dates', () => {
    expect(d('贷款3.5亿', '2019-03-12')).toBeNull();
    expect(d('1.出口退税到账慢 2.缺工', '2019-03-12')).toBeNull();
    expect(d('增长3.5%', '2019-03-12')).toBeNull();
  });
  it('the first past expression wins, future ones are skipped', () => {
    expect(d('昨天走访，企业要求3月20日前答复', '2019-03-12')).toBe('2019-03-11');
    expect(findDates('今天下雨，走访改到明天', '2019-03-12').map((h) => h.date)).toEqual(['2019-03-12', null]);
  });
});

describe('refs', () => {
  it('normalises to Q-NNNN', () => {
    expect(findRefs('Q-0012 到哪了').map((r) => r.ref)).toEqual(['Q-0012']);
    expect(findRefs('q-0015 已办结').map((r) => r.ref)).toEqual(['Q-0015']);
    expect(findRefs('Q0023 市场监管局说').map((r) => r.ref)).toEqual(['Q-0023']);
    expect(findRefs('Q-12 已放款').map((r) => r.ref)).toEqual(['Q-0012']);
    expect(findRefs('Q-12345').map((r) => r.ref)).toEqual(['Q-12345']);
    expect(findRefs('Q-0009、Q-0010 都已办结').map((r) => r.ref)).toEqual(['Q-0009', 'Q-0010']);
    expect(normalizeRef('q0007')).toBe('Q-0007');
    expect(normalizeRef('X-1')).toBeNull();
  });
  it('ignores things that are not issue ids', () => {
    expect(findRefs('Q1 营收增长')).toEqual([]);
    expect(findRefs('QQ群里说')).toEqual([]);
    expect(findRefs('FAQ-2 文档')).toEqual([]);
  });
});

describe('departments', () => {
  it('normalises synonyms and typos', () => {
    expect(normalizeDepartment('经济和信息化局')).toBe('经信局');
    expect(normalizeDepartment('经心局')).toBe('经信局');
    expect(normalizeDepartment('人力社保局')).toBe('人社局');
    expect(normalizeDepartment('人设局')).toBe('人社局');
    expect(normalizeDepartment('金融版')).toBe('金融办');
    expect(normalizeDepartment('自然资源和规划局')).toBe('资规局');
    expect(normalizeDepartment('交通局')).toBe('交通运输局');
    expect(normalizeDepartment('县委组织部')).toBe('组织部');
    expect(normalizeDepartment('县经信局')).toBe('经信局');
    for (const kept of [
      '发改局',
      '住建局',
      '商务局',
      '税务局',
      '市场监管局',
      '生态环境局',
      '财政局',
      '供电公司',
      '行政服务中心',
    ]) {
      expect(normalizeDepartment(kept)).toBe(kept);
    }
    expect(normalizeDepartment('某某办')).toBe('某某办');
  });
  it('tells handlers from visit participants, verifiers and wishes', () => {
    const roles = (t: string) => findDepartments(t).map((d) => [d.name, d.role, d.handedTo]);
    expect(roles('今天和经信局老王走访了华康药业')).toEqual([['经信局', 'participant', false]]);
    expect(roles('经心局小陈和我去了矽盛')).toEqual([['经信局', 'participant', false]]);
    expect(roles('组织部回访确认')).toEqual([['组织部', 'verifier', false]]);
    expect(roles('希望商务局帮忙找客户，已交办商务局')).toEqual([
      ['商务局', 'wish', false],
      ['商务局', 'handler', true],
    ]);
    expect(roles('已交金融版')).toEqual([['金融办', 'handler', true]]);
    expect(roles('资规局在做规划调整')).toEqual([['资规局', 'handler', false]]);
  });
  it('finds departments outside the lexicon after a hand-off verb', () => {
    expect(findDepartments('已交办县港航管理中心').map((d) => d.name)).toEqual(['县港航管理中心']);
  });
});

describe('enterprises', () => {
  const m = enterpriseMatcher(known);
  it('expands abbreviations and one-character typos of known names', () => {
    expect(m.canonical('华康')).toBe('华康药业');
    expect(m.canonical('七一电气')).toBe('七一电器');
    expect(m.canonical('金鼎')).toBe('金鼎金属材料有限公司');
    expect(m.canonical('金鼎金属材料')).toBe('金鼎金属材料有限公司');
    expect(m.canonical('维和')).toBe('维和药业');
    expect(m.canonical('海纳')).toBe('海纳半导体');
    expect(m.canonical('矽盛')).toBe('矽盛电子');
    expect(m.canonical('华糠药业')).toBe('华康药业');
    expect(m.canonical('普康化工')).toBeNull();
  });
  it('does not take another company with the same first characters for a known one', () => {
    const got = extractUpdate('华康化工反映缺工', { today: '2019-03-12', knownEnterprises: known });
    expect(got.enterprise).toBe('华康化工');
  });
  it('an abbreviation shared by two known names is not expanded', () => {
    const mm = enterpriseMatcher(['华康药业', '华康电子']);
    expect(mm.canonical('华康')).toBeNull();
    expect(mm.canonical('华康电子')).toBe('华康电子');
  });
  it('does not take departments, people or generic words for enterprises', () => {
    const ent = (t: string) => extractUpdate(t, { today: '2019-03-12', knownEnterprises: known }).enterprise;
    expect(ent('七一电器用电增容那个，供电公司说月底前搞定')).toBe('七一电器');
    expect(ent('企业反映招工难，还没交办')).toBeNull();
    expect(ent('Q-0030 资规局已受理')).toBeNull();
    expect(ent('企业想申请智能制造专项贷款，已交金融办')).toBeNull();
  });
});

describe('categories', () => {
  it('judges the problem, not the department', () => {
    expect(categorize('想申请技改贷款').category).toBe('融资');
    expect(categorize('缺3名化工工程师').category).toBe('人才');
    expect(categorize('缺热处理工人十几个').category).toBe('用工');
    expect(categorize('新厂房消防验收一直没通过').category).toBe('审批');
    expect(categorize('去年的人才引进奖励还没发').category).toBe('政策兑现');
    expect(categorize('订单下滑明显，希望帮忙拓展市场').category).toBe('市场');
    expect(categorize('厂房二期用地指标').category).toBe('用地');
    expect(categorize('用电增容').category).toBe('其他');
    expect(categorize('已办结').category).toBe('其他');
    expect(categorize('企业想做跨境电商，缺懂外贸的人才').category).toBe('人才');
  });
});
