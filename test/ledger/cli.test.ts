/** `zct teams import|list` and `zct issues` against a real Redis (the commander commands run in-process). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerService } from '../../src/ledger/service/index.js';
import type { Issue, Team } from '../../src/ledger/model.js';
import { RedisStore } from '../../src/store/redis/store.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { testConfig } from '../helpers/services.js';
import { silentLogger } from '../../src/observability/logger.js';
import { parseStatusFilter, register as registerIssues } from '../../src/cli/commands/issues.js';
import { register as registerTeams } from '../../src/cli/commands/teams.js';

let redis: RedisHandle;
const prefix = `cli-${process.pid}`;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** Run `zct <args>` in-process with REDIS_URL pointing at the test Redis; returns stdout. */
async function zct(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerIssues(program);
  registerTeams(program);
  const env = {
    REDIS_URL: process.env.REDIS_URL,
    ZCT_REDIS_PREFIX: process.env.ZCT_REDIS_PREFIX,
    LOG_LEVEL: process.env.LOG_LEVEL,
  };
  Object.assign(process.env, { REDIS_URL: redis.url, ZCT_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'zct', ...args]);
  } finally {
    process.stdout.write = write;
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return out;
}

describe('zct teams / zct issues', () => {
  it('imports teams from CSV, lists them, and lists issues as JSON with filters', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-teams-'));
    const csv = path.join(dir, 'teams.csv');
    fs.writeFileSync(
      csv,
      'id,name,enterprises,admin\ndingtalk:cidA,城东组,华康药业、七一电器,\ndingtalk:cidB,城西组,矽盛电子;海纳半导体,\ndingtalk:lead,领导群,,1\n',
    );
    expect(await zct('teams', 'import', csv)).toContain('新增 3');

    const teams = JSON.parse(await zct('teams', 'list', '--json')) as Team[];
    expect(teams.map((t) => [t.id, t.name, t.enterprises, t.isAdminGroup])).toEqual([
      ['dingtalk:cidA', '城东组', ['华康药业', '七一电器'], false],
      ['dingtalk:cidB', '城西组', ['矽盛电子', '海纳半导体'], false],
      ['dingtalk:lead', '领导群', [], true],
    ]);

    // Seed two issues in two teams through the service, one of them resolved.
    const store = new RedisStore({ url: redis.url, prefix });
    await store.connect({ timeoutMs: 5000 });
    const base = {
      department: null,
      dueDate: null,
      reporter: 'u1',
      reporterName: '张三',
      raisedOn: '2019-03-12',
      summary: '缺工人',
      category: '用工' as const,
    };
    await store.commitLedger({
      messageId: 'seed',
      teamId: 'dingtalk:cidA',
      at: Date.now(),
      actor: 'u1',
      actorName: '张三',
      visits: [],
      issues: [
        { ...base, teamId: 'dingtalk:cidA', enterprise: '华康药业', status: 'open' },
        { ...base, teamId: 'dingtalk:cidB', enterprise: '矽盛电子', status: 'resolved' },
      ],
      patches: [],
    });
    const ledger = new LedgerService({
      store,
      retriever: null,
      llm: null,
      config: testConfig(),
      logger: silentLogger,
      clock: () => new Date(),
    });
    expect((await ledger.queries.openIssues()).map((i) => i.id)).toEqual(['Q-0001']);
    await store.close();

    const all = JSON.parse(await zct('issues', '--json')) as Issue[];
    expect(all.map((i) => i.id)).toEqual(['Q-0001', 'Q-0002']);
    const teamA = JSON.parse(await zct('issues', '--json', '--team', 'dingtalk:cidA')) as Issue[];
    expect(teamA.map((i) => i.id)).toEqual(['Q-0001']);
    const done = JSON.parse(await zct('issues', '--json', '--status', '已办结')) as Issue[];
    expect(done.map((i) => [i.id, i.status])).toEqual([['Q-0002', 'resolved']]);
    const table = await zct('issues', '--status', 'active');
    expect(table).toContain('Q-0001');
    expect(table).not.toContain('Q-0002');
  });

  it('parses status filters', () => {
    expect(parseStatusFilter(undefined)).toBeUndefined();
    expect(parseStatusFilter('all')).toBeUndefined();
    expect(parseStatusFilter('open,resolved')).toEqual(['open', 'resolved']);
    expect(parseStatusFilter('active')).toEqual(['open', 'assigned', 'in_progress']);
    expect(parseStatusFilter('待交办、已销号')).toEqual(['open', 'closed']);
    expect(() => parseStatusFilter('nope')).toThrow(/未知状态/);
  });
});
