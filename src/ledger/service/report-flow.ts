/**
 * A free-text status update → the ledger. Parse (rules, or the LLM with rules as fallback), work out
 * what is new (visit, issues) and what updates an existing issue, ask ONE question when something
 * required is missing or ambiguous (the draft waits in the session), then commit once.
 */
import type { IncomingMessage } from '../../messaging/incoming.js';
import { reply, type Reply } from '../../messaging/reply.js';
import type { NewIssue, NewVisit } from '../../store/types.js';
import { addDays } from '../../time/index.js';
import { findRefs, isLedgerCommand, normalizeWidth, parseLedgerCommand } from '../commands.js';
import { findDeadline } from '../deadlines.js';
import { extractUpdate } from '../extract/index.js';
import type { ExtractedIssue, Extraction, Issue, IssueStatus, Team } from '../model.js';
import { STATUS_LABELS } from '../model.js';
import { canChange, messageContext, type MessageContext } from './context.js';
import { emptyPlan, execute, askReply, type Outcome } from './execute.js';
import type { LedgerService } from './ledger-service.js';
import { deleteDraft, emptyAnswers, readDraft, saveDraft, type Draft, type DraftAnswers } from './sessions.js';
import { findTarget } from './targets.js';
import { TEXTS } from './texts.js';
import { transition } from './transitions.js';

/** A visit alongside other kinds in a "mixed" message (今天到七一电器：…). */
const VISIT_CUE = /走访|拜访|回访|到访|调研|上门|实地|去了|去到|跑了|(?:今天|今早|上午|下午|昨天|前天|周[一二三四五六日])(?:又)?(?:到|去)/;

const notRecognized = (): Reply => ({ intent: 'report', title: '没有记录', blocks: [{ type: 'paragraph', text: TEXTS.notRecognized }] });

/** Entry point for a report message (free text or 报：…). */
export async function reportFlow(svc: LedgerService, msg: IncomingMessage, text: string): Promise<Reply> {
  const { deps } = svc;
  if (!msg.isGroup) return reply.text('report', TEXTS.notInGroup, '请在小组群里报送');
  // Both reads go out together (one network round trip on a pipelining client).
  const [team, draft] = await Promise.all([deps.store.getTeam(msg.teamId), readDraft(deps, msg)]);
  if (!team) return reply.text('report', TEXTS.unregistered(msg.conversationTitle), '本群还未登记');
  const ctx = messageContext(deps, msg, team);

  let dropped = false;
  if (draft) {
    // The message that asked the question, delivered again: ask again, it is not its own answer.
    if (draft.sourceMessageId === msg.dedupKey) return askReply(draft.question, deps.config.ZCT_DRAFT_TTL_MIN);
    if (parseLedgerCommand(text)?.type === 'cancel') {
      await deleteDraft(deps, msg);
      return reply.text('report', TEXTS.cancelled, '已取消');
    }
    const answer = await classifyDraftReply(svc, draft, text, team);
    if (answer.type === 'answer') {
      return execute(deps, ctx, () => planReport(svc, ctx, { extraction: draft.extraction, text: draft.text, today: draft.today, answers: answer.answers }), {
        gift: (issues) => svc.gift(issues),
        clearsDraft: true,
      });
    }
    if (answer.type === 'reask') {
      const question = `${answer.hint}\n${draft.question}`;
      await saveDraft(deps, msg, { ...draft, sourceMessageId: msg.dedupKey });
      return askReply(question, deps.config.ZCT_DRAFT_TTL_MIN);
    }
    // Not an answer: a new report. The half-finished one is dropped.
    dropped = true;
    await deleteDraft(deps, msg);
  }

  const extraction = await svc.extract(text, team, ctx.today);
  return execute(
    deps,
    ctx,
    async () => {
      const outcome = await planReport(svc, ctx, { extraction, text, today: ctx.today, answers: emptyAnswers() });
      if (dropped && outcome.type === 'commit') outcome.plan.notices.push(TEXTS.draftDropped);
      return outcome;
    },
    { gift: (issues) => svc.gift(issues) },
  );
}

