/**
 * Rule-based understanding of a status message (no LLM): what kind of update it is, which
 * enterprise, the event date, the issues it raises or updates (category, summary, department,
 * status) and the issue id it refers to. Pure: same input, same output.
 */
import type {
  Category,
  ConfidenceReason,
  ExtractedIssue,
  Extraction,
  IssueStatus,
  QuestionKind,
  UpdateKind,
} from '../model.js';
import {
  ASK_START,
  CHITCHAT,
  CONTINGENT_NEED,
  LISTED_TALLY,
  CLOSABLE_ASK,
  CONSEQUENCE_START,
  CONTRAST_START,
  DONE_ASK,
  EARLIER_MARKERS,
  EARLIER_WEAK,
  EXPLICIT_EARLIER,
  NEWLY_RAISED,
  FILLER_BLANKS,
  FILLER_BREAKS,
  FORWARD_MARKERS,
  GENERIC_EARLIER_ALL,
  REPORT_CHANNEL,
  OWN_PLAN,
  FOLLOW_UP_REQUEST,
  INFO_REQUEST,
  LEDGER_REQUEST,
  PLANNED_HEADING,
  TODO_HEADING,
  TODO_SECTION_HEADING,
  SECTION_OPENING,
  PAST_TIME_WORDS,
  REPORT_HEADING,
  NEED_CUES,
  HEADING_LINE,
  STATS_SUMMARY,
  TALLY_CLAUSE,
  VISIT_NEGATED,
  VISIT_CALLED_OFF,
  INTERROGATIVE,
  NEW_MARKERS,
  NO_ANSWER_YET,
  NEW_REPORT_IN_CLAUSE,
  FIELD_LABEL_LINE,
  FIELD_LABELS,
  MESSAGE_ENVELOPE,
  NO_ISSUE,
  COURTESY_WISH,
  SPEAKER_COMMENT,
  NOMINALISED_PROBLEM,
  NOTICE_MARKERS,
  PLAN_MARKERS,
  DEPARTMENT_ACTING_AFTER,
  DEPARTMENT_WAITING_BEFORE,
  LIST_HEADER,
  COUNTED_LIST_HEADER,
  ORDINAL_MENTION,
  OWN_PROBLEM_CUES,
  REQUEST_CUES,
  PROBLEM_CUES,
  RESTATED_UNTOUCHED,
  DURATIVE_NE,
  QUESTION_FORMS,
  QUESTION_MARKERS,
  REPORT_IN_CLAUSE,
  REPORTED_ASK,
  ASKED_BEFORE_QUOTE,
  RETURN_VERIFIES,
  STRONG_NOTICE,
  THIRD_PARTY_VISIT,
  PRESENCE_BEFORE_NAME,
  PRESENCE_AFTER_NAME,
  FACE_TO_FACE,
  VISIT_RECORD_LABEL,
  TOPIC_MARKERS,
  VISIT_HEADING,
  VISIT_NOUN,
  VISIT_RECALLED,
  VISIT_VERBS,
  WISH_WORDS,
  RELAYED_REPORT,
  NAME_FILLERS,
  VISIT_PLACE_SUFFIXES,
  PROXIMAL_ANAPHOR,
  NEED_STATED,
  VISIT_TALLY,
  MISRECORDED_STATE,
  RECORD_CORRECTION,
  MEETING_VISIT,
  OWN_RECORDING,
  SHARED_SUBJECT_REST,
} from '../lexicon/signals.js';
import { parseLedgerCommand } from '../commands.js';
import { categorize } from './category.js';
import { confidenceOf, leavesOutNamed } from './confidence.js';
import { resolveEventDate, findDates, type DateHit } from './event-dates.js';
import { findDepartments, handlerDepartment, type DepartmentMention } from './department.js';
import { findEnterprises, findSuffixNames, plainName, withTradeReferences, type EnterpriseHit } from './enterprise.js';
import { joinWordSpacing } from '../../text/spacing.js';
import { selfRepairs } from './repair.js';
import { withLearnedKind } from './kind-model.js';
import { withShapeDoubts } from './confidence.js';
import {
  blank,
  blankFillers,
  blankSpans,
  chineseNumber,
  clauseBefore,
  foldWidth,
  withSlashBreaks,
  bracketHeadingsAsLines,
  type Span,
} from './normalize.js';
import { findRefs, type RefHit } from './ref.js';
import { clauses as clausesOf, isHeading, problemTableAbove, segment, tableRowCells, type Segment } from './segment.js';
import { findStatuses, maxStatus, type StatusHit } from './status.js';
import {
  AWAITS_DECISION_AFTER,
  HANDOFF_BACK,
  HANDOFF_PURPOSE,
  PROGRESS_VERBS,
  PROMISE_OF_SPEED,
  HANDLER_PROMISE,
  HANDLER_SUBJECT,
  HANDLER_PROMISE_VERBS,
  AWAITING_REPLY,
  REALISED_ASPECT,
  REALISED_STEP,
  SPEAKER_SUBJECTS,
  STATUS_ORDER,
  SUBMISSION_VERB,
  SUBMITTED_DOCUMENT_BEFORE,
} from '../lexicon/statuses.js';
import { PROGRESS_FIELD_LABELS } from '../lexicon/headings.js';
import { DEPARTMENT_CATEGORIES, LEAD_AFTER_DEPARTMENT } from '../lexicon/departments.js';
import { GENERIC_MATTER_WORDS } from '../lexicon/categories.js';
import { LOCALITY_BEFORE_NAME } from '../lexicon/enterprises.js';

/** The sign-off itself (销号, 消号), as asked about in a question. */
const SIGN_OFF_WORD = /销号|消号/;

/** A name that opens with a verb of work (协调燃气公司 after 在): progressive aspect, not a place. */
/** A numbered item's marker (1. 2、 ③ (4)): items cut by their numbers. */
const NUMBERED_ITEM = /^\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）．]|[①②③④⑤⑥⑦⑧⑨⑩])/;

const PROGRESS_VERB_START = new RegExp(`^(?:${[...PROGRESS_VERBS].sort((a, b) => b.length - a.length).join('|')})`);
import { splitProblems } from './split.js';
import { inSpeakerPlan, normaliseNegators, speakerPlans } from './mood.js';
import { makeSummary } from './summary.js';
import type { ExtractContext } from './types.js';

/** 主要是资金问题, 重点聊了用工方面: the topic of a talk announced, the problem itself said after it. */
const ANNOUNCED_TOPIC =
  /(?:主要|重点|核心|集中)(?:是|就是|在|谈了?|聊了?|讲了?|说了?|反映了?)?[^，,。;；]{1,10}?(?:的)?(?:问题|的事情?|方面(?:的事)?)\s*[。.]?\s*$/;

/** Longest message the parser looks at (a chat message, not a document). */
const MAX_CHARS = 2000;

const VISIT_VERBS_G = new RegExp(VISIT_VERBS.source, 'g');
/** 去/到 right before an enterprise name makes a visit (今天到七一电器, 跟team去了迈微). */
const NAME_FILLER_ALT = [...NAME_FILLERS].sort((a, b) => b.length - a.length).join('|');
/** A locality and 的 right before a name (安平镇的宏达机械, 新华村那边的那个…). */
const LOCALITY_BEFORE = new RegExp(`(?:${LOCALITY_BEFORE_NAME})\\s*$`);
const MOTION_BEFORE_NAME = new RegExp(
  // (去了那个旺达建材, 去了新华村的那个绿野合作社: a filler of speech, or the village or park the enterprise is in,
  // may stand between the verb and the name)
  `(?<![改拿收得找遇想提办达报迟来回感受做看送转直一过接听用涉])(?:去了|到了|来到|走进|走入|深入|去|到|赴|跑了)(?:一?趟|一?下|一次)?\\s*` +
    `(?:${LOCALITY_BEFORE_NAME}|[\\u4e00-\\u9fa5]{1,6}(?:${VISIT_PLACE_SUFFIXES.join('|')})(?:的|那边的|这边的)?)?\\s*(?:(?:${NAME_FILLER_ALT})\\s*)*$`,
);
/** An enterprise, then "went there" (金鼎今天去了, 海纳那边去过了, 维和上午去看了). */
const MOTION_AFTER_NAME =
  /^\s*(?:那边|这边|那儿|这儿|那里|那)?\s*(?:我们|我)?\s*(?:今天|今早|昨天|前天|大前天|上午|下午|中午|刚才|刚刚|刚|\d{1,2}[号日])?\s*(?:也|已经|已)?(?:去过了?|去了|去看了?|去的|跑了一?趟|转了转|看了看|坐了坐|走了走|转了一圈)/;
/** A department said to lead (财政牵头, 住建局主办). */
const LEAD_WORD = new RegExp(`^(?:${LEAD_AFTER_DEPARTMENT.join('|')})$`);
/** Words that carry no problem content (subjects, report verbs, fillers). */
const FILLER =
  /以下|如下|下列|我组|本组|我方|有关|相关|该|此|将|把|企业|公司|对方|老板|负责人|办公室|销售总监|总经理|董事长|财务|人事|副总|老总|经理|主任|总监|厂里|厂家|他们|我们|大家|team|FYI|fyi|Today|today|在群里|群里|一下|一趟|简单|接到|收到|反映|提出|提了|提到|表示|反馈|来电|来函|打电话|电话|问题|诉求|情况|[两二三四五六七八九十几\d]+(?:个|项|条|件|点)|新的|这个|那个|之前|上次|上回|上述|以上|前述|事情|的事|已经|已|均|都|分别|各自|还|又|也|就|说|称|了|的|和|跟|与|同|在|是|有|个|事/g;
const ORDINAL_WORDS =
  /第[一二三四五六七八九十\d]{1,2}(?:个|项|条|件|点)?|[前后][一两二三四五\d](?:个|项|条|件)|最后一(?:个|项|条|件)|其余|剩下的?|余下的?/g;
/** Words pointing back at the problems listed before (上述问题, 以上诉求, 这几个事项). */
const LISTED_REFERENCE = /(?:以上|以下|上述|下述|如下|这些|这几个|前述|所列)(?:的)?(?:问题|诉求|事项|事情|困难)/;
/** A step said not yet taken (还没有正式交办, 尚未上报): about the items, no problem of its own. */
const NOT_YET_HANDED = /(?:都|均|也)?(?:还|尚)?(?:没有?|未)(?:正式|正式地)?(?:交办|交|报|转|上报|移交|转办)/g;
const SCOPE_ALL = /均|都|全部|以上|上述|这些|所有|几个问题|[两二三四五]个问题|[两二三四五]个都|[两二三四五]项都/;
const STRONG_REPORT =
  /(?:企业|老板|他们|对方|厂里|负责人)(?:又|还|也)?说|反映|提出|提了|提到|来电|来函|打电话|反馈|诉求|求助|又提|新提|群里说|希望|想|缺|急需/;
const RESPECTIVELY = /分别/;
const THIS_MESSAGE_SCOPE = /^\s*(?:上述|以上|前述|这些|这几个|所有)/;
const QUESTION_END = /[?？]\s*$/;
const STRONG_QUESTION = new RegExp(
  `(?:吗|${DURATIVE_NE}|么|没有|了没|没|不|否)\\s*[啊呀哈嘛哇]?\\s*[?？]?\\s*$|^(?:请问|问一下|问下|咨询一下|咨询下|想问|想咨询)`,
);

interface Clause extends Span {
  text: string;
  visit: 'visit' | 'return' | null;
  plannedVisit: boolean;
  /** A visit read only from 去 + a name, no aspect marker (下午去宏达机械): may be a plan. */
  bareMotion: boolean;
  noIssue: boolean;
  /** Has words beyond subjects, verbs, departments, statuses and names. */
  content: boolean;
}

export function extractUpdate(text: string, ctx: ExtractContext): Extraction {
  // (the learned second opinion on the kind, kind-model.ts; the rules alone without its file)
  return withLearnedKind(text, ctx.today, extractUpdateByRules(text, ctx));
}

/** The parse by the rules alone (what the kind model reads, and is trained on: bench/kind-model.ts). */
export function extractUpdateByRules(text: string, ctx: ExtractContext): Extraction {
  // Dictation that spaces every word is read as the sentence it is (src/text/spacing.ts).
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // (a keycap number heading an entry — 1️⃣ 2⃣ — is the list marker ① ②, padded to keep the text's length)
  // (a bracketed heading — 【周报】【恒力机械】 — is a heading on its own line)
  const original = bracketHeadingsAsLines(joinWordSpacing(clipped).replace(KEYCAP_NUMBER, keycapAsCircled));
  const folded = foldWidth(original);
  const trimmed = folded.trim();
  if (!trimmed || CHITCHAT.test(trimmed)) return notUpdate();

  // ---- message-wide facts
  // A mention the speaker took back (“不是Q-0035，是Q-0036”, “昨天 不对 前天”) is blanked with its
  // marker before anything else is read (repair.ts).
  const allRefs = findRefs(folded);
  const refRepair = selfRepairs(folded, allRefs);
  const refs = allRefs.filter((r) => !refRepair.dropped.includes(r));
  let work = folded;
  for (const r of allRefs) work = blank(work, r.start, r.end);
  for (const s of refRepair.spans) work = blank(work, s.start, s.end);
  // (之前误标办结了: the state recorded by mistake is taken back)
  work = work.replace(MISRECORDED_STATE, (x) => ' '.repeat(x.length));
  // (我先记录下来了, 现在补上: our own note of the matter, no result)
  work = work.replace(OWN_RECORDING, (x) => ' '.repeat(x.length));
  work = normaliseNegators(
    blankFillers(work, FILLER_BREAKS, FILLER_BLANKS)
      .replace(FIELD_LABELS, (x) => ' '.repeat(x.length))
      .replace(MESSAGE_ENVELOPE, (x) => ' '.repeat(x.length)),
  );
  for (const s of selfRepairs(work, findDates(work, ctx.today)).spans) work = blank(work, s.start, s.end);
  const known = [...(ctx.teamEnterprises ?? []), ...(ctx.knownEnterprises ?? [])];
  const readNames = () => {
    const depts = findDepartments(work).map((d) => (inSpeakerPlan(work, d.start) ? asPlanned(d) : d));
    // (a team enterprise called by its trade — 纺织厂今天去了 — where no name was read)
    return {
      depts,
      ents: withTradeReferences(
        findEnterprises(work, known, depts, allRefs, ctx.teamEnterprises ?? []),
        work,
        ctx.teamEnterprises ?? [],
      ),
    };
  };
  let names = readNames();
  const entRepair = selfRepairs(work, names.ents);
  if (entRepair.spans.length) {
    for (const s of entRepair.spans) work = blank(work, s.start, s.end);
    names = readNames();
  }
  // "一宏达 没新问题 二绿源 …": spoken numbers heading the entries are list markers, read as ①② (same length).
  // (original, folded and work share their positions)
  let said = original;
  let lead = trimmed;
  const marks = original.length === work.length ? ordinalEntryMarks(work, names.ents) : [];
  if (marks.length) {
    said = marks.reduce(withCircled, original);
    work = marks.reduce(withCircled, work);
    lead = marks.reduce(withCircled, folded).trim();
    names = readNames();
  }

  // (the department mentions were read on `work`, which keeps the positions of the folded text)
  return withShapeDoubts(interpret(said, lead, refs, work, names.depts, names.ents, ctx.today), clipped, known, {
    departments: names.depts,
  });
}

/** A keycap number (1️⃣, 1⃣ without the variation selector, 🔟): an emoji list marker. */
const KEYCAP_NUMBER = /([1-9])\uFE0F?\u20E3|\u{1F51F}/gu;
function keycapAsCircled(whole: string, digit: string | undefined): string {
  const circled = '①②③④⑤⑥⑦⑧⑨⑩'[digit ? Number(digit) - 1 : 9] as string;
  return circled + ' '.repeat(whole.length - 1);
}

const SPOKEN_ORDINALS = '一二三四五六七八九十';
const CIRCLED_ORDINALS = '①②③④⑤⑥⑦⑧⑨⑩';

/**
 * Entries of a roll-up numbered with spoken numbers and no punctuation ("一宏达 没新问题 二绿源 …"): where two or
 * more enterprise names in order each follow a number in sequence (一, 二, 三 …) that starts the text or follows a
 * break, the numbers' positions and values.
 */
function ordinalEntryMarks(work: string, ents: readonly EnterpriseHit[]): Array<{ at: number; n: number }> {
  const marks: Array<{ at: number; n: number }> = [];
  for (const e of [...ents].sort((a, b) => a.start - b.start)) {
    const n = SPOKEN_ORDINALS.indexOf(work[e.start - 1] ?? '') + 1;
    const before = work[e.start - 2];
    if (n === 0 || (before !== undefined && !/[\s,，。;；:：、!！]/.test(before))) continue;
    if (marks.some((m) => m.at === e.start - 1)) continue;
    marks.push({ at: e.start - 1, n });
  }
  const inOrder = marks.every((m, i) => i === 0 || m.n === (marks[i - 1] as { n: number }).n + 1);
  return marks.length >= 2 && inOrder ? marks : [];
}

