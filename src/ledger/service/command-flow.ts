/**
 * The explicit ledger commands: list, show, undo, assign, resolve, close, reopen, cancel, help,
 * and (via teams-flow) bind/unbind/team. Each change is one commit through execute().
 */
import type { IncomingMessage } from '../../messaging/incoming.js';
import { reply, type Reply } from '../../messaging/reply.js';
import type { IssueQuery } from '../../store/types.js';
import type { LedgerCommand } from '../commands.js';
import { resolveDeadline } from '../deadlines.js';
import { normalizeDepartment } from '../lexicon/index.js';
import type { Issue, Team, Visit } from '../model.js';
import { canChange, canRead, messageContext, readsAllTeams, type MessageContext } from './context.js';
import { emptyPlan, execute, type Outcome } from './execute.js';
import type { LedgerService } from './ledger-service.js';
import { renderIssue, renderIssueList } from './render-ledger.js';
import { reportFlow } from './report-flow.js';
import { deleteDraft, readDraft } from './sessions.js';
import { teamsFlow } from './teams-flow.js';
import { helpLines, TEXTS } from './texts.js';
import { transition, type Change } from './transitions.js';

const COMMANDS_IN_GROUP = '问题清单、交办、办结等台账操作请在联企小组的群里进行。政策问题在这里也可以直接问。';

export function helpReply(undoMinutes: number): Reply {
  return { intent: 'help', title: '台账用法', blocks: [{ type: 'heading', text: '联企台账用法' }, { type: 'list', items: helpLines(undoMinutes) }] };
}

export async function commandFlow(svc: LedgerService, msg: IncomingMessage, cmd: LedgerCommand): Promise<Reply> {
  const { deps } = svc;
  switch (cmd.type) {
    case 'report':
      return reportFlow(svc, msg, cmd.text);
    case 'help':
      return helpReply(deps.config.ZCT_UNDO_WINDOW_MIN);
    case 'cancel': {
      const draft = await readDraft(deps, msg);
      if (!draft) return reply.text('issues', TEXTS.nothingToCancel);
      await deleteDraft(deps, msg);
      return reply.text('issues', TEXTS.cancelled, '已取消');
    }
    case 'bind':
    case 'unbind':
    case 'team':
      return teamsFlow(svc, msg, cmd);
    default:
      break;
  }

  // A bare "Q-0012" (or "1") may be the answer to "which one?" — the pending draft gets it.
  if (cmd.type === 'show') {
    const draft = await readDraft(deps, msg);
    if (draft?.pending.type === 'target' && draft.pending.candidates.some((c) => c.id === cmd.ref)) return reportFlow(svc, msg, msg.text);
  }

  const team = await deps.store.getTeam(msg.teamId);
  const ctx = messageContext(deps, msg, team);
  const adminView = readsAllTeams(deps, ctx);
  if (!msg.isGroup && !adminView) return reply.text('issues', COMMANDS_IN_GROUP, '请在小组群里操作');
  if (!team && !adminView) return reply.text('issues', TEXTS.unregistered(msg.conversationTitle), '本群还未登记');

  switch (cmd.type) {
    case 'list':
      return listFlow(svc, ctx, cmd, adminView);
    case 'show':
      return showFlow(svc, ctx, cmd.ref, adminView);
    case 'undo':
      return run(svc, ctx, () => planUndo(svc, ctx, cmd.ref));
    case 'assign': {
      const department = normalizeDepartment(cmd.department);
      const deadline = cmd.deadline ? resolveDeadline(cmd.deadline, ctx.today) : null;
      return run(svc, ctx, () => planChange(svc, ctx, cmd.ref, { to: 'assigned', department, deadline, note: null, explicit: 'assign' }));
    }
    case 'resolve':
      return run(svc, ctx, () => planChange(svc, ctx, cmd.ref, { to: 'resolved', note: cmd.note ?? '办结' }));
    case 'close':
      return run(svc, ctx, () => planChange(svc, ctx, cmd.ref, { to: 'closed', note: cmd.note ?? '核实销号' }));
    case 'reopen':
      return run(svc, ctx, () => planChange(svc, ctx, cmd.ref, { to: null, note: cmd.note ? `重新打开：${cmd.note}` : '重新打开', explicit: 'reopen' }));
  }
}

function run(svc: LedgerService, ctx: MessageContext, build: () => Promise<Outcome>): Promise<Reply> {
  return execute(svc.deps, ctx, build, { gift: async () => [] });
}

const notice = (text: string, title = '没有变化'): Outcome => ({ type: 'reply', reply: reply.text('issues', text, title), changing: true });

