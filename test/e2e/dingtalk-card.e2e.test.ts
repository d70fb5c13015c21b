/**
 * AI card replies end to end (DINGTALK_AI_CARD=1): the REAL dingtalk-stream client against the fake
 * DingTalk (which now serves the card endpoints), the real bot and services (RedisStore on a spawned
 * redis-server, the bundled corpus), and a fake OpenAI-compatible model that streams its answer in pieces
 * through the REAL openai client. What the user sees is read where DingTalk shows it: the card's states,
 * streamed contents and final variables, and any markdown on the sessionWebhook.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXTS } from '../../src/answer/feedback.js';
import { summariseFeedback } from '../../src/cli/commands/feedback.js';
import { CARD_REPLACED_TEXT, DEFAULT_AI_CARD_TEMPLATE_ID } from '../../src/platforms/dingtalk/ai-card.js';
import {
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeCard,
  type FakeDingTalk,
  type RobotMessageInput,
} from '../helpers/fake-dingtalk.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply, type RecordedRequest } from '../helpers/fake-openai.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { e2eEnv, sleep, startProduct, type Product } from './product.js';

const GROUP = 'cidCardE2E==';
const QUESTION = '问：专班组建要坚持哪三条原则？';

let redis: RedisHandle;
let llm: FakeOpenAI;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let product: Product;
let seq = 0;
let answer: ((req: RecordedRequest) => FakeReply) | null = null;

const userMessage = (req: RecordedRequest): string =>
  ((req.body?.messages ?? []) as Array<{ role: string; content: string }>)
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');

/** The passage number the model should cite: the one about the three principles. */
function principlesPassage(req: RecordedRequest): number {
  const m = /^\[(\d+)\] 标题：[^\n]*\n(?:(?!^\[\d+\] 标题：)[\s\S])*?三条原则/m.exec(userMessage(req));
  return m ? Number(m[1]) : 1;
}

const MODEL_ANSWER = (n: number) =>
  `专班组建坚持“因事而设”，要把握三条原则：一是必须是针对党委政府的重大专项工作；二是必须是靠单一部门难以完成的工作；三是必须是阶段性的任务[${n}]。` +
  '专班任务完成后应及时撤销，避免机构臃肿和职责交叉，这一点在实际工作中尤其需要注意。';

beforeAll(async () => {
  [redis, llm] = await Promise.all([startRedis(), startFakeOpenAI()]);
  llm.onRequest((req) => {
    if (!req.path.endsWith('/chat/completions')) return undefined;
    if (!req.body?.response_format && userMessage(req).includes('<passages>')) return answer?.(req) ?? { status: 500 };
    return undefined; // classification etc.: HTTP 500, the rules take over
  });
  h = await startDingTalkHarness({
    env: e2eEnv(redis.url, {
      DINGTALK_AI_CARD: '1',
      OPENAI_BASE_URL: llm.env.OPENAI_BASE_URL as string,
      OPENAI_API_KEY: llm.env.OPENAI_API_KEY as string,
      OPENAI_MODEL: llm.env.OPENAI_MODEL as string,
      LLM_TIMEOUT_MS: '6000',
      ZCT_RATE_LIMIT_PER_MIN: '0',
    }),
    makeSink: async (config) => {
      product = await startProduct(config);
      return (m) => product.sink(m);
    },
    // As `zct serve` wires it: the adapter shares the product's store (card context, press dedup).
    adapter: () => ({ store: product.services.store }),
  });
  fake = h.fake;
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await product?.close();
  await llm?.close();
  await redis?.stop();
});

afterEach(() => {
  fake.cardFault = null;
  answer = null;
});

function message(text: string, over: RobotMessageInput = {}) {
  seq += 1;
  return fake.robotMessage({
    text,
    conversationId: GROUP,
    senderStaffId: `staff-card-${seq}`,
    senderNick: '李四',
    session: `card-${seq}`,
    ...over,
  });
}
const sessionOf = (msg: Record<string, unknown>) =>
  new URL(String(msg.sessionWebhook)).searchParams.get('session') as string;
