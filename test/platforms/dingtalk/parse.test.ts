import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { parseRobotMessage, type ParseResult } from '../../../src/platforms/dingtalk/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const localDir = path.join(root, 'test/fixtures/platforms');
/** The shared originals (../shared relative to the project root); optional. */
const sharedDir = path.resolve(root, '../shared/fixtures/platforms');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(localDir, name), 'utf8')) as Record<string, unknown>;
}

const config = parseConfig({
  ZCT_ADMINS: '042***297,user123',
  DINGTALK_ROBOT_CODE: 'dingconfigrobot',
  ZCT_MAX_TEXT: '50',
});

function ok(r: ParseResult) {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}

/** Robot-message fixtures: everything except stream frames/acks, send requests and token/gateway calls. */
const ROBOT_MESSAGE_FIXTURES = [
  'dingtalk-1to1-text.json',
  'dingtalk-1to1-richtext.json',
  'dingtalk-1to1-audio.json',
  'dingtalk-1to1-picture.json',
  'dingtalk-1to1-file.json',
  'dingtalk-1to1-video.json',
  'dingtalk-1to1-unknown-msgtype.json',
  'dingtalk-group-text.json',
  'dingtalk-stream-group-text-data.json',
];

describe('parseRobotMessage — published fixtures', () => {
  it('1:1 text: ids, dedupKey with robotCode, admin from ZCT_ADMINS only, createAt', () => {
    const r = ok(parseRobotMessage(fixture('dingtalk-1to1-text.json'), config));
    expect(r.message).toMatchObject({
      platform: 'dingtalk',
      messageId: 'msgY****Pw==',
      dedupKey: 'ding****c6gk:msgY****Pw==',
      conversationId: 'cide****4g=',
      teamId: 'dingtalk:cide****4g=',
      isGroup: false,
      userId: '042***297',
      userName: '张三',
      isAdmin: true,
      text: 'hello DingTalk!',
      oversized: false,
      mentions: [],
      receivedAt: 1695283635765,
    });
    expect(r.message.unsupported).toBeUndefined();
    expect(r.message.conversationTitle).toBeUndefined();
    expect(r.target).toEqual({
      conversationId: 'cide****4g=',
      isGroup: false,
      staffId: '042***297',
      sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=79b48****4d4b',
      sessionWebhookExpiredTime: 1695289035996,
      robotCode: 'ding****c6gk',
    });
  });

  it("DingTalk's own isAdmin flag is not trusted", () => {
    const notAdmin = parseConfig({ ZCT_ADMINS: 'someone-else' });
    const r = ok(parseRobotMessage(fixture('dingtalk-1to1-text.json'), notAdmin));
    expect(r.message.isAdmin).toBe(false);
  });

  it('group text: leading space trimmed, title, group flag, mentions without the bot, robotCode fallback from config', () => {
    const r = ok(parseRobotMessage(fixture('dingtalk-group-text.json'), config));
    expect(r.message.text).toBe('你好');
    expect(r.message.isGroup).toBe(true);
    expect(r.message.conversationTitle).toBe('机器人测试-TEST');
    expect(r.message.userId).toBe('user123');
    expect(r.message.isAdmin).toBe(true);
    expect(r.message.mentions).toEqual(['xxx']);
    // this published sample has no robotCode: the configured one keeps the key per-robot
    expect(r.message.dedupKey).toBe('dingconfigrobot:msg0xxxxx');
    expect(r.target.isGroup).toBe(true);
    expect(r.target.staffId).toBe('user123');
  });

  it('stream group text (published sample lacks createAt): falls back to the frame time', () => {
    const r = ok(
      parseRobotMessage(fixture('dingtalk-stream-group-text-data.json'), config, { fallbackTime: 1690362102194 }),
    );
    expect(r.message.text).toBe('测试数据');
    expect(r.message.receivedAt).toBe(1690362102194);
    expect(r.message.dedupKey).toBe('ding*****r3xc0b:msgLICYe****HgY4JtMQw==');
    expect(r.message.conversationTitle).toBe('测试群');
    expect(r.message.mentions).toEqual(['$:LWCP_v1:$4*****TgHFUDZ8Qi8qr3']);
  });

  it('stream CALLBACK frame: data is a JSON string, parsed a second time', () => {
    const frame = fixture('dingtalk-stream-frame-robot-callback.json') as { data: string; headers: { time: string } };
    const r = ok(parseRobotMessage(frame.data, config, { fallbackTime: Number(frame.headers.time) }));
    expect(r.message.text).toBe('测试数据');
    expect(r.message.receivedAt).toBe(1690362102194);
  });

  it('richText: text parts joined, pictures dropped', () => {
    const r = ok(parseRobotMessage(fixture('dingtalk-1to1-richtext.json'), config));
    expect(r.message.text).toBe('这个问题示例图如下：\n通过以上示意图可以明白完整的交互流程');
    expect(r.message.unsupported).toBeUndefined();
  });

  it('audio: the speech recognition is the text', () => {
    const r = ok(parseRobotMessage(fixture('dingtalk-1to1-audio.json'), config));
    expect(r.message.text).toBe('钉钉PaaS开放中心，致力为企业……');
    expect(r.message.unsupported).toBeUndefined();
  });

  it.each([
    ['dingtalk-1to1-picture.json', 'picture'],
    ['dingtalk-1to1-file.json', 'file'],
    ['dingtalk-1to1-video.json', 'video'],
    ['dingtalk-1to1-unknown-msgtype.json', 'unknown'],
  ])('%s → unsupported %s', (name, kind) => {
    const r = ok(parseRobotMessage(fixture(name), config));
    expect(r.message.unsupported).toBe(kind);
    expect(r.message.text).toBe('');
  });

  it('every local robot-message fixture parses', () => {
    for (const name of ROBOT_MESSAGE_FIXTURES) expect(parseRobotMessage(fixture(name), config).ok, name).toBe(true);
  });

  it.skipIf(!fs.existsSync(sharedDir))('every shared robot-message fixture parses and matches the local copy', () => {
    for (const name of ROBOT_MESSAGE_FIXTURES) {
      const shared = JSON.parse(fs.readFileSync(path.join(sharedDir, name), 'utf8')) as unknown;
      expect(shared, name).toEqual(fixture(name));
      expect(parseRobotMessage(shared, config).ok, name).toBe(true);
    }
  });
});

