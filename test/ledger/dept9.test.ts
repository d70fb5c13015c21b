/**
 * Departments, categories, issue counts and enterprises (branch dept9) — each behaviour tested with messages written
 * for these tests (other enterprises, departments and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { findDepartments, handlerDepartment } from '../../src/ledger/extract/index.js';
import { parseChecked, triples } from './parse-helpers.js';

const depts = (text: string) => parseChecked(text).issues.map((i) => i.department);
const roles = (text: string) => findDepartments(text).map((d) => [d.name, d.role]);

describe('several ids in one sentence: each takes the department of its own words', () => {
  it('a hand-off said after one id is not every id’s', () => {
    expect(triples(parseChecked('Q-0311 已办结，Q-0312 转人社局了，Q-0313 还在对接'))).toEqual([
      ['其他', null, 'resolved'],
      ['其他', '人社局', 'assigned'],
      ['其他', null, 'in_progress'],
    ]);
  });

  it('ids with no words of their own share what follows (Q-0321、Q-0322 均已交财政局)', () => {
    expect(depts('Q-0321、Q-0322 均已交财政局')).toEqual(['财政局', '财政局']);
  });

  it('a department before the first id speaks for all of them', () => {
    expect(depts('税务局回复：Q-0331 已退税，Q-0332 审核中')).toEqual(['税务局', '税务局']);
  });
});

describe('a hand-off still ahead is no hand-off', () => {
  it.each([['青禾食品想办职工书屋，我说会转给宣传部。'], ['青禾食品想办职工书屋，我们会报给宣传部']])('%s', (text) => {
    expect(triples(parseChecked(text)).map(([, d, st]) => [d, st])).toEqual([[null, 'open']]);
  });

  it('a meeting that hands off (协调会交办给…) still hands off', () => {
    expect(handlerDepartment(findDepartments('专题协调会交办给住建局'))).toBe('住建局');
  });
});

describe('offices wished for together', () => {
  it('希望A跟B那边协调: neither is told anything', () => {
    expect(roles('企业说夜间施工噪音投诉多，希望生态环境局跟城管那边协调一下')).toEqual([
      ['生态环境局', 'wish'],
      ['综合执法局', 'wish'],
    ]);
  });

  it('已跟B那边协调了: B handles it', () => {
    expect(handlerDepartment(findDepartments('夜间施工噪音投诉多，已跟城管那边协调了'))).toBe('综合执法局');
  });
});

describe('who went along on a visit', () => {
  it('offices in what the enterprise said after the visit verb did not go along', () => {
    expect(roles('上午去了青禾食品他们说扩建用地林业局和资规局正在协调另外仓库招不到人')).toEqual([
      ['林业局', 'handler'],
      ['资规局', 'handler'],
    ]);
  });

  it('和人社局的一起去了 still went along', () => {
    expect(roles('和人社局的 一起 去了 青禾食品')).toEqual([['人社局', 'participant']]);
    expect(roles('跟发改局老周走访了青禾食品，说缺钱')).toEqual([['发改局', 'participant']]);
  });
});

describe('roll-up entries', () => {
  it('a name whose ending is also a problem word (冷链, 物流) heads an entry after ；', () => {
    const e = parseChecked('本周情况：青禾食品 缺包装工10人；远航物流 暂无。');
    expect(e.issues.map((i) => [i.category, i.enterprise])).toEqual([['用工', '青禾食品']]);
  });

  it('after an id’s update, another enterprise’s matter is an issue of its own', () => {
    const e = parseChecked('青禾食品技改补助已到账，Q-0341 办结；远航机械招工人社局在对接。');
    expect(e.ref).toBe('Q-0341');
    expect(e.issues.map((i) => [i.category, i.department, i.status, i.enterprise])).toEqual([
      ['政策兑现', null, 'resolved', '青禾食品'],
      ['用工', '人社局', 'in_progress', '远航机械'],
    ]);
  });

  it('an id followed by its enterprise’s name keeps its words (Q-0342：青禾食品用电增容，…)', () => {
    const e = parseChecked('Q-0342：青禾食品用电增容，供电公司已完成线路改造');
    expect(e.issues).toHaveLength(1);
  });
});

describe('problems split in run-on speech', () => {
  it('two matters, each with the office at work, joined by 还有', () => {
    expect(triples(parseChecked('青禾食品那个质检员的问题人社局在对接了还有员工宿舍的也交给住建局了'))).toEqual([
      ['用工', '人社局', 'in_progress'],
      // (housing for ordinary workers is a living condition, 其他, as the eval sets' labels have it — cat11)
      ['其他', '住建局', 'assigned'],
    ]);
  });

  it('a step said done, then the next matter and its office, with no word between', () => {
    expect(triples(parseChecked('青禾食品的装配工的事情转人社局了污水管网的事情住建局在看了'))).toEqual([
      ['用工', '人社局', 'assigned'],
      ['其他', '住建局', 'in_progress'],
    ]);
  });

  it('one matter and its office stays one (研发人员的问题人社局在对接了)', () => {
    expect(parseChecked('青禾食品研发人员的问题人社局在对接了').issues).toHaveLength(1);
  });

  it('a degree word before an adjective of want is a problem of its own (道路太窄, 离园区太远)', () => {
    expect(parseChecked('走访了青禾食品，技改补助没到账，门口道路太窄了').issues.map((i) => i.category)).toEqual([
      '政策兑现',
      '其他',
    ]);
  });
});

describe('categories from problem words', () => {
  it('用地证 / 土地使用证 are land, as 土地证', () => {
    for (const text of ['青禾食品的用地证办不下来', '青禾食品土地使用证迟迟没办'])
      expect(parseChecked(text).issues.map((i) => i.category)).toEqual(['用地']);
  });
});

describe('enterprise names', () => {
  const ent = (text: string) => parseChecked(text).enterprise;

  it('去了下 / 去了趟 before a name is the visit verb, not part of the name', () => {
    const e = parseChecked('今天去了下青禾食品，老板说一切都好');
    expect([e.kind, e.enterprise]).toEqual(['visit', '青禾食品']);
    expect(ent('昨天去了趟远航机械，没什么诉求')).toBe('远航机械');
  });

  it('a village, town or street before 的 is where the enterprise is', () => {
    const e = parseChecked('今天去了安平镇那边的远航农机合作社，他们说烘干房用地不够');
    expect([e.kind, e.enterprise]).toEqual(['visit', '远航农机合作社']);
    const bare = parseChecked('上午去了城东街道的远航机械');
    expect([bare.kind, bare.enterprise, bare.issues]).toEqual(['visit', '远航机械', []]);
  });

  it('a name ending in a locality word is no enterprise', () => {
    expect(ent('今天去了石桥村，一切正常')).toBeNull();
  });

  it('厂 after an industry ending closes the name (…纺织厂), not before 厂房 / 厂长', () => {
    expect(ent('青禾针织厂消防验收通过了')).toBe('青禾针织厂');
    expect(ent('青禾针织厂房扩建缺用地指标')).toBe('青禾针织');
  });
});
