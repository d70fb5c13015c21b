/**
 * The DingTalk adapter: robot messages in (stream frames, or signed HTTP callbacks when
 * DINGTALK_MODE=http — see http-callback.ts) → Bot → markdown replies out.
 *
 * Per robot message (the HTTP "ack" is answering the callback request 200):
 *   parse (zod) → sink (Bot.handle: claim in Redis, handle, remember) → ack the frame → reply
 * The ack comes only after the sink has returned — also after a failed handling (the user was told to
 * resend) so the platform does not hammer us. Duplicates (same `${robotCode}:${msgId}`, judged by the Bot
 * in the store, so it works across replicas) are acked and not answered again. Malformed payloads are
 * logged, acked and, when they carry a sessionWebhook, answered politely.
 * Messages from one user in one conversation are handled in order; others in parallel.
 *
 * Replies go to the message's sessionWebhook (markdown, @sender in groups, split under ~15 KB); when that
 * webhook has expired they go through the OpenAPI (group or 1:1). sendToConversation uses the OpenAPI.
 *
 * Card button presses (action cards, an answer card's 👍/👎) come over the stream, or in HTTP mode to their own
 * signed endpoint; both feed handleCardPress, exactly once per callback id (frame id, or the press's fingerprint
 * over HTTP) and, for actions, once per card. Answers shown as markdown end with a hint to type 👍/👎 instead.
 */
import type { DWClientDownStream } from 'dingtalk-stream';
import { MESSAGES } from '../../messaging/messages.js';
import type { HandleResult } from '../../app/bot.js';
import type { Config } from '../../config/schema.js';
import { createHash, randomUUID } from 'node:crypto';
import { FEEDBACK_TEXTS, recordVote } from '../../answer/feedback.js';
import { incomingMessageSchema } from '../../messaging/incoming.js';
import { reply as replies, type Reply } from '../../messaging/reply.js';
import type { Store } from '../../store/types.js';
import type { IngestReport } from '../../corpus/index.js';
import { FILE_TEXTS, ingestFileMessage } from './file-ingest.js';
import type { Logger } from '../../observability/logger.js';
import { metrics } from '../../observability/metrics.js';
import type { MessageSink, PlatformAdapter } from '../types.js';
import { withReplyProgress } from '../../messaging/progress.js';
import {
  AnswerCard,
  CARD_REPLACED_TEXT,
  CARD_TOO_LONG_TEXT,
  DEFAULT_AI_CARD_TEMPLATE_ID,
  FLOW_STATUS,
  cardTargetOf,
  type CardKeys,
} from './ai-card.js';
import { DingTalkApi } from './api-client.js';
import {
  ACTION_TEXTS,
  BUTTONS_KEY,
  CARD_CONTEXT_TTL_SEC,
  DEFAULT_ACTION_CARD_TEMPLATE_ID,
  actionCardParams,
  cardContextKey,
  cardContextSchema,
  feedbackButtonsParam,
  parseCardCallback,
  pressedCardParams,
  type CardContext,
  type CardPress,
} from './action-card.js';
import { DingTalkWebhookError } from './errors.js';
import { startCallbackServer, type CallbackServer } from './http-callback.js';
import { DINGTALK_MESSAGES } from './messages.js';
import { parseRobotMessage, type ReplyTarget } from './parse.js';
import { DEFAULT_MAX_BYTES, renderDingTalkMarkdown, type DingTalkMarkdownPart } from './render-markdown.js';
import { SerialQueue } from './serial-queue.js';
import { CONNECTION_EVENT, DingTalkStreamClient, type StreamClientOptions } from './stream-client.js';
import { markdownBody, postSessionWebhook } from './webhook.js';

