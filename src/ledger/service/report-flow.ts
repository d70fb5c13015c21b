/**
 * A free-text status update → the ledger. Parse (rules, or the LLM with rules as fallback), work out
 * what is new (visit, issues) and what updates an existing issue, ask ONE question when something
 * required is missing or ambiguous (the draft waits in the session), then commit once.
 */
import type { IncomingMessage } from '../../messaging/incoming.js';
import { reply, type Reply, type ReplyBlock } from '../../messaging/reply.js';
import type { NewIssue, NewVisit } from '../../store/types.js';
import { addDays } from '../../time/index.js';
import {
  findRefs,
  isLedgerCommand,
  normalizeWidth,
  OPEN_STATUSES,
  parseLedgerCommand,
  stripReportPrefix,
} from '../commands.js';
import { readDeadline, type DeadlineReading } from '../deadlines.js';
import { chineseNumber } from '../extract/normalize.js';
import {
  categorize,
  extractUpdate,
  findDepartments,
  findStatuses,
  handlerDepartment,
  resolveEventDate,
} from '../extract/index.js';
import { findRefs as findRefHits } from '../extract/ref.js';
import { segment } from '../extract/segment.js';
import { asksSomething, bare, CUES, isAcknowledgement } from '../../messaging/intent-cues.js';
import { hasReportPrefix } from '../../messaging/prefixes.js';
import type { Category, ExtractedIssue, Extraction, FieldEdit, Issue, IssueStatus, Team } from '../model.js';
import { boundEnterprise, CONFIDENCE_REASON_LABELS, type ConfidenceReason, STATUS_LABELS } from '../model.js';
import { CONFIDENT, confidenceOf, decidingDoubts } from '../extract/confidence.js';
import { unknownEnterprises, unplacedDepartments } from '../extract/doubts.js';
import { entryDatesInText, visitsInText } from '../extract/visits.js';
import { tradeOwners } from '../extract/enterprise.js';
import { GENERIC_MATTER_NOUNS } from '../lexicon/categories.js';
import { normalizeDepartment } from '../lexicon/departments.js';
import {
  canChange,
  changeRefused,
  messageContext,
  readsAllTeams,
  type MessageContext,
  type Preloaded,
  type FlowContext,
} from './context.js';
import {
  askReply,
  saveAsked,
  confirmActions,
  emptyPlan,
  execute,
  withNextQuestion,
  type CommitPlan,
  type Outcome,
} from './execute.js';
import {
  deleteDraft,
  emptyAnswers,
  finishDraft,
  readDraft,
  saveDraft,
  type Draft,
  type DraftAnswers,
  waitingSummary,
} from './sessions.js';
import { distinctMatters, findTarget, mostNamed, overlap } from './targets.js';
import {
  actedSince,
  correctedEnterprise,
  correctedSummary,
  fallsShort,
  correctionNotAbout,
  correctionPhrase,
  FIELD_LABELS,
  opensWithCorrection,
  planCloseUnresolved,
  planCorrectLast,
} from './lifecycle.js';
import { QUESTIONS, TEXTS } from './texts.js';
import { repeatQuestion } from '../../store/repeat.js';
import {
  ALSO_ANOTHER,
  BULK_MATTERS,
  OWN_PROBLEM_CUES,
  PARTLY_MET,
  POINTS_AT_KNOWN,
  STILL_SAME,
  STILL_UNSETTLED,
} from '../lexicon/signals.js';
import { issueBounds, LIMIT_TEXTS } from '../../config/limits.js';
import { transition } from './transitions.js';

/** A visit alongside other kinds in a "mixed" message (今天到七一电器：…). */
const VISIT_CUE =
  /走访|拜访|回访|到访|调研|上门|实地|去了|去到|跑了|(?:今天|今早|上午|下午|昨天|前天|周[一二三四五六日])(?:又)?(?:到|去)/;

/** A heading that says the message reports visits (本周走访小结, 【走访情况】). */
const VISIT_HEADING_WORD = /走访|拜访|调研/;

const notRecognized = (): Reply => ({
  intent: 'report',
  title: '没有记录',
  blocks: [{ type: 'paragraph', text: TEXTS.notRecognized }],
});

/** Entry point for a report message (free text or 报：…). `pre`: what the router already read and parsed. */
export async function reportFlow(
  svc: FlowContext,
  msg: IncomingMessage,
  text: string,
  pre: Preloaded = {},
): Promise<Reply> {
  const { deps } = svc;
  if (!msg.isGroup) return reply.text('report', TEXTS.notInGroup, '请在小组群里报送');
  // Whatever the router did not read goes out together (one network round trip on a pipelining client).
  const [team, draft] = await Promise.all([
    pre.team !== undefined ? pre.team : deps.store.getTeam(msg.teamId),
    pre.draft !== undefined ? pre.draft : readDraft(deps, msg),
  ]);
  if (!team) return reply.text('report', TEXTS.unregistered(msg.conversationTitle), '本群还未登记');
  const ctx = messageContext(deps, msg, team);
  // A leadership group owns no enterprise: what a leader reports there belongs in the liaison team's ledger, where
  // the team follows it up — recorded here it would sit outside every team's 问题清单 and count twice in the digest.
  if (readsAllTeams(deps, ctx) && !team.enterprises.length && !draft) {
    const parsed = await svc.extract(text, team, ctx.today, pre.parse);
    const named = parsed.enterprise;
    const owners = named
      ? (await deps.store.listTeams()).filter((t) => !t.isAdminGroup && boundEnterprise(t.enterprises, named) !== null)
      : [];
    return reply.text(
      'report',
      TEXTS.reportInLeadershipGroup(
        named,
        owners.map((t) => t.name || t.id),
      ),
      '请在联企小组群里报送',
    );
  }

  /** A new report arrived while this draft waits: keep it (or, for a card being confirmed, take this as its correction). */
  let waiting: Draft | null = null;
  let corrected = false;
  if (draft) {
    const answer =
      pre.draft !== undefined && pre.draftReply
        ? pre.draftReply
        : await relateToDraft(svc, msg, draft, team, pre.parse);
    // The message that asked the question, delivered again: ask again, it is not its own answer.
    if (answer.type === 'redelivered') return askReply(draft.question, deps.config.ZCT_DRAFT_TTL_MIN);
    if (answer.type === 'cancel') {
      return withNextQuestion(reply.text('report', TEXTS.cancelled, '已取消'), await finishDraft(deps, msg));
    }
    if (answer.type === 'answer' && draft.pending.type === 'confirm_close') {
      const { issueIds, note } = draft.pending;
      return execute(deps, ctx, () => planCloseUnresolved(deps, ctx, issueIds, note), {
        gift: async () => [],
        clearsDraft: true,
      });
    }
    if (answer.type === 'answer') return completeDraft(svc, ctx, draft, answer.answers);
    if (answer.type === 'reask') {
      const question = `${answer.hint}\n${draft.question}`;
      await saveDraft(deps, msg, { ...draft, sourceMessageId: msg.dedupKey });
      return askReply(question, deps.config.ZCT_DRAFT_TTL_MIN);
    }
    // Not an answer: a new report. It keeps the draft waiting, unless the draft is a card awaiting 对 and this
    // corrects it (below).
    waiting = draft;
  }

  const parsed = await svc.extract(text, team, ctx.today, pre.parse);
  // The speaker recorded something after the card was shown: a correction (不对，是绿源的) speaks of that newer record
  // (README: the newest one), and the card keeps waiting, untouched.
  const actedAfterCard = draft !== null && (await actedSince(deps, msg, draft.createdAt));
  const cardCorrectable =
    waiting?.pending.type === 'confirm' &&
    !(actedAfterCard && (CUES.correction.test(text) || opensWithCorrection(text) || correctionPhrase(text) !== null));
  // (a card about 宏达机械, then "不对，是华康的": the card was right but for its enterprise — recorded under that one)
  const cardMovedTo =
    cardCorrectable && !parsed.issues.length ? correctedEnterprise(ctx, text, parsed.enterprise) : null;
  if (waiting && cardMovedTo) {
    const was = waiting.extraction.enterprise;
    const moved: Extraction = {
      ...waiting.extraction,
      enterprise: cardMovedTo,
      issues: waiting.extraction.issues.map((i) =>
        i.enterprise && i.enterprise === was ? { ...i, enterprise: cardMovedTo } : i,
      ),
    };
    return completeDraft(svc, ctx, waiting, { ...waiting.answers, enterprise: cardMovedTo, confirmed: true }, moved);
  }
  // (a card waiting for 对, then "不对，是交办自然资源局" / "不是数控技工，是焊工": the card's own problem set right and
  // shown again for 对 — not a new update looking for its issue among the ledger's)
  // (不对，瑞丰缺的不是挡车工，是机修工: naming the card's own enterprise still sets the card right)
  const revised =
    waiting && cardCorrectable && (!parsed.enterprise || cardEnterprises(waiting.extraction).has(parsed.enterprise))
      ? correctCard(waiting, text)
      : null;
  if (waiting && revised) return reviseCard(svc, ctx, waiting, revised.extraction, TEXTS.cardRevised(revised.what));
  const named = parsed.kind === 'not_update' ? (pre.enterprises ?? (await svc.mentionedEnterprises(text, team))) : [];
  const extraction =
    parsed.kind === 'not_update'
      ? explicitFallback(visitFallback(parsed, text, ctx.today, named), text, named, hasReportPrefix(msg.text))
      : parsed;
  // (a card holding 星海光电 要贷款, then "星海的贷款批下来了": news that moves the card's own problem on — its status set
  // on the card, shown again for 对 — not the card written again, nor a result looked for among the ledger's issues)
  const moved = waiting && cardCorrectable ? cardNews(waiting, text, parsed) : null;
  if (waiting && moved) return reviseCard(svc, ctx, waiting, moved.extraction, TEXTS.cardNews(moved.what));
  if (waiting && cardCorrectable && correctsCard(waiting, text, parsed)) {
    // A correction with nothing to record in its place (不对不对，搞错了) never drops the card: it is shown again.
    if (extraction.kind === 'not_update') {
      await saveDraft(deps, msg, { ...waiting, sourceMessageId: msg.dedupKey });
      const asked = askReply(`${TEXTS.cardCorrectionUnread}\n${waiting.question}`, deps.config.ZCT_DRAFT_TTL_MIN);
      const actions = confirmActions('confirm', msg.userId);
      return actions ? { ...asked, actions } : asked;
    }
    corrected = true;
    waiting = null;
    await deleteDraft(deps, msg);
  }
  // "不对，是交办住建局" right after the speaker's own report sets that record right (no id named, and no question
  // of the bot's waits that is newer than the speaker's last record).
  // (a report sent twice — "要再记一次吗？" — then 不对，是锦程的: the record is set right, and the copy is not recorded)
  const repeatSettled =
    draft?.pending.type === 'confirm_repeat' && (CUES.correction.test(text) || opensWithCorrection(text));
  if (repeatSettled) {
    await deleteDraft(deps, msg);
    waiting = null;
  }
  const correcting = findRefs(text).length === 0 && (!draft || actedAfterCard || repeatSettled);
  return execute(
    deps,
    ctx,
    async () => {
      const fix = correcting ? await planCorrectLast(deps, ctx, text, extraction.enterprise) : null;
      if (fix) {
        // (the card shown before that record still waits for 对)
        if (fix.type === 'commit' && waiting) fix.plan.notices.push(TEXTS.draftKept(waitingSummary(waiting)));
        return fix;
      }
      const outcome = await planReport(svc, ctx, { extraction, text, today: ctx.today, answers: emptyAnswers() });
      if (outcome.type === 'commit') {
        if (waiting) outcome.plan.notices.push(TEXTS.draftKept(waitingSummary(waiting)));
        if (corrected) outcome.plan.notices.push(TEXTS.correctionTaken);
      }
      // (only one question can wait per user: execute says when the older one gives way)
      return outcome;
    },
    {
      gift: (issues) => svc.gift(issues),
      repeat: {
        text,
        onRepeat: async (prior) => {
          const question = repeatQuestion(prior);
          // (a card that waited before this report waits behind the question, and is asked again once it is settled)
          const { shown } = await saveAsked(deps, msg, {
            text,
            today: ctx.today,
            extraction,
            answers: emptyAnswers(),
            pending: { type: 'confirm_repeat' },
            question,
          });
          const asked = askReply(shown, deps.config.ZCT_DRAFT_TTL_MIN);
          const actions = confirmActions('confirm_repeat', msg.userId);
          return actions ? { ...asked, actions } : asked;
        },
      },
    },
  );
}

