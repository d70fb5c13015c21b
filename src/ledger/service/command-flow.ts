/**
 * The explicit ledger commands: list, show, undo, assign, resolve, close, reopen, cancel, help,
 * and (via teams-flow) bind/unbind/team. Each change is one commit through execute().
 */
import { zonedParts } from '../../time/index.js';
import type { IncomingMessage } from '../../messaging/incoming.js';
import { reply, type Reply } from '../../messaging/reply.js';
import type { IssueQuery } from '../../store/types.js';
import { findRefs, normalizeWidth, OPEN_STATUSES, type LedgerCommand } from '../commands.js';
import { normalizeRef } from '../extract/ref.js';
import { categorize } from '../extract/index.js';
import { resolveDeadline } from '../deadlines.js';
import { normalizeDepartment } from '../lexicon/index.js';
import { STATUS_LABELS, boundEnterprise, type Issue, type Team } from '../model.js';

const ACTIVE = OPEN_STATUSES;
import {
  canChange,
  changeRefused,
  canRead,
  messageContext,
  readsAllTeams,
  type MessageContext,
  type Preloaded,
  type FlowContext,
} from './context.js';
import { emptyPlan, execute, withNextQuestion, type Outcome } from './execute.js';
import { renderIssue, renderIssueList } from './render-ledger.js';
import { reportFlow } from './report-flow.js';
import { mostNamed } from './targets.js';
import { emptyAnswers, finishDraft, readDraft, waitingSummary, type Draft } from './sessions.js';
import {
  actedSince,
  planCloseUnresolved,
  planEdit,
  planMerge,
  planRestore,
  planUndo,
  pastDeadlineText,
} from './lifecycle.js';
import { teamsFlow } from './teams-flow.js';
import { helpLines, TEXTS } from './texts.js';
import { transition, type Change } from './transitions.js';

const COMMANDS_IN_GROUP = '问题清单、交办、办结等台账操作请在联企小组的群里进行。政策问题在这里也可以直接问。';

export function helpReply(undoMinutes: number): Reply {
  return {
    intent: 'help',
    title: '台账用法',
    blocks: [
      { type: 'heading', text: '联企台账用法' },
      { type: 'list', items: helpLines(undoMinutes) },
    ],
  };
}

