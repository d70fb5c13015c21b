/**
 * Kind and status, tenth round: a date moved (改到周五) is no result, the envelope of a
 * reply or a forward (回复 Q-…：, 转发 @…：), questions about an id, and headings over matters on file (以下问题予以销号：
 * 一、…; 关于…的办理情况). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/index.js';
import { parseChecked as parse } from './parse-helpers.js';

const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('status words', () => {
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

describe('a date moved is no update', () => {
  it('a meeting moved to another day', () => {
    expect(parse('周二的例会改到周三下午了').kind).toBe('not_update');
  });
});

describe('questions about an id', () => {
  it('an id with a question, then what the enterprise asked: a question, nothing recorded', () => {
    const got = parse('Q-0420 补贴标准是多少？企业问能不能按新标准算');
    expect(got.kind).toBe('not_update');
  });
  it('a reply that asks who should take it, then why: a question', () => {
    expect(parse('回复 Q-0421：这个该报发改还是经信？企业说是技改项目').kind).toBe('not_update');
  });
  it('a question, then a new problem said: recorded', () => {
    expect(parse('Q-0423 啥时候能批？企业说又缺20个操作工').kind).not.toBe('not_update');
  });
});

describe('headings over matters on file', () => {
  it('a heading pointing ahead with a status, over a numbered list: each item is a matter on file in that status', () => {
    const got = parse('经组织部核实，以下问题予以销号：一、华康药业技改贷款问题；二、七一电器用电增容问题。');
    expect(got.kind).toBe('closed');
    expect(got.issues.map((i) => i.status)).toEqual(['closed', 'closed']);
  });
  it('the title of a progress report raises nothing; the lines under it update the matter', () => {
    const got = parse('关于华康药业技改贷款问题的办理情况\n县金融办已组织两家银行对接，目前处于授信审批阶段。');
    expect(got.kind).toBe('progress');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('in_progress');
  });
});
