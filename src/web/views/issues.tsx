/** 问题清单 (filtered, sortable, paged) and one issue with its history from the audit log. */
import { STATUS_LABELS, type Issue, type LedgerEvent, type Team } from '../../ledger/model.js';
import { filtersToQuery, PAGE_SIZE, type Filters, type IssueRow, type SortKey } from '../data.js';
import type { WebSession } from '../session.js';
import { FilterForm } from './filters.js';
import { Layout } from './layout.js';

const COLUMNS: { key: SortKey | null; label: string; cls?: string }[] = [
  { key: 'id', label: '编号' },
  { key: 'team', label: '小组', cls: 'hide-phone' },
  { key: null, label: '企业' },
  { key: null, label: '类别', cls: 'hide-phone' },
  { key: null, label: '问题' },
  { key: null, label: '承办部门', cls: 'hide-phone' },
  { key: 'status', label: '状态' },
  { key: 'raisedOn', label: '提出', cls: 'hide-phone' },
  { key: 'dueDate', label: '期限' },
  { key: 'overdue', label: '逾期（天）' },
];

export function StatusTag({ status }: { status: Issue['status'] }) {
  return <span class={`tag s-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function IssuesPage(p: {
  session: WebSession;
  rows: IssueRow[];
  total: number;
  page: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  filters: Filters;
  teams: Team[];
  departments: string[];
  errors: string[];
}) {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  const link = (extra: Record<string, string | number | undefined>) =>
    `/issues${filtersToQuery(p.filters, { sort: p.sort, dir: p.dir, ...extra })}`;
  return (
    <Layout
      title="问题清单"
      session={p.session}
      nav="issues"
      flash={p.errors.length ? { text: p.errors.join('；'), error: true } : null}
    >
      <h1>问题清单</h1>
      <FilterForm
        action="/issues"
        filters={p.filters}
        teams={p.teams}
        departments={p.departments}
        extra={{ sort: p.sort, dir: p.dir }}
      />
      <div class="pager">
        <span role="status" id="issue-count">
          共 {p.total} 条
        </span>
        <a class="button secondary" href={`/issues/export.xlsx${filtersToQuery(p.filters)}`} download>
          导出 Excel
        </a>
      </div>
      <div class="table-wrap card" style="padding:0">
        <table id="issue-table">
          <caption class="sr-only">问题清单，第 {p.page} 页</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                if (!c.key)
                  return (
                    <th scope="col" class={c.cls}>
                      {c.label}
                    </th>
                  );
                const active = p.sort === c.key;
                const nextDir = active && p.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th
                    scope="col"
                    class={c.cls}
                    aria-sort={active ? (p.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <a href={link({ sort: c.key, dir: nextDir, page: undefined })}>
                      {c.label}
                      {active ? (p.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/issues/${encodeURIComponent(r.issue.id)}`}>{r.issue.id}</a>
                </td>
                <td class="hide-phone">{r.teamName}</td>
                <td>{r.issue.enterprise}</td>
                <td class="hide-phone">{r.issue.category}</td>
                <td>{r.issue.summary}</td>
                <td class="hide-phone">{r.issue.department ?? '—'}</td>
                <td>
                  <StatusTag status={r.issue.status} />
                </td>
                <td class="hide-phone">{r.issue.raisedOn}</td>
                <td>{r.issue.dueDate ?? '—'}</td>
                <td class={r.overdueDays ? 'num overdue' : 'num'}>{r.overdueDays || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.rows.length === 0 ? (
          <p class="muted" style="padding:1rem">
            没有符合条件的问题。
          </p>
        ) : null}
      </div>
      <nav class="pager" aria-label="翻页">
        {p.page > 1 ? <a href={link({ page: p.page - 1 })}>上一页</a> : null}
        <span>
          第 {p.page} / {pages} 页
        </span>
        {p.page < pages ? <a href={link({ page: p.page + 1 })}>下一页</a> : null}
      </nav>
    </Layout>
  );
}

const EVENT_LABELS: Record<LedgerEvent['type'], string> = {
  'issue.created': '登记问题',
  'issue.updated': '更新',
  'issue.withdrawn': '撤销',
  'issue.restored': '恢复问题',
  'visit.recorded': '记录走访',
  'visit.updated': '更正走访',
  'visit.withdrawn': '撤销走访',
};

export function IssuePage(p: {
  session: WebSession;
  issue: Issue;
  teamName: string;
  overdueDays: number;
  history: LedgerEvent[];
  teamNames: Map<string, string>;
  fmt: (ms: number) => string;
}) {
  const i = p.issue;
  return (
    <Layout title={i.id} session={p.session} nav="issues">
      <p>
        <a href="/issues">← 返回问题清单</a>
      </p>
      <h1>
        {i.id} {i.enterprise} · {i.category}
      </h1>
      <section class="card">
        <dl class="facts">
          <dt>问题</dt>
          <dd>{i.summary}</dd>
          <dt>状态</dt>
          <dd>
            <StatusTag status={i.status} />
            {p.overdueDays ? <span class="overdue"> 逾期 {p.overdueDays} 天</span> : null}
          </dd>
          <dt>小组</dt>
          <dd>{p.teamName}</dd>
          <dt>承办部门</dt>
          <dd>{i.department ?? '未交办'}</dd>
          <dt>办理期限</dt>
          <dd>{i.dueDate ?? '—'}</dd>
          <dt>提出日期</dt>
          <dd>{i.raisedOn}</dd>
          <dt>报告人</dt>
          <dd>{i.reporterName || i.reporter}</dd>
          <dt>最近更新</dt>
          <dd>{p.fmt(i.updatedAt)}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>办理记录</h2>
        {p.history.length === 0 ? (
          <p class="muted">没有记录。</p>
        ) : (
          <ol class="history" id="history">
            {p.history.map((e) => (
              <li>
                <div>
                  <strong>{EVENT_LABELS[e.type]}</strong>
                  {e.from && e.to && e.from !== e.to
                    ? ` ${STATUS_LABELS[e.from]} → ${STATUS_LABELS[e.to]}`
                    : e.to && e.type === 'issue.created'
                      ? ` ${STATUS_LABELS[e.to]}`
                      : ''}
                  {e.department ? ` · 交办 ${e.department}` : ''}
                </div>
                {e.note ? <div>{e.note}</div> : null}
                <div class="muted">
                  {p.fmt(e.at)} · {e.actorName || e.actor} · {p.teamNames.get(e.teamId) ?? e.teamId}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}
