import { describe, expect, it } from 'vitest';
import { classifyByRules } from '../../handlers/classify.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { isWordSpaced, joinWordSpacing } from '../../src/text/spacing.js';

describe('dictation that spaces every word', () => {
  it('is joined into ordinary text after short words; line breaks and the space after a longer word stay', () => {
    expect(joinWordSpacing('去 了 锦程电缆 他们 说 铜价 涨 了 现金流 紧')).toBe('去了锦程电缆 他们说铜价涨了现金流 紧');
    expect(joinWordSpacing('呃 那个 前天 去 了 一趟 东升 纺织 他们 说 订单 少 了 三 成')).toBe(
      '呃那个前天去了一趟东升纺织他们说订单少了三成',
    );
    expect(joinWordSpacing('今天 去 了 南湖 食品\n他们 说 缺 二十 个 包装工 Q-0012 也 办 完 了')).toBe(
      '今天去了南湖食品\n他们说缺二十个包装工 Q-0012 也办完了',
    );
  });

  it('leaves text spaced between clauses alone', () => {
    const clauses = '今天上午去了南湖食品 他们说包装工缺二十个左右 年后走了不少 想请人社帮忙招一下';
    expect(isWordSpaced(clauses)).toBe(false);
    expect(joinWordSpacing(clauses)).toBe(clauses);
    expect(isWordSpaced('Q-0012 已办结')).toBe(false);
  });

  it('is parsed as the visit it reports, with its enterprise and date', () => {
    const text = '呃 那个 前天 去 了 一趟 东升 纺织 有限 公司 他们 说 订单 少 了 三 成 想 多 参加 几 个 展会';
    const parse = extractUpdate(text, { today: '2026-03-12' });
    expect(parse.kind).toBe('visit');
    expect(parse.enterprise).toBe('东升纺织有限公司');
    expect(parse.date).toBe('2026-03-10');
    expect(classifyByRules(text, '2026-03-12').intent).toBe('report');
  });

  it('keeps an issue id readable after joining', () => {
    const parse = extractUpdate('呃 那个 Q-0012 的 钱 已经 到 账 了 企业 刚 回 的 电话', { today: '2026-03-12' });
    expect(parse.ref).toBe('Q-0012');
    expect(parse.kind).toBe('resolved');
  });
});
