/**
 * Turning a planned change into ONE atomic, idempotent store commit, and the reply describing it.
 *   plan → commitLedger(messageId = msg.dedupKey, actor = msg.userId) → view → done marker → reply
 * A ConflictError (someone changed the issue meanwhile) re-plans once from fresh data, then asks to resend.
 * A duplicate commit (redelivered message) is answered from the done marker, else rebuilt from the store.
 */
import type { IncomingMessage } from '../../messaging/incoming.js';
import type { Citation, Reply, ReplyAction, ReplyBlock } from '../../messaging/reply.js';
import {
  ConflictError,
  type IssuePatch,
  type LedgerCommitResult,
  type NewIssue,
  type NewVisit,
  type VisitPatch,
  type WithdrawEventFields,
} from '../../store/types.js';
import { repeatOption } from '../../store/repeat.js';
import type { Category, Issue, Visit } from '../model.js';
import type { LedgerDeps, MessageContext } from './context.js';
import {
  finishDraft,
  QUEUED_DRAFTS,
  queued,
  waitingSummary,
  readDraft,
  readMarker,
  saveDraft,
  writeMarker,
  type Draft,
} from './sessions.js';
import { editsOf } from './edits.js';
import { TEXTS } from './texts.js';
import { emptyView, renderRecord, type RecordView } from './view.js';

export interface CommitPlan {
  intent: RecordView['intent'];
  visits: NewVisit[];
  issues: NewIssue[];
  /** Each patch with the issue as it was read before it. */
  patches: Array<{ patch: IssuePatch; issue: Issue }>;
  withdrawIssues: Issue[];
  withdrawVisits: Visit[];
  /** Recorded on the withdrawals' events (a merge names the issue kept). */
  withdrawEvent?: WithdrawEventFields;
  /** Withdrawn issue ids to bring back (admins; 撤销 of a merge). */
  restoreIssues: string[];
  /** Visits whose enterprise is set right (不对，是绿源的), and its undo. */
  visitPatches: VisitPatch[];
  notices: string[];
}

export type DraftInput = Omit<Draft, 'v' | 'createdAt' | 'expiresAt' | 'sourceMessageId'>;

export type Outcome =
  | { type: 'commit'; plan: CommitPlan }
  /** Ask one question; the draft waits in the session. `blocks`: the question as a card (else the question text). */
  | { type: 'ask'; draft: DraftInput; blocks?: ReplyBlock[] }
  /** Nothing to record. `changing`: the message asked for a change, so a redelivery may have recorded it already. */
  | { type: 'reply'; reply: Reply; changing: boolean };

/** A reply followed by the earlier question that waited behind the one just settled (finishDraft), if any. */
export function withNextQuestion(r: Reply, next: string | null): Reply {
  return next ? { ...r, blocks: [...r.blocks, { type: 'paragraph', text: TEXTS.nextDraft(next) }] } : r;
}

export function emptyPlan(intent: CommitPlan['intent']): CommitPlan {
  return {
    intent,
    visits: [],
    issues: [],
    patches: [],
    withdrawIssues: [],
    withdrawVisits: [],
    restoreIssues: [],
    visitPatches: [],
    notices: [],
  };
}

export interface ExecuteHooks {
  /** Policy passages for new issues (empty when off). */
  gift(issues: Array<{ category: Category; summary: string }>): Promise<Citation[]>;
  /** Delete the user's draft once its record is committed. */
  clearsDraft?: boolean;
  /** The report's text, for the repeated-report check (src/store/repeat.ts); onRepeat answers a repeat instead of recording it. */
  repeat?: {
    text: string;
    allow?: boolean;
    onRepeat?: (prior: NonNullable<LedgerCommitResult['repeatOf']>) => Promise<Reply>;
  };
}

export function askReply(question: string, draftTtlMin: number, card?: ReplyBlock[]): Reply {
  return {
    intent: 'clarify',
    title: card ? '请确认' : '请补充',
    blocks: [
      ...(card ?? [{ type: 'paragraph' as const, text: question }]),
      { type: 'note', text: `回复“取消”可放弃这条记录；${draftTtlMin} 分钟内有效。` },
    ],
  };
}

/**
 * Buttons for the questions a tap answers (DingTalk interactive cards, Slack Block Kit): each stands for the words the
 * user could type, so the same rules decide (src/platforms/action-texts.ts renders them, or lists them as hints).
 */
export function confirmActions(pending: Draft['pending']['type'], userId: string): ReplyAction[] | null {
  if (pending === 'confirm') {
    return [
      { label: '确认记录', command: '对', style: 'primary', onlyUser: userId },
      { label: '不记录', command: '不用了', onlyUser: userId },
    ];
  }
  if (pending === 'confirm_repeat') {
    return [
      { label: '再记一次', command: '记录', onlyUser: userId },
      { label: '不用', command: '不用', onlyUser: userId },
    ];
  }
  if (pending === 'confirm_close') {
    return [
      { label: '确认销号', command: '确认', style: 'danger', onlyUser: userId, adminOnly: true },
      { label: '不用了', command: '不用了', onlyUser: userId },
    ];
  }
  return null;
}

