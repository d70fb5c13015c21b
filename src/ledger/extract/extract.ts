/**
 * Rule-based understanding of a status message (no LLM): what kind of update it is, which
 * enterprise, the event date, the issues it raises or updates (category, summary, department,
 * status) and the issue id it refers to. Pure: same input, same output.
 */
import type { Category, ExtractedIssue, Extraction, IssueStatus, UpdateKind } from '../model.js';
import {
  CHITCHAT,
  CONSEQUENCE_START,
  EARLIER_MARKERS,
  EARLIER_WEAK,
  FORWARD_MARKERS,
  NEW_MARKERS,
  NO_ISSUE,
  NOTICE_MARKERS,
  PLAN_MARKERS,
  PROBLEM_CUES,
  QUESTION_MARKERS,
  REPORT_IN_CLAUSE,
  STRONG_NOTICE,
  VISIT_NOUN,
  VISIT_VERBS,
} from '../lexicon/signals.js';
import { categorize } from './category.js';
import { resolveEventDate, findDates } from './dates.js';
import { findDepartments, handlerDepartment, type DepartmentMention } from './department.js';
import { findEnterprises, type EnterpriseHit } from './enterprise.js';
import { blank, foldWidth, type Span } from './normalize.js';
import { findRefs, type RefHit } from './ref.js';
import { clauses as clausesOf, segment, type Segment } from './segment.js';
import { findStatuses, maxStatus, type StatusHit } from './status.js';
import { splitProblems } from './split.js';
import { makeSummary } from './summary.js';
import type { ExtractContext } from './types.js';

/** Longest message the parser looks at (a chat message, not a document). */
const MAX_CHARS = 2000;

const NOT_UPDATE: Extraction = { kind: 'not_update', enterprise: null, date: null, issues: [], ref: null };

const VISIT_VERBS_G = new RegExp(VISIT_VERBS.source, 'g');
/** 去/到 right before an enterprise name makes a visit (今天到七一电器, 跟team去了迈微). */
const MOTION_BEFORE_NAME = /(?<![改拿收得找遇想提办达报迟来回感受做看送转直一过接听用涉])(?:去了|到了|来到|去|到|赴|跑了)(?:一?趟|一下|一次)?\s*$/;
/** Words that carry no problem content (subjects, report verbs, fillers). */
const FILLER =
  /企业|公司|对方|老板|负责人|办公室|销售总监|总经理|董事长|财务|人事|副总|老总|经理|主任|总监|厂里|厂家|他们|我们|大家|team|FYI|fyi|Today|today|在群里|群里|一下|一趟|简单|接到|收到|反映|提出|提了|提到|表示|反馈|来电|来函|打电话|电话|问题|诉求|情况|[两二三四五六七八九十几\d]+(?:个|项|条|件|点)|新的|这个|那个|之前|上次|上回|事情|的事|已经|已|均|都|分别|各自|还|又|也|就|说|称|了|的|和|跟|与|同|在|是|有|个|事/g;
const ORDINAL_WORDS = /第[一二三四五六七八九十\d]{1,2}(?:个|项|条|件|点)?|[前后][一两二三四五\d](?:个|项|条|件)|最后一(?:个|项|条|件)|其余|剩下的?|余下的?/g;
const SCOPE_ALL = /均|都|全部|以上|上述|这些|所有|几个问题|[两二三四五]个问题|[两二三四五]个都|[两二三四五]项都/;
const STRONG_REPORT = /反映|提出|提了|提到|来电|来函|打电话|反馈|诉求|求助|又提|新提|群里说|希望|想|缺|急需/;
const RESPECTIVELY = /分别/;
const QUESTION_END = /[?？]\s*$/;
const STRONG_QUESTION = /(?:吗|呢|么|没有|了没|没|不|否)\s*[?？]?\s*$|^(?:请问|问一下|问下|咨询一下|咨询下|想问|想咨询)/;

interface Clause extends Span {
  text: string;
  visit: 'visit' | 'return' | null;
  plannedVisit: boolean;
  noIssue: boolean;
  /** Has words beyond subjects, verbs, departments, statuses and names. */
  content: boolean;
}

interface Item {
  old: boolean;
  ref: string | null;
  category: Category;
  summary: string;
  department: string | null;
  status: IssueStatus;
  explicitStatus: boolean;
}

/** Stands for the item being built while its own trailing clauses are read. */
const PLACEHOLDER: Item = { old: false, ref: null, category: '其他', summary: '', department: null, status: 'open', explicitStatus: false };

