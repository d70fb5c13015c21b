/**
 * Issue/visit ⇄ Redis hash fields, and the JSON payload the commit script consumes.
 * Hash convention: strings raw, numbers as decimal strings, null fields absent, arrays as JSON.
 * The payload carries only strings (Lua numbers would lose precision) and is fully validated/pre-computed
 * here, so the Lua side cannot fail half-way.
 */
import type { Category, Issue, IssueStatus, Visit } from '../../ledger/model.js';
import type { LedgerCommit, NewIssue, NewVisit } from '../types.js';
import { dateScore, encodeLuaJson, statusTimestamps } from '../codec.js';

/** Flat [field, value, …] for HSET (id excluded: the script allocates it). */
function fields(obj: Record<string, string | number | null | undefined>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out.push(k, String(v));
  return out;
}

export function issueFields(n: NewIssue, at: number, messageId: string): string[] {
  const ts = statusTimestamps(null, n.status, at, { resolvedAt: null, closedAt: null });
  return fields({
    teamId: n.teamId,
    enterprise: n.enterprise,
    category: n.category,
    summary: n.summary,
    department: n.department,
    status: n.status,
    dueDate: n.dueDate,
    dueScore: dateScore(n.dueDate),
    reporter: n.reporter,
    reporterName: n.reporterName,
    raisedOn: n.raisedOn,
    createdAt: at,
    updatedAt: at,
    resolvedAt: ts.resolvedAt,
    closedAt: ts.closedAt,
    messageId,
  });
}

export function visitFields(v: NewVisit, at: number, messageId: string): string[] {
  return fields({
    teamId: v.teamId,
    enterprise: v.enterprise,
    date: v.date,
    participants: JSON.stringify(v.participants),
    note: v.note,
    reporter: v.reporter,
    reporterName: v.reporterName,
    createdAt: at,
    messageId,
  });
}

/** HGETALL reply (RESP2 flat array or RESP3 map) → plain record. */
export function toRecord(reply: unknown): Record<string, string> {
  if (Array.isArray(reply)) {
    const rec: Record<string, string> = {};
    for (let i = 0; i + 1 < reply.length; i += 2) rec[String(reply[i])] = String(reply[i + 1]);
    return rec;
  }
  if (reply instanceof Map) return Object.fromEntries([...reply].map(([k, v]) => [String(k), String(v)]));
  return (reply ?? {}) as Record<string, string>;
}

const num = (v: string | undefined): number | null => (v === undefined ? null : Number(v));

/** Null for a missing or withdrawn issue. */
export function decodeIssue(h: Record<string, string>): Issue | null {
  if (!h.id || h.withdrawnAt !== undefined) return null;
  return {
    id: h.id,
    teamId: h.teamId ?? '',
    enterprise: h.enterprise ?? '',
    category: (h.category ?? '其他') as Category,
    summary: h.summary ?? '',
    department: h.department ?? null,
    status: (h.status ?? 'open') as IssueStatus,
    dueDate: h.dueDate ?? null,
    reporter: h.reporter ?? '',
    reporterName: h.reporterName ?? '',
    raisedOn: h.raisedOn ?? '',
    createdAt: Number(h.createdAt),
    updatedAt: Number(h.updatedAt),
    resolvedAt: num(h.resolvedAt),
    closedAt: num(h.closedAt),
    messageId: h.messageId ?? '',
  };
}

/** Null for a missing or withdrawn visit. */
export function decodeVisit(h: Record<string, string>): Visit | null {
  if (!h.id || h.withdrawnAt !== undefined) return null;
  return {
    id: h.id,
    teamId: h.teamId ?? '',
    enterprise: h.enterprise ?? '',
    date: h.date ?? '',
    participants: h.participants ? (JSON.parse(h.participants) as string[]) : [],
    note: h.note ?? '',
    reporter: h.reporter ?? '',
    reporterName: h.reporterName ?? '',
    createdAt: Number(h.createdAt),
    messageId: h.messageId ?? '',
  };
}

interface PatchPayload {
  id: string;
  expect?: IssueStatus;
  status?: IssueStatus;
  set: string[];
  del: string[];
  dept?: string;
  deptNull?: true;
  note?: string;
  /** Extra event fields (edits, action, undoes), merged into the event as they are. */
  ev?: Record<string, unknown>;
}

/** The commit script's ARGV[2]. `nonce` is written into the dedup record (see RedisStore.commitLedger). */
export function commitPayload(c: LedgerCommit, nonce = ''): string {
  const at = String(c.at);
  const patches: PatchPayload[] = c.patches.map((p) => {
    const set: string[] = [];
    const del: string[] = [];
    const out: PatchPayload = { id: p.issueId, set, del };
    if (p.expectStatus) out.expect = p.expectStatus;
    if (p.status) out.status = p.status;
    if (p.summary !== undefined) set.push('summary', p.summary);
    if (p.category !== undefined) set.push('category', p.category);
    if (p.enterprise !== undefined) set.push('enterprise', p.enterprise);
    if (p.department !== undefined) {
      if (p.department === null) {
        del.push('department');
        out.deptNull = true;
      } else {
        set.push('department', p.department);
        out.dept = p.department;
      }
    }
    if (p.dueDate !== undefined) {
      const score = dateScore(p.dueDate);
      if (p.dueDate === null) del.push('dueDate', 'dueScore');
      else set.push('dueDate', p.dueDate);
      if (p.dueDate !== null && score !== null) set.push('dueScore', String(score));
      else if (p.dueDate !== null) del.push('dueScore');
    }
    if (p.note !== undefined) out.note = p.note;
    if (p.event && Object.keys(p.event).length) out.ev = { ...p.event };
    return out;
  });
  return encodeLuaJson({
    at,
    actor: c.actor,
    actorName: c.actorName,
    messageId: c.messageId,
    visits: c.visits.map((v) => ({
      f: visitFields(v, c.at, c.messageId),
      teamId: v.teamId,
      score: String(dateScore(v.date) ?? 0),
    })),
    issues: c.issues.map((n) => ({ f: issueFields(n, c.at, c.messageId), teamId: n.teamId, status: n.status })),
    patches,
    withdrawIssues: c.withdrawIssues ?? [],
    withdrawVisits: c.withdrawVisits ?? [],
    ...(c.withdrawEvent && Object.keys(c.withdrawEvent).length ? { wev: { ...c.withdrawEvent } } : {}),
    n: nonce,
    ...(c.repeat
      ? { rk: c.repeat.key, rw: String(Math.max(1, Math.round(c.repeat.windowMs))), ra: c.repeat.allow ? '1' : '0' }
      : {}),
    restoreIssues: c.restoreIssues ?? [],
    visitPatches: (c.visitPatches ?? []).map((v) => ({
      id: v.visitId,
      e: v.enterprise,
      ...(v.event ? { ev: { ...v.event } } : {}),
    })),
  });
}
