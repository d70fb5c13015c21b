/**
 * End-to-end harness for the Slack adapter: the REAL Bolt app (HTTP mode on a free port, or Socket Mode)
 * talking to a local fake Slack, feeding a real Bot with the MemoryStore and a small test router.
 *
 * Swapping in the real product is one line: pass `bot` (e.g. the one src/app/create-bot.ts builds) instead
 * of letting the harness build the test one.
 */
import { Bot } from '../../../src/app/bot.js';
import type { HandleResult } from '../../../src/app/bot.js';
import type { IncomingMessage } from '../../../src/messaging/incoming.js';
import type { Reply } from '../../../src/messaging/reply.js';
import { MemoryStore } from '../../../src/store/memory.js';
import type { Store } from '../../../src/store/types.js';
import { createRouter, type Route } from '../../../handlers/router.js';
import type { Handler } from '../../../handlers/types.js';
import { handleHelp } from '../../../handlers/help.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/platforms/slack/index.js';
import { startFakeSlack, FAKE_SLACK_IDENTITY, postToSlackApp, type FakeSlack } from '../../helpers/fake-slack.js';
import { makeServices, testConfig } from '../../helpers/services.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export const BIG_TABLE_ROWS = 300;

/** Test handlers: small, deterministic, and each able to produce the shapes the adapter must render. */
export function testHandlers(hooks: { gate?: () => Promise<void> } = {}): Record<Route, Handler> {
  const ask: Handler = async (msg, services) => {
    if (hooks.gate) await hooks.gate();
    const feedbackId = `fb-${msg.messageId}`;
    const answer = `关于“${msg.text}”：专班组建要坚持 <统筹> & 协调原则。`;
    const citations = [
      {
        n: 1,
        docId: 'd1',
        title: '组团联企工作指引',
        source: '市发改委',
        date: '2024-03-01',
        chunkId: 'd1::0',
        quote: '坚持统筹协调、分级负责、闭环管理。',
      },
    ];
    await services.store.saveAnswer(feedbackId, { question: msg.text, answer, citations }, 3600);
    return {
      intent: 'ask',
      title: '政策解答',
      feedbackId,
      blocks: [
        { type: 'paragraph', text: answer },
        { type: 'citations', items: citations },
      ],
    };
  };
  const report: Handler = async (msg) => ({
    intent: 'report',
    title: '已记录',
    blocks: [{ type: 'paragraph', text: `已记录：${msg.text}` }],
  });
  const issues: Handler = async (msg) => {
    if (msg.text === 'big') {
      return {
        intent: 'issues',
        title: '问题清单',
        blocks: [
          { type: 'heading', text: '问题清单（全部）' },
          {
            type: 'table',
            columns: ['编号', '企业', '诉求', '状态'],
            rows: Array.from({ length: BIG_TABLE_ROWS }, (_, i) => [
              `Q-${String(i + 1).padStart(4, '0')}`,
              `企业${i + 1}有限公司`,
              `缺少化工工程师${i + 1}名，需要人社局对接 <急>`,
              '处理中',
            ]),
          },
        ],
      };
    }
    return {
      intent: 'issues',
      title: '问题清单',
      blocks: [{ type: 'paragraph', text: `问题清单：${msg.text || '全部'}` }],
    };
  };
  const digest: Handler = async () => ({
    intent: 'digest',
    title: '今日简报',
    blocks: [
      {
        type: 'paragraph',
        text: Array.from({ length: 400 }, (_, i) => `第${i + 1}条：本组今日走访企业情况良好，诉求均已交办。`).join(
          '\n',
        ),
      },
    ],
  });
  const clarify: Handler = async () => ({
    intent: 'clarify',
    blocks: [{ type: 'paragraph', text: '这是要记录的进展，还是一个政策问题？' }],
  });
  const exportLedger: Handler = async () => ({ intent: 'admin', blocks: [{ type: 'paragraph', text: '导出' }] });
  return { ask, report, issues, digest, export: exportLedger, help: handleHelp, clarify };
}

export function testRouter(handlers: Record<Route, Handler>) {
  return createRouter({
    handlers,
    isLedgerCommand: (t) => /^(问题清单|Q-\d{4})$/.test(t),
    classify: async (t) => (/[?？]$/.test(t) ? 'ask' : t.includes('走访') ? 'report' : 'unsure'),
  });
}

