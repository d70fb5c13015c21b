/**
 * A team's chat as a new user tried it (seventh round): merging duplicates honestly, a question the bot asked no
 * longer swallowing what comes after it, 撤销 and 不对 speaking of the newest change, status questions answered with
 * the issue's card, an admin taking back a wrong record, and a span of time not read as a result.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { findStatuses } from '../../src/ledger/extract/status.js';
import { parseLedgerCommand } from '../../src/ledger/commands.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { DEMO_ENTERPRISES, DEMO_GROUP, ensureDemoTeam } from '../../src/app/demo.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const FOUR: Team = { ...TEAM, enterprises: ['宏达机械', '绿源食品', '恒通物流', '新锐电子'] };
const stores = memoryAndRedisStores();
const admin = { userId: 'admin', userName: '管理员', isAdmin: true };

describe('a span of time after a result verb is how long it took, not a result', () => {
  it.each([['施工许可办了一个多月还没批'], ['贷款批了两个礼拜了还没下来'], ['审批办了3天']])('%s', (t) => {
    expect(findStatuses(t).filter((h) => h.status === 'resolved')).toEqual([]);
  });
  it('a result stays a result', () => {
    expect(findStatuses('贷款批了')[0]?.status).toBe('resolved');
    expect(findStatuses('证办好了，花了一个月')[0]?.status).toBe('resolved');
  });
});

describe('a roll-up whose entries are numbered by spoken numbers without punctuation', () => {
  const ctx = { today: '2026-12-07', teamEnterprises: FOUR.enterprises, knownEnterprises: [] };
  it('reads each entry under its own enterprise', () => {
    const e = extractUpdate(
      '汇报下这周情况 一宏达 没新问题 二绿源 冷库施工许可审批局说这周出证 三恒通 司机招了6个还差4个 四新锐 二期用地自规局在走流程',
      ctx,
    );
    expect(e.issues.map((i) => [i.enterprise, i.category])).toEqual([
      ['绿源食品', '审批'],
      ['恒通物流', '用工'],
      ['新锐电子', '用地'],
    ]);
  });
  it('a number that is part of the words is no marker', () => {
    const e = extractUpdate('今天走访宏达机械，企业反映一线工人缺二十个', ctx);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.summary).toContain('一线工人');
  });
});

describe('what the enterprise feels is no problem of its own', () => {
  const ctx = { today: '2026-12-07', teamEnterprises: FOUR.enterprises, knownEnterprises: [] };
  it('thanks for our help raise no issue', () => {
    expect(extractUpdate('今天跑了三家 宏达 绿源 恒通 都挺好的 没啥新问题 宏达说谢谢我们帮忙贷款', ctx).issues).toEqual(
      [],
    );
    expect(extractUpdate('宏达说谢谢我们帮忙贷款', ctx).issues).toEqual([]);
  });
  it('a step taken before a visit planned is news, not a plan', () => {
    expect(extractUpdate('宏达的贷款已经对接了农商行，下周上门看', ctx)).toMatchObject({
      kind: 'progress',
      enterprise: '宏达机械',
      issues: [{ category: '融资', status: 'in_progress' }],
    });
    expect(extractUpdate('明天去宏达机械走访，看看贷款的事', ctx).kind).toBe('not_update');
  });
  it('a day of the coming week is not the same day a year ago', () => {
    expect(extractUpdate('12月8日走访宏达机械，企业反映缺工', ctx).date).not.toBe('2025-12-08');
    expect(extractUpdate('12月30日走访宏达机械，企业反映缺工', ctx).date).toBe('2025-12-30');
    expect(extractUpdate('12月6日走访宏达机械，企业反映缺工', ctx).date).toBe('2026-12-06');
  });
});

describe('an edit of the department that names a deadline too', () => {
  it('is a hand-off with that deadline, not a department named “生态环境局 月底前”', () => {
    expect(parseLedgerCommand('Q-0004 改 部门 生态环境局 月底前')).toEqual({
      type: 'assign',
      ref: 'Q-0004',
      department: '生态环境局',
      deadline: '月底前',
    });
    expect(parseLedgerCommand('Q-0004 改 部门 生态环境局')).toMatchObject({ type: 'edit', value: '生态环境局' });
  });
});

describe('a team enterprise called by its trade', () => {
  const team = ['锦华纺织厂', '恒芯微电子科技有限公司', '味源食品厂', '顺达物流'];
  const ctx = { today: '2026-12-07', teamEnterprises: team, knownEnterprises: [] };
  it('is that enterprise when it is the only one of the team in that trade', () => {
    expect(extractUpdate('纺织厂今天去了 说排污许可证快到期了', ctx).enterprise).toBe('锦华纺织厂');
    expect(extractUpdate('电子厂的贷款到哪了', ctx).question?.enterprise).toBe('恒芯微电子科技有限公司');
  });
  it('is nobody when the trade is not the team’s, or two of the team share it', () => {
    expect(extractUpdate('今天去了一家新开的服装厂，老板说缺工', ctx).enterprise).toBeNull();
    const two = { ...ctx, teamEnterprises: [...team, '宏发食品厂'] };
    expect(['味源食品厂', '宏发食品厂']).not.toContain(extractUpdate('食品厂反映缺工', two).enterprise);
  });
});

describe('a bare hand-off ending the message goes to the problem its department handles', () => {
  const ctx = { today: '2026-12-07', teamEnterprises: FOUR.enterprises, knownEnterprises: [] };
  const handled = (t: string) => extractUpdate(t, ctx).issues.map((i) => [i.category, i.department, i.status] as const);
  it('to the earlier problem of its kind, the last one stays open', () => {
    expect(handled('今天去恒通物流 老板说仓库用地指标批不下来 还有两个司机社保断缴 已交办自然资源局')).toEqual([
      ['用地', '资规局', 'assigned'],
      ['用工', null, 'open'],
    ]);
  });
  it('stays with the last problem when it is of its kind, and with all when it says 都', () => {
    expect(handled('今天去恒通物流，企业反映缺地，还有两个司机社保断缴，已交办人社局')).toEqual([
      ['用地', null, 'open'],
      ['用工', '人社局', 'assigned'],
    ]);
    expect(handled('今天去恒通物流，企业反映缺地，还有两个司机社保断缴，都已交办资规局').map((x) => x[1])).toEqual([
      '资规局',
      '资规局',
    ]);
  });
});

describe('numbered visit reports that hand off on the next line', () => {
  const ctx = { today: '2026-12-07', teamEnterprises: FOUR.enterprises, knownEnterprises: [] };
  it('a bare stem after 交办 is the office, and the summary keeps only the problem', () => {
    const e = extractUpdate(
      '1.走访绿源食品 2.企业反映新厂房消防验收卡住了，已交办住建 3.企业反映冷链车辆通行证办不下来',
      ctx,
    );
    expect(e.issues[0]).toMatchObject({ summary: '新厂房消防验收卡住了', department: '住建局', status: 'assigned' });
    expect(e.issues[1]).toMatchObject({ department: null, status: 'open' });
  });
  it('the next number of the running list that only hands off hands off the problem right before it', () => {
    const e = extractUpdate('1.走访新锐电子 2.企业反映缺研发用房 3.已交办经信局，月底前答复', ctx);
    expect(e.issues).toEqual([expect.objectContaining({ department: '经信局', status: 'assigned' })]);
  });
});

describe('删掉 is 撤销', () => {
  it.each([
    ['删掉 Q-0010', { type: 'undo', ref: 'Q-0010' }],
    ['Q-0010 删掉', { type: 'undo', ref: 'Q-0010' }],
    ['这条删掉', { type: 'undo', ref: null }],
    ['删除这条', { type: 'undo', ref: null }],
  ])('%s', (t, cmd) => {
    expect(parseLedgerCommand(t)).toEqual(cmd);
  });
});

describe.each(stores)('team chat on %s', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [FOUR] });
  const { send } = t;

  it('a visit report with a new problem that has taken a month is recorded at once, handed off', async () => {
    const r = await send('今天走访了绿源食品，企业反映冷库建设项目施工许可办了一个多月还没批，已交办住建局');
    expect(r.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      enterprise: '绿源食品',
      category: '审批',
      status: 'assigned',
      department: '住建局',
    });
  });

  it('merging two enterprises’ issues is refused; a merge carries the duplicate’s further handling over', async () => {
    await send('宏达机械反映流动资金紧张');
    await send('恒通物流反映货车司机招不到');
    const refused = await send('Q-0002和Q-0001重复了');
    expect(refused.text).toContain('不是同一家企业');
    expect(await t.kit.store.getIssue('Q-0002')).not.toBeNull();

    await send('宏达机械想申请技改贷款，已交办金融办', { userId: 'u2', userName: '李四' });
    expect(await t.kit.store.getIssue('Q-0003')).toMatchObject({ status: 'assigned', department: '金融办' });
    await send('Q-0003 并入 Q-0001');
    expect(await t.kit.store.getIssue('Q-0003')).toBeNull();
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned', department: '金融办' });
    await send('撤销');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open', department: null });
    expect(await t.kit.store.getIssue('Q-0003')).toMatchObject({ status: 'assigned', department: '金融办' });
  });

  it('a status question about a team enterprise shows its issue instead of searching the policy library', async () => {
    await send('今天走访恒通物流，企业反映货车司机招不到，缺十来个，已交办人社局');
    for (const q of ['恒通的司机招到了没有', '恒通物流的司机招到了吗']) {
      const r = await send(q);
      expect(r.reply?.intent).toBe('issues');
      expect(r.text).toContain('Q-0001');
      expect(r.text).not.toContain('未在资料库中找到');
    }
    expect((await t.kit.store.issueHistory('Q-0001')).length).toBe(1);
  });

  describe('with a question of the bot’s waiting', () => {
    /** Leaves a "登记为新问题吗？" waiting: progress on a matter the ledger does not hold. */
    const leaveQuestion = async () => {
      const q = await send('绿源食品的环评那边已经受理了');
      expect(q.reply?.intent).toBe('clarify');
      expect(q.text).toContain('是”或“否');
    };

    it('laughter and a word to the group are not taken as failed answers', async () => {
      await leaveQuestion();
      for (const t of ['哈哈', '今天开会 大家辛苦了']) {
        const r = await send(t);
        expect(r.text).not.toContain('请回复“是”或“否”');
      }
      expect(await t.kit.store.listIssues({})).toHaveLength(0);
    });

    it('撤销 after a newer record takes back that record; the question keeps waiting', async () => {
      await send('新锐电子反映缺20个焊工');
      await leaveQuestion();
      await send('Q-0001 办结');
      expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'resolved' });
      const undo = await send('撤销');
      expect(undo.text).not.toContain('待确认的记录已取消');
      expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open' });
      // The question still waits: 是 records the matter it asked about.
      await send('是');
      expect((await t.kit.store.listIssues({ enterprise: '绿源食品' })).length).toBe(1);
    });

    it('不对，… after a newer record of the speaker’s corrects that record', async () => {
      await leaveQuestion();
      await send('今天走访了宏达机械，企业反映缺20个焊工');
      const fix = await send('不对，是交办人社局');
      expect(fix.text).not.toContain('哪家企业');
      expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '宏达机械', department: '人社局' });
    });

    it('a question is not taken as the enterprise’s name', async () => {
      await send('今天走访恒通物流，企业反映货车司机招不到，已交办人社局');
      const ask = await send('企业反映用地指标紧张');
      expect(ask.text).toContain('哪家企业');
      const r = await send('恒通的司机招到了没有');
      expect(r.text).toContain('Q-0001');
      expect((await t.kit.store.listIssues({})).map((i) => i.enterprise)).toEqual(['恒通物流']);
    });
  });

  it('“the enterprise’s matters are all solved, the boss is pleased” resolves its one open issue', async () => {
    // (a new problem already with a department: the bot may show its card first)
    const first = await send('今天走访了恒通物流，企业反映仓库用地审批卡在自规局两个多月了');
    if (!/已记录/.test(first.text)) await send('对');
    const r = await send('恒通物流的事情都解决了 老板很满意');
    expect(r.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'resolved' });
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
  });

  it('a plan after a greeting records nothing', async () => {
    const r = await send('大家好，这周开始按计划走访，我先跑宏达和绿源');
    expect(r.reply?.intent).not.toBe('clarify');
    expect(await t.kit.store.listVisits({})).toHaveLength(0);
  });

  it('a second question of the bot’s says the first waits behind it, and asks the first again once settled', async () => {
    await send('宏达机械反映流动资金紧张');
    await send('恒通物流反映货车司机招不到');
    const first = await send('Q-0001 销号', admin);
    expect(first.text).toContain('确认');
    expect(first.text).not.toContain('先放着');
    const second = await send('Q-0002 销号', admin);
    expect(second.text).toContain('先放着');
    const done = await send('确认', admin);
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ status: 'closed' });
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open' });
    // (the first question comes back, without the note the second one carried)
    expect(done.text).toContain('还有一条在等您确认');
    expect(done.text).toContain('Q-0001');
    await send('确认', admin);
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'closed' });
  });

  it('another department seen at work is shown replacing the one handed to, and the deadline set is kept', async () => {
    await send('绿源食品反映新厂房消防验收卡住了');
    await send('Q-0001 交办 人社局 12月20日前');
    const r = await send('绿源食品的消防验收住建局说下周复验');
    expect(r.text).toContain('人社局 → 住建局');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      department: '住建局',
      dueDate: expect.stringMatching(/-12-20$/),
    });
  });

  it('a visit naming a list of the team’s enterprises with nothing to report visits each of them', async () => {
    await send('今天跑了三家 宏达 恒通 绿源 都挺好的 没啥新问题');
    await send('对');
    expect((await t.kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(
      ['宏达机械', '恒通物流', '绿源食品'].sort(),
    );
    expect(await t.kit.store.listIssues({})).toHaveLength(0);
    // (one enterprise visited, another only mentioned: one visit)
    const card = await send('昨天走访了新锐电子，一切正常，宏达下周再去');
    expect(card.reply?.intent).toBe('clarify');
    await send('对');
    const visits = (await t.kit.store.listVisits({})).map((v) => v.enterprise);
    expect(visits.filter((v) => v === '新锐电子')).toHaveLength(1);
    expect(visits.filter((v) => v === '宏达机械')).toHaveLength(1);
  });

  it('the console demo’s enterprise gives way to the first 绑定企业 of the user’s own', async () => {
    await ensureDemoTeam(t.kit.store, DEMO_GROUP, t.kit.clock.ms);
    const demo = { conversationId: DEMO_GROUP, teamId: `console:${DEMO_GROUP}` };
    expect((await t.kit.store.getTeam(demo.teamId))?.enterprises).toEqual(DEMO_ENTERPRISES);
    await send('绑定企业 宏达机械、绿源食品', demo);
    expect((await t.kit.store.getTeam(demo.teamId))?.enterprises).toEqual(['宏达机械', '绿源食品']);
    await send('绑定企业 恒通物流', demo);
    expect((await t.kit.store.getTeam(demo.teamId))?.enterprises).toEqual(['宏达机械', '绿源食品', '恒通物流']);
  });

  it('an admin can take back an issue someone else recorded wrongly, and bring it back', async () => {
    await send('宏达机械反映流动资金紧张');
    expect((await send('Q-0001 撤销', { userId: 'u2', userName: '李四' })).text).toContain('登记人本人');
    const r = await send('Q-0001 撤销', admin);
    expect(r.text).toContain('管理员撤销了 Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toBeNull();
    await send('恢复 Q-0001', admin);
    expect(await t.kit.store.getIssue('Q-0001')).not.toBeNull();
  });
});
