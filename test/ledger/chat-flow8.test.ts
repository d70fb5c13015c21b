/**
 * A team's chat as a new user tried it (eighth round): a second problem of one enterprise and category is its own
 * issue, not a hand-off of the first; a state that persists continues the open issue; a roll-up's visits each list
 * their own problems; 已办结 lists signed-off issues too; a category edit in other words says how it was read.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { distinctMatters } from '../../src/ledger/service/targets.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const SIX: Team = { ...TEAM, enterprises: ['宏达机械', '瑞丰纺织', '绿源食品', '金马科技', '天宇电子', '华康药业'] };
const stores = memoryAndRedisStores();

describe('two descriptions of one enterprise’s problems', () => {
  it.each([
    ['厂房施工许可卡住了', '环评批文迟迟下不来，报给生态环境局了'],
    ['流动资金紧张，想申请贷款', '想申请技改贴息贷款'],
    ['缺电工', '缺焊工'],
  ])('%s / %s are different matters', (a, b) => {
    expect(distinctMatters(a, b)).toBe(true);
  });
  it.each([
    ['流动资金紧张，想申请贷款', '贷款那个推给金融办'],
    ['新厂房消防验收卡住了', '消防验收住建局说下周复验'],
    ['缺20个挡车工', '挡车工招到十几个了'],
    ['想申请五百万的技改贷款', 'loan批了，300万已放款 done'],
  ])('%s / %s may be one matter', (a, b) => {
    expect(distinctMatters(a, b)).toBe(false);
  });
});

describe('a pasted table row’s summary', () => {
  const ctx = { today: '2026-12-07', teamEnterprises: SIX.enterprises, knownEnterprises: [] };
  it.each([
    ['华康药业 | 技改补贴没兑现 | 经信局', '技改补贴没兑现'],
    ['天宇电子\t缺高级技工5名\t人社局\t对接中', '缺高级技工5名'],
  ])('%s → %s: the department and step cells are the issue’s other fields', (text, summary) => {
    expect(extractUpdate(text, ctx).issues.map((i) => i.summary)).toEqual([summary]);
  });
});

describe.each(stores)('team chat on %s', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;

  it('another problem of the same category raised on a visit is a new issue; the first keeps its hand-off', async () => {
    await send('宏达机械 厂房审批卡住了 住建那边在弄');
    await send('Q-0001 交办 人社局 3月20日前');
    const before = await t.kit.store.getIssue('Q-0001');
    const r = await send('宏达机械今天去了 企业说环评审批也慢 报给生态环境局了');
    expect(r.text).toContain('Q-0002');
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({
      enterprise: '宏达机械',
      category: '审批',
      department: '生态环境局',
    });
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({
      department: '人社局',
      dueDate: before?.dueDate,
    });
    // Two open approval matters now: "审批办好了" asks which, it closes neither by guess.
    const which = await send('宏达那个审批办好了');
    expect(which.text).toContain('哪一个');
    expect((await t.kit.store.listIssues({ status: ['resolved'] })).length).toBe(0);
  });

  it('a state that persists continues the open issue; a loan of another purpose is its own', async () => {
    await send('今天走访宏达机械，企业反映流动资金紧张，想申请贷款，已交办金融办');
    const again = await send('昨天又去了宏达机械，老板说贷款还是没下来，资金很紧');
    expect(again.text).toContain('Q-0001');
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
    const other = await send('宏达机械反映想申请技改贴息贷款 报给发改了');
    expect(other.text).toContain('Q-0002');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ department: '金融办' });
    expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ department: '发改局', category: '融资' });
  });

  it('a visit to two enterprises lists each one’s problems under its own visit', async () => {
    await send('今天去了金马科技和天宇电子 金马缺电工 天宇想要人才公寓');
    const r = await send('对');
    const lines = r.text.split('\n');
    const jinma = lines.findIndex((l) => l.includes('走访') && l.includes('金马科技'));
    const tianyu = lines.findIndex((l) => l.includes('走访') && l.includes('天宇电子'));
    expect(jinma).toBeGreaterThanOrEqual(0);
    expect(tianyu).toBeGreaterThan(jinma);
    expect(lines[jinma]).toContain('1 个问题');
    expect(lines.slice(jinma, tianyu).join('\n')).toContain('缺电工');
    expect(lines.slice(jinma, tianyu).join('\n')).not.toContain('人才公寓');
    expect(lines.slice(tianyu).join('\n')).toContain('人才公寓');
  });

  it('问题清单 已办结 lists signed-off issues too; a category edit in other words says how it was read', async () => {
    await send('瑞丰纺织缺20个挡车工');
    const same = await send('Q-0001 改 类别 社保');
    expect(same.text).toContain('按“用工”理解');
    expect(same.text).toContain('没有变化');
    await send('Q-0001 办结');
    await send('Q-0001 销号', { userId: 'admin', userName: '管理员', isAdmin: true });
    const done = await send('问题清单 已办结');
    expect(done.text).toContain('Q-0001');
    expect(done.text).toContain('已销号');
  });

  it('“不对，是绿源的” moves the last report’s issue and visit to that enterprise; 撤销 moves them back', async () => {
    await send('瑞丰纺织昨天去了 缺20个挡车工 招不到人 已经跟人社那边说了');
    const r = await send('不对，是绿源的');
    expect(r.text).toContain('瑞丰纺织 → 绿源食品');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '绿源食品', department: '人社局' });
    expect(await t.kit.store.getVisit('V-0001')).toMatchObject({ enterprise: '绿源食品' });
    const history = await t.kit.store.issueHistory('Q-0001');
    expect(history.at(-1)?.edits).toEqual([{ field: 'enterprise', from: '瑞丰纺织', to: '绿源食品' }]);
    const events = await t.kit.store.readEvents(0, t.kit.clock.ms + 1);
    expect(events.some((e) => e.type === 'visit.updated' && e.visitId === 'V-0001')).toBe(true);
    await send('撤销');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '瑞丰纺织' });
    expect(await t.kit.store.getVisit('V-0001')).toMatchObject({ enterprise: '瑞丰纺织' });
  });

  it('企业搞错了 names what was wrong first; 改 企业 edits one issue, with the team’s full name', async () => {
    await send('天宇电子反映出口退税还没到');
    await send('企业搞错了 是华康药业');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '华康药业' });
    const r = await send('Q-0001 改 企业 金马');
    expect(r.text).toContain('华康药业 → 金马科技');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '金马科技' });
  });

  it('a card waiting for 对 is kept behind a newer card, asked again after it, and 取消 moves on to it too', async () => {
    // (a visit to a list of the team's own enterprises is recorded at once, with no card)
    await send('今天跑了三家 宏达 瑞丰 绿源 都挺好的');
    expect((await t.kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(
      ['宏达机械', '瑞丰纺织', '绿源食品'].sort(),
    );
    await send('今天去了金马科技和宏达机械 金马缺电工 宏达想要人才公寓');
    const row = await send('天宇电子 | 缺高级技工5名 | 人社局');
    expect(row.text).toContain('先放着');
    const recorded = await send('对');
    expect(recorded.text).toContain('Q-0001');
    expect(recorded.text).toContain('还有一条在等您确认');
    expect(recorded.text).toContain('金马科技');
    expect(recorded.text).not.toContain('先放着');
    await send('对');
    expect((await t.kit.store.listIssues({})).map((i) => i.enterprise)).toContain('金马科技');
    // 取消 of the newer card brings the older one back as well
    await send('今天去了金马科技和天宇电子 金马缺电工 天宇想要人才公寓');
    await send('华康药业 | 技改补贴没兑现 | 经信局');
    const cancelled = await send('取消');
    expect(cancelled.text).toContain('还有一条在等您确认');
    expect(cancelled.text).toContain('金马科技');
  });

  it('a table cell holding the column separator does not shift the 问题清单 columns', async () => {
    await send('华康药业 | 技改补贴没兑现 | 经信局');
    await send('对');
    const list = await send('问题清单');
    const row = list.text.split('\n').find((l) => l.startsWith('Q-0001'));
    expect(row?.split(' | ')).toHaveLength(8);
  });

  it('a card waiting for 对, then “不对，是华康的”: recorded under that enterprise, not dropped', async () => {
    const card = await send('今天去了金马科技和天宇电子 金马缺电工 天宇想要人才公寓');
    expect(card.reply?.intent).toBe('clarify');
    const r = await send('不对，是华康的');
    expect(r.text).toContain('华康药业');
    const enterprises = (await t.kit.store.listIssues({})).map((i) => i.enterprise).sort();
    expect(enterprises).toEqual(['天宇电子', '华康药业'].sort());
    expect((await t.kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(['天宇电子', '华康药业'].sort());
  });

  it('a policy topic looked up while a card waits is not asked again as the card’s answer; the card still takes 对', async () => {
    const card = await send('今天去了金马科技和天宇电子 金马缺电工 天宇想要人才公寓');
    expect(card.reply?.intent).toBe('clarify');
    const lookup = await send('人才政策');
    expect(lookup.text).not.toContain('回复“对”');
    expect(await t.kit.store.listIssues({})).toHaveLength(0);
    await send('对');
    expect((await t.kit.store.listIssues({})).map((i) => i.enterprise).sort()).toEqual(['天宇电子', '金马科技'].sort());
  });
});