const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;

export function extractUpdate(text: string, ctx: ExtractContext): Extraction {
  const original = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const folded = foldWidth(original);
  const trimmed = folded.trim();
  if (!trimmed || CHITCHAT.test(trimmed)) return { ...NOT_UPDATE };

  // ---- message-wide facts
  const refs = findRefs(folded);
  let work = folded;
  for (const r of refs) work = blank(work, r.start, r.end);
  const depts = findDepartments(work);
  const known = [...(ctx.teamEnterprises ?? []), ...(ctx.knownEnterprises ?? [])];
  const ents = findEnterprises(work, known, depts);

  return interpret(original, trimmed, refs, work, depts, ents, ctx.today);
}

function interpret(original: string, trimmed: string, refs: RefHit[], work: string, depts: DepartmentMention[], ents: EnterpriseHit[], today: string): Extraction {
  // 已交金融办 / 已报经信局: a hand-off verb right before a department is an assignment.
  const statuses = [
    ...findStatuses(work),
    ...depts.filter((d) => d.handedTo).map((d): StatusHit => ({ status: 'assigned', start: d.verbStart, end: d.end, raw: work.slice(d.verbStart, d.end) })),
  ].sort((a, b) => a.start - b.start);
  const dateHits = findDates(work, today);

  // ---- segments (sentences, list items, then the problems listed in each with plain commas: split.ts)
  //      and their clauses with their roles
  const splitCtx = { work, masks: [...ents, ...dateHits], statuses, depts };
  const segments: Segment[] = [];
  const segClauses: Clause[][] = [];
  for (const seg of segment(work)) {
    const cls = analyseClauses(work, seg, ents, depts, refs, statuses, dateHits);
    const parts = splitProblems(seg, cls, splitCtx);
    for (const part of parts) {
      segments.push(part);
      segClauses.push(parts.length === 1 ? cls : analyseClauses(work, part, ents, depts, refs, statuses, dateHits));
    }
  }
  const anyVisit = segClauses.some((cs) => cs.some((c) => c.visit !== null));
  const anyFirmStatus = statuses.some((s) => s.status !== 'open');
  const reportCue = /反映|来电|来函|提出|诉求|反馈|求助/.test(work);

  // ---- messages that are not updates
  if (/^(?:请问|问一下|问下|咨询一下|咨询下|想问一?下?|想咨询)/.test(trimmed)) return { ...NOT_UPDATE };
  if (STRONG_QUESTION.test(trimmed) && !anyVisit && !reportCue) return { ...NOT_UPDATE };
  if (QUESTION_END.test(trimmed) && !anyFirmStatus && !anyVisit && !reportCue) return { ...NOT_UPDATE };
  // "你们组这个月走访了几家？": a question about visits is not a visit.
  if (QUESTION_END.test(trimmed) && QUESTION_MARKERS.test(trimmed) && !reportCue && !anyFirmStatus) return { ...NOT_UPDATE };
  if (STRONG_NOTICE.test(trimmed) && !refs.length && !anyFirmStatus && !reportCue) return { ...NOT_UPDATE };
  const plain = !refs.length && !anyFirmStatus && !anyVisit && !reportCue;
  if (plain && QUESTION_MARKERS.test(trimmed) && ents.length === 0) return { ...NOT_UPDATE };
  if (plain && NOTICE_MARKERS.test(trimmed)) return { ...NOT_UPDATE };
  if (plain && FORWARD_MARKERS.test(trimmed)) return { ...NOT_UPDATE };

  // ---- items, segment by segment
  const items: Item[] = [];
  const newItems = () => items.filter((i) => !i.old);
  const entNames = [...new Set(ents.map((e) => original.slice(e.start, e.end)))];
  let summarySource = original;
  for (const r of refs) summarySource = blank(summarySource, r.start, r.end);

  segments.forEach((seg, si) => {
    const cls = segClauses[si]!;
    const segRefs = refs.filter((r) => inside(r, seg));
    if (!segRefs.length && cls.some((c) => c.plannedVisit) && !cls.some((c) => c.visit)) return; // a plan: 明天去华康药业…
    const segDepts = depts.filter((d) => inside(d, seg));
    const segStatuses = statuses.filter((s) => inside(s, seg));
    const handler = handlerDepartment(segDepts);
    const status = maxStatus(segStatuses.map((s) => s.status));
    const content = cls.filter((c) => c.content && !c.noIssue);
    const masked = maskedText(work, seg, cls, ents, depts, dateHits);
    const cat = categorize(masked);
    const hasProblem = content.length > 0 && (cat.score > 0 || content.some((c) => PROBLEM_CUES.test(c.text)));
    const earlier =
      seg.topic ||
      (!NEW_MARKERS.test(seg.text) && (EARLIER_MARKERS.test(seg.text) || (EARLIER_WEAK.test(seg.text) && !REPORT_IN_CLAUSE.test(seg.text))));
    // Who reports it is said once for all the problems split from one sentence (企业反映缺普工，资金紧张).
    const reported: Span = { start: seg.parentStart, end: seg.end };
    const reportedText = work.slice(reported.start, reported.end);
    const summaryOf = (fallbackToAll: boolean) => {
      const keep = content.filter((c) => !c.visit || cls.length === 1);
      const spans = keep.length ? keep : fallbackToAll ? cls.filter((c) => !c.visit) : [];
      return makeSummary(summarySource, spans.length ? spans : cls, entNames);
    };

    const makeOld = (ref: string | null) => {
      const st: IssueStatus = status ?? (handler ? 'in_progress' : 'open');
      items.push({
        old: true,
        ref,
        category: cat.category,
        summary: summaryOf(true),
        department: handler,
        status: st,
        explicitStatus: status !== null,
      });
    };
    const apply = (targets: Item[], st: IssueStatus | null, dept: string | null) => {
      for (const t of targets) {
        if (st) {
          t.status = st;
          t.explicitStatus = true;
        }
        if (dept) t.department = dept;
      }
    };

    // a) an issue id: an update of that issue
    if (segRefs.length) {
      for (const r of segRefs) makeOld(r.ref);
      return;
    }
    // b) ordinal references to this message's items: 第一个已交金融办，后两个待交办
    const fresh = newItems();
    if (fresh.length && !hasProblem) {
      let used = false;
      const referenced = new Set<Item>();
      for (const c of clausesOf(seg)) {
        const targets = ordinalTargets(c.text, fresh, referenced);
        if (!targets) continue;
        const cStatuses = segStatuses.filter((s) => inside(s, c)).map((s) => s.status);
        const cDept = handlerDepartment(segDepts.filter((d) => inside(d, c)));
        apply(targets, maxStatus(cStatuses), cDept);
        targets.forEach((t) => referenced.add(t));
        used = true;
      }
      if (used) return;
    }
    // c) "X的事 …", "上次提的 …": an earlier issue, or one raised earlier in this message
    if (earlier) {
      const match = fresh.length ? (seg.topicCategory ? matchItem(fresh, seg.topicCategory, 1) : matchItem(fresh, cat.category, cat.score)) : null;
      // (a topic clause split from a sentence carries no new problem: the splitter checked its clauses)
      if (match && (seg.topic || !hasProblemBeyondTopic(cls))) apply([match], status, handler);
      else makeOld(null);
      return;
    }
    // d) solved or signed off: an earlier issue
    if (status === 'resolved' || status === 'closed') {
      if (fresh.length && !hasProblem) apply(SCOPE_ALL.test(seg.text) ? fresh : [fresh[fresh.length - 1]!], status, handler);
      else makeOld(null);
      return;
    }
    // e) a problem
    if (hasProblem) {
      // The department is working on it (资规局在做…, 住建局说月底前给答复) and nobody reports anything new.
      const acting = segDepts.filter((d) => d.role === 'handler' && !d.handedTo).map((d) => isSubject(work, d));
      const deptActing = (status === 'in_progress' && handler !== null) || acting.some(Boolean);
      // "宏远纺织的用工问题，人社局组织了招聘会…": a topic, then the department acting on it.
      const afterTopic = acting.includes('after-topic') && !/反映|来电|来函|提出|提了/.test(reportedText);
      if (deptActing && (afterTopic || (!STRONG_REPORT.test(reportedText) && !enterpriseSays(work, ents, reported)))) {
        makeOld(null);
        return;
      }
      // "…；二是用电增容，均已交办经信局" / "2.缺包装工，第1个已交金融办": a trailing clause about
      // all items or about other items of the list, not about this one.
      const before = newItems();
      const refClauses = cls
        .filter((c) => !c.content)
        .map((c) => ({
          c,
          targets: SCOPE_ALL.test(c.text) || RESPECTIVELY.test(c.text) ? ('all' as const) : ordinalTargets(c.text, [...before, PLACEHOLDER], new Set()),
        }))
        .filter((x): x is { c: Clause; targets: 'all' | Item[] } => x.targets !== null);
      const own = (x: Span) => !refClauses.some((r) => inside(x, r.c));
      const ownDepts = segDepts.filter(own);
      const ownHandler = handlerDepartment(ownDepts);
      const firm = segStatuses.filter(own).filter((x) => x.status !== 'in_progress' || ownHandler).map((x) => x.status);
      const st = maxStatus(firm);
      const item: Item = {
        old: false,
        ref: null,
        category: cat.category,
        summary: summaryOf(false),
        department: ownHandler,
        status: st ?? (ownHandler ? 'assigned' : 'open'),
        explicitStatus: st !== null,
      };
      items.push(item);
      for (const { c, targets } of refClauses) {
        const cStatus = maxStatus(segStatuses.filter((x) => inside(x, c)).map((x) => x.status));
        const cDept = handlerDepartment(segDepts.filter((d) => inside(d, c)));
        if (!cStatus && !cDept) continue;
        const pairs = respectively(c, segDepts, newItems());
        if (pairs) {
          for (const [t, d] of pairs) apply([t], cStatus ?? 'assigned', d);
          continue;
        }
        const list = targets === 'all' ? newItems() : targets.map((t) => (t === PLACEHOLDER ? item : t));
        apply(list, cStatus ?? (cDept ? 'assigned' : null), cDept);
      }
      return;
    }
    // f) only a status or a department: it applies to the items before it
    if (status !== null || handler !== null) {
      const pairs = respectively(seg, segDepts, fresh);
      if (pairs) {
        for (const [t, d] of pairs) apply([t], status ?? 'assigned', d);
      } else if (fresh.length) {
        const targets = SCOPE_ALL.test(seg.text) ? fresh : fresh.filter((i) => !i.explicitStatus).slice(-1);
        apply(targets.length ? targets : [fresh[fresh.length - 1]!], status ?? (handler ? 'assigned' : null), handler);
      } else if (status !== 'open' && (status !== null || segDepts.some((d) => d.handedTo))) {
        makeOld(null);
      }
    }
  });

  // ---- kind
  const oldItems = items.filter((i) => i.old);
  const visited = segClauses.some((cs) => cs.some((c) => c.visit === 'visit' || (c.visit === 'return' && oldItems.length === 0)));
  const oldKinds = new Set<UpdateKind>(oldItems.map((i) => (i.status === 'closed' ? 'closed' : i.status === 'resolved' ? 'resolved' : 'progress')));
  let kind: UpdateKind;
  if (visited) kind = oldItems.length ? 'mixed' : 'visit';
  else if (oldItems.length && newItems().length) kind = 'mixed';
  else if (oldItems.length) kind = oldKinds.size === 1 ? [...oldKinds][0]! : 'mixed';
  else if (newItems().length) kind = 'issue';
  else return { ...NOT_UPDATE };

  const issues: ExtractedIssue[] = items.map((i) => ({
    category: i.category,
    summary: i.summary,
    department: i.department,
    status: i.status,
  }));
  const firstEnt = ents[0];
  return {
    kind,
    enterprise: firstEnt ? firstEnt.name : null,
    date: resolveEventDate(work, today),
    issues,
    ref: refs[0]?.ref ?? null,
  };
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
  return clausesOf(seg).map((c) => {
    const cEnts = ents.filter((e) => inside(e, c));
    let visit: Clause['visit'] = null;
    const verbs = [...c.text.replace(VISIT_NOUN, (m) => ' '.repeat(m.length)).matchAll(VISIT_VERBS_G)].map((m) => m[0]);
    if (verbs.length) visit = verbs.every((v) => v === '回访') ? 'return' : 'visit';
    if (!visit && cEnts.some((e) => MOTION_BEFORE_NAME.test(work.slice(c.start, e.start)))) visit = 'visit';
    let plannedVisit = false;
    if (visit && PLAN_MARKERS.test(c.text)) {
      plannedVisit = true;
      visit = null;
    }
    const noIssue = NO_ISSUE.test(c.text);
    // residual content: blank out names, departments, refs, dates, statuses, visit verbs, fillers
    let r = c.text;
    const cut = (spans: Span[]) => {
      for (const s of spans) if (s.start < c.end && c.start < s.end) r = blank(r, Math.max(0, s.start - c.start), Math.min(c.text.length, s.end - c.start));
    };
    cut(cEnts);
    cut(depts);
    cut(refs);
    cut(dates);
    cut(statuses);
    r = r.replace(VISIT_VERBS_G, ' ').replace(ORDINAL_WORDS, ' ').replace(FILLER, ' ');
    const residual = r.replace(/[\s\p{P}\p{S}]/gu, '');
    return { ...c, visit, plannedVisit, noIssue, content: residual.length >= 2 };
  });
}

