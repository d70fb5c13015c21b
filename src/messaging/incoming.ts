/**
 * The normalised incoming message: what every platform adapter produces and every handler consumes.
 * Handlers never see a platform payload.
 */
import { z } from 'zod';
import { wellFormed } from './normalise.js';

export const PLATFORMS = ['dingtalk', 'slack', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const incomingMessageSchema = z.object({
  platform: z.enum(PLATFORMS),
  /** Platform message id (DingTalk msgId, Slack event_id / ts, console counter). */
  messageId: z.string().min(1).max(512),
  /**
   * Key used for exactly-once handling. DingTalk: `${robotCode}:${msgId}`; Slack: event_id or command trigger.
   * Two robots @-ed in one message must not collide, so the bot identity is part of it.
   */
  dedupKey: z.string().min(1).max(600),
  /** Platform conversation id (DingTalk cid…, Slack channel id, console group name). */
  conversationId: z.string().min(1).max(512),
  /** `${platform}:${conversationId}` — the team key in the ledger. */
  teamId: z.string().min(1).max(600),
  isGroup: z.boolean(),
  conversationTitle: z.string().max(512).transform(wellFormed).optional(),
  userId: z.string().min(1).max(512),
  userName: z.string().max(256).transform(wellFormed).default(''),
  /** Admin per ZCT_ADMINS (user ids) — platform admin flags are not trusted for 销号. */
  isAdmin: z.boolean().default(false),
  /** Made well-formed UTF-16 here, whatever the adapter did (lone surrogates break JSON for Redis' Lua). */
  text: z.string().transform(wellFormed),
  /** True when the text was cut because it exceeded ZCT_MAX_TEXT. */
  oversized: z.boolean().default(false),
  /** Non-text content the bot cannot read (picture, file, video, unknown). */
  unsupported: z.enum(['picture', 'file', 'video', 'unknown']).optional(),
  mentions: z.array(z.string()).default([]),
  /** Thread the reply belongs in (Slack thread_ts); conversations continue per thread. */
  threadId: z.string().optional(),
  /** Explicit intent from a slash command (/ask, /report …); free text leaves it undefined. */
  command: z.enum(['ask', 'report', 'issues', 'digest', 'help']).optional(),
  /** Message time (ms since epoch). */
  receivedAt: z.number().int().nonnegative(),
});

export type IncomingMessage = z.infer<typeof incomingMessageSchema>;
export type IncomingMessageInput = z.input<typeof incomingMessageSchema>;

/** Session key for a conversation: per thread where the platform has threads. */
export function conversationKey(msg: Pick<IncomingMessage, 'teamId' | 'threadId' | 'userId'>): string {
  return msg.threadId ? `${msg.teamId}:t:${msg.threadId}` : `${msg.teamId}:u:${msg.userId}`;
}
