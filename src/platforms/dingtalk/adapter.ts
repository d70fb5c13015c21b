/**
 * The DingTalk adapter (stream mode): frames in → Bot → markdown replies out.
 *
 * Per robot-message frame:
 *   parse (zod) → sink (Bot.handle: claim in Redis, handle, remember) → ack the frame → reply
 * The ack comes only after the sink has returned — also after a failed handling (the user was told to
 * resend) so the platform does not hammer us. Duplicates (same `${robotCode}:${msgId}`, judged by the Bot
 * in the store, so it works across replicas) are acked and not answered again. Malformed payloads are
 * logged, acked and, when they carry a sessionWebhook, answered politely.
 * Messages from one user in one conversation are handled in order; others in parallel.
 *
 * Replies go to the message's sessionWebhook (markdown, @sender in groups, split under ~15 KB); when that
 * webhook has expired they go through the OpenAPI (group or 1:1). sendToConversation uses the OpenAPI.
 */
import type { DWClientDownStream } from 'dingtalk-stream';
import { PIPELINE_MESSAGES as MESSAGES } from '../../messaging/pipeline-texts.js';
import type { HandleResult } from '../../app/bot.js';
import type { Config } from '../../config/schema.js';
import { reply as replies, type Reply } from '../../messaging/reply.js';
import type { Logger } from '../../observability/logger.js';
import { metrics } from '../../observability/metrics.js';
import type { MessageSink, PlatformAdapter } from '../types.js';
import { DingTalkApi } from './api-client.js';
import { DingTalkWebhookError } from './errors.js';
import { DINGTALK_MESSAGES } from './messages.js';
import { parseRobotMessage, type ReplyTarget } from './parse.js';
import { DEFAULT_MAX_BYTES, renderDingTalkMarkdown } from './render-markdown.js';
import { SerialQueue } from './serial-queue.js';
import { CONNECTION_EVENT, DingTalkStreamClient, type StreamClientOptions } from './stream-client.js';
import { markdownBody, postSessionWebhook } from './webhook.js';

export interface DingTalkAdapterOptions {
  config: Config;
  logger: Logger;
  sink: MessageSink;
  /** Connection tuning (tests and benches shorten the delays). */
  stream?: Pick<StreamClientOptions, 'reconnectBaseMs' | 'reconnectMaxMs' | 'stableAfterMs' | 'heartbeatMs' | 'openTimeoutMs' | 'drainMaxMs'>;
  /** Timeout of each webhook / OpenAPI call (default 10 s). */
  httpTimeoutMs?: number;
  /** Per-message size budget (default 14,000 bytes; DingTalk's limit is 15,000). */
  maxBytes?: number;
  /** Treat a sessionWebhook as expired this long before its sessionWebhookExpiredTime (default 60 s). */
  webhookExpirySafetyMs?: number;
  now?: () => number;
}

export interface DingTalkAdapter extends PlatformAdapter {
  readonly platform: 'dingtalk';
  /** Resolves once the stream is connected (rejects after timeoutMs). */
  whenConnected(timeoutMs?: number): Promise<void>;
  /** The OpenAPI client (proactive sends, token cache). */
  readonly api: DingTalkApi;
  /** The underlying stream client (tests inspect connectionCount). */
  readonly client: DingTalkStreamClient;
}

const PLATFORM = 'dingtalk' as const;

