/**
 * Corrections as a code-naive tester sent them (twelfth round): a correction that names the card's own enterprise sets
 * the card right instead of replacing it; the count said with the correction is set too, in either order (不是A，是B，
 * 10个 / 是B10名，不是15名); on a card of several problems the one whose words the correction repeats is the one set
 * right; a hand-off verb is never read as an office's name.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { extractUpdate, findDepartments } from '../../src/ledger/extract/index.js';
import { classifyByRules } from '../../handlers/classify.js';
import { correctedSummary, fallsShort } from '../../src/ledger/service/lifecycle.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const TEAM4: Team = { ...TEAM, enterprises: ['宏达机械', '瑞丰纺织', '华康药业', '矽盛电子'] };
const stores = memoryAndRedisStores();

describe('a correction of a count', () => {
  it.each([
    ['不对，缺的不是挡车工，是机修工，10个', '缺挡车工20个，招不到人', '缺机修工10个，招不到人'],
    ['更正：不是普工，是电焊工，共八名', '普工缺口30名', '电焊工缺口八名'],
    ['不对，缺的是电焊工10名，不是15名', '缺电焊工15名，比较急', '缺电焊工10名，比较急'],
    ['说错了，是五十亩，不是三十亩', '新增用地三十亩没有指标', '新增用地五十亩没有指标'],
    ['不对，不是挡车工，是机修工', '缺挡车工20个', '缺机修工20个'],
  ])('%s: %s → %s', (text, summary, expected) => {
    expect(correctedSummary(text, summary)).toBe(expected);
  });
  it('a count the summary does not hold changes nothing', () => {
    expect(correctedSummary('不对，是12名，不是15名', '缺电焊工，比较急')).toBeNull();
  });
});

describe('a question about a place’s figures', () => {
  it.each([
    '龙游那边联企团组建了几个，收集了多少问题，解决了多少',
    '开化县收集的问题办结了几个',
    '江山那边收集了多少问题，办结了多少',
  ])('%s is a policy question', (text) => {
    expect(classifyByRules(text, '2026-12-07', { enterprises: [] }).intent).toBe('ask');
  });
  it.each(['龙游那边联企团组建了几个', '衢州市那边缺电', '开化县的贷款批了'])('%s names no enterprise', (text) => {
    expect(extractUpdate(text, { today: '2026-12-07' }).enterprise).toBeNull();
  });
});

describe('a summary without the announcement of one more matter', () => {
  it.each([
    ['宏达那边还有个事 用电增容报了两个月供电公司没批', '用电增容报了两个月供电公司没批'],
    ['华康药业这边还有一件事，环评一直批不下来', '环评一直批不下来'],
    ['宏达机械还有个问题是环评一直批不下来', '环评一直批不下来'],
  ])('%s → %s', (text, summary) => {
    expect(extractUpdate(text, { today: '2026-12-07' }).issues[0]?.summary).toBe(summary);
  });
});

describe('work an office did, said in the past', () => {
  it.each([
    ['矽盛电子的技术员人社局推荐了8个人，面试了3个', 'in_progress'],
    ['宏达机械用地的事资规局已经核实过了', 'in_progress'],
    ['宏达机械的贷款工行那边沟通了两次', 'in_progress'],
    ['宏达机械的用地资规局批了', 'resolved'],
  ])('%s → %s', (text, status) => {
    const parsed = extractUpdate(text, { today: '2026-12-07' });
    expect(parsed.issues.map((i) => i.status)).toEqual([status]);
    expect(parsed.kind).not.toBe('issue');
  });
});

describe('a hand-off verb is no office', () => {
  it.each(['研究院申报是交办科技局', '不对，环评那个是转办生态环境局'])('%s', (text) => {
    const names = findDepartments(text).map((d) => d.name);
    expect(names.some((n) => /交办|转办/.test(n))).toBe(false);
    expect(names.length).toBe(1);
  });
});

describe.each(stores)('corrections of a card on %s', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [TEAM4] });
  const { send } = t;

  it('a correction naming the card’s own enterprise sets the card right, count too, and 对 records it all', async () => {
    const card = await send('瑞丰也去了 缺挡车工20个 招不到人 让人社那边帮忙对接下');
    expect(card.text).toContain('还没有记录');
    const revised = await send('不对，瑞丰缺的不是挡车工，是机修工，10个');
    expect(revised.text).toContain('缺机修工10个');
    expect(revised.text).toContain('还没有记录');
    expect(await t.kit.store.listIssues({})).toHaveLength(0);
    await send('对');
    const issues = await t.kit.store.listIssues({});
    expect(issues.map((i) => [i.enterprise, i.summary.slice(0, 7), i.department])).toEqual([
      ['瑞丰纺织', '缺机修工10个', '人社局'],
    ]);
    expect(await t.kit.store.listVisits({})).toHaveLength(1);
  });

  it('a need part-way met is progress on its issue, not 办结', async () => {
    await send('瑞丰纺织缺机修工10个，已交人社局');
    await send('周四又去了趟瑞丰 企业说机修工招到6个了');
    await send('对');
    const [issue] = await t.kit.store.listIssues({ enterprise: '瑞丰纺织' });
    expect(issue?.status).toBe('in_progress');
  });

  it('a matter of no named kind back after 办结 (又缺电了) asks whether to reopen it; another matter does not', async () => {
    await send('宏达机械缺电，变电站扩容排不上，找了发改那边');
    await send('宏达用电的事搞定了');
    expect((await t.kit.store.listIssues({ enterprise: '宏达机械' }))[0]?.status).toBe('resolved');
    const asked = await send('宏达机械又缺电了 变压器又跳闸');
    expect(asked.text).toContain('重新打开');
    expect(await t.kit.store.listIssues({ enterprise: '宏达机械' })).toHaveLength(1);
    const other = await send('宏达机械又被退回了 排污口设置方案');
    expect(other.text).not.toContain('重新打开');
  });

  it('a question about one of an enterprise’s issues, by its words, shows that issue’s card', async () => {
    await send('今天走访华康药业，企业反映新车间消防验收排不上，已交住建局；另外想申报省级企业研究院，已交科技局。');
    await send('对');
    expect(await t.kit.store.listIssues({ enterprise: '华康药业' })).toHaveLength(2);
    const shown = await send('华康的研究院申报到哪了');
    expect(shown.text).toContain('问题：想申报省级企业研究院');
    expect(shown.text).not.toContain('消防');
    const both = await send('华康那几个事怎么样了');
    expect(both.text).toContain('消防');
    expect(both.text).toContain('研究院');
  });

  it('an office’s step on a matter handed to it updates that issue, not a new one', async () => {
    await send('矽盛电子缺SMT技术员10名，已交人社局');
    await send('矽盛的技术员人社局推荐了8个人，面试了3个');
    const issues = await t.kit.store.listIssues({ enterprise: '矽盛电子' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.status).toBe('in_progress');
  });

  it('on a card of several problems, the one whose words the correction repeats gets the department', async () => {
    const card = await send(
      '今天走访华康药业，企业反映新车间消防验收排不上，已交住建局；另外想申报省级企业研究院，让人社那边帮忙对接下。',
    );
    expect(card.text).toContain('还没有记录');
    const revised = await send('不对，研究院申报是交办科技局');
    expect(revised.text).toContain('→ 科技局');
    await send('对');
    const issues = await t.kit.store.listIssues({ enterprise: '华康药业' });
    expect(issues.find((i) => i.summary.includes('研究院'))?.department).toBe('科技局');
    expect(issues.find((i) => i.summary.includes('消防'))?.department).toBe('住建局');
  });
});

describe('a result short of the need', () => {
  it.each([
    ['机修工招到6个了', '缺机修工10个', true],
    ['招到六名了', '缺普工20名', true],
    ['到账50万元', '流动资金贷款200万元', true],
    ['机修工招到10个了', '缺机修工10个', false],
    ['招齐了', '缺机修工10个', false],
    ['批了30亩', '新增用地30亩', false],
  ])('%s for %s → %s', (result, need, short) => {
    expect(fallsShort(result, need)).toBe(short);
  });
});
