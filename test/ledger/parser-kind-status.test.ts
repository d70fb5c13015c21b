/**
 * Kind and status as classes of verbs and constructions (issue 11, fourth round): money coming in, parts of a
 * result, promises for a near time, matters needing no more following, waiting, a department taking a
 * matter over, telling a department, reported questions, headings, sentence particles after a question.
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

describe('results read from verb classes', () => {
  it.each([
    // money coming in: a transfer verb + 过来/进来, or + 到 an account
    'Q-0501 贴息款打过来了',
    'Q-0502 奖补资金汇过来了',
    'Q-0503 资金已到公司账上',
    // something granted, received
    'Q-0504 企业说已经收到奖励了',
    // arrival predicates and one-character results closing their clause
    'Q-0505 厂区路灯已修复',
    'Q-0506 稳岗返还已兑付',
    'Q-0507 排污证领了',
    'Q-0508 人才公寓分到手了',
    // already, with the helper before the result
    'Q-0509 仓储用地已协调解决',
    // the matter needs no more following
    'Q-0510 企业自己找到人了，不用再跟了',
  ])('%s is solved', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('resolved');
    expect(statuses(got)).toEqual(['resolved']);
  });

  it('money coming in is not a visit to the enterprise (已到企业账户)', () => {
    const got = parse('Q-0511 补贴已到企业账户');
    expect(got.kind).toBe('resolved');
  });
});

describe('work under way', () => {
  it.each([
    // a result of a part only
    'Q-0521 贷款放了一半',
    'Q-0522 补助部分到账',
    'Q-0523 首笔资金已拨',
    // a promise for a near time, without a modal
    'Q-0524 银行答应下礼拜放',
    'Q-0525 住建局说月底批',
    // waiting at the head of a clause
    'Q-0526 材料报上去了，等批复',
    // a department taking the matter over
    'Q-0527 资规那块已经接手了',
  ])('%s is in progress', (text) => {
    expect(statuses(parse(text))).toEqual(['in_progress']);
  });

  it('waiting for the sign-off after a result leaves it solved', () => {
    expect(statuses(parse('Q-0528 已解决，等回访后销号'))).toEqual(['resolved']);
  });

  it('a part lacking in a later list item is another matter', () => {
    const got = parse('今天回访青禾食品：1 规划许可已经拿到 2 电工招了两个还差四个');
    expect(statuses(got)[0]).toBe('resolved');
  });

  it('a department already at work on a need raised on a visit: the visit raised it', () => {
    const got = parse('上午去了青禾食品 要招三十个包装工 人社那块已经接了');
    expect(got.kind).toBe('visit');
    expect(shape(got)).toEqual(['人社局/in_progress']);
  });
});

describe('hand-offs and sign-offs', () => {
  it.each([
    ['Q-0531 我跟商务局说过了', '商务局/assigned'],
    ['Q-0532 给发改了', '发改局/assigned'],
    ['Q-0533 已经跟住建那边对接好了', '住建局/assigned'],
  ])('%s → %s', (text, want) => {
    expect(shape(parse(text))).toEqual([want]);
  });

  it('a status word inside a department’s name states nothing (报给交通了)', () => {
    const got = parse('昨天去了青禾食品 门口的路坑坑洼洼 报给交通了');
    expect(got.kind).toBe('visit');
    expect(shape(got)).toEqual(['交通运输局/assigned']);
  });

  it.each(['Q-0541 销', 'Q-0542 销掉了'])('%s is signed off', (text) => {
    expect(parse(text).kind).toBe('closed');
  });

  it.each(['Q-0543 报销了', 'Q-0544 撤销'])('%s is no sign-off', (text) => {
    expect(parse(text).kind).not.toBe('closed');
  });
});

describe('kind', () => {
  it('a question ending in a particle after 没有 asks (…批了没有啊)', () => {
    expect(parse('青禾食品的环评到底批了没有啊').kind).toBe('not_update');
  });

  it('a question the enterprise asked, reported, is its request', () => {
    const got = parse('青禾食品在群里问，稳岗补贴什么时候能发');
    expect(got.kind).toBe('issue');
    expect(statuses(got)).toEqual(['open']);
  });

  it('items under an enterprise’s 诉求 heading are new, even when handed off', () => {
    const got = parse('青禾食品诉求：1、过桥资金300万，已转金融办；2、招包装工20人，未交办。');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['金融办/assigned', '-/open']);
  });

  it('a visit heading over one enterprise makes a visit', () => {
    const got = parse('本周走访：青禾食品，反映两个问题：1.缺电工；2.冷库用电不够。');
    expect(got.kind).toBe('visit');
    expect(statuses(got)).toEqual(['open', 'open']);
  });

  it('a visit in English mixed with Chinese (visit了)', () => {
    expect(parse('今天visit了青禾食品，all good，no new requests').kind).toBe('visit');
  });

  it('a delay is a problem raised, not an update (拖了三个月 甩给税务了)', () => {
    const got = parse('青禾食品 出口退税拖了三个月 甩给税务了');
    expect(got.kind).toBe('issue');
    expect(shape(got)).toEqual(['税务局/assigned']);
  });
});

describe('checks before a sign-off, leads, discourse words', () => {
  it('a return visit that must come before the sign-off is no visit now (回访完销号)', () => {
    const got = parse('Q-0551 证已经办出来了，下周回访，回访完销号。');
    expect(got.kind).toBe('resolved');
    expect(statuses(got)).toEqual(['resolved']);
  });

  it('after a hand-off to several, 牵头 names who leads, not work started', () => {
    expect(shape(parse('青禾食品的技改补助 已报经信局和财政局，经信牵头'))).toEqual(['经信局/assigned']);
    // a lead said at work is work
    expect(statuses(parse('Q-0552 已报经信局，经信局牵头正在协调'))).toEqual(['in_progress']);
  });

  it('a visit, then an earlier issue signed off after 顺便说一下: mixed, one enterprise', () => {
    const got = parse('今天去青禾食品，企业一切正常；顺便说一下青禾的Q-0553 路灯已经修好了，销号。');
    expect(got.kind).toBe('mixed');
    expect(got.reasons).not.toContain('several_enterprises');
  });
});

describe('requests to follow up, construction results, bare 通过', () => {
  it.each(['Q-0561 催一下', '青禾食品的事情麻烦跟进下', 'Q-0562 请督促落实'])('%s records nothing', (text) => {
    expect(parse(text).kind).toBe('not_update');
  });

  it('a problem with a request to follow it up is still the problem', () => {
    const got = parse('青禾食品缺电工，麻烦跟进下');
    expect(got.kind).toBe('issue');
    expect(statuses(got)).toEqual(['open']);
  });

  it.each(['Q-0563 雨水管已铺好', 'Q-0564 消防验收通过', 'Q-0565 线路架好了'])('%s is solved', (text) => {
    expect(statuses(parse(text))).toEqual(['resolved']);
  });
});

describe('a result promised once a condition is met', () => {
  it('交齐后银行就放款 is under way; 办完后就放款了 happened', () => {
    expect(statuses(parse('Q-0571 材料还没交齐，交齐后银行就放款'))).toEqual(['in_progress']);
    expect(statuses(parse('Q-0572 手续办完后就放款了'))).toEqual(['resolved']);
  });

  it('a decision to sign off now (那就销号) is no promise', () => {
    expect(parse('Q-0573 企业也确认了，那就销号').kind).toBe('closed');
  });
});

describe('the speaker’s plan covers what follows its subject', () => {
  it('a hand-off said before "我再催一下" happened', () => {
    const got = parse('青禾食品的规划许可 上次转给资规那边了 现在还没回音 我再催一下');
    expect(shape(got)).toEqual(['资规局/assigned']);
  });

  it('a department after the speaker’s tentative verb is still only planned', () => {
    expect(shape(parse('昨天去了青禾食品，冷库用电不够要增容，我说回头找供电公司问问。'))).toEqual(['-/open']);
  });
});

describe('pending, completion words, obtaining', () => {
  it.each(['Q-0581 补助拨付完毕', 'Q-0582 供电公司送电成功', 'Q-0583 用地指标争取到了'])('%s is solved', (text) => {
    expect(statuses(parse(text))).toEqual(['resolved']);
  });

  it.each(['Q-0584 贷款已审批，待放款', 'Q-0585 指标还在争取'])('%s is under way', (text) => {
    expect(statuses(parse(text))).toEqual(['in_progress']);
  });
});

describe('visits without 走访', () => {
  it.each([
    '和青禾食品老板见了一面，说冷库电不够',
    '下午青禾食品那转了转，冷库电不够用',
    '青禾食品现场办公，企业提出冷库增容需求',
  ])('%s is a visit', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(statuses(got)).toEqual(['open']);
  });

  it('meeting planned for next week is no visit', () => {
    expect(parse('明天跟青禾食品老板见一面').kind).toBe('not_update');
  });
});

describe('variant spellings of status words', () => {
  it.each([
    ['Q-0591 奖励已到帐', 'resolved'],
    ['Q-0592 已办洁', 'resolved'],
    ['Q-0593 搞掂了', 'resolved'],
    ['Q-0594 在跟近', 'in_progress'],
    ['Q-0595 已fix', 'resolved'],
  ])('%s → %s', (text, status) => {
    expect(statuses(parse(text))).toEqual([status]);
  });

  it('叫办 is 交办', () => {
    expect(shape(parse('Q-0596 已叫办经信局'))).toEqual(['经信局/assigned']);
  });
});

describe('an earlier matter resolved, then something new reported', () => {
  it('the new report may say what is wrong in the clause after it', () => {
    const got = parse('嗯 今天去青禾食品 上次那个规划许可已经拿到了 然后他们又说想扩建 缺地');
    expect(got.kind).toBe('mixed');
    expect(statuses(got)).toEqual(['resolved', 'open']);
  });
});

describe('a hand-off still to come', () => {
  it.each(['Q-0611 下一步移交资规局', 'Q-0612 拟交办人社局', 'Q-0613 回头转给商务局'])(
    '%s hands nothing off yet',
    (text) => {
      expect(statuses(parse(text))).toEqual(['open']);
    },
  );

  it('the same hand-off said as done is assigned', () => {
    expect(shape(parse('Q-0614 已移交资规局'))).toEqual(['资规局/assigned']);
  });
});
