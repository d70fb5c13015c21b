/** Replies that show the ledger: the issue list (问题清单/台账) and one issue with its history. */
import type { Reply, ReplyAction, ReplyBlock } from '../../messaging/reply.js';
import { daysBetween, localDate } from '../../time/index.js';
import { formatDateTime } from '../deadlines.js';
import { isActive, overdueDays, STATUS_LABELS, type Issue, type LedgerEvent, type Team } from '../model.js';

const LIST_LIMIT = 30;

/** Days since the problem was raised (until it was resolved, for done issues). */
export function ageDays(issue: Issue, today: string, timeZone: string): number {
  const end = !isActive(issue.status) && issue.resolvedAt ? localDate(issue.resolvedAt, timeZone) : today;
  return Math.max(0, daysBetween(issue.raisedOn, end));
}

/** Days past the due date for an issue still being handled; 0 when not overdue (the rule is in model.ts). */
export { overdueDays };

function dueCell(issue: Issue, today: string): string {
  if (!issue.dueDate) return '—';
  const late = overdueDays(issue, today);
  return late > 0 ? `${issue.dueDate}（逾期${late}天）` : issue.dueDate;
}

const short = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function renderIssueList(
  issues: Issue[],
  opts: { today: string; timeZone: string; title: string; emptyText: string; teams?: Map<string, Team> },
): Reply {
  if (!issues.length)
    return {
      intent: 'issues',
      title: opts.title,
      blocks: [
        { type: 'heading', text: opts.title },
        { type: 'paragraph', text: opts.emptyText },
      ],
    };
  const columns = ['编号', '企业', '类别', '问题', '状态', '承办部门', '历时', '期限'];
  const row = (i: Issue) => [
    i.id,
    i.enterprise,
    i.category,
    short(i.summary),
    STATUS_LABELS[i.status],
    i.department ?? '—',
    `${ageDays(i, opts.today, opts.timeZone)}天`,
    dueCell(i, opts.today),
  ];
  const overdue = issues.filter((i) => overdueDays(i, opts.today) > 0).length;
  const blocks: ReplyBlock[] = [
    { type: 'heading', text: `${opts.title}（${issues.length} 条${overdue ? `，逾期 ${overdue} 条` : ''}）` },
  ];
  const order = [...(opts.teams?.keys() ?? [])];
  const ordered = opts.teams ? [...issues].sort((a, b) => rank(order, a.teamId) - rank(order, b.teamId)) : issues;
  const shown = ordered.slice(0, LIST_LIMIT);
  if (opts.teams) {
    // Every team's issues (a leadership group): one table per team, teams in the order listed, each with its counts.
    const byTeam = new Map<string, Issue[]>();
    for (const i of shown) byTeam.set(i.teamId, [...(byTeam.get(i.teamId) ?? []), i]);
    for (const teamId of byTeam.keys()) {
      const own = issues.filter((i) => i.teamId === teamId);
      const late = own.filter((i) => overdueDays(i, opts.today) > 0).length;
      const name = opts.teams.get(teamId)?.name || teamId;
      blocks.push({ type: 'heading', text: `${name}（${own.length} 条${late ? `，逾期 ${late} 条` : ''}）` });
      blocks.push({ type: 'table', columns, rows: (byTeam.get(teamId) ?? []).map(row) });
    }
  } else blocks.push({ type: 'table', columns, rows: shown.map(row) });
  if (issues.length > LIST_LIMIT)
    blocks.push({ type: 'note', text: `只显示前 ${LIST_LIMIT} 条；完整台账请管理员用 zct issues 导出。` });
  blocks.push({ type: 'note', text: '发送问题编号（如 Q-0012）查看详情和历史。' });
  return { intent: 'issues', title: opts.title, blocks };
}

/** A team's place in the listed order (unknown teams last). */
function rank(order: string[], teamId: string): number {
  const k = order.indexOf(teamId);
  return k < 0 ? order.length : k;
}

function eventLine(e: LedgerEvent, timeZone: string): string {
  const who = e.actorName || e.actor;
  const when = formatDateTime(e.at, timeZone);
  let what: string;
  switch (e.type) {
    case 'issue.created':
      what = `登记${e.to ? `（${STATUS_LABELS[e.to]}）` : ''}`;
      break;
    case 'issue.withdrawn':
      what = e.mergedInto ? `并入 ${e.mergedInto}（合并重复问题）` : '撤销';
      break;
    case 'issue.restored':
      what = '恢复';
      break;
    case 'issue.updated': {
      const parts: string[] = [];
      if (e.from && e.to && e.from !== e.to) parts.push(`${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}`);
      if (e.department) parts.push(`承办：${e.department}`);
      if (e.note) parts.push(e.note);
      what = parts.join('；') || '更新';
      break;
    }
    default:
      what = e.type;
  }
  return `${when} ${who}：${what}`;
}

export function renderIssue(
  issue: Issue,
  history: LedgerEvent[],
  opts: { today: string; timeZone: string; teamName?: string },
): Reply {
  const fields = [
    { label: '企业', value: issue.enterprise },
    { label: '类别', value: issue.category },
    { label: '问题', value: issue.summary },
    { label: '状态', value: STATUS_LABELS[issue.status] },
    { label: '承办部门', value: issue.department ?? '未交办' },
    { label: '办理期限', value: dueCell(issue, opts.today) },
    { label: '提出日期', value: issue.raisedOn },
    { label: '历时', value: `${ageDays(issue, opts.today, opts.timeZone)}天` },
    { label: '登记人', value: issue.reporterName || issue.reporter },
    ...(opts.teamName ? [{ label: '小组', value: opts.teamName }] : []),
  ];
  const blocks: ReplyBlock[] = [
    { type: 'heading', text: `${issue.id} ${issue.enterprise} ${issue.category}` },
    { type: 'fields', fields },
    { type: 'heading', text: '办理历史' },
    history.length
      ? { type: 'list', items: history.map((e) => eventLine(e, opts.timeZone)) }
      : { type: 'paragraph', text: '暂无记录' },
  ];
  const actions = issueActions(issue);
  return { intent: 'issues', title: issue.id, blocks, ...(actions.length ? { actions } : {}) };
}

/** The next steps of an issue as buttons; each stands for the command a member could type (the same rules decide). */
export function issueActions(issue: Issue): ReplyAction[] {
  if (isActive(issue.status)) return [{ label: '办结', command: `${issue.id} 办结`, style: 'primary' }];
  if (issue.status === 'resolved') {
    return [
      { label: '销号', command: `${issue.id} 销号`, style: 'danger', adminOnly: true },
      { label: '重新打开', command: `重新打开 ${issue.id}` },
    ];
  }
  return [];
}
