/**
 * A liaison team's chat (eleventh round, the lead's fixes): a matter named only by its generic word and said to be
 * still unsettled (招工的事还没解决) continues the open issue of that kind even with a department's news in it; a matter
 * stuck again after its issue was 办结 asks whether to reopen that issue — reopened with the new words in its history
 * on the pick, a new issue on 新问题.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const FOUR: Team = { ...TEAM, enterprises: ['宏远化工', '锦程物流', '天宇光电', '新丰木业'] };

describe('team chat (round 11: unsettled and stuck again)', () => {
  const t = botPerTest(memoryStore, { teams: [FOUR] });
  const { send } = t;

  it('“X的事还没解决，<部门>说…” updates the open issue of that kind, not a duplicate', async () => {
    await send('今天走访了新丰木业，企业反映招工难，缺普工30人，已交办人社局');
    const still = await send('新丰招工的事还没解决，人社局说下周再推一批');
    expect(still.text).toContain('Q-0001');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    expect((await t.kit.store.issueHistory('Q-0001')).at(-1)?.note).toContain('下周再推一批');
  });

  it('stuck again after 办结: asks to reopen; the pick reopens it with the news in its history', async () => {
    await send('今天走访了锦程物流，企业反映流动资金紧张，想申请贷款，已交办金融办');
    await send('锦程贷款批下来了，已办结');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'resolved' });
    const ask = await send('锦程贷款又卡住了，银行说要补材料');
    expect(ask.text).toContain('Q-0001');
    expect(ask.text).toContain('重新打开');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    const picked = await send('1');
    expect(picked.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned', department: '金融办' });
    expect((await t.kit.store.issueHistory('Q-0001')).at(-1)?.note).toContain('补材料');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
  });

  it('stuck again after 办结, answered 新问题: a new issue, the done one untouched', async () => {
    await send('天宇光电反映环评批复慢，交办生态环境局');
    await send('天宇环评批下来了，办结');
    await send('天宇的环评又卡住了，说是要重新公示');
    const fresh = await send('新问题');
    expect(fresh.text).toContain('Q-0002');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ status: 'resolved' });
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ enterprise: '天宇光电', category: '审批' });
  });

  it('good news of a matter not in hand is said so, not offered as a new problem', async () => {
    const r = await send('天宇光电的施工许可批下来了 nice 👏');
    expect(r.text).toContain('没有在办的审批问题');
    expect(r.text).not.toContain('登记为新问题');
    expect(await t.kit.store.listIssues({})).toHaveLength(0);
  });

  it('a yes with fillers and particles answers the card (嗯嗯 登记吧), a doubled one too', async () => {
    const card = await send('昨天走访了新丰木业和宏远化工，新丰木业缺木工五名，宏远化工厂区道路破损需要修');
    expect(card.reply?.intent).toBe('clarify');
    const yes = await send('嗯嗯 登记吧');
    expect(yes.text).toContain('已记录');
    expect(await t.kit.store.listIssues({})).toHaveLength(2);
    await send('昨天走访了天宇光电和锦程物流，天宇光电缺电工两名，锦程物流门口道路破损');
    const twice = await send('是的是的');
    expect(twice.text).toContain('已记录');
    expect(await t.kit.store.listIssues({})).toHaveLength(4);
  });

  it('“不对，是交办给<部门>” right after the speaker’s update of an issue sets that issue’s department', async () => {
    await send('今天走访锦程物流 企业反映流动资金紧张 已交办金融办');
    await send('新丰木业反映出口退税还没到账 找了税务局');
    await send('Q-0001 金融办已对接农商行，下周三上门尽调');
    const fixed = await send('不对，是交办给人社局');
    expect(fixed.text).toContain('Q-0001');
    expect(fixed.text).not.toContain('哪一个');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ department: '人社局' });
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ department: '税务局' });
    expect((await t.kit.store.issueHistory('Q-0001')).at(-1)?.note).toContain('人社局');
  });
});