function withCircled(text: string, m: { at: number; n: number }): string {
  return text.slice(0, m.at) + (CIRCLED_ORDINALS[m.n - 1] ?? text[m.at]) + text.slice(m.at + 1);
}

/** A department named in our own plan (我说回头问问税务局): nobody handed it anything, it does not act yet. */
function asPlanned(d: DepartmentMention): DepartmentMention {
  return { ...d, role: 'wish', handedTo: false, verbStart: d.start };
}

// ---------------------------------------------------------------- the parse, step by step

/** Message-wide facts, read once (readMessage). */
interface MessageFacts {
  original: string;
  trimmed: string;
  work: string;
  today: string;
  refs: RefHit[];
  depts: DepartmentMention[];
  ents: EnterpriseHit[];
  statuses: StatusHit[];
  dateHits: DateHit[];
  segments: SegmentFacts[];
  anyVisit: boolean;
  anyFirmStatus: boolean;
  reportCue: boolean;
  /** The original text with issue ids blanked: summaries are cut from it. */
  summarySource: string;
  entNames: string[];
  /** Distinct enterprises, each heading its own segments (a roll-up). */
  multiEnterprise: boolean;
  /** A heading or label says the message reports visits (本周走访情况：…). */
  visitHeading: boolean;
}

/** One record of facts per segment: what every item step reads. */
interface SegmentFacts {
  index: number;
  seg: Segment;
  cls: Clause[];
  refs: RefHit[];
  depts: DepartmentMention[];
  statuses: StatusHit[];
  /** The department handling what the segment describes (handed to, or acting). */
  handler: string | null;
  /** The furthest status the segment states. */
  status: IssueStatus | null;
  /** Clauses with problem words of their own (not only names, verbs, dates). */
  content: Clause[];
  category: { category: Category; score: number };
  hasProblem: boolean;
  /** Talks about an issue raised before (X的事, 上次提的, a topic clause). */
  earlier: boolean;
  /** Who reports it is said once for all the problems split from one sentence. */
  reportedText: string;
  /** A plan (明天去…), not something that happened. */
  planned: boolean;
  /** Only our own next step (Q-0052 我明天去问一下财政局): nothing happened to the issue yet. */
  ownPlan: boolean;
  /** The segment asks something (批了没有？, 到哪一步了) instead of stating it. */
  question: QuestionKind | null;
  /** It asks whether the issue may be signed off (可以销号了吧？): a resolution stated in a question. */
  askedSignOff: boolean;
  /** The enterprise this segment is about (its own, else the one named before it). */
  enterprise: string | null;
  /** A heading that states a status for the ids listed under it (以下问题予以销号：, 二、已办结): no item itself. */
  header?: boolean;
}

interface Item {
  old: boolean;
  ref: string | null;
  category: Category;
  summary: string;
  department: string | null;
  status: IssueStatus;
  explicitStatus: boolean;
  enterprise: string | null;
  /** The list number of the segment it came from (1. 2., ①②, 一是…), else null. */
  enumIndex: number | null;
  segment: number;
  /** How strongly the words told the category (0: 其他 by default). */
  categoryScore: number;
}

/** The items built so far and what lowered the confidence. */
interface Draft {
  items: Item[];
  reasons: Set<ConfidenceReason>;
}

/** Stands for the item being built while its own trailing clauses are read. */
const PLACEHOLDER: Item = {
  old: false,
  ref: null,
  category: '其他',
  summary: '',
  department: null,
  status: 'open',
  explicitStatus: false,
  enterprise: null,
  enumIndex: null,
  segment: -1,
  categoryScore: 0,
};

const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;
const freshItems = (d: Draft) => d.items.filter((i) => !i.old);

const COURTESY_WISH_ALL = new RegExp(COURTESY_WISH.source, 'g');
/** A clause that only asks a courtesy (就是希望政府多来走走, 想请我们去参加他们的年会): no matter named, nothing wrong said. */
function courtesyOnly(text: string): boolean {
  if (!COURTESY_WISH.test(text)) return false;
  const rest = text.replace(COURTESY_WISH_ALL, (x) => ' '.repeat(x.length));
  return categorize(rest).score <= 0 && !OWN_PROBLEM_CUES.test(rest) && !REQUEST_CUES.test(rest);
}

function interpret(
  original: string,
  trimmed: string,
  refs: RefHit[],
  work: string,
  depts: DepartmentMention[],
  ents: EnterpriseHit[],
  today: string,
): Extraction {
  const m = readMessage(original, trimmed, refs, work, depts, ents, today);
  const screened = screenNonUpdate(m);
  if (screened) return screened;

  const draft: Draft = { items: [], reasons: new Set() };
  for (const f of m.segments) buildItems(draft, m, f);
  trailingHandOffByDomain(draft, m);

  if (editsTheRecordOnly(m, draft)) return notUpdate();
  const kind = decideKind(m, draft);
  if (kind === null || generalVisitTalk(m, draft, kind)) return questionOrNothing(m);
  return finish(m, draft, kind);
}

/** Fields whose edit says nothing about how a matter stands (a deadline, the wording, the enterprise's name). */
const RECORD_ONLY_FIELDS = new Set(['dueDate', 'summary', 'enterprise']);

/**
 * A message that only sets the record right (刚那条是Q0053不是Q0035，麻烦改一下; Q0024 期限延到3月底): an edit of a
 * record-only field, or a correction whose items carry no step, no office and no matter — nothing happened to an issue.
 * A correction that states a step or an office (改一下：Q-0011 是还在走流程; 部门写错了，应该是人社局) is an update.
 */
function editsTheRecordOnly(m: MessageFacts, d: Draft): boolean {
  const command = parseLedgerCommand(m.trimmed);
  if (command?.type === 'edit' && RECORD_ONLY_FIELDS.has(command.field)) return true;
  if (!RECORD_CORRECTION.test(m.work) || m.anyVisit) return false;
  return d.items.every(
    (i) => i.status === 'open' && !i.explicitStatus && i.department === null && i.categoryScore <= 0,
  );
}

/** What may stand around the department in a bare hand-off clause (已交办自然资源局, 转人社局处理). */
const BARE_HANDOFF_BEFORE =
  /^(?:已经?|并|也)?(?:交办给?|转办给?|转交给?|移交给?|交由|交给|转给|报给|推给|转|交|报)?\s*$/;
const BARE_HANDOFF_AFTER = /^\s*(?:处理|办理|跟进|协调|研究)?(?:了)?[。.!！]?\s*$/;

/**
 * "仓库用地指标批不下来 还有两个司机社保断缴 已交办自然资源局": a bare hand-off ending the message, whose department
 * does not handle the kind of problem right before it but does handle one — and only one — problem raised earlier
 * in the message with no hand-off of its own, goes to that one (DEPARTMENT_CATEGORIES; the same rule splitting applies
 * within one sentence, handOffTarget in split.ts). Scoped hand-offs (都/均/分别) are left alone.
 */
function trailingHandOffByDomain(d: Draft, m: MessageFacts): void {
  const last = d.items.at(-1);
  if (!last || last.old || last.department === null || last.status !== 'assigned') return;
  const handles = DEPARTMENT_CATEGORIES[last.department];
  if (!handles || handles.includes(last.category)) return;
  const mention = m.depts.filter((x) => x.handedTo && x.name === last.department).at(-1);
  if (!mention) return;
  if (
    !BARE_HANDOFF_BEFORE.test(clauseBefore(m.work, mention.start)) ||
    !BARE_HANDOFF_AFTER.test(m.work.slice(mention.end))
  )
    return;
  const fits = d.items.filter(
    (i) => i !== last && !i.old && i.department === null && i.status === 'open' && handles.includes(i.category),
  );
  if (fits.length !== 1) return;
  const target = fits[0] as Item;
  target.department = last.department;
  target.status = 'assigned';
  last.department = null;
  last.status = 'open';
}

/**
 * A roll-up typed without punctuation names several known enterprises, each after a space ("今天跑了三家 锦纶纺织
 * 银行已经对接了 禾丰食品人社推荐了8个人 精工机械没新情况"): the space before each name ends the sentence about the
 * one before, as a `；` would. Only names the deployment or the team knows, and only when two or more differ; the text
 * keeps its length (offsets stay valid).
 */
function rollUpBreaks(work: string, ents: readonly EnterpriseHit[]): string {
  let out = withSlashBreaks(work, '；');
  // "去了宏达和恒信，宏达一切正常，恒信缺研发人员": in a message naming two enterprises or more, a comma right before
  // a name taken up again, opening its clause, ends the sentence about the one before, as a `；` would (each clause
  // its enterprise's). So does one of the team's or the library's known enterprises opening its clause (…，绿源贷款难，
  // 金马说用地): its clause is about it, not the enterprise before; and so does a name written with a company ending
  // that reads as a name (宏达机械没问题，恒信电子想申请…) — not words of a clause ending in an industry word (…，急需半导
  // 体工程师). A name only guessed and said once after a comma (…，主机厂订单下降) splits nothing.
  const again = ents.filter(
    (e) =>
      !e.guessed &&
      (e.known || ents.some((o) => o.name === e.name && o.end <= e.start) || plainName(work.slice(e.start, e.end))),
  );
  if (new Set(ents.filter((e) => !e.guessed).map((e) => e.name)).size >= 2)
    for (const e of ents) {
      // (宏达机械（缺焊工）、恒信电子（贷款难）: a listed name after the bracket of the entry before opens its own entry)
      const listed = /[、,，]/.test(work[e.start - 1] ?? '') && /[)）]/.test(work[e.start - 2] ?? '');
      // (金鼎的用地交资规局、矽盛的补助交财政局: a 、 before a name ends the entry before when that entry says more
      // than a name — a list of names alone, 走访了华康、七一电器, is one clause)
      // (…鑫达招工、Q-0054 七一电气道路: an issue id, blanked, may stand between the 、 and the name)
      let at = e.start - 1;
      while (at > 0 && work[at] === ' ' && work[at - 1] === ' ') at--;
      if (work[at] === ' ' && work[at - 1] === '、') at--;
      const prev = ents.filter((o) => o.end <= at).at(-1);
      const entryBefore = prev ? work.slice(prev.end, at) : '';
      const saysMore = /[\u4e00-\u9fa5]{2}/.test(entryBefore) && !/[,，。;；\n]/.test(entryBefore);
      const mark = work[at] ?? '';
      if (!e.guessed && (listed || (again.includes(e) && (/[,，]/.test(mark) || (mark === '、' && saysMore)))))
        out = `${out.slice(0, at)}；${out.slice(at + 1)}`;
    }
  const known = ents.filter((e) => e.known);
  if (new Set(known.map((e) => e.name)).size < 2) return out;
  for (const e of known) {
    const at = e.start - 1;
    if (at < 1 || !/[^\S\n]/.test(work[at] as string)) continue;
    // After words of a clause only — not after a day or a list marker heading the name (①8月10日 海纳半导体：…);
    // a day that ends the entry before (星辰电子 专场招聘会下周二 瑞丰食品 …) ends a clause like any word.
    const before = work.slice(Math.max(0, at - 8), at);
    const clause = (
      work
        .slice(0, at)
        .split(/[\n，,。；;：:]/)
        .pop() ?? ''
    ).replace(/^\s*(?:[①-⑳]|\d{1,2}\s*[、.．)）]|[(（]\d{1,2}[)）])?\s*/, '');
    const onlyDay =
      /^(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]$|^[本上下这]?[周星期礼拜]+[一二三四五六日天]$|^(?:今天|昨天|前天)$/;
    if (!/[\u4e00-\u9fa5A-Za-z]$/.test(before) || onlyDay.test(clause.trim())) continue;
    out = `${out.slice(0, at)}；${out.slice(at + 1)}`;
  }
  return out;
}

/** Step 1: statuses, dates, segments and their clauses, and one record of facts per segment. */
/** Where the sentence around `at` starts (after 。！？!? or a new line). */
function sentenceStart(work: string, at: number): number {
  return Math.max(...['。', '！', '!', '？', '?', '\n'].map((c) => work.lastIndexOf(c, at - 1))) + 1;
}