export interface SlackHarness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  store: Store;
  /** Every message the sink was given, and what it returned. */
  seen: Array<{ msg: IncomingMessage; result: HandleResult }>;
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  post(
    body: { json: unknown } | { form: Record<string, string> },
    opts?: Parameters<typeof postToSlackApp>[3],
  ): ReturnType<typeof postToSlackApp>;
  close(): Promise<void>;
}

export async function startSlackHarness(
  opts: {
    env?: Record<string, string>;
    handlers?: Record<Route, Handler>;
    bot?: { handle(m: IncomingMessage): Promise<HandleResult> };
  } = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const config = testConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ZCT_RATE_LIMIT_PER_MIN: '0',
    ...opts.env,
  });
  const store = new MemoryStore();
  const bot = opts.bot ?? new Bot(makeServices({ store, config }), testRouter(opts.handlers ?? testHandlers()));
  const seen: SlackHarness['seen'] = [];
  const adapter = createSlackAdapter({
    config,
    logger: makeServices({ store, config }).logger,
    store,
    sink: async (msg) => {
      const result = await bot.handle(msg);
      seen.push({ msg, result });
      return result;
    },
  });
  await adapter.start();
  const eventsUrl = adapter.mode === 'http' ? `http://127.0.0.1:${adapter.port()}/slack/events` : '';
  return {
    fake,
    adapter,
    store,
    seen,
    eventsUrl,
    post: (body, o) => postToSlackApp(eventsUrl, SIGNING_SECRET, body, o),
    async close() {
      await adapter.stop(2000);
      await fake.close();
    },
  };
}

let counter = 0;
const uid = () => `${process.pid}${Date.now().toString(36)}${++counter}`;

/** A slash command form body (shape of shared/fixtures/platforms/slack-slash-command.form.txt). */
export function slashForm(
  fake: FakeSlack,
  command: string,
  text: string,
  over: Record<string, string> = {},
): Record<string, string> {
  const trigger = `trig.${uid()}`;
  return {
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: FAKE_SLACK_IDENTITY.teamId,
    team_domain: 'example',
    channel_id: 'C2147483705',
    channel_name: 'lianqi-1',
    user_id: 'U2147483697',
    user_name: 'Steve',
    command,
    text,
    response_url: fake.responseUrl(trigger),
    trigger_id: trigger,
    api_app_id: FAKE_SLACK_IDENTITY.appId,
    ...over,
  };
}

/** An event_callback envelope (shape of slack-app-mention.json / slack-message-im.json). */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${uid()}`) {
  return {
    token: 'XXYYZZ',
    team_id: FAKE_SLACK_IDENTITY.teamId,
    api_app_id: FAKE_SLACK_IDENTITY.appId,
    event,
    type: 'event_callback',
    authorizations: [
      {
        team_id: FAKE_SLACK_IDENTITY.teamId,
        user_id: FAKE_SLACK_IDENTITY.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  };
}

export function mention(text: string, over: Record<string, unknown> = {}) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
  return {
    type: 'app_mention',
    user: 'U061F7AUR',
    text: `<@${FAKE_SLACK_IDENTITY.botUserId}> ${text}`,
    ts,
    channel: 'C123ABC456',
    event_ts: ts,
    ...over,
  };
}

export function blockActions(fake: FakeSlack, actionId: string, value: string, over: Record<string, unknown> = {}) {
  const id = `act.${uid()}`;
  return {
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: FAKE_SLACK_IDENTITY.teamId, domain: 'example' },
      user: { id: 'UA8RXUSPL', username: 'jtorrance', team_id: FAKE_SLACK_IDENTITY.teamId },
      api_app_id: FAKE_SLACK_IDENTITY.appId,
      token: '9s8d9as89d8as9d8as989',
      container: { type: 'message', message_ts: '1548261231.000200', channel_id: 'CBR2V3XEX', is_ephemeral: false },
      trigger_id: id,
      channel: { id: 'CBR2V3XEX', name: 'review-updates' },
      message: {
        bot_id: FAKE_SLACK_IDENTITY.botId,
        type: 'message',
        text: '政策解答',
        user: FAKE_SLACK_IDENTITY.botUserId,
        ts: '1548261231.000200',
      },
      response_url: fake.responseUrl(id),
      actions: [
        {
          action_id: actionId,
          block_id: 'zct_feedback',
          text: { type: 'plain_text', text: '👍', emoji: true },
          value,
          type: 'button',
          action_ts: '1548426417.840180',
        },
      ],
      ...over,
    }),
  };
}

export function responseIdOf(form: Record<string, string>): string {
  return decodeURIComponent(new URL(form.response_url ?? '').pathname.split('/').pop() ?? '');
}

export type { Reply };
