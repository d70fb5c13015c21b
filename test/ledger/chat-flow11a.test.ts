/**
 * A liaison team's chat (eleventh round, chat-level ledger): a correction by id checked against the issue it names;
 * short issue ids; trade-kind names; month-end dates; hand-off deadlines; visits to several enterprises.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const EIGHT: Team = {
  ...TEAM,
  enterprises: [
    '华康药业',
    '七一电器',
    '矽盛电子',
    '金鼎金属材料有限公司',
    '维和药业',
    '海纳半导体',
    '恒力机械',
    '永盛纺织',
  ],
};

describe('team chat (eleventh round)', () => {
  const t = botPerTest(memoryStore, { teams: [EIGHT] });
  const { send } = t;

  it('a correction by id whose words are not in that issue changes nothing and says so; a category change is said', async () => {
    await send('维和药业今天走访了 企业想申请高新技术企业认定不知道怎么弄');
    await send('记录');
    const before = await t.kit.store.getIssue('Q-0001');
    expect(before).toBeTruthy();
    const r = await send('更正：Q-0001 缺的不是普工，是电焊工');
    expect(r.text).toContain('没有“普工”');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      category: before?.category,
      summary: before?.summary,
    });
    const c = await send('更正：Q-0001 不是审批，是用地');
    expect(c.text).toContain('修改类别');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ category: '用地' });
  });

  it('a short id opening a message (q1 办结了) names the team’s issue; one already done is said so, never another', async () => {
    await send(
      '今天走访华康药业 两个问题 一是流动资金紧张 想申请技改贷款 已交办金融办 二是缺3名化工工程师 已交办人社局',
    );
    expect(await t.kit.store.getIssue('Q-0002')).toBeTruthy();
    await send('Q-0001 办结');
    const again = await send('q1 办结了');
    expect(again.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ status: 'assigned' });
    const progress = await send('Q2 人社局推荐了简历');
    expect(progress.text).toContain('Q-0002');
    expect(progress.text).not.toContain('哪一个');
  });

  it('a bare trade (药厂) several of the team’s enterprises share is asked about, never recorded as an enterprise', async () => {
    const r = await send('药厂那边资金有点紧');
    expect(r.text).toContain('华康药业');
    expect(r.text).toContain('维和药业');
    await send('对');
    const issues = await t.kit.store.listIssues({ teamId: EIGHT.id });
    expect(issues.map((i) => i.enterprise)).not.toContain('药厂');
  });

  it('上个月底去过 dates the visit the last day of the previous month', async () => {
    await send('恒力机械上个月底去过 企业反映社保补贴申请了3个月还没兑现 人社局在办');
    await send('对');
    const visits = await t.kit.store.listVisits({ teamId: EIGHT.id });
    expect(visits.map((v) => v.date)).toEqual(['2019-02-28']);
  });

  it('an issue taken back with 撤销 is said to be withdrawn when asked for by id, not “not found”', async () => {
    await send('华康药业缺3名电焊工 已交办人社局');
    await send('撤销');
    const r = await send('Q-0001');
    expect(r.text).toContain('Q-0001 已撤销');
    expect(r.text).not.toContain('没有找到');
  });

  it('a card naming several enterprises says so once', async () => {
    const r = await send('维和药业和海纳半导体今天都跑了 维和说想申请高新技术企业认定不知道怎么弄 海纳一切正常');
    expect(r.text.match(/提到了 \d 家企业/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