function readMessage(
  original: string,
  trimmed: string,
  refs: RefHit[],
  work: string,
  depts: DepartmentMention[],
  ents: EnterpriseHit[],
  today: string,
): MessageFacts {
  // "已报生态环境局和财政局，财政牵头": after a hand-off in the sentence, 牵头 says who leads among those handed
  // the matter, not that work started.
  const handedBefore = (at: number) =>
    depts.some((h) => h.handedTo && h.end <= at && !/[。;；\n]/.test(work.slice(h.end, at)));
  const leadOnly = (s: Span) =>
    LEAD_WORD.test(work.slice(s.start, s.end)) && handedBefore(s.start) && !/[在正]/.test(work.slice(s.end, s.end + 2));
  // "已经转给市场监管局了，他们说会尽快安排": a promise of speed after the hand-off acknowledges it, no work started.
  // "已报财政局，财政局说15日前审完", "交给人社局了，他们说会安排": whoever took it promises a later step — still assigned.
  // "已转住建局\n等回复中": waiting for its answer (on the hand-off's line or on the line right after it) — likewise.
  const handedJustAbove = (at: number) => {
    const lineStart = work.lastIndexOf('\n', at - 1) + 1;
    return (
      /^\s*$/.test(work.slice(lineStart, at)) &&
      depts.some(
        (h) =>
          h.handedTo &&
          h.end <= at &&
          !/[。;；]/.test(work.slice(h.end, at)) &&
          work.slice(h.end, at).split('\n').length <= 2,
      )
    );
  };
  const handlerPromise = (s: StatusHit) => {
    if (s.status !== 'in_progress' || !handedBefore(s.start)) return false;
    const before = clauseBefore(work, s.start);
    const said = before.slice(before.match(HANDLER_SUBJECT)?.[0].length ?? 0);
    return HANDLER_PROMISE.test(said + work.slice(s.start, s.end + 6));
  };
  const awaitingReply = (s: StatusHit) =>
    s.status === 'in_progress' &&
    AWAITING_REPLY.test(work.slice(s.start, s.start + 12)) &&
    (handedBefore(s.start) || handedJustAbove(s.start));
  const promiseOnly = (s: Span) => PROMISE_OF_SPEED.test(work.slice(s.start, s.start + 10)) && handedBefore(s.start);
  // (kept as the hand-off's status, so that the promised step is not read as a problem of its own)
  const acknowledged = (s: StatusHit): StatusHit =>
    handlerPromise(s) || awaitingReply(s) ? { ...s, status: 'assigned', ack: true } : s;
  // 环评报上去三个月了还没批下来: the enterprise's own application sent up and waiting — no hand-off of ours.
  // (许可证延续一直没批下来，说材料交上去半个月了: the wait may be told first, in the same sentence)
  const ownSubmission = (s: StatusHit) =>
    s.status === 'assigned' &&
    SUBMISSION_VERB.test(s.raw.replace(/^(?:已经?|都已|均已)/, '')) &&
    SUBMITTED_DOCUMENT_BEFORE.test(clauseBefore(work, s.start)) &&
    (AWAITS_DECISION_AFTER.test(work.slice(s.end, s.end + 40)) ||
      AWAITS_DECISION_AFTER.test(work.slice(sentenceStart(work, s.start), s.start)));
  // 已交金融办 / 已报经信局 / 报给住建了: a hand-off verb around a department is an assignment.
  // 国网在装表, 社保那边说…可以对接, 卡在发改: the department is working on it.
  const acting = depts.filter(
    (d) =>
      d.role === 'handler' &&
      !d.handedTo &&
      // "经信那边说要先报发改，已经报给发改了": the hand-off that follows decides.
      !depts.some((h) => h.handedTo && h.start > d.start && !/[。;；\n]/.test(work.slice(d.end, h.start))) &&
      !(d.leads && handedBefore(d.start) && !/^\s*(?:牵头|主办)?\s*[在正]/.test(work.slice(d.end, d.end + 4))) &&
      !(
        handedBefore(d.start) && PROMISE_OF_SPEED.test(work.slice(d.end, d.end + 10).replace(/^\s*(?:那边|这边)?/, ''))
      ) &&
      !(handedBefore(d.start) && HANDLER_PROMISE.test(work.slice(d.end, d.end + 16))) &&
      (DEPARTMENT_ACTING_AFTER.test(work.slice(d.end, d.end + 6)) ||
        DEPARTMENT_WAITING_BEFORE.test(work.slice(Math.max(0, d.start - 2), d.start))),
  );
  const statuses = [
    // (报给交通了: 通了 inside a department's name states nothing)
    // (the verb that hands a matter to a department — 我已经联系了供电公司 — is the hand-off, not work under way)
    ...findStatuses(work)
      .filter(
        (s) =>
          !depts.some(
            (d) =>
              (s.start >= d.start && s.start < d.end) ||
              (d.handedTo && d.verbStart < d.start && s.end > d.verbStart && s.start < d.start),
          ) &&
          !leadOnly(s) &&
          !promiseOnly(s) &&
          !ownSubmission(s),
      )
      .map(acknowledged),
    ...depts
      .filter((d) => d.handedTo)
      .map(
        (d): StatusHit => ({ status: 'assigned', start: d.verbStart, end: d.end, raw: work.slice(d.verbStart, d.end) }),
      ),
    ...acting.map(
      (d): StatusHit => ({ status: 'in_progress', start: d.start, end: d.end, raw: work.slice(d.start, d.end) }),
    ),
  ]
    .filter((s, i, all) => !all.some((o, j) => j < i && o.start < s.end && s.start < o.end && o.status === s.status))
    .sort((a, b) => a.start - b.start);
  const dateHits = findDates(work, today);

  // segments (sentences, list items, then the problems listed in each with plain commas: split.ts)
  const splitCtx = { work, masks: [...ents, ...dateHits], statuses, depts, refs };
  const parts: Array<{ seg: Segment; cls: Clause[] }> = [];
  for (const whole of segment(
    rollUpBreaks(work, ents),
    refs.map((r) => r.start),
    foldWidth(original),
  )) {
    for (const seg of splitQuestion(work, whole, statuses, depts)) {
      const cls = analyseClauses(work, seg, ents, depts, refs, statuses, dateHits);
      const split = splitProblems(seg, cls, splitCtx);
      for (const part of split)
        parts.push({
          seg: part,
          cls: split.length === 1 ? cls : analyseClauses(work, part, ents, depts, refs, statuses, dateHits),
        });
    }
  }

  attachToRefs(work, refs, statuses, ents, parts, (seg) =>
    analyseClauses(work, seg, ents, depts, refs, statuses, dateHits),
  );
  const headers = statusHeaders(work, refs, statuses, parts);
  // "海纳，今天：一是…", "诚信机械有限公司（今天）\n①…", "1.维和药业（3月3日）：…": a heading that is only an
  // enterprise and a day dates a visit log entry — a visit, unless a phone call or letter brought it.
  if (!REPORT_CHANNEL.test(work))
    for (const p of parts) {
      const ent = ents.find((e) => inside(e, p.seg));
      const day = dateHits.find((x) => inside(x, p.seg));
      if (!ent || !day || !p.cls.length) continue;
      let t = work.slice(p.seg.start, p.seg.end);
      for (const x of [...ents, ...dateHits])
        if (inside(x, p.seg)) t = blank(t, x.start - p.seg.start, x.end - p.seg.start);
      if (/^[\s\p{P}\p{S}]*$/u.test(t) && /^\s*[:：\n]|^\s*$/.test(work.slice(p.seg.end, p.seg.end + 2)))
        p.cls[0]!.visit = 'visit';
    }

  let summarySource = original;
  for (const r of refs) summarySource = blank(summarySource, r.start, r.end);
  // What the reading blanked (fillers of dictated speech — 那个, 然后 —, form labels, words a speaker took back) is
  // no part of a summary either: a summary cut from the message never keeps half a filler (…走不动然, 个污水处理站).
  summarySource = summarySource
    .split('')
    .map((ch, i) => {
      const w = work[i] ?? ch;
      const blanked = (/\s/.test(w) && !/\s/.test(ch)) || (w === '，' && ch !== '，' && ch !== ',');
      return blanked ? ' ' : ch;
    })
    .join('');
  const distinct = [...new Set(ents.map((e) => e.name))];
  // Several enterprises, each heading its own segment: a roll-up, one visit per enterprise.
  const heads = new Set(
    parts.map((p) => ents.find((e) => inside(e, p.seg))?.name).filter((x): x is string => Boolean(x)),
  );
  const multiEnterprise = distinct.length >= 2 && heads.size >= 2;

  let current: string | null = null;
  const segments = parts.map(({ seg, cls }, index): SegmentFacts => {
    const own = ents.find((e) => inside(e, seg));
    if (own) current = own.name;
    const f = segmentFacts(index, seg, cls, work, refs, depts, statuses, ents, dateHits, current);
    const h = headers.get(index);
    if (h === 'header') f.header = true;
    else if (h && f.status === null) {
      f.status = h;
      // (an item under a status heading with no id of its own is a matter on file)
      if (!f.refs.length) f.earlier = true;
    }
    return f;
  });
  // (…人才公寓也已经分了10套，Q-0051可以销号了吧？ — a result stated elsewhere, not of another id, or a question of no id
  // after a result: it only asks to close what was said done, it states nothing more)
  for (const f of segments) {
    if (!f.askedSignOff) continue;
    const saidDone = segments.some(
      (g) =>
        g !== f &&
        !g.askedSignOff &&
        (g.status === 'resolved' || g.status === 'closed') &&
        (f.refs.length === 0 || g.refs.length === 0 || g.refs.some((r) => f.refs.some((x) => x.ref === r.ref))),
    );
    if (saidDone) {
      f.askedSignOff = false;
      f.question = 'closable';
    }
  }

  return {
    original,
    trimmed,
    work,
    today,
    refs,
    depts,
    ents,
    statuses,
    dateHits,
    segments,
    // (a visit said in a question — 走访了几家？ — is no visit)
    anyVisit: segments.some((f) => f.question === null && f.cls.some((c) => c.visit !== null)),
    anyFirmStatus: statuses.some((s) => s.status !== 'open'),
    reportCue: /反映|来电|来函|提出|诉求|反馈|求助/.test(work),
    summarySource,
    entNames: [...new Set(ents.map((e) => original.slice(e.start, e.end)))],
    multiEnterprise,
    // (one enterprise: only a heading line says so — 本周走访：华康药业，反映…)
    visitHeading:
      (multiEnterprise ? VISIT_HEADING.test(work) : VISIT_HEADING.test(HEADING_LINE.exec(work)?.[0] ?? '')) &&
      !PLANNED_HEADING.test(work),
  };
}

function segmentFacts(
  index: number,
  seg: Segment,
  cls: Clause[],
  work: string,
  refs: RefHit[],
  depts: DepartmentMention[],
  statuses: StatusHit[],
  ents: EnterpriseHit[],
  dateHits: DateHit[],
  enterprise: string | null,
): SegmentFacts {
  const segDepts = depts.filter((d) => inside(d, seg));
  const segStatuses = statuses.filter((s) => inside(s, seg));
  const content = cls.filter((c) => c.content && !c.noIssue);
  // (a clause saying all is well may still name the matter: 土地证问题经企业确认满意，已销号 — when nothing else does,
  // its words tell the category, only the all-is-well words blanked)
  const judged = categorize(maskedText(work, seg, cls, ents, depts, dateHits));
  const category = judged.score > 0 ? judged : categorize(maskedText(work, seg, cls, ents, depts, dateHits, true));
  const reportedText = withoutHandlerSpeech(work, { start: seg.parentStart, end: seg.end }, depts);
  const status = segmentStatus(segStatuses);
  // "Q-0040 可以消号了吧？", "能不能先销号？": asking whether it may be signed off holds it solved — the resolution is
  // stated (and the question noted), unlike "能不能结了？", which asks whether it is solved
  const asked = questionKind(work, seg, reportedText);
  const askedSignOff =
    asked === 'closable' && segStatuses.some((x) => x.status === 'resolved' && SIGN_OFF_WORD.test(x.raw));
  return {
    index,
    seg,
    cls,
    refs: refs.filter((r) => inside(r, seg)),
    depts: segDepts,
    statuses: segStatuses,
    handler: handlerUnlessOpen(status, segDepts, segStatuses),
    status,
    content,
    category,
    hasProblem:
      content.length > 0 &&
      // "上述问题已分别转…", "以上问题均已交办": 问题 points back at the items listed, it raises none
      !(
        LISTED_REFERENCE.test(seg.text) &&
        !OWN_PROBLEM_CUES.test(blankSpans(seg.text, seg.start, segStatuses).replace(NOT_YET_HANDED, ' ')) &&
        category.score <= 0
      ) &&
      (category.score > 0 ||
        content.some((c) => {
          // (目前该事项尚未交办，待研究: a status word saying nothing was done yet is no problem of its own)
          const t = blankSpans(c.text, c.start, segStatuses);
          return PROBLEM_CUES.test(t) || OWN_PROBLEM_CUES.test(t) || REQUEST_CUES.test(t);
        })),
    earlier:
      seg.topic ||
      (!NEW_MARKERS.test(seg.text) &&
        // "…的事能不能帮忙催催": asking for help with a matter reports it
        !(REQUEST_CUES.test(reportedText) || /帮忙|留言|来电|来函/.test(reportedText)) &&
        (EARLIER_MARKERS.test(withoutInnerAnaphor(seg.text)) ||
          // (上述问题已分别转…, 以上问题均已交办: this message's problems, not an earlier one)
          (EARLIER_WEAK.test(seg.text) && !REPORT_IN_CLAUSE.test(seg.text) && !THIS_MESSAGE_SCOPE.test(seg.text)))),
    reportedText,
    // (…已对接农商行，下周上门看: a step taken before the next visit planned is news, not a plan)
    planned:
      cls.some((c) => c.plannedVisit) &&
      !cls.some((c) => c.visit) &&
      !segStatuses.some((x) => x.status !== 'open') &&
      !segDepts.some((x) => x.handedTo),
    ownPlan:
      // (…的贷款问题我明天去金融办问问情况: our own next step, whatever words the plan is said in)
      (OWN_PLAN.test(seg.text) || FOLLOW_UP_REQUEST.test(seg.text) || speakerPlans(seg.text)) &&
      segStatuses.length === 0 &&
      !segDepts.some((x) => x.handedTo) &&
      !OWN_PROBLEM_CUES.test(seg.text) &&
      !REQUEST_CUES.test(seg.text) &&
      // (企业提出党建阵地建设需要指导，我说会报给组织部: what the enterprise raised is recorded, only our step is a plan)
      !STRONG_REPORT.test(denominalised(seg.text.slice(0, ownPlanStart(seg.text)))),
    question: askedSignOff ? null : asked,
    askedSignOff,
    enterprise,
  };
}

/** Where the speaker's own plan starts in a segment: its last first-person subject (0 when none). */
/** 他们说, 对方答复: speech by a pronoun, which after a hand-off stands for the office handed the matter. */
const PRONOUN_SPEECH = new RegExp(
  `(?:他们|她们|对方|人家|该局)(?:那边|这边)?\\s*(?:${HANDLER_PROMISE_VERBS.join('|')})`,
  'g',
);
/**
 * The text of a segment as reported, with what the office just handed the matter says blanked (已经转给金融办了，他们说下周
 * 安排尽调): its word is the handling of the matter, not the enterprise reporting something new.
 */
function withoutHandlerSpeech(work: string, span: Span, depts: DepartmentMention[]): string {
  return work.slice(span.start, span.end).replace(PRONOUN_SPEECH, (x, at: number) => {
    const from = span.start + at;
    const handed = depts.some((d) => d.handedTo && d.end <= from && !/[。;；\n]/.test(work.slice(d.end, from)));
    return handed ? ' '.repeat(x.length) : x;
  });
}

function ownPlanStart(text: string): number {
  return Math.max(0, ...SPEAKER_SUBJECTS.map((w) => text.lastIndexOf(w)));
}

/**
 * "…施工许可证办不下来这个事我当场就交给住建局了": a proximal anaphor (这个事) after a problem said in the same segment
 * points at that problem, not at one raised before — it is blanked before earlier markers are looked for.
 */
function withoutInnerAnaphor(text: string): string {
  return text.replace(new RegExp(PROXIMAL_ANAPHOR.source, 'g'), (x, at: number) =>
    saysSomethingWrong(text.slice(0, at)) ? ' '.repeat(x.length) : x,
  );
}

/**
 * The furthest status a segment states — except that steps done before work still under way are steps:
 * "已完成现场勘查，正在施工", "图审过了，施工许可这周能拿" are in progress, not resolved.
 */
function segmentStatus(hits: StatusHit[]): IssueStatus | null {
  const best = maxStatus(hits.map((s) => s.status));
  if (best !== 'resolved') return best;
  const lastDone = Math.max(...hits.filter((s) => s.status === 'resolved').map((s) => s.start));
  return hits.some((s) => s.status === 'in_progress' && s.start > lastDone) ? 'in_progress' : best;
}

/**
 * The department handling a segment's matter — none when its words say nobody has it yet (资规局 | 未交, 资规局 待研究,
 * 还没交办): the department named there is whose the matter would be, not who handles it. A hand-off said in the
 * same segment still counts.
 */
function handlerUnlessOpen(
  status: IssueStatus | null,
  depts: DepartmentMention[],
  statuses: StatusHit[],
): string | null {
  if (status === 'open' && !depts.some((x) => x.handedTo)) return null;
  return handlerDepartment(depts) ?? handedBack(depts, statuses);
}

/** "想请生态环境局上门指导，我已经报过去了": a hand-off pointing back takes the department named before it. */
function handedBack(depts: DepartmentMention[], statuses: StatusHit[]): string | null {
  const back = statuses.find((s) => s.status === 'assigned' && HANDOFF_BACK.test(s.raw));
  if (!back) return null;
  const before = depts.filter((d) => d.end <= back.start);
  return before.length ? before[before.length - 1]!.name : null;
}

/**
 * "Q-0003已经解决，可以销号了吧？", "维和今天去过了没新问题，顺便问下…啥时候发？": a question in the last
 * clause of a sentence that states something first — the statement is kept, the question split off.
 */
function splitQuestion(
  work: string,
  seg: Segment,
  statuses: StatusHit[] = [],
  depts: DepartmentMention[] = [],
): Segment[] {
  const cls = clausesOf(seg);
  if (cls.length < 2) return [seg];
  // The first clause that asks, after a statement ("…生态那边批了 这个是不是可以销号了 组织部看一下"):
  // the question runs from there to the end of the segment.
  const k = cls.findIndex(
    (c, i) =>
      i > 0 &&
      questionKind(work, i === cls.length - 1 ? { ...c, end: seg.end, text: work.slice(c.start, seg.end) } : c, '') !==
        null,
  );
  if (k < 1) return [seg];
  const at = cls[k]!.start;
  const head = work.slice(seg.start, at).replace(/[\s,，]+$/, '');
  if (!head.trim() || questionKind(work, { start: seg.start, end: seg.start + head.length, text: head }, '') !== null)
    return [seg];
  // "七一在群里问，补助什么时候能拨": the question is what someone asked — reported speech, not ours to answer
  if (ASKED_BEFORE_QUOTE.test(head)) return [seg];
  // 老板说：“新厂房要装修，消防审查能不能快点？”: a question inside the words quoted from the enterprise is its ask
  if (OPEN_QUOTE_OF_SPEECH.test(head)) return [seg];
  // "另外Q-0160 还没人管，谁认领一下？": a head that states nothing done and nothing wrong, only that nothing happened
  // yet, is why the question is asked — the whole sentence asks.
  const headSpan = { start: seg.start, end: seg.start + head.length };
  const headStatuses = statuses.filter((s) => inside(s, headSpan));
  if (
    headStatuses.length &&
    headStatuses.every((s) => s.status === 'open') &&
    !depts.some((d) => inside(d, headSpan) && (d.handedTo || d.role === 'handler')) &&
    !saysSomethingWrong(blankSpans(head, seg.start, headStatuses))
  )
    return [seg];
  return [
    { ...seg, end: seg.start + head.length, text: head },
    {
      ...seg,
      start: at,
      text: work.slice(at, seg.end),
      enumIndex: null,
      marker: '',
      parentStart: at,
    },
  ];
}

/** A quote opened after a verb of saying and not closed yet (老板说：“…, 企业表示“…). */
const OPEN_QUOTE_OF_SPEECH = /(?:说|表示|讲|问|反映|提出|留言)\s*[:：]?\s*[“"「『][^”"」』]*$/;

type Part = { seg: Segment; cls: Clause[] };

/**
 * An issue id and what follows it on its line (or in the "标题：…/进展：…" lines under it) are one update:
 * "Q-0060 七一电器用电增容：供电公司已完成线路改造，待送电验收" is one issue in progress, not a title
 * raised as a new problem plus a result. It stops at another id, a list item, a continuation (另外…) and
 * at anything reported as new (企业又反映…, a problem without a status). Merges `parts` in place.
 */
