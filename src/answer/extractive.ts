/**
 * The extractive answerer (no LLM): the most relevant sentences of the top passages, short, each
 * group followed by its citation marker [n]. List questions prefer enumerations, number questions
 * sentences with quantities, and "第N条" picks item N of an enumeration.
 */
import { escapeRegExp } from '../text/regexp.js';
import type { Passage } from './types.js';
import { charLength, clip, endSentence, matchForm, splitSentences, tidy } from './text.js';
import { idfOver, queryTerms, scoreTerms, wordWeight, type QueryTerms, type TermTokenizer } from './terms.js';
import {
  clausesSharing,
  cnNumeral,
  countedTargets,
  countPhraseRe,
  type CountedTarget,
  namesSection,
  numeralValue,
  expectedCount,
  hasQuantity,
  isComparison,
  isEnumeration,
  isItem,
  listUnit,
  questionKind,
  ORDINAL_RE,
  withoutOrdinal,
} from './question-kind.js';
import { commaListItem, commaListRun, enumerationItem, semicolonItem } from './enumeration.js';
import { askedKinds, holdsKind, withoutOrdinals } from '../retrieval/confidence.js';
import { buildDocView, locate, type DocumentViews, type DocView } from './documents.js';
import {
  commaRuns,
  headedRun,
  inlineItems,
  partDefinitions,
  partLabel,
  isBareHeading,
  isHeadingLine,
  itemMarker,
  listAround,
  paragraphStart,
  paragraphRun,
  parallelRun,
  sectionHeads,
  sectionScope,
  type AssembledList,
} from './lists.js';
import { defaultTokenizer } from '../retrieval/tokenizer.js';
import { chunkDescription } from '../retrieval/fields.js';
import { constraintsMet, questionConstraints } from '../retrieval/constraints.js';
import {
  askedPlaceHeads,
  COLLOQUIAL_WORDS,
  namesPlace,
  DOC_DESCRIPTION_WORDS,
  NAME_CUE,
  NUMBER_UNIT_CUES,
  PARTS_CUE,
  ROLE_WORDS,
} from './lexicon.js';
import { generalIdf } from './idf.js';

export interface ExtractiveOptions {
  /** Longest answer, characters (default 300). */
  maxChars?: number;
  /** Most sentences picked by score, before list expansion (default 3). */
  maxSentences?: number;
  /** Passages considered (default 6). */
  passages?: number;
  /** Tokenizer for query terms (the retriever's, see tokenizerFor); jieba's default otherwise. */
  tokenizer?: TermTokenizer;
  /** Whole documents (to follow a list or a lead-in past the passage); the passages alone otherwise. */
  views?: DocumentViews;
  /** Follow-ups: the previous answer (its sentences are not repeated unless nothing else answers). */
  avoid?: string;
  /** “还有吗”: the previous answer's sentences are not used at all. */
  exclude?: boolean;
  /** Follow-ups: what the message itself asks (its words weigh most when choosing the sentence). */
  focus?: string;
  /** Follow-ups: the previous answer's document (the topic); sentences from others count less. */
  preferDoc?: string;
  /** Follow-ups: sentences right after the previous answer's (matchForm), which a continuation favours. */
  near?: Set<string>;
}

export interface ExtractiveAnswer {
  /** Answer text with [n] markers (n = passage numbers). */
  text: string;
  /** Passages cited, in order of first use, with the sentence quoted from each. */
  used: { n: number; quote: string }[];
  /** The items, when the answer is a list (for “第二条” follow-ups). */
  items?: string[];
  /** The measure word the list was counted in. */
  unit?: string;
  /** The items are a list inside the answering sentence of a question that asked for no list. */
  inline?: boolean;
  /** The chunk the answer is anchored in. */
  chunkId?: string;
  /** Score of the sentence the answer is anchored in (comparable between answers to one query). */
  score?: number;
  /** Passages cited beyond those given (an item of a list read across the document), numbered after them. */
  passages?: Passage[];
}

interface Candidate {
  p: Passage;
  idx: number;
  raw: string;
  /** The whole sentence (raw may be a window of it). */
  full: string;
  score: number;
  firstHit: number;
}

const MAX_LIST_SENTENCE = 260;
const QUOTE_MAX = 120;

/**
 * The window of a long sentence (at most `max` characters) that holds the most query-term weight,
 * with “…” where it was cut. Short sentences come back whole.
 */