interface PlanInput {
  extraction: Extraction;
  /** The report's text (the original message, when completing a draft). */
  text: string;
  /** The report's message date. */
  today: string;
  answers: DraftAnswers;
}

interface Item {
  item: ExtractedIssue;
  index: number;
}

function isNewItem(kind: Extraction['kind'], item: ExtractedIssue): boolean {
  if (kind === 'visit' || kind === 'issue') return true;
  if (kind === 'mixed') return item.status === 'open' || item.status === 'assigned';
  return false;
}

function targetStatus(kind: Extraction['kind'], item: ExtractedIssue): IssueStatus {
  if (kind === 'resolved' || kind === 'closed') return kind;
  return item.status;
}

/** The update's own words, without the leading issue id: "Q-0012 金融办已对接" → "金融办已对接". */
function noteText(text: string): string {
  const t = normalizeWidth(text)
    .replace(/^\s*[Qq]\s*-?\s*\d{1,6}\s*[,，:：。]?\s*/, '')
    .trim();
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}

function enterpriseQuestion(team: Team): string {
  if (!team.enterprises.length) return '这条记录是哪家企业的？请回复企业名称。';
  return `这条记录是哪家企业的？请回复序号或企业名称：\n${team.enterprises.map((e, i) => `${i + 1}. ${e}`).join('\n')}`;
}

function candidateLabel(i: Issue): string {
  return `${i.id} ${i.enterprise} ${i.category}｜${i.summary}（${STATUS_LABELS[i.status]}）`;
}

