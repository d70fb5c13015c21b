import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, MESSAGES } from '../../src/app/bot.js';
import { createRouter, type Route } from '../../handlers/router.js';
import type { Handler } from '../../handlers/types.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/index.js';
import { renderText } from '../../src/messaging/render-text.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { makeServices, message, testConfig } from '../helpers/services.js';
import { bounded } from '../helpers/wait.js';

function recordingRouter(overrides: Partial<Record<Route, Handler>> = {}) {
  const calls: string[] = [];
  const echo =
    (route: Route): Handler =>
    async (msg) => {
      calls.push(`${route}:${msg.text}`);
      return {
        intent: route === 'clarify' ? 'clarify' : route === 'export' ? 'admin' : route,
        blocks: [{ type: 'paragraph', text: `${route}:${msg.text}` }],
      };
    };
  const handlers = Object.fromEntries(
    (['ask', 'report', 'issues', 'digest', 'export', 'help', 'clarify'] as Route[]).map((r) => [
      r,
      overrides[r] ?? echo(r),
    ]),
  ) as Record<Route, Handler>;
  const router = createRouter({
    handlers,
    isLedgerCommand: (t) => /^(问题清单|台账|Q-\d{4})$/.test(t),
    classify: async (t) => (t.includes('走访') ? 'report' : t.includes('？') ? 'ask' : 'unsure'),
  });
  return { router, calls };
}

describe('Bot pipeline (memory store)', () => {
  it('routes explicit forms and free text', async () => {
    const { router, calls } = recordingRouter();
    const bot = new Bot(makeServices({ store: new MemoryStore() }), router);
    const texts = [
      '帮助',
      '简报',
      '导出台账',
      '问：专班是什么',
      '报：今天走访华康',
      '问题清单',
      '今天走访了华康药业',
      '专班组建原则？',
      '嗯嗯好的收到了谢谢大家辛苦了',
      '你好',
      '在吗？',
    ];
    const routes = [];
    for (const t of texts) routes.push((await bot.handle(message(t))).route);
    expect(routes).toEqual([
      'help',
      'digest',
      'export',
      'ask',
      'report',
      'issues',
      'report',
      'ask',
      'clarify',
      'help',
      'help',
    ]);
    expect(calls).toHaveLength(texts.length);
  });

  it('handles a redelivered message once and remembers the reply', async () => {
    const { router, calls } = recordingRouter();
    const bot = new Bot(makeServices({ store: new MemoryStore() }), router);
    const msg = message('今天走访了华康药业');
    const first = await bot.handle(msg);
    const again = await Promise.all([bot.handle(msg), bot.handle(msg)]);
    expect(first.duplicate).toBe(false);
    expect(again.every((r) => r.duplicate)).toBe(true);
    expect(again[0]?.reply && renderText(again[0].reply)).toBe(renderText(first.reply!));
    expect(calls).toEqual(['report:今天走访了华康药业']);
  });

  it('answers oversized and unsupported content without routing', async () => {
    const { router, calls } = recordingRouter();
    const bot = new Bot(makeServices({ store: new MemoryStore() }), router);
    const big = await bot.handle(message('长'.repeat(10), { oversized: true }));
    expect(renderText(big.reply!)).toBe(MESSAGES.oversized(4000));
    const pic = await bot.handle(message('', { unsupported: 'picture' }));
    expect(renderText(pic.reply!)).toContain('图片');
    expect(calls).toEqual([]);
  });

  it('rate-limits per user', async () => {
    const { router } = recordingRouter();
    const bot = new Bot(
      makeServices({ store: new MemoryStore(), config: testConfig({ ZCT_RATE_LIMIT_PER_MIN: '3' }) }),
      router,
    );
    const out = [];
    for (let i = 0; i < 5; i++) out.push((await bot.handle(message(`专班${i}？`))).reply!.intent);
    expect(out).toEqual(['ask', 'ask', 'ask', 'ratelimited', 'ratelimited']);
    expect((await bot.handle(message('专班？', { userId: 'u2' }))).reply!.intent).toBe('ask');
  });

  it('a failing handler gets a clear reply, and the message can be retried', async () => {
    let fail = true;
    const { router } = recordingRouter({
      report: async () => {
        if (fail) throw new Error('boom');
        return { intent: 'report', blocks: [{ type: 'paragraph', text: 'ok' }] };
      },
    });
    const bot = new Bot(makeServices({ store: new MemoryStore() }), router);
    const msg = message('今天走访了华康药业');
    const first = await bot.handle(msg);
    expect(first.reply!.intent).toBe('error');
    expect(renderText(first.reply!)).toBe(MESSAGES.internal);
    fail = false;
    const retry = await bot.handle(msg);
    expect(retry.duplicate).toBe(false);
    expect(renderText(retry.reply!)).toBe('ok');
  });
});

describe('Bot pipeline (real Redis)', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('tells the user to resend when Redis is down, keeps running, and works again after restart', async () => {
    const config = testConfig({ REDIS_URL: redis.url, ZCT_REDIS_PREFIX: 'bot-test' });
    const store = await RedisStore.connect(config.REDIS_URL!, { prefix: config.ZCT_REDIS_PREFIX });
    const { router, calls } = recordingRouter();
    const bot = new Bot(makeServices({ store, config }), router);
    await redis.kill();
    const msg = message('今天走访了华康药业');
    const down = await bot.handle(msg);
    expect(renderText(down.reply!)).toBe(MESSAGES.storeDown);
    expect(calls).toEqual([]);
    await redis.start();
    // The client reconnects with back-off: retry (as a user would) until it is back, bounded generously.
    let ok = await bot.handle(msg);
    for (const deadline = Date.now() + bounded(); ok.reply?.intent === 'error' && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100));
      ok = await bot.handle(msg);
    }
    expect(ok.duplicate).toBe(false);
    expect(ok.reply!.intent).toBe('report');
    expect((await bot.handle(msg)).duplicate).toBe(true);
    expect(calls).toEqual(['report:今天走访了华康药业']);
    await store.close();
  });
});
