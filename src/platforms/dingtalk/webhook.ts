/**
 * Replies through a message's sessionWebhook: POST JSON, no token. Success is HTTP 200 with errcode 0.
 */
import { DingTalkWebhookError, isTimeout } from './errors.js';
import type { DingTalkMarkdownPart } from './render-markdown.js';

export interface AtSpec {
  atUserIds: string[];
  atMobiles: string[];
  isAtAll: boolean;
}

export interface MarkdownWebhookBody {
  msgtype: 'markdown';
  markdown: DingTalkMarkdownPart;
  at?: AtSpec;
}

export function markdownBody(part: DingTalkMarkdownPart, atUserId?: string): MarkdownWebhookBody {
  return {
    msgtype: 'markdown',
    markdown: part,
    ...(atUserId ? { at: { atUserIds: [atUserId], atMobiles: [], isAtAll: false } } : {}),
  };
}

/** POST one message to a sessionWebhook. Throws DingTalkWebhookError on any failure. */
export async function postSessionWebhook(url: string, body: MarkdownWebhookBody, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (isTimeout(err)) throw new DingTalkWebhookError('timeout', `sessionWebhook timed out after ${timeoutMs} ms`);
    throw new DingTalkWebhookError('network', `sessionWebhook unreachable: ${(err as Error).message}`);
  }
  let text = '';
  try {
    text = await res.text();
  } catch (err) {
    if (isTimeout(err))
      throw new DingTalkWebhookError('timeout', `sessionWebhook timed out after ${timeoutMs} ms`, res.status);
    throw new DingTalkWebhookError('network', `sessionWebhook read failed: ${(err as Error).message}`, res.status);
  }
  if (!res.ok)
    throw new DingTalkWebhookError('http', `sessionWebhook HTTP ${res.status}: ${text.slice(0, 200)}`, res.status);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DingTalkWebhookError('http', `sessionWebhook answered non-JSON: ${text.slice(0, 200)}`, res.status);
  }
  const errcode = (parsed as { errcode?: unknown }).errcode;
  const errmsg = (parsed as { errmsg?: unknown }).errmsg;
  if (typeof errcode === 'number' && errcode !== 0) {
    throw new DingTalkWebhookError(
      'errcode',
      `sessionWebhook errcode ${errcode}: ${String(errmsg ?? '')}`,
      res.status,
      errcode,
    );
  }
}
