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
  return (
    Boolean(team?.isAdminGroup) || adminGroups.includes(where.teamId) || adminGroups.includes(where.conversationId)
  );
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
  /** The issue's own enterprise when the message covers several (a weekly roll-up); absent otherwise. */
  enterprise: z.string().nullable().optional(),
  /** The issue's own id when the message names several (a numbered progress list: 1.Q-0001 … 2.Q-0003 …). */
  ref: z
    .string()
    .regex(/^Q-\d{4,}$/)
    .nullable()
    .optional(),
});
export const extractionCoreSchema = z.object({
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

/**
 * Why a parse is not certain. The ledger asks before recording when the confidence is low and can
 * say what it was unsure of (CONFIDENCE_REASON_LABELS).
 */
export const CONFIDENCE_REASONS = [
  /** Several enterprises in one message (a roll-up): each issue's enterprise was inferred. */
  'several_enterprises',
  /** A word where a department is expected (报给X了, X那边) that is no known department. */
  'unknown_department',
  /** Hand-offs after a numbered list that could not be matched to its items. */
  'unmatched_list_handoff',
  /** The message reads as a question (or contains one). */
  'question_form',
  /** Problems reported with no enterprise named. */
  'no_enterprise',
  /** An update without an issue id that names no enterprise or topic to find the issue by. */
  'no_target',
  /** Unpunctuated speech split into clauses by guesswork. */
  'unpunctuated',
  /** A problem whose category could not be told (其他 by default). */
  'unknown_category',
  /** The model's answer disagreed with the checks and was corrected. */
  'llm_corrected',
  /** One message carries acts of different kinds (a new problem and an earlier one's progress, …). */
  'mixed_acts',
  /** Three or more problems read from one message. */
  'many_issues',
  /** Dictation that spaced every word, joined back by guesswork. */
  'dictated',
  /** An update of an existing issue whose act could not be read (no hand-off, work or result said). */
  'unclear_act',
  /** A department the text names as handling or handed to that no issue of the parse carries. */
  'unplaced_department',
  /** A problem's category told by context words only, or with a close runner-up. */
  'weak_category',
  /** The enterprise is an unknown word taken by its place (no known name, no company ending). */
  'unknown_enterprise',
  /** The enterprise is a chat one-liner's opening word (科瑞 贷款 批了), taken as a name by guesswork. */
  'guessed_enterprise',
  /** Two event dates in the message that point to different days. */
  'date_conflict',
  /** Much of the text is read by no rule. */
  'unexplained_text',
  /** The message is laid out as a table (columns split by tabs or bars): read column by column by guesswork. */
  'table_layout',
  /** A problem recorded as handed to a department that no hand-off word in the text hands it to. */
  'inferred_handoff',
  /** Read as several kinds of act, yet its issues show one act only (one issue, or all at one status): one got lost. */
  'lost_act',
  /** A periodic report (本周进展：…, 【本月】…): several items compressed into terse phrases. */
  'periodic_report',
  /** A problem read as new (a visit or a report) that is already being handled or solved: an earlier issue's update? */
  'handled_new',
  /** An update of an earlier issue in whose text the status lexicon reads no act (hand-off, work, result). */
  'unread_act',
  /**
   * An enterprise the message names (a known one, or one of a count: 走访了三家) that the parse leaves out: what was
   * said of it is lost or recorded under another name.
   */
  'missed_enterprise',
] as const;
export type ConfidenceReason = (typeof CONFIDENCE_REASONS)[number];
export const CONFIDENCE_REASON_LABELS: Record<ConfidenceReason, string> = {
  several_enterprises: '一条消息涉及多家企业',
  unknown_department: '有未识别的部门名称',
  unmatched_list_handoff: '交办对应不到清单中的问题',
  question_form: '消息像是一个提问',
  no_enterprise: '没有写明企业',
  no_target: '没有写明是哪个问题',
  unpunctuated: '无标点，按语义切分',
  unknown_category: '问题类别不明确',
  llm_corrected: '模型结果经过校正',
  mixed_acts: '一条消息里有几种不同的进展',
  many_issues: '一条消息里有三个以上问题',
  dictated: '语音转写，按词重新拼接',
  unclear_act: '没看出这条进展是交办、在办还是办结',
  unplaced_department: '提到的部门没有对应到问题上',
  weak_category: '问题类别依据不足',
  unknown_enterprise: '企业名称不在已知名单中',
  guessed_enterprise: '企业名称是按开头的词推测的',
  date_conflict: '消息里有两个不同的日期',
  unexplained_text: '有较多内容没有读懂',
  table_layout: '表格格式，按列推测',
  inferred_handoff: '交办部门是推断的，原文没有说交给它',
  lost_act: '消息里有几种进展，但只记下了一种',
  periodic_report: '阶段汇总，内容压缩，按条目推测',
  handled_new: '当作新问题记录，但它已在办理或已解决：是不是旧问题的进展？',
  unread_act: '没读出这条进展的动作（交办、在办、办结），是推测的',
  missed_enterprise: '消息里提到的企业有的没有对应上',
};

/** A message that asks about an issue rather than reporting on it (Q-0003 到哪一步了, …批了没有？, 能不能结了？). */
export const QUESTION_KINDS = [
  /** Where is it, what is next (到哪一步了, 进展如何). */
  'status',
  /** Has it been approved / solved / paid (批了没有, 到账了吗). */
  'done',
  /** May it be closed / signed off (能不能结了, 可以销号了吗). */
  'closable',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const questionSchema = z.object({
  kind: z.enum(QUESTION_KINDS),
  /** The issue asked about, when the message names its id. */
  ref: z
    .string()
    .regex(/^Q-\d{4,}$/)
    .nullable(),
  /** Else the enterprise (and category) to find it by. */
  enterprise: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
});
export type UpdateQuestion = z.infer<typeof questionSchema>;

/**
 * The parse result: the contract shape plus what the ledger needs to decide whether to ask first.
 * `confidence` is in [0, 1] (1 = record without asking), `reasons` say what lowered it, `question` is
 * set when the message asks about an issue (kind is then not_update).
 */
export const extractionSchema = extractionCoreSchema.extend({
  confidence: z.number().min(0).max(1).optional(),
  reasons: z.array(z.enum(CONFIDENCE_REASONS)).optional(),
  question: questionSchema.nullable().optional(),
});
export type ExtractedIssue = z.infer<typeof extractedIssueSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
/** The contract shape alone (what `zct parse-update --json` prints). */
export type ExtractionCore = z.infer<typeof extractionCoreSchema>;

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
  /** Enterprises a demo set up before anyone bound the team's own (the console demo): the first 绑定企业 replaces them. */
  seeded?: string[];
}

/**
 * The team's bound enterprise a name written in a message stands for (绿源 → 绿源食品, 绿源食品有限公司 → 绿源食品), or
 * null: the same name first, then one that begins the other, then one that contains the other. Names shorter than two
 * characters stand for nothing. The one definition every flow uses to map a written name onto the team's list.
 */
export function boundEnterprise(enterprises: readonly string[], name: string): string | null {
  const n = name.trim();
  if (n.length < 2) return null;
  return (
    enterprises.find((e) => e === n) ??
    enterprises.find((e) => e.startsWith(n) || n.startsWith(e)) ??
    enterprises.find((e) => e.includes(n) || n.includes(e)) ??
    null
  );
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
  /** A visit's enterprise set right (不对，是绿源的): its edits say from what. */
  | 'visit.updated'
  | 'visit.withdrawn';

/** The fields an edit (改 部门/类别/期限/摘要/企业, 延期) may change. */
export const EDITABLE_FIELDS = ['department', 'category', 'dueDate', 'summary', 'enterprise'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** One field changed by an event: its value before and after (null: empty). */
export interface FieldEdit {
  field: EditableField;
  from: string | null;
  to: string | null;
}

/** Why an update event was recorded, beyond a progress report: an edit, the undo of an earlier event, … */
/** 'merge': a duplicate issue folded into another (its withdrawal and the note on the one kept). */
export type EventAction = 'edit' | 'undo' | 'close_unresolved' | 'merge';

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
  /** For action 'merge' on a withdrawal: the issue the withdrawn duplicate was folded into. */
  mergedInto?: string;
}