export async function planReport(svc: LedgerService, ctx: MessageContext, input: PlanInput): Promise<Outcome> {
  const { deps } = svc;
  const team = ctx.team as Team;
  const { extraction, text, today, answers } = input;
  if (extraction.kind === 'not_update') return { type: 'reply', reply: notRecognized(), changing: true };

  const draftBase = (pending: Draft['pending'], question: string): Outcome => ({
    type: 'ask',
    draft: { text, today, extraction, answers, pending, question },
  });

  let issues = extraction.issues;
  if (!issues.length && extraction.ref && (extraction.kind === 'progress' || extraction.kind === 'resolved' || extraction.kind === 'closed')) {
    // "Q-0012 还在等": an update of an issue by id with nothing else to say about it.
    const status: IssueStatus = extraction.kind === 'progress' ? 'in_progress' : extraction.kind;
    issues = [{ category: '其他', summary: noteText(text), department: null, status }];
  }
  const items: Item[] = issues.map((item, index) => ({ item, index }));
  const newItems: Item[] = [];
  const updates: Item[] = [];
  for (const it of items) {
    const decided = answers.asNew[String(it.index)];
    if (decided === false) continue;
    if (decided === true || isNewItem(extraction.kind, it.item)) newItems.push(it);
    else updates.push(it);
  }
  const hasVisit = extraction.kind === 'visit' || (extraction.kind === 'mixed' && VISIT_CUE.test(text));
  const stated = answers.enterprise ?? extraction.enterprise;
  const enterprise = stated ?? (team.enterprises.length === 1 ? (team.enterprises[0] as string) : null);

  if ((hasVisit || newItems.length > 0) && !enterprise) {
    return draftBase({ type: 'enterprise', options: team.enterprises }, enterpriseQuestion(team));
  }

  const plan = emptyPlan('report');
  const deadline = findDeadline(text, today);
  const tctx = { today, dueDays: deps.config.ZCT_DUE_DAYS, isAdmin: ctx.msg.isAdmin };

  // Updates of existing issues: by id, by the user's earlier choice, or by team + enterprise + category.
  const refs = findRefs(text);
  if (extraction.ref && !refs.includes(extraction.ref)) refs.unshift(extraction.ref);
  let nextRef = 0;
  const used: string[] = [];
  for (const { item, index } of updates) {
    const to = targetStatus(extraction.kind, item);
    let issue: Issue | null = null;
    const chosen = answers.targets[String(index)];
    const ref = chosen ?? (nextRef < refs.length ? refs[nextRef++] : undefined);
    if (ref) {
      issue = await deps.store.getIssue(ref);
      if (!issue || !canChange(ctx, issue)) {
        plan.notices.push(TEXTS.notFound(ref));
        continue;
      }
    } else {
      const found = await findTarget(deps.store, {
        teamId: team.id,
        enterprise,
        category: item.category,
        to,
        description: updates.length === 1 && newItems.length === 0 ? `${item.summary} ${text}` : item.summary,
        exclude: used,
      });
      if (found.type === 'ambiguous') {
        const where = stated ?? enterprise ?? '本组';
        const question =
          `${where}有 ${found.candidates.length} 个在办的${item.category === '其他' ? '' : item.category}问题，“${item.summary}”说的是哪一个？请回复序号或编号：\n` +
          found.candidates.map((c, i) => `${i + 1}. ${candidateLabel(c)}`).join('\n');
        return draftBase({ type: 'target', index, candidates: found.candidates.map((c) => ({ id: c.id, label: candidateLabel(c) })) }, question);
      }
      if (found.type === 'none') {
        const where = stated ?? enterprise ?? '本组';
        const question = `没有找到${where}在办的${item.category === '其他' ? '' : item.category}问题。要把“${item.summary}”登记为新问题吗？请回复“是”或“否”。`;
        return draftBase({ type: 'confirm_new', index }, question);
      }
      issue = found.issue;
    }
    if (used.includes(issue.id)) continue;
    used.push(issue.id);
    const t = transition(
      issue,
      { to, department: item.department, deadline, note: updates.length === 1 && newItems.length === 0 ? noteText(text) : item.summary },
      tctx,
    );
    if (t.patch) plan.patches.push({ patch: t.patch, issue });
    if (t.notice) plan.notices.push(t.notice);
  }

  const date = extraction.date ?? today;
  if (hasVisit && enterprise) {
    const visit: NewVisit = {
      teamId: team.id,
      enterprise,
      date,
      participants: [ctx.msg.userName || ctx.msg.userId],
      note: text.length > 500 ? `${text.slice(0, 500)}…` : text,
      reporter: ctx.msg.userId,
      reporterName: ctx.msg.userName,
    };
    plan.visits.push(visit);
  }
  for (const { item } of newItems) {
    let status = item.status;
    if (status === 'closed' && !ctx.msg.isAdmin) status = 'resolved';
    const handled = status === 'assigned' || status === 'in_progress';
    const issue: NewIssue = {
      teamId: team.id,
      enterprise: enterprise as string,
      category: item.category,
      summary: item.summary,
      department: item.department,
      status,
      dueDate: handled ? (deadline ?? addDays(today, deps.config.ZCT_DUE_DAYS)) : null,
      reporter: ctx.msg.userId,
      reporterName: ctx.msg.userName,
      raisedOn: date,
    };
    plan.issues.push(issue);
  }

  if (!plan.visits.length && !plan.issues.length && !plan.patches.length) {
    if (!plan.notices.length) {
      const declined = Object.values(answers.asNew).includes(false);
      return { type: 'reply', reply: declined ? reply.text('report', TEXTS.skippedAll, '没有记录') : notRecognized(), changing: true };
    }
    return { type: 'reply', reply: { intent: 'report', title: '没有记录', blocks: plan.notices.map((n) => ({ type: 'paragraph' as const, text: n })) }, changing: true };
  }
  return { type: 'commit', plan };
}

