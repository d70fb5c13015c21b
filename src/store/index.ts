/**
 * The Store's public API. createStore picks Redis (REDIS_URL / REDIS_CLUSTER_NODES) or the in-memory store.
 */
export * from './types.js';
export { MemoryStore, type MemoryStoreOptions } from './memory.js';
export { RedisStore, type RedisStoreOptions, RedisKeys } from './redis/index.js';
export { createStore, type CreateStoreOptions } from './create.js';
export { readSession } from './session.js';
