/**
 * Cards with buttons end to end: two replicas (two adapters with the REAL dingtalk-stream client, two Bots,
 * two RedisStores on one spawned redis-server) on one fake DingTalk. A reply with actions becomes an
 * interactive card; presses come back as card callback frames over the stream, are run through the
 * pipeline as the action's text command exactly once per card, checked against who may press, and the
 * card is updated in place with the action and who pressed it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/observability/logger.js';
import {
  ACTION_TEXTS,
  DEFAULT_ACTION_CARD_TEMPLATE_ID,
  parseCardCallback,
} from '../../../src/platforms/dingtalk/action-card.js';
import { createDingTalkAdapter, type DingTalkAdapter } from '../../../src/platforms/dingtalk/index.js';
import type { RedisStore } from '../../../src/store/redis/index.js';
import {
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeCard,
  type FakeDingTalk,
} from '../../helpers/fake-dingtalk.js';
import { startRedis, type RedisHandle } from '../../helpers/redis.js';
import { connectTestStore } from '../../helpers/redis-store.js';
import { sleep } from '../../e2e/product.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';

const GROUP = 'cidButtons==';
const REPORTER = 'staff-zhang';
const OTHER = 'staff-li';
const ADMIN = 'staff-boss';

let redis: RedisHandle;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let replicaB: DingTalkAdapter;
const stores: RedisStore[] = [];
let a: EchoBot;
let b: EchoBot;
let seq = 0;

async function openStore(): Promise<RedisStore> {
  const store = await connectTestStore(redis.url, `dtb${process.pid}`);
  stores.push(store);
  return store;
}

beforeAll(async () => {
  redis = await startRedis();
  const storeA = await openStore();
  h = await startDingTalkHarness({
    env: { ZCT_RATE_LIMIT_PER_MIN: '0', DINGTALK_AI_CARD: '1', ZCT_ADMINS: ADMIN },
    makeSink: (config) => {
      a = createEchoBot(storeA, config);
      return (m) => a.bot.handle(m);
    },
    adapter: { store: storeA },
  });
  fake = h.fake;
  const storeB = await openStore();
  b = createEchoBot(storeB, h.config);
  replicaB = createDingTalkAdapter({
    config: h.config,
    logger: silentLogger,
    sink: (m) => b.bot.handle(m),
    store: storeB,
    stream: { reconnectBaseMs: 20, reconnectMaxMs: 200, heartbeatMs: 0 },
  });
  await replicaB.start();
  await replicaB.whenConnected(5_000);
  await fake.waitForConnections(2);
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

const socketA = () => fake.sockets[0]!;
const socketB = () => fake.sockets[1]!;
const handled = () => [...a.handled, ...b.handled];
const sendsTo = (conversation: string) => fake.apiSends.filter((s) => s.body.openConversationId === conversation);
const sendTexts = (conversation: string) =>
  sendsTo(conversation).map((s) => (JSON.parse(s.body.msgParam) as { text: string }).text);

/** Send a message that gets a reply with buttons; resolve with the card it became. */
async function cardFor(text: string, sender = REPORTER): Promise<{ card: FakeCard; session: string }> {
  const before = fake.cards.size;
  const session = `btn-${++seq}`;
  fake.push(
    fake.robotMessage({
      text,
      conversationId: GROUP,
      senderStaffId: sender,
      senderNick: sender === REPORTER ? '张三' : '某人',
      session,
    }),
    {
      socket: socketA(),
    },
  );
  await fake.waitFor(() => fake.cards.size > before, `card for “${text}”`);
  return { card: [...fake.cards.values()][before]!, session };
}

const buttons = (card: FakeCard) =>
  (JSON.parse(card.params.sys_full_json_obj ?? '{}') as { msgButtons: Array<{ text: string; id: string }> }).msgButtons;