async function planChange(svc: LedgerService, ctx: MessageContext, ref: string, change: Change): Promise<Outcome> {
  const { deps } = svc;
  const issue = await deps.store.getIssue(ref);
  if (!issue || !canChange(ctx, issue)) return notice(TEXTS.notFound(ref), '没有找到');
  const t = transition(issue, change, { today: ctx.today, dueDays: deps.config.ZCT_DUE_DAYS, isAdmin: ctx.msg.isAdmin });
  if (!t.patch) return notice(t.notice);
  const plan = emptyPlan('issues');
  plan.patches.push({ patch: t.patch, issue });
  if (t.notice) plan.notices.push(t.notice);
  return { type: 'commit', plan };
}

async function planUndo(svc: LedgerService, ctx: MessageContext, ref: string | null): Promise<Outcome> {
  const { deps } = svc;
  const { msg, now } = ctx;
  const windowMin = deps.config.ZCT_UNDO_WINDOW_MIN;
  const windowMs = windowMin * 60_000;
  const plan = emptyPlan('issues');

  if (ref) {
    const record: Issue | Visit | null = ref.startsWith('V-') ? await deps.store.getVisit(ref) : await deps.store.getIssue(ref);
    if (!record || record.teamId !== msg.teamId) return notice(ref.startsWith('V-') ? TEXTS.visitNotFound(ref) : TEXTS.notFound(ref), '没有找到');
    if (record.reporter !== msg.userId) return notice(TEXTS.undoNotReporter(ref), '不能撤销');
    if (now - record.createdAt > windowMs) return notice(TEXTS.undoExpired(ref, windowMin), '不能撤销');
    if (ref.startsWith('V-')) plan.withdrawVisits.push(record as Visit);
    else plan.withdrawIssues.push(record as Issue);
    return { type: 'commit', plan };
  }

  // The user's last record in this team: every issue and visit of their most recent message within the window.
  const recent = (r: Issue | Visit) => r.reporter === msg.userId && now - r.createdAt <= windowMs && r.createdAt <= now;
  const [issues, visits] = await Promise.all([deps.store.listIssues({ teamId: msg.teamId }), deps.store.listVisits({ teamId: msg.teamId })]);
  const mine = [...issues.filter(recent), ...visits.filter(recent)];
  if (!mine.length) return notice(TEXTS.undoNothing(windowMin), '没有可撤销的记录');
  const last = mine.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a));
  plan.withdrawIssues = issues.filter((i) => recent(i) && i.messageId === last.messageId);
  plan.withdrawVisits = visits.filter((v) => recent(v) && v.messageId === last.messageId);
  return { type: 'commit', plan };
}

async function listFlow(svc: LedgerService, ctx: MessageContext, cmd: Extract<LedgerCommand, { type: 'list' }>, adminView: boolean): Promise<Reply> {
  const { deps } = svc;
  const team = ctx.team;
  // In a leadership group, admins see every team; elsewhere only the message's own team.
  const allTeams = adminView;
  let enterprise = cmd.enterprise;
  if (enterprise && team) enterprise = team.enterprises.find((e) => e.includes(enterprise as string) || (enterprise as string).includes(e)) ?? enterprise;
  const query: IssueQuery = {
    ...(allTeams ? {} : { teamId: ctx.msg.teamId }),
    ...(cmd.statuses === 'all' ? {} : { status: cmd.statuses }),
    ...(enterprise ? { enterprise } : {}),
    ...(cmd.overdue ? { overdueBefore: ctx.today } : {}),
  };
  const issues = await deps.store.listIssues(query);
  const teams = allTeams ? new Map((await deps.store.listTeams()).map((t) => [t.id, t] as [string, Team])) : undefined;
  const scope = allTeams ? '全部小组' : (team?.name ?? '本组');
  const what = cmd.overdue ? '逾期问题' : cmd.statuses === 'all' ? '全部问题' : cmd.statuses.length === 3 ? '未办结问题' : '问题';
  return renderIssueList(issues, {
    today: ctx.today,
    timeZone: deps.config.ZCT_TIMEZONE,
    title: `${scope}${enterprise ? ` ${enterprise}` : ''} ${what}`,
    emptyText: `${scope}目前没有${what}。`,
    ...(teams ? { teams } : {}),
  });
}

async function showFlow(svc: LedgerService, ctx: MessageContext, ref: string, adminView: boolean): Promise<Reply> {
  const { deps } = svc;
  const issue = await deps.store.getIssue(ref);
  if (!issue || !canRead(deps, ctx, issue)) return reply.text('issues', TEXTS.notFound(ref), '没有找到');
  const history = await deps.store.issueHistory(ref);
  const teamName = adminView && issue.teamId !== ctx.msg.teamId ? (await deps.store.getTeam(issue.teamId))?.name : undefined;
  return renderIssue(issue, history, { today: ctx.today, timeZone: deps.config.ZCT_TIMEZONE, ...(teamName ? { teamName } : {}) });
}
