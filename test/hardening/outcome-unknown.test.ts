/**
 * Finding 1: a Redis reply slower than the command timeout must not make the bot say "没有被记录" about a commit
 * that ran — the user's resend (a new message id) would record the same visit and issue twice.
 * A TCP proxy between the bot and a real redis-server delays the commit script's reply past the timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis/store.js';
import { COMMIT } from '../../src/store/redis/scripts.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { startDelayProxy, type DelayProxy } from '../helpers/delay-proxy.js';
import { captureLogger, freshPrefix, makeBot, registerTeam, text } from '../helpers/fleet.js';
import { makeServices, message, testConfig } from '../helpers/services.js';
import { MemoryStore } from '../../src/store/memory.js';
import { StoreUnavailableError } from '../../src/store/types.js';

/** What a user does with a reply that asks to resend (or says it may not be recorded): resend the same words. */
const ASKS_TO_RESEND = /重新发送/;
/** The commit script's request, whether sent as EVALSHA or (first time) EVAL with its source. */
const COMMIT_PATTERNS = [COMMIT.sha, 'local base = ARGV[1]'];

let redis: RedisHandle;
let proxy: DelayProxy;
beforeAll(async () => {
  redis = await startRedis();
  proxy = await startDelayProxy(redis.port);
});
afterAll(async () => {
  await proxy?.close();
  await redis?.stop();
});

async function setup(opts: { commandTimeoutMs: number; outcomeWaitMs: number }) {
  const prefix = freshPrefix('outcome');
  const { logger, lines } = captureLogger('warn');
  const store = new RedisStore({
    url: proxy.url,
    prefix,
    commandTimeoutMs: opts.commandTimeoutMs,
    outcomeWaitMs: opts.outcomeWaitMs,
    logger,
  });
  await store.connect({ timeoutMs: 5000 });
  const services = makeServices({
    store,
    config: testConfig({ ZCT_RATE_LIMIT_PER_MIN: '0', ZCT_REDIS_PREFIX: prefix }),
    retriever: null as never,
    logger,
  });
  const bot = makeBot(services);
  // One report before the stall, so Redis has the commit script cached (EVALSHA runs it, as in production).
  await registerTeam(store, 'console:warm', ['华康药业']);
  await bot.handle(
    message('今天走访了华康药业，企业反映缺1名电工', { conversationId: 'warm', teamId: 'console:warm' }),
  );
  return { store, bot, prefix, lines };
}

