/** `zct issues [--team ID] [--status S] [--json]` — the issue ledger for operators (JSON: an array of issues). */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import type { Config } from '../../config/schema.js';
import { OPEN_STATUSES } from '../../ledger/commands.js';
import { STATUSES, STATUS_LABELS, type Issue, type IssueStatus } from '../../ledger/model.js';
import { LedgerService } from '../../ledger/service/index.js';
import type { Logger } from '../../observability/logger.js';
import { cliLogger } from '../logger.js';
import { createStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';

/** "open,assigned" / "待交办,已办结" / "active" (未办结) / "all" → statuses; undefined = all. */
export function parseStatusFilter(raw: string | undefined): IssueStatus[] | undefined {
  if (!raw || raw === 'all' || raw === '全部') return undefined;
  const out = new Set<IssueStatus>();
  for (const part of raw.split(/[,，、\s]+/).filter(Boolean)) {
    if (part === 'active' || part === '未办结' || part === '在办') {
      for (const s of OPEN_STATUSES) out.add(s);
      continue;
    }
    const byName = (STATUSES as readonly string[]).includes(part) ? (part as IssueStatus) : undefined;
    const byLabel = (Object.entries(STATUS_LABELS) as Array<[IssueStatus, string]>).find(
      ([, label]) => label === part || label.replace(/^已/, '') === part,
    )?.[0];
    const s = byName ?? byLabel;
    if (!s)
      throw new Error(
        `未知状态“${part}”：可用 ${STATUSES.join(', ')}、active、all，或中文 ${Object.values(STATUS_LABELS).join('、')}`,
      );
    out.add(s);
  }
  return [...out];
}

export function formatIssueTable(issues: Issue[], ledger: LedgerService, today: string): string {
  if (!issues.length) return '没有符合条件的问题。';
  const lines = issues.map((i) =>
    [
      i.id,
      i.teamId,
      i.enterprise,
      i.category,
      STATUS_LABELS[i.status],
      i.department ?? '—',
      `${ledger.queries.ageDays(i, today)}天`,
      i.dueDate
        ? `${i.dueDate}${ledger.queries.overdueDays(i, today) ? `(逾期${ledger.queries.overdueDays(i, today)}天)` : ''}`
        : '—',
      i.summary,
    ].join('\t'),
  );
  return [
    ['编号', '小组', '企业', '类别', '状态', '承办部门', '历时', '期限', '问题'].join('\t'),
    ...lines,
    `共 ${issues.length} 条`,
  ].join('\n');
}

/** The service for CLI use: no retrieval, no LLM. */
export function cliLedger(config: Config, logger: Logger, store: Store): LedgerService {
  return new LedgerService({ store, retriever: null, llm: null, config, logger, clock: () => new Date() });
}

export function register(program: Command): void {
  program
    .command('issues')
    .description('查看问题台账（运营用）：默认全部小组、全部状态')
    .option('--team <id>', '只看一个小组（teamId，如 dingtalk:cid123）')
    .option(
      '--status <s>',
      '按状态筛选：open,assigned,in_progress,resolved,closed / active / all，或中文（待交办、已办结…）',
    )
    .option('--json', '输出 JSON（问题数组）')
    .action(async (opts: { team?: string; status?: string; json?: boolean }) => {
      const status = parseStatusFilter(opts.status);
      const config = loadConfig();
      const logger = cliLogger(config);
      const store = await createStore(config, logger, { connect: { timeoutMs: 15_000 } });
      try {
        const ledger = cliLedger(config, logger, store);
        const issues = await ledger.queries.listIssues({
          ...(opts.team ? { teamId: opts.team } : {}),
          ...(status ? { status } : {}),
        });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(issues, null, 2)}\n`
            : `${formatIssueTable(issues, ledger, ledger.queries.today())}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
