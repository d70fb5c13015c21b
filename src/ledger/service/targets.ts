/**
 * Which existing issue does an update mean? By id when given; else by team, enterprise and category,
 * then by how much the description overlaps the issue's summary. Ambiguity is returned, never guessed.
 */
import type { Category, Issue, IssueStatus } from '../model.js';
import type { Store } from '../../store/types.js';
import { findDepartments } from '../extract/department.js';
import { findStatuses } from '../extract/status.js';
import { blankSpans } from '../extract/normalize.js';
import { NO_ISSUE, OWN_PROBLEM_CUES } from '../lexicon/signals.js';
import { normalizeDepartment } from '../lexicon/index.js';
import { GENERIC_MATTER_WORDS, NOT_A_TYPO_CHARS } from '../lexicon/categories.js';

export type TargetResult =
  | { type: 'found'; issue: Issue }
  | { type: 'ambiguous'; candidates: Issue[] }
  | { type: 'none' };

/** Statuses an update to `to` may apply to (closing prefers issues already resolved). */
function eligible(to: IssueStatus): IssueStatus[] {
  if (to === 'closed') return ['resolved', 'open', 'assigned', 'in_progress'];
  return ['open', 'assigned', 'in_progress'];
}

const STOP_BIGRAMS = new Set([
  '问题',
  '的事',
  '事情',
  '解决',
  '办结',
  '已经',
  '企业',
  '那个',
  '这个',
  '销号',
  '进展',
  '已办',
  '反映',
  '情况',
  '已解',
  '决了',
  '帮忙',
  '协调',
  '一下',
  '对接',
]);

/**
 * Bigram sets of recent texts. The same policy passages and issue summaries are compared over and over
 * (政策礼包 scores every hit, bestQuote every sentence), so their sets are remembered; the map is simply
 * cleared when full. Only read, never mutated, by the callers below.
 */
const BIGRAM_MEMO = new Map<string, ReadonlySet<string>>();
const MEMO_MAX = 1024;

/** A text's set from `memo`, computed once (the map is cleared when full). */
function remembered(
  memo: Map<string, ReadonlySet<string>>,
  text: string,
  compute: (t: string) => ReadonlySet<string>,
): ReadonlySet<string> {
  let out = memo.get(text);
  if (!out) {
    if (memo.size >= MEMO_MAX) memo.clear();
    out = compute(text);
    memo.set(text, out);
  }
  return out;
}

function bigrams(text: string): ReadonlySet<string> {
  return remembered(BIGRAM_MEMO, text, computeBigrams);
}

function computeBigrams(text: string): Set<string> {
  const clean = text.replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, ' ');
  const out = new Set<string>();
  for (const part of clean.split(' ')) {
    for (let i = 0; i + 1 < part.length; i++) {
      const b = part.slice(i, i + 2);
      if (!STOP_BIGRAMS.has(b)) out.add(b);
    }
  }
  return out;
}

/** Shared character bigrams between a description and an issue summary (stop bigrams removed). */
export function overlap(description: string, summary: string): number {
  const a = bigrams(description);
  let n = 0;
  for (const b of bigrams(summary)) if (a.has(b)) n++;
  return n;
}

/**
 * Of several problems, the one whose words a text repeats (不对，研究院申报是交办科技局 → 想申报省级企业研究院;
 * 华康的研究院申报到哪了):
 * that one alone when it shares the most character pairs (two at least) with the correction; else all of them.
 */
export function mostNamed<T>(phrase: string, items: T[], summaryOf: (item: T) => string): T[] {
  if (items.length < 2) return items;
  const shared = items.map((item) => overlap(phrase, summaryOf(item)));
  const best = Math.max(...shared);
  return best >= 2 && shared.filter((n) => n === best).length === 1
    ? items.filter((_, i) => shared[i] === best)
    : items;
}

const NO_ISSUE_ALL = new RegExp(NO_ISSUE.source, 'g');

/** A text's bigrams once department names, status words and feelings are blanked: the matter's own words. */
function matterBigrams(text: string, blankToo?: RegExp): Set<string> {
  const spans = (re: RegExp) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // (老板很满意, 谢谢我们帮忙: how the enterprise feels, no matter of its own)
  const feelings = spans(NO_ISSUE_ALL);
  const extra = blankToo ? spans(blankToo) : [];
  return computeBigrams(blankSpans(text, 0, [...findDepartments(text), ...findStatuses(text), ...feelings, ...extra]));
}

/** How many bigrams of its own a text has once department names and status words are blanked. */
function contentBigrams(text: string): number {
  return matterBigrams(text).size;
}

