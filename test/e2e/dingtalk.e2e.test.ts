/**
 * The whole product through DingTalk: the REAL dingtalk-stream client (via the adapter) against the local
 * fake gateway, the real bot and services — RedisStore on a spawned redis-server, the bundled corpus with
 * the real retriever, no LLM. Every reply is read where DingTalk would show it: the sessionWebhook posts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXTS } from '../../src/answer/feedback.js';
import { MESSAGES } from '../../src/app/bot.js';
import { TEXTS } from '../../src/ledger/service/texts.js';
import { SMALLTALK_TEXTS } from '../../handlers/smalltalk.js';
import type { DingTalkHarness, FakeDingTalk, RobotMessageInput } from '../helpers/fake-dingtalk.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { documentContaining, e2eEnv, ledgerCounts, startDingTalkProduct, type Product } from './product.js';

const GROUP = 'cidLianQiE2E==';
const TEAM = `dingtalk:${GROUP}`;
const MEMBER = 'staff-wang';
const ADMIN = 'staff-boss';
const PRINCIPLES = '必须是针对党委政府的重大专项工作；必须是靠单一部门难以完成的工作；必须是阶段性的任务';
const STATUS_UPDATE =
  '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。';

let redis: RedisHandle;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let product: Product;
let pushes = 0;
let sessionSeq = 0;

beforeAll(async () => {
  redis = await startRedis();
  ({ h, product } = await startDingTalkProduct(e2eEnv(redis.url, { ZCT_ADMINS: ADMIN })));
  fake = h.fake;
});

afterAll(async () => {
  await h?.stop();
  await product?.close();
  await redis?.stop();
});

const postsFor = (session: string) => fake.webhookPosts.filter((p) => p.session === session);

/** A group text from MEMBER (unless overridden) on a fresh sessionWebhook. */
function groupText(text: string, over: RobotMessageInput = {}) {
  return fake.robotMessage({
    text,
    conversationId: GROUP,
    conversationTitle: '城东联企小组',
    senderStaffId: MEMBER,
    session: `s${++sessionSeq}`,
    ...over,
  });
}

function push(data: Record<string, unknown>, opts: { frameId?: string } = {}): string {
  pushes += 1;
  return fake.push(data, opts);
}

/** Push one message and wait for its (single) reply on its sessionWebhook. */
async function say(text: string, over: RobotMessageInput = {}) {
  const msg = groupText(text, over);
  const session = new URL(String(msg.sessionWebhook)).searchParams.get('session') as string;
  const frameId = push(msg);
  await fake.waitFor(() => postsFor(session).length > 0, `reply to “${text}”`, 10_000);
  const post = postsFor(session)[0]!;
  return {
    msg,
    frameId,
    session,
    post,
    markdown: post.body.markdown?.text ?? '',
    title: post.body.markdown?.title ?? '',
  };
}

