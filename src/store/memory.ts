/**
 * In-memory Store for console mode and tests: same semantics as RedisStore (one contract suite),
 * nothing durable, single process only. Expiry follows the injected clock.
 */
import type { Issue, IssueStatus, LedgerEvent, Team, Visit } from '../ledger/model.js';
import type { Reply } from '../messaging/reply.js';
import {
  ConflictError,
  type CommitRecord,
  QUESTION_LOG_MAX,
  type AskedQuestion,
  type Feedback,
  type IssueQuery,
  type LedgerCommit,
  type LedgerCommitResult,
  type MessageClaim,
  type Store,
  type VisitQuery,
} from './types.js';
import {
  DONE_STATUSES,
  dateScore,
  decodeJson,
  decodeReply,
  encodeJson,
  encodeReply,
  formatId,
  idNumber,
  replyTtlSec,
  statusTimestamps,
} from './codec.js';

export interface MemoryStoreOptions {
  /** ms since epoch; defaults to Date.now. Drives every TTL and lease. */
  clock?: () => number;
  /** How long a commit's result is remembered for dedup (default 72 h, ZCT_DEDUP_TTL_HOURS). */
  dedupTtlSec?: number;
  /** A remembered reply with files is kept at most this long (ZCT_FILE_REPLY_TTL_MIN × 60). */
  fileReplyTtlSec?: number;
}

interface Expiring<T> {
  value: T;
  /** ms; Infinity = no expiry */
  expiresAt: number;
}

type ClaimState = { s: 'lease'; token: number } | { s: 'done'; reply: string };
type JobState = { s: 'lease'; owner: string } | { s: 'done' };

