/**
 * Redelivery with a real Redis: two replicas (two adapters, two Bots, two RedisStores on one redis-server)
 * connected to the same fake DingTalk. Exactly-once comes from the store, not from process memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/messaging/messages.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { createDingTalkAdapter, type DingTalkAdapter } from '../../../src/platforms/dingtalk/index.js';
import type { RedisStore } from '../../../src/store/redis/index.js';
import { startDingTalkHarness, type DingTalkHarness, type FakeDingTalk } from '../../helpers/fake-dingtalk.js';
import { startRedis, type RedisHandle } from '../../helpers/redis.js';
import { connectTestStore } from '../../helpers/redis-store.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';
import { bounded } from '../../helpers/wait.js';

let redis: RedisHandle;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let replicaB: DingTalkAdapter;
const stores: RedisStore[] = [];
let a: EchoBot;
let b: EchoBot;

async function openStore(): Promise<RedisStore> {
  const store = await connectTestStore(redis.url, `dt${process.pid}`);
  stores.push(store);
  return store;
}

beforeAll(async () => {
  redis = await startRedis();
  h = await startDingTalkHarness({
    env: { ZCT_RATE_LIMIT_PER_MIN: '0' },
    makeSink: async (config) => {
      a = createEchoBot(await openStore(), config);
      return (m) => a.bot.handle(m);
    },
  });
  fake = h.fake;
  b = createEchoBot(await openStore(), h.config);
  replicaB = createDingTalkAdapter({
    config: h.config,
    logger: silentLogger,
    sink: (m) => b.bot.handle(m),
    stream: { reconnectBaseMs: 20, reconnectMaxMs: 200, heartbeatMs: 0 },
  });
  await replicaB.start();
  await replicaB.whenConnected(5_000);
  await fake.waitForConnections(2);
});

afterAll(async () => {
  await replicaB?.stop(1_000);
  await h?.stop();
  await Promise.allSettled(stores.map((s) => s.close()));
  await redis?.stop();
});

const socketA = () => fake.sockets[0]!;
const socketB = () => fake.sockets[1]!;
const postsFor = (session: string) => fake.webhookPosts.filter((p) => p.session === session);
const handled = (msgId: unknown) => [...a.handled, ...b.handled].filter((m) => m.messageId === msgId).length;

async function barrier(user: string) {
  // Per-user order inside each replica: once both answer, everything earlier from this user is done.
  const ma = fake.robotMessage({ text: '屏障', session: `ba-${user}`, senderStaffId: user });
  const mb = fake.robotMessage({ text: '屏障', session: `bb-${user}`, senderStaffId: user });
  fake.push(ma, { socket: socketA() });
  fake.push(mb, { socket: socketB() });
  await fake.waitFor(
    () => postsFor(`ba-${user}`).length === 1 && postsFor(`bb-${user}`).length === 1,
    'barrier replies',
  );
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + bounded(timeoutMs);
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('DingTalk redelivery across replicas (real Redis)', () => {
  it('one msgId delivered 5 times to two replicas → recorded once, answered once, all acked', async () => {
    const msg = fake.robotMessage({
      text: '报：走访七一电器，反映用地指标紧张',
      session: 'multi',
      senderStaffId: 'u-multi',
    });
    const f1 = fake.push(msg, { socket: socketA() });
    const frames = [
      f1,
      fake.push(msg, { socket: socketB() }),
      fake.push(msg, { socket: socketA(), frameId: f1 }),
      fake.push(msg, { socket: socketB() }),
      fake.push(msg, { socket: socketA() }),
    ];
    await fake.waitFor(() => fake.acks.filter((x) => frames.includes(x.frameId)).length === 5, '5 acks');
    await barrier('u-multi');
    expect(handled(msg.msgId)).toBe(1);
    expect(postsFor('multi')).toHaveLength(1);
    expect(postsFor('multi')[0]?.body.markdown?.text).toContain('收到：报：走访七一电器');
  });

  it('Redis down: the user is asked to resend and the frame is acked; the redelivery after recovery is handled once', async () => {
    const msg = fake.robotMessage({ text: '报：华康药业缺3名工程师', session: 'down', senderStaffId: 'u-down' });
    await redis.stop();
    const f1 = fake.push(msg, { socket: socketA() });
    await fake.waitFor(
      () => fake.ackedFrames(f1).length === 1 && postsFor('down').length === 1,
      'ack + resend notice',
      10_000,
    );
    expect(postsFor('down')[0]?.body.markdown?.text).toContain(MESSAGES.storeDown);
    expect(handled(msg.msgId)).toBe(0);

    await redis.start();
    await until(async () => (await Promise.all(stores.map((s) => s.ping()))).every(Boolean), 'stores reconnected');
    const f2 = fake.push(msg, { socket: socketB() });
    await fake.waitFor(
      () => fake.ackedFrames(f2).length === 1 && postsFor('down').length === 2,
      'handled on redelivery',
    );
    expect(postsFor('down')[1]?.body.markdown?.text).toContain('收到：报：华康药业缺3名工程师');
    const f3 = fake.push(msg, { socket: socketA() });
    await fake.waitFor(() => fake.ackedFrames(f3).length === 1, 'ack of the third delivery');
    await barrier('u-down');
    expect(handled(msg.msgId)).toBe(1);
    expect(postsFor('down')).toHaveLength(2);
  });
});
