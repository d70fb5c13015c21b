/**
 * Slack's 👍/👎 buttons: the button value is the Reply's feedbackId and the action id names the vote. The vote
 * is stored by the platform-neutral recordVote (src/answer/feedback.ts), like DingTalk's card buttons and typed votes.
 */
import { FEEDBACK_TEXTS, recordVote, type Vote } from '../../answer/feedback.js';

export { recordVote, type Vote };

/** The ephemeral confirmations (the same texts every platform uses). */
export const FEEDBACK_MESSAGES = {
  up: FEEDBACK_TEXTS.up,
  down: FEEDBACK_TEXTS.down,
  failed: FEEDBACK_TEXTS.failed,
} as const;

export function voteFromActionId(actionId: string): Vote | null {
  const m = /^zct_feedback_(up|down)$/.exec(actionId);
  return m ? (m[1] as Vote) : null;
}
