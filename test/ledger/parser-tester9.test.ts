/**
 * What a code-naive tester typed in the ninth round, as parser rules: summaries of dictated reports keep neither the
 * visit nor half a filler; an enterprise's own application sent up and waiting is no hand-off; a one-character trade
 * (纸厂) names the team's one paper maker; 技术员 is staff, not 其他; cash strain after money owed is its consequence;
 * 没啥大问题 says nothing is wrong. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';

const team = ['恒远机械', '华盛纸业', '康宁生物', '越秀电子', '森达家具', '金鼎纺织'];
const parse = (text: string) =>
  extractUpdate(text, { today: '2026-12-07', teamEnterprises: team, knownEnterprises: [] });
const rows = (text: string) => parse(text).issues.map((i) => [i.category, i.summary, i.department, i.status]);

describe('summaries of dictated reports', () => {
  it('start after the name of the enterprise visited and keep no pronoun of the reported speaker', () => {
    expect(
      rows(
        '今天上午跟经信局小李一起去了恒远机械那个老板说他们新厂房的环评报上去三个月了还没批下来另外就是银行有一笔两千万的贷款下个月到期续贷有点困难',
      ).map((r) => r[1]),
    ).toEqual(['新厂房的环评报上去三个月了还没批下来', '银行有一笔两千万的贷款下个月到期续贷有点困难']);
    expect(rows('今天去了恒远机械企业反映环评没批下来').map((r) => r[1])).toEqual(['环评没批下来']);
  });

  it('never keep half of a filler (然后, 那个) and split two problems run together', () => {
    expect(
      rows(
        '嗯今天那个我和发改局的老陈去了华盛纸业啊企业那边主要是说那个污水处理站要扩建但是环评手续走不动然后用工也紧张',
      ),
    ).toEqual([
      ['审批', '污水处理站要扩建但是环评手续走不动', null, 'open'],
      ['用工', '用工也紧张', null, 'open'],
    ]);
  });

  it('leave out a clause saying nothing is wrong', () => {
    expect(rows('上周五去了森达家具 没啥大问题 就是说出口订单多了想扩招30个木工').map((r) => r[1])).toEqual([
      '出口订单多了想扩招30个木工',
    ]);
    expect(parse('去了森达家具，没啥大问题').issues).toEqual([]);
  });
});

describe('an enterprise’s own application sent up and waiting', () => {
  it.each([
    '康宁生物今天去了 企业说新上的冻干粉针车间GMP认证材料报到省药监局了 想请我们帮忙催一下',
    '康宁生物说环评报告交上去两个月了没批',
  ])('%s: open, no department', (text) => {
    expect(rows(text).map((r) => [r[2], r[3]])).toEqual([[null, 'open']]);
  });
  it('a hand-off of ours stays one', () => {
    expect(rows('康宁生物的补贴申请材料已报经信局').map((r) => [r[2], r[3]])).toEqual([['经信局', 'assigned']]);
    expect(rows('恒远机械缺工人，已报人社局，还没回复').map((r) => [r[2], r[3]])).toEqual([['人社局', 'assigned']]);
  });
});

describe('names and categories', () => {
  it('a one-character trade before 厂 names the team’s one enterprise of that trade', () => {
    expect(parse('纸厂今天又去了，说环保督查要求限产，影响交货').enterprise).toBe('华盛纸业');
    expect(parse('本厂缺工人').enterprise).toBeNull();
  });
  it('技术员 are staff to find, not 其他', () => {
    expect(rows('越秀电子下午去了，企业反映缺SMT技术员5名').map((r) => r[0])).toEqual(['人才']);
  });
  it('cash strain after money owed is its consequence; a loan falling due is a matter of its own', () => {
    expect(rows('金鼎纺织出口退税到账慢，资金周转压力大').map((r) => r[0])).toEqual(['政策兑现']);
    expect(rows('金鼎纺织出口退税没到账，贷款也快到期了').map((r) => r[0])).toEqual(['政策兑现', '融资']);
  });
});
