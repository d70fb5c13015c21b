/**
 * Kind and status, eleventh round: a visit with the handling of what was raised there is a visit (an earlier issue is
 * one named by id, said solved, dated before in words, or set against a problem said to be new); visits talked of in
 * general (a notice, a roster) record nothing; a line that is only a section number and a status is a section title;
 * 继续跟进 / 审评中 are work under way, 已全部到岗 a result. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/index.js';
import { parseChecked as parse, triples } from './parse-helpers.js';

const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('a visit and the handling of what was raised there', () => {
  it('work under way on a matter raised at the visit leaves it a visit', () => {
    for (const text of [
      '昨天去了青禾食品，老板说排污许可证快到期了，生态环境局那边说在走流程',
      '今天到了宏达机械 他们反映厂房消防验收过不了 然后道路破损的事就是说住建局在协调',
    ]) {
      const got = parse(text);
      expect(got.kind).toBe('visit');
      expect(got.issues.some((i) => i.status === 'in_progress')).toBe(true);
    }
  });

  it('an update dated before in words, or said solved, makes it mixed', () => {
    expect(parse('今天去了青禾食品，上次说的排污许可生态环境局还在审，企业新提了缺十个包装工').kind).toBe('mixed');
    expect(parse('今天回访了宏达机械，之前那个用电增容供电公司在施工').kind).toBe('mixed');
    expect(parse('今天去了宏达机械，贷款已经放下来了，另外他们缺十个焊工').kind).toBe('mixed');
  });

  it('beside a problem said to be new, the rest of the visit is earlier business', () => {
    expect(parse('今天又去了一趟青禾食品，环评已经进入技术审评阶段。新提的是仓库用电要增容。').kind).toBe('mixed');
  });
});

describe('visits talked of in general', () => {
  it('a notice or a roster about visits records nothing', () => {
    for (const text of [
      '下周降温，大家走访注意保暖。',
      '从下月起每个小组每周走访不少于两家企业，请遵照执行。',
      '1月份走访排班：一组周一，二组周三。',
    ])
      expect(parse(text).kind).toBe('not_update');
  });

  it('advice after a visit verb is no enterprise name', () => {
    expect(parse('走访务必带好登记表').enterprise).toBeNull();
  });
});

describe('a section number and a status on a line of its own', () => {
  it('is a section title, not an item', () => {
    const got = parse('（二）持续跟进\n青禾食品用电增容问题：供电公司正在施工。');
    expect(triples(got)).toEqual([['其他', '供电公司', 'in_progress']]);
  });
});

describe('status words', () => {
  it('继续跟进 and 审评中 are work under way', () => {
    expect(found('Q-0301 继续跟进')).toEqual(['in_progress']);
    expect(found('注册证 审评中')).toEqual(['in_progress']);
  });

  it('已全部到岗 is a result', () => {
    expect(found('焊工已全部到岗')).toEqual(['resolved']);
  });
});
