import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fromMessageEvent,
  fromSlashCommand,
  fromSlackText,
  replyThreadTs,
  slashCommands,
  toMrkdwn,
} from '../../../src/platforms/slack/index.js';
import {
  shouldSkipEvent,
  type SlackMessageEvent,
  type SlashCommandPayload,
} from '../../../src/platforms/slack/inbound.js';
import { testConfig } from '../../helpers/services.js';

const FIXTURES = new URL('../../fixtures/platforms', import.meta.url).pathname;
const fixture = <T>(name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}`, 'utf8')) as T;
const now = 1_700_000_000_000;

describe('Slack inbound normalisation', () => {
  const config = testConfig({ ZCT_ADMINS: 'U2147483697', ZCT_MAX_TEXT: '50' });

  it('maps configured slash command names, including custom ones', () => {
    const custom = slashCommands(testConfig({ SLACK_COMMAND_ASK: '/wen', SLACK_COMMAND_HELP: '/zct' }));
    expect(custom.get('/wen')).toBe('ask');
    expect(custom.get('/ask')).toBeUndefined();
    expect(custom.get('/zct')).toBe('free');
    expect(custom.get('/report')).toBe('report');
  });

  it('turns the published slash command fixture into an IncomingMessage', () => {
    const p = fixture<SlashCommandPayload>('slack-slash-command.json');
    const msg = fromSlashCommand({ ...p, command: '/issues' }, 'issues', { config, now });
    expect(msg).toMatchObject({
      platform: 'slack',
      messageId: p.trigger_id,
      dedupKey: `slack:A123456:cmd:${p.trigger_id}`,
      conversationId: 'C2147483705',
      teamId: 'slack:C2147483705',
      conversationTitle: 'test',
      isGroup: true,
      userId: 'U2147483697',
      userName: 'Steve',
      isAdmin: true,
      text: '94070',
      command: 'issues',
      receivedAt: now,
    });
  });

  it('/zct: empty or help → help; anything else → free text; DMs are not groups', () => {
    const p = fixture<SlashCommandPayload>('slack-slash-command.json');
    expect(fromSlashCommand({ ...p, text: '' }, 'free', { config, now }).command).toBe('help');
    expect(fromSlashCommand({ ...p, text: '帮助' }, 'free', { config, now })).toMatchObject({
      command: 'help',
      text: '',
    });
    expect(fromSlashCommand({ ...p, text: '今天走访了华康' }, 'free', { config, now })).toMatchObject({
      command: undefined,
      text: '今天走访了华康',
    });
    expect(
      fromSlashCommand({ ...p, channel_id: 'D0123', channel_name: 'directmessage' }, 'ask', { config, now }).isGroup,
    ).toBe(false);
  });

  it('flags oversized text and bounds it', () => {
    const p = fixture<SlashCommandPayload>('slack-slash-command.json');
    const msg = fromSlashCommand({ ...p, text: '长'.repeat(80) }, 'report', { config, now });
    expect(msg.oversized).toBe(true);
    expect(msg.text).toHaveLength(50);
  });

  it('turns the app_mention fixture into a threaded message with the bot mention removed', () => {
    const body = fixture<{ event: SlackMessageEvent; event_id: string; api_app_id: string }>('slack-app-mention.json');
    const msg = fromMessageEvent(body.event, body, { config, botUserId: 'U0LAN0Z89', now });
    expect(msg).toMatchObject({
      messageId: 'Ev123ABC456',
      dedupKey: 'slack:A123ABC456:Ev123ABC456',
      conversationId: 'C123ABC456',
      teamId: 'slack:C123ABC456',
      isGroup: true,
      userId: 'U061F7AUR',
      isAdmin: false,
      text: 'is it everything a river should be?',
      threadId: '1515449522.000016',
      receivedAt: 1515449522000,
    });
    expect(replyThreadTs(body.event)).toBe('1515449522.000016');
    expect(replyThreadTs({ ...body.event, thread_ts: '1515449000.000001' })).toBe('1515449000.000001');
    // Without the bot's id (auth.test skipped) a leading mention is still stripped.
    expect(fromMessageEvent(body.event, body, { config, now }).text).toBe('is it everything a river should be?');
  });

  it('turns the message.im fixture into a DM without a thread', () => {
    const body = fixture<{ event: SlackMessageEvent; event_id: string; api_app_id: string }>('slack-message-im.json');
    const msg = fromMessageEvent(body.event, body, { config, now });
    expect(msg).toMatchObject({
      isGroup: false,
      conversationId: 'D024BE91L',
      text: 'Hello hello can you hear me?',
      threadId: undefined,
    });
    expect(replyThreadTs(body.event)).toBeUndefined();
    expect(replyThreadTs({ ...body.event, thread_ts: '1355517000.000001' })).toBe('1355517000.000001');
  });

  it('skips edits, bot posts and user-less events', () => {
    const e: SlackMessageEvent = {
      type: 'message',
      channel: 'D1',
      user: 'U1',
      text: 'x',
      ts: '1.1',
      channel_type: 'im',
    };
    expect(shouldSkipEvent(e)).toBe(false);
    expect(shouldSkipEvent({ ...e, subtype: 'message_changed' })).toBe(true);
    expect(shouldSkipEvent({ ...e, bot_id: 'B1' })).toBe(true);
    expect(shouldSkipEvent({ ...e, user: undefined })).toBe(true);
  });
});

describe('Slack text conversion', () => {
  it('reads Slack tokens and entities back as plain text', () => {
    expect(
      fromSlackText(
        '<@UBOT> 看 <#C1|lianqi> 和 <https://a.gov.cn|文件> &amp; &lt;b&gt; <!here> <mailto:a@b.cn|a@b.cn>',
        'UBOT',
      ),
    ).toEqual({
      text: '看 #lianqi 和 文件 & <b> @here a@b.cn',
      mentions: [],
    });
    expect(fromSlackText('<@U1> <@U2|李四> <@U1>').mentions).toEqual(['U1', 'U2']);
  });

  it('round-trips plain text through toMrkdwn and fromSlackText', () => {
    const s = 'R&D 投入 < 5% 且 > 3%';
    expect(fromSlackText(toMrkdwn(s)).text).toBe(s);
  });
});
