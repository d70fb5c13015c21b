/**
 * The ledger as people use it, through the real bot on both stores: updates that find the issue they update,
 * low-confidence parses confirmed before recording, the edit command, and the lifecycle (撤销, 恢复, 销号).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import type { Bot } from '../../src/app/bot.js';
import type { Store } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { MIN, makeKit, memoryStore, redisStoreAt, say, text, type Kit, type TestClock } from './helpers.js';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const stores: Array<[string, (clock: TestClock) => Promise<{ store: Store; cleanup(): Promise<void> }>]> = [
  ['memory', memoryStore],
  ['redis', (_clock) => redisStoreAt(redis.url)()],
];

describe.each(stores)('ledger flow on %s', (_name, makeStore) => {
  let kit: Kit;
  let bot: Bot;
  beforeEach(async () => {
    kit = await makeKit(makeStore);
    bot = createBot(kit.services);
  });
  afterEach(async () => {
    await kit.cleanup();
  });
  const send = async (t: string, over: Record<string, unknown> = {}) => {
    kit.clock.advance(MIN);
    const r = await bot.handle(say(kit, t, over));
    return { ...r, text: r.reply ? text(r.reply) : '' };
  };

  describe('updates find the issue they update', () => {
    it('a hand-off naming the enterprise and topic updates the open issue instead of creating a duplicate', async () => {
      await send('今天走访了华康药业，企业反映流动资金紧张，想申请技改贷款');
      const r = await send('华康药业流动资金紧张的事已交办金融办');
      expect(r.text).toContain('Q-0001');
      const issues = await kit.store.listIssues({});
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ id: 'Q-0001', status: 'assigned', department: '金融办' });
    });

    it('the same problem reported again is a note on the open issue, not a second issue', async () => {
      await send('华康药业反映流动资金紧张');
      await send('今天又去了华康药业，企业还是反映流动资金紧张');
      expect(await kit.store.listIssues({})).toHaveLength(1);
      expect((await kit.store.issueHistory('Q-0001')).length).toBe(2);
    });

    it('asks which one when two open issues match, then updates the one chosen', async () => {
      await send('华康药业反映缺10名焊工');
      await send('华康药业反映缺20名普工');
      expect(await kit.store.listIssues({ category: '用工' })).toHaveLength(2);
      const ask = await send('华康药业用工的事已交办人社局');
      expect(ask.reply?.intent).toBe('clarify');
      expect(ask.text).toContain('Q-0001');
      expect(ask.text).toContain('Q-0002');
      await send('2');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ status: 'assigned', department: '人社局' });
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open' });
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });

    it('a different problem of the same enterprise is still a new issue', async () => {
      await send('华康药业反映流动资金紧张');
      await send('华康药业反映厂房二期用地指标还没批');
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });
  });

  describe('never record something wrong with confidence', () => {
    const ROLLUP = '本周走访情况：华康药业反映缺电，七一电器反映厂房用地指标紧张';

    it('a message naming several enterprises is shown as a card and recorded on 对', async () => {
      const card = await send(ROLLUP);
      expect(card.reply?.intent).toBe('clarify');
      expect(card.text).toContain('我是这样理解的');
      expect(card.text).toContain('华康药业、七一电器');
      expect(card.reply?.blocks.some((b) => b.type === 'list')).toBe(true);
      expect(await kit.store.listIssues({})).toHaveLength(0);
      const done = await send('对');
      expect(done.text).toContain('Q-0001');
      expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
    });

    it('👍 confirms; 不用了 drops; a correction in plain words replaces the card', async () => {
      await send(ROLLUP);
      await send('👍');
      const n = (await kit.store.listIssues({})).length;
      expect(n).toBeGreaterThan(0);

      await send(ROLLUP);
      expect((await send('不用了')).text).toContain('已取消');
      expect(await kit.store.listIssues({})).toHaveLength(n);

      await send(ROLLUP);
      const fixed = await send('今天走访了七一电器，企业反映厂房二期用地指标紧张，已交办自然资源局');
      expect(fixed.text).toContain('已按更正后的内容替换');
      expect(await kit.store.listIssues({})).toHaveLength(n + 1);
      expect((await send('对')).reply?.intent).not.toBe('report');
    });

    it('the parser’s own confidence and reasons decide when given', async () => {
      const unsure = createBot(kit.services, {
        wrap: {
          report: (real) => async (msg, s, ctx) =>
            real(msg, s, ctx?.parse ? { ...ctx, parse: Object.assign({}, ctx.parse, { confidence: 0.3, reasons: ['“城管那边”不是已知部门'] }) } : ctx),
        },
      });
      kit.clock.advance(MIN);
      const card = await unsure.handle(say(kit, '今天走访了华康药业，企业反映门口道路破损，已报城管那边'));
      expect(text(card.reply!)).toContain('“城管那边”不是已知部门');
      expect(await kit.store.listIssues({})).toHaveLength(0);
      const sure = createBot(kit.services, {
        wrap: { report: (real) => async (msg, s, ctx) => real(msg, s, ctx?.parse ? { ...ctx, parse: Object.assign({}, ctx.parse, { confidence: 0.95 }) } : ctx) },
      });
      await send('不用了');
      kit.clock.advance(MIN);
      await sure.handle(say(kit, ROLLUP));
      expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
    });

    it('the card waits in the session for ZCT_DRAFT_TTL_MIN, then 对 records nothing', async () => {
      await send(ROLLUP);
      kit.clock.advance(kit.services.config.ZCT_DRAFT_TTL_MIN * MIN + MIN);
      await send('对');
      expect(await kit.store.listIssues({})).toHaveLength(0);
    });
  });
});
