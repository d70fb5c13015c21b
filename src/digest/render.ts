/**
 * Digest data → platform-neutral Reply blocks (Chinese). Sized for the chat platforms: long tables are cut into
 * blocks of at most TABLE_CHUNK rows, and the per-team table is capped (laggards first) with a note for the rest, so
 * a 300-team leadership digest stays a few Slack messages / DingTalk markdown messages.
 */
import { STATUS_LABELS } from '../ledger/model.js';
import type { Reply, ReplyBlock } from '../messaging/reply.js';
import type { BoardMetric, BoardPeriod } from '../ledger/commands.js';
import type { DigestIssue, DigestWindow, LeadershipDigest, TeamDigest, TeamReminder, TeamRow } from './types.js';
import { cnDate, cnDateWeekday, cnMonth, endOfDayMs, hhmmAt, localDate } from '../time/index.js';

/** Rows per table block. */
export const TABLE_CHUNK = 40;

export interface RenderOptions {
  /** Time zone for "数据截至" (default Asia/Shanghai). */
  timeZone?: string;
  /** Open issues listed in a team digest (default 20). */
  maxOpenIssues?: number;
  /** Per-team rows in the leadership digest (default 100; the rest are summarised in a note). */
  maxTeamRows?: number;
  /** Teams listed under 本月未走访 (default 30). */
  maxNoVisitTeams?: number;
  /** Departments listed (default 30). */
  maxDepartments?: number;
  /** Items per list in a team digest (visits, new/resolved issues; default 15). */
  maxListItems?: number;
  /** Enterprise names listed in one "未走访" line; the rest as "等 N 家" (default 10, ZCT_DIGEST_LIST_MAX). */
  maxNames?: number;
}

const DEFAULTS = {
  timeZone: 'Asia/Shanghai',
  maxOpenIssues: 20,
  maxTeamRows: 100,
  maxNoVisitTeams: 30,
  maxDepartments: 30,
  maxListItems: 15,
  maxNames: 10,
} satisfies Required<RenderOptions>;

/** The render options the settings decide (used by the digest handler and the scheduler). */
export function renderOptionsFrom(config: { ZCT_TIMEZONE: string; ZCT_DIGEST_LIST_MAX: number }): RenderOptions {
  return { timeZone: config.ZCT_TIMEZONE, maxNames: config.ZCT_DIGEST_LIST_MAX };
}

/** "甲、乙、丙" or, past `max`, "甲、乙 等 12 家". */
export function namesWithCount(names: string[], max: number): string {
  return names.length > max ? `${names.slice(0, max).join('、')} 等 ${names.length} 家` : names.join('、');
}

export function short(s: string, n = 30): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : chars.join('');
}

function periodLabel(w: DigestWindow): string {
  return w.from === w.to ? cnDateWeekday(w.to) : `${cnDateWeekday(w.from)}至${cnDateWeekday(w.to)}`;
}

function asOfLabel(w: DigestWindow, timeZone: string): string {
  if (w.asOfMs >= endOfDayMs(w.to, timeZone)) return `${cnDate(w.to)} 24:00`;
  return `${cnDate(localDate(w.asOfMs, timeZone))} ${hhmmAt(w.asOfMs, timeZone)}`;
}

function windowLine(w: DigestWindow, timeZone: string): string {
  return `统计时段：${periodLabel(w)}；数据截至${asOfLabel(w, timeZone)}`;
}

export function dueCell(i: DigestIssue): string {
  if (!i.dueDate) return '—';
  return i.overdueDays > 0 ? `${cnDate(i.dueDate)}（逾期${i.overdueDays}天）` : cnDate(i.dueDate);
}

function issueLine(i: DigestIssue, withDept = true): string {
  const dept = withDept && i.department ? ` → ${i.department}` : '';
  return `${i.id}【${i.category}】${i.enterprise}：${short(i.summary)}${dept}`;
}

/** A table as several blocks of at most TABLE_CHUNK rows (each repeats the header). */
export function chunkedTable(columns: string[], rows: string[][], chunk = TABLE_CHUNK): ReplyBlock[] {
  const out: ReplyBlock[] = [];
  for (let i = 0; i < rows.length; i += chunk) out.push({ type: 'table', columns, rows: rows.slice(i, i + chunk) });
  return out;
}

