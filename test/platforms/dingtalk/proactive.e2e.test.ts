/** Proactive messages (digests): OpenAPI token cache and group sends, against the fake DingTalk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/messaging/reply.js';
import { DingTalkApi, DingTalkApiError } from '../../../src/platforms/dingtalk/index.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeDingTalk,
} from '../../helpers/fake-dingtalk.js';

let h: DingTalkHarness;
let fake: FakeDingTalk;
let clock = Date.now();

beforeAll(async () => {
  h = await startDingTalkHarness({
    sink: async () => ({ reply: null, duplicate: false }),
    adapter: { now: () => clock },
    // The split test sends an 800-item digest whole: lift the per-digest message cap (tested in test/hardening/bounds).
    env: { ZCT_MAX_DIGEST_MESSAGES: '100' },
  });
  fake = h.fake;
});

afterAll(async () => {
  await h?.stop();
});

const digest = (n: number): Reply => ({
  intent: 'digest',
  title: '每日简报',
  blocks: [
    { type: 'heading', text: '今日简报' },
    {
      type: 'list',
      items: Array.from({ length: n }, (_, i) => `第${i + 1}条：七一电器用地指标问题，已交办自然资源局。`),
      ordered: true,
    },
  ],
});

describe('DingTalk proactive messages', () => {
  it('sends markdown to a group with one cached token for several sends', async () => {
    await h.adapter.sendToConversation('cidDigest==', digest(3));
    await h.adapter.sendToConversation('cidDigest==', digest(4));
    await h.adapter.sendToConversation('cidOther==', digest(5));
    expect(fake.tokenCalls).toEqual([{ appKey: FAKE_CLIENT_ID, appSecret: FAKE_CLIENT_SECRET }]);
    expect(fake.apiSends).toHaveLength(3);
    const first = fake.apiSends[0]!;
    expect(first.path).toBe('/v1.0/robot/groupMessages/send');
    expect(first.token).toBe('fake-token-1');
    expect(first.body).toMatchObject({
      robotCode: 'dingfakeclientid',
      openConversationId: 'cidDigest==',
      msgKey: 'sampleMarkdown',
    });
    const param = JSON.parse(first.body.msgParam) as { title: string; text: string };
    expect(param.title).toBe('每日简报');
    expect(param.text).toBe(
      '#### 今日简报\n\n1. 第1条：七一电器用地指标问题，已交办自然资源局。\n2. 第2条：七一电器用地指标问题，已交办自然资源局。\n3. 第3条：七一电器用地指标问题，已交办自然资源局。',
    );
  });

  it('refreshes the token ~5 minutes before it expires', async () => {
    const calls = fake.tokenCalls.length;
    clock += 7200_000 - 6 * 60_000; // 6 min before expiry: still cached
    await h.adapter.sendToConversation('cidDigest==', digest(1));
    expect(fake.tokenCalls.length).toBe(calls);
    clock += 2 * 60_000; // 4 min before expiry: refresh
    await h.adapter.sendToConversation('cidDigest==', digest(1));
    expect(fake.tokenCalls.length).toBe(calls + 1);
    expect(fake.apiSends[fake.apiSends.length - 1]?.token).toBe(`fake-token-${calls + 1}`);
  });

  it('concurrent callers share one in-flight token refresh', async () => {
    const api = new DingTalkApi({
      apiBase: fake.url,
      appKey: FAKE_CLIENT_ID,
      appSecret: FAKE_CLIENT_SECRET,
      robotCode: 'r',
    });
    const calls = fake.tokenCalls.length;
    const tokens = await Promise.all(Array.from({ length: 8 }, () => api.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(fake.tokenCalls.length).toBe(calls + 1);
    expect(api.tokenRequests).toBe(1);
  });

  it('a revoked token (401) is replaced and the send retried once', async () => {
    fake.revokeTokens();
    const sends = fake.apiSends.length;
    const calls = fake.tokenCalls.length;
    await h.adapter.sendToConversation('cidDigest==', digest(1));
    expect(fake.apiSends.length).toBe(sends + 1);
    expect(fake.tokenCalls.length).toBe(calls + 1);
  });

  it('HTTP 400 {code, message} surfaces as a typed DingTalkApiError', async () => {
    fake.apiReplies.push({
      status: 400,
      body: { code: 'invalidParameter.openConversationId', message: '群不存在', requestid: 'req-1' },
    });
    const err = await h.adapter.sendToConversation('cidMissing==', digest(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DingTalkApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalidParameter.openConversationId', requestId: 'req-1' });
  });

  it('bad credentials surface as a typed error from the token call', async () => {
    const api = new DingTalkApi({ apiBase: fake.url, appKey: 'wrong', appSecret: 'wrong', robotCode: 'r' });
    await expect(api.sendGroupMarkdown('cid==', { title: 't', text: 'x' })).rejects.toMatchObject({
      name: 'DingTalkApiError',
      status: 400,
      code: 'invalidClientIdOrSecret',
    });
  });

  it('long digests are split below the 15,000-byte msgParam limit and sent in order', async () => {
    const sends = fake.apiSends.length;
    await h.adapter.sendToConversation('cidLong==', digest(800));
    const parts = fake.apiSends.slice(sends);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p.body.msgParam)).toBeLessThan(15_000);
    const numbers = parts.flatMap((p) =>
      [...(JSON.parse(p.body.msgParam) as { text: string }).text.matchAll(/第(\d+)条/g)].map((m) => Number(m[1])),
    );
    expect(numbers).toEqual(Array.from({ length: 800 }, (_, i) => i + 1));
  });
});