/** A waiting card set right or moved on (`note` says how): its report planned again and shown for 对, unrecorded. */
function reviseCard(
  svc: FlowContext,
  ctx: MessageContext,
  card: Draft,
  extraction: Extraction,
  note: string,
): Promise<Reply> {
  return execute(
    svc.deps,
    ctx,
    () =>
      planReport(svc, ctx, {
        extraction,
        text: card.text,
        today: card.today,
        answers: { ...card.answers, confirmed: false },
        revised: note,
      }),
    { gift: (issues) => svc.gift(issues), repeat: { text: card.text, allow: true } },
  );
}

/** A waiting draft answered: its report planned again with the answers (and, for a card set right, its new parse). */
function completeDraft(
  svc: FlowContext,
  ctx: MessageContext,
  draft: Draft,
  answers: DraftAnswers,
  extraction: Extraction = draft.extraction,
): Promise<Reply> {
  return execute(
    svc.deps,
    ctx,
    () => planReport(svc, ctx, { extraction, text: draft.text, today: draft.today, answers }),
    { gift: (issues) => svc.gift(issues), clearsDraft: true, repeat: { text: draft.text, allow: true } },
  );
}

/** The names without repeats, those in `order` first as they come there, then the rest as given. */
function inOrder(names: string[], order: string[]): string[] {
  const all = new Set(names);
  return [...new Set([...order.filter((n) => all.has(n)), ...names])];
}

/** Between the names of a list: spaces, 、, commas, 和/及/与. */
const NAME_LIST_GAP = /^[\s、，,和及与]*$/;

/** The team's enterprises the text names one after another as a list (宏达 瑞丰 绿源, 宏达、瑞丰和绿源), else []. */
async function visitedList(svc: FlowContext, text: string, team: Team): Promise<string[]> {
  const hits = (await svc.enterpriseHits(text, team)).filter((h) => team.enterprises.includes(h.name));
  const runs: string[][] = [];
  hits.forEach((h, i) => {
    const prev = hits[i - 1];
    if (prev && NAME_LIST_GAP.test(text.slice(prev.end, h.start))) runs.at(-1)?.push(h.name);
    else runs.push([h.name]);
  });
  return runs.map((r) => [...new Set(r)]).find((names) => names.length >= 2) ?? [];
}

/**
 * "七一电器昨天去了，一切正常": a visit to a named enterprise with nothing to report is still a visit (it counts
 * for 一月一走访). Used only when the parser found no update at all.
 */
function visitFallback(parsed: Extraction, text: string, today: string, enterprises: string[]): Extraction {
  const enterprise = enterprises[0];
  if (!enterprise || !CUES.visit.test(text) || CUES.plan.test(text)) return parsed;
  return { ...parsed, kind: 'visit', enterprise, date: resolveEventDate(text, today), issues: [], ref: null };
}

/**
 * "记录：恒达想申请技改补贴 有啥政策没" (or 记录 to "记录还是提问？"): the user says it is for the ledger, yet the parser
 * read no update — the enterprise's question or wish. What the enterprise wants is then its open problem: the text
 * without the trailing question, in the category its words tell. Only when an enterprise is named and the words
 * tell a category; else nothing is recorded and the reply says so.
 */
function explicitFallback(parsed: Extraction, text: string, enterprises: string[], explicit: boolean): Extraction {
  const enterprise = enterprises[0];
  if (!explicit || parsed.kind !== 'not_update' || !enterprise) return parsed;
  const clauses = text.split(/(?<=[，,。；;！!？?])|\s+/).filter((c) => c.trim());
  while (clauses.length > 1 && asksSomething(clauses.at(-1) as string)) clauses.pop();
  let summary = clauses.join('').replace(enterprise, '');
  // (its short name too: 恒达 for 恒达机械)
  for (let k = enterprise.length - 1; k >= 2; k--)
    if (summary.startsWith(enterprise.slice(0, k))) {
      summary = summary.slice(k);
      break;
    }
  summary = summary.replace(/^[\s，,。:：的]+|[\s，,。；;？?！!]+$/g, '');
  const judged = categorize(summary);
  if (judged.score <= 0 || summary.length < 2) return parsed;
  return {
    ...parsed,
    kind: 'issue',
    enterprise,
    issues: [{ category: judged.category, summary, department: null, status: 'open' }],
    ref: null,
  };
}

/**
 * Which enterprise each problem of a message belongs to, when they differ: the parser's per-issue enterprise when it
 * gives one, else (a roll-up naming several enterprises) the enterprise mentioned last before the problem's words.
 * Empty when every problem belongs to the message's enterprise.
 */
async function itemEnterprises(
  svc: FlowContext,
  e: Extraction,
  text: string,
  team: Team,
  fallback: string,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const given = e.issues.map((i) => (i as ExtractedIssue & { enterprise?: unknown }).enterprise);
  if (given.some((g) => typeof g === 'string' && g)) {
    given.forEach((g, index) => {
      if (typeof g === 'string' && g && g !== fallback) out.set(index, boundEnterprise(team.enterprises, g) ?? g);
    });
    return out;
  }
  const hits = await svc.enterpriseHits(text, team);
  if (new Set(hits.map((h) => h.name)).size < 2) return out;
  e.issues.forEach((issue, index) => {
    const at = text.indexOf(issue.summary.slice(0, Math.min(4, issue.summary.length)));
    if (at < 0) return;
    const before = hits.filter((h) => h.start < at).at(-1);
    if (before && before.name !== fallback) out.set(index, before.name);
  });
  return out;
}

/** "…不是工程师，是封装线操作工3名": what the correction says the issue is. */
const CORRECTED_TO = /不是[^，,。；;]{1,12}[，,]?\s*(?:而)?是([^，,。；;]{2,40})/;

/**
 * A correction of an issue named by id ("更正：Q-0010 …不是工程师，是操作工") re-judges its category from the
 * corrected words; the history keeps the edit.
 */
function correctedCategory(text: string, issue: Issue): Category | null {
  if (!CUES.correction.test(text)) return null;
  const to = CORRECTED_TO.exec(text)?.[1] ?? null;
  if (!to) return null;
  const { category, score } = categorize(to);
  return score > 0 && category !== '其他' && category !== issue.category ? category : null;
}

