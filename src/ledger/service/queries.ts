/**
 * Read-only views of the ledger: what the CLI (`zct issues`, `zct teams list`) and the digest read. No message,
 * no side effect; a LedgerService carries one as `queries`.
 */
import type { IssueQuery, VisitQuery } from '../../store/types.js';
import { localDate } from '../../time/index.js';
import { OPEN_STATUSES } from '../commands.js';
import type { Issue, LedgerEvent, Team, Visit } from '../model.js';
import type { LedgerDeps } from './context.js';
import { ageDays, overdueDays } from './render-ledger.js';

export class LedgerQueries {
  constructor(private readonly deps: Pick<LedgerDeps, 'store' | 'config' | 'clock'>) {}

  /** Today (YYYY-MM-DD in ZCT_TIMEZONE), or the calendar date of an instant. */
  today(at: number | Date = this.deps.clock()): string {
    return localDate(at, this.deps.config.ZCT_TIMEZONE);
  }

  /** Days since the issue was raised (until resolution for done issues). */
  ageDays(issue: Issue, today: string = this.today()): number {
    return ageDays(issue, today, this.deps.config.ZCT_TIMEZONE);
  }

  /** Days past the due date, 0 when not overdue (or done). */
  overdueDays(issue: Issue, today: string = this.today()): number {
    return overdueDays(issue, today);
  }

  listTeams(): Promise<Team[]> {
    return this.deps.store.listTeams();
  }

  listIssues(query: IssueQuery = {}): Promise<Issue[]> {
    return this.deps.store.listIssues(query);
  }

  /** Issues still being handled (open, assigned, in progress), of one team or all. */
  openIssues(teamId?: string): Promise<Issue[]> {
    return this.deps.store.listIssues({ ...(teamId ? { teamId } : {}), status: OPEN_STATUSES });
  }

  /** Issues past their due date and not done, as of `today`. */
  overdueIssues(today: string = this.today(), teamId?: string): Promise<Issue[]> {
    return this.deps.store.listIssues({ ...(teamId ? { teamId } : {}), overdueBefore: today });
  }

  /** Visits of one team or all, optionally between two dates (inclusive YYYY-MM-DD). */
  listVisits(query: VisitQuery = {}): Promise<Visit[]> {
    return this.deps.store.listVisits(query);
  }

  /** The audit log between two instants (ms, inclusive), oldest first: what changed yesterday, for the digest. */
  readEvents(fromMs: number, toMs: number): Promise<LedgerEvent[]> {
    return this.deps.store.readEvents(fromMs, toMs);
  }

  async issueWithHistory(id: string): Promise<{ issue: Issue; history: LedgerEvent[] } | null> {
    const issue = await this.deps.store.getIssue(id);
    if (!issue) return null;
    return { issue, history: await this.deps.store.issueHistory(id) };
  }
}
