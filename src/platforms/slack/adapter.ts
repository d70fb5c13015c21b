/**
 * The Slack adapter (Bolt). Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT (POST /slack/events)
 * with Slack request signing checked by Bolt's receiver (a bad or stale signature gets 401 before any
 * listener runs).
 *
 *   slash commands  ack at once ("正在查询…" for /ask, "正在记录…" for /report, empty otherwise), then the
 *                   bot's reply via response_url: in_channel for answers/reports/ledger/digests so the team
 *                   sees them, ephemeral for help, clarifying questions and errors.
 *   app_mention     answered in the thread (thread_ts = event.thread_ts ?? event.ts), never top level.
 *   message.im      answered in the DM (in its thread if it was in one).
 *   👍/👎 buttons   vote stored with store.addFeedback, confirmed ephemerally.
 *   command buttons (Reply.actions) run their text command through the pipeline once per message (dedup
 *                   key of the message), refused for users they are not for; the message is updated in place.
 * Duplicate deliveries (Slack retries, X-Slack-Retry-Num) are recognised by the bot and not answered again.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type RespondFn } from '@slack/bolt';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../observability/logger.js';
import { metrics } from '../../observability/metrics.js';
import type { Intent, Reply } from '../../messaging/reply.js';
import { reply as replies } from '../../messaging/reply.js';
import type { Store } from '../../store/types.js';
import type { MessageSink, PlatformAdapter } from '../types.js';
import { boltLogger } from './bolt-logger.js';
import { FEEDBACK_MESSAGES, recordVote, voteFromActionId } from './feedback.js';
import {
  fromMessageEvent,
  fromSlashCommand,
  replyThreadTs,
  shouldSkipEvent,
  slashCommands,
  type SlackMessageEvent,
  type SlashCommandPayload,
  type SlashKind,
} from './inbound.js';
import { COMMAND_ACTION, renderSlackBlocks, type SlackBlock } from './render.js';
import { z } from 'zod';
import { incomingMessageSchema } from '../../messaging/incoming.js';
import { ACTION_TEXTS } from '../action-texts.js';
import { isAdmin as isAdminUser } from './inbound.js';
import { postMessages, respondMessages, uploadFailedText, uploadFiles, type PostTarget } from './send.js';

export interface SlackAdapterOptions {
  config: Config;
  logger: Logger;
  sink: MessageSink;
  store: Store;
  /** ms since epoch; defaults to Date.now. */
  clock?: () => number;
}

export interface SlackAdapter extends PlatformAdapter {
  readonly mode: 'http' | 'socket';
  /** HTTP mode: the port actually listened on (PORT=0 picks a free one). Null before start and in Socket Mode. */
  port(): number | null;
  /** The underlying Bolt app (for wiring extra listeners; tests). */
  readonly app: App;
}

/** Intents the whole channel should see when they come from a slash command. */
const IN_CHANNEL: ReadonlySet<Intent> = new Set<Intent>(['ask', 'report', 'issues', 'digest', 'admin']);

export const SLACK_MESSAGES = {
  acking: { ask: '正在查询政策，请稍候…', report: '正在记录…' } as Partial<Record<SlashKind, string>>,
  usage: {
    ask: (cmd: string) => `用法：${cmd} 你的政策问题。例：${cmd} 专班组建要坚持哪三条原则？`,
    report: (cmd: string) => `用法：${cmd} 走访情况或企业诉求。例：${cmd} 今天走访了华康药业，企业反映缺3名化工工程师`,
  },
  failed: '处理这条命令时出错了，请稍后重试；如果反复出现，请联系管理员。',
} as const;

/** Web API retries are bounded (the SDK default is 10 retries over ~30 min). */
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000, randomize: true };
const REQUEST_TIMEOUT_MS = 15_000;

function apiBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const { config, sink, store } = opts;
  const log = opts.logger.child({ platform: 'slack' });
  const clock = opts.clock ?? Date.now;
  const mode: 'http' | 'socket' = config.SLACK_APP_TOKEN ? 'socket' : 'http';

  if (!config.SLACK_BOT_TOKEN) throw new Error('Slack 配置缺失：需要 SLACK_BOT_TOKEN (xoxb-…)');
  if (mode === 'http' && !config.SLACK_SIGNING_SECRET) {
    throw new Error('Slack 配置缺失：HTTP 模式需要 SLACK_SIGNING_SECRET（或设置 SLACK_APP_TOKEN 使用 Socket Mode）');
  }

  const clientOptions = {
    ...(apiBase(config.SLACK_API_URL) ? { slackApiUrl: apiBase(config.SLACK_API_URL) } : {}),
    retryConfig: RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
  };
  const sdkLogger = boltLogger(log);

  let connected = false;
  const setConnected = (up: boolean) => {
    connected = up;
    metrics.connected.set({ target: 'slack' }, up ? 1 : 0);
  };

  let server: Server | null = null;
  const socketReceiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN as string,
          logger: sdkLogger,
          installerOptions: { clientOptions },
          autoReconnectEnabled: true,
        })
      : null;
  const httpReceiver =
    mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET as string,
          logger: sdkLogger,
          endpoints: '/slack/events',
          processBeforeResponse: false,
        })
      : null;
  if (socketReceiver) {
    socketReceiver.client.on('connected', () => setConnected(true));
    socketReceiver.client.on('reconnecting', () => setConnected(false));
    socketReceiver.client.on('disconnected', () => setConnected(false));
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver: (socketReceiver ?? httpReceiver) as HTTPReceiver,
    logger: sdkLogger,
    clientOptions,
    // auth.test runs in start() (awaited), not in the constructor where a failure would be unhandled.
    deferInitialization: true,
    // Bolt's default in-memory conversation store runs a middleware on every event; nothing here reads it.
    convoStore: false,
  });
  app.error(async (err) => {
    metrics.errors.inc({ platform: 'slack', kind: 'platform' });
    log.error({ err: err.message, code: err.code }, 'slack listener error');
  });

  // --- in-flight work, so stop() can wait for it
  const inflight = new Set<Promise<void>>();
  function track(work: () => Promise<void>): Promise<void> {
    const p = work().catch((err: unknown) => {
      metrics.errors.inc({ platform: 'slack', kind: 'platform' });
      log.error({ err }, 'slack delivery failed');
    });
    inflight.add(p);
    void p.then(() => inflight.delete(p));
    return p;
  }

  async function sendFiles(target: PostTarget, out: Reply, fallback: (text: string) => Promise<unknown>) {
    if (!out.files?.length) return;
    const failed = await uploadFiles(app.client, target, out.files, log);
    if (failed.length) await fallback(uploadFailedText(failed));
  }

  // --- slash commands
  const commands = slashCommands(config);
  for (const [name, kind] of commands) {
    app.command(name, async ({ command, ack, respond, context }) => {
      const text = (command.text ?? '').trim();
      if ((kind === 'ask' || kind === 'report') && !text) {
        await ack({ response_type: 'ephemeral', text: SLACK_MESSAGES.usage[kind](name) });
        return;
      }
      const ackText = SLACK_MESSAGES.acking[kind];
      await ack(ackText ? { response_type: 'ephemeral', text: ackText } : undefined);
      await track(() => handleCommand(command, kind, respond, context.botUserId));
    });
  }

  async function handleCommand(command: SlashCommandPayload, kind: SlashKind, respond: RespondFn, botUserId?: string) {
    const clog = log.child({ trigger: command.trigger_id, conversation: command.channel_id });
    try {
      const msg = fromSlashCommand(command, kind, { config, botUserId, now: clock() });
      const result = await sink(msg);
      if (result.duplicate || !result.reply) {
        clog.info('duplicate slash command not answered again');
        return;
      }
      const out = result.reply;
      const type = IN_CHANNEL.has(out.intent) ? 'in_channel' : 'ephemeral';
      await respondMessages(respond, out, type);
      await sendFiles({ channel: command.channel_id }, out, (t) =>
        respond({ response_type: 'ephemeral', replace_original: false, text: t }),
      );
    } catch (err) {
      metrics.errors.inc({ platform: 'slack', kind: 'platform' });
      clog.error({ err }, 'slash command failed');
      await respondMessages(respond, replies.error(SLACK_MESSAGES.failed), 'ephemeral').catch(() => undefined);
    }
  }

  // --- mentions in channels and direct messages
  async function handleEvent(
    e: SlackMessageEvent,
    body: { event_id?: string; api_app_id?: string },
    botUserId?: string,
    retryNum?: number,
  ) {
    if (shouldSkipEvent(e)) return;
    const msg = fromMessageEvent(e, body, { config, botUserId, now: clock() });
    const elog = log.child({ msgId: msg.messageId, conversation: e.channel, retryNum });
    const result = await sink(msg);
    if (result.duplicate || !result.reply) {
      elog.info('duplicate event not answered again');
      return;
    }
    const target: PostTarget = { channel: e.channel, threadTs: replyThreadTs(e) };
    await postMessages(app.client, target, renderSlackBlocks(result.reply), elog);
    await sendFiles(target, result.reply, (t) =>
      postMessages(app.client, target, renderSlackBlocks(replies.text('error', t)), elog),
    );
  }

  app.event('app_mention', async ({ event, body, context }) => {
    await track(() => handleEvent(event as unknown as SlackMessageEvent, body, context.botUserId, context.retryNum));
  });
  app.event('message', async ({ event, body, context }) => {
    const e = event as unknown as SlackMessageEvent;
    if (e.channel_type !== 'im') return; // channel messages reach us as app_mention
    await track(() => handleEvent(e, body, context.botUserId, context.retryNum));
  });

  // --- 👍/👎
  app.action(
    { type: 'block_actions', action_id: /^zct_feedback_(up|down)$/ },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      await track(async () => {
        const a = action as { action_id: string; value?: string };
        const vote = voteFromActionId(a.action_id);
        if (!vote || !a.value) return;
        const b = body as {
          user: { id: string };
          channel?: { id: string };
          container?: { channel_id?: string };
          response_url?: string;
        };
        const channel = b.channel?.id ?? b.container?.channel_id;
        const confirm = async (text: string) => {
          if (b.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
          else if (channel) await client.chat.postEphemeral({ channel, user: b.user.id, text });
        };
        try {
          const { answerFound } = await recordVote(store, {
            feedbackId: a.value,
            vote,
            userId: b.user.id,
            teamId: `slack:${channel ?? 'unknown'}`,
            at: clock(),
          });
          log.info({ feedbackId: a.value, vote, answerFound }, 'feedback recorded');
          await confirm(FEEDBACK_MESSAGES[vote]);
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'feedback not stored');
          await confirm(FEEDBACK_MESSAGES.failed);
        }
      });
    },
  );

  // --- command buttons (Reply.actions): the button's text command through the pipeline, once per message
  const pressValue = z.object({
    c: z.string().min(1),
    l: z.string(),
    u: z.string().optional(),
    a: z.boolean().optional(),
  });
  const timeFmt = new Intl.DateTimeFormat('zh-CN', {
    timeZone: config.ZCT_TIMEZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  app.action(
    { type: 'block_actions', action_id: new RegExp(`^${COMMAND_ACTION.prefix}\\d+$`) },
    async ({ ack, action, body, respond }) => {
      await ack();
      await track(async () => {
        const b = body as {
          user: { id: string; username?: string; name?: string };
          trigger_id?: string;
          channel?: { id: string };
          container?: { channel_id?: string; message_ts?: string };
          message?: { ts?: string; thread_ts?: string; text?: string; blocks?: SlackBlock[] };
          response_url?: string;
        };
        const value = pressValue.safeParse(
          (() => {
            try {
              return JSON.parse((action as { value?: string }).value ?? '');
            } catch {
              return null;
            }
          })(),
        );
        const channel = b.channel?.id ?? b.container?.channel_id;
        const messageTs = b.container?.message_ts ?? b.message?.ts;
        if (!value.success || !channel || !messageTs) return;
        const press = value.data;
        const userId = b.user.id;
        const plog = log.child({ conversation: channel, message: messageTs, user: userId });
        const tellPresser = (text: string) =>
          respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
        if (press.u && press.u !== userId) return void (await tellPresser(ACTION_TEXTS.notAllowed(`<@${press.u}>`)));
        if (press.a && !isAdminUser(config, userId)) return void (await tellPresser(ACTION_TEXTS.adminsOnly));

        const direct = channel.startsWith('D');
        const msg = incomingMessageSchema.parse({
          platform: 'slack',
          messageId: b.trigger_id ?? `${channel}:${messageTs}`,
          // The message's key: one action per message with buttons, across replicas and double clicks.
          dedupKey: `slack:card:${channel}:${messageTs}`,
          conversationId: channel,
          teamId: `slack:${channel}`,
          isGroup: !direct,
          userId,
          userName: (b.user.name ?? b.user.username ?? '').slice(0, 256),
          isAdmin: isAdminUser(config, userId),
          text: press.c,
          threadId: direct ? b.message?.thread_ts : (b.message?.thread_ts ?? messageTs),
          receivedAt: clock(),
        });
        const result = await sink(msg);
        if (result.duplicate) {
          plog.info('buttons already acted on: press ignored');
          return;
        }
        if (result.reply?.intent !== 'error') {
          // In place: the message as it was, without its buttons, plus who did what.
          const kept = (b.message?.blocks ?? []).filter(
            (x) => !(x.type === 'actions' && x.block_id === COMMAND_ACTION.blockId),
          );
          const note = ACTION_TEXTS.pressed(press.l, `<@${userId}>`, timeFmt.format(new Date(clock()))).replace(
            /\*\*/g,
            '*',
          );
          await respond({
            replace_original: true,
            text: b.message?.text ?? press.l,
            blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: note }] }],
          }).catch((err: unknown) => plog.warn({ err: (err as Error).message }, 'message with buttons not updated'));
        }
        if (result.reply) {
          const threadTs = direct ? b.message?.thread_ts : (b.message?.thread_ts ?? messageTs);
          await postMessages(app.client, { channel, threadTs }, renderSlackBlocks(result.reply), plog);
        }
      });
    },
  );

  function port(): number | null {
    const addr = server?.address();
    return addr && typeof addr === 'object' ? (addr as AddressInfo).port : null;
  }

  return {
    platform: 'slack',
    mode,
    app,
    port,
    async start() {
      await app.init();
      if (socketReceiver) {
        await socketReceiver.start();
        setConnected(true);
        log.info('slack connected (Socket Mode)');
      } else if (httpReceiver) {
        server = (await httpReceiver.start(config.PORT)) as Server;
        setConnected(true);
        log.info({ port: port() }, 'slack listening (HTTP, POST /slack/events)');
      }
    },
    async stop(deadlineMs = 10_000) {
      const receiverStopped = (socketReceiver ?? httpReceiver)
        ?.stop()
        .catch((err: unknown) => log.debug({ err }, 'slack receiver stop'));
      server?.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((r) => {
        timer = setTimeout(r, deadlineMs);
      });
      await Promise.race([Promise.all([receiverStopped, ...inflight]), deadline]);
      clearTimeout(timer);
      server?.closeAllConnections();
      server = null;
      setConnected(false);
    },
    isConnected() {
      return connected;
    },
    async sendToConversation(conversationId: string, out: Reply) {
      const target: PostTarget = { channel: conversationId };
      try {
        await postMessages(app.client, target, renderSlackBlocks(out), log);
        await sendFiles(target, out, (t) =>
          postMessages(app.client, target, renderSlackBlocks(replies.text('error', t)), log),
        );
      } catch (err) {
        metrics.errors.inc({ platform: 'slack', kind: 'platform' });
        throw err;
      }
    },
  };
}
