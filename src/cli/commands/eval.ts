/**
 * `zct eval [--set <qa.jsonl>] [--json] [--sweep] [--verbose]` — retrieval quality on a QA set:
 * evidence Recall@1/@5, MRR@10, not-found accuracy (unanswerable questions) and false-refusal rate
 * (answerable ones). Default set: ../shared/eval/qa-dev.jsonl next to the project.
 * --sweep prints what each not-found threshold would give (to re-measure ANSWERABLE_THRESHOLD).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { cliLogger } from '../logger.js';
import { ANSWERABLE_THRESHOLD, evaluate, readEvalSet, sweepThresholds, type EvalReport } from '../../retrieval/index.js';
import { retrieverFromConfig } from '../../retrieval/from-config.js';

/** The directory holding this project's package.json (works from src/ under tsx and from dist/). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function defaultEvalSet(): string | null {
  const candidates = [
    path.resolve(projectRoot(), '../shared/eval/qa-dev.jsonl'),
    path.resolve(process.cwd(), '../shared/eval/qa-dev.jsonl'),
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function formatReport(file: string, r: EvalReport, verbose: boolean): string {
  const lines = [
    `评测集：${file}（${r.questions} 题：可回答 ${r.answerable}，无答案 ${r.unanswerable}）`,
    `证据召回 Recall@1  ${r.recallAt1.toFixed(3)}`,
    `证据召回 Recall@5  ${r.recallAt5.toFixed(3)}`,
    `MRR@10            ${r.mrr.toFixed(3)}`,
    `无答案题判定“未找到”的比例  ${pct(r.notFoundAccuracy)}`,
    `可回答题被误判“未找到”的比例  ${pct(r.falseRefusalRate)}`,
    `（“未找到”阈值：覆盖度 < ${ANSWERABLE_THRESHOLD}）`,
  ];
  if (verbose) {
    lines.push('', '逐题（排名 / 覆盖度 / 判定）：');
    for (const row of r.rows) {
      const mark = row.answerable ? (row.rank === 1 ? '✓' : row.rank ? '△' : '✗') : row.predictedAnswerable ? '✗' : '✓';
      lines.push(`${mark} ${row.id}  排名 ${row.rank ?? '-'}  覆盖 ${row.coverage.toFixed(2)}  ${row.predictedAnswerable ? '可答' : '未找到'}  ${row.question}`);
    }
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('检索评测：证据召回率、MRR、“未找到”判定准确率')
    .option('--set <file>', '评测集 JSONL（默认 ../shared/eval/qa-dev.jsonl）')
    .option('--json', '输出 JSON', false)
    .option('--sweep', '列出不同“未找到”阈值下的效果（用于重新标定阈值）', false)
    .option('--verbose', '逐题输出', false)
    .option('--no-dense', '只用词法检索（即使配置了 OPENAI_EMBEDDING_MODEL）')
    .action(async (opts: { set?: string; json: boolean; sweep: boolean; verbose: boolean; dense: boolean }) => {
      const file = opts.set ?? defaultEvalSet();
      if (!file || !fs.existsSync(file)) {
        process.stderr.write(`未找到评测集${file ? `：${file}` : '（../shared/eval/qa-dev.jsonl 不存在）'}。请用 --set <file> 指定。\n`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const logger = cliLogger(config);
      const retriever = await retrieverFromConfig(config, { logger, dense: opts.dense });
      const report = await evaluate(retriever, readEvalSet(file));
      const sweep = opts.sweep ? sweepThresholds(report.rows) : undefined;
      if (opts.json) {
        const { rows, ...summary } = report;
        process.stdout.write(`${JSON.stringify({ set: file, threshold: ANSWERABLE_THRESHOLD, ...summary, ...(opts.verbose ? { rows } : {}), ...(sweep ? { sweep } : {}) }, null, 2)}\n`);
        return;
      }
      let text = formatReport(file, report, opts.verbose);
      if (sweep) {
        text += '\n\n阈值扫描（阈值 / 无答案题判“未找到” / 可回答题被误拒）：\n';
        text += sweep.map((s) => `  ${s.threshold.toFixed(2)}  ${pct(s.notFoundAccuracy).padStart(6)}  ${pct(s.falseRefusalRate).padStart(6)}`).join('\n');
      }
      process.stdout.write(`${text}\n`);
    });
}