interface StoredEvent {
  idMs: number;
  event: LedgerEvent;
}

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly now: () => number;
  private readonly dedupTtlMs: number;
  private readonly fileReplyTtlSec: number | undefined;

  private readonly claims = new Map<string, Expiring<ClaimState>>();
  private readonly sessions = new Map<string, Expiring<string>>();
  private readonly answers = new Map<string, Expiring<string>>();
  private readonly rates = new Map<string, Expiring<number>>();
  private readonly jobs = new Map<string, Expiring<JobState>>();
  private readonly commits = new Map<string, Expiring<string>>();
  /** repeat key → { m: messageId, r: record } (LedgerCommit.repeat) */
  private readonly recent = new Map<string, Expiring<{ m: string; r: CommitRecord }>>();
  private readonly teams = new Map<string, Team>();
  private readonly feedback = new Map<string, Feedback>();
  /** Newest first, capped at QUESTION_LOG_MAX. */
  private questions: AskedQuestion[] = [];
  private readonly issues = new Map<string, Issue>();
  private readonly withdrawnIssues = new Map<string, Issue>();
  private readonly visits = new Map<string, Visit>();
  private readonly withdrawnVisits = new Set<string>();
  private readonly history = new Map<string, LedgerEvent[]>();
  private readonly events: StoredEvent[] = [];
  private seqIssue = 0;
  private seqVisit = 0;
  private claimToken = 0;
  private readonly myClaims = new Map<string, number>();
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.clock ?? Date.now;
    this.dedupTtlMs = (options.dedupTtlSec ?? 72 * 3600) * 1000;
    this.fileReplyTtlSec = options.fileReplyTtlSec;
  }

  // --- expiry helpers
  private live<T>(map: Map<string, Expiring<T>>, key: string): T | undefined {
    const e = map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return e.value;
  }

  private put<T>(map: Map<string, Expiring<T>>, key: string, value: T, ttlMs: number): void {
    map.set(key, { value, expiresAt: ttlMs > 0 ? this.now() + ttlMs : Infinity });
  }

  // --- exactly-once message handling
  async claimMessage(key: string, leaseMs: number): Promise<MessageClaim> {
    const cur = this.live(this.claims, key);
    if (cur?.s === 'done') return { state: 'done', reply: decodeReply(cur.reply) };
    if (cur?.s === 'lease') return { state: 'in_flight' };
    const token = ++this.claimToken;
    this.put(this.claims, key, { s: 'lease', token }, leaseMs);
    this.myClaims.set(key, token);
    return { state: 'new' };
  }

  async completeMessage(key: string, reply: Reply | null, ttlSec: number): Promise<void> {
    this.put(
      this.claims,
      key,
      { s: 'done', reply: encodeReply(reply) },
      replyTtlSec(reply, ttlSec, this.fileReplyTtlSec) * 1000,
    );
    this.myClaims.delete(key);
  }

  async releaseMessage(key: string): Promise<void> {
    const token = this.myClaims.get(key);
    this.myClaims.delete(key);
    const cur = this.live(this.claims, key);
    // Only give back a lease we still hold (after expiry another worker may own it); never undo 'done'.
    if (cur?.s === 'lease' && (token === undefined || cur.token === token)) this.claims.delete(key);
  }

  // --- sessions
  async getSession(key: string): Promise<unknown | null> {
    const v = this.live(this.sessions, key);
    return v === undefined ? null : decodeJson(v);
  }

  async setSession(key: string, value: unknown, ttlSec: number): Promise<void> {
    this.put(this.sessions, key, encodeJson(value), ttlSec * 1000);
  }

  async deleteSession(key: string): Promise<void> {
    this.sessions.delete(key);
  }

  // --- teams
  async upsertTeam(team: Team): Promise<void> {
    this.teams.set(team.id, structuredClone(team));
  }

  async getTeam(id: string): Promise<Team | null> {
    const t = this.teams.get(id);
    return t ? structuredClone(t) : null;
  }

  async listTeams(): Promise<Team[]> {
    return [...this.teams.values()]
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((t) => structuredClone(t));
  }

  // --- ledger
  async commitLedger(c: LedgerCommit): Promise<LedgerCommitResult> {
    const prior = this.live(this.commits, c.messageId);
    if (prior !== undefined)
      return { ...(JSON.parse(prior) as Omit<LedgerCommitResult, 'duplicate'>), duplicate: true };
    if (c.repeat && !c.repeat.allow) {
      const recent = this.live(this.recent, c.repeat.key);
      if (recent && recent.m !== c.messageId)
        return {
          duplicate: false,
          visitIds: [],
          issueIds: [],
          patchedIds: [],
          repeatOf: { messageId: recent.m, ...recent.r },
        };
    }

    // Validate every patch first (sequentially, as they would apply): nothing is written on conflict.
    const simulated = new Map<string, IssueStatus>();
    for (const p of c.patches) {
      const issue = this.issues.get(p.issueId);
      if (!issue) throw new ConflictError(p.issueId, 'missing');
      const status = simulated.get(p.issueId) ?? issue.status;
      if (p.expectStatus && p.expectStatus !== status)
        throw new ConflictError(p.issueId, 'status', p.expectStatus, status);
      if (p.status) simulated.set(p.issueId, p.status);
    }

    const at = c.at;
    const lastMs = this.events.at(-1)?.idMs ?? 0;
    const idMs = Math.max(at, lastMs);
    const base = { at, actor: c.actor, actorName: c.actorName, messageId: c.messageId };
    const emit = (event: LedgerEvent): void => {
      this.events.push({ idMs, event });
      if (event.issueId) {
        const h = this.history.get(event.issueId) ?? [];
        h.push(event);
        this.history.set(event.issueId, h);
      }
    };

    const visitIds: string[] = [];
    for (const v of c.visits) {
      const id = formatId('V', ++this.seqVisit);
      this.visits.set(id, { ...structuredClone(v), id, createdAt: at, messageId: c.messageId });
      visitIds.push(id);
      emit({ type: 'visit.recorded', ...base, teamId: v.teamId, visitId: id });
    }

    const issueIds: string[] = [];
    for (const n of c.issues) {
      const id = formatId('Q', ++this.seqIssue);
      const ts = statusTimestamps(null, n.status, at, { resolvedAt: null, closedAt: null });
      this.issues.set(id, { ...structuredClone(n), id, createdAt: at, updatedAt: at, ...ts, messageId: c.messageId });
      issueIds.push(id);
      emit({ type: 'issue.created', ...base, teamId: n.teamId, issueId: id, to: n.status });
    }

    const patchedIds: string[] = [];
    for (const p of c.patches) {
      const issue = this.issues.get(p.issueId)!;
      const from = issue.status;
      const ev: LedgerEvent = { type: 'issue.updated', ...base, teamId: issue.teamId, issueId: issue.id };
      if (p.status) {
        Object.assign(issue, statusTimestamps(from, p.status, at, issue));
        issue.status = p.status;
        ev.from = from;
        ev.to = p.status;
      }
      if (p.department !== undefined) {
        issue.department = p.department;
        ev.department = p.department;
      }
      if (p.dueDate !== undefined) issue.dueDate = p.dueDate;
      if (p.summary !== undefined) issue.summary = p.summary;
      if (p.category !== undefined) issue.category = p.category;
      if (p.enterprise !== undefined) issue.enterprise = p.enterprise;
      if (p.note !== undefined) ev.note = p.note;
      if (p.event) Object.assign(ev, structuredClone(p.event));
      issue.updatedAt = at;
      patchedIds.push(issue.id);
      emit(ev);
    }

    for (const id of c.withdrawIssues ?? []) {
      const issue = this.issues.get(id);
      if (!issue) continue;
      this.issues.delete(id);
      this.withdrawnIssues.set(id, issue);
      emit({
        type: 'issue.withdrawn',
        ...base,
        teamId: issue.teamId,
        issueId: id,
        ...structuredClone(c.withdrawEvent),
      });
    }
    for (const id of c.restoreIssues ?? []) {
      const issue = this.withdrawnIssues.get(id);
      if (!issue || this.issues.has(id)) continue;
      this.withdrawnIssues.delete(id);
      issue.updatedAt = at;
      this.issues.set(id, issue);
      emit({ type: 'issue.restored', ...base, teamId: issue.teamId, issueId: id });
    }
    for (const vp of c.visitPatches ?? []) {
      const visit = this.visits.get(vp.visitId);
      if (!visit) continue;
      visit.enterprise = vp.enterprise;
      emit({
        type: 'visit.updated',
        ...base,
        teamId: visit.teamId,
        visitId: vp.visitId,
        ...(vp.event ? structuredClone(vp.event) : {}),
      });
    }
    for (const id of c.withdrawVisits ?? []) {
      const visit = this.visits.get(id);
      if (!visit) continue;
      this.visits.delete(id);
      this.withdrawnVisits.add(id);
      emit({ type: 'visit.withdrawn', ...base, teamId: visit.teamId, visitId: id });
    }

    const result = { visitIds, issueIds, patchedIds };
    this.put(this.commits, c.messageId, JSON.stringify(result), this.dedupTtlMs);
    if (c.repeat) this.put(this.recent, c.repeat.key, { m: c.messageId, r: result }, Math.max(1, c.repeat.windowMs));
    return { duplicate: false, ...result };
  }

  async readCommit(messageId: string): Promise<CommitRecord | null> {
    const raw = this.live(this.commits, messageId);
    return raw === undefined ? null : (JSON.parse(raw) as CommitRecord);
  }

  async getIssue(id: string): Promise<Issue | null> {
    const i = this.issues.get(id);
    return i ? structuredClone(i) : null;
  }

  async listIssues(q: IssueQuery): Promise<Issue[]> {
    const statuses = q.status?.length ? new Set(q.status) : null;
    const before = dateScore(q.overdueBefore);
    const out = [...this.issues.values()].filter((i) => {
      if (q.teamId !== undefined && i.teamId !== q.teamId) return false;
      if (statuses && !statuses.has(i.status)) return false;
      if (q.enterprise !== undefined && i.enterprise !== q.enterprise) return false;
      if (q.category !== undefined && i.category !== q.category) return false;
      if (q.overdueBefore !== undefined) {
        const due = dateScore(i.dueDate);
        if (before === null || due === null || due >= before || DONE_STATUSES.includes(i.status)) return false;
      }
      return true;
    });
    out.sort((a, b) => a.createdAt - b.createdAt || idNumber(a.id) - idNumber(b.id));
    const limited = q.limit !== undefined && q.limit >= 0 ? out.slice(0, q.limit) : out;
    return limited.map((i) => structuredClone(i));
  }

  async issueHistory(id: string): Promise<LedgerEvent[]> {
    return structuredClone(this.history.get(id) ?? []);
  }

  async getVisit(id: string): Promise<Visit | null> {
    const v = this.visits.get(id);
    return v ? structuredClone(v) : null;
  }

  async listVisits(q: VisitQuery): Promise<Visit[]> {
    const from = dateScore(q.from) ?? -Infinity;
    const to = dateScore(q.to) ?? Infinity;
    return [...this.visits.values()]
      .filter(
        (v) =>
          (q.teamId === undefined || v.teamId === q.teamId) &&
          (dateScore(v.date) ?? 0) >= from &&
          (dateScore(v.date) ?? 0) <= to,
      )
      .sort(
        (a, b) =>
          (dateScore(a.date) ?? 0) - (dateScore(b.date) ?? 0) ||
          a.createdAt - b.createdAt ||
          idNumber(a.id) - idNumber(b.id),
      )
      .map((v) => structuredClone(v));
  }

  async readEvents(fromMs: number, toMs: number): Promise<LedgerEvent[]> {
    return this.events.filter((e) => e.idMs >= fromMs && e.idMs <= toMs).map((e) => structuredClone(e.event));
  }

  // --- feedback
  async saveAnswer(id: string, value: unknown, ttlSec: number): Promise<void> {
    this.put(this.answers, id, encodeJson(value), ttlSec * 1000);
  }

  async getAnswer(id: string): Promise<unknown | null> {
    const v = this.live(this.answers, id);
    return v === undefined ? null : decodeJson(v);
  }

  async addFeedback(fb: Feedback): Promise<void> {
    this.feedback.set(fb.id, structuredClone(fb));
  }

  async recordQuestion(q: AskedQuestion): Promise<void> {
    this.questions.unshift(structuredClone(q));
    if (this.questions.length > QUESTION_LOG_MAX) this.questions.length = QUESTION_LOG_MAX;
  }

  async listQuestions(limit = QUESTION_LOG_MAX): Promise<AskedQuestion[]> {
    return this.questions.slice(0, limit).map((q) => structuredClone(q));
  }

  async listFeedback(): Promise<Feedback[]> {
    return [...this.feedback.values()]
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
      .map((f) => structuredClone(f));
  }

  // --- rate limiting
  async hitRateLimit(key: string, limit: number, windowSec: number): Promise<{ allowed: boolean; count: number }> {
    // Fixed window starting at the first hit (as INCR + EXPIRE NX does in Redis).
    const cur = this.live(this.rates, key);
    const e = cur === undefined ? undefined : this.rates.get(key);
    if (e) {
      e.value += 1;
      return { allowed: e.value <= limit, count: e.value };
    }
    this.put(this.rates, key, 1, windowSec * 1000);
    return { allowed: 1 <= limit, count: 1 };
  }

  // --- scheduled jobs
  async claimJob(key: string, leaseMs: number, owner: string): Promise<boolean> {
    const cur = this.live(this.jobs, key);
    if (cur?.s === 'done') return false;
    if (cur?.s === 'lease' && cur.owner !== owner) return false;
    this.put(this.jobs, key, { s: 'lease', owner }, leaseMs);
    return true;
  }

  async completeJob(key: string, ttlSec: number): Promise<void> {
    this.put(this.jobs, key, { s: 'done' }, ttlSec * 1000);
  }

  async isJobDone(key: string): Promise<boolean> {
    return this.live(this.jobs, key)?.s === 'done';
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
