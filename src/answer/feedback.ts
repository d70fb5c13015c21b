/**
 * 👍/👎 on answers, for every platform. The ask handler saves each answer under its feedbackId
 * (store.saveAnswer: question, answer, citations); a vote — a Slack button, a DingTalk card button, or a 👍/👎
 * typed right after the answer — is stored by recordVote in the one feedback store that `zct feedback` and the
 * web console's 问答质量 page read. One vote per user per answer: the Feedback id is `${feedbackId}:${userId}`,
 * so voting again replaces the earlier vote.
 *
 * "Right after an answer": the router remembers the last answer given to a user in a conversation
 * (LAST_ANSWER_TTL_SEC) and forgets it as soon as anything else is said there, so a typed 👍 counts as a vote
 * only as the very next message after the answer.
 */
import { z } from 'zod';
import { conversationKey, type IncomingMessage } from '../messaging/incoming.js';
import type { Feedback, Store } from '../store/types.js';

export type Vote = Feedback['vote'];

export const FEEDBACK_TEXTS = {
  up: '感谢反馈！已记录：这个回答有用。',
  down: '感谢反馈！已记录：这个回答没有帮上忙，我们会据此改进。',
  failed: '反馈没有保存成功（系统暂时无法写入），请稍后再点一次。',
  /** Under an answer shown without buttons (DingTalk markdown). */
  hint: '觉得有用请回复 👍，没帮上请回复 👎。',
  /** Button labels. */
  upLabel: '👍 有用',
  downLabel: '👎 没用',
  /** Shown on a card once votes came in (names of who voted, not how). */
  received: (who: string[]) => `已收到反馈 · ${who.join('、')}`,
} as const;

const storedAnswerSchema = z.object({
  question: z.string().catch(''),
  answer: z.string().catch(''),
  citations: z
    .array(
      z
        .object({ n: z.number(), title: z.string(), chunkId: z.string() })
        .transform(({ n, title, chunkId }) => ({ n, title, chunkId })),
    )
    .catch([]),
});

/**
 * Look up the answer and record the vote. An answer that has expired from the store is still voted on
 * (with empty question/answer) so the signal is not lost.
 * Returns whether the answer text was found.
 */
export async function recordVote(
  store: Store,
  input: { feedbackId: string; vote: Vote; userId: string; teamId: string; at: number },
): Promise<{ feedback: Feedback; answerFound: boolean }> {
  const raw = await store.getAnswer(input.feedbackId);
  const parsed = raw === null ? null : storedAnswerSchema.safeParse(raw);
  const answer = parsed?.success ? parsed.data : { question: '', answer: '', citations: [] };
  const feedback: Feedback = {
    id: `${input.feedbackId}:${input.userId}`,
    vote: input.vote,
    userId: input.userId,
    teamId: input.teamId,
    question: answer.question,
    answer: answer.answer,
    citations: answer.citations,
    at: input.at,
  };
  await store.addFeedback(feedback);
  return { feedback, answerFound: Boolean(parsed?.success) };
}

// --- the last answer in a conversation (typed votes)

/** How long after an answer a typed 👍/👎 still counts as a vote on it. */
export const LAST_ANSWER_TTL_SEC = 30 * 60;

export const lastAnswerSchema = z.object({ feedbackId: z.string().min(1), at: z.number() });
export type LastAnswer = z.infer<typeof lastAnswerSchema>;

export const lastAnswerKey = (msg: Pick<IncomingMessage, 'teamId' | 'threadId' | 'userId'>) =>
  `feedback:last:${conversationKey(msg)}`;
