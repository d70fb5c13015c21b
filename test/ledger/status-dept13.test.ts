/**
 * Status and department, thirteenth round. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/status.js';
import { findDepartments } from '../../src/ledger/extract/department.js';
import { parseChecked as parse } from './parse-helpers.js';

const statuses = (text: string) => findStatuses(text).map((h) => h.status);
const rows = (text: string) => parse(text).issues.map((i) => [i.department, i.status]);

describe('results and the work that remains', () => {
  it('a verb + 完毕 is a result', () => {
    expect(statuses('县财政局已于九月三日拨付完毕')).toEqual(['resolved']);
    expect(statuses('设备已经安装完毕')).toEqual(['resolved']);
  });

  it('a result followed by a later grant or approval still to come is under way', () => {
    expect(statuses('规划许可已通过，施工许可月底核发')).toEqual(['in_progress']);
    expect(statuses('规划许可已通过')).toEqual(['resolved']);
  });

  it('work that goes on after a partial result (继续 + a verb of work)', () => {
    expect(statuses('到岗12人，还缺8人继续招')).toContain('in_progress');
    expect(statuses('继续面试')).toEqual(['in_progress']);
  });

  it('a forecast of a lack is no forecast of a result (预计缺包装工)', () => {
    expect(statuses('预计缺包装工二十人')).toEqual([]);
    expect(statuses('预计下周放款')).toEqual(['in_progress']);
  });
});

describe('steps of work under way', () => {
  it('a bare 进行中, and banks called in to meet the enterprise', () => {
    expect(statuses('进行中')).toEqual(['in_progress']);
    expect(statuses('金融办已召集两家银行对接')).toEqual(['in_progress']);
  });

  it('put on a schedule named with several words (纳入明年用地供应计划)', () => {
    expect(statuses('资规局已将其纳入明年用地供应计划')).toEqual(['in_progress']);
  });

  it('an application sent back to be completed', () => {
    expect(statuses('Q-0031 退回补材料了')).toEqual(['in_progress']);
  });
});

describe('states that are not facts', () => {
  it('the state a correction says was recorded by mistake', () => {
    expect(statuses('Q-0031 状态改回协调中，之前误标办结了')).toEqual(['in_progress']);
    expect(statuses('之前错标成已销号')).toEqual([]);
  });

  it('the speaker noting the matter down is no result', () => {
    expect(statuses('我先记录下来了，还没交办')).toEqual(['open']);
    expect(statuses('批文终于下来了')).toEqual(['resolved']);
  });
});

describe('hand-offs written informally', () => {
  it('telling a department, with dictation spaces before the verb', () => {
    const d = findDepartments('补贴到现在还没到账 我跟财政 说了一下');
    expect(d.map((x) => [x.name, x.handedTo])).toEqual([['财政局', true]]);
  });

  it('asking a department to take a step that it took up (我让X跟了) hands it the matter', () => {
    expect(rows('东盛机械的能评还卡着，这个我让发改局跟了')).toEqual([['发改局', 'assigned']]);
    // only wished for: no hand-off
    const wish = findDepartments('想让发改局跟进了解一下');
    expect(wish.map((x) => x.handedTo)).toEqual([false]);
  });

  it('a hand-off the speaker only plans (回头我报给…) hands nothing over', () => {
    const d = findDepartments('这个还没交出去 回头我报给人社局');
    expect(d.map((x) => [x.name, x.handedTo, x.role])).toEqual([['人社局', false, 'wish']]);
  });

  it('a promise for this week by the department just told stays assigned', () => {
    expect(rows('东盛机械要三百万过桥资金 我跟金融办说了 金融办说这周给回复')).toEqual([['金融办', 'assigned']]);
  });

  it("the record's department set or corrected is the department handed the matter", () => {
    expect(rows('Q-0044 部门写错了，应该是住建局')).toEqual([['住建局', 'assigned']]);
    expect(rows('Q-0044 责任单位改为资规局')).toEqual([['资规局', 'assigned']]);
    // a card reply naming no record stays no update
    expect(parse('第二个部门写错了 应该是住建局').kind).toBe('not_update');
  });

  it("the enterprise's own filing, waiting for the answer told first, is no hand-off", () => {
    expect(rows('东盛机械的排污许可一直没批下来，说申请交上去二十天了')).toEqual([[null, 'open']]);
  });

  it('an office stem heading a clause that tells a past act with 的 (发改昨天给的批复)', () => {
    const d = findDepartments('Q-0012 批了 发改昨天给的批复');
    expect(d.map((x) => x.name)).toEqual(['发改局']);
  });
});

describe('hand-offs after a list address the entries by their own numbers', () => {
  it('an entry that raised nothing keeps its number (第3项 is the row numbered 3)', () => {
    const text =
      '走访记录\n序号 企业 反映问题\n1 东盛机械 用电增容排队\n2 东方轴承 无\n3 华康药业 订单减少\n以上第1项已转供电公司，第3项转商务局帮助拓市场。';
    expect(rows(text)).toEqual([
      ['供电公司', 'assigned'],
      ['商务局', 'assigned'],
    ]);
  });
});

describe('results a later line or a bare office name does not undo', () => {
  it('an office named on the next line without an act of its own says who did it', () => {
    const got = parse('东盛机械 排污许可 批了\n生态环境局 前天出的批复');
    expect(got.issues.map((i) => [i.department, i.status])).toEqual([['生态环境局', 'resolved']]);
  });

  it('an office stem with 办 + a result complement is the office and the result (住建办下来了)', () => {
    const d = findDepartments('施工许可住建办下来了');
    expect(d.map((x) => [x.name, x.raw])).toEqual([['住建局', '住建']]);
    expect(statuses('施工许可住建办下来了')).toEqual(['resolved']);
  });

  it('allocated (已分配) is a result, put before a meeting (已上会) is under way', () => {
    expect(statuses('住建局已经分配了')).toEqual(['resolved']);
    expect(statuses('银行周二已经上会了')).toEqual(['in_progress']);
  });

  it("the enterprise's papers 已报送 and waiting on the authority are no hand-off of ours", () => {
    const got = parse('东盛机械的GMP换证材料已报送，希望省药监局加快审查');
    expect(got.issues.map((i) => i.status)).toEqual(['open']);
  });
});

describe('work under way told with a manner or a past 的', () => {
  it('在 + a manner + a verb of work, and 受理的', () => {
    expect(statuses('现在在技术审查')).toEqual(['in_progress']);
    expect(statuses('现在技术审查')).toEqual([]);
    expect(statuses('市监局上周受理的')).toEqual(['in_progress']);
  });
});
