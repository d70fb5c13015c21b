/**
 * A platform adapter: the only code that knows a platform's wire format.
 * It turns payloads into IncomingMessage (validated with incomingMessageSchema), hands them to the bot,
 * and renders the platform-neutral Reply it gets back.
 */
import type { IncomingMessage, Platform } from '../messaging/incoming.js';
import type { Reply } from '../messaging/reply.js';
import type { HandleResult } from '../app/bot.js';

/** What an adapter calls for each message (Bot.handle in production). */
export type MessageSink = (msg: IncomingMessage) => Promise<HandleResult>;

export interface PlatformAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  /** Stop taking new messages, wait for in-flight ones (up to deadlineMs), close connections. */
  stop(deadlineMs?: number): Promise<void>;
  /** For /healthz and the zct_connection_up gauge. */
  isConnected(): boolean;
  /** Proactive message to a conversation (digests, reminders). */
  sendToConversation(conversationId: string, reply: Reply): Promise<void>;
}
