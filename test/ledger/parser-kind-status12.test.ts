/**
 * Kind and status, twelfth round. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseChecked as parse } from './parse-helpers.js';

describe('a date or a name taken back keeps the rest of the message', () => {
  it('the visit between the wrong day and the repair marker is still read (2026-03-12 is a Thursday)', () => {
    const got = parse('周三去了东方轴承 不对是周二 他们说缺20个装配工');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('东方轴承');
    expect(got.date).toBe('2026-03-10');
    const back = parse('上周四去的华康 哦不对 上周五 老板说流动资金紧张');
    expect(back.kind).toBe('visit');
    expect(back.enterprise).toBe('华康药业');
    expect(back.date).toBe('2026-03-06');
  });

  it('what is said again after the right name is still taken back with the wrong one', () => {
    const got = parse('华康的人才公寓 呃 不对 是海纳的人才公寓 已经解决了');
    expect(got.enterprise).toBe('海纳半导体');
    expect(got.issues).toHaveLength(1);
  });
});

describe('a hand-off acknowledged by whoever took it stays assigned', () => {
  it('a promise of a later step by the department (or 他们) just handed the matter', () => {
    for (const text of [
      '东盛机械的厂房用地已转交资规局，资规局说会研究',
      '东盛机械的技改补助已报财政局，财政局说20日前审完',
      '东盛机械的加计扣除跟税务局讲了 税务局说年后来上门辅导',
    ]) {
      const got = parse(text);
      expect(got.issues.map((i) => i.status)).toEqual(['assigned']);
    }
    const they = parse('东方轴承招工那个事情我前天已经交给人社局了，他们说会安排专场招聘会');
    expect(they.issues.map((i) => [i.department, i.status])).toEqual([['人社局', 'assigned']]);
  });

  it('waiting for its answer, on the same line or the next', () => {
    expect(parse('宏达机械的贷款已报金融办，等回复中').issues.map((i) => i.status)).toEqual(['assigned']);
    expect(parse('Q-0031 已转交 住建局\n等回复中').issues.map((i) => i.status)).toEqual(['assigned']);
  });

  it('a promise by someone else, or work said without a hand-off, is still work under way', () => {
    expect(parse('东盛机械的贷款已报金融办，银行说月底前放款').issues.map((i) => i.status)).toEqual(['in_progress']);
    expect(parse('东盛机械的土地证 资规局说下周能出证').issues.map((i) => i.status)).toEqual(['in_progress']);
    expect(parse('宏达机械的贷款已报金融办，金融办说已经在对接银行').issues.map((i) => i.status)).toEqual([
      'in_progress',
    ]);
  });
});

describe('an emoji after a result ends its clause', () => {
  it('批了🎉, 到账✅ are results', () => {
    expect(parse('东盛机械的环评批了🎉').issues.map((i) => i.status)).toEqual(['resolved']);
    expect(parse('东盛机械 贷款 到账✅').issues.map((i) => i.status)).toEqual(['resolved']);
    const visit = parse('周六去了东盛机械 施工许可拿到了 🎉 他们说还缺电');
    expect(visit.kind).toBe('mixed');
    expect(visit.issues.map((i) => i.status).sort()).toEqual(['open', 'resolved']);
  });
});
