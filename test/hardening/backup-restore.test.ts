/**
 * `zct backup` / `zct restore` / `zct audit` on a populated ledger: 1,000 issues across 20 teams (every status,
 * hand-offs with due dates, progress notes, withdrawals), visits, feedback. Backup → restore into an empty prefix →
 * identical `zct issues --json`, digests and audit log. The CLI itself runs for backup, restore, issues and audit.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLeadershipDigest, loadTeamDigest } from '../../src/digest/build.js';
import { renderLeadershipDigest, renderTeamDigest } from '../../src/digest/render.js';
import type { Category, IssueStatus } from '../../src/ledger/model.js';
import { renderText } from '../../src/messaging/render-text.js';
import { RedisStore } from '../../src/store/redis/store.js';
import { restoreLines } from '../../src/store/redis/backup.js';
import { readBackup, writeBackup } from '../../src/cli/commands/backup.js';
import type { IssuePatch, LedgerCommit } from '../../src/store/types.js';
import { prng, registerTeam } from '../helpers/fleet.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';

const SOURCE = `bk-src-${process.pid}`;
const TARGET = `bk-dst-${process.pid}`;
const TZ = 'Asia/Shanghai';
const TEAMS = Array.from({ length: 20 }, (_, i) => `dingtalk:cid${i}`);
const CATEGORIES: Category[] = ['融资', '用工', '人才', '用地', '审批', '政策兑现', '市场', '其他'];

let redis: RedisHandle;
let source: RedisStore;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-backup-'));

function zct(args: string[], prefix: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: {
        ...process.env,
        REDIS_URL: redis.url,
        ZCT_REDIS_PREFIX: prefix,
        LOG_LEVEL: 'silent',
        ZCT_TIMEZONE: TZ,
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

/** 1,000 issues in 250 messages over 60 days, then updates, hand-offs, resolutions, closures and withdrawals. */
async function populate(store: RedisStore): Promise<void> {
  const rnd = prng(20241206);
  for (const [i, id] of TEAMS.entries())
    await registerTeam(store, id, [`企业${i}甲`, `企业${i}乙`], { createdAt: Date.parse('2024-01-01T00:00:00Z') + i });
  const start = Date.parse('2024-03-01T02:00:00Z');
  let msg = 0;
  const commit = (
    c: Omit<LedgerCommit, 'messageId' | 'actor' | 'actorName' | 'visits' | 'issues' | 'patches'> &
      Partial<LedgerCommit>,
  ) =>
    store.commitLedger({
      messageId: `m${++msg}`,
      actor: `u${msg % 7}`,
      actorName: `干部${msg % 7}`,
      visits: [],
      issues: [],
      patches: [],
      ...c,
    });
  const ids: string[] = [];
  for (let m = 0; m < 250; m++) {
    const teamId = rnd.pick(TEAMS);
    const at = start + m * 3 * 3600_000;
    const day = new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
    const enterprise = `企业${TEAMS.indexOf(teamId)}${rnd.pick(['甲', '乙'])}`;
    const r = await commit({
      teamId,
      at,
      visits: [
        {
          teamId,
          enterprise,
          date: day,
          participants: ['干部'],
          note: `走访${enterprise}`,
          reporter: 'u1',
          reporterName: '干部1',
        },
      ],
      issues: Array.from({ length: 4 }, (_, k) => {
        const status: IssueStatus = rnd.pick(['open', 'open', 'assigned']);
        return {
          teamId,
          enterprise,
          category: rnd.pick(CATEGORIES),
          summary: `问题${m}-${k}：缺${rnd.int(1, 50)}名工人`,
          department: status === 'assigned' ? rnd.pick(['人社局', '金融办', '经信局']) : null,
          status,
          dueDate: status === 'assigned' ? `2024-0${rnd.int(3, 5)}-${String(rnd.int(10, 28))}` : null,
          reporter: 'u1',
          reporterName: '干部1',
          raisedOn: day,
        };
      }),
    });
    ids.push(...r.issueIds);
  }
  expect(ids).toHaveLength(1000);
  for (let n = 0; n < 400; n++) {
    const id = rnd.pick(ids);
    const issue = await store.getIssue(id);
    if (!issue) continue;
    const at = start + 250 * 3 * 3600_000 + n * 60_000;
    const to: IssueStatus = rnd.pick(['in_progress', 'resolved', 'closed', 'assigned']);
    const patch: IssuePatch = {
      issueId: id,
      status: to,
      note: `进展${n}`,
      ...(to === 'assigned' ? { department: '商务局', dueDate: '2024-06-30' } : {}),
    };
    await commit({ teamId: issue.teamId, at, patches: [patch] });
  }
  for (let n = 0; n < 30; n++) {
    const id = rnd.pick(ids);
    const issue = await store.getIssue(id);
    if (issue) await commit({ teamId: issue.teamId, at: start + 300 * 3 * 3600_000 + n * 1000, withdrawIssues: [id] });
  }
  await store.addFeedback({
    id: 'fb1',
    vote: 'up',
    userId: 'u1',
    teamId: TEAMS[0]!,
    question: '专班？',
    answer: '三条原则',
    citations: [],
    at: start,
  });
}