/**
 * Saves a question's draft as the current one. One question is asked at a time: an earlier one of the user waits behind
 * this one (asked again once this one is settled), and the question shown says so. Returns the text and card to show.
 */
export async function saveAsked(
  deps: LedgerDeps,
  msg: IncomingMessage,
  draft: Omit<Draft, 'v' | 'createdAt' | 'expiresAt' | 'sourceMessageId'>,
  card?: ReplyBlock[],
): Promise<{ shown: string; blocks: ReplyBlock[] | undefined }> {
  const earlier = await readDraft(deps, msg);
  let shown = draft.question;
  let blocks = card;
  const saved: Omit<Draft, 'v' | 'createdAt' | 'expiresAt'> = { ...draft, sourceMessageId: msg.dedupKey };
  if (
    earlier &&
    earlier.sourceMessageId !== msg.dedupKey &&
    // (the same record asking its next question is no other question given up)
    earlier.text !== draft.text
  ) {
    // (the note is the reply's, not the question's, so the question reads the same when asked again)
    const waiting = [queued(earlier), ...(earlier.earlier ?? [])];
    saved.earlier = waiting.slice(0, QUEUED_DRAFTS);
    // (more questions than can wait: the oldest gives way — never silently, the reply names it)
    const dropped = waiting.slice(QUEUED_DRAFTS);
    const note = [TEXTS.draftQueued, ...dropped.map((d) => TEXTS.draftDropped(waitingSummary(d)))].join('\n');
    shown = `${note}\n${draft.question}`;
    if (blocks) blocks = [{ type: 'note', text: note }, ...blocks];
  } else if (earlier?.earlier?.length && !draft.earlier) {
    // (the same record asking its next question keeps what waits behind it)
    saved.earlier = earlier.earlier;
  }
  await saveDraft(deps, msg, saved);
  return { shown, blocks };
}

const isConflict = (err: unknown): boolean =>
  err instanceof ConflictError || (err instanceof Error && err.name === 'ConflictError');

export async function execute(
  deps: LedgerDeps,
  ctx: MessageContext,
  build: () => Promise<Outcome>,
  hooks: ExecuteHooks,
): Promise<Reply> {
  const undoMinutes = deps.config.ZCT_UNDO_WINDOW_MIN;
  for (let attempt = 0; ; attempt++) {
    const outcome = await build();
    if (outcome.type !== 'commit') {
      if (outcome.type === 'ask' || outcome.changing) {
        const done = await readMarker(deps, ctx.msg.dedupKey);
        if (done) return renderRecord(done, { undoMinutes });
      }
      if (outcome.type === 'reply') {
        // (an answer that records nothing — 不用 to "已经记录过了", 否 to "登记为新问题吗？" — settles its question too)
        if (!hooks.clearsDraft) return outcome.reply;
        return withNextQuestion(outcome.reply, await finishDraft(deps, ctx.msg));
      }
      const { shown, blocks } = await saveAsked(deps, ctx.msg, outcome.draft, outcome.blocks);
      const asked = askReply(shown, deps.config.ZCT_DRAFT_TTL_MIN, blocks);
      const actions = confirmActions(outcome.draft.pending.type, ctx.msg.userId);
      return actions ? { ...asked, actions } : asked;
    }
    const { plan } = outcome;
    let result: LedgerCommitResult;
    try {
      result = await deps.store.commitLedger({
        messageId: ctx.msg.dedupKey,
        teamId: ctx.msg.teamId,
        at: ctx.now,
        actor: ctx.msg.userId,
        actorName: ctx.msg.userName,
        visits: plan.visits,
        issues: plan.issues,
        // Every patch carries the fields it changes with their previous values (history, audit log, undo).
        patches: plan.patches.map(({ patch, issue }) => {
          const edits = patch.event?.edits ?? editsOf(patch, issue);
          return edits.length ? { ...patch, event: { ...patch.event, edits } } : patch;
        }),
        ...(plan.withdrawIssues.length ? { withdrawIssues: plan.withdrawIssues.map((i) => i.id) } : {}),
        ...(plan.withdrawEvent ? { withdrawEvent: plan.withdrawEvent } : {}),
        ...(plan.withdrawVisits.length ? { withdrawVisits: plan.withdrawVisits.map((v) => v.id) } : {}),
        ...repeatOption(
          hooks.repeat,
          ctx.msg,
          // (a progress note resent word for word is the same news, not a second step: asked about too)
          plan.visits.length + plan.issues.length + plan.patches.length > 0,
          deps.config.ZCT_REPEAT_WINDOW_MIN,
        ),
        ...(plan.restoreIssues.length ? { restoreIssues: plan.restoreIssues } : {}),
        ...(plan.visitPatches.length ? { visitPatches: plan.visitPatches } : {}),
      });
    } catch (err) {
      if (!isConflict(err)) throw err;
      deps.logger.info({ attempt, err: (err as Error).message }, 'ledger commit conflict');
      if (attempt === 0) continue;
      return { intent: 'error', title: '请重新发送', blocks: [{ type: 'paragraph', text: TEXTS.conflict }] };
    }

    if (result.repeatOf && hooks.repeat?.onRepeat) return hooks.repeat.onRepeat(result.repeatOf);
    let view: RecordView;
    if (result.duplicate) {
      view =
        (await readMarker(deps, ctx.msg.dedupKey)) ??
        (await viewFromStore(deps, plan.intent, ctx.msg.dedupKey, result, hooks));
    } else {
      view = viewFromPlan(plan, result);
      view.gift = await hooks.gift(plan.issues);
      // A plain new record replans identically on redelivery and is rebuilt from the store; anything that
      // depends on state (updates, undo, notices, a draft's answer) keeps its exact reply.
      const rebuildable =
        !hooks.clearsDraft &&
        !plan.patches.length &&
        !plan.withdrawIssues.length &&
        !plan.withdrawVisits.length &&
        !plan.restoreIssues.length &&
        !plan.visitPatches.length &&
        !plan.notices.length;
      if (!rebuildable) await writeMarker(deps, ctx.msg.dedupKey, view);
    }
    let next: string | null = null;
    if (hooks.clearsDraft) {
      next = await finishDraft(deps, ctx.msg).catch((err: unknown) => {
        deps.logger.warn({ err: (err as Error).message }, 'could not delete the finished draft');
        return null;
      });
    }
    return withNextQuestion(renderRecord(view, { undoMinutes }), next);
  }
}

