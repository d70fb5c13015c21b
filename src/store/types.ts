/**
 * The Store: everything that must survive a restart or be shared between replicas.
 * Two implementations pass one contract suite (test/store/contract.ts):
 *   - RedisStore  (src/store/redis/…) — production; key layout documented there
 *   - MemoryStore (src/store/memory.ts) — zero-config console mode; nothing durable
 * Every method that changes the ledger is atomic. Any operation may throw StoreUnavailableError
 * when the backend is down; callers turn that into a "please resend" reply.
 */
import type { Issue, IssueStatus, LedgerEvent, Team, Visit, Category } from '../ledger/model.js';

/** Extra audit fields a patch carries into its event (edits with previous values, the action, what it undoes). */
export type PatchEventFields = Pick<LedgerEvent, 'edits' | 'action' | 'undoes'>;
/** Fields recorded on every 'issue.withdrawn' event of a commit (a merge says which issue it went into). */
export type WithdrawEventFields = Pick<LedgerEvent, 'action' | 'note' | 'mergedInto'>;
import type { Reply } from '../messaging/reply.js';

/**
 * The one error for "the store cannot serve right now". `outcome` says what is known about the write that failed:
 *   - 'not_applied': nothing was written by this call (or it was a read);
 *   - 'unknown': a ledger commit was sent and Redis did not answer in time, even after waiting for it — the commit
 *     may have been applied. The user must be told it *may* be recorded, never that it was not.
 * The message pipeline (src/app/bot.ts) is the one place that turns this into a reply.
 */
export class StoreUnavailableError extends Error {
  readonly outcome: 'not_applied' | 'unknown';
  constructor(message = 'store unavailable', options?: { cause?: unknown; outcome?: 'not_applied' | 'unknown' }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.outcome = options?.outcome ?? 'not_applied';
  }
}

/** True for StoreUnavailableError, also across module copies (tsx + dist in one process). */
export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof StoreUnavailableError || (err instanceof Error && err.name === 'StoreUnavailableError');
}

/**
 * A ledger commit was refused and NOTHING was written: a patch's expectStatus did not match, or it
 * targets an issue that does not exist (or was withdrawn). Thrown by commitLedger.
 */
export class ConflictError extends Error {
  constructor(
    readonly issueId: string,
    readonly reason: 'status' | 'missing',
    /** For reason 'status': what the patch expected and what the issue actually has. */
    readonly expected?: IssueStatus,
    readonly actual?: IssueStatus,
  ) {
    super(
      reason === 'status'
        ? `conflict on ${issueId}: expected ${expected}, found ${actual}`
        : `conflict on ${issueId}: no such issue`,
    );
    this.name = 'ConflictError';
  }
}

export type NewIssue = Omit<Issue, 'id' | 'createdAt' | 'updatedAt' | 'resolvedAt' | 'closedAt' | 'messageId'>;
export type NewVisit = Omit<Visit, 'id' | 'createdAt' | 'messageId'>;

export interface IssuePatch {
  issueId: string;
  status?: IssueStatus;
  department?: string | null;
  dueDate?: string | null;
  summary?: string;
  category?: Category;
  /** The enterprise set right (an issue recorded under the wrong one). */
  enterprise?: string;
  /** Free-text progress note kept in the history. */
  note?: string;
  /** Optimistic check: apply only if the issue currently has this status (else the commit fails with 'conflict'). */
  expectStatus?: IssueStatus;
  /** Recorded on the patch's event as they are (the service computes them from the issue it read). */
  event?: PatchEventFields;
}

/** One atomic, idempotent change to the ledger, derived from one message. */
export interface LedgerCommit {
  /** The message's dedup key: a second commit with the same key changes nothing and returns the first result. */
  messageId: string;
  teamId: string;
  at: number;
  actor: string;
  actorName: string;
  visits: NewVisit[];
  issues: NewIssue[];
  patches: IssuePatch[];
  /** Undo: withdraw these issues/visits (removed from indexes, kept in the audit log). */
  withdrawIssues?: string[];
  withdrawVisits?: string[];
  /** Recorded on each of this commit's 'issue.withdrawn' events. */
  withdrawEvent?: WithdrawEventFields;
  /**
   * Second line of defence against a user's resend of a report (a new message id, the same words): the normalised
   * report (see repeatKey in src/store/repeat.ts). When the same key was committed by ANOTHER message within
   * `repeat.windowMs`, nothing is written and the result carries `repeatOf`. `allow: true` records anyway (the user
   * confirmed) and refreshes the key.
   */
  repeat?: { key: string; windowMs: number; allow?: boolean };
  /** Bring withdrawn issues back (admins): back in every index, an 'issue.restored' event. Unknown or live ids are skipped. */
  restoreIssues?: string[];
  /** A visit's enterprise set right, with a 'visit.updated' event carrying `event`. Unknown or withdrawn ids are skipped. */
  visitPatches?: VisitPatch[];
}

