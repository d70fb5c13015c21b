export { RedisStore, type RedisStoreOptions } from './store.js';
export { RedisConnection, mapError, type RedisConnectionOptions } from './connection.js';
export { RedisKeys } from './keys.js';
