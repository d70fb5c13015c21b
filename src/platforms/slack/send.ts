/**
 * Sending to Slack: chat.postMessage (thread replies, proactive digests) and response_url posts
 * (slash command replies). A 429 is retried once after its Retry-After (capped), then reported.
 */
import { webApi, type RespondFn } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';
import type { Reply, ReplyFile } from '../../messaging/reply.js';
import { renderSlackBlocks, type SlackMessage } from './render.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

/** Longest Retry-After we are willing to wait before the single retry. */
export const MAX_RETRY_AFTER_SEC = 30;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryAfterSec(err: unknown): number | null {
  const e = err as { code?: string; retryAfter?: number };
  return e && e.code === webApi.ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : null;
}

/** Run a Web API call; on HTTP 429 wait Retry-After (≤ MAX_RETRY_AFTER_SEC) and try exactly once more. */
export async function withRateLimitRetry<T>(fn: () => Promise<T>, logger: Logger): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const wait = retryAfterSec(err);
    if (wait === null) throw err;
    const sec = Math.min(Math.max(wait, 0), MAX_RETRY_AFTER_SEC);
    logger.warn({ retryAfter: wait }, 'slack rate limited; retrying once');
    await sleep(sec * 1000);
    return fn();
  }
}

export interface PostTarget {
  channel: string;
  threadTs?: string;
}

/** Post rendered messages in order; returns the ts of each posted message. */
export async function postMessages(
  client: WebClient,
  target: PostTarget,
  messages: SlackMessage[],
  logger: Logger,
): Promise<string[]> {
  const ts: string[] = [];
  for (const m of messages) {
    const res = await withRateLimitRetry(
      () =>
        client.chat.postMessage({
          channel: target.channel,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          text: m.text,
          blocks: m.blocks as never,
          unfurl_links: false,
          unfurl_media: false,
        }),
      logger,
    );
    if (res.ts) ts.push(res.ts);
  }
  return ts;
}

/** Upload reply files (exports) to the conversation; failures are logged and reported back as text. */
export async function uploadFiles(
  client: WebClient,
  target: PostTarget,
  files: ReplyFile[],
  logger: Logger,
): Promise<string[]> {
  const failed: string[] = [];
  for (const f of files) {
    try {
      await withRateLimitRetry(
        () =>
          client.filesUploadV2({
            channel_id: target.channel,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
            file: f.data,
            filename: f.filename,
            title: f.filename,
          } as never),
        logger,
      );
    } catch (err) {
      logger.warn({ err: (err as Error).message, filename: f.filename }, 'slack file upload failed');
      failed.push(f.filename);
    }
  }
  return failed;
}

export function uploadFailedText(names: string[]): string {
  return `附件 ${names.join('、')} 未能上传：请确认已把政策通加入本频道，并给应用开通 files:write 权限后重试。`;
}

/** Reply to a slash command through its response_url (at most 5 posts per invocation; render caps at 5). */
export async function respondMessages(
  respond: RespondFn,
  reply: Reply,
  responseType: 'in_channel' | 'ephemeral',
): Promise<void> {
  for (const m of renderSlackBlocks(reply)) {
    await respond({ response_type: responseType, replace_original: false, text: m.text, blocks: m.blocks as never });
  }
}
