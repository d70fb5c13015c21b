/**
 * Several problems listed in one sentence with plain commas or 顿号 ("企业反映招工难，用地指标紧张，
 * 环评还没批下来") become one segment each, so each becomes its own issue. A clause starts a new
 * problem when it is one by itself (a problem cue of its own: 缺, 难, 紧张, 没批, 到期, 未到账, or a
 * request: 想申请…, 希望帮忙…) and it is about another category than the problem before it, which
 * must be a problem of its own too. So these stay one issue:
 *   流动资金紧张，想申请技改贷款       — same category: the second clause elaborates;
 *   企业想做跨境电商，缺懂外贸的人才   — the first clause is a plan, not a problem;
 *   出口退税到账慢，影响资金周转       — a consequence of the clause before.
 * A clause that names the topic of a problem listed before it and carries a status or a department
 * ("资金的事已交办金融办", "招工那个人社局在对接") becomes its own segment marked `topic`, so it
 * updates that issue and is not a problem itself. A bare status/department clause ("已交办金融办")
 * stays with the problem right before it, unless its department is the natural handler of exactly
 * one earlier problem of the sentence and not of that one ("缺3名工程师，资金紧张，已交办人社局":
 * the engineers; see DEPARTMENT_CATEGORIES). ("分别交人社局和资规局" is read in extract.ts.)
 * After an update of an earlier issue (…银行已经放款), a clause reporting something new (企业又反映…)
 * starts a new segment too.
 */
import type { Category } from '../model.js';
import {
  ALSO_ANOTHER,
  CASH_STRAIN,
  CAUSE_START,
  CONSEQUENCE_START,
  CONTRAST_START,
  EARLIER_MARKERS,
  GENERIC_EARLIER_ALL,
  GENERIC_STAFFING,
  NEW_REPORT_IN_CLAUSE,
  OWN_FOLLOW_UP_STEP,
  OWN_PROBLEM_CUES,
  REQUEST_CUES,
  TOPIC_MARKERS,
} from '../lexicon/signals.js';
import { DEPARTMENT_CATEGORIES } from '../lexicon/departments.js';
import { categorize } from './category.js';
import type { DepartmentMention } from './department.js';
import { blank, type Span } from './normalize.js';
import type { Segment } from './segment.js';
import type { StatusHit } from './status.js';

/** What the splitter needs to know of each comma clause of the segment. */
export interface SplitClause extends Span {
  text: string;
  /** Has words beyond subjects, verbs, departments, statuses and names. */
  content: boolean;
  visit: 'visit' | 'return' | null;
  plannedVisit: boolean;
}

export interface SplitContext {
  /** The folded message text (offsets of everything below point into it). */
  work: string;
  /** Enterprise names, departments and dates: blanked before judging categories and cues. */
  masks: Span[];
  statuses: StatusHit[];
  depts: DepartmentMention[];
  /** Issue ids: a group holding one updates an earlier issue. */
  refs?: Span[];
}

interface Piece extends Span {
  text: string;
  content: boolean;
  visit: boolean;
  category: Category;
  score: number;
  /** A problem of its own: a deficit cue or a request. */
  cue: boolean;
  /** Only a request (想申请…, 希望帮忙…), no deficit cue. */
  requestOnly: boolean;
  /** Carries a status or a department (已交办金融办, 人社局在对接, 还没交办). */
  state: boolean;
  /** Carries a status beyond a hand-off (在对接, 已放款, 销号). */
  firm: boolean;
  topicMark: boolean;
  consequence: boolean;
  /** Opens with a contrast (但是…, 不过…, 就怕…): it says what stands in the way of the matter before it. */
  contrast: boolean;
  /** Opens with its cause (因为…, 由于…, 受…影响): the background of what follows. */
  cause: boolean;
  report: boolean;
}

interface Group extends Span {
  pieces: Piece[];
  topic: boolean;
  topicCategory: Category | null;
}

/** Requests for money, and the problems they are a remedy for. */
const MONEY_REMEDIES: readonly Category[] = ['融资', '政策兑现'];
const MONEY_PROBLEMS: readonly Category[] = ['融资', '政策兑现', '市场'];

const STAFFING: readonly Category[] = ['用工', '人才'];

