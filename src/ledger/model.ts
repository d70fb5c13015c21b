/**
 * The ledger's domain model: teams, issues, visits and the audit events behind them, and the rules every reader of
 * the ledger shares (which statuses are active, days overdue, which groups are leadership groups).
 * Pure types, constants and functions — no I/O here.
 */
import { z } from 'zod';
import { daysBetween } from '../time/index.js';

export const CATEGORIES = ['融资', '用工', '人才', '用地', '审批', '政策兑现', '市场', '其他'] as const;
export type Category = (typeof CATEGORIES)[number];

/** open → assigned → in_progress → resolved → closed; reopen goes back to open/assigned. */
export const STATUSES = ['open', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
export type IssueStatus = (typeof STATUSES)[number];

/** The statuses of an issue still being handled (not yet 办结 or 销号). */
export const ACTIVE_STATUSES: readonly IssueStatus[] = ['open', 'assigned', 'in_progress'];
const ACTIVE_SET: ReadonlySet<IssueStatus> = new Set(ACTIVE_STATUSES);

export function isActive(status: IssueStatus): boolean {
  return ACTIVE_SET.has(status);
}

/** Days past the due date as of `today` for an issue still being handled; 0 when not overdue, done, or undated. */
export function overdueDays(issue: Pick<Issue, 'status' | 'dueDate'>, today: string): number {
  if (!isActive(issue.status) || !issue.dueDate) return 0;
  return Math.max(0, daysBetween(issue.dueDate, today));
}

/**
 * A leadership (admin) group: flagged on its team record, or listed in ZCT_ADMIN_GROUPS by team id
 * (`platform:conversationId`) or by bare conversation id.
 */
export function isLeadershipGroup(
  where: { teamId: string; conversationId: string },
  team: Pick<Team, 'isAdminGroup'> | null,
  adminGroups: readonly string[],
): boolean {
  return Boolean(team?.isAdminGroup) || adminGroups.includes(where.teamId) || adminGroups.includes(where.conversationId);
}

export const STATUS_LABELS: Record<IssueStatus, string> = {
  open: '待交办',
  assigned: '已交办',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已销号',
};

export const UPDATE_KINDS = ['visit', 'issue', 'progress', 'resolved', 'closed', 'not_update', 'mixed'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** Parser output — the exact shape of `zct parse-update --json` (a CLI contract). */
export const extractedIssueSchema = z.object({
  category: z.enum(CATEGORIES),
  summary: z.string(),
  department: z.string().nullable(),
  status: z.enum(STATUSES),
});
export const extractionSchema = z.object({
  kind: z.enum(UPDATE_KINDS),
  enterprise: z.string().nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  issues: z.array(extractedIssueSchema),
  ref: z
    .string()
    .regex(/^Q-\d{4,}$/)
    .nullable(),
});
export type ExtractedIssue = z.infer<typeof extractedIssueSchema>;
export type Extraction = z.infer<typeof extractionSchema>;

/** A team is one group conversation, bound to one or a few enterprises. */
export interface Team {
  /** `${platform}:${conversationId}` */
  id: string;
  platform: string;
  conversationId: string;
  name: string;
  enterprises: string[];
  /** Leadership/admin group: receives the leadership digest. */
  isAdminGroup: boolean;
  createdAt: number;
}

export interface Issue {
  /** Q-0001 … per deployment */
  id: string;
  teamId: string;
  enterprise: string;
  category: Category;
  summary: string;
  department: string | null;
  status: IssueStatus;
  /** YYYY-MM-DD, set on assignment (ZCT_DUE_DAYS later) or explicitly. */
  dueDate: string | null;
  reporter: string;
  reporterName: string;
  /** YYYY-MM-DD the problem was raised (event date, else message date). */
  raisedOn: string;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  /** Dedup key of the message that created it. */
  messageId: string;
}

export interface Visit {
  /** V-0001 … */
  id: string;
  teamId: string;
  enterprise: string;
  /** YYYY-MM-DD */
  date: string;
  participants: string[];
  note: string;
  reporter: string;
  reporterName: string;
  createdAt: number;
  messageId: string;
}

export type LedgerEventType =
  | 'issue.created'
  | 'issue.updated'
  | 'issue.withdrawn'
  /** An admin brought a withdrawn issue back. */
  | 'issue.restored'
  | 'visit.recorded'
  | 'visit.withdrawn';

/** The fields an edit (改 部门/类别/期限/摘要, 延期) may change. */
export const EDITABLE_FIELDS = ['department', 'category', 'dueDate', 'summary'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** One field changed by an event: its value before and after (null: empty). */
export interface FieldEdit {
  field: EditableField;
  from: string | null;
  to: string | null;
}

/** Why an update event was recorded, beyond a progress report: an edit, the undo of an earlier event, … */
export type EventAction = 'edit' | 'undo' | 'close_unresolved';

/** One entry of the audit log (a Redis Stream). */
export interface LedgerEvent {
  type: LedgerEventType;
  /** ms since epoch */
  at: number;
  teamId: string;
  issueId?: string;
  visitId?: string;
  actor: string;
  actorName?: string;
  messageId: string;
  from?: IssueStatus;
  to?: IssueStatus;
  department?: string | null;
  note?: string;
  /** Every non-status field the event changed, with its previous value (so it can be shown and undone). */
  edits?: FieldEdit[];
  action?: EventAction;
  /** For action 'undo': the message whose change this event reverts. */
  undoes?: string;
}
