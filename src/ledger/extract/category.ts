/**
 * Category of a problem description: sum of the lexicon weights of the words it contains, longest
 * words first (each character counts once). No words → 其他. Callers mask department and
 * enterprise names first.
 */
import type { Category } from '../model.js';
import {
  CATEGORY_LEXICON,
  CATEGORY_MORPHOLOGY,
  NOT_A_TYPO_CHARS,
  PRICE_WORDS,
  PROCEDURE_STAGE_BEFORE,
  PROCEDURE_STAGE_ENDINGS,
  PROCEDURE_WORDS,
} from '../lexicon/categories.js';
import { homophoneTypoAt } from '../../text/sound.js';
import { CAUSE_START, OWN_PROBLEM_CUES, REQUEST_CUES } from '../lexicon/signals.js';

/** Morphology entries read as whole phrases before the single words (`whole: true` in the lexicon). */
const WHOLE = new Set(CATEGORY_MORPHOLOGY.filter((m) => m.whole).map((m) => m.pattern));

const ENTRIES = CATEGORY_LEXICON.flatMap((c) =>
  c.words.map((word) => ({ word: word.toLowerCase(), category: c.category, weight: c.weight })),
).sort((a, b) => b.word.length - a.word.length || b.weight - a.weight);

/** Words that may be found mistyped by sound: strong (weight ≥ 5) Chinese words of two to four characters. */
const TYPO_ENTRIES = ENTRIES.filter((e) => e.weight >= 5 && /^[\u4e00-\u9fa5]{2,4}$/.test(e.word));

export interface CategoryScore {
  category: Category;
  score: number;
  /** Position of the first word that scored for the winning category. */
  first: number;
}

/**
 * Morphology: a kind of worker named by what they do + 工 or 员 after a need verb (缺纺纱工, 招10个质检员)
 * is ordinary labour, unless it is a professional (工程师, 研发人员, 技术员 …, which the lexicon scores).
 */
const WORKER_AFTER_NEED =
  /(?:缺|招|要|差|需要|急需)[^，,。;；]{0,8}?[\u4e00-\u9fa5](?:工(?![程艺资期厂业商会作地])|员(?<!研发人员|技术员|管理人员|科研人员)|师傅)/g;
const WORKER_WEIGHT = 5;
/**
 * … and the same kind of worker as the subject of a deficit (保洁员招不到, 缝纫女工缺口大, 挡车工走了一半) or of the
 * deficit made good (装卸工招齐了, 分拣工已到岗): 施工, 开工, 党员, 全员 … are no workers.
 */
const WORKER_BEFORE_DEFICIT =
  /[\u4e00-\u9fa5](?<![施开竣复停完动加党会委官全满减])(?:工(?![程艺资期厂业商会作地])|员(?<!研发人员|技术员|管理人员|科研人员))(?=\s*(?:都|也|还|又|现在|目前|一直|已经?)?\s*(?:缺|不够|紧缺|短缺|不足|招不到|招不来|招不齐|难招|不好招|流失|走了|跑了|留不住|凑齐|招齐|招满|招到|配齐|补齐|到岗))/g;

/** Verbs of need: the last problem word after one of them (the head of the phrase) counts extra. */
const NEED_VERB = /缺|招|引进|引才|需要|急需|紧缺|短缺|找|聘/g;
const HEAD_BONUS = 6;
/** A verb phrase of purpose after the object of a need verb (…运营做线上销售, …工人来搞包装): not the head. */
const PURPOSE_VERB = /做|来做|去做|来搞|负责|专门|搞/;
const CLAUSE_HEAD_BONUS = 3;
/**
 * The noun a deficit is predicated of (包装工缺50人, after 订单暴增 as its cause) is what the problem is about: it
 * counts extra.
 */
const DEFICIT_CLAUSE_BONUS = 2;
/** A topic word after a matter (土地证问题, 贷款的事): the matter counts extra. */
const TOPIC_WORD = /(?:的)?(?:问题|事情|事项|事|那个事)/g;
const TOPIC_BONUS = 4;
/** Lexicon weight of a word that makes a procedure after it its own (银行 in 银行审批; not 厂房 in 厂房验收). */
const PROCEDURE_MODIFIER_WEIGHT = 2;
/** Lexicon weight of a head noun (工程师, 包装工); lighter words (招聘, 资金) are context. */
const STRONG_WORD = 4;

