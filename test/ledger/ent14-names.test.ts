/**
 * Enterprise names as the fourteenth round's authors wrote them (branch r2ent): village workshops and livestock farms
 * named after their owner (孙家鸭场, 刘记油坊), trade endings of small firms (纸品, 竹木), a certificate named right
 * after the name (X坊证换了), and a meeting (会上) that is never a name. Messages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const today = '2026-03-12';
const parse = (text: string) => extractUpdate(text, { today, knownEnterprises: known });
const enterpriseOf = (text: string) => parse(text).enterprise;

describe('farms and workshops named by their owner', () => {
  it('a livestock farm (鸭场, 养猪场) is the enterprise', () => {
    expect(enterpriseOf('孙家鸭场的环评批下来了，没问题了。')).toBe('孙家鸭场');
    expect(enterpriseOf('陈三养猪场门口那段路修好了。')).toBe('陈三养猪场');
  });

  it('a workshop (作坊, 油坊, 加工点) is the enterprise', () => {
    expect(enterpriseOf('刘记油坊想扩产，缺两个榨油师傅。')).toBe('刘记油坊');
    expect(enterpriseOf('秀梅箱包加工点缺熟练工，要三四个人。')).toBe('秀梅箱包加工点');
  });

  it('small firms ending in 纸品 / 竹木 keep the ending', () => {
    expect(enterpriseOf('嘉和纸品用电增容的事已转供电公司。')).toBe('嘉和纸品');
    expect(enterpriseOf('青山竹木的贷款金融办在对接。')).toBe('青山竹木');
  });
});

describe('a certificate right after the name', () => {
  it('X坊证换好了 is a permit matter even when the name takes all before 证', () => {
    const u = parse('赵家豆腐坊证办下来了。');
    expect(u.enterprise).toBe('赵家豆腐坊');
    expect(u.issues[0]?.category).toBe('审批');
  });
});

describe('where something was said is no name', () => {
  it('会上 / 会议上 before 说的 is skipped for the enterprise that follows', () => {
    expect(enterpriseOf('昨天会上说的鼎盛化工排污许可，生态环境局已答复，办结。')).toBe('鼎盛化工');
  });
});

describe('a procedure word said as the stage of another matter', () => {
  it('审批中 after a loan is the loan’s stage, not a permit matter', () => {
    expect(parse('Q-0311 永昌机械转贷的事，金融办已对接工行，审批中。').issues[0]?.category).toBe('融资');
  });

  it('审批中 alone still names a permit matter', () => {
    expect(parse('永昌机械新车间的规划许可，审批中。').issues[0]?.category).toBe('审批');
  });
});