export interface DingTalkAdapterOptions {
  config: Config;
  logger: Logger;
  sink: MessageSink;
  /** Connection tuning (tests and benches shorten the delays). */
  stream?: Pick<
    StreamClientOptions,
    'reconnectBaseMs' | 'reconnectMaxMs' | 'stableAfterMs' | 'heartbeatMs' | 'openTimeoutMs' | 'drainMaxMs'
  >;
  /** Timeout of each webhook / OpenAPI call (default 10 s). */
  httpTimeoutMs?: number;
  /** Per-message size budget (default 14,000 bytes; DingTalk's limit is 15,000). */
  maxBytes?: number;
  /** Treat a sessionWebhook as expired this long before its sessionWebhookExpiredTime (default 60 s). */
  webhookExpirySafetyMs?: number;
  now?: () => number;
  /** Minimum spacing of AI card streaming updates (default 300 ms). */
  cardUpdateMs?: number;
  /** Needed for cards with buttons (card context and press dedup, shared by every replica) and file uploads. */
  store?: Store;
  /**
   * Admins' file messages ingested into the library (on when a store is given; `false` turns it off).
   * `onLibraryChanged` reloads the search index after an upload (src/app/run.ts wires applyLibraryChange: every replica).
   */
  files?: false | { onLibraryChanged?: (report: IngestReport) => Promise<void> };
}

export interface DingTalkAdapter extends PlatformAdapter {
  readonly platform: 'dingtalk';
  /** Resolves once the stream is connected (rejects after timeoutMs). */
  whenConnected(timeoutMs?: number): Promise<void>;
  /** The OpenAPI client (proactive sends, token cache). */
  readonly api: DingTalkApi;
  /** The underlying stream client (tests inspect connectionCount). Not connected in HTTP mode. */
  readonly client: DingTalkStreamClient;
  readonly mode: 'stream' | 'http';
  /** HTTP mode: the callback server once started. */
  readonly callbackServer: CallbackServer | null;
}

const PLATFORM = 'dingtalk' as const;
/** An HTTP card callback's fingerprint is remembered this long: DingTalk's retries come within minutes. */
const HTTP_PRESS_DEDUP_SEC = 10 * 60;

