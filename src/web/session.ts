/**
 * Web console sessions and one-time sign-in links, kept in the Store's session space (Redis with a TTL, so every
 * replica sees them and they expire by themselves). Keys: `web:s:<id>` (a session), `web:link:<token>` (a link).
 * A session id and a link token are 32 random bytes (base64url); a link is consumed atomically once.
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
const linkKey = (token: string) => `web:link:${token}`;

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

  /** A one-time admin sign-in link token (`zct web-link`), valid for ttlSec. */
  async createLink(userId: string, name: string, ttlSec: number): Promise<string> {
    const token = randomToken();
    await this.store.setSession(linkKey(token), { userId, name, createdAt: this.now() }, ttlSec);
    return token;
  }

  /** Peek at a link without using it (the confirmation page). */
  async peekLink(token: string): Promise<{ userId: string; name: string } | null> {
    if (!TOKEN_RE.test(token)) return null;
    const parsed = linkSchema.safeParse(await this.store.getSession(linkKey(token)));
    return parsed.success ? parsed.data : null;
  }

  /**
   * Use a link: succeeds at most once across replicas (an atomic counter claims it), then the link is deleted.
   */
  async consumeLink(token: string, ttlSec: number): Promise<{ userId: string; name: string } | null> {
    const link = await this.peekLink(token);
    if (!link) return null;
    const claim = await this.store.hitRateLimit(`web:link-used:${token}`, 1, ttlSec);
    if (!claim.allowed) return null;
    await this.store.deleteSession(linkKey(token));
    return link;
  }
}
