/**
 * Roll-ups that count their enterprises (第一家是…第二家…, 一家是…另一家…) or list them before a count (走了A、B两家):
 * each entry's enterprise is found at its position and carried to the entry's problems; kind, enterprise and date
 * follow the first enterprise named, even when it raised nothing. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findEnterprises } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const parse = (text: string) => extractUpdate(text, { today: '2026-03-10', knownEnterprises: known });
const perIssue = (text: string) => parse(text).issues.map((i) => [i.enterprise ?? null, i.category]);

describe('entries headed by a counter of enterprises', () => {
  it('dictated without punctuation: each counter starts an entry, its name follows a filler or 是', () => {
    const text =
      '昨天跑了三家啊第一家是新禾电子没啥问题第二家是那个永泰塑业缺注塑工三十个然后第三家嗯佳和食品想要新增用地';
    const got = parse(text);
    expect(got).toMatchObject({ kind: 'visit', enterprise: '新禾电子', date: '2026-03-09' });
    expect(perIssue(text)).toEqual([
      ['永泰塑业', '用工'],
      ['佳和食品', '用地'],
    ]);
  });

  it('a name without a company ending after the counter, up to punctuation', () => {
    const names = findEnterprises('第一家是恒信，没什么问题，第二家，宏达，缺工人', []).map((e) => e.name);
    expect(names).toEqual(['恒信', '宏达']);
  });

  it('一家是…另一家是…', () => {
    const text = '前天去了两家，一家是永泰塑业，没什么问题，另一家是佳和食品，冷库用地还没批';
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业' });
    expect(perIssue(text)).toEqual([['佳和食品', '用地']]);
  });

  it('a single 第一家 is a rank, no entry', () => {
    const got = parse('佳和食品是县里第一家上市的食品企业，想申请上市奖励');
    expect(got.enterprise).toBe('佳和食品');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]).not.toHaveProperty('enterprise');
  });
});

describe('enterprises listed before their count', () => {
  it('走了A、B两家 is a visit and names both', () => {
    const text = '走了永泰塑业、恒信两家，永泰塑业缺操作工，恒信一切正常';
    expect(findEnterprises(text, []).map((e) => e.name)).toEqual(['永泰塑业', '恒信', '永泰塑业']);
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业', issues: [{ category: '用工' }] });
  });

  it('跑了两家 counts visits, 跑了两家银行 does not', () => {
    expect(parse('今天跑了两家，佳和食品缺冷库用地').kind).toBe('visit');
    expect(parse('佳和食品的贷款，跑了两家银行都说额度满了').kind).not.toBe('visit');
  });
});

describe('a roll-up line labelled by its enterprise and the visit it records', () => {
  it('恒昌纸业走访：… / 新宇纺机回访：… name the enterprise without the verb', () => {
    const text = '本周：\n1、5月3日 永泰塑业走访：缺注塑工；\n2、5月5日 佳和食品回访：冷库用地已批，解决。';
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业' });
    expect(perIssue(text)).toEqual([
      ['永泰塑业', '用工'],
      ['佳和食品', '用地'],
    ]);
  });
});

describe('a progress roll-up whose entries are an enterprise’s matter and its state', () => {
  const text =
    '本周进度：\n1、瑞讯达CNC用工：人社对接中；\n2、佳和食品补贴：农业农村局审核中；\n3、恒信纸业环评：已交生态。';
  it('the label names the enterprise before the matter (Latin letters qualifying the matter dropped)', () => {
    expect(findEnterprises(text, []).map((e) => e.name)).toEqual(['瑞讯达', '佳和食品', '恒信纸业']);
  });
  it('each state updates its own entry’s matter: progress, not new problems', () => {
    const got = parse(text);
    expect(got).toMatchObject({ kind: 'progress', enterprise: '瑞讯达' });
    expect(got.issues.map((i) => [i.enterprise, i.category, i.department, i.status])).toEqual([
      ['瑞讯达', '用工', '人社局', 'in_progress'],
      ['佳和食品', '政策兑现', '农业农村局', 'in_progress'],
      ['恒信纸业', '审批', '生态环境局', 'assigned'],
    ]);
  });
});

describe('enterprises named together, then taken up one clause each', () => {
  it('去了A和B，A一切正常，B缺…: the problem is B’s, the message A’s', () => {
    const text = '昨天去了永泰塑业和佳和食品，永泰塑业一切正常，佳和食品反映缺研发人员';
    expect(findEnterprises(text, []).map((e) => e.name)).toEqual(['永泰塑业', '佳和食品', '永泰塑业', '佳和食品']);
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业', date: '2026-03-09' });
    expect(perIssue(text)).toEqual([['佳和食品', '人才']]);
  });
  it('a name said once after a comma splits nothing', () => {
    const got = parse('走访了永泰塑业，主机厂订单下降，需拓展新能源配套市场');
    expect(got.enterprise).toBe('永泰塑业');
    expect(got.issues.every((i) => !('enterprise' in i))).toBe(true);
  });
});

describe('a count of the enterprises visited before their names', () => {
  it('跑了三家A缺…B没问题C想要…: the names follow the count, each with its own problems', () => {
    const text = '今天跑了三家永泰塑业缺普工然后佳和食品没问题然后恒信纸业想要新增用地';
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业' });
    expect(perIssue(text)).toEqual([
      ['永泰塑业', '用工'],
      ['恒信纸业', '用地'],
    ]);
  });
  it('走访了两家企业A和B，B缺…: the problem is B’s', () => {
    const text = '走访了两家企业永泰塑业和佳和食品，佳和食品缺包装工';
    expect(parse(text)).toMatchObject({ kind: 'visit', enterprise: '永泰塑业' });
    expect(perIssue(text)).toEqual([['佳和食品', '用工']]);
  });
});

describe('a known enterprise opening its comma clause', () => {
  const team = ['华康药业', '绿源食品', '金马机械'];
  const ctx = { today: '2026-12-07', teamEnterprises: team, knownEnterprises: [] };
  it('ends the sentence about the enterprise before, even when named there for the first time', () => {
    const got = extractUpdate('今天走访了华康和绿源，华康缺工人，绿源贷款难，金马说用地', ctx);
    expect(got.issues.map((i) => [i.enterprise ?? null, i.category])).toEqual([
      ['华康药业', '用工'],
      ['绿源食品', '融资'],
      ['金马机械', '用地'],
    ]);
  });
});