/** Both texts state quantities and none is shared: two different matters ("缺2名操作工" / "缺14名操作工"). */
function differentQuantities(a: string, b: string): boolean {
  const qa: string[] = a.match(/\d+(?:\.\d+)?/g) ?? [];
  const qb: string[] = b.match(/\d+(?:\.\d+)?/g) ?? [];
  return qa.length > 0 && qb.length > 0 && !qa.some((q) => qb.includes(q));
}

/**
 * Open issues that are the same matter as a newly reported problem: same category (not 其他) and either a shared
 * description or a report that moves it on (交办, 办结 …); for 其他, a clearly shared description.
 */
function sameMatter(open: Issue[], item: ExtractedIssue, correcting: boolean, text: string): Issue[] {
  const scored = open
    .map((issue) => ({ issue, score: overlap(item.summary, issue.summary) }))
    .filter(({ issue, score }) => {
      if (issue.category !== item.category) return score >= 4;
      if (correcting) return score >= 1 || item.category !== '其他';
      // (企业说环评审批也慢: one more matter besides the open one; 贷款还是没下来: the open one, still unmet)
      if (ALSO_ANOTHER.test(item.summary)) return false;
      if (STILL_SAME.test(item.summary) && score >= 1) return true;
      // (永盛的招工还没解决, 贷款还没批下来: the matter raised before, still unsettled — unless it names another)
      if (
        STILL_UNSETTLED.test(item.summary) &&
        item.category !== '其他' &&
        !distinctMatters(item.summary.replace(STILL_UNSETTLED, ''), issue.summary)
      )
        return true;
      if (distinctMatters(item.summary, issue.summary)) return false;
      // (东方轴承那个缺电的 交办给发改局了: the matter pointed at)
      if (POINTS_AT_KNOWN.test(text) && score >= 1 && !differentQuantities(item.summary, issue.summary)) return true;
      if (item.category === '其他') return score >= 3 && !differentQuantities(item.summary, issue.summary);
      // Same topic: a report that moves it on (交办, 办结 …) and shares a word with it, a correction of it, or the
      // same description again. Different quantities (缺2名 vs 缺14名) and a need sharing no word (缺5个焊工 handed
      // off on the spot, against 想招两个数控技工) are different matters.
      if (differentQuantities(item.summary, issue.summary)) return false;
      // (挡车工招到十几个了，还差一半: the need part-way met is that need's progress)
      return (item.status !== 'open' && score >= 1) || score >= 3 || (score >= 2 && PARTLY_MET.test(item.summary));
    });
  if (scored.length <= 1) return scored.map((s) => s.issue);
  // Several: one clearly closer by description wins, else the user picks.
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored as [{ issue: Issue; score: number }, { issue: Issue; score: number }];
  return best.score >= 3 && best.score > second.score ? [best.issue] : scored.map((s) => s.issue);
}

/**
 * All the open issues of an enterprise that one step names together (两个问题都交给经信局, 这几件事一并转发改): the message's
 * one item, with nothing of a matter of its own, applied to each — when the count it says (if any) is theirs.
 */
async function bulkTargets(
  svc: FlowContext,
  team: Team,
  enterprise: string,
  text: string,
  items: Item[],
): Promise<{ items: Item[]; targets: Record<string, string> } | null> {
  const said = BULK_MATTERS.exec(text);
  const only = items.length === 1 ? items[0]!.item : null;
  if (!said || !only || only.ref || categorize(only.summary).score > 0) return null;
  const open = await svc.deps.store.listIssues({ teamId: team.id, enterprise, status: OPEN_STATUSES });
  const count = said[1] ? chineseNumber(said[1]) : null;
  if (open.length < 2 || (count !== null && count !== open.length)) return null;
  return {
    items: open.map((issue, index) => ({ item: { ...only, category: issue.category }, index })),
    targets: Object.fromEntries(open.map((issue, index) => [String(index), issue.id])),
  };
}

/**
 * Open issues a new problem of the same category may restate in other words: both name the category's matter by the
 * same noun (资金, 招工 …: lexicon GENERIC_MATTER_NOUNS), no different quantity is stated, and it does not say it is
 * another one (也, 另外).
 */
function maybeSameMatter(open: Issue[], item: ExtractedIssue): Issue[] {
  if (item.category === '其他' || item.status !== 'open' || ALSO_ANOTHER.test(item.summary)) return [];
  return open.filter(
    (issue) =>
      issue.category === item.category &&
      GENERIC_MATTER_NOUNS.some((w) => item.summary.includes(w) && issue.summary.includes(w)) &&
      !differentQuantities(item.summary, issue.summary),
  );
}

/**
 * The team's issues of an enterprise already 办结 (not 销号) that a matter said to be stuck again may be: the same
 * category.
 */
async function recentlyResolved(
  svc: FlowContext,
  team: Team,
  enterprise: string,
  item: ExtractedIssue,
  claimed: string[],
): Promise<Issue[]> {
  const done = await svc.deps.store.listIssues({ teamId: team.id, enterprise, status: ['resolved'] });
  // (the obstacle now met — 银行说要补材料 — need share no word with the matter first raised: it is asked, not assumed;
  // a matter of no named kind — 又缺电了 — is that matter only when it shares a word with it)
  return done
    .filter(
      (i) =>
        i.category === item.category &&
        !claimed.includes(i.id) &&
        (item.category !== '其他' || overlap(item.summary, i.summary) >= 1),
    )
    .slice(0, 9);
}

