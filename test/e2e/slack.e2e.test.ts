/**
 * The whole product through Slack: the REAL Bolt app in HTTP mode (signed requests in, Web API and
 * response_url calls out to a local fake Slack), the real bot and services — RedisStore on a spawned
 * redis-server (also the store the adapter records 👍/👎 in), the bundled corpus, no LLM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/schema.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createSlackAdapter, type SlackAdapter, type SlackBlock } from '../../src/platforms/slack/index.js';
import { FEEDBACK_MESSAGES } from '../../src/platforms/slack/feedback.js';
import { postToSlackApp, startFakeSlack, type FakeSlack, type FakeSlackCall } from '../helpers/fake-slack.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import {
  SIGNING_SECRET,
  blockActions,
  eventEnvelope,
  mention,
  responseIdOf,
  slashForm,
} from '../platforms/slack/harness.js';
import { documentContaining, e2eEnv, ledgerCounts, sleep, startProduct, type Product } from './product.js';

const CMD_CHANNEL = 'C2147483705'; // slashForm's channel
const MENTION_CHANNEL = 'C123ABC456'; // mention()'s channel
const FIRST = '必须是针对党委政府的重大专项工作';
const SECOND = '必须是靠单一部门难以完成的工作';

let redis: RedisHandle;
let fake: FakeSlack;
let config: Config;
let product: Product;
let adapter: SlackAdapter;
let eventsUrl: string;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startRedis(), startFakeSlack()]);
  config = parseConfig(
    e2eEnv(redis.url, {
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    }),
  );
  product = await startProduct(config);
  adapter = createSlackAdapter({
    config,
    logger: silentLogger,
    store: product.services.store,
    sink: (m) => product.sink(m),
  });
  await adapter.start();
  eventsUrl = `http://127.0.0.1:${adapter.port()}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop(2_000);
  await fake?.close();
  await product?.close();
  await redis?.stop();
});

const post = (
  body: { json: unknown } | { form: Record<string, string> },
  opts?: Parameters<typeof postToSlackApp>[3],
) => postToSlackApp(eventsUrl, SIGNING_SECRET, body, opts);

type Posted = { response_type?: string; text: string; blocks: SlackBlock[] };

/** Run a slash command: returns the HTTP ack and, once it arrives, the reply posted to response_url. */
async function slash(command: string, text: string) {
  const form = slashForm(fake, command, text);
  const ack = await post({ form });
  await fake.waitFor(() => fake.responsesTo(responseIdOf(form)).length > 0, 10_000, `${command} reply`);
  const reply = fake.responsesTo(responseIdOf(form))[0]!.body as unknown as Posted;
  return {
    form,
    ack,
    ackBody: ack.text ? (JSON.parse(ack.text) as { response_type?: string; text?: string }) : null,
    reply,
  };
}

const threadPosts = (channel: string, threadTs: string): FakeSlackCall[] =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs);

/** Post an app_mention event and wait for the bot's reply in its thread. */
async function mentionAndWait(text: string, over: Record<string, unknown> = {}) {
  const event = mention(text, over);
  const thread = String((event as { thread_ts?: string }).thread_ts ?? event.ts);
  const before = threadPosts(MENTION_CHANNEL, thread).length;
  const res = await post({ json: eventEnvelope(event) });
  expect(res.status).toBe(200);
  await fake.waitFor(() => threadPosts(MENTION_CHANNEL, thread).length > before, 10_000, `reply to “${text}”`);
  const call = threadPosts(MENTION_CHANNEL, thread).at(-1)!;
  return {
    event,
    thread,
    text: String(call.args.text),
    blocks: call.args.blocks as SlackBlock[],
    all: JSON.stringify(call.args.blocks),
  };
}

const sectionText = (blocks: SlackBlock[]) =>
  blocks
    .filter((b) => b.type === 'section')
    .map((b) => (b as { text?: { text: string } }).text?.text ?? '')
    .join('\n');

