/**
 * Department roles and enterprise-name shapes (branch dept5): each mechanism tested with messages written for these
 * tests — other enterprises, departments and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findDepartments, handlerDepartment } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { normalizeDepartment } from '../../src/ledger/lexicon/departments.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-03-12';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const depts = (e: Extraction) => e.issues.map((i) => i.department);
const handler = (text: string) => handlerDepartment(findDepartments(text));

describe('a department that went along on the visit is no handler', () => {
  it('陪同 / 随行 / 带队 after the department (or its cadre)', () => {
    expect(handler('县科技局陪同走访嘉木电子，企业反映研发人员不够。')).toBeNull();
    expect(handler('本次调研由县委统战部带队，青松酒业反映销路不畅。')).toBeNull();
    expect(handler('商务局李科长随行，走访了汇通纺织。')).toBeNull();
  });

  it('a department listed after one that went along went along too', () => {
    const got = findDepartments('会同财政局、医保局走访了康宁医疗，企业反映结算周期长。');
    expect(got.map((d) => d.role)).toEqual(['participant', 'participant']);
  });

  it('its staff coming to the enterprise themselves is the office at work', () => {
    expect(handler('青松酒业变压器老化，供电局的人昨天来看过了。')).toBe('供电公司');
  });

  it('a hand-off still to come (将报请, 需协调, 下一步联系) leaves no department', () => {
    expect(handler('下一步将报请医保局研究。')).toBeNull();
    expect(handler('康宁医疗的用电问题需协调供电公司处理。')).toBeNull();
    expect(handler('已将该问题报请医保局研究。')).toBe('医保局');
  });
});

describe('department names', () => {
  it('a stem whose people say something is that department (人社的说…)', () => {
    expect(handler('嘉木电子的见习补贴，人社的说可以办。')).toBe('人社局');
  });

  it('the park authority however the park is called', () => {
    expect(normalizeDepartment('管委会')).toBe('园区管委会');
    expect(normalizeDepartment('高新区管委会')).toBe('园区管委会');
    expect(depts(parse('嘉木电子厂房租金的事，管委会在谈。'))).toEqual(['园区管委会']);
  });
});
