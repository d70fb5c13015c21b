/**
 * Finding 10 (operations): Bolt's warning per unsigned Slack request is throttled; a remembered reply carrying an
 * xlsx is kept ZCT_FILE_REPLY_TTL_MIN (not the 72 h dedup TTL) and stored as base64 (not a JSON number array).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../src/platforms/slack/bolt-logger.js';
import { decodeReply, encodeReply } from '../../src/store/codec.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/store.js';
import type { Reply } from '../../src/messaging/reply.js';
import { captureLogger } from '../helpers/fleet.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';

const xlsx = randomBytes(100_000);
const withFile: Reply = {
  intent: 'admin',
  blocks: [{ type: 'paragraph', text: '台账已导出' }],
  files: [
    {
      filename: '台账.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: xlsx,
    },
  ],
};
const plain: Reply = { intent: 'issues', blocks: [{ type: 'paragraph', text: '问题清单' }] };

describe('unsigned Slack requests', () => {
  it('Bolt’s per-request verification warning is logged once a minute with a count', () => {
    const { logger, lines } = captureLogger('warn');
    let t = 0;
    const log = boltLogger(logger, { now: () => t });
    for (let i = 0; i < 500; i++)
      log.warn(
        `Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch (request ${i})`,
      );
    expect(lines).toHaveLength(1);
    t += 61_000;
    log.warn(
      'Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch (request 501)',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]!.suppressed).toBe(499);
    log.warn('something else entirely');
    expect(lines).toHaveLength(3);
  });
});

describe('a remembered reply with an xlsx', () => {
  it('is stored as base64 (≈1.33× the file, not ≈3.5×) and decodes to the same bytes', () => {
    const encoded = encodeReply(withFile);
    expect(encoded.length).toBeLessThan(xlsx.length * 1.4);
    const back = decodeReply(encoded)!;
    expect(Buffer.compare(back.files![0]!.data, xlsx)).toBe(0);
    // Replies remembered by older versions (Buffer.toJSON's number array) still decode.
    const legacy = JSON.stringify({
      ...withFile,
      files: [{ ...withFile.files![0], data: { type: 'Buffer', data: [...xlsx.subarray(0, 10)] } }],
    });
    expect(Buffer.compare(decodeReply(legacy)!.files![0]!.data, xlsx.subarray(0, 10))).toBe(0);
  });

  it('expires after ZCT_FILE_REPLY_TTL_MIN, while other replies keep the dedup TTL (memory store)', async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ clock: () => now, fileReplyTtlSec: 30 * 60 });
    for (const key of ['file', 'plain']) await store.claimMessage(key, 60_000);
    await store.completeMessage('file', withFile, 72 * 3600);
    await store.completeMessage('plain', plain, 72 * 3600);
    now += 31 * 60_000;
    expect((await store.claimMessage('file', 60_000)).state).toBe('new');
    expect((await store.claimMessage('plain', 60_000)).state).toBe('done');
  });

  describe('Redis', () => {
    let redis: RedisHandle;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });
    it('PTTL of the claim record follows the file TTL', async () => {
      const store = new RedisStore({ url: redis.url, prefix: 'ops', fileReplyTtlSec: 30 * 60 });
      await store.connect({ timeoutMs: 5000 });
      await store.claimMessage('f', 60_000);
      await store.completeMessage('f', withFile, 72 * 3600);
      const k = store.keys.claim('f');
      const pttl = Number(await store.conn.cmd(k, ['PTTL', k]));
      expect(pttl).toBeGreaterThan(29 * 60_000);
      expect(pttl).toBeLessThanOrEqual(30 * 60_000);
      const size = Number(await store.conn.cmd(k, ['STRLEN', k]));
      expect(size).toBeLessThan(xlsx.length * 1.4);
      await store.close();
    });
  });
});
