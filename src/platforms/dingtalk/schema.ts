/**
 * zod schemas for what DingTalk sends us: the robot message (a stream CALLBACK frame's `data`, parsed).
 * The SDK only types `text`; everything else is validated here. Unknown fields are ignored.
 */
import { z } from 'zod';

/** DingTalk sends some ids and flags as strings in one place and numbers in another. */
const idString = z.union([z.string(), z.number()]).transform((v) => String(v));
const optionalMs = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform((v) => Number(v))
  .optional();

export const atUserSchema = z.object({
  dingtalkId: z.string().optional(),
  staffId: z.string().optional(),
});

/** Fields every robot message carries (msgtype-specific bodies are checked separately). */
export const robotMessageBaseSchema = z.object({
  msgId: z.string().min(1),
  msgtype: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: idString,
  conversationTitle: z.string().optional(),
  senderStaffId: z.string().optional(),
  senderId: z.string().optional(),
  senderNick: z.string().optional(),
  senderCorpId: z.string().optional(),
  chatbotUserId: z.string().optional(),
  chatbotCorpId: z.string().optional(),
  robotCode: z.string().optional(),
  createAt: optionalMs,
  sessionWebhook: z.string().optional(),
  sessionWebhookExpiredTime: optionalMs,
  isInAtList: z.boolean().optional(),
  atUsers: z.array(atUserSchema).optional(),
});

export type RobotMessageBase = z.infer<typeof robotMessageBaseSchema>;

export const textBodySchema = z.object({ text: z.object({ content: z.string() }) });

export const richTextBodySchema = z.object({
  content: z.object({
    richText: z.array(
      z.object({
        text: z.string().optional(),
        type: z.string().optional(),
      }),
    ),
  }),
});

export const audioBodySchema = z.object({
  content: z.object({
    recognition: z.string().optional(),
    downloadCode: z.string().optional(),
  }),
});

/** The minimum needed to answer a message we could not parse: where to reply and whom to @. */
export const replyHintSchema = z.object({
  sessionWebhook: z.string().url(),
  sessionWebhookExpiredTime: optionalMs,
  conversationType: idString.optional(),
  senderStaffId: z.string().optional(),
});

/** msgtype "file": what is needed to download it. */
export const fileBodySchema = z.object({
  content: z.object({ downloadCode: z.string().min(1), fileName: z.string().min(1).max(512) }),
});
