/**
 * `zct feedback`: votes written through the Slack vote path into a real Redis, listed by the CLI command.
 */
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatFeedback, register, summariseFeedback } from '../../../src/cli/commands/feedback.js';
import { recordVote } from '../../../src/platforms/slack/index.js';
import { createStore } from '../../../src/store/index.js';
import type { Feedback, Store } from '../../../src/store/types.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { startRedis, type RedisHandle } from '../../helpers/redis.js';
import { testConfig } from '../../helpers/services.js';

async function runCli(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'zct', 'feedback', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('zct feedback', () => {
  let redis: RedisHandle;
  let store: Store;
  const prefix = `zct-fb-${process.pid}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    redis = await startRedis();
    process.env.REDIS_URL = redis.url;
    process.env.ZCT_REDIS_PREFIX = prefix;
    process.env.LOG_LEVEL = 'silent';
    store = await createStore(testConfig({ REDIS_URL: redis.url, ZCT_REDIS_PREFIX: prefix }), silentLogger);
    await store.saveAnswer(
      'fb-1',
      {
        question: '专班组建要坚持哪三条原则？',
        answer: '坚持统筹协调……',
        citations: [{ n: 1, title: '组团联企工作指引', chunkId: 'd1::0', docId: 'd1' }],
      },
      3600,
    );
    await recordVote(store, {
      feedbackId: 'fb-1',
      vote: 'up',
      userId: 'U1',
      teamId: 'slack:C1',
      at: Date.UTC(2025, 0, 2, 1, 0),
    });
    await recordVote(store, {
      feedbackId: 'fb-1',
      vote: 'down',
      userId: 'U2',
      teamId: 'slack:C1',
      at: Date.UTC(2025, 0, 2, 2, 0),
    });
    // An answer that already expired: the vote is kept without the text.
    await recordVote(store, {
      feedbackId: 'fb-gone',
      vote: 'down',
      userId: 'U1',
      teamId: 'slack:C2',
      at: Date.UTC(2025, 0, 3, 1, 0),
    });
  });
  afterAll(async () => {
    await store?.close();
    await redis?.stop();
    process.env = saved;
  });

  it('lists votes as JSON, newest first, with the answer they were about', async () => {
    const out = JSON.parse(await runCli(['--json'])) as { total: number; up: number; down: number; items: Feedback[] };
    expect(out).toMatchObject({ total: 3, up: 1, down: 2 });
    expect(out.items.map((f) => f.id)).toEqual(['fb-gone:U1', 'fb-1:U2', 'fb-1:U1']);
    expect(out.items[2]).toMatchObject({
      vote: 'up',
      question: '专班组建要坚持哪三条原则？',
      citations: [{ n: 1, title: '组团联企工作指引', chunkId: 'd1::0' }],
    });
    expect(out.items[0]).toMatchObject({ question: '', answer: '', citations: [] });
  });

  it('filters by vote and prints a Chinese listing', async () => {
    const text = await runCli(['--vote', 'down', '--limit', '1']);
    expect(text).toContain('共 3 条反馈：👍 有用 1 条，👎 没用 2 条。');
    expect(text).toContain('2025-01-03 09:00  👎  slack:C2');
    expect(text).toContain('回答已过期');
    expect(text).not.toContain('fb-1:U2');
  });

  it('rejects a bad --vote', async () => {
    await expect(runCli(['--vote', 'maybe'])).rejects.toThrow('--vote');
  });

  it('formats an empty list', () => {
    expect(formatFeedback(summariseFeedback([]))).toBe('共 0 条反馈：👍 有用 0 条，👎 没用 0 条。');
  });
});