interface PlanInput {
  extraction: Extraction;
  /** The report's text (the original message, when completing a draft). */
  text: string;
  /** The report's message date. */
  today: string;
  answers: DraftAnswers;
  /** The card was set right by a correction or moved on by news of its own matter (the note saying what changed):
   * shown again for 对, whatever the doubts. */
  revised?: string;
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

/**
 * The status an update moves its issue to: the item's own, which the parser reads clause by clause ("华康普工招到了；
 * 七一补助已交办经信局" resolves one and hands off the other); the message's kind only fills in an item that says
 * nothing of its own (open) or, for a sign-off, one read as solved.
 */
function targetStatus(kind: Extraction['kind'], item: ExtractedIssue): IssueStatus {
  if (kind === 'closed' && (item.status === 'open' || item.status === 'resolved')) return 'closed';
  if (kind === 'resolved' && item.status === 'open') return 'resolved';
  return item.status;
}

/** The update's own words, without the leading issue id: "Q-0012 金融办已对接" → "金融办已对接". */
function noteText(text: string): string {
  const w = normalizeWidth(text);
  // (the one id grammar, extract/ref.ts: Q-0012, Q－0012, q12, Q杠零零一二 …)
  const lead = findRefHits(w).find((r) => /^\s*$/.test(w.slice(0, r.start)));
  const t = (lead ? w.slice(lead.end).replace(/^\s*[,，:：。]?\s*/, '') : w).trim();
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}

/** "说的是哪一个？" over these issues, for the update item at `index`. */
function targetQuestion(index: number, candidates: Issue[]): Draft['pending'] {
  return { type: 'target', index, candidates: candidates.map((c) => ({ id: c.id, label: candidateLabel(c) })) };
}

function candidateLabel(i: Issue): string {
  return `${i.id} ${i.enterprise} ${i.category}｜${i.summary}（${STATUS_LABELS[i.status]}）`;
}

export async function planReport(svc: FlowContext, ctx: MessageContext, input: PlanInput): Promise<Outcome> {
  const { deps } = svc;
  const team = ctx.team as Team;
  const { extraction, text, today, answers } = input;
  if (extraction.kind === 'not_update') return { type: 'reply', reply: notRecognized(), changing: true };
  if (answers.repeat === false || answers.many === false)
    return { type: 'reply', reply: reply.text('report', TEXTS.skippedAll, '没有记录'), changing: true };
  const bounds = issueBounds(deps.config);
  if (extraction.issues.length > bounds.hardMax) {
    return {
      type: 'reply',
      reply: reply.text('report', LIMIT_TEXTS.tooManyIssues(extraction.issues.length, bounds.hardMax), '没有记录'),
      changing: true,
    };
  }
  if (extraction.issues.length > bounds.max && answers.many !== true) {
    return {
      type: 'ask',
      draft: {
        text,
        today,
        extraction,
        answers,
        pending: { type: 'confirm_many', count: extraction.issues.length },
        question: LIMIT_TEXTS.manyIssues(extraction.issues.length, bounds.max),
      },
    };
  }

  const draftBase = (pending: Draft['pending'], question: string): Outcome => ({
    type: 'ask',
    draft: { text, today, extraction, answers, pending, question },
  });

  let issues = extraction.issues;
  if (
    !issues.length &&
    extraction.ref &&
    (extraction.kind === 'progress' || extraction.kind === 'resolved' || extraction.kind === 'closed')
  ) {
    // "Q-0012 还在等": an update of an issue by id with nothing else to say about it; "Q-0010 转人社局": a hand-off.
    const handler = extraction.kind === 'progress' ? handlerDepartment(findDepartments(noteText(text))) : null;
    const status: IssueStatus = handler ? 'assigned' : extraction.kind === 'progress' ? 'in_progress' : extraction.kind;
    issues = [{ category: '其他', summary: noteText(text), department: handler, status }];
  }
  let items: Item[] = issues.map((item, index) => ({ item, index }));
  // (a roll-up under a visit heading — 本周走访小结 恒达机械 用地预审在走流程 星辰电子 … — visited each enterprise it
  // reports on, whatever it says of their issues)
  const heading = text.trim().split(/\n|\s+/)[0] ?? '';
  const rollUpVisit =
    heading.length <= 16 &&
    VISIT_HEADING_WORD.test(heading) &&
    new Set(issues.map((i) => i.enterprise).filter(Boolean)).size >= 2;
  const hasVisit = extraction.kind === 'visit' || (extraction.kind === 'mixed' && VISIT_CUE.test(text)) || rollUpVisit;
  // (药厂那边资金有点紧 with 华康药业 and 维和药业 bound: a bare trade names no enterprise of its own — which one? asked)
  const byTrade =
    !answers.enterprise && extraction.enterprise && !team.enterprises.includes(extraction.enterprise)
      ? tradeOwners(extraction.enterprise, team.enterprises)
      : [];
  if (byTrade.length >= 2)
    return draftBase({ type: 'enterprise', options: byTrade }, QUESTIONS.whichEnterprise(byTrade));
  const stated = answers.enterprise ?? extraction.enterprise;
  const enterprise = stated ?? (team.enterprises.length === 1 ? (team.enterprises[0] as string) : null);
  const wouldCreate = items.some(
    (it) =>
      answers.asNew[String(it.index)] === true ||
      (answers.asNew[String(it.index)] === undefined &&
        !answers.targets[String(it.index)] &&
        !it.item.ref &&
        isNewItem(extraction.kind, it.item)),
  );

  if ((hasVisit || wouldCreate) && !enterprise) {
    return draftBase({ type: 'enterprise', options: team.enterprises }, QUESTIONS.whichEnterprise(team.enterprises));
  }

  // (瑞丰的两个问题都交给经信局吧 月底前: one step for all the enterprise's open issues — as many as the message says —
  // each updated; not a new matter called 月底前)
  const bulk = enterprise ? await bulkTargets(svc, team, enterprise, text, items) : null;
  if (bulk) items = bulk.items;

  // Each problem's enterprise: its own in a roll-up ("华康反映…，七一反映…"), else the message's.
  const ownEnterprise = enterprise
    ? await itemEnterprises(svc, extraction, text, team, enterprise)
    : new Map<number, string>();
  const entOf = (index: number): string => ownEnterprise.get(index) ?? (enterprise as string);

  // A "new" problem the team already has open for this enterprise and topic updates that issue instead of
  // duplicating it; when several match, the user picks one.
  const targets: Record<string, string> = { ...answers.targets, ...bulk?.targets };
  // An item that names its own id (a numbered list of updates) updates that issue, whatever its status says.
  for (const it of items) if (it.item.ref && !targets[String(it.index)]) targets[String(it.index)] = it.item.ref;
  const involved = new Set(items.map((it) => entOf(it.index)));
  const open =
    wouldCreate && enterprise
      ? (await deps.store.listIssues({ teamId: team.id, status: OPEN_STATUSES })).filter((i) =>
          involved.has(i.enterprise),
        )
      : [];
  const newItems: Item[] = [];
  const updates: Item[] = [];
  const claimed: string[] = [];
  for (const it of items) {
    const key = String(it.index);
    const decided = answers.asNew[key];
    if (decided === false) continue;
    if (targets[key]) updates.push(it);
    else if (decided === true || !isNewItem(extraction.kind, it.item)) (decided === true ? newItems : updates).push(it);
    else {
      const match = sameMatter(
        open.filter((i) => !claimed.includes(i.id) && i.enterprise === entOf(it.index)),
        it.item,
        CUES.correction.test(text),
        items.length === 1 ? text : it.item.summary,
      );
      if (match.length === 1) {
        targets[key] = (match[0] as Issue).id;
        claimed.push(targets[key] as string);
        updates.push(it);
      } else if (match.length > 1) {
        const where = enterprise ?? '本组';
        const question = QUESTIONS.whichIssue(where, it.item.category, it.item.summary, match.map(candidateLabel));
        return draftBase(targetQuestion(it.index, match), question);
      } else {
        // (华康贷款又卡住了 after that loan was 办结: the matter done before is back — reopen it, or a new one? asked)
        const again = STILL_UNSETTLED.test(it.item.summary)
          ? await recentlyResolved(svc, team, entOf(it.index), it.item, claimed)
          : [];
        if (again.length) {
          const question = QUESTIONS.reopenOrNew(entOf(it.index), it.item.summary, again.map(candidateLabel));
          return draftBase(targetQuestion(it.index, again), question);
        }
        // (缺流动资金 open, then 资金紧张 想贷500万: the same kind of matter in other words may be the same one — asked,
        // with "新问题" for a second one, rather than a duplicate recorded with confidence)
        const maybe = maybeSameMatter(
          open.filter((i) => !claimed.includes(i.id) && i.enterprise === entOf(it.index)),
          it.item,
        );
        if (maybe.length) {
          const question = QUESTIONS.whichIssue(
            entOf(it.index),
            it.item.category,
            it.item.summary,
            maybe.map(candidateLabel),
          );
          return draftBase(targetQuestion(it.index, maybe), question);
        }
        newItems.push(it);
      }
    }
  }

  const plan = emptyPlan('report');
  const readingOf = deadlinesByItem(text, today, items);
  const deadlineOf = (index: number): string | null => readingOf(index)?.date ?? null;
  const isCorrection = CUES.correction.test(text) || opensWithCorrection(text);
  const tctx = { today, dueDays: deps.config.ZCT_DUE_DAYS, isAdmin: ctx.msg.isAdmin };

  // Updates of existing issues: by id, by the user's earlier choice, or by team + enterprise + category.
  // (ids an item already names are not handed out again by position)
  const own = new Set(items.map((it) => it.item.ref).filter(Boolean));
  const refs = findRefs(text).filter((r) => !own.has(r));
  if (extraction.ref && !refs.includes(extraction.ref) && !own.has(extraction.ref)) refs.unshift(extraction.ref);
  let nextRef = 0;
  const used: string[] = [];
  for (const { item, index } of updates) {
    let to = targetStatus(extraction.kind, item);
    let issue: Issue | null = null;
    const chosen = targets[String(index)];
    const ref = chosen ?? (nextRef < refs.length ? refs[nextRef++] : undefined);
    if (!ref && to === 'closed') {
      // 销号 names its issue: never guessed from a description. A result said with it (退税到账了 销号吧) is still
      // recorded: the matter is 办结, and 销号 waits for its id.
      if (!findStatuses(item.summary).some((h) => h.status === 'resolved')) {
        plan.notices.push(TEXTS.closeNeedsId);
        continue;
      }
      plan.notices.push(TEXTS.resolvedNotClosed);
      to = 'resolved';
    }
    if (ref) {
      issue = await deps.store.getIssue(ref);
      if (!issue || !canChange(ctx, issue)) {
        plan.notices.push(changeRefused(deps, ctx, ref, issue));
        continue;
      }
    } else {
      // A roll-up's item is looked for among the open issues of its own enterprise, not the first one named.
      const itemEnterprise = enterprise ? entOf(index) : null;
      const found = await findTarget(deps.store, {
        teamId: team.id,
        enterprise: itemEnterprise,
        category: item.category,
        to,
        description: updates.length === 1 && newItems.length === 0 ? `${item.summary} ${text}` : item.summary,
        exclude: used,
        topic: item.summary,
        department: item.department,
      });
      if (found.type === 'ambiguous') {
        const where = itemEnterprise ?? stated ?? '本组';
        const question = QUESTIONS.whichIssue(where, item.category, item.summary, found.candidates.map(candidateLabel));
        return draftBase(targetQuestion(index, found.candidates), question);
      }
      if (found.type === 'none' && to === 'resolved' && itemEnterprise) {
        // "越城新材环评批了" once that issue is 办结 already: said so, nothing new registered.
        const done = (
          await deps.store.listIssues({ teamId: team.id, enterprise: itemEnterprise, status: ['resolved', 'closed'] })
        ).filter((i) => i.category === item.category && !used.includes(i.id));
        if (done.length === 1) {
          plan.notices.push(TEXTS.alreadyResolved(done[0] as Issue));
          continue;
        }
        // (海纳的施工许可批下来了 with nothing of that kind in hand: good news is no problem to register — said so)
        if (!done.length && item.category !== '其他') {
          plan.notices.push(TEXTS.nothingToResolve(itemEnterprise, item.category));
          continue;
        }
      }
      if (found.type === 'none') {
        // Nothing open matches, and the update states the problem itself (环评审批卡在生态环境分局, 注册证审批进度慢，
        // 市场监管局在审): it is the problem's first report, with its handler — recorded, not asked about.
        if (itemEnterprise && to !== 'resolved' && to !== 'closed' && OWN_PROBLEM_CUES.test(item.summary)) {
          newItems.push({ item, index });
          continue;
        }
        // A terse hand-off of a matter the ledger has nothing open for (宏达机械 土地证办理 交办资规局 月底前): the
        // matter's first report, handed off as it is recorded — for one of the team's own enterprises and a matter
        // whose words tell its category (其他 too, when words of the lexicon say so: 污水排放要扩容 交给环保).
        if (
          itemEnterprise &&
          team.enterprises.includes(itemEnterprise) &&
          to === 'assigned' &&
          item.department &&
          (item.category !== '其他' || categorize(item.summary).score > 0)
        ) {
          newItems.push({ item, index });
          continue;
        }
        // (a roll-up over several enterprises — 1.宏达 贷款的事金融办在对接 2.绿源 … — whose entry matches nothing on
        // file: the entry is new, shown as such on the roll-up's one card, not asked about on its own first)
        if (itemEnterprise && involved.size >= 2 && item.category !== '其他') {
          newItems.push({ item, index });
          continue;
        }
        const where = itemEnterprise ?? stated ?? '本组';
        const question = QUESTIONS.recordAsNew(where, item.category, item.summary);
        return draftBase({ type: 'confirm_new', index }, question);
      }
      issue = found.issue;
    }
    if (used.includes(issue.id)) continue;
    used.push(issue.id);
    // (机修工招到6个了 for 缺机修工10个: part of the need met is progress, not 办结)
    if (to === 'resolved' && fallsShort(item.summary, issue.summary)) to = 'in_progress';
    // (a done issue picked for a matter stuck again — reopenOrNew: reopened, with the new words as its note)
    const reopening = chosen !== undefined && issue.status === 'resolved' && to !== 'resolved' && to !== 'closed';
    const t = transition(
      issue,
      {
        ...(reopening ? { explicit: 'reopen' as const } : {}),
        to,
        department: item.department,
        deadline: deadlineOf(index),
        note: updates.length === 1 && newItems.length === 0 ? noteText(text) : item.summary,
      },
      tctx,
    );
    // (更正：东方轴承缺的不是数控技工，是焊工 — its issue found by enterprise and topic: the summary is set right, with
    // the category its new words tell, as an edit in its history; not a note)
    const instead = isCorrection ? correctedSummary(text, issue.summary) : null;
    if (instead) {
      const judged = categorize(instead);
      const category =
        judged.score > 0 && judged.category !== '其他' && judged.category !== issue.category ? judged.category : null;
      const edits: FieldEdit[] = [
        ...(category ? [{ field: 'category' as const, from: issue.category, to: category }] : []),
        { field: 'summary', from: issue.summary, to: instead },
      ];
      plan.patches.push({
        issue,
        patch: {
          issueId: issue.id,
          expectStatus: issue.status,
          summary: instead,
          ...(category ? { category } : {}),
          note: edits.map((e) => TEXTS.editNote(FIELD_LABELS[e.field], e.from, e.to as string)).join('；'),
          event: { action: 'edit', edits },
        },
      });
      continue;
    }
    // (更正：Q-0001 缺的不是普工，是电焊工 when Q-0001 says nothing of 普工: a wrong id — asked, nothing changed)
    const notAbout = isCorrection && ref && !chosen ? correctionNotAbout(text, issue.summary) : null;
    if (notAbout) {
      plan.notices.push(TEXTS.correctionNotAbout(issue, notAbout));
      continue;
    }
    const recategorized = ref && !chosen ? correctedCategory(text, issue) : null;
    if (recategorized) {
      // (a category changed is said, and kept as an edit in the history)
      const edits: FieldEdit[] = [{ field: 'category', from: issue.category, to: recategorized }];
      const patch = t.patch ?? { issueId: issue.id, expectStatus: issue.status };
      const note = [TEXTS.editNote(FIELD_LABELS.category, issue.category, recategorized), t.patch?.note]
        .filter(Boolean)
        .join('；');
      plan.patches.push({
        patch: { ...patch, category: recategorized, note, ...(t.patch ? {} : { event: { action: 'edit', edits } }) },
        issue,
      });
      continue;
    }
    if (t.patch) plan.patches.push({ patch: t.patch, issue });
    if (t.notice) plan.notices.push(t.notice);
  }

  const date = extraction.date ?? today;
  // One visit per enterprise a roll-up reports on — its first enterprise included, which the message's kind and
  // enterprise follow even when it raised nothing (第一家是宏达没问题，第二家…), and every enterprise it says was
  // visited though it raised nothing (…；12月4日走访恒通物流，无问题), each on the day of its own entry; a visit naming a
  // list of the team's enterprises with nothing to report (今天跑了三家 宏达 瑞丰 绿源 都挺好的) visited each of them.
  const listed = hasVisit && !items.length && !answers.enterprise ? await visitedList(svc, text, team) : [];
  const inText =
    hasVisit && enterprise && !answers.enterprise
      ? visitsInText(text, today, await svc.enterpriseHits(text, team))
      : [];
  const rollUp = ownEnterprise.size > 0 || inText.length >= 2;
  const visited =
    !hasVisit || !enterprise
      ? []
      : rollUp
        ? inOrder(
            [enterprise, ...items.map((it) => entOf(it.index)), ...inText.map((v) => v.enterprise)],
            inText.map((v) => v.enterprise),
          )
        : listed.length >= 2
          ? listed
          : [enterprise];
  // (each enterprise of a roll-up on the day of its own entry; the message's date where its entry states none)
  // (an enterprise of a roll-up said to have raised a problem but no visit: the day of its own entry)
  const entryDays = rollUp ? entryDatesInText(text, today, await svc.enterpriseHits(text, team)) : new Map();
  const dayOf = (name: string): string =>
    (rollUp ? (inText.find((v) => v.enterprise === name)?.date ?? entryDays.get(name)) : null) ?? date;
  const whole = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  // (a visit of a roll-up is noted with its own entry — its problems, else its line — not the whole roll-up)
  const noteOf = (name: string): string => {
    if (visited.length < 2) return whole;
    const own = items.filter((it) => entOf(it.index) === name).map((it) => it.item.summary);
    if (own.length) return own.join('；');
    const line = text.split(ENTRY_END).find((l) => l.includes(name) || l.includes(name.slice(0, 2)));
    return line && line.trim().length < text.trim().length ? line.trim() : whole;
  };
  for (const visitedEnterprise of visited) {
    const visit: NewVisit = {
      teamId: team.id,
      enterprise: visitedEnterprise,
      date: dayOf(visitedEnterprise),
      participants: [ctx.msg.userName || ctx.msg.userId],
      note: noteOf(visitedEnterprise),
      reporter: ctx.msg.userId,
      reporterName: ctx.msg.userName,
    };
    plan.visits.push(visit);
  }
  let defaultDue = false;
  for (const { item, index } of newItems) {
    let status = item.status;
    if (status === 'closed' && !ctx.msg.isAdmin) status = 'resolved';
    // A problem with a handling department has been handed off: never 待交办 with a 承办部门.
    if (status === 'open' && item.department) status = 'assigned';
    const handled = status === 'assigned' || status === 'in_progress';
    if (handled && !deadlineOf(index)) defaultDue = true;
    const issue: NewIssue = {
      teamId: team.id,
      enterprise: entOf(index),
      category: item.category,
      summary: item.summary,
      department: item.department,
      status,
      dueDate: handled ? (deadlineOf(index) ?? addDays(today, deps.config.ZCT_DUE_DAYS)) : null,
      reporter: ctx.msg.userId,
      reporterName: ctx.msg.userName,
      raisedOn: dayOf(entOf(index)),
    };
    plan.issues.push(issue);
  }

  // (a hand-off with no deadline said gets the default one: the reply says it is the default, and how to change it)
  if (defaultDue) plan.notices.push(TEXTS.defaultDeadline(deps.config.ZCT_DUE_DAYS));
  // (a deadline that has already passed is recorded as said — the issue is overdue — and the reply says so)
  const passed = new Map<string, DeadlineReading>();
  for (const it of items) {
    const r = readingOf(it.index);
    if (r?.passed) passed.set(r.phrase, r);
  }
  for (const reading of passed.values())
    if (
      plan.issues.some((i) => i.dueDate === reading.date) ||
      plan.patches.some((p) => p.patch.dueDate === reading.date)
    )
      plan.notices.push(TEXTS.deadlinePassed(reading.phrase, reading.date));
  if (!plan.visits.length && !plan.issues.length && !plan.patches.length) {
    if (!plan.notices.length) {
      const declined = Object.values(answers.asNew).includes(false);
      return {
        type: 'reply',
        reply: declined ? reply.text('report', TEXTS.skippedAll, '没有记录') : notRecognized(),
        changing: true,
      };
    }
    return {
      type: 'reply',
      reply: {
        intent: 'report',
        title: '没有记录',
        blocks: plan.notices.map((n) => ({ type: 'paragraph' as const, text: n })),
      },
      changing: true,
    };
  }
  if (!answers.confirmed) {
    // (visits to several of the team's own enterprises with nothing to report — 上午去了长风和鑫源 都正常 — are
    // understood: several enterprises named is no doubt when no problem has to be placed among them)
    const listVisit =
      plan.visits.length >= 2 &&
      !plan.issues.length &&
      !plan.patches.length &&
      plan.visits.every((v) => team.enterprises.includes(v.enterprise));
    // ("is it an earlier issue's progress?" has no ground when none of the enterprises has an issue in hand)
    const newOf = [...new Set(plan.issues.filter((i) => i.status !== 'open').map((i) => i.enterprise))];
    const settled = new Set<ConfidenceReason>();
    if (newOf.length && !(await anyOpenIssue(svc, team, newOf))) settled.add('handled_new');
    // (应急管理局又退回了 on the issue handed to 应急管理局: the department read is the issue's own — no hand-off was
    // inferred)
    const sameDepartment = (d: string | null | undefined, was: string | null) =>
      !!d && !!was && normalizeDepartment(d) === normalizeDepartment(was);
    if (
      plan.patches.length &&
      !plan.issues.some((i) => i.status === 'assigned') &&
      plan.patches.every(
        ({ patch, issue }) => patch.department === undefined || sameDepartment(patch.department, issue.department),
      )
    )
      settled.add('inferred_handoff');
    const parserDoubts = await doubtsAbout(svc, extraction, text, team, answers.many === true, listVisit, settled);
    // An enterprise this team is not bound to — another team's, or a name the parser guessed (宏图科技, 屋顶分布式光伏):
    // confirm first. (A team with no bindings yet records what it reports.)
    const bound = new Set(team.enterprises);
    const unbound = bound.size
      ? [...new Set([...plan.visits, ...plan.issues].map((r) => r.enterprise))].filter((n) => !bound.has(n))
      : [];
    const doubts =
      parserDoubts || unbound.length
        ? [...(parserDoubts ?? []), ...(unbound.length ? [TEXTS.doubtUnbound(unbound)] : [])]
        : null;
    if (doubts || input.revised) {
      const card = understoodCard(plan, doubts ?? [], deps.config.ZCT_DUE_DAYS, input.revised);
      return {
        type: 'ask',
        draft: { text, today, extraction, answers, pending: { type: 'confirm' }, question: card.text },
        blocks: card.blocks,
      };
    }
  }
  return { type: 'commit', plan };
}

/** Entries of a roll-up: its lines, and the parts a ；/。 ends. */
const SHARED_DEADLINE = /(?:都|均|统一|一律|全部)(?:是|为|在|要|须|需)?\s*(?:期限|时限)?(?:是|为)?\s*$/;
const ENTRY_END = /[\n；;。]/;

/**
 * The deadline each problem of a message is handed off with. A deadline written inside one entry of a roll-up (a
 * line, or a part ended by ；/。) is that entry's problem's only; one written in an entry of no problem of its own
 * (期限都是12月底) is every problem's; a message whose problems are not in entries of their own has one deadline.
 */
function deadlinesByItem(text: string, today: string, items: Item[]): (index: number) => DeadlineReading | null {
  const whole = readDeadline(text, today);
  const all = () => whole;
  if (items.length < 2 || !whole) return all;
  // (an entry ends at a line end, ；/。, or where the next item of a list begins — 一是…二是… written in one line)
  const cuts = new Set<number>([0, text.length]);
  for (let i = 0; i < text.length; i++) if (ENTRY_END.test(text[i] as string)) cuts.add(i + 1);
  for (const seg of segment(text)) if (seg.enumIndex !== null) cuts.add(seg.start);
  const bounds = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const entries: Array<{ start: number; end: number; reading: DeadlineReading | null }> = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] as number;
    const end = bounds[k + 1] as number;
    const part = text.slice(start, end);
    entries.push({ start, end, reading: part.trim() ? readDeadline(part, today) : null });
  }
  const entryOf = new Map<number, number>();
  for (const { item, index } of items) {
    const at = text.indexOf(item.summary.slice(0, Math.min(4, item.summary.length)));
    const e = at < 0 ? -1 : entries.findIndex((x) => at >= x.start && at < x.end);
    if (e < 0) return all;
    entryOf.set(index, e);
  }
  if (new Set(entryOf.values()).size < 2) return all;
  const used = new Set(entryOf.values());
  // (一律/都 before the phrase — …交生态环境局 都是月底前 — makes it every problem's, wherever it is written)
  const sharedIn = (x: (typeof entries)[number]): boolean => {
    if (!x.reading) return false;
    const before = text.slice(x.start, x.end).split(x.reading.phrase)[0] ?? '';
    return SHARED_DEADLINE.test(before);
  };
  const shared = (entries.find((x, i) => x.reading && !used.has(i)) ?? entries.find(sharedIn))?.reading ?? null;
  return (index) => {
    const e = entryOf.get(index);
    return (e === undefined ? null : entries[e]?.reading) ?? shared;
  };
}

