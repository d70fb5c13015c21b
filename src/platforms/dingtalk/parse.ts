/**
 * Robot message (stream CALLBACK `data`) → IncomingMessage. Pure: no I/O, the clock is a parameter.
 *
 *  - text: `text.content`, trimmed (groups prefix it with the space left by the removed @bot)
 *  - richText: the text parts joined; only pictures → unsupported 'picture'
 *  - audio: DingTalk's speech-to-text `content.recognition`
 *  - picture / file / video → unsupported; anything else (unknownMsgType …) → unsupported 'unknown'
 *  - userId = senderStaffId (org user id), else senderId; isAdmin from ZCT_ADMINS only, and only by senderStaffId
 *    (dingtalk:<staffId> entries; senderId is never used to authorise)
 *  - dedupKey = `${robotCode}:${msgId}` so two robots @-ed in one message do not collide
 */
import { isAdminUser } from '../../config/admins.js';
import type { z } from 'zod';
import type { Config } from '../../config/schema.js';
import { incomingMessageSchema, type IncomingMessage } from '../../messaging/incoming.js';
import { boundText, cleanText } from '../../messaging/normalise.js';
import {
  audioBodySchema,
  fileBodySchema,
  replyHintSchema,
  richTextBodySchema,
  robotMessageBaseSchema,
  textBodySchema,
  type RobotMessageBase,
} from './schema.js';

export type DingTalkParseConfig = Pick<
  Config,
  'ZCT_ADMINS' | 'ZCT_MAX_TEXT' | 'DINGTALK_ROBOT_CODE' | 'DINGTALK_CLIENT_ID'
>;

/** Where and how to answer a message. */
export interface ReplyTarget {
  /** cid… (also the openConversationId of the proactive API); absent only for malformed messages. */
  conversationId?: string;
  isGroup: boolean;
  /** Sender's staffId: @-mentioned in group replies, addressed by the 1:1 proactive fallback. */
  staffId?: string;
  sessionWebhook?: string;
  /** ms since epoch; after this the webhook no longer works. */
  sessionWebhookExpiredTime?: number;
  robotCode?: string;
}

export type ParseResult =
  /** `file`: a file message the robot may download (msgtype file with a downloadCode). */
  | { ok: true; message: IncomingMessage; target: ReplyTarget; file?: { downloadCode: string; fileName: string } }
  /** Not a usable robot message. `target` is set when the payload still says where to answer. */
  | { ok: false; error: string; target: ReplyTarget | null };

export interface ParseOptions {
  /** Used when the message has no createAt (e.g. the frame's `headers.time`), else `now`. */
  fallbackTime?: number;
  now?: () => number;
}

const UNSUPPORTED: Record<string, IncomingMessage['unsupported']> = {
  picture: 'picture',
  file: 'file',
  video: 'video',
};

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Best effort: where to answer a payload that failed validation. */
function replyHint(data: unknown): ReplyTarget | null {
  const hint = replyHintSchema.safeParse(data);
  if (!hint.success) return null;
  const d = data as Record<string, unknown>;
  return {
    conversationId: typeof d.conversationId === 'string' && d.conversationId ? d.conversationId : undefined,
    isGroup: hint.data.conversationType === '2',
    staffId: hint.data.senderStaffId || undefined,
    sessionWebhook: hint.data.sessionWebhook,
    sessionWebhookExpiredTime: hint.data.sessionWebhookExpiredTime,
    robotCode: typeof d.robotCode === 'string' && d.robotCode ? d.robotCode : undefined,
  };
}

interface Body {
  text: string;
  unsupported?: IncomingMessage['unsupported'];
}

