/**
 * `zct eval [--set <qa.jsonl>] [--json] [--sweep] [--verbose]` — retrieval quality on a QA set:
 * evidence Recall@1/@5, MRR@10, not-found accuracy (unanswerable questions) and false-refusal rate
 * (answerable ones). Default set: ../shared/eval/qa-dev.jsonl next to the project.
 * --sweep prints what each threshold on the gate's P(answerable) would give (the trade-off curve of the
 * not-found decision) and each coverage threshold (ANSWERABLE_THRESHOLD, used without the question text).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { cliLogger } from '../logger.js';
import {
  ANSWERABLE_THRESHOLD,
  evaluate,
  readEvalSet,
  sweepGate,
  sweepThresholds,
  type EvalReport,
} from '../../retrieval/index.js';
import { retrieverFromConfig } from '../../retrieval/from-config.js';
import { fitGate, gateProbability } from '../../retrieval/confidence.js';
import { evaluateAnswers, type AnswerEvalQuestion, type AnswerEvalReport } from '../../answer/evaluate.js';

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

/** Answer-level lines (printed before the retrieval lines, which a hook reads at the end). */
function formatAnswers(a: AnswerEvalReport, verbose: boolean): string {
  const lines = [
    `答案质量（无大模型，抽取式答案）：`,
    `答案含预期事实              ${pct(a.factPresent)}`,
    `未掺入无关文档              ${pct(a.noUnrelated)}`,
    `引文含作答句                ${pct(a.quoteHolds)}`,
    `未截断                      ${pct(a.notCut)}`,
    `严格正确（事实+无关文档+未截断）  ${pct(a.strictlyRight)}`,
    `可回答题答案被拒答          ${pct(a.answerableRefused)}`,
    `无答案题答案拒答            ${pct(a.unanswerableRefused)}`,
    `追问答对（${a.followUps} 组）          ${a.followUps > 0 ? pct(a.followUpsRight) : '—'}`,
  ];
  if (verbose) {
    lines.push('', '逐题答案（事实/无关/引文/截断）：');
    for (const r of a.rows) {
      const flag = (b: boolean) => (b ? '✓' : '✗');
      const head = r.answerable
        ? `${r.refused ? '拒' : flag(r.strictlyRight)} ${r.id} 事实${flag(r.factPresent)} 无关${flag(r.noUnrelated)} 引文${flag(r.quoteHolds)} 截断${flag(r.notCut)}`
        : `${r.refused ? '✓' : '✗'} ${r.id} 无答案题`;
      lines.push(`${head}  ${r.question}`, `    答：${r.answer.replace(/\n/g, ' ')}`);
      if (r.followUp)
        lines.push(
          `    ${r.followUp.right ? '✓' : '✗'} 追问：${r.followUp.question}`,
          `    答：${r.followUp.answer.replace(/\n/g, ' ')}`,
        );
    }
  }
  return lines.join('\n');
}

function formatReport(file: string, r: EvalReport, verbose: boolean): string {
  const lines = [
    `评测集：${file}（${r.questions} 题：可回答 ${r.answerable}，无答案 ${r.unanswerable}）`,
    `证据召回 Recall@1  ${r.recallAt1.toFixed(3)}`,
    `证据召回 Recall@5  ${r.recallAt5.toFixed(3)}`,
    `MRR@10            ${r.mrr.toFixed(3)}`,
    `无答案题判定“未找到”的比例  ${pct(r.notFoundAccuracy)}`,
    `可回答题被误判“未找到”的比例  ${pct(r.falseRefusalRate)}`,
    `（“未找到”判定：证据模型 P(可答) < 0.5（覆盖度、答案类型；地名/年份/批次不符或覆盖度过低直接判未找到；无问题文本时覆盖度 < ${ANSWERABLE_THRESHOLD}））`,
  ];
  if (verbose) {
    lines.push('', '逐题（排名 / 覆盖度 / 判定）：');
    for (const row of r.rows) {
      const mark = row.answerable ? (row.rank === 1 ? '✓' : row.rank ? '△' : '✗') : row.predictedAnswerable ? '✗' : '✓';
      lines.push(
        `${mark} ${row.id}  排名 ${row.rank ?? '-'}  覆盖 ${row.coverage.toFixed(2)}  ${row.predictedAnswerable ? '可答' : '未找到'}  ${row.question}`,
      );
    }
  }
  return lines.join('\n');
}