/** The clause speaks of staff only generically (招不到人, 人手不够): no word of its own names the workers. */
function namesNobody(p: Piece, ctx: SplitContext): boolean {
  const text = maskedSlice(p, ctx);
  const rest = text.replace(GENERIC_STAFFING, (x) => ' '.repeat(x.length));
  return rest !== text && categorize(rest).score <= 0;
}

/** A clause ending in a topic word (…土地证问题, …用电增容的事, 贷款那个): it only names a matter. */
/** A matter set aside before another is raised (除了…, 除开…): it is not raised itself. */
const BESIDES = /除了|除开|除去|撇开/;
const TOPIC_HEADING_END = /(?:问题|的事情?|那个事?|这件事|方面|事项)\s*$/;

const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;
const overlapsSpan = (s: Span, outer: Span) => s.start < outer.end && outer.start < s.end;

export function splitProblems(seg: Segment, clauses: SplitClause[], ctx: SplitContext): Segment[] {
  // A planned visit ("明天去华康…，了解缺工情况") is skipped as a whole by the caller: keep it whole.
  if (clauses.some((c) => c.plannedVisit)) return [seg];
  // Two problems need two clauses (or a 顿号 list inside one).
  if (clauses.length < 2 && !seg.text.includes('、') && !PROBLEM_CONJUNCTION_TEST.test(seg.text)) return [seg];
  const pieces = clauses.flatMap((c) => piecesOf(c, ctx));
  if (pieces.length < 2) return [seg];
  // "金鼎土地证问题，经资规局梳理，规划手续已补办完成，不动产登记正在办理中": a sentence opening with a bare topic (a
  // matter and its topic word, nothing said of it) tells that matter's steps, whatever they are about, unless a
  // clause after it says something is wrong or reports something new.
  const head = pieces[0]!;
  if (
    TOPIC_HEADING_END.test(head.text) &&
    head.score > 0 &&
    !head.state &&
    !head.cue &&
    pieces.slice(1).every((p) => !p.cue && !p.report) &&
    !handsOffSecondMatter(pieces, ctx)
  )
    return [seg];

  const groups: Group[] = [];
  const judged = new Map<string, { category: Category; score: number }>();
  const judge = (span: Span) => {
    const key = `${span.start}:${span.end}`;
    let j = judged.get(key);
    if (!j) judged.set(key, (j = judgeSpan(span, ctx)));
    return j;
  };
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the returns are control flow (open/join push a group and yield nothing)
  pieces.forEach((p, i) => {
    const g = groups[groups.length - 1];
    if (!g) {
      groups.push({ start: p.start, end: p.end, pieces: [p], topic: false, topicCategory: null });
      return;
    }
    const join = () => {
      g.pieces.push(p);
      g.end = p.end;
    };
    const open = (topic: boolean, topicCategory: Category | null = null) =>
      groups.push({ start: p.start, end: p.end, pieces: [p], topic, topicCategory });
    // Clauses without content (已交办金融办, 均未交办) and visit clauses belong to what is before them,
    // unless a hand-off names the natural handler of an earlier problem of the sentence.
    if (!p.content) {
      const target = g.topic ? null : handOffTarget(p, g, groups, ctx, judge);
      return target ? open(true, target) : join();
    }
    if (p.visit && p.score === 0) return join();
    // 想搞电商直播带货，但是找不到懂运营的人才 / 资规局说可以用储备地，但要等下个月挂牌: a clause opening with a
    // contrast says what stands in the way of the matter before it — the same matter, unless a result was said of that
    // one and the contrast raises a problem of its own (贷款已经批了，但是用地还没落实)
    if (p.contrast && !p.report && !(g.pieces.some((x) => x.firm) && p.cue)) return join();
    // 已经交给人社局了，他们说下周有场招聘会: right after an office was named, a pronoun speaks for that office, not
    // for the enterprise — no new report
    if (p.report && speaksForOfficeBefore(p, g, ctx)) p.report = false;
    if (g.topic) {
      // After a topic clause: another topic, a new problem, or more words about the same update.
      const t = topicOf(p, pieces[i + 1], groups, judge);
      if (t === null && handsOffAnotherTopic(p, g, judge)) return open(true);
      return t === 'topic' ? open(true) : t === 'new' || p.cue ? open(false) : join();
    }

    const gProblem = g.pieces.filter((x) => !x.visit || x.score > 0);
    // (a cause said first — 因为原材料涨价，资金周转困难 — is the background of the problem, no problem before it)
    const gCue = gProblem.some((x) => x.cue && !x.cause);
    const gCat = judge(g);
    // What the group is about: its own category and that of each of its problem clauses
    // ("订单多，工人不够" is about 用工 too, so "想招50名普工" goes with it).
    const gCats = new Set<Category>([
      gCat.category,
      ...gProblem.filter((x) => x.cue && x.score > 0).map((x) => x.category),
    ]);
    // two results on the same matter, nothing wrong said (过桥资金已经到位了，那个转贷的事算办完了): one update
    if (
      p.firm &&
      !p.cue &&
      !gCue &&
      g.pieces.some((x) => x.firm) &&
      gCat.score > 0 &&
      p.category === gCat.category &&
      !ctx.refs?.some((r) => r.start >= g.start && r.end <= p.end)
    )
      return join();
    if (gCue || gCat.score > 0) {
      const t = topicOf(p, pieces[i + 1], groups, judge);
      if (t === 'topic') return open(true);
      if (t === 'new') return open(false);
    }
    // a problem of another category than the one before, both problems of their own
    // (a request for money after a money problem is its remedy: 资金紧张，希望兑现去年的技改补助)
    const remedy =
      p.requestOnly && MONEY_REMEDIES.includes(p.category) && [...gCats].some((c) => MONEY_PROBLEMS.includes(c));
    // 缺芯片工程师，招不到人: a staffing deficit that names nobody restates the staffing problem before it
    // (出口退税到账慢，资金周转压力大: cash strain after money owed or earned is its consequence)
    const restated =
      (STAFFING.some((c) => gCats.has(c)) && STAFFING.includes(p.category) && namesNobody(p, ctx)) ||
      (p.category === '融资' &&
        [...gCats].some((c) => MONEY_PROBLEMS.includes(c)) &&
        CASH_STRAIN.test(maskedSlice(p, ctx).trim()));
    if (
      p.cue &&
      p.score > 0 &&
      !p.consequence &&
      !remedy &&
      !restated &&
      gCue &&
      gCat.score > 0 &&
      !gCats.has(p.category)
    )
      return open(false);
    // "新增用地要三十亩 用电增容也要弄": a matter of another category said to be wanted or wrong "too" (也) is one more
    // problem beside the one before, even when that one was stated without a cue word (a need told by its quantity)
    if (
      p.score > 0 &&
      !p.consequence &&
      !p.state &&
      !remedy &&
      !restated &&
      gCat.score > 0 &&
      !gCats.has(p.category) &&
      ALSO_ANOTHER.test(maskedSlice(p, ctx)) &&
      // (除了电商人才，补贴也没到账: the matter before 也 is only set aside, not raised)
      !BESIDES.test(ctx.work.slice(g.start, g.end))
    )
      return open(false);
    // a new report on another matter after a problem (…想续贷，老板还说厂里电老是跳闸): a problem of its own, even when
    // the words saying what is wrong come in the clause after it or are the matter's own (跳闸, 积水)
    if (p.report && !p.firm && !p.state && p.score > 0 && gCue && gCat.score > 0 && !gCats.has(p.category))
      return open(false);
    // an update naming an issue id after a new problem that names none (…排水不畅，Q-0019 用电增容已经通电了; 想上市融资，
    // 厂区那条路修好了Q-0061可以办结了): the id says it is about an earlier issue, not the problem before it
    // (the id may stand just before the clause, blanked — 然后 Q零零一九 就是 他们的… —, or right after it)
    const gStated = g.pieces.some((x) => x.firm);
    const ownRef = ctx.refs?.find(
      (r) => (r.start >= g.end && r.end <= p.end) || (r.start >= p.end && ctx.work.slice(p.end, r.start).trim() === ''),
    );
    if (p.state && !p.cue && gCue && !gStated && ownRef && !holdsRef(g, ctx)) {
      open(false);
      groups[groups.length - 1]!.start = Math.min(p.start, ownRef.start);
      return;
    }
    // two updates on different topics ("土地证下来了 用电增容还在排队"): one each
    if (p.firm && gStated && p.score > 0 && gCat.score > 0 && !gCats.has(p.category)) return open(false);
    // two hand-offs of different topics, nothing wrong said ("补贴的事转经信局了，规划许可报资规局"): one each
    // (a clause opening with its status — 正在协调办理大件运输许可 — has no subject of its own: it goes on with the matter before it)
    if (!gCue && gCat.score > 0 && handsOffAnotherTopic(p, g, judge) && !opensWithStatus(p, ctx)) return open(true);
    // an update of an earlier issue, then something new reported (…已经放款，企业又反映缺包装工)
    // (the report may say what is wrong in the clause after it: …已经拿到了，他们又说想扩产，缺地)
    const next = pieces[i + 1];
    const reportsNext = Boolean(next?.cue && !next.firm && !next.report);
    if (updatesEarlier(g, ctx) && p.report && (p.cue || p.score > 0 || reportsNext) && !p.firm) return open(false);
    // … or a problem of its own of another category (…之前的贷款问题解决了，现在主要缺工程师): a result
    // governs its own matter, the deficit said after it is another one
    // (a group about earlier matters in general — 之前的问题都解决了 — names no matter the deficit could elaborate)
    const generic = gCat.score <= 0 && GENERIC_EARLIER_ALL.test(ctx.work.slice(g.start, g.end));
    if (
      updatesEarlier(g, ctx) &&
      p.cue &&
      !p.firm &&
      p.score > 0 &&
      (generic || (gCat.score > 0 && !gCats.has(p.category)))
    )
      return open(false);
    join();
  });
  if (groups.length < 2) return [seg];

  return groups.map((g, gi) => {
    const start = gi === 0 ? seg.start : g.start;
    const end = gi === groups.length - 1 ? seg.end : groups[gi + 1]!.start;
    // The text up to the next group, minus the separator that opens it.
    let stop = end;
    while (stop > start && /[,，、]/.test(ctx.work[stop - 1]!)) stop--;
    return {
      start,
      end: gi === groups.length - 1 ? end : stop,
      text: ctx.work.slice(start, gi === groups.length - 1 ? end : stop),
      enumIndex: gi === 0 ? seg.enumIndex : null,
      marker: gi === 0 ? seg.marker : '',
      parentStart: seg.parentStart,
      topic: g.topic,
      topicCategory: g.topicCategory,
    };
  });
}

