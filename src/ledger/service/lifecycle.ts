/**
 * The lifecycle commands beyond a status step: edit a field (改 部门/类别/期限/摘要, 延期), undo the speaker's
 * last action (撤销), restore a withdrawn issue (恢复, admins), and 销号 that follows 办结 (an unresolved issue
 * is closed only after confirmation, recorded honestly as 办结 then 销号). Each returns an Outcome for execute().
 */
import type { IssuePatch } from '../../store/types.js';
import { resolveDeadline } from '../deadlines.js';
import { categorize, findDepartments } from '../extract/index.js';
import { chineseNumber } from '../extract/normalize.js';
import {
  normalizeDepartment,
  QUANTITY_ONLY,
  QUANTITY_SRC,
  REPAIR_FILLERS,
  REPAIR_MARKERS,
  SAME_MEASURE,
} from '../lexicon/index.js';
import {
  CATEGORIES,
  type Category,
  type EditableField,
  type FieldEdit,
  boundEnterprise,
  isActive,
  type Issue,
  type LedgerEvent,
  type Visit,
} from '../model.js';
import { canChange, changeRefused, type LedgerDeps, type MessageContext } from './context.js';
import { current } from './edits.js';
import { emptyPlan, type Outcome } from './execute.js';
import { mostNamed } from './targets.js';
import { TEXTS } from './texts.js';
import { STATUS_RANK } from './transitions.js';
import { reply } from '../../messaging/reply.js';
import { CORRECTION_WORDS } from '../../messaging/intent-cues.js';
import { escapeRegExp } from '../../text/regexp.js';
import { addDays, lastDayOfMonth, ymd } from '../../time/index.js';

const notice = (text: string, title = '没有变化'): Outcome => ({
  type: 'reply',
  reply: reply.text('issues', text, title),
  changing: true,
});

export const FIELD_LABELS: Record<EditableField, string> = {
  department: '部门',
  category: '类别',
  dueDate: '期限',
  summary: '摘要',
  enterprise: '企业',
};

// ------------------------------------------------------------------ edit

const EDIT_EXAMPLES: Record<EditableField, string> = {
  department: '人社局',
  category: '用工',
  dueDate: '12月31日',
  summary: '缺3名化工工程师',
  enterprise: '绿源食品',
};
/**
 * Why a deadline before today is refused: a year written out is simply past; a month-day without one is this year's
 * (read by the one rule of resolveDeadline) — the user is asked to write next year's if that is meant.
 */
export function pastDeadlineText(phrase: string, due: string): string {
  return /\d{4}|年/.test(phrase) ? TEXTS.editPastDate(due) : TEXTS.editYearUnclear(phrase, due);
}

function editValue(
  field: EditableField,
  raw: string,
  today: string,
): { value: string; readAs?: string } | { refused: string } {
  const value = raw.trim().replace(/[。.!！]+$/, '');
  switch (field) {
    case 'department': {
      const d = normalizeDepartment(value);
      return d.length >= 2 && d.length <= 20 ? { value: d } : { refused: TEXTS.editBadDepartment(value) };
    }
    case 'category': {
      const exact = CATEGORIES.find((c) => c === value);
      if (exact) return { value: exact };
      const guess = categorize(value);
      return guess.score > 0 && guess.category !== '其他'
        ? { value: guess.category, readAs: TEXTS.editReadAs(value, guess.category) }
        : { refused: TEXTS.editBadCategory(value, CATEGORIES.join('、')) };
    }
    case 'dueDate': {
      const due = resolveDeadline(value, today);
      if (!due) return { refused: TEXTS.editBadDate(value) };
      // ("改 期限 12月1日" on 7 December reads 1 December of this year, as a report does — a day past: ask for the year)
      if (due < today) return { refused: pastDeadlineText(value, due) };
      return { value: due };
    }
    case 'summary':
      return value.length >= 2 && value.length <= 200 ? { value } : { refused: TEXTS.editBadSummary };
    case 'enterprise':
      return value.length >= 2 && value.length <= 40 ? { value } : { refused: TEXTS.editBadEnterprise(value) };
  }
}

/** "+1月" / "+2周" / "+10天" (commands.ts EXTEND_BY) moved on from `from`; any other value as it is. */
export function shiftedDeadline(value: string, from: string): string {
  const m = /^\+(\d+)(月|周|天)$/.exec(value);
  if (!m) return value;
  const n = Number(m[1]);
  if (m[2] === '天') return addDays(from, n);
  if (m[2] === '周') return addDays(from, 7 * n);
  const [y, mo, d] = from.split('-').map(Number) as [number, number, number];
  const months = mo - 1 + n;
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  // (1月31日 + 一个月 → the last day of February)
  return ymd(year, month, d) ?? lastDayOfMonth(year, month);
}

