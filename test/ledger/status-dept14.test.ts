/**
 * Status and department, fourteenth round (stat14). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/status.js';
import { findDepartments, handlerDepartment } from '../../src/ledger/extract/department.js';
import { parseChecked as parse } from './parse-helpers.js';

const statuses = (text: string) => findStatuses(text).map((h) => h.status);
const rows = (text: string) => parse(text).issues.map((i) => [i.department, i.status]);
const handler = (text: string) => handlerDepartment(findDepartments(text));

describe('intermediate stages of a money matter', () => {
  it('a formal approval of a loan or subsidy is a stage, the money still to come', () => {
    expect(statuses('续贷800万 已审批')).toEqual(['in_progress']);
    expect(statuses('技改补助 已出批复')).toEqual(['in_progress']);
    // (a permit's approval is its end)
    expect(statuses('环评已批复')).toEqual(['resolved']);
    // (the colloquial 批下来了 tells the end of it, as before)
    expect(statuses('贷款批下来了')).toEqual(['resolved']);
  });

  it('a loan approved in form on a new problem with no office named is still under way', () => {
    expect(rows('恒泰精密 续贷800万 已审批')).toEqual([[null, 'in_progress']]);
  });

  it('money come in, in an amount (到账200w, 放款3000万)', () => {
    expect(statuses('今天到账200w')).toEqual(['resolved']);
    expect(statuses('农商行放款3000万元')).toEqual(['resolved']);
    expect(statuses('下周到账200万')).not.toContain('resolved');
  });
});

describe('work started by whoever acts', () => {
  it('a site visit made (来人看过了) is work started, a visit promised only hands off', () => {
    expect(statuses('他们来人看过了')).toEqual(['in_progress']);
    expect(statuses('生态那边派人去看过了')).toEqual(['in_progress']);
    expect(statuses('供电公司说这周末来看')).toEqual(['assigned']);
    expect(rows('富民合作社冷库用电，已经跟国网的说了，他们来人看过了，要排计划。')).toEqual([
      ['供电公司', 'in_progress'],
    ]);
  });

  it('an application sent back with the enterprise told to complete it, what is missing said between', () => {
    expect(statuses('Q-0023 退回，材料不全，让企业补')).toEqual(['in_progress']);
    expect(statuses('退回补材料了')).toEqual(['in_progress']);
  });

  it('a light verb with a count of rounds (组织两场招聘会) is a step of work', () => {
    expect(statuses('人社局已组织两场招聘会')).toEqual(['in_progress']);
    expect(statuses('开展了三次排查')).toEqual(['in_progress']);
    expect(statuses('组织专场招聘')).toEqual(['in_progress']);
  });

  it('足 is a result complement (缺口已补足, 人员配足了)', () => {
    expect(statuses('缺口已补足')).toEqual(['resolved']);
    expect(statuses('人员配足了')).toEqual(['resolved']);
    expect(statuses('人手不足')).toEqual([]);
  });
});

describe('steps put off and hand-offs made together', () => {
  it('a step put off to a later time is as open as the step itself (待节后研究)', () => {
    expect(statuses('待节后研究')).not.toContain('in_progress');
    expect(statuses('待下周协调')).not.toContain('in_progress');
    expect(statuses('已完成路基施工，待铺沥青')).toContain('in_progress');
  });

  it('a hand-off made for several matters at once (已统一报, 已一并报)', () => {
    expect(handler('以上已统一报人社局')).toBe('人社局');
    expect(handler('上述问题已一并报县委组织部')).toBe('组织部');
    expect(statuses('以上已统一交办')).toEqual(['assigned']);
  });
});

describe('who handles it: referrals, thanks and steps still to take', () => {
  it('an office that pushed the matter on to banks referred it, it did not decline it', () => {
    expect(rows('Q-0088 金融办说已经推给三家银行了 在对接')).toEqual([['金融办', 'in_progress']]);
    expect(findDepartments('Q-0012 环保局说不归他们管，推给园区了').find((d) => d.name === '生态环境局')?.role).toBe(
      'background',
    );
  });

  it('an office thanked for the matter handled it, its staff named after it are no company of a visit', () => {
    expect(rows('瑞丰那个许可证办下来了，企业今天拿到证了，谢谢市监局的同志')).toEqual([['市场监管局', 'resolved']]);
    expect(findDepartments('感谢经信局老王陪同走访')[0]?.role).toBe('participant');
  });

  it('a hand-off or contact a moment later (晚点, 等下) is still to take: no handler, and 等下 is no waiting', () => {
    expect(rows('华康缺20个普工，晚点我报给人社')).toEqual([[null, 'open']]);
    expect(rows('华康缺20个普工，等下跟人社说')).toEqual([[null, 'open']]);
    expect(statuses('等下跟人社说')).toEqual([]);
    expect(statuses('就等批复')).toEqual(['in_progress']);
  });
});
