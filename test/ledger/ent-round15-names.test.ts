/**
 * Enterprise names (branch ent14): an unknown name that merely shares characters with a known one is kept as written
 * (no confident snap), while real typos and abbreviations still expand; a short form of trade-name characters said
 * bare at the start of a message names the enterprise. Messages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const today = '2026-03-12';
const parse = (text: string) => extractUpdate(text, { today, knownEnterprises: known });
const enterpriseOf = (text: string) => parse(text).enterprise;

describe('an unknown name is not snapped to a known one that shares characters', () => {
  it('a full name differing in a character read otherwise is another firm', () => {
    expect(enterpriseOf('华晟药业缺两个质量工程师。')).toBe('华晟药业');
    expect(enterpriseOf('七一电机缺装配工十来个。')).toBe('七一电机');
  });

  it('a known short form followed by more name and another ending is another firm', () => {
    expect(enterpriseOf('今天走访了海纳川科技，缺工程师。')).toBe('海纳川科技');
    expect(enterpriseOf('华康源食品缺普工二十人。')).toBe('华康源食品');
    expect(enterpriseOf('金鼎盛机械的贷款已放款。')).toBe('金鼎盛机械');
  });

  it('real typos and short forms still expand', () => {
    expect(enterpriseOf('七一电气缺装配工。')).toBe('七一电器');
    expect(enterpriseOf('华糠药业缺工程师。')).toBe('华康药业');
    expect(enterpriseOf('硅盛电子缺地的事转给资规局了')).toBe('矽盛电子');
    expect(enterpriseOf('金鼎招技术工人的事已解决，技校推荐了15个学生')).toBe('金鼎金属材料有限公司');
    expect(enterpriseOf('华康新厂环评批了')).toBe('华康药业');
  });
});

describe('a short form of trade-name characters said bare at the start', () => {
  it('before a topic or a spaced report, even when a dictionary knows the word', () => {
    expect(enterpriseOf('宏图 增容 电力 done 周五通电了')).toBe('宏图');
    expect(enterpriseOf('富民补助 财政说走流程了 月底前')).toBe('富民');
    expect(enterpriseOf('大华 招工 done 人社帮忙招了十几个')).toBe('大华');
  });

  it('before 那条 / 那块 (the matter it owns)', () => {
    expect(enterpriseOf('兴旺那条机耕路 交通局说纳入计划了 在排')).toBe('兴旺');
  });

  it('not an ordinary opening', () => {
    expect(enterpriseOf('资金紧张 已报金融办')).toBeNull();
    expect(enterpriseOf('中秋前放款了')).toBeNull();
  });
});