/**
 * "X的事我已经报给税务局了，Y的需求交给人社局了": after a topic and its hand-off, a clause naming a matter of another
 * category and handing it to another office is a second matter, not a step of the first.
 */
function handsOffSecondMatter(pieces: Piece[], ctx: SplitContext): boolean {
  const handed = (x: Piece) => ctx.depts.filter((d) => d.handedTo && inside(d, x)).map((d) => d.name);
  const head = pieces[0]!;
  return pieces.slice(1).some((p, i) => {
    const before = pieces.slice(0, i + 1).flatMap(handed);
    const own = handed(p);
    return (
      p.content &&
      p.score > 0 &&
      p.category !== head.category &&
      own.length > 0 &&
      before.length > 0 &&
      own.every((n) => !before.includes(n))
    );
  });
}

/** A clause handing off or updating a topic (score > 0, no problem cue) of another category than the group, which carries a state too. */
function handsOffAnotherTopic(p: Piece, g: Group, judge: (s: Span) => { category: Category; score: number }): boolean {
  return p.state && !p.cue && p.score > 0 && g.pieces.some((x) => x.state) && judge(g).category !== p.category;
}

/** The clause opens with a status word (正在协调…, 已经办好…): it has no subject of its own. */
function opensWithStatus(p: Piece, ctx: SplitContext): boolean {
  const first = ctx.statuses.filter((s) => inside(s, p)).sort((a, b) => a.start - b.start)[0];
  return first !== undefined && ctx.work.slice(p.start, first.start).trim() === '';
}

