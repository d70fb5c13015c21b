/**
 * The update parser's fields on report frames, names, departments, categories, splitting and dates — one general
 * mechanism each, tested with messages written for these tests (other enterprises and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findEnterprises } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-01-08'; // a Thursday
const parse = (text: string, today = TODAY): Extraction => {
  const got = extractUpdate(text, { today, knownEnterprises: known });
  expect(extractionSchema.safeParse(got).success).toBe(true);
  return got;
};
const triples = (e: Extraction) => e.issues.map((i) => [i.category, i.department, i.status]);
const names = (text: string, list: string[] = known) => findEnterprises(text, list).map((h) => h.name);

describe('the frame of a report is neither an enterprise nor an issue', () => {
  it('a title line and a heading line add no issue', () => {
    const got = parse('联企服务周报（第2周）\n问题跟进情况\nQ-0131 鸿运纸业锅炉改造补助：财政局已受理，正在审核。');
    expect(got.ref).toBe('Q-0131');
    expect(triples(got)).toEqual([['政策兑现', '财政局', 'in_progress']]);
  });

  it('form labels (企业：, 日期：, 处理：) are no names and no issues', () => {
    const got = parse('【服务记录】\n企业：天和食品\n日期：1月6日\n问题：冷库扩建缺用地\n处理：已报资规局');
    expect(got.enterprise).toBe('天和食品');
    expect(got.date).toBe('2026-01-06');
    expect(triples(got)).toEqual([['用地', '资规局', 'assigned']]);
  });

  it('a record whose title line holds the issue id: its progress field updates that issue', () => {
    const got = parse('编号/标题：Q-0207 博新材料流动资金贷款\n进展：金融办已推送两家银行，正在尽调。');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['融资', '金融办', 'in_progress']]);
  });

  it('an issue id with its title before a colon is one update, not two', () => {
    const got = parse('Q-0311 永安机械用电增容：供电公司已进场施工。');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.category).toBe('其他');
  });
});

describe('enterprise names', () => {
  it.each([
    ['走访台账\n1月5日 鸿运纸业 缺包装工\n1月7日 恒通机械 一切正常', '鸿运纸业'],
    ['服务日志 1.6\n走访宏远纺织，反映天然气价格太高。', '宏远纺织'],
  ])('a heading before the names is no name: %s', (text, first) => {
    expect(names(text)[0]).toBe(first);
  });

  it('a legal ending a few characters on closes the name (制品 is no listed ending)', () => {
    expect(names('今天走访了永信包装制品有限公司，暂无诉求。', [])).toEqual(['永信包装制品有限公司']);
  });

  it('a known short form with one character mistyped, found by its place, is the known enterprise', () => {
    expect(names('今天去了矽胜，暂无诉求')).toEqual(['矽盛电子']);
    expect(names('前天去了金顶 就是金鼎金属 跟财务聊了聊')[0]).toBe('金鼎金属材料有限公司');
  });

  it('what follows a visit verb as its complement or a duration is no name', () => {
    expect(names('Q-0031 组织部这周回访，回访完销号。')).toEqual([]);
    expect(names('下周起走访暂停一周。')).toEqual([]);
  });
});

describe('event dates', () => {
  it.each([
    ['上个月三十一号去了鸿运纸业，暂无诉求', '2025-12-31'],
    ['上月二十六号走访永信包装，企业说订单下滑', '2025-12-26'],
    ['本月5号去了恒通机械，一切正常', '2026-01-05'],
    ['二十号走访宏远纺织，缺挡车工', '2025-12-20'],
  ])('%s → %s', (text, date) => {
    expect(parse(text).date).toBe(date);
  });

  it('a date that only says when a matter was raised is not when the news happened', () => {
    const got = parse('十二月二十号去永信包装的时候说的那个培训补贴，财政局已经发了，企业前天收到了');
    expect(got.date).toBe('2026-01-06');
  });
});