function body(base: RobotMessageBase, data: unknown): Body | string {
  switch (base.msgtype) {
    case 'text': {
      const t = textBodySchema.safeParse(data);
      return t.success ? { text: t.data.text.content } : `text body: ${describe(t.error)}`;
    }
    case 'richText': {
      const r = richTextBodySchema.safeParse(data);
      if (!r.success) return `richText body: ${describe(r.error)}`;
      const parts = r.data.content.richText.map((p) => p.text).filter((t): t is string => typeof t === 'string');
      const text = parts.join('\n');
      if (cleanText(text)) return { text };
      // Only pictures (or empty parts): nothing the bot can read.
      return {
        text: '',
        unsupported: r.data.content.richText.some((p) => p.type === 'picture') ? 'picture' : 'unknown',
      };
    }
    case 'audio': {
      const a = audioBodySchema.safeParse(data);
      if (!a.success) return `audio body: ${describe(a.error)}`;
      const text = a.data.content.recognition ?? '';
      return cleanText(text) ? { text } : { text: '', unsupported: 'unknown' };
    }
    default:
      return { text: '', unsupported: UNSUPPORTED[base.msgtype] ?? 'unknown' };
  }
}

/**
 * Validate and normalise one robot message. `data` is the frame's `data` (a JSON string) or the parsed object.
 * Never throws.
 */
export function parseRobotMessage(data: unknown, config: DingTalkParseConfig, opts: ParseOptions = {}): ParseResult {
  let payload: unknown = data;
  if (typeof data === 'string') {
    try {
      payload = JSON.parse(data);
    } catch {
      return { ok: false, error: 'data is not valid JSON', target: null };
    }
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, error: 'data is not a JSON object', target: null };
  }

  const base = robotMessageBaseSchema.safeParse(payload);
  if (!base.success) return { ok: false, error: describe(base.error), target: replyHint(payload) };
  const m = base.data;

  const userId = m.senderStaffId || m.senderId;
  if (!userId) return { ok: false, error: 'no senderStaffId or senderId', target: replyHint(payload) };

  const content = body(m, payload);
  if (typeof content === 'string') return { ok: false, error: content, target: replyHint(payload) };

  const robotCode =
    m.robotCode || config.DINGTALK_ROBOT_CODE || config.DINGTALK_CLIENT_ID || m.chatbotUserId || 'dingtalk';
  const isGroup = m.conversationType === '2';
  const { text, oversized } = boundText(content.text, config.ZCT_MAX_TEXT);
  const mentions = (m.atUsers ?? [])
    .filter((u) => !(u.dingtalkId && u.dingtalkId === m.chatbotUserId))
    .map((u) => u.staffId || u.dingtalkId)
    .filter((id): id is string => Boolean(id));

  const parsed = incomingMessageSchema.safeParse({
    platform: 'dingtalk',
    messageId: m.msgId,
    dedupKey: `${robotCode}:${m.msgId}`,
    conversationId: m.conversationId,
    teamId: `dingtalk:${m.conversationId}`,
    isGroup,
    conversationTitle: isGroup && m.conversationTitle ? m.conversationTitle.slice(0, 512) : undefined,
    userId,
    userName: (m.senderNick ?? '').slice(0, 256),
    isAdmin: isAdminUser(config.ZCT_ADMINS, 'dingtalk', m.senderStaffId),
    text,
    oversized,
    unsupported: content.unsupported,
    mentions,
    receivedAt: m.createAt ?? opts.fallbackTime ?? (opts.now ?? Date.now)(),
  });
  if (!parsed.success) return { ok: false, error: describe(parsed.error), target: replyHint(payload) };

  const webhookOk = typeof m.sessionWebhook === 'string' && /^https?:\/\//i.test(m.sessionWebhook);
  const file = m.msgtype === 'file' ? fileBodySchema.safeParse(payload) : null;
  return {
    ok: true,
    message: parsed.data,
    ...(file?.success ? { file: file.data.content } : {}),
    target: {
      conversationId: m.conversationId,
      isGroup,
      staffId: m.senderStaffId || undefined,
      sessionWebhook: webhookOk ? m.sessionWebhook : undefined,
      sessionWebhookExpiredTime: m.sessionWebhookExpiredTime,
      robotCode,
    },
  };
}
