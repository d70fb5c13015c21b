/**
 * Finding 2: Redis credentials never reach the logs, in any form they can be given: REDIS_URL with user:pass@,
 * REDIS_CLUSTER_NODES with redis://user:pass@…, or REDIS_USERNAME / REDIS_PASSWORD. Start-up and an outage are
 * logged at debug level and every line is searched for the password.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.js';
import { maskRedisUrl } from '../../src/store/redis/connection.js';
import type { Store } from '../../src/store/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { captureLogger, until } from '../helpers/fleet.js';
import { testConfig } from '../helpers/services.js';

const PASSWORD = 'S3cr3t-pw_7f9QzX';
const USER = 'zctbot';

let redis: RedisHandle;
beforeAll(async () => {
  // An ACL user with a password (an ACL file, so it survives the restart). The default user only answers PING
  // (the helper's readiness probe): real work needs the password.
  const acl = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zct-acl-')), 'users.acl');
  fs.writeFileSync(acl, `user default on nopass -@all +ping\nuser ${USER} on >${PASSWORD} ~* &* +@all\n`);
  redis = await startRedis({ args: ['--aclfile', acl] });
});
afterAll(async () => {
  await redis?.stop();
});

const host = () => `127.0.0.1:${redis.port}`;

async function startAndBreak(env: Record<string, string>): Promise<string> {
  const { logger, lines } = captureLogger('debug');
  const config = testConfig({ LOG_LEVEL: 'debug', ZCT_REDIS_PREFIX: `sec${Date.now()}`, ...env });
  const store: Store = await createStore(config, logger, {
    connect: { timeoutMs: 5000 },
    commandTimeoutMs: 300,
    connectTimeoutMs: 300,
  });
  await store.upsertTeam({
    id: 'console:g',
    platform: 'console',
    conversationId: 'g',
    name: 'g',
    enterprises: [],
    isAdminGroup: false,
    createdAt: 1,
  });
  // The outage: Redis goes away, an operation fails, the connection logs its error line.
  await redis.kill();
  await expect(store.getTeam('console:g')).rejects.toMatchObject({ name: 'StoreUnavailableError' });
  await until(() => lines.some((l) => String(l.msg).startsWith('Redis unreachable')), 5000, 'the outage line');
  await redis.start();
  await until(() => store.ping(), 10_000, 'reconnect');
  await store.close();
  return lines.map((l) => JSON.stringify(l)).join('\n');
}

describe('Redis credentials are never logged', () => {
  it('REDIS_URL=redis://user:password@host — works, and the logs of start-up and an outage never show the password', async () => {
    const logs = await startAndBreak({ REDIS_URL: `redis://${USER}:${PASSWORD}@${host()}` });
    expect(logs).toContain('connected to Redis');
    expect(logs).toContain('***@');
    expect(logs).not.toContain(PASSWORD);
  }, 30_000);

  it('REDIS_USERNAME / REDIS_PASSWORD with a plain REDIS_URL', async () => {
    const logs = await startAndBreak({
      REDIS_URL: `redis://${host()}`,
      REDIS_USERNAME: USER,
      REDIS_PASSWORD: PASSWORD,
    });
    expect(logs).toContain('connected to Redis');
    expect(logs).not.toContain(PASSWORD);
  }, 30_000);

  it('REDIS_CLUSTER_NODES=redis://user:password@… — the failing start-up is logged without the password', async () => {
    // Not a cluster: discovery fails, which is exactly the path that logged the node list in clear.
    const { logger, lines } = captureLogger('debug');
    const config = testConfig({
      LOG_LEVEL: 'debug',
      REDIS_CLUSTER_NODES: `redis://${USER}:${PASSWORD}@${host()},redis://${USER}:${PASSWORD}@127.0.0.1:1`,
    });
    await expect(
      createStore(config, logger, { connect: { timeoutMs: 1500 }, connectTimeoutMs: 200 }),
    ).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    const logs = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(logs).toContain('***@');
    expect(logs).not.toContain(PASSWORD);
  }, 30_000);

  it('masks every URL form', () => {
    expect(maskRedisUrl(`redis://${USER}:${PASSWORD}@h:1/0`)).toBe('redis://***@h:1/0');
    expect(maskRedisUrl(`rediss://:${PASSWORD}@h:1`)).toBe('rediss://***@h:1');
    expect(maskRedisUrl('h:1')).toBe('h:1');
    expect(maskRedisUrl('redis://h:1')).toBe('redis://h:1');
  });
});
