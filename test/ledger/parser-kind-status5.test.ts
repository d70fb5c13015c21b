/**
 * Kind and status, fifth round: steps done before work still under way, words relayed from the enterprise
 * (evidential 据…反映, a quote, 诉求 naming the matter), the enterprise posting in the group, a department's own
 * next step, light verbs of work and stages reached, a matter under way reported on a visit.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-10-14';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const statuses = (e: Extraction) => e.issues.map((i) => i.status);
const shape = (e: Extraction) => e.issues.map((i) => `${i.department ?? '-'}/${i.status}`);

describe('a step done before work still under way', () => {
  it('a department’s approval then work being arranged is in progress, not solved', () => {
    const got = parse('青禾食品反映冷库用电不够，供电公司已经批了增容，正在排施工');
    expect(shape(got)).toEqual(['供电公司/in_progress']);
  });
});

describe('words relayed from the enterprise', () => {
  it('据X反映 + how the department’s work stands is an update, not a report', () => {
    const got = parse('据青禾食品反映，其冷库的消防整改经县住建局现场指导，目前已整改大半，待复查。');
    expect(got.kind).toBe('progress');
    expect(shape(got)).toEqual(['住建局/in_progress']);
  });

  it('a quote of the boss that wants nothing does not make it a report', () => {
    const got = parse('青禾食品冷库增容供电公司正在施工，老板说：“年底前通上就行。”');
    expect(got.kind).toBe('progress');
  });

  it('诉求 naming the matter before a comma, then the department at work, is an update', () => {
    const got = parse('青禾食品开拓海外市场诉求，已转商务局，目前商务局正在联系外贸平台。');
    expect(got.kind).toBe('progress');
    expect(shape(got)).toEqual(['商务局/in_progress']);
  });

  it('a relayed report that says something is wrong is still a new problem', () => {
    const got = parse('据青禾食品反映，冷库用电一直不够，供电公司正在测算。');
    expect(got.kind).toBe('issue');
  });
});

describe('the enterprise posting in the group', () => {
  it('X发群里：“…” then a hand-off is a new problem handed off', () => {
    const got = parse('青禾食品发群里：“厂门口的雨水管堵了好几天。”我已经报给住建局了。');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['住建局/assigned']);
  });
});

describe('a department’s own next step', () => {
  it('a department that has planned its next step is at work (商务局拟于下周组织…)', () => {
    const got = parse('今天走访青禾食品，企业反映出口订单减少。经协调，县商务局拟于下月组织企业参加展会。');
    expect(got.kind).toBe('visit');
    expect(shape(got)).toEqual(['商务局/in_progress']);
  });
});

describe('light verbs of work and stages reached', () => {
  it.each([
    ['青禾食品反映研发费用加计扣除没享受到，税务局进行了辅导', '税务局/in_progress'],
    ['青禾食品反映招工难，人社局组织了专场招聘', '人社局/in_progress'],
    ['Q-0603 审批进入公示环节，快了', '-/in_progress'],
  ])('%s → %s', (text, want) => {
    expect(shape(parse(text))).toEqual([want]);
  });

  it('a stage reached, said on a visit with nothing wrong, is an earlier matter: mixed', () => {
    const got = parse('上午去了青禾食品，排污许可已经进入公示阶段。另外新提的是缺两个电工。');
    expect(got.kind).toBe('mixed');
    expect(statuses(got)).toEqual(['in_progress', 'open']);
  });
});

describe('a duty handed over with 由', () => {
  it('具体由X落实 names who is to act, it is no result', () => {
    const got = parse('青禾食品仓储用地问题经县政府研究，具体由资规局落实。');
    expect(statuses(got)).not.toContain('resolved');
    expect(shape(got)).toEqual(['资规局/assigned']);
  });

  it('已由X协调解决 happened', () => {
    expect(statuses(parse('Q-0611 已由金融办协调解决'))).toEqual(['resolved']);
  });
});

describe('a bare status after an update says more of that update', () => {
  it('a comment that calls the matter solved after a relayed result is the same update', () => {
    const got = parse('青禾食品老板发微信说：“奖励款到账了！”这个可以算办结了。');
    expect(got.kind).toBe('resolved');
    expect(statuses(got)).toEqual(['resolved']);
  });
});

describe('a status word saying nothing was done is no problem of its own', () => {
  it('…请求支持。该事项尚未交办 is one open problem', () => {
    const got = parse('青禾食品来函反映冷库电费负担重，请求给予支持。目前该事项尚未交办。');
    expect(got.kind).toBe('issue');
    expect(statuses(got)).toEqual(['open']);
  });
});

describe('a question whose head says only that nothing happened yet', () => {
  it('Q-X 还没人管，谁接一下？ asks; the result said before it is kept', () => {
    const got = parse('Q-0621 贷款已经放了。Q-0622 还没人管，谁接一下？');
    expect(got.kind).toBe('resolved');
    expect(statuses(got)).toEqual(['resolved']);
  });
});

describe('a result conceded before a contrast', () => {
  it('订单已签约，但用地未落实: background to the problem, no update', () => {
    const got = parse('青禾食品的外贸大单已经签约，但扩产用地指标尚未落实。');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['-/open']);
  });

  it('…批下来了，但新问题是…: the result is an update, the problem new', () => {
    const got = parse('青禾食品来电：排污许可批下来了，但新问题是厂区道路塌陷。');
    expect(got.kind).toBe('mixed');
  });
});

describe('delays and quiet visits', () => {
  it('仍未完成 after a hand-off long ago is a problem raised, not an update', () => {
    const got = parse('青禾食品冷库消防验收申请已提交住建局三个月，仍未完成验收。');
    expect(got.kind).toBe('issue');
  });

  it('未提出需协调事项 raises nothing', () => {
    const got = parse('今天走访青禾食品，企业经营正常，未提出需协调事项。');
    expect(got.kind).toBe('visit');
    expect(got.issues).toEqual([]);
  });
});

describe('a step still to come, a bank calling, our own plan', () => {
  it('…已完成路基施工，待铺沥青 is under way', () => {
    expect(statuses(parse('Q-0631 道路改造已完成路基施工，待铺沥青'))).toEqual(['in_progress']);
  });

  it('待销号 after a result leaves it solved', () => {
    expect(statuses(parse('Q-0632 已解决，待销号'))).toEqual(['resolved']);
  });

  it('a bank named by its short form coming to the enterprise is no visit of ours', () => {
    expect(parse('青禾食品技改贷款的事金融办在帮忙对接，农行已经上门尽调了。').kind).toBe('progress');
  });

  it('our own next step said with a tentative verb records nothing', () => {
    expect(parse('青禾食品的贷款问题我明天去金融办问问情况。').kind).toBe('not_update');
  });
});

describe('chat typed without punctuation, dialect negators, English aspect', () => {
  it('a space between words ends the clause a wish or negation is read in (企业说不需要了 可以销号)', () => {
    expect(statuses(parse('Q-0641 企业说不需要了 可以销号'))).toEqual(['resolved']);
  });

  it('都莫找到 is 都没找到', () => {
    const got = parse('去了青禾食品 老板说想招几个电焊工 都莫找到');
    expect(got.kind).toBe('visit');
    expect(statuses(got)).toEqual(['open']);
  });

  it('a bare "follow up" after a hand-off is our intent; "在follow up" is work under way', () => {
    expect(shape(parse('Q-0642 已转商务局 follow up'))).toEqual(['商务局/assigned']);
    expect(shape(parse('Q-0643 商务局在follow up'))).toEqual(['商务局/in_progress']);
  });

  it('"still waiting" on a department is work under way', () => {
    expect(statuses(parse('Q-0644 still waiting 生态局'))).toEqual(['in_progress']);
  });

  it('a result asked of someone (已通知企业补齐) is work under way', () => {
    expect(statuses(parse('Q-0645 市场监管局回复：材料还缺两份，已通知企业补齐。'))).toEqual(['in_progress']);
  });
});