export async function planEdit(
  deps: LedgerDeps,
  ctx: MessageContext,
  ref: string | null,
  field: EditableField,
  raw: string,
): Promise<Outcome> {
  if (!ref) return notice(TEXTS.editNeedsId(FIELD_LABELS[field], raw), '请写明问题编号');
  const issue = await deps.store.getIssue(ref);
  if (!issue || !canChange(ctx, issue)) return notice(changeRefused(deps, ctx, ref, issue), '没有找到');
  if (issue.status === 'closed') return notice(TEXTS.closedNeedsReopen(ref), '不能修改');
  if (!raw.trim()) return notice(TEXTS.editNeedsValue(ref, FIELD_LABELS[field], EDIT_EXAMPLES[field]), '没有修改');
  // (延期一个月 / 往后推两周: from the deadline the issue has, else from today)
  const v = editValue(field, field === 'dueDate' ? shiftedDeadline(raw, issue.dueDate ?? ctx.today) : raw, ctx.today);
  if ('refused' in v) return notice(v.refused, '没有修改');
  // (改 企业 绿源: the team's own enterprise that name stands for)
  if (field === 'enterprise') v.value = teamEnterprise(ctx, v.value) ?? v.value;
  const from = current(issue, field);
  const readAs = 'readAs' in v && v.readAs ? v.readAs : '';
  if (from === v.value) return notice(readAs + TEXTS.editSame(ref, FIELD_LABELS[field], v.value));
  const patch: IssuePatch = {
    issueId: ref,
    expectStatus: issue.status,
    ...(field === 'category' ? { category: v.value as Category } : { [field]: v.value }),
    note: TEXTS.editNote(FIELD_LABELS[field], from, v.value),
    event: { action: 'edit', edits: [{ field, from, to: v.value }] },
  };
  const plan = emptyPlan('issues');
  plan.patches.push({ patch, issue });
  if (readAs) plan.notices.push(readAs);
  return { type: 'commit', plan };
}

/** The team's enterprise a name stands for (绿源 → 绿源食品), or null. */
function teamEnterprise(ctx: MessageContext, name: string): string | null {
  return boundEnterprise(ctx.team?.enterprises ?? [], name);
}

/** What may stand around a name that sets the enterprise right (不对，是绿源的 / 应该是绿源食品那家). */
const NAME_FRAME = /^(?:是|应该是|应是|其实是|那是)|(?:那家|这家|家|那个|的事|的)+$/g;

/**
 * "不对，是绿源的" / "企业搞错了 是绿源食品" right after the speaker's report: the enterprise the report should have named,
 * when what the correction says is (all but) that name — one of the team's enterprises, or the one the parser read.
 */
export function correctedEnterprise(ctx: MessageContext, text: string, named: string | null): string | null {
  const phrase = correctionPhrase(text);
  if (!phrase) return null;
  const bareName = phrase.replace(NAME_FRAME, '').trim();
  if (bareName.length < 2 || bareName.length > 20) return null;
  const own = teamEnterprise(ctx, bareName);
  // (a name, not a sentence that holds one: 东方轴承缺的不是数控技工，是焊工 corrects a problem, it moves nothing)
  if (own && (own.includes(bareName) || bareName.replace(own, '').length <= 2)) return own;
  if (own) return null;
  return named && (named === bareName || named.includes(bareName) || bareName.includes(named)) ? named : null;
}

/** Set the enterprise of the speaker's last report right: its issues and its visit move, each edit in its history. */
async function planMoveLast(
  deps: LedgerDeps,
  events: LedgerEvent[],
  messageId: string,
  to: string,
): Promise<Outcome | null> {
  const plan = emptyPlan('issues');
  const moved: string[] = [];
  for (const e of events) {
    if (e.messageId !== messageId) continue;
    if (e.type === 'issue.created') {
      const issue = await deps.store.getIssue(e.issueId as string);
      if (!issue || issue.status === 'closed' || issue.enterprise === to) continue;
      const edits: FieldEdit[] = [{ field: 'enterprise', from: issue.enterprise, to }];
      plan.patches.push({
        issue,
        patch: {
          issueId: issue.id,
          expectStatus: issue.status,
          enterprise: to,
          note: TEXTS.editNote(FIELD_LABELS.enterprise, issue.enterprise, to),
          event: { action: 'edit', edits },
        },
      });
    } else if (e.type === 'visit.recorded') {
      const visit = await deps.store.getVisit(e.visitId as string);
      if (!visit || visit.enterprise === to) continue;
      plan.visitPatches.push({
        visitId: visit.id,
        enterprise: to,
        event: { action: 'edit', edits: [{ field: 'enterprise', from: visit.enterprise, to }] },
      });
      moved.push(TEXTS.visitMoved(visit.id, visit.enterprise, to));
    }
  }
  if (!plan.patches.length && !plan.visitPatches.length) return null;
  plan.notices.push(...moved);
  return { type: 'commit', plan };
}

// ------------------------------------------------------------------ correcting the last report

