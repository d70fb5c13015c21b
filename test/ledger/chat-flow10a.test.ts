/**
 * A liaison team's chat (tenth round, issue matching and corrections): a correction speaks of the newest record, not
 * an older waiting card; an id in any IME form with news of its own is an update, never the answer to "哪一个？";
 * a message naming an enterprise (and a topic, or the department the issue went to, or "还没…") updates its open
 * issue instead of duplicating it; short and misheard forms of a bound name are that name; the same message sent
 * twice is recorded once; "不是<类别>，是…" keeps the description.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const FIVE: Team = { ...TEAM, enterprises: ['宏远化工', '锦程物流', '天宇光电', '新丰木业', '华康制药'] };

describe('team chat (round 10: matching and corrections)', () => {
  const t = botPerTest(memoryStore, { teams: [FIVE] });
  const { send } = t;

  it('a correction after a newer record moves that record, and the older waiting card keeps waiting untouched', async () => {
    // (two enterprises in one report: a card that waits for 对)
    const card = await send('昨天走访了新丰木业和宏远化工，新丰木业缺木工五名，宏远化工厂区道路破损需要修');
    expect(card.reply?.intent).toBe('clarify');
    const rec = await send('今天到锦程物流走访，企业反映冷链仓库用地审批慢，交办资规局');
    expect(rec.text).toContain('Q-0001');
    const fixed = await send('不对，是天宇的');
    expect(fixed.text).toContain('天宇光电');
    expect(fixed.text).toContain('还在等您回复');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '天宇光电' });
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    const done = await send('对');
    expect(done.text).toContain('已记录');
    const issues = await t.kit.store.listIssues({});
    expect(issues.filter((i) => i.enterprise === '新丰木业')).toHaveLength(1);
    expect(issues.filter((i) => i.enterprise === '宏远化工')).toHaveLength(1);
    expect(issues.filter((i) => i.enterprise === '天宇光电')).toHaveLength(1);
  });

  it('an id in a full-width form with news of its own updates that issue while “哪一个？” keeps waiting; a bare id answers it', async () => {
    await send('宏远化工反映缺操作工15人，已交办人社局');
    await send('锦程物流反映冷链仓库扩建贷款难，已交办金融办');
    await send('天宇光电反映环评批复慢，交办生态环境局');
    const which = await send('那边说已经受理了');
    expect(which.text).toContain('哪一个');
    const upd = await send('Ｑ－０００２ 农商行已上门评估');
    expect(upd.text).toContain('还在等您回复');
    const history = await t.kit.store.issueHistory('Q-0002');
    expect(history.at(-1)?.note).toBe('农商行已上门评估');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ department: '金融办', status: 'in_progress' });
    const answered = await send('就是Q-0003吧');
    expect(answered.text).toContain('Q-0003');
    expect(await t.kit.store.getIssue('Q-0003')).toMatchObject({ status: 'in_progress' });
    expect((await t.kit.store.issueHistory('Q-0003')).at(-1)?.note).toContain('受理');
  });

  it('“不是<类别>，是…” right after a report sets the category and keeps the description', async () => {
    await send('华康制药反映新车间建设用地手续慢，交办资规局');
    const r = await send('不是用地，是环评审批');
    expect(r.text).toContain('审批');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      category: '审批',
      summary: '新车间建设用地手续慢',
    });
  });

  it('a progress note sent again word for word is not recorded twice; 不用 settles the question', async () => {
    await send('宏远化工反映缺操作工15人，已交办人社局');
    await send('宏远化工缺操作工的事，人社局下周组织专场招聘');
    expect(await t.kit.store.issueHistory('Q-0001')).toHaveLength(2);
    const again = await send('宏远化工缺操作工的事，人社局下周组织专场招聘');
    expect(again.text).toContain('Q-0001');
    expect(again.text).toContain('已经记录过了');
    expect(await t.kit.store.issueHistory('Q-0001')).toHaveLength(2);
    await send('不用');
    const card = await send('Q-0001');
    expect(card.text).not.toContain('还在等您回复');
    expect(await t.kit.store.issueHistory('Q-0001')).toHaveLength(2);
  });

  it('“还没…” / “那个…的” / news from the department the issue went to update the open issue, never a duplicate', async () => {
    await send('宏远化工反映缺操作工15人，已交办人社局');
    await send('锦程物流反映冷链仓库扩建贷款难，已交办金融办');
    const still = await send('宏远的操作工还没解决，企业很着急');
    expect(still.text).toContain('Q-0001');
    const stillLoan = await send('锦程的贷款还没批下来');
    expect(stillLoan.text).toContain('Q-0002');
    await send('新丰木业缺电 变压器容量不够 还没交办');
    const handoff = await send('新丰那个缺电的 报给发改局了 月底前');
    expect(handoff.text).toContain('Q-0003');
    expect(await t.kit.store.getIssue('Q-0003')).toMatchObject({ department: '发改局', status: 'assigned' });
    const dept = await send('金融办说银行下周来评估');
    expect(dept.text).toContain('Q-0002');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ status: 'in_progress' });
    expect(await t.kit.store.listIssues({})).toHaveLength(3);
  });

  it('two open issues of the category an update names: asks which, never “没有找到”', async () => {
    await send('华康制药反映缺质检员3名，已交办人社局');
    await send('华康制药还缺叉车司机两名，也交办人社局了');
    const which = await send('华康的用工问题人社局已经推了4个人');
    expect(which.text).toContain('哪一个');
    expect(which.text).toContain('Q-0001');
    expect(which.text).toContain('Q-0002');
  });

  it('a short or misheard form of a bound name is that enterprise, though the deployment knows a namesake', async () => {
    // (the deployment list holds 华康药业: 华康 alone stands for this team's 华康制药)
    await send('华康制药反映GMP认证审批慢，交办市场监管局');
    const short = await send('华康那个事办好了');
    expect(short.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'resolved' });
    await send('天宇光电反映环评批复慢，交办生态环境局');
    const heard = await send('田雨光电的环评 生态环境局已经受理');
    expect(heard.text).toContain('Q-0002');
    expect(heard.text).toContain('天宇光电');
    expect(await t.kit.store.listIssues({})).toHaveLength(2);
  });
});
