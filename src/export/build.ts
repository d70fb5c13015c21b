/**
 * buildExport: the issue ledger and the visit log from the Store as two Chinese-headed tables (reusable by the CLI and
 * by chat adapters: Slack attaches the xlsx, DingTalk gets a markdown summary). Without --team it covers the
 * registered teams (read team by team).
 */
import type { Store } from '../store/types.js';
import {
  isActive,
  overdueDays as overdueDaysOf,
  STATUS_LABELS,
  type Issue,
  type Team,
  type Visit,
} from '../ledger/model.js';
import { loadLedgerData } from '../digest/load.js';
import { daysBetween, hhmmAt, localDate } from '../time/index.js';
import type { Cell, Column, ExportData, ExportOptions, ExportSummary, Sheet } from './types.js';

const text = (header: string, width: number): Column => ({ header, width, kind: 'text' });
const num = (header: string, width: number): Column => ({ header, width, kind: 'number' });

export const ISSUE_COLUMNS: Column[] = [
  text('编号', 10),
  text('小组', 18),
  text('小组ID', 22),
  text('企业', 22),
  text('类别', 8),
  text('问题描述', 48),
  text('承办部门', 16),
  text('状态', 8),
  text('提出日期', 12),
  text('办理期限', 12),
  num('历时（天）', 10),
  num('逾期（天）', 10),
  text('报告人', 10),
  text('登记时间', 17),
  text('最近更新', 17),
  text('办结时间', 17),
  text('销号时间', 17),
];

export const VISIT_COLUMNS: Column[] = [
  text('编号', 10),
  text('小组', 18),
  text('小组ID', 22),
  text('企业', 22),
  text('走访日期', 12),
  text('参加人员', 20),
  text('情况记录', 48),
  text('报告人', 10),
  text('登记时间', 17),
];

function idNum(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

function stamp(ms: number | null, tz: string): string | null {
  return ms === null ? null : `${localDate(ms, tz)} ${hhmmAt(ms, tz)}`;
}

export function issueRow(i: Issue, teamName: string, today: string, tz: string): Cell[] {
  const end = !isActive(i.status) && i.resolvedAt !== null ? localDate(i.resolvedAt, tz) : today;
  return [
    i.id,
    teamName,
    i.teamId,
    i.enterprise,
    i.category,
    i.summary,
    i.department,
    STATUS_LABELS[i.status],
    i.raisedOn,
    i.dueDate,
    Math.max(0, daysBetween(i.raisedOn, end)),
    overdueDaysOf(i, today),
    i.reporterName || i.reporter,
    stamp(i.createdAt, tz),
    stamp(i.updatedAt, tz),
    stamp(i.resolvedAt, tz),
    stamp(i.closedAt, tz),
  ];
}

export function visitRow(v: Visit, teamName: string, tz: string): Cell[] {
  return [
    v.id,
    teamName,
    v.teamId,
    v.enterprise,
    v.date,
    v.participants.join('、'),
    v.note,
    v.reporterName || v.reporter,
    stamp(v.createdAt, tz),
  ];
}

function inRange(date: string, from?: string, to?: string): boolean {
  return (!from || date >= from) && (!to || date <= to);
}

function summarise(issues: Issue[], visits: Visit[], teams: Map<string, Team>, today: string): ExportSummary {
  const per = new Map<string, ExportSummary['teams'][number]>();
  const row = (teamId: string) => {
    let r = per.get(teamId);
    if (!r) {
      r = { teamId, teamName: teams.get(teamId)?.name || teamId, issues: 0, open: 0, overdue: 0, visits: 0 };
      per.set(teamId, r);
    }
    return r;
  };
  let open = 0;
  let overdue = 0;
  let resolved = 0;
  for (const i of issues) {
    const r = row(i.teamId);
    r.issues += 1;
    if (isActive(i.status)) {
      open += 1;
      r.open += 1;
    } else resolved += 1;
    if (overdueDaysOf(i, today) > 0) {
      overdue += 1;
      r.overdue += 1;
    }
  }
  for (const v of visits) row(v.teamId).visits += 1;
  const list = [...per.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.teamName.localeCompare(b.teamName, 'zh-CN'),
  );
  return { issues: issues.length, open, overdue, resolved, visits: visits.length, teams: list };
}

export async function buildExport(store: Store, options: ExportOptions = {}): Promise<ExportData> {
  const tz = options.timeZone ?? 'Asia/Shanghai';
  const now = options.now ?? Date.now();
  const today = localDate(now, tz);
  const { from, to, teamId } = options;
  if (from && to && from > to) throw new Error(`from (${from}) is after to (${to})`);
  // Team by team (small reads); for a single team, its own records even if the team is no longer registered.
  const [teamList, data] = await Promise.all([
    store.listTeams(),
    teamId
      ? Promise.all([store.listIssues({ teamId }), store.listVisits({ teamId })]).then(([issues, visits]) => ({
          issues,
          visits,
        }))
      : loadLedgerData(store, { fromMs: 0, withEvents: false }),
  ]);
  const allIssues = data.issues;
  const visits = data.visits.filter((v) => inRange(v.date, from, to));
  const teams = new Map(teamList.map((t) => [t.id, t]));
  const name = (id: string) => teams.get(id)?.name || id;
  const issues = allIssues.filter((i) => inRange(i.raisedOn, from, to)).sort((a, b) => idNum(a.id) - idNum(b.id));
  const sortedVisits = [...visits].sort((a, b) => a.date.localeCompare(b.date) || idNum(a.id) - idNum(b.id));
  const issueSheet: Sheet = {
    name: '问题清单',
    columns: ISSUE_COLUMNS,
    rows: issues.map((i) => issueRow(i, name(i.teamId), today, tz)),
  };
  const visitSheet: Sheet = {
    name: '走访记录',
    columns: VISIT_COLUMNS,
    rows: sortedVisits.map((v) => visitRow(v, name(v.teamId), tz)),
  };
  return {
    from: from ?? null,
    to: to ?? null,
    teamId: teamId ?? null,
    date: today,
    generatedAt: now,
    timeZone: tz,
    issues: issueSheet,
    visits: visitSheet,
    summary: summarise(issues, sortedVisits, teams, today),
  };
}
