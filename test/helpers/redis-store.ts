/**
 * A RedisStore on a test's own redis-server, with short timeouts so outage tests fail fast:
 *   const store = await connectTestStore(redis.url, `dt${process.pid}`);
 */
import { RedisStore } from '../../src/store/redis/index.js';

export async function connectTestStore(url: string, prefix: string): Promise<RedisStore> {
  const store = new RedisStore({ url, prefix, commandTimeoutMs: 500, maxReconnectDelayMs: 100 });
  await store.connect({ timeoutMs: 5_000 });
  return store;
}