describe('parseRobotMessage — edge cases', () => {
  const base = () => fixture('dingtalk-1to1-text.json');

  it('richText with only pictures is an unsupported picture', () => {
    const m = {
      ...fixture('dingtalk-1to1-richtext.json'),
      content: { richText: [{ type: 'picture', downloadCode: 'x' }] },
    };
    const r = ok(parseRobotMessage(m, config));
    expect(r.message.unsupported).toBe('picture');
  });

  it('audio without recognition is unsupported', () => {
    const m = { ...fixture('dingtalk-1to1-audio.json'), content: { downloadCode: 'x' } };
    expect(ok(parseRobotMessage(m, config)).message.unsupported).toBe('unknown');
  });

  it('falls back to senderId when there is no senderStaffId (and does not @ it)', () => {
    const m = base();
    delete m.senderStaffId;
    const r = ok(parseRobotMessage(m, config));
    expect(r.message.userId).toBe('$:LWC****PA==');
    expect(r.target.staffId).toBeUndefined();
  });

  it('oversized text is cut and flagged; control characters removed', () => {
    const r = ok(parseRobotMessage({ ...base(), text: { content: `a\u0000b\u202E${'长'.repeat(80)}` } }, config));
    expect(r.message.oversized).toBe(true);
    expect(r.message.text).toHaveLength(50);
    expect(r.message.text.startsWith('ab长')).toBe(true);
  });

  it('two robots in one message get different dedup keys', () => {
    const a = ok(parseRobotMessage({ ...base(), robotCode: 'robotA' }, config));
    const b = ok(parseRobotMessage({ ...base(), robotCode: 'robotB' }, config));
    expect(a.message.messageId).toBe(b.message.messageId);
    expect(a.message.dedupKey).not.toBe(b.message.dedupKey);
  });

  it('numeric conversationType and createAt strings are accepted', () => {
    const r = ok(
      parseRobotMessage(
        { ...fixture('dingtalk-group-text.json'), conversationType: 2, createAt: '1613630252678' },
        config,
      ),
    );
    expect(r.message.isGroup).toBe(true);
    expect(r.message.receivedAt).toBe(1613630252678);
  });

  it('bad JSON → not ok, nowhere to answer', () => {
    expect(parseRobotMessage('{"msgId": ', config)).toEqual({
      ok: false,
      error: 'data is not valid JSON',
      target: null,
    });
    expect(parseRobotMessage('[1,2]', config).ok).toBe(false);
    expect(parseRobotMessage(null, config).ok).toBe(false);
  });

  it('missing fields → not ok, but the sessionWebhook is kept to answer politely', () => {
    const m = base();
    delete m.msgId;
    const r = parseRobotMessage(m, config);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('msgId');
    expect(r.target?.sessionWebhook).toBe(m.sessionWebhook);
    expect(r.target?.isGroup).toBe(false);
  });

  it('text message without a text body → not ok', () => {
    const m = base();
    delete m.text;
    const r = parseRobotMessage(m, config);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('text');
  });

  it('a msgId beyond the schema limit → not ok', () => {
    expect(parseRobotMessage({ ...base(), msgId: 'x'.repeat(600) }, config).ok).toBe(false);
  });

  it('a non-http sessionWebhook is not used', () => {
    const r = ok(parseRobotMessage({ ...base(), sessionWebhook: 'file:///etc/passwd' }, config));
    expect(r.target.sessionWebhook).toBeUndefined();
  });
});