export function createDingTalkAdapter(opts: DingTalkAdapterOptions): DingTalkAdapter {
  const { config, sink } = opts;
  const clientId = config.DINGTALK_CLIENT_ID;
  const clientSecret = config.DINGTALK_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error(
      'DingTalk adapter needs DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (钉钉应用的 Client ID / Client Secret)',
    );
  }
  const log = opts.logger.child({ platform: PLATFORM });
  const now = opts.now ?? Date.now;
  const httpTimeoutMs = opts.httpTimeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const safetyMs = opts.webhookExpirySafetyMs ?? 60_000;

  const mode = config.DINGTALK_MODE;
  /** AI card replies for policy answers: on with DINGTALK_AI_CARD=1 or a template id. */
  const cardTemplateId =
    config.DINGTALK_CARD_TEMPLATE_ID ?? (config.DINGTALK_AI_CARD ? DEFAULT_AI_CARD_TEMPLATE_ID : undefined);
  const keys: CardKeys = { content: config.DINGTALK_CARD_CONTENT_KEY, status: config.DINGTALK_CARD_STATUS_KEY };
  /**
   * Where card button presses come back: over the stream, or (HTTP mode) to DINGTALK_CARD_CALLBACK_URL. Buttons
   * need a store (card context, press dedup, shared by every replica); without a way back there are none.
   */
  const cardsOn = Boolean(cardTemplateId || config.DINGTALK_ACTION_CARD_TEMPLATE_ID);
  const cardCallbacks: 'stream' | 'http' | null =
    !cardsOn || !opts.store ? null : mode === 'stream' ? 'stream' : config.DINGTALK_CARD_CALLBACK_URL ? 'http' : null;
  if (mode === 'http' && config.DINGTALK_HTTP_CARD_PATH === config.DINGTALK_HTTP_PATH) {
    throw new Error('DINGTALK_HTTP_CARD_PATH must differ from DINGTALK_HTTP_PATH (机器人消息与卡片回调需要不同的路径)');
  }
  const cardSecret = config.DINGTALK_CARD_CALLBACK_SECRET ?? clientSecret;
  /** Buttons are shown once presses can come back (HTTP mode: after the callback URL was registered). */
  let buttonsReady = cardCallbacks === 'stream';
  /** Cards with buttons (confirmation, issue cards): when cards are on and presses can come back. */
  const actionTemplateId = cardCallbacks
    ? (config.DINGTALK_ACTION_CARD_TEMPLATE_ID ?? DEFAULT_ACTION_CARD_TEMPLATE_ID)
    : undefined;

  const api = new DingTalkApi({
    apiBase: config.DINGTALK_API_BASE,
    appKey: clientId,
    appSecret: clientSecret,
    robotCode: config.DINGTALK_ROBOT_CODE ?? clientId,
    timeoutMs: httpTimeoutMs,
    now,
    cardCallback:
      cardCallbacks === 'http'
        ? { type: 'HTTP', routeKey: config.DINGTALK_CARD_CALLBACK_ROUTE_KEY }
        : { type: 'STREAM' },
  });
  const robotCode = config.DINGTALK_ROBOT_CODE ?? clientId;
  /** How long a card callback id is remembered against redelivery (stream frames carry a unique id). */
  const DEDUP_SEC = Math.round(config.ZCT_DEDUP_TTL_HOURS * 3600);
  const clock = new Intl.DateTimeFormat('zh-CN', {
    timeZone: config.ZCT_TIMEZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  let httpServer: CallbackServer | null = null;
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
    log.warn(
      { ...extra, err: err instanceof Error ? err.message : String(err), kind: (err as { kind?: string }).kind },
      what,
    );
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
  async function deliver(target: ReplyTarget, replyIn: Reply, msgLog: Logger, senderName?: string) {
    let reply = withVoteHint(replyIn);
    if (reply.actions?.length) {
      if (await sendActionCard(target, reply, senderName, msgLog)) return;
      // No card: the same choices as commands to type.
      reply = { ...reply, blocks: [...reply.blocks, { type: 'note', text: ACTION_TEXTS.hints(reply.actions) }] };
    }
    const atUser = target.isGroup ? target.staffId : undefined;
    const parts = renderDingTalkMarkdown(reply, {
      mention: atUser,
      maxBytes,
      digestMaxParts: config.ZCT_MAX_DIGEST_MESSAGES,
      defaultTitle: DINGTALK_MESSAGES.defaultTitle,
    });
    const webhookValid =
      target.sessionWebhook !== undefined &&
      (target.sessionWebhookExpiredTime === undefined || target.sessionWebhookExpiredTime - now() > safetyMs);
    if (!webhookValid) {
      msgLog.info({ parts: parts.length }, 'sessionWebhook expired: replying through the OpenAPI');
      try {
        await sendProactive(
          target,
          renderDingTalkMarkdown(reply, {
            maxBytes,
            digestMaxParts: config.ZCT_MAX_DIGEST_MESSAGES,
            defaultTitle: DINGTALK_MESSAGES.defaultTitle,
          }),
        );
      } catch (err) {
        platformError(err, 'proactive reply failed');
      }
      return;
    }
    for (const [i, part] of parts.entries()) {
      try {
        await postSessionWebhook(
          target.sessionWebhook as string,
          markdownBody(part, i === 0 ? atUser : undefined),
          httpTimeoutMs,
        );
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

  /** An answer shown without 👍/👎 buttons asks for a typed vote instead (handlers/feedback.ts reads it). */
  function withVoteHint(reply: Reply): Reply {
    return reply.feedbackId
      ? { ...reply, blocks: [...reply.blocks, { type: 'note', text: FEEDBACK_TEXTS.hint }] }
      : reply;
  }

  /** A reply with buttons as an interactive card. False: not possible or failed (send markdown instead). */
  async function sendActionCard(
    target: ReplyTarget,
    reply: Reply,
    senderName: string | undefined,
    msgLog: Logger,
  ): Promise<boolean> {
    const store = opts.store;
    const actions = reply.actions ?? [];
    const cardTarget = cardTargetOf(target, senderName);
    if (!actionTemplateId || !buttonsReady || !store || !cardTarget || !target.conversationId || actions.length === 0)
      return false;
    const parts = renderDingTalkMarkdown(reply, { maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle });
    if (parts.length !== 1) return false;
    const ctx: CardContext = {
      outTrackId: randomUUID(),
      conversationId: target.conversationId,
      isGroup: target.isGroup,
      markdown: (parts[0] as DingTalkMarkdownPart).text,
      actions,
      names: target.staffId && senderName ? { [target.staffId]: senderName } : {},
      voters: [],
    };
    try {
      // The context first: a press may arrive as soon as the card shows.
      await store.setSession(cardContextKey(ctx.outTrackId), ctx, CARD_CONTEXT_TTL_SEC);
      await api.createAndDeliverCard({
        cardTemplateId: actionTemplateId,
        outTrackId: ctx.outTrackId,
        cardParamMap: actionCardParams(ctx.markdown, actions),
        target: cardTarget,
      });
      return true;
    } catch (err) {
      platformError(err, 'card with buttons not delivered; replying with markdown', { card: ctx.outTrackId });
      msgLog.debug({ card: ctx.outTrackId }, 'action card fallback');
      return false;
    }
  }

  /** A reply to a card press: there is no sessionWebhook, so through the OpenAPI (group, or the presser's 1:1). */
  async function sendForCard(ctx: CardContext, userId: string, reply: Reply) {
    const parts = renderDingTalkMarkdown(reply, {
      mention: ctx.isGroup ? userId : undefined,
      maxBytes,
      defaultTitle: DINGTALK_MESSAGES.defaultTitle,
    });
    try {
      for (const part of parts) {
        if (ctx.isGroup) await api.sendGroupMarkdown(ctx.conversationId, part);
        else await api.sendUserMarkdown([userId], part);
      }
    } catch (err) {
      platformError(err, 'reply to a card press failed', { card: ctx.outTrackId });
    }
  }

  /**
   * A button press, from a stream frame or an HTTP callback: an action runs once per card, by someone allowed,
   * through the pipeline; a 👍/👎 is stored once per callback. `callbackId` identifies this callback (DingTalk
   * sends it again with the same id), remembered `dedupSec`; `done` acknowledges it — not called when the press could not be recorded
   * (the store failed: the caller's promise rejects and DingTalk delivers it again).
   */
  async function handleCardPress(data: unknown, callbackId: string, dedupSec: number, done: () => void) {
    const press = parseCardCallback(data);
    const store = opts.store;
    if (!press || !store) {
      platformError('unusable card callback', 'card callback acked and dropped', { callbackId });
      return done();
    }
    // A store failure leaves the callback unacknowledged: DingTalk delivers it again.
    const stored = cardContextSchema.safeParse(await store.getSession(cardContextKey(press.outTrackId)));
    if (!stored.success) {
      log.info({ card: press.outTrackId, callbackId }, 'press on an unknown or expired card ignored');
      return done();
    }
    if (press.vote) return handleVote(press, stored.data, callbackId, dedupSec, done);
    const action = stored.data.actions[press.buttonIndex];
    if (!action) {
      log.info({ card: press.outTrackId, callbackId }, 'press on an unknown button ignored');
      return done();
    }
    const ctx = stored.data;
    const who = (id: string) => ctx.names[id] ?? id;
    const cbLog = log.child({ card: ctx.outTrackId, callbackId, user: press.userId });

    const refusal =
      action.onlyUser && action.onlyUser !== press.userId
        ? ACTION_TEXTS.notAllowed(who(action.onlyUser))
        : action.adminOnly && !config.ZCT_ADMINS.includes(press.userId)
          ? ACTION_TEXTS.adminsOnly
          : null;
    if (refusal) {
      // Refused, and told once per callback (a redelivered callback is not answered again).
      const key = `${robotCode}:cbr:${callbackId}`;
      const claim = await store.claimMessage(key, 60_000);
      done();
      if (claim.state !== 'new') return;
      cbLog.info({ action: action.label }, 'card press by someone not allowed: refused');
      await sendForCard(ctx, press.userId, replies.text('error', refusal));
      await store.completeMessage(key, null, dedupSec).catch(() => undefined);
      return;
    }

    const message = incomingMessageSchema.parse({
      platform: PLATFORM,
      messageId: callbackId,
      // The card's key: one action per card, across replicas and redeliveries.
      dedupKey: `${robotCode}:card:${ctx.outTrackId}`,
      conversationId: ctx.conversationId,
      teamId: `dingtalk:${ctx.conversationId}`,
      isGroup: ctx.isGroup,
      userId: press.userId,
      userName: ctx.names[press.userId] ?? '',
      isAdmin: config.ZCT_ADMINS.includes(press.userId),
      text: action.command,
      receivedAt: now(),
    });
    await queue.run(`${robotCode}\n${ctx.conversationId}\n${press.userId}`, async () => {
      let result: HandleResult;
      try {
        result = await sink(message);
      } catch (err) {
        metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
        cbLog.error({ err }, 'message sink threw on a card press');
        result = { reply: replies.error(MESSAGES.internal), duplicate: false };
      }
      done();
      if (result.duplicate) {
        cbLog.info('card already acted on (or a redelivered press): nothing more');
        return;
      }
      if (result.reply?.intent !== 'error') {
        try {
          await api.updateCard(
            ctx.outTrackId,
            pressedCardParams(ctx, action, who(press.userId), clock.format(new Date(now()))),
          );
        } catch (err) {
          platformError(err, 'card not updated after a press', { card: ctx.outTrackId });
        }
      }
      if (result.reply) await sendForCard(ctx, press.userId, result.reply);
    });
  }

  /**
   * 👍/👎 on an answer card: the vote is stored like Slack's and typed votes (recordVote), once per callback id
   * across replicas; the card then shows who gave feedback (not how). The buttons stay for the others.
   */
  async function handleVote(
    press: Extract<CardPress, { vote: 'up' | 'down' }>,
    ctx: CardContext,
    callbackId: string,
    dedupSec: number,
    done: () => void,
  ) {
    const store = opts.store as Store;
    const feedbackId = ctx.feedbackId;
    const cbLog = log.child({ card: ctx.outTrackId, callbackId, user: press.userId });
    if (!feedbackId) {
      cbLog.info('vote on a card without an answer ignored');
      return done();
    }
    const key = `${robotCode}:vote:${callbackId}`;
    const claim = await store.claimMessage(key, 60_000);
    if (claim.state !== 'new') {
      cbLog.info({ state: claim.state }, 'redelivered vote acked, not recorded again');
      return done();
    }
    let voters: string[];
    try {
      await recordVote(store, {
        feedbackId,
        vote: press.vote,
        userId: press.userId,
        teamId: `dingtalk:${ctx.conversationId}`,
        at: now(),
      });
      // Who voted, for the card (re-read: another replica may have added a name meanwhile).
      const latest = cardContextSchema.safeParse(await store.getSession(cardContextKey(ctx.outTrackId)));
      const base = latest.success ? latest.data : ctx;
      voters = [...new Set([...base.voters, press.userId])];
      await store.setSession(cardContextKey(ctx.outTrackId), { ...base, voters }, CARD_CONTEXT_TTL_SEC);
    } catch (err) {
      await store.releaseMessage(key).catch(() => undefined);
      throw err;
    }
    await store.completeMessage(key, null, dedupSec).catch(() => undefined);
    done();
    cbLog.info({ feedbackId, vote: press.vote }, 'feedback recorded');
    try {
      await api.updateCard(ctx.outTrackId, {
        [keys.content]: `${ctx.markdown}\n\n---\n${FEEDBACK_TEXTS.received(voters.map((id) => ctx.names[id] ?? id))}`,
      });
    } catch (err) {
      platformError(err, 'card not updated after a vote', { card: ctx.outTrackId });
    }
  }

  // Card callbacks over the stream only when this bot sends cards with buttons (the subscription is part of the
  // connection).
  if (cardCallbacks === 'stream') {
    client.onCardCallback((frame: DWClientDownStream) => {
      if (stopping) return;
      const frameId = frame.headers?.messageId;
      void track(
        handleCardPress(frame.data, frameId ?? `frame-${randomUUID()}`, DEDUP_SEC, () => {
          if (!frameId) return;
          try {
            client.socketCallBackResponse(frameId, {});
          } catch (err) {
            platformError(err, 'card callback ack failed', { frameId });
          }
        }),
      );
    });
  }

  /** HTTP mode: a verified card callback. Resolves once the press is recorded (then answered 200), else rejects. */
  function onHttpCardCallback(data: unknown): Promise<void> {
    if (stopping) return Promise.reject(new Error('stopping: DingTalk retries elsewhere'));
    return new Promise<void>((resolve, reject) => {
      let acked = false;
      const done = () => {
        acked = true;
        resolve();
      };
      void track(
        handleCardPress(data, httpCallbackId(data), HTTP_PRESS_DEDUP_SEC, done).then(
          () => {
            if (!acked) resolve();
          },
          (err: unknown) => {
            if (acked) throw err;
            reject(err);
          },
        ),
      );
    });
  }

  /**
   * An HTTP card callback carries no id of its own: the press is its card, presser and button, so DingTalk's
   * retry of it is recognised (and pressing the same button again within HTTP_PRESS_DEDUP_SEC is the same press;
   * after that it counts again, so 👍 → 👎 → 👍 ends on 👍 once the first press is forgotten).
   */
  function httpCallbackId(data: unknown): string {
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const digest = createHash('sha256')
      .update(JSON.stringify([d.outTrackId ?? null, d.userId ?? null, d.content ?? d.value ?? null]))
      .digest('base64url');
    return `http-${digest.slice(0, 32)}`;
  }

  /** Put the final reply into a started AI card. False: send it as markdown instead (the card is closed). */
  async function finishCard(card: AnswerCard, replyIn: Reply, target: ReplyTarget, senderName: string) {
    const buttons = replyIn.feedbackId ? await voteButtons(card.outTrackId, replyIn, target, senderName) : null;
    // Without buttons the answer asks for a typed vote, as markdown answers do.
    const reply = buttons ? replyIn : withVoteHint(replyIn);
    const parts = renderDingTalkMarkdown(reply, { maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle });
    if (parts.length !== 1) {
      await card.abandon(CARD_TOO_LONG_TEXT);
      return false;
    }
    const ok = await card.finish((parts[0] as DingTalkMarkdownPart).text, buttons ?? {});
    if (!ok) metrics.errors.inc({ platform: PLATFORM, kind: 'platform' });
    return ok;
  }

  /**
   * 👍/👎 for an answer card: its context is stored first (a press may come as soon as the buttons show), then
   * the buttons variable is returned for the finishing update. Null: no buttons (none possible, or the store failed).
   */
  async function voteButtons(
    outTrackId: string,
    reply: Reply,
    target: ReplyTarget,
    senderName: string,
  ): Promise<Record<string, string> | null> {
    const store = opts.store;
    if (!store || !buttonsReady || !reply.feedbackId || !target.conversationId) return null;
    const parts = renderDingTalkMarkdown(reply, { maxBytes, defaultTitle: DINGTALK_MESSAGES.defaultTitle });
    if (parts.length !== 1) return null;
    const ctx: CardContext = {
      outTrackId,
      conversationId: target.conversationId,
      isGroup: target.isGroup,
      markdown: (parts[0] as DingTalkMarkdownPart).text,
      actions: [],
      names: target.staffId && senderName ? { [target.staffId]: senderName } : {},
      feedbackId: reply.feedbackId,
      voters: [],
    };
    try {
      await store.setSession(cardContextKey(outTrackId), ctx, CARD_CONTEXT_TTL_SEC);
      return { [BUTTONS_KEY]: feedbackButtonsParam(keys.content) };
    } catch (err) {
      platformError(err, 'answer card without 👍/👎: its context could not be stored', { card: outTrackId });
      return null;
    }
  }

  /**
   * One robot message from either transport: parse → sink (claim, handle, remember) → `ack` → reply.
   * `ack` is the stream frame's ack, or (HTTP mode) answering the callback request 200.
   */
  async function processRobotMessage(
    data: unknown,
    fallbackTime: number | undefined,
    ack: () => void,
    ctx: Record<string, unknown>,
  ) {
    const parsed = parseRobotMessage(data, config, { fallbackTime, now });
    if (!parsed.ok) {
      platformError(parsed.error, 'malformed robot message acked and dropped', ctx);
      ack();
      if (parsed.target?.sessionWebhook) await deliver(parsed.target, replies.error(DINGTALK_MESSAGES.malformed), log);
      return;
    }
    const { message, target } = parsed;
    const msgLog = log.child({ msgId: message.messageId, conversation: message.conversationId, ...ctx });
    if (parsed.file && opts.store && opts.files !== false) {
      const file = parsed.file;
      const store = opts.store;
      await queue.run(`${target.robotCode}\n${message.conversationId}\n${message.userId}`, async () => {
        // Exactly once, like every message: the same claim the Bot uses, on the same key.
        let reply: Reply;
        try {
          const claim = await store.claimMessage(message.dedupKey, 10 * 60_000);
          if (claim.state !== 'new') {
            ack();
            msgLog.info('redelivered file message acked, not handled again');
            return;
          }
          try {
            reply = message.isAdmin
              ? await ingestFileMessage(file, {
                  api,
                  dataDir: config.ZCT_DATA_DIR,
                  corpusDir: config.ZCT_CORPUS_DIR,
                  logger: msgLog,
                  timeoutMs: Math.max(httpTimeoutMs, 30_000),
                  onLibraryChanged: opts.files ? opts.files.onLibraryChanged : undefined,
                })
              : { intent: 'admin', title: '资料导入', blocks: [{ type: 'paragraph', text: FILE_TEXTS.notAdmin }] };
          } catch (err) {
            await store.releaseMessage(message.dedupKey).catch(() => undefined);
            throw err;
          }
          await store
            .completeMessage(message.dedupKey, reply, Math.round(config.ZCT_DEDUP_TTL_HOURS * 3600))
            .catch(() => undefined);
        } catch (err) {
          metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
          msgLog.error({ err }, 'file message failed');
          reply = replies.error(MESSAGES.internal);
        }
        ack();
        await deliver(target, reply, msgLog, message.userName);
      });
      return;
    }
    await queue.run(`${target.robotCode}\n${message.conversationId}\n${message.userId}`, async () => {
      const card =
        cardTemplateId && cardTargetOf(target)
          ? new AnswerCard({
              api,
              templateId: cardTemplateId,
              target,
              senderNick: message.userName,
              minIntervalMs: opts.cardUpdateMs,
              logger: msgLog,
              keys,
            })
          : null;
      let result: HandleResult;
      try {
        result = card
          ? await withReplyProgress({ begin: () => card.begin(), update: (t) => card.update(t) }, () => sink(message))
          : await sink(message);
      } catch (err) {
        // Bot.handle never throws; any other sink might.
        metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
        msgLog.error({ err }, 'message sink threw');
        result = { reply: replies.error(MESSAGES.internal), duplicate: false };
      }
      ack();
      if (result.duplicate || !result.reply) {
        if (card?.started) await card.abandon(CARD_REPLACED_TEXT);
        if (result.duplicate) msgLog.info('redelivered message acked, not answered again');
        return;
      }
      if (card?.started && (await finishCard(card, result.reply, target, message.userName))) return;
      await deliver(target, result.reply, msgLog, message.userName);
    });
  }

  function track(task: Promise<void>): Promise<void> {
    const t: Promise<void> = task
      .catch((err: unknown) => {
        metrics.errors.inc({ platform: PLATFORM, kind: 'internal' });
        log.error({ err }, 'robot message handling failed');
      })
      .finally(() => inflight.delete(t));
    inflight.add(t);
    return t;
  }

  client.onRobotMessage((frame: DWClientDownStream) => {
    if (stopping) return; // left unacked: the platform redelivers it (to another replica)
    const frameId = frame.headers?.messageId;
    const frameTime = Number(frame.headers?.time);
    void track(
      processRobotMessage(
        frame.data,
        Number.isFinite(frameTime) && frameTime > 0 ? frameTime : undefined,
        () => ack(frameId),
        { frameId },
      ),
    );
  });

  /** HTTP mode: a verified callback. Resolves once the message is recorded (the request is then answered). */
  function onHttpCallback(data: unknown, timestamp: number): Promise<void> {
    if (stopping) return Promise.reject(new Error('stopping: DingTalk retries elsewhere'));
    return new Promise<void>((resolve) => {
      void track(
        processRobotMessage(data, Number.isFinite(timestamp) && timestamp > 0 ? timestamp : undefined, resolve, {
          via: 'http',
        }),
      ).finally(() => resolve());
    });
  }

  /**
   * HTTP mode: tell DingTalk where card presses go (every replica at start; the latest registration wins, all
   * point at the same public URL). Until it worked, cards are sent without buttons (commands to type instead).
   */
  async function registerCardCallbacks() {
    try {
      await api.registerCardCallback({
        routeKey: config.DINGTALK_CARD_CALLBACK_ROUTE_KEY,
        url: config.DINGTALK_CARD_CALLBACK_URL as string,
        apiSecret: cardSecret,
      });
      buttonsReady = true;
      log.info(
        { url: config.DINGTALK_CARD_CALLBACK_URL, routeKey: config.DINGTALK_CARD_CALLBACK_ROUTE_KEY },
        'card callback URL registered',
      );
    } catch (err) {
      platformError(err, 'card callback URL not registered: cards are sent without buttons');
    }
  }

  return {
    platform: PLATFORM,
    api,
    client,
    get mode() {
      return mode;
    },
    get callbackServer() {
      return httpServer;
    },
    async start() {
      if (started) return;
      started = true;
      metrics.connected.set({ target: PLATFORM }, 0);
      if (mode === 'http') {
        httpServer = await startCallbackServer({
          host: config.DINGTALK_HTTP_HOST,
          port: config.DINGTALK_HTTP_PORT,
          path: config.DINGTALK_HTTP_PATH,
          appSecret: clientSecret,
          logger: log,
          now,
          onMessage: onHttpCallback,
          ...(cardCallbacks === 'http'
            ? { cards: { path: config.DINGTALK_HTTP_CARD_PATH, secret: cardSecret, onCallback: onHttpCardCallback } }
            : {}),
          onRejected: () => metrics.errors.inc({ platform: PLATFORM, kind: 'signature' }),
        });
        metrics.connected.set({ target: PLATFORM }, 1);
        if (cardCallbacks === 'http') await registerCardCallbacks();
        else if (cardsOn) log.warn('HTTP mode without DINGTALK_CARD_CALLBACK_URL: cards have no buttons');
        return;
      }
      await client.connect(); // first attempt; retries continue in the background
    },
    async stop(deadlineMs = 10_000) {
      stopping = true;
      const closing = httpServer?.close(); // no new callbacks; the ones in flight finish below
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
      await closing;
      if (mode === 'http') metrics.connected.set({ target: PLATFORM }, 0);
      client.shutdown();
    },
    isConnected: () => (mode === 'http' ? (httpServer?.isListening() ?? false) : client.isUp()),
    whenConnected(timeoutMs = 10_000) {
      if (mode === 'http')
        return httpServer?.isListening()
          ? Promise.resolve()
          : Promise.reject(new Error('DingTalk HTTP callback server not started'));
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
    async sendToConversation(conversationId: string, replyIn: Reply) {
      let reply = replyIn;
      const mentions = [...new Set(reply.mentions ?? [])].slice(0, 20);
      if (mentions.length) {
        // @ the responsible members (DingTalk's `@<userId>` convention) rather than the whole group.
        reply = {
          ...reply,
          blocks: [{ type: 'paragraph', text: mentions.map((id) => `@${id}`).join(' ') }, ...reply.blocks],
        };
        // A card's atUserIds notify them for real; the group message API shows the @ as text only.
        if (cardTemplateId) {
          const parts = renderDingTalkMarkdown(reply, {
            maxBytes,
            digestMaxParts: config.ZCT_MAX_DIGEST_MESSAGES,
            defaultTitle: DINGTALK_MESSAGES.defaultTitle,
          });
          if (parts.length === 1) {
            try {
              await api.createAndDeliverCard({
                cardTemplateId,
                outTrackId: randomUUID(),
                cardParamMap: {
                  [keys.status]: FLOW_STATUS.finished,
                  [keys.content]: (parts[0] as DingTalkMarkdownPart).text,
                },
                target: {
                  kind: 'group',
                  openConversationId: conversationId,
                  atUserIds: Object.fromEntries(mentions.map((id) => [id, id])),
                },
              });
              return;
            } catch (err) {
              platformError(err, 'reminder card not delivered; sending markdown', { conversation: conversationId });
            }
          }
        }
      }
      const parts = renderDingTalkMarkdown(reply, {
        maxBytes,
        digestMaxParts: config.ZCT_MAX_DIGEST_MESSAGES,
        defaultTitle: DINGTALK_MESSAGES.defaultTitle,
      });
      try {
        for (const part of parts) await api.sendGroupMarkdown(conversationId, part);
      } catch (err) {
        platformError(err, 'proactive message failed', { conversation: conversationId });
        throw err;
      }
    },
  };
}