/** A message that opens by taking something back (不对 / 更正 / 说错了 …): the one definition of it. */
const OPENING = new RegExp(
  `^(?:${[...REPAIR_MARKERS, ...CORRECTION_WORDS].map(escapeRegExp).join('|')})[了啦]?[，,。:：!！\\s]*`,
);
export const opensWithCorrection = (text: string): boolean => OPENING.test(text.trim());
const FILLER = new RegExp(`^(?:${REPAIR_FILLERS.map(escapeRegExp).join('|')})+`);
/** "…不是用地，是厂房审批": what the correction says instead. */
const INSTEAD = /^不是[^，,。]{1,12}[，,]?\s*(?:而|应该|应)?是(.+)$/;
/** A correction longer than this is a report written again, not a field set right. */
const SHORT_CORRECTION = 24;

/** 企业搞错了 / 公司写错了 / 名字记错了: an opening that says the enterprise is what was wrong. */
const ENTERPRISE_WRONG = /^(?:企业|公司|企业名称?|名字|厂)(?:名)?(?:写|记|搞|弄|填|报)?错了?[了啦]?[，,。:：!！\s]*/;
/** What a correction says the record should hold: the words after 不对 / 不是A，是 …, fillers dropped. */
export function correctionPhrase(text: string): string | null {
  const t = text.trim();
  // (企业搞错了，是绿源食品: what was wrong is named first)
  if (ENTERPRISE_WRONG.test(t)) return correctionPhrase(`不对，${t.replace(ENTERPRISE_WRONG, '')}`);
  if (!OPENING.test(t) && !INSTEAD.test(t)) return null;
  // (不对，不是用地，是厂房审批: the 不是…是 after the opening says what instead)
  const instead = INSTEAD.exec(t.replace(OPENING, ''))?.[1];
  const phrase = (instead ?? t.replace(OPENING, ''))
    .replace(FILLER, '')
    .replace(/[。.!！~]+$/, '')
    .trim();
  return phrase.length >= 2 && phrase.length <= SHORT_CORRECTION ? phrase : null;
}

/** "…缺的不是数控技工，是焊工": what was said (数控技工) and what it should be (焊工). */
const NOT_X_BUT_Y = /不是([^，,。；;\s]{1,12}?)[，,]?\s*(?:而|应该|应)?是([^，,。；;]{1,40})/;
/** "…缺的是焊工10名，不是15名": the same said the other way round (what it should be first). */
const Y_NOT_X = /(?:^|[^不])是([^，,。；;]{1,40}?)[，,]\s*(?:而)?不是([^，,。；;\s]{1,12})/;
/** A count or amount: digits or Chinese numerals and a measure (20个, 十名, 50亩, 300万元); see QUANTITY_SRC. */
const QUANTITY = new RegExp(QUANTITY_SRC);
/** A measure as compared: measures that count the same thing are one (人, 名, 个 and 位 alike; 万 and 万元). */
const measureKey = (measure: string): string => SAME_MEASURE.find((g) => g.includes(measure))?.[0] ?? measure;

/** The quantities of a text as [value, measure key] (20个 and 20名 alike). */
function quantities(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const m of text.matchAll(new RegExp(QUANTITY_SRC, 'g'))) {
    const digits = m[1] as string;
    const value = /^[\d.]+$/.test(digits) ? Number(digits) : chineseNumber(digits);
    if (value !== null) out.push([value, measureKey(m[2] as string)]);
  }
  return out;
}

/**
 * A result that falls short of the need the issue states (机修工招到6个了 against 缺机修工10个; 到账50万元 against 贷款
 * 200万元): the matter moved on, it is not done. Every quantity the result states is below the need's of its unit.
 */
export function fallsShort(result: string, need: string): boolean {
  const got = quantities(result);
  const wanted = quantities(need);
  if (!got.length || !wanted.length) return false;
  return got.every(([n, unit]) => wanted.some(([w, u]) => u === unit && n < w));
}

/** The quantity a correction adds after what it says instead (不是挡车工，是机修工，10个 → 10个). */
const QUANTITY_AFTER = new RegExp(`^[，,]?\\s*(?:共|一共|大概|约)?\\s*(${QUANTITY.source})\\s*(?:[。.!！~]|$)`);

/**
 * What a correction says was wrong ("…不是普工，是电焊工" → 普工) when the issue's summary holds no part of it: the
 * correction is about some other record (a wrong id), so nothing is changed on this one. Null when the correction
 * names no such words, names a category (不是审批，是用地), or they are in the summary.
 */
export function correctionNotAbout(text: string, summary: string): string | null {
  const said = notXButY(text);
  if (!said || said.was.length < 2 || CATEGORIES.includes(said.was as Category)) return null;
  return wordsIn(summary, said.was) ? null : said.was;
}