describe('parseCardCallback', () => {
  it('reads the pressed button from cardPrivateData and rejects anything else', () => {
    const content = (ids: string[]) => JSON.stringify({ cardPrivateData: { actionIds: ids, params: {} } });
    expect(parseCardCallback({ outTrackId: 't', userId: 'u', content: content(['zct_1']) })).toEqual({
      outTrackId: 't',
      userId: 'u',
      buttonIndex: 1,
    });
    expect(
      parseCardCallback(JSON.stringify({ outTrackId: 't', userId: 'u', content: content(['zct_0']) }))?.buttonIndex,
    ).toBe(0);
    expect(parseCardCallback({ outTrackId: 't', userId: 'u', content: content(['other']) })).toBeNull();
    expect(parseCardCallback({ outTrackId: 't', userId: 'u', content: '{broken' })).toBeNull();
    expect(parseCardCallback({ userId: 'u', content: content(['zct_0']) })).toBeNull();
  });
});

describe('cards with buttons (two replicas, one Redis, real stream client)', () => {
  it('subscribes to card callbacks on the stream connection', () => {
    expect(fake.openCalls[0]?.subscriptions).toEqual(
      expect.arrayContaining([
        { type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' },
        { type: 'CALLBACK', topic: '/v1.0/card/instances/callback' },
      ]),
    );
    expect(fake.openCalls[0]?.subscriptions).toHaveLength(2);
  });

  it('a reply with actions is delivered as an interactive card with its buttons, not as markdown', async () => {
    const { card, session } = await cardFor('确认卡华康药业缺3名工程师');
    expect(card.templateId).toBe(DEFAULT_ACTION_CARD_TEMPLATE_ID);
    expect(card.openSpaceId).toBe(`dtv1.card//IM_GROUP.${GROUP}`);
    expect(card.created.callbackType).toBe('STREAM');
    expect(card.params.markdown).toContain('是否记录：华康药业缺3名工程师？');
    expect(buttons(card).map((x) => x.text)).toEqual(['确认记录', '不记录']);
    await sleep(100);
    expect(fake.webhookPosts.filter((p) => p.session === session)).toHaveLength(0);
  });

  it('a press runs the command once through the pipeline and updates the card in place; redeliveries and later presses do nothing', async () => {
    const { card } = await cardFor('确认卡七一电器用地');
    const [confirm, skip] = buttons(card);
    const sendsBefore = sendsTo(GROUP).length;
    const first = fake.pushCardCallback(
      { outTrackId: card.outTrackId, userId: REPORTER, buttonId: confirm!.id },
      { socket: socketA() },
    );
    await fake.waitFor(() => (card.params.markdown ?? '').includes('✅'), 'card updated');
    await fake.waitFor(() => sendsTo(GROUP).length > sendsBefore, 'reply to the press');

    // The same frame again, the same press as a new frame on the other replica, then the other button.
    const frames = [
      first,
      fake.pushCardCallback(
        { outTrackId: card.outTrackId, userId: REPORTER, buttonId: confirm!.id },
        { frameId: first, socket: socketA() },
      ),
      fake.pushCardCallback(
        { outTrackId: card.outTrackId, userId: REPORTER, buttonId: confirm!.id },
        { socket: socketB() },
      ),
      fake.pushCardCallback(
        { outTrackId: card.outTrackId, userId: REPORTER, buttonId: skip!.id },
        { socket: socketB() },
      ),
    ];
    await fake.waitFor(() => fake.acks.filter((x) => frames.includes(x.frameId)).length === 4, 'every callback acked');
    await sleep(200);

    const presses = handled().filter((m) => m.dedupKey === `${h.config.DINGTALK_ROBOT_CODE}:card:${card.outTrackId}`);
    expect(presses).toHaveLength(1);
    expect(presses[0]).toMatchObject({
      text: '对',
      userId: REPORTER,
      conversationId: GROUP,
      teamId: `dingtalk:${GROUP}`,
      isGroup: true,
    });
    expect(card.params.markdown).toMatch(/✅ \*\*确认记录\*\* · 张三 · \d{2}:\d{2}$/);
    expect(card.params.markdown).toContain('是否记录：七一电器用地？');
    expect(buttons(card)).toEqual([]);
    const replies = sendTexts(GROUP).slice(sendsBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('收到：对');
    expect(replies[0]).toContain(`@${REPORTER}`);
  });

  it('a press by someone the action is not for is refused once (also when redelivered) and changes nothing', async () => {
    const { card } = await cardFor('确认卡别人的记录');
    const sendsBefore = sendsTo(GROUP).length;
    const updatesBefore = fake.cardCalls.filter((c) => c.kind === 'update').length;
    const handledBefore = handled().length;
    const frame = fake.pushCardCallback(
      { outTrackId: card.outTrackId, userId: OTHER, buttonId: buttons(card)[0]!.id },
      { socket: socketA() },
    );
    fake.pushCardCallback(
      { outTrackId: card.outTrackId, userId: OTHER, buttonId: buttons(card)[0]!.id },
      { frameId: frame, socket: socketB() },
    );
    await fake.waitFor(() => fake.ackedFrames(frame).length === 2, 'both acked');
    await fake.waitFor(() => sendsTo(GROUP).length > sendsBefore, 'refusal');
    await sleep(200);
    const replies = sendTexts(GROUP).slice(sendsBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(ACTION_TEXTS.notAllowed('张三'));
    expect(handled().length).toBe(handledBefore);
    expect(fake.cardCalls.filter((c) => c.kind === 'update').length).toBe(updatesBefore);

    // The reporter can still act on it.
    fake.pushCardCallback(
      { outTrackId: card.outTrackId, userId: REPORTER, buttonId: buttons(card)[1]!.id },
      { socket: socketB() },
    );
    await fake.waitFor(
      () => (card.params.markdown ?? '').includes('✅ **不记录** · 张三'),
      'card updated by the reporter',
    );
    expect(handled().filter((m) => m.text === '不用了' && m.userId === REPORTER)).toHaveLength(1);
  });

  it('an admin-only action (销号) is refused for a member and runs for an admin, who is passed on as admin', async () => {
    const { card } = await cardFor('问题卡 Q-0012', ADMIN);
    const [, close] = buttons(card);
    const sendsBefore = sendsTo(GROUP).length;
    fake.pushCardCallback({ outTrackId: card.outTrackId, userId: OTHER, buttonId: close!.id }, { socket: socketA() });
    await fake.waitFor(
      () =>
        sendTexts(GROUP)
          .slice(sendsBefore)
          .some((t) => t.includes(ACTION_TEXTS.adminsOnly)),
      'refusal',
    );
    expect(handled().filter((m) => m.text === 'Q-0012 销号')).toHaveLength(0);

    fake.pushCardCallback({ outTrackId: card.outTrackId, userId: ADMIN, buttonId: close!.id }, { socket: socketB() });
    await fake.waitFor(() => (card.params.markdown ?? '').includes('✅ **销号**'), 'card updated');
    const runs = handled().filter((m) => m.text === 'Q-0012 销号');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.isAdmin).toBe(true);
  });

  it('when the card cannot be delivered, the reply goes out as markdown naming the commands to type instead', async () => {
    fake.cardFault = (kind) =>
      kind === 'create'
        ? { status: 403, body: { code: 'Forbidden.AccessDenied', message: 'no permission' } }
        : undefined;
    const session = `btn-${++seq}`;
    fake.push(fake.robotMessage({ text: '确认卡无卡片', conversationId: GROUP, senderStaffId: REPORTER, session }), {
      socket: socketA(),
    });
    await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === session), 'markdown reply');
    const text = fake.webhookPosts.find((p) => p.session === session)!.body.markdown?.text ?? '';
    expect(text).toContain('是否记录：无卡片？');
    expect(text).toContain('也可以直接回复：“对”（确认记录）；“不用了”（不记录）');
  });

  it('a press on an unknown or expired card is acked and ignored', async () => {
    const handledBefore = handled().length;
    const frame = fake.pushCardCallback(
      { outTrackId: 'no-such-card', userId: REPORTER, buttonId: 'zct_0' },
      { socket: socketA() },
    );
    await fake.waitFor(() => fake.ackedFrames(frame).length === 1, 'ack');
    await sleep(100);
    expect(handled().length).toBe(handledBefore);
  });
});
