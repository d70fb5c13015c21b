/** handlers/ask.ts on real stores: a spawned redis-server (RedisStore) and the MemoryStore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { handleAsk, stripAskPrefix, ANSWER_TTL_SEC } from '../../handlers/ask.js';
import { askSessionKey, askSessionSchema } from '../../src/answer/index.js';
import { conversationKey } from '../../src/messaging/incoming.js';
import { renderText } from '../../src/messaging/render-text.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/index.js';
import type { Store } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { makeServices, message } from '../helpers/services.js';
import { fakeRetriever, TOPICS } from './fixtures.js';

let redis: RedisHandle;
let n = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

async function redisStore(): Promise<RedisStore> {
  const s = new RedisStore({ url: redis.url, prefix: `ask${process.pid}-${++n}` });
  await s.connect({ timeoutMs: 5000 });
  return s;
}

describe('stripAskPrefix', () => {
  it('removes 问：/ask prefixes only', () => {
    expect(stripAskPrefix('问：成立专班要满足什么条件')).toBe('成立专班要满足什么条件');
    expect(stripAskPrefix('问: 三服务')).toBe('三服务');
    expect(stripAskPrefix('ask 三服务')).toBe('三服务');
    expect(stripAskPrefix('/ask 三服务')).toBe('三服务');
    expect(stripAskPrefix('问题清单')).toBe('问题清单');
    expect(stripAskPrefix('三服务表现会算进考核吗')).toBe('三服务表现会算进考核吗');
  });
});

for (const kind of ['redis', 'memory'] as const) {
  describe(`handleAsk (${kind} store)`, () => {
    let store: Store;
    beforeAll(async () => {
      store = kind === 'redis' ? await redisStore() : new MemoryStore();
    });
    afterAll(async () => {
      await store.close();
    });
    const services = () => makeServices({ store, retriever: fakeRetriever() });

    it('answers with citations and a feedback id whose answer is stored', async () => {
      const reply = await handleAsk(message('问：三服务表现会算进公务员考核吗', { userId: `a-${kind}` }), services());
      expect(reply.intent).toBe('ask');
      expect(reply.blocks[0]).toMatchObject({ type: 'paragraph' });
      expect((reply.blocks[0] as { text: string }).text).toContain('公务员平时考核');
      const cites = reply.blocks.find((b) => b.type === 'citations');
      expect(cites).toMatchObject({
        type: 'citations',
        items: [{ n: 1, docId: 'sanfuwu', title: '深入开展“三服务”活动', source: '测试来源', date: '2019-03-01' }],
      });
      expect(reply.feedbackId).toBeTruthy();
      const saved = (await store.getAnswer(reply.feedbackId!)) as {
        question: string;
        answer: string;
        citations: unknown[];
      };
      expect(saved.question).toBe('三服务表现会算进公务员考核吗');
      expect(saved.answer).toBe((reply.blocks[0] as { text: string }).text);
      expect(saved.citations).toHaveLength(1);
      expect(renderText(reply)).toContain('[1] 《深入开展“三服务”活动》（测试来源，2019-03-01）');
      expect(ANSWER_TTL_SEC).toBeGreaterThan(0);
    });

    it('not found: no citations, the nearest topics listed', async () => {
      const reply = await handleAsk(message('退役军人自主创业可以减免哪些税', { userId: `b-${kind}` }), services());
      expect(reply.blocks.some((b) => b.type === 'citations')).toBe(false);
      expect(reply.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringContaining('未在资料库中找到') });
      expect(reply.blocks).toContainEqual({ type: 'list', items: TOPICS });
    });

    it('remembers turns per conversation, so a follow-up works', async () => {
      const user = `c-${kind}`;
      await handleAsk(message('成立专班要满足什么条件', { userId: user }), services());
      const reply = await handleAsk(message('那第二条呢？', { userId: user }), services());
      expect((reply.blocks[0] as { text: string }).text).toBe('第二条：必须是靠单一部门难以完成的工作。[1]');
      const session = askSessionSchema.parse(
        await store.getSession(askSessionKey(conversationKey(message('', { userId: user })))),
      );
      expect(session.turns.map((t) => t.standaloneQuery)).toEqual([
        '成立专班要满足什么条件',
        '成立专班要满足什么条件 第二条',
      ]);
      expect(session.turns[1]!.docIds).toEqual(['zhuanban']);
      // Another user in the same group has their own conversation.
      const other = await handleAsk(message('那第二条呢？', { userId: `d-${kind}` }), services());
      expect((other.blocks[0] as { text: string }).text).toContain('未在资料库中找到');
    });

    it('survives a corrupt session (wrong shape): discards it and answers', async () => {
      const user = `e-${kind}`;
      const key = askSessionKey(conversationKey(message('', { userId: user })));
      await store.setSession(key, { v: 1, turns: 'garbage' }, 3600);
      const reply = await handleAsk(message('三服务督查的工作清单要不要销号', { userId: user }), services());
      expect((reply.blocks[0] as { text: string }).text).toContain('销号管理');
      const session = askSessionSchema.parse(await store.getSession(key));
      expect(session.turns).toHaveLength(1);
    });

    it('asks for the question when only the prefix was sent', async () => {
      const reply = await handleAsk(message('问：', { userId: `f-${kind}` }), services());
      expect(reply.feedbackId).toBeUndefined();
      expect((reply.blocks[0] as { text: string }).text).toContain('请在“问：”后面写上您的问题');
    });
  });
}

describe('handleAsk with raw garbage in Redis', () => {
  it('bytes that are not JSON in the session key: discarded, the question is answered', async () => {
    const store = await redisStore();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const msg = message('三服务表现会算进公务员考核吗', { userId: 'raw' });
      const key = askSessionKey(conversationKey(msg));
      await client.set(store.keys.session(key), '\u0000{not json', { PX: 60_000 });
      const reply = await handleAsk(msg, makeServices({ store, retriever: fakeRetriever() }));
      expect((reply.blocks[0] as { text: string }).text).toContain('公务员平时考核');
      expect(askSessionSchema.parse(await store.getSession(key)).turns).toHaveLength(1);
    } finally {
      await client.quit();
      await store.close();
    }
  });

  it('still answers when the store is down (no memory, no feedback id)', async () => {
    const r2 = await startRedis();
    const store = new RedisStore({ url: r2.url, prefix: 'down', connectTimeoutMs: 300, commandTimeoutMs: 300 });
    await store.connect({ timeoutMs: 5000 });
    await r2.kill();
    try {
      const reply = await handleAsk(
        message('三服务表现会算进公务员考核吗', { userId: 'down' }),
        makeServices({ store, retriever: fakeRetriever() }),
      );
      expect((reply.blocks[0] as { text: string }).text).toContain('公务员平时考核');
      expect(reply.feedbackId).toBeUndefined();
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