/** A pronoun who speaks (他们说, 对方表示) right after a clause naming an office at work or handed the matter. */
const PRONOUN_SPEAKS = /^\s*(?:他们|她们|对方|人家)(?:那边)?(?:又|还|也)?(?:说|讲|表示|回复|答复)/;
function speaksForOfficeBefore(p: Piece, g: Group, ctx: SplitContext): boolean {
  const last = g.pieces[g.pieces.length - 1]!;
  return PRONOUN_SPEAKS.test(p.text) && ctx.depts.some((d) => inside(d, last) && (d.handedTo || d.role === 'handler'));
}

const holdsRef = (s: Span, ctx: SplitContext) => ctx.refs?.some((r) => inside(r, s)) ?? false;

/** The group updates an earlier issue: an issue id, a firm status (已经放款, 已受理), or a topic a department acts on (用电增容那个，供电公司说…). */
function updatesEarlier(g: Group, ctx: SplitContext): boolean {
  if (g.pieces.some((x) => x.firm)) return true;
  if (g.pieces.some((x) => x.state) && ctx.refs?.some((r) => r.start >= g.start && r.end <= g.end)) return true;
  return g.pieces.some((x) => x.state) && EARLIER_MARKERS.test(ctx.work.slice(g.start, g.end));
}

const SCOPE_OR_ORDINAL =
  /均|都|全部|以上|上述|这些|所有|第[一二三四五六七八九十\d]|[前后][一两二三四五\d](?:个|项|条|件)|其余|剩下|余下|最后/;

