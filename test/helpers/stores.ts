/**
 * Run a suite on both stores: `describe.each(bothStores('digest'))('… (%s store)', (_name, make) => …)`.
 * Spawns one redis-server for the file (real Redis, no mocks) and closes every store it made afterwards.
 */
import { afterAll, beforeAll } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/store.js';
import type { Store } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from './redis.js';

export function bothStores(prefix: string): Array<[string, () => Promise<Store>]> {
  let redis: RedisHandle | undefined;
  const made: Store[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const s of made) await s.close();
    await redis?.stop();
  });
  return [
    ['memory', async () => new MemoryStore()],
    [
      'redis',
      async () => {
        const s = new RedisStore({ url: redis!.url, prefix: `${prefix}-${process.pid}-${made.length}` });
        await s.connect({ timeoutMs: 5000 });
        made.push(s);
        return s;
      },
    ],
  ];
}
