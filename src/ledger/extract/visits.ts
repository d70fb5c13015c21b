/**
 * The visits a roll-up reports, read from its text: which of the enterprises it names were visited, and on which day
 * each. "上周工作汇总：11月30日走访海天食品，反映…；12月2日走访永固建材，…；12月4日走访恒通物流，无问题" visited three
 * enterprises on three days — the one that raised nothing included. The parser's message-level fields follow the first
 * enterprise (its date too); the ledger plans one visit per enterprise from this. Pure: same input, same output.
 */
import { findDates } from './event-dates.js';
import { bracketHeadingsAsLines } from './normalize.js';
import { NO_ISSUE, PLAN_MARKERS, VISIT_CALLED_OFF, VISIT_NEGATED, VISIT_VERBS } from '../lexicon/signals.js';

export interface NamedSpan {
  name: string;
  start: number;
  end: number;
}

export interface TextVisit {
  enterprise: string;
  /** The day of its own entry (YYYY-MM-DD), or null when its entry states none. */
  date: string | null;
}

/** An entry of a roll-up ends at a sentence end, a `；` or a line break. */
const ENTRY_BREAK = /[；;。！!？?\n]/;
/** A clause ends at a comma or a colon as well. */
const CLAUSE_BREAK = /[，,；;。！!？?\n：:]/;
/** Going to the enterprise: a motion verb before the name in its clause (周四去了越秀电子和安达物流). */
const MOTION_BEFORE =
  /(?:去了|到了|来到|去到|跑了|赴|(?:今天|上午|下午|昨天|前天|周[一二三四五六日天]|[日号])又?(?:到|去))/;

function bounds(text: string, at: number, brk: RegExp): { start: number; end: number } {
  let start = at;
  while (start > 0 && !brk.test(text[start - 1] as string)) start--;
  let end = at;
  while (end < text.length && !brk.test(text[end] as string)) end++;
  return { start, end };
}

/** A clause that reports the visit as done: a visit verb or a motion verb before the name, not negated or planned. */
function visitClause(text: string, hit: NamedSpan): boolean {
  const { start, end } = bounds(text, hit.start, CLAUSE_BREAK);
  const clause = text.slice(start, end);
  // (下周计划：走访宏达包装 — a plan said by its entry's heading)
  const heading = text.slice(bounds(text, hit.start, ENTRY_BREAK).start, start);
  VISIT_NEGATED.lastIndex = 0;
  if (VISIT_NEGATED.test(clause) || PLAN_MARKERS.test(clause) || VISIT_CALLED_OFF.test(clause)) return false;
  if (/[:：]\s*$/.test(heading) && PLAN_MARKERS.test(heading)) return false;
  return VISIT_VERBS.test(clause) || MOTION_BEFORE.test(text.slice(start, hit.start));
}

/**
 * Every enterprise the text says was visited — named in a clause that reports a visit, or followed (before the next
 * enterprise or the end of its entry) by words that report nothing to raise (一切正常, 无问题) — once each, in the order
 * first named, dated by the nearest event date before its mention in its entry (else the first one after it in its
 * entry). `hits`: the enterprises' mentions in the text (canonical names), earliest first.
 */
export function visitsInText(raw: string, today: string, hits: readonly NamedSpan[]): TextVisit[] {
  // (【恒力机械】（12月1日）…: a bracketed heading is a line of its own — same offsets)
  const text = bracketHeadingsAsLines(raw);
  const dates = findDates(text, today).filter((d) => d.date !== null && d.date <= today);
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const out = new Map<string, TextVisit>();
  sorted.forEach((hit, k) => {
    if (out.has(hit.name)) return;
    const entry = bounds(text, hit.start, ENTRY_BREAK);
    const next = sorted.slice(k + 1).find((h) => h.name !== hit.name && h.start >= hit.end);
    const said = text.slice(hit.end, Math.min(entry.end, next?.start ?? entry.end));
    if (!visitClause(text, hit) && !NO_ISSUE.test(said)) return;
    out.set(hit.name, { enterprise: hit.name, date: entryDate(text, dates, hit) });
  });
  return [...out.values()];
}

/** The day of the entry an enterprise is first named in (its nearest event date before, else after), or null. */
function entryDate(text: string, dates: ReturnType<typeof findDates>, hit: NamedSpan): string | null {
  const entry = bounds(text, hit.start, ENTRY_BREAK);
  const inEntry = dates.filter((d) => d.start >= entry.start && d.end <= entry.end);
  return (inEntry.filter((d) => d.end <= hit.start).at(-1) ?? inEntry.find((d) => d.start >= hit.end))?.date ?? null;
}

/**
 * The day of each enterprise's own entry in a roll-up, visited or not (【宏达包装】（12月3日）反映…): where a problem
 * it raised is dated when the text says no visit of it. Same reading as visitsInText's dates.
 */
export function entryDatesInText(raw: string, today: string, hits: readonly NamedSpan[]): Map<string, string> {
  const text = bracketHeadingsAsLines(raw);
  const dates = findDates(text, today).filter((d) => d.date !== null && d.date <= today);
  const out = new Map<string, string>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (out.has(hit.name)) continue;
    const date = entryDate(text, dates, hit);
    if (date) out.set(hit.name, date);
  }
  return out;
}
