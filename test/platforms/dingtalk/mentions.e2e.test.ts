/**
 * Reminders @ the responsible members: teamReminders names the reporters of overdue issues, renderReminder
 * turns them into Reply.mentions, and the DingTalk adapter @-mentions them by user id — as an AI card whose
 * atUserIds notify them when cards are on, else as `@<userId>` in the group markdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayWindow, loadDigestInput, prepareDigest, renderReminder, teamReminders } from '../../../src/digest/index.js';
import type { Reply } from '../../../src/messaging/reply.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { startDingTalkHarness, type DingTalkHarness } from '../../helpers/fake-dingtalk.js';
import { seedLedger, sh, T1, T3, TZ } from '../../digest/fixtures.js';
import { createEchoBot } from './echo-bot.js';

describe('who a reminder is for', () => {
  it('overdue issues name their reporters; an idle-only reminder names nobody', async () => {
    const store = new MemoryStore();
    await seedLedger(store);
    const data = await loadDigestInput(store, {
      window: dayWindow('2024-03-18', TZ, sh('2024-03-18', '09:30')),
      timeZone: TZ,
    });
    // T3 bound to an enterprise it never reported on: an idle-only reminder.
    const teams = data.teams.map((t) => (t.id === T3.id ? { ...t, enterprises: ['海纳半导体'] } : t));
    const ix = prepareDigest({ ...data, teams });
    const reminders = teamReminders(ix, 7);
    const t1 = reminders.find((r) => r.teamId === T1.id)!;
    const t3 = reminders.find((r) => r.teamId === T3.id)!;
    expect(t1.responsible).toEqual(['u1']);
    expect(renderReminder(t1)?.mentions).toEqual(['u1']);
    expect(t3.responsible).toBeUndefined();
    expect(renderReminder(t3)?.mentions).toBeUndefined();
  });
});

const REMINDER: Reply = {
  intent: 'digest',
  title: '城东一组 提醒',
  blocks: [{ type: 'paragraph', text: '以下 1 个问题已超过办理期限，请联系承办部门跟进：' }],
  mentions: ['staff-a', 'staff-b', 'staff-a'],
};

describe.each([
  ['cards on', { DINGTALK_AI_CARD: '1' }],
  ['cards off', {}],
] as const)('DingTalk proactive message with mentions (%s)', (mode, env) => {
  let h: DingTalkHarness;
  beforeAll(async () => {
    h = await startDingTalkHarness({
      env,
      makeSink: (config) =>
        (
          (bot) => (m) =>
            bot.bot.handle(m)
        )(createEchoBot(new MemoryStore(), config)),
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('@-mentions each responsible member once', async () => {
    await h.adapter.sendToConversation('cidTeam1==', REMINDER);
    if (mode === 'cards on') {
      const card = [...h.fake.cards.values()].at(-1)!;
      expect(card.openSpaceId).toBe('dtv1.card//IM_GROUP.cidTeam1==');
      expect(card.created.imGroupOpenDeliverModel).toMatchObject({
        atUserIds: { 'staff-a': 'staff-a', 'staff-b': 'staff-b' },
      });
      expect(card.params.flowStatus).toBe('3');
      expect(card.params.msgContent).toMatch(/^@staff-a @staff-b\n/);
      expect(card.params.msgContent).toContain('已超过办理期限');
      expect(h.fake.apiSends).toHaveLength(0);
    } else {
      expect(h.fake.cards.size).toBe(0);
      const sent = h.fake.apiSends.at(-1)!;
      expect(sent.body.openConversationId).toBe('cidTeam1==');
      const md = (JSON.parse(sent.body.msgParam) as { text: string }).text;
      expect(md).toMatch(/^@staff-a @staff-b\n/);
      expect(md).toContain('已超过办理期限');
    }
  });

  it('a reminder card that cannot be delivered falls back to the group markdown', async () => {
    if (mode !== 'cards on') return;
    h.fake.cardFault = () => ({ status: 500, body: { code: 'InternalError', message: 'busy' } });
    const before = h.fake.apiSends.length;
    await h.adapter.sendToConversation('cidTeam1==', REMINDER);
    h.fake.cardFault = null;
    expect(h.fake.apiSends.length).toBe(before + 1);
    expect((JSON.parse(h.fake.apiSends.at(-1)!.body.msgParam) as { text: string }).text).toMatch(
      /^@staff-a @staff-b\n/,
    );
  });
});
