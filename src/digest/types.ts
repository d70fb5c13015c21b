/**
 * Digest data: what the pure compute functions produce (numbers and lists, no text) and what they read.
 * Rendering to Chinese Reply blocks is separate (render.ts).
 */
import type { Issue, LedgerEvent, Team, Visit } from '../ledger/model.js';

/**
 * What a digest covers.
 *   - scheduled digest sent on workday S: from = previous send day, to = S − 1, asOfMs = end of S − 1
 *     (Monday's digest covers Friday–Sunday; after a holiday it covers the whole break)
 *   - on demand ("简报", `zct digest`): from = previous workday, to = today, asOfMs = now
 *   - a past date D (`zct digest --date D`): from = to = D, asOfMs = end of D (state replayed from the audit log)
 */
export interface DigestWindow {
  /** First local day covered, YYYY-MM-DD. */
  from: string;
  /** Last local day covered, YYYY-MM-DD. */
  to: string;
  /** Issue states are as of this instant (ms). */
  asOfMs: number;
}

/**
 * Everything a digest is computed from. `issues`/`visits` are the store's current records; `events` must be the
 * complete audit log from at most the start of the window's first day / month onward (see eventsFromMs) — issue states
 * as of `asOfMs` are replayed from it.
 */
export interface DigestInput {
  teams: Team[];
  issues: Issue[];
  visits: Visit[];
  events: LedgerEvent[];
  window: DigestWindow;
  timeZone: string;
  /** Conversation ids / team ids that are leadership groups (ZCT_ADMIN_GROUPS), besides teams with isAdminGroup. */
  adminGroups?: string[];
}

/** One issue as shown in a digest (state as of the digest). */
export interface DigestIssue
  extends Pick<
    Issue,
    'id' | 'teamId' | 'enterprise' | 'category' | 'summary' | 'department' | 'status' | 'raisedOn' | 'dueDate'
  > {
  /** Days since it was raised (to the reference day). */
  ageDays: number;
  /** Days past due (0 = not overdue). */
  overdueDays: number;
}

export type DigestVisit = Pick<Visit, 'id' | 'teamId' | 'enterprise' | 'date' | 'participants' | 'note'>;

/** 一月一走访: each bound enterprise visited at least once in the calendar month. */
export interface VisitCoverage {
  /** YYYY-MM of the month checked (the month of window.to). */
  month: string;
  /** The team's bound enterprises. */
  required: string[];
  visited: string[];
  missing: string[];
  /** Visits recorded this month (to window.to). */
  visits: number;
  /** True when the team owes a visit: a bound enterprise not visited, or (no enterprise bound) no visit at all. */
  lacking: boolean;
}

export interface TeamDigest {
  kind: 'team';
  teamId: string;
  teamName: string;
  window: DigestWindow;
  /** The day ages and overdue days are counted to: the day after window.to for a closed day, else today. */
  refDate: string;
  period: {
    visits: DigestVisit[];
    /** Distinct messages that changed the ledger (visits, new issues, progress). */
    reports: number;
    opened: DigestIssue[];
    resolved: DigestIssue[];
    closed: DigestIssue[];
  };
  /** Open issues (待交办/已交办/办理中): overdue first (most overdue first), then by due date, then oldest. */
  open: DigestIssue[];
  counts: {
    open: number;
    overdue: number;
    /** Not overdue, due within 3 days. */
    dueSoon: number;
    openedThisMonth: number;
    resolvedThisMonth: number;
    /** Every issue of the team (as of the digest), and those 已办结 or 已销号 among them. */
    total: number;
    resolvedTotal: number;
  };
  coverage: VisitCoverage;
  lastReportAt: number | null;
  /** Whole days from the last report to refDate; null = never reported. */
  daysSinceReport: number | null;
  /** Nothing happened in the window and nothing is open. */
  quiet: boolean;
}

export interface TeamRow {
  teamId: string;
  teamName: string;
  visitsThisMonth: number;
  enterprisesTotal: number;
  enterprisesVisited: number;
  missingEnterprises: string[];
  lackingVisit: boolean;
  open: number;
  overdue: number;
  /** 办结 + 销号, all time (as of the digest). */
  resolved: number;
  resolvedThisMonth: number;
  daysSinceReport: number | null;
}

export interface BreakdownRow {
  key: string;
  total: number;
  open: number;
  resolved: number;
  overdue: number;
}

export interface PeriodTotals {
  visits: number;
  reports: number;
  opened: number;
  resolved: number;
  closed: number;
  /** Teams with at least one report in the window. */
  activeTeams: number;
}

export interface LeadershipDigest {
  kind: 'leadership';
  window: DigestWindow;
  refDate: string;
  /** YYYY-MM of window.to. */
  month: string;
  period: PeriodTotals;
  monthTotals: {
    visits: number;
    reports: number;
    opened: number;
    resolved: number;
    closed: number;
    teamsVisited: number;
  };
  totals: {
    /** Liaison teams (admin groups excluded). */
    teams: number;
    issues: number;
    open: number;
    overdue: number;
    /** 已办结 + 已销号. */
    resolved: number;
    /** resolved / issues, null when there are no issues. */
    resolutionRate: number | null;
    /** Open issues not handed to any department yet. */
    unassigned: number;
  };
  /** Laggards first: most overdue, then owing a visit, then longest without a report, then fewest visits. */
  teams: TeamRow[];
  byCategory: BreakdownRow[];
  /** Departments issues were handed to, most overdue first. */
  byDepartment: BreakdownRow[];
  teamsWithoutVisit: { teamId: string; teamName: string; missing: string[] }[];
  /** Most overdue open issues (up to topOverdueLimit). */
  topOverdue: (DigestIssue & { teamName: string })[];
}

/** A reminder for one team (REMINDER_TIME): idle for too long and/or issues past due. */
export interface TeamReminder {
  teamId: string;
  teamName: string;
  refDate: string;
  /** Set when the team has not reported for at least the idle threshold. */
  idle: { days: number; lastReportAt: number | null } | null;
  overdue: DigestIssue[];
  /** User ids responsible for the overdue issues (their reporters), most overdue first; @-mentioned by adapters. */
  responsible?: string[];
}
