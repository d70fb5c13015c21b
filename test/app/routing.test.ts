/**
 * Routing through the real bot: enterprise problems and visits go to the ledger, plans and acknowledgements get a
 * short word, plain questions go to Q&A without "记录还是提问？", questions about an issue show its card and record
 * nothing, and the same text always gets the same route.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import type { Bot } from '../../src/app/bot.js';
import { MIN, makeKit, memoryStore, say, text, type Kit } from '../ledger/helpers.js';

describe('routing free text', () => {
  let kit: Kit;
  let bot: Bot;
  beforeEach(async () => {
    kit = await makeKit(memoryStore);
    bot = createBot(kit.services);
  });
  afterEach(async () => {
    await kit.cleanup();
  });
  const send = async (t: string) => {
    kit.clock.advance(MIN);
    return bot.handle(say(kit, t));
  };

  it('an enterprise problem without a visit verb is recorded, not answered as a policy question', async () => {
    const r = await send('华康药业缺电');
    expect(r.route).toBe('report');
    expect(await kit.store.listIssues({})).toMatchObject([
      { enterprise: '华康药业', summary: expect.stringContaining('缺电') },
    ]);
  });

  it('"X昨天去了，一切正常" records a visit on the day it happened', async () => {
    const r = await send('七一电器昨天去了，一切正常');
    expect(r.route).toBe('report');
    expect(text(r.reply!)).toContain('V-0001');
    expect(await kit.store.listVisits({})).toMatchObject([{ enterprise: '七一电器', date: '2019-03-11' }]);
    expect(await kit.store.listIssues({})).toHaveLength(0);
  });

  it('a plan is neither recorded nor answered with a policy passage', async () => {
    for (const t of ['明天计划去华康药业走访', '下周准备到七一电器看看']) {
      const r = await send(t);
      expect(r.route).toBe('plan');
      expect(r.reply?.blocks.some((b) => b.type === 'citations')).toBe(false);
    }
    expect(await kit.store.listVisits({})).toHaveLength(0);
    expect(await kit.store.listIssues({})).toHaveLength(0);
  });

  it('a plain question goes to Q&A without asking 记录还是提问', async () => {
    for (const t of ['专班组建要坚持哪三条原则？', '技改贷款贴息比例是多少', '人才公寓有什么条件吗']) {
      expect((await send(t)).route).toBe('ask');
    }
  });

  it('acknowledgements get a short reply and nothing else', async () => {
    for (const t of ['收到', '好的👍', '👍', '谢谢', '大家辛苦了']) {
      const r = await send(t);
      expect(r.route).toBe('ack');
      expect(text(r.reply!).length).toBeLessThanOrEqual(10);
    }
  });

  it('a question about an issue shows its card and records nothing', async () => {
    await send('今天走访了华康药业，企业反映流动资金紧张，想申请技改贷款，已交办金融办');
    const before = await kit.store.issueHistory('Q-0001');
    for (const t of [
      'Q-0001 现在到哪一步了',
      'Q-0001现在到哪一步了？',
      'Q-0001 能不能结了？',
      '华康的贷款批了没有？',
    ]) {
      const r = await send(t);
      expect(r.route).toBe('issues');
      expect(text(r.reply!)).toContain('Q-0001');
      expect(text(r.reply!)).toContain('金融办');
    }
    expect(await kit.store.issueHistory('Q-0001')).toEqual(before);
    expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned' });
  });

  it('a second 记录还是提问 says the first was given up; 记录 records what the enterprise wants', async () => {
    const first = await send('华康药业反映缺工，有什么政策可以支持？');
    expect(text(first.reply!)).toContain('记录');
    const second = await send('七一电器想申请技改补贴，有啥政策没？');
    expect(text(second.reply!)).toContain('已放弃');
    expect(text(second.reply!)).toContain('华康药业反映缺工');
    await send('记录');
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '七一电器', category: '政策兑现' }]);
  });

  it('都要 records the report and answers its question in one reply', async () => {
    const asked = await send('今天走访了华康药业，企业反映缺工，另外想问问有没有稳岗补贴的政策');
    expect(asked.route).toBe('clarify');
    expect(asked.reply?.actions?.map((a) => a.command)).toEqual(['记录', '提问', '都要']);
    const r = await send('都要');
    const said = text(r.reply!);
    expect(said).toContain('Q-0001');
    expect(said).toContain('政策解答');
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '华康药业', category: '用工' }]);
  });

  it('记录 / 提问 with no 记录还是提问 waiting says so instead of searching the word', async () => {
    for (const t of ['记录', '提问', '都要']) {
      const r = await send(t);
      expect(r.route).toBe('clarify');
      expect(text(r.reply!)).toContain('没有等待回复');
    }
    expect(await kit.store.listIssues({})).toHaveLength(0);
  });

  it('a question about a matter already solved shows that issue, not another open one', async () => {
    await send('今天走访了华康药业，企业反映流动资金紧张，想申请技改贷款');
    await send('华康药业反映技改补助还没到账');
    await send('Q-0001 办结');
    const r = await send('华康的贷款批了没有？');
    expect(r.route).toBe('issues');
    expect(text(r.reply!)).toContain('Q-0001');
    expect(text(r.reply!)).not.toContain('Q-0002');
  });

  it('the same text gets the same route every time, whatever came before', async () => {
    const report =
      '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。';
    const either = '华康药业反映缺工，有什么政策可以支持？';
    const routes: string[] = [];
    for (let i = 0; i < 3; i++) {
      // Past the repeated-report window (ZCT_REPEAT_WINDOW_MIN), so the report is routed, not asked about as a resend.
      kit.clock.advance((kit.services.config.ZCT_REPEAT_WINDOW_MIN + 1) * MIN);
      // What the user gets (a pending 记录还是提问 does not change the answer to the next message).
      routes.push((await send(report)).reply?.intent as string);
      routes.push((await send(either)).reply?.intent as string);
      routes.push((await send('专班组建要坚持哪三条原则？')).reply?.intent as string);
    }
    expect(routes).toEqual(Array.from({ length: 3 }, () => ['report', 'clarify', 'ask']).flat());
  });
});
