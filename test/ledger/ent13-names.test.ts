/**
 * Enterprise names as the thirteenth round's authors wrote them (branch ent13): short trade names after courtesies and
 * before a topic word, time words and Chinese-numeral dates before a name, a name introduced by 企业是, names at a place
 * of the enterprise (在X车间), and roll-ups whose first entry has nothing to report. Each mechanism is tested with
 * messages written for these tests — other enterprises and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const today = '2026-03-12';
const parse = (text: string) => extractUpdate(text, { today, knownEnterprises: known });
const enterpriseOf = (text: string) => parse(text).enterprise;

describe('a short trade name heading its sentence', () => {
  it('after a courtesy that opens the message (收到 / 谢谢领导), before 那个 + topic', () => {
    expect(enterpriseOf('收到 锦泰那个贷款 金融办已经在对接了')).toBe('锦泰');
    expect(enterpriseOf('谢谢领导 华岳那个补贴 财政局说月底发')).toBe('华岳');
  });

  it('before 那笔 / 那件 (a matter of the enterprise), not only before 那个', () => {
    expect(enterpriseOf('Q-0123 群力那笔贷款已经批下来了')).toBe('群力');
  });

  it('after a run of spaces or a reply arrow, mid-message', () => {
    expect(enterpriseOf('↑荣昌那个 已经交给商务局了')).toBe('荣昌');
    expect(enterpriseOf('补贴 到了 丰禾那个 财政拨下来了')).toBe('丰禾');
  });

  it('a courtesy alone is never the name', () => {
    expect(enterpriseOf('谢谢 辛苦了')).toBeNull();
  });
});

describe('words before a name that are no part of it', () => {
  it('a time word of the written register (今日, 昨日) before the name', () => {
    expect(enterpriseOf('昨日远帆纺织来电反映，技改补助迟迟未到位，已转财政局。')).toBe('远帆纺织');
  });

  it('a date in Chinese numerals before the name', () => {
    expect(enterpriseOf('二月十八号恒昌塑业来电说缺注塑工十个')).toBe('恒昌塑业');
  });
});

describe('a name introduced or placed by its context', () => {
  it('企业是 + name (the name given after the matter)', () => {
    expect(enterpriseOf('老板说：厂房租金涨了一倍，扛不住，企业是金桥进出口，想问问有没有补贴')).toBe('金桥进出口');
  });

  it('企业是 before a verb phrase names nothing', () => {
    expect(enterpriseOf('企业是做外贸的，订单少了')).toBeNull();
  });

  it('在 + name + a place at the enterprise (车间, 仓库)', () => {
    expect(enterpriseOf('我今天在恒丰机械车间里 他们说缺焊工二十个')).toBe('恒丰机械');
  });

  it('endings of parts and trades (轮胎, 内饰, 进出口) make a name at a clean start', () => {
    expect(enterpriseOf('宝通轮胎土地证 资规局说下月能发')).toBe('宝通轮胎');
  });
});

describe('roll-ups: the message names the first enterprise listed, even one with nothing to report', () => {
  it('a heading that counts the enterprises, then entries split by semicolons', () => {
    const got = parse('上午跑了三家：同兴 一切正常；华盛 要贷款 报金融办了；永泰 缺普工 交人社');
    expect(got.enterprise).toBe('同兴');
    expect(got.issues.map((i) => i.enterprise)).toEqual(['华盛', '永泰']);
  });

  it('names listed in brackets after their count', () => {
    expect(enterpriseOf('今天走访了3家（金石建材、宏远物流、七一电器），都没有诉求')).toBe('金石建材');
  });

  it('report labels before a colon (明细：, 重点：) are no enterprise', () => {
    expect(enterpriseOf('上周小结：走访企业5家。\n重点：博安电子的环评已批复。')).toBe('博安电子');
  });
});

describe('names in formal reports and table-like lines', () => {
  it('关于 / 针对 before a name with a weak ending opens it cleanly', () => {
    expect(enterpriseOf('关于东辰机械续贷一事，已由金融办牵头对接银行。')).toBe('东辰机械');
  });

  it('a legal ending after the short form of a known name is that enterprise (金鼎公司)', () => {
    expect(enterpriseOf('金鼎公司的用电增容已报供电公司。')).toBe('金鼎金属材料有限公司');
  });

  it('集团有限公司 closes the whole legal name', () => {
    expect(enterpriseOf('关于浙江天宏管道集团有限公司反映的问题，已函告住建局。')).toBe('浙江天宏管道集团有限公司');
  });

  it('到了 after 找 / 收 is no visit: what was found is no enterprise', () => {
    const got = parse('回复 Q-0088：企业自己找到了融资渠道，撤回诉求');
    expect(got.enterprise).toBeNull();
    expect(got.issues.map((i) => i.category)).toEqual(['融资']);
  });

  it('a time word heading a line (下午 走访 X) is no label name', () => {
    expect(enterpriseOf('上午 走访 顺昌物流\n司机招不到 缺10个\n已报 人社局')).toBe('顺昌物流');
  });
});

describe('a report tally raises no issue', () => {
  it('counts of newly collected and still open matters (新收集问题N个, 累计在办N个) are tally clauses', () => {
    const got = parse('本周小结：走访企业6家；新收集问题3个；累计在办9个。\n另：德润纺织的排污许可已批复。');
    expect(got.enterprise).toBe('德润纺织');
    expect(got.issues.map((i) => i.category)).toEqual(['审批']);
  });
});