/** What a "不是X，是Y" correction takes back (X, its 缺/要/是 dropped) and what it says instead (Y), or null. */
function notXButY(text: string): { was: string; now: string; quantity: string | null } | null {
  const m = NOT_X_BUT_Y.exec(text);
  // (是焊工10名，不是15名: the same said the other way round)
  const r = m ? null : Y_NOT_X.exec(text);
  const [was, now] = m ? [m[1], m[2]] : r ? [r[2], r[1]] : [];
  if (was === undefined || now === undefined) return null;
  const quantity = m ? (QUANTITY_AFTER.exec(text.slice(m.index + m[0].length))?.[1] ?? null) : null;
  return {
    was: was.replace(/^(?:缺|要|是)/, '').trim(),
    now: now.replace(/[。.!！~]+$/, '').trim(),
    quantity,
  };
}

/** The longest ending (two characters at least) of `was` that the summary holds, or null: 高级数控技工 → 数控技工. */
function wordsIn(summary: string, was: string): string | null {
  for (let k = was.length; k >= 2; k--) if (summary.includes(was.slice(-k))) return was.slice(-k);
  return null;
}

/**
 * The summary an issue gets from a correction that says "不是X，是Y": X in the summary replaced by Y (缺高级数控技工 →
 * 缺高级焊工; also when only X's ending is there: 不是高级数控技工 for 缺数控技工). Null when the summary holds no part
 * of X (the correction is not about this issue's words) or nothing would change.
 */
export function correctedSummary(text: string, summary: string): string | null {
  const said = notXButY(text);
  if (!said) return null;
  const { was, now, quantity } = said;
  // (不是用地，是厂房审批: a category named is the matter's kind, not words of the summary to swap)
  if (was.length < 2 || !now || now === was || CATEGORIES.includes(was as Category)) return null;
  const tail = wordsIn(summary, was);
  if (!tail) return null;
  // (是焊工10名，不是15名: a count set right is the count, whatever words stand before it in the correction)
  const count = QUANTITY.test(was) ? (new RegExp(`${QUANTITY.source}$`).exec(now)?.[0] ?? now) : now;
  let out = summary.replace(tail, count);
  // (不是挡车工，是机修工，10个: the count after the matter's words is set too — the first one close after them)
  if (quantity) {
    const at = out.indexOf(count) + count.length;
    const next = new RegExp(`^[^，,。；;]{0,4}?(${QUANTITY.source})`).exec(out.slice(at));
    out = next ? out.slice(0, at) + out.slice(at).replace(next[1] as string, quantity) : out;
  }
  return out !== summary && out.length <= 200 ? out : null;
}

/**
 * The summary a correction made of a quantity alone gives ("不对 是50人" for 有员工30人，缺挡车工 → 有员工50人，缺挡车工):
 * the summary's one quantity of the same measure (人 and 名 alike) set to the one said. Null when the phrase is no
 * bare quantity, or the summary holds none or several of that measure.
 */
export function correctedQuantity(phrase: string, summary: string): string | null {
  const said = QUANTITY_ONLY.exec(phrase);
  if (!said) return null;
  const measure = measureKey(said[2] as string);
  const hits = [...summary.matchAll(new RegExp(QUANTITY_SRC, 'g'))].filter(
    (m) => measureKey(m[2] as string) === measure,
  );
  if (hits.length !== 1) return null;
  const hit = hits[0] as RegExpExecArray;
  // (the number with its 多/余 — 100多万 → 200万 —, the measure kept as the summary wrote it)
  const number = hit[0].slice(0, hit[0].length - (hit[2] as string).length);
  const at = hit.index ?? 0;
  const out = `${summary.slice(0, at)}${said[1]}${summary.slice(at + number.length)}`;
  return out !== summary ? out : null;
}

/** A correction phrase that is a quantity alone (是50人, 应该是十名). */
export const isQuantityCorrection = (phrase: string): boolean => QUANTITY_ONLY.test(phrase);

/**
 * "不对，是交办住建局" / "不对，是缺3个焊工" / "不是用地，是厂房审批" right after the speaker's own report: it sets
 * right what that report recorded instead of being a report of its own. The issue the report created (its only
 * one, or the one of the category the correction names) gets the department, category or summary the correction
 * gives, as an edit with history (撤销 reverts it). Null when there is nothing to correct — the speaker's last
 * action in the undo window created no issue, or the text is a whole report again: the message goes on as a report.
 */
