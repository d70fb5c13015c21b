/**
 * `zct eval-updates [--set <updates.jsonl>] [--json] [--verbose] [--llm]` — field accuracy of the
 * status-message parser on a labelled set (default ../shared/eval/updates-dev.jsonl): kind,
 * enterprise, date, ref, issue count, categories, departments, statuses (the last three as
 * multisets per message). Rules only unless --llm (then the configured model, rules as fallback).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { createLlm } from '../../llm/client.js';
import {
  extractUpdate,
  extractUpdateSmartWithSource,
  scoreExtractions,
  SCORED_FIELDS,
  type EvalCase,
  type EvalReport,
  type ScoredField,
} from '../../ledger/extract/index.js';
import { loadKnownEnterprises } from '../../ledger/lexicon/index.js';
import type { Extraction } from '../../ledger/model.js';
import { cliLogger } from '../logger.js';
import { projectRoot } from './eval.js';

const FIELD_LABELS: Record<ScoredField, string> = {
  kind: '类型 kind',
  enterprise: '企业 enterprise',
  date: '日期 date',
  ref: '编号 ref',
  issueCount: '问题数 issue count',
  categories: '类别 categories',
  departments: '部门 departments',
  statuses: '状态 statuses',
};

export function defaultUpdatesSet(): string | null {
  const candidates = [
    path.resolve(projectRoot(), '../shared/eval/updates-dev.jsonl'),
    path.resolve(process.cwd(), '../shared/eval/updates-dev.jsonl'),
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}

export function readUpdatesSet(file: string): EvalCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      const row = JSON.parse(l) as Partial<EvalCase>;
      if (typeof row.text !== 'string' || typeof row.today !== 'string' || !row.expected)
        throw new Error(`${file}:${i + 1}: 需要 text、today、expected 字段`);
      return { id: row.id ?? `line-${i + 1}`, text: row.text, today: row.today, expected: row.expected };
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Pad to a display width (CJK characters take two columns). */
const padWide = (s: string, width: number) =>
  s + ' '.repeat(Math.max(1, width - [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0)));

export function formatUpdatesReport(file: string, r: EvalReport, verbose: boolean, extra = ''): string {
  const lines = [`评测集：${file}（${r.total} 条消息）${extra}`, ''];
  for (const f of SCORED_FIELDS) lines.push(`${padWide(FIELD_LABELS[f], 26)}${pct(r.accuracy[f]).padStart(6)}`);
  lines.push(`${padWide('全部字段正确 all fields', 26)}${pct(r.allFields).padStart(6)}`);
  lines.push(
    `${padWide('先问再记 asked first', 26)}${pct(r.asked).padStart(6)}`,
    `${padWide('未问即记且有错 confident wrong', 26)}${pct(r.confidentWrong).padStart(6)}`,
  );
  if (r.rollupIssueEnterprise !== null)
    lines.push(
      `${padWide('汇总各问题企业 roll-up issue enterprise', 26)}${pct(r.rollupIssueEnterprise).padStart(6)}（${r.rollups} 条汇总）`,
    );
  if (verbose && r.mismatches.length) {
    lines.push('', '不一致：');
    const brief = (e: Extraction) =>
      `${e.kind} | ${e.enterprise ?? '∅'} | ${e.date ?? '∅'} | ${e.ref ?? '∅'} | ${e.issues.map((i) => `${i.category}/${i.department ?? '∅'}/${i.status}`).join('; ') || '—'}`;
    for (const m of r.mismatches) {
      lines.push(
        `✗ ${m.id} [${m.fields.join(', ')}] ${m.text}`,
        `    得到 ${brief(m.got)}`,
        `    应为 ${brief(m.expected)}`,
      );
    }
  }
  return lines.join('\n');
}

export interface EvalUpdatesOptions {
  set?: string;
  /** A scripted conversation (see eval-conversation.ts): replayed through the bot, final 问题清单 compared. */
  conversation?: string;
  json?: boolean;
  verbose?: boolean;
  llm?: boolean;
}

/** The command body (tests drive it in-process). Returns the report, or null when the set is missing. */
export async function runEvalUpdates(
  opts: EvalUpdatesOptions,
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
): Promise<EvalReport | null> {
  const file = opts.set ? path.resolve(opts.set) : defaultUpdatesSet();
  if (!file || !fs.existsSync(file)) {
    io.stderr.write(
      `未找到评测集${file ? `：${file}` : '（../shared/eval/updates-dev.jsonl 不存在）'}。请用 --set <file> 指定。\n`,
    );
    return null;
  }
  const cases = readUpdatesSet(file);
  const known = loadKnownEnterprises();
  const config = loadConfig();
  const logger = cliLogger(config);
  const llm = opts.llm ? createLlm(config, logger) : null;
  if (opts.llm && !llm) io.stderr.write('未配置大模型（OPENAI_MODEL 等），只用规则。\n');

  const outputs: Extraction[] = [];
  let fromLlm = 0;
  for (const c of cases) {
    const ctx = { today: c.today, knownEnterprises: known };
    if (llm) {
      const { extraction, source } = await extractUpdateSmartWithSource(c.text, ctx, llm, logger);
      if (source === 'llm') fromLlm++;
      outputs.push(extraction);
    } else {
      outputs.push(extractUpdate(c.text, ctx));
    }
  }
  const report = scoreExtractions(cases, outputs);
  const mode = llm ? `大模型 ${llm.model}（${fromLlm}/${cases.length} 条由模型给出，其余回退规则）` : '规则';
  if (opts.json) {
    const { mismatches, ...summary } = report;
    io.stdout.write(
      `${JSON.stringify({ set: file, mode: llm ? 'llm' : 'rules', ...summary, ...(opts.verbose ? { mismatches } : {}) }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(`${formatUpdatesReport(file, report, Boolean(opts.verbose), `，方式：${mode}`)}\n`);
  }
  return report;
}

export function register(program: Command): void {
  program
    .command('eval-updates')
    .description('进展消息解析评测：类型、企业、日期、编号、问题数、类别、部门、状态的准确率')
    .option('--set <file>', '评测集 JSONL（默认 ../shared/eval/updates-dev.jsonl）')
    .option('--json', '输出 JSON', false)
    .option('--verbose', '列出不一致的消息', false)
    .option('--llm', '使用已配置的大模型（失败时回退规则）', false)
    .option('--conversation <file>', '对话评测：把一组小组消息交给机器人处理，逐个比对最终问题清单（JSON）')
    .action(async (opts: EvalUpdatesOptions) => {
      if (opts.conversation) {
        const { runConversationEval, formatConversationReport } = await import('./eval-conversation.js');
        const r = await runConversationEval(opts.conversation, { transcript: Boolean(opts.verbose) });
        process.stdout.write(
          `${opts.json ? JSON.stringify(r, null, 2) : formatConversationReport(r, Boolean(opts.verbose))}\n`,
        );
        return;
      }
      const report = await runEvalUpdates(opts, { stdout: process.stdout, stderr: process.stderr });
      if (!report) process.exitCode = 2;
    });
}