export function createDingTalkAdapter(opts: DingTalkAdapterOptions): DingTalkAdapter {
  const { config, sink } = opts;
  const clientId = config.DINGTALK_CLIENT_ID;
  const clientSecret = config.DINGTALK_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error('DingTalk adapter needs DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (钉钉应用的 Client ID / Client Secret)');
  }
  const log = opts.logger.child({ platform: PLATFORM });
  const now = opts.now ?? Date.now;
  const httpTimeoutMs = opts.httpTimeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const safetyMs = opts.webhookExpirySafetyMs ?? 60_000;

  const api = new DingTalkApi({
    apiBase: config.DINGTALK_API_BASE,
    appKey: clientId,
    appSecret: clientSecret,
    robotCode: config.DINGTALK_ROBOT_CODE ?? clientId,
    timeoutMs: httpTimeoutMs,
    now,
  });

  const inflight = new Set<Promise<void>>();
  const queue = new SerialQueue();
  let stopping = false;
  let started = false;

  const client = new DingTalkStreamClient({
    clientId,
    clientSecret,
    gatewayUrl: config.DINGTALK_GATEWAY_URL,
    logger: log,
    ...opts.stream,
    drain: () => Promise.allSettled([...inflight]),
    onConnectionChange: (up) => metrics.connected.set({ target: PLATFORM }, up ? 1 : 0),
  });

  function platformError(err: unknown, what: string, extra: Record<string, unknown> = {}) {
    metrics.errors.inc({ platform: PLATFORM, kind: 'platform' });
    log.warn({ ...extra, err: err instanceof Error ? err.message : String(err), kind: (err as { kind?: string }).kind }, what);
  }

  function ack(frameId: string | undefined) {
    if (!frameId) {
      log.warn('robot frame without headers.messageId: cannot ack');
      return;
    }
    try {
      client.socketCallBackResponse(frameId, null);
    } catch (err) {
      // Socket reconnecting: the platform redelivers; the Bot's dedup makes that harmless.
      platformError(err, 'ack failed', { frameId });
    }
  }

  async function sendProactive(target: ReplyTarget, parts: ReturnType<typeof renderDingTalkMarkdown>) {
    for (const part of parts) {
      if (target.isGroup && target.conversationId) await api.sendGroupMarkdown(target.conversationId, part);
      else if (target.staffId) await api.sendUserMarkdown([target.staffId], part);
      else throw new Error('webhook expired and no conversation or staffId to send to');
    }
  }

  /** Send a reply for a message: its sessionWebhook while valid, else the OpenAPI. Never throws. */
  async function deliver(target: ReplyTarget, reply: Reply, msgLog: Logger) {
    const atUser = target.isGroup ? target.staffId : undefined;
    const parts = renderDingTalkMarkdown(reply, { mention: atUser, maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle });
    const webhookValid =
      target.sessionWebhook !== undefined &&
      (target.sessionWebhookExpiredTime === undefined || target.sessionWebhookExpiredTime - now() > safetyMs);
    if (!webhookValid) {
      msgLog.info({ parts: parts.length }, 'sessionWebhook expired: replying through the OpenAPI');
      try {
        await sendProactive(target, renderDingTalkMarkdown(reply, { maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle }));
      } catch (err) {
        platformError(err, 'proactive reply failed');
      }
      return;
    }
    for (const [i, part] of parts.entries()) {
      try {
        await postSessionWebhook(target.sessionWebhook as string, markdownBody(part, i === 0 ? atUser : undefined), httpTimeoutMs);
      } catch (err) {
        platformError(err, 'sessionWebhook reply failed', {
          part: i + 1,
          of: parts.length,
          errcode: err instanceof DingTalkWebhookError ? err.errcode : undefined,
        });
        return; // later parts without the earlier ones would confuse more than help
      }
    }
  }

  async function handleFrame(frame: DWClientDownStream) {
    const frameId = frame.headers?.messageId;
    const frameTime = Number(frame.headers?.time);
    const parsed = parseRobotMessage(frame.data, config, { fallbackTime: Number.isFinite(frameTime) && frameTime > 0 ? frameTime : undefined, now });
    if (!parsed.ok) {
      platformError(parsed.error, 'malformed robot message acked and dropped', { frameId });
      ack(frameId);
      if (parsed.target?.sessionWebhook) await deliver(parsed.target, replies.error(DINGTALK_MESSAGES.malformed), log);
      return;
    }
    const { message, target } = parsed;
    const msgLog = log.child({ msgId: message.messageId, conversation: message.conversationId, frameId });
    await queue.run(`${target.robotCode}\n${message.conversationId}\n${message.userId}`, async () => {
      let result: HandleResult;
      try {
        result = await sink(message);
      } catch (err) {
        // Bot.handle never throws; any other sink might.
        metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
        msgLog.error({ err }, 'message sink threw');
        result = { reply: replies.error(MESSAGES.internal), duplicate: false };
      }
      ack(frameId);
      if (result.duplicate) {
        msgLog.info('redelivered message acked, not answered again');
        return;
      }
      if (result.reply) await deliver(target, result.reply, msgLog);
    });
  }

  client.onRobotMessage((frame) => {
    if (stopping) return; // left unacked: the platform redelivers it (to another replica)
    const task: Promise<void> = handleFrame(frame)
      .catch((err: unknown) => {
        metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
        log.error({ err }, 'robot frame handling failed');
      })
      .finally(() => inflight.delete(task));
    inflight.add(task);
  });

  return {
    platform: PLATFORM,
    api,
    client,
    async start() {
      if (started) return;
      started = true;
      metrics.connected.set({ target: PLATFORM }, 0);
      await client.connect(); // first attempt; retries continue in the background
    },
    async stop(deadlineMs = 10_000) {
      stopping = true;
      if (inflight.size) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inflight]),
          new Promise((r) => {
            timer = setTimeout(r, deadlineMs);
          }),
        ]);
        clearTimeout(timer);
        if (inflight.size) log.warn({ pending: inflight.size }, 'stopped with messages still in flight (left unacked)');
      }
      client.shutdown();
    },
    isConnected: () => client.isUp(),
    whenConnected(timeoutMs = 10_000) {
      if (client.isUp()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          client.off(CONNECTION_EVENT, on);
          reject(new Error(`DingTalk stream not connected after ${timeoutMs} ms`));
        }, timeoutMs);
        const on = (up: boolean) => {
          if (!up) return;
          clearTimeout(timer);
          client.off(CONNECTION_EVENT, on);
          resolve();
        };
        client.on(CONNECTION_EVENT, on);
      });
    },
    async sendToConversation(conversationId: string, reply: Reply) {
      const parts = renderDingTalkMarkdown(reply, { maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle });
      try {
        for (const part of parts) await api.sendGroupMarkdown(conversationId, part);
      } catch (err) {
        platformError(err, 'proactive message failed', { conversation: conversationId });
        throw err;
      }
    },
  };
}
