/**
 * Enterprise-name shapes (branch ent7): each mechanism tested with messages written for these tests — other
 * enterprises and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { shapeDoubts } from '../../src/ledger/extract/confidence.js';
import { CONFIDENT, confidenceOf, extractUpdate, findEnterprises } from '../../src/ledger/extract/index.js';
import type { Extraction } from '../../src/ledger/model.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const firstName = (text: string) => findEnterprises(text, known)[0]?.name ?? null;

describe('enterprise names as written', () => {
  it('a place name holding a break character (无锡, 无为) begins a legal full name, kept whole', () => {
    expect(firstName('上午走访了无锡恒远精工机械有限公司，企业说缺钳工。')).toBe('无锡恒远精工机械有限公司');
  });

  it('a short name written with its city in front is kept as written (the labelling rules: names as written)', () => {
    expect(firstName('湖州青禾生物的行政说实验室要扩建。')).toBe('湖州青禾生物');
    expect(firstName('今天去了苏州明泰电子，企业说订单不足。')).toBe('苏州明泰电子');
  });

  it('a legal full name keeps its place', () => {
    expect(firstName('走访杭州青禾生物科技有限公司，缺研发人员。')).toBe('杭州青禾生物科技有限公司');
  });

  it('parts and medical endings close a name (…配件, …医疗)', () => {
    expect(firstName('本月办结：东港汽车配件出口退税已到账。')).toBe('东港汽车配件');
    expect(firstName('汇报一下：康宁医疗的注册证还在审。')).toBe('康宁医疗');
  });

  it('the speaker just out of the enterprise (我刚从X出来) names it clean', () => {
    expect(firstName('喂我刚从华茂机械出来他们说焊工还缺十来个')).toBe('华茂机械');
  });

  it('after a chatty lead-in ending in ～ or a colon the name starts clean', () => {
    expect(firstName('跟大家说个好消息～启明智能的奖励到账了')).toBe('启明智能');
    expect(firstName('请示领导：安和医疗的许可证能否加急')).toBe('安和医疗');
  });
});

describe('roll-up rows labelled by their enterprise', () => {
  it('a row may open with its number and a date, and its label may carry an aside', () => {
    const text = '本周走访：\n① 3月2日 青岚陶瓷：窑炉改造缺资金；\n② 3月4日 北川机电（周三）：缺钳工6人。';
    const names = findEnterprises(text, known).map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['青岚陶瓷', '北川机电']));
  });
});

describe('doubts the shape of a parse shows (confidence)', () => {
  const base: Extraction = { kind: 'mixed', enterprise: '明远纺织', date: null, ref: null, issues: [] };
  const issue = (status: Extraction['issues'][number]['status']) => ({
    category: '其他' as const,
    summary: '',
    department: null,
    status,
  });

  it('a mixed parse whose issues show one act only lost the other act', () => {
    const one = shapeDoubts({ ...base, issues: [issue('resolved')] }, '');
    expect(one).toContain('lost_act');
    const same = shapeDoubts({ ...base, issues: [issue('open'), issue('open')] }, '');
    expect(same).toContain('lost_act');
    const two = shapeDoubts({ ...base, issues: [issue('open'), issue('resolved')] }, '');
    expect(two).not.toContain('lost_act');
    expect(shapeDoubts({ ...base, kind: 'visit', issues: [issue('open')] }, '')).not.toContain('lost_act');
  });

  it('a message opening with a reporting period is a periodic report', () => {
    const visit: Extraction = { ...base, kind: 'visit', issues: [issue('open')] };
    expect(shapeDoubts(visit, '【本月小结】明远纺织：缺挡车工。')).toContain('periodic_report');
    expect(shapeDoubts(visit, '上周走访情况：明远纺织缺挡车工。')).toContain('periodic_report');
    // a weekday is a date, not a period
    expect(shapeDoubts(visit, '上周三去了明远纺织，缺挡车工。')).not.toContain('periodic_report');
    expect(shapeDoubts(visit, '今天去了明远纺织，本周内要答复。')).not.toContain('periodic_report');
  });

  it('the heavier doubts make a parse ask', () => {
    expect(confidenceOf(['lost_act', 'mixed_acts'])).toBeLessThan(CONFIDENT);
    // (a periodic report alone lowers it; with a second doubt it asks)
    expect(confidenceOf(['periodic_report'])).toBeLessThan(1);
    expect(confidenceOf(['periodic_report', 'unexplained_text'])).toBeLessThan(CONFIDENT);
  });
});

describe('structure that removes a doubt', () => {
  const known2 = loadKnownEnterprises();
  const parse = (text: string) => extractUpdate(text, { today: '2026-03-12', knownEnterprises: known2 });

  it('a numbered list without commas is cut by its numbers, not by guesswork', () => {
    const p = parse('本周情况 1.Q-0031 焊工又到了4人 还缺2人 2.Q-0032 技改奖励已经拨付到位');
    expect(p.reasons).not.toContain('unpunctuated');
    expect(p.reasons).not.toContain('mixed_acts');
  });

  it('a run-on without numbers still is', () => {
    const p = parse('上午去了明远纺织他们说挡车工还缺二十个然后污水管网的事情也一直没弄好');
    expect(p.reasons).toContain('unpunctuated');
  });
});