/** The words any matter of a category shares (审批, 贷款, 申请 …: lexicon/categories.ts), longest first. */
const GENERIC_WORDS = new RegExp([...GENERIC_MATTER_WORDS].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** A bigram of two Chinese content characters (no particle, pronoun or function word: 那个, 推给, 住了 say nothing of a matter). */
const CONTENT_BIGRAM = new RegExp(`^(?:(?![${NOT_A_TYPO_CHARS}])\\p{Script=Han}){2}$`, 'u');

/**
 * Two descriptions of different matters: each names a matter of its own in at least two bigrams beyond the words
 * every matter of its category shares, and they share none of them (厂房审批卡住了 / 环评审批也慢; 流动资金紧张想申请贷款 /
 * 技改贴息贷款). A short or generic description (审批办好了, 贷款的事) is never distinct.
 */
export function distinctMatters(a: string, b: string): boolean {
  const oa = ownBigrams(a);
  const ob = ownBigrams(b);
  return oa.size >= 2 && ob.size >= 2 && ![...oa].some((g) => ob.has(g));
}

/**
 * A description's own content bigrams (distinctMatters), remembered: one report's problem is compared with every open
 * issue of its enterprise, and the same summaries come up message after message.
 */
const OWN_MEMO = new Map<string, ReadonlySet<string>>();
function ownBigrams(text: string): ReadonlySet<string> {
  return remembered(
    OWN_MEMO,
    text,
    (t) => new Set([...matterBigrams(t, GENERIC_WORDS)].filter((g) => CONTENT_BIGRAM.test(g))),
  );
}

/** Pick the issue among candidates whose summary clearly matches the description best. */
function clearWinner(candidates: Issue[], description: string, minScore: number): Issue | null {
  const scored = candidates
    .map((issue) => ({ issue, score: overlap(description, issue.summary) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < minScore) return null;
  if (second && second.score >= best.score) return null;
  return best.issue;
}

/**
 * "用工问题" / "融资的事" / "招工的事" / "审批方面": a text that names the matter it speaks of only by its category or a
 * word every matter of a kind shares — the matter the team already has, not one of its own.
 */
function namesItsCategory(text: string, category: Category): boolean {
  if (category === '其他') return false;
  return new RegExp(`(?:${category}|${GENERIC_WORDS.source})${MATTER_NOUN}`).test(text);
}
/** What makes a category or a generic matter word the name of a matter: 用工的问题, 招工的事, 贷款那个事, 审批方面. */
const MATTER_NOUN = '(?:方面)?(?:的)?(?:问题|的事|那个事|这个事|事情|那件事|这件事|方面)';

export async function findTarget(
  store: Store,
  q: {
    teamId: string;
    enterprise: string | null;
    category: Category;
    to: IssueStatus;
    description: string;
    exclude: string[];
    /** The update's own words (its summary): when they name a matter of their own, unlike every open issue, none matches. */
    topic?: string;
    /**
     * The department the update names (住建那边受理了 → 住建局): among the candidates, the issues handed to it are the
     * ones meant — unless the update hands the matter to it (to 'assigned'), which the issue is not with yet.
     */
    department?: string | null;
  },
): Promise<TargetResult> {
  const statuses = eligible(q.to);
  const all = (
    await store.listIssues({
      teamId: q.teamId,
      status: statuses,
      ...(q.enterprise ? { enterprise: q.enterprise } : {}),
    })
  ).filter((i) => !q.exclude.includes(i.id));
  const dept = q.department && q.to !== 'assigned' ? normalizeDepartment(q.department) : null;
  /** The issues handed to the department the update names (none named, or none handed to it: empty). */
  const handledBy = (issues: Issue[]): Issue[] =>
    dept ? issues.filter((i) => i.department && normalizeDepartment(i.department) === dept) : [];
  const withDepartment = (issues: Issue[]): Issue[] => {
    const handled = handledBy(issues);
    return handled.length ? handled : issues;
  };
  // (金融办说已经对接了农商行 / 资规局说材料齐了: news from the department, with exactly one issue handed to it — that
  // one, whatever words the news uses; unless the update states a problem of its own)
  const onlyHandled = handledBy(all);
  const fromDepartment =
    onlyHandled.length === 1 && !(q.topic && OWN_PROBLEM_CUES.test(q.topic)) ? (onlyHandled[0] as Issue) : null;
  let pool = withDepartment(q.category === '其他' ? all : all.filter((i) => i.category === q.category));
  if (!pool.length && q.category !== '其他') {
    // (人社那边说招聘会排上了, read as another category: the one issue handed to that department is meant)
    if (fromDepartment) return { type: 'found', issue: fromDepartment };
    // The category may have been judged differently when the issue was raised: accept only a clear text match.
    const winner = clearWinner(all, q.description, 3);
    return winner ? { type: 'found', issue: winner } : { type: 'none' };
  }
  // "星辰电子商标被人抢注了 报给市监局了" with only 缺普工 open: words of a matter of its own (departments and states
  // aside) that share nothing with any open issue are not an update of one of them.
  // (天成包装的电 供电公司说下周给他们增容: news from the department the one such issue is with is about it, though
  // its words share nothing with the issue's)
  if (
    q.category === '其他' &&
    q.topic &&
    contentBigrams(q.topic) >= 3 &&
    pool.every((i) => overlap(q.description, i.summary) === 0)
  )
    return fromDepartment && pool.includes(fromDepartment)
      ? { type: 'found', issue: fromDepartment }
      : { type: 'none' };
  // (技改贴息贷款 报给发改了, with only 流动资金贷款 open: a matter of its own, not a hand-off of that one)
  // (永盛的用工问题人社局已经推荐了5个人: "the 用工 issue" named by its category points at the issues of that kind)
  if (q.topic && q.to !== 'closed' && !namesItsCategory(q.topic, q.category)) {
    const topic = q.topic;
    const distinct = pool.filter((i) => !distinctMatters(topic, i.summary));
    if (!distinct.length && fromDepartment && pool.includes(fromDepartment))
      return { type: 'found', issue: fromDepartment };
    // (人社那边说招聘会下周开 with two 用工 issues handed to 人社局: news from the department about one of its matters —
    // which one is asked, rather than "nothing open")
    const handled = handledBy(pool);
    if (!distinct.length && handled.length > 1 && !OWN_PROBLEM_CUES.test(topic))
      return { type: 'ambiguous', candidates: handled.slice(0, 9) };
    pool = distinct;
  }
  if (q.to === 'closed' && pool.some((i) => i.status === 'resolved'))
    pool = pool.filter((i) => i.status === 'resolved');
  if (pool.length === 0) return { type: 'none' };
  if (pool.length === 1) return { type: 'found', issue: pool[0] as Issue };
  const winner = clearWinner(pool, q.description, 2);
  return winner ? { type: 'found', issue: winner } : { type: 'ambiguous', candidates: pool.slice(0, 9) };
}
