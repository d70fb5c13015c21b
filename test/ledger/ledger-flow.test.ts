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
});