describe('政策通 through DingTalk (real stream client, real services, no LLM)', () => {
  it('a status update from a group that is not registered is not recorded and explains how to register', async () => {
    const r = await say(STATUS_UPDATE);
    expect(r.markdown).toContain('还没有登记为联企小组');
    expect(r.markdown).toContain('绑定企业');
    expect(await ledgerCounts(product.services.store)).toEqual({ issues: 0, visits: 0, events: 0 });
  });

  it('“绑定企业 华康药业、七一电器” registers the group as a team with its enterprises', async () => {
    const r = await say('绑定企业 华康药业、七一电器');
    expect(r.title).toBe('登记成功');
    expect(r.markdown).toContain('华康药业、七一电器');
    const team = await product.services.store.getTeam(TEAM);
    expect(team).toMatchObject({
      id: TEAM,
      platform: 'dingtalk',
      conversationId: GROUP,
      enterprises: ['华康药业', '七一电器'],
    });
  });

  it('a policy question gets a markdown answer citing the magazine article, posted to the sessionWebhook with @sender', async () => {
    const article = await documentContaining(h.config, '必须是靠单一部门难以完成的工作');
    const r = await say('专班组建要坚持哪三条原则？');
    expect(r.post.body.msgtype).toBe('markdown');
    expect(r.title).toBe('政策问答');
    expect(r.post.body.at).toEqual({ atUserIds: [MEMBER], atMobiles: [], isAtAll: false });
    expect(r.markdown.startsWith(`@${MEMBER}\n\n`)).toBe(true);
    const [answer, sources] = r.markdown.split('**引用来源**');
    expect(answer).toContain(PRINCIPLES);
    expect(answer).toMatch(/\[1\]/);
    expect(sources).toContain(`1. 《${article.title}》`);
    expect(sources).toContain(article.source ?? '');
    expect(sources).toContain('> ');
  });

  it('a status update is recorded as a visit and two issues, with the right categories, status and department', async () => {
    const before = fake.acks.length;
    const r = await say(STATUS_UPDATE);
    expect(r.title).toBe('已记录');
    expect(r.markdown).toContain('Q-0001');
    expect(r.markdown).toContain('Q-0002');
    expect(r.markdown).toMatch(/V-\d{4}/);
    await fake.waitFor(() => fake.ackedFrames(r.frameId).length === 1, 'ack');
    expect(fake.acks.length).toBe(before + 1);

    const { store } = product.services;
    const q1 = await store.getIssue('Q-0001');
    const q2 = await store.getIssue('Q-0002');
    expect(q1).toMatchObject({
      teamId: TEAM,
      enterprise: '华康药业',
      category: '融资',
      status: 'assigned',
      department: '金融办',
      reporter: MEMBER,
    });
    expect(q1?.summary).toContain('流动资金');
    expect(q1?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(q2).toMatchObject({
      teamId: TEAM,
      enterprise: '华康药业',
      category: '人才',
      status: 'open',
      department: null,
    });
    expect(q2?.summary).toContain('化工工程师');
    const visits = await store.listVisits({ teamId: TEAM });
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ enterprise: '华康药业', reporter: MEMBER });
    expect(await ledgerCounts(store)).toMatchObject({ issues: 2, visits: 1 });
  });

  it('the same msgId pushed 3× more records nothing new and gets no second reply; every frame is acked', async () => {
    const { store } = product.services;
    const msg = groupText('报：今天走访了七一电器，企业反映用地指标紧张，厂房扩建审批慢');
    const session = new URL(String(msg.sessionWebhook)).searchParams.get('session') as string;
    const first = push(msg);
    await fake.waitFor(() => postsFor(session).length === 1, 'first reply', 10_000);
    const after = await ledgerCounts(store);
    const issuesAfter = await store.listIssues({});
    expect(after.issues).toBeGreaterThan(2);

    // A redelivery of the same frame, then two fresh frames carrying the same msgId (another connection's retry).
    const frames = [first, push(msg, { frameId: first }), push(msg), push(msg)];
    // Four frames in all (the first frame id is used twice): four acks.
    await fake.waitFor(() => fake.acks.filter((a) => frames.includes(a.frameId)).length === 4, '4 acks');
    // Barrier: the adapter handles one user's messages in order, so this reply means the redeliveries are done.
    await say('帮助');

    expect(postsFor(session)).toHaveLength(1);
    expect(fake.ackedFrames(first)).toHaveLength(2);
    expect(await ledgerCounts(store)).toEqual(after);
    expect(await store.listIssues({})).toEqual(issuesAfter);
    const dupResults = product.seen.filter((s) => s.msg.messageId === msg.msgId);
    expect(dupResults).toHaveLength(4);
    expect(dupResults.filter((s) => s.result.duplicate)).toHaveLength(3);
  });

  it('“问题清单” lists the open issues of the group', async () => {
    const r = await say('问题清单');
    expect(r.markdown).toContain('未办结问题');
    expect(r.markdown).toMatch(/\*\*Q-0001\*\*[^\n]*华康药业[^\n]*融资[^\n]*已交办[^\n]*金融办/);
    expect(r.markdown).toMatch(/\*\*Q-0002\*\*[^\n]*华康药业[^\n]*人才[^\n]*待交办/);
  });

  it('“Q-0001 金融办已对接，贷款下周放款” moves Q-0001 to in progress and keeps the note in its history', async () => {
    const r = await say('Q-0001 金融办已对接，贷款下周放款');
    expect(r.markdown).toContain('Q-0001');
    expect(r.markdown).toContain('办理中');
    const { store } = product.services;
    expect((await store.getIssue('Q-0001'))?.status).toBe('in_progress');
    const history = await store.issueHistory('Q-0001');
    expect(history.at(-1)).toMatchObject({ type: 'issue.updated', from: 'assigned', to: 'in_progress', actor: MEMBER });
    expect(history.at(-1)?.note).toContain('贷款下周放款');
    // Nothing else moved.
    expect((await store.getIssue('Q-0002'))?.status).toBe('open');
  });

  it('a non-admin cannot 销号 (even flagged admin by DingTalk); an admin from ZCT_ADMINS closes after 办结', async () => {
    const { store } = product.services;
    const refused = await say('Q-0001 销号', { extra: { isAdmin: true } });
    expect(refused.markdown).toContain(TEXTS.closeRefused('Q-0001'));
    expect((await store.getIssue('Q-0001'))?.status).toBe('in_progress');

    const resolved = await say('Q-0001 办结');
    expect(resolved.markdown).toContain('已办结');
    expect((await store.getIssue('Q-0001'))?.status).toBe('resolved');

    const closed = await say('Q-0001 销号', { senderStaffId: ADMIN, senderNick: '李主任' });
    expect(closed.post.body.at?.atUserIds).toEqual([ADMIN]);
    expect(closed.markdown).toContain('已销号');
    const q1 = await store.getIssue('Q-0001');
    expect(q1?.status).toBe('closed');
    expect(q1?.closedAt).toBeGreaterThan(0);
    expect((await store.issueHistory('Q-0001')).at(-1)).toMatchObject({ from: 'resolved', to: 'closed', actor: ADMIN });
  });

  it('a follow-up “那第二条呢？” after the 专班 question answers with the second principle', async () => {
    const user = 'staff-zhao';
    await say('专班组建要坚持哪三条原则？', { senderStaffId: user });
    const r = await say('那第二条呢？', { senderStaffId: user });
    expect(r.title).toBe('政策问答');
    const [answer] = r.markdown.split('**引用来源**');
    expect(answer).toContain('必须是靠单一部门难以完成的工作');
    expect(answer).not.toContain('必须是针对党委政府的重大专项工作');
    expect(answer).toMatch(/\[1\]/);
  });

  it('the follow-up is understood per conversation: the same words from someone who asked nothing are not answered with it', async () => {
    const r = await say('那第二条呢？', { senderStaffId: 'staff-new' });
    expect(r.markdown).not.toContain('必须是靠单一部门难以完成的工作');
  });

  it('markdown answers ask for a typed 👍/👎, and the reply right after is stored as feedback on that answer', async () => {
    const user = 'staff-vote';
    const { store } = product.services;
    const ledgerBefore = await ledgerCounts(store);
    const question = await say('专班组建要坚持哪三条原则？', { senderStaffId: user });
    expect(question.markdown.trimEnd().endsWith(FEEDBACK_TEXTS.hint)).toBe(true);
    const feedbackId = product.seen.find((x) => x.msg.messageId === question.msg.msgId)?.result.reply?.feedbackId;
    expect(feedbackId).toBeTruthy();

    const vote = await say('👍', { senderStaffId: user });
    expect(vote.markdown).toContain(FEEDBACK_TEXTS.up);
    // DingTalk delivers the 👍 again: no second vote, no second reply.
    const again = push(vote.msg);
    await fake.waitFor(() => fake.ackedFrames(again).length === 1, 'redelivery acked');
    expect((await say('👍', { senderStaffId: user })).markdown).toContain(SMALLTALK_TEXTS.ack); // one vote per answer
    expect(postsFor(vote.session)).toHaveLength(1);
    const votes = (await store.listFeedback()).filter((f) => f.id.startsWith(`${feedbackId}:`));
    expect(votes).toEqual([
      expect.objectContaining({
        id: `${feedbackId}:${user}`,
        vote: 'up',
        teamId: TEAM,
        question: '专班组建要坚持哪三条原则？',
      }),
    ]);
    expect(votes[0]!.answer).toContain('必须是靠单一部门难以完成的工作');

    // 没用 after the next answer votes it down; nothing of this reached the ledger.
    const second = await say('技改贷款贴息有什么规定？', { senderStaffId: user });
    const secondId = product.seen.find((x) => x.msg.messageId === second.msg.msgId)?.result.reply?.feedbackId;
    expect((await say('没用', { senderStaffId: user })).markdown).toContain(FEEDBACK_TEXTS.down);
    expect((await store.listFeedback()).find((f) => f.id === `${secondId}:${user}`)?.vote).toBe('down');
    expect(await ledgerCounts(store)).toEqual(ledgerBefore);
  });

  it('a picture (real fixture, 1:1) gets the polite reply, without an @', async () => {
    const picture = JSON.parse(
      fs.readFileSync(new URL('../fixtures/platforms/dingtalk-1to1-picture.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const before = await ledgerCounts(product.services.store);
    const session = 'picture-1';
    push({
      ...picture,
      msgId: `pic-${Date.now()}`,
      sessionWebhook: fake.webhookUrl(session),
      sessionWebhookExpiredTime: Date.now() + 3_600_000,
    });
    await fake.waitFor(() => postsFor(session).length === 1, 'picture reply');
    const post = postsFor(session)[0]!;
    expect(post.body.markdown?.text).toBe(MESSAGES.unsupported('图片'));
    expect(post.body.at).toBeUndefined();
    expect(await ledgerCounts(product.services.store)).toEqual(before);
  });

  it('every frame pushed was acked exactly once per push', async () => {
    await fake.waitFor(() => fake.acks.length === pushes, `${pushes} acks`);
    expect(fake.acks.length).toBe(pushes);
  });
});
