/**
 * One figure of the board asked on its own (本月办结率多少, 这周走访了几家, 哪些企业这个月还没走访, 这个月收集了多少问题)
 * is answered in a line over the span asked — not with the whole board; 看板 and 各组情况 still give the board.
 */
import { describe, expect, it } from 'vitest';
import { botPerTest, memoryAndRedisStores } from './helpers.js';

const stores = memoryAndRedisStores();

// The kit's clock starts on Tuesday 2019-03-12; its team 城东一组 is bound to 华康药业 and 七一电器.
describe.each(stores)('board figures asked in words (%s store)', (_name, makeStore) => {
  const t = botPerTest(makeStore);
  const { send } = t;

  async function twoIssuesOneDone() {
    await send('今天走访了华康药业，企业反映缺20个普工，已交人社局；另外流动资金紧张想贷款');
    const issues = await t.kit.store.listIssues({});
    expect(issues).toHaveLength(2);
    await send(`${issues.find((i) => i.category === '用工')?.id} 办结`);
  }

  it('办结率: the rate with its numerator and denominator, in one line', async () => {
    await twoIssuesOneDone();
    const r = await send('本月办结率多少');
    expect(r.text).toContain('办结率 50.0%');
    expect(r.text).toContain('问题总数 2 个');
    expect(r.text).toContain('在办 1 个');
    expect(r.text).not.toContain('工作简报');
  });

  it('visits this week name the enterprises; last week had none', async () => {
    await twoIssuesOneDone();
    const week = await send('这周走访了几家');
    expect(week.text).toMatch(/本周（3月11日—3月12日）走访 1 次，1 家企业：华康药业/);
    const last = await send('上周走访了多少家');
    expect(last.text).toMatch(/上周（3月4日—3月10日）还没有走访记录/);
  });

  it('the span is named as asked, on a Monday too (本周 from that day, not 今天)', async () => {
    await twoIssuesOneDone();
    t.kit.clock.advance(6 * 24 * 60 * 60 * 1000); // Monday 2019-03-18
    expect((await send('这周走访了几家')).text).toMatch(/本周（3月18日）还没有走访记录/);
    expect((await send('上周走访了多少家')).text).toMatch(/上周（3月11日—3月17日）走访 1 次/);
  });

  it('enterprises not yet visited this month', async () => {
    await twoIssuesOneDone();
    const r = await send('哪些企业这个月还没走访');
    expect(r.text).toContain('还没有走访的企业 1 家：七一电器');
  });

  it('problems collected and solved this month', async () => {
    await twoIssuesOneDone();
    const r = await send('这个月收集了多少问题');
    expect(r.text).toContain('新增问题 2 个，办结 1 个，销号 0 个');
  });

  it('看板 still gives the whole board', async () => {
    await twoIssuesOneDone();
    expect((await send('看板')).text).toContain('工作简报');
  });
});
