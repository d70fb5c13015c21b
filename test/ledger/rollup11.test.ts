/**
 * Roll-ups over several enterprises (issue #11): where one entry ends and the next begins, and each entry's
 * enterprise — keycap and slash separated chat entries, a name opening its clause after a comma, names listed with
 * their problems in brackets, names alone on their line, order words of a counted roll-up in unpunctuated speech, and a
 * line after the entries handing them all off respectively. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const parse = (text: string) => extractUpdate(text, { today: '2026-03-10', knownEnterprises: known });
const perIssue = (text: string) => parse(text).issues.map((i) => [i.enterprise ?? null, i.category]);

describe('roll-up entries and their enterprises', () => {
  it('keycap numbers head entries as ①②③ do, the first enterprise leads even with nothing to raise', () => {
    const text = '今天跑了3家：1️⃣ 永泰 没事 2️⃣ 佳和食品 冷库用地还没批 3⃣ 新禾电子 缺贴片工8个';
    expect(parse(text).enterprise).toBe('永泰');
    expect(perIssue(text)).toEqual([
      ['佳和食品', '用地'],
      ['新禾电子', '用工'],
    ]);
  });

  it('a slash between spaces separates chat entries', () => {
    const text = '转了一圈 永泰塑业 一切正常 / 佳和食品 冷库用地还没批 / 新禾电子 缺贴片工8个';
    expect(perIssue(text)).toEqual([
      ['佳和食品', '用地'],
      ['新禾电子', '用工'],
    ]);
  });

  it('a name with a company ending opening its clause after a comma starts its entry', () => {
    const text = '永泰塑业没什么问题，佳和食品想申请冷库用地';
    expect(parse(text).enterprise).toBe('永泰塑业');
    expect(perIssue(text)).toEqual([['佳和食品', '用地']]);
  });

  it('an industry word ending a clause after a comma is no name: one enterprise', () => {
    const got = parse('走访了新禾电子有限公司，企业反映研发人员紧缺，急需半导体工程师5名');
    expect(got.enterprise).toBe('新禾电子有限公司');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]?.enterprise ?? null).toBeNull();
  });

  it('names listed with their problems in brackets', () => {
    const text = '走访3家企业：永泰塑业（缺注塑工）、佳和食品（贷款难）、新禾电子（无诉求）';
    expect(perIssue(text)).toEqual([
      ['永泰塑业', '用工'],
      ['佳和食品', '融资'],
    ]);
  });

  it('names alone on their lines head the lines under them', () => {
    const text = '永泰\n缺注塑工10人，已交人社局\n佳和\n贷款300万，金融办对接中';
    expect(perIssue(text)).toEqual([
      ['永泰', '用工'],
      ['佳和', '融资'],
    ]);
  });

  it('one word alone on a line is no heading', () => {
    expect(parse('收到\n永泰塑业缺注塑工10人').enterprise).toBe('永泰塑业');
  });

  it('order words of a counted roll-up cut unpunctuated speech (然后是 is no filler there)', () => {
    const text = '跑了两家先是永泰塑业没啥问题然后是佳和食品说贷款批不下来';
    expect(parse(text).enterprise).toBe('永泰塑业');
    expect(perIssue(text)).toEqual([['佳和食品', '融资']]);
    expect(perIssue('今天走了两家一个是永泰塑业缺注塑工另一个是佳和食品贷款的事')).toEqual([
      ['永泰塑业', '用工'],
      ['佳和食品', '融资'],
    ]);
  });

  it('a line after the entries handing them off respectively goes to every entry in order', () => {
    const got = parse(
      '永泰塑业：缺注塑工10人。\n佳和食品：流动资金贷款300万。\n新禾电子：用地指标。\n以上问题已分别交人社局、金融办、资规局。',
    );
    expect(got.issues.map((i) => [i.enterprise, i.department, i.status])).toEqual([
      ['永泰塑业', '人社局', 'assigned'],
      ['佳和食品', '金融办', 'assigned'],
      ['新禾电子', '资规局', 'assigned'],
    ]);
  });

  it('跑了 before a name is a visit to it', () => {
    const got = parse('今天和老王跑了永泰塑业，他们缺注塑工');
    expect(got).toMatchObject({ kind: 'visit', enterprise: '永泰塑业' });
  });

  it('several enterprises ask before recording', () => {
    expect(parse('永泰塑业没什么问题，佳和食品想申请冷库用地').confidence ?? 1).toBeLessThan(0.7);
  });
});
