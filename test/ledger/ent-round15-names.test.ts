/**
 * Enterprise names (branch ent14): an unknown name that merely shares characters with a known one is kept as written
 * (no confident snap), while real typos and abbreviations still expand; a short form of trade-name characters said
 * bare at the start of a message names the enterprise. Messages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const today = '2026-03-12';
const parse = (text: string) => extractUpdate(text, { today, knownEnterprises: known });
const enterpriseOf = (text: string) => parse(text).enterprise;

describe('an unknown name is not snapped to a known one that shares characters', () => {
  it('a full name differing in a character read otherwise is another firm', () => {
    expect(enterpriseOf('华晟药业缺两个质量工程师。')).toBe('华晟药业');
    expect(enterpriseOf('七一电机缺装配工十来个。')).toBe('七一电机');
  });

  it('a known short form followed by more name and another ending is another firm', () => {
    expect(enterpriseOf('今天走访了海纳川药业，缺工程师。')).toBe('海纳川药业');
    expect(enterpriseOf('华康源食品缺普工二十人。')).toBe('华康源食品');
    expect(enterpriseOf('金鼎盛化工的贷款已放款。')).toBe('金鼎盛化工');
  });

  it('real typos and short forms still expand', () => {
    expect(enterpriseOf('七一电气缺装配工。')).toBe('七一电器');
    expect(enterpriseOf('华糠药业缺工程师。')).toBe('华康药业');
    expect(enterpriseOf('硅盛电子缺地的事转给资规局了')).toBe('矽盛电子');
    expect(enterpriseOf('金鼎招技术工人的事已解决，技校推荐了15个学生')).toBe('金鼎金属材料有限公司');
    expect(enterpriseOf('华康新厂环评批了')).toBe('华康药业');
  });
});

describe('a short form of trade-name characters said bare at the start', () => {
  it('before a topic or a spaced report, even when a dictionary knows the word', () => {
    expect(enterpriseOf('宏图 增容 电力 done 周五通电了')).toBe('宏图');
    expect(enterpriseOf('富民补助 财政说走流程了 月底前')).toBe('富民');
    expect(enterpriseOf('大华 招工 done 人社帮忙招了十几个')).toBe('大华');
  });

  it('before 那条 / 那块 (the matter it owns)', () => {
    expect(enterpriseOf('兴旺那条机耕路 交通局说纳入计划了 在排')).toBe('兴旺');
  });

  it('not an ordinary opening', () => {
    expect(enterpriseOf('资金紧张 已报金融办')).toBeNull();
    expect(enterpriseOf('中秋前放款了')).toBeNull();
  });
});

describe('a roll-up whose entries name their enterprises by short forms', () => {
  const issueEnterprises = (text: string) => parse(text).issues.map((i) => i.enterprise);

  it('entries after issue ids, one of them a bare short form (鑫达招工)', () => {
    expect(issueEnterprises('本月销号：Q-0050 鑫达招工、Q-0054 七一电气道路、Q-0058 海纳人才公寓')).toEqual([
      '鑫达',
      '七一电器',
      '海纳半导体',
    ]);
  });

  it('entries joined by 、, each opening with a short form and 的', () => {
    expect(
      issueEnterprises('周五开会定的三条：金鼎的用地交资规局、矽盛的补助交财政局、维和的主播人才交人社局'),
    ).toEqual(['金鼎金属材料有限公司', '矽盛电子', '维和药业']);
  });

  it('names listed bare before their count, each heading its line or spaced entry', () => {
    const p = parse(
      '博创 锦程 鑫泰 三家今天都回访了\n博创工程师人社在推 锦程挡车工招到6个了 还差点\n鑫泰的地 资规说指标要等下半年',
    );
    expect(p.enterprise).toBe('博创');
    expect(p.issues.map((i) => i.enterprise)).toEqual(['博创', '锦程', '鑫泰']);
  });

  it('a list of names alone is one clause (走访了华康、七一电器)', () => {
    expect(parse('走访了华康、七一电器，都没问题').issues).toEqual([]);
  });
});

describe('a legal full name with its county', () => {
  it('a verb or 是 before the county is no part of the name', () => {
    expect(enterpriseOf('今日上午接临江县天元光伏科技有限公司办公室主任电话，称该公司奖励资金未拨付。')).toBe(
      '临江县天元光伏科技有限公司',
    );
    expect(enterpriseOf('七月十三日，本人再次来到临江县锦华服饰有限公司。续贷已办理完毕。')).toBe(
      '临江县锦华服饰有限公司',
    );
    expect(enterpriseOf('情况如下：一是临江县华盛纺织印染有限公司排污许可证变更，已办结。')).toBe(
      '临江县华盛纺织印染有限公司',
    );
  });

  it('a long legal name is kept whole', () => {
    expect(enterpriseOf('十一月十日回访临江县宏达新能源汽车零部件有限公司，技改补助已拨付到位。')).toBe(
      '临江县宏达新能源汽车零部件有限公司',
    );
  });
});

describe('a name opening its clause before the visit made there', () => {
  it('X今天去了 names X; a problem word after the visit is no name', () => {
    expect(enterpriseOf('汇丰今天去了 用电增容 交供电 另外 Q-0026 落地了')).toBe('汇丰');
  });

  it('a weekday of last week (上礼拜三) before the visit is no name', () => {
    expect(enterpriseOf('上礼拜三 去了 盛世茶业 老板说 电商主播 留不住')).toBe('盛世茶业');
  });
});

describe('a firm called by what it does or who runs it', () => {
  it('its name in brackets after the description is the name', () => {
    const names = parse(
      '会员问题：1. 做阀门的那家（宏阀流体）缺数控车床操作工十来个；2. 老周的厂（周氏精锻）技改专补还没到账；3. 恒运轴承想扩产，找不到地。',
    );
    expect([...new Set(names.issues.map((i) => i.enterprise ?? names.enterprise))]).toEqual([
      '宏阀流体',
      '周氏精锻',
      '恒运轴承',
    ]);
  });

  it("a person's firm with no name given is kept as said (老周的厂), not 厂房 / 厂长", () => {
    expect(enterpriseOf('老周的厂压力机的施工许可，已转住建局审批科')).toBe('老周的厂');
    expect(enterpriseOf('老板的厂房要扩建')).toBeNull();
  });
});
