/**
 * Finding 9 (admin ids): ZCT_ADMINS entries name their platform (dingtalk:<staffId>, slack:<userId>); the old bare
 * form still works everywhere but is reported; DingTalk never authorises by senderId.
 */
import { describe, expect, it } from 'vitest';
import { isAdminUser, legacyAdminEntries, parseConfig } from '../../src/config/index.js';
import { parseRobotMessage } from '../../src/platforms/dingtalk/index.js';
import { isAdmin as slackIsAdmin } from '../../src/platforms/slack/inbound.js';

const dingtalkMessage = (sender: { senderStaffId?: string; senderId?: string }) => ({
  msgId: `m-${Math.random()}`,
  conversationId: 'cid1',
  conversationType: '2',
  msgtype: 'text',
  text: { content: 'Q-0001 销号' },
  robotCode: 'robot',
  senderNick: '某人',
  ...sender,
});

describe('ZCT_ADMINS', () => {
  it('platform-qualified entries match only their platform', () => {
    const admins = ['dingtalk:boss', 'slack:U0LEAD'];
    expect(isAdminUser(admins, 'dingtalk', 'boss')).toBe(true);
    expect(isAdminUser(admins, 'slack', 'boss')).toBe(false);
    expect(isAdminUser(admins, 'slack', 'U0LEAD')).toBe(true);
    expect(isAdminUser(admins, 'dingtalk', 'U0LEAD')).toBe(false);
    expect(isAdminUser(admins, 'console', 'boss')).toBe(false);
    const config = parseConfig({ ZCT_ADMINS: 'dingtalk:U0LEAD' });
    expect(slackIsAdmin(config, 'U0LEAD')).toBe(false);
  });

  it('the old bare form still matches, and is listed for the start-up warning', () => {
    const admins = ['boss', 'slack:U0LEAD'];
    expect(isAdminUser(admins, 'dingtalk', 'boss')).toBe(true);
    expect(legacyAdminEntries(admins)).toEqual(['boss']);
  });

  it('DingTalk authorises by senderStaffId only, never by senderId', () => {
    const config = parseConfig({ ZCT_ADMINS: 'dingtalk:$:LWCP_v1:$boss,boss2' });
    const bySenderId = parseRobotMessage(dingtalkMessage({ senderId: '$:LWCP_v1:$boss' }), config);
    expect(bySenderId.ok && bySenderId.message.isAdmin).toBe(false);
    const bareBySenderId = parseRobotMessage(dingtalkMessage({ senderId: 'boss2' }), config);
    expect(bareBySenderId.ok && bareBySenderId.message.isAdmin).toBe(false);
    const byStaffId = parseRobotMessage(dingtalkMessage({ senderStaffId: 'boss2', senderId: 'whatever' }), config);
    expect(byStaffId.ok && byStaffId.message.isAdmin).toBe(true);
  });
});