/** Does any of these enterprises have an issue of this team not yet 办结? */
async function anyOpenIssue(svc: FlowContext, team: Team, enterprises: string[]): Promise<boolean> {
  const open = await svc.deps.store.listIssues({ teamId: team.id, status: OPEN_STATUSES });
  return open.some((i) => enterprises.includes(i.enterprise));
}

/** Below this parse confidence (the parser's own threshold) the bot shows what it understood and records only on 对. */
export const CONFIRM_BELOW = CONFIDENT;
/** Doubts the flow settles by itself before a plan exists (which enterprise, which issue). */
const SETTLED_BY_FLOW = new Set<ConfidenceReason>(['no_enterprise', 'no_target']);
/** More issues than this in one message is a roll-up worth confirming. */
const MANY_ISSUES = 3;

/**
 * Why this parse should be confirmed before recording, or null when it is clear enough. The parser's own
 * confidence and reasons decide when it gives them; otherwise the ledger's checks: several enterprises named
 * in one message, many issues.
 */
async function doubtsAbout(
  svc: FlowContext,
  e: Extraction,
  text: string,
  team: Team,
  manyConfirmed: boolean,
  listVisit = false,
  settled: ReadonlySet<ConfidenceReason> = new Set(),
): Promise<string[] | null> {
  if (e.confidence !== undefined) {
    // A missing enterprise or issue was settled before the plan was made (the team's one enterprise, a
    // question answered, a match), and so was the number of problems when the user confirmed it: only the
    // doubts left count.
    const open = (e.reasons ?? []).filter(
      (r) =>
        !SETTLED_BY_FLOW.has(r) &&
        !settled.has(r) &&
        !(manyConfirmed && r === 'many_issues') &&
        !(listVisit && r === 'several_enterprises'),
    );
    if (open.length === (e.reasons ?? []).length ? e.confidence >= CONFIRM_BELOW : confidenceOf(open) >= CONFIRM_BELOW)
      return null;
    // Several enterprises are named in the card; a reason the parser has no label for is shown as it is.
    const named =
      open.includes('several_enterprises') || open.includes('missed_enterprise')
        ? await svc.mentionedEnterprises(text, team)
        : [];
    // Named heaviest first, without the doubts that barely counted; a department or an enterprise the doubt is
    // about is named.
    const reasons = decidingDoubts(open).map((r) => {
      if ((r === 'several_enterprises' || r === 'missed_enterprise') && named.length >= 2)
        return TEXTS.doubtEnterprises(named);
      if (r === 'unplaced_department') {
        const depts = unplacedDepartments(e, text);
        if (depts.length) return TEXTS.doubtUnplacedDepartments(depts);
      }
      if (r === 'unknown_enterprise') {
        const names = unknownEnterprises(e, team.enterprises);
        if (names.length) return TEXTS.doubtUnknownEnterprises(names);
      }
      return CONFIDENCE_REASON_LABELS[r] ?? r;
    });
    // (several_enterprises and missed_enterprise both name the enterprises: said once)
    const once = [...new Set(reasons)];
    return once.length ? once : [TEXTS.doubtUnsure];
  }
  const doubts: string[] = [];
  const named = await svc.mentionedEnterprises(text, team);
  if (named.length >= 2 && !listVisit) doubts.push(TEXTS.doubtEnterprises(named));
  if (e.issues.length > MANY_ISSUES) doubts.push(TEXTS.doubtManyIssues(e.issues.length));
  return doubts.length ? doubts : null;
}