const postsFor = (session: string) => fake.webhookPosts.filter((p) => p.session === session);
const newCards = (before: number): FakeCard[] => [...fake.cards.values()].slice(before);

/** Wait until the bot has finished with a message: its frame acked and (card or markdown) reply settled. */
async function settle(frameId: string) {
  await fake.waitFor(() => fake.ackedFrames(frameId).length > 0, 'ack', 15_000);
  // The reply follows the ack; a card finishes with flowStatus 3 or 5, markdown with a post.
  await sleep(400);
}

describe('policy answers as DingTalk AI cards (real stream client, real services, streaming fake model)', () => {
  it('streams the model’s answer: processing at once → several throttled updates → finished with citations; no markdown', async () => {
    answer = (req) => ({ content: MODEL_ANSWER(principlesPassage(req)), streamChunkChars: 6, streamChunkDelayMs: 60 });
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const pushedAt = performance.now();
    const frameId = fake.push(msg);
    await fake.waitFor(() => newCards(before)[0]?.statuses.includes('3') ?? false, 'card finished', 15_000);
    await settle(frameId);

    const cards = newCards(before);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.templateId).toBe(DEFAULT_AI_CARD_TEMPLATE_ID);
    expect(card.openSpaceId).toBe(`dtv1.card//IM_GROUP.${GROUP}`);
    expect(card.created.imGroupOpenDeliverModel).toEqual({
      robotCode: h.config.DINGTALK_ROBOT_CODE,
      atUserIds: { [String(msg.senderStaffId)]: '李四' },
    });
    expect(card.statuses).toEqual(['1', '2', '3']);

    // Processing state at once: the card was created (processing) before any text reached it — no wall-clock
    // bound here, the order of the calls DingTalk received says it.
    const calls = fake.cardCalls.filter((c) => c.body.outTrackId === card.outTrackId);
    expect(calls[0]!.kind).toBe('create');
    expect(calls[0]!.at).toBeGreaterThan(pushedAt);
    expect(calls[0]!.at).toBeLessThan(card.streams[0]!.at);
    // Several updates, each the text so far (growing), a few per second at most.
    expect(card.streams.length).toBeGreaterThanOrEqual(3);
    expect(card.streams.length).toBeLessThan(22); // fewer than the model's 22 chunks: throttled
    for (let i = 1; i < card.streams.length; i++) {
      const [prev, cur] = [card.streams[i - 1]!, card.streams[i]!];
      expect(cur.content.startsWith(prev.content)).toBe(true);
      expect(cur.content.length).toBeGreaterThan(prev.content.length);
      expect(cur.at - prev.at).toBeGreaterThanOrEqual(250);
    }
    expect(card.streams[0]!.content).toContain('专班组建');
    // Finished: the validated answer with its citations replaces the raw stream.
    const final = card.params.msgContent ?? '';
    expect(final).toContain('二是必须是靠单一部门难以完成的工作');
    expect(final).toMatch(/\[1\]/);
    expect(final).toContain('**引用来源**');
    expect(final).toMatch(/^1\. 《/m);
    expect(calls[calls.length - 1]!.kind).toBe('update');
    expect(postsFor(sessionOf(msg))).toHaveLength(0);
  });

  it('the extractive path (model fails) fills the card in one update: processing → finished, no streaming', async () => {
    answer = () => ({ status: 500 });
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const frameId = fake.push(msg);
    await fake.waitFor(() => newCards(before)[0]?.statuses.includes('3') ?? false, 'card finished', 15_000);
    await settle(frameId);
    const card = newCards(before)[0]!;
    expect(card.statuses).toEqual(['1', '3']);
    expect(card.streams).toHaveLength(0);
    expect(card.params.msgContent).toContain('以上内容摘自资料原文');
    expect(card.params.msgContent).toContain('必须是靠单一部门难以完成的工作');
    expect(postsFor(sessionOf(msg))).toHaveLength(0);
  });

  it('card creation fails → the markdown reply, once, and no card', async () => {
    answer = (req) => ({ content: MODEL_ANSWER(principlesPassage(req)), streamChunkChars: 20, streamChunkDelayMs: 30 });
    fake.cardFault = (kind) =>
      kind === 'create'
        ? { status: 403, body: { code: 'Forbidden.AccessDenied', message: '没有调用该接口的权限' } }
        : undefined;
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const frameId = fake.push(msg);
    await fake.waitFor(() => postsFor(sessionOf(msg)).length > 0, 'markdown reply', 15_000);
    await settle(frameId);
    expect(newCards(before)).toHaveLength(0);
    const posts = postsFor(sessionOf(msg));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.markdown?.text).toContain('二是必须是靠单一部门难以完成的工作');
    expect(posts[0]!.body.markdown?.text).toContain('**引用来源**');
    // No streaming or update was attempted on a card that does not exist.
    expect(
      fake.cardCalls.filter((c) => c.kind !== 'create' && !fake.cards.has(String(c.body.outTrackId))),
    ).toHaveLength(0);
  });

  it('the card cannot be finished → it is marked replaced (failed state) and the answer goes out once as markdown', async () => {
    answer = (req) => ({ content: MODEL_ANSWER(principlesPassage(req)), streamChunkChars: 10, streamChunkDelayMs: 60 });
    fake.cardFault = (kind, body) => {
      const status = (body.cardData as { cardParamMap?: { flowStatus?: string } } | undefined)?.cardParamMap
        ?.flowStatus;
      return kind === 'update' && status === '3'
        ? { status: 500, body: { code: 'InternalError', message: 'busy' } }
        : undefined;
    };
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const frameId = fake.push(msg);
    await fake.waitFor(() => postsFor(sessionOf(msg)).length > 0, 'markdown reply', 15_000);
    await settle(frameId);
    const card = newCards(before)[0]!;
    expect(card.statuses).toEqual(['1', '2', '5']);
    expect(card.params.msgContent).toBe(CARD_REPLACED_TEXT);
    const posts = postsFor(sessionOf(msg));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.markdown?.text).toContain('二是必须是靠单一部门难以完成的工作');
  });

  it('streaming breaks midway → the preview stops, the card is still finished with the answer; no markdown', async () => {
    answer = (req) => ({ content: MODEL_ANSWER(principlesPassage(req)), streamChunkChars: 6, streamChunkDelayMs: 60 });
    let streams = 0;
    fake.cardFault = (kind) =>
      kind === 'stream' && ++streams >= 2
        ? { status: 500, body: { code: 'InternalError', message: 'busy' } }
        : undefined;
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const frameId = fake.push(msg);
    await fake.waitFor(() => newCards(before)[0]?.statuses.includes('3') ?? false, 'card finished', 15_000);
    await settle(frameId);
    const card = newCards(before)[0]!;
    expect(card.streams).toHaveLength(1);
    expect(streams).toBe(2); // one failure, then no more attempts
    expect(card.params.msgContent).toContain('**引用来源**');
    expect(postsFor(sessionOf(msg))).toHaveLength(0);
  });

  it('a 1:1 question gets its card in the robot chat; a redelivery of it creates no second card and no message', async () => {
    answer = () => ({ status: 500 });
    const before = fake.cards.size;
    const msg = message(QUESTION, { group: false, conversationId: 'cidSingleCard==' });
    const first = fake.push(msg);
    await fake.waitFor(() => newCards(before)[0]?.statuses.includes('3') ?? false, 'card finished', 15_000);
    await settle(first);
    const again = fake.push(msg);
    await settle(again);
    const cards = newCards(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.openSpaceId).toBe(`dtv1.card//IM_ROBOT.${String(msg.senderStaffId)}`);
    expect(cards[0]!.created.imRobotOpenDeliverModel).toEqual({
      spaceType: 'IM_ROBOT',
      robotCode: h.config.DINGTALK_ROBOT_CODE,
    });
    expect(postsFor(sessionOf(msg))).toHaveLength(0);
  });

  it('the finished card carries 👍/👎; presses are stored as feedback once per callback and the card shows who voted', async () => {
    answer = () => ({ status: 500 });
    const before = fake.cards.size;
    const msg = message(QUESTION);
    const asker = String(msg.senderStaffId);
    const frameId = fake.push(msg);
    await fake.waitFor(() => newCards(before)[0]?.statuses.includes('3') ?? false, 'card finished', 15_000);
    await settle(frameId);
    const card = newCards(before)[0]!;
    const answerText = card.params.msgContent ?? '';
    expect(answerText).toContain('必须是靠单一部门难以完成的工作');
    expect(answerText).not.toContain(FEEDBACK_TEXTS.hint); // buttons, not the typed-vote hint
    const [up, down] = fake.buttonsOf(card.outTrackId);
    expect([up?.text, down?.text]).toEqual([FEEDBACK_TEXTS.upLabel, FEEDBACK_TEXTS.downLabel]);
    const feedbackId = product.seen.find((s) => s.msg.messageId === msg.msgId)?.result.reply?.feedbackId;
    expect(feedbackId).toBeTruthy();
    const mine = async () =>
      (await product.services.store.listFeedback()).filter((f) => f.id.startsWith(`${feedbackId}:`));
    const updates = () =>
      fake.cardCalls.filter((c) => c.kind === 'update' && c.body.outTrackId === card.outTrackId).length;

    // The asker presses 👍: stored like a Slack vote, with the question, the answer and its citations.
    const first = fake.pushCardCallback({ outTrackId: card.outTrackId, userId: asker, buttonId: up!.id });
    await fake.waitFor(() => (card.params.msgContent ?? '').includes('已收到反馈'), 'card shows the vote');
    expect(fake.ackedFrames(first)).toHaveLength(1);
    expect(card.params.msgContent).toBe(`${answerText}\n\n---\n${FEEDBACK_TEXTS.received(['李四'])}`);
    expect(card.statuses.at(-1)).toBe('3');
    expect(fake.buttonsOf(card.outTrackId)).toHaveLength(2); // others in the group can still vote
    expect(await mine()).toEqual([
      expect.objectContaining({
        id: `${feedbackId}:${asker}`,
        vote: 'up',
        userId: asker,
        teamId: `dingtalk:${GROUP}`,
        question: '专班组建要坚持哪三条原则？',
        citations: [expect.objectContaining({ n: 1, title: expect.any(String), chunkId: expect.any(String) })],
      }),
    ]);

    // Another member votes 👎; the asker changes their mind to 👎.
    const other = fake.pushCardCallback({ outTrackId: card.outTrackId, userId: 'staff-other', buttonId: down!.id });
    await fake.waitFor(() => (card.params.msgContent ?? '').includes('李四、staff-other'), 'second voter shown');
    const beforeChange = updates();
    const change = fake.pushCardCallback({ outTrackId: card.outTrackId, userId: asker, buttonId: down!.id });
    await fake.waitFor(() => fake.ackedFrames(change).length === 1 && updates() > beforeChange, 'change shown');
    const updatesBefore = updates();

    // DingTalk delivers the first press again (same callback id): not recorded again — the asker's vote stays 👎.
    fake.pushCardCallback({ outTrackId: card.outTrackId, userId: asker, buttonId: up!.id }, { frameId: first });
    await fake.waitFor(() => fake.ackedFrames(first).length === 2, 'redelivery acked');
    await sleep(200);
    expect(updates()).toBe(updatesBefore);
    const votes = await mine();
    expect(votes.map((v) => [v.userId, v.vote]).sort()).toEqual([
      [asker, 'down'],
      ['staff-other', 'down'],
    ]);
    expect(fake.ackedFrames(other)).toHaveLength(1);
    // What `zct feedback` lists (and the console's 问答质量 page reads: the same store).
    const listed = summariseFeedback(await product.services.store.listFeedback(), { vote: 'down' });
    expect(listed.items.filter((f) => f.id.startsWith(`${feedbackId}:`))).toHaveLength(2);
    expect(postsFor(sessionOf(msg))).toHaveLength(0);
  });

  it('replies that are not policy answers (帮助) stay markdown messages', async () => {
    const before = fake.cards.size;
    const msg = message('帮助');
    fake.push(msg);
    await fake.waitFor(() => postsFor(sessionOf(msg)).length > 0, 'help reply', 15_000);
    await sleep(200);
    expect(newCards(before)).toHaveLength(0);
  });
});
