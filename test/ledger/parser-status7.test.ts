/**
 * Status, seventh round: a result said in a share short of the whole, a remainder still to come, work put on a
 * schedule, a remainder that belongs to the next list item, and "may be signed off" with the check already made.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findStatuses } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-10-14';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const statuses = (e: Extraction) => e.issues.map((i) => i.status);

describe('a result in a part or a share is work under way', () => {
  it('a share short of the whole (百分比, 七成) after a result verb is in progress', () => {
    expect(statuses(parse('Q-0201 贴息资金到位了80%'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0202 厂房改造完成约六成'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0203 管网铺设进度百分之七十'))).toEqual(['in_progress']);
  });

  it('the whole is no part', () => {
    expect(findStatuses('管网铺设完成100%了').map((s) => s.status)).not.toContain('in_progress');
    expect(findStatuses('资金到位了80%').map((s) => s.status)).toEqual(['in_progress']);
  });

  it('an amount still to come after a result (还有200万下个月放) leaves it in progress', () => {
    expect(statuses(parse('Q-0205 农商行已经放款300万，还有200万下个月放'))).toEqual(['in_progress']);
  });

  it('a remainder said of the next list item does not touch this one', () => {
    const hits = findStatuses('回访华康：1 排污许可证已经拿到 2 技术工人还差5个在招');
    expect(hits[0]?.status).toBe('resolved');
  });
});

describe('work put on a schedule', () => {
  it('已排期 / 排上日程 is in progress', () => {
    expect(statuses(parse('Q-0206 现场验收已排期'))).toEqual(['in_progress']);
    expect(findStatuses('专家评审排上日程了').map((s) => s.status)).toContain('in_progress');
  });
});

describe('may be signed off, with the check made', () => {
  it('an office or a return visit has confirmed: signed off', () => {
    expect(parse('Q-0207 可以销号了 组织部回访核实过了').kind).toBe('closed');
    expect(parse('Q-0208 经县委组织部确认，可予销号').kind).toBe('closed');
  });

  it('asked, awaited, or only the enterprise confirming: solved, not signed off', () => {
    expect(findStatuses('组织部确认过了，可以销号了吧？').map((s) => s.status)).toEqual(['resolved']);
    expect(parse('Q-0210 已办结，待组织部确认后可以销号').kind).toBe('resolved');
    expect(parse('Q-0211 企业已确认问题解决，可以销号').kind).toBe('resolved');
  });
});

describe('不 inside a word that negates nothing', () => {
  it('差不多 / 前不久 before a result do not negate it', () => {
    expect(statuses(parse('Q-0212 厂区道路差不多修好了'))).toEqual(['resolved']);
    expect(findStatuses('前不久已经到账了').map((s) => s.status)).toEqual(['resolved']);
  });

  it('a plain 不 still negates', () => {
    expect(findStatuses('环评还是不通过').map((s) => s.status)).not.toContain('resolved');
  });
});

describe('a step done with the next step of the process still to come', () => {
  it('尽调已完成，下周上会 / 批下来了，下周放款 are in progress', () => {
    expect(statuses(parse('Q-0213 银行尽调已经完成，下周上会'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0214 续贷批下来了，下周放款'))).toEqual(['in_progress']);
  });
});

describe('a promise of speed right after a hand-off', () => {
  it('acknowledges the hand-off: assigned, not in progress', () => {
    const got = parse('青禾食品的排污许可，我已经转给生态环境局了，他们说会尽快安排人来看');
    expect(got.issues.map((i) => `${i.department}/${i.status}`)).toEqual(['生态环境局/assigned']);
    expect(statuses(parse('Q-0215 已交人社局，人社局答应尽快对接'))).toEqual(['assigned']);
  });

  it('work under way or a result promised for a date after a hand-off still counts', () => {
    expect(statuses(parse('Q-0216 已交人社局，人社局正在对接'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0217 已转金融办，银行说下周放款'))).toEqual(['in_progress']);
  });
});

describe('particles after a result or work under way', () => {
  it('a final particle after 了 ends the clause (款子到了噢, 批了哈)', () => {
    expect(statuses(parse('Q-0218 补贴款子到了噢'))).toEqual(['resolved']);
    expect(findStatuses('规划许可批了哈').map((s) => s.status)).toEqual(['resolved']);
  });

  it('a result verb governed by a progressive is what the work aims at (已经在走审批了)', () => {
    expect(statuses(parse('Q-0219 银行已经在走审批了'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0220 现在已经批了'))).toEqual(['resolved']);
  });

  it('呢 after work still going on states it; 呢 after a bare topic asks', () => {
    expect(statuses(parse('Q-0221 银行那边还在审呢'))).toEqual(['in_progress']);
    expect(parse('Q-0222 进展呢').kind).toBe('not_update');
    expect(parse('Q-0223 现在在哪一步了呢').kind).toBe('not_update');
  });
});
