/**
 * Slack payloads → IncomingMessage. Pure functions, validated with incomingMessageSchema.
 *   dedupKey: events → `slack:<api_app_id>:<event_id>` (a retried delivery has the same event_id);
 *             slash commands → `slack:<api_app_id>:cmd:<trigger_id>` (unique per invocation).
 *   teamId = `slack:<channel id>`; threadId = the thread's root ts for channel mentions, so a follow-up
 *   in the thread continues that conversation; DMs outside a thread continue per user.
 */
import { isAdminUser } from '../../config/admins.js';
import type { Config } from '../../config/schema.js';
import { incomingMessageSchema, type IncomingMessage } from '../../messaging/incoming.js';
import { boundText } from '../../messaging/normalise.js';
import { fromSlackText, stripLeadingMention } from './mrkdwn.js';

export type SlashKind = NonNullable<IncomingMessage['command']> | 'free';

/** The slash command names from config → what they mean. `/zct <text>` is free text; `/zct` or `/zct help` is help. */
export function slashCommands(config: Config): Map<string, SlashKind> {
  return new Map<string, SlashKind>([
    [config.SLACK_COMMAND_ASK, 'ask'],
    [config.SLACK_COMMAND_REPORT, 'report'],
    [config.SLACK_COMMAND_ISSUES, 'issues'],
    [config.SLACK_COMMAND_DIGEST, 'digest'],
    [config.SLACK_COMMAND_HELP, 'free'],
  ]);
}

const HELP_WORDS = /^(help|帮助|\?|？|h)$/i;

export function isAdmin(config: Config, userId: string): boolean {
  return isAdminUser(config.ZCT_ADMINS, 'slack', userId);
}

/** Slack ts ("1515449522.000016") → ms. */
export function tsToMs(ts: string | undefined, fallback: number): number {
  const n = ts ? Number.parseFloat(ts) : Number.NaN;
  const ms = Math.round(n * 1000);
  return Number.isSafeInteger(ms) && ms > 0 ? ms : fallback;
}

/** D… channels are direct messages; C… (public) and G… (private / group DM) are groups. */
export function isDirectChannel(channelId: string, channelType?: string): boolean {
  if (channelType) return channelType === 'im';
  return channelId.startsWith('D');
}

export interface SlashCommandPayload {
  command: string;
  text?: string;
  channel_id: string;
  channel_name?: string;
  user_id: string;
  user_name?: string;
  trigger_id: string;
  api_app_id?: string;
  team_id?: string;
}

export function fromSlashCommand(
  p: SlashCommandPayload,
  kind: SlashKind,
  opts: { config: Config; botUserId?: string; now: number },
): IncomingMessage {
  const { text: plain, mentions } = fromSlackText(p.text ?? '', opts.botUserId);
  const { text, oversized } = boundText(plain, opts.config.ZCT_MAX_TEXT);
  const command = kind === 'free' ? (!text || HELP_WORDS.test(text) ? 'help' : undefined) : kind;
  return incomingMessageSchema.parse({
    platform: 'slack',
    messageId: p.trigger_id,
    dedupKey: `slack:${p.api_app_id ?? 'app'}:cmd:${p.trigger_id}`,
    conversationId: p.channel_id,
    teamId: `slack:${p.channel_id}`,
    isGroup: !(p.channel_id.startsWith('D') || p.channel_name === 'directmessage'),
    conversationTitle: p.channel_name && p.channel_name !== 'directmessage' ? p.channel_name.slice(0, 512) : undefined,
    userId: p.user_id,
    userName: (p.user_name ?? '').slice(0, 256),
    isAdmin: isAdmin(opts.config, p.user_id),
    text: command === 'help' && kind === 'free' ? '' : text,
    oversized,
    mentions,
    command,
    receivedAt: opts.now,
  });
}

export interface SlackMessageEvent {
  type: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
}

export interface EventEnvelope {
  event_id?: string;
  api_app_id?: string;
}

/** Events we never answer: edits, joins, bot posts (including our own), messages without a user. */
export function shouldSkipEvent(e: SlackMessageEvent): boolean {
  return Boolean(e.subtype) || Boolean(e.bot_id) || !e.user;
}

/**
 * An app_mention (channel) or a DM (message.im) → IncomingMessage.
 * Mentions are answered in a thread: threadId = thread_ts ?? ts. DMs keep their thread if they are in one.
 */
export function fromMessageEvent(
  e: SlackMessageEvent,
  envelope: EventEnvelope,
  opts: { config: Config; botUserId?: string; now: number },
): IncomingMessage {
  const direct = e.type === 'message' && isDirectChannel(e.channel, e.channel_type);
  const raw = opts.botUserId ? (e.text ?? '') : stripLeadingMention(e.text ?? '');
  const { text: plain, mentions } = fromSlackText(raw, opts.botUserId);
  const { text, oversized } = boundText(plain, opts.config.ZCT_MAX_TEXT);
  const messageId = envelope.event_id ?? `${e.channel}:${e.ts}`;
  return incomingMessageSchema.parse({
    platform: 'slack',
    messageId,
    dedupKey: `slack:${envelope.api_app_id ?? 'app'}:${messageId}`,
    conversationId: e.channel,
    teamId: `slack:${e.channel}`,
    isGroup: !direct,
    userId: e.user,
    userName: '',
    isAdmin: isAdmin(opts.config, e.user ?? ''),
    text,
    oversized,
    mentions,
    threadId: direct ? e.thread_ts : (e.thread_ts ?? e.ts),
    receivedAt: tsToMs(e.ts, opts.now),
  });
}

/** Where to post the reply to a message event: mentions always in a thread, DMs in their thread if any. */
export function replyThreadTs(e: SlackMessageEvent): string | undefined {
  const direct = e.type === 'message' && isDirectChannel(e.channel, e.channel_type);
  return direct ? e.thread_ts : (e.thread_ts ?? e.ts);
}
