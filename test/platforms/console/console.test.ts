/**
 * The console adapter driven through stdin, as a newcomer would script it: the real CLI process,
 * the bundled corpus, the in-memory store (no REDIS_URL), no LLM.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPLY_TERMINATOR } from '../../../src/platforms/console/index.js';

function runConsole(
  lines: string[],
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ replies: string[]; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'console', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ZCT_CACHE_DIR: '.cache/test-console', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const replies = out
        .split(`\n${REPLY_TERMINATOR}\n`)
        .map((s) => s.trim())
        .filter(Boolean);
      resolve({ replies, stderr: err, code });
    });
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

describe('console adapter through stdin', () => {
  it('answers a question with citations, records a report, lists issues — one reply per line', async () => {
    const { replies, code, stderr } = await runConsole([
      '专班组建要坚持哪三条原则？',
      '今天走访了华康药业，企业反映缺3名化工工程师，流动资金紧张，资金的事已交办金融办',
      '问题清单',
      '帮助',
    ]);
    expect(code, stderr).toBe(0);
    expect(replies).toHaveLength(4);
    const [answer, report, list, help] = replies as [string, string, string, string];
    expect(answer).toMatch(/\[1\]/);
    expect(answer).toContain('引用');
    expect(report).toMatch(/Q-0001/);
    expect(report).toMatch(/Q-0002/);
    expect(report).toContain('金融办');
    expect(list).toContain('Q-0001');
    expect(help).toContain('问题清单');
  }, 120_000);

  it('says plainly when the corpus does not answer', async () => {
    const { replies, code } = await runConsole(['火星探测器的着陆时间是哪天？']);
    expect(code).toBe(0);
    expect(replies[0]).toContain('未在资料库中找到');
  }, 120_000);
});
