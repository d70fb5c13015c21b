/**
 * Free text → what the user means: a policy question, a status update, a plan, an acknowledgement, a question
 * about an issue already in the ledger — or unsure ("记录还是提问？"). Rules by default (the router's parse plus
 * the cues in cues.ts); with an LLM configured, the model decides only when the rules are unsure.
 * A pure function of the text and the team's names: the same text always gets the same answer.
 */
import { joinWordSpacing } from '../src/text/spacing.js';
import { z } from 'zod';
import { findRefs } from '../src/ledger/commands.js';
import { blankFillers } from '../src/ledger/extract/normalize.js';
import { FILLER_BLANKS, FILLER_BREAKS, MATTER_CONTINUATION } from '../src/ledger/lexicon/signals.js';
import { categorize, extractUpdate, findDepartments } from '../src/ledger/extract/index.js';
import type { Extraction } from '../src/ledger/model.js';
import { loadPrompt } from '../src/llm/prompts.js';
import type { LlmClient } from '../src/llm/types.js';
import type { Logger } from '../src/observability/logger.js';
import { localDate } from '../src/time/index.js';
import { asksSomething, bare, CUES, isAcknowledgement } from '../src/messaging/intent-cues.js';
import { correctionPhrase, isQuantityCorrection } from '../src/ledger/service/lifecycle.js';

export type FreeTextIntent = 'ask' | 'report' | 'unsure' | 'ack' | 'plan' | 'ledger_question';

/** Words that only status reports use; a parse without them or any other ledger detail is too thin to record. */
const REPORT_WORDS = /企业|公司|厂|反映|诉求|走访|回访|调研|交办|对接|协调|办结|销号|解决|到账|放款/;

/** A signal the parser may add to its result (optional: absent on older parsers). */
function parserSaysQuestion(e: Extraction): boolean | undefined {
  const q = (e as Extraction & { question?: unknown }).question;
  return typeof q === 'boolean' ? q : undefined;
}

/** Does the parse carry anything a ledger entry is made of? */
function hasLedgerEvidence(e: Extraction, text: string): boolean {
  if (e.kind === 'not_update') return false;
  if (e.ref || e.kind === 'visit' || REPORT_WORDS.test(text)) return true;
  return e.issues.some((i) => i.category !== '其他' || i.department !== null || i.status !== 'open');
}

export interface ClassifyFacts {
  intent: FreeTextIntent;
  reportish: boolean;
  questionish: boolean;
}

export interface ClassifyOptions {
  /** The router's parse of the text (with the team's names); parsed here without context when absent. */
  parse?: Extraction;
  /** Enterprises named in the text (known names, company-name patterns), found by the router. */
  enterprises?: string[];
  /** The bot answered this user's policy question a moment ago: a short question now is likely its follow-up. */
  afterAnswer?: boolean;
}

/**
 * The text's last clause: a trailing question decides whether the message asks something. Dictated and typed-in-a-
 * hurry reports mark clauses with spaces only ("今天去了海纳 企业问加计扣除怎么申报"), so a space ends a clause too.
 */