export function bestWindow(raw: string, terms: QueryTerms, max: number): string {
  const chars = [...raw];
  if (chars.length <= max) return raw;
  const lower = raw.normalize('NFKC').toLowerCase();
  if ([...lower].length !== chars.length) return clip(raw, max, 0);
  const lowerChars = [...lower];
  const hay = lowerChars.join('');
  // Character offsets of each term occurrence (code-unit indexes mapped to code points).
  const toCp = (unitIdx: number) => [...hay.slice(0, unitIdx)].length;
  const hits: { term: string; start: number; end: number; w: number }[] = [];
  const add = (term: string, w: number) => {
    for (let i = hay.indexOf(term); i >= 0; i = hay.indexOf(term, i + 1)) {
      const start = toCp(i);
      hits.push({ term, start, end: start + [...term].length, w });
    }
  };
  for (const w of terms.words) add(w, wordWeight(w));
  for (const p of terms.phrases) add(p.text, p.weight);
  if (hits.length === 0) return clip(raw, max, 0);
  let best = 0;
  let bestScore = -1;
  for (const start of new Set([0, ...hits.map((h) => Math.max(0, Math.min(h.start - 8, chars.length - max)))])) {
    const end = start + max;
    const seen = new Set<string>();
    let score = 0;
    for (const h of hits) {
      if (h.start >= start && h.end <= end && !seen.has(h.term)) {
        seen.add(h.term);
        score += h.w;
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  const end = Math.min(chars.length, best + max - (best > 0 ? 2 : 1));
  const from = best > 0 ? best + 1 : 0;
  return `${from > 0 ? '…' : ''}${chars.slice(from, end).join('')}${end < chars.length ? '…' : ''}`;
}

export interface CandidateOptions {
  /** The question names a section (“…的部分”): headings are preferred anchors. */
  sections?: boolean;
  avoid?: string;
  exclude?: boolean;
  /** Follow-ups: the message itself (the kind it asks decides whether the previous sentence still answers). */
  focus?: string;
  preferDoc?: string;
  /** Follow-ups: sentences right after the previous answer's (matchForm), which a continuation favours. */
  near?: Set<string>;
  views?: DocumentViews;
  tokenizer?: TermTokenizer;
}

/** Weight of the words of a sentence's nearest section heading (and of the outer one) as its context. */
const HEAD_CONTEXT = [0.6, 0.4];
/** Score multiplier of a sentence that defines the term the question asks about. */
const DEFINES = 2;

/** What a question asks the meaning of: the term right before 是啥/啥意思/指什么 (“那个5是啥” → 5). */
export function askedTerm(question: string): string | null {
  const m =
    /^(.*?)\s*(?:到底|究竟|具体)?\s*(?:是啥|是什么|指什么|指啥|是指什么|是指啥|啥意思|什么意思|代表啥|代表什么|咋回事|怎么回事|(?:是|是要|要)?(?:干嘛|干啥|干什么|做什么|做啥)|(?:是\s*)?what\b)/iu.exec(
      question.trim(),
    );
  if (!m) return null;
  // (“合这个字”: the character said, kept with what names it as one — read by definitionAfter.)
  const parts = m[1]!
    .replace(/(?:这个|这)([字词])\s*$/u, '\u0001$1')
    .split(/\s+|那个|这个|那|这|的|，|,|：|:/u)
    .filter(Boolean)
    .map((x) => x.replace('\u0001', '这个'));
  const last = parts[parts.length - 1] ?? '';
  // A quoted name ends the phrase (“篇里“清优提转””): the name is the term.
  const quoted = /[“"]([^”"]{1,8})[”"]?$/u.exec(last)?.[1];
  if (quoted) return matchForm(quoted);
  const t = last.replace(/^[“"]+|[”"]+$/gu, '');
  if (t && charLength(t) <= 8) return matchForm(t);
  // A long phrase (组团联企1+1+1, 年轻干部“216”机制): the quoted or numbered name in it is the term.
  const named = /[“"]([^”"]{1,8})[”"]|([0-9A-Za-z][0-9A-Za-z+＋.·-]*[0-9A-Za-z])/u.exec(t);
  const name = named?.[1] ?? named?.[2];
  return name ? matchForm(name) : null;
}

/** A sentence (in match form) that defines `term`: the term opening a clause, then 是指/就是/即 …. */
export function definitionRe(term: string): RegExp {
  return new RegExp(
    `(?:^|[。；;，,：:]|所谓|[\u4e00-\u9fa5])[“"]?${escapeRegExp(term)}[”"]?[\u4e00-\u9fa5\\d]{0,8}?[，,]?(?:是指|指的是|就是指|就是|即由|即|指)`,
    'u',
  );
}

/**
 * A sentence (in match form) that opens by defining `term`: the term, quoted or not, opening the sentence or a
 * clause, right before 是指/指的是/就是/即 (““合”指的是市场融合。”) — stricter than definitionRe, for a term
 * looked for beyond the passages.
 */
export function opensDefinition(term: string): RegExp {
  return new RegExp(`(?:^|[。；;：:])[“"]?${escapeRegExp(term)}[”"]?[，,]?(?:是指|指的是|就是指|就是|即|指)`, 'u');
}

/** How far (sentences) after the best one a definition of the term asked about is looked for. */
const DEFINITION_REACH = 20;

/**
 * “知行合一 那个合是啥”, when the best sentence names only the whole (“总体要求就是“知行合一”，具体来说：”): the sentence
 * after it, in its section, that defines the term asked (““合”指的是市场融合。”). Its index, or -1.
 */
export function definitionAfter(view: DocView, a: number, term: string): number {
  // “那个合字是啥意思”: a term said as a character or word (合字, 合这个字, 融合一词) names that character or word —
  // when the document defines no such term as written.
  const said = WORD_SAID.exec(term)?.[1];
  const found = definitionOf(view, a, term);
  return found < 0 && said ? definitionOf(view, a, said) : found;
}

/** A term said as a character or a word: “X字”, “X这个字”, “X一词”, “X二字”, “X这个词”. */
const WORD_SAID = /^(.+?)(?:这个|这|一|二|两)?[字词]$/u;

function definitionOf(view: DocView, a: number, term: string): number {
  const re = opensDefinition(term);
  if (re.test(matchForm(view.sentences[a]!.text))) return -1;
  const level = (i: number) => itemMarker(view.sentences[i]!.text);
  for (let i = a + 1; i < view.sentences.length && i <= a + DEFINITION_REACH; i++) {
    const t = view.sentences[i]!.text;
    // (A heading of the outline — 三、…, （三）… — ends the section the term was named in.)
    const m = level(i);
    if ((m && (m.style === 'cn-dun' || m.style === 'paren-cn')) || isTitleLine(t)) break;
    if (re.test(matchForm(t))) return i;
  }
  return -1;
}

/** Any word that makes a message a question (a bare run of keywords has none). */
const INTERROGATIVE_ANY = /哪|多少|什么|啥|几|怎么|怎样|如何|咋|谁|吗|呢|是否|有没有|[?？]/u;

/**
 * Does a follow-up's own message ask something (“列进三档的咋处置”, “多少人报名”), rather than only swap
 * the topic of the previous question (“那去年呢”, “那B县呢”)? A trailing 呢/吗 alone does not ask.
 */
export function asksOfItsOwn(message: string): boolean {
  return INTERROGATIVE_ANY.test(message.replace(/[呢吗啊呀嘛]?[?？。.!！\s]*$/u, ''));
}

/**
 * The kind of answer a question wants — also a list for a run of keywords that names a count of a noun
 * (“卷首语 三个质量”): those items are what it is about.
 */
export function kindOf(query: string, followUp = false): ReturnType<typeof questionKind> {
  const kind = questionKind(query);
  // (A follow-up's query is the previous topic and the message: “…三张图 路径图 具体” asks about one.)
  if (followUp || kind.list || kind.number || INTERROGATIVE_ANY.test(query)) return kind;
  const named = countedTargets(query, (t) => defaultTokenizer().segment(t)).some(
    (t) => !t.asksCount && (t.count ?? 0) >= 2 && t.measure !== null && t.noun !== null,
  );
  return named ? { ...kind, list: true } : kind;
}

/** Score multiplier of a sentence right after the previous answer's (follow-ups). */
const NEAR_PREVIOUS = 1.3;
/** Weight of the title's and the chunk's headings' words. */
const TITLE_CONTEXT = 0.3;
/**
 * Prior of a passage that names none of the places the question names (开化…几支团队 answered from a city-wide
 * passage or another county's): another jurisdiction's figure is the wrong answer, however many words it shares.
 */
const PLACE_UNMET = 0.4;

/**
 * Weight of the share of the question's informative characters a sentence has: words a colloquial
 * question shares with no sentence (拨钱 ~ 资金拨付, 快 ~ 加快, 新盖 ~ 新建) still tell sentences that
 * tie on the words they do share apart.
 */
const CHAR_SHARE = 0.15;
/** Characters too common in general Chinese to tell sentences apart (general IDF below this). */
const CHAR_IDF_MIN = 4.5;

/** The informative characters of a question, each with its general IDF (chat fillers and question words out). */
export function questionChars(query: string): Map<string, number> {
  const filler = new Set(`${[...COLLOQUIAL_WORDS].join('')}啥么什哪几多少吗呢吧嘛`);
  const out = new Map<string, number>();
  for (const c of matchForm(query).match(/\p{Script=Han}/gu) ?? []) {
    if (filler.has(c) || out.has(c)) continue;
    const w = generalIdf(c);
    if (w >= CHAR_IDF_MIN) out.set(c, w);
  }
  return out;
}

/**
 * The IDF-weighted share of these characters a text (in match form) holds, beyond the query words it
 * matches whole (their characters are counted by the word score already).
 */
export function charShare(chars: Map<string, number>, form: string, words: string[] = []): number {
  const matched = words.filter((w) => form.includes(w)).join('');
  let all = 0;
  let hit = 0;
  for (const [c, w] of chars) {
    if (matched.includes(c)) continue;
    all += w;
    if (form.includes(c)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

/** Multiplier of a sentence quoting a name the question does not, when the question asks what something is called. */
const NAME_HELD = 1.3;
/** Weight of a sentence naming a place of the kind asked (哪个村 → 贺邵溪村). */
const PLACE_HELD = 1.4;
/** …and of one that names none when the question asks for a place by its kind. */
const PLACE_MISSING = 0.8;

/** Multiplier of a sentence whose label is the role a who-question asks about (“课题组长：” then the name). */
const ROLE_LABELLED = 2.5;
/** A bare label line: a short role or heading ending in “：” (“课题组成员：”), its holders on the lines after it. */
const BARE_LABEL = /^([^：:，,。；;]{2,10})[：:]$/u;

/**
 * Does the sentence label its holders with what a who-question asks (“课题组长是谁” → “课题组长：”, “课题组成员都有谁”
 * → “课题组成员：”)? The role the question names followed by “：”, or a bare label line holding a word of the question.
 */
export function labelsAsked(question: string, words: string[], sentence: string): boolean {
  if (!askedKinds(question).includes('who')) return false;
  const form = matchForm(sentence);
  const roles = matchForm(question).match(ROLE_WORDS) ?? [];
  if (roles.some((r) => form.includes(`${r}：`) || form.includes(`${r}:`))) return true;
  const label = BARE_LABEL.exec(form)?.[1];
  return label !== undefined && words.some((w) => charLength(w) >= 2 && label.includes(w));
}

/** Does this sentence quote a name (“…”, 《…》) that the question does not have? */
export function quotesNewName(sentence: string, question: string): boolean {
  const q = matchForm(question);
  for (const m of sentence.matchAll(/[“《"]([^”》"]{2,30})[”》"]/gu)) if (!q.includes(matchForm(m[1]!))) return true;
  return false;
}

export function candidates(
  query: string,
  terms: QueryTerms,
  passages: Passage[],
  maxSentence: number,
  opts: CandidateOptions = {},
): Candidate[] {
  const { avoid, preferDoc, views } = opts;
  const avoidForm = avoid ? avoidFormOf(avoid) : '';
  // A follow-up asks what its own message asks (“到现在解决了多少问题” after “每月哪天”: a number, not a date).
  // (One asking about words of its own — “列进三档的咋处置” after “按啥比例” — does not ask the previous kind
  // either; a bare “具体咋弄” asks about the previous topic.)
  const asking =
    opts.focus &&
    (askedKinds(opts.focus).length > 0 ||
      questionKind(opts.focus).number ||
      (asksOfItsOwn(opts.focus) && terms.words.some((w) => matchForm(opts.focus!).includes(w))))
      ? opts.focus
      : query;
  const kind = kindOf(asking, opts.focus !== undefined);
  const asked = askedKinds(asking).filter((k) => k !== 'list');
  // (The message's own unit: a follow-up “第三档咋处理” after “末位比例” asks no share.)
  // “哪天召开的”: a year or a month alone does not say which day.
  const asksDay = ASKS_DAY.test(opts.focus ?? query);
  const unitAsked = NUMBER_UNIT_CUES.some((u) => u.cue.test(opts.focus ?? query));
  const tokenizer = opts.tokenizer ?? defaultTokenizer();
  // The counts a follow-up asks are its own message's (not the previous question's).
  const targets = countedTargets(opts.focus ?? query, (t) => tokenizer.segment(t));
  const countRes = targets.filter((t) => t.asksCount).map((t) => ({ t, re: countPhraseRe(t) }));
  const nouns = [...new Set(targets.map((t) => t.noun).filter((n): n is string => n !== null))];
  // “几个按”: a count in a measure word of things named by the noun — the items are the answer.
  // (The noun ends its clause: “派了多少个” has a verb after its count, not a noun.)
  const countedItems = targets.some(
    (t) =>
      t.asksCount &&
      t.measure !== null &&
      t.noun !== null &&
      new RegExp(`${t.noun}(?:[呢吗啊呀？?。！!，,\\s]|$)`, 'u').test(query),
  );
  const contentTerms: QueryTerms = {
    ...terms,
    words: terms.words.filter((w) => !DOC_DESCRIPTION_WORDS.has(w)),
    phrases: terms.phrases.filter((ph) => ![...DOC_DESCRIPTION_WORDS].some((d) => ph.text.includes(d))),
  };
  const asksContents = CONTENTS_CUE.test(query);
  const split = passages.map((p) => ({ p, sentences: splitSentences(p.chunk.text) }));
  const forms = split.flatMap((s) => s.sentences.map(matchForm));
  const idf = idfOver(forms);
  const top = Math.max(...passages.map((p) => p.score), 0);
  const out: Candidate[] = [];
  const message = opts.focus ?? query;
  const asksKind = askedKinds(message).some((k) => k !== 'list');
  const pending: { at: number; answers: boolean; focusHits: number; focused: boolean }[] = [];
  let bestOtherFocus = 0;
  const nearAt: number[] = [];
  const term = askedTerm(message);
  const defines = term ? definitionRe(term) : null;
  const ctxScore = (form: string, context: string, weight: number) => {
    let ctx = 0;
    for (const w of terms.words)
      if (!form.includes(w) && context.includes(w)) ctx += weight * wordWeight(w) * (idf(w) / idf.max);
    return ctx;
  };
  const placesAsked = questionConstraints(message).filter((c) => c.kind === 'place');
  const chars = questionChars(message);
  const asksName = NAME_CUE.test(message);
  const placeHeads = askedPlaceHeads(message);
  const wanted = expectedCount(message);
  for (const { p, sentences } of split) {
    // Retrieval's order is a mild prior: the right sentence is often in the 3rd–6th passage.
    const rel = top > 0 ? Math.max(0, p.score) / top : 1 / p.n;
    const placeMet = placesAsked.length === 0 || constraintsMet(placesAsked, p.chunk).share > 0;
    const prior =
      (0.7 + 0.3 * rel) *
      Math.max(0.8, 1 - 0.03 * (p.n - 1)) *
      (preferDoc && p.chunk.docId !== preferDoc ? 0.6 : 1) *
      (placeMet ? 1 : PLACE_UNMET);
    // Words the title or section headings match count a little for every sentence under them.
    const context = matchForm(`${chunkDescription(p.chunk)} ${p.chunk.headings.join(' ')}`);
    const view = views ? views.view(p.chunk.docId, [p.chunk]) : null;
    sentences.forEach((full, idx) => {
      const raw = bestWindow(full, terms, maxSentence);
      const form = matchForm(raw);
      // Words that describe a document (卷首语, 讲话, 编者按) are matched by its description, not its sentences.
      const m = scoreTerms(form, contentTerms, idf);
      const vi = view ? locate(view, full, p.chunk.id) : -1;
      // The headings the sentence stands under: their words are its context too (“（七）附则。” heads
      // “重点对…授权规定、解释机关、施行日期等内容予以明确”).
      const heads = view && vi >= 0 ? sectionHeads(view, vi) : [];
      // No heading: the paragraph's first sentence sets its topic (“建好一个体系，就是要做实“网格365”…”).
      if (view && vi >= 0 && heads.length === 0) {
        const first = paragraphStart(view, vi);
        if (first < vi) heads.push(first);
      }
      let headCtx = 0;
      heads.forEach((h, k) => {
        headCtx += ctxScore(form, matchForm(view!.sentences[h]!.text), HEAD_CONTEXT[k] ?? 0.3);
      });
      if (m.score + headCtx <= 0) return;
      const ctx = ctxScore(form, context, TITLE_CONTEXT);
      let score = (m.score + Math.max(ctx, headCtx) + 0.5 * Math.min(ctx, headCtx)) * prior;
      score *= 1 + CHAR_SHARE * charShare(chars, form, terms.words);
      if (asksName && quotesNewName(raw, message)) score *= NAME_HELD;
      // “哪个村” / “建在啥地方”: a sentence naming a place of that kind the question does not name.
      // (A place asked by its kind and not named: the sentence does not say it.)
      if (placeHeads) {
        if (namesPlace(raw, placeHeads.heads, message)) score *= PLACE_HELD;
        else if (placeHeads.named) score *= PLACE_MISSING;
      }
      if (labelsAsked(message, terms.words, raw)) score *= ROLE_LABELLED;
      const len = charLength(raw);
      let numberBonus = kind.number && hasQuantity(withoutOrdinals(raw, asking)) ? 1.3 : 1;
      // The kind of thing asked for, in the unit asked for (钱 → 元, 多久 → 天/月, 几家 → N家, 哪天 → a date).
      for (const k of asked) {
        const f = (
          k === 'date'
            ? holdsKind(k, withoutDates(raw, asking), asking) && (!asksDay || DAY_PHRASE.test(raw))
            : holdsKind(k, raw, asking)
        )
          ? (KIND_HELD[k] ?? 1)
          : k === 'number' && unitAsked
            ? UNIT_MISSING
            : (KIND_MISSING[k] ?? 1);
        if (k === 'number') numberBonus *= f;
        else score *= f;
      }
      // A date question is best answered by a specific date (1931年11月, 3月5日), not “今年”.
      // (A date the question itself gives — “2019年…哪天召开的” — is no answer to it.)
      if (asked.includes('date') && SPECIFIC_DATE.test(withoutDates(raw, asking))) score *= 1.3;
      // “几条原则” is answered by “七条原则”; “分几步” by “三步走”: the count in the asked measure weighs more
      // than any other number.
      const countHit = countRes.some(({ re }) => re?.test(raw));
      if (countHit) score *= COUNT_HELD;
      score *= numberBonus;
      // Items that share the noun counted (哪三个性 → 政治性、时代性、规律性).
      // …or one of parallel sentences that each name it (“坚持底线思维…。坚持辩证思维…。坚持创新思维…。”).
      const inRun = (n: string) => {
        if (!view || vi < 0) return false;
        // …or one of parallel paragraphs each naming it, as many as asked (“…，着力提高谋划工作的质量。” ×3).
        if (!firstClauseHas(full, n)) {
          if (!full.includes(n) || wanted === null) return false;
          const para = paragraphRun(view, vi);
          return para !== null && para.items.length === wanted && para.items.every((t) => t.includes(n));
        }
        const run = parallelRun(view, vi, n);
        return run !== null && run.items.length >= 3 && run.items.every((t) => firstClauseHas(t, n));
      };
      // (A count question too: “几个按” is answered by the items “按政策办事、按规定办事…”.)
      if ((kind.list || countedItems) && nouns.some((n) => clausesSharing(raw, n) >= 2 || inRun(n))) score *= 1.8;
      else if (kind.list && nouns.length > 0 && !nouns.some((n) => form.includes(matchForm(n)))) score *= 0.8;
      else if (kind.list && (isEnumeration(raw) || splitList(view, vi, full))) score *= 1.25;
      // “那个5是啥”: the sentence that defines the term asked about (“5，是指…”, “所谓X，就是指…”).
      if (defines?.test(form)) score *= DEFINES;
      // …or the bare heading of a marked item that names it (“8、持续推进组织工作“清优提转”。”): what stands under it
      // explains it.
      else if (term && view && vi >= 0 && itemMarker(full) && isBareHeading(view, vi) && form.includes(term))
        score *= DEFINES;
      if (len < 8) score *= 0.5;
      // A bare heading or a title line is not an answer; the sentences under it are.
      if (isTitleLine(full) && (!view || vi < 0 || isHeadingLine(view, vi))) score *= 0.5;
      // An entry of a table of contents (“交流发言：…题目……作者”) names an article, it answers nothing
      // about its subject — unless the question asks about the contents (目录, 第几页, 哪篇, 栏目).
      if (TOC_ENTRY.test(full) && !asksContents) score *= TOC_WEIGHT;
      // “政治建设的部分，第三点”: a section is named — its heading is the anchor.
      if (opts.sections && view && vi >= 0 && itemMarker(full) && isBareHeadingOrTitle(view, vi)) score *= 1.6;
      const avoided = avoidForm !== '' && avoidForm.includes(matchForm(full).slice(0, 40));
      const answers = avoid !== undefined && answeringClause(raw, terms, message) >= 0;
      const focusHits = terms.focus.filter((w) => form.includes(w)).length;
      if (avoided && opts.exclude) return;
      if (avoided) pending.push({ at: out.length, answers, focusHits, focused: !asksKind && focusHits > 0 });
      else if (answers) bestOtherFocus = Math.max(bestOtherFocus, focusHits);
      if (opts.near?.has(matchForm(full))) nearAt.push(out.length);
      out.push({ p, idx, raw, full, score, firstHit: m.firstHit });
    });
  }
  // A follow-up asking a kind of answer (a number, a date, who) the previous answer's own sentences do
  // not hold is most often answered right after them (“来了几趟” after “毛光烈帮了啥忙”: the next
  // sentence, “6次带领…来江调研”).
  if (asksKind && !pending.some((x) => x.answers)) for (const i of nearAt) out[i]!.score *= NEAR_PREVIOUS;
  // The previous answer's sentences: a follow-up wants something else — unless one of them holds what
  // it asks too, with as many of its words as any other sentence that does (“派了多少干部” after
  // “专班多少个”: one sentence gives both).

  for (const x of pending)
    out[x.at]!.score *= x.answers ? (x.focusHits >= bestOtherFocus ? 1 : 0.4) : x.focused ? 0.8 : 0.3;
  return out.sort((a, b) => b.score - a.score);
}

/** The form the previous answer is compared in (markers and a trailing “…” dropped). */
function avoidFormOf(avoid: string): string {
  return matchForm(avoid.replace(/\[\d+\]/gu, '').replace(/…$/u, ''));
}

/** Was this sentence (its first 40 characters) in the previous answer? */
function avoidedBy(avoid: string, sentence: string): boolean {
  return avoidFormOf(avoid).includes(matchForm(sentence).slice(0, 40));
}

/**
 * The part of a sentence from the clause that answers a follow-up on: the first clause with both a
 * word the message adds and the kind of thing asked, else the first with either; the whole sentence
 * when that is its first clause.
 */
export function focusTail(sentence: string, terms: QueryTerms, query: string): string {
  const clauses = clausesOf(sentence);
  let at = answeringClause(sentence, terms, query);
  if (at < 0) {
    const focus = terms.focus.length ? terms.focus : terms.words;
    at = clauses.findIndex((c) => focus.some((w) => matchForm(c).includes(w)));
  }
  if (at <= 0) return sentence;
  return clauses.slice(at).join('');
}

function clausesOf(sentence: string): string[] {
  return sentence.match(/[^，,；;：:]+[，,；;：:]?/gu) ?? [sentence];
}

/**
 * The clause of a sentence that gives what a follow-up asks: the kind asked (a number, a date …)
 * next to a word of the message (any clause with the kind when the message adds no word). An ordinal
 * (第一个) is not a count. −1 when none (or the message asks no kind).
 */
function answeringClause(sentence: string, terms: QueryTerms, message: string): number {
  const asked = askedKinds(message).filter((k) => k !== 'list');
  if (asked.length === 0) return -1;
  // Words of the message the sentence does not have at all (发给 for 发放) do not count.
  const focus = terms.focus.filter((w) => matchForm(sentence).includes(w));
  return clausesOf(sentence).findIndex((c) => {
    const plain = c.replace(/第[一二两三四五六七八九十\d]+[个条项批次]/gu, '');
    return (
      asked.every((k) => holdsKind(k, plain, message)) &&
      (focus.length === 0 || focus.some((w) => matchForm(c).includes(w)))
    );
  });
}

/** A table-of-contents entry: a title run into its author by leader dots (“……”, “....”). */
const TOC_ENTRY = /…{2,}|\.{4,}|·{4,}/u;
/** A question about the contents itself (which article, where it starts, under which column). */
const CONTENTS_CUE = /目录|第几页|哪一?页|页码|栏目|哪篇|哪几篇|篇文章|题目|标题|作者/u;
const TOC_WEIGHT = 0.3;

/** A count in the asked measure (几条原则 → 七条原则). */
const COUNT_HELD = 1.8;
const SPECIFIC_DATE = /\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|(?:19|20)\d{2}年/u;

/** Years, months and days as a question or a sentence writes them. */
const DATE_PHRASE = /(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?/gu;

/** A question asking for a day (哪天, 几号, 几月几日), and a day as a sentence writes it. */
const ASKS_DAY = /哪一?天|哪日|几号|几月几[日号]/u;
const DAY_PHRASE =
  /\d{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]|\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:周|星期|礼拜)[一二三四五六日天]|当天|次日/u;

/** The sentence without the dates the question itself states (“2019年…是哪天” → the sentence's “2019年” is no answer). */
export function withoutDates(sentence: string, question: string): string {
  const given = new Set(question.match(DATE_PHRASE) ?? []);
  if (given.size === 0) return sentence;
  return sentence.replace(DATE_PHRASE, (d) => (given.has(d) ? '' : d));
}

/** Multipliers when a sentence holds / lacks the kind of answer asked for. */
const KIND_HELD: Record<string, number> = { number: 1.3, date: 1.4, who: 1.2 };
const KIND_MISSING: Record<string, number> = { number: 1, date: 0.7, who: 0.9 };
/**
 * A number asked in a unit (钱 → 元, 年纪 → 岁, 多久 → 天/月, 比例 → %) that a sentence does not give: any
 * other figure it holds answers something else.
 */
const UNIT_MISSING = 0.85;

/** A line without a sentence end: a title, a table-of-contents entry, a heading. */
function isTitleLine(s: string): boolean {
  return !/[。！？!?；;：:]$/u.test(s.trim()) && charLength(s) <= 60;
}

/** The best sentence of a passage for these terms, clipped for a citation quote. */
export function bestQuote(passage: Passage, terms: QueryTerms, max = QUOTE_MAX): string {
  const sentences = splitSentences(passage.chunk.text);
  const idf = idfOver(sentences.map(matchForm));
  let best = sentences[0] ?? '';
  let bestScore = -1;
  let focus = 0;
  for (const s of sentences) {
    const m = scoreTerms(matchForm(s), terms, idf);
    const score = m.score * (charLength(s) < 8 ? 0.5 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = s;
      focus = m.firstHit;
    }
  }
  return clip(best, max, focus);
}

/**
 * 第N条: item N of the enumeration the question is about. The enumeration is looked for from the
 * sentence that best matches the rest of the question (the one the previous answer quoted), then in
 * the whole passage.
 */
function ordinalAnswer(
  query: string,
  passages: Passage[],
  ordinal: number,
  unit: string,
  tokenizer?: TermTokenizer,
  views?: DocumentViews,
  follow: { avoid?: string; focus?: string } = {},
): ExtractiveAnswer | null {
  const base = query.replace(new RegExp(ORDINAL_RE.source, 'gu'), ' ');
  const terms = queryTerms(base, tokenizer);
  // A follow-up's item is anchored by what its message adds (“下一步第二条”), away from the previous
  // answer's sentence (it was no list, or the item would have been taken from it).
  if (follow.focus) {
    const f = matchForm(follow.focus);
    const focus = terms.words.filter((w) => f.includes(w));
    if (focus.length) terms.focus = focus;
  }
  const ranked = candidates(base, terms, passages, MAX_LIST_SENTENCE, {
    ...(follow.avoid && terms.focus.length ? { avoid: follow.avoid, focus: follow.focus! } : {}),
    ...(tokenizer ? { tokenizer } : {}),
    ...(views ? { views } : {}),
    // “X的四点要求，第三点”: a stated count of points names X's section as much as “X的部分” does.
    sections: namesSection(base) || expectedCount(base) !== null,
  });
  const anchor = ranked[0];
  // The list an anchor sentence belongs to (or heads), read across the whole document.
  const listOf = (c: Candidate, dv: DocumentViews): { view: DocView; list: AssembledList | null } => {
    const view = dv.view(c.p.chunk.docId, [c.p.chunk]);
    const ai = locate(view, c.full, c.p.chunk.id);
    // First a list the anchor introduces or heads (“4、…根本原则。主要有四条：一是…”), then the list it
    // is an item of, then the lists of the headings it stands under.
    const own = ai >= 0 ? listAround(view, ai) : null;
    const heads = ai >= 0 && (itemMarker(view.sentences[ai]!.text) !== null || isBareHeading(view, ai));
    // The anchor's whole sentence (the view splits at “；”): “…三条原则，即“A；B；C”。” is a list itself.
    const whole = ai >= 0 ? toPeriod(view, ai) : '';
    const inline = ai >= 0 ? (inlineItems(whole) ?? (semicolonItem(whole, 1) ? ['', ''] : null)) : null;
    const under =
      heads && !inline
        ? sectionScope(view, ai)
            .slice(0, 3)
            .map((i) => listAround(view, i))
            .find((l) => l !== null && l.starts[0]! > ai)
        : undefined;
    const lists =
      ai >= 0
        ? [
            own && !itemMarker(view.sentences[ai]!.text) && own.starts[0]! >= ai ? own : null,
            under ?? null,
            own,
            ...sectionHeads(view, ai).map((h) => listAround(view, h)),
          ]
        : [];
    // A lead-in naming its items by count (“实施“五个一批”…”): the headings opening with that noun.
    // (…or the unmarked sentences after it, one per item: “以绘好人才“三张图”为基础…。绘好“需求图”…。绘好“方位图”…”.)
    if (ai >= 0) {
      const targets = countedTargets(base, (x) => (tokenizer ?? defaultTokenizer()).segment(x));
      for (const t of targets)
        if (t.noun && t.count && view.sentences[ai]!.text.includes(t.noun))
          lists.unshift(headedRun(view, ai, t.noun, t.count) ?? countedRun(view, ai, t.count, targets));
    }
    // “第四部分”: a part of the document is an item of its outermost list (“四、…”), not of a list in a section.
    if (unit === '部分' && ai >= 0) {
      const outer = sectionHeads(view, ai).at(-1);
      if (outer !== undefined) lists.unshift(listAround(view, outer));
    }
    const list =
      inline && inline.length >= ordinal ? null : (lists.find((l) => l !== null && l.items.length >= ordinal) ?? null);
    return { view, list };
  };
  // “推进举措第二条”: a bare heading of the top passages whose every word the question says names the list asked —
  // the list under it, whichever sentence ranks first.
  const headed = views ? namedHeadingList(base, passages, views, ordinal, tokenizer) : null;
  if (anchor && views) {
    let { view, list } = headed ?? listOf(anchor, views);
    // “四点要求，第三点”: the list with as many items as the question states, from the best few anchors
    // (the best sentence may only share the topic's words; the heading over the four points is close).
    const stated = expectedCount(base);
    if (stated !== null && list?.items.length !== stated) {
      for (const c of ranked.slice(1, ANCHORS)) {
        if (c.score < anchor.score * ANCHOR_SHARE) break;
        const other = listOf(c, views);
        if (other.list?.items.length === stated) {
          ({ view, list } = other);
          break;
        }
      }
    }
    if (list) {
      const at = list.starts[ordinal - 1]!;
      const chunkId = view.sentences[at]!.chunkId;
      const item = list.items[ordinal - 1]!;
      const given = passages.find((p) => p.chunk.id === chunkId);
      const chunk = given?.chunk ?? views.chunk(view.docId, chunkId);
      if (chunk) {
        const n = given?.n ?? passages.length + 1;
        const lead = isItem(item) ? '' : `第${cnNumeral(ordinal)}${unit}：`;
        // “分几个方面，第三个是啥”: the count asked, in the words of the list's own lead-in when it states it.
        const stating = countingLeadIn(query, view, list);
        return {
          text: `${stating ? `${stating}，其中第${cnNumeral(ordinal)}${unit}：` : `${countLead(query, list.items.length, unit)}${lead}`}${endSentence(item)}[${n}]`,
          used: [{ n, quote: clip(item, QUOTE_WHOLE) }],
          ...(given ? {} : { passages: [{ n, chunk, score: 0 }] }),
          ...pickedList(list.items, unit),
          chunkId,
        };
      }
    }
  }
  const ordered = anchor ? [anchor.p, ...passages.slice(0, 3).filter((p) => p !== anchor.p)] : passages.slice(0, 3);
  for (const p of ordered) {
    const text = tidy(p.chunk.text).replace(/[ \t\u3000]+/g, '');
    const tries: Array<(k: number) => string | null> = [];
    // An item read off a run of 、 inside a sentence is a fragment of it: shown with the run it stands in.
    let runOf: ((k: number) => string | null) | null = null;
    let run = '';
    if (anchor && p === anchor.p) {
      const anchorText = (splitSentences(p.chunk.text)[anchor.idx] ?? '').replace(/[ \t\u3000]+/g, '');
      const from = text.slice(Math.max(0, text.indexOf(anchorText)));
      // The anchor's own sentence (to 。) first: “三条原则，即“A；B；C”。”
      const sentence = from.slice(0, from.indexOf('。') + 1 || from.length);
      tries.push((k) => semicolonItem(sentence, k));
      runOf = (k) => commaListItem(sentence, k);
      run = commaListRun(sentence);
      tries.push(runOf);
      tries.push((k) => enumerationItem(from, k));
    }
    tries.push((k) => enumerationItem(text, k));
    for (const t of tries) {
      const item = t(ordinal);
      if (!item) continue;
      // The whole list as this reading finds it (item 1, 2, … while there is one), for “第N条呢” next.
      const all: string[] = [];
      for (let k = 1; k <= MAX_ITEMS; k++) {
        const x = k === ordinal ? item : t(k);
        if (!x) break;
        all.push(x);
      }
      const whole = all.length >= ordinal && all[ordinal - 1] === item;
      const lead = isItem(item) ? '' : `第${cnNumeral(ordinal)}${unit}：`;
      const context = t === runOf && charLength(run) <= RUN_CONTEXT_MAX ? `原文：“${run.replace(/[。]$/u, '')}”。` : '';
      return {
        text: `${whole ? countLead(query, all.length, unit) : ''}${lead}${endSentence(clip(item, 200))}${context}[${p.n}]`,
        used: [{ n: p.n, quote: clip(item, QUOTE_MAX) }],
        ...(whole ? pickedList(all, unit) : {}),
        chunkId: p.chunk.id,
      };
    }
  }
  return null;
}

/**
 * A question asking how many items a list has as well as item N (“重点工作分几个方面，第三个是啥”): the lead-in right
 * before the list (“…重点做好以下五个方面工作：”) when it states the list's count — without its colon; else null.
 */
function countingLeadIn(query: string, view: DocView, list: AssembledList): string | null {
  const first = list.starts[0];
  if (first === undefined || first < 1) return null;
  const base = query.replace(new RegExp(ORDINAL_RE.source, 'gu'), ' ');
  if (!countedTargets(base, (t) => defaultTokenizer().segment(t)).some((t) => t.asksCount)) return null;
  const lead = view.sentences[first - 1]!.text.trim();
  if (!/[：:]$/u.test(lead) || itemMarker(lead)) return null;
  const n = list.items.length;
  if (!new RegExp(`(?:${cnNumeral(n)}|${n})(?:个|项|条|点|大|方面|部分|类|种|块)`, 'u').test(lead)) return null;
  return lead.replace(/[：:]$/u, '');
}

/** How many of the top passages are looked through for a heading the question names. */
const HEADING_PASSAGES = 3;

/**
 * The list under a bare marked heading (“三、推进举措”) of the top passages' documents whose every content word the
 * question has (“三服务通知的推进举措第二条是啥”), when it has at least `ordinal` items; the first such, or null.
 */
function namedHeadingList(
  base: string,
  passages: Passage[],
  views: DocumentViews,
  ordinal: number,
  tokenizer?: TermTokenizer,
): { view: DocView; list: AssembledList } | null {
  for (const p of passages.slice(0, HEADING_PASSAGES)) {
    const view = views.view(p.chunk.docId, [p.chunk]);
    for (let i = 0; i < view.sentences.length; i++) {
      const s = view.sentences[i]!;
      if (s.chunkId !== p.chunk.id || !itemMarker(s.text) || !isBareHeading(view, i)) continue;
      if (charLength(s.text.replace(ITEM_MARKER_PREFIX, '').replace(/[。：:]$/u, '')) < 2) continue;
      if (headingCoverage(base, s.text, tokenizer) < 1) continue;
      const list = sectionScope(view, i)
        .slice(0, 3)
        .map((j) => listAround(view, j))
        .find((l) => l !== null && l.starts[0]! > i && l.items.length >= ordinal);
      if (list) return { view, list };
    }
  }
  return null;
}

/** Longest run of 、 shown as the context of an item taken from it, characters. */
const RUN_CONTEXT_MAX = 120;

/** Longest answer made of a sentence and the definitions of its name's parts, characters. */
const PARTS_MAX = 400;

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * Which part labels a question asks about: any, when it asks what each part is (分别/各/每个); else the
 * parts of a name it uses — a character of a number or code in it (网格365 → 3, 6, 5; 三六五 read as 365)
 * or of a quoted name.
 */
export function partLabelAsked(query: string): (label: string) => boolean {
  if (PARTS_CUE.test(query)) return () => true;
  const form = matchForm(query).replace(/[〇零一二三四五六七八九]{2,}/gu, (run) =>
    [...run].map((c) => CN_DIGIT[c] ?? c).join(''),
  );
  const names = [
    ...(form.match(/[0-9A-Za-z+＋]{2,}/gu) ?? []),
    ...[...query.matchAll(/[“"]([^”"]{2,8})[”"]/gu)].map((m) => matchForm(m[1]!)),
  ];
  return (label) => {
    const l = matchForm(label);
    return names.some((x) => x !== l && x.includes(l));
  };
}

/** Anchors tried for a list of the count a question states, and the least share of the best score. */
const ANCHORS = 4;
const ANCHOR_SHARE = 0.6;

/** Most items read off a list for item-N follow-ups. */
const MAX_ITEMS = 30;

/**
 * “一共几条？第四条是啥”: the count, before item N, when the question asks for it in the list's measure
 * (or in none); '' otherwise.
 */
export function countLead(query: string, count: number, unit: string): string {
  const asks = countedTargets(query, (t) => defaultTokenizer().segment(t)).some(
    (t) => t.asksCount && t.noun === null && (t.measure === null || t.measure === unit),
  );
  // A count the question states itself (“五个一批”) that this list does not have: not that list's count.
  const stated = expectedCount(query.replace(new RegExp(ORDINAL_RE.source, 'gu'), ' '));
  if (stated !== null && stated !== count) return '';
  return asks || /(?:一共|总共|共)(?:有)?(?:几|多少)/u.test(query) ? `共${countWord(count, unit)}；` : '';
}

/**
 * The list item N was taken from, remembered for “第六条呢” next — marked inline: the user saw one item,
 * so “还有吗” is not told the list was complete.
 */
function pickedList(items: string[], unit: string): Pick<ExtractiveAnswer, 'items' | 'unit' | 'inline'> {
  return items.length >= 2 ? { items: items.slice(0, MAX_ITEMS), unit, inline: true } : {};
}

/** A heading: an item marker with a short title, or a heading sentence of a section (“（一）聚焦…，突出抓好政治建设。”). */
function isBareHeadingOrTitle(view: DocView, i: number): boolean {
  const m = itemMarker(view.sentences[i]!.text);
  return isBareHeading(view, i) || (m !== null && ['paren-cn', 'cn-dun', 'arabic', 'di'].includes(m.style));
}

/** A sentence the view split at “；” whose whole (to its full stop) is a list of two or more items. */
function splitList(view: DocView | null, vi: number, full: string): boolean {
  if (!view || vi < 0 || !/[；;]$/u.test(full)) return false;
  const whole = toPeriod(view, vi);
  return whole.length > full.length && (inlineItems(whole)?.length ?? 0) >= 2;
}

/** Does the sentence's first clause name the noun? */
function firstClauseHas(sentence: string, noun: string): boolean {
  return (sentence.split(/[，,：:；;。！？]/u)[0] ?? '').includes(noun);
}

/** Sentence i and those after it up to a full stop (at most six): one sentence the view split at “；”. */
function toPeriod(view: DocView, i: number): string {
  let text = '';
  for (let j = i; j < view.sentences.length && j < i + 6; j++) {
    text += view.sentences[j]!.text;
    if (!/[；;，,]$/u.test(view.sentences[j]!.text)) break;
  }
  return text;
}

/** The sentences of an item after its first one, up to the next item marker (at most 8). */
function itemBody(view: DocView, i: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < view.sentences.length && out.length < 8; j++) {
    const t = view.sentences[j]!.text;
    if (itemMarker(t)) break;
    out.push(t);
  }
  return out;
}

/**
 * A marked list of exactly `want` items that starts within the first few sentences under sentence i
 * (its section when it is a heading, else its paragraph): the list a count question asks for when
 * the heading's own list does not fit the count.
 */
function nestedList(view: DocView, i: number, want: number): AssembledList | null {
  const scope = sectionScope(view, i);
  const within = scope.length
    ? scope
    : view.sentences.map((_, j) => j).filter((j) => j > i && view.sentences[j]!.para === view.sentences[i]!.para);
  for (const j of within.slice(0, 4)) {
    const m = itemMarker(view.sentences[j]!.text);
    if (m?.n !== 1) continue;
    const list = listAround(view, j);
    if (list && list.starts[0] === j && list.items.length === want) return list;
  }
  return null;
}

/**
 * The unmarked sentences right after a sentence stating a count (“以绘好人才“三张图”为基础…。绘好“需求图”…。
 * 绘好“方位图”…。绘好“路径图”…。”): exactly `count` parallel sentences naming the noun counted — or, failing a noun
 * in them, sharing their opening.
 */
export function countedRun(view: DocView, i: number, count: number, targets: CountedTarget[]): AssembledList | null {
  const next = i + 1;
  if (next >= view.sentences.length || view.sentences[next]!.para !== view.sentences[i]!.para) return null;
  const nouns = [...new Set(targets.filter((t) => t.asksCount && t.noun).map((t) => t.noun!)), null];
  for (const noun of nouns) {
    const run = parallelRun(view, next, noun);
    if (run && run.starts[0] === next && run.items.length === count) return run;
  }
  return null;
}

/**
 * An inline list one item short of the count asked, its last item joined by 和/及/与 (“…决策科学化和保障
 * 实效化”): the last item split there.
 */
function splitLastItem(items: string[] | null, want: number | null): string[] | null {
  if (!items || want === null || items.length !== want - 1) return items;
  const last = items[items.length - 1]!;
  const m = /^(\p{Script=Han}{2,}?)(?:和|及|与|以及)(\p{Script=Han}{2,})$/u.exec(last);
  return m ? [...items.slice(0, -1), m[1]!, m[2]!] : items;
}

/** Does the sentence state the count the question names after 哪 (哪三篇文章 → “三篇文章”, at least “三篇”)? */
/** Items that all open with the same character (抓思想观念、抓工作作风、抓执行能力). */
function openAlike(items: string[]): boolean {
  const first = items[0]?.[0];
  return (
    items.length >= 3 && first !== undefined && /\p{Script=Han}/u.test(first) && items.every((x) => x[0] === first)
  );
}

function statesAsked(query: string, sentence: string): boolean {
  const named = /哪([两二三四五六七八九十]{1,2}\p{Script=Han}{1,4})/u.exec(query)?.[1];
  if (!named) return false;
  const chars = [...named];
  for (let n = chars.length; n >= 2; n--) if (sentence.includes(chars.slice(0, n).join(''))) return true;
  return false;
}

/** The count a sentence states in a measure the question asks the count of (“三个部分” for 分几部分), or null. */
function statedCount(sentence: string, targets: CountedTarget[]): number | null {
  for (const t of targets) {
    if (!t.asksCount) continue;
    const m = countPhraseRe(t)?.exec(sentence);
    const numeral = m ? /[一二两三四五六七八九十\d]+/u.exec(m[0])?.[0] : undefined;
    const v = numeral ? numeralValue(numeral) : null;
    if (v !== null) return v;
  }
  return null;
}

/** “共三条” / “共两个” / “共三个方面”. */
export function countWord(n: number, unit: string): string {
  const num = n === 2 ? '两' : cnNumeral(n);
  return /^(?:方面|部分|环节|方向)$/u.test(unit) ? `${num}个${unit}` : `${num}${unit}`;
}

/** Longest answer sentence kept whole; a longer one is shown as its best window (rare). */
const WHOLE_SENTENCE = 400;
/** Quotes: the supporting sentence, whole up to this length. */
const QUOTE_WHOLE = 200;

function quoteOf(sentence: string, terms: QueryTerms): string {
  return charLength(sentence) <= QUOTE_WHOLE ? sentence : bestWindow(sentence, terms, QUOTE_WHOLE);
}

/**
 * A list as text: the lead-in (when there is one) and the items, with their count — unless the lead-in
 * states it already (“主要有四条：”).
 */
function listText(leadIn: string | null, items: string[], unit: string): string {
  const count = countWord(items.length, unit);
  const lead = leadIn ? leadIn.replace(/[：:。；;，,]$/u, '') : '';
  const states =
    lead !== '' &&
    new RegExp(`[${cnNumeral(items.length)}${items.length === 2 ? '两' : ''}${items.length}][个大项条点]`, 'u').test(
      lead,
    );
  if (states) return `${lead}：${joinItems(items)}`;
  return `${lead ? `${lead}，` : ''}共${count}：${joinItems(items)}`;
}

/** “；”/“，”/“：” at the end of the last item → “。”; items joined without doubling punctuation. */
function joinItems(items: string[]): string {
  return items
    .map((t, i) => {
      const body = t.replace(/[。；;，,、]+$/u, '');
      return i === items.length - 1 ? `${body}。` : `${body}；`;
    })
    .join('');
}

function viewFor(docId: string, pool: Passage[], views?: DocumentViews): DocView {
  const chunks = pool.map((p) => p.chunk);
  return views
    ? views.view(docId, chunks)
    : buildDocView(
        docId,
        chunks.filter((c) => c.docId === docId),
      );
}

/** A line of a roster: a name with its post (“童某（某部副科长）”) — short, no sentence end, no label. */
export function rosterEntry(text: string): boolean {
  return charLength(text) <= 40 && !/[。！？!?；;，,]$/u.test(text) && !/[：:]/u.test(text) && !itemMarker(text);
}

/** The text of sentences `next` of a view, a roster's entries (one a line) read as a list: “童某（…）、杨某（…）”. */
function runText(view: DocView, next: number[]): string {
  return next
    .map((i, k) => {
      const t = view.sentences[i]!.text;
      return k > 0 && rosterEntry(t) && rosterEntry(view.sentences[next[k - 1]!]!.text) ? `、${t}` : t;
    })
    .join('');
}

/**
 * Sentences after a lead-in ending in “：” (same paragraph), up to `max` characters. A label standing as a
 * paragraph of its own (“课题组长：” above the name) takes the next paragraph: what it introduces.
 */
function continuation(view: DocView, a: number, max: number): number[] {
  const out: number[] = [];
  let len = 0;
  let para = view.sentences[a]!.para;
  const label = /[：:]$/u.test(view.sentences[a]!.text);
  // A whole sentence (“2月14日，省委书记车俊批示并肯定。”) takes what follows in its paragraph, not a lead-in to
  // something else (“我们的主要做法是：”) nor the items of a list after it.
  const whole = /[。！？!?]$/u.test(view.sentences[a]!.text);
  for (let i = a + 1; i < view.sentences.length; i++) {
    const s = view.sentences[i]!;
    if (whole && (s.para !== para || /[：:]$/u.test(s.text))) break;
    if (s.para !== para && !itemMarker(s.text)) {
      // (A roster's label takes all its entries: “课题组成员：” above a name line each.)
      const roster = label && rosterEntry(s.text) && out.every((j) => rosterEntry(view.sentences[j]!.text));
      if (!(label && out.length === 0) && !roster) break;
      para = s.para;
    }
    len += charLength(s.text);
    if (len > max && out.length > 0) break;
    out.push(i);
    if (/[。！？]$/u.test(s.text) && out.length >= 1 && !/[：:]$/u.test(view.sentences[a]!.text)) break;
  }
  return out;
}

/** Sentences after the best one (same paragraph) read for the figure a number question asks. */
const FIGURE_REACH = 3;

/**
 * The sentence right after `a` in its paragraph (at most FIGURE_REACH on) that gives the number a question
 * asks when `text` gives none — of several, the one sharing most of the question's informative
 * characters (“一共多少人报名” → “共有140余人…应报总人数”), else the first. Null when the question asks no
 * number, the text has one, or none follows.
 */
export function followingFigure(view: DocView, a: number, text: string, question: string): number | null {
  if (!askedKinds(question).includes('number') || holdsKind('number', text, question)) return null;
  const chars = questionChars(question);
  let best: number | null = null;
  let most = -1;
  for (let i = a + 1; i < view.sentences.length && i <= a + FIGURE_REACH; i++) {
    const s = view.sentences[i]!;
    if (s.para !== view.sentences[a]!.para || itemMarker(s.text)) break;
    if (!holdsKind('number', s.text, question)) continue;
    const share = charShare(chars, matchForm(s.text));
    if (share > most) {
      most = share;
      best = i;
    }
  }
  return best;
}

/** Lowest score (share of the best sentence's) of a sentence that gives the figure the best one lacks. */
const FIGURE_SHARE = 0.4;

/**
 * “自愿退出那一批，年龄卡在多少岁”: a figure asked in a unit (岁, 元, 亩, 比例, 多久) that the best sentence does
 * not give — nor a sentence right after it — is given by the best sentence of its document that states it, when it
 * scores close enough (“男满55岁、女满50岁的，…”): that sentence is put first. (The candidates are reordered in place.)
 */
function promoteFigure(cands: Candidate[], question: string, view: DocView): void {
  const best = cands[0]!;
  if (!askedKinds(question).includes('number')) return;
  // (A count in a measure word — 几个按, 几家 — may be answered by the items counted: only a unit is looked for.)
  if (!NUMBER_UNIT_CUES.some((u) => u.cue.test(question))) return;
  if (holdsKind('number', best.full, question)) return;
  const a = locate(view, best.full, best.p.chunk.id);
  if (a >= 0 && followingFigure(view, a, best.full, question) !== null) return;
  // (…or a sentence the figure follows in its paragraph: “一是明确因年龄…退出一批。男满55岁…”.)
  const gives = (c: Candidate) => {
    if (holdsKind('number', c.full, question)) return true;
    const ci = locate(view, c.full, c.p.chunk.id);
    return ci >= 0 && followingFigure(view, ci, c.full, question) !== null;
  };
  const at = cands.findIndex(
    (c) => c.p.chunk.docId === best.p.chunk.docId && c.score >= best.score * FIGURE_SHARE && gives(c),
  );
  if (at > 0) cands.unshift(...cands.splice(at, 1));
}

/** A clause that asks for something (yes/no particles aside: they ask about the clause before). */
const PART_ASK = /什么|啥|哪|多少|几|怎么|怎样|如何|咋|谁/u;
/** Lowest score (share of the best sentence's) of a sentence taken for another part of the question. */
const PART_MIN = 0.3;
/** Longest answer made of the parts' sentences, characters. */
const PARTS_ANSWER_MAX = 400;

/**
 * The parts of a question that asks two things or more (“真抓才能干啥 实干才能干啥”, “团队几个、高层次人才几名”):
 * for each asking clause, the content words and bigrams only it has (not a document's description). [] for one ask.
 */
function askingParts(query: string, terms: QueryTerms): string[][] {
  const asking = query
    .split(/[，,。；;！!？?、\s]+/u)
    .map((c) => c.trim())
    .filter((c) => c && PART_ASK.test(c));
  if (asking.length < 2) return [];
  const forms = asking.map((c) => matchForm(c));
  // (Bigrams too: “真抓” is no word of the tokenizer's.)
  const vocabulary = [...terms.words, ...terms.bigrams];
  return forms.map((f, i) =>
    vocabulary.filter(
      (w) => !DOC_DESCRIPTION_WORDS.has(w) && f.includes(w) && !forms.some((g, j) => j !== i && g.includes(w)),
    ),
  );
}

/** How far (characters) before the first item the verb that introduces a run may stand. */
const FRAME_BEFORE = 4;

/**
 * Is a 、-run of the sentence introduced by the verb the question asks with — the word right before its
 * 哪/什么/啥 (“涵盖哪几块” → “建立涵盖A、B、C、D等…”; “包括哪些” → “包括A、B、C”)?
 */
function framedByQuestion(sentence: string, items: string[], query: string, tokenizer: TermTokenizer): boolean {
  const start = sentence.indexOf(items[0]!);
  if (start < 0) return false;
  const verb = askingVerb(query, tokenizer);
  if (!verb) return false;
  return sentence.slice(Math.max(0, start - FRAME_BEFORE), start + verb.length).includes(verb);
}

/** The word (two Han characters or more) right before a question's 哪/什么/啥: what it asks is done (“能享受啥” → 享受). */
export function askingVerb(query: string, tokenizer: Pick<TermTokenizer, 'segment'>): string | null {
  const tokens = tokenizer.segment(query.replace(/\s+/gu, ''));
  const at = tokens.findIndex((t) => /^(?:哪|什么|啥)/u.test(t));
  const verb = at > 0 ? tokens[at - 1]! : '';
  return [...verb].length >= 2 && /^\p{Script=Han}+$/u.test(verb) ? verb : null;
}

/**
 * The sentence right after `a` (same paragraph) that does what the question asks when `text` does not: “医疗绿卡能享受啥”
 * is answered by “…发放了医疗绿卡。持卡人可以…享受免挂号、定制套餐体检…” — the best sentence names the topic, the
 * next one says what it gives. Null when the text has the verb, or the next sentence does not.
 */
export function followingPredicate(
  view: DocView,
  a: number,
  text: string,
  question: string,
  tokenizer: Pick<TermTokenizer, 'segment'>,
): number | null {
  const verb = askingVerb(question, tokenizer);
  if (!verb || matchForm(text).includes(verb)) return null;
  const next = view.sentences[a + 1];
  if (!next || next.para !== view.sentences[a]!.para || itemMarker(next.text) || /[：:]$/u.test(next.text)) return null;
  return matchForm(next.text).includes(verb) ? a + 1 : null;
}

/** Do the items of an inline list share a noun the question counts (哪三个性 → 政治性、时代性、规律性)? */
function sharesTargetNoun(items: string[] | null, targets: CountedTarget[]): boolean {
  if (!items) return false;
  return targets.some(
    (t) =>
      t.noun !== null &&
      (clausesSharing(items.join('、'), t.noun) >= 2 ||
        // (哪几个干 → 想干事、能干事、干成事: most items hold it)
        items.filter((x) => x.includes(t.noun!)).length >= Math.max(2, Math.ceil(items.length * 0.6))),
  );
}

/** A count of a noun the question counts, as a heading writes it (“三张图”): its value, measure and noun. */
function namedCount(
  head: string,
  query: string,
  segmenter: Pick<TermTokenizer, 'segment'>,
): { count: number; measure: string; noun: string } | null {
  for (const t of countedTargets(query, (x) => segmenter.segment(x))) {
    if (!t.measure || !t.noun) continue;
    const m = new RegExp(`([一二两三四五六七八九十]{1,2}|\\d{1,2})${t.measure}[“"]?${t.noun}`, 'u').exec(head);
    const count = m ? numeralValue(m[1]!) : null;
    if (count && (t.count === null || t.count === count)) return { count, measure: t.measure, noun: t.noun };
  }
  return null;
}

/** Share of a heading's own content words that the question uses. */
function headingCoverage(query: string, heading: string, tokenizer?: TermTokenizer): number {
  const own = queryTerms(heading.replace(ITEM_MARKER_PREFIX, ''), tokenizer).words;
  if (own.length === 0) return 0;
  const q = matchForm(query);
  return own.filter((w) => q.includes(w)).length / own.length;
}

const ITEM_MARKER_PREFIX =
  /^[“"‘【\s]*(?:[一二两三四五六七八九十]{1,3}是|[（(][一二两三四五六七八九十\d]{1,3}[)）]|第[一二两三四五六七八九十]{1,3}[，,、是：:]|其[一二两三四五六七八九十]{1,3}[，,、是：:]|[①-⑳]|\d{1,2}[、．.]|[一二两三四五六七八九十]{1,3}[、．.])/u;

/**
 * The lead-in of a list found from sentence i: the sentence itself when it ends in “：” before the
 * items, or its part before “：” when it holds item 1 (“主要有四条：一是…”).
 */
function leadInOf(view: DocView, i: number, firstItem: number): string | null {
  const t = view.sentences[i]!.text;
  if (firstItem > i) return /[：:]$/u.test(t) ? t : null;
  if (firstItem === i && !itemMarker(t)) {
    const colon = Math.max(t.lastIndexOf('：'), t.lastIndexOf(':'));
    return colon > 0 ? t.slice(0, colon + 1) : null;
  }
  return null;
}

/** Fewest items of a list inside the answering sentence kept for item N when no list was asked. */
const MIN_INLINE_ITEMS = 3;

/** Least share of its sentence a one-sentence list takes to be the answer by itself. */
const INLINE_SHARE = 0.35;
/** Least share of its sentence a run of 、 must fill to be a list item N can be taken from (四联 at 0.35; 4大类企业 in a long sentence at 0.12). */
const ITEM_LIST_SHARE = 0.25;

/** Longest text taken from under a heading. */
const BODY_MAX = 300;

/**
 * What stands under the heading at `a`, when the question is about that heading (it uses most of the
 * heading's words, or names a count the heading holds: “三张图”): the heading, then the sentences of
 * its section that answer best (in document order), or the list its section holds.
 */
function headingBody(
  query: string,
  terms: QueryTerms,
  view: DocView,
  a: number,
  best: Candidate,
  opts: ExtractiveOptions,
): { text: string; quote: string; items?: string[] } | null {
  const head = view.sentences[a]!.text;
  if (/[：:]$/u.test(head)) return null;
  const kind = kindOf(query, opts.focus !== undefined);
  const segmenter = opts.tokenizer ?? defaultTokenizer();
  // An item that names a count of the noun asked about (“三是以绘好人才“三张图”为基础…” for 三张图是啥 or
  // 哪几张图): its sentences are the list.
  const named = itemMarker(head) !== null && !/[：:]/u.test(head) ? namedCount(head, query, segmenter) : null;
  const bare = isBareHeading(view, a);
  // (A heading naming the term the question asks about — “8、持续推进组织工作“清优提转”。” for “清优提转”是要干嘛 —
  // heads its explanation, however few of the question's other words it has.)
  const term = askedTerm(query);
  const namesTerm = term !== null && itemMarker(head) !== null && matchForm(head).includes(term);
  if (!named && !(bare && (namesTerm || headingCoverage(query, head, opts.tokenizer) >= 0.5))) return null;
  const scope = sectionScope(view, a);
  if (scope.length === 0) return null;
  const lead = endSentence(head.replace(/[，,；;]$/u, ''));
  if (kind.list && named) {
    const run = parallelRun(view, a + 1, named.noun);
    const inner = run && run.starts[0] === a + 1 ? run.items : itemBody(view, a);
    // “共三张图：” — the count in the question's own words.
    if (inner.length === named.count)
      return {
        text: `${lead}共${countWord(named.count, named.measure)}${named.noun}：${joinItems(inner)}`,
        quote: head,
        items: inner,
      };
  }
  // A list questions finds under the heading (“4、…根本原则。主要有四条：一是…二是…”).
  if (kind.list) {
    for (const i of scope.slice(0, 3)) {
      const list = listAround(view, i);
      if (!list || list.starts[0]! < i) continue;
      const leadIn = leadInOf(view, i, list.starts[0]!);
      return {
        text: `${lead}${listText(leadIn, list.items, listUnit(query))}`,
        quote: leadIn ? `${head}${leadIn}` : head,
        items: list.items,
      };
    }
  }
  // The section's sentences ranked as candidates of their own.
  const text = scope.map((i) => view.sentences[i]!.text).join('\n');
  const pseudo: Passage = { n: best.p.n, score: best.p.score, chunk: { ...best.p.chunk, text } };
  // The heading answered the topic: the words it already has do not choose the sentence under it.
  const headForm = matchForm(head);
  const rest = terms.words.filter((w) => !headForm.includes(w));
  const bodyTerms: QueryTerms = rest.length
    ? { ...terms, words: rest, phrases: terms.phrases.filter((p) => !headForm.includes(p.text)) }
    : terms;
  const ranked = candidates(query, bodyTerms, [pseudo], WHOLE_SENTENCE, {
    ...(opts.views ? { views: opts.views } : {}),
    ...(opts.tokenizer ? { tokenizer: opts.tokenizer } : {}),
  });
  const pick: number[] = [];
  const top = ranked[0];
  if (top) {
    const ti = scope[top.idx];
    if (ti !== undefined) pick.push(ti);
    const second = ranked.find((c, k) => k > 0 && c.score >= top.score * 0.8 && scope[c.idx] !== ti);
    const si = second ? scope[second.idx] : undefined;
    if (
      si !== undefined &&
      charLength(view.sentences[ti ?? a]!.text) + charLength(view.sentences[si]!.text) <= BODY_MAX
    )
      pick.push(si);
  } else pick.push(scope[0]!);
  pick.sort((x, y) => x - y);
  const chosen = pick.map((i) => view.sentences[i]!.text);
  const inline = kind.list && chosen.length === 1 ? inlineItems(chosen[0]!) : null;
  return {
    text: `${lead}${chosen.map((c) => endSentence(c)).join('')}`,
    quote: chosen[0]!,
    ...(inline && inline.length >= 3 ? { items: inline } : {}),
  };
}

/**
 * Share of the kinds of thing a question asks (a date, a place of the kind asked: 哪个村) that a sentence
 * gives; null when it asks none of them (a number is one fact and answered alone; a list or a plain question
 * asks no kind; who is not one: any unit's name in a sentence holds it, and a roster's label “成员：” after
 * the sentence naming the units is the answer).
 */
export function askedShare(question: string, sentence: string): number | null {
  const kinds = askedKinds(question).filter((k) => k === 'date');
  const place = askedPlaceHeads(question);
  const total = kinds.length + (place ? 1 : 0);
  if (total === 0) return null;
  let held = kinds.filter((k) => holdsKind(k, sentence, question)).length;
  if (place && namesPlace(sentence, place.heads, question)) held++;
  return held / total;
}

export function extractiveAnswer(
  query: string,
  passages: Passage[],
  opts: ExtractiveOptions = {},
): ExtractiveAnswer | null {
  const pool = passages.slice(0, opts.passages ?? 6);
  if (pool.length === 0) return null;
  const terms = queryTerms(query, opts.tokenizer);
  const kind = kindOf(query, opts.focus !== undefined);
  const segmenter = opts.tokenizer ?? defaultTokenizer();
  const targets = countedTargets(query, (t) => segmenter.segment(t));

  if (kind.ordinal !== null) {
    const hit = ordinalAnswer(query, pool, kind.ordinal, kind.ordinalUnit, opts.tokenizer, opts.views, {
      ...(opts.avoid ? { avoid: opts.avoid } : {}),
      ...(opts.focus ? { focus: withoutOrdinal(opts.focus) } : {}),
    });
    if (hit) return hit;
  }

  if (opts.focus) {
    const f = matchForm(opts.focus);
    const focus = terms.words.filter((w) => f.includes(w));
    if (focus.length) terms.focus = focus;
  }
  const cands = candidates(query, terms, pool, WHOLE_SENTENCE, {
    ...(opts.avoid ? { avoid: opts.avoid } : {}),
    ...(opts.exclude ? { exclude: true } : {}),
    ...(opts.focus ? { focus: opts.focus } : {}),
    ...(opts.preferDoc ? { preferDoc: opts.preferDoc } : {}),
    ...(opts.near ? { near: opts.near } : {}),
    ...(opts.views ? { views: opts.views } : {}),
    ...(opts.tokenizer ? { tokenizer: opts.tokenizer } : {}),
  });
  if (cands.length > 1) promoteFigure(cands, opts.focus ?? query, viewFor(cands[0]!.p.chunk.docId, pool, opts.views));
  const best = cands[0];
  if (!best) return null;

  // The answer comes from one document: the best sentence's.
  const docId = best.p.chunk.docId;
  const view = viewFor(docId, pool, opts.views);
  const at = (c: Candidate) => locate(view, c.full, c.p.chunk.id);
  const a = at(best);
  const sameDoc = cands.filter((c) => c.p.chunk.docId === docId);
  const parts: string[] = [];
  const used: ExtractiveAnswer['used'] = [];
  const n = best.p.n;
  let items: string[] | undefined;
  let unit: string | undefined;
  let inlineOnly = false;

  // The best sentence is a bare heading the question is about (“5、从严管理体系。”, “三是要实施清廉学校建设
  //工程。”): the answer is what stands under it, not the heading, nor the sibling headings.
  // …or the best sentence stands under such a heading (“另外，在附则中…” under “（七）附则。”).
  // (Not when the sentence is itself a list: “要建立日常考核、分类考核、近距离考核的…体系”.)
  const underHead =
    a >= 0 && !isBareHeading(view, a) && !isEnumeration(best.full) ? sectionHeads(view, a)[0] : undefined;
  // “知行合一分别指啥”: the definitions of the name's parts right after the best sentence come before the
  // section it stands in.
  const extra: Passage[] = [];
  const partRun = a >= 0 ? partDefinitions(view, a, partLabelAsked(query)) : [];
  // “那个合是啥”: the term's definition further on in its section, when the best sentence only names it.
  const definedTerm = askedTerm(opts.focus ?? query);
  const defAt = a >= 0 && definedTerm ? definitionAfter(view, a, definedTerm) : -1;
  if (defAt >= 0) {
    const def = view.sentences[defAt]!;
    // (Cited from its own chunk — as a passage of its own when retrieval left it out, so the LLM reads it too.)
    const holder = pool.find((p) => p.chunk.id === def.chunkId);
    const own = holder ? undefined : opts.views?.chunk(view.docId, def.chunkId);
    const dn = holder?.n ?? (own ? Math.max(...passages.map((p) => p.n)) + 1 : n);
    if (own) extra.push({ n: dn, chunk: own, score: 0 });
    // (A bare definition — ““合”指的是市场融合。” — with the sentence that says what it means, in its paragraph.)
    const more = view.sentences[defAt + 1];
    const tail = charLength(def.text) < 20 && more && more.para === def.para && !itemMarker(more.text) ? more.text : '';
    parts.push(`${endSentence(def.text)}${tail ? endSentence(tail) : ''}[${dn}]`);
    used.push({ n: dn, quote: quoteOf(def.text, terms) });
  }
  const body =
    a >= 0 && partRun.length === 0 && defAt < 0
      ? (headingBody(query, terms, view, a, best, opts) ??
        (underHead !== undefined && isBareHeading(view, underHead)
          ? headingBody(query, terms, view, underHead, best, opts)
          : null))
      : null;
  if (body) {
    parts.push(`${body.text}[${n}]`);
    used.push({ n, quote: quoteOf(body.quote, terms) });
    if (body.items) {
      items = body.items;
      unit = listUnit(query);
    }
  }

  // “365分别是指啥”: the sentence, then the definitions of the name's parts that follow it (“3，是指…；
  // 6，是指…；5，是指…”).
  if (parts.length === 0 && a >= 0) {
    const run = partRun;
    if (run.length) {
      const first = view.sentences[a]!.text;
      // (With what stands between the sentence and the run: “所谓“网格365”，就是指…”.)
      const between = view.sentences.slice(a + 1, run[0]).map((x) => x.text);
      const text = [first, ...between, ...run.map((i) => view.sentences[i]!.text)].join('');
      if (charLength(text) <= PARTS_MAX) {
        parts.push(`${endSentence(text)}[${n}]`);
        used.push({ n, quote: quoteOf(first, terms) });
        // The parts, for “那6呢” / “第二个” next.
        items = run.filter((i) => partLabel(view.sentences[i]!.text) !== null).map((i) => view.sentences[i]!.text);
        unit = '个';
      }
    }
  }

  // The list asked for is a run of 、 in the best sentence (“着力解决好“A、B、C、D”四方面问题”): its items.
  let inlineList: string[] | null = null;
  if (parts.length === 0 && kind.list && a >= 0) {
    const want = expectedCount(query);
    // (The whole sentence: the view splits “…三条原则，即“A；B；C”。” at each “；”.)
    // (A sentence with several runs — “抓A、抓B、抓C”，…“比D、比E、比F、比G” — gives the run of the count asked.)
    const longest = splitLastItem(inlineItems(toPeriod(view, a)), want);
    const anchorInline =
      want !== null && longest !== null && longest.length !== want
        ? (commaRuns(toPeriod(view, a)).find((r) => r.length === want) ?? longest)
        : longest;
    // The sentence itself lists the items (“日常考核、分类考核、近距离考核”): it is the answer, unless
    // the question says how many and the count does not fit.
    // A lead-in followed by a marked list (“…具有十分重要的意义。（一）…（二）…”) announces that list, even
    // when it happens to hold a run of 、 (“路线方针原则、主要内容、基本要求”).
    const whole = toPeriod(view, a);
    // A run the question's own words frame (“涵盖哪几块” → “建立涵盖A、B、C、D等“1+N”制度体系”) is the list asked
    // for, however long the sentence around it and whatever list follows it.
    const framed = anchorInline !== null && framedByQuestion(whole, anchorInline, query, segmenter);
    const following = listAround(view, a);
    const announces =
      following !== null && following.starts[0]! > a && !sharesTargetNoun(anchorInline, targets) && !framed;
    // A run of 、 in passing (“突出德才兼备、以德为先、任人唯贤…” in a long sentence) is not the list asked
    // for: the sentence must be mostly its list, or its items share the noun counted.
    // (…or its items open alike — “抓A、抓B、抓C” —, a list named as one.)
    const mostlyList =
      anchorInline !== null &&
      (sharesTargetNoun(anchorInline, targets) ||
        framed ||
        openAlike(anchorInline) ||
        charLength(anchorInline.join('')) >= INLINE_SHARE * charLength(whole));
    // The sentence names the count the question asks about right with its items (“抓实A、B、C“三篇文章””).
    const namesCount =
      anchorInline !== null && want !== null && anchorInline.length === want && statesAsked(query, whole);
    const inlineFits =
      anchorInline !== null &&
      anchorInline.length >= 3 &&
      ((mostlyList && !announces) || namesCount) &&
      !/[：:]$/u.test(view.sentences[a]!.text) &&
      (want === null || anchorInline.length === want);
    if (inlineFits) inlineList = anchorInline;
    if (!inlineFits) {
      // A list spread over sentences: from the best sentence, else from the next best of this document.
      // “定了几条原则” answered by “七条原则”: the count is the answer; a list only if it follows there.
      const countAnswered = targets.some((t) => t.asksCount && t.noun !== null && countPhraseRe(t)?.test(best.full));
      // “分几部分” / “分几步” answered by a sentence stating the count in that measure (“总体框架分为三个部分：第一部分
      // 为…”, “按“三步走”健全…”): that sentence — with the list after it only when the list has that many items; a
      // list of another count nearby (the document's seven sections) is not the one asked about.
      const counting = sameDoc
        .slice(0, countAnswered ? 1 : 3)
        .find((c) => c.score >= best.score * 0.6 && (statedCount(c.full, targets) ?? 0) >= 2);
      if (counting) {
        const stated = statedCount(counting.full, targets)!;
        const ci = at(counting);
        const following = ci >= 0 ? listAround(view, ci) : null;
        const list =
          following && following.starts[0]! > ci && following.items.length === stated
            ? following
            : ci >= 0
              ? (nestedList(view, ci, stated) ?? countedRun(view, ci, stated, targets))
              : null;
        const cn = counting.p.n;
        if (list) {
          unit = listUnit(query);
          items = list.items;
          parts.push(`${listText(counting.full, items, unit)}[${cn}]`);
        } else parts.push(`${endSentence(counting.full)}[${cn}]`);
        used.push({ n: cn, quote: quoteOf(counting.full, terms) });
      }
      for (const c of sameDoc.slice(0, counting ? 0 : countAnswered ? 1 : 3)) {
        if (c.score < best.score * 0.6) break;
        const ci = at(c);
        if (ci < 0) continue;
        let list = listAround(view, ci);
        const ps = paragraphStart(view, ci);
        // A sentence in the body of a marked item (“1.优化干部结构…。通过开展…”): the list of that item —
        // when its heading is what the question names (“三、预期效果” for 带来哪些效果).
        if (!list && ps < ci && itemMarker(view.sentences[ps]!.text)) {
          const outer = listAround(view, ps);
          const hi = outer ? outer.starts[0]! - 1 : -1;
          const head =
            hi >= 0 && (isHeadingLine(view, hi) || isBareHeading(view, hi)) ? matchForm(view.sentences[hi]!.text) : '';
          const own = matchForm(view.sentences[ci]!.text);
          if (
            outer &&
            head &&
            terms.words.some((w) => head.includes(w) && !own.includes(w) && !DOC_DESCRIPTION_WORDS.has(w))
          )
            list = outer;
        }
        // A lead-in naming its items by count (“实施“五个一批”服务载体”): the headings opening with that noun.
        if (!list)
          for (const t of targets) {
            const run =
              t.noun && t.count && view.sentences[ci]!.text.includes(t.noun)
                ? headedRun(view, ci, t.noun, t.count)
                : null;
            if (run) {
              list = run;
              break;
            }
          }
        // Unmarked parallel sentences naming the noun counted (“坚持底线思维…。坚持辩证思维…。”).
        const noun = targets.find((t) => t.noun !== null)?.noun ?? null;
        if (!list && noun && firstClauseHas(view.sentences[ci]!.text, noun)) {
          const run = parallelRun(view, ci, noun);
          if (run?.items.every((t) => firstClauseHas(t, noun)) && (want === null || run.items.length === want))
            list = run;
        }
        // …right after a sentence that names the noun in passing (“切实以系统化、创造性思维推进。坚持系统思维…。坚持
        // 底线思维…。”): that sentence leads in to them.
        let leadIn: string | null = null;
        if (
          !list &&
          noun &&
          !firstClauseHas(view.sentences[ci]!.text, noun) &&
          view.sentences[ci]!.text.includes(noun) &&
          ci + 1 < view.sentences.length &&
          view.sentences[ci + 1]!.para === view.sentences[ci]!.para &&
          firstClauseHas(view.sentences[ci + 1]!.text, noun)
        ) {
          const run = parallelRun(view, ci + 1, noun);
          if (
            run &&
            run.starts[0] === ci + 1 &&
            run.items.length >= 3 &&
            run.items.every((t) => firstClauseHas(t, noun)) &&
            (want === null || run.items.length === want)
          ) {
            list = run;
            leadIn = view.sentences[ci]!.text;
          }
        }
        // Paragraphs opening in parallel (“这个挑战源自“人才存量”。…” ×3): their openings are the items.
        // (From the paragraph's opening, or a sentence under a short one: not from deep in a paragraph.)
        if (!list && (ps === ci || charLength(view.sentences[ps]!.text) <= 16)) {
          const run = paragraphRun(view, ci);
          if (run && (want === null ? run.items.length >= 3 : run.items.length === want)) list = run;
        }
        let lead: string | null = leadIn;
        if (list && want !== null && list.items.length !== want) {
          // The count does not fit: the item's own sentences may be the list asked for (“三是绘好
          // 人才“三张图”…。绘好“需求图”…；绘好“供给图”…”).
          const inner = itemBody(view, ci);
          // …or the marked list its section holds (“（六）…。要…。①搭平台…②明责任…③强动力…”).
          const nested = nestedList(view, ci, want);
          if (inner.length === want) {
            list = { starts: [], items: inner, chunkIds: [view.sentences[ci]!.chunkId], end: ci + inner.length };
            lead = view.sentences[ci]!.text;
          } else if (nested) {
            list = nested;
            lead = view.sentences[ci]!.text;
          } else if (c !== best) continue;
          else list = null;
        }
        if (!list) continue;
        unit = listUnit(query);
        items = list.items;
        if (lead === null && list.starts.length) {
          const leadIdx = list.starts[0]! - 1;
          const prevText = leadIdx >= 0 ? view.sentences[leadIdx]!.text : '';
          lead = /[：:]$/u.test(prevText) && !itemMarker(prevText) ? prevText : null;
        }
        parts.push(`${listText(lead, items, unit)}[${n}]`);
        // The quote is a sentence of the list: the anchor when it is an item, else the first item.
        const quoted = list.starts.length && !list.starts.includes(ci) ? list.starts[0]! : ci;
        used.push({ n, quote: quoteOf(view.sentences[quoted]!.text, terms) });
        break;
      }
    }
  }

  if (parts.length === 0) {
    // The best sentence, whole; a lead-in (“…：”) or a bare heading takes what follows it.
    const whole = a >= 0 ? view.sentences[a]!.text : best.full;
    const sentence = charLength(whole) <= WHOLE_SENTENCE ? whole : best.raw;
    // A follow-up answered by the previous answer's own sentence: from the clause that answers it on,
    // never the same text again.
    const repeats = opts.avoid ? avoidedBy(opts.avoid, whole) : false;
    let text = repeats ? focusTail(sentence, terms, opts.focus ?? query) : sentence;
    let quoted = whole;
    if (a >= 0 && (/[：:；;]$/u.test(sentence) || charLength(sentence) < 24)) {
      const next = continuation(view, a, kind.list ? 300 : 200);
      text += runText(view, next);
      // A label (“课题组长：”) is no quote: the quote is the label with what it introduces.
      if (/[：:]$/u.test(sentence) && next.length) quoted = `${whole}${view.sentences[next[0]!]!.text}`;
    }
    // A number asked that the sentence does not give (“一共多少人报名”, answered by “退职干部…主动报名。”): the
    // figure is most often stated right after the sentence that names the topic, in its paragraph.
    const figure = a >= 0 && !repeats ? followingFigure(view, a, text, opts.focus ?? query) : null;
    if (figure !== null) text = `${endSentence(text)}${view.sentences[figure]!.text}`;
    // …and what the question asks is done (“能享受啥”), when the sentence names the topic only.
    const predicate =
      a >= 0 && !repeats && figure === null ? followingPredicate(view, a, text, opts.focus ?? query, segmenter) : null;
    if (predicate !== null) text = `${endSentence(text)}${view.sentences[predicate]!.text}`;
    // A second sentence of the same document when it scores close (not for numbers: one fact) — and not when
    // the answer already gives every kind of thing asked (a date, a place of the kind asked) and the
    // sentence gives none of them: it only shares the topic words (谢高华…生于…村, then “作为谢高华的老家人…”).
    const asking = opts.focus ?? query;
    const answered = askedShare(asking, text) === 1;
    const second = kind.number
      ? undefined
      : sameDoc.find(
          (c) =>
            c !== best &&
            c.score >= best.score * 0.8 &&
            !text.includes(c.full) &&
            !c.full.includes(sentence) &&
            !(answered && askedShare(asking, c.full) === 0),
        );
    let extra = '';
    if (second && charLength(text) + charLength(second.full) <= 300) {
      const si = at(second);
      extra = second.full;
      // A label (“课题负责人：”) brings what it introduces.
      if (si >= 0 && /[：:]$/u.test(extra)) extra += runText(view, continuation(view, si, 200));
      // Keep document order.
      if (si >= 0 && a >= 0 && si < a) {
        text = `${extra}${endSentence(text)}`;
        extra = '';
      }
    }
    // A question that asks two things (“真抓才能干啥 实干才能干啥”): a part whose own words the answer does not
    // have takes the sentence of this document that has the most of them.
    for (const own of askingParts(query, terms)) {
      const have = matchForm(`${text}${extra}`);
      if (own.length === 0 || own.some((w) => have.includes(w))) continue;
      let pick: Candidate | undefined;
      let hits = 0;
      for (const c of sameDoc) {
        if (c === best || c.score < best.score * PART_MIN) continue;
        const form = matchForm(c.full);
        const h = own.filter((w) => form.includes(w)).length;
        if (h > hits) {
          pick = c;
          hits = h;
        }
      }
      if (!pick || charLength(text) + charLength(extra) + charLength(pick.full) > PARTS_ANSWER_MAX) continue;
      const pi = at(pick);
      if (pi >= 0 && a >= 0 && pi < a) text = `${endSentence(pick.full)}${text}`;
      else extra = `${extra ? endSentence(extra) : ''}${pick.full}`;
    }
    parts.push(`${endSentence(text)}${extra ? endSentence(extra) : ''}[${n}]`);
    used.push({ n, quote: quoteOf(quoted, terms) });
    // The items of a list in the answering sentence, for “第四个呢” next — also when the question asked
    // what something is (no list, no figure, date or person), if the sentence lists at least three things
    // (“以A、B、C、D、E为内容的“五百行动””). A list in passing in the answer to “多少家” is no answer's list.
    const inline = inlineItems(text);
    const asksWhat = askedKinds(query).length === 0;
    // (a run of 、 in passing — “结对挂联工业制造、数字经济…4大类企业” in a long answer — is no list to take item N
    // from: the answer must be mostly its list, or its items name what the question counts)
    const holding = inline ? (text.split(/(?<=[。！？!?；;])/u).find((x) => x.includes(inline[0]!)) ?? text) : text;
    const listLike =
      inline !== null &&
      (charLength(inline.join('')) >= ITEM_LIST_SHARE * charLength(holding) || sharesTargetNoun(inline, targets));
    if (inline && listLike && (kind.list || (asksWhat && inline.length >= MIN_INLINE_ITEMS))) {
      items = inline;
      unit = listUnit(query);
      if (!kind.list) inlineOnly = true;
    } else if (inlineList && text.includes(inlineList[0]!)) {
      // The run asked for stands in a long sentence: its count and items first, then the sentence.
      items = inlineList;
      unit = listUnit(query);
      const last = parts.length - 1;
      parts[last] = `共${countWord(items.length, unit)}：${items.join('、')}。${parts[last]}`;
    }
  }

  // Questions that compare (A县和B县…): the best sentence of another document too.
  if (isComparison(query)) {
    const other = cands.find((c) => c.p.chunk.docId !== docId && c.score >= best.score * 0.4);
    if (other) {
      parts.push(`${endSentence(other.full)}[${other.p.n}]`);
      used.push({ n: other.p.n, quote: quoteOf(other.full, terms) });
    }
  }
  return {
    text: parts.join(''),
    used,
    ...(items ? { items, unit, ...(inlineOnly ? { inline: true } : {}) } : {}),
    ...(extra.length ? { passages: extra } : {}),
    chunkId: best.p.chunk.id,
    score: best.score,
  };
}
