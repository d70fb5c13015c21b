/**
 * Kind and status, fourteenth round: a request to the bot for the ledger (帮我查…的进度, @助手 把…导出来), a weekly
 * self-check's tally line (本周完成走访N家), a meeting's lead office with its time limit (由X局牵头，N日前办结), a result
 * of gathering people (凑齐了), money being paid out (放款中), and a notice ending 请知悉. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/index.js';
import { parseChecked as parse } from './parse-helpers.js';

const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('a request to the bot for the ledger', () => {
  it('asking it to look up ids or export a list is no update', () => {
    expect(parse('麻烦帮我查下Q-0301和Q-0302目前什么进度').kind).toBe('not_update');
    expect(parse('@机器人 把上周新收的事项列出来，我要给领导看').kind).toBe('not_update');
    expect(parse('给我导出一下本季度的问题台账').kind).toBe('not_update');
  });
  it('a report that says what happened is still recorded', () => {
    const got = parse('帮企业对接的贷款已经放款了，东风机械那边很满意');
    expect(got.kind).not.toBe('not_update');
  });
});

describe('a weekly self-check', () => {
  it('本周完成走访N家 is a tally, no matter of its own', () => {
    const got = parse(
      '本周完成走访2家，新增问题1个，办结0个。\n1.东风机械：缺叉车司机3名，新增；\n2.海天食品：走访，无问题。',
    );
    expect(got.kind).toBe('visit');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('open');
  });
});

describe('a lead office set by a meeting, with its time limit', () => {
  it('由X局牵头，N日前办结 stays a hand-off, no work under way', () => {
    const got = parse('东风机械的用地问题由资规局牵头，8月20日前办结。');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.department).toBe('资规局');
    expect(got.issues[0]!.status).toBe('assigned');
  });
  it('a promised date is still work under way', () => {
    expect(found('银行说月底前放款')).toEqual(['in_progress']);
  });
});

describe('results and work in plain words', () => {
  it('凑齐了 is a result', () => {
    expect(found('缺的几个包装工凑齐了')).toEqual(['resolved']);
    const got = parse('海天食品的分拣工凑齐了，今天都来上班了');
    expect(got.kind).toBe('resolved');
  });
  it('放款中 is money on its way', () => {
    expect(found('300万贷款放款中')).toEqual(['in_progress']);
  });
});

describe('a notice ending 请知悉', () => {
  it('a change of the form with 办结期限 in it is no result', () => {
    expect(parse('各组注意，台账下月起增加“责任单位”“办结期限”两栏，请知悉。').kind).toBe('not_update');
    expect(parse('从下周开始周报改成每周五中午前交，请知悉').kind).toBe('not_update');
  });
});
