/**
 * Redis key layout. Every key starts with the configurable prefix P (ZCT_REDIS_PREFIX, default "zct").
 * The prefix itself must not contain "{" or "}".
 *
 * Ledger — all keys share the hash tag {P:ledger}, so every multi-key Lua script touches ONE cluster slot
 * (per deployment: two prefixes put their ledgers on different slots). Below, P:{ledger} abbreviates P:{P:ledger}:
 *   P:{ledger}:issue:<Q-0001>          HASH    issue fields; null fields are absent; numbers as decimal strings;
 *                                              hidden `dueScore` (YYYYMMDD of dueDate); `withdrawnAt` once withdrawn
 *   P:{ledger}:visit:<V-0001>          HASH    visit fields (participants as a JSON array); `withdrawnAt` once withdrawn
 *   P:{ledger}:seq:issue               STRING  INCR counter behind Q-ids (never reused)
 *   P:{ledger}:seq:visit               STRING  INCR counter behind V-ids
 *   P:{ledger}:idx:all                 ZSET    live issue ids, score createdAt (ms)
 *   P:{ledger}:idx:team:<teamId>       ZSET    live issue ids of a team, score createdAt
 *   P:{ledger}:idx:status:<status>     ZSET    live issue ids by current status, score createdAt
 *   P:{ledger}:idx:due                 ZSET    live, not resolved/closed issues that have a due date, score YYYYMMDD
 *   P:{ledger}:vidx:all                ZSET    live visit ids, score visit date YYYYMMDD
 *   P:{ledger}:vidx:team:<teamId>      ZSET    live visit ids of a team, score YYYYMMDD
 *   P:{ledger}:hist:<Q-0001>           LIST    the issue's events (JSON), oldest first
 *   P:{ledger}:events                  STREAM  audit log: one entry per change, field `e` = LedgerEvent JSON;
 *                                              entry id = max(commit.at, last id's ms)-<seq>, so XRANGE by ms works
 *   P:{ledger}:msg:<messageId>         STRING  commit result JSON (dedup record, with the committer's nonce `n`),
 *                                              PX = ZCT_DEDUP_TTL_HOURS
 *   P:{ledger}:recent:<sha1>           STRING  {"m": messageId, "r": record} of the last report with these normalised
 *                                              words by this user in this team (repeat.ts), PX = ZCT_REPEAT_WINDOW_MIN
 *
 * Independent single keys (each may live on its own slot):
 *   P:claim:<key>                      STRING  "L:<token>" (lease, PX leaseMs) | "D:<reply JSON>" (done, PX ttl)
 *   P:sess:<key>                       STRING  session JSON, PX ttl
 *   P:answer:<id>                      STRING  saved answer JSON, PX ttl
 *   P:feedback                         HASH    feedback id → Feedback JSON
 *   P:questions                        LIST    AskedQuestion JSON, newest first, capped (LPUSH + LTRIM)
 *   P:teams                            HASH    team id → Team JSON
 *   P:rl:<key>                         STRING  fixed-window counter (INCR, PEXPIRE on first hit)
 *   P:job:<key>                        STRING  "L:<owner>" (lease, PX leaseMs) | "D" (done, PX ttl)
 */
import type { IssueStatus } from '../../ledger/model.js';

export class RedisKeys {
  /** "P:{P:ledger}:" — the base every ledger key (and the Lua scripts) build on. */
  readonly ledger: string;

  constructor(readonly prefix: string) {
    if (/[{}]/.test(prefix)) throw new Error(`ZCT_REDIS_PREFIX must not contain braces: ${prefix}`);
    this.ledger = `${prefix}:{${prefix}:ledger}:`;
  }

  issue(id: string): string {
    return `${this.ledger}issue:${id}`;
  }
  visit(id: string): string {
    return `${this.ledger}visit:${id}`;
  }
  get seqIssue(): string {
    return `${this.ledger}seq:issue`;
  }
  get seqVisit(): string {
    return `${this.ledger}seq:visit`;
  }
  get idxAll(): string {
    return `${this.ledger}idx:all`;
  }
  idxTeam(teamId: string): string {
    return `${this.ledger}idx:team:${teamId}`;
  }
  idxStatus(status: IssueStatus): string {
    return `${this.ledger}idx:status:${status}`;
  }
  get idxDue(): string {
    return `${this.ledger}idx:due`;
  }
  get vidxAll(): string {
    return `${this.ledger}vidx:all`;
  }
  vidxTeam(teamId: string): string {
    return `${this.ledger}vidx:team:${teamId}`;
  }
  history(issueId: string): string {
    return `${this.ledger}hist:${issueId}`;
  }
  get events(): string {
    return `${this.ledger}events`;
  }
  recent(repeatKey: string): string {
    return `${this.ledger}recent:${repeatKey}`;
  }
  commitRecord(messageId: string): string {
    return `${this.ledger}msg:${messageId}`;
  }

  claim(key: string): string {
    return `${this.prefix}:claim:${key}`;
  }
  session(key: string): string {
    return `${this.prefix}:sess:${key}`;
  }
  answer(id: string): string {
    return `${this.prefix}:answer:${id}`;
  }
  get feedback(): string {
    return `${this.prefix}:feedback`;
  }
  get questions(): string {
    return `${this.prefix}:questions`;
  }
  get teams(): string {
    return `${this.prefix}:teams`;
  }
  rateLimit(key: string): string {
    return `${this.prefix}:rl:${key}`;
  }
  job(key: string): string {
    return `${this.prefix}:job:${key}`;
  }
}
