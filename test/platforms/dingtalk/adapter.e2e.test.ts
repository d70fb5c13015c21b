/**
 * The DingTalk adapter end to end: the REAL dingtalk-stream client against a local fake DingTalk,
 * a real Bot with a MemoryStore and a small echo router.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/app/bot.js';
import type { IncomingMessage } from '../../../src/messaging/incoming.js';
import { metrics } from '../../../src/observability/metrics.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { DINGTALK_MESSAGES } from '../../../src/platforms/dingtalk/index.js';
import type { MessageSink } from '../../../src/platforms/types.js';
import {
  startDingTalkHarness,
  waitUntil,
  type DingTalkHarness,
  type FakeDingTalk,
} from '../../helpers/fake-dingtalk.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';

let h: DingTalkHarness;
let fake: FakeDingTalk;
let echo: EchoBot;
/** performance.now() when the sink resolved, by msgId. */
const sinkResolvedAt = new Map<string, number>();
let sinkThrowsFor: string | null = null;

beforeAll(async () => {
  h = await startDingTalkHarness({
    // The split test sends a 600-item digest whole: lift the per-digest message cap (tested in test/hardening/bounds).
    env: { ZCT_ADMINS: 'boss', ZCT_RATE_LIMIT_PER_MIN: '0', ZCT_MAX_DIGEST_MESSAGES: '100' },
    makeSink: (config) => {
      echo = createEchoBot(new MemoryStore(), config);
      const sink: MessageSink = async (m: IncomingMessage) => {
        if (m.text === sinkThrowsFor) throw new Error('sink exploded');
        const r = await echo.bot.handle(m);
        sinkResolvedAt.set(m.messageId, performance.now());
        return r;
      };
      return sink;
    },
  });
  fake = h.fake;
});

afterAll(async () => {
  await h?.stop();
});

const postsFor = (session: string) => fake.webhookPosts.filter((p) => p.session === session);
const handledCount = (msgId: string) => echo.handled.filter((m) => m.messageId === msgId).length;

async function errorCount(kind: string): Promise<number> {
  const m = await metrics.errors.get();
  return m.values
    .filter((v) => v.labels.platform === 'dingtalk' && v.labels.kind === kind)
    .reduce((a, v) => a + v.value, 0);
}

/** Send a message from the same user in the same conversation; the adapter keeps per-user order, so its reply marks "all earlier work done". */
let barrierSeq = 0;
async function barrier(opts: { conversationId?: string; senderStaffId?: string; robotCode?: string } = {}) {
  const session = `barrier-${++barrierSeq}`;
  fake.push(fake.robotMessage({ text: '屏障', session, ...opts }));
  await fake.waitFor(() => postsFor(session).length > 0, 'barrier reply');
}