export async function planCorrectLast(
  deps: LedgerDeps,
  ctx: MessageContext,
  text: string,
  named: string | null = null,
): Promise<Outcome | null> {
  const events = (await myRecentEvents(deps, ctx)).filter((e) => e.actor === ctx.msg.userId);
  const last = events.at(-1);
  if (!last || last.action === 'undo') return null;
  // (不对，是绿源的: the report named the wrong enterprise — its issues and visit move)
  const movedTo = correctedEnterprise(ctx, text, named);
  if (movedTo) {
    const move = await planMoveLast(deps, events, last.messageId, movedTo);
    if (move) return move;
  }
  const phrase = correctionPhrase(text);
  if (!phrase) return null;
  const created: Issue[] = [];
  for (const e of events)
    if (e.messageId === last.messageId && e.type === 'issue.created') {
      const issue = await deps.store.getIssue(e.issueId as string);
      if (issue && issue.status !== 'closed') created.push(issue);
    }
  if (!created.length) return correctLastUpdate(deps, events, last.messageId, phrase, ctx.today);
  // A message about another enterprise (七一电器说不对，…) is its own report, not a correction of that record.
  if (named && !created.some((i) => i.enterprise === named)) return null;

  const department = findDepartments(phrase)[0]?.name ?? null;
  const category = namedCategory(phrase);
  // (不对 是50人: the issue whose summary holds a quantity of that measure; else the one whose words the correction
  // repeats, or of the category it names)
  const quantityOnly = isQuantityCorrection(phrase);
  const repeated = quantityOnly ? [] : mostNamed(phrase, created, (i) => i.summary);
  const pool = quantityOnly
    ? created.filter((i) => correctedQuantity(phrase, i.summary) !== null)
    : repeated.length > 1 && category
      ? repeated.filter((i) => i.category === category)
      : repeated;
  if (quantityOnly && !pool.length) return notice(TEXTS.correctionNoQuantity(phrase), '没有改动');
  if (pool.length !== 1) {
    return notice(TEXTS.correctionWhich(created.map((i) => `${i.id} ${i.category}｜${i.summary}`)), '请写明问题编号');
  }
  const issue = pool[0] as Issue;
  const edits: FieldEdit[] = [];
  const patch: IssuePatch = { issueId: issue.id, expectStatus: issue.status };
  if (department && department !== issue.department)
    setDepartment(issue, department, addDays(ctx.today, deps.config.ZCT_DUE_DAYS), patch, edits);
  // (东方轴承缺的不是数控技工，是焊工: the summary's words set right, 缺高级数控技工 → 缺高级焊工)
  const instead = department
    ? null
    : (correctedQuantity(phrase, issue.summary) ?? correctedSummary(text, issue.summary));
  if (instead) {
    const judged = namedCategory(instead);
    if (judged) setCategory(issue, judged, patch, edits);
    edits.push({ field: 'summary', from: issue.summary, to: instead });
    patch.summary = instead;
  } else if (!department) {
    if (category) setCategory(issue, category, patch, edits);
    // (不是审批，是用地: a bare category name sets the category, the problem's description stays)
    const bareCategory = phrase.replace(/^是|的?(?:问题|事情?|方面|类)$|的$/g, '');
    // (不是用地，是厂房审批: what it takes back is a category — the matter's kind is set right, its description stays)
    const takenBack = NOT_X_BUT_Y.exec(text)?.[1]?.replace(/的?(?:问题|事情?|方面|类)$/, '') ?? '';
    const onlyCategory =
      category !== null &&
      (CATEGORIES.includes(bareCategory as Category) ||
        bareCategory.length <= 2 ||
        CATEGORIES.includes(takenBack as Category));
    if (phrase !== issue.summary && !onlyCategory) {
      edits.push({ field: 'summary', from: issue.summary, to: phrase });
      patch.summary = phrase;
    }
  }
  if (!edits.length) return notice(TEXTS.correctionSame(issue.id));
  patch.note = edits.map((e) => TEXTS.editNote(FIELD_LABELS[e.field], e.from, e.to as string)).join('；');
  patch.event = { action: 'edit', edits };
  const plan = emptyPlan('issues');
  plan.patches.push({ patch, issue });
  return { type: 'commit', plan };
}

/**
 * A correction naming who handles the issue: the department set, and — for an issue not yet handed off — handed off
 * with the usual deadline (`due`), each change an edit of the patch.
 */
/** The category a phrase names, when its words tell one other than 其他 (是厂房审批 → 审批); else null. */
function namedCategory(phrase: string): Category | null {
  const judged = categorize(phrase);
  return judged.score > 0 && judged.category !== '其他' ? judged.category : null;
}

/** The issue's category set right, as an edit with history (nothing when it has that category already). */
function setCategory(issue: Issue, category: Category, patch: IssuePatch, edits: FieldEdit[]): void {
  if (category === issue.category) return;
  edits.push({ field: 'category', from: issue.category, to: category });
  patch.category = category;
}

function setDepartment(issue: Issue, department: string, due: string, patch: IssuePatch, edits: FieldEdit[]): void {
  edits.push({ field: 'department', from: issue.department, to: department });
  patch.department = department;
  if (issue.status !== 'open') return;
  patch.status = 'assigned';
  if (!issue.dueDate) {
    patch.dueDate = due;
    edits.push({ field: 'dueDate', from: null, to: due });
  }
}