describe('政策通 through Slack (real Bolt over HTTP, real services, no LLM)', () => {
  let feedbackId = '';

  it('/ask is acked at once and answered in the channel with Block Kit: citations context and 👍/👎 buttons', async () => {
    const article = await documentContaining(config, SECOND);
    const r = await slash('/ask', '专班组建要坚持哪三条原则？');
    expect(r.ack.status).toBe(200);
    // Slack's own deadline for acknowledging a slash command (a protocol requirement, not a speed target).
    expect(r.ack.ms).toBeLessThan(3_000);
    expect(r.ackBody).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('正在查询') });

    expect(r.reply.response_type).toBe('in_channel');
    expect(sectionText(r.reply.blocks)).toContain(FIRST);
    expect(sectionText(r.reply.blocks)).toContain('[1]');
    const contexts = r.reply.blocks.filter((b) => b.type === 'context') as Array<{ elements: Array<{ text: string }> }>;
    expect(
      contexts.some((c) => c.elements.some((e) => e.text.includes(article.title) && e.text.startsWith('[1]'))),
    ).toBe(true);
    const actions = r.reply.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ action_id: string; value: string; text: { text: string } }>;
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['zct_feedback_up', 'zct_feedback_down']);
    expect(actions.elements.map((e) => e.text.text).join('')).toMatch(/👍.*👎/u);
    feedbackId = actions.elements[0]!.value;
    expect(feedbackId).toBeTruthy();
    expect(actions.elements[1]!.value).toBe(feedbackId);

    const seen = product.seen.find((s) => s.msg.messageId === r.form.trigger_id);
    expect(seen?.msg).toMatchObject({ platform: 'slack', command: 'ask', teamId: `slack:${CMD_CHANNEL}` });
    expect(seen?.result.route).toBe('ask');
  });

  it('clicking 👍 stores a vote (with the question, answer and citations) listed by store.listFeedback()', async () => {
    expect(feedbackId).toBeTruthy();
    const click = blockActions(fake, 'zct_feedback_up', feedbackId, { channel: { id: CMD_CHANNEL, name: 'lianqi-1' } });
    const res = await post({ form: click });
    expect(res.status).toBe(200);
    const rid = decodeURIComponent(
      new URL(String(JSON.parse(click.payload).response_url)).pathname.split('/').pop() ?? '',
    );
    await fake.waitFor(() => fake.responsesTo(rid).length === 1, 5_000, 'vote confirmation');
    expect(fake.responsesTo(rid)[0]!.body).toMatchObject({ response_type: 'ephemeral', text: FEEDBACK_MESSAGES.up });

    const votes = await product.services.store.listFeedback();
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({
      id: `${feedbackId}:UA8RXUSPL`,
      vote: 'up',
      userId: 'UA8RXUSPL',
      teamId: `slack:${CMD_CHANNEL}`,
      question: '专班组建要坚持哪三条原则？',
    });
    expect(votes[0]!.answer).toContain(FIRST);
    expect(votes[0]!.citations[0]).toMatchObject({ n: 1, title: (await documentContaining(config, SECOND)).title });
  });

  it('/report records an issue in the channel’s team (registered with /zct 绑定企业 …)', async () => {
    const bind = await slash('/zct', '绑定企业 华康药业、七一电器');
    expect(bind.reply.text).toContain('登记成功');
    expect((await product.services.store.getTeam(`slack:${CMD_CHANNEL}`))?.enterprises).toEqual([
      '华康药业',
      '七一电器',
    ]);

    const before = await ledgerCounts(product.services.store);
    const r = await slash('/report', '今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局');
    expect(r.ack.ms).toBeLessThan(3_000);
    expect(r.ackBody).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('正在记录') });
    expect(r.reply.response_type).toBe('in_channel');
    expect(JSON.stringify(r.reply.blocks)).toContain('Q-0001');
    const q = await product.services.store.getIssue('Q-0001');
    expect(q).toMatchObject({
      teamId: `slack:${CMD_CHANNEL}`,
      enterprise: '华康药业',
      category: '人才',
      status: 'assigned',
      department: '人社局',
      reporter: 'U2147483697',
    });
    expect(await ledgerCounts(product.services.store)).toMatchObject({
      issues: before.issues + 1,
      visits: before.visits + 1,
    });
  });

  it('an app_mention is answered in its thread, and a follow-up mention in that thread is understood in context', async () => {
    const first = await mentionAndWait('专班组建要坚持哪三条原则？');
    expect(first.thread).toBe(first.event.ts);
    expect(sectionText(first.blocks)).toContain(FIRST);
    expect(first.all).toContain('zct_feedback_up');

    const follow = await mentionAndWait('那第二条呢？', { thread_ts: first.event.ts });
    expect(follow.thread).toBe(first.event.ts);
    expect(sectionText(follow.blocks)).toContain(SECOND);
    expect(sectionText(follow.blocks)).not.toContain(FIRST);
    // No reply ever went to the channel's top level.
    expect(
      fake.callsTo('chat.postMessage').filter((c) => c.args.channel === MENTION_CHANNEL && !c.args.thread_ts),
    ).toHaveLength(0);

    // The same words in a new thread have no earlier question to follow.
    const elsewhere = await mentionAndWait('那第二条呢？');
    expect(sectionText(elsewhere.blocks)).not.toContain(SECOND);
  });

  it('a retried event (same event_id, X-Slack-Retry-Num) is answered once and recorded once', async () => {
    await mentionAndWait('绑定企业 七一电器');
    const store = product.services.store;
    const before = await ledgerCounts(store);
    const event = mention('今天走访了七一电器，企业反映用地指标紧张，扩建厂房缺地');
    const envelope = eventEnvelope(event);
    const retry = (n: number) => ({
      headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
    });

    // The first delivery and a retry racing it, then a later retry after the answer went out.
    const [a, b] = await Promise.all([post({ json: envelope }), post({ json: envelope }, retry(1))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await fake.waitFor(() => threadPosts(MENTION_CHANNEL, event.ts).length === 1, 10_000, 'the answer');
    expect((await post({ json: envelope }, retry(2))).status).toBe(200);
    const handled = () => product.seen.filter((s) => s.msg.messageId === envelope.event_id);
    await fake.waitFor(() => handled().length === 3, 5_000, 'all three deliveries through the bot');
    await sleep(100); // a duplicate that were (wrongly) answered would post right after the sink returns

    expect(handled().filter((s) => !s.result.duplicate)).toHaveLength(1);
    expect(threadPosts(MENTION_CHANNEL, event.ts)).toHaveLength(1);
    expect(String(threadPosts(MENTION_CHANNEL, event.ts)[0]!.args.text)).toMatch(/Q-\d{4}/);
    const after = await ledgerCounts(store);
    expect(after.issues).toBe(before.issues + 1);
    expect(after.visits).toBe(before.visits + 1);
    const created = (await store.listIssues({ teamId: `slack:${MENTION_CHANNEL}` })).filter((i) =>
      i.messageId.includes(envelope.event_id),
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ enterprise: '七一电器', category: '用地' });
  });

  it('a request with a bad signature gets 401, reaches nothing and records nothing', async () => {
    const store = product.services.store;
    const before = {
      counts: await ledgerCounts(store),
      seen: product.seen.length,
      posts: fake.callsTo('chat.postMessage').length,
    };
    const forged = await post(
      { json: eventEnvelope(mention('今天走访了华康药业，企业反映缺电工')) },
      { badSignature: true },
    );
    expect(forged.status).toBe(401);
    const form = slashForm(fake, '/report', '今天走访了华康药业，企业反映缺电工');
    expect((await post({ form }, { badSignature: true })).status).toBe(401);
    await sleep(100);
    expect(product.seen.length).toBe(before.seen);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before.posts);
    expect(fake.responsesTo(responseIdOf(form))).toHaveLength(0);
    expect(await ledgerCounts(store)).toEqual(before.counts);
  });
});
