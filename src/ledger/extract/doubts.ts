/**
 * Doubts read from the structure of a parse against its text, whoever made the parse (rules or model): where
 * the lexicons offer a competing reading, or the decision rested on weak evidence. Each is a yes/no signal; its
 * weight is how often parses carrying it were wrong on the tuning sets (bench/confidence-fit.ts). None names a
 * word: they compare what the lexicon finders (status, department, enterprise, date, category) read in the
 * text with what the parse kept.
 */
import type { ConfidenceReason, Extraction } from '../model.js';
import { CATEGORY_LEXICON } from '../lexicon/categories.js';
import { HANDOFF_BEFORE_DEPARTMENT } from '../lexicon/statuses.js';
import { COMPANY_SUFFIXES } from '../lexicon/enterprises.js';
import {
  NO_ISSUE,
  OWN_PROBLEM_CUES,
  PROBLEM_CUES,
  REPORT_CHANNEL,
  REQUEST_CUES,
  VISIT_VERBS,
} from '../lexicon/signals.js';
import { joinWordSpacing } from '../../text/spacing.js';
import { scoreCategories } from './category.js';
import { findDepartments, type DepartmentMention } from './department.js';
import { findEnterprises } from './enterprise.js';
import { findDates } from './event-dates.js';
import { blankSpans, foldWidth, type Span } from './normalize.js';
import { findRefs } from './ref.js';
import { selfRepairs } from './repair.js';
import { findStatuses } from './status.js';

/** Lexicon weight of a word that names a category by itself (工程师, 环评, 贷款); lighter words are context. */
const STRONG_CATEGORY = 5;
/**
 * Share of a message's Chinese characters that no rule reads (see unexplainedShare) at or above which the parse
 * rests on too little of the text. Chosen with bench/confidence-fit.ts (its unread-share sweep) on the odd ids
 * of the tuning halves: the lowest share at which such parses were wrong more often than the rest.
 */
export const RESIDUE_AT = 0.35;
/** Messages shorter than this (Chinese characters) are too short for a share to mean anything. */
const RESIDUE_MIN_CHARS = 12;

const CLAUSE_BREAK = /[,，。;；!！?？\n]/;
const CATEGORY_WORDS = [...new Set(CATEGORY_LEXICON.flatMap((c) => c.words).filter((w) => w.length >= 2))].sort(
  (a, b) => b.length - a.length,
);
const COMPANY_ENDING = new RegExp(
  `(?:${[...new Set(COMPANY_SUFFIXES)].sort((a, b) => b.length - a.length).join('|')})$`,
);
/**
 * Grammatical words (pronouns, particles, aspect and degree adverbs, fillers of speech, report verbs and the nouns
 * of reporting): they carry no field, so they count as read. A closed class, not content words.
 */
const FUNCTION_WORDS =
  /我们|咱们|他们|她们|对方|企业|公司|老板|负责人|厂里|这边|那边|这个|那个|这些|那些|就是|然后|还有|另外|已经|目前|现在|今天|昨天|前天|上午|下午|刚才|一下|一直|还是|问题|诉求|情况|事情|反映|表示|提出|提到|说了?|讲|一个|[我你他她它咱的了着过吗呢吧啊呀呃嗯哦么也都还又就才再很太挺蛮比较更最在是有和跟与同及或把被给让对向从到为个件项条点些]/g;

/** The text as the rules read it: dictation joined back, full-width folded. */
function readable(text: string): string {
  return foldWidth(joinWordSpacing(text));
}

function clauseSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_BREAK.test(text[i]!)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/**
 * One-entry memo: the detectors of one parse read the same text, so each finder runs once per message; the parser
 * may hand over what it already read of that text (seed).
 */
function lastOf<T>(find: (text: string) => T): { (text: string): T; seed(text: string, value: T): void } {
  let key: string | null = null;
  let value: T;
  const read = (text: string) => {
    if (text !== key) {
      value = find(text);
      key = text;
    }
    return value;
  };
  read.seed = (text: string, v: T) => {
    key = text;
    value = v;
  };
  return read;
}
const statusesIn = lastOf(findStatuses);
const departmentsIn = lastOf<readonly DepartmentMention[]>(findDepartments);
const RESIDUE_CUES = [VISIT_VERBS, OWN_PROBLEM_CUES, PROBLEM_CUES, REQUEST_CUES, REPORT_CHANNEL, NO_ISSUE].map(
  (re) => new RegExp(re.source, 'g'),
);

const cjkCount = (s: string) => (s.match(/[\u4e00-\u9fa5]/g) ?? []).length;

