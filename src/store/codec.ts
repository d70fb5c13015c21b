/**
 * Shared (de)serialisation and ledger rules used by both stores, so MemoryStore and RedisStore
 * behave identically: id format, JSON with Buffers, date scores, status-transition timestamps.
 */
import { z } from 'zod';
import type { IssueStatus } from '../ledger/model.js';
import type { Reply } from '../messaging/reply.js';
import { wellFormed } from '../messaging/normalise.js';

/** Q-0001, V-0042, Q-12345 (at least four digits). */
export function formatId(prefix: 'Q' | 'V', n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

/** Numeric part of an id, for ordering ("Q-10000" after "Q-9999"). */
export function idNumber(id: string): number {
  const m = /-(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** 'YYYY-MM-DD' → 20250131 (a sortable score); null for anything else. */
export function dateScore(date: string | null | undefined): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return Number(date.replaceAll('-', ''));
}

export const DONE_STATUSES: readonly IssueStatus[] = ['resolved', 'closed'];

/**
 * Timestamps after a status change (the same rule is written in Lua in redis/scripts.ts):
 *   → resolved: resolvedAt = at (kept if it was already resolved), closedAt = null
 *   → closed:   closedAt = at (kept if already closed), resolvedAt = resolvedAt ?? at
 *   → open / assigned / in_progress (reopen): resolvedAt = closedAt = null
 */
export function statusTimestamps(
  from: IssueStatus | null,
  to: IssueStatus,
  at: number,
  current: { resolvedAt: number | null; closedAt: number | null },
): { resolvedAt: number | null; closedAt: number | null } {
  if (to === 'resolved') return { resolvedAt: from === 'resolved' ? (current.resolvedAt ?? at) : at, closedAt: null };
  if (to === 'closed')
    return { resolvedAt: current.resolvedAt ?? at, closedAt: from === 'closed' ? (current.closedAt ?? at) : at };
  return { resolvedAt: null, closedAt: null };
}

/**
 * JSON for Lua scripts: Redis' cjson rejects the `\udXXX` escapes JSON.stringify writes for lone surrogates
 * (left behind when text is cut inside an emoji), so strings are made well-formed first.
 */
export function encodeLuaJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v));
}

/** JSON that survives Buffers (Reply.files[].data), as base64 (Buffer's own toJSON writes a number array, ~3.5× the size). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value ?? null, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return Buffer.isBuffer(raw) ? { type: 'Buffer', base64: raw.toString('base64') } : v;
  });
}

export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer') {
      const b = v as { data?: unknown; base64?: unknown };
      if (typeof b.base64 === 'string') return Buffer.from(b.base64, 'base64');
      if (Array.isArray(b.data)) return Buffer.from(b.data as number[]);
    }
    return v;
  });
}

/** How long to remember a reply: one carrying files (an xlsx export) only for `fileTtlSec`, if set and shorter. */
export function replyTtlSec(reply: Reply | null, ttlSec: number, fileTtlSec: number | undefined): number {
  return reply?.files?.length && fileTtlSec !== undefined ? Math.min(ttlSec, fileTtlSec) : ttlSec;
}

export function encodeReply(reply: Reply | null): string {
  return encodeJson(reply);
}

export function decodeReply(text: string): Reply | null {
  return decodeJson(text) as Reply | null;
}

/** A team as stored (the `teams` hash): validated when read, like every other edge. */
export const storedTeamSchema = z.object({
  id: z.string(),
  platform: z.string(),
  conversationId: z.string(),
  name: z.string(),
  enterprises: z.array(z.string()),
  isAdminGroup: z.boolean(),
  createdAt: z.number(),
  seeded: z.array(z.string()).optional(),
});

/** An asked question as stored (the question log). */
export const storedQuestionSchema = z.object({
  at: z.number(),
  teamId: z.string(),
  userId: z.string(),
  question: z.string(),
  refused: z.boolean(),
});

/**
 * Parse and validate one stored JSON record; a corrupt or foreign one is reported through `onBad` and read as null
 * (never cast blindly: a hand-edited or older record must not reach the ledger as a half-formed object).
 */
export function readRecord<T>(schema: z.ZodType<T>, raw: string, onBad: (err: string) => void): T | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    onBad(`invalid JSON: ${(err as Error).message}`);
    return null;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    onBad(parsed.error.message.slice(0, 300));
    return null;
  }
  return parsed.data;
}
