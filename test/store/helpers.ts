/** Shared helpers for the Redis store tests (real redis-server, no mocks). */
import { Writable } from 'node:stream';
import { createClient } from 'redis';
import { createLogger } from '../../src/observability/logger.js';
import { RedisStore, type RedisStoreOptions } from '../../src/store/redis/store.js';

let n = 0;

/** A plain node-redis client to inspect or corrupt keys directly. */
export async function rawClient(url: string) {
  const c = createClient({ url });
  c.on('error', () => {});
  await c.connect();
  return c;
}

/** A pino logger whose JSON lines are collected in `lines`. */
export function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger('debug', dest), lines };
}

/** A connected RedisStore under a fresh prefix (isolated data on a shared server). */
export function openStore(
  url: string,
  prefix = `r${process.pid}-${++n}`,
  extra: Partial<RedisStoreOptions> = {},
): Promise<RedisStore> {
  return RedisStore.connect(url, { prefix, timeoutMs: 5000, ...extra });
}

/** Resolves with the promise's outcome, or 'hung' if it takes longer than `ms` (a liveness check, not a speed test). */
export async function settleWithin<T>(
  p: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'hung'> {
  return Promise.race([
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms)),
  ]);
}