/**
 * The share of the message's Chinese characters that no rule reads: not an issue id, status, department,
 * enterprise, date, category word, visit verb, problem or request cue, report channel, "no problem" phrase
 * nor a grammatical word. A parse that explains little of its text guessed the rest.
 */
export function unexplainedShare(text: string, known: readonly string[] = []): number {
  const t = readable(text);
  const total = cjkCount(t);
  if (total < RESIDUE_MIN_CHARS) return 0;
  const depts = departmentsIn(t);
  const spans: Span[] = [
    ...findRefs(t),
    ...statusesIn(t),
    ...depts,
    ...findEnterprises(t, known, [...depts]),
    ...findDates(t, '2000-01-01'),
  ];
  let rest = blankSpans(t, 0, spans);
  for (const w of CATEGORY_WORDS) if (rest.includes(w)) rest = rest.split(w).join(' '.repeat(w.length));
  for (const re of RESIDUE_CUES) rest = rest.replace(re, (x) => ' '.repeat(x.length));
  rest = rest.replace(FUNCTION_WORDS, (x) => ' '.repeat(x.length));
  return cjkCount(rest) / total;
}

/**
 * The departments the text hands something to, or names beside a status in its clause (人社局已受理), that no
 * issue of the parse carries (normalised names, once each). `text` as the rules read it.
 */
function placedNowhere(e: Extraction, t: string): string[] {
  if (!e.issues.length) return [];
  const carried = new Set(e.issues.map((i) => i.department).filter((d): d is string => Boolean(d)));
  const loose = departmentsIn(t).filter((d) => d.role === 'handler' && !carried.has(d.name));
  if (!loose.length) return [];
  const statuses = statusesIn(t).filter((h) => h.status !== 'open');
  const clauses = clauseSpans(t);
  const clauseOf = (at: number) => clauses.find((c) => c.start <= at && at < c.end);
  const out = loose.filter((d) => {
    if (d.handedTo) return true;
    const c = clauseOf(d.start);
    return c !== undefined && statuses.some((h) => h.start >= c.start && h.end <= c.end);
  });
  return [...new Set(out.map((d) => d.name))];
}

/** For the card: the departments of a message that no issue of its parse carries (unplaced_department). */
export function unplacedDepartments(e: Extraction, text: string): string[] {
  return placedNowhere(e, readable(text));
}

/** For the card: the enterprises of a parse that are unknown words (unknown_enterprise). */
export function unknownEnterprises(e: Extraction, known: readonly string[]): string[] {
  const names = new Set([e.enterprise, ...e.issues.map((i) => i.enterprise)].filter((n): n is string => Boolean(n)));
  return [...names].filter((n) => !known.includes(n) && !COMPANY_ENDING.test(n));
}

/** A hand-off said done (已报, 都已转, 已经交), whatever it names after it. */
const DONE_HANDOFF = new RegExp(HANDOFF_BEFORE_DEPARTMENT);

/** A line split into columns (tabs, bars): a pasted spreadsheet row. */
const TABLE_LINE = /\S\s*(?:\t|[|｜])\s*\S/;

/** The doubts read here. */
export type StructureDoubt = Extract<
  ConfidenceReason,
  | 'unplaced_department'
  | 'weak_category'
  | 'unknown_enterprise'
  | 'date_conflict'
  | 'unexplained_text'
  | 'table_layout'
  | 'inferred_handoff'
  | 'handled_new'
  | 'unread_act'
>;
/** A detector: does this parse of this text (dictation joined, widths folded) carry the doubt? */
type Detector = (e: Extraction, text: string, known: readonly string[]) => boolean;

