/**
 * Kind and status, sixth round: colloquial final particles after a result, permits issued, a channel heading
 * (来函：/来电：) before a matter, "visit" after a past time word, a department that turns the matter down.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-10-14';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const shape = (e: Extraction) => e.issues.map((i) => `${i.department ?? '-'}/${i.status}`);

describe('results said colloquially or as a permit issued', () => {
  it('a result complement closed by 咯/嘞 is a result', () => {
    expect(parse('青禾食品宿舍那个事 街道办好咯').kind).toBe('resolved');
    expect(parse('华康药业的变压器 供电公司装好嘞').kind).toBe('resolved');
  });

  it('something granted said to be handed to the enterprise is solved; a notice handed over is not', () => {
    expect(parse('Q-0140 排污许可证已经发给企业了').kind).toBe('resolved');
    expect(parse('Q-0141 整改通知已经发给企业了').kind).not.toBe('resolved');
  });

  it('a permit said to be issued (已核发, 已颁发) is solved', () => {
    const got = parse('华康药业 危废经营许可证 生态环境局已核发');
    expect(got.kind).toBe('resolved');
    expect(shape(got)).toEqual(['生态环境局/resolved']);
  });
});

describe('a channel heading says the matter is reported', () => {
  it('来电：… a benefit not enjoyed, then a hand-off is a new problem handed off, not an update', () => {
    const got = parse('来电：青禾食品研发费用加计扣除没享受到，已转税务局。');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['税务局/assigned']);
  });
});

describe('an English visit verb after a past time word', () => {
  it('今天visit X is a visit; a visit planned for tomorrow is not', () => {
    expect(parse('今天visit 青禾食品 缺10个包装工').kind).toBe('visit');
    expect(parse('明天visit 青禾食品').kind).not.toBe('visit');
  });
});

describe('a department that turns the matter down', () => {
  it('X说不归他们管 leaves the matter open with no department', () => {
    const got = parse('青禾食品门口道路坑洼 交通局说不归他们管 不知道找谁');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['-/open']);
  });

  it('a department that refuses to accept the case is no handler', () => {
    const got = parse('华康药业反映厂区排水不畅，住建局表示不予受理。');
    expect(shape(got)).toEqual(['-/open']);
  });
});

describe('an earlier time is no enterprise name', () => {
  it('企业前期反映的 Q-… on a visit is an update of that issue: the visit is mixed', () => {
    const got = parse(
      '十月九日赴青禾食品走访，企业反映冷库用地不够；另，企业此前反映的Q-0101用电增容问题，供电公司已完成送电。',
    );
    expect(got.kind).toBe('mixed');
    expect(got.enterprise).toBe('青禾食品');
  });

  it('关于 before an earlier time names nothing', () => {
    expect(parse('关于前期反映的Q-0102，经协调，现已上报省里研究。').enterprise).toBeNull();
  });
});

describe('a department’s own steps of work', () => {
  it('组织 + who takes part + the work is in progress', () => {
    const got = parse('华康药业厂房消防验收问题，已由住建局牵头，组织专家于十月十日现场复查。');
    expect(shape(got)).toEqual(['住建局/in_progress']);
  });

  it('work put on the schedule (列入计划) is in progress', () => {
    const got = parse('青禾食品冷库用电不够，已报供电公司，供电公司已同意增容并纳入计划。');
    expect(shape(got)).toEqual(['供电公司/in_progress']);
  });
});

describe('a table pasted with its header row', () => {
  it('the header row (企业名称\\t问题类型\\t…) is no item, and a row under a problem column is a new problem', () => {
    const got = parse('企业名称\t问题类型\t问题描述\t责任单位\t进展\n青禾食品\t人才\t研发人员10名\t人社局\t已交办');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['人社局/assigned']);
  });

  it('a header row split by | with a visit-date column is no item either', () => {
    const got = parse(
      '企业名称|走访日期|问题|责任单位|进展\n青禾食品|2026.10.8|缺包装工20人|人社局|已交办\n华康药业|2026.10.9|环评未批|生态环境局|办理中',
    );
    expect(got.issues).toHaveLength(2);
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '审批']);
  });
});

describe('a list of things to do under a to-do heading', () => {
  it('本周计划：/下周重点： then visits and follow-ups to make is no update', () => {
    expect(parse('下周重点：1、Q-0120 跟进；2、回访青禾食品、华康药业。').kind).toBe('not_update');
    expect(parse('本周安排：走访青禾食品').kind).toBe('not_update');
  });

  it('a heading over things that happened is still read', () => {
    expect(parse('本周工作：走访了青禾食品，企业反映缺焊工10名').kind).toBe('visit');
  });
});

describe('a record whose progress field says work is under way', () => {
  it('问题：… (something wrong) + 进展：审核中 is an update of the issue on file', () => {
    const got = parse('企业名称：青禾食品\n问题：技改设备补助未拨付\n责任单位：经信局\n进展：审核中');
    expect(got.kind).toBe('progress');
    expect(shape(got)).toEqual(['经信局/in_progress']);
  });

  it('the same record handed off only (进展：已交办) stays a new problem', () => {
    const got = parse('企业名称：青禾食品\n问题：技改设备补助未拨付\n责任单位：经信局\n进展：已交办');
    expect(got.kind).toBe('issue');
  });
});

describe('a bare 去X after a time already past', () => {
  it('昨天去X + nothing wrong is a visit; 下午去X is still a plan', () => {
    const got = parse('昨天去青禾食品 ok 没啥事');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('青禾食品');
    expect(parse('下午去青禾食品，谁一起').kind).toBe('not_update');
  });
});

describe('a numbered item right after a closing bracket', () => {
  it('1.…（人社局）2.…（住建局） lists two problems', () => {
    const got = parse('走访青禾食品：1.包装工缺10人（人社局）2.消防验收未通过（住建局）');
    expect(shape(got)).toEqual(['人社局/assigned', '住建局/assigned']);
  });
});
