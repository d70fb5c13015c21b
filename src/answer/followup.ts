/**
 * Follow-up questions ("那第二条呢？", "具体要求是什么", "它呢") rewritten into a standalone query:
 * with the LLM (prompts/rewrite-followup.md) when there is one, else by rule — detect follow-up
 * markers and combine with the previous standalone query.
 */
import { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import type { LlmClient } from '../llm/types.js';
import { LlmError } from '../llm/types.js';
import { loadPrompt } from '../llm/prompts.js';
import type { Turn } from './types.js';
import { queryTerms, wordWeight } from './terms.js';
import { matchForm } from './text.js';
import { neutralizeTags } from './passages.js';
import { ORDINAL_RE as ORDINAL, withoutCounts, withoutOrdinal } from './question-kind.js';
import { defaultTokenizer } from '../retrieval/tokenizer.js';
import { places, questionConstraints } from '../retrieval/constraints.js';
import { COLLOQUIAL_WORDS, DOC_DESCRIPTION_WORDS, REST_CUE, REST_NOUNS, YEAR_SLOT } from './lexicon.js';
import { colloquialMatches } from '../retrieval/lexicon.js';

const LEADING = /^(?:那么|那|还有|另外|再问一下|再问|再|然后|以及|并且|而且|此外|那请问|请问那)/u;
const TRAILING_PARTICLE = /(?:呢|咧|嘞|啊|呀)?[?？。.!！\s]*$/u;
const PRONOUN =
  /它们|它|他们|她们|其中|其|该项|该|此项|此|这个|那个|这些|那些|这项|那项|这条|那条|这种|那种|上述|上面|前面|刚才|刚刚|这一|那一/u;
const ELLIPTIC_START =
  /^(?:具体|详细|怎么|如何|为什么|为啥|啥意思|什么意思|有哪些|有什么|有啥|要求|条件|标准|流程|多少|几|谁|什么时候|哪年|哪天|是什么)/u;
const TRAILING_NE = /呢[?？]?\s*$/u;

/** A demonstrative standing for a noun at the end of a message (no noun after it): “…在干这个”, “…管不管这些”. */
const BARE_DEMONSTRATIVE = /(?:这个|那个|这些|那些|这事儿?|那事儿?|它们|它)(?:呢|吗|啊|呀|嘛|了)?$/u;
/**
 * “这事/这件事/此事” anywhere in a message (“专班为这事跑了几趟”, “这件事谁牵头的”): an event named only by a
 * demonstrative is the previous turn's topic — the message continues it however many words of its own it has.
 */
const EVENT_ANAPHOR = /这事儿?|那事儿?|这件事|那件事|此事|这个事/u;
/** Longest message (characters) a bare demonstrative at its end makes a follow-up. */
const BARE_DEMONSTRATIVE_MAX = 24;

function clean(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/** Is this message (by rule) a follow-up that depends on the previous turn? */
export function isFollowUp(question: string, history: Turn[]): boolean {
  if (history.length === 0) return false;
  const q = clean(question).replace(/[?？。!！]+$/u, '');
  const len = [...q].length;
  if (len === 0) return false;
  const terms = queryTerms(q);
  const words = [...terms.words.filter((w) => !PRONOUN.test(w)), ...terms.bigrams];
  const markers =
    LEADING.test(q) ||
    TRAILING_NE.test(question.trim()) ||
    PRONOUN.test(q) ||
    ORDINAL.test(q) ||
    ELLIPTIC_START.test(q);
  if (ORDINAL.test(q) && len <= 16) return true;
  // A bare demonstrative at the end (“现在有多少人在干这个”, “谁管这些”): its object is the previous topic.
  if (BARE_DEMONSTRATIVE.test(q) && len <= BARE_DEMONSTRATIVE_MAX) return true;
  if (EVENT_ANAPHOR.test(q) && len <= BARE_DEMONSTRATIVE_MAX) return true;
  if (markers && (words.length <= 2 || len <= 12)) return true;
  // Nothing but question words ("为什么？", "然后呢"): it can only mean the previous topic.
  return words.length === 0;
}

/** Longest message (characters, without punctuation) read as an elliptical continuation by context. */
const ELLIPTICAL_MAX = 14;
/** Content words of a question that, all found in the passage it finds alone, make it a question of its own. */
const OWN_TOPIC_WORDS = 3;

/**
 * An elliptical question that names no topic of its own (“派了多少干部”, “发给了多少人”, “头一天签下来多少”):
 * short, no place or quoted name the previous turn did not have, and either every content word of it is
 * in the previous answer's document (`previousText`) or it finds no answer standing alone
 * (or as much there as in the best passage it finds standing alone). A short question with a topic of its own (“人才公寓租金多少”) stays standalone.
 */
export function continuesTopic(
  question: string,
  prev: Turn,
  previousText: string,
  standalone: { refused: boolean; topText: string; sameDocument?: boolean },
  tokenizer?: Parameters<typeof queryTerms>[1],
): boolean {
  const q = clean(question).replace(/[?？。!！，,\s]+/gu, '');
  if ([...q].length === 0 || [...q].length > ELLIPTICAL_MAX) return false;
  // A place or a quoted name of its own starts a new topic (“那X县呢” is caught by its 那…呢 already).
  const prevText = `${prev.standaloneQuery} ${prev.question}`;
  if (placesIn(q).some((p) => !prevText.includes(p))) return false;
  if (/[“"《]/u.test(q)) return false;
  const words = queryTerms(q, tokenizer).words.filter((w) => [...w].length >= 2 && !/^\d+$/u.test(w));
  if (words.length === 0) return true;
  const covered = (text: string) => {
    const form = text.replace(/\s+/gu, '');
    return words.filter((w) => form.includes(w)).length;
  };
  // Found nothing alone: it continues the topic only if the previous document speaks of most of its words — a
  // question of its own that the library does not cover (“个税专项附加扣除标准是多少”) stays unanswered.
  // (After a refused turn there is no document to compare with: the topic carries, as a follow-up's should.)
  // A single word of its own (来了几趟, 题目叫啥) is too little to be a topic.
  if (standalone.refused) return !previousText || words.length <= 1 || covered(previousText) * 2 >= words.length;
  // A question of its own (专班组建要坚持哪三条原则 after another question on the same long speech): three words or
  // more, all in the passage it finds alone in the previous answer's document — answered as asked, not as a
  // continuation (which would add nothing but the previous answer's focus).
  if (standalone.sameDocument && words.length >= OWN_TOPIC_WORDS && covered(standalone.topText) === words.length)
    return false;
  // Its words are in the previous document at least as much as in the best passage found alone.
  // (one word of slack when it has several: “头一天签下来多少” shares “一天” with any passage).
  return covered(previousText) >= covered(standalone.topText) - (words.length >= 2 ? 1 : 0);
}

/** The previous standalone query without an ordinal of its own (so "第三条" does not stack on "第二条"). */
function baseQuery(prev: Turn): string {
  return clean(prev.standaloneQuery.replace(new RegExp(ORDINAL.source, 'gu'), ' '));
}

const JURISDICTION = /[\p{Script=Han}]{1,4}(?:县|区|市|镇|乡|街道)$/u;

/**
 * Place names of a text: jieba's ns tag, a name ending in 县/区/市 …, or a place of the places lexicon
 * (data/retrieval/places.txt: 越城, 柯城 — short names jieba does not tag), longest form first.
 */
export function placesIn(text: string): string[] {
  const tagged = defaultTokenizer()
    .tagged(text)
    .filter((t) => t.tag === 'ns' || JURISDICTION.test(t.word))
    .map((t) => t.word);
  const known: string[] = [];
  for (const p of places()) {
    const form = [...p.forms].sort((a, b) => b.length - a.length).find((f) => f.length >= 2 && text.includes(f));
    if (form && !tagged.some((t) => t.includes(form) || form.includes(t))) known.push(form);
  }
  return [...tagged, ...known];
}

function yearsIn(text: string): string[] {
  return text.match(YEAR_SLOT) ?? [];
}

/** Longest word read as a variant of a word of the previous question (副县级 for 正县级, 二季度 for 一季度). */
const VARIANT_MAX = 6;
/** What a variant's own head must not be: a numeral, a measure word or a particle run into the word before. */
const VARIANT_HEAD_NOT = /[的了是在和与及或等个名位家条项批次年月日\d]/u;

/**
 * A word of the message that is a variant of a word of the previous question: the same tail of two
 * characters or more after a different head of one or two (副县级 ~ 正县级, 下半年 ~ 上半年, 二季度 ~ 一季度).
 * The message must be nothing but that slot (“那副县级的呢”): a question of its own is no swap.
 */
export function variantSlot(added: string, base: string): { from: string; to: string } | null {
  const own = (added.trim().split(/\s+/u)[0] ?? '').replace(/[的呢吗啊呀了]+$/u, '');
  const len = [...own].length;
  if (len < 3 || len > VARIANT_MAX || !/^\p{Script=Han}+$/u.test(own) || base.includes(own)) return null;
  for (let k = 1; k <= 2 && len - k >= 2; k++) {
    const head = own.slice(0, k);
    const tail = own.slice(k);
    for (let at = base.indexOf(tail); at >= 0; at = base.indexOf(tail, at + 1)) {
      const other = base.slice(at - k, at);
      if (at - k < 0 || other === head || !/^\p{Script=Han}+$/u.test(other) || VARIANT_HEAD_NOT.test(other)) continue;
      return { from: `${other}${tail}`, to: own };
    }
  }
  return null;
}

export interface SlotSwap {
  kind: 'place' | 'year' | 'variant';
  /** The slots the message names (the new place, year or variant). */
  newPlaces: string[];
  /** The previous question's slots of that kind, the first of which is replaced. */
  oldPlaces: string[];
}

/**
 * The slot a message swaps in the previous question: a place of its own, else a year of its own (“那去年呢”),
 * else a variant of one of its words (“那副县级的呢” after a question on 正县级).
 */
function slotSwap(added: string, base: string): SlotSwap | null {
  for (const [kind, slots] of [
    ['place', placesIn],
    ['year', yearsIn],
  ] as const) {
    const newPlaces = added ? slots(added) : [];
    const oldPlaces = slots(base).filter((p) => !newPlaces.includes(p));
    if (newPlaces.length && oldPlaces.length) return { kind, newPlaces, oldPlaces };
  }
  const variant = added ? variantSlot(added, base) : null;
  return variant ? { kind: 'variant', newPlaces: [variant.to], oldPlaces: [variant.from] } : null;
}

/** The slot the message swaps in the previous question (“那B县呢”, “那去年呢”, “那副县级的呢”), or null. */
export function swappedSlot(question: string, history: Turn[]): SlotSwap | null {
  const prev = history[history.length - 1];
  if (!prev) return null;
  return slotSwap(ownWords(question), baseQuery(prev));
}

/** Longest slot (characters) a message may swap in by naming it alone (“那3A的呢”). */
const ANSWER_SLOT_MAX = 10;

/**
 * The slot a message swaps in when it names nothing but something the previous answer gave beside what was asked
 * (“那3A的呢” after “…首批80个“五星达标村”、5个“3A示范村”获命名表彰”): its words, when the previous answer holds
 * them and the previous question does not. Null for a message that asks anything of its own (a word that asks),
 * or when the previous turn was refused.
 */
export function answerSlot(question: string, history: Turn[]): string | null {
  const prev = history[history.length - 1];
  if (!prev || prev.memory?.refused || !isFollowUp(question, history)) return null;
  const own = ownWords(question).replace(/[的\s]+$/u, '');
  const len = [...own].length;
  if (len < 2 || len > ANSWER_SLOT_MAX || /\s/u.test(own) || ASKING_WORD.test(own) || PRONOUN.test(own)) return null;
  const form = (t: string) => t.replace(/\[\d+\]|\s+/gu, '');
  if (form(`${prev.question}${prev.standaloneQuery}`).includes(own)) return null;
  return form(prev.answerSummary).includes(own) ? own : null;
}

/** Does the message ask the previous question again of another place or year (“那B县呢” after a question on A县, “那去年呢”)? */
export function swapsSlot(question: string, history: Turn[]): boolean {
  return swappedSlot(question, history) !== null;
}

/**
 * Rule rewrite: previous standalone query + what this message adds. “那B县呢” after a question about
 * A县 asks the same of B县: the place is swapped instead of added.
 */
export function ruleRewrite(question: string, history: Turn[]): string {
  const prev = history[history.length - 1];
  if (!prev) return clean(question);
  const added = withWrittenForms(ownWords(question));
  const base = baseQuery(prev);
  const swap = slotSwap(added, base);
  if (swap) {
    const { newPlaces, oldPlaces } = swap;
    let swapped = withoutCounts(base, (t) => defaultTokenizer().segment(t)).replace(oldPlaces[0]!, newPlaces[0]!);
    const rest = added
      .replace(newPlaces[0]!, '')
      .replace(/^[的呢吗啊呀了\s]+$/u, '')
      .trim();
    if (rest) swapped = `${swapped} ${rest}`;
    return [...swapped].slice(0, 120).join('');
  }
  const combined = added ? `${base} ${added}` : base;
  return [...combined].slice(0, 120).join('');
}

/**
 * The narrow rewrite of an elliptical follow-up that is a question of its own ("那今年要培育多少…"
 * after "A县…培训每人补贴多少钱"): only the previous question's specific constraints (its places,
 * years, batches — constraints.ts) are carried over, not what it asked. Used when the full rewrite is
 * refused: the previous question may have been a near miss whose detail would sink this one too.
 * Null when the message adds too little to stand on its own, or there is nothing to carry over.
 */
export function topicRewrite(question: string, history: Turn[]): string | null {
  const prev = history[history.length - 1];
  if (!prev) return null;
  const added = addedWords(question);
  const terms = queryTerms(added);
  if (terms.words.length < 2) return null;
  const base = baseQuery(prev);
  const carried = questionConstraints(base)
    .map((c) => c.text)
    .filter((t) => !added.includes(t));
  if (!carried.length) return null;
  return [...`${carried.join(' ')} ${added}`].slice(0, 120).join('');
}

/** Words of a question that ask rather than name the topic (几月几号, 具体, 多少 …). */
const ASKING_WORD = /几|多少|哪|什么|啥|具体|怎么|怎样|如何|是否|有没有|能否|可否|吗|呢/u;

/**
 * The broad rewrite of a follow-up whose previous turn was refused or whose rewrite finds nothing: the
 * previous question's topic words (its content words less the ones that ask: “绍兴 三服务 通知 印发” of
 * “绍兴三服务那个通知具体是几月几号印发的”) and the message. Null when nothing is carried.
 */
export function topicWordsRewrite(
  question: string,
  history: Turn[],
  tokenizer?: Parameters<typeof queryTerms>[1],
): string | null {
  const prev = history[history.length - 1];
  if (!prev) return null;
  const added = addedWords(question);
  const topic = topicWords(baseQuery(prev), tokenizer).filter((w) => !added.includes(w));
  if (topic.length === 0 || !added) return null;
  return [...`${topic.join(' ')} ${added}`].slice(0, 120).join('');
}

/** Content words of a text that name a topic: not the words that ask, colloquial fillers or words describing a document. */
function topicWords(text: string, tokenizer?: Parameters<typeof queryTerms>[1]): string[] {
  return queryTerms(text, tokenizer).words.filter(
    (w) => !ASKING_WORD.test(w) && !COLLOQUIAL_WORDS.has(w) && !DOC_DESCRIPTION_WORDS.has(w),
  );
}

/**
 * Topic words a message names besides an item number (“下一步第二条是啥” → 下一步; “第二条呢” → none): an
 * ordinal with a topic of its own may point into a list the previous answer did not give.
 */
export function ordinalTopicWords(question: string, tokenizer?: Parameters<typeof queryTerms>[1]): string[] {
  return topicWords(withoutOrdinal(addedWords(question)), tokenizer).filter((w) => [...w].length >= 2);
}

/**
 * Does a message name a topic of its own, apart from the previous turn (“三服务通知的推进举措第二条是啥” after a
 * question on another document): two topic words or more besides its item number, most of them in neither the
 * previous question nor its answer. Such a message is a new question, however short, and its item number points
 * into its own topic's list — never into the previous answer's.
 */
export function namesOwnTopic(question: string, prev: Turn, tokenizer?: Parameters<typeof queryTerms>[1]): boolean {
  const words = ordinalTopicWords(question, tokenizer);
  const before = `${prev.question}${prev.standaloneQuery}${prev.answerSummary}`.replace(/\s+/gu, '');
  const missing = words.filter((w) => !before.includes(w));
  return missing.length >= 2 && missing.length * 2 > words.length;
}

/** Longest message (characters, without punctuation) read as asking about what the previous answer said. */
const HELD_MAX = 16;
/** Characters past the message's last topic word in which the previous answer must give what it asks. */
const HELD_REACH = 30;

/**
 * The sentence of the previous answer that already answers a short follow-up (“6个品质是哪几个” after an answer
 * giving “以6个品质要求（即…、…、…）”; “这条针对哪些领域” after an item quoting them): every topic word of the message
 * stands in that one sentence, one at least is news beside the previous question (else it asks that question
 * again), and the sentence holds each kind of thing the message asks for (a list, a number, a date, a who —
 * `holds`). Null for a message asking no such kind (“具体怎么做” asks beyond what was said), or when no sentence
 * holds it all.
 */
export function heldByPrevious(
  question: string,
  prev: Turn,
  asked: string[],
  holds: (kind: string, sentence: string) => boolean,
  tokenizer?: Parameters<typeof queryTerms>[1],
): string | null {
  if (prev.memory?.refused || asked.length === 0) return null;
  const q = clean(question).replace(/[?？。!！，,\s]+/gu, '');
  if ([...q].length > HELD_MAX) return null;
  const words = ordinalTopicWords(question, tokenizer);
  if (words.length === 0) return null;
  const before = matchForm(`${prev.question}${prev.standaloneQuery}`);
  if (words.every((w) => before.includes(matchForm(w)))) return null;
  // A year of its own (“那去年一共引进多少”) asks of another time than the previous answer spoke of.
  if (yearsIn(q).length) return null;
  const plain = prev.answerSummary.replace(/\[\d+\]/gu, '').replace(/…$/u, '');
  for (const part of plain.split(/(?<=[。！？!?；;])/u)) {
    const form = matchForm(part);
    const at = words.map((w) => form.indexOf(matchForm(w)));
    if (at.some((i) => i < 0)) continue;
    // What is asked stands by the words it is asked of: from the first of them to a little past the last.
    const from = Math.min(...at);
    const to = Math.max(...words.map((w, i) => at[i]! + matchForm(w).length)) + HELD_REACH;
    const window = form.slice(from, to);
    if (asked.every((k) => holds(k, window))) return part;
  }
  return null;
}

/** Longest message (characters, without punctuation) read as asking for the rest of the previous answer. */
const REST_MAX = 12;

/**
 * Does a message ask for the rest of what the previous answer said (“剩下的呢”, “还举了别的例子没”, “还有吗”): a
 * short message with a word asking for more or the remainder (lexicon REST_CUE) and no topic word of its own —
 * nothing but words that ask, fillers, pronouns and nouns that name no topic (REST_NOUNS: 例子, 情况 …).
 */
export function asksForRest(question: string, tokenizer?: Parameters<typeof queryTerms>[1]): boolean {
  const q = clean(question).replace(/[?？。!！，,\s]+/gu, '');
  if ([...q].length === 0 || [...q].length > REST_MAX || !REST_CUE.test(q)) return false;
  const own = queryTerms(q, tokenizer).words.filter(
    (w) =>
      [...w].length >= 2 &&
      !ASKING_WORD.test(w) &&
      !COLLOQUIAL_WORDS.has(w) &&
      !REST_NOUNS.has(w) &&
      !REST_CUE.test(w) &&
      !PRONOUN.test(w),
  );
  return own.length === 0;
}

/** Fewest characters of a remainder worth saying. */
const REST_MIN = 6;

/**
 * What an answer said beyond the part that answered its question (“…15件事项，9件得到及时协调解决，6件交办经信、
 * 人社等部门办理” after “梳理了几件 解决几件” → the clauses after the best one): the clause holding most of the
 * question's topic words (weighted by specificity) is the answering one, run on through the next clauses holding
 * a word of the question it lacks; what follows is the rest — from the
 * next sentence or “；”-part when there is one (“…；又如…”), else from the next clause. Null when nothing
 * (or too little) follows.
 */
export function restOfAnswer(
  said: string,
  question: string,
  tokenizer?: Parameters<typeof queryTerms>[1],
): string | null {
  const text = said
    .replace(/\[\d+\]/gu, '')
    .replace(/…$/u, '')
    .trim();
  const words = topicWords(question, tokenizer);
  if (!text || words.length === 0) return null;
  const clauses: { start: number; end: number; score: number; has: string[] }[] = [];
  for (const m of text.matchAll(/[^，,；;。！？!?]+[，,；;。！？!?]*/gu)) {
    const form = matchForm(m[0]);
    const has = words.filter((w) => form.includes(w));
    clauses.push({
      start: m.index,
      end: m.index + m[0].length,
      score: has.reduce((s, w) => s + wordWeight(w), 0),
      has,
    });
  }
  let best = -1;
  clauses.forEach((c, i) => {
    if (c.score > 0 && (best < 0 || c.score > clauses[best]!.score)) best = i;
  });
  if (best < 0) return null;
  // The answer runs on through the next clauses holding a word of the question it has not had yet
  // (“…120处，其中整改完成98处” answers “排查了多少 整改了多少”).
  const covered = new Set(clauses[best]!.has);
  let last = best;
  while (last + 1 < clauses.length && clauses[last + 1]!.has.some((w) => !covered.has(w))) {
    for (const w of clauses[++last]!.has) covered.add(w);
  }
  const bestEnd = clauses[last]!.end;
  // The end of the sentence or “；”-part holding the answering clause.
  const partEnd = text.slice(clauses[last]!.start).search(/[；;。！？!?]/u);
  const fromPart = partEnd < 0 ? -1 : clauses[last]!.start + partEnd + 1;
  const after = (from: number) =>
    text
      .slice(from)
      .replace(/^[，,；;。！？!?\s]+/u, '')
      .trim();
  const rest = fromPart >= 0 && [...after(fromPart)].length >= REST_MIN ? after(fromPart) : after(bestEnd);
  return [...rest].length >= REST_MIN ? rest : null;
}

/**
 * The item of a list a message names (“附则主要规定什么” after a list whose seventh item is “（七）附则…”; “衢江和开化呢”
 * after one whose third is “指导衢江区、开化县…”): the one item holding most of the message's topic words and places,
 * 1-based. Null when no item or several hold as many.
 */
export function namedItem(
  question: string,
  items: string[],
  tokenizer?: Parameters<typeof queryTerms>[1],
): number | null {
  const own = addedWords(question);
  const words = [...new Set([...topicWords(own, tokenizer).filter((w) => [...w].length >= 2), ...placesIn(own)])];
  if (words.length === 0) return null;
  const counts = items.map((item) => {
    const form = matchForm(item);
    return words.filter((w) => form.includes(matchForm(w))).length;
  });
  const most = Math.max(...counts);
  if (most === 0 || counts.filter((c) => c === most).length > 1) return null;
  return counts.indexOf(most) + 1;
}

/** Written forms of the colloquial words of a message (keys of two characters or more; none that ask). */
function writtenForms(text: string): string[] {
  const norm = text.replace(/\s+/gu, '');
  const out: string[] = [];
  for (const m of colloquialMatches(text))
    if (m.end - m.start >= 2)
      for (const f of m.forms)
        if ([...f].length >= 2 && !ASKING_WORD.test(f) && !norm.includes(f) && !out.includes(f)) out.push(f);
  return out;
}

/** The message's own words with the written forms of its colloquial words (网上 → 线上), for finding its passage. */
export function addedWrittenWords(question: string): string {
  return withWrittenForms(ownWords(question));
}

/** What this message adds to the previous question (its own words), for choosing the sentence. */
export function addedWords(question: string): string {
  return ownWords(question);
}

function ownWords(question: string): string {
  return clean(question)
    .replace(LEADING, '')
    .replace(TRAILING_PARTICLE, '')
    .replace(new RegExp(PRONOUN.source, 'gu'), '')
    .trim();
}

/**
 * The message's own words with the written forms of its colloquial words (头一天 → 首日, 看病 → 就医;
 * data/retrieval/colloquial.txt): the sentence that answers it is worded like the document, and the
 * answer composer reads the rewritten query.
 */
function withWrittenForms(own: string): string {
  const written = own ? writtenForms(own) : [];
  return written.length ? `${own} ${written.join(' ')}` : own;
}

const RewriteSchema = z.object({ query: z.string() });

/** LLM rewrite; throws LlmError on failure (the caller falls back to the rule). */
export async function llmRewrite(question: string, history: Turn[], llm: LlmClient): Promise<string> {
  const turns = history.slice(-3).map((t, i) => `第${i + 1}轮\n问：${t.question}\n答：${t.answerSummary}`);
  const out = await llm.structured(
    [
      { role: 'system', content: loadPrompt('rewrite-followup') },
      {
        role: 'user',
        content: loadPrompt('rewrite-followup-user', {
          history: neutralizeTags(turns.join('\n\n')),
          question: neutralizeTags(question),
        }),
      },
    ],
    RewriteSchema,
    'standalone_query',
  );
  const q = clean(out.query);
  if (!q) throw new LlmError('rewrite: empty query', 'empty');
  if ([...q].length > 200) throw new LlmError('rewrite: query too long', 'schema');
  return q;
}

export interface Rewritten {
  query: string;
  followUp: boolean;
  /** Set when the LLM rewrite failed: the caller can spare the answer step the same wait. */
  llmFailure?: LlmError['reason'];
}

/** The standalone query for a message, given the conversation so far. Never throws. */
export async function standaloneQuery(
  question: string,
  history: Turn[],
  llm: LlmClient | null,
  logger: Logger,
): Promise<Rewritten> {
  const q = clean(question);
  if (history.length === 0) return { query: q, followUp: false };
  const byRule = isFollowUp(q, history);
  if (llm && (byRule || [...q].length <= 20)) {
    try {
      const rewritten = await llmRewrite(q, history, llm);
      return { query: rewritten, followUp: rewritten !== q };
    } catch (err) {
      const reason = err instanceof LlmError ? err.reason : 'other';
      logger.warn({ reason, err: (err as Error).message }, 'follow-up rewrite by LLM failed; using the rule');
      const base = byRule ? { query: ruleRewrite(q, history), followUp: true } : { query: q, followUp: false };
      return { ...base, llmFailure: reason };
    }
  }
  return byRule ? { query: ruleRewrite(q, history), followUp: true } : { query: q, followUp: false };
}