describe('a ledger commit whose reply is slower than the command timeout', () => {
  it('200 delayed reports, each resent by its user whenever asked to: zero double records', async () => {
    const { store, bot, lines } = await setup({ commandTimeoutMs: 150, outcomeWaitMs: 4000 });
    const users = 10;
    for (let u = 0; u < users; u++) await registerTeam(store, `console:dg${u}`, ['华康药业']);
    proxy.delayAfter(COMMIT_PATTERNS, 350);
    const told: Array<{ dedupKey: string; said: string }> = [];
    let resends = 0;
    try {
      await Promise.all(
        Array.from({ length: users }, async (_, u) => {
          for (let k = 0; k < 20; k++) {
            const n = u * 20 + k + 1;
            const words = `今天走访了华康药业，企业反映缺${n}名化工工程师`;
            // (a user resends as long as asked to: under a loaded machine a command stalled behind the slow commit
            // may time out more than twice before this report's own commit runs)
            for (let attempt = 0; attempt < 8; attempt++) {
              const msg = message(words, { conversationId: `dg${u}`, teamId: `console:dg${u}`, userId: `user${u}` });
              const said = text((await bot.handle(msg)).reply);
              told.push({ dedupKey: msg.dedupKey, said });
              if (!ASKS_TO_RESEND.test(said)) break;
              resends++;
            }
          }
        }),
      );
    } finally {
      proxy.delayAfter([], 0);
    }
    // Every one of the 200 commits lost its reply to the timeout and learnt its outcome from the dedup record.
    expect(lines.filter((l) => String(l.msg).startsWith('ledger commit reply lost')).length).toBeGreaterThanOrEqual(
      200,
    );
    for (let u = 0; u < users; u++) {
      const issues = await store.listIssues({ teamId: `console:dg${u}` });
      const visits = await store.listVisits({ teamId: `console:dg${u}` });
      expect(issues).toHaveLength(20);
      expect(visits).toHaveLength(20);
      const summaries = issues.map((i) => i.summary);
      expect(new Set(summaries).size).toBe(20);
    }
    // "未被记录" only where it is true: the message left no commit. (Other commands stalled behind the slow commit
    // time out before anything is written; those users are rightly asked to resend.)
    const notRecorded = told.filter((t) => /没有被记录|未被记录/.test(t.said));
    for (const t of notRecorded)
      expect(
        await store.readCommit(t.dedupKey),
        `${t.said} ${JSON.stringify(lines.filter((l) => Number(l.level) >= 50))}`,
      ).toBeNull();
    console.info(
      `[outcome] 200 reports, ${told.length} messages, ${resends} resends asked for, ${notRecorded.length} truthful "未被记录"`,
    );
    await store.close();
  }, 120_000);

  it('Redis silent past the wait: "may have been recorded", and the resend is asked about, not recorded again', async () => {
    const { store, bot } = await setup({ commandTimeoutMs: 150, outcomeWaitMs: 300 });
    await registerTeam(store, 'console:slow', ['华康药业']);
    const words = '今天走访了华康药业，企业反映缺5名焊工';
    const who = { conversationId: 'slow', teamId: 'console:slow', userId: 'u-slow' };
    proxy.delayAfter(COMMIT_PATTERNS, 1500);
    const first = await bot.handle(message(words, who));
    proxy.delayAfter([], 0);
    const said = text(first.reply);
    expect(said).toContain('可能');
    expect(said).toContain('问题清单');
    expect(said).not.toMatch(/没有被记录|未被记录/);

    // The stalled commit lands when Redis' reply is released.
    await new Promise((r) => setTimeout(r, 1800));
    expect(await store.listIssues({ teamId: 'console:slow' })).toHaveLength(1);

    // The user resends the same words (a new message id): asked, not recorded.
    const again = await bot.handle(message(`${words}。`, who));
    const visit = (await store.listVisits({ teamId: 'console:slow' }))[0]!;
    expect(text(again.reply)).toContain(`这条和刚才的 ${visit.id}`);
    expect(text(again.reply)).toContain('要再记一次请回复“记录”');
    expect(await store.listIssues({ teamId: 'console:slow' })).toHaveLength(1);
    expect(await store.listVisits({ teamId: 'console:slow' })).toHaveLength(1);

    // "不用" records nothing; the same words again and "记录" record them a second time on purpose.
    expect(text((await bot.handle(message('不用', who))).reply)).toContain('没有记录');
    expect(await store.listIssues({ teamId: 'console:slow' })).toHaveLength(1);
    await bot.handle(message(words, who));
    const yes = await bot.handle(message('记录', who));
    expect(yes.reply?.intent).toBe('report');
    // The visit is recorded a second time; its problem is the one already open (same enterprise, same need), so the
    // ledger updates that issue instead of opening a duplicate.
    expect(await store.listVisits({ teamId: 'console:slow' })).toHaveLength(2);
    expect(await store.listIssues({ teamId: 'console:slow' })).toHaveLength(1);

    // Another person, or other words, are never held back.
    await bot.handle(message(words, { ...who, userId: 'u-other' }));
    expect(await store.listVisits({ teamId: 'console:slow' })).toHaveLength(3);
    await store.close();
  }, 30_000);
});

describe('the pipeline answers a store failure from the message’s commit record', () => {
  it('recorded → says what was recorded (and remembers it); unknown and unreadable → "may have been recorded"; nothing committed → resend', async () => {
    const store = new MemoryStore();
    const bot = makeBot(
      makeServices({ store, config: testConfig({ ZCT_RATE_LIMIT_PER_MIN: '0' }), retriever: null as never }),
    );
    await registerTeam(store, 'console:g1', ['华康药业']);
    const real = store.commitLedger.bind(store);

    // The commit ran, then the store failed: the reply names what was recorded, and a redelivery gets the same.
    store.commitLedger = async (c) => {
      await real(c);
      throw new StoreUnavailableError('reply lost', { outcome: 'unknown' });
    };
    const msg = message('今天走访了华康药业，企业反映缺3名化工工程师');
    const r = await bot.handle(msg);
    expect(text(r.reply)).toBe('这条消息已经记录：走访 V-0001；问题 Q-0001。发送编号可查看详情。');
    expect((await bot.handle(msg)).duplicate).toBe(true);

    // Nothing committed and Redis answers: "not recorded, resend" (the claim is released for a redelivery).
    store.commitLedger = async () => {
      throw new StoreUnavailableError('refused');
    };
    const down = message('今天走访了华康药业，企业反映缺4名化工工程师');
    expect(text((await bot.handle(down)).reply)).toContain('本条消息未被记录，请稍后重新发送');
    expect((await store.claimMessage(down.dedupKey, 1000)).state).toBe('new');

    // Outcome unknown and the record cannot be read either: "may have been recorded", never "not recorded".
    store.commitLedger = async () => {
      throw new StoreUnavailableError('silent', { outcome: 'unknown' });
    };
    store.readCommit = async () => {
      throw new StoreUnavailableError('still silent');
    };
    const unknown = text((await bot.handle(message('今天走访了华康药业，企业反映缺5名化工工程师'))).reply);
    expect(unknown).toContain('它可能已经记录了');
    expect(unknown).not.toMatch(/没有被记录|未被记录/);
  });
});
