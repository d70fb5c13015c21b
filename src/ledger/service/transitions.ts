/**
 * The issue lifecycle: open → assigned → in_progress → resolved → closed, reopen back to open/assigned.
 * One function turns "what the message says" into a store patch (or a polite notice), for both the
 * free-text updates and the explicit commands.
 */
import type { IssuePatch } from '../../store/types.js';
import { addDays } from '../../time/index.js';
import { isActive, type Issue, type IssueStatus } from '../model.js';
import { TEXTS } from './texts.js';

export const STATUS_RANK: Record<IssueStatus, number> = {
  open: 0,
  assigned: 1,
  in_progress: 2,
  resolved: 3,
  closed: 4,
};

export interface Change {
  /** The status the message asks for; null: a note only. */
  to: IssueStatus | null;
  department?: string | null;
  /** An explicit deadline (YYYY-MM-DD), else ZCT_DUE_DAYS after the message date on assignment. */
  deadline?: string | null;
  note: string | null;
  /** Explicit 交办 / 重新打开: moves back from in_progress / done as asked. */
  explicit?: 'assign' | 'reopen';
}

export interface TransitionCtx {
  today: string;
  dueDays: number;
  isAdmin: boolean;
}

export type Transition = { patch: IssuePatch; notice?: string } | { patch?: undefined; notice: string };

const laterOf = (a: string, b: string | null): string => (b && b > a ? b : a);

function dueFor(ctx: TransitionCtx, change: Change): string {
  return change.deadline ?? addDays(ctx.today, ctx.dueDays);
}

export function transition(issue: Issue, change: Change, ctx: TransitionCtx): Transition {
  const cur = issue.status;
  const id = issue.id;

  if (change.explicit === 'reopen') {
    if (isActive(cur)) return { notice: TEXTS.reopenNotNeeded(id, cur) };
    if (cur === 'closed' && !ctx.isAdmin) return { notice: TEXTS.reopenClosedRefused(id) };
    const to: IssueStatus = issue.department ? 'assigned' : 'open';
    return {
      patch: {
        issueId: id,
        status: to,
        expectStatus: cur,
        // (a new round of work: the default time from today — or the issue's own deadline when that is later, one moved
        // after the 办结 to 12月31日; a reopen never shortens it)
        dueDate: to === 'assigned' ? laterOf(dueFor(ctx, change), change.deadline ? null : issue.dueDate) : null,
        note: change.note ?? '重新打开',
      },
    };
  }

  if (cur === 'closed') return { notice: TEXTS.closedNeedsReopen(id) };
  if (change.to === 'closed' && !ctx.isAdmin) return { notice: TEXTS.closeRefused(id) };
  // 销号 follows 办结: an unresolved issue is closed by the explicit command, after confirmation.
  if (change.to === 'closed' && isActive(cur)) return { notice: TEXTS.closeNotResolved(id) };

  const department = change.department && change.department !== issue.department ? change.department : undefined;

  if (change.explicit === 'assign') {
    if (!isActive(cur)) return { notice: TEXTS.assignNeedsReopen(id, cur) };
    if (department === undefined && !change.deadline && cur !== 'open' && issue.dueDate)
      return { notice: TEXTS.alreadyIn(id, cur) };
    const keep = cur === 'in_progress' && !department;
    return {
      patch: {
        issueId: id,
        expectStatus: cur,
        ...(keep ? {} : { status: 'assigned' as const }),
        ...(department !== undefined ? { department } : {}),
        dueDate: change.deadline ?? (department !== undefined || !issue.dueDate ? dueFor(ctx, change) : issue.dueDate),
        ...(change.note ? { note: change.note } : {}),
      },
    };
  }

  const to = change.to;
  if (cur === 'resolved') {
    if (to === 'closed')
      return {
        patch: { issueId: id, status: 'closed', expectStatus: cur, ...(change.note ? { note: change.note } : {}) },
      };
    if (to === 'resolved' || !change.note) return { notice: TEXTS.alreadyIn(id, cur) };
    // A progress note on a done issue: keep the status, keep the note.
    return { patch: { issueId: id, expectStatus: cur, note: change.note }, notice: TEXTS.resolvedNote(id) };
  }

  // Active issue.
  let status: IssueStatus | undefined;
  if (to === 'resolved' || to === 'closed') status = to;
  else if (to && STATUS_RANK[to] > STATUS_RANK[cur]) status = to;
  else if (to === 'assigned' && department !== undefined) status = 'assigned'; // handed to another department
  const after = status ?? cur;
  // (a new hand-off starts a new deadline; another department seen at work — 住建局说下周复验 — keeps the one set)
  const needsDue =
    (after === 'assigned' || after === 'in_progress') &&
    (!issue.dueDate || (department !== undefined && to === 'assigned') || Boolean(change.deadline));
  const patch: IssuePatch = {
    issueId: id,
    expectStatus: cur,
    ...(status ? { status } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(needsDue ? { dueDate: dueFor(ctx, change) } : {}),
    ...(change.note ? { note: change.note } : {}),
  };
  if (!status && department === undefined && !needsDue && !change.note) return { notice: TEXTS.alreadyIn(id, cur) };
  return { patch };
}