/**
 * A bare hand-off after several problems ("缺3名工程师，流动资金紧张，已交办人社局"): the category of
 * the earlier problem its department naturally handles, when the problem right before it is of a
 * kind that department does not handle. Null: it stays with the problem right before it.
 */
function handOffTarget(
  p: Piece,
  g: Group,
  groups: Group[],
  ctx: SplitContext,
  judge: (s: Span) => { category: Category; score: number },
): Category | null {
  if (groups.length < 2 || SCOPE_OR_ORDINAL.test(p.text)) return null;
  const names = new Set(
    ctx.depts.filter((d) => inside(d, p) && (d.handedTo || d.role === 'handler')).map((d) => d.name),
  );
  if (names.size !== 1) return null;
  const handles = DEPARTMENT_CATEGORIES[[...names][0]!];
  if (!handles || handles.includes(judge(g).category)) return null;
  const earlier = groups
    .slice(0, -1)
    .filter((x) => !x.topic && !x.pieces.some((y) => y.state))
    .map((x) => judge(x))
    .filter((x) => x.score > 0 && handles.includes(x.category));
  return earlier.length === 1 ? earlier[0]!.category : null;
}

/**
 * A clause naming a topic: 'topic' when it updates a problem listed before it (or, with no such
 * problem and nothing wrong said, an earlier one: 环评的事已交生态环境局); 'new' when it names a
 * new problem with its hand-off (资金紧张的问题已交金融办); null when it is no topic clause.
 */
function topicOf(
  p: Piece,
  next: Piece | undefined,
  groups: Group[],
  judge: (s: Span) => { category: Category; score: number },
): 'topic' | 'new' | null {
  if (p.score <= 0) return null;
  const sameBefore = groups.some((g) => !g.topic && judge(g).category === p.category);
  if (p.topicMark) {
    // the state may be said in the next clause: a bare one (已交办金融办) or a department's words about it that
    // raise no problem of their own (用电增容 供电公司说要等变电站改造)
    const state = p.state || (next?.state && (!next.content || !next.cue));
    // (补助的事我回头问问: a step of our own on a matter listed before is about that matter too)
    if (!state && (p.cue || !OWN_FOLLOW_UP_STEP.test(p.text))) return null;
    if (sameBefore) return 'topic';
    return p.cue ? 'new' : 'topic';
  }
  // "贷款已交金融办" after other problems: a topic without the marker, when it names one of them.
  const current = groups[groups.length - 1]!;
  if (p.state && !p.cue && sameBefore && judge(current).category !== p.category) return 'topic';
  return null;
}

/** Comma clauses, and their 顿号 parts when those parts are problems of their own. */
function piecesOf(c: SplitClause, ctx: SplitContext): Piece[] {
  const whole = makePiece(c, c.content, c.visit !== null, ctx);
  if (!c.text.includes('、')) return conjoined(c, whole, ctx);
  const parts: Span[] = [];
  let s = 0;
  for (let i = 0; i <= c.text.length; i++) {
    if (i === c.text.length || c.text[i] === '、') {
      if (i > s) parts.push({ start: c.start + s, end: c.start + i });
      s = i + 1;
    }
  }
  const pieces = parts.map((p) => makePiece(p, true, false, ctx));
  // Noun lists (缺焊工、电工; 希望经信局、财政局…) stay whole: split only when every part is a problem.
  // ("研发人员不足、出口订单受影响、厂区道路积水": each part about another category, one of them a problem cue, splits too)
  const distinct =
    new Set(pieces.map((p) => p.category)).size === pieces.length &&
    pieces.every((p) => p.score > 0) &&
    pieces.some((p) => p.cue);
  if (pieces.length < 2 || (!pieces.every((p) => p.cue && p.score > 0) && !distinct)) return [whole];
  for (const p of pieces) p.cue = true; // listed side by side as problems
  pieces[0]!.visit = c.visit !== null;
  return pieces;
}