/** The QA set with follow-ups, for the answer-level evaluation. */
function readAnswerSet(file: string): AnswerEvalQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const q = JSON.parse(l) as {
        id?: unknown;
        question: string;
        doc?: string | null;
        evidence?: string[];
        followup?: { question?: string; evidence?: string[] } | null;
      };
      const f =
        q.followup && typeof q.followup.question === 'string'
          ? { question: q.followup.question, evidence: q.followup.evidence ?? [] }
          : null;
      return {
        id: String(q.id ?? ''),
        question: q.question,
        doc: q.doc ?? null,
        evidence: q.evidence ?? [],
        followup: f,
      };
    });
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
    .option('--no-answers', '不评测答案质量（只评检索）')
    .option('--fit-gate', '在本评测集上拟合“未找到”判定模型并输出权重（用于重新标定 GATE_MODEL）', false)
    .action(
      async (opts: {
        set?: string;
        json: boolean;
        sweep: boolean;
        verbose: boolean;
        dense: boolean;
        answers: boolean;
        fitGate: boolean;
      }) => {
        const file = opts.set ?? defaultEvalSet();
        if (!file || !fs.existsSync(file)) {
          process.stderr.write(
            `未找到评测集${file ? `：${file}` : '（../shared/eval/qa-dev.jsonl 不存在）'}。请用 --set <file> 指定。\n`,
          );
          process.exitCode = 2;
          return;
        }
        const config = loadConfig();
        const logger = cliLogger(config);
        const retriever = await retrieverFromConfig(config, { logger, dense: opts.dense });
        const report = await evaluate(retriever, readEvalSet(file));
        const sweep = opts.sweep ? sweepThresholds(report.rows) : undefined;
        const gateSweep = opts.sweep ? sweepGate(report.rows) : undefined;
        if (opts.fitGate) {
          const labelled = report.rows.flatMap((r) =>
            r.features ? [{ features: r.features, answerable: r.answerable }] : [],
          );
          const model = fitGate(labelled);
          const refused = (xs: typeof labelled) =>
            xs.length ? xs.filter((x) => gateProbability(x.features, model) < 0.5).length / xs.length : 0;
          process.stdout.write(
            `${JSON.stringify({ set: file, model, answerableRefused: refused(labelled.filter((x) => x.answerable)), unanswerableRefused: refused(labelled.filter((x) => !x.answerable)) })}\n`,
          );
          return;
        }
        // Answer level: the extractive path users get by default (no LLM).
        const answers = opts.answers
          ? await evaluateAnswers({ retriever, llm: null, logger }, readAnswerSet(file))
          : undefined;
        if (opts.json) {
          const { rows, ...summary } = report;
          const answerSummary = answers
            ? (({ rows: answerRows, ...a }) => (opts.verbose ? { ...a, rows: answerRows } : a))(answers)
            : undefined;
          process.stdout.write(
            `${JSON.stringify({ set: file, threshold: ANSWERABLE_THRESHOLD, ...summary, ...(opts.verbose ? { rows } : {}), ...(sweep ? { sweep, gateSweep } : {}), ...(answerSummary ? { answers: answerSummary } : {}) }, null, 2)}\n`,
          );
          return;
        }
        let text = answers ? `${formatAnswers(answers, opts.verbose)}\n\n` : '';
        text += formatReport(file, report, opts.verbose);
        if (gateSweep) {
          text += '\n\n判定模型阈值扫描（P(可答) 阈值 / 无答案题判“未找到” / 可回答题被误拒；产品用 0.50）：\n';
          text += sweepLines(gateSweep);
        }
        if (sweep) {
          text += '\n\n覆盖度阈值扫描（无问题文本时的判定；阈值 / 无答案题判“未找到” / 可回答题被误拒）：\n';
          text += sweepLines(sweep);
        }
        process.stdout.write(`${text}\n`);
      },
    );
}

/** A threshold sweep as lines: threshold / unanswerable judged 未找到 / answerable refused. */
function sweepLines(rows: Array<{ threshold: number; notFoundAccuracy: number; falseRefusalRate: number }>): string {
  return rows
    .map(
      (s) =>
        `  ${s.threshold.toFixed(2)}  ${pct(s.notFoundAccuracy).padStart(6)}  ${pct(s.falseRefusalRate).padStart(6)}`,
    )
    .join('\n');
}
