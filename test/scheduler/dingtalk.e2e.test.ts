/**
 * Production wiring end to end: createDigestScheduler(services, adapters) with the REAL DingTalk adapter against the
 * local fake DingTalk (HTTP/WebSocket on 127.0.0.1) and a real Redis. Digests arrive as OpenAPI group messages,
 * each within the 15,000-byte msgParam limit; a target whose platform has no adapter (Slack here) is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServices } from '../helpers/services.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { startDingTalkHarness, type DingTalkHarness } from '../helpers/fake-dingtalk.js';
import { RedisStore } from '../../src/store/redis/store.js';
import { createDigestScheduler } from '../../src/scheduler/index.js';
import { ADMIN, seedCommits, sh, T1, T2, TEAMS } from '../digest/fixtures.js';

let redis: RedisHandle;
let h: DingTalkHarness;
let store: RedisStore;
beforeAll(async () => {
  redis = await startRedis();
  h = await startDingTalkHarness({
    sink: async () => ({ reply: null, duplicate: false }),
    env: { ZCT_ADMIN_GROUPS: 'dingtalk:cboss' },
  });
  store = new RedisStore({ url: redis.url, prefix: `sched-e2e-${process.pid}` });
  await store.connect({ timeoutMs: 5000 });
  for (const t of TEAMS) await store.upsertTeam(t);
  for (const c of seedCommits()) if (c.at <= sh('2024-03-18', '08:00')) await store.commitLedger(c);
  // 300 more liaison teams, so the leadership digest is big.
  for (let i = 0; i < 300; i++) {
    await store.upsertTeam({
      id: `dingtalk:x${i}`,
      platform: 'dingtalk',
      conversationId: `x${i}`,
      name: `第${i + 1}联企小组（高新区）`,
      enterprises: [`企业${i}`],
      isAdminGroup: false,
      createdAt: T1.createdAt,
    });
  }
});
afterAll(async () => {
  await store?.close();
  await h?.stop();
  await redis?.stop();
});

describe('scheduler → DingTalk adapter → fake DingTalk', () => {
  it('sends every DingTalk digest once as group markdown within 15 KB; Slack targets are skipped without an adapter', async () => {
    const services = makeServices({ store, config: h.config });
    const scheduler = createDigestScheduler(services, [h.adapter]);
    const report = await scheduler.runDue(new Date(sh('2024-03-18', '08:30')));
    expect(report.failed).toEqual([]);
    // 2 seeded DingTalk teams + 300 + the admin team + ZCT_ADMIN_GROUPS 'dingtalk:cboss'; the Slack team is not a target.
    expect(report.sent).toHaveLength(2 + 300 + 2);
    expect(report.sent.some((k) => k.includes('slack:'))).toBe(false);

    const sends = h.fake.apiSends.filter((s) => s.path === '/v1.0/robot/groupMessages/send');
    for (const s of sends) {
      expect(s.body.msgKey).toBe('sampleMarkdown');
      expect(Buffer.byteLength(s.body.msgParam, 'utf8')).toBeLessThanOrEqual(15_000);
    }
    const to = (cid: string) =>
      sends
        .filter((s) => s.body.openConversationId === cid)
        .map((s) => JSON.parse(s.body.msgParam) as { title: string; text: string });
    expect(to(T1.conversationId)).toHaveLength(1);
    expect(to(T1.conversationId)[0]!.title).toBe('城东一组 工作简报');
    expect(to(T1.conversationId)[0]!.text).toContain('3月10日（逾期8天）');
    expect(to(T2.conversationId)[0]!.text).toContain('一月一走访');
    const boss = to('cboss');
    expect(boss.length).toBeGreaterThanOrEqual(1);
    expect(boss.length).toBeLessThanOrEqual(4);
    expect(boss[0]!.title.startsWith('组团联企工作简报')).toBe(true);
    // (302 liaison teams, the worst 100 shown; T3, bound to no enterprise, is none)
    expect(boss.map((p) => p.text).join('\n')).toContain('其余 202 个小组');
    expect(to(ADMIN.conversationId).length).toBe(boss.length);

    // Another tick the same morning sends nothing.
    const before = h.fake.apiSends.length;
    await scheduler.runDue(new Date(sh('2024-03-18', '08:31')));
    expect(h.fake.apiSends.length).toBe(before);
  });
});