export async function commandFlow(
  svc: FlowContext,
  msg: IncomingMessage,
  cmd: LedgerCommand,
  pre: Preloaded = {},
): Promise<Reply> {
  const { deps } = svc;
  const draftOf = () => (pre.draft !== undefined ? Promise.resolve(pre.draft) : readDraft(deps, msg));
  switch (cmd.type) {
    case 'report':
      return reportFlow(svc, msg, cmd.text, { team: pre.team, draft: pre.draft });
    case 'help':
      return helpReply(deps.config.ZCT_UNDO_WINDOW_MIN);
    case 'board':
      // (the chat handler answers 看板 with the live digest; a caller without it gets where to look)
      return reply.text('issues', TEXTS.board, '看板');
    case 'cancel': {
      const draft = await draftOf();
      if (!draft) return reply.text('issues', TEXTS.nothingToCancel);
      return withNextQuestion(reply.text('issues', TEXTS.cancelled, '已取消'), await finishDraft(deps, msg));
    }
    case 'bind':
    case 'unbind':
    case 'team':
      return teamsFlow(svc, msg, cmd);
    case 'undo': {
      // A bare 撤销 while a record waits for the speaker's answer takes back that record, the last thing said —
      // not an earlier record already saved.
      if (cmd.ref) break;
      const draft = await draftOf();
      // (the speaker recorded something after the question was asked: 撤销 takes back that, the question waits on)
      if (!draft || (await actedSince(deps, msg, draft.createdAt))) break;
      return withNextQuestion(reply.text('issues', TEXTS.undoDraft, '已取消'), await finishDraft(deps, msg));
    }
    default:
      break;
  }

  // A bare "Q-0012" (or "1") may be the answer to "which one?" — the pending draft gets it. A question about it
  // ("Q-0012 到哪一步了") is no answer: its card is shown, and the question keeps waiting (the reply says so).
  let waiting: Draft | null = null;
  if (cmd.type === 'show') {
    const draft = await draftOf();
    if (
      draft?.pending.type === 'target' &&
      draft.pending.candidates.some((c) => c.id === cmd.ref) &&
      isBareRef(msg.text)
    )
      return reportFlow(svc, msg, msg.text, { team: pre.team, draft });
    waiting = draft;
  }

  const team = pre.team !== undefined ? pre.team : await deps.store.getTeam(msg.teamId);
  const ctx = messageContext(deps, msg, team);
  const adminView = readsAllTeams(deps, ctx);
  if (!msg.isGroup && !adminView) return reply.text('issues', COMMANDS_IN_GROUP, '请在小组群里操作');
  if (!team && !adminView) return reply.text('issues', TEXTS.unregistered(msg.conversationTitle), '本群还未登记');

  switch (cmd.type) {
    case 'list':
      return listFlow(svc, ctx, cmd, adminView);
    case 'show':
      return withWaitingNote(await showFlow(svc, ctx, cmd.ref, adminView), waiting);
    case 'undo':
      return run(svc, ctx, () => planUndo(deps, ctx, cmd.ref));
    case 'edit':
      return run(svc, ctx, () =>
        planEach(cmd.refs ?? [cmd.ref], (ref) => planEdit(deps, ctx, ref, cmd.field, cmd.value)),
      );
    case 'restore':
      return run(svc, ctx, () => planRestore(deps, ctx, cmd.ref));
    case 'merge':
      return run(svc, ctx, () => planMerge(deps, ctx, cmd.duplicate, cmd.into));
    case 'assign': {
      if (!cmd.department) return reply.text('issues', TEXTS.assignNeedsDepartment(cmd.ref), '请写明部门');
      const department = normalizeDepartment(cmd.department);
      const deadline = cmd.deadline ? resolveDeadline(cmd.deadline, ctx.today) : null;
      // (a deadline already past — "3月1日前" read as this year's by the one rule — is refused, as 改 期限 refuses it)
      if (cmd.deadline && deadline && deadline < ctx.today)
        return reply.text('issues', pastDeadlineText(cmd.deadline, deadline), '没有修改');
      return run(svc, ctx, () =>
        planEach(cmd.refs ?? [cmd.ref], (ref) =>
          planChange(svc, ctx, ref, { to: 'assigned', department, deadline, note: null, explicit: 'assign' }),
        ),
      );
    }
    case 'resolve':
      return run(svc, ctx, () =>
        planEach(cmd.refs ?? [cmd.ref], (ref) =>
          planChange(svc, ctx, ref, { to: 'resolved', note: cmd.note ?? '办结' }),
        ),
      );
    case 'close': {
      const ref = cmd.ref;
      if (!ref) {
        if (!msg.isAdmin) return reply.text('issues', TEXTS.closeRefused('这个问题'), '不能销号');
        const resolved = await deps.store.listIssues({ teamId: msg.teamId, status: ['resolved'] });
        return reply.text('issues', TEXTS.closeWhich(resolved.map((i) => i.id)), '请写明问题编号');
      }
      return run(svc, ctx, () => planClose(svc, ctx, ref, cmd.note));
    }
    case 'reopen':
      return run(svc, ctx, () =>
        planEach(cmd.refs ?? [cmd.ref], (ref) =>
          planChange(svc, ctx, ref, {
            to: null,
            note: cmd.note ? `重新打开：${cmd.note}` : '重新打开',
            explicit: 'reopen',
          }),
        ),
      );
  }
}

/**
 * One command for each of several ids ("Q-0013 Q-0014 期限改为12月31日"): one commit of every change that can be made,
 * each id that cannot said why (the same reason once); nothing is claimed for an id that was not changed.
 */
async function planEach<R extends string | null>(refs: R[], plan: (ref: R) => Promise<Outcome>): Promise<Outcome> {
  if (refs.length === 1) return plan(refs[0] as R);
  const merged = emptyPlan('issues');
  const why: string[] = [];
  for (const ref of refs) {
    const outcome = await plan(ref);
    if (outcome.type === 'commit') {
      merged.patches.push(...outcome.plan.patches);
      merged.notices.push(...outcome.plan.notices.filter((n) => !merged.notices.includes(n)));
    } else if (outcome.type === 'reply') {
      for (const b of outcome.reply.blocks)
        if ('text' in b && typeof b.text === 'string' && !why.includes(b.text)) why.push(b.text);
    }
  }
  if (!merged.patches.length) return notice(why.join('\n'), '没有修改');
  merged.notices.push(...why);
  return { type: 'commit', plan: merged };
}