/**
 * "不对，是交办给人社局" right after the speaker's update of one issue (Q-0001 金融办已对接…): the department that
 * update gave is set right on that issue, as an edit with history — or its category (不是用地，是厂房审批). Nothing else
 * is taken from such a correction (an update names no description of its own to set right); anything else goes on as
 * a message.
 */
async function correctLastUpdate(
  deps: LedgerDeps,
  events: LedgerEvent[],
  messageId: string,
  phrase: string,
  today: string,
): Promise<Outcome | null> {
  const ids = [
    ...new Set(events.filter((e) => e.messageId === messageId && e.type === 'issue.updated').map((e) => e.issueId)),
  ];
  if (ids.length !== 1) return null;
  const department = findDepartments(phrase).find((d) => !d.unknown)?.name ?? null;
  // (不是用地，是厂房审批 right after an update of the 用地 issue: its category set right)
  const category = department ? null : namedCategory(phrase);
  if (!department && !category) return null;
  const issue = await deps.store.getIssue(ids[0] as string);
  if (!issue || issue.status === 'closed') return null;
  if (department ? issue.department === department : issue.category === category) return null;
  const edits: FieldEdit[] = [];
  const patch: IssuePatch = { issueId: issue.id, expectStatus: issue.status };
  if (department) setDepartment(issue, department, addDays(today, deps.config.ZCT_DUE_DAYS), patch, edits);
  else if (category) setCategory(issue, category, patch, edits);
  patch.note = edits.map((e) => TEXTS.editNote(FIELD_LABELS[e.field], e.from, e.to as string)).join('；');
  patch.event = { action: 'edit', edits };
  const plan = emptyPlan('issues');
  plan.patches.push({ patch, issue });
  return { type: 'commit', plan };
}

// ------------------------------------------------------------------ undo

/**
 * Has the speaker changed the ledger in this team since `at` (ms)? A question the bot asked before that is no longer
 * the last thing the speaker did: 撤销 / 不对 then speak of the newer change, and the question keeps waiting.
 */
export async function actedSince(deps: LedgerDeps, msg: MessageContext['msg'], at: number): Promise<boolean> {
  const events = await deps.store.readEvents(at + 1, deps.clock().getTime());
  return events.some((e) => e.teamId === msg.teamId && e.actor === msg.userId);
}

/** The speaker's events in this team within the undo window, newest message last. */
async function myRecentEvents(deps: LedgerDeps, ctx: MessageContext): Promise<LedgerEvent[]> {
  const windowMs = deps.config.ZCT_UNDO_WINDOW_MIN * 60_000;
  const events = await deps.store.readEvents(ctx.now - windowMs, ctx.now);
  return events.filter((e) => e.teamId === ctx.msg.teamId);
}

/** Has anyone but the speaker changed this issue after `at`? */
async function changedByOthersSince(deps: LedgerDeps, issueId: string, at: number, userId: string): Promise<boolean> {
  return (await deps.store.issueHistory(issueId)).some(
    (e) => e.at >= at && e.actor !== userId && e.type !== 'issue.created',
  );
}

/**
 * 撤销 [Q-0012 | V-0003]: undo the speaker's LAST action (in this team, within ZCT_UNDO_WINDOW_MIN), only that:
 * a report's new visit and issues are withdrawn; a later 办结 / 重新打开 / 销号 / edit is reverted by a patch
 * back to the values before it. Refused for an issue someone else has changed since.
 */
