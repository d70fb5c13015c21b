/**
 * Typed session reads: a session that is corrupt or in an old format (fails the schema) is deleted and
 * logged, never thrown — the user simply starts over. StoreUnavailableError still propagates.
 */
import type { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import type { Store } from './types.js';

export async function readSession<T>(
  store: Store,
  key: string,
  schema: z.ZodType<T>,
  logger: Logger,
): Promise<T | null> {
  const raw = await store.getSession(key);
  if (raw === null || raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  logger.warn(
    { sessionKey: key, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
    'session does not match its schema (old format?): deleted',
  );
  await store.deleteSession(key);
  return null;
}
