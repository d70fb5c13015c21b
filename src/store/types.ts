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
import type { Reply } from '../messaging/reply.js';

export class StoreUnavailableError extends Error {
  constructor(message = 'store unavailable', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
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
    super(reason === 'status' ? `conflict on ${issueId}: expected ${expected}, found ${actual}` : `conflict on ${issueId}: no such issue`);
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
  /** Bring withdrawn issues back (admins): back in every index, an 'issue.restored' event. Unknown or live ids are skipped. */
  restoreIssues?: string[];
}

export interface LedgerCommitResult {
  /** True when this messageId had already been committed: nothing new was recorded. */
  duplicate: boolean;
  visitIds: string[];
  issueIds: string[];
  /** Ids of patched issues, in order. */
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

  // --- feedback on answers
  saveAnswer(id: string, value: unknown, ttlSec: number): Promise<void>;
  getAnswer(id: string): Promise<unknown | null>;
  addFeedback(fb: Feedback): Promise<void>;
  listFeedback(): Promise<Feedback[]>;

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
