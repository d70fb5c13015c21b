/**
 * `zct ingest <paths…>` — add or update policy files (.txt .md .html .docx .pdf; directories are walked).
 * Progress bar on stderr when it is a terminal and there are more than a few files; Chinese summary or --json.
 * Exit code 1 when any file failed (the others are still ingested).
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { formatIngestReport, ingestPaths } from '../../corpus/index.js';
import { publishLibraryChange } from '../../retrieval/reload.js';

interface IngestCliOptions {
  json?: boolean;
  dataDir?: string;
  corpusDir?: string;
}

/** More files than this get a progress bar. */
const BAR_MIN_FILES = 3;

export function register(program: Command): void {
  program
    .command('ingest')
    .description('导入政策文件 / ingest policy files (.txt .md .html .docx .pdf, directories are walked)')
    .argument('<paths...>', '文件或目录 (files or directories)')
    .option('--json', '以 JSON 输出报告 (print the report as JSON)')
    .option('--data-dir <dir>', '数据目录，默认 ZCT_DATA_DIR (data directory)')
    .option('--corpus-dir <dir>', '内置语料目录，默认 ZCT_CORPUS_DIR (bundled corpus directory)')
    .action(async (paths: string[], opts: IngestCliOptions) => {
      const needConfig = !opts.dataDir || !opts.corpusDir;
      const config = needConfig ? loadConfig() : null;
      const dataDir = opts.dataDir ?? config!.ZCT_DATA_DIR;
      const corpusDir = opts.corpusDir ?? config!.ZCT_CORPUS_DIR;

      let bar: cliProgress.SingleBar | null = null;
      const report = await ingestPaths(paths, {
        dataDir,
        corpusDir,
        onProgress: (done, total, file) => {
          if (!bar && process.stderr.isTTY && total > BAR_MIN_FILES) {
            bar = new cliProgress.SingleBar(
              { stream: process.stderr, format: '导入中 [{bar}] {value}/{total} {file}', hideCursor: true },
              cliProgress.Presets.shades_classic,
            );
            bar.start(total, 0, { file: '' });
          }
          bar?.update(done, { file: file.length > 40 ? `…${file.slice(-39)}` : file });
        },
      });
      (bar as cliProgress.SingleBar | null)?.stop();

      // Running bots (every replica) reload the library at their next check: see src/retrieval/reload.ts.
      let notice = '';
      if (report.totals.added + report.totals.updated > 0) {
        try {
          const version = await publishLibraryChange(config ?? loadConfig());
          if (version !== null) notice = `已通知运行中的机器人重新加载资料库（资料库版本 ${version}），几秒内生效。`;
        } catch (err) {
          notice = `未能通知运行中的机器人（Redis 不可用：${err instanceof Error ? err.message : String(err)}），重启后生效。`;
        }
      }
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatIngestReport(report)}\n`);
      if (notice) process.stderr.write(`${notice}\n`);
      if (report.totals.failed > 0) process.exitCode = 1;
    });
}
