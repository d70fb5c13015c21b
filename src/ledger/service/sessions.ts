/**
 * The ledger's two kinds of session document:
 *   - the draft: a report waiting for ONE answer (which enterprise? which issue? record as new?),
 *     per conversation + user, ZCT_DRAFT_TTL_MIN;
 *   - the done marker: what a message recorded, per message dedup key, ZCT_DEDUP_TTL_HOURS, so a
 *     redelivered message is answered with the same records.
 */
import { z } from 'zod';
import type { IncomingMessage } from '../../messaging/incoming.js';
import { readSession } from '../../store/session.js';
import { extractionSchema } from '../model.js';
import type { LedgerDeps } from './context.js';
import { TEXTS } from './texts.js';
import { recordViewSchema, type RecordView } from './view.js';

const pendingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enterprise'), options: z.array(z.string()) }),
  z.object({
    type: z.literal('target'),
    index: z.number().int(),
    candidates: z.array(z.object({ id: z.string(), label: z.string() })),
  }),
  z.object({ type: z.literal('confirm_new'), index: z.number().int() }),
  /** The same report was recorded moments ago (src/store/repeat.ts): record it again? */
  z.object({ type: z.literal('confirm_repeat') }),
  /** More issues than ZCT_MAX_ISSUES_PER_MESSAGE (src/config/limits.ts): record them all? */
  z.object({ type: z.literal('confirm_many'), count: z.number().int() }),
  /** A low-confidence parse shown as a card: record on 对/确认/👍, replace by a correction, drop on 不用了. */
  z.object({ type: z.literal('confirm') }),
  /** 销号 of an issue not yet 办结: on 确认, record 办结 then 销号. */
  z.object({ type: z.literal('confirm_close'), issueIds: z.array(z.string()).min(1), note: z.string().nullable() }),
]);

const draftCore = {
  /** The message whose reply asked the pending question: its redelivery re-asks, it is not an answer. */
  sourceMessageId: z.string(),
  text: z.string(),
  /** The date of the original report (relative dates were resolved against it). */
  today: z.string(),
  extraction: extractionSchema,
  answers: z.object({
    enterprise: z.string().nullable(),
    /** update item index → issue id */
    targets: z.record(z.string(), z.string()),
    /** update item index → true: record as a new issue; false: skip it */
    asNew: z.record(z.string(), z.boolean()),
    /** The answer to confirm_repeat. */
    repeat: z.boolean().optional(),
    /** The answer to confirm_many. */
    many: z.boolean().optional(),
    /** The user confirmed the card of a low-confidence parse. */
    confirmed: z.boolean().optional(),
  }),
  pending: pendingSchema,
  question: z.string(),
};

/** A question that had to wait for a newer one (at most QUEUED_DRAFTS): asked again once the newer is settled. */
const queuedSchema = z.object(draftCore);
export type QueuedDraft = z.infer<typeof queuedSchema>;
/** How many earlier questions wait behind the current one. */
export const QUEUED_DRAFTS = 4;

export const draftSchema = z.object({
  v: z.literal(1),
  ...draftCore,
  /** Earlier questions of this user, newest first, that wait until this one is answered or dropped. */
  earlier: z.array(queuedSchema).max(QUEUED_DRAFTS).optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
});

export type Draft = z.infer<typeof draftSchema>;
export type DraftAnswers = Draft['answers'];
export type PendingQuestion = Draft['pending'];

export const emptyAnswers = (): DraftAnswers => ({ enterprise: null, targets: {}, asNew: {} });

export function draftKey(msg: Pick<IncomingMessage, 'teamId' | 'threadId' | 'userId'>): string {
  return `ledger:draft:${msg.teamId}:${msg.threadId ?? '-'}:${msg.userId}`;
}

/** The user's pending draft (null when none, or expired). The router reads it once per message and passes it on. */
export async function readDraft(deps: LedgerDeps, msg: IncomingMessage): Promise<Draft | null> {
  const draft = await readSession(deps.store, draftKey(msg), draftSchema, deps.logger);
  if (draft && draft.expiresAt <= deps.clock().getTime()) {
    await deps.store.deleteSession(draftKey(msg));
    return null;
  }
  return draft;
}

export async function saveDraft(
  deps: LedgerDeps,
  msg: IncomingMessage,
  draft: Omit<Draft, 'v' | 'createdAt' | 'expiresAt'>,
): Promise<void> {
  const ttlSec = deps.config.ZCT_DRAFT_TTL_MIN * 60;
  const now = deps.clock().getTime();
  await deps.store.setSession(
    draftKey(msg),
    { v: 1, ...draft, createdAt: now, expiresAt: now + ttlSec * 1000 } satisfies Draft,
    ttlSec,
  );
}

export async function deleteDraft(deps: LedgerDeps, msg: IncomingMessage): Promise<void> {
  await deps.store.deleteSession(draftKey(msg));
}

/** The draft as it waits behind a newer question (its own queue is carried by the newer one). */
export function queued(draft: Draft): QueuedDraft {
  const { v: _v, earlier: _e, createdAt: _c, expiresAt: _x, ...core } = draft;
  return core;
}

/**
 * The current question is settled (answered, cancelled or withdrawn): the next earlier question, if one waits, becomes
 * current again (a fresh wait) and its text is returned to be asked with the reply; else the draft is deleted.
 */
export async function finishDraft(deps: LedgerDeps, msg: IncomingMessage): Promise<string | null> {
  const draft = await readDraft(deps, msg);
  const [next, ...rest] = draft?.earlier ?? [];
  if (!next) {
    await deleteDraft(deps, msg);
    return null;
  }
  await saveDraft(deps, msg, { ...next, ...(rest.length ? { earlier: rest } : {}) });
  return next.question;
}

const markerKey = (dedupKey: string) => `ledger:done:${dedupKey}`;

export async function readMarker(deps: LedgerDeps, dedupKey: string): Promise<RecordView | null> {
  return readSession(deps.store, markerKey(dedupKey), recordViewSchema, deps.logger);
}

/** Best effort: the commit already happened, so a failure here is logged, never reported as "not recorded". */
export async function writeMarker(deps: LedgerDeps, dedupKey: string, view: RecordView): Promise<void> {
  try {
    await deps.store.setSession(markerKey(dedupKey), view, Math.round(deps.config.ZCT_DEDUP_TTL_HOURS * 3600));
  } catch (err) {
    deps.logger.warn(
      { err: (err as Error).message },
      'could not keep the ledger done-marker (the commit itself succeeded)',
    );
  }
}

/** One line saying what a waiting draft asks: its question, or for a card the first thing it would record. */
export function waitingSummary(draft: Pick<Draft, 'question'>): string {
  const lines = draft.question
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines[0] !== TEXTS.cardLead) return lines[0] ?? '';
  const first = lines.find((l) => /^[•·]/.test(l))?.replace(/^[•·]\s*/, '') ?? '';
  return `确认这条记录（${first}${lines.filter((l) => /^[•·]/.test(l)).length > 1 ? ' 等' : ''}）请回复“对”`;
}
