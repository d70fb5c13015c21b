/**
 * Card buttons in HTTP callback mode: two replicas (two adapters, two Bots, two RedisStores on one spawned
 * redis-server), each with its own callback server. At start each registers DINGTALK_CARD_CALLBACK_URL with the fake
 * DingTalk (/v1.0/card/callbacks/register); cards are created with callbackType HTTP and the route key, and the fake
 * POSTs presses to the registered URL signed with the registered secret — or with a wrong or stale signature, or
 * again to either replica. Presses feed the same exactly-once handler as stream-mode card callbacks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXTS } from '../../../src/answer/feedback.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { ACTION_TEXTS } from '../../../src/platforms/dingtalk/action-card.js';
import { createDingTalkAdapter, type DingTalkAdapter } from '../../../src/platforms/dingtalk/index.js';
import type { RedisStore } from '../../../src/store/redis/index.js';
import {
  FAKE_CLIENT_SECRET,
  postCallback,
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeCard,
  type FakeDingTalk,
} from '../../helpers/fake-dingtalk.js';
import { freePort, startRedis, type RedisHandle } from '../../helpers/redis.js';
import { connectTestStore } from '../../helpers/redis-store.js';
import { sleep } from '../../e2e/product.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';

const GROUP = 'cidHttpCards==';
const REPORTER = 'staff-zhang';
const OTHER = 'staff-li';
const ROUTE_KEY = 'zct-card';

let redis: RedisHandle;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let replicaB: DingTalkAdapter;
const stores: RedisStore[] = [];
let a: EchoBot;
let b: EchoBot;
let seq = 0;
let cardUrlA = '';

async function openStore(): Promise<RedisStore> {
  const store = await connectTestStore(redis.url, `dthc${process.pid}`);
  stores.push(store);
  return store;
}

beforeAll(async () => {
  redis = await startRedis();
  // Replica A's port is known beforehand: its card URL is the one registered (DingTalk → a proxy → a replica).
  const port = await freePort();
  cardUrlA = `http://127.0.0.1:${port}/dingtalk/card`;
  const storeA = await openStore();
  h = await startDingTalkHarness({
    env: {
      ZCT_RATE_LIMIT_PER_MIN: '0',
      DINGTALK_MODE: 'http',
      DINGTALK_HTTP_PORT: String(port),
      DINGTALK_AI_CARD: '1',
      DINGTALK_CARD_CALLBACK_URL: cardUrlA,
    },
    makeSink: (config) => {
      a = createEchoBot(storeA, config);
      return (m) => a.bot.handle(m);
    },
    adapter: { store: storeA, cardUpdateMs: 20 },
  });
  fake = h.fake;
  const storeB = await openStore();
  const configB = { ...h.config, DINGTALK_HTTP_PORT: 0 };
  b = createEchoBot(storeB, configB);
  replicaB = createDingTalkAdapter({
    config: configB,
    logger: silentLogger,
    sink: (m) => b.bot.handle(m),
    store: storeB,
    httpTimeoutMs: 2_000,
  });
  await replicaB.start();
});

afterEach(() => {
  fake.cardFault = null;
});

afterAll(async () => {
  await replicaB?.stop(1_000);
  await h?.stop();
  await Promise.allSettled(stores.map((s) => s.close()));
  await redis?.stop();
});

const handled = () => [...a.handled, ...b.handled];
const sendsTo = (conversation: string) => fake.apiSends.filter((s) => s.body.openConversationId === conversation);
const sendTexts = (conversation: string) =>
  sendsTo(conversation).map((s) => (JSON.parse(s.body.msgParam) as { text: string }).text);
const updatesOf = (card: FakeCard) =>
  fake.cardCalls.filter((c) => c.kind === 'update' && c.status === 200 && c.body.outTrackId === card.outTrackId).length;

/** A group message to replica A over HTTP; resolves with the card it became (created, and settled when finished). */
async function cardFor(text: string, finished = false): Promise<FakeCard> {
  const before = fake.cards.size;
  const msg = fake.robotMessage({
    text,
    conversationId: GROUP,
    senderStaffId: REPORTER,
    senderNick: '张三',
    session: `hc-${++seq}`,
  });
  expect((await postCallback(h.adapter.callbackServer!.url, msg)).status).toBe(200);
  await fake.waitFor(() => fake.cards.size > before, `card for “${text}”`);
  const card = [...fake.cards.values()][before]!;
  if (finished) await fake.waitFor(() => card.statuses.includes('3'), 'card finished');
  return card;
}