/** What would be recorded, as a compact card (and the same as text, kept with the draft). */
function understoodCard(
  plan: CommitPlan,
  doubts: string[],
  dueDays: number,
  revised?: string,
): { blocks: ReplyBlock[]; text: string } {
  const lines = [
    ...plan.visits.map((v) => `走访：${v.enterprise}（${v.date}）`),
    ...plan.issues.map(
      (i) =>
        `新问题：${i.enterprise} ${i.category}｜${i.summary}｜${i.department ? `${STATUS_LABELS[i.status]} ${i.department}` : STATUS_LABELS[i.status]}`,
    ),
    ...plan.patches.map(({ patch, issue }) => {
      const to = patch.status ? STATUS_LABELS[patch.status] : STATUS_LABELS[issue.status];
      const dept = patch.department ?? issue.department;
      return `更新：${issue.id} ${issue.enterprise} ${issue.category}｜${to}${dept ? ` ${dept}` : ''}${patch.note ? `｜${patch.note}` : ''}`;
    }),
  ];
  const blocks: ReplyBlock[] = [
    ...(revised ? [{ type: 'note' as const, text: revised }] : []),
    { type: 'paragraph', text: TEXTS.cardLead },
    { type: 'list', items: lines },
    // (what the card leaves out is said on it — 融资已解决 with no 融资 issue open — never dropped silently; the
    // default deadline is said once recorded)
    ...plan.notices
      .filter((n) => n !== TEXTS.defaultDeadline(dueDays))
      .map((text) => ({ type: 'note' as const, text })),
    ...(doubts.length ? [{ type: 'note' as const, text: `${TEXTS.cardDoubt}${doubts.join('；')}` }] : []),
    { type: 'paragraph', text: TEXTS.cardHowTo },
  ];
  return { blocks, text: [TEXTS.cardLead, ...lines.map((l) => `· ${l}`), TEXTS.cardHowTo].join('\n') };
}