function attachToRefs(
  work: string,
  refs: RefHit[],
  statuses: StatusHit[],
  ents: EnterpriseHit[],
  parts: Part[],
  analyse: (seg: Segment) => Clause[],
): void {
  const lineOf = (pos: number) => work.slice(0, pos).split('\n').length;
  const lineStart = (pos: number) => work.lastIndexOf('\n', pos - 1) + 1;
  const labelLine = (pos: number) => FIELD_LABEL_LINE.test(work.slice(lineStart(pos)));
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (refs.filter((r) => inside(r, p.seg)).length !== 1) continue;
    // (Q-0058 有效期多久？企业问能不能长期办: an id's words that ask take no words after them that state no step)
    const nextPart = parts[i + 1]?.seg;
    if (questionKind(work, p.seg, '') !== null && nextPart && !statuses.some((s) => inside(s, nextPart))) continue;
    let j = i + 1;
    while (j < parts.length) {
      const q = parts[j]!.seg;
      // (a body carries its list number from the label before its colon: "1. Q-0031 标题：进展")
      if (refs.some((r) => inside(r, q)) || (q.enumIndex !== null && q.enumIndex !== p.seg.enumIndex) || q.marker)
        break;
      const line = lineOf(q.start);
      const prevLine = lineOf(parts[j - 1]!.seg.end);
      if (line !== lineOf(p.seg.start) && !(line <= prevLine + 1 && labelLine(q.start))) break;
      const t = work.slice(q.start, q.end);
      // ("回复 Q-0085：暂缓，企业说明年再说", "Q-0036：该交住建还是园区？": an id standing alone before its colon heads the
      // words after it, whatever they quote or ask)
      const bareId =
        j === i + 1 && /^[\s\p{P}]*$/u.test(blankSpans(work.slice(p.seg.start, p.seg.end), p.seg.start, refs));
      if (questionKind(work, q, '') !== null && !bareId) break; // a question split off stays apart
      // ("恒通电缆…，Q-0133 办结；宏源化纤招工人社局在对接": another enterprise than the one the id's words are about —
      // named in them or last before them — has a matter of its own)
      const ownNames = new Set(ents.filter((e) => inside(e, p.seg)).map((e) => e.name));
      const lastBefore = ents.filter((e) => e.end <= p.seg.start).at(-1);
      if (!ownNames.size && lastBefore) ownNames.add(lastBefore.name);
      if (ownNames.size && ents.some((e) => inside(e, q) && !ownNames.has(e.name))) break;
      const stated = statuses.some((s) => inside(s, q));
      // ("…反映的流动资金贷款问题，经金融办协调…": the matter named, not a new report)
      const said = denominalised(t);
      if (
        !(bareId && stated) &&
        (NEW_REPORT_IN_CLAUSE.test(said) || (!stated && (OWN_PROBLEM_CUES.test(said) || REQUEST_CUES.test(said))))
      )
        break;
      j++;
    }
    if (j === i + 1) continue;
    const end = parts[j - 1]!.seg.end;
    const seg: Segment = { ...p.seg, end, text: work.slice(p.seg.start, end) };
    parts.splice(i, j - i, { seg, cls: analyse(seg) });
  }
}

/**
 * Headings that state a status for the ids listed under them ("以下问题予以销号：① Q-0046 …", "本周销号：
 * Q-0080 …；Q-0081 …", "二、已办结\n编号：Q-0066 …"): index → 'header' for the heading, and the status
 * for each id part under it that states none of its own.
 */
function statusHeaders(
  work: string,
  refs: RefHit[],
  statuses: StatusHit[],
  parts: Part[],
): Map<number, IssueStatus | 'header'> {
  const out = new Map<number, IssueStatus | 'header'>();
  let current: IssueStatus | null = null;
  let listed = false;
  parts.forEach((p, i) => {
    const hasRef = refs.some((r) => inside(r, p.seg));
    const next = parts[i + 1];
    const t = work.slice(p.seg.start, p.seg.end);
    const own = maxStatus(statuses.filter((s) => inside(s, p.seg)).map((s) => s.status));
    if (
      !hasRef &&
      next &&
      refs.some((r) => inside(r, next.seg)) &&
      /^\s*[:：\n]/.test(work.slice(p.seg.end, p.seg.end + 2)) &&
      !OWN_PROBLEM_CUES.test(t) &&
      !REQUEST_CUES.test(t)
    ) {
      // (a heading with no status — 问题办理进展 — still raises nothing itself)
      current = own;
      out.set(i, 'header');
      return;
    }
    // "11月份问题办结情况：\n安泰物流 冷库用电增容 已办结…": a title made of heading words and a status, over the lines
    // of a list or table, raises nothing itself
    const ownHits = statuses.filter((s) => inside(s, p.seg));
    if (
      !hasRef &&
      next &&
      ownHits.length &&
      /^\s*[:：\n]/.test(work.slice(p.seg.end, p.seg.end + 2)) &&
      (isHeading(blankSpans(t, p.seg.start, ownHits)) || sectionOfStatus(work, p.seg, ownHits))
    ) {
      current = own;
      out.set(i, 'header');
      return;
    }
    // "经企业确认，以下问题予以销号：一、X用电增容问题；二、…": a heading that points ahead (以下, 如下) and states a status,
    // over a numbered list whose items state none of their own: each item is a matter on file, in that status
    if (
      !hasRef &&
      next?.seg.enumIndex != null &&
      own !== null &&
      own !== 'open' &&
      FORWARD_POINTER.test(t) &&
      /^\s*[:：]/.test(work.slice(p.seg.end, p.seg.end + 2))
    ) {
      current = own;
      listed = true;
      out.set(i, 'header');
      return;
    }
    if (listed && !hasRef && current && p.seg.enumIndex !== null && !ownHits.length) {
      out.set(i, current);
      return;
    }
    listed = false;
    if (hasRef && current && !out.has(i)) out.set(i, current);
    else if (!hasRef && p.cls.some((c) => c.content)) current = null;
  });
  return out;
}

/** Step 2: messages that are not updates (questions, notices, forwarded documents). */
function screenNonUpdate(m: MessageFacts): Extraction | null {
  const { trimmed, refs, ents, anyVisit, anyFirmStatus, reportCue } = m;
  // (read with fillers blanked too: 那个我问一下…)
  if (ASK_START.test(trimmed) || ASK_START.test(m.work)) return questionOrNothing(m);
  // (Q-0311 可以销号吗: asking to sign off states the resolution — segmentFacts' askedSignOff)
  const signOffAsked = m.segments.some((f) => f.askedSignOff);
  if (STRONG_QUESTION.test(trimmed) && !anyVisit && !reportCue && !statedBeforeAsking(m) && !signOffAsked)
    return questionOrNothing(m);
  if (QUESTION_END.test(trimmed) && !anyFirmStatus && !anyVisit && !reportCue) return questionOrNothing(m);
  // "你们组这个月走访了几家？": a question about visits is not a visit.
  if (QUESTION_END.test(trimmed) && QUESTION_MARKERS.test(trimmed) && !reportCue && !anyFirmStatus && !anyVisit)
    return questionOrNothing(m);
  if (STRONG_NOTICE.test(trimmed) && !refs.length && !anyFirmStatus && !reportCue) return notUpdate();
  // A question first, then only why it is asked ("环评批了没有？金鼎下个月就要开工了", "…？发改那边一直没消息"):
  // the message asks. Something reported as new after it (另外他们又说缺地) is recorded.
  const [first, ...rest] = m.segments;
  if (
    first?.question &&
    rest.length &&
    !anyVisit &&
    // (about an id — Q-0058 有效期多久？企业问能不能长期办 — when what follows states no step of that issue)
    (!refs.length || rest.every((f) => (f.status === null || f.status === 'open') && f.handler === null)) &&
    rest.every(
      (f) =>
        f.question !== null ||
        (!f.seg.marker &&
          // (…？企业说是园区内道路: what they said explains the question, it reports nothing wrong)
          (!NEW_REPORT_IN_CLAUSE.test(f.seg.text) || !saysSomethingWrong(f.seg.text)) &&
          !NEW_MARKERS.test(f.seg.text)),
    )
  )
    return questionOrNothing(m);
  // to the whole group, about no enterprise and no issue (各组组长参加…, 辛苦各位…月底前核一遍): a notice
  if (STRONG_NOTICE.test(trimmed) && !refs.length && ents.length === 0 && !reportCue) return notUpdate();
  if (STATS_SUMMARY.test(trimmed) && !refs.length && ents.length === 0) return notUpdate();
  // 本周重点：1、Q-0101 跟进；2、走访X: a list of things to do, nothing said to have happened
  if (TODO_HEADING.test(trimmed) && !anyFirmStatus && !REALISED_ASPECT.test(trimmed.replace(TODO_HEADING, '')))
    return notUpdate();
  if (INFO_REQUEST.test(trimmed) && !anyVisit) return notUpdate();
  if (LEDGER_REQUEST.test(trimmed) && !anyVisit && !anyFirmStatus) return notUpdate();
  const plain = !refs.length && !anyFirmStatus && !anyVisit && !reportCue;
  if (plain && QUESTION_MARKERS.test(trimmed) && ents.length === 0) return questionOrNothing(m);
  // "X想参加广交会，希望给展位补贴": an enterprise asking for something is a report, whatever event it names.
  const entAsks = ents.length > 0 && (REQUEST_CUES.test(trimmed) || OWN_PROBLEM_CUES.test(trimmed));
  if (plain && !entAsks && NOTICE_MARKERS.test(trimmed)) return notUpdate();
  if (plain && FORWARD_MARKERS.test(trimmed)) return notUpdate();
  // "下午去宏达机械，谁一起": every visit is 去 + a name with no aspect, and nothing is reported — a plan.
  const visits = m.segments.flatMap((f) => f.cls.filter((c) => c.visit !== null));
  if (
    visits.length &&
    visits.every((c) => c.bareMotion) &&
    !refs.length &&
    !anyFirmStatus &&
    m.segments.every(
      (f) => f.question !== null || (!f.hasProblem && f.handler === null && !f.cls.some((c) => c.noIssue)),
    )
  )
    return notUpdate();
  return null;
}

/**
 * "海纳那个授信，金融办对接中。我想问一下，…算一类吗？": a sentence before the first question states how a matter of an
 * enterprise or id stands (a hand-off, work, a result) — a report that ends by asking, not a question.
 */
function statedBeforeAsking(m: MessageFacts): boolean {
  const q = m.segments.findIndex((f) => f.question !== null);
  if (q <= 0) return false;
  const asked = m.segments[q]!;
  // (the question opens a sentence of its own)
  if (!/[。.!！?？\n]\s*$/.test(m.work.slice(0, asked.seg.start))) return false;
  return m.segments
    .slice(0, q)
    .some(
      (f) =>
        f.status !== null &&
        f.status !== 'open' &&
        (f.refs.length > 0 || (f.enterprise !== null && f.category.score > 0)),
    );
}

/** Step 3: the items a segment raises or updates — the first step that recognises the segment decides. */
function buildItems(d: Draft, m: MessageFacts, f: SegmentFacts): void {
  if (f.header) return;
  if (f.planned && !f.refs.length) return; // a plan: 明天去华康药业…
  if (f.ownPlan) return;
  if (f.question) return; // a question is asked, nothing is stated (questionOrNothing reads it)
  // "本周共走访企业3家，收集问题3个，已交办2个": a report's tally counts the work, it raises no item
  if (!f.refs.length && tallyOnly(f.seg.text)) return;
  // "本周走访企业诉求汇总" on its own line: a report's title that says visits were made (read as such) raises no item
  if (
    !f.refs.length &&
    f.status === null &&
    f.handler === null &&
    /^\s*(?:[\n:：]|$)/.test(m.work.slice(f.seg.end, f.seg.end + 1)) &&
    isHeading(f.seg.text.replace(VISIT_VERBS_G, ''))
  )
    return;
  // "三、下周计划\n跟进X的奖励兑现": under a section of work to do, a line with no id and nothing said done is a plan
  if (!f.refs.length && (f.status === null || f.status === 'open') && inTodoSection(m.work, f.seg.start)) return;
  // "企业暂无诉求，对之前帮忙协调的事很满意": nothing to record unless an id, a status or a department says so.
  if (
    !f.refs.length &&
    f.cls.every((c) => !c.content || c.noIssue) &&
    f.cls.some((c) => c.noIssue) &&
    (f.status === null || f.status === 'open') &&
    f.handler === null
  )
    return;
  // "两家此前诉求均已办结": earlier matters in general, none named — nothing to update.
  if (
    !f.refs.length &&
    f.category.score <= 0 &&
    !freshItems(d).length &&
    GENERIC_EARLIER_ALL.test(f.seg.text) &&
    !f.content.some((c) => OWN_PROBLEM_CUES.test(c.text) || REQUEST_CUES.test(c.text))
  )
    return;
  // "技改补助还没到账\n想请财政局帮忙看看": a bare request for help right after a problem — no matter of its own, nothing
  // said to be wrong, no step taken — asks help with that problem; it raises none (a wished-for office is no handler)
  const last = freshItems(d).at(-1);
  if (
    last &&
    last.segment === f.index - 1 &&
    last.enterprise === f.enterprise &&
    !f.refs.length &&
    f.category.score <= 0 &&
    f.status === null &&
    f.handler === null &&
    f.content.length > 0 &&
    f.content.every((c) => REQUEST_CUES.test(c.text) && !OWN_PROBLEM_CUES.test(c.text))
  )
    return;
  for (const step of ITEM_STEPS) if (step(d, m, f)) return;
}

/** Does `at` lie under a section heading of work to do (TODO_SECTION_HEADING), before the next section opens? */
function inTodoSection(work: string, at: number): boolean {
  const lines = work.slice(0, at).split('\n');
  // (the heading may end the line the segment starts on: 三、下周计划：回访…)
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (TODO_SECTION_HEADING.test(line)) return true;
    if (SECTION_OPENING.test(line)) return false;
  }
  return false;
}

/** Every clause of the text a count of the work done (TALLY_CLAUSE). */
function tallyOnly(text: string): boolean {
  // (the enterprises counted may be named in brackets: 走访企业3家（七一电器、维和药业、鑫源化工）)
  const parts = text
    .replace(/[(（][^()（）]*[)）]/g, '')
    .split(/[,，、]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => TALLY_CLAUSE.test(p));
}

const ITEM_STEPS: Array<(d: Draft, m: MessageFacts, f: SegmentFacts) => boolean> = [
  refUpdates,
  listAddressed,
  ordinalUpdates,
  anaphoricState,
  topicUpdate,
  namedUpdate,
  resolution,
  newProblem,
  trailingState,
];

function summaryOf(m: MessageFacts, f: SegmentFacts, fallbackToAll: boolean): string {
  const keep = f.content.filter((c) => !c.visit || f.cls.length === 1);
  const spans = keep.length ? keep : fallbackToAll ? f.cls.filter((c) => !c.visit) : [];
  return makeSummary(m.summarySource, spans.length ? spans : f.cls, m.entNames);
}

/** An update of an earlier issue (by id, topic or enterprise). */
function addOld(d: Draft, m: MessageFacts, f: SegmentFacts, ref: string | null): void {
  d.items.push({
    old: true,
    ref,
    category: f.category.category,
    summary: summaryOf(m, f, true),
    department: f.handler,
    // (Q-0087 部门写错了，应该是人社局: the record's department corrected — the matter is now in that office's hands)
    status:
      f.status ??
      (f.depts.some((x) => x.fieldSet && x.name === f.handler)
        ? 'assigned'
        : f.handler || REALISED_STEP.test(f.seg.text)
          ? 'in_progress'
          : 'open'),
    explicitStatus: f.status !== null,
    enterprise: f.enterprise,
    enumIndex: f.seg.enumIndex,
    segment: f.index,
    categoryScore: f.category.score,
  });
}

function apply(targets: Item[], st: IssueStatus | null, dept: string | null): void {
  for (const t of targets) {
    if (st) {
      t.status = st;
      t.explicitStatus = true;
    }
    if (dept) t.department = dept;
  }
}

/** a) an issue id: an update of that issue. */
function refUpdates(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (!f.refs.length) return false;
  // One issue per id: a later sentence about an id already updated (更正：不是Q-0035，是Q-0036。Q-0036 证已领到)
  // adds what it says to that update instead of a second one.
  if (f.refs.length === 1) {
    const same = d.items.find((i) => i.old && i.ref === f.refs[0]!.ref);
    if (same) {
      if (f.status) same.status = maxStatus([same.status, f.status])!;
      if (f.status) same.explicitStatus = true;
      if (f.handler) same.department = f.handler;
      if (same.categoryScore <= 0 && f.category.score > 0) {
        same.category = f.category.category;
        same.categoryScore = f.category.score;
        same.summary = summaryOf(m, f, true);
      }
      return true;
    }
  }
  for (const r of f.refs) addOld(d, m, f, r.ref);
  // "Q-0055 办结，Q-0056 消号": each id takes the status said between it and the next id (when there is one),
  // and the matter named there (Q-0103（用工）、Q-0104（施工许可）) when it names one.
  if (f.refs.length > 1) {
    const own = d.items.slice(-f.refs.length);
    // (a department named before the first id — 住建局反馈：Q-0012 办结，Q-0013 协调中 — speaks for every id)
    const shared = f.depts.filter((x) => x.end <= f.refs[0]!.start);
    f.refs.forEach((r, k) => {
      const end = f.refs[k + 1]?.start ?? f.seg.end;
      const spanStatuses = f.statuses.filter((s) => s.start >= r.end && s.end <= end);
      const st = maxStatus(spanStatuses.map((s) => s.status));
      if (st) own[k]!.status = st;
      // "Q-0205 已办结，Q-0206 交住建局，Q-0207 还在协调": an id whose own words say something takes the
      // department they name (or none) — not the one handed another id; an id with no words of its own (Q-0003、)
      // shares what follows.
      const spanDepts = f.depts.filter((x) => x.start >= r.end && x.end <= end);
      if (spanStatuses.length || spanDepts.length)
        own[k]!.department = handlerUnlessOpen(st, [...shared, ...spanDepts], spanStatuses);
      const named = categorize(blankSpans(m.work.slice(r.end, end), r.end, [...m.ents, ...m.depts]));
      if (named.score > 0) {
        own[k]!.category = named.category;
        own[k]!.categoryScore = named.score;
      }
    });
  }
  return true;
}