function lastClause(text: string): string {
  // (dictation without punctuation breaks at its fillers — 嗯, 然后 — as the parser reads it)
  const parts = blankFillers(text, FILLER_BREAKS, FILLER_BLANKS)
    .replace(MATTER_CONTINUATION, (m) => ' '.repeat(m.length))
    .split(/[，,。.；;！!\n]|\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.at(-1) ?? text;
}

/** The text without the enterprise's name — written in full, or as a short form that begins the text (永盛 → 永盛纺织). */
function withoutName(text: string, name: string): string {
  if (text.includes(name)) return text.replace(name, '');
  for (let k = name.length - 1; k >= 2; k--) if (text.startsWith(name.slice(0, k))) return text.slice(k);
  return text;
}

export function classifyByRules(text: string, today: string, opts: ClassifyOptions | Extraction = {}): ClassifyFacts {
  const o: ClassifyOptions = 'kind' in opts ? { parse: opts as Extraction } : (opts as ClassifyOptions);
  // Dictation that spaces every word reads as the sentence it is, for the cues as for the parser.
  const t = joinWordSpacing(text.trim());
  if (isAcknowledgement(t) || CUES.bareReply.test(bare(t)))
    return { intent: 'ack', reportish: false, questionish: false };

  const parse = o.parse ?? extractUpdate(t, { today });
  const refs = findRefs(t);
  const enterprise = parse.enterprise ?? o.enterprises?.[0] ?? null;
  const named = enterprise !== null;
  const s = t.replace(/已经/g, '已');
  const last = lastClause(s);
  // Report content before the trailing clause ("华康反映缺工，有什么政策可以支持？").
  const before = s.slice(0, Math.max(0, s.length - last.length));
  const visit = CUES.visit.test(s);
  const problem = CUES.problem.test(s);
  const status = CUES.status.test(s) || (refs.length > 0 && /已/.test(s));
  const allWell = CUES.allWell.test(s);

  // Questions: a question form, unless the question is someone else's, reported ("企业问能否申请补助").
  const asked = parserSaysQuestion(parse) ?? asksSomething(s);
  // A trailing question that is reported ("企业问加计扣除怎么申报") or a request for help ("能不能帮忙对接人社局")
  // is the enterprise's, part of the report; it does not ask the bot anything.
  const trailingRequest = CUES.request.test(last);
  // (its subject may be said in the clause before: 另外他们想引进两个博士 问有没有人才公寓 — the enterprise asks)
  const elidedSubject = CUES.reportedSpeechOpening.test(last) && CUES.reportedSubject.test(before);
  const reportedQuestion = CUES.reportedQuestion.test(s) || elidedSubject;
  const trailingQuestion = asksSomething(last) && !CUES.reportedQuestion.test(last) && !elidedSubject;
  const questionish =
    (asked && !(reportedQuestion && !trailingQuestion)) || (!named && CUES.policyTopic.test(s) && s.length <= 40);

  // "不对，是交给发改的" / "不是审批，是用地": a correction of what was just recorded, for the ledger (which sets the
  // speaker's last record right, or reads it as a report) — never a policy search.
  const fix = correctionPhrase(s);
  if (
    fix &&
    !trailingQuestion &&
    (findDepartments(fix).length > 0 ||
      categorize(fix).score > 0 ||
      CUES.problem.test(fix) ||
      isQuantityCorrection(fix) ||
      named)
  )
    return { intent: 'report', reportish: true, questionish: false };

  // A plan says what will happen: neither recorded nor a policy question.
  // (A short question after it — "有一起的吗" — is for colleagues, not a policy question.)
  // (in its first clause, or after a greeting: 大家好，这周开始按计划走访，我先跑宏达和绿源)
  const clauses = s.split(/[，,。.；;！!\n]/);
  const first =
    (isAcknowledgement(clauses[0] ?? '') || CUES.chat.test(clauses[0] ?? '') ? clauses[1] : clauses[0]) ?? s;
  if (
    CUES.plan.test(first) &&
    !CUES.past.test(s) &&
    !problem &&
    !status &&
    (!trailingQuestion || (last.length <= 10 && !CUES.lookup.test(last)))
  ) {
    return { intent: 'plan', reportish: false, questionish: false };
  }

  // About the ledger itself: "Q-0003 现在到哪一步了", "华康的贷款批了没有？", "Q-0002 能不能结了？", "恒宇的问题清单".
  const namedTeamEnterprise = named && (o.enterprises?.includes(enterprise) ?? false);
  // A known enterprise's name and nothing else ("华茂包装", "永盛呢"): its issues.
  if (namedTeamEnterprise && !withoutName(s, enterprise).replace(/[的呢吧啊?？。.!！\s]/g, ''))
    return { intent: 'ledger_question', reportish: false, questionish: true };
  if (
    namedTeamEnterprise &&
    !visit &&
    CUES.ledgerLookup.test(s) &&
    !CUES.problem.test(s.replace(CUES.ledgerLookup, '$1'))
  ) {
    return { intent: 'ledger_question', reportish: false, questionish: true };
  }
  // The parser read it as asking whether a matter of the team's is done ("恒通的司机招到了没有"): its card answers.
  const pq = parse.question;
  if (
    parse.kind === 'not_update' &&
    pq &&
    (pq.kind === 'done' || pq.kind === 'closable') &&
    (pq.ref !== null || (pq.enterprise !== null && (o.enterprises?.includes(pq.enterprise) ?? false)))
  )
    return { intent: 'ledger_question', reportish: false, questionish: true };
  const statusQuestion =
    CUES.statusQuestion.test(last) || (refs.length > 0 && last.replace(/[Qq]\s*-?\s*\d+/g, '').trim().length <= 12);
  if (
    asked &&
    trailingQuestion &&
    statusQuestion &&
    (refs.length > 0 || namedTeamEnterprise) &&
    !visit &&
    !CUES.problem.test(before) &&
    !/已/.test(s)
  ) {
    return { intent: 'ledger_question', reportish: false, questionish: true };
  }

  // Right after a policy answer, a short question that names no enterprise, issue or visit follows it up
  // ("解决了几个", "划了几个网格党小组"), even without a question mark.
  if (o.afterAnswer && !named && !refs.length && !visit && s.length <= 30 && (asked || /几/.test(s))) {
    return { intent: 'ask', reportish: false, questionish: true };
  }
  // A question of its own that names no enterprise, no issue and no visit, and does not ask how the team's issues
  // stand ("资规局几天完成了三定方案", "解决了几个"): the ledger has nothing to record or show for it.
  if (trailingQuestion && !named && !refs.length && !visit && !statusQuestion && !CUES.request.test(last)) {
    return { intent: 'ask', reportish: false, questionish: true };
  }

  // Thanks to the group (辛苦大家，这周走访任务都完成了👍) naming no enterprise or issue: chat.
  if (CUES.groupThanks.test(s) && !named && !refs.length && !questionish)
    return { intent: 'ack', reportish: false, questionish: false };
  // An announcement or chat to the group that names no enterprise and no issue: not for the ledger, not a question.
  if (
    CUES.chat.test(s) &&
    !named &&
    !refs.length &&
    !visit &&
    !questionish &&
    !CUES.lookup.test(s.replace(/问题清单|台账/g, ''))
  ) {
    return { intent: 'ack', reportish: false, questionish: false };
  }

  const reportish =
    hasLedgerEvidence(parse, s) ||
    (named && (visit || problem || allWell || status)) ||
    (refs.length > 0 && (status || problem)) ||
    (visit && (allWell || problem));

  if (reportish && !questionish) return { intent: 'report', reportish, questionish };
  // A policy topic and nothing of a report (人才政策, 招工补贴政策): no enterprise, issue, visit, problem or step — a
  // lookup, even though its words name a category.
  if (questionish && !named && !refs.length && !visit && !problem && !status && CUES.policyTopic.test(s))
    return { intent: 'ask', reportish: false, questionish };
  if (!reportish && questionish) return { intent: 'ask', reportish, questionish };
  if (!reportish && !questionish) {
    // A bare noun phrase ("专班组建原则", "三服务活动的主要内容") is a lookup; chat and announcements to the group
    // ("下周值班表发群里了，大家看一下") get a short word; anything long and narrative is unclear — and so is a
    // statement about a named enterprise that the parser could not read ("七一的事 住建的那边说下个月能办好"):
    // a policy passage is no answer to it.
    if (CUES.chat.test(s) && !CUES.lookup.test(s)) return { intent: 'ack', reportish, questionish };
    // (天气真冷, 今天好累啊 跑了一天: a remark, no lookup — a short word, not a policy passage)
    if (CUES.remark.test(s) && !named && !refs.length && !CUES.lookup.test(s) && !CUES.policyTopic.test(s))
      return { intent: 'ack', reportish, questionish };
    return { intent: s.length <= 40 && !namedTeamEnterprise ? 'ask' : 'unsure', reportish, questionish };
  }
  // Both. A question that is the whole message, with no report content before it, is a plain question; a
  // report that ends by asking something ("华康反映缺工，有什么政策可以支持？") could be either: ask the user —
  // unless what it ends with is a request for help, which is the report's own content.
  if (!trailingQuestion || (trailingRequest && (named || refs.length > 0))) {
    return { intent: 'report', reportish, questionish };
  }
  const contentBefore =
    (named || refs.length > 0 || reportedQuestion) &&
    (CUES.visit.test(before) ||
      CUES.problem.test(before) ||
      CUES.status.test(before) ||
      CUES.allWell.test(before) ||
      (refs.length > 0 && /已/.test(before)));
  // (龙游…收集了多少问题，解决了多少: a status verb whose count is asked reports no step)
  if (!contentBefore && (!CUES.status.test(last) || CUES.countAsked.test(last)))
    return { intent: 'ask', reportish, questionish };
  return { intent: 'unsure', reportish, questionish };
}

const llmVerdict = z.object({ intent: z.enum(['ask', 'report', 'unsure']) });

export async function classifyFreeText(
  text: string,
  deps: { llm: LlmClient | null; logger: Logger; now: Date; timeZone: string },
  opts: ClassifyOptions = {},
): Promise<FreeTextIntent> {
  const rules = classifyByRules(text, localDate(deps.now, deps.timeZone), opts);
  if (rules.intent !== 'unsure' || !deps.llm) return rules.intent;
  try {
    const verdict = await deps.llm.structured(
      [
        { role: 'system', content: loadPrompt('classify-intent') },
        { role: 'user', content: text },
      ],
      llmVerdict,
      'intent',
    );
    return verdict.intent;
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'intent classification by LLM failed; asking the user');
    return 'unsure';
  }
}