export { waitingSummary };

/**
 * A short correction of a waiting card (不对，是交办自然资源局 / 不对，不是数控技工，是焊工 / 不是审批，是用地): the card's
 * problem it is about — the card's only one, else the one of the category it names, else (for a department) the one
 * handed off — with the department (handed off), the summary or the category it gives. Null when it says none of
 * these or the problem meant is unclear; `what` says what was changed.
 */
function correctCard(card: Draft, text: string): { extraction: Extraction; what: string } | null {
  const phrase = correctionPhrase(text);
  const issues = card.extraction.issues;
  if (!phrase || !issues.length) return null;
  const department = findDepartments(phrase)[0]?.name ?? null;
  const guess = categorize(phrase);
  const category = guess.score > 0 && guess.category !== '其他' ? guess.category : null;
  const indexed = issues.map((item, index) => ({ item, index }));
  let pool = indexed;
  // (不对，研究院申报是交办科技局: the one problem whose words the correction repeats is the one it sets right)
  pool = mostNamed(phrase, pool, ({ item }) => item.summary);
  if (pool.length > 1 && category) pool = pool.filter(({ item }) => item.category === category);
  if (pool.length > 1 && department) pool = pool.filter(({ item }) => item.department !== null);
  if (pool.length > 1) {
    const named = pool.filter(({ item }) => correctedSummary(text, item.summary) !== null);
    if (named.length) pool = named;
  }
  if (pool.length !== 1) return null;
  const { item, index } = pool[0] as { item: ExtractedIssue; index: number };
  let next: ExtractedIssue | null = null;
  let what = '';
  if (department) {
    if (department === item.department) return null;
    next = {
      ...item,
      department,
      status: item.status === 'open' ? 'assigned' : item.status,
    };
    what = `${FIELD_LABELS.department} ${item.department ?? '无'} → ${department}`;
  } else {
    const instead = correctedSummary(text, item.summary);
    const judged = instead ? categorize(instead) : guess;
    const toCategory =
      judged.score > 0 && judged.category !== '其他' && judged.category !== item.category ? judged.category : null;
    if (!instead && !toCategory) return null;
    next = { ...item, ...(instead ? { summary: instead } : {}), ...(toCategory ? { category: toCategory } : {}) };
    what = [
      instead ? `${FIELD_LABELS.summary} ${item.summary} → ${instead}` : '',
      toCategory ? `${FIELD_LABELS.category} ${item.category} → ${toCategory}` : '',
    ]
      .filter(Boolean)
      .join('；');
  }
  return {
    extraction: { ...card.extraction, issues: issues.map((it, i) => (i === index ? (next as ExtractedIssue) : it)) },
    what,
  };
}

/**
 * News of a waiting card's own problem (the card holds 星海光电 融资 要贷款; then 星海的贷款批下来了 / 贷款交金融办了): an
 * update with no problem of its own whose every item is one of the card's problems — the same enterprise and category
 * — moves that problem on: its status (and the department now handling it) set on the card. Null for a correction
 * (更正, 不对…), an item matching none or several of the card's problems, or news that changes nothing.
 */
function cardNews(card: Draft, text: string, parsed: Extraction): { extraction: Extraction; what: string } | null {
  if (CUES.correction.test(text) || opensWithCorrection(text)) return null;
  if (!['progress', 'resolved', 'closed'].includes(parsed.kind) || !parsed.issues.length || parsed.ref) return null;
  const issues = card.extraction.issues;
  const key = (i: ExtractedIssue, e: Extraction) => `${i.enterprise ?? e.enterprise ?? ''}|${i.category}`;
  const next = [...issues];
  const what: string[] = [];
  for (const news of parsed.issues) {
    const at = issues.flatMap((i, index) => (key(i, card.extraction) === key(news, parsed) ? [index] : []));
    if (at.length !== 1) return null;
    const index = at[0] as number;
    const item = next[index] as ExtractedIssue;
    const department = news.department ?? item.department;
    if (news.status === item.status && department === item.department) continue;
    next[index] = { ...item, status: news.status, department };
    const enterprise = item.enterprise ?? card.extraction.enterprise ?? '';
    what.push(`${enterprise} ${item.category} ${STATUS_LABELS[item.status]} → ${STATUS_LABELS[news.status]}`);
  }
  return what.length ? { extraction: { ...card.extraction, issues: next }, what: what.join('；') } : null;
}

/** The enterprises an extraction speaks of: its own and its issues'. */
function cardEnterprises(e: Extraction): Set<string> {
  return new Set([e.enterprise, ...e.issues.map((i) => i.enterprise ?? null)].filter((x): x is string => !!x));
}

/**
 * Does a report sent while a card waits for 对 correct that card? When it says so (更正, 不对…, 不是…是…) or is
 * about the same enterprise or issue id. A report about something else is its own report: the card keeps waiting.
 */
function correctsCard(card: Draft, text: string, parsed: Extraction): boolean {
  if (CUES.correction.test(text) || opensWithCorrection(text)) return true;
  const before = card.extraction;
  const was = cardEnterprises(before);
  const now = cardEnterprises(parsed);
  // (a card about several enterprises — 今天跑了三家 … — is replaced only by a report that covers them all or restates
  // one of its problems — the same enterprise and category; a report of something else about one of them is its own,
  // and the card keeps waiting)
  const matters = (e: Extraction) =>
    new Set(e.issues.map((i) => `${i.enterprise ?? e.enterprise ?? ''}|${i.category}`));
  const cardMatters = matters(before);
  // (a report of another kind of matter of the same enterprise — the card holds its 用工, the report news of its 融资 —
  // is not the card written again: the card keeps waiting; a card or report of 其他 may be either)
  const kinds = (e: Extraction) => new Set(e.issues.map((i) => i.category));
  const cardKinds = kinds(before);
  const nowKinds = kinds(parsed);
  const otherMatter =
    cardKinds.size > 0 &&
    nowKinds.size > 0 &&
    !cardKinds.has('其他') &&
    !nowKinds.has('其他') &&
    ![...nowKinds].some((k) => cardKinds.has(k));
  if (
    [...now].some((e) => was.has(e)) &&
    (([...was].every((e) => now.has(e)) && !otherMatter) || [...matters(parsed)].some((m) => cardMatters.has(m)))
  )
    return true;
  return parsed.ref !== null && parsed.ref === before.ref;
}

export type DraftReply =
  | { type: 'answer'; answers: DraftAnswers }
  /** The message whose reply asked the question, delivered again. */
  | { type: 'redelivered' }
  /** 取消 / 不用了: drop the draft. */
  | { type: 'cancel' }
  | { type: 'reask'; hint: string }
  /** A full report of its own: recorded on its own while the draft keeps waiting (a card takes it as a correction). */
  | { type: 'new_report' }
  /** 不对… / 更正… while a card waits: the card is set right, replaced by the report it holds, or shown again. */
  | { type: 'correction' }
  /** Something else (a policy question, chit-chat): not for the ledger. */
  | { type: 'unrelated' };

/** "2", "第二个", "二" → 2 (1-based), within 1..n; else null. */
export function parseChoice(text: string, n: number): number | null {
  const m = /^(?:第|选|选择)?\s*([1-9]|[一二两三四五六七八九])\s*(?:个|家|条|项|号)?$/.exec(text);
  if (!m) return null;
  const k = chineseNumber(m[1]!)!;
  return k >= 1 && k <= n ? k : null;
}

/**
 * A short answer without its fillers and particles: 嗯嗯 登记吧 → 登记, 好的呀 → 好的, 是的是的 → 是的 (one yes or no, said
 * once or twice, with 嗯/哦 before it and 吧/啊/呀/哈/哦 after it).
 */
function plainAnswer(text: string): string {
  let t = bare(text).replace(/\s+/g, '');
  t = t.replace(/^(?:嗯|恩|哦|噢|喔)+(?=.)/, '').replace(/(?<=.)(?:吧|啊|呀|哈|哦|嘛|啦|的吧)+$/, '');
  const half = t.length / 2;
  if (t.length % 2 === 0 && t.length >= 2 && t.slice(0, half) === t.slice(half)) t = t.slice(0, half);
  return t;
}

const YES = /^(是|是的|对|对的|好|好的|嗯|行|可以|要|需要|登记|记录|记上|确认|新问题|登记为新问题|yes|y|ok)$/i;
const NO = /^(否|不|不是|不用|不用了|不要|不需要|不记|算了|取消|no|n)$/i;
/** To "已经记录过了，要再记一次吗": record it again … */
const REPEAT_AGAIN =
  /^(?:记录|记|记上|再记|再记一次|再记一遍|再记录|再记录一次|重复记录|要记录|确认记录|还是记录|记录吧)$/;
/** … or skip it. */
const REPEAT_SKIP = /^(?:不用|不用了|跳过|不记|不记了|不要|不需要|不重复|不用记|不用再记|别记了|不用记了)$/;
const REPEAT_HINT = '请回复“记录”再记一次，或回复“不用”跳过。';
/** What may stand around an id that answers "说的是哪一个？" (是Q-0002 / 就Q-0002那个吧): nothing of its own. */
const CHOICE_FRAME =
  /^[\s,，。:：!！~]*(?:(?:应该|就|那)?是)?[\s,，。:：]*(?:(?:那个|这个|这条|那条|的|吧|啊|呀|哈|了)[\s,，。!！~]*)*$/;
