/**
 * `zct backup [--out FILE]`, `zct restore FILE`, `zct audit [--issue Q-0012] [--since …] [--until …] [--json]`.
 * Backup and restore need Redis (REDIS_URL / REDIS_CLUSTER_NODES); the format is described in src/store/redis/backup.ts.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Command } from 'commander';
import { findRef } from '../../ledger/commands.js';
import { endOfDayMs, startOfDayMs } from '../../time/index.js';
import { loadConfig, type Config } from '../../config/index.js';
import type { LedgerEvent } from '../../ledger/model.js';
import { createLogger } from '../../observability/logger.js';
import { createStore } from '../../store/index.js';
import { backupLines, restoreLines, type BackupLine } from '../../store/redis/backup.js';
import { RedisStore } from '../../store/redis/store.js';
import type { Store } from '../../store/types.js';

async function openStore(config: Config): Promise<Store> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  return createStore(config, logger, { connect: { timeoutMs: 15_000 } });
}

function redisOnly(store: Store): RedisStore {
  if (!(store instanceof RedisStore))
    throw new Error('备份和恢复需要 Redis：请设置 REDIS_URL（或 REDIS_CLUSTER_NODES）。内存存储没有可备份的数据。');
  return store;
}

/** Write a backup of `store` to `out` (a path; ".gz" → gzip) or a stream. */
export async function writeBackup(store: RedisStore, out: string | Writable): Promise<Record<string, number>> {
  let counts: Record<string, number> = {};
  async function* text() {
    for await (const line of backupLines(store)) {
      if (line.type === 'end') counts = line.counts;
      yield `${JSON.stringify(line)}\n`;
    }
  }
  if (typeof out !== 'string') {
    await pipeline(Readable.from(text()), out, { end: false });
    return counts;
  }
  const tmp = `${out}.partial`;
  const file = fs.createWriteStream(tmp);
  if (out.endsWith('.gz')) await pipeline(Readable.from(text()), createGzip(), file);
  else await pipeline(Readable.from(text()), file);
  // Only a complete backup gets the final name (a crash leaves FILE.partial, never a truncated FILE).
  fs.renameSync(tmp, out);
  return counts;
}

/** The lines of a backup file (plain or gzip, detected by its first bytes). */
export async function* readBackup(file: string): AsyncGenerator<BackupLine> {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(2);
  fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  const raw = fs.createReadStream(file);
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  let n = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as BackupLine;
    } catch {
      throw new Error(`备份文件第 ${n} 行不是有效的 JSON。`);
    }
  }
}

/** "2024-03-18" (start of that day in tz) or any Date.parse-able instant → ms. */
export function parseInstant(value: string, timeZone: string, endOfDay = false): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return endOfDay ? endOfDayMs(value, timeZone) : startOfDayMs(value, timeZone);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`无法识别的时间：${value}（用 YYYY-MM-DD 或 ISO 时间）`);
  return ms;
}

const TYPE_LABELS: Record<LedgerEvent['type'], string> = {
  'issue.created': '登记问题',
  'issue.updated': '更新问题',
  'issue.withdrawn': '撤销问题',
  'issue.restored': '恢复问题',
  'visit.recorded': '登记走访',
  'visit.updated': '更正走访',
  'visit.withdrawn': '撤销走访',
};

/** One audit entry per line (Chinese labels), oldest first. */
export function formatAudit(events: LedgerEvent[], timeZone: string): string {
  if (!events.length) return '没有审计记录。';
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return events
    .map((e) => {
      const what = [
        e.from || e.to ? `${e.from ?? ''}→${e.to ?? ''}` : '',
        e.department !== undefined ? `部门：${e.department ?? '（清空）'}` : '',
        e.note ? `备注：${e.note.replace(/\s+/g, ' ')}` : '',
      ].filter(Boolean);
      return [
        time.format(new Date(e.at)),
        e.issueId ?? e.visitId ?? '',
        TYPE_LABELS[e.type] ?? e.type,
        e.teamId,
        `${e.actorName || ''}(${e.actor})`,
        ...what,
        `消息 ${e.messageId}`,
      ].join('  ');
    })
    .join('\n');
}

/** `zct backup`, `zct restore` and `zct audit`: one module, one register function each (see commands/index.ts). */
export function register(program: Command): void {
  registerBackup(program);
  registerRestore(program);
  registerAudit(program);
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份台账（小组、问题及历史、走访、审计日志、反馈）为 JSONL；文件名以 .gz 结尾则压缩')
    .option('--out <file>', '写入文件（默认输出到标准输出）')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const store = redisOnly(await openStore(config));
      try {
        const counts = await writeBackup(store, opts.out ?? process.stdout);
        process.stderr.write(
          `备份完成：${Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join('，')}${opts.out ? ` → ${opts.out}` : ''}\n`,
        );
      } finally {
        await store.close();
      }
    });
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('把 zct backup 的备份恢复到一个空的前缀（ZCT_REDIS_PREFIX，或 --prefix）')
    .argument('<file>', '备份文件（.jsonl 或 .gz）')
    .option('--prefix <prefix>', '恢复到这个前缀（默认 ZCT_REDIS_PREFIX）')
    .action(async (file: string, opts: { prefix?: string }) => {
      const config = loadConfig();
      const store = redisOnly(await openStore(opts.prefix ? { ...config, ZCT_REDIS_PREFIX: opts.prefix } : config));
      try {
        const counts = await restoreLines(store, readBackup(file));
        process.stderr.write(
          `恢复完成（前缀 ${store.keys.prefix}）：${Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join('，')}\n`,
        );
      } finally {
        await store.close();
      }
    });
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('查看审计日志：某个问题的全部历史（--issue），或一段时间内的所有变更（--since/--until）')
    .option('--issue <id>', '问题编号，如 Q-0012（含已撤销的问题）')
    .option('--since <time>', '起始日期 YYYY-MM-DD 或 ISO 时间（默认：7 天前）')
    .option('--until <time>', '截止日期 YYYY-MM-DD（含当天）或 ISO 时间（默认：现在）')
    .option('--team <id>', '只看这个小组（如 dingtalk:cid…）')
    .option('--json', '输出 JSON（LedgerEvent 数组）')
    .action(async (opts: { issue?: string; since?: string; until?: string; team?: string; json?: boolean }) => {
      const config = loadConfig();
      const tz = config.ZCT_TIMEZONE;
      const store = await openStore(config);
      try {
        let events: LedgerEvent[];
        if (opts.issue) {
          // The one issue-id grammar (src/ledger/extract/ref.ts): q12, Q0012, Q-0012 → Q-0012.
          const id = findRef(opts.issue) ?? opts.issue.trim();
          events = await store.issueHistory(id);
        } else {
          const until = opts.until ? parseInstant(opts.until, tz, true) : Date.now();
          const since = opts.since ? parseInstant(opts.since, tz) : until - 7 * 86_400_000;
          events = await store.readEvents(since, until);
        }
        if (opts.team) events = events.filter((e) => e.teamId === opts.team);
        process.stdout.write(opts.json ? `${JSON.stringify(events, null, 2)}\n` : `${formatAudit(events, tz)}\n`);
      } finally {
        await store.close();
      }
    });
}