export interface VisitPatch {
  visitId: string;
  enterprise: string;
  event?: PatchEventFields;
}

export interface LedgerCommitResult {
  /** True when this messageId had already been committed: nothing new was recorded. */
  duplicate: boolean;
  visitIds: string[];
  issueIds: string[];
  /** Ids of patched issues, in order. */
  patchedIds: string[];
  /** Set when nothing was written because the same report was recorded moments ago (LedgerCommit.repeat). */
  repeatOf?: CommitRecord & { messageId: string };
}

/** What a committed message recorded (the dedup record kept per message id). */
export interface CommitRecord {
  visitIds: string[];
  issueIds: string[];
  patchedIds: string[];
}

export interface IssueQuery {
  teamId?: string;
  status?: IssueStatus[];
  enterprise?: string;
  category?: Category;
  /** Only issues whose dueDate is before this YYYY-MM-DD and that are not resolved/closed. */
  overdueBefore?: string;
  limit?: number;
}

export interface VisitQuery {
  teamId?: string;
  /** inclusive YYYY-MM-DD bounds */
  from?: string;
  to?: string;
}

export type MessageClaim =
  | { state: 'new' }
  /** Already handled: re-send this reply, record nothing. */
  | { state: 'done'; reply: Reply | null }
  /** Another worker is handling it right now (lease not expired). */
  | { state: 'in_flight' };

export interface Feedback {
  id: string;
  vote: 'up' | 'down';
  userId: string;
  teamId: string;
  question: string;
  answer: string;
  citations: { n: number; title: string; chunkId: string }[];
  at: number;
}

/** A question the bot was asked, answered or refused (the console's answer-quality page). */
export interface AskedQuestion {
  at: number;
  teamId: string;
  userId: string;
  question: string;
  /** True when the bot said the corpus does not answer it. */
  refused: boolean;
}

/** How many asked questions are kept (oldest dropped first). */
export const QUESTION_LOG_MAX = 5000;

export interface Store {
  readonly kind: 'redis' | 'memory';

  // --- exactly-once message handling
  /** Claim a message for handling. A lease (leaseMs) lets another worker take over after a crash. */
  claimMessage(key: string, leaseMs: number): Promise<MessageClaim>;
  /** Mark handled and remember the reply for redeliveries (kept ttlSec). */
  completeMessage(key: string, reply: Reply | null, ttlSec: number): Promise<void>;
  /** Give the claim back (handling failed before anything was recorded). */
  releaseMessage(key: string): Promise<void>;

  // --- sessions (JSON documents with TTL; readers validate with zod)
  getSession(key: string): Promise<unknown | null>;
  setSession(key: string, value: unknown, ttlSec: number): Promise<void>;
  deleteSession(key: string): Promise<void>;

  // --- teams
  upsertTeam(team: Team): Promise<void>;
  getTeam(id: string): Promise<Team | null>;
  listTeams(): Promise<Team[]>;

  // --- ledger
  commitLedger(commit: LedgerCommit): Promise<LedgerCommitResult>;
  getIssue(id: string): Promise<Issue | null>;
  listIssues(query: IssueQuery): Promise<Issue[]>;
  issueHistory(id: string): Promise<LedgerEvent[]>;
  getVisit(id: string): Promise<Visit | null>;
  listVisits(query: VisitQuery): Promise<Visit[]>;
  /** Audit log between two instants (ms, inclusive), oldest first. */
  readEvents(fromMs: number, toMs: number): Promise<LedgerEvent[]>;
  /**
   * The dedup record a ledger commit left for this message id (null: no commit under this id within the dedup TTL).
   * With `waitMs`, keeps trying that long while the store does not answer (then StoreUnavailableError).
   */
  readCommit(messageId: string, opts?: { waitMs?: number }): Promise<CommitRecord | null>;

  // --- feedback on answers
  saveAnswer(id: string, value: unknown, ttlSec: number): Promise<void>;
  getAnswer(id: string): Promise<unknown | null>;
  addFeedback(fb: Feedback): Promise<void>;
  listFeedback(): Promise<Feedback[]>;
  /** Log an asked question (capped at QUESTION_LOG_MAX, oldest dropped). */
  recordQuestion(q: AskedQuestion): Promise<void>;
  /** The most recent asked questions, newest first. */
  listQuestions(limit?: number): Promise<AskedQuestion[]>;

  // --- rate limiting (fixed window)
  hitRateLimit(key: string, limit: number, windowSec: number): Promise<{ allowed: boolean; count: number }>;

  // --- scheduled jobs: each (job, target, date) runs once across replicas
  /** Take a lease on a job run; false if it is done or another worker holds a live lease. */
  claimJob(key: string, leaseMs: number, owner: string): Promise<boolean>;
  completeJob(key: string, ttlSec: number): Promise<void>;
  isJobDone(key: string): Promise<boolean>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}
