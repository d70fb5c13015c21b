/** `zct export` and `zct digest` end to end: the real CLI process against a real Redis. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/index.js';
import { RedisStore } from '../../src/store/redis/store.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { seedLedger, T1 } from '../digest/fixtures.js';

let redis: RedisHandle;
const PREFIX = `cli-${process.pid}`;
beforeAll(async () => {
  redis = await startRedis();
  const store = new RedisStore({ url: redis.url, prefix: PREFIX });
  await store.connect({ timeoutMs: 5000 });
  await seedLedger(store);
  await store.close();
});
afterAll(async () => {
  await redis?.stop();
});

function zct(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: {
        ...process.env,
        REDIS_URL: redis.url,
        ZCT_REDIS_PREFIX: PREFIX,
        LOG_LEVEL: 'silent',
        ZCT_TIMEZONE: 'Asia/Shanghai',
        ZCT_HOLIDAYS_FILE: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('zct CLI', () => {
  it('export writes the csv pair, digest --date --team --json prints the data, bad arguments exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-cli-'));
    const out = path.join(dir, '台账.csv');
    const [exp, digest, bad] = await Promise.all([
      zct(['export', '--format', 'csv', '--from', '2024-03-01', '--out', out]),
      zct(['digest', '--date', '2024-03-17', '--since', '2024-03-15', '--team', T1.id, '--json']),
      zct(['export', '--format', 'pdf', '--out', path.join(dir, 'x.pdf')]),
    ]);
    // Bad arguments fail with a Chinese message and a non-zero exit.
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format 只能是 xlsx 或 csv');
    expect(exp.stderr).toBe('');
    expect(exp.code).toBe(0);
    expect(exp.stdout).toContain('已导出：问题 4 条，走访 2 条');
    const issues = parseCsv(fs.readFileSync(out, 'utf8'));
    expect(issues.slice(1).map((r) => r[0])).toEqual(['Q-0002', 'Q-0003', 'Q-0004', 'Q-0005']);
    expect(parseCsv(fs.readFileSync(path.join(dir, '台账-visits.csv'), 'utf8'))).toHaveLength(3);

    expect(digest.code).toBe(0);
    const d = JSON.parse(digest.stdout) as {
      kind: string;
      window: { from: string; to: string };
      open: { id: string; overdueDays: number }[];
    };
    expect(d.kind).toBe('team');
    expect(d.window).toMatchObject({ from: '2024-03-15', to: '2024-03-17' });
    expect(d.open.map((i) => [i.id, i.overdueDays])).toEqual([
      ['Q-0002', 8],
      ['Q-0004', 0],
    ]);
  });
});
