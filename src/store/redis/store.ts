/**
 * RedisStore: the production Store (node-redis v5, single node or cluster). Key layout: keys.ts.
 * Every ledger change is one Lua script (atomic, idempotent by messageId); every other method is one round trip.
 */
import { randomUUID } from 'node:crypto';
import type { Issue, LedgerEvent, Team, Visit } from '../../ledger/model.js';
import type { Reply } from '../../messaging/reply.js';
import type { Logger } from '../../observability/logger.js';
import {
  readRecord,
  storedQuestionSchema,
  storedTeamSchema,
  dateScore,
  decodeJson,
  decodeReply,
  encodeJson,
  encodeReply,
  idNumber,
  replyTtlSec,
  DONE_STATUSES,
} from '../codec.js';
import {
  isStoreUnavailable,
  StoreUnavailableError,
  type CommitRecord,
  type Feedback,
  type IssueQuery,
  type LedgerCommit,
  type LedgerCommitResult,
  type MessageClaim,
  type Store,
  type VisitQuery,
} from '../types.js';
import { certainlyNotRun, RedisConnection, type RedisConnectionOptions } from './connection.js';
import { QUESTION_LOG_MAX, type AskedQuestion } from '../types.js';
import { RedisKeys } from './keys.js';
import { commitPayload, decodeIssue, decodeVisit, toRecord } from './records.js';
import { CLAIM_JOB, CLAIM_MESSAGE, COMMIT, LIST, RATE_LIMIT, RELEASE_MESSAGE } from './scripts.js';

export interface RedisStoreOptions extends RedisConnectionOptions {
  /** Key prefix (ZCT_REDIS_PREFIX). Default "zct". */
  prefix?: string;
  /** How long a commit's result is remembered for dedup (ZCT_DEDUP_TTL_HOURS × 3600). Default 72 h. */
  dedupTtlSec?: number;
  /**
   * After a ledger commit's reply is lost (command timeout, dropped connection), how long to keep asking Redis for
   * the commit's dedup record before giving up with outcome 'unknown' (ZCT_OUTCOME_WAIT_MS). Default 8 s.
   */
  outcomeWaitMs?: number;
  /** A remembered reply with files (xlsx export) is kept at most this long (ZCT_FILE_REPLY_TTL_MIN × 60). */
  fileReplyTtlSec?: number;
}