/** Detectors, each on its own (exported for the tests). */
export const DETECTORS: Record<StructureDoubt, Detector> = {
  /**
   * A department the text hands something to, or names beside a status in its clause (人社局已受理), that no
   * issue of the parse carries: a hand-off read nowhere.
   */
  unplaced_department(e: Extraction, t: string): boolean {
    return placedNowhere(e, t).length > 0;
  },
  /**
   * A new problem's category on weak evidence: told by context words only, not the one its summary reads, or
   * contested — two clauses of the summary that each name a different category (two problems read as one?).
   * Within one clause the head word decides (贷款审批慢 is a loan), so that is no contest. A summary cut short
   * (…) is judged by what it keeps only when it reads no category.
   */
  weak_category(e: Extraction): boolean {
    if (e.kind !== 'visit' && e.kind !== 'issue' && e.kind !== 'mixed') return false;
    // (an item naming its own issue id — 1.Q-0001 又招到5人 — updates that issue, whose category it keeps: no new problem)
    return e.issues.some((i) => {
      if ((i as { ref?: unknown }).ref) return false;
      const [best] = scoreCategories(i.summary);
      if (!best) return false; // no word at all: unknown_category
      if (best.score < STRONG_CATEGORY) return true;
      if (/…$/.test(i.summary)) return false;
      if (best.category !== i.category) return true;
      const named = new Set(
        clauseSpans(i.summary)
          .map((c) => scoreCategories(i.summary.slice(c.start, c.end))[0])
          .filter((c) => c !== undefined && c.score >= STRONG_CATEGORY)
          .map((c) => c!.category),
      );
      return named.size >= 2;
    });
  },
  /** The enterprise is no name the deployment knows and has no company ending: taken from an unknown word by its place. */
  unknown_enterprise(e: Extraction, _t: string, known: readonly string[]): boolean {
    return unknownEnterprises(e, known).length > 0;
  },
  /**
   * Two dates of events that point to different days, in a message about one enterprise (a roll-up has a date
   * per visit); a date the speaker took back (昨天 不对 前天) does not count.
   */
  date_conflict(e: Extraction, t: string): boolean {
    if (e.date === null || e.issues.some((i) => i.enterprise)) return false;
    const hits = findDates(t, e.date).filter((d) => !d.weak && d.date !== null);
    const taken = new Set(selfRepairs(t, hits).dropped);
    return new Set(hits.filter((d) => !taken.has(d)).map((d) => d.date)).size >= 2;
  },
  /** Much of the text is read by no rule (unexplainedShare). */
  unexplained_text(_e: Extraction, t: string, known: readonly string[]): boolean {
    return unexplainedShare(t, known) >= RESIDUE_AT;
  },
  /**
   * Two or more lines split into columns (pasted spreadsheet rows): the fields are read by which column they stand in,
   * and a header row, a title line or an empty cell is read as text. (Label blocks — 企业：… / 进展：… — are read by
   * their labels and are as often right as other messages.)
   */
  table_layout(_e: Extraction, t: string): boolean {
    return t.split('\n').filter((l) => TABLE_LINE.test(l)).length >= 2;
  },
  /**
   * A problem recorded as handed to a department (assigned) although the text has no hand-off word at all (交办, 已报,
   * 转出) and none before that department: the hand-off was inferred from a department standing near the problem
   * (a bracket, a label, a wish for its help, a department that came along or acted).
   */
  inferred_handoff(e: Extraction, t: string): boolean {
    // a hand-off word anywhere (已交办, 都已转出, 已分别转…) read the hand-off; only its department was placed
    if (statusesIn(t).some((h) => h.status === 'assigned') || DONE_HANDOFF.test(t.replace(/分别/g, ''))) return false;
    const mentions = departmentsIn(t);
    return e.issues.some(
      (i) =>
        i.status === 'assigned' &&
        i.department !== null &&
        !mentions.some((m) => m.name === i.department && m.handedTo),
    );
  },
  /**
   * A problem read as new (a visit, or a problem reported) that the parse records as already being worked on or
   * solved: a problem is rarely first reported when it is already in hand, so the message may be an earlier issue's
   * update (kind) or the status a misreading.
   */
  handled_new(e: Extraction): boolean {
    if (e.kind !== 'visit' && e.kind !== 'issue') return false;
    return e.issues.some((i) => i.status === 'in_progress' || i.status === 'resolved');
  },
  /**
   * An update of an earlier issue (progress, resolution, sign-off, or a mix) in whose text the status lexicon reads
   * no act at all — no hand-off, work in hand, result or sign-off: the act was inferred from the rest.
   */
  unread_act(e: Extraction, t: string): boolean {
    if (e.kind !== 'progress' && e.kind !== 'resolved' && e.kind !== 'closed' && e.kind !== 'mixed') return false;
    if (statusesIn(t).some((h) => h.status !== 'open')) return false;
    // a hand-off the department finder reads (转税务了, 已报人社局) is an act read
    return !departmentsIn(t).some((d) => d.handedTo) && !DONE_HANDOFF.test(t.replace(/分别/g, ''));
  },
};

/**
 * What the parser already found in the text, positions as in the text with dictation joined and widths folded (the
 * rules' department mentions: findDepartments is the dearest finder).
 */
export interface AlreadyRead {
  departments?: readonly DepartmentMention[];
}

/** The structural doubts of a parse of `text` (nothing for a message that records nothing). */
export function structureDoubts(
  e: Extraction,
  text: string,
  known: readonly string[] = [],
  read: AlreadyRead = {},
): ConfidenceReason[] {
  if (e.kind === 'not_update') return [];
  const t = readable(text);
  if (read.departments) departmentsIn.seed(t, read.departments);
  return (Object.keys(DETECTORS) as StructureDoubt[]).filter((k) => DETECTORS[k](e, t, known));
}