/** "Q-0012", "q12。": the id and nothing else (what answers "说的是哪一个？"). */
function isBareRef(text: string): boolean {
  return (
    findRefs(text).length === 1 &&
    normalizeRef(
      normalizeWidth(text)
        .trim()
        .replace(/[。.!！?？]+$/, ''),
    ) !== null
  );
}

/** A reply to something asked meanwhile, ending with a word that the bot's own question still waits. */
export function withWaitingNote(r: Reply, draft: Draft | null | undefined): Reply {
  if (!draft) return r;
  return { ...r, blocks: [...r.blocks, { type: 'note', text: TEXTS.draftKept(waitingSummary(draft)) }] };
}

function run(svc: FlowContext, ctx: MessageContext, build: () => Promise<Outcome>): Promise<Reply> {
  return execute(svc.deps, ctx, build, { gift: async () => [] });
}

const notice = (text: string, title = '没有变化'): Outcome => ({
  type: 'reply',
  reply: reply.text('issues', text, title),
  changing: true,
});

/**
 * 销号 follows 办结: resolved issues are closed at once; any issue not yet 办结 is closed only after the admin confirms
 * (then 办结 + 销号 are recorded). "Q-0003、Q-0004 销号" closes each named issue.
 */
async function planClose(svc: FlowContext, ctx: MessageContext, ref: string, note: string | null): Promise<Outcome> {
  const refs = findRefs(ctx.msg.text);
  const all = refs.includes(ref) ? refs : [ref, ...refs];
  const onlyNote = all.length > 1 && note && findRefs(note).length ? null : note;
  const issues = await Promise.all(all.map((r) => svc.deps.store.getIssue(r)));
  const unresolved = issues.filter((i): i is Issue => Boolean(i && canChange(ctx, i) && ACTIVE.includes(i.status)));
  if (ctx.msg.isAdmin && unresolved.length) {
    return {
      type: 'ask',
      draft: {
        text: ctx.msg.text,
        today: ctx.today,
        extraction: { kind: 'closed', enterprise: null, date: null, issues: [], ref },
        answers: emptyAnswers(),
        pending: { type: 'confirm_close', issueIds: all, note: onlyNote },
        question: unresolved.map((i) => TEXTS.confirmClose(i.id, STATUS_LABELS[i.status])).join('\n'),
      },
    };
  }
  if (all.length > 1 && ctx.msg.isAdmin) return planCloseUnresolved(svc.deps, ctx, all, onlyNote);
  return planChange(svc, ctx, ref, { to: 'closed', note: note ?? '核实销号' });
}

async function planChange(svc: FlowContext, ctx: MessageContext, ref: string, change: Change): Promise<Outcome> {
  const { deps } = svc;
  const issue = await deps.store.getIssue(ref);
  if (!issue || !canChange(ctx, issue)) return notice(changeRefused(deps, ctx, ref, issue), '没有找到');
  const t = transition(issue, change, {
    today: ctx.today,
    dueDays: deps.config.ZCT_DUE_DAYS,
    isAdmin: ctx.msg.isAdmin,
  });
  if (!t.patch) return notice(t.notice);
  const plan = emptyPlan('issues');
  plan.patches.push({ patch: t.patch, issue });
  if (t.notice) plan.notices.push(t.notice);
  return { type: 'commit', plan };
}