async function digests(store: RedisStore): Promise<string> {
  const window = { from: '2024-04-01', to: '2024-04-30', asOfMs: Date.parse('2024-05-01T00:00:00+08:00') };
  const req = { window, timeZone: TZ, adminGroups: [] };
  const out = [renderText(renderLeadershipDigest(await loadLeadershipDigest(store, req as never), { timeZone: TZ }))];
  for (const t of TEAMS.slice(0, 5)) {
    const d = await loadTeamDigest(store, t, req as never);
    out.push(d ? renderText(renderTeamDigest(d, { timeZone: TZ })) : '');
  }
  return out.join('\n=====\n');
}

beforeAll(async () => {
  redis = await startRedis();
  source = new RedisStore({ url: redis.url, prefix: SOURCE });
  await source.connect({ timeoutMs: 5000 });
  await populate(source);
}, 120_000);
afterAll(async () => {
  await source?.close();
  await redis?.stop();
});

describe('backup and restore', () => {
  it('round trip through the CLI (gzip): identical zct issues --json, digests and audit log', async () => {
    const file = path.join(dir, 'ledger.jsonl.gz');
    const backup = await zct(['backup', '--out', file], SOURCE);
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const restore = await zct(['restore', file], TARGET);
    expect(restore.code, restore.stderr).toBe(0);
    // Into a prefix that is not empty: refused, nothing written.
    const again = await zct(['restore', file], TARGET);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('只能恢复到空的前缀');

    const [a, b] = await Promise.all([
      zct(['issues', '--status', 'all', '--json'], SOURCE),
      zct(['issues', '--status', 'all', '--json'], TARGET),
    ]);
    expect(a.code, a.stderr).toBe(0);
    const live = (await source.listIssues({})).length;
    expect(live).toBeGreaterThan(960); // 1,000 less the withdrawn ones
    expect(live).toBeLessThan(1000);
    expect(JSON.parse(a.stdout)).toHaveLength(live);
    expect(b.stdout).toBe(a.stdout);

    const target = new RedisStore({ url: redis.url, prefix: TARGET });
    await target.connect({ timeoutMs: 5000 });
    try {
      expect(await digests(target)).toBe(await digests(source));
      expect(await target.readEvents(0, Date.now())).toEqual(await source.readEvents(0, Date.now()));
      expect(await target.listVisits({})).toEqual(await source.listVisits({}));
      expect(await target.listTeams()).toEqual(await source.listTeams());
      expect(await target.listFeedback()).toEqual(await source.listFeedback());
      for (const id of ['Q-0001', 'Q-0500', 'Q-1000'])
        expect(await target.issueHistory(id)).toEqual(await source.issueHistory(id));
      // New ids continue after the restored ones.
      const next = await target.commitLedger({
        messageId: 'after-restore',
        teamId: TEAMS[0]!,
        at: Date.now(),
        actor: 'u',
        actorName: 'u',
        visits: [],
        patches: [],
        issues: [
          {
            teamId: TEAMS[0]!,
            enterprise: '企业0甲',
            category: '其他',
            summary: '恢复后的新问题',
            department: null,
            status: 'open',
            dueDate: null,
            reporter: 'u',
            reporterName: 'u',
            raisedOn: '2024-06-01',
          },
        ],
      });
      expect(next.issueIds).toEqual(['Q-1001']);
    } finally {
      await target.close();
    }

    const [auditA, auditB] = await Promise.all([
      zct(['audit', '--issue', 'Q-0012'], SOURCE),
      zct(['audit', '--since', '2024-03-01', '--until', '2024-12-31', '--json'], TARGET),
    ]);
    expect(auditA.code, auditA.stderr).toBe(0);
    expect(auditA.stdout).toContain('Q-0012');
    expect(auditA.stdout).toContain('登记问题');
    expect(auditB.code, auditB.stderr).toBe(0);
    expect(JSON.parse(auditB.stdout)).toEqual(
      await source.readEvents(Date.parse('2024-03-01T00:00:00+08:00'), Date.parse('2025-01-01T00:00:00+08:00') - 1),
    );
  }, 180_000);

  it('a truncated backup is refused at its end, and says so', async () => {
    const file = path.join(dir, 'plain.jsonl');
    await writeBackup(source, file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('"zct-backup"');
    expect(lines.at(-1)).toContain('"type":"end"');
    fs.writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const target = new RedisStore({ url: redis.url, prefix: `${TARGET}-cut` });
    await target.connect({ timeoutMs: 5000 });
    try {
      await expect(restoreLines(target, readBackup(file))).rejects.toThrow('不完整');
    } finally {
      await target.close();
    }
  }, 60_000);
});
