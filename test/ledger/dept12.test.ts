/**
 * Departments, categories and issue counts (branch dept12) — each behaviour tested with messages written for these tests
 * (other enterprises, departments and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { findDepartments } from '../../src/ledger/extract/index.js';
import { categorize } from '../../src/ledger/extract/category.js';
import { parseChecked, triples } from './parse-helpers.js';

describe('categories: a role named by its field, a stem said short, money paid out', () => {
  it.each([
    ['想招3个研发', '人才'],
    ['厂里缺几个搞研发的', '人才'],
    ['急需两名科研', '人才'],
  ])('research work as the person hired or lacking is talent: %s', (text, expected) => {
    expect(categorize(text).category).toBe(expected);
  });

  it('研发 modifying another noun is no person (研发资金, 研发费用)', () => {
    expect(categorize('缺研发资金').category).toBe('融资');
    expect(categorize('研发费用加计扣除还没享受').category).toBe('政策兑现');
  });

  it('公寓 alone is the talent apartment said short; workers’ housing stays a living condition', () => {
    expect(categorize('公寓那个事').category).toBe('人才');
    expect(categorize('职工公寓不够住').category).toBe('其他');
  });

  it('public money paid out (拨款, 拨付资金) is a subsidy being paid, not a loan', () => {
    expect(categorize('区里的拨款还没下来').category).toBe('政策兑现');
    expect(categorize('审核完了再拨付资金').category).toBe('政策兑现');
    expect(categorize('银行的贷款还没下来').category).toBe('融资');
  });
});

describe('categories: prices and fees', () => {
  it('a price right after a thing takes that thing’s category (蒸汽价格 utility, 原材料价格 market)', () => {
    expect(categorize('供气价格的事').category).toBe('其他');
    expect(categorize('棉纱价格一直涨').category).toBe('市场');
  });

  it('a fee said too high is a cost of business, unless it is a loan’s or labour’s own', () => {
    expect(categorize('固废处置费用太高').category).toBe('其他');
    expect(categorize('贷款利息费用偏高').category).toBe('融资');
  });
});

describe('departments: urging an office names it as the one with the matter', () => {
  it.each([
    ['东岭陶瓷的稳岗返还还没到，催一下人社', '人社局'],
    ['东岭陶瓷的设备补助一直没拨，已经督促财政那边', '财政局'],
  ])('%s', (text, dept) => {
    expect(findDepartments(text).map((d) => d.name)).toContain(dept);
    expect(parseChecked(text).issues.map((i) => i.department)).toEqual([dept]);
  });

  it('asked to urge an office (能不能帮忙催一下住建) is a wish: no department yet', () => {
    expect(findDepartments('消防验收的事能不能帮忙催一下住建').map((d) => d.role)).toEqual(['wish']);
  });

  it('an office where the enterprise’s own application waits, with us asked to chase it, handles nothing of ours', () => {
    expect(findDepartments('有个检测报告在市场监管局压了半年，想请我们帮忙打听一下').map((d) => d.role)).toEqual([
      'background',
    ]);
    // (handed off by us, then asked to chase: still the handler)
    expect(findDepartments('已转市场监管局，企业希望我们帮忙催一下').map((d) => d.handedTo)).toEqual([true]);
  });

  it('a stem after 一下 with no urging verb stays no department (看一下交通)', () => {
    expect(findDepartments('看一下交通怎么走').map((d) => d.name)).toEqual([]);
  });
});

describe('counts: a step of our own on a matter named before is no new problem', () => {
  it('X的事报了…，Y的事帮他们问问: two topics of the listed problems, no third issue', () => {
    const e = parseChecked(
      '今天去了云帆纺织，老板说缺三个设计师，另外厂房租金涨了想申请补贴。设计师的事报组织部了，补贴的事我回头问问。',
    );
    expect(triples(e)).toEqual([
      ['人才', '组织部', 'assigned'],
      ['政策兑现', null, 'open'],
    ]);
  });

  it('a follow-up step said of a topic alone still leaves that one issue', () => {
    const e = parseChecked('去了云帆纺织，设备补贴申报半年了没到账。补贴的事我们跟进。');
    expect(triples(e)).toEqual([['政策兑现', null, 'open']]);
  });
});

describe('counts: two matters handed to two offices in one sentence', () => {
  it('X的事报给A了，Y的需求交给B了: a topic sentence that hands a second matter to another office holds two issues', () => {
    expect(
      triples(parseChecked('金穗米业那个房产税减免的事，我已经报给税务局了，质检工程师的需求交给人社局了')),
    ).toEqual([
      ['政策兑现', '税务局', 'assigned'],
      ['人才', '人社局', 'assigned'],
    ]);
  });

  it('a topic and the steps of one office on it stay one issue', () => {
    expect(parseChecked('金穗米业土地证问题，经资规局梳理，规划手续已补办，不动产登记正在办理中').issues).toHaveLength(
      1,
    );
  });
});

describe('counts: co-ordinated problems vs. one problem said twice', () => {
  it('a matter of another category wanted "too" (也要) after a need told by its quantity is a second problem', () => {
    expect(triples(parseChecked('去了金穗米业 仓库要扩二十亩 天然气也要接'))).toEqual([
      ['用地', null, 'open'],
      ['其他', null, 'open'],
    ]);
  });

  it('a matter set aside with 除了 before another said "too" is not raised itself', () => {
    expect(parseChecked('金穗米业来电说，除了直播人才，他们的设备补贴也没到账').issues.map((i) => i.category)).toEqual([
      '政策兑现',
    ]);
  });

  it('a wish of the same category in the next line is the remedy of the problem above it: one issue', () => {
    const e = parseChecked('去了金穗米业\n外地订单少了三成\n想去参加农博会');
    expect(e.issues.map((i) => i.category)).toEqual(['市场']);
  });

  it('a second deficit in the next line, or a wish of another category, stays its own', () => {
    expect(parseChecked('金穗米业 缺叉车工\n缺包装工').issues).toHaveLength(2);
    expect(parseChecked('去了金穗米业\n缺叉车工\n想申请技改贷款').issues.map((i) => i.category)).toEqual([
      '用工',
      '融资',
    ]);
  });
});

describe('counts: a result headlined by its category, then told in detail, is one update', () => {
  it('a headline naming only the category, then the detail', () => {
    const e = parseChecked('云帆 融资 ok了 👍\n续贷的钱今天放下来了');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ category: '融资', status: 'resolved' });
    expect(e.issues[0]!.summary).toContain('续贷');
  });

  it('two results each named in their own words stay two', () => {
    const e = parseChecked('云帆的土地证拿到了\n用地指标也批了');
    expect(e.issues).toHaveLength(2);
  });
});
