/**
 * Web console sessions and one-time sign-in links, kept in the Store's session space (Redis with a TTL, so every
 * replica sees them and they expire by themselves). Keys: `web:s:<id>` (a session), `web:<kind>:<token>` (a one-time
 * value: `link` a sign-in link, `slack-state` a Slack sign-in in progress). Session ids and tokens are 32 random bytes
 * (base64url); a one-time value is claimed atomically once.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/types.js';

export const ROLES = ['admin', 'leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

const sessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** How the user signed in. */
  via: z.enum(['dingtalk', 'slack', 'link']),
  role: z.enum(ROLES),
  /** Teams a member may see (ignored for admins and leaders). */
  teams: z.array(z.string()),
  csrf: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type WebSession = z.infer<typeof sessionSchema>;

const linkSchema = z.object({ userId: z.string(), name: z.string(), createdAt: z.number() });

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string comparison (CSRF tokens). */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

const TOKEN_RE = /^[A-Za-z0-9_-]{20,100}$/;
const sessionKey = (id: string) => `web:s:${id}`;
const onceKey = (kind: string, token: string) => `web:${kind}:${token}`;

export class WebSessions {
  constructor(
    private readonly store: Store,
    private readonly ttlSec: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: Omit<WebSession, 'id' | 'csrf' | 'createdAt' | 'expiresAt'>): Promise<WebSession> {
    const now = this.now();
    const s: WebSession = {
      ...user,
      id: randomToken(),
      csrf: randomToken(),
      createdAt: now,
      expiresAt: now + this.ttlSec * 1000,
    };
    await this.store.setSession(sessionKey(s.id), s, this.ttlSec);
    return s;
  }

  /** The live session for a cookie value, or null (unknown, expired, malformed). */
  async get(id: string | undefined): Promise<WebSession | null> {
    if (!id || !TOKEN_RE.test(id)) return null;
    const raw = await this.store.getSession(sessionKey(id));
    const parsed = sessionSchema.safeParse(raw);
    if (!parsed.success) return null;
    // Redis expires the key; this also covers a store without TTLs and a clock that moved.
    if (parsed.data.expiresAt <= this.now()) return null;
    return parsed.data;
  }

  async destroy(id: string): Promise<void> {
    if (TOKEN_RE.test(id)) await this.store.deleteSession(sessionKey(id));
  }

  /**
   * Keep a value under a fresh random token for ttlSec (key `web:<kind>:<token>`) for takeOnce to use once: one-time
   * links, and the state of a Slack sign-in.
   */
  async putOnce(kind: string, value: unknown, ttlSec: number): Promise<string> {
    const token = randomToken();
    await this.store.setSession(onceKey(kind, token), value, ttlSec);
    return token;
  }

  /** The value under a token without using it, or null (unknown, expired, malformed token). */
  async peekOnce(kind: string, token: string): Promise<unknown | null> {
    return TOKEN_RE.test(token) ? this.store.getSession(onceKey(kind, token)) : null;
  }

  /**
   * Use a token: succeeds at most once across replicas (an atomic counter claims it, kept ttlSec — at least the
   * value's own TTL), then the value is deleted. Null when unknown, expired or already used.
   */
  async takeOnce(kind: string, token: string, ttlSec: number): Promise<unknown | null> {
    const value = await this.peekOnce(kind, token);
    if (value === null) return null;
    const claim = await this.store.hitRateLimit(`web:${kind}-used:${token}`, 1, ttlSec);
    if (!claim.allowed) return null;
    await this.store.deleteSession(onceKey(kind, token));
    return value;
  }

  /** A one-time admin sign-in link token (`zct web-link`), valid for ttlSec. */
  createLink(userId: string, name: string, ttlSec: number): Promise<string> {
    return this.putOnce('link', { userId, name, createdAt: this.now() }, ttlSec);
  }

  /** Peek at a link without using it (the confirmation page). */
  async peekLink(token: string): Promise<{ userId: string; name: string } | null> {
    const parsed = linkSchema.safeParse(await this.peekOnce('link', token));
    return parsed.success ? parsed.data : null;
  }

  /** Use a link: at most once across replicas. */
  async consumeLink(token: string, ttlSec: number): Promise<{ userId: string; name: string } | null> {
    const parsed = linkSchema.safeParse(await this.takeOnce('link', token, ttlSec));
    return parsed.success ? parsed.data : null;
  }
}