async function listFlow(
  svc: FlowContext,
  ctx: MessageContext,
  cmd: Extract<LedgerCommand, { type: 'list' }>,
  adminView: boolean,
): Promise<Reply> {
  const { deps } = svc;
  const team = ctx.team;
  // In a leadership group every team's issues (a team's name narrows them to that team); elsewhere the team's own.
  const teamList = adminView ? await deps.store.listTeams() : [];
  let named = cmd.enterprise;
  // In a team's own group a team's name (城东一组逾期的) is no enterprise: its own name reads as its own list, another
  // team's is not readable here (only the leadership group reads every team's list).
  if (!adminView && named && team && !boundEnterprise(team.enterprises, named)) {
    if (teamNamed([team], named)) named = null;
    else {
      const other = teamNamed(await deps.store.listTeams(), named);
      if (other) return reply.text('issues', TEXTS.otherTeamList(other.name || other.id), '问题清单');
      if (/组$/.test(named)) return reply.text('issues', TEXTS.noSuchTeam(named), '问题清单');
    }
  }
  const ofTeam = adminView && named ? teamNamed(teamList, named) : null;
  let enterprise = ofTeam ? null : named;
  if (enterprise && team && !adminView) enterprise = boundEnterprise(team.enterprises, enterprise) ?? enterprise;
  if (enterprise && adminView)
    enterprise = boundEnterprise([...new Set(teamList.flatMap((t) => t.enterprises))], enterprise) ?? enterprise;
  const allTeams = adminView && !ofTeam;
  const query: IssueQuery = {
    ...(allTeams ? {} : { teamId: ofTeam ? ofTeam.id : ctx.msg.teamId }),
    ...(cmd.statuses === 'all' ? {} : { status: cmd.statuses }),
    ...(enterprise ? { enterprise } : {}),
    ...(cmd.category ? { category: cmd.category } : {}),
    ...(cmd.overdue ? { overdueBefore: ctx.today } : {}),
  };
  const issues = (await deps.store.listIssues(query)).filter((i) => !cmd.department || i.department === cmd.department);
  const teams = allTeams ? new Map(teamList.map((t) => [t.id, t] as [string, Team])) : undefined;
  const scope = ofTeam ? ofTeam.name || ofTeam.id : allTeams ? '全部小组' : (team?.name ?? '本组');
  const what = cmd.overdue
    ? '逾期问题'
    : cmd.statuses === 'all'
      ? '全部问题'
      : cmd.statuses.length === 3
        ? '未办结问题'
        : cmd.statuses.length === 2 && cmd.statuses.includes('resolved') && cmd.statuses.includes('closed')
          ? '已办结问题（含已销号）'
          : `${cmd.statuses.map((st) => STATUS_LABELS[st]).join('、')}问题`;
  // (交办给资规局的, 审批类的: the narrowing said in the title and in the empty answer)
  const narrowed = [
    enterprise,
    cmd.department ? `交办${cmd.department}的` : null,
    cmd.category ? `${cmd.category}类` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return renderIssueList(issues, {
    today: ctx.today,
    timeZone: deps.config.ZCT_TIMEZONE,
    title: `${scope}${narrowed ? ` ${narrowed}` : ''} ${what}`,
    emptyText: `${scope}${narrowed ? ` ${narrowed}` : ''}目前没有${what}。`,
    ...(teams ? { teams } : {}),
  });
}

/** A team's name as compared: letters in one case, no spaces (Alpha Team, alpha team and AlphaTeam are one name). */
const teamKey = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

/**
 * The team a name stands for (its name, id or conversation; else a team whose name begins or contains it), or null.
 * Names in Latin letters are read without case or spaces.
 */
export function teamNamed(teams: readonly Team[], name: string): Team | null {
  const exact = teams.find((t) => t.name === name || t.id === name || t.conversationId === name);
  if (exact) return exact;
  const key = teamKey(name);
  const named = teams.filter((t) => t.name);
  const byName = boundEnterprise(
    named.map((t) => teamKey(t.name)),
    key,
  );
  return byName ? (named.find((t) => teamKey(t.name) === byName) ?? null) : null;
}

async function showFlow(svc: FlowContext, ctx: MessageContext, ref: string, adminView: boolean): Promise<Reply> {
  const { deps } = svc;
  const issue = await deps.store.getIssue(ref);
  if (!issue) {
    // (a duplicate merged into another issue: show that one, saying so)
    const last = (await deps.store.issueHistory(ref)).at(-1);
    if (last?.type === 'issue.withdrawn' && last.mergedInto && last.mergedInto !== ref) {
      const into = await showFlow(svc, ctx, last.mergedInto, adminView);
      if (into.intent !== 'issues' || into.title === '没有找到') return into;
      return { ...into, blocks: [{ type: 'note', text: TEXTS.mergedAway(ref, last.mergedInto) }, ...into.blocks] };
    }
    // (an issue of this team taken back with 撤销: said so, with who and when — not "没有找到")
    if (last?.type === 'issue.withdrawn' && last.teamId === ctx.msg.teamId) {
      const p = zonedParts(last.at, deps.config.ZCT_TIMEZONE);
      const pad = (n: number) => String(n).padStart(2, '0');
      const when = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
      return reply.text('issues', TEXTS.withdrawnIssue(ref, when, last.actorName || last.actor), '已撤销');
    }
  }
  if (!issue || !canRead(deps, ctx, issue)) return reply.text('issues', TEXTS.notFound(ref), '没有找到');
  const history = await deps.store.issueHistory(ref);
  const teamName =
    adminView && issue.teamId !== ctx.msg.teamId ? (await deps.store.getTeam(issue.teamId))?.name : undefined;
  return renderIssue(issue, history, {
    today: ctx.today,
    timeZone: deps.config.ZCT_TIMEZONE,
    ...(teamName ? { teamName } : {}),
  });
}

/**
 * A question about the ledger ("Q-0003 现在到哪一步了", "华康的贷款批了没有？", "能不能结了？"): show the issue
 * it is about (by id, else the team's open issues of the enterprise named, narrowed by topic), record nothing.
 */
export async function questionFlow(svc: FlowContext, msg: IncomingMessage, pre: Preloaded): Promise<Reply> {
  const { deps } = svc;
  const team = pre.team !== undefined ? pre.team : await deps.store.getTeam(msg.teamId);
  const ctx = messageContext(deps, msg, team);
  const adminView = readsAllTeams(deps, ctx);
  if (!msg.isGroup && !adminView) return reply.text('issues', COMMANDS_IN_GROUP, '请在小组群里操作');
  if (!team && !adminView) return reply.text('issues', TEXTS.unregistered(msg.conversationTitle), '本群还未登记');
  const draft = pre.draft !== undefined ? pre.draft : await readDraft(deps, msg);
  return withWaitingNote(await answerQuestion(svc, ctx, msg, pre, team, adminView), draft);
}

async function answerQuestion(
  svc: FlowContext,
  ctx: MessageContext,
  msg: IncomingMessage,
  pre: Preloaded,
  team: Team | null,
  adminView: boolean,
): Promise<Reply> {
  const { deps } = svc;
  const ref = findRefs(msg.text)[0];
  if (ref) return showFlow(svc, ctx, ref, adminView);
  // A leadership group owns no enterprise: it asks about any team's (the enterprise named, every team's issues).
  const scope = adminView && !team?.enterprises.length ? {} : { teamId: msg.teamId };
  const enterprise =
    (pre.enterprises ?? []).find((e) => ('teamId' in scope ? team?.enterprises.includes(e) : true)) ?? null;
  const open = await deps.store.listIssues({
    ...scope,
    status: OPEN_STATUSES,
    ...(enterprise ? { enterprise } : {}),
  });
  const { category, score } = categorize(msg.text);
  const topical = score > 0 && category !== '其他';
  const onTopic = topical ? open.filter((i) => i.category === category) : open;
  if (topical && !onTopic.length && enterprise) {
    // "锦纶的贷款批了没有" after that loan was 办结 / 销号: the enterprise's issue on that topic, however it ended.
    const ended = (await deps.store.listIssues({ ...scope, enterprise }))
      .filter((i) => i.category === category)
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (ended) return showFlow(svc, ctx, ended.id, adminView);
  }
  // (华康的研究院申报到哪了: of the enterprise's issues, the one whose words the question repeats)
  const pool = mostNamed(msg.text, onTopic.length ? onTopic : open, (i) => i.summary);
  if (pool.length === 1) return showFlow(svc, ctx, (pool[0] as Issue).id, adminView);
  const owner = 'teamId' in scope ? (team?.name ?? '本组') : '全部小组';
  const teams = 'teamId' in scope ? undefined : new Map((await deps.store.listTeams()).map((t) => [t.id, t] as const));
  return renderIssueList(pool, {
    today: ctx.today,
    timeZone: deps.config.ZCT_TIMEZONE,
    ...(teams ? { teams } : {}),
    title: `${owner}${enterprise ? ` ${enterprise}` : ''} 未办结问题`,
    emptyText: `${enterprise ?? ('teamId' in scope ? '本组' : '全部小组')}目前没有未办结的问题。`,
  });
}
