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