const ms = (sec: number) => Math.max(1, Math.round(sec * 1000));

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly keys: RedisKeys;
  readonly conn: RedisConnection;
  private readonly logger: Logger | undefined;
  private readonly dedupTtlMs: number;
  private readonly outcomeWaitMs: number;
  private readonly fileReplyTtlSec: number | undefined;
  /** Lease tokens of the messages this instance claimed (release only what we still own). */
  private readonly claimTokens = new Map<string, string>();

  /** Does not connect: call connect() (createStore does). */
  constructor(options: RedisStoreOptions) {
    this.keys = new RedisKeys(options.prefix ?? 'zct');
    this.conn = new RedisConnection(options);
    this.logger = options.logger;
    this.dedupTtlMs = ms(options.dedupTtlSec ?? 72 * 3600);
    this.outcomeWaitMs = options.outcomeWaitMs ?? 8000;
    this.fileReplyTtlSec = options.fileReplyTtlSec;
  }

  /** Convenience: construct and connect (single node). Gives up after `timeoutMs` (default 10 s). */
  static async connect(
    url: string,
    options: Omit<RedisStoreOptions, 'url'> & { timeoutMs?: number } = {},
  ): Promise<RedisStore> {
    const store = new RedisStore({ ...options, url });
    await store.connect({ timeoutMs: options.timeoutMs ?? 10_000 });
    return store;
  }

  /** Wait until Redis answers, retrying with backoff (see RedisConnection.connect). */
  connect(opts?: { timeoutMs?: number; signal?: AbortSignal }): Promise<void> {
    return this.conn.connect(opts);
  }

  /** Commands sent so far (benches measure round trips per operation with this). */
  get roundTrips(): number {
    return this.conn.roundTrips;
  }

  // --- exactly-once message handling
  async claimMessage(key: string, leaseMs: number): Promise<MessageClaim> {
    const token = randomUUID();
    const r = await this.conn.eval<string>(
      CLAIM_MESSAGE,
      [this.keys.claim(key)],
      [token, Math.max(1, Math.round(leaseMs))],
    );
    if (r === 'N') {
      this.claimTokens.set(key, token);
      return { state: 'new' };
    }
    if (r === 'I') return { state: 'in_flight' };
    return { state: 'done', reply: decodeReply(r.slice(2)) };
  }

  async completeMessage(key: string, reply: Reply | null, ttlSec: number): Promise<void> {
    await this.conn.cmd(this.keys.claim(key), [
      'SET',
      this.keys.claim(key),
      `D:${encodeReply(reply)}`,
      'PX',
      ms(replyTtlSec(reply, ttlSec, this.fileReplyTtlSec)),
    ]);
    this.claimTokens.delete(key);
  }

  async releaseMessage(key: string): Promise<void> {
    const token = this.claimTokens.get(key) ?? '';
    this.claimTokens.delete(key);
    await this.conn.eval(RELEASE_MESSAGE, [this.keys.claim(key)], [token]);
  }

  // --- sessions
  async getSession(key: string): Promise<unknown | null> {
    const k = this.keys.session(key);
    const raw = await this.conn.cmd<string | null>(k, ['GET', k]);
    if (raw === null) return null;
    try {
      return decodeJson(raw);
    } catch (err) {
      this.logger?.warn({ sessionKey: key, err: String(err) }, 'corrupt session JSON: deleted');
      await this.conn.cmd(k, ['DEL', k]);
      return null;
    }
  }

  async setSession(key: string, value: unknown, ttlSec: number): Promise<void> {
    const k = this.keys.session(key);
    await this.conn.cmd(k, ['SET', k, encodeJson(value), 'PX', ms(ttlSec)]);
  }

  async deleteSession(key: string): Promise<void> {
    const k = this.keys.session(key);
    await this.conn.cmd(k, ['DEL', k]);
  }

  // --- teams
  async upsertTeam(team: Team): Promise<void> {
    await this.conn.cmd(this.keys.teams, ['HSET', this.keys.teams, team.id, JSON.stringify(team)]);
  }

  async getTeam(id: string): Promise<Team | null> {
    const raw = await this.conn.cmd<string | null>(this.keys.teams, ['HGET', this.keys.teams, id]);
    return raw === null ? null : this.team(raw);
  }

  async listTeams(): Promise<Team[]> {
    const raw = await this.conn.cmd<string[]>(this.keys.teams, ['HVALS', this.keys.teams]);
    return raw
      .map((r) => this.team(r))
      .filter((t): t is Team => t !== null)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** A stored team, validated; a corrupt record is logged and skipped (it cannot be half-read into a reply). */
  private team(raw: string): Team | null {
    return readRecord(storedTeamSchema, raw, (err) =>
      this.logger?.warn({ err }, 'corrupt team record in Redis: skipped'),
    );
  }

  // --- ledger
  async commitLedger(c: LedgerCommit): Promise<LedgerCommitResult> {
    const k = this.keys;
    const nonce = randomUUID();
    const keys = [k.commitRecord(c.messageId), k.seqIssue, k.seqVisit, k.events];
    const args = [k.ledger, commitPayload(c, nonce), this.dedupTtlMs];
    let reply: [number, string];
    try {
      reply = await this.conn.eval<[number, string]>(COMMIT, keys, args);
    } catch (err) {
      if (!isStoreUnavailable(err) || certainlyNotRun(err)) throw err;
      reply = await this.resolveCommit(c.messageId, nonce, keys, args, err);
    }
    return commitResult(reply);
  }

  /**
   * The commit's reply was lost (timeout or dropped connection), so it may or may not have run. Its dedup record
   * tells: a GET on the same connection is answered after the commit, so once Redis answers, a record with our
   * nonce means it ran, a record with another nonce means an earlier delivery ran it, and no record means it did
   * not run (it is then sent again: commits are idempotent). Redis silent for outcomeWaitMs → outcome 'unknown'.
   */
  private async resolveCommit(
    messageId: string,
    nonce: string,
    keys: string[],
    args: (string | number)[],
    cause: Error,
  ): Promise<[number, string]> {
    const recordKey = this.keys.commitRecord(messageId);
    const deadline = Date.now() + this.outcomeWaitMs;
    this.logger?.warn(
      { messageId, err: cause.message },
      'ledger commit reply lost; reading its dedup record to learn the outcome',
    );
    for (let left = this.outcomeWaitMs; left > 0; left = deadline - Date.now()) {
      try {
        const raw = await this.conn.cmdWithin<string | null>(recordKey, ['GET', recordKey], left);
        if (raw !== null) {
          const ran = (JSON.parse(raw) as { n?: string }).n === nonce;
          this.logger?.info({ messageId, applied: ran }, 'ledger commit outcome recovered from its dedup record');
          return [ran ? 0 : 1, raw];
        }
        return await this.conn.eval<[number, string]>(COMMIT, keys, args, Math.max(1, deadline - Date.now()));
      } catch (err) {
        if (!isStoreUnavailable(err)) throw err;
        await new Promise((r) => setTimeout(r, Math.min(200, Math.max(0, deadline - Date.now()))));
      }
    }
    throw new StoreUnavailableError(
      `ledger commit outcome unknown: Redis did not answer within ${this.outcomeWaitMs} ms`,
      { cause, outcome: 'unknown' },
    );
  }

  async readCommit(messageId: string, opts: { waitMs?: number } = {}): Promise<CommitRecord | null> {
    const key = this.keys.commitRecord(messageId);
    const deadline = Date.now() + (opts.waitMs ?? 0);
    for (;;) {
      try {
        const left = deadline - Date.now();
        const raw =
          left > 0
            ? await this.conn.cmdWithin<string | null>(key, ['GET', key], left)
            : await this.conn.cmd<string | null>(key, ['GET', key]);
        return raw === null ? null : recordOf(JSON.parse(raw) as CommitRecord);
      } catch (err) {
        if (!isStoreUnavailable(err) || Date.now() >= deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(200, Math.max(0, deadline - Date.now()))));
      }
    }
  }

  async getIssue(id: string): Promise<Issue | null> {
    const key = this.keys.issue(id);
    return decodeIssue(toRecord(await this.conn.cmd(key, ['HGETALL', key])));
  }

  async listIssues(q: IssueQuery): Promise<Issue[]> {
    const k = this.keys;
    const indexKeys: string[] = [];
    const groups: { k: number[]; min: string; max: string }[] = [];
    const group = (keys: string[], min = '-inf', max = '+inf') => {
      const idx = keys.map((key) => indexKeys.push(key));
      groups.push({ k: idx, min, max });
    };
    const before = q.overdueBefore !== undefined ? dateScore(q.overdueBefore) : undefined;
    if (before === null) return []; // an unparseable date matches nothing
    if (before !== undefined) group([k.idxDue], '-inf', `(${before}`);
    if (q.teamId !== undefined) group([k.idxTeam(q.teamId)]);
    if (q.status && q.status.length > 0) group([...new Set(q.status)].map((s) => k.idxStatus(s)));
    if (groups.length === 0) group([k.idxAll]);

    const replies = await this.conn.eval<unknown[]>(LIST, indexKeys, [`${k.ledger}issue:`, JSON.stringify(groups)]);
    const statuses = q.status && q.status.length > 0 ? new Set(q.status) : null;
    const out: Issue[] = [];
    for (const r of replies) {
      const i = decodeIssue(toRecord(r));
      if (!i) continue;
      if (q.teamId !== undefined && i.teamId !== q.teamId) continue;
      if (statuses && !statuses.has(i.status)) continue;
      if (q.enterprise !== undefined && i.enterprise !== q.enterprise) continue;
      if (q.category !== undefined && i.category !== q.category) continue;
      if (before !== undefined) {
        const due = dateScore(i.dueDate);
        if (due === null || due >= before || DONE_STATUSES.includes(i.status)) continue;
      }
      out.push(i);
    }
    out.sort((a, b) => a.createdAt - b.createdAt || idNumber(a.id) - idNumber(b.id));
    return q.limit !== undefined && q.limit >= 0 ? out.slice(0, q.limit) : out;
  }

  async issueHistory(id: string): Promise<LedgerEvent[]> {
    const key = this.keys.history(id);
    const raw = await this.conn.cmd<string[]>(key, ['LRANGE', key, 0, -1]);
    return raw.map(decodeEvent);
  }

  async getVisit(id: string): Promise<Visit | null> {
    const key = this.keys.visit(id);
    return decodeVisit(toRecord(await this.conn.cmd(key, ['HGETALL', key])));
  }

  async listVisits(q: VisitQuery): Promise<Visit[]> {
    const k = this.keys;
    const from = q.from !== undefined ? dateScore(q.from) : null;
    const to = q.to !== undefined ? dateScore(q.to) : null;
    const groups = [{ k: [1], min: from === null ? '-inf' : String(from), max: to === null ? '+inf' : String(to) }];
    const index = q.teamId !== undefined ? k.vidxTeam(q.teamId) : k.vidxAll;
    const replies = await this.conn.eval<unknown[]>(LIST, [index], [`${k.ledger}visit:`, JSON.stringify(groups)]);
    const out: Visit[] = [];
    for (const r of replies) {
      const v = decodeVisit(toRecord(r));
      if (v) out.push(v);
    }
    return out.sort(
      (a, b) =>
        (dateScore(a.date) ?? 0) - (dateScore(b.date) ?? 0) ||
        a.createdAt - b.createdAt ||
        idNumber(a.id) - idNumber(b.id),
    );
  }

  async readEvents(fromMs: number, toMs: number): Promise<LedgerEvent[]> {
    const key = this.keys.events;
    const out: LedgerEvent[] = [];
    let start = String(Math.max(0, Math.floor(fromMs)));
    const end = String(Math.floor(toMs));
    for (;;) {
      const page = await this.conn.cmd<[string, string[]][]>(key, ['XRANGE', key, start, end, 'COUNT', 1000]);
      for (const [, fields] of page) {
        const i = fields.indexOf('e');
        if (i >= 0 && fields[i + 1] !== undefined) out.push(decodeEvent(fields[i + 1]!));
      }
      if (page.length < 1000) return out;
      start = `(${page[page.length - 1]![0]}`;
    }
  }

  // --- feedback
  async saveAnswer(id: string, value: unknown, ttlSec: number): Promise<void> {
    const key = this.keys.answer(id);
    await this.conn.cmd(key, ['SET', key, encodeJson(value), 'PX', ms(ttlSec)]);
  }

  async getAnswer(id: string): Promise<unknown | null> {
    const key = this.keys.answer(id);
    const raw = await this.conn.cmd<string | null>(key, ['GET', key]);
    if (raw === null) return null;
    try {
      return decodeJson(raw);
    } catch {
      return null;
    }
  }

  async addFeedback(fb: Feedback): Promise<void> {
    await this.conn.cmd(this.keys.feedback, ['HSET', this.keys.feedback, fb.id, JSON.stringify(fb)]);
  }

  async recordQuestion(q: AskedQuestion): Promise<void> {
    const k = this.keys.questions;
    await this.conn.cmd(k, ['LPUSH', k, JSON.stringify(q)]);
    await this.conn.cmd(k, ['LTRIM', k, '0', String(QUESTION_LOG_MAX - 1)]);
  }

  async listQuestions(limit = QUESTION_LOG_MAX): Promise<AskedQuestion[]> {
    const k = this.keys.questions;
    const raw = await this.conn.cmd<string[]>(k, [
      'LRANGE',
      k,
      '0',
      String(Math.max(0, Math.min(limit, QUESTION_LOG_MAX) - 1)),
    ]);
    return raw
      .map((r) =>
        readRecord<AskedQuestion>(storedQuestionSchema, r, (err) =>
          this.logger?.warn({ err }, 'corrupt question-log entry: skipped'),
        ),
      )
      .filter((q): q is AskedQuestion => q !== null);
  }

  async listFeedback(): Promise<Feedback[]> {
    const raw = await this.conn.cmd<string[]>(this.keys.feedback, ['HVALS', this.keys.feedback]);
    return raw.map((r) => JSON.parse(r) as Feedback).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  }

  // --- rate limiting
  async hitRateLimit(key: string, limit: number, windowSec: number): Promise<{ allowed: boolean; count: number }> {
    const count = Number(await this.conn.eval(RATE_LIMIT, [this.keys.rateLimit(key)], [ms(windowSec)]));
    return { allowed: count <= limit, count };
  }

  // --- scheduled jobs
  async claimJob(key: string, leaseMs: number, owner: string): Promise<boolean> {
    return (
      Number(await this.conn.eval(CLAIM_JOB, [this.keys.job(key)], [owner, Math.max(1, Math.round(leaseMs))])) === 1
    );
  }

  async completeJob(key: string, ttlSec: number): Promise<void> {
    const k = this.keys.job(key);
    await this.conn.cmd(k, ['SET', k, 'D', 'PX', ms(ttlSec)]);
  }

  async isJobDone(key: string): Promise<boolean> {
    const k = this.keys.job(key);
    return (await this.conn.cmd<string | null>(k, ['GET', k])) === 'D';
  }

  /** True when Redis can serve the ledger; false (never throws) when it cannot. */
  async ping(): Promise<boolean> {
    // A keyed read on the ledger's slot rather than PING: a cluster node answers PING (no key) even while the
    // cluster is down and every real command fails with CLUSTERDOWN; EXISTS goes through the same checks as real work.
    const key = this.keys.seqIssue;
    try {
      await this.conn.cmd<number>(key, ['EXISTS', key]);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

const recordOf = (r: CommitRecord): CommitRecord => ({
  visitIds: r.visitIds,
  issueIds: r.issueIds,
  patchedIds: r.patchedIds,
});

/** The commit script's reply → LedgerCommitResult. */
function commitResult([code, raw]: [number, string]): LedgerCommitResult {
  if (Number(code) === 2) {
    const d = JSON.parse(raw) as { m: string; r: CommitRecord };
    return {
      duplicate: false,
      visitIds: [],
      issueIds: [],
      patchedIds: [],
      repeatOf: { messageId: d.m, ...recordOf(d.r) },
    };
  }
  return { duplicate: Number(code) === 1, ...recordOf(JSON.parse(raw) as CommitRecord) };
}

/** Stream/list entry → LedgerEvent (`at` travels as a string through Lua). */
function decodeEvent(json: string): LedgerEvent {
  const e = JSON.parse(json) as LedgerEvent & { at: number | string };
  return { ...e, at: Number(e.at) };
}
