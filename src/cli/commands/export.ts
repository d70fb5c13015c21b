/**
 * `zct export --format xlsx|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--team ID] --out FILE`
 * xlsx: one workbook, sheets 问题清单 and 走访记录. csv (UTF-8 with BOM): FILE holds the issues, FILE-visits.csv the visits.
 * Issues are selected by the day they were raised, visits by visit date.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { buildExport } from '../../export/build.js';
import { writeExport, type ExportFormat } from '../../export/files.js';
import { cliLogger } from '../logger.js';
import { createStore } from '../../store/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function register(program: Command): void {
  program
    .command('export')
    .description('导出问题台账和走访记录（Excel 或 CSV，中文表头）')
    .requiredOption('--out <file>', '输出文件（csv 时另写一个 <文件名>-visits.csv 存走访记录）')
    .option('--format <format>', 'xlsx 或 csv', 'xlsx')
    .option('--from <YYYY-MM-DD>', '起始日期（问题按提出日期，走访按走访日期）')
    .option('--to <YYYY-MM-DD>', '截止日期（含当天）')
    .option('--team <id>', '只导出一个小组（teamId）')
    .action(async (opts: { out: string; format: string; from?: string; to?: string; team?: string }) => {
      const format = opts.format.toLowerCase();
      if (format !== 'xlsx' && format !== 'csv') throw new Error(`--format 只能是 xlsx 或 csv，收到“${opts.format}”`);
      for (const [name, v] of [
        ['from', opts.from],
        ['to', opts.to],
      ] as const) {
        if (v !== undefined && !DATE.test(v)) throw new Error(`--${name} 需要 YYYY-MM-DD 格式的日期，收到“${v}”`);
      }
      const config = loadConfig();
      const logger = cliLogger(config);
      const store = await createStore(config, logger, { connect: { timeoutMs: 15_000 } });
      try {
        const data = await buildExport(store, {
          from: opts.from,
          to: opts.to,
          teamId: opts.team,
          timeZone: config.ZCT_TIMEZONE,
        });
        const paths = await writeExport(data, format as ExportFormat, opts.out);
        process.stdout.write(
          `已导出：问题 ${data.issues.rows.length} 条，走访 ${data.visits.rows.length} 条 → ${paths.join('，')}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
