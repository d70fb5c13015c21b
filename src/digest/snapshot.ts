/**
 * Issue states as of a past instant, replayed from the audit log. Pure.
 *
 * `events` must be the complete log from some instant W ≤ asOfMs up to now (oldest first). For each issue:
 *   - the last status event at or before asOfMs gives its status then (its `to`);
 *   - else, when it changed after asOfMs, the first later change's `from` is what it was;
 *   - else it has not changed since before W: its current status.
 * Issues created after asOfMs are dropped. Department: the last department change at or before asOfMs, else the
 * current one (the log keeps new departments but not the previous value). Due dates and texts are current values.
 * Withdrawn issues are gone from the store, so they are not in any snapshot.
 */
import type { Issue, IssueStatus, LedgerEvent } from '../ledger/model.js';

const DONE: ReadonlySet<IssueStatus> = new Set(['resolved', 'closed']);

function isStatusEvent(e: LedgerEvent): boolean {
  return (e.type === 'issue.created' || e.type === 'issue.updated') && e.to !== undefined && e.issueId !== undefined;
}

/** What the audit log says about each issue up to and after an instant. */
interface IssueReplay {
  readonly lastBefore: ReadonlyMap<string, LedgerEvent>;
  readonly firstAfter: ReadonlyMap<string, LedgerEvent>;
  readonly deptBefore: ReadonlyMap<string, string | null>;
  readonly resolvedBefore: ReadonlyMap<string, number>;
  readonly closedBefore: ReadonlyMap<string, number>;
  readonly touchedBefore: ReadonlyMap<string, number>;
}

function replayIssues(events: LedgerEvent[], asOfMs: number): IssueReplay {
  const lastBefore = new Map<string, LedgerEvent>();
  const firstAfter = new Map<string, LedgerEvent>();
  const deptBefore = new Map<string, string | null>();
  const resolvedBefore = new Map<string, number>();
  const closedBefore = new Map<string, number>();
  const touchedBefore = new Map<string, number>();

  for (const e of events) {
    if (!e.issueId) continue;
    if (e.at <= asOfMs) touchedBefore.set(e.issueId, e.at);
    if (isStatusEvent(e)) {
      if (e.at <= asOfMs) {
        lastBefore.set(e.issueId, e);
        if (e.to === 'resolved') resolvedBefore.set(e.issueId, e.at);
        if (e.to === 'closed') closedBefore.set(e.issueId, e.at);
      } else if (!firstAfter.has(e.issueId)) {
        firstAfter.set(e.issueId, e);
      }
    }
    if (e.department !== undefined && e.at <= asOfMs) deptBefore.set(e.issueId, e.department);
  }
  return { lastBefore, firstAfter, deptBefore, resolvedBefore, closedBefore, touchedBefore };
}

export function issuesAsOf(issues: Issue[], events: LedgerEvent[], asOfMs: number): readonly Issue[] {
  // A digest of "now" seldom finds an issue created or changed after asOfMs: then the issues are their own states
  // (the same array, not a copy), and the log is read only when some issue needs it.
  let later = false;
  for (const i of issues) {
    if (i.createdAt > asOfMs || i.updatedAt > asOfMs) {
      later = true;
      break;
    }
  }
  if (!later) return issues;
  let replay: IssueReplay | null = null;
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.createdAt > asOfMs) continue;
    if (issue.updatedAt <= asOfMs) {
      // Not changed since asOfMs: the current record is the state then.
      out.push(issue);
      continue;
    }
    replay ??= replayIssues(events, asOfMs);
    const { lastBefore, firstAfter, deptBefore, resolvedBefore, closedBefore, touchedBefore } = replay;
    const before = lastBefore.get(issue.id);
    const after = firstAfter.get(issue.id);
    let status: IssueStatus = issue.status;
    if (before?.to) status = before.to;
    else if (after && after.type === 'issue.updated' && after.from) status = after.from;

    const done = DONE.has(status);
    const resolvedAt = done
      ? issue.resolvedAt !== null && issue.resolvedAt <= asOfMs
        ? issue.resolvedAt
        : (resolvedBefore.get(issue.id) ?? closedBefore.get(issue.id) ?? before?.at ?? null)
      : null;
    const closedAt =
      status === 'closed'
        ? issue.closedAt !== null && issue.closedAt <= asOfMs
          ? issue.closedAt
          : (closedBefore.get(issue.id) ?? before?.at ?? null)
        : null;
    out.push({
      ...issue,
      status,
      department: deptBefore.has(issue.id) ? (deptBefore.get(issue.id) ?? null) : issue.department,
      resolvedAt,
      closedAt,
      updatedAt:
        issue.updatedAt <= asOfMs
          ? issue.updatedAt
          : Math.max(issue.createdAt, touchedBefore.get(issue.id) ?? issue.createdAt),
    });
  }
  return out;
}