export type DraftReply =
  | { type: 'answer'; answers: DraftAnswers }
  | { type: 'reask'; hint: string }
  /** A full report of its own: the half-finished one is dropped. */
  | { type: 'new_report' }
  /** Something else (a policy question, chit-chat): not for the ledger. */
  | { type: 'unrelated' };

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2", "第二个", "二" → 2 (1-based), within 1..n; else null. */
export function parseChoice(text: string, n: number): number | null {
  const m = /^(?:第|选|选择)?\s*([1-9]|[一二两三四五六七八九])\s*(?:个|家|条|项|号)?$/.exec(text);
  if (!m) return null;
  const k = CN_NUM[m[1] as string] ?? Number(m[1]);
  return k >= 1 && k <= n ? k : null;
}

const YES = /^(是|是的|对|对的|好|好的|嗯|行|可以|要|需要|登记|记录|记上|确认|新问题|登记为新问题|yes|y|ok)$/i;
const NO = /^(否|不|不是|不用|不要|不需要|不记|算了|no|n)$/i;
/** A bare name: what people answer to "哪家企业？" */
const NAME_LIKE = /^[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,20}$/;
const NOT_A_NAME = /问题|走访|反映|收到|好的|谢谢|知道|明白|不是|什么|怎么|可以|没有|不用|取消|不清楚|稍等|等等|回头|哈哈|辛苦/;

function cleanName(text: string): string {
  return text
    .replace(/^(是|就是|企业是|企业[:：]|哦|嗯|噢|那个|应该是)\s*/, '')
    .replace(/(的|吧|啊|呀|这家|企业|那家)$/, '')
    .trim();
}

/** How a message relates to the user's pending draft. Pure apart from reading the known enterprises. */
export async function classifyDraftReply(svc: LedgerService, draft: Draft, raw: string, team: Team): Promise<DraftReply> {
  const text = normalizeWidth(raw).trim().replace(/[。.!！~]+$/, '');
  const answers: DraftAnswers = { enterprise: draft.answers.enterprise, targets: { ...draft.answers.targets }, asNew: { ...draft.answers.asNew } };
  const pending = draft.pending;
  const known = await svc.knownEnterprises();
  const parsed = extractUpdate(text, { today: draft.today, teamEnterprises: team.enterprises, knownEnterprises: known });
  const isReport = text.length > 12 && parsed.kind !== 'not_update' && (parsed.issues.length > 0 || parsed.ref !== null);
  const otherwise = (hint: string): DraftReply => (isReport ? { type: 'new_report' } : text.length <= 12 && !/[?？]/.test(text) ? { type: 'reask', hint } : { type: 'unrelated' });

  if (pending.type === 'enterprise') {
    const k = parseChoice(text, pending.options.length);
    if (k) return { type: 'answer', answers: { ...answers, enterprise: pending.options[k - 1] as string } };
    if (isReport) return { type: 'new_report' };
    if (parsed.enterprise) return { type: 'answer', answers: { ...answers, enterprise: parsed.enterprise } };
    const name = cleanName(text);
    if (NAME_LIKE.test(name) && !NOT_A_NAME.test(name) && !isLedgerCommand(name)) {
      const bound = team.enterprises.find((b) => b.includes(name) || name.includes(b));
      return { type: 'answer', answers: { ...answers, enterprise: bound ?? name } };
    }
    return otherwise('没能识别企业名称。');
  }

  if (pending.type === 'target') {
    const k = parseChoice(text, pending.candidates.length);
    const ref = findRefs(text).find((r) => pending.candidates.some((c) => c.id === r));
    const id = k ? pending.candidates[k - 1]?.id : ref;
    if (id && text.length <= 20) return { type: 'answer', answers: { ...answers, targets: { ...answers.targets, [String(pending.index)]: id } } };
    return otherwise(`请回复序号（1-${pending.candidates.length}）或问题编号。`);
  }

  // confirm_new
  if (YES.test(text)) return { type: 'answer', answers: { ...answers, asNew: { ...answers.asNew, [String(pending.index)]: true } } };
  if (NO.test(text)) return { type: 'answer', answers: { ...answers, asNew: { ...answers.asNew, [String(pending.index)]: false } } };
  return otherwise('请回复“是”或“否”。');
}
