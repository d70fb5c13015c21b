/**
 * Categories, departments, issue counts and enterprises (branch fields10) — each behaviour tested with messages written
 * for these tests (other enterprises, departments and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { findDepartments, findEnterprises } from '../../src/ledger/extract/index.js';
import { categorize } from '../../src/ledger/extract/category.js';
import { parseChecked, triples } from './parse-helpers.js';

const cats = (text: string) => parseChecked(text).issues.map((i) => i.category);
const names = (text: string) => findEnterprises(text, []).map((h) => h.name);

describe('run-on speech: a wish for a thing starts a problem of its own', () => {
  it.each([
    ['去了趟利民纸业他们说废水处理费用太高还有想要扩点地建仓库', ['其他', '用地']],
    ['嗯今天去了宏运机电 出口退税一直没到账然后呢他们又要申请个排污许可', ['政策兑现', '审批']],
    ['青松木业打电话说技改补助没拿到，明年新线要投产，想要几个工程师', ['政策兑现', '人才']],
    ['永丰茶厂反映，茶园的有机认证补贴也没到账，秋茶季还要请采茶工，缺40人', ['政策兑现', '用工']],
  ])('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });

  it('a plan with no wish for a thing stays one problem (想做跨境电商，缺懂外贸的人才)', () => {
    expect(cats('博文服饰想做跨境电商，缺懂外贸的人才')).toEqual(['人才']);
  });

  it('a master craftsman wanted is ordinary labour (缺烧窑师傅)', () => {
    expect(categorize('老板说缺两个烧窑师傅').category).toBe('用工');
  });

  it('land said by 扩/租 with a small quantity, or before a topic word, is land', () => {
    expect(categorize('想扩一点地').category).toBe('用地');
    expect(categorize('想租些地盖冷库').category).toBe('用地');
    expect(categorize('地的事还没着落').category).toBe('用地');
    // (当地, 本地 … are no land)
    expect(categorize('本地的事还没着落').score).toBe(0);
  });
});

describe('roll-ups: names after the entries’ order words, and short forms said again', () => {
  it('一个是…一个是… after a count of enterprises names each entry', () => {
    expect(names('昨天去了两家 一个是宏利电子 一个是博雅光电 都挺好')).toEqual(['宏利电子', '博雅光电']);
  });

  it('without a count before it, 一个是 opens no name', () => {
    expect(names('一个是宏利电子')).toEqual([]);
  });

  it('a name after 还有 in a visit list is an enterprise', () => {
    expect(names('今天走访了远航科技 还有恒远物流 都没诉求')).toEqual(['远航科技', '恒远物流']);
  });

  it('a short form of a name written out in the same message is that enterprise', () => {
    expect(names('去了两家 一个是宏利电子 一个是博雅光电 宏利没诉求 博雅说缺工程师')).toEqual([
      '宏利电子',
      '博雅光电',
      '宏利电子',
      '博雅光电',
    ]);
  });

  it('the message’s enterprise is the first named, each issue keeps its own', () => {
    const e = parseChecked('上周去了两家 一个是宏利电子 一个是博雅光电 宏利没诉求 博雅说缺电商运营人才 还没交');
    expect(e.enterprise).toBe('宏利电子');
    expect(e.issues.map((i) => [i.category, i.enterprise])).toEqual([['人才', '博雅光电']]);
  });
});

describe('relay words and rosters are no enterprise names', () => {
  it('转发 @同事：… takes the enterprise from the relayed words', () => {
    expect(
      parseChecked('转发 @小刘：3月5日走访东岳科技，没有诉求；另外Q-0088的厂房消防验收，住建局已经通过了').enterprise,
    ).toBe('东岳科技');
  });

  it('a roster of the team’s visits names no enterprise', () => {
    expect(parseChecked('下月走访排班：一组周一，二组周三。有冲突的私聊我。').enterprise).toBeNull();
  });
});

describe('departments', () => {
  it('申请 before an office is no wish for it (a table row: 贷款申请  金融办对接中)', () => {
    expect(triples(parseChecked('华康药业  设备贷款申请  金融办对接中'))).toEqual([['融资', '金融办', 'in_progress']]);
  });

  it('a cadre named with an office and later handed the matter is that office handed it', () => {
    const e = parseChecked('今天跟住建小周去了趟金禾面业，厂区道路积水严重，当场交给小周了');
    expect(triples(e)).toEqual([['其他', '住建局', 'assigned']]);
    expect(findDepartments('跟住建小周去了金禾面业')[0]?.role).toBe('participant');
  });

  it('a cadre who only went along hands nothing over', () => {
    expect(triples(parseChecked('今天跟住建小周去了趟金禾面业，缺普工二十个，还没交'))).toEqual([
      ['用工', null, 'open'],
    ]);
  });

  it('offices listed in one hand-off go each to the problem it handles (已交市监、人社)', () => {
    const e = parseChecked(
      '本周汇总：\n1、美佳食品反映：食品经营许可变更被退回；\n2、美佳食品反映：包装工缺口约50人。\n均为电话反映，已交人社、市监。',
    );
    expect(triples(e)).toEqual([
      ['审批', '市场监管局', 'assigned'],
      ['用工', '人社局', 'assigned'],
    ]);
  });

  it('numbers with an arrow after a list address its items (1→自规，2→金融办)', () => {
    expect(
      triples(parseChecked('瑞和包装反映：1、新增用地指标；2、流动资金贷款难。已交办：1→自规，2→金融办。')),
    ).toEqual([
      ['用地', '资规局', 'assigned'],
      ['融资', '金融办', 'assigned'],
    ]);
  });
});

describe('a closing line about the items listed raises no problem of its own', () => {
  it('以上诉求均尚未正式上报 after a list keeps the list’s count', () => {
    const e = parseChecked(
      '今天走访了恒泰陶瓷，企业反映：\n1. 缺窑炉工十人；\n2. 技改补助未到账。\n以上诉求均尚未正式上报，我汇总后再报。',
    );
    expect(triples(e)).toEqual([
      ['用工', null, 'open'],
      ['政策兑现', null, 'open'],
    ]);
  });
});

describe('a listed matter named again with a step not yet taken is the same problem', () => {
  it('用地还没动 after 缺烘干用地 adds no second land issue', () => {
    expect(triples(parseChecked('今天去了丰泽米业 缺烘干用地 还有电费补贴没到 补贴那个跟财政说了 用地还没动'))).toEqual(
      [
        ['用地', null, 'open'],
        ['政策兑现', '财政局', 'assigned'],
      ],
    );
  });

  it('a matter not listed before is still a problem of its own', () => {
    expect(cats('今天去了丰泽米业 电费补贴没到 用地还没批')).toContain('用地');
  });
});
