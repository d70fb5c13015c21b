/** `zct teams import teams.csv` and `zct teams list [--json]` — the liaison teams (groups and their enterprises). */
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { parseTeamsCsv } from '../../ledger/teams-csv.js';
import type { Team } from '../../ledger/model.js';
import { cliLogger } from '../logger.js';
import { createStore } from '../../store/index.js';
import { cliLedger } from './issues.js';

export function formatTeams(teams: Team[]): string {
  if (!teams.length)
    return '还没有登记任何小组。用 zct teams import teams.csv 导入，或在群里发送“绑定企业 企业A、企业B”。';
  return [
    ['小组ID', '名称', '绑定企业', '管理群'].join('\t'),
    ...teams.map((t) => [t.id, t.name, t.enterprises.join('、') || '—', t.isAdminGroup ? '是' : ''].join('\t')),
    `共 ${teams.length} 个小组`,
  ].join('\n');
}

async function withLedger<T>(fn: (ledger: ReturnType<typeof cliLedger>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = cliLogger(config);
  const store = await createStore(config, logger, { connect: { timeoutMs: 15_000 } });
  try {
    return await fn(cliLedger(config, logger, store));
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const teams = program.command('teams').description('联企小组：导入和查看');

  teams
    .command('import <file>')
    .description('从 CSV 导入小组：列 id（或 platform + conversationId）、name、enterprises（用、或;分隔）、admin')
    .option('--dry-run', '只检查文件，不写入')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const { teams: parsed, errors } = parseTeamsCsv(fs.readFileSync(file, 'utf8'), Date.now());
      for (const e of errors) process.stderr.write(`${e}\n`);
      if (!parsed.length) throw new Error('没有可导入的小组');
      if (opts.dryRun) {
        process.stdout.write(`${formatTeams(parsed)}\n（未写入：--dry-run）\n`);
        return;
      }
      const { created, updated } = await withLedger((ledger) => ledger.importTeams(parsed));
      process.stdout.write(
        `已导入 ${parsed.length} 个小组：新增 ${created}，更新 ${updated}${errors.length ? `；${errors.length} 行有误未导入` : ''}。\n`,
      );
      if (errors.length) process.exitCode = 1;
    });

  teams
    .command('list')
    .description('列出已登记的小组')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await withLedger((ledger) => ledger.queries.listTeams());
      process.stdout.write(opts.json ? `${JSON.stringify(list, null, 2)}\n` : `${formatTeams(list)}\n`);
    });
}