function capped<T>(items: T[], max: number): { shown: T[]; rest: number } {
  return { shown: items.slice(0, max), rest: Math.max(0, items.length - max) };
}

function coverageLine(d: TeamDigest, maxNames: number = DEFAULTS.maxNames): string | null {
  const c = d.coverage;
  if (!c.lacking) return null;
  const month = cnMonth(`${c.month}-01`);
  // On the 1st the digest reports on the month just ended: state the result, no "please arrange".
  const over = c.month !== d.refDate.slice(0, 7);
  if (c.required.length === 0)
    return over ? `一月一走访：本组${month}没有走访记录。` : `一月一走访：本组${month}还没有走访记录，请尽快安排走访。`;
  const missing = namesWithCount(c.missing, maxNames);
  return over ? `一月一走访：${month}未走访${missing}。` : `一月一走访：${month}还没有走访${missing}，请尽快安排。`;
}

function lastReportLabel(at: number | null, days: number | null, timeZone: string): string {
  if (at === null || days === null) return '暂无';
  return `${cnDate(localDate(at, timeZone))}（${days === 0 ? '今天' : `${days}天前`}）`;
}

export function renderTeamDigest(d: TeamDigest, options: RenderOptions = {}): Reply {
  const o = { ...DEFAULTS, ...options };
  const title = `${d.teamName} 工作简报`;
  const blocks: ReplyBlock[] = [{ type: 'heading', text: title }];
  const nudge = coverageLine(d, o.maxNames);

  if (d.quiet) {
    blocks.push({
      type: 'paragraph',
      text: `${periodLabel(d.window)}没有新的走访、报送或问题变化，目前也没有在办问题。`,
    });
    if (nudge) blocks.push({ type: 'paragraph', text: nudge });
    return { intent: 'digest', title, blocks };
  }

  const p = d.period;
  blocks.push({ type: 'paragraph', text: windowLine(d.window, o.timeZone) });
  blocks.push({
    type: 'fields',
    fields: [
      { label: '走访', value: `${p.visits.length} 次` },
      { label: '报送', value: `${p.reports} 条` },
      { label: '新增问题', value: String(p.opened.length) },
      { label: '办结', value: String(p.resolved.length) },
      { label: '销号', value: String(p.closed.length) },
      {
        label: '在办问题',
        value: `${d.counts.open}（逾期 ${d.counts.overdue}${d.counts.dueSoon ? `，3天内到期 ${d.counts.dueSoon}` : ''}）`,
      },
      { label: '上次报送', value: lastReportLabel(d.lastReportAt, d.daysSinceReport, o.timeZone) },
    ],
  });

  const list = (heading: string, items: string[]) => {
    if (!items.length) return;
    const { shown, rest } = capped(items, o.maxListItems);
    blocks.push({ type: 'heading', text: heading });
    blocks.push({ type: 'list', items: rest ? [...shown, `……另有 ${rest} 条`] : shown });
  };
  list(
    '本期走访',
    p.visits.map((v) => {
      const who = v.participants.length ? `（${v.participants.join('、')}）` : '';
      const note = v.note ? `：${short(v.note, 40)}` : '';
      return `${cnDate(v.date)} ${v.enterprise}${who}${note}`;
    }),
  );
  list(
    '新增问题',
    p.opened.map((i) => issueLine(i)),
  );
  list(
    '办结问题',
    p.resolved.map((i) => issueLine(i, false)),
  );
  list(
    '销号问题',
    p.closed.map((i) => issueLine(i, false)),
  );

  if (d.open.length) {
    const { shown, rest } = capped(d.open, o.maxOpenIssues);
    blocks.push({ type: 'heading', text: `在办问题（${d.counts.open} 个，逾期 ${d.counts.overdue} 个）` });
    blocks.push(
      ...chunkedTable(
        ['编号', '企业', '问题', '承办部门', '状态', '历时', '期限'],
        shown.map((i) => [
          i.id,
          i.enterprise,
          short(i.summary, 24),
          i.department ?? '未交办',
          STATUS_LABELS[i.status],
          `${i.ageDays}天`,
          dueCell(i),
        ]),
      ),
    );
    if (rest) blocks.push({ type: 'note', text: `另有 ${rest} 个在办问题未列出，发送“问题清单”查看全部。` });
  } else {
    blocks.push({ type: 'paragraph', text: '目前没有在办问题。' });
  }

  if (nudge) blocks.push({ type: 'paragraph', text: nudge });
  blocks.push({ type: 'note', text: '发送“问题清单”查看全部问题，发送问题编号（如 Q-0012）查看详情。' });
  return { intent: 'digest', title, blocks };
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function teamRowCells(r: TeamRow): string[] {
  return [
    r.teamName,
    String(r.visitsThisMonth),
    r.enterprisesTotal ? `${r.enterprisesVisited}/${r.enterprisesTotal}` : '—',
    String(r.open),
    String(r.overdue),
    String(r.resolved),
    r.daysSinceReport === null ? '从未' : String(r.daysSinceReport),
  ];
}

export function renderLeadershipDigest(d: LeadershipDigest, options: RenderOptions = {}): Reply {
  const o = { ...DEFAULTS, ...options };
  const title = '组团联企工作简报';
  const blocks: ReplyBlock[] = [{ type: 'heading', text: title }];
  if (d.totals.teams === 0 && d.totals.issues === 0) {
    blocks.push({ type: 'paragraph', text: `${periodLabel(d.window)}：暂无联企小组和问题数据。` });
    return { intent: 'digest', title, blocks };
  }
  const month = cnMonth(`${d.month}-01`);
  blocks.push({ type: 'paragraph', text: windowLine(d.window, o.timeZone) });

  blocks.push({ type: 'heading', text: '总体情况' });
  blocks.push({
    type: 'table',
    columns: ['指标', '本期', `${month}累计`],
    rows: [
      ['走访（次）', String(d.period.visits), String(d.monthTotals.visits)],
      ['报送（条）', String(d.period.reports), String(d.monthTotals.reports)],
      ['新增问题', String(d.period.opened), String(d.monthTotals.opened)],
      ['办结', String(d.period.resolved), String(d.monthTotals.resolved)],
      ['销号', String(d.period.closed), String(d.monthTotals.closed)],
    ],
  });
  blocks.push({
    type: 'fields',
    fields: [
      {
        label: '联企小组',
        value: `${d.totals.teams} 个（本期有报送 ${d.period.activeTeams}，${month}已走访 ${d.monthTotals.teamsVisited}）`,
      },
      { label: '问题总数', value: String(d.totals.issues) },
      { label: '在办', value: `${d.totals.open}（未交办 ${d.totals.unassigned}）` },
      { label: '逾期', value: String(d.totals.overdue) },
      { label: '办结率', value: percent(d.totals.resolutionRate) },
    ],
  });

  if (d.teams.length) {
    const { shown, rest } = capped(d.teams, o.maxTeamRows);
    blocks.push({ type: 'heading', text: `各小组情况（${d.teams.length} 个，需关注的在前）` });
    blocks.push(
      ...chunkedTable(
        ['小组', `${month}走访`, '企业覆盖', '在办', '逾期', '已办结', '未报送天数'],
        shown.map(teamRowCells),
      ),
    );
    if (rest)
      blocks.push({
        type: 'note',
        text: `其余 ${rest} 个小组排序靠后、情况相对较好，未逐一列出；完整数据请管理员导出（zct digest --json）。`,
      });
  }

  if (d.teamsWithoutVisit.length) {
    const { shown, rest } = capped(d.teamsWithoutVisit, o.maxNoVisitTeams);
    blocks.push({ type: 'heading', text: `${month}未完成一月一走访（${d.teamsWithoutVisit.length} 个小组）` });
    const items = shown.map((t) =>
      t.missing.length
        ? `${t.teamName}：未走访${namesWithCount(t.missing, o.maxNames)}`
        : `${t.teamName}：本月无走访记录`,
    );
    blocks.push({ type: 'list', items: rest ? [...items, `……等 ${d.teamsWithoutVisit.length} 个小组`] : items });
  }

  if (d.topOverdue.length) {
    blocks.push({
      type: 'heading',
      text:
        d.totals.overdue > d.topOverdue.length
          ? `逾期问题（共 ${d.totals.overdue} 个，逾期最久的 ${d.topOverdue.length} 个）`
          : `逾期问题（${d.totals.overdue} 个）`,
    });
    blocks.push({
      type: 'table',
      columns: ['编号', '小组', '企业', '问题', '承办部门', '逾期'],
      rows: d.topOverdue.map((i) => [
        i.id,
        i.teamName,
        i.enterprise,
        short(i.summary, 24),
        i.department ?? '未交办',
        `${i.overdueDays}天`,
      ]),
    });
  }

  if (d.byCategory.length) {
    blocks.push({ type: 'heading', text: '按问题类别' });
    blocks.push({
      type: 'table',
      columns: ['类别', '总数', '在办', '已办结', '逾期'],
      rows: d.byCategory.map((r) => [r.key, String(r.total), String(r.open), String(r.resolved), String(r.overdue)]),
    });
  }

  if (d.byDepartment.length) {
    const { shown, rest } = capped(d.byDepartment, o.maxDepartments);
    blocks.push({ type: 'heading', text: '按承办部门（逾期多的在前）' });
    blocks.push(
      ...chunkedTable(
        ['承办部门', '交办', '在办', '已办结', '逾期'],
        shown.map((r) => [r.key, String(r.total), String(r.open), String(r.resolved), String(r.overdue)]),
      ),
    );
    if (rest) blocks.push({ type: 'note', text: `另有 ${rest} 个部门未列出。` });
  }

  blocks.push({
    type: 'note',
    text: '排序：逾期问题多、未完成一月一走访、久未报送的小组在前。办结率 =（已办结 + 已销号）÷ 问题总数。',
  });
  return { intent: 'digest', title, blocks };
}

/** A reminder message for one team, or null when there is nothing to remind. */
export function renderReminder(
  r: TeamReminder,
  options: Pick<RenderOptions, 'timeZone' | 'maxListItems'> = {},
): Reply | null {
  const tz = options.timeZone ?? DEFAULTS.timeZone;
  const max = options.maxListItems ?? DEFAULTS.maxListItems;
  if (!r.idle && !r.overdue.length) return null;
  const title = `${r.teamName} 提醒`;
  const blocks: ReplyBlock[] = [];
  if (r.idle) {
    const last =
      r.idle.lastReportAt === null
        ? '本组登记以来还没有报送过走访情况或问题进展'
        : `本组已 ${r.idle.days} 天没有报送走访情况或问题进展（上次报送：${cnDate(localDate(r.idle.lastReportAt, tz))}）`;
    blocks.push({
      type: 'paragraph',
      text: `${last}。请及时在群里报送，例如：“今天走访了某某公司，企业反映缺技术工人，已交办人社局”。`,
    });
  }
  if (r.overdue.length) {
    const { shown, rest } = capped(r.overdue, max);
    blocks.push({ type: 'paragraph', text: `以下 ${r.overdue.length} 个问题已超过办理期限，请联系承办部门跟进：` });
    const items = shown.map(
      (i) =>
        `${i.id} ${i.enterprise}：${short(i.summary, 24)}｜承办部门：${i.department ?? '未交办'}｜期限${i.dueDate ? cnDate(i.dueDate) : '—'}，已逾期 ${i.overdueDays} 天`,
    );
    blocks.push({ type: 'list', items: rest ? [...items, `……另有 ${rest} 个`] : items });
    blocks.push({ type: 'note', text: '问题办结后请回复“问题编号 办结”，例如“Q-0012 办结”。' });
  }
  return {
    intent: 'digest',
    title,
    blocks,
    ...(r.overdue.length && r.responsible?.length ? { mentions: r.responsible } : {}),
  };
}

/** The span a metric answer names: 本月 / 本周 / 上周 / 今天, with its dates. */
function spanLabel(w: DigestWindow, period: BoardPeriod): string {
  const dates = w.from === w.to ? cnDate(w.to) : `${cnDate(w.from)}—${cnDate(w.to)}`;
  const name = { today: '今天', week: '本周', lastWeek: '上周', month: cnMonth(w.from) }[period];
  return `${name}（${dates}）`;
}

const MORE = '发送“看板”查看完整情况。';

/** One figure of a team's board asked on its own (本月办结率多少, 这周走访了几家, 哪些企业还没走访): a line, not the board. */
export function renderTeamMetric(
  d: TeamDigest,
  metric: BoardMetric,
  period: BoardPeriod,
  options: RenderOptions = {},
): Reply {
  const o = { ...DEFAULTS, ...options };
  const span = spanLabel(d.window, period);
  const c = d.counts;
  const p = d.period;
  let text: string;
  if (metric === 'rate') {
    text = c.total
      ? `${d.teamName}办结率 ${percent(c.resolvedTotal / c.total)}：问题总数 ${c.total} 个，已办结（含销号）${c.resolvedTotal} 个，在办 ${c.open} 个（逾期 ${c.overdue} 个）；本月新增 ${c.openedThisMonth} 个、办结 ${c.resolvedThisMonth} 个。`
      : `${d.teamName}还没有记录问题，暂无办结率。`;
  } else if (metric === 'visits') {
    const places = [...new Set(p.visits.map((v) => v.enterprise))];
    text = p.visits.length
      ? `${d.teamName}${span}走访 ${p.visits.length} 次，${places.length} 家企业：${namesWithCount(places, o.maxNames)}。`
      : `${d.teamName}${span}还没有走访记录。`;
  } else if (metric === 'unvisited') {
    const cov = d.coverage;
    const month = cnMonth(`${cov.month}-01`);
    text = !cov.required.length
      ? `${d.teamName}还没有绑定企业；${month}走访 ${cov.visits} 次。`
      : cov.missing.length
        ? `${d.teamName}${month}还没有走访的企业 ${cov.missing.length} 家：${namesWithCount(cov.missing, o.maxNames)}。`
        : `${d.teamName}绑定的 ${cov.required.length} 家企业${month}都已走访（共 ${cov.visits} 次）。`;
  } else {
    text = `${d.teamName}${span}新增问题 ${p.opened.length} 个，办结 ${p.resolved.length} 个，销号 ${p.closed.length} 个；目前在办 ${c.open} 个（逾期 ${c.overdue} 个）。`;
  }
  return {
    intent: 'digest',
    title: d.teamName,
    blocks: [
      { type: 'paragraph', text },
      { type: 'note', text: MORE },
    ],
  };
}

/** The same figure over every team, for a leadership group. */
export function renderLeadershipMetric(
  d: LeadershipDigest,
  metric: BoardMetric,
  period: BoardPeriod,
  options: RenderOptions = {},
): Reply {
  const o = { ...DEFAULTS, ...options };
  const span = spanLabel(d.window, period);
  const t = d.totals;
  let text: string;
  if (metric === 'rate') {
    text = t.issues
      ? `全部小组办结率 ${percent(t.resolutionRate)}：问题总数 ${t.issues} 个，已办结（含销号）${t.resolved} 个，在办 ${t.open} 个（逾期 ${t.overdue} 个）。`
      : '还没有记录问题，暂无办结率。';
  } else if (metric === 'visits') {
    text = `${span}全部小组走访 ${d.period.visits} 次，${d.period.activeTeams} 个小组有报送。`;
  } else if (metric === 'unvisited') {
    const month = cnMonth(`${d.month}-01`);
    const lacking = d.teamsWithoutVisit;
    text = lacking.length
      ? `${month}还有 ${lacking.length} 个小组未完成一月一走访：${namesWithCount(
          lacking.map((x) => (x.missing.length ? `${x.teamName}（${namesWithCount(x.missing, 3)}）` : x.teamName)),
          o.maxNames,
        )}。`
      : `${month}各小组都已完成一月一走访。`;
  } else {
    text = `${span}全部小组新增问题 ${d.period.opened} 个，办结 ${d.period.resolved} 个，销号 ${d.period.closed} 个；目前在办 ${t.open} 个（逾期 ${t.overdue} 个）。`;
  }
  return {
    intent: 'digest',
    title: '全部小组',
    blocks: [
      { type: 'paragraph', text },
      { type: 'note', text: MORE },
    ],
  };
}