/**
 * b) a list item that only hands off or updates ("①已转人社局，②已交金融办" after the list): it
 * addresses the item of the list with its number. When no such item exists the hand-off is not
 * guessed onto another one: the parse is marked unsure instead.
 */
function listAddressed(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const n = f.seg.enumIndex;
  if (n === null || f.hasProblem || (f.status === null && f.handler === null)) return false;
  const listed = freshItems(d).filter((i) => i.enumIndex !== null && i.segment < f.index);
  if (!listed.length) return false;
  // (2、新宇纺机：展位已落实 — the rest of a roll-up entry, its number the entry's, not a list item's; so is the state
  // after an entry's title — 2、绿野农业补贴：农业农村局审核中 — which the entry's title and state steps read)
  if (entryStart(m, f) !== null) return false;
  if (m.multiEnterprise && m.segments[f.index - 1]?.seg.enumIndex === n) return false;
  const entries = rollupEntries(m, freshItems(d));
  // 以上第1项①已转住建局: in a roll-up of entries with numbered problems, ① of the entry named before it
  const entryNo = /第([一二三四五六七八九十\d]{1,2})(?:个|项|条|件)\s*$/.exec(
    m.work.slice(Math.max(0, f.seg.start - 6), f.seg.start),
  );
  const entry = entryNo ? entries[num(entryNo[1]!) - 1] : undefined;
  // The latest item with that number (a second list restarts the numbering).
  const target = entry
    ? (entry.find((i) => i.enumIndex === n) ?? entry[n - 1])
    : [...listed].reverse().find((i) => i.enumIndex === n);
  if (!target) {
    // (1.走访X 2.企业反映缺研发用房 3.已交办经信局: the next number of the same running list, right after a problem —
    // its hand-off, as a sentence after it would be)
    const previous = listed.at(-1) as Item;
    if (!entry && previous.segment === f.index - 1 && previous.enumIndex === n - 1) {
      apply([previous], f.status ?? (f.handler ? 'assigned' : null), f.handler);
      return true;
    }
    d.reasons.add('unmatched_list_handoff');
    return true;
  }
  // …，第2项已交人社局: a later clause of the segment addressing another entry by its ordinal is its own hand-off
  const cls = clausesOf(f.seg);
  const split = entries.length ? cls.findIndex((c, k) => k > 0 && ENTRY_ORDINAL.test(c.text)) : -1;
  if (split < 0) {
    apply([target], f.status ?? (f.handler ? 'assigned' : null), f.handler);
    return true;
  }
  const stateOf = (spans: Span[]) => {
    const st = maxStatus(f.statuses.filter((x) => spans.some((c) => inside(x, c))).map((x) => x.status));
    const dept = handlerDepartment(f.depts.filter((x) => spans.some((c) => inside(x, c))));
    return { st: st ?? (dept ? ('assigned' as const) : null), dept };
  };
  const head = stateOf(cls.slice(0, split));
  apply([target], head.st, head.dept);
  const referenced = new Set<Item>([target]);
  for (const c of cls.slice(split)) {
    const targets = ordinalTargets(c.text, freshItems(d), referenced, entries);
    if (!targets) continue;
    const own = stateOf([c]);
    apply(targets, own.st, own.dept);
    for (const t of targets) referenced.add(t);
  }
  return true;
}

/** 第2项…: a clause that addresses an entry of a list by its ordinal. */
const ENTRY_ORDINAL = /^\s*(?:以上)?第[一二三四五六七八九十\d]{1,2}(?:个|项|条|件)/;

/**
 * The entries of a roll-up whose entries list several problems each: the problems of each enterprise, in the order
 * the enterprises come. Empty when the message is no such roll-up.
 */
function rollupEntries(m: MessageFacts, fresh: Item[]): Item[][] {
  if (!m.multiEnterprise) return [];
  const entries: Item[][] = [];
  for (const i of fresh) {
    const last = entries[entries.length - 1];
    if (last && last[0]!.enterprise === i.enterprise) last.push(i);
    else entries.push([i]);
  }
  return entries.length >= 2 && entries.length < fresh.length ? entries : [];
}

/** The number a table row or list line of the item opens with (1 星辰光伏 …, 3、立信包装 …), or null. */
function rowNumber(m: MessageFacts, i: Item): number | null {
  const at = /^\s*(\d{1,2})(?=[\s、.．\t])/.exec(m.segments[i.segment]?.seg.text ?? '');
  return at ? Number(at[1]) : null;
}

/** Every clause of the segment opens with an entry's ordinal and hands it to a department (第1项已转供电公司，第3项转商务局…). */
function handsEntriesOn(f: SegmentFacts): boolean {
  const cls = clausesOf(f.seg);
  return cls.every((c) => ENTRY_ORDINAL.test(c.text) && f.depts.some((x) => x.handedTo && inside(x, c)));
}

/** c) ordinal references to this message's items: 第一个已交金融办，后两个待交办. */
function ordinalUpdates(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const fresh = freshItems(d);
  // (第1项已转供电公司，第3项转商务局帮助拓市场: each clause hands an entry on, the matter words say what for)
  if (!fresh.length || (f.hasProblem && !handsEntriesOn(f))) return false;
  let used = false;
  const referenced = new Set<Item>();
  const entries = rollupEntries(m, fresh);
  // (我看第三个最好办，已经交经信局核实: a bare state after an ordinal clause is about the items it named)
  let named: Item[] | null = null;
  for (const c of clausesOf(f.seg)) {
    const targets: Item[] | null =
      ordinalTargets(c.text, fresh, referenced, entries, (i) => rowNumber(m, i)) ??
      (ORDINAL_MENTION.test(c.text) ? null : named);
    named = targets;
    if (!targets) {
      if (ORDINAL_MENTION.test(c.text) && (f.statuses.some((s) => inside(s, c)) || f.depts.some((x) => inside(x, c)))) {
        d.reasons.add('unmatched_list_handoff');
        used = true;
      }
      continue;
    }
    const cStatuses = f.statuses.filter((s) => inside(s, c)).map((s) => s.status);
    const cDept = handlerDepartment(f.depts.filter((x) => inside(x, c)));
    apply(targets, maxStatus(cStatuses) ?? (cDept ? 'assigned' : null), cDept);
    for (const t of targets) referenced.add(t);
    used = true;
  }
  return used;
}

/**
 * c') a state said of no matter by name — bare (已于4月1日报请供电公司加快办理) or pointing back (这个算办结了, 该事项尚未
 * 交办) — after the message told a matter: it is that matter's state, also when that matter was an update of an
 * earlier issue (补贴到了！这个算办结了).
 */
function anaphoricState(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (f.refs.length || f.seg.topic || f.category.score > 0 || !d.items.length) return false;
  if (f.status === null && f.handler === null) return false;
  if (!saysNothingWrong(m, f)) return false;
  const entry = entryStart(m, f);
  if (entry !== null && !freshItems(d).some((i) => i.segment >= entry)) return false;
  if (freshItems(d).length) return trailingState(d, m, f);
  const last = d.items[d.items.length - 1]!;
  if (m.multiEnterprise && last.enterprise !== f.enterprise) return false;
  apply([last], f.status ?? namedOfficeStatus([last]), f.handler);
  return true;
}

/**
 * The status an office named with no act of its own gives the matters it is said of: handed to it — unless one of them
 * was said to be further along already (环评 批了\n生态环境局 昨天出的批复: the office says who did it, the result stands).
 */
function namedOfficeStatus(targets: Item[]): IssueStatus | null {
  return targets.some((t) => t.explicitStatus && STATUS_ORDER[t.status] > STATUS_ORDER.assigned) ? null : 'assigned';
}

/** d) "X的事 …", "上次提的 …": an earlier issue, or one raised earlier in this message. */
function topicUpdate(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const fresh = inScope(m, f, freshItems(d));
  // "上述问题已分别转…", "以上问题均已交办": about the items just listed (trailingState), not an earlier issue
  if (fresh.length && !f.hasProblem && SCOPE_ALL.test(f.seg.text)) return false;
  if (!f.earlier) {
    // "…第二，缺研发人员。…人才的问题还需要研究一下": a topic naming a problem listed earlier in this
    // message (same category, in an earlier sentence), saying nothing wrong of its own, is about that problem.
    if (!TOPIC_MARKERS.test(f.seg.text) || NEW_MARKERS.test(f.seg.text) || f.category.score <= 0) return false;
    const listed = fresh.filter((i) => i.segment < f.index);
    const match = matchItem(listed, f.category.category, f.category.score);
    if (!match || !saysNothingWrong(m, f)) return false;
    apply([match], f.status, f.handler);
    return true;
  }
  const cat = f.category;
  const match = fresh.length
    ? ((f.seg.topicCategory ? matchItem(fresh, f.seg.topicCategory, 1) : matchItem(fresh, cat.category, cat.score)) ??
      itemNamedBy(m, fresh, f))
    : null;
  // (a topic clause split from a sentence carries no new problem: the splitter checked its clauses)
  if (match && (f.seg.topic || !hasProblemBeyondTopic(f.cls))) apply([match], f.status, f.handler);
  // (on a visit, a matter named as "那个X的事" with no step said of it — 还有一个是那个消防验收的事, …没接通就这个事 —
  // is raised there: an update of an earlier issue says what was done)
  else if (m.anyVisit && (f.status === null || f.status === 'open') && f.handler === null && f.hasProblem) return false;
  else addOld(d, m, f, null);
  return true;
}

/**
 * d') a state said after the problems were listed, naming one of them by its topic and saying nothing
 * wrong of its own ("诉求：缺操作工40人 / 进展：用工需求已抄送人社局", "…用地30亩；奖励未拨付。用地已报资规局"):
 * it updates the listed problem of that category, not a new or an earlier one.
 */
function namedUpdate(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (f.refs.length) return false;
  if (f.status === null ? f.handler === null : f.status === 'open' && f.handler === null) return false;
  const anyEntry = trailsEntries(m, f);
  const listed = inScope(m, f, freshItems(d)).filter((i) => i.segment < f.index);
  if (!listed.length || REQUEST_CUES.test(denominalised(f.seg.text))) return false;
  // the problem named by the words the line shares with it (增容已报供电公司 → 用电增容), else by its category
  const found = itemsSharingTopic(m, f, listed);
  // (words shared in passing — 研发补助只到了一半 after 缺两名研发工程师 — name that problem only when they are the
  // line's whole topic, or the categories agree)
  const shared = found.whole
    ? found
    : { ...found, items: found.items.filter((i) => f.category.score > 0 && i.category === f.category.category) };
  if (!saysNothingWrong(m, f, shared.run)) return false;
  const same = shared.items.length
    ? shared.items
    : f.category.score > 0
      ? listed.filter((i) => i.category === f.category.category)
      : [];
  if (!same.length) return false;
  const open = same.filter((i) => !i.explicitStatus);
  const target =
    (anyEntry && new Set(same.map((i) => i.enterprise)).size > 1
      ? open.length === 1
        ? open[0]
        : null
      : (open[0] ?? (same.length === 1 ? same[0] : null))) ?? null;
  if (!target) {
    // several entries' problems fit and nothing tells which: ask rather than guess
    if (anyEntry) {
      d.reasons.add('unmatched_list_handoff');
      return true;
    }
    return false;
  }
  apply([target], f.status ?? 'assigned', f.handler);
  return true;
}

/**
 * A roll-up's line after its entries that names no enterprise of its own (奖励问题已转财政; 用地→自规；限行→交通):
 * it may be about any entry's problem, not only the last entry's.
 */
function trailsEntries(m: MessageFacts, f: SegmentFacts): boolean {
  if (!m.multiEnterprise || f.seg.enumIndex !== null || m.ents.some((e) => inside(e, f.seg))) return false;
  return m.segments.some((x) => x.index < f.index && m.ents.some((e) => inside(e, x.seg)));
}

/** The items of this message a segment may speak of: in a roll-up, its own enterprise's (or any, after the entries). */
function inScope(m: MessageFacts, f: SegmentFacts, items: Item[]): Item[] {
  return !m.multiEnterprise || trailsEntries(m, f) ? items : items.filter((i) => i.enterprise === f.enterprise);
}

/**
 * Where the numbered entry a segment continues starts: "2、新宇纺机：展位已落实" splits into a head (the number and
 * a name, nothing reported) and what follows under the same number. Null when the segment heads its number itself
 * or its number is a problem list's (①缺工 ②缺钱).
 */
function entryStart(m: MessageFacts, f: SegmentFacts): number | null {
  const n = f.seg.enumIndex;
  if (n === null) return null;
  let i = f.index;
  while (i > 0 && m.segments[i - 1]!.seg.enumIndex === n) i -= 1;
  const head = m.segments[i]!;
  return i < f.index && !head.hasProblem && head.status === null && head.handler === null ? i : null;
}

/** Words that say what a line is about but name no problem of their own (问题, 事项, 的事 …). */
const TOPIC_FILLER = /问题|事项|事情|事宜|诉求|的事|方面|那个|这个|这块|其余|其他|剩下/g;

/**
 * The listed problems whose summary shares the longest run (two or more Chinese characters) of the words a
 * state line says before its state — "增容已报供电公司" names "用电增容", "保函事项已转金融办" names the 保函 one.
 */
function itemsSharingTopic(
  m: MessageFacts,
  f: SegmentFacts,
  items: Item[],
): { items: Item[]; run: string; whole: boolean } {
  const firstMark = Math.min(
    f.seg.end,
    ...f.statuses.map((x) => x.start),
    ...f.depts.map((x) => (x.handedTo ? x.verbStart : x.start)),
  );
  const topic = m.work
    .slice(f.seg.start, Math.max(f.seg.start, firstMark))
    .replace(TOPIC_FILLER, ' ')
    .replace(/[^\u4e00-\u9fa5]+/g, ' ');
  let best: Item[] = [];
  let run = '';
  for (const item of items) {
    const text = m.segments[item.segment]?.seg.text ?? item.summary;
    let found = '';
    for (const word of topic.split(' '))
      for (let a = 0; a < word.length; a++)
        for (let b = word.length; b - a > Math.max(found.length, 1); b--)
          if (text.includes(word.slice(a, b))) {
            found = word.slice(a, b);
            break;
          }
    if (found.length > Math.max(run.length, 1)) {
      best = [item];
      run = found;
    } else if (found.length > 1 && found.length === run.length) best.push(item);
  }
  // (the run is the line's whole topic: 增容已报供电公司, 用地→自规)
  const words = topic.split(' ').filter((w) => w.length >= 2);
  return { items: best, run, whole: run.length >= 2 && words.length === 1 && words[0] === run };
}

/** e) solved or signed off: an earlier issue (or the items just listed, when nothing new is said). */
function resolution(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (f.status !== 'resolved' && f.status !== 'closed') return false;
  // (the items of another enterprise named before are not what this one's result is about)
  const entry = entryStart(m, f);
  const fresh = inScope(m, f, freshItems(d)).filter(
    (i) =>
      (!f.enterprise || i.enterprise === f.enterprise || trailsEntries(m, f)) && (entry === null || i.segment >= entry),
  );
  if (fresh.length && !f.hasProblem)
    apply(SCOPE_ALL.test(f.seg.text) ? fresh : [fresh[fresh.length - 1]!], f.status, f.handler);
  else if (!updatesLastOld(d, f) && !concededBackground(m, f) && !restatesLastResult(d, m, f)) addOld(d, m, f, null);
  return true;
}

/** A clause opening with a wish (想参加展会, 希望多组织招聘): what the enterprise would like done. */
const WISH_OPENING = /^\s*(?:他们|企业|老板|厂里)?(?:还|也|就是)?(?:想要?|希望|盼着?|打算)/;
/** The segment only asks for something (想申请…, 希望帮忙…) and the one before it says what is wrong: a remedy for it. */
function remedyOf(m: MessageFacts, f: SegmentFacts, prev: SegmentFacts | undefined): boolean {
  if (!prev || prev.seg.parentStart === f.seg.parentStart) return false;
  const asks =
    f.content.some((c) => REQUEST_CUES.test(c.text) || WISH_OPENING.test(c.text)) &&
    !f.content.some((c) => OWN_PROBLEM_CUES.test(c.text));
  return asks && prev.content.some((c) => OWN_PROBLEM_CUES.test(c.text)) && !m.multiEnterprise;
}

/**
 * "华康 融资 done ✅ / 贷款昨天到账了": a result said of a matter right after the same result said of its category alone (or
 * the other way round) — a headline and its detail, one update. Two results on matters each named in their own words
 * (土地证下来了 / 用地指标也批了) stay two.
 */
