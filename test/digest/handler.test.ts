/** "简报" in chat: the team's digest in its group, the leadership digest in an admin group, guidance elsewhere. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_TEXTS, handleDigest } from '../../handlers/digest.js';
import { renderText } from '../../src/messaging/render-text.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Services } from '../../src/app/services.js';
import { makeServices, message, testConfig } from '../helpers/services.js';
import { ADMIN, seedLedger, sh, T1 } from './fixtures.js';

let services: Services;
beforeAll(async () => {
  const store = new MemoryStore();
  await seedLedger(store);
  services = makeServices({
    store,
    clock: () => new Date(sh('2024-03-18', '11:00')),
    config: testConfig({ ZCT_ADMIN_GROUPS: 'C_LEADERS' }),
  });
});

const inGroup = (teamId: string, conversationId: string, over = {}) =>
  message('简报', { platform: 'dingtalk', teamId, conversationId, dedupKey: `k-${Math.random()}`, ...over });

describe('handleDigest', () => {
  it('a liaison group gets its own digest, live: from Friday to now (Monday 11:00)', async () => {
    const r = await handleDigest(inGroup(T1.id, T1.conversationId), services);
    expect(r.intent).toBe('digest');
    expect(r.title).toBe('城东一组 工作简报');
    const text = renderText(r);
    expect(text).toContain('统计时段：3月15日（周五）至3月18日（周一）；数据截至3月18日 11:00');
    expect(text).toContain('Q-0002'); // resolved this morning: listed under 办结问题
    expect(text).toContain('【办结问题】');
    expect(text).not.toContain('组团联企工作简报');
  });

  it('an admin group (team flag or ZCT_ADMIN_GROUPS) gets the leadership digest', async () => {
    const a = await handleDigest(inGroup(ADMIN.id, ADMIN.conversationId), services);
    expect(a.title).toBe('组团联企工作简报');
    expect(renderText(a)).toContain('城东一组');
    const b = await handleDigest(inGroup('slack:C_LEADERS', 'C_LEADERS', { platform: 'slack' }), services);
    expect(b.title).toBe('组团联企工作简报');
  });

  it('an unregistered group is told how to register; a direct chat is pointed to the group', async () => {
    const r = await handleDigest(inGroup('dingtalk:unknown', 'unknown'), services);
    expect(renderText(r)).toBe(DIGEST_TEXTS.unregistered);
    const dm = await handleDigest(inGroup('dingtalk:u1', 'u1', { isGroup: false }), services);
    expect(renderText(dm)).toBe(DIGEST_TEXTS.direct);
    const adminDm = await handleDigest(inGroup('dingtalk:u2', 'u2', { isGroup: false, isAdmin: true }), services);
    expect(adminDm.title).toBe('组团联企工作简报');
  });
});
