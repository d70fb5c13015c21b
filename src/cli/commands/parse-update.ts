/**
 * `zct parse-update "<text>" [--today YYYY-MM-DD] [--json]` — how the bot reads a status message,
 * without saving anything. `--stdin` reads JSONL lines {"text", "today"} and prints one JSON
 * extraction per line. Rules only, or the configured LLM with the rules as fallback.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { createLlm } from '../../llm/client.js';
import { extractUpdateSmart, isValidDay, type ExtractContext } from '../../ledger/extract/index.js';
import { loadKnownEnterprises } from '../../ledger/lexicon/index.js';
import { CONFIDENCE_REASON_LABELS, STATUS_LABELS, type Extraction } from '../../ledger/model.js';
import { cliLogger } from '../logger.js';
import { localDate } from '../../time/index.js';

const KIND_LABELS: Record<Extraction['kind'], string> = {
  visit: '走访',
  issue: '新问题',
  progress: '进展',
  resolved: '办结',
  closed: '销号',
  mixed: '多项更新',
  not_update: '不是进展消息',
};

export function formatExtraction(e: Extraction): string {
  const lines = [`类型：${KIND_LABELS[e.kind]}（${e.kind}）`];
  if (e.kind === 'not_update') {
    const q = e.question;
    return q ? `${lines[0]}，不会记录；这是对${q.ref ?? q.enterprise ?? '问题'}的询问。` : `${lines[0]}，不会记录。`;
  }
  lines.push(`企业：${e.enterprise ?? '—'}`, `日期：${e.date ?? '—（按消息时间）'}`);
  if (e.ref) lines.push(`问题编号：${e.ref}`);
  if (e.issues.length === 0) lines.push('问题：无');
  e.issues.forEach((i, n) => {
    lines.push(
      `${n + 1}. 【${i.category}】${i.enterprise ? `${i.enterprise}：` : ''}${i.summary || '—'}｜${i.department ?? '未指定部门'}｜${STATUS_LABELS[i.status]}`,
    );
  });
  if (e.confidence !== undefined && e.confidence < 1) {
    lines.push(
      `把握：${Math.round(e.confidence * 100)}%（${(e.reasons ?? []).map((r) => CONFIDENCE_REASON_LABELS[r]).join('；')}）`,
    );
  }
  return lines.join('\n');
}

export interface ParseUpdateOptions {
  today?: string;
  json?: boolean;
  stdin?: boolean;
  /** With --json / --stdin: also print confidence, reasons and the question signal. */
  details?: boolean;
}

/** The CLI contract shape (kind, enterprise, date, issues, ref); an issue's own enterprise only in roll-ups. */
export function contractShape(e: Extraction): Record<string, unknown> {
  return {
    kind: e.kind,
    enterprise: e.enterprise,
    date: e.date,
    issues: e.issues.map((i) => ({
      category: i.category,
      summary: i.summary,
      department: i.department,
      status: i.status,
      ...(i.enterprise !== undefined ? { enterprise: i.enterprise } : {}),
    })),
    ref: e.ref,
  };
}

const shown = (e: Extraction, details: boolean | undefined) =>
  details
    ? { ...contractShape(e), confidence: e.confidence ?? 1, reasons: e.reasons ?? [], question: e.question ?? null }
    : contractShape(e);

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
}

/** The command body, with its streams passed in (tests drive it in-process). */
export async function runParseUpdate(text: string | undefined, opts: ParseUpdateOptions, io: CliIo): Promise<void> {
  const config = loadConfig();
  const logger = cliLogger(config);
  const llm = createLlm(config, logger);
  const known = loadKnownEnterprises();
  const defaultToday = opts.today ?? localDate(new Date(), config.ZCT_TIMEZONE);
  if (!isValidDay(defaultToday)) throw new Error(`--today 应为 YYYY-MM-DD：${defaultToday}`);
  const parse = (t: string, today: string) => {
    const ctx: ExtractContext = { today, knownEnterprises: known };
    return extractUpdateSmart(t, ctx, llm, logger);
  };

  if (opts.stdin) {
    const rl = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      let row: { text?: unknown; today?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new Error(`第 ${lineNo} 行不是 JSON`);
      }
      if (typeof row.text !== 'string') throw new Error(`第 ${lineNo} 行缺少 "text"`);
      const today = typeof row.today === 'string' && isValidDay(row.today) ? row.today : defaultToday;
      io.stdout.write(`${JSON.stringify(shown(await parse(row.text, today), opts.details))}\n`);
    }
    return;
  }

  if (!text?.trim()) throw new Error('请提供消息原文，例如：zct parse-update "今天走访了华康药业，企业反映缺工"');
  const result = await parse(text, defaultToday);
  io.stdout.write(opts.json ? `${JSON.stringify(shown(result, opts.details))}\n` : `${formatExtraction(result)}\n`);
}

export function register(program: Command): void {
  program
    .command('parse-update')
    .description('解析一条进展消息（不保存）：类型、企业、日期、问题、编号')
    .argument('[text]', '消息原文')
    .option('--today <date>', '消息日期 YYYY-MM-DD（默认 ZCT_TIMEZONE 的今天）')
    .option('--json', '输出 JSON（解析结果的标准格式）', false)
    .option('--stdin', '从标准输入读 JSONL：每行 {"text": …, "today": …}，每行输出一个 JSON 结果', false)
    .option('--details', '与 --json / --stdin 同用：另外输出把握度 confidence、原因 reasons 和询问 question', false)
    .action((text: string | undefined, opts: ParseUpdateOptions) =>
      runParseUpdate(text, opts, { stdin: process.stdin, stdout: process.stdout }),
    );
}
