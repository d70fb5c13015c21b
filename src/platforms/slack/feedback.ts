/**
 * 👍/👎 votes on answers. The button value is the Reply's feedbackId; the answer itself was saved by the
 * ask handler (store.saveAnswer(feedbackId, {question, answer, citations})). One vote per user per answer:
 * the Feedback id is `${feedbackId}:${userId}`, so voting again replaces the earlier vote.
 */
import { z } from 'zod';
import type { Feedback, Store } from '../../store/types.js';

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

export type Vote = Feedback['vote'];

export const FEEDBACK_MESSAGES = {
  up: '感谢反馈！已记录：这个回答有用。',
  down: '感谢反馈！已记录：这个回答没有帮上忙，我们会据此改进。',
  failed: '反馈没有保存成功（系统暂时无法写入），请稍后再点一次。',
} as const;

export function voteFromActionId(actionId: string): Vote | null {
  const m = /^zct_feedback_(up|down)$/.exec(actionId);
  return m ? (m[1] as Vote) : null;
}

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
