/**
 * State that must be shared by every replica lives in Redis: a policy question answered on replica A and its
 * follow-up "那第二条呢？" on replica B (same conversation) is understood; the per-user rate limit counts the
 * messages seen by both replicas together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/app/bot.js';
import { NOT_FOUND_LEAD } from '../../src/answer/index.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { message } from '../helpers/services.js';
import { bundledRetriever, freshPrefix, startReplica, text, type Replica } from '../helpers/fleet.js';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

describe('a follow-up question on another replica', () => {
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    const prefix = freshPrefix('follow');
    const retriever = await bundledRetriever();
    a = await startReplica(redis.url, { name: 'A', prefix, retriever });
    b = await startReplica(redis.url, { name: 'B', prefix, retriever });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const inConversation = (t: string, conversationId: string) =>
    message(t, { conversationId, teamId: `console:${conversationId}`, userId: 'u-follow', userName: '王五' });

  it('"那第二条呢？" on B continues the question asked on A', async () => {
    const first = await a.bot.handle(inConversation('问：专班设立有哪些原则', 'follow-g1'));
    expect(first.route).toBe('ask');
    const answerOf = (r: typeof first) => {
      const p = r.reply!.blocks.find((x) => x.type === 'paragraph');
      return (p && p.type === 'paragraph' ? p.text : '').replace(/\[\d+\]/g, '');
    };
    const quotesOf = (r: typeof first) =>
      r.reply!.blocks.flatMap((x) => (x.type === 'citations' ? x.items.map((c) => c.quote) : []));
    const firstAnswer = answerOf(first);
    expect(quotesOf(first).length, text(first.reply)).toBeGreaterThan(0);

    const follow = await b.bot.handle(inConversation('那第二条呢？', 'follow-g1'));
    expect(follow.route).toBe('ask');
    expect(text(follow.reply)).not.toContain(NOT_FOUND_LEAD);
    // Understood as a follow-up: the answer picks an item out of the first answer (same passage).
    const quotes = quotesOf(follow);
    expect(quotes.length, text(follow.reply)).toBeGreaterThan(0);
    expect(answerOf(follow).length).toBeGreaterThan(4);
    // (The item ends a sentence of its own: “。” where the list had “；”.)
    expect(firstAnswer).toContain(
      answerOf(follow)
        .replace(/^第二条：/, '')
        .trim()
        .replace(/。$/u, ''),
    );

    // Control: the same words in a conversation with no history are not read as that follow-up.
    const alone = await b.bot.handle(inConversation('那第二条呢？', 'follow-g2'));
    expect(firstAnswer).not.toContain(
      answerOf(alone)
        .replace(/^第二条：/, '')
        .trim(),
    );
  });
});

describe('the per-user rate limit across two replicas', () => {
  let a: Replica;
  let b: Replica;
  const LIMIT = 6;
  beforeAll(async () => {
    const prefix = freshPrefix('rate');
    const env = { ZCT_RATE_LIMIT_PER_MIN: String(LIMIT) };
    a = await startReplica(redis.url, { name: 'A', prefix, env });
    b = await startReplica(redis.url, { name: 'B', prefix, env });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts the messages both replicas saw', async () => {
    const intents: string[] = [];
    for (let i = 0; i < LIMIT + 4; i++) {
      const replica = i % 2 === 0 ? a : b;
      const r = await replica.bot.handle(
        message('帮助', { userId: 'u-rate', conversationId: 'rate-g1', teamId: 'console:rate-g1' }),
      );
      intents.push(r.reply!.intent);
    }
    expect(intents).toEqual([...Array(LIMIT).fill('help'), ...Array(4).fill('ratelimited')]);
    const limited = await a.bot.handle(message('帮助', { userId: 'u-rate' }));
    expect(text(limited.reply)).toBe(MESSAGES.rateLimited);

    // Other users are not affected, on either replica; nor is the same user id on another platform.
    expect((await b.bot.handle(message('帮助', { userId: 'u-rate-2' }))).reply!.intent).toBe('help');
    expect(
      (
        await a.bot.handle(
          message('帮助', { userId: 'u-rate', platform: 'slack', dedupKey: `slack:rate-${Date.now()}` }),
        )
      ).reply!.intent,
    ).toBe('help');
  });

  it('concurrent bursts on both replicas let exactly the limit through', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).bot.handle(message('帮助', { userId: 'u-burst' }))),
    );
    expect(results.filter((r) => r.reply!.intent === 'help')).toHaveLength(LIMIT);
    expect(results.filter((r) => r.reply!.intent === 'ratelimited')).toHaveLength(20 - LIMIT);
  });
});
