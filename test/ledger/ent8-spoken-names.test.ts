/**
 * Enterprise names in dictated speech and in table rows (branch ent8): each mechanism tested with messages written for
 * these tests — other enterprises and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findEnterprises } from '../../src/ledger/extract/index.js';
import { findRowNames } from '../../src/ledger/extract/enterprise.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const today = '2025-09-10';
const enterpriseOf = (text: string) => extractUpdate(text, { today, knownEnterprises: known }).enterprise;

describe('names among the fillers of dictated speech', () => {
  it('a filler before a name opens its clause as punctuation would (走访了那个X机械他们说)', () => {
    expect(enterpriseOf('昨天走访了那个恒泰机械他们说那个缺焊工十个')).toBe('恒泰机械');
    expect(enterpriseOf('嗯那个就是说银川科技那个补助财政局说下个月发')).toBe('银川科技');
  });

  it('a name with no company ending after a visit verb ends at the next filler (走访了那个X就是说)', () => {
    expect(enterpriseOf('上午走访了那个宝岳达就是说他们缺那个普工二十个')).toBe('宝岳达');
  });

  it('a name opening the message after fillers, before 的 and a topic (然后那个X的那个贷款)', () => {
    expect(enterpriseOf('然后那个庆丰源的那个贷款啊已经批下来了')).toBe('庆丰源');
  });

  it('an ending that is also a problem word (物流) makes a name at a spoken clause start before 的 + topic', () => {
    expect(enterpriseOf('然后那个就是说那个远航物流的道路的事情交通局说月底开工')).toBe('远航物流');
  });

  it('the entries of a spoken roll-up are counted (第一家是X, 第二家Y): the count is no part of the name', () => {
    expect(enterpriseOf('今天走访了两家第一家永辉机械一切正常第二家嘉诚新材想要新增用地')).toBe('永辉机械');
    expect(enterpriseOf('上周走访了两家啊第一家是明达科技没问题第二家是那个恒昌包装缺包装工')).toBe('明达科技');
  });

  it('a name said again in fuller form after a filler is one name: the repaired full form', () => {
    expect(enterpriseOf('昨天去走访了江苏瑞通那个瑞通电气有限公司他们说环评批不下来')).toBe('江苏瑞通电气有限公司');
  });

  it('a clause of only a name and 的 after the act names whose matter it was (…转给自规了，X的)', () => {
    expect(enterpriseOf('那个用地的事情已经转给自规了，瑞丰源的')).toBe('瑞丰源');
  });
});

describe('legal full names', () => {
  it('a break character inside a word of the name (万里) does not cut a legal full name', () => {
    expect(findEnterprises('昨天走访了浙江万里通股份有限公司，缺焊工', known)[0]?.name).toBe('浙江万里通股份有限公司');
  });
});

describe('table rows and form one-liners', () => {
  const ids = (text: string) =>
    [...text.matchAll(/Q-?\d{4}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const blanked = (text: string) => text.replace(/Q-?\d{4}/g, (m) => ' '.repeat(m.length));

  it('after an issue id column, the next cell is the name column', () => {
    const t = 'Q-0412\t润邦新能\t人才公寓\t住建局\t已入住';
    expect(findRowNames(blanked(t), [], ids(t)).map((h) => h.name)).toEqual(['润邦新能']);
    expect(enterpriseOf('Q-0413 | 汇远染整 | 用电增容 | 电力 | 已送电')).toBe('汇远染整');
  });

  it('a row opening with a name before pipes, or with a date and a label before it', () => {
    expect(enterpriseOf('博瑞 | 企业反映想申请专精特新奖励，还没兑现 | 经信局 | 已报')).toBe('博瑞');
    expect(enterpriseOf('9月3日 新增 | 鑫达电镀 | 入园用地 | 资规局 | 未交')).toBe('鑫达电镀');
  });

  it('a status after an issue id is no name (消号, a typo of 销号)', () => {
    expect(enterpriseOf('Q-0418 消号 已办结')).toBeNull();
  });

  it('an act after an issue id (退回补材料: two verbs, then a word that is also a company ending) is no name', () => {
    expect(enterpriseOf('Q-0419 退回补材料 企业在准备')).toBeNull();
    expect(enterpriseOf('Q-0420\t退回补材料\t发改局\t审核中')).toBeNull();
  });

  it('a header row names columns, no enterprise; a row with no id or lead cell split by spaces is no row', () => {
    expect(findRowNames('企业名称\t问题类型\t责任单位\t进展')).toEqual([]);
    expect(findRowNames('今天 天气 不错 大家 辛苦')).toEqual([]);
  });
});

describe('spoken roll-ups', () => {
  it('each counted entry (第一家, 第二家是) starts an item even with no punctuation: one problem per entry', () => {
    const e = extractUpdate(
      '今天走访了三家第一家永辉机械一切正常第二家嘉诚新材缺普工十个第三家是恒昌包装想申请技改贷款',
      {
        today,
        knownEnterprises: known,
      },
    );
    expect(e.kind).toBe('visit');
    expect(e.enterprise).toBe('永辉机械');
    expect(e.issues.map((i) => i.category)).toEqual(['用工', '融资']);
  });
});