/** The enterprise is the one speaking (宏泰食品说…, 华康药业的王总在群里说…): a report, not a department's update. */
function enterpriseSays(work: string, ents: EnterpriseHit[], seg: Span): boolean {
  return ents.some(
    (e) => inside(e, seg) && /^(?:的)?(?:[\u4e00-\u9fa5]{0,6}?(?:老板|负责人|总经理|经理|总监|[王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高]总|办公室|财务|人事))?(?:在群里)?(?:说|反映|来电|来函|表示|反馈|提出)/.test(work.slice(e.end, e.end + 14)),
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

/** Segment text with names, departments, dates and non-content clauses blanked (for categorising). */
function maskedText(work: string, seg: Segment, cls: Clause[], ents: EnterpriseHit[], depts: DepartmentMention[], dates: Span[]): string {
  let t = work;
  for (const s of [...ents, ...depts, ...dates]) if (inside(s, seg)) t = blank(t, s.start, s.end);
  for (const c of cls) if (c.noIssue) t = blank(t, c.start, c.end);
  // "土地证办不下来，无法办理抵押贷款": a consequence clause does not decide what the problem is about.
  const problems = cls.filter((c) => c.content && !c.noIssue && !c.visit);
  if (problems.length > 1) for (const c of problems.slice(1)) if (CONSEQUENCE_START.test(c.text)) t = blank(t, c.start, c.end);
  return t.slice(seg.start, seg.end);
}

/** "分别交人社局和资规局": one department each, in order, for the last items of the message. */
function respectively(span: Span & { text: string }, depts: DepartmentMention[], items: Item[]): Array<[Item, string]> | null {
  if (!RESPECTIVELY.test(span.text)) return null;
  const names = depts.filter((d) => inside(d, span) && (d.handedTo || d.role === 'handler')).map((d) => d.name);
  if (names.length < 2 || items.length < names.length) return null;
  return items.slice(-names.length).map((t, i) => [t, names[i]!]);
}

/** Does a topic segment (资金的事已交办金融办) also describe a new problem beyond its topic? */
function hasProblemBeyondTopic(cls: Clause[]): boolean {
  return cls.filter((c) => c.content && !c.noIssue).length > 1;
}

/** The item of this message a topic refers to: same category, the first one not yet handed off. */
function matchItem(items: Item[], category: Category, score: number): Item | null {
  if (score <= 0) return null;
  const same = items.filter((i) => i.category === category);
  return same.find((i) => !i.explicitStatus) ?? same[0] ?? null;
}

const NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : (NUM[s] ?? 0));

/** Items referenced by ordinals in a clause: 第一个, 前两个, 后两个, 最后一个, 其余. */
function ordinalTargets(clause: string, items: Item[], referenced: Set<Item>): Item[] | null {
  let m = /第([一二三四五六七八九十\d]{1,2})(?:个|项|条|件|点)/.exec(clause);
  if (m) {
    const picks = [m[1]!, ...[...clause.matchAll(/[、和及]第?([一二三四五六七八九十\d])(?:个|项|条|件|点)?/g)].map((x) => x[1]!)]
      .map(num)
      .filter((n) => n >= 1 && n <= items.length);
    return picks.length ? picks.map((n) => items[n - 1]!) : null;
  }
  m = /前([两二三四五\d])(?:个|项|条|件)/.exec(clause);
  if (m) return items.slice(0, num(m[1]!));
  m = /后([一两二三四五\d])(?:个|项|条|件)/.exec(clause);
  if (m) return items.slice(-num(m[1]!));
  if (/最后一(?:个|项|条|件)/.test(clause)) return items.slice(-1);
  if (/其余|其他的|剩下的?|余下的?|另外(?:两|几|[二三四])?(?:个|项)/.test(clause)) {
    const rest = items.filter((i) => !referenced.has(i));
    return rest.length ? rest : null;
  }
  return null;
}
