/**
 * What a code-naive tester met in the thirteenth round: a need tried for months is no result; a card keeps waiting
 * through news of another matter of its enterprise; dictation with a question in the middle is a report; the same
 * kind of matter told again in other words asks before a duplicate is recorded; a result said with 销号 is recorded
 * as 办结; news from the department an issue is with continues it; a category set right after an update; the team's
 * counts are the board's; a reopened issue is not counted as resolved in the digest.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { parseLedgerCommand } from '../../src/ledger/commands.js';
import { classifyByRules } from '../../handlers/classify.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const TEAM7: Team = {
  ...TEAM,
  enterprises: ['宏达机械', '瑞丰纺织', '绿源食品', '恒通电子', '金鼎新材料', '华益化工', '天成包装'],
};
const stores = memoryAndRedisStores();
const TODAY = '2026-12-08';

describe('a length of time is no amount got', () => {
  it.each([
    ['宏达机械缺5个数控技工，招了两个月招不到', 'open'],
    ['宏达机械缺5个数控技工，招了三个多月了', 'open'],
    ['宏达机械缺5个数控技工，已经招了两个了', 'resolved'],
  ])('%s → %s', (text, status) => {
    expect(extractUpdate(text, { today: TODAY }).issues.map((i) => i.status)).toEqual([status]);
  });
});

describe('dictation without punctuation', () => {
  it('a question in the middle, with more report after it, is a report', () => {
    const text =
      '嗯那个今天又去了趟宏达机械啊就是上次说的那个招工的事情还是没解决然后他们老板又说想申请那个高新技术企业认定不知道怎么弄还有就是厂区门口那条路晚上没路灯工人下班不安全这个我跟住建局说了';
    expect(classifyByRules(text, TODAY, { enterprises: ['宏达机械'] }).intent).toBe('report');
  });
  it('a report ending with its own question still asks 记录还是提问', () => {
    expect(classifyByRules('华康反映缺工，有什么政策可以支持？', TODAY, { enterprises: ['华康'] }).intent).toBe(
      'unsure',
    );
  });
});

describe('a matter two enterprises share', () => {
  it('恒通电子和东方红机械都反映缺电: an issue for each, asked as several enterprises', () => {
    const parsed = extractUpdate('恒通电子和东方红机械都反映缺电 交供电公司', { today: TODAY });
    expect(parsed.issues.map((i) => [i.enterprise, i.summary, i.department])).toEqual([
      ['恒通电子', '缺电', '供电公司'],
      ['东方红机械', '缺电', '供电公司'],
    ]);
    expect(parsed.reasons).toContain('several_enterprises');
  });
  it('a second word after 和 that is no enterprise leaves the matter as it was said', () => {
    const parsed = extractUpdate('恒通电子和供电公司都说缺电要增容', { today: TODAY });
    expect(parsed.issues.every((i) => i.enterprise === undefined || i.enterprise === '恒通电子')).toBe(true);
  });
});

describe('the team’s own counts', () => {
  it.each(['这个月收集了多少问题，解决了多少', '本周新增了几个问题', '本月办结了多少'])('%s → the board', (text) => {
    expect(parseLedgerCommand(text)).toMatchObject({ type: 'board' });
  });
  it('a place’s figures are not the board', () => {
    expect(parseLedgerCommand('龙游那边联企团组建了几个，收集了多少问题，解决了多少')).toBeNull();
  });
});

describe.each(stores)('the tester’s chat on %s', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [TEAM7] });
  const { send } = t;

  it('a visit’s hiring problem tried for months is recorded open, not read as 办结', async () => {
    const r = await send(
      '今天上午跟经信局小李去了宏达机械，老板说流动资金紧张想贷500万，还有就是缺5个数控技工，招了两个月招不到。资金的事我们已经报给金融办了',
    );
    if (r.text.includes('回复“对”')) await send('对');
    const issues = await t.kit.store.listIssues({ enterprise: '宏达机械' });
    expect(issues.map((i) => [i.category, i.status]).sort()).toEqual([
      ['用工', 'open'],
      ['融资', 'assigned'],
    ]);
  });

  it('news of another matter of the card’s enterprise leaves the card waiting', async () => {
    await send('宏达机械流动资金紧张想贷500万 已交办金融办');
    const card = await send('宏达机械还缺5个数控技工 招了两个月都没招到 麻烦人社局帮忙对接一下');
    expect(card.text).toContain('还没有记录');
    const news = await send('宏达那个贷款金融办说下周放款');
    expect(news.text).not.toContain('替换刚才那条');
    expect(news.text).toContain('还在等您回复');
    expect((await t.kit.store.getIssue('Q-0001'))?.status).toBe('in_progress');
    await send('对');
    expect((await t.kit.store.listIssues({ category: '用工' })).map((i) => i.summary)).toHaveLength(1);
  });

  it('the same kind of matter in other words asks whether it is the open one; 1 records it there', async () => {
    await send('宏达机械缺流动资金 交金融办');
    const asked = await send('宏达机械资金紧张 想贷500万');
    expect(asked.text).toContain('说的是它吗');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    await send('1');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    expect((await t.kit.store.issueHistory('Q-0001')).length).toBeGreaterThan(1);
  });

  it('a result said with 销号 is recorded as 办结, and 销号 waits for its id', async () => {
    await send('金鼎新材料反映出口退税一直没到账 交给税务局了');
    const r = await send('金鼎新材料 退税到账了 销号吧');
    expect(r.text).toContain('先按“办结”记录');
    expect((await t.kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
    const bare = await send('金鼎新材料 销号吧');
    expect(bare.text).toContain('销号需要写明问题编号');
  });

  it('news from the department the one such issue is with continues it', async () => {
    await send('天成包装缺电 每天下午限电 影响生产 交办供电公司');
    const r = await send('天成包装的电 供电公司说下周给他们增容 先这样');
    expect(r.text).not.toContain('登记为新问题');
    expect((await t.kit.store.getIssue('Q-0001'))?.status).toBe('in_progress');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
  });

  it('news naming the department the issue is with is recorded without an inferred hand-off card', async () => {
    await send('华益化工 安全生产许可证换证 材料不全被退回 已交办应急管理局');
    const r = await send('华益化工的安全许可证 应急管理局又退回了 说缺安全评价报告');
    expect(r.text).not.toContain('推断');
    expect(r.text).toContain('已更新');
    expect((await t.kit.store.issueHistory('Q-0001')).length).toBe(2);
  });

  it('不是用地，是厂房审批 right after an update sets that issue’s category', async () => {
    await send('恒通电子厂房扩建想要用地指标 已交办自然资源局');
    await send('恒通电子 用地的事还没解决 资规局说指标要等省里');
    const r = await send('不是用地，是厂房审批');
    expect(r.text).not.toContain('哪家企业');
    expect((await t.kit.store.getIssue('Q-0001'))?.category).toBe('审批');
  });

  it('a roll-up over several enterprises whose entry matches nothing is one card, the entry shown as new', async () => {
    const card = await send(
      '这周情况汇总一下：1.宏达机械 贷款的事金融办在对接 2.绿源食品 环评还卡着 3.金鼎新材料 缺20个普工 交人社局 期限都是12月底',
    );
    expect(card.text).not.toContain('登记为新问题吗');
    expect(card.text).toContain('新问题：宏达机械 融资');
    await send('对');
    expect((await t.kit.store.listIssues({})).map((i) => i.enterprise).sort()).toEqual([
      '宏达机械',
      '绿源食品',
      '金鼎新材料',
    ]);
  });

  it('两个问题都交给经信局 月底前 hands off both open issues of the enterprise, nothing new recorded', async () => {
    await send('瑞丰纺织 订单下滑 想拓展海外市场');
    await send('瑞丰纺织 一笔200万的技改贷款银行迟迟不批');
    const r = await send('瑞丰的两个问题都交给经信局吧 月底前');
    expect(r.text).not.toContain('登记为新问题');
    const issues = await t.kit.store.listIssues({ enterprise: '瑞丰纺织' });
    expect(issues.map((i) => [i.status, i.department])).toEqual([
      ['assigned', '经信局'],
      ['assigned', '经信局'],
    ]);
    // a count that is not theirs is no bulk step
    await send('瑞丰纺织 缺机修工10个');
    await send('瑞丰的两个问题都转给发改局');
    const now = await t.kit.store.listIssues({ enterprise: '瑞丰纺织' });
    expect(now.filter((i) => i.department === '发改局')).toHaveLength(0);
  });

  it('an issue reopened after its 办结 is open in the digest, not also resolved', async () => {
    await send('天成包装缺电 每天下午限电 交办供电公司');
    await send('天成包装缺电的事解决了 供电公司给增容了');
    expect((await t.kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
    await send('天成包装又缺电了');
    await send('1');
    expect((await t.kit.store.getIssue('Q-0001'))?.status).toBe('assigned');
    const digest = await send('简报');
    expect(digest.text).toContain('办结：0');
    expect(digest.text).not.toContain('【办结问题】');
  });
});
