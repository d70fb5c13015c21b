/** sessionWebhook posting: success and each typed failure, against the fake DingTalk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DingTalkWebhookError, markdownBody, postSessionWebhook } from '../../../src/platforms/dingtalk/index.js';
import { startFakeDingTalk, type FakeDingTalk } from '../../helpers/fake-dingtalk.js';

let fake: FakeDingTalk;
beforeAll(async () => {
  fake = await startFakeDingTalk();
});
afterAll(async () => {
  await fake?.close();
});

const body = markdownBody({ title: '标题', text: '@u1\n\n正文' }, 'u1');

describe('postSessionWebhook', () => {
  it('posts the markdown body with the @ spec', async () => {
    await postSessionWebhook(fake.webhookUrl('ok'), body, 1_000);
    expect(fake.webhookPosts.at(-1)).toMatchObject({
      session: 'ok',
      body: {
        msgtype: 'markdown',
        markdown: { title: '标题', text: '@u1\n\n正文' },
        at: { atUserIds: ['u1'], atMobiles: [], isAtAll: false },
      },
    });
    expect(markdownBody({ title: 't', text: 'x' }).at).toBeUndefined();
  });

  // Answers that arrive get a generous deadline; the late one is far later than its short deadline, so a busy
  // machine cannot turn one kind of failure into another.
  it.each([
    [{ status: 200, body: { errcode: 300001, errmsg: 'session expired' } }, 'errcode', 10_000],
    [{ status: 502, body: { error: 'bad gateway' } }, 'http', 10_000],
    [{ status: 200, body: { errcode: 0 }, delayMs: 3_000 }, 'timeout', 300],
  ] as const)('fails with a typed error (%#)', async (reply, kind, timeoutMs) => {
    fake.webhookReplies.push({ ...reply });
    const err = await postSessionWebhook(fake.webhookUrl('bad'), body, timeoutMs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DingTalkWebhookError);
    expect((err as DingTalkWebhookError).kind).toBe(kind);
  });

  it('an unreachable webhook is a network error', async () => {
    const err = await postSessionWebhook('http://127.0.0.1:1/robot/sendBySession?session=x', body, 1_000).catch(
      (e: unknown) => e,
    );
    expect((err as DingTalkWebhookError).kind).toBe('network');
  });
});