describe('DingTalk adapter: receiving and replying', () => {
  it('connects through the configured gateway with its credentials and the robot subscription', () => {
    expect(h.adapter.isConnected()).toBe(true);
    expect(fake.openCalls[0]).toMatchObject({
      clientId: 'dingfakeclientid',
      clientSecret: 'fake-client-secret',
      subscriptions: [{ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' }],
    });
  });

  it('group text → markdown reply on the sessionWebhook that @-mentions the sender; frame acked', async () => {
    const msg = fake.robotMessage({ text: '你好 政策通', session: 'g1', senderStaffId: 'user123' });
    const frameId = fake.push(msg);
    await fake.waitForWebhookPosts(1);
    await fake.waitFor(() => fake.ackedFrames(frameId).length === 1, 'ack');
    const [post] = postsFor('g1');
    expect(post?.body.msgtype).toBe('markdown');
    expect(post?.body.markdown?.title).toBe('回复');
    expect(post?.body.markdown?.text).toBe('@user123\n\n收到：你好 政策通');
    expect(post?.body.at).toEqual({ atUserIds: ['user123'], atMobiles: [], isAtAll: false });
    expect(fake.ackedFrames(frameId)[0]?.data).toEqual({ response: null });
    const m = echo.handled.find((x) => x.messageId === msg.msgId);
    expect(m).toMatchObject({
      isGroup: true,
      userId: 'user123',
      teamId: 'dingtalk:cidGroupA==',
      conversationTitle: '联企小组-测试群',
      isAdmin: false,
    });
  });

  it('1:1 text → reply without any @; ZCT_ADMINS decides isAdmin', async () => {
    const msg = fake.robotMessage({ text: '问：加计扣除', group: false, session: 'p1', senderStaffId: 'boss' });
    fake.push(msg);
    await fake.waitFor(() => postsFor('p1').length === 1, 'reply');
    const post = postsFor('p1')[0];
    expect(post?.body.markdown?.text).toBe('收到：问：加计扣除');
    expect(post?.body.at).toBeUndefined();
    expect(echo.handled.find((x) => x.messageId === msg.msgId)?.isAdmin).toBe(true);
  });

  it('richText and audio are read as text', async () => {
    fake.push(
      fake.robotMessage({
        msgtype: 'richText',
        group: false,
        session: 'rt',
        extra: {
          content: { richText: [{ text: '企业反映' }, { type: 'picture', downloadCode: 'x' }, { text: '缺工程师' }] },
        },
      }),
    );
    fake.push(
      fake.robotMessage({
        msgtype: 'audio',
        group: false,
        session: 'au',
        extra: { content: { downloadCode: 'y', recognition: '华康药业融资问题解决了' } },
      }),
    );
    await fake.waitFor(() => postsFor('rt').length === 1 && postsFor('au').length === 1, 'replies');
    expect(postsFor('rt')[0]?.body.markdown?.text).toBe('收到：企业反映\n缺工程师');
    expect(postsFor('au')[0]?.body.markdown?.text).toBe('收到：华康药业融资问题解决了');
  });

  it.each([
    ['picture', { pictureDownloadCode: 'p', downloadCode: 'd' }, '图片'],
    ['file', { spaceId: '1', fileName: 'a.zip', downloadCode: 'd', fileId: '2' }, '文件'],
    ['video', { duration: '5', videoType: 'mp4', downloadCode: 'd' }, '视频'],
    ['unknownMsgType', { unknownMsgType: '用户发送了一条消息，机器人暂不支持接收。' }, '这类消息'],
  ])('%s gets the polite reply', async (msgtype, content, label) => {
    const session = `un-${msgtype}`;
    fake.push(fake.robotMessage({ msgtype, session, extra: { content } }));
    await fake.waitFor(() => postsFor(session).length === 1, 'reply');
    expect(postsFor(session)[0]?.body.markdown?.text).toBe(`@user123\n\n${MESSAGES.unsupported(label)}`);
  });

  it('a cited answer is rendered with numbered citations and quoted passages', async () => {
    fake.push(fake.robotMessage({ text: '引用 研发费用', session: 'cite' }));
    await fake.waitFor(() => postsFor('cite').length === 1, 'reply');
    const text = postsFor('cite')[0]?.body.markdown?.text ?? '';
    expect(postsFor('cite')[0]?.body.markdown?.title).toBe('政策解答');
    expect(text).toContain(
      '1. 《关于进一步完善研发费用税前加计扣除政策的公告》（财政部 税务总局，2021-03-31）\n> 制造业企业',
    );
    expect(text).toContain('2. 《科技型中小企业评价办法》（2017-05-03）');
  });

  it('acks only after the sink has resolved', async () => {
    const msg = fake.robotMessage({ text: '慢一点', session: 'slow', senderStaffId: 'slowpoke' });
    const frameId = fake.push(msg);
    await waitUntil(() => echo.handled.some((m) => m.messageId === msg.msgId), 'handler started');
    // The handler is blocked: the message is not recorded yet, so it must not be acked.
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.ackedFrames(frameId)).toHaveLength(0);
    echo.release();
    await fake.waitFor(() => fake.ackedFrames(frameId).length === 1, 'ack');
    const resolved = sinkResolvedAt.get(String(msg.msgId));
    expect(resolved).toBeDefined();
    expect(fake.ackedFrames(frameId)[0]!.at).toBeGreaterThan(resolved!);
    await fake.waitFor(() => postsFor('slow').length === 1, 'reply');
  });

  it('the same msgId pushed 5 times → handled once, answered once, every frame acked', async () => {
    const msg = fake.robotMessage({ text: '报：今天走访了华康药业', session: 'dup', senderStaffId: 'dupuser' });
    const first = fake.push(msg);
    const frames = [first, fake.push(msg, { frameId: first }), fake.push(msg), fake.push(msg), fake.push(msg)];
    await fake.waitFor(() => fake.acks.filter((a) => frames.includes(a.frameId)).length === 5, '5 acks');
    await barrier({ senderStaffId: 'dupuser' });
    expect(handledCount(String(msg.msgId))).toBe(1);
    expect(postsFor('dup')).toHaveLength(1);
  });

  it('two robots @-ed in one message (same msgId, different robotCode) → both handled', async () => {
    const a = fake.robotMessage({ text: '两个机器人', session: 'robotA', robotCode: 'robotA', senderStaffId: 'two' });
    const b = { ...a, robotCode: 'robotB', sessionWebhook: fake.webhookUrl('robotB') };
    fake.push(a);
    fake.push(b);
    await fake.waitFor(() => postsFor('robotA').length === 1 && postsFor('robotB').length === 1, 'both replies');
    expect(handledCount(String(a.msgId))).toBe(2);
    expect(new Set(echo.handled.filter((m) => m.messageId === a.msgId).map((m) => m.dedupKey))).toEqual(
      new Set([`robotA:${String(a.msgId)}`, `robotB:${String(a.msgId)}`]),
    );
  });

  it('malformed robot data is acked (and answered when it has a sessionWebhook); nothing crashes', async () => {
    const errorsBefore = await errorCount('platform');
    const badJson = fake.push('{"msgId": "broken", ');
    const noMsgId = fake.robotMessage({ text: 'x', session: 'malformed', group: false });
    delete noMsgId.msgId;
    const missing = fake.push(noMsgId);
    fake.sendFrame('this is not a frame at all');
    fake.sendFrame({ type: 'CALLBACK' }); // no headers: the SDK's dispatcher would throw
    await fake.waitFor(() => fake.ackedFrames(badJson).length === 1 && fake.ackedFrames(missing).length === 1, 'acks');
    await fake.waitFor(() => postsFor('malformed').length === 1, 'polite reply');
    expect(postsFor('malformed')[0]?.body.markdown?.text).toBe(DINGTALK_MESSAGES.malformed);
    expect(await errorCount('platform')).toBeGreaterThanOrEqual(errorsBefore + 2);
    // still alive and answering
    expect(h.adapter.isConnected()).toBe(true);
    fake.push(fake.robotMessage({ text: '还在吗', session: 'alive' }));
    await fake.waitFor(() => postsFor('alive').length === 1, 'reply after malformed frames');
  });

  it('a sink that throws still leads to an ack and a "please retry" reply', async () => {
    sinkThrowsFor = '炸了';
    const frameId = fake.push(fake.robotMessage({ text: '炸了', session: 'throw' }));
    await fake.waitFor(() => fake.ackedFrames(frameId).length === 1 && postsFor('throw').length === 1, 'ack + reply');
    expect(postsFor('throw')[0]?.body.markdown?.text).toContain(MESSAGES.internal);
    sinkThrowsFor = null;
  });

  it('long replies are split under the size limit and sent in order; only the first @-mentions', async () => {
    fake.push(fake.robotMessage({ text: '长文600', session: 'long' }));
    await fake.waitFor(() => postsFor('long').length >= 3, 'split replies');
    await barrier();
    const posts = postsFor('long');
    for (const p of posts) expect(Buffer.byteLength(JSON.stringify(p.body.markdown))).toBeLessThan(15_000);
    expect(posts.map((p) => p.body.markdown?.title)).toEqual(
      posts.map((_, i) => `每日简报（${i + 1}/${posts.length}）`),
    );
    expect(posts[0]?.body.at?.atUserIds).toEqual(['user123']);
    expect(posts.slice(1).every((p) => p.body.at === undefined)).toBe(true);
    const numbers = posts.flatMap((p) =>
      [...(p.body.markdown?.text ?? '').matchAll(/第(\d+)条/g)].map((m) => Number(m[1])),
    );
    expect(numbers).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });

  it('webhook errors (errcode, HTTP 500) are counted, and the adapter carries on', async () => {
    const before = await errorCount('platform');
    fake.webhookReplies.push(
      { status: 200, body: { errcode: 300001, errmsg: 'session expired' } },
      { status: 500, body: { error: 'boom' } },
    );
    fake.push(fake.robotMessage({ text: '一', session: 'err1', senderStaffId: 'erruser' }));
    fake.push(fake.robotMessage({ text: '二', session: 'err2', senderStaffId: 'erruser' }));
    await fake.waitFor(() => postsFor('err1').length === 1 && postsFor('err2').length === 1, 'posts');
    await barrier({ senderStaffId: 'erruser' });
    expect(await errorCount('platform')).toBe(before + 2);
  });

  it('an expired sessionWebhook falls back to the OpenAPI (group and 1:1)', async () => {
    const sendsBefore = fake.apiSends.length;
    fake.push(
      fake.robotMessage({
        text: '过期群',
        session: 'exp-g',
        conversationId: 'cidExpired==',
        expiresAt: Date.now() - 1000,
      }),
    );
    fake.push(
      fake.robotMessage({
        text: '过期单聊',
        group: false,
        session: 'exp-p',
        senderStaffId: 'lonely',
        expiresAt: Date.now() + 5_000,
      }),
    );
    await fake.waitFor(() => fake.apiSends.length >= sendsBefore + 2, 'proactive sends');
    const sends = fake.apiSends.slice(sendsBefore);
    const group = sends.find((s) => s.path.endsWith('groupMessages/send'));
    const single = sends.find((s) => s.path.endsWith('oToMessages/batchSend'));
    expect(group?.body).toMatchObject({
      robotCode: 'dingfakeclientid',
      openConversationId: 'cidExpired==',
      msgKey: 'sampleMarkdown',
    });
    expect(JSON.parse(group!.body.msgParam)).toEqual({ title: '回复', text: '收到：过期群' });
    expect(single?.body).toMatchObject({ userIds: ['lonely'], msgKey: 'sampleMarkdown' });
    expect(postsFor('exp-g')).toHaveLength(0);
    expect(postsFor('exp-p')).toHaveLength(0);
  });

  it('answers the server ping through the SDK', async () => {
    const reply = await fake.ping('opaque-123');
    expect(reply).toMatchObject({ code: 200, message: 'OK', headers: { topic: 'ping' } });
    expect(JSON.parse(reply.data)).toEqual({ opaque: 'opaque-123' });
  });
});
