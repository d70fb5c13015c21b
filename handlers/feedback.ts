/**
 * A typed vote on the answer just given: "👍", "有用", "👎", "没用" as the very next message after a policy answer
 * is stored as feedback on that answer (src/answer/feedback.ts: the same store as Slack's and DingTalk's buttons),
 * not read as an acknowledgement, a report or a question. The router decides when a message is such a vote
 * (it knows the last answer: RouteContext.lastAnswer) and keeps that knowledge up to date after every reply
 * (rememberLastAnswer).
 */
import {
  FEEDBACK_TEXTS,
  LAST_ANSWER_TTL_SEC,
  lastAnswerKey,
  lastAnswerSchema,
  recordVote,
  type LastAnswer,
} from '../src/answer/feedback.js';
import type { Services } from '../src/app/services.js';
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { voteOf } from '../src/messaging/intent-cues.js';
import { reply, type Reply } from '../src/messaging/reply.js';
import { readSession } from '../src/store/session.js';
import { SMALLTALK_TEXTS } from './smalltalk.js';
import type { Handler, RouteContext } from './types.js';

/** The answer this user was last given in this conversation, if nothing else was said since. */
export function readLastAnswer(msg: IncomingMessage, services: Services): Promise<LastAnswer | null> {
  return readSession(services.store, lastAnswerKey(msg), lastAnswerSchema, services.logger);
}

/**
 * After every reply: an answer becomes the conversation's last answer; anything else ends the chance to vote on
 * the previous one by typing. Never fails the message (a lost marker only means a typed 👍 is read as 收到).
 */
export async function rememberLastAnswer(
  msg: IncomingMessage,
  services: Services,
  ctx: RouteContext,
  out: Reply,
): Promise<void> {
  try {
    if (out.feedbackId) {
      const at = msg.receivedAt || services.clock().getTime();
      await services.store.setSession(lastAnswerKey(msg), { feedbackId: out.feedbackId, at }, LAST_ANSWER_TTL_SEC);
    } else if (ctx.lastAnswer !== null) {
      // Known to exist, or not looked up (explicit commands skip the state read): forget it.
      await services.store.deleteSession(lastAnswerKey(msg));
    }
  } catch (err) {
    services.logger.warn({ err: (err as Error).message }, 'could not update the last answer of the conversation');
  }
}

export const handleFeedback: Handler = async (msg, services, ctx) => {
  const vote = voteOf(msg.text);
  const last = ctx?.lastAnswer !== undefined ? ctx.lastAnswer : await readLastAnswer(msg, services);
  if (!vote || !last) return reply.text('help', SMALLTALK_TEXTS.ack);
  try {
    const { answerFound } = await recordVote(services.store, {
      feedbackId: last.feedbackId,
      vote,
      userId: msg.userId,
      teamId: msg.teamId,
      at: msg.receivedAt || services.clock().getTime(),
    });
    services.logger.info({ feedbackId: last.feedbackId, vote, answerFound, via: 'text' }, 'feedback recorded');
    return reply.text('help', FEEDBACK_TEXTS[vote], '反馈');
  } catch (err) {
    services.logger.warn({ err: (err as Error).message }, 'feedback not stored');
    return reply.text('help', FEEDBACK_TEXTS.failed, '反馈');
  }
};