function viewFromPlan(plan: CommitPlan, result: LedgerCommitResult): RecordView {
  const view = emptyView(plan.intent);
  view.visits = plan.visits.map((v, i) => ({ id: result.visitIds[i] ?? '?', enterprise: v.enterprise, date: v.date }));
  view.created = plan.issues.map((n, i) => ({
    id: result.issueIds[i] ?? '?',
    enterprise: n.enterprise,
    category: n.category,
    summary: n.summary,
    status: n.status,
    department: n.department,
    dueDate: n.dueDate,
  }));
  view.updated = plan.patches.map(({ patch, issue }) => ({
    id: issue.id,
    enterprise: patch.enterprise ?? issue.enterprise,
    category: patch.category ?? issue.category,
    summary: patch.summary ?? issue.summary,
    from: issue.status,
    to: patch.status ?? issue.status,
    department: patch.department !== undefined ? patch.department : issue.department,
    ...(patch.department && issue.department && patch.department !== issue.department
      ? { departmentFrom: issue.department }
      : {}),
    dueDate: patch.dueDate !== undefined ? patch.dueDate : issue.dueDate,
    note: patch.note ?? null,
  }));
  view.withdrawn = [
    ...plan.withdrawIssues.map((i) => ({
      id: i.id,
      label: `${i.enterprise} ${i.category}｜${i.summary}`,
      ...(plan.withdrawEvent?.mergedInto ? { into: plan.withdrawEvent.mergedInto } : {}),
    })),
    ...plan.withdrawVisits.map((v) => ({ id: v.id, label: `走访 ${v.enterprise}（${v.date}）` })),
  ];
  view.notices = [...plan.notices];
  return view;
}

/** The done marker is gone (or was never written): describe the first commit from what the store holds. */
async function viewFromStore(
  deps: LedgerDeps,
  intent: RecordView['intent'],
  messageId: string,
  result: LedgerCommitResult,
  hooks: ExecuteHooks,
): Promise<RecordView> {
  const { store } = deps;
  const view = emptyView(intent);
  for (const id of result.visitIds) {
    const v = await store.getVisit(id);
    if (v) view.visits.push({ id, enterprise: v.enterprise, date: v.date });
  }
  for (const id of result.issueIds) {
    const i = await store.getIssue(id);
    if (i)
      view.created.push({
        id,
        enterprise: i.enterprise,
        category: i.category,
        summary: i.summary,
        status: i.status,
        department: i.department,
        dueDate: i.dueDate,
      });
  }
  for (const id of result.patchedIds) {
    const i = await store.getIssue(id);
    if (!i) continue;
    const ev = (await store.issueHistory(id)).find((e) => e.messageId === messageId && e.type === 'issue.updated');
    view.updated.push({
      id,
      enterprise: i.enterprise,
      category: i.category,
      summary: i.summary,
      from: ev?.from ?? i.status,
      to: ev?.to ?? ev?.from ?? i.status,
      department: ev?.department !== undefined ? ev.department : i.department,
      dueDate: i.dueDate,
      note: ev?.note ?? null,
    });
  }
  view.gift = await hooks.gift(view.created);
  return view;
}
