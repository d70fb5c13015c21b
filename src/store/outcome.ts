/**
 * What to tell a user whose message met a store failure — decided ONCE, in the message pipeline (src/app/bot.ts).
 *
 * Three states, never confused:
 *   - recorded:     the message's ledger commit is in Redis (its dedup record says so) → say what was recorded;
 *   - not recorded: Redis answered and holds no commit for the message → ask to resend;
 *   - unknown:      a commit was sent and Redis stayed silent (StoreUnavailableError outcome 'unknown'), or Redis
 *                   cannot be asked → say it MAY be recorded and how to check (问题清单), never "没有被记录".
 */
import { reply, type Reply } from '../messaging/reply.js';
import type { CommitRecord, Store, StoreUnavailableError } from './types.js';

export const OUTCOME_TEXTS = {
  notRecorded: '系统暂时无法保存数据（数据库连接中断），本条消息未被记录，请稍后重新发送。',
  unknown:
    '数据库响应超时，暂时无法确认这条消息是否已经记录——它可能已经记录了。请过一会儿发送“问题清单”查看：已经有了就不用再发；确实没有，再重新发送这条。',
  recorded: (what: string) => `这条消息已经记录：${what}。发送编号可查看详情。`,
} as const;

function describe(rec: CommitRecord): string {
  const parts: string[] = [];
  if (rec.visitIds.length) parts.push(`走访 ${rec.visitIds.join('、')}`);
  if (rec.issueIds.length) parts.push(`问题 ${rec.issueIds.join('、')}`);
  if (rec.patchedIds.length) parts.push(`更新 ${rec.patchedIds.join('、')}`);
  return parts.join('；') || '（没有新的记录）';
}

export interface StoreFailureOutcome {
  state: 'recorded' | 'not_recorded' | 'unknown';
  reply: Reply;
}

/**
 * Find out what a failed message left in the ledger: one read of its commit record (the commit path has already
 * waited for Redis when it reports 'unknown', so this does not wait again). `dedupKey` null: the message was never
 * claimed, so nothing of it can be in the ledger.
 */
export async function storeFailureOutcome(
  store: Store,
  dedupKey: string | null,
  err: StoreUnavailableError,
): Promise<StoreFailureOutcome> {
  // Not even claimed: nothing of this message reached the ledger.
  if (dedupKey === null)
    return { state: 'not_recorded', reply: { ...reply.error(OUTCOME_TEXTS.notRecorded), title: '请稍后重发' } };
  let rec: CommitRecord | null;
  try {
    rec = await store.readCommit(dedupKey);
  } catch {
    return err.outcome === 'unknown'
      ? { state: 'unknown', reply: { ...reply.error(OUTCOME_TEXTS.unknown), title: '可能已记录' } }
      : { state: 'not_recorded', reply: { ...reply.error(OUTCOME_TEXTS.notRecorded), title: '请稍后重发' } };
  }
  if (rec)
    return {
      state: 'recorded',
      reply: {
        intent: 'report',
        title: '已记录',
        blocks: [{ type: 'paragraph', text: OUTCOME_TEXTS.recorded(describe(rec)) }],
      },
    };
  return { state: 'not_recorded', reply: { ...reply.error(OUTCOME_TEXTS.notRecorded), title: '请稍后重发' } };
}
