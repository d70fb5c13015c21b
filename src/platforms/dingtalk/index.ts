/** DingTalk (stream mode) adapter: public API. */
export { createDingTalkAdapter, type DingTalkAdapter, type DingTalkAdapterOptions } from './adapter.js';
export {
  parseRobotMessage,
  type ParseResult,
  type ReplyTarget,
  type DingTalkParseConfig,
  type ParseOptions,
} from './parse.js';
export {
  renderDingTalkMarkdown,
  jsonBytes,
  DEFAULT_MAX_BYTES,
  type DingTalkMarkdownOptions,
  type DingTalkMarkdownPart,
} from './render-markdown.js';
export { DingTalkApi, type DingTalkApiOptions } from './api-client.js';
export { DingTalkApiError, DingTalkWebhookError, DingTalkNetworkError } from './errors.js';
export { DingTalkStreamClient, type StreamClientOptions } from './stream-client.js';
export { postSessionWebhook, markdownBody, type MarkdownWebhookBody } from './webhook.js';
export { DINGTALK_MESSAGES } from './messages.js';