function restatesLastResult(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const last = d.items[d.items.length - 1];
  if (!last?.old || last.ref || f.refs.length || last.segment !== f.index - 1) return false;
  if (last.enterprise !== f.enterprise || last.category !== f.category.category || f.category.score <= 0) return false;
  if (last.status !== f.status) return false;
  const prev = m.segments[last.segment];
  if (!prev) return false;
  const headline = namesOnlyCategory(m, prev);
  if (!headline && !namesOnlyCategory(m, f)) return false;
  // (the detail names the matter better than its headline)
  if (headline) last.summary = summaryOf(m, f, true);
  if (f.handler) last.department = f.handler;
  return true;
}

const GENERIC_MATTER = new RegExp([...GENERIC_MATTER_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');
/** The segment names its matter only by words any matter of its category shares (融资, 用地的事, 审批), beside names and states. */
function namesOnlyCategory(m: MessageFacts, f: SegmentFacts): boolean {
  let text = m.work.slice(f.seg.start, f.seg.end);
  const masks = [...m.ents, ...f.statuses, ...f.depts, ...f.refs, ...m.dateHits];
  for (const x of masks)
    if (x.start < f.seg.end && f.seg.start < x.end)
      text = blank(text, Math.max(0, x.start - f.seg.start), Math.min(text.length, x.end - f.seg.start));
  const rest = text
    .replace(GENERIC_MATTER, ' ')
    .replace(TOPIC_FILLER, ' ')
    .replace(/[^\u4e00-\u9fa5]+/g, '');
  return rest.length === 0 && text.replace(/[^\u4e00-\u9fa5]+/g, '').length > 0;
}

/**
 * "项目已完成签约，但土地指标尚未落实": a result conceded before 但 + a problem about something else, in the same
 * sentence, is background to that problem — no earlier issue is updated (unless the problem is said to be new).
 */
function concededBackground(m: MessageFacts, f: SegmentFacts): boolean {
  const next = m.segments[f.index + 1];
  return (
    !f.refs.length &&
    next !== undefined &&
    next.seg.parentStart === f.seg.parentStart &&
    CONTRAST_START.test(next.seg.text) &&
    // (…批复下来了，但新问题是…: the result is an update of its own, the problem after it is new)
    !NEW_MARKERS.test(next.seg.text) &&
    next.hasProblem &&
    next.category.category !== f.category.category
  );
}

/**
 * A segment with no words of its own but a status or a department (“补贴到了！”这个算办结了; …已受理。), right after an
 * update of an earlier issue: it says more of that update, it is no second one.
 */
function updatesLastOld(d: Draft, f: SegmentFacts): boolean {
  const last = d.items[d.items.length - 1];
  if (!last?.old || last.segment >= f.index || f.refs.length || f.hasProblem || f.content.length) return false;
  if (freshItems(d).length) return false;
  if (f.status) last.status = f.status === 'open' ? last.status : maxStatus([last.status, f.status])!;
  if (f.status && f.status !== 'open') last.explicitStatus = true;
  if (f.handler) last.department = f.handler;
  return true;
}

/** f) a problem: a new issue, with the hand-offs said in its own clauses. */
function newProblem(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (!f.hasProblem) return false;
  if (restatesListed(d, m, f)) return true;
  // "今天去过了，冷库在扩建，企业没有新诉求": where the message says nothing is asked, a clause naming a
  // topic without saying anything is wrong or wanted describes the enterprise, it raises nothing.
  if (
    // (a list item the enterprise handles itself — ③…（企业自己解决） — speaks for that item only)
    m.segments.some(
      (x) =>
        (x.seg.enumIndex === null || x.index === f.index) &&
        // (in a roll-up, 无问题 speaks for its own enterprise)
        (!m.multiEnterprise || x.enterprise === f.enterprise) &&
        x.cls.some((c) => c.noIssue),
    ) &&
    // (a need that may arise later — 届时可能需要新增用地 — is no problem said today)
    !f.content.some(
      (c) =>
        !CONTINGENT_NEED.test(c.text) &&
        (OWN_PROBLEM_CUES.test(c.text) || REQUEST_CUES.test(c.text) || PROBLEM_CUES.test(c.text)),
    ) &&
    f.status === null &&
    f.handler === null
  )
    return false;
  // A tracking-table row whose progress column reports a step on the matter (宏宇电器\t企业反映银行抽贷\t金融办\t协调中):
  // the row updates the issue on file — its problem column only names the matter, in whatever words it was filed.
  const rowStep = progressColumnStep(m, f);
  if (rowStep) {
    addOld(d, m, f, null);
    apply(d.items.slice(-1), rowStep, null);
    return true;
  }
  const { work, ents } = m;
  // "…已经交给人社局了，他们说会安排专场招聘会": only the hand-off acknowledged — it speaks of the matter just handed.
  const acks = f.statuses.filter((x) => inside(x, f.seg));
  if (acks.length && acks.every((x) => x.ack) && saysNothingWrong(m, f)) {
    if (d.items.length) apply(d.items.slice(-1), 'assigned', null);
    else addOld(d, m, f, null);
    return true;
  }
  // The department is working on it (资规局在做…, 住建局说月底前给答复) and nobody reports anything new.
  const acting = f.depts.filter((x) => x.role === 'handler' && !x.handedTo).map((x) => isSubject(work, x));
  const deptActing = (f.status === 'in_progress' && f.handler !== null) || acting.some(Boolean);
  // "宏远纺织的用工问题，人社局组织了招聘会…": a topic, then the department acting on it.
  const afterTopic = acting.includes('after-topic') && !/反映|来电|来函|提出|提了/.test(f.reportedText);
  const reported: Span = { start: f.seg.parentStart, end: f.seg.end };
  // (on a visit, a need said there with a department already at work on it is raised there: 去了X 要招二十个工 人社已经接了)
  const raisedOnVisit =
    (m.anyVisit && f.cls.some((c) => c.content && NEED_CUES.test(c.text))) ||
    // (本周新增：恒通电缆 出口退税未到账（税务局已受理）: under a heading of new matters, raised now)
    underNewHeading(m.work, f.seg.start);
  if (
    deptActing &&
    !raisedOnVisit &&
    (afterTopic ||
      (!STRONG_REPORT.test(f.reportedText) && !enterpriseSays(work, ents, quotedFrom(m, reported))) ||
      relaysOnly(m, reported) ||
      tellsOnlyTheWork(m, f))
  ) {
    addOld(d, m, f, null);
    return true;
  }
  // "华康环评已交生态", "润泽科技的研发人员缺口 人设局在对接": an enterprise's topic and what was done about
  // it, nothing reported and nothing said to be wrong — an update of the issue the team already has.
  if (topicOnly(d, m, f) || underWayOnVisit(m, f)) {
    addOld(d, m, f, null);
    return true;
  }
  // "…；二是用电增容，均已交办经信局" / "2.缺包装工，第1个已交金融办": a trailing clause about
  // all items or about other items of the list, not about this one.
  const before = freshItems(d);
  const refClauses = f.cls
    .filter((c) => !c.content)
    .map((c) => ({
      c,
      targets:
        SCOPE_ALL.test(c.text) || RESPECTIVELY.test(c.text)
          ? ('all' as const)
          : ordinalTargets(c.text, [...before, PLACEHOLDER], new Set()),
    }))
    .filter((x): x is { c: Clause; targets: 'all' | Item[] } => x.targets !== null);
  const own = (x: Span) => !refClauses.some((r) => inside(x, r.c));
  const ownStatuses = f.statuses.filter(own);
  const ownHandler = handlerUnlessOpen(segmentStatus(ownStatuses), f.depts.filter(own), ownStatuses);
  const firm = ownStatuses.filter((x) => x.status !== 'in_progress' || ownHandler || x.stage);
  // (供电公司已经批了，正在排施工队: a step done before work still under way is a step)
  const st = segmentStatus(firm);
  const item: Item = {
    old: false,
    ref: null,
    category: f.category.category,
    summary: summaryOf(m, f, false),
    department: ownHandler,
    status: st ?? (ownHandler ? 'assigned' : 'open'),
    explicitStatus: st !== null,
    enterprise: f.enterprise,
    enumIndex: f.seg.enumIndex,
    segment: f.index,
    categoryScore: f.category.score,
  };
  // "…主要是资金问题。他们有一笔流贷下个月到期…": a sentence that only announces the topic, then the problem
  // itself: one issue
  const announced = d.items[d.items.length - 1];
  if (
    announced &&
    !announced.old &&
    announced.segment === f.index - 1 &&
    announced.category === item.category &&
    announced.department === null &&
    announced.status === 'open' &&
    item.enumIndex === null &&
    announcesTopic(m.segments[announced.segment]?.seg.text ?? '')
  ) {
    d.items.pop();
    item.summary = announced.summary ? `${announced.summary}，${item.summary}` : item.summary;
  }
  // "流动资金紧张。想申请技改贷款。": a wish of the same category right after a problem said in its own sentence or line
  // is that problem's remedy, as within one sentence — one issue (a second deficit, 缺焊工 / 缺装配工, stays its own)
  if (
    announced &&
    d.items[d.items.length - 1] === announced &&
    !announced.old &&
    announced.segment === f.index - 1 &&
    announced.category === item.category &&
    announced.enterprise === item.enterprise &&
    announced.enumIndex === null &&
    item.enumIndex === null &&
    !refClauses.length &&
    remedyOf(m, f, m.segments[announced.segment])
  ) {
    announced.summary = `${announced.summary}，${item.summary}`;
    if (item.department) {
      announced.department = item.department;
      announced.status = maxStatus([announced.status, item.status])!;
      announced.explicitStatus ||= item.explicitStatus;
    }
    return true;
  }
  d.items.push(item);
  for (const { c, targets } of refClauses) {
    const cStatus = maxStatus(f.statuses.filter((x) => inside(x, c)).map((x) => x.status));
    const cDept = handlerDepartment(f.depts.filter((x) => inside(x, c)));
    if (!cStatus && !cDept) continue;
    const pairs = respectively(c, f.depts, freshItems(d));
    if (pairs) {
      for (const [t, dept] of pairs) apply([t], cStatus ?? 'assigned', dept);
      continue;
    }
    const list = targets === 'all' ? freshItems(d) : targets.map((t) => (t === PLACEHOLDER ? item : t));
    apply(list, cStatus ?? (cDept ? 'assigned' : null), cDept);
  }
  return true;
}

/**
 * The step a tracking-table row's progress column (its last cell) reports on the matter: a hand-off (已转财政局, 已报), work
 * (协调中) or a result (已放款) — null when the row is no table row, says nothing was done (待研究, 未交), comes from a
 * visit or is marked new (新增), or when it is a hand-off under a header with a column of problems: such a table lists
 * problems as they were raised and handed off.
 */
function progressColumnStep(m: MessageFacts, f: SegmentFacts): IssueStatus | null {
  if (m.anyVisit) return null;
  const cells = tableRowCells(m.work, f.seg.start);
  const last = cells?.at(-1);
  if (!cells || !last || last.start < f.seg.start || last.end > f.seg.end) return null;
  const lineStart = cells[0]!.start;
  if (rowTaggedNew(cells)) return null;
  const handed = m.depts.some((x) => x.handedTo && inside(x, last));
  const st = segmentStatus(m.statuses.filter((x) => inside(x, last))) ?? (handed ? 'assigned' : null);
  if (st === null || st === 'open') return null;
  if (st === 'assigned' && problemTableAbove(m.work.slice(0, lineStart))) return null;
  return st;
}

/**
 * A table row with a cell that only tags it as new (新增, 11月3日 新增, 新增（电话反映）): it raises a problem, whatever its
 * progress column says. (新增用地 in a problem cell names the problem, it tags nothing.)
 */
function rowTaggedNew(cells: ReadonlyArray<{ text: string }>): boolean {
  return cells.some((c) => {
    const t = c.text.replace(/^[\d./月日号\s-]+/, '');
    const mark = NEW_MARKERS.exec(t);
    return (
      mark?.index === 0 &&
      t
        .slice(mark[0].length)
        .replace(/[（(][^）)]*[)）]/g, '')
        .trim() === ''
    );
  });
}

/** A sentence that only announces what the talk was about (主要是资金问题, 重点谈了用工方面的事). */
function announcesTopic(text: string): boolean {
  const last = text.split(/[，,]/).pop() ?? '';
  return (
    ANNOUNCED_TOPIC.test(last) &&
    !OWN_PROBLEM_CUES.test(last.replace(/问题|困难|事情?|方面/g, '')) &&
    !REQUEST_CUES.test(last)
  );
}

/**
 * The segment names a topic (a category word) and a firm step (a hand-off, work under way, a result)
 * but no problem of its own (no deficit or request cue), nobody reports anything, and no visit
 * brings it up: it updates an existing issue.
 */
function topicOnly(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  if (f.status === null || f.status === 'open' || f.category.score <= 0) return false;
  if (m.anyVisit || freshItems(d).length) return false;
  const row = tableRowCells(m.work, f.seg.start);
  if (row && rowTaggedNew(row)) return false;
  // "华康药业诉求：1、贷款500万，已转金融办": a heading before it says what follows is reported
  if (REPORT_HEADING.test(denominalised(m.work.slice(0, f.seg.start)))) return false;
  // (a row under a table header with a column of problems — 企业名称\t问题描述\t责任单位\t进展 — reports its problem)
  if (problemTableAbove(m.work.slice(0, f.seg.start))) return false;
  if (
    STRONG_REPORT.test(denominalised(f.reportedText)) ||
    enterpriseSays(m.work, m.ents, quotedFrom(m, { start: f.seg.parentStart, end: f.seg.end }))
  )
    return false;
  return saysNothingWrong(m, f);
}

const RELAYED_REPORT_G = new RegExp(RELAYED_REPORT.source, 'g');
/**
 * What the enterprise is said to report states no problem and no wish of its own, only how the matter stands
 * (据X反映，…经住建局现场指导，整改已完成过半; 老板说：“只要十月前能通电就行”; X诉求，已转…正在对接): it relays
 * the department's work, it raises nothing new.
 */
function relaysOnly(m: MessageFacts, span: Span): boolean {
  const said = denominalised(m.work.slice(span.start, span.end));
  if (!RELAYED_REPORT.test(said) || STRONG_REPORT.test(said.replace(RELAYED_REPORT_G, (x) => ' '.repeat(x.length))))
    return false;
  let t = said;
  for (const x of [...m.statuses, ...m.depts, ...m.ents, ...m.dateHits])
    if (inside(x, span)) t = blank(t, x.start - span.start, x.end - span.start);
  return !OWN_PROBLEM_CUES.test(t) && !REQUEST_CUES.test(t) && !WISH_WORDS.test(t);
}

/**
 * The label of the heading the segment stands under (the text before the last colon before it, back to the previous
 * sentence end) says its matters are new: 本周新增：…, 新诉求：….
 */
function underNewHeading(work: string, at: number): boolean {
  const colon = Math.max(work.lastIndexOf('：', at - 1), work.lastIndexOf(':', at - 1));
  if (colon < 0) return false;
  const from = Math.max(...['。', ';', '；', '\n'].map((c) => work.lastIndexOf(c, colon - 1))) + 1;
  return NEW_MARKERS.test(work.slice(from, colon));
}

/**
 * "他们说五亩冷库用地农业农村局和自规局正在协调": with the statuses, departments, names and dates blanked, what the segment
 * says (whoever says it) names a matter and nothing wrong, wanted or needed — it tells how the department's work stands.
 */
function tellsOnlyTheWork(m: MessageFacts, f: SegmentFacts): boolean {
  let t = m.work.slice(f.seg.start, f.seg.end);
  for (const x of [...f.statuses, ...f.depts, ...m.ents, ...m.dateHits])
    if (inside(x, f.seg)) t = blank(t, x.start - f.seg.start, x.end - f.seg.start);
  return f.category.score > 0 && !saysSomethingWrong(t) && !NEW_MARKERS.test(t);
}

/**
 * On a visit, a matter said to have reached a stage of work, with nothing wrong or wanted said of it (又去了一趟蓝海生物，临床试验审批
 * 已经进入技术审评，快了): how an earlier issue stands, not a problem raised there.
 */
function underWayOnVisit(m: MessageFacts, f: SegmentFacts): boolean {
  return (
    m.anyVisit &&
    f.status === 'in_progress' &&
    // (said as a state reached — 已经进入…; a bare 在 + verb on a visit describes the enterprise's own work)
    /已/.test(f.seg.text) &&
    f.category.score > 0 &&
    !NEW_MARKERS.test(f.reportedText) &&
    !STRONG_REPORT.test(denominalised(f.reportedText)) &&
    !REPORT_HEADING.test(denominalised(m.work.slice(0, f.seg.start))) &&
    !NEED_CUES.test(denominalised(f.seg.text)) &&
    !WISH_WORDS.test(denominalised(f.seg.text)) &&
    saysNothingWrong(m, f)
  );
}

/** Text (statuses already blanked) that states a deficit, a request or a wish of its own. */
function saysSomethingWrong(text: string): boolean {
  const t = denominalised(text);
  return OWN_PROBLEM_CUES.test(t) || REQUEST_CUES.test(t) || WISH_WORDS.test(t) || NEED_CUES.test(t);
}

/** The text with nominalised problem words (缺的工程师) blanked: they name a matter, they report nothing. */
function denominalised(text: string): string {
  return text.replace(NOMINALISED_PROBLEM, (x) => ' '.repeat(x.length));
}

/** With statuses, departments, names and dates blanked, the segment states no deficit, request or report of its own. */
function saysNothingWrong(m: MessageFacts, f: SegmentFacts, named = ''): boolean {
  let t = m.work.slice(f.seg.start, f.seg.end);
  for (const x of [...f.statuses, ...f.depts, ...m.ents, ...m.dateHits]) {
    if (x.start >= f.seg.start && x.end <= f.seg.end) t = blank(t, x.start - f.seg.start, x.end - f.seg.start);
  }
  // (the words naming a problem listed before — 限行→交通 after 货车进城限行 — name it, they report nothing new)
  if (named) t = t.split(named).join(' '.repeat(named.length));
  t = denominalised(t).replace(NO_ANSWER_YET, (x) => ' '.repeat(x.length));
  return (
    !OWN_PROBLEM_CUES.test(t) &&
    !REQUEST_CUES.test(t) &&
    // (新上线需要能评: a need of the enterprise's, said of a matter)
    !NEED_STATED.test(t) &&
    !/打电话|电话|来电|来函|留言|(?:企业|老板|他们|对方|厂里|负责人|[王李张刘陈赵周吴]总)(?:又|还)?说/.test(t)
  );
}

/** g) only a status or a department: it applies to the items before it. */
function trailingState(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const { status, handler } = f;
  if (status === null && handler === null) return false;
  // (the rest of a numbered entry speaks of that entry's problems, not the entries before)
  const entry = entryStart(m, f);
  // (in a roll-up, a line after the entries that names none but speaks of them all — 以上问题已分别交人社局、金融办 —
  // states for every entry's problems)
  const overAll = trailsEntries(m, f) && (SCOPE_ALL.test(f.seg.text) || RESPECTIVELY.test(f.seg.text));
  const fresh = freshItems(d).filter(
    (i) => (!m.multiEnterprise || overAll || i.enterprise === f.enterprise) && (entry === null || i.segment >= entry),
  );
  const pairs = respectively(f.seg, f.depts, fresh);
  if (pairs) {
    for (const [t, dept] of pairs) apply([t], status ?? 'assigned', dept);
  } else if (fresh.length) {
    const targets = SCOPE_ALL.test(f.seg.text) ? fresh : fresh.filter((i) => !i.explicitStatus).slice(-1);
    const chosen = targets.length ? targets : [fresh[fresh.length - 1]!];
    apply(chosen, status ?? (handler ? namedOfficeStatus(chosen) : null), handler);
    // "海纳半导体 排污许可证延续 进展：生态环境局审核中": a title naming a matter, nothing said to be wrong and
    // nobody reporting it, then its state — an update of the issue the team has, not a new problem.
    const title = chosen.length === 1 ? m.segments[chosen[0]!.segment] : undefined;
    if (
      title &&
      !m.anyVisit &&
      !m.reportCue &&
      !NEW_MARKERS.test(m.work) &&
      // (in a roll-up, each entry is a title and its state: one new item of the entry's own enterprise)
      freshItems(d).filter((i) => !m.multiEnterprise || i.enterprise === chosen[0]!.enterprise).length === 1 &&
      status !== null &&
      status !== 'open' &&
      title.category.score > 0 &&
      !STRONG_REPORT.test(denominalised(title.reportedText)) &&
      !enterpriseSays(m.work, m.ents, quotedFrom(m, { start: title.seg.parentStart, end: title.seg.end })) &&
      // (问题：补助未拨付\n进展：审核中 — a record whose progress field says work is under way or done: the problem is
      // the one on file, what it names as wrong is its title)
      (saysNothingWrong(m, title) || (STATUS_ORDER[status] >= STATUS_ORDER.in_progress && inProgressField(m, f)))
    )
      chosen[0]!.old = true;
  } else if (status !== 'open' && (status !== null || f.depts.some((x) => x.handedTo))) {
    if (!updatesLastOld(d, f)) addOld(d, m, f, null);
  }
  return true;
}

const PROGRESS_FIELD_BEFORE = new RegExp(`(?:${PROGRESS_FIELD_LABELS.join('|')})\\s*[:：]\\s*$`);
/** The segment is the value of a record's progress field (进展：审核中, 办理情况：已办结). */
function inProgressField(m: MessageFacts, f: SegmentFacts): boolean {
  const lineStart = m.original.lastIndexOf('\n', f.seg.start - 1) + 1;
  return PROGRESS_FIELD_BEFORE.test(foldWidth(m.original.slice(lineStart, f.seg.start)));
}

/** Step 4: the kind of the message (for a roll-up: of its first enterprise), or null when nothing is recorded. */
function decideKind(m: MessageFacts, d: Draft): UpdateKind | null {
  let segs = m.segments;
  let items = d.items;
  if (m.multiEnterprise) {
    // kind, enterprise and date follow the first enterprise named; a heading before it counts for all.
    const first = m.ents[0]!.name;
    segs = m.segments.filter((f) => f.enterprise === first || f.enterprise === null);
    items = d.items.filter((i) => i.enterprise === first || i.enterprise === null);
  }
  // (a matter first named in this message as solved or signed off — 挡车工这个 人已经招够了, 消防验收过了 — is one the team
  // had: nobody raises a problem already settled)
  const settled = (i: Item) => i.old || i.status === 'resolved' || i.status === 'closed';
  const oldItems = items.filter(settled);
  const fresh = items.filter((i) => !settled(i));
  // (本周小结：走访企业5家，…办结2条（Q-…）: a tally of visits naming no enterprise, beside updates of earlier issues, is
  // a summary's count — no visit of its own to mix with them; alone, 今天走访了三家企业 still reports visits)
  const tally = (c: Clause) => m.ents.length === 0 && oldItems.length > 0 && VISIT_TALLY.test(c.text);
  const visited =
    (m.visitHeading && !oldItems.length) ||
    segs.some((f) =>
      f.cls.some((c) => !tally(c) && (c.visit === 'visit' || (c.visit === 'return' && oldItems.length === 0))),
    );
  const oldKinds = new Set<UpdateKind>(
    oldItems.map((i) => (i.status === 'closed' ? 'closed' : i.status === 'resolved' ? 'resolved' : 'progress')),
  );
  // (a visit with only the handling of what was raised there — 补贴还没到 财政那边说在走流程 — is a visit: an
  // earlier issue is one named by its id, said solved, or dated before in so many words)
  if (visited) return oldItems.some((i) => earlierThanVisit(m, i)) ? 'mixed' : 'visit';
  if (oldItems.length && fresh.length) return 'mixed';
  if (oldItems.length) return oldKinds.size === 1 ? [...oldKinds][0]! : 'mixed';
  if (fresh.length) return 'issue';
  // A roll-up whose first enterprise raised nothing: the others decide.
  if (m.multiEnterprise && d.items.length) return d.items.some((i) => i.old) ? 'mixed' : 'issue';
  return null;
}

/**
 * Visits talked of in general (大家走访注意防暑, 每月走访不少于4家企业，请遵照执行, 走访排班：…, 走访记录补一下): no
 * enterprise, no id, nothing raised, and no visit said to have happened (了, 已, 过) — a notice, not a visit to record.
 */
function generalVisitTalk(m: MessageFacts, d: Draft, kind: UpdateKind): boolean {
  if (kind !== 'visit' || m.ents.length || m.refs.length || d.items.length) return false;
  const visits = m.segments.flatMap((f) => f.cls.filter((c) => c.visit !== null));
  if (!visits.some((c) => REALISED_ASPECT.test(c.text))) return true;
  // (a meeting held with enterprises none of which is named, nothing raised: 镇里开了个企业座谈会，来了六家)
  const verbs = visits.flatMap((c) => [...c.text.matchAll(VISIT_VERBS_G)].map((v) => v[0]));
  return verbs.length > 0 && verbs.every((v) => MEETING_VISIT.test(v));
}

/** An update the message itself dates before its visit: by id, as a result, on a return visit, or with words like 上次 / 之前. */
function earlierThanVisit(m: MessageFacts, i: Item): boolean {
  if (i.ref !== null || i.status === 'resolved' || i.status === 'closed') return true;
  const f = m.segments[i.segment];
  if (f === undefined || f.refs.length > 0 || EXPLICIT_EARLIER.test(f.reportedText)) return true;
  // (a return visit, 回访, goes back to what was raised before)
  const returned = (c: Clause) =>
    c.visit !== null && [...c.text.matchAll(VISIT_VERBS_G)].some((v) => v[0].startsWith('回'));
  if (m.segments.some((g) => g.cls.some(returned))) return true;
  // (…环评那个正在协调，另外又说缺主播: a problem said to be new elsewhere makes this one earlier business)
  return m.segments.some((g) => g.index !== f.index && NEWLY_RAISED.test(g.seg.text));
}

/**
 * A matter two enterprises share (恒通电子和东方红机械都反映缺电): an issue for each, in the words after the shared
 * subject; null when no problem's words open with a second enterprise's name (SHARED_SUBJECT_REST).
 */
function sharedByTwo(issues: ExtractedIssue[], first: string): ExtractedIssue[] | null {
  if (!issues.some((i) => SHARED_SUBJECT_REST.test(i.summary))) return null;
  return issues.flatMap((i) => {
    const m = SHARED_SUBJECT_REST.exec(i.summary);
    const other = m ? findSuffixNames(m[1]!)[0] : undefined;
    const own = { ...i, enterprise: i.enterprise ?? first };
    if (!m || !other || other.name !== m[1]) return [own];
    const summary = i.summary.slice(m[0].length).replace(/^(?:反映|说|提出)?[，,\s]*/u, '') || i.summary;
    return [
      { ...own, summary },
      { ...own, enterprise: other.name, summary },
    ];
  });
}

/** Step 5: the result, with each issue's enterprise (roll-ups) and the confidence. */
function finish(m: MessageFacts, d: Draft, kind: UpdateKind): Extraction {
  const issues: ExtractedIssue[] = d.items.map((i) => ({
    category: i.category,
    summary: i.summary,
    department: i.department,
    status: i.status,
    ...(m.multiEnterprise ? { enterprise: i.enterprise } : {}),
    // several ids in one message: each update says which one it is about, so none is matched by position
    ...(i.old && i.ref && new Set(m.refs.map((r) => r.ref)).size >= 2 ? { ref: i.ref } : {}),
  }));
  const enterprise = m.ents[0]?.name ?? null;
  const shared = enterprise ? sharedByTwo(issues, enterprise) : null;
  if (shared) {
    issues.splice(0, issues.length, ...shared);
    d.reasons.add('several_enterprises');
  }
  const questions = m.segments.filter((f) => f.question !== null || f.askedSignOff);
  if (questions.length) d.reasons.add('question_form');
  if (m.multiEnterprise) d.reasons.add('several_enterprises');
  if (m.ents[0]?.guessed && kind !== 'not_update') d.reasons.add('guessed_enterprise');
  if (m.depts.some((x) => x.unknown)) d.reasons.add('unknown_department');
  if ((kind === 'visit' || kind === 'issue') && enterprise === null && d.items.some((i) => !i.old))
    d.reasons.add('no_enterprise');
  // (a matter said solved with no id and no enterprise: which issue it settles is unknown, whatever kind it got)
  if (
    d.items.some((i) => (i.old || i.status === 'resolved' || i.status === 'closed') && i.ref === null) &&
    !m.refs.length &&
    enterprise === null
  )
    d.reasons.add('no_target');
  if (d.items.some((i) => !i.old && i.categoryScore <= 0)) d.reasons.add('unknown_category');
  // an update of an existing issue, found by no id, whose words state no hand-off, work or result: is it
  // an update at all, or a problem? Ask. (With an id the note goes to that issue's history.)
  if (d.items.some((i) => i.old && i.ref === null && !i.explicitStatus && i.department === null && i.status === 'open'))
    d.reasons.add('unclear_act');
  // (a numbered list — 1.… 2.… — is cut by its numbers, not by guesswork)
  if (
    m.segments.length >= 2 &&
    !/[,，。;；!！?？\n、]/.test(m.trimmed) &&
    m.trimmed.length >= 30 &&
    m.segments.filter((x) => NUMBERED_ITEM.test(x.seg.marker)).length < 2
  )
    d.reasons.add('unpunctuated');
  // (走访了三家 with fewer enterprises read: some went unread, so the roll-up's fields are in doubt)
  const counted = COUNTED_FIRMS.exec(m.work);
  if (counted && new Set(m.ents.map((x) => x.name)).size < countOf(counted[1]!)) d.reasons.add('missed_enterprise');
  const namedKnown = m.ents.filter((x) => x.known).map((x) => x.name);
  if (kind !== 'not_update' && leavesOutNamed({ enterprise, issues }, namedKnown)) d.reasons.add('missed_enterprise');
  const reasons = [...d.reasons];
  return {
    kind,
    enterprise,
    date: resolveEventDate(m.work, m.today),
    issues,
    ref: m.refs[0]?.ref ?? null,
    confidence: confidenceOf(reasons),
    reasons,
    question: null,
  };
}

/** A section number (三、, （三）, 3.) opening a line. */
const SECTION_NUMBER =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}\s*[、.．]|\d{1,2}\s*[、.．])\s*/;
/** A line of its own that is only a section number and a status (三、持续跟进, （二）已办结): a section title. */
function sectionOfStatus(work: string, seg: Span, hits: StatusHit[]): boolean {
  const lineStart = work.lastIndexOf('\n', seg.start - 1) + 1;
  const lineEnd = work.indexOf('\n', seg.end);
  if (lineEnd < 0 || work.slice(seg.end, lineEnd).trim()) return false;
  const line = work.slice(lineStart, seg.start) + blankSpans(work.slice(seg.start, seg.end), seg.start, hits);
  return SECTION_NUMBER.test(line) && line.replace(SECTION_NUMBER, '').replace(/[\s\p{P}]/gu, '') === '';
}

