/** Slack adapter (Bolt): slash commands, mentions, DMs, 👍/👎 feedback, proactive posts. */
export { createSlackAdapter, SLACK_MESSAGES, type SlackAdapter, type SlackAdapterOptions } from './adapter.js';
export {
  renderSlackBlocks,
  blockTextLength,
  splitText,
  SLACK_LIMITS,
  FEEDBACK_ACTION,
  type SlackBlock,
  type SlackMessage,
} from './render.js';
export { escapeMrkdwn, unescapeMrkdwn, toMrkdwn, fromSlackText } from './mrkdwn.js';
export { fromSlashCommand, fromMessageEvent, slashCommands, replyThreadTs, type SlashKind } from './inbound.js';
export { recordVote, voteFromActionId, FEEDBACK_MESSAGES } from './feedback.js';
export { withRateLimitRetry } from './send.js';