export async function planUndo(deps: LedgerDeps, ctx: MessageContext, ref: string | null): Promise<Outcome> {
  const { msg } = ctx;
  const windowMin = deps.config.ZCT_UNDO_WINDOW_MIN;
  const events = await myRecentEvents(deps, ctx);
  const undone = new Set(events.filter((e) => e.action === 'undo' && e.undoes).map((e) => e.undoes as string));
  const touches = (e: LedgerEvent) => !ref || e.issueId === ref || e.visitId === ref;
  const mine = events.filter(
    (e) =>
      e.actor === msg.userId &&
      touches(e) &&
      e.action !== 'undo' &&
      (e.type !== 'issue.withdrawn' || e.action === 'merge') &&
      e.type !== 'visit.withdrawn' &&
      !undone.has(e.messageId),
  );
  // Creations already withdrawn are undone too.
  const live: LedgerEvent[] = [];
  for (const e of mine) {
    if (e.type === 'issue.created' && !(await deps.store.getIssue(e.issueId as string))) continue;
    if (e.type === 'visit.recorded' && !(await deps.store.getVisit(e.visitId as string))) continue;
    // (a merged duplicate already back, by 恢复: nothing left to undo of that merge)
    if (e.type === 'issue.withdrawn' && (await deps.store.getIssue(e.issueId as string))) continue;
    live.push(e);
  }
  const last = live.at(-1);
  if (!last) {
    // (an admin takes back an issue someone else recorded wrongly — a question or a chat line taken for a problem)
    if (ref?.startsWith('Q-') && msg.isAdmin) {
      const issue = await deps.store.getIssue(ref);
      if (issue && canChange(ctx, issue)) {
        const plan = emptyPlan('issues');
        plan.withdrawIssues.push(issue);
        plan.notices.push(TEXTS.adminWithdrawn(ref));
        return { type: 'commit', plan };
      }
    }
    if (ref) return notice(await whyNotUndo(deps, ctx, ref), '不能撤销');
    return notice(TEXTS.undoNothing(windowMin), '没有可撤销的记录');
  }
  const action = live.filter((e) => e.messageId === last.messageId);
  const plan = emptyPlan('issues');

  for (const e of action) {
    if (e.type === 'visit.recorded') {
      const v = (await deps.store.getVisit(e.visitId as string)) as Visit;
      plan.withdrawVisits.push(v);
    } else if (e.type === 'issue.created') {
      const issue = (await deps.store.getIssue(e.issueId as string)) as Issue;
      if (await changedByOthersSince(deps, issue.id, e.at, msg.userId))
        return notice(TEXTS.undoChangedByOthers(issue.id), '不能撤销');
      plan.withdrawIssues.push(issue);
    } else if (e.type === 'visit.updated') {
      const back = (e.edits ?? []).find((ed) => ed.field === 'enterprise');
      if (back?.from) {
        plan.visitPatches.push({
          visitId: e.visitId as string,
          enterprise: back.from,
          event: {
            action: 'undo',
            undoes: e.messageId,
            edits: [{ field: 'enterprise', from: back.to, to: back.from }],
          },
        });
        plan.notices.push(TEXTS.visitMoved(e.visitId as string, back.to ?? '', back.from));
      }
    } else if (e.type === 'issue.withdrawn') {
      // (a merge: the duplicate comes back)
      plan.restoreIssues.push(e.issueId as string);
      plan.notices.push(TEXTS.unmerged(e.issueId as string));
    }
  }
  // Reverse the updates newest first, each back to what it was before.
  const updates = action.filter((e) => e.type === 'issue.updated').reverse();
  const simulated = new Map<string, Issue>();
  for (const e of updates) {
    const id = e.issueId as string;
    const issue = simulated.get(id) ?? (await deps.store.getIssue(id));
    if (!issue) return notice(TEXTS.notFound(id), '不能撤销');
    if (await changedByOthersSince(deps, id, e.at, msg.userId))
      return notice(TEXTS.undoChangedByOthers(id), '不能撤销');
    const back: IssuePatch = {
      issueId: id,
      expectStatus: issue.status,
      note: TEXTS.undoNote(e.note ?? null),
      event: { action: 'undo', undoes: e.messageId },
    };
    if (e.from && e.to && e.from !== e.to) back.status = e.from;
    const reverted: FieldEdit[] = [];
    for (const ed of e.edits ?? []) {
      if (ed.field === 'category') back.category = (ed.from ?? '其他') as Category;
      else if (ed.field === 'summary') back.summary = ed.from ?? issue.summary;
      else if (ed.field === 'enterprise') back.enterprise = ed.from ?? issue.enterprise;
      else back[ed.field] = ed.from;
      reverted.push({ field: ed.field, from: ed.to, to: ed.from });
    }
    if (reverted.length) back.event = { ...back.event, edits: reverted };
    plan.patches.push({ patch: back, issue });
    const after: Issue = { ...issue, status: back.status ?? issue.status };
    for (const ed of reverted) (after as unknown as Record<string, string | null>)[ed.field] = ed.to;
    simulated.set(id, after);
  }
  if (
    !plan.patches.length &&
    !plan.withdrawIssues.length &&
    !plan.withdrawVisits.length &&
    !plan.restoreIssues.length &&
    !plan.visitPatches.length
  )
    return notice(TEXTS.undoNothing(windowMin), '没有可撤销的记录');
  return { type: 'commit', plan };
}

async function whyNotUndo(deps: LedgerDeps, ctx: MessageContext, ref: string): Promise<string> {
  const windowMin = deps.config.ZCT_UNDO_WINDOW_MIN;
  const record: Issue | Visit | null = ref.startsWith('V-')
    ? await deps.store.getVisit(ref)
    : await deps.store.getIssue(ref);
  if (!record || record.teamId !== ctx.msg.teamId)
    return ref.startsWith('V-') ? TEXTS.visitNotFound(ref) : TEXTS.notFound(ref);
  const history = ref.startsWith('Q-') ? await deps.store.issueHistory(ref) : [];
  if (record.reporter !== ctx.msg.userId && !history.some((e) => e.actor === ctx.msg.userId))
    return TEXTS.undoNotReporter(ref);
  return TEXTS.undoExpired(ref, windowMin);
}

// ------------------------------------------------------------------ restore