/** 和, 以及, 及 between two problems (资金紧张和缺地). */
const PROBLEM_CONJUNCTION = /和|以及|及|还有/g;
const PROBLEM_CONJUNCTION_TEST = new RegExp(PROBLEM_CONJUNCTION.source);

/**
 * Two problems joined by a conjunction (资金紧张和缺地, 环评没批以及缺操作工): one piece each, when each side is a
 * problem of its own (a cue and a category) and the two are of different categories. A noun joined to a problem (缺焊工和
 * 电工) stays whole.
 */
function conjoined(c: SplitClause, whole: Piece, ctx: SplitContext): Piece[] {
  if (!c.content) return [whole];
  for (const m of c.text.matchAll(PROBLEM_CONJUNCTION)) {
    const left = makePiece({ start: c.start, end: c.start + m.index }, true, c.visit !== null, ctx);
    const right = makePiece({ start: c.start + m.index + m[0].length, end: c.end }, true, false, ctx);
    if (
      left.cue &&
      right.cue &&
      left.score > 0 &&
      right.score > 0 &&
      left.category !== right.category &&
      !left.state &&
      !right.state
    )
      return [left, right];
  }
  return [whole];
}

function makePiece(span: Span, content: boolean, visit: boolean, ctx: SplitContext): Piece {
  const text = ctx.work.slice(span.start, span.end);
  const judged = judgeSpan(span, ctx);
  const ownStatuses = ctx.statuses.filter((s) => inside(s, span));
  // Cues are read with statuses blanked: 还没交办 is a status, 还没批下来 a problem.
  let cueText = maskedSlice(span, ctx);
  for (const s of ownStatuses) cueText = blank(cueText, s.start - span.start, s.end - span.start);
  const deficit = OWN_PROBLEM_CUES.test(cueText);
  const request = REQUEST_CUES.test(cueText);
  const state =
    ownStatuses.length > 0 || ctx.depts.some((d) => inside(d, span) && (d.handedTo || d.role === 'handler'));
  const firm = ownStatuses.some((s) => s.status === 'in_progress' || s.status === 'resolved' || s.status === 'closed');
  return {
    start: span.start,
    end: span.end,
    text,
    content,
    visit,
    category: judged.category,
    score: judged.score,
    cue: deficit || request,
    requestOnly: request && !deficit,
    state,
    firm,
    topicMark: marksTopic(span, ctx),
    consequence: CONSEQUENCE_START.test(text),
    contrast: CONTRAST_START.test(maskedSlice(span, ctx)),
    cause: CAUSE_START.test(maskedSlice(span, ctx)),
    report: NEW_REPORT_IN_CLAUSE.test(text),
  };
}

const TOPIC_MARKERS_G = new RegExp(TOPIC_MARKERS.source, 'g');
/**
 * The clause names a topic (资金的事, 贷款那个): a topic marker after the words of a matter. A demonstrative right after an
 * office or an enterprise (人社局那个招聘会帮了大忙) points at what follows it — the office's doing, no matter named.
 */
function marksTopic(span: Span, ctx: SplitContext): boolean {
  const masked = maskedSlice(span, ctx);
  const text = ctx.work.slice(span.start, span.end);
  return [...text.matchAll(TOPIC_MARKERS_G)].some(
    (m) => !m[0].startsWith('那个') || m.index === 0 || masked[m.index - 1] !== ' ' || text[m.index - 1] === ' ',
  );
}

function maskedSlice(span: Span, ctx: SplitContext): string {
  let t = ctx.work.slice(span.start, span.end);
  for (const m of [...ctx.masks, ...ctx.depts]) {
    if (overlapsSpan(m, span)) t = blank(t, Math.max(0, m.start - span.start), Math.min(t.length, m.end - span.start));
  }
  return t;
}

function judgeSpan(span: Span, ctx: SplitContext): { category: Category; score: number } {
  return categorize(maskedSlice(span, ctx));
}
