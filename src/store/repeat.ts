/**
 * The second line of defence against double records: a user who was told a report *may* not have been recorded
 * resends it under a new message id. The commit script remembers each report's normalised words per team and user
 * for a few minutes (ZCT_REPEAT_WINDOW_MIN); the same words again from the same person in the same group are not
 * recorded but asked about ("这条和刚才的 V-… 内容相同，已经记录过了。要再记一次请回复“记录”，不用请回复“不用”。").
 */
import { createHash } from 'node:crypto';

/** The words of a report, without width, case, spacing or punctuation differences. */
export function normaliseReport(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Key of a report for LedgerCommit.repeat; null when the text has no words to compare. */
export function repeatKey(teamId: string, userId: string, text: string): string | null {
  const words = normaliseReport(text);
  if (words.length < 4) return null;
  return createHash('sha1').update(`${teamId}\n${userId}\n${words}`).digest('hex');
}

/**
 * The `repeat` part of a LedgerCommit, or nothing: only for commits that create visits or issues from a report's
 * text, and only when the window is on. `allow`: record even if it repeats (the user confirmed, or the commit
 * completes a report the user was asked about) — the key is still refreshed.
 */
export function repeatOption(
  input: { text: string; allow?: boolean } | undefined,
  who: { teamId: string; userId: string },
  creates: boolean,
  windowMin: number,
): { repeat?: { key: string; windowMs: number; allow?: boolean } } {
  if (!input || !creates || windowMin <= 0) return {};
  const key = repeatKey(who.teamId, who.userId, input.text);
  if (!key) return {};
  return { repeat: { key, windowMs: Math.round(windowMin * 60_000), ...(input.allow ? { allow: true } : {}) } };
}

/** The question asked instead of recording a repeat. */
export function repeatQuestion(prior: { visitIds: string[]; issueIds: string[]; patchedIds?: string[] }): string {
  const ids = [...new Set([...prior.visitIds, ...prior.issueIds, ...(prior.patchedIds ?? [])])];
  const shown = ids.length > 3 ? `${ids.slice(0, 3).join('、')} 等` : ids.join('、');
  // (no yes/no question: "是" to "是否重复记录？" could mean either — the two answers are words of their own)
  return `这条和刚才的 ${shown || '记录'} 内容相同，已经记录过了。要再记一次请回复“记录”，不用请回复“不用”。`;
}