/** A heading pointing at the list after it (以下问题, 如下, 下列事项). */
const FORWARD_POINTER = /以下|如下|下列/;

/** A count of enterprises visited (走访了三家, 跑了两家企业). */
const COUNTED_FIRMS = /(?:走访|走坊|去|跑|看|回访)了?\s*([两二三四五六七八九十]|\d{1,2})\s*家/;
const countOf = (n: string): number =>
  /\d/.test(n) ? Number(n) : n === '两' ? 2 : '一二三四五六七八九十'.indexOf(n) + 1;

/** Nothing recorded; when the message asks about an issue (by id, or enterprise + topic), say so. */
function questionOrNothing(m: MessageFacts): Extraction {
  const asked =
    m.segments.find((f) => f.question !== null) ??
    (QUESTION_END.test(m.trimmed) || STRONG_QUESTION.test(m.trimmed) ? m.segments[m.segments.length - 1] : undefined);
  const ref = m.refs[0]?.ref ?? null;
  const enterprise = m.ents[0]?.name ?? null;
  if (!asked || (ref === null && enterprise === null)) return notUpdate();
  const kind =
    asked.question ??
    questionKind(m.work, { ...asked.seg, start: 0, end: m.work.length, text: m.work }, '') ??
    'status';
  const category = asked.category.score > 0 ? asked.category.category : null;
  return { ...notUpdate(), reasons: ['question_form'], question: { kind, ref, enterprise, category } };
}

function notUpdate(): Extraction {
  return {
    kind: 'not_update',
    enterprise: null,
    date: null,
    issues: [],
    ref: null,
    confidence: 1,
    reasons: [],
    question: null,
  };
}

/**
 * Is this segment a question? Read from the sentence-final particle or question mark, A-not-A forms
 * (批没批, 能不能) and "where is it" phrases; a question the enterprise asked that is reported
 * (企业问能不能…, 反映…) is a request, not a question to us.
 */
function questionKind(work: string, seg: Span & { text: string }, reportedText: string): QuestionKind | null {
  const after = work.slice(seg.end).match(/^\s*([?？])?/)?.[1];
  const text = seg.text.trim();
  const asks = Boolean(after) || QUESTION_FORMS.test(text) || INTERROGATIVE.test(text);
  if (!asks || REPORTED_ASK.test(reportedText || text)) return null;
  if (CLOSABLE_ASK.test(text)) return 'closable';
  if (DONE_ASK.test(text)) return 'done';
  return 'status';
}

// ---------------------------------------------------------------- helpers

