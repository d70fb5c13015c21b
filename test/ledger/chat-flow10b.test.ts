/**
 * A liaison team's chat (tenth round): one rule for deadline dates in reports and commands; visits to a list of
 * enterprises; terse hand-off reports; hand-offs and deadlines attached to the item they name; waiting cards kept.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { readDeadline, resolveDeadline } from '../../src/ledger/deadlines.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const SIX: Team = { ...TEAM, enterprises: ['长风电机', '鑫源化纤', '东方轴承', '宏达机械', '华康药业', '金鼎新材料'] };

describe('one rule for a month-day without a year', () => {
  it.each([
    ['3月5日前', '2019-03-12', '2019-03-05'], // passed a week ago: this year's, overdue
    ['2月底前', '2019-03-12', '2019-02-28'],
    ['3月20日前', '2019-03-12', '2019-03-20'],
    ['1月5日前', '2019-12-20', '2020-01-05'], // far past: next year's
    ['12月底', '2020-01-03', '2020-12-31'],
  ])('%s on %s → %s', (phrase, today, due) => {
    expect(resolveDeadline(phrase, today)).toBe(due);
  });
  it('a report reads the deadline and says whether it has passed', () => {
    expect(readDeadline('已交办人社局，3月5日前', '2019-03-12')).toEqual({
      date: '2019-03-05',
      phrase: '3月5日前',
      passed: true,
    });
    expect(readDeadline('已交办人社局，4月5日前', '2019-03-12')?.passed).toBe(false);
  });
});

describe('team chat', () => {
  const t = botPerTest(memoryStore, { teams: [SIX] });
  const { send } = t;

  it('a passed deadline in a report is this year’s (overdue, said so); 改 期限 and 交办 read it the same way', async () => {
    const r = await send('东方轴承缺数控技工6名 已交办人社局 3月8日前');
    expect(r.text).toContain('2019-03-08');
    expect(r.text).toContain('已逾期');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ dueDate: '2019-03-08' });
    const overdue = await send('问题清单 逾期');
    expect(overdue.text).toContain('Q-0001');
    const edit = await send('Q-0001 期限改为3月2日');
    expect(edit.text).toContain('2019-03-02');
    expect(edit.text).toContain('没有修改');
    const assign = await send('Q-0001 交办 人社局 3月1日前');
    expect(assign.text).toContain('没有修改');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ dueDate: '2019-03-08' });
    const later = await send('Q-0001 期限改为2020年3月2日');
    expect(later.text).not.toContain('没有修改');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ dueDate: '2020-03-02' });
  });

  it('a terse hand-off of a matter of a bound enterprise is recorded at once, not asked “登记为新问题吗？”', async () => {
    const r = await send('长风电机 排污许可证续期 交生态环境局');
    expect(r.text).not.toContain('新问题吗');
    expect(r.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      enterprise: '长风电机',
      department: '生态环境局',
      status: 'assigned',
    });
    // (an open matter of the same topic is still updated, not duplicated)
    await send('长风电机 排污许可证续期 转交市场监管局');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
  });

  it('more waiting questions than the queue holds: the one given up is named, never dropped silently', async () => {
    const questions = [
      '天和制药反映缺药剂师2名',
      '星河包装反映缺叉车工3名',
      '远航物流反映仓库用地紧张',
      '蓝海化工反映环评审批慢',
      '白云纸业反映缺电工4名',
    ];
    for (const q of questions) expect((await send(q)).reply?.intent).toBe('clarify');
    const sixth = await send('青山食品反映贷款难');
    expect(sixth.text).toContain('已放弃');
    expect(sixth.text).toContain('天和制药');
    let answered = 0;
    for (let i = 0; i < 6; i++) if ((await send('对')).text.includes('已记录')) answered += 1;
    expect(answered).toBe(5);
    const names = (await t.kit.store.listIssues({})).map((i) => i.enterprise);
    expect(names).not.toContain('天和制药');
    expect(names).toContain('星河包装');
  });

  it('a visit to a list of the team’s enterprises with nothing to report records one visit each, no card', async () => {
    const r = await send('上午去了长风和鑫源 情况都正常 没什么问题');
    expect(r.reply?.intent).not.toBe('clarify');
    expect((await t.kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(['长风电机', '鑫源化纤'].sort());
  });

  it('a card about several enterprises is not replaced by a report about one of them: both are kept', async () => {
    const card = await send('今天去了宏达机械和华康药业 宏达缺电工 华康想要人才公寓');
    expect(card.reply?.intent).toBe('clarify');
    const own = await send('宏达机械反映厂房屋顶漏水，已交办住建局');
    expect(own.text).not.toContain('替换');
    expect(own.text).toContain('还在等您回复');
    const done = await send('对');
    expect(done.text).toContain('已记录');
    const issues = await t.kit.store.listIssues({});
    expect(issues.map((i) => i.enterprise).sort()).toEqual(['华康药业', '宏达机械', '宏达机械'].sort());
    expect((await t.kit.store.listVisits({})).length).toBeGreaterThanOrEqual(2);
  });

  it('in a roll-up a deadline written inside one entry is that entry’s only; 都是… makes it every entry’s', async () => {
    await send(
      '周报\n1. 宏达机械 缺焊工 已交办人社局\n2. 华康药业 厂房土地证 已交办资规局 3月29日前\n3. 金鼎新材料 流贷 已交办金融办',
    );
    await send('对');
    const due = async (id: string) => (await t.kit.store.getIssue(id))?.dueDate;
    expect(await due('Q-0002')).toBe('2019-03-29');
    expect(await due('Q-0001')).not.toBe('2019-03-29');
    expect(await due('Q-0003')).not.toBe('2019-03-29');
    await send('周报\n1. 长风电机 缺钳工 已交办人社局\n2. 东方轴承 排污许可续期 已交办生态环境局 都是3月29日前');
    await send('对');
    expect(await due('Q-0004')).toBe('2019-03-29');
    expect(await due('Q-0005')).toBe('2019-03-29');
  });
});
