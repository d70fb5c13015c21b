/**
 * The Slack adapter end to end through the real Bolt App in HTTP mode: signed requests in,
 * Web API / response_url calls out to a local fake Slack.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SLACK_LIMITS,
  blockTextLength,
  createSlackAdapter,
  type SlackBlock,
} from '../../../src/platforms/slack/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { FAKE_SLACK_IDENTITY, startFakeSlack } from '../../helpers/fake-slack.js';
import { testConfig } from '../../helpers/services.js';
import {
  BIG_TABLE_ROWS,
  blockActions,
  eventEnvelope,
  mention,
  responseIdOf,
  slashForm,
  startSlackHarness,
  testHandlers,
  type SlackHarness,
} from './harness.js';

const FIXTURES = new URL('../../fixtures/platforms', import.meta.url).pathname;
const fixture = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}`, 'utf8')) as Record<string, unknown>;

function expectWithinLimits(blocks: SlackBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(blockTextLength(blocks)).toBeLessThan(12_000);
  for (const b of blocks) {
    if (b.type === 'section') {
      expect((b.text?.text ?? 'x').length).toBeLessThanOrEqual(3000);
      expect((b.text?.text ?? 'x').length).toBeGreaterThan(0);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
  }
}

describe('Slack adapter over HTTP (real Bolt, fake Slack)', () => {
  let h: SlackHarness;
  // When set, the ask handler blocks until the test releases it.
  let gate: { reached: boolean; release: () => void } | null = null;

  beforeAll(async () => {
    h = await startSlackHarness({
      handlers: testHandlers({
        gate: () => {
          const g = gate;
          if (!g) return Promise.resolve();
          return new Promise<void>((r) => {
            g.release = r;
            g.reached = true;
          });
        },
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('verifies the bot token with auth.test at start and listens on a real port', () => {
    expect(h.fake.callsTo('auth.test')).toHaveLength(1);
    expect(h.fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test-token');
    expect(h.adapter.isConnected()).toBe(true);
    expect(h.adapter.port()).toBeGreaterThan(0);
  });

  it('answers url_verification with the challenge', async () => {
    const body = fixture('slack-url-verification.json');
    const res = await h.post({ json: body });
    expect(res.status).toBe(200);
    expect(res.text).toContain(String(body.challenge));
  });

  it('acks a slash command before the answer is ready, then answers in the channel via response_url', async () => {
    const g = (gate = { reached: false, release: () => undefined });
    const form = slashForm(h.fake, '/ask', '专班组建要坚持哪三条原则？');
    const res = await h.post({ form });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('正在查询'),
    });
    // The ack came back while the handler is still blocked: nothing has been answered yet.
    await h.fake.waitFor(() => g.reached, 5000, 'handler to start');
    expect(h.fake.responsesTo(responseIdOf(form))).toHaveLength(0);
    gate = null;
    g.release();

    await h.fake.waitFor(() => h.fake.responsesTo(responseIdOf(form)).length === 1, 5000, 'response_url post');
    const posted = h.fake.responsesTo(responseIdOf(form))[0]!.body as {
      response_type: string;
      text: string;
      blocks: SlackBlock[];
    };
    expect(posted.response_type).toBe('in_channel');
    expect(posted.text).toContain('专班组建要坚持');
    // mrkdwn escaping: the handler's "<统筹> & 协调" arrives as entities.
    expect(JSON.stringify(posted.blocks)).toContain('&lt;统筹&gt; &amp; 协调');
    expect(posted.blocks.some((b) => b.type === 'context')).toBe(true);
    const actions = posted.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ action_id: 'zct_feedback_up' }, { action_id: 'zct_feedback_down' }] });

    const msg = h.seen.at(-1)!.msg;
    expect(msg).toMatchObject({
      platform: 'slack',
      command: 'ask',
      text: '专班组建要坚持哪三条原则？',
      teamId: 'slack:C2147483705',
      conversationId: 'C2147483705',
      isGroup: true,
      userId: 'U2147483697',
      userName: 'Steve',
      messageId: form.trigger_id,
    });
    expect(msg.dedupKey).toContain(form.trigger_id);
  });

  it('maps /zct to help and /zct <text> to free text; help is only shown to the caller', async () => {
    const help = slashForm(h.fake, '/zct', 'help');
    expect((await h.post({ form: help })).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responsesTo(responseIdOf(help)).length === 1);
    const helpPost = h.fake.responsesTo(responseIdOf(help))[0]!.body as { response_type: string; text: string };
    expect(helpPost.response_type).toBe('ephemeral');
    expect(helpPost.text).toContain('政策通');
    expect(h.seen.at(-1)!.msg.command).toBe('help');

    const free = slashForm(h.fake, '/zct', '今天走访了华康药业');
    await h.post({ form: free });
    await h.fake.waitFor(() => h.fake.responsesTo(responseIdOf(free)).length === 1);
    expect(h.seen.at(-1)!.msg.command).toBeUndefined();
    expect(h.seen.at(-1)!.result.route).toBe('report');
    expect((h.fake.responsesTo(responseIdOf(free))[0]!.body as { response_type: string }).response_type).toBe(
      'in_channel',
    );
  });

  it('answers /ask with no text with usage, without calling the bot', async () => {
    const before = h.seen.length;
    const res = await h.post({ form: slashForm(h.fake, '/ask', '  ') });
    expect(JSON.parse(res.text).text).toContain('用法：/ask');
    expect(h.seen.length).toBe(before);
  });

  it('rejects a bad signature with 401 and never reaches the bot', async () => {
    const before = h.seen.length;
    const res = await h.post({ json: eventEnvelope(mention('这条是伪造的？')) }, { badSignature: true });
    expect(res.status).toBe(401);
    const form = slashForm(h.fake, '/ask', '伪造的命令？');
    expect((await h.post({ form }, { badSignature: true })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.seen.length).toBe(before);
    expect(h.fake.responsesTo(responseIdOf(form))).toHaveLength(0);
  });

  it('rejects a stale (replayed) request even with a valid signature', async () => {
    const before = h.seen.length;
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const res = await h.post({ json: eventEnvelope(mention('重放的请求？')) }, { timestampSec: tenMinutesAgo });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.seen.length).toBe(before);
  });

  it('answers a top-level mention in a new thread under it, with the mention stripped', async () => {
    const ev = mention('专班组建要坚持哪三条原则？');
    const posts = h.fake.callsTo('chat.postMessage').length;
    expect((await h.post({ json: eventEnvelope(ev) })).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === posts + 1, 5000, 'thread reply');
    const call = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.token).toBe('xoxb-test-token');
    expect(call.args).toMatchObject({ channel: 'C123ABC456', thread_ts: ev.ts });
    expect(typeof call.args.text).toBe('string');
    expect(Array.isArray(call.args.blocks)).toBe(true);
    const msg = h.seen.at(-1)!.msg;
    expect(msg.text).toBe('专班组建要坚持哪三条原则？');
    expect(msg.threadId).toBe(ev.ts);
    expect(msg.isGroup).toBe(true);
  });

  it('answers a mention inside a thread in that thread (the thread root), continuing its conversation', async () => {
    const root = '1700000000.000100';
    const ev = mention('今天走访了七一电器', { thread_ts: root });
    const posts = h.fake.callsTo('chat.postMessage').length;
    await h.post({ json: eventEnvelope(ev) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === posts + 1);
    expect(h.fake.callsTo('chat.postMessage').at(-1)!.args.thread_ts).toBe(root);
    expect(h.seen.at(-1)!.msg.threadId).toBe(root);
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) only once', async () => {
    const envelope = eventEnvelope(mention('重试的问题？'));
    const posts = h.fake.callsTo('chat.postMessage').length;
    const seen = h.seen.length;
    await h.post({ json: envelope });
    await h.post({ json: envelope }, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await h.post({ json: envelope }, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    await h.fake.waitFor(() => h.seen.length === seen + 3, 5000, 'all three deliveries');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= posts + 1, 5000, 'the one reply');
    await new Promise((r) => setTimeout(r, 100)); // quiet period: no second reply follows
    expect(h.fake.callsTo('chat.postMessage').length).toBe(posts + 1);
    expect(h.seen.slice(seen).filter((s) => s.result.duplicate)).toHaveLength(2);
  });

  it('answers a DM (message.im fixture) in the DM and skips bot/subtype messages', async () => {
    const dm = fixture('slack-message-im.json') as { event: Record<string, unknown>; event_id: string };
    const posts = h.fake.callsTo('chat.postMessage').length;
    await h.post({ json: { ...dm, event_id: `${dm.event_id}-${Date.now()}`, event: { ...dm.event, text: '帮助' } } });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === posts + 1);
    const call = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.args.channel).toBe('D024BE91L');
    expect(call.args.thread_ts).toBeUndefined();
    expect(h.seen.at(-1)!.msg).toMatchObject({ isGroup: false, text: '帮助', userId: 'U2147483697' });

    const seen = h.seen.length;
    await h.post({ json: eventEnvelope({ ...dm.event, text: 'edited', subtype: 'message_changed' }) });
    await h.post({ json: eventEnvelope({ ...dm.event, text: 'from another bot', bot_id: 'BOTHER' }) });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.seen.length).toBe(seen);
  });

  it('stores a 👍 vote with the answer it was about and confirms ephemerally', async () => {
    const form = slashForm(h.fake, '/ask', '企业招工有什么补贴？');
    await h.post({ form });
    await h.fake.waitFor(() => h.fake.responsesTo(responseIdOf(form)).length === 1);
    const feedbackId = h.seen.at(-1)!.result.reply!.feedbackId!;
    expect(feedbackId).toBeTruthy();

    const click = blockActions(h.fake, 'zct_feedback_up', feedbackId);
    const res = await h.post({ form: click });
    expect(res.status).toBe(200);
    const clickId = JSON.parse(click.payload).trigger_id as string;
    await h.fake.waitFor(() => h.fake.responsesTo(clickId).length === 1, 5000, 'feedback confirmation');
    expect(h.fake.responsesTo(clickId)[0]!.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('感谢反馈'),
    });

    const votes = await h.store.listFeedback();
    const vote = votes.find((v) => v.id.startsWith(feedbackId));
    expect(vote).toMatchObject({
      vote: 'up',
      userId: 'UA8RXUSPL',
      teamId: 'slack:CBR2V3XEX',
      question: '企业招工有什么补贴？',
      citations: [{ n: 1, title: '组团联企工作指引', chunkId: 'd1::0' }],
    });
    expect(vote!.answer).toContain('企业招工有什么补贴');

    // Changing one's mind replaces the vote rather than adding a second one.
    const again = blockActions(h.fake, 'zct_feedback_down', feedbackId);
    await h.post({ form: again });
    await h.fake.waitFor(() => h.fake.responsesTo(JSON.parse(again.payload).trigger_id).length === 1);
    const mine = (await h.store.listFeedback()).filter((v) => v.id.startsWith(feedbackId));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.vote).toBe('down');
  });

  it('splits a huge reply (300-row table) into several messages within Block Kit limits', async () => {
    const form = slashForm(h.fake, '/issues', 'big');
    await h.post({ form });
    await h.fake.waitFor(() => h.seen.at(-1)?.msg.messageId === form.trigger_id);
    const id = responseIdOf(form);
    const lastRow = `Q-${String(BIG_TABLE_ROWS).padStart(4, '0')}`;
    await h.fake.waitFor(
      () => JSON.stringify(h.fake.responsesTo(id).map((p) => p.body)).includes(lastRow),
      5000,
      'every part, up to the last row',
    );
    await new Promise((r) => setTimeout(r, 100)); // quiet period: nothing more follows
    const posts = h.fake
      .responsesTo(id)
      .map((p) => p.body as { text: string; blocks: SlackBlock[]; response_type: string });
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.length).toBeLessThanOrEqual(5);
    for (const p of posts) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.response_type).toBe('in_channel');
      expectWithinLimits(p.blocks);
    }
    const all = posts
      .flatMap((p) => p.blocks)
      .map((b) => JSON.stringify(b))
      .join('\n');
    expect(all).toContain('Q-0001');
    expect(all).toContain(`Q-${String(BIG_TABLE_ROWS).padStart(4, '0')}`);
  });

  it('sends a 20,000-char digest to a channel with chat.postMessage, retrying a 429 once', async () => {
    const digest = await testHandlers().digest({} as never, {} as never);
    expect(
      digest.blocks.map((b) => (b.type === 'paragraph' ? b.text.length : 0)).reduce((a, b) => a + b),
    ).toBeGreaterThan(10_000);
    const before = h.fake.callsTo('chat.postMessage').length;
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.adapter.sendToConversation('C0DIGEST1', digest);
    const calls = h.fake.callsTo('chat.postMessage').slice(before);
    // one 429'd attempt + every part delivered
    const delivered = calls.slice(1);
    expect(calls[0]!.args.channel).toBe('C0DIGEST1');
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    for (const c of delivered) {
      expect(c.args.channel).toBe('C0DIGEST1');
      expect(c.args.thread_ts).toBeUndefined();
      expectWithinLimits(c.args.blocks as SlackBlock[]);
    }
    const text = delivered.map((c) => JSON.stringify(c.args.blocks)).join('');
    expect(text).toContain('第1条');
    expect(text).toContain('第400条');
  });

  it('gives up after one 429 retry and reports the failure', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    await expect(
      h.adapter.sendToConversation('C0DIGEST2', { intent: 'digest', blocks: [{ type: 'paragraph', text: 'x' }] }),
    ).rejects.toThrow();
  });

  it('uploads reply files to the conversation', async () => {
    const before = h.fake.calls.length;
    await h.adapter.sendToConversation('C0FILES01', {
      intent: 'issues',
      blocks: [{ type: 'paragraph', text: '导出如下' }],
      files: [
        {
          filename: '问题清单.xlsx',
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          data: Buffer.from('PK fake xlsx'),
        },
      ],
    });
    const methods = h.fake.calls.slice(before).map((c) => c.method);
    expect(methods).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(h.fake.calls.at(-1)!.args).toMatchObject({ channel_id: 'C0FILES01' });
  });

  it('uses the bot identity from auth.test (mention of the bot stripped, other mentions kept)', async () => {
    const ev = mention(`请 <@U0OTHER1> 看看 <https://example.gov.cn/a|这份文件> 怎么样？`);
    await h.post({ json: eventEnvelope(ev) });
    await h.fake.waitFor(() => h.seen.at(-1)?.msg.threadId === ev.ts);
    const msg = h.seen.at(-1)!.msg;
    expect(msg.text).toBe('请 @U0OTHER1 看看 这份文件 怎么样？');
    expect(msg.mentions).toEqual(['U0OTHER1']);
    expect(msg.text).not.toContain(FAKE_SLACK_IDENTITY.botUserId);
  });
});

describe('Slack adapter start-up', () => {
  it('fails start() clearly when the bot token is rejected, without listening', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      const config = testConfig({
        SLACK_BOT_TOKEN: 'xoxb-bad',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
      });
      const adapter = createSlackAdapter({
        config,
        logger: silentLogger,
        store: new MemoryStore(),
        sink: async () => ({ reply: null, duplicate: false }),
      });
      await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
      expect(adapter.isConnected()).toBe(false);
      expect(adapter.port()).toBeNull();
      await adapter.stop(100);
    } finally {
      await fake.close();
    }
  });

  it('refuses to build without the secrets it needs', () => {
    const store = new MemoryStore();
    const sink = async () => ({ reply: null, duplicate: false });
    expect(() =>
      createSlackAdapter({ config: testConfig({ SLACK_SIGNING_SECRET: 's' }), logger: silentLogger, store, sink }),
    ).toThrow(/SLACK_BOT_TOKEN/);
    expect(() =>
      createSlackAdapter({ config: testConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }), logger: silentLogger, store, sink }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
