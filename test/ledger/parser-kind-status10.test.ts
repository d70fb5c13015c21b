/**
 * Kind and status, tenth round: review stages said with 中, a scope adverb between 已 and the result, 签订, a date
 * moved (改到周五) is no result, the envelope of a reply or a forward (回复 Q-…：, 转发 @…：), arrangements and quotas
 * (关于…的安排, 每组不少于5家), and a message that only thanks. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/index.js';
import { parseChecked as parse, triples } from './parse-helpers.js';

const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('status words', () => {
  it('a review stage + 中 is work under way', () => {
    expect(found('省局技术审评中')).toEqual(['in_progress']);
    expect(found('材料在复审')).toEqual(['in_progress']);
  });
  it('a scope adverb between 已 and the result keeps it a result', () => {
    expect(found('操作工已全部到岗。')).toEqual(['resolved']);
    expect(found('两笔补贴已均到账')).toEqual(['resolved']);
  });
  it('已签订 is a result', () => {
    expect(found('已签订采购合同；')).toEqual(['resolved']);
  });
  it('a verb + 到 + a time moves a date, it gets nothing', () => {
    expect(found('座谈会调到下周三下午了')).toEqual([]);
    expect(found('培训改到3号了')).toEqual([]);
    // (a result with an object is still one)
    expect(found('钳工招到了')).toEqual(['resolved']);
  });
});

describe('the envelope of a reply or a forward', () => {
  it('回复 Q-…： is no part of the update, and the id heads the words after it', () => {
    const got = parse('回复 Q-0412：还在排队，银行说材料要补一份');
    expect(got.kind).toBe('progress');
    expect(got.ref).toBe('Q-0412');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('in_progress');
    expect(got.issues[0]!.summary).not.toContain('回复');
  });
  it('转发 @…： is no enterprise', () => {
    const got = parse('转发 @小李：今天走访了华康药业，企业反映缺5名化验员');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('华康药业');
  });
});

describe('arrangements, quotas and thanks are no updates', () => {
  it('the title of an arrangement with dates and a quota', () => {
    expect(parse('关于五一前安全生产走访的安排：4月20日至4月28日，每组走访企业不少于6家。').kind).toBe('not_update');
  });
  it('a visiting rota', () => {
    expect(parse('下月走访分组：一组周一，二组周三。').kind).toBe('not_update');
  });
  it('a rule for every team, to be carried out', () => {
    expect(parse('9月起各服务小组每周走访不少于2家企业，请遵照执行。').kind).toBe('not_update');
  });
  it('a meeting moved to another day', () => {
    expect(parse('周二的调度会改到周三下午了').kind).toBe('not_update');
  });
  it('thanks only', () => {
    expect(parse('衷心感谢县金融办对华康药业融资问题的帮助！').kind).toBe('not_update');
  });
  it('thanks that go on to say what happened are an update', () => {
    const got = parse('感谢县人社局的帮助，华康药业的20名操作工已全部到岗');
    expect(got.kind).not.toBe('not_update');
    expect(triples(got).map((t) => t[2])).toEqual(['resolved']);
  });
});
