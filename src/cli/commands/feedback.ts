/** `zct feedback [--json] [--vote up|down] [--limit n]` — the 👍/👎 votes users gave to answers. */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { cliLogger } from '../logger.js';
import { createStore } from '../../store/index.js';
import type { Feedback } from '../../store/types.js';

export interface FeedbackSummary {
  total: number;
  up: number;
  down: number;
  items: Feedback[];
}

export function summariseFeedback(
  all: Feedback[],
  opts: { vote?: 'up' | 'down'; limit?: number } = {},
): FeedbackSummary {
  const filtered = opts.vote ? all.filter((f) => f.vote === opts.vote) : all;
  // newest first
  const items = [...filtered].sort((a, b) => b.at - a.at);
  return {
    total: all.length,
    up: all.filter((f) => f.vote === 'up').length,
    down: all.filter((f) => f.vote === 'down').length,
    items: opts.limit ? items.slice(0, opts.limit) : items,
  };
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}

/** Human-readable listing (Chinese), newest first. */
export function formatFeedback(s: FeedbackSummary, timeZone = 'Asia/Shanghai'): string {
  const lines = [`共 ${s.total} 条反馈：👍 有用 ${s.up} 条，👎 没用 ${s.down} 条。`];
  if (!s.items.length) return lines.join('\n');
  for (const f of s.items) {
    const cites = f.citations.length ? `  引用：${f.citations.map((c) => `[${c.n}]《${c.title}》`).join(' ')}` : '';
    lines.push(
      '',
      `${formatTime(f.at, timeZone)}  ${f.vote === 'up' ? '👍' : '👎'}  ${f.teamId}  用户 ${f.userId}  (${f.id})`,
      `  问题：${f.question ? oneLine(f.question, 120) : '（回答已过期，原文不可查）'}`,
      ...(f.answer ? [`  回答：${oneLine(f.answer, 160)}`] : []),
      ...(cites ? [cites] : []),
    );
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('feedback')
    .description('查看用户对回答的 👍/👎 反馈（最新的在前）')
    .option('--json', '输出 JSON（{total, up, down, items}）')
    .option('--vote <vote>', '只看 up（有用）或 down（没用）')
    .option('--limit <n>', '最多显示多少条', (v) => Number.parseInt(v, 10))
    .action(async (opts: { json?: boolean; vote?: string; limit?: number }) => {
      if (opts.vote && opts.vote !== 'up' && opts.vote !== 'down') throw new Error('--vote 只能是 up 或 down');
      if (opts.limit !== undefined && !(opts.limit > 0)) throw new Error('--limit 必须是正整数');
      const config = loadConfig();
      const logger = cliLogger(config);
      const store = await createStore(config, logger, { connect: { timeoutMs: 15_000 } });
      try {
        const summary = summariseFeedback(await store.listFeedback(), {
          vote: opts.vote as 'up' | 'down' | undefined,
          limit: opts.limit,
        });
        process.stdout.write(
          opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatFeedback(summary, config.ZCT_TIMEZONE)}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