/** 恢复 Q-0012 (admins): a withdrawn issue of this team comes back, with an 'issue.restored' event. */
export async function planRestore(deps: LedgerDeps, ctx: MessageContext, ref: string): Promise<Outcome> {
  if (!ctx.msg.isAdmin) return notice(TEXTS.restoreAdminsOnly(ref), '不能恢复');
  if (await deps.store.getIssue(ref)) return notice(TEXTS.restoreNotWithdrawn(ref));
  const history = await deps.store.issueHistory(ref);
  const withdrawn = history.at(-1);
  if (withdrawn?.type !== 'issue.withdrawn' || withdrawn.teamId !== ctx.msg.teamId)
    return notice(TEXTS.notFound(ref), '没有找到');
  const plan = emptyPlan('issues');
  plan.restoreIssues.push(ref);
  plan.notices.push(TEXTS.restored(ref));
  return { type: 'commit', plan };
}

// ------------------------------------------------------------------ merge

/**
 * Q-0015 并入 Q-0012: a duplicate issue of this team folds into the one kept — the duplicate is withdrawn with an
 * 'issue.withdrawn' event that names where it went (action 'merge'), the one kept gets a note naming the duplicate,
 * in one commit. 撤销 takes it back (planUndo); the duplicate's id then shows the issue it went into.
 */
export async function planMerge(
  deps: LedgerDeps,
  ctx: MessageContext,
  duplicate: string,
  into: string,
): Promise<Outcome> {
  if (duplicate === into) return notice(TEXTS.mergeSame(into), '没有合并');
  const [dup, kept] = await Promise.all([deps.store.getIssue(duplicate), deps.store.getIssue(into)]);
  for (const [ref, issue] of [
    [duplicate, dup],
    [into, kept],
  ] as const) {
    if (!issue || !canChange(ctx, issue)) return notice(changeRefused(deps, ctx, ref, issue), '没有找到');
    if (issue.status === 'closed') return notice(TEXTS.mergeClosed(ref), '没有合并');
  }
  const [d, k] = [dup as Issue, kept as Issue];
  // (two enterprises' problems are never one issue)
  if (d.enterprise !== k.enterprise) return notice(TEXTS.mergeOtherEnterprise(d, k), '没有合并');
  const patch: IssuePatch = {
    issueId: k.id,
    expectStatus: k.status,
    note: TEXTS.mergeNote(d),
    event: { action: 'merge' },
  };
  // The handling the duplicate had got further with carries over (待交办 + 已交办人社局 → 已交办人社局).
  if (isActive(d.status) && isActive(k.status) && STATUS_RANK[d.status] > STATUS_RANK[k.status]) {
    patch.status = d.status;
    if (d.department && d.department !== k.department) patch.department = d.department;
    if (d.dueDate && !k.dueDate) patch.dueDate = d.dueDate;
  } else if (!k.department && d.department && k.status !== 'open') patch.department = d.department;
  const plan = emptyPlan('issues');
  plan.patches.push({ patch, issue: k });
  plan.withdrawIssues.push(d);
  plan.withdrawEvent = { action: 'merge', mergedInto: k.id, note: TEXTS.mergedInto(k.id) };
  plan.notices.push(TEXTS.merged(d.id, k.id));
  return { type: 'commit', plan };
}

// ------------------------------------------------------------------ close

/**
 * 销号 of issues (one or several), once the admin confirmed: a resolved issue is closed; one not yet 办结 gets two
 * patches in the same commit, 办结 then 销号, so the audit log and the digest see both steps.
 */
export async function planCloseUnresolved(
  deps: LedgerDeps,
  ctx: MessageContext,
  refs: string[],
  note: string | null,
): Promise<Outcome> {
  if (!ctx.msg.isAdmin) return notice(TEXTS.closeRefused(refs.join('、')), '不能销号');
  const plan = emptyPlan('issues');
  for (const ref of refs) {
    const issue = await deps.store.getIssue(ref);
    if (!issue || !canChange(ctx, issue)) {
      plan.notices.push(changeRefused(deps, ctx, ref, issue));
      continue;
    }
    if (issue.status === 'closed') {
      plan.notices.push(TEXTS.alreadyIn(ref, 'closed'));
      continue;
    }
    if (issue.status !== 'resolved') {
      plan.patches.push({
        patch: {
          issueId: ref,
          expectStatus: issue.status,
          status: 'resolved',
          note: TEXTS.resolvedForClose,
          event: { action: 'close_unresolved' },
        },
        issue,
      });
    }
    const resolved: Issue = { ...issue, status: 'resolved' };
    plan.patches.push({
      patch: {
        issueId: ref,
        expectStatus: 'resolved',
        status: 'closed',
        note: note ?? '核实销号',
        ...(issue.status !== 'resolved' ? { event: { action: 'close_unresolved' as const } } : {}),
      },
      issue: resolved,
    });
  }
  if (!plan.patches.length) return notice(plan.notices.join('\n'));
  return { type: 'commit', plan };
}
