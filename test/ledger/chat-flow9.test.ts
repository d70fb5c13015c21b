/**
 * A team's chat as a code-naive tester played it (ninth round): a question while the bot waits for an answer is a
 * question, not the answer; a department named in a short update picks the issue handed to it; a correction while a
 * card waits corrects the card; several ids edited at once; a hand-off deadline said in the report; "不是X，是Y" sets
 * an issue's summary right; the repeated-report question takes only clear answers.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { findDeadline } from '../../src/ledger/deadlines.js';
import { parseLedgerCommand } from '../../src/ledger/commands.js';
import { botPerTest, MIN, TEAM, memoryAndRedisStores } from './helpers.js';

const FIVE: Team = { ...TEAM, enterprises: ['长风电机', '鑫源化纤', '东方轴承', '宏达机械', '华康药业'] };
const stores = memoryAndRedisStores();

describe('deadline phrases in a report', () => {
  it.each([
    ['加计扣除交办税务局，期限都是12月底。', '2019-12-31'],
    ['土地证交办自然资源局，12月底前办结', '2019-12-31'],
    ['期限为4月15日', '2019-04-15'],
    ['交办人社局，月底前办结', '2019-03-31'],
    ['截止到5月10日', '2019-05-10'],
  ])('%s → %s', (text, due) => {
    expect(findDeadline(text, '2019-03-12')).toBe(due);
  });
  it.each(['下周放款', '12月底开工', '企业说月底资金周转不过来'])('%s sets no deadline', (text) => {
    expect(findDeadline(text, '2019-03-12')).toBeNull();
  });
});

describe('an edit of several ids at once', () => {
  it.each([
    ['Q-0013 Q-0014 期限改为12月31日', ['Q-0013', 'Q-0014']],
    ['Q-0013、Q-0014 改 部门 人社局', ['Q-0013', 'Q-0014']],
    ['Q-0013和Q-0014延期到1月31日', ['Q-0013', 'Q-0014']],
  ])('%s edits %j', (text, refs) => {
    const cmd = parseLedgerCommand(text);
    expect(cmd?.type).toBe('edit');
    expect(cmd && 'refs' in cmd ? cmd.refs : null).toEqual(refs);
  });
});

describe.each(stores)('team chat on %s', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [FIVE] });
  const { send } = t;

  it('a status question answered to “说的是哪一个？” shows the card, records nothing, and the question keeps waiting', async () => {
    await send('走访长风电机，企业反映缺电工10名，已交办人社局。');
    await send('走访鑫源化纤，企业反映排污许可证续期卡住了，已交办生态环境局。');
    const which = await send('税务那边受理了');
    expect(which.text).toContain('哪一个');
    const before = await t.kit.store.getIssue('Q-0002');
    const q = await send('Q-0002 到哪一步了');
    expect(q.text).toContain('排污许可证续期');
    expect(q.text).toContain('还在等您回复');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({
      department: before?.department,
      status: before?.status,
    });
    expect(await t.kit.store.issueHistory('Q-0002')).toHaveLength(1);
    const q2 = await send('鑫源化纤的排污许可证批了没有？');
    expect(q2.text).toContain('还在等您回复');
    expect(await t.kit.store.issueHistory('Q-0002')).toHaveLength(1);
    // the question still waits: the bare choice answers it
    const answered = await send('2');
    expect(answered.text).toContain('Q-0002');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ status: 'in_progress' });
  });

  it('a question about an enterprise’s issue while “哪家企业？” or a card waits is answered, not taken as the answer', async () => {
    await send('走访长风电机，企业反映缺电工10名，已交办人社局。');
    const ask = await send('今天去了一家企业 反映缺焊工');
    expect(ask.text).toContain('哪家企业');
    const q = await send('长风电机的缺工到哪一步了？');
    expect(q.text).toContain('缺电工10名');
    expect(q.text).not.toContain('已记录');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    const card = await send('今天去了宏达机械和华康药业 宏达缺电工 华康想要人才公寓');
    expect(card.reply?.intent).toBe('clarify');
    const q2 = await send('Q-0001 进展如何？');
    expect(q2.text).toContain('缺电工10名');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    const done = await send('对');
    expect(done.text).toContain('已记录');
    expect(await t.kit.store.listIssues({})).toHaveLength(3);
  });

  it('a department named in a short update picks the open issue handed to it; several: asks among those only', async () => {
    await send('走访长风电机，企业反映缺电工10名，已交办人社局。');
    await send('走访鑫源化纤，企业反映新厂房施工许可卡住了，已交办住建局。');
    const r = await send('住建那边受理了');
    expect(r.text).toContain('Q-0002');
    expect(r.text).not.toContain('哪一个');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ status: 'in_progress', department: '住建局' });
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned' });
    await send('走访东方轴承，企业反映缺数控技工，已交办人社局。');
    const which = await send('人社那边已经受理了');
    expect(which.text).toContain('哪一个');
    expect(which.text).toContain('Q-0001');
    expect(which.text).toContain('Q-0003');
    expect(which.text).not.toContain('Q-0002');
  });

  it('a correction while a card waits corrects the card and shows it again; 对 records it as corrected', async () => {
    const card = await send('华康药业 | 厂房土地证办不下来 | 住建局');
    expect(card.reply?.intent).toBe('clarify');
    const fixed = await send('不对，是交办自然资源局');
    expect(fixed.text).not.toContain('哪一个');
    expect(fixed.text).toContain('资规局');
    expect(fixed.text).toContain('回复“对”');
    expect(await t.kit.store.listIssues({})).toHaveLength(0);
    const done = await send('对');
    expect(done.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      enterprise: '华康药业',
      department: '资规局',
      status: 'assigned',
    });
  });

  it('a correction of a card that cannot be read keeps the card waiting, saying so', async () => {
    const card = await send('华康药业 | 厂房土地证办不下来 | 住建局');
    expect(card.reply?.intent).toBe('clarify');
    const r = await send('不对不对，搞错了');
    expect(r.text).toContain('回复“对”');
    const done = await send('对');
    expect(done.text).toContain('Q-0001');
  });

  it('Q-0001 Q-0002 期限改为…: both deadlines change, with history', async () => {
    await send('走访长风电机，企业反映缺电工10名，已交办人社局。');
    await send('走访鑫源化纤，企业反映新厂房施工许可卡住了，已交办住建局。');
    const r = await send('Q-0001 Q-0002 期限改为12月31日');
    expect(r.text).toContain('Q-0001');
    expect(r.text).toContain('Q-0002');
    for (const id of ['Q-0001', 'Q-0002']) {
      expect(await t.kit.store.getIssue(id)).toMatchObject({ dueDate: '2019-12-31' });
      expect((await t.kit.store.issueHistory(id)).at(-1)?.edits).toEqual([
        { field: 'dueDate', from: '2019-03-27', to: '2019-12-31' },
      ]);
    }
    const bad = await send('Q-0001 Q-0002 期限改为下辈子');
    expect(bad.text).toContain('没有修改');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ dueDate: '2019-12-31' });
  });

  it('a hand-off deadline said in the report is each handed-off issue’s deadline', async () => {
    await send(
      '3月10日走访东方轴承，企业反映：①研发费用加计扣除不会申报；②新厂房土地证一直办不下来；③缺高级数控技工。加计扣除交办税务局，土地证交办自然资源局，期限都是12月底。',
    );
    const issues = await t.kit.store.listIssues({});
    expect(issues).toHaveLength(3);
    const handed = issues.filter((i) => i.department);
    expect(handed.map((i) => i.department).sort()).toEqual(['税务局', '资规局'].sort());
    for (const i of handed) expect(i.dueDate).toBe('2019-12-31');
  });

  it('更正：X缺的不是A，是B changes that issue’s summary (with history), also after other records', async () => {
    await send('走访东方轴承，企业反映缺高级数控技工，土地证一直办不下来。');
    await send('走访长风电机，企业反映缺电工10名，已交办人社局。');
    const r = await send('更正：东方轴承缺的不是数控技工，是焊工');
    expect(r.text).toContain('缺高级焊工');
    const issue = (await t.kit.store.listIssues({ enterprise: '东方轴承' })).find((i) => i.category === '用工');
    expect(issue?.summary).toBe('缺高级焊工');
    expect((await t.kit.store.issueHistory(issue?.id ?? '')).at(-1)?.edits).toEqual([
      { field: 'summary', from: '缺高级数控技工', to: '缺高级焊工' },
    ]);
    // (the sentence holds 东方轴承 but is no enterprise correction: the last report stays with 长风电机)
    expect((await t.kit.store.listIssues({ enterprise: '长风电机' })).map((i) => i.summary)).toEqual(['缺电工10名']);
  });

  it('更正 right after the report sets the summary by the same rule', async () => {
    await send('走访东方轴承，企业反映缺高级数控技工。');
    await send('更正：东方轴承缺的不是数控技工，是焊工');
    expect((await t.kit.store.listIssues({}))[0]?.summary).toBe('缺高级焊工');
  });

  it('“是否重复记录？” takes only clear answers: 是 is asked again, 记录 records again, 不用 skips', async () => {
    const text = '走访长风电机，企业反映缺电工10名，已交办人社局。';
    await send(text);
    const asked = await send(text);
    expect(asked.text).toContain('“记录”');
    expect(asked.text).toContain('“不用”');
    const yes = await send('是');
    expect(yes.text).toContain('“记录”');
    expect(await t.kit.store.listVisits({})).toHaveLength(1);
    const again = await send('记录');
    // (recorded again: a second visit; its problem is the one already open, updated rather than doubled)
    expect(again.text).toContain('V-0002');
    expect(await t.kit.store.listVisits({})).toHaveLength(2);
    t.kit.clock.advance(MIN);
    await send(text);
    const skip = await send('不用');
    expect(skip.text).toContain('没有记录');
    expect(await t.kit.store.listVisits({})).toHaveLength(2);
  });
});