/** To "说的是哪一个？": none of those — a matter of its own, to register as new. */
const NONE_OF_THEM =
  /^(?:都不是|都不对|都没有|都不|不是这些|不是这[两几]?个|另外一个|另一个|(?:是)?(?:一个)?新(?:的)?(?:问题)?|新增|登记为新问题)$/;
const CONFIRM_EMOJI = /^(?:👍|👌|✅|✔|☑|🆗|\u{FE0F})+$/u;
/** A bare name: what people answer to "哪家企业？" */
const NAME_LIKE = /^[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,20}$/;
const NOT_A_NAME =
  /问题|走访|反映|收到|好的|谢谢|知道|明白|不是|什么|怎么|可以|没有|不用|取消|不清楚|稍等|等等|回头|哈哈|辛苦/;

function cleanName(text: string): string {
  return text
    .replace(/^(是|就是|企业是|企业[:：]|哦|嗯|噢|那个|应该是)\s*/, '')
    .replace(/(的|吧|啊|呀|这家|企业|那家)$/, '')
    .trim();
}

/**
 * How a message relates to the user's half-finished report: its answer, a re-ask, 取消, a new report, the
 * redelivery of the message that asked — or unrelated (a policy question asked meanwhile goes its own way;
 * the draft keeps waiting).
 */
export async function relateToDraft(
  svc: FlowContext,
  msg: IncomingMessage,
  draft: Draft,
  team: Team | null,
  parse?: Extraction,
): Promise<DraftReply> {
  if (draft.sourceMessageId === msg.dedupKey) return { type: 'redelivered' };
  const text = stripReportPrefix(msg.text);
  if (parseLedgerCommand(text)?.type === 'cancel') return { type: 'cancel' };
  if (!team) return { type: 'unrelated' };
  return classifyDraftReply(svc, draft, text, team, parse);
}

/** How a message relates to the user's pending draft. Pure apart from reading the known enterprises. */
export async function classifyDraftReply(
  svc: FlowContext,
  draft: Draft,
  raw: string,
  team: Team,
  parse?: Extraction,
): Promise<DraftReply> {
  const text = normalizeWidth(raw)
    .trim()
    .replace(/[。.!！~]+$/, '');
  const answers: DraftAnswers = {
    ...draft.answers,
    targets: { ...draft.answers.targets },
    asNew: { ...draft.answers.asNew },
  };
  const pending = draft.pending;
  const parsed =
    parse ??
    extractUpdate(text, {
      today: draft.today,
      teamEnterprises: team.enterprises,
      knownEnterprises: await svc.knownEnterprises(),
    });
  // A question about the ledger (Q-0002 到哪一步了, 长风电机的缺工到哪一步了) answers nothing, whatever id or name it
  // holds: the issue's card answers it, and the question keeps waiting.
  if (parsed.question || (asksSomething(text) && CUES.statusQuestion.test(text))) return { type: 'unrelated' };
  // A report of its own, however short ("鑫达钱到账了"): it names what it is about (an enterprise or an issue id)
  // or is long enough to carry its own context.
  // (贷款的事解决了 while "which 用工 issue?" waits: short, but news of a matter of another kind, its own — not an answer)
  // (while "哪家企业？" waits, a short result naming no enterprise may be meant as the answer: asked again)
  const asked = 'index' in pending ? draft.extraction.issues[pending.index]?.category : undefined;
  const ownMatter =
    'index' in pending &&
    ['progress', 'resolved', 'closed'].includes(parsed.kind) &&
    parsed.issues.length > 0 &&
    parsed.issues.every((i) => i.category !== '其他' && i.category !== asked);
  const isReport =
    parsed.kind !== 'not_update' &&
    (parsed.issues.length > 0 || parsed.ref !== null) &&
    (text.length > 12 || parsed.enterprise !== null || parsed.ref !== null || ownMatter);
  // Only a short reply that is none of these is taken as a failed answer and asked again; an acknowledgement,
  // chit-chat or a question goes its own way while the draft keeps waiting.
  // A message naming what it is about (明天计划去顺达物流走访) is no failed answer either: it goes its own way.
  const namesSomething = parsed.enterprise !== null || parsed.ref !== null;
  // (Nor is laughter, a word to the group — 今天开会 大家辛苦了 — or a correction: 不对，是交办行政审批局.)
  // (Nor is a policy topic looked up meanwhile — 人才政策 — when it names no enterprise or issue: it is answered.)
  const looksUp = !namesSomething && CUES.policyTopic.test(text);
  const speaksOtherwise =
    CUES.laugh.test(bare(text)) ||
    CUES.chat.test(text) ||
    CUES.groupThanks.test(text) ||
    opensWithCorrection(text) ||
    looksUp;
  const otherwise = (hint: string): DraftReply =>
    isReport
      ? { type: 'new_report' }
      : text.length <= 12 && !namesSomething && !asksSomething(text) && !isAcknowledgement(raw) && !speaksOtherwise
        ? { type: 'reask', hint }
        : { type: 'unrelated' };
  // "好的👍", "对的。": the word without its emoji and punctuation answers as the word does.
  const said = plainAnswer(text);
  const yes = YES.test(said) || CONFIRM_EMOJI.test(text);
  const no = NO.test(said);

  if (pending.type === 'enterprise') {
    const k = parseChoice(text, pending.options.length);
    if (k) return { type: 'answer', answers: { ...answers, enterprise: pending.options[k - 1] as string } };
    if (isReport) return { type: 'new_report' };
    // A plan (明天计划去七一电器走访) names an enterprise but answers nothing.
    if (CUES.plan.test(text)) return { type: 'unrelated' };
    if (parsed.enterprise) return { type: 'answer', answers: { ...answers, enterprise: parsed.enterprise } };
    const name = cleanName(text);
    // A name, not a report: words the parser reads as a problem or a status (精工那个技工的事解决了) are no name.
    // (nor is a question: 宏达的贷款批了没)
    if (
      NAME_LIKE.test(name) &&
      !NOT_A_NAME.test(name) &&
      !looksUp &&
      !isLedgerCommand(name) &&
      parsed.issues.length === 0 &&
      !parsed.question &&
      !asksSomething(text)
    ) {
      const bound = boundEnterprise(team.enterprises, name);
      return { type: 'answer', answers: { ...answers, enterprise: bound ?? name } };
    }
    return otherwise('没能识别企业名称。');
  }

  if (pending.type === 'target') {
    const k = parseChoice(text, pending.candidates.length);
    const ref = findRefHits(text).find((r) => pending.candidates.some((c) => c.id === r.ref));
    // An id names the choice only when it is all the reply says (是Q-0002 / Q-0002吧): "Q－0002 金融办已对接" brings
    // news of its own about that issue — an update by id, while the question keeps waiting.
    const byRef = ref && !CHOICE_FRAME.test(text.slice(0, ref.start) + text.slice(ref.end)) ? undefined : ref?.ref;
    const id = k ? pending.candidates[k - 1]?.id : byRef;
    if (id && text.length <= 20)
      return { type: 'answer', answers: { ...answers, targets: { ...answers.targets, [String(pending.index)]: id } } };
    if (NONE_OF_THEM.test(bare(text)))
      return { type: 'answer', answers: { ...answers, asNew: { ...answers.asNew, [String(pending.index)]: true } } };
    return otherwise(`请回复序号（1-${pending.candidates.length}）或问题编号；都不是请回复“新问题”。`);
  }

  if (pending.type === 'confirm_many') {
    if (yes) return { type: 'answer', answers: { ...answers, many: true } };
    if (no) return { type: 'answer', answers: { ...answers, many: false } };
    return otherwise('请回复“是”或“否”。');
  }
  if (pending.type === 'confirm_repeat') {
    // Only the two words the question offers answer it: 是 / 好 / 对 could mean "yes, it is a repeat" as well as "yes,
    // record it" — asked again, never recorded on a guess.
    if (REPEAT_AGAIN.test(bare(text))) return { type: 'answer', answers: { ...answers, repeat: true } };
    if (REPEAT_SKIP.test(bare(text))) return { type: 'answer', answers: { ...answers, repeat: false } };
    if (yes || no) return { type: 'reask', hint: REPEAT_HINT };
    return otherwise(REPEAT_HINT);
  }
  if (pending.type === 'confirm' || pending.type === 'confirm_close') {
    if (yes) return { type: 'answer', answers: { ...answers, confirmed: true } };
    if (no) return { type: 'cancel' };
    // (不对，是交办自然资源局 / 不对不对: the card is what it corrects — the report flow sets it right, or shows it again)
    if (pending.type === 'confirm' && (opensWithCorrection(text) || CUES.correction.test(text)))
      return { type: 'correction' };
    // A correction in plain words replaces the draft.
    return otherwise(
      pending.type === 'confirm'
        ? '请回复“对”记录，或直接发送更正后的内容；“不用了”放弃。'
        : '请回复“确认”或“不用了”。',
    );
  }

  // confirm_new
  if (yes)
    return { type: 'answer', answers: { ...answers, asNew: { ...answers.asNew, [String(pending.index)]: true } } };
  if (no)
    return { type: 'answer', answers: { ...answers, asNew: { ...answers.asNew, [String(pending.index)]: false } } };
  return otherwise('请回复“是”或“否”。');
}
