/**
 * HTTP callback mode (DINGTALK_MODE=http): DingTalk POSTs signed robot messages to the bot. Two replicas
 * (two adapters, two Bots, two RedisStores on one spawned redis-server) each listen on a free port; the
 * fake plays DingTalk sending good, bad and stale signatures and redelivering a message to either replica.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/observability/logger.js';
import { createDingTalkAdapter, type DingTalkAdapter } from '../../../src/platforms/dingtalk/index.js';
import {
  SIGNATURE_WINDOW_MS,
  dingTalkSign,
  verifyDingTalkSignature,
} from '../../../src/platforms/dingtalk/http-callback.js';
import type { RedisStore } from '../../../src/store/redis/index.js';
import {
  FAKE_CLIENT_SECRET,
  postCallback,
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeDingTalk,
} from '../../helpers/fake-dingtalk.js';
import { startRedis, type RedisHandle } from '../../helpers/redis.js';
import { connectTestStore } from '../../helpers/redis-store.js';
import { sleep } from '../../e2e/product.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';

describe('verifyDingTalkSignature', () => {
  const now = 1_700_000_000_000;
  const ts = String(now);
  it('matches DingTalk’s algorithm (vector computed independently with Python hmac)', () => {
    expect(dingTalkSign(ts, FAKE_CLIENT_SECRET)).toBe('x521VcKf5ZM9oV5dHpCo3RKSZKB/xxeizteImowX+7c=');
    expect(
      verifyDingTalkSignature(ts, 'x521VcKf5ZM9oV5dHpCo3RKSZKB/xxeizteImowX+7c=', FAKE_CLIENT_SECRET, now),
    ).toEqual({ ok: true });
  });
  it('rejects a wrong, truncated or missing sign, and a timestamp outside one hour either way', () => {
    const good = dingTalkSign(ts, FAKE_CLIENT_SECRET);
    expect(verifyDingTalkSignature(ts, dingTalkSign(ts, 'other-secret'), FAKE_CLIENT_SECRET, now)).toEqual({
      ok: false,
      why: 'mismatch',
    });
    expect(verifyDingTalkSignature(ts, good.slice(0, -2), FAKE_CLIENT_SECRET, now)).toEqual({
      ok: false,
      why: 'mismatch',
    });
    expect(verifyDingTalkSignature(ts, undefined, FAKE_CLIENT_SECRET, now)).toEqual({ ok: false, why: 'missing' });
    expect(verifyDingTalkSignature('12ab', good, FAKE_CLIENT_SECRET, now)).toEqual({ ok: false, why: 'malformed' });
    expect(verifyDingTalkSignature(ts, good, FAKE_CLIENT_SECRET, now + SIGNATURE_WINDOW_MS + 1)).toEqual({
      ok: false,
      why: 'stale',
    });
    expect(verifyDingTalkSignature(ts, good, FAKE_CLIENT_SECRET, now - SIGNATURE_WINDOW_MS - 1)).toEqual({
      ok: false,
      why: 'stale',
    });
    expect(verifyDingTalkSignature(ts, good, FAKE_CLIENT_SECRET, now + SIGNATURE_WINDOW_MS - 1)).toEqual({ ok: true });
  });
});

let redis: RedisHandle;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let replicaB: DingTalkAdapter;
const stores: RedisStore[] = [];
let a: EchoBot;
let b: EchoBot;

async function openStore(): Promise<RedisStore> {
  const store = await connectTestStore(redis.url, `dth${process.pid}`);
  stores.push(store);
  return store;
}

beforeAll(async () => {
  redis = await startRedis();
  h = await startDingTalkHarness({
    env: { ZCT_RATE_LIMIT_PER_MIN: '0', DINGTALK_MODE: 'http', DINGTALK_HTTP_PATH: '/dt/callback' },
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
    httpTimeoutMs: 2_000,
  });
  await replicaB.start();
});

afterAll(async () => {
  await replicaB?.stop(1_000);
  await h?.stop();
  await Promise.allSettled(stores.map((s) => s.close()));
  await redis?.stop();
});

const urlA = () => h.adapter.callbackServer!.url;
const urlB = () => replicaB.callbackServer!.url;
const postsFor = (session: string) => fake.webhookPosts.filter((p) => p.session === session);
const handledText = (text: string) => [...a.handled, ...b.handled].filter((m) => m.text === text).length;

describe('DingTalk HTTP callback mode (two replicas, one Redis)', () => {
  it('listens on the configured path, opens no stream connection and reports itself up', () => {
    expect(h.adapter.mode).toBe('http');
    expect(urlA()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dt\/callback$/);
    expect(h.adapter.isConnected()).toBe(true);
    expect(fake.openCalls).toHaveLength(0);
    expect(fake.connections).toBe(0);
  });

  it('a correctly signed callback is handled, answered on its sessionWebhook with @sender, and acknowledged 200', async () => {
    const msg = fake.robotMessage({ text: '你好，HTTP', session: 'h-good', senderStaffId: 'u-good' });
    const res = await postCallback(urlA(), msg);
    expect(res.status).toBe(200);
    await fake.waitForWebhookPosts(1);
    const post = postsFor('h-good')[0]!;
    expect(post.body.markdown?.text).toContain('收到：你好，HTTP');
    expect(post.body.at?.atUserIds).toEqual(['u-good']);
    expect(handledText('你好，HTTP')).toBe(1);
  });

  it('a wrong signature, missing headers, a stale or a future timestamp get 401 and reach no handler', async () => {
    const cases: Array<[string, Parameters<typeof postCallback>[2]]> = [
      ['wrong secret', { secret: 'not-the-app-secret' }],
      ['forged sign', { sign: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
      ['no sign', { omit: ['sign'] }],
      ['no timestamp', { omit: ['timestamp'] }],
      ['stale (61 min old, correctly signed)', { timestamp: Date.now() - 61 * 60_000 }],
      ['future (61 min ahead)', { timestamp: Date.now() + 61 * 60_000 }],
    ];
    for (const [what, opts] of cases) {
      const msg = fake.robotMessage({ text: `不该处理：${what}`, session: `h-bad-${what}` });
      const res = await postCallback(urlA(), msg, opts);
      expect(res.status, what).toBe(401);
      expect(handledText(`不该处理：${what}`), what).toBe(0);
    }
    await sleep(100);
    expect(fake.webhookPosts.filter((p) => p.session.startsWith('h-bad-'))).toHaveLength(0);
  });

  it('a signature 59 minutes old is still accepted (DingTalk’s one-hour window)', async () => {
    const msg = fake.robotMessage({ text: '五十九分钟', session: 'h-59' });
    const res = await postCallback(urlA(), msg, { timestamp: Date.now() - 59 * 60_000 });
    expect(res.status).toBe(200);
    await fake.waitFor(() => postsFor('h-59').length === 1, 'reply');
  });

  it('a redelivered message (same msgId, to the same and to the other replica) is handled and answered once', async () => {
    const msg = fake.robotMessage({ text: '只处理一次', session: 'h-dup' });
    const results = await Promise.all([postCallback(urlA(), msg), postCallback(urlB(), msg)]);
    results.push(await postCallback(urlA(), msg), await postCallback(urlB(), msg));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await fake.waitFor(() => postsFor('h-dup').length >= 1, 'reply');
    await sleep(150);
    expect(postsFor('h-dup')).toHaveLength(1);
    expect(handledText('只处理一次')).toBe(1);
  });

  it('answers the callback only once the message is recorded (the HTTP ack), then replies', async () => {
    const msg = fake.robotMessage({ text: '慢一点', session: 'h-slow' });
    let settled = false;
    const pending = postCallback(urlA(), msg).then((r) => {
      settled = true;
      return r;
    });
    await sleep(200);
    expect(settled).toBe(false);
    a.release();
    expect((await pending).status).toBe(200);
    await fake.waitFor(() => postsFor('h-slow').length === 1, 'reply');
  });

  it('a signed body that is not JSON gets 400; a GET or another path is refused', async () => {
    expect((await postCallback(urlA(), null, { rawBody: '{not json' })).status).toBe(400);
    expect((await fetch(urlA())).status).toBe(405);
    expect((await postCallback(urlA().replace('/dt/callback', '/other'), {})).status).toBe(404);
  });
});