function analyseClauses(
  work: string,
  seg: Segment,
  ents: EnterpriseHit[],
  depts: DepartmentMention[],
  refs: RefHit[],
  statuses: StatusHit[],
  dates: Span[],
): Clause[] {
  const cls = clausesOf(seg).map((c) => {
    const cEnts = ents.filter((e) => inside(e, c));
    let visit: Clause['visit'] = null;
    const verbText = c.text
      .replace(VISIT_NOUN, (m) => ' '.repeat(m.length))
      .replace(VISIT_NEGATED, (m) => ' '.repeat(m.length))
      .replace(THIRD_PARTY_VISIT, (m) => ' '.repeat(m.length));
    const verbs = [...verbText.matchAll(VISIT_VERBS_G)].map((m) => m[0]);
    if (!verbs.length && FACE_TO_FACE.test(verbText) && !REPORT_CHANNEL.test(c.text)) verbs.push('面谈');
    if (!verbs.length && VISIT_RECORD_LABEL.test(work.slice(c.start, Math.min(work.length, c.end + 1))))
      verbs.push('走访');
    if (verbs.length && !VISIT_RECALLED.test(c.text))
      visit = verbs.every((v) => v.startsWith('回')) ? 'return' : 'visit';
    // 回访 of an enterprise is a visit; one that verifies an outcome (经回访确认, Q-0002 于4月8日回访,
    // 组织部回访确认) stays a return check.
    if (
      visit === 'return' &&
      !RETURN_VERIFIES.test(c.text) &&
      !refs.some((r) => inside(r, c)) &&
      !depts.some((d) => inside(d, c))
    )
      visit = 'visit';
    if (
      !visit &&
      !VISIT_RECALLED.test(c.text) &&
      !VISIT_NEGATED.test(c.text) &&
      cEnts.some((e) => {
        const before = withoutDates(work, c.start, e.start, dates);
        const after = work.slice(e.end, c.end);
        return (
          MOTION_BEFORE_NAME.test(before) ||
          MOTION_AFTER_NAME.test(after) ||
          (PRESENCE_BEFORE_NAME.test(before) &&
            PRESENCE_AFTER_NAME.test(after) &&
            // (在协调燃气公司: progressive 在 + a verb, not a place)
            !PROGRESS_VERB_START.test(work.slice(e.start, e.end)))
        );
      })
    )
      visit = 'visit';
    let plannedVisit = false;
    if (visit && PLAN_MARKERS.test(c.text)) {
      plannedVisit = true;
      visit = null;
    }
    // (没问题了 after a resolution in the same clause — 已经到账了没问题了 — says that matter is settled, not that
    // nothing is asked)
    const noIssueAt = NO_ISSUE.exec(c.text);
    const noIssue =
      courtesyOnly(c.text) ||
      (noIssueAt !== null &&
        !(
          SETTLED_NO_PROBLEM.test(noIssueAt[0] + c.text.slice(noIssueAt.index + noIssueAt[0].length)) &&
          statuses.some(
            (s) =>
              inside(s, c) && (s.status === 'resolved' || s.status === 'closed') && s.end <= c.start + noIssueAt.index,
          )
        ));
    // the reporter's own comment (我觉得…, 这个要再催一下) carries no problem; its status, if any, is about what came before
    const comment = SPEAKER_COMMENT.test(c.text);
    // residual content: blank out names, departments, refs, dates, statuses, visit verbs, fillers
    // 报请X协调 / 转X处理: what the department is asked to do is part of the hand-off, no content of its own
    const purposes = depts
      .filter((d) => d.handedTo && inside(d, c))
      .flatMap((d) => {
        const m = HANDOFF_PURPOSE.exec(work.slice(d.end, c.end));
        return m?.[0] ? [{ start: d.end, end: d.end + m[0].length }] : [];
      });
    // (去了安平镇的宏达机械: the locality before a name says where it is, nothing more)
    const localities = cEnts.flatMap((e) => {
      const m = LOCALITY_BEFORE.exec(work.slice(c.start, e.start));
      return m ? [{ start: c.start + m.index, end: e.start }] : [];
    });
    let r = blankSpans(c.text, c.start, [
      ...cEnts,
      ...depts,
      ...refs,
      ...dates,
      ...statuses,
      ...purposes,
      ...localities,
    ]);
    r = r.replace(VISIT_VERBS_G, ' ').replace(ORDINAL_WORDS, ' ').replace(FILLER, ' ');
    const residual = r.replace(/[\s\p{P}\p{S}]/gu, '');
    // (read without the enterprise named before it: 远帆船舶反映的问题主要有：)
    const headerText = blankSpans(c.text, c.start, cEnts)
      .replace(/[\s\p{P}]/gu, '')
      .replace(VISIT_VERBS_G, '');
    // (主要是三个问题 一个是贷款…: a header counting its items needs no colon)
    const header =
      LIST_HEADER.test(headerText) &&
      (/^\s*[:：]/.test(work.slice(c.end, c.end + 2)) ||
        (COUNTED_LIST_HEADER.test(headerText) && /[\u4e00-\u9fa5]/.test(work.slice(c.end))));
    // 去 + a name with no aspect (下午去宏达机械): going, not gone — a plan unless the message reports something
    const bareMotion =
      visit === 'visit' &&
      !verbs.length &&
      !/了|过|完|回来/.test(c.text) &&
      // (昨天去X, 上周三去X: a time already past says it happened)
      !PAST_TIME_WORDS.test(c.text) &&
      cEnts.some((e) => BARE_GO_BEFORE_NAME.test(work.slice(c.start, e.start)));
    // a pleasantry (辛苦了, 谢谢) or a count of the problems listed that names no matter (三个问题三个部门): a remark
    const remark =
      CHITCHAT.test(c.text.replace(/[\s\p{P}]/gu, '')) ||
      (LISTED_TALLY.test(c.text) &&
        !OWN_PROBLEM_CUES.test(c.text) &&
        categorize(blankSpans(c.text, c.start, [...cEnts, ...depts])).score <= 0);
    return {
      ...c,
      visit,
      plannedVisit,
      bareMotion,
      noIssue,
      content: residual.length >= 2 && !header && !comment && !remark,
    };
  });
  // A visit called off or moved anywhere in its sentence (座谈取消，改到下周): a plan, not a visit.
  if (cls.some((c) => c.visit) && VISIT_CALLED_OFF.test(seg.text))
    for (const c of cls)
      if (c.visit) {
        c.visit = null;
        c.plannedVisit = true;
      }
  return cls;
}

/** "No problem (any more)" said of one matter (没问题了, 没啥问题了): not a statement that nothing new is asked. */
const SETTLED_NO_PROBLEM = /^(?:没|没有)(?:啥|什么)?(?:问题|事)了/;

/** 去 right before the name, nothing else (下午去宏达机械). */
const BARE_GO_BEFORE_NAME = /(?<![过回进出上下])去\s*$/;

/** work[start, end) with its date expressions blanked: a verb after 周一 / 3号 is read after a space, not after 一 / 号. */
function withoutDates(work: string, start: number, end: number, dates: Span[]): string {
  return blankSpans(work.slice(start, end), start, dates);
}

/**
 * A span that opens a quote or follows a colon (华盛塑料发群里：“…”), taken back to the start of the clause that
 * introduces it: whoever speaks there says what it holds.
 */
function quotedFrom(m: MessageFacts, span: Span): Span {
  const head = m.work.slice(0, span.start);
  if (!/[:：]\s*$/.test(head) && !/^\s*[“"「『]/.test(m.work.slice(span.start, span.end))) return span;
  const at = head.replace(/[\s“"「『:：]+$/, '').length;
  const cut = Math.max(...['。', ';', '；', '\n', '”', '」'].map((c) => head.lastIndexOf(c, at - 1)));
  return { start: cut + 1, end: span.end };
}

/** The enterprise is the one speaking (宏泰食品说…, 华康药业的王总在群里说…): a report, not a department's update. */
function enterpriseSays(work: string, ents: EnterpriseHit[], seg: Span): boolean {
  return ents.some(
    (e) =>
      inside(e, seg) &&
      /^(?:的)?(?:[\u4e00-\u9fa5]{0,6}?(?:老板|负责人|总经理|经理|总监|[王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高]总|办公室|财务|人事))?(?:刚刚?|又|也|今天|昨天|上午|下午)?(?:(?:在群里)?(?:说|反映|来电|来函|表示|反馈|提出)|(?:在|发到?)(?:群里|微信群?里?)|发了?(?:微信|消息|短信|信息)|打了?电话|来电话|留言)/.test(
        work.slice(e.end, e.end + 14),
      ),
  );
}

/** A department at the head of its clause (…的事，资规局在做 / 住建局说…): it acts, it is not handed anything. */
function isSubject(work: string, d: Span): 'head' | 'after-topic' | null {
  const cut = Math.max(...[',', '，', '。', ';', '；', ':', '：'].map((c) => work.lastIndexOf(c, d.start - 1)));
  const before = work.slice(cut + 1, d.start).trim();
  if (/(?:的事情?|问题|那个|这个事|这件事)$/.test(before)) return 'after-topic';
  if (before === '') {
    // the clause before is a topic ("…的用工问题，人社局…")
    const prev = work.slice(Math.max(0, cut - 12), cut);
    return /(?:的事情?|问题|那个|这个事|这件事)\s*$/.test(prev) ? 'after-topic' : 'head';
  }
  return null;
}

const NO_ISSUE_ALL = new RegExp(NO_ISSUE.source, 'g');

/** Segment text with names, departments, dates and non-content clauses blanked (for categorising). */
function maskedText(
  work: string,
  seg: Segment,
  cls: Clause[],
  ents: EnterpriseHit[],
  depts: DepartmentMention[],
  dates: Span[],
  keepNoIssueWords = false,
): string {
  let t = work;
  for (const s of [...ents, ...depts, ...dates]) if (inside(s, seg)) t = blank(t, s.start, s.end);
  for (const c of cls) {
    if (!c.noIssue) continue;
    if (!keepNoIssueWords) t = blank(t, c.start, c.end);
    else
      for (const x of c.text.matchAll(NO_ISSUE_ALL)) t = blank(t, c.start + x.index, c.start + x.index + x[0].length);
  }
  // "土地证办不下来，无法办理抵押贷款": a consequence clause does not decide what the problem is about.
  const problems = cls.filter((c) => c.content && !c.noIssue && !c.visit);
  if (problems.length > 1)
    for (const c of problems.slice(1)) if (CONSEQUENCE_START.test(c.text)) t = blank(t, c.start, c.end);
  return t.slice(seg.start, seg.end);
}

/** "分别交人社局和资规局": one department each, in order, for the last items of the message. */
function respectively(
  span: Span & { text: string },
  depts: DepartmentMention[],
  items: Item[],
): Array<[Item, string]> | null {
  // every department listed from the first one handed to on (分别转县资规局、人社局、农业农村局)
  const inSpan = depts.filter((d) => inside(d, span));
  const from = inSpan.findIndex((d) => d.handedTo || d.role === 'handler');
  const listed = from < 0 ? [] : inSpan.slice(from);
  const names = listed.map((d) => d.name);
  if (names.length < 2 || items.length < names.length) return null;
  if (RESPECTIVELY.test(span.text)) return items.slice(-names.length).map((t, i) => [t, names[i]!]);
  return handedByCategory(span.text, span.start, listed, items);
}

/** Between two departments of one list: a 顿号, a comma or a conjunction only (已交市监、人社). */
const LIST_JOINT = /^\s*(?:[、,，/／]|和|与|及|以及)\s*$/;

/**
 * 均已交市监、人社: several departments listed in one hand-off of several problems, without 分别 — each problem goes to
 * the listed department that handles its category (DEPARTMENT_CATEGORIES), when that pairs every department with
 * problems of its own and every problem with exactly one department; else null (the hand-off is read as before).
 */
function handedByCategory(
  text: string,
  offset: number,
  listed: DepartmentMention[],
  items: Item[],
): Array<[Item, string]> | null {
  if (!listed[0]!.handedTo || new Set(listed.map((d) => d.name)).size !== listed.length) return null;
  for (let i = 1; i < listed.length; i++)
    if (!LIST_JOINT.test(text.slice(listed[i - 1]!.end - offset, listed[i]!.start - offset))) return null;
  const pairs: Array<[Item, string]> = [];
  for (const t of items) {
    const fits = listed.filter((d) => DEPARTMENT_CATEGORIES[d.name]?.includes(t.category));
    if (fits.length !== 1) return null;
    pairs.push([t, fits[0]!.name]);
  }
  return listed.every((d) => pairs.some(([, n]) => n === d.name)) ? pairs : null;
}

/**
 * 想要冷库用地 … 用地还没弄: a segment naming only the matter of a problem listed before it in this message (same
 * category, same enterprise) and a step not yet taken restates that problem — it stays one issue, still open.
 */
function restatesListed(d: Draft, m: MessageFacts, f: SegmentFacts): boolean {
  const said = RESTATED_UNTOUCHED.exec(f.seg.text);
  if (!said || f.depts.length || f.refs.length) return false;
  const { category, score } = categorize(said[1]!);
  if (score <= 0) return false;
  return freshItems(d).some(
    (i) => i.category === category && i.segment < f.index && (!m.multiEnterprise || i.enterprise === f.enterprise),
  );
}

/** Does a topic segment (资金的事已交办金融办) also describe a new problem beyond its topic? */
function hasProblemBeyondTopic(cls: Clause[]): boolean {
  const said = cls.filter((c) => c.content && !c.noIssue);
  // (出口退税税务局已经全部退完了，这件事可以办结: more words of the update, nothing wrong or wanted said — no problem)
  return said.length > 1 && said.some((c) => OWN_PROBLEM_CUES.test(c.text) || REQUEST_CUES.test(c.text));
}

/**
 * The item of this message a topic names by its own words ("…路灯坏了半年了…。路灯的事报给住建了"): the
 * noun before the topic marker (2–4 characters, longest first) found in exactly one earlier item's text.
 */
function itemNamedBy(m: MessageFacts, items: Item[], f: SegmentFacts): Item | null {
  const t = m.work.slice(f.seg.start, f.seg.end);
  const at = t.search(TOPIC_NOUN_END);
  if (at < 2) return null;
  const before = t.slice(Math.max(0, at - 4), at);
  for (let len = Math.min(4, before.length); len >= 2; len--) {
    const noun = before.slice(-len);
    if (!/^[\u4e00-\u9fa5]+$/.test(noun)) continue;
    const hits = items.filter((i) => i.segment < f.index && m.segments[i.segment]?.seg.text.includes(noun));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return null;
  }
  return null;
}

/** Where a topic's noun ends: the marker that makes it a topic (路灯的事, 公交那个, 用地的问题). */
const TOPIC_NOUN_END = /的事情?|的问题|那个|那件事|这块|方面/;

/** The item of this message a topic refers to: same category, the first one not yet handed off. */
function matchItem(items: Item[], category: Category, score: number): Item | null {
  if (score <= 0) return null;
  const same = items.filter((i) => i.category === category);
  return same.find((i) => !i.explicitStatus) ?? same[0] ?? null;
}

const num = (s: string) => chineseNumber(s) ?? 0;

/** Items referenced by ordinals in a clause: 第一个, 前两个, 前者, 后两个, 最后一个, 其余. */
function ordinalTargets(
  clause: string,
  items: Item[],
  referenced: Set<Item>,
  entries: Item[][] = [],
  listNumber?: (i: Item) => number | null,
): Item[] | null {
  let m = /第([一二三四五六七八九十\d]{1,2})(?:个|项|条|件|点)/.exec(clause);
  // a roll-up whose entries list several problems each (1. 走访X…：①…②… 2. 走访Y…): 第N项 is the Nth entry, and
  // a circled number right after it (第1项①) one problem of that entry
  if (m && entries.length) {
    const entry = entries[num(m[1]!) - 1];
    if (entry) {
      const sub = /^\s*([①②③④⑤⑥⑦⑧⑨⑩])/.exec(clause.slice(m.index + m[0].length));
      if (!sub) return entry;
      const k = '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(sub[1]!) + 1;
      const picked = entry.find((i) => i.enumIndex === k) ?? entry[k - 1];
      return picked ? [picked] : null;
    }
  }
  if (m) {
    const picks = [
      m[1]!,
      ...[...clause.matchAll(/[、和及]第?([一二三四五六七八九十\d])(?:个|项|条|件|点)?/g)].map((x) => x[1]!),
    ].map(num);
    // (a numbered list with an entry that raised nothing — 1 星辰… 2 云帆 无 3 立信… —: 第3项 is the entry numbered 3)
    const numbers = items.map((i) => listNumber?.(i) ?? i.enumIndex);
    const numbered = numbers.every((n) => n !== null) && new Set(numbers).size === items.length;
    const byNumber = (n: number) => (numbered ? items[numbers.indexOf(n)] : items[n - 1]);
    const targets = picks
      .filter((n) => n >= 1)
      .map(byNumber)
      .filter((i): i is Item => i !== undefined);
    return targets.length ? targets : null;
  }
  m = /前([一两二三四五\d])(?:个|项|条|件)(?!月|星期|礼拜|周)/.exec(clause);
  if (m) return items.slice(0, num(m[1]!));
  // 前者 / 后者: the first / the last of the message's items
  if (/前者/.test(clause)) return items.slice(0, 1);
  if (/后者/.test(clause)) return items.slice(-1);
  m = /后([一两二三四五\d])(?:个|项|条|件)/.exec(clause);
  if (m) return items.slice(-num(m[1]!));
  if (/最后一(?:个|项|条|件)/.test(clause)) return items.slice(-1);
  if (/其余|其他的|剩下的?|余下的?|另外(?:两|几|[二三四])?(?:个|项)/.test(clause)) {
    const rest = items.filter((i) => !referenced.has(i));
    return rest.length ? rest : null;
  }
  return null;
}