export function scoreCategories(text: string): CategoryScore[] {
  const lower = text.toLowerCase();
  const hits: Array<{ at: number; end: number; category: Category; weight: number }> = [];
  const used = new Array<boolean>(lower.length).fill(false);
  const scores = new Map<Category, CategoryScore>();
  // Phrases whose whole span decides (高管子女入学 is about the talent): read before single words.
  for (const { category, weight, pattern } of CATEGORY_MORPHOLOGY) {
    if (!pattern.flags.includes('g') || !WHOLE.has(pattern)) continue;
    for (const m of lower.matchAll(pattern)) {
      const at = m.index;
      const end = at + m[0].length;
      if (used.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) used[i] = true;
      if (weight === 0) continue; // a neutral phrase: its words tell nothing
      hits.push({ at, end, category, weight });
      const s = scores.get(category) ?? { category, score: 0, first: at };
      s.score += weight;
      s.first = Math.min(s.first, at);
      scores.set(category, s);
    }
  }
  for (const { word, category, weight } of ENTRIES) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(word, from);
      if (at < 0) break;
      from = at + 1;
      let free = true;
      for (let i = at; i < at + word.length; i++) if (used[i]) free = false;
      if (!free) continue;
      for (let i = at; i < at + word.length; i++) used[i] = true;
      hits.push({ at, end: at + word.length, category, weight });
      const s = scores.get(category) ?? { category, score: 0, first: at };
      s.score += weight;
      s.first = Math.min(s.first, at);
      scores.set(category, s);
    }
  }
  // A strong problem word mistyped by sound (环平 for 环评, 人材 for 人才): one character replaced by one read alike.
  for (const { word, category, weight } of TYPO_ENTRIES) {
    for (let at = 0; at + word.length <= lower.length; at++) {
      // one character replaced: the first or the second one is as written (a cheap test before the sound lookup)
      if (lower[at] !== word[0] && lower[at + 1] !== word[1]) continue;
      if (used[at] || used[at + word.length - 1]) continue;
      const w = lower.slice(at, at + word.length);
      const k = homophoneTypoAt(w, word, true);
      if (k < 0 || NOT_A_TYPO_CHARS.includes(w[k]!)) continue;
      if (used.slice(at, at + word.length).some(Boolean)) continue;
      for (let i = at; i < at + word.length; i++) used[i] = true;
      hits.push({ at, end: at + word.length, category, weight });
      const s = scores.get(category) ?? { category, score: 0, first: at };
      s.score += weight;
      s.first = Math.min(s.first, at);
      scores.set(category, s);
    }
  }
  const workers = [
    ...[...lower.matchAll(WORKER_AFTER_NEED)].map((m) => m.index + m[0].length - 2),
    ...[...lower.matchAll(WORKER_BEFORE_DEFICIT)].map((m) => m.index),
  ];
  for (const at of workers) {
    if (hits.some((h) => h.at <= at && at < h.end)) continue;
    const s = scores.get('用工') ?? { category: '用工' as Category, score: 0, first: at };
    s.score += WORKER_WEIGHT;
    s.first = Math.min(s.first, at);
    scores.set('用工', s);
  }
  for (const { category, weight, pattern } of CATEGORY_MORPHOLOGY) {
    if (WHOLE.has(pattern)) continue;
    for (const m of lower.matchAll(pattern)) {
      const head = m.slice(1).find((g) => g !== undefined)!;
      const at = m.index + m[0].indexOf(head);
      const end = at + head.length;
      if (hits.some((h) => h.at < end && at < h.end)) continue;
      hits.push({ at, end, category, weight });
      const s = scores.get(category) ?? { category, score: 0, first: at };
      s.score += weight;
      s.first = Math.min(s.first, at);
      scores.set(category, s);
    }
  }
  // A procedure word right after a word of another category (银行审批, 并网验收, 贷款的审批) is that matter's
  // procedure, a price word (蒸汽价格) its price: the word before it decides, the dependent counts nothing and is no head.
  for (const h of [...hits]) {
    const word = lower.slice(h.at, h.end);
    if (!PROCEDURE_WORDS.includes(word) && !PRICE_WORDS.includes(word)) continue;
    const modifier = hits.find(
      (p) =>
        p.category !== h.category &&
        p.weight >= PROCEDURE_MODIFIER_WEIGHT &&
        (p.end === h.at || (p.end + 1 === h.at && lower[p.end] === '的')),
    );
    // (续贷，已协调农行，审批中: the stage another matter has reached, when a word of that matter is in the message)
    const stage =
      PROCEDURE_WORDS.includes(word) &&
      (PROCEDURE_STAGE_ENDINGS.some((x) => lower.startsWith(x, h.end)) ||
        PROCEDURE_STAGE_BEFORE.some((x) => lower.slice(0, h.at).endsWith(x))) &&
      hits.some((p) => p.category !== h.category && p.weight >= PROCEDURE_MODIFIER_WEIGHT);
    if (!modifier && !stage) continue;
    scores.get(h.category)!.score -= h.weight;
    hits.splice(hits.indexOf(h), 1);
  }
  // Chinese noun phrases are head-final: the last problem word of a clause is what it is about
  // ("冷链物流专项贷款" is a loan), all the more after a need verb ("缺懂外贸的人才").
  const clauseEnd = (from: number) => {
    const r = lower.slice(from).search(/[,，。;；!！?？]/);
    return r < 0 ? lower.length : from + r;
  };
  // Words of a clause that states no deficit nor request, beside one that does (订单大增，装配工缺30人), tell the
  // circumstances, not the problem: they count half.
  const clauseSpans: Array<{ start: number; end: number; cue: boolean; cause: boolean }> = [];
  for (let start = 0; start < lower.length; ) {
    const end = clauseEnd(start);
    const body = lower.slice(start, end);
    // (a clause opening with its cause — 受订单下滑影响，… — tells the circumstances too: no head of the problem)
    const cause = CAUSE_START.test(body);
    clauseSpans.push({ start, end, cue: (OWN_PROBLEM_CUES.test(body) || REQUEST_CUES.test(body)) && !cause, cause });
    start = end + 1;
  }
  const causeOnly = (start: number) =>
    clauseSpans.some((c) => c.start === start && c.cause) && clauseSpans.some((c) => c.cue);
  if (clauseSpans.some((c) => c.cue) && clauseSpans.some((c) => !c.cue))
    for (const c of clauseSpans.filter((x) => !x.cue))
      for (const h of hits)
        if (h.at >= c.start && h.end <= c.end) scores.get(h.category)!.score -= c.cause ? h.weight : h.weight / 2;
  const heads = new Set<(typeof hits)[number]>();
  for (let start = 0; start < lower.length; ) {
    const end = clauseEnd(start);
    const last = hits.filter((h) => h.at >= start && h.end <= end).sort((a, b) => b.at - a.at)[0];
    if (last && !causeOnly(start)) scores.get(last.category)!.score += CLAUSE_HEAD_BONUS;
    // the subject of the deficit: the last strong problem word before the cue (包装工缺50人, 工程师招聘困难)
    const cue = OWN_PROBLEM_CUES.exec(lower.slice(start, end));
    if (cue) {
      const at = start + cue.index;
      const subject = hits
        .filter((h) => h.at >= start && h.end <= at && h.weight >= STRONG_WORD)
        .sort((a, b) => b.at - a.at)[0];
      if (subject) scores.get(subject.category)!.score += DEFICIT_CLAUSE_BONUS;
    }
    start = end + 1;
  }
  // The matter a topic word names (土地证问题, 贷款的事, 增容那个事): what the talk is about.
  for (const m of lower.matchAll(TOPIC_WORD)) {
    const named = hits.find((h) => h.end === m.index);
    if (named) scores.get(named.category)!.score += TOPIC_BONUS;
  }
  for (const m of lower.matchAll(NEED_VERB)) {
    let end = clauseEnd(m.index);
    // 招5个电商运营做线上销售: the object ends where a purpose verb phrase starts after it
    const firstAfter = hits.filter((h) => h.at >= m.index + m[0].length && h.end <= end).sort((a, b) => a.at - b.at)[0];
    if (firstAfter) {
      const purpose = lower.slice(firstAfter.end, end).search(PURPOSE_VERB);
      if (purpose >= 0) end = firstAfter.end + purpose;
      // 缺芯片工程师 招不到人: a pause after the object (unpunctuated phone text) ends it too
      const pause = lower.slice(firstAfter.end, end).search(/\s+[\u4e00-\u9fa5]/);
      if (pause >= 0) end = firstAfter.end + pause;
    }
    const head = hits.filter((h) => h.at >= m.index + m[0].length && h.end <= end).sort((a, b) => b.at - a.at)[0];
    if (head && !heads.has(head)) {
      heads.add(head);
      scores.get(head.category)!.score += HEAD_BONUS;
    }
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

/** The same clause is judged many times while a message is split: recent results are kept (pure in the text). */
const CATEGORIZE_CACHE = new Map<string, { category: Category; score: number }>();
const CATEGORIZE_CACHE_SIZE = 512;

export function categorize(text: string): { category: Category; score: number } {
  const hit = CATEGORIZE_CACHE.get(text);
  if (hit) return { ...hit };
  const best = scoreCategories(text)[0];
  const out: { category: Category; score: number } = best
    ? { category: best.category, score: best.score }
    : { category: '其他', score: 0 };
  if (CATEGORIZE_CACHE.size >= CATEGORIZE_CACHE_SIZE) CATEGORIZE_CACHE.delete(CATEGORIZE_CACHE.keys().next().value!);
  CATEGORIZE_CACHE.set(text, out);
  return { ...out };
}
