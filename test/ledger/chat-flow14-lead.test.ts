/**
 * What a code-naive tester met in the fourteenth round: news of a waiting card's own problem moves it on, on the
 * card (not lost as a result with nothing to resolve); a matter stuck again (又招不到了) is the open issue's news, or
 * asks whether to reopen the one done; news from a department holding two such issues asks which; a terse hand-off of
 * an infrastructure matter is recorded; a short result of another kind of matter while "which one?" waits is its own
 * report.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { STILL_UNSETTLED } from '../../src/ledger/lexicon/signals.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const TEAM4: Team = { ...TEAM, enterprises: ['宏达机械', '绿源食品', '锦程纺织', '星海光电'] };
const stores = memoryAndRedisStores();

describe('a matter stuck again', () => {
  it.each([
    ['焊工又招不到了', true],
    ['贷款又批不下来', true],
    ['补贴又没到账', true],
    ['环评又卡住了', true],
    ['焊工又招到了五个', false],
    ['又缺人了吗', true],
    ['他们又不缺人了', false],
  ])('%s → %s', (text, stuck) => {
    expect(STILL_UNSETTLED.test(text)).toBe(stuck);
  });
});

describe('a cadre called by surname and title’s first character went along', () => {
  it.each([
    ['前天和经信局张科去了星海光电，企业说出口订单下滑想了解稳外贸的政策', null],
    ['跟人社局李局一起走访了宏达机械，缺焊工10人', null],
    ['宏达机械缺焊工10人，已交人社局', '人社局'],
  ])('%s → %s', (text, department) => {
    expect(extractUpdate(text, { today: '2026-12-08' }).issues.map((i) => i.department)).toEqual([department]);
  });
});

describe('a procedure said as the step another matter has reached is no category of its own', () => {
  it.each([
    ['进展汇报 1.宏达焊工已招到8人 2.绿源贷款银行已审批 3.星海操作工招齐了', ['用工', '融资', '用工']],
    ['锦程纺织环评已审批', ['审批']],
  ])('%s → %s', (text, categories) => {
    expect(extractUpdate(text, { today: '2026-12-08' }).issues.map((i) => i.category)).toEqual(categories);
  });
});

describe('a problem taken back in speech is not its description', () => {
  it.each([
    ['宏达机械反映缺焊工五个 哦不对是缺电工五个', '缺电工五个'],
    ['宏达机械反映缺焊工五个，不对，缺电工五个', '缺电工五个'],
    ['宏达机械缺焊工五个，资金也紧张', '缺焊工五个'],
  ])('%s → %s', (text, summary) => {
    expect(extractUpdate(text, { today: '2026-12-08' }).issues[0]?.summary).toBe(summary);
  });
});

describe.each(stores)('chat (%s store)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [TEAM4] });
  const { send } = t;

  it('news of a waiting card’s own problem is set on the card, and 对 records it', async () => {
    const card = await send('今天去了宏达机械和星海光电 宏达缺焊工 星海要贷款');
    expect(card.text).toContain('还没有记录');
    const news = await send('星海的贷款批下来了');
    expect(news.text).toContain('已在卡片上更新（星海光电 融资 待交办 → 已办结）');
    expect(news.text).not.toContain('没有在办的融资问题');
    await send('对');
    const issues = await t.kit.store.listIssues({});
    expect(issues.map((i) => [i.enterprise, i.category, i.status]).sort()).toEqual([
      ['宏达机械', '用工', 'open'],
      ['星海光电', '融资', 'resolved'],
    ]);
    expect(await t.kit.store.listVisits({})).toHaveLength(2);
  });

  it('a need unmet again is the open issue’s news, not a second issue', async () => {
    await send('宏达机械缺焊工15人 交人社局');
    await send('宏达焊工又招不到了');
    const issues = await t.kit.store.listIssues({});
    expect(issues).toHaveLength(1);
    expect(issues[0]?.status).toBe('assigned');
  });

  it('a need unmet again after 办结 asks whether to reopen it', async () => {
    await send('宏达机械缺焊工15人 交人社局');
    await send('宏达焊工招齐了');
    const asked = await send('宏达焊工又招不到了');
    expect(asked.text).toContain('是它又出了问题吗');
    await send('1');
    const issues = await t.kit.store.listIssues({});
    expect(issues).toHaveLength(1);
    expect(issues[0]?.status).not.toBe('resolved');
  });

  it('news from a department holding two such issues asks which one', async () => {
    await send('宏达机械缺焊工15人 交人社局');
    await send('星海光电缺操作工20人 交人社局');
    const asked = await send('人社那边说招聘会下周开');
    expect(asked.text).toContain('说的是哪一个');
    expect(asked.text).not.toContain('没有找到');
    await send('2');
    const [a, b] = (await t.kit.store.listIssues({})).sort((x, y) => x.id.localeCompare(y.id));
    expect(a?.status).toBe('assigned');
    expect(b?.status).not.toBe('assigned');
  });

  it('a short result of another kind of matter while "which one?" waits is recorded on its own', async () => {
    await send('绿源食品流动资金贷款300万 交金融办');
    await send('宏达机械缺焊工15人 交人社局');
    await send('星海光电缺操作工20人 交人社局');
    await send('人社那边说招聘会下周开');
    const r = await send('贷款的事解决了');
    expect(r.text).toContain('已办结');
    expect(r.text).toContain('还在等您回复');
    const loan = (await t.kit.store.listIssues({ category: '融资' }))[0];
    expect(loan?.status).toBe('resolved');
  });

  it('a terse hand-off of an infrastructure matter is recorded as handed off', async () => {
    const r = await send('绿源那边说污水排放要扩容 交给环保');
    expect(r.text).not.toContain('登记为新问题吗');
    const [issue] = await t.kit.store.listIssues({});
    expect([issue?.enterprise, issue?.category, issue?.department, issue?.status]).toEqual([
      '绿源食品',
      '其他',
      '生态环境局',
      'assigned',
    ]);
  });

  it('a deadline said in one item of a list written on one line is that item’s only', async () => {
    await send(
      '今天到锦程纺织 一是厂区门口道路破损要修 找了交通局 二是想申请工业用地30亩扩建 三是缺机修工10个 人社那边在对接 下周五前给答复',
    );
    const issues = await t.kit.store.listIssues({});
    const due = Object.fromEntries(issues.map((i) => [i.category, i.dueDate]));
    // (the kit's clock: Tuesday 2019-03-12; 下周五 = 2019-03-22; a hand-off without one gets the default 15 days)
    expect(due).toEqual({ 其他: '2019-03-27', 用地: null, 用工: '2019-03-22' });
  });

  it('a card says what it leaves out: a result of a matter with nothing open', async () => {
    await send('绿源食品反映想扩建用地 交资规局');
    const card = await send('绿源食品的融资和用地两个事 融资已解决 用地还在等');
    expect(card.text).toContain('还没有记录');
    expect(card.text).toContain('绿源食品没有在办的融资问题');
  });

  it('each visit of a roll-up is noted with its own entry, not the whole roll-up', async () => {
    const r = await send('今天走访了三家：宏达机械缺电已报供电公司；星海光电没什么诉求；锦程纺织缺挡车工10人');
    if (r.text.includes('还没有记录')) await send('对');
    const notes = Object.fromEntries((await t.kit.store.listVisits({})).map((v) => [v.enterprise, v.note]));
    expect(notes).toEqual({ 宏达机械: '缺电', 星海光电: '星海光电没什么诉求', 锦程纺织: '缺挡车工10人' });
  });

  it('a report sent twice, then a correction: the record is set right and the copy not recorded', async () => {
    const report = '星海光电今天去了 研发费用加计扣除不会申报 已请税务那边上门辅导';
    await send(report);
    expect((await send(report)).text).toContain('已经记录过了');
    const fixed = await send('不对，是锦程的');
    expect(fixed.text).toContain('锦程纺织');
    const issues = await t.kit.store.listIssues({});
    expect(issues.map((i) => i.enterprise)).toEqual(['锦程纺织']);
    expect((await t.kit.store.listVisits({})).map((v) => v.enterprise)).toEqual(['锦程纺织']);
  });
});
