/**
 * Every setting the bot reads, validated with zod. `.env.example` documents each one;
 * keep the two in step (test/config.test.ts checks that every key here is in .env.example).
 */
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase())));

const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const hhmm = z.string().regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM');

export const configSchema = z.object({
  // --- general
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ZCT_TIMEZONE: z.string().default('Asia/Shanghai'),
  ZCT_DATA_DIR: z.string().default('data'),
  ZCT_CORPUS_DIR: z.string().default('data/corpus'),
  ZCT_CACHE_DIR: z.string().default('.cache'),
  ZCT_MAX_TEXT: z.coerce.number().int().positive().default(4000),
  ZCT_ADMINS: list,
  ZCT_ADMIN_GROUPS: list,
  ZCT_RATE_LIMIT_PER_MIN: z.coerce.number().int().nonnegative().default(30),
  ZCT_DUE_DAYS: z.coerce.number().int().positive().default(15),
  ZCT_DRAFT_TTL_MIN: z.coerce.number().int().positive().default(30),
  ZCT_UNDO_WINDOW_MIN: z.coerce.number().int().positive().default(10),
  ZCT_SESSION_TTL_HOURS: z.coerce.number().positive().default(24),
  ZCT_DEDUP_TTL_HOURS: z.coerce.number().positive().default(72),
  /** After a ledger commit's reply is lost, how long to wait for Redis to tell whether it ran. */
  ZCT_OUTCOME_WAIT_MS: z.coerce.number().int().nonnegative().default(8000),
  /** The same report words from the same person in the same group within this many minutes are asked about, not recorded twice. 0 = off. */
  ZCT_REPEAT_WINDOW_MIN: z.coerce.number().nonnegative().default(10),

  // --- bounds (each has a Chinese answer when reached)
  ZCT_MAX_ENTERPRISES_PER_TEAM: z.coerce.number().int().positive().default(200),
  ZCT_MAX_ENTERPRISES_PER_MESSAGE: z.coerce.number().int().positive().default(30),
  ZCT_MAX_ISSUES_PER_MESSAGE: z.coerce.number().int().positive().default(10),
  ZCT_MAX_TEAM_NAME: z.coerce.number().int().positive().default(30),
  ZCT_MAX_DIGEST_MESSAGES: z.coerce.number().int().positive().default(4),
  ZCT_DIGEST_LIST_MAX: z.coerce.number().int().positive().default(10),
  /** A remembered reply that carries a file (xlsx export) is kept this long for redeliveries, not ZCT_DEDUP_TTL_HOURS. */
  ZCT_FILE_REPLY_TTL_MIN: z.coerce.number().positive().default(30),

  // --- store
  REDIS_URL: optionalString,
  REDIS_CLUSTER_NODES: list,
  /** Credentials for REDIS_URL and every REDIS_CLUSTER_NODES node (instead of user:pass@ in the URLs). */
  REDIS_USERNAME: optionalString,
  REDIS_PASSWORD: optionalString,
  ZCT_REDIS_PREFIX: z.string().default('zct'),

  // --- LLM (any OpenAI-compatible endpoint)
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
  OPENAI_EMBEDDING_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  LLM_STRUCTURED_OUTPUT: z.enum(['json_schema', 'json_object']).default('json_schema'),

  // --- DingTalk (stream mode)
  DINGTALK_CLIENT_ID: optionalString,
  DINGTALK_CLIENT_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_GATEWAY_URL: z.string().default('https://api.dingtalk.com/v1.0/gateway/connections/open'),
  DINGTALK_API_BASE: z.string().default('https://api.dingtalk.com'),
  /** stream: outbound WebSocket (default); http: DingTalk POSTs robot callbacks to DINGTALK_HTTP_PORT + DINGTALK_HTTP_PATH. */
  DINGTALK_MODE: z.enum(['stream', 'http']).default('stream'),
  DINGTALK_HTTP_HOST: z.string().default('0.0.0.0'),
  DINGTALK_HTTP_PORT: z.coerce.number().int().nonnegative().default(3100),
  DINGTALK_HTTP_PATH: z.string().regex(/^\//, 'expected a path starting with /').default('/dingtalk/robot'),
  /** Policy answers as streaming AI cards (also on when DINGTALK_CARD_TEMPLATE_ID is set). */
  DINGTALK_AI_CARD: bool.default(false),
  DINGTALK_CARD_TEMPLATE_ID: optionalString,
  /** Template of cards with buttons (markdown + msgButtons); defaults to DingTalk's markdown-with-buttons template. */
  DINGTALK_ACTION_CARD_TEMPLATE_ID: optionalString,
  /** The AI card template's variables: the markdown the answer is streamed into, and the state (1/2/3/5). */
  DINGTALK_CARD_CONTENT_KEY: z.string().min(1).default('msgContent'),
  DINGTALK_CARD_STATUS_KEY: z.string().min(1).default('flowStatus'),
  /**
   * HTTP mode: card button presses. DingTalk POSTs them to DINGTALK_CARD_CALLBACK_URL (registered at start under
   * DINGTALK_CARD_CALLBACK_ROUTE_KEY, signed with DINGTALK_CARD_CALLBACK_SECRET, default the Client Secret), which
   * must reach DINGTALK_HTTP_CARD_PATH on DINGTALK_HTTP_PORT. Without the URL, HTTP mode has no card buttons.
   */
  DINGTALK_HTTP_CARD_PATH: z.string().regex(/^\//, 'expected a path starting with /').default('/dingtalk/card'),
  DINGTALK_CARD_CALLBACK_URL: optionalString,
  DINGTALK_CARD_CALLBACK_ROUTE_KEY: z.string().min(1).default('zct-card'),
  DINGTALK_CARD_CALLBACK_SECRET: optionalString,

  // --- Slack
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString,
  PORT: z.coerce.number().int().nonnegative().default(3000),
  SLACK_COMMAND_ASK: z.string().default('/ask'),
  SLACK_COMMAND_REPORT: z.string().default('/report'),
  SLACK_COMMAND_ISSUES: z.string().default('/issues'),
  SLACK_COMMAND_DIGEST: z.string().default('/digest'),
  SLACK_COMMAND_HELP: z.string().default('/zct'),

  // --- health / metrics
  HEALTH_PORT: z.coerce.number().int().nonnegative().default(9464),
  /** Address /healthz and /metrics listen on: loopback unless an operator opens it (0.0.0.0, a private interface). */
  HEALTH_HOST: z.string().default('127.0.0.1'),

  // --- digests and reminders
  DIGEST_TIME: hhmm.default('08:30'),
  REMINDER_TIME: hhmm.default('09:30'),
  REMINDER_IDLE_DAYS: z.coerce.number().int().positive().default(7),
  ZCT_WORKDAYS_ONLY: bool.default(true),
  ZCT_HOLIDAYS_FILE: optionalString,
  ZCT_SCHEDULER: bool.default(true),

  // --- web console (src/web): off unless WEB_PORT is set
  WEB_PORT: z.coerce.number().int().nonnegative().default(0),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_PUBLIC_URL: optionalString,
  WEB_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  WEB_LINK_TTL_MIN: z.coerce.number().positive().default(15),
  WEB_LEADERS: list,
  WEB_UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  DINGTALK_CORP_ID: optionalString,
  DINGTALK_OAPI_BASE: z.string().default('https://oapi.dingtalk.com'),
  /** Sign in with Slack (OpenID Connect) on the console: on when both are set (the Slack app's Basic Information). */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** Where Slack's OpenID endpoints live (authorize, api/openid.connect.token, keys) and the id_token issuer. */
  SLACK_OIDC_BASE: z.string().default('https://slack.com'),
  /** Only members of this Slack workspace (T…) may sign in; unset = any workspace the app is installed in. */
  SLACK_TEAM_ID: optionalString,
});

export type Config = z.infer<typeof configSchema>;