describe('card buttons in DingTalk HTTP callback mode (two replicas, one Redis)', () => {
  it('each replica registers the card callback URL at start; cards are created for HTTP callbacks on that route', async () => {
    expect(fake.cardRegistrations).toHaveLength(2);
    for (const reg of fake.cardRegistrations) {
      expect(reg).toEqual({ routeKey: ROUTE_KEY, url: cardUrlA, apiSecret: FAKE_CLIENT_SECRET, forceUpdate: true });
    }
    expect(h.adapter.callbackServer?.cardUrl).toBe(cardUrlA);
    expect(replicaB.callbackServer?.cardUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dingtalk\/card$/);

    const card = await cardFor('确认卡华康药业缺电');
    expect(card.created.callbackType).toBe('HTTP');
    expect(card.created.callbackRouteKey).toBe(ROUTE_KEY);
    expect(fake.buttonsOf(card.outTrackId).map((x) => x.text)).toEqual(['确认记录', '不记录']);
  });

  it('a signed press runs once; redelivered to the same and to the other replica it is answered 200 and does nothing', async () => {
    const card = await cardFor('确认卡七一电器用地');
    const [confirm] = fake.buttonsOf(card.outTrackId);
    const press = { outTrackId: card.outTrackId, userId: REPORTER, buttonId: confirm!.id };
    const sendsBefore = sendsTo(GROUP).length;
    expect((await fake.postCardCallback(press)).status).toBe(200);
    // Answered 200 once the press was handled; then the card is updated and the command's reply sent.
    await fake.waitFor(() => (card.params.markdown ?? '').includes('✅'), 'card updated');
    expect(card.params.markdown).toMatch(/✅ \*\*确认记录\*\* · 张三 · \d{2}:\d{2}$/);
    await fake.waitFor(() => sendsTo(GROUP).length > sendsBefore, 'reply to the press');

    const again = await Promise.all([
      fake.postCardCallback(press),
      fake.postCardCallback(press, { url: replicaB.callbackServer!.cardUrl! }),
    ]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    await sleep(150);
    const presses = handled().filter((m) => m.dedupKey === `${h.config.DINGTALK_ROBOT_CODE}:card:${card.outTrackId}`);
    expect(presses).toHaveLength(1);
    expect(presses[0]).toMatchObject({ text: '对', userId: REPORTER, conversationId: GROUP, isGroup: true });
    expect(sendTexts(GROUP).slice(sendsBefore)).toHaveLength(1);
    expect(updatesOf(card)).toBe(1);
  });

  it('a wrong, forged, missing or stale signature gets 401 and changes nothing; then a good press works', async () => {
    const card = await cardFor('确认卡签名检查');
    const [, skip] = fake.buttonsOf(card.outTrackId);
    const press = { outTrackId: card.outTrackId, userId: REPORTER, buttonId: skip!.id };
    const handledBefore = handled().length;
    const cases: Array<[string, Parameters<FakeDingTalk['postCardCallback']>[1]]> = [
      ['wrong secret', { secret: 'not-the-registered-secret' }],
      ['forged sign', { sign: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
      ['no sign', { omit: ['sign'] }],
      ['no timestamp', { omit: ['timestamp'] }],
      ['stale (61 min old, correctly signed)', { timestamp: Date.now() - 61 * 60_000 }],
      ['future (61 min ahead)', { timestamp: Date.now() + 61 * 60_000 }],
    ];
    for (const [what, opts] of cases) {
      expect((await fake.postCardCallback(press, opts)).status, what).toBe(401);
      expect((await fake.postCardCallback(press, { ...opts, url: replicaB.callbackServer!.cardUrl! })).status).toBe(
        401,
      );
    }
    await sleep(100);
    expect(handled().length).toBe(handledBefore);
    expect(updatesOf(card)).toBe(0);

    expect((await fake.postCardCallback(press, { timestamp: Date.now() - 59 * 60_000 })).status).toBe(200);
    await fake.waitFor(() => (card.params.markdown ?? '').includes('✅ **不记录** · 张三'), 'card updated');
    expect(handled().filter((m) => m.text === '不用了' && m.userId === REPORTER)).toHaveLength(1);
  });

  it('a press by someone the button is not for is refused once, however often DingTalk sends it', async () => {
    const card = await cardFor('确认卡别人的');
    const [confirm] = fake.buttonsOf(card.outTrackId);
    const press = { outTrackId: card.outTrackId, userId: OTHER, buttonId: confirm!.id };
    const sendsBefore = sendsTo(GROUP).length;
    const statuses = [
      (await fake.postCardCallback(press)).status,
      (await fake.postCardCallback(press, { url: replicaB.callbackServer!.cardUrl! })).status,
    ];
    expect(statuses).toEqual([200, 200]);
    await fake.waitFor(() => sendsTo(GROUP).length > sendsBefore, 'refusal');
    await sleep(150);
    const replies = sendTexts(GROUP).slice(sendsBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(ACTION_TEXTS.notAllowed('张三'));
    expect(updatesOf(card)).toBe(0);
  });

  it('👍/👎 on an answer card over HTTP: stored once per press, the card shows who voted', async () => {
    const card = await cardFor('问答技改贴息', true);
    const [up, down] = fake.buttonsOf(card.outTrackId);
    expect([up?.text, down?.text]).toEqual([FEEDBACK_TEXTS.upLabel, FEEDBACK_TEXTS.downLabel]);
    const answer = card.params.msgContent ?? '';
    expect(answer).toContain('按规定办理');
    const store = stores[0]!;
    const feedbackId = a.handled.find((m) => m.text === '问答技改贴息')?.dedupKey;
    const mine = async () => (await store.listFeedback()).filter((f) => f.id.startsWith(`fb-${feedbackId}:`));

    const upPress = { outTrackId: card.outTrackId, userId: REPORTER, buttonId: up!.id };
    expect((await fake.postCardCallback(upPress)).status).toBe(200);
    // Answered 200 once the vote was stored; the card shows it right after.
    expect(await mine()).toEqual([
      expect.objectContaining({ vote: 'up', userId: REPORTER, teamId: `dingtalk:${GROUP}`, question: '问答技改贴息' }),
    ]);
    await fake.waitFor(() => (card.params.msgContent ?? '').includes('已收到反馈'), 'card shows the vote');
    expect(card.params.msgContent).toBe(`${answer}\n\n---\n${FEEDBACK_TEXTS.received(['张三'])}`);
    // A bad signature is no vote.
    const downPress = { ...upPress, buttonId: down!.id };
    expect((await fake.postCardCallback(downPress, { secret: 'forged' })).status).toBe(401);
    expect((await mine())[0]!.vote).toBe('up');
    // The change of mind counts; DingTalk's retry of the first press (to the other replica) does not undo it.
    const beforeChange = updatesOf(card);
    expect((await fake.postCardCallback(downPress)).status).toBe(200);
    await fake.waitFor(() => updatesOf(card) > beforeChange, 'card updated after the change');
    const updates = updatesOf(card);
    expect((await fake.postCardCallback(upPress, { url: replicaB.callbackServer!.cardUrl! })).status).toBe(200);
    await sleep(150);
    expect((await mine()).map((f) => f.vote)).toEqual(['down']);
    expect(updatesOf(card)).toBe(updates);
  });
});

describe('HTTP mode when the card callback URL cannot be registered', () => {
  it('cards are sent without buttons: choices as commands to type, answers asking for a typed vote', async () => {
    const store = stores[0]!;
    fake.cardFault = (kind) =>
      kind === 'register'
        ? { status: 403, body: { code: 'Forbidden.AccessDenied', message: 'no permission' } }
        : undefined;
    const echo = createEchoBot(store, h.config);
    const replicaC = createDingTalkAdapter({
      config: { ...h.config, DINGTALK_HTTP_PORT: 0 },
      logger: silentLogger,
      sink: (m) => echo.bot.handle(m),
      store,
      httpTimeoutMs: 2_000,
    });
    await replicaC.start();
    try {
      const session = `hc-noreg-${++seq}`;
      const msg = fake.robotMessage({ text: '确认卡无回调', conversationId: GROUP, senderStaffId: REPORTER, session });
      const cardsBefore = fake.cards.size;
      expect((await postCallback(replicaC.callbackServer!.url, msg)).status).toBe(200);
      await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === session), 'markdown reply');
      const text = fake.webhookPosts.find((p) => p.session === session)!.body.markdown?.text ?? '';
      expect(text).toContain('也可以直接回复：“对”（确认记录）；“不用了”（不记录）');
      expect(fake.cards.size).toBe(cardsBefore);

      const ask = fake.robotMessage({ text: '问答无按钮', conversationId: GROUP, senderStaffId: REPORTER, session });
      expect((await postCallback(replicaC.callbackServer!.url, ask)).status).toBe(200);
      await fake.waitFor(() => fake.cards.size > cardsBefore, 'answer card');
      const card = [...fake.cards.values()][cardsBefore]!;
      await fake.waitFor(() => card.statuses.includes('3'), 'answer card finished');
      expect(fake.buttonsOf(card.outTrackId)).toEqual([]);
      expect(card.params.msgContent).toContain(FEEDBACK_TEXTS.hint);
    } finally {
      await replicaC.stop(1_000);
    }
  });
});
