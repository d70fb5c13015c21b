/**
 * Structural evidence checks of the not-found gate: what the question asks must be *bound* to what it asks
 * about in the sentences that would answer it. Coverage counts the question's words anywhere in a passage;
 * a near miss has them (the topic is there) but the figure or the items sit next to something else:
 * - a count or amount (多少个学校党组织, 全长多少公里, 下载量有多少) needs a figure in the clause of the thing
 *   counted or measured (or the clause before), not a figure of another thing in a sentence nearby;
 * - the items of a set the question names by its count (那10个示范区具体是哪10个) must be given where the
 *   passage names the set, not only the set (“把10个文明城市党建示范区打造成为…”);
 * - a place of the kind asked (是哪个区的) must be named by a sentence or its document;
 * - a figure asked for a year (2018年…多少) must be given for that year, not for another one the passage
 *   also names.
 * Each check returns true when it is met or does not apply; confidence.ts floors the gate on a failed one
 * (GateFeatures.evidence). Measured per check in BENCHMARKS.md (ninth round, gate9).
 */
import { kinOf } from './word-classes.js';
import {
  AMOUNT_WORDS,
  ANSWER_FORM_WORDS,
  CODE_CUE,
  COLLOQUIAL_WORDS,
  DOC_DESCRIPTION_WORDS,
  NUMBER_UNIT_CUES,
} from '../answer/lexicon.js';
import { numeralValue } from '../text/numerals.js';
import { places, questionConstraints } from './constraints.js';
import { normalizeText } from './normalize.js';
import { isolateQuestionPhrases } from './stopwords.js';
import { defaultTokenizer } from './tokenizer.js';

/**
 * Tags of words that can name the thing counted or measured (nouns, organisations, abbreviations, idioms,
 * verbal nouns). Not places (a place is a constraint, constraints.ts), times, or the HMM's unknown words
 * (x: a verb glued to its particle, 投了, 签了).
 */
const THING_TAGS = /^(?:n|nz|nt|nr|ng|nrt|l|j|eng|vn)$/u;

/** A count question word, whole or with its measure word (多少, 几个, 多少名). */
const COUNT_TOKEN = /^(?:多少|几)[\p{Script=Han}]?$/u;

/** One-character measure words a count is given in (条/n, 个/q …): the count's, not the thing's. */
const MEASURE_CHAR =
  /^(?:个|条|项|名|家|人|位|批|次|趟|回|遍|所|座|户|篇|本|期|轮|届|张|台|类|种|支|亩|套|间|场|组|队|吨|辆|栋|幢|元|块|米|年|天|月|岁|倍|成|钱)$/u;

/** Words of a count question that are not the thing counted: verbs of having (有, 是, 达), adverbs, particles. */
const LINK_WORDS = /^(?:有|是|为|达|达到|共|共有|一共|总共|大概|大约|约|还|都|能|要|了|的|现在|目前|总|合计|累计)$/u;

function isThing(t: { word: string; tag: string; stop: boolean; content: boolean }): boolean {
  return t.content && !t.stop && THING_TAGS.test(t.tag);
}

/**
 * A word that says what kind of figure is asked rather than what it is a figure of (目标, 人数, 办法), or a
 * unit the unit check reads (投资, 补贴, 比例 …: NUMBER_UNIT_CUES), or wording: no thing to bind.
 */
function namesNoThing(word: string): boolean {
  return (
    questionConstraints(word).length > 0 ||
    AMOUNT_WORDS.has(word) ||
    ANSWER_FORM_WORDS.has(word) ||
    COLLOQUIAL_WORDS.has(word) ||
    DOC_DESCRIPTION_WORDS.has(word) ||
    NUMBER_UNIT_CUES.some((u) => u.cue.test(word))
  );
}

const thingCache = new Map<string, string | null>();

/**
 * The head noun of what a count or amount question asks about: the noun run right after 多少/几 and its
 * measure word (多少个学校党组织 → 党组织, 几个博士后工作站 → 工作站), else the noun right before it
 * (全长多少公里 → 全长, 下载量有多少 → 下载量, 被采纳的点子有多少条 → 点子). Null when the question asks
 * no count or the word next to it is a verb or a single character (多少钱: the unit check decides).
 */
export function countedThing(question: string): string | null {
  const cached = thingCache.get(question);
  if (cached !== undefined) return cached;
  let out: string | null = null;
  const tokens = defaultTokenizer().tagged(isolateQuestionPhrases(question.replace(/\s+/gu, '，')));
  const at = tokens.findIndex((t) => COUNT_TOKEN.test(t.word));
  if (at >= 0 && !CODE_CUE.test(question)) {
    let i = at + 1;
    while (i < tokens.length && (tokens[i]!.tag === 'q' || MEASURE_CHAR.test(tokens[i]!.word))) i++;
    let after: string | null = null;
    while (i < tokens.length && isThing(tokens[i]!)) after = tokens[i++]!.word;
    if (after) {
      if ([...after].length >= 2 && !namesNoThing(after)) out = after;
    } else {
      let j = at - 1;
      while (j >= 0 && (LINK_WORDS.test(tokens[j]!.word) || tokens[j]!.tag === 'd')) j--;
      const before = tokens[j];
      if (before && isThing(before) && [...before.word].length >= 2 && !namesNoThing(before.word)) out = before.word;
    }
  }
  if (thingCache.size > 1000) thingCache.clear();
  thingCache.set(question, out);
  return out;
}

/** A sentence's clauses (split at ，；。 and the like; 、 stays inside: it joins a list's items). */
export function clausesOf(sentence: string): string[] {
  return normalizeText(sentence)
    .split(/[，,；;。！!？?]+/u)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The clause has a character of the thing (whitespace ignored). */
export function sharesChar(clause: string, thing: string): boolean {
  const c = clause.replace(/\s+/gu, '');
  return [...thing].some((ch) => c.includes(ch));
}

/**
 * The clause names the thing: for a thing of three characters or more, two adjacent characters of it
 * (增加值 ~ 工业增加值增长, not 产值); for a shorter one, one character (摸底 ~ 摸排).
 */
export function namesThing(clause: string, thing: string): boolean {
  // (收集了多少问题 of 15件事项: a noun of the thing's class in data/retrieval/counted-things.txt names it too)
  const c0 = clause.replace(/\s+/gu, '');
  if (kinOf('counted-things.txt', thing).some((f) => f !== thing && c0.includes(f))) return true;
  const t = [...thing];
  if (t.length <= 2) return sharesChar(clause, thing);
  const c = clause.replace(/\s+/gu, '');
  for (let i = 0; i + 1 < t.length; i++) if (c.includes(t[i]! + t[i + 1]!)) return true;
  return false;
}

/**
 * Is a figure bound to the thing counted: some clause of the sentences holds a figure of the kind asked
 * (`holdsFigure`) and names the thing (namesThing), or the clause before it does (“从前期摸排的情况看，
 * …人才不足百人”)? Part of the thing is enough (摸底 ~ 摸排; 党员志愿者 ~ 党员): the check is for a figure of
 * *another* thing, not for the wording (an exact match refused four answerable questions on the even tuning
 * halves for one near miss). One shared character of a long thing (产值 for 增加值) was too little: tenth
 * round, BENCHMARKS.md.
 */
export function figureBound(
  thing: string,
  sentences: readonly string[],
  holdsFigure: (clause: string) => boolean,
): boolean {
  return sentences.some((s) =>
    clausesOf(s).some(
      (c, i, cs) => holdsFigure(c) && (namesThing(c, thing) || (i > 0 && namesThing(cs[i - 1]!, thing))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The year of a figure (2018年…多少)

const YEAR_MENTION = /(?<!\d)((?:19|20)\d{2})(?=\s*年)/gu;

/** The years a text names (2018年, 2019年度), in order. */
export function yearsNamed(text: string): string[] {
  return [...normalizeText(text).matchAll(YEAR_MENTION)].map((m) => m[1]!);
}

/**
 * Does a figure speak of a year the question asks about (龙游2018年…多少)? Some sentence holding a figure
 * of the kind asked names the year, or names no year and the last year named before it — earlier in its
 * passage, or in its headings and title — is it (or none is named: the passage's own time). A passage
 * that names 2018 in one sentence and gives 2019's figure in another does not answer for 2018.
 * True when the question asks no year or no sentence holds a figure (the other checks decide).
 */
export function yearOfFigure(
  years: readonly string[],
  candidates: ReadonlyArray<{ s: string; before: string }>,
): boolean {
  if (!years.length || !candidates.length) return true;
  return candidates.some(({ s, before }) => {
    const own = yearsNamed(s);
    if (own.length) return own.some((y) => years.includes(y));
    const prior = yearsNamed(before);
    return !prior.length || years.includes(prior[prior.length - 1]!);
  });
}

// ---------------------------------------------------------------------------------------------------
// The items of a named set (哪十家, 是哪10个地方, 都是哪些学校)

/** 十 → 10, 二十二 → 22, 22 → 22; null when not a small number (src/text/numerals.ts, any digits). */
export function smallNumber(text: string): number | null {
  return /^\d+$/u.test(text) ? Number(text) : numeralValue(text);
}

/** Written forms of a small number: 10 → (?:10|十), 22 → (?:22|二十二). */
function numberForms(n: number): string {
  const han = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  let h: string;
  if (n < 10) h = n === 2 ? '(?:二|两)' : han[n]!;
  else if (n < 100) h = `${n >= 20 ? han[Math.floor(n / 10)] : ''}十${han[n % 10]}`;
  else h = String(n);
  return `(?:${n}|${h})`;
}

const MEASURE = '个|家|所|项|条|种|类|位|名|批|座|支|户|村|镇|大';
const COUNT = '[\\d一二两三四五六七八九十]{1,3}';
/**
 * A question asking which items make up a set it names with its count (“那10个示范区具体是哪10个”,
 * “十家重点企业是哪十家”, “那22个行业示范点都是哪些学校”, “10个示范区分别叫什么名字”): the count and its
 * measure word, or null. A count asked with a word of its own (哪八师, 哪八个) also reads a name holding
 * that count with any character after it (“乡土八师”: 8, 师) — but not a count of characters or phrases
 * (20字好干部标准: the wording itself answers).
 */
export function namedSetCount(question: string): { n: number; measure: string } | null {
  const q = normalizeText(question).replace(/\s+/gu, '');
  const asks = new RegExp(
    `哪(${COUNT})(\\p{Script=Han})|(?:都|分别|具体)?是哪些|哪几(${MEASURE})|分别(?:是|叫|为)?(?:什么|啥)|都叫(?:什么|啥)`,
    'u',
  ).exec(q);
  if (!asks) return null;
  const asked = asks[1] ? smallNumber(asks[1]) : null;
  for (const m of q.matchAll(new RegExp(`(?<![\\d第哪一二两三四五六七八九十])(${COUNT})(\\p{Script=Han})`, 'gu'))) {
    if (m.index === asks.index + 1) continue;
    const n = smallNumber(m[1]!);
    if (n === null || n < 2) continue;
    if (new RegExp(`^(?:${MEASURE})$`, 'u').test(m[2]!) || (n === asked && !/[是的和与及字句]/u.test(m[2]!))) {
      return { n, measure: m[2]! };
    }
  }
  return null;
}

/** After a set's mention (and its noun), what opens its items: a colon, a bracket, 即, 分别, 包括, 一是. */
const ITEMS_OPEN =
  /^[“”"]?\p{Script=Han}{0,8}?[“”"]?(?:[:：（(]|即|分别|包括|包含|涵盖|一是|[，,](?:即|分别|包括|一是|其中|具体))/u;

/** A sentence that opens a list item: 一是, （一）, ①, 1., 第一. */
const ITEM_MARKER =
  /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[①-⑳]|\d+[.、．]|第[一二三四五六七八九十]+[，,、是])/u;

/** A text listing at least n items (n − 1 separators 、 or ；). */
function enumerates(text: string, n: number): boolean {
  return (normalizeText(text).match(/[、；;]/gu)?.length ?? 0) >= Math.max(2, n - 1);
}

/** How many sentences after a quoted counted name (“四个一批”) its first item may stand. */
const QUOTED_ITEMS_REACH = 3;

/**
 * Does some sentence give the set's items? Where the passages name the set by its count (十家, 10个), one
 * such mention must open its items (a colon, a bracket, 即, 包括 …, or the next sentence opens a list item)
 * or close them (A、B、C等十家), or be a name in quotes whose items follow within a few sentences (“四个一批”
 * … 一是…), or a heading's; a set only named (“推动十家重点企业高效发展”, 深化“乡土八师”品牌) is not listed.
 * `following`: the sentences after it in its document (across its passage's end), when known; else `last`
 * (the end of its passage) gives it the benefit of the doubt. True when the count is never written.
 */
export function setItemsGiven(
  set: { n: number; measure: string },
  candidates: ReadonlyArray<{
    s: string;
    next?: string | undefined;
    last?: boolean;
    ctx?: string;
    following?: readonly string[];
  }>,
): boolean {
  const mention = new RegExp(`(?<![\\d第一二两三四五六七八九十])${numberForms(set.n)}${set.measure}`, 'u');
  const mentionAll = new RegExp(mention.source, 'gu');
  let mentioned = false;
  for (const { s: raw, next: nextOwn, last, ctx, following } of candidates) {
    if (ctx && mention.test(normalizeText(ctx))) return true;
    const s = normalizeText(raw).replace(/\s+/gu, '');
    const next = following ? following[0] : nextOwn;
    for (const m of s.matchAll(mentionAll)) {
      mentioned = true;
      const before = s.slice(0, m.index);
      const after = s.slice(m.index + m[0].length);
      if (/等[“"]?$/u.test(before) || ITEMS_OPEN.test(after)) return true;
      // The items before the count (A、B、C，共3个), or after it in its sentence or one of the next ones.
      if ((before.match(/、/gu)?.length ?? 0) >= set.n - 1) return true;
      if (!process.env.NOENUM && [after, ...(following ?? [])].some((x) => enumerates(x, set.n))) return true;
      // The last sentence of its passage, the document unknown: the items may follow in the next one.
      if (last && !following) return true;
      // Inside quotes (“四个一批”, “五大红色行动”): a name whose items the text spells out a little further on.
      if (/“[^”]{0,4}$/u.test(before) && /^[^“]{0,8}”/u.test(after)) {
        if (!following) return true;
        if (following.slice(0, QUOTED_ITEMS_REACH).some((x) => ITEM_MARKER.test(normalizeText(x).trim()))) return true;
      }
      if (next && ITEM_MARKER.test(normalizeText(next).trim())) return true;
    }
  }
  // The count is never written: whether the items are there is for the other features to say.
  return !mentioned;
}

// ---------------------------------------------------------------------------------------------------
// The kind of place asked (哪个区, 哪个县)

export const PLACE_TYPE_CUE = /哪(?:个|一个)?(区|县|市|镇|乡|村|省|街道)(?=的|呢|啊|$|[？?，,。\s])/u;

/** A place of the list (data/retrieval/places.txt) named in the text. */
export function namesPlace(text: string): boolean {
  const t = normalizeText(text);
  return places().some((p) => p.forms.some((f) => t.includes(f)));
}

// ---------------------------------------------------------------------------------------------------
// The meaning of a code (“216”机制, 1433战略, 1+1+X)

/**
 * A code the question names — a run of digits, Latin letters and + that is not a figure (not a year, not a
 * count or amount in a unit: 5000多项, 104支, 10亿元): “216”机制, 1433战略体系, 6Q24S, 1+1+X.
 */
const CODE_TOKEN =
  /(?<![\dA-Za-z+.])((?=[\dA-Za-z+]*\d)[\dA-Za-z](?:[\dA-Za-z+]*[\dA-Za-z])?)(?![\dA-Za-z+.]|\s*(?:年|月|日|号|个|名|家|项|条|支|人|元|万|亿|千|百|%|％|多|余|岁|天|次|批|届|期|轮|位|所|座|户|件|篇|本|张|台|类|种|米|公里|亩|倍|分|点|周|小时|强|大|佳|字|句))/gu;

/** The question asks what a code means or stands for (具体是啥意思, 指什么, 哪几个方面, 哪四项, 分别是). */
const CODE_MEANING_CUE =
  /意思|含义|代表|具体指|指(?:的是)?(?:什么|啥|哪)|具体内容|具体(?:是|有)?(?:啥|什么|哪)|是(?:啥|什么)(?=$|[？?，,。！!\s呢啊])|哪几|哪[一二两三四五六七八九十\d]+(?:个|项|条|方面|块|种|样)|分别(?:是|指|叫)?/u;

/** The codes a question asks the meaning of (none when it asks no meaning, or names no code). */
export function codesAsked(question: string): string[] {
  const q = normalizeText(question);
  if (!CODE_MEANING_CUE.test(q)) return [];
  return [...new Set([...q.matchAll(CODE_TOKEN)].map((m) => m[1]!))].filter(
    (c) => (/^\d+$/u.test(c) ? c.length >= 3 : c.length >= 2) && !/^(?:19|20)\d{2}$/u.test(c),
  );
}

/**
 * After a code, what opens its meaning: a colon or a bracket right after its name, or later in its sentence
 * 即, 就是, 是指, 指的是, 包括, 分别 (“1+4”为基本框架的党内法规制度体系，即在党章之下分为…).
 */
const MEANING_OPEN =
  /^[”"’']?\p{Script=Han}{0,10}?[”"’']?[:：（(]|^[^。；;！？!?]*?(?:[，,（(:：]即|即由|就是|是指|指的是|包括|分别(?:是|为|由)|具体为)/u;
/** A sentence that names a code as a term to define (所谓“网格365”，就是指…). */
const DEFINES = /所谓|是指|指的是|就是指/u;
/** A count in a text (1名, 十家, 3个): the parts of a code spelled out (以1名…、1名…和1名…). */
const SPELLED_COUNT = /(?:\d+|[一二两三四五六七八九十]+)(?:名|个|家|项|条|支|位|人|类|种|张|大|户)/gu;

/**
 * Does some sentence say what the code means? Where the code is written (in a sentence of the passages that
 * could answer): a word opening its meaning right after it (“1+4”为基本框架…，即…; “6Q24S”…，以6个品质要求（即…),
 * a sentence defining it (所谓“网格365”，就是指…), or its parts spelled as counts in its sentence (“1+1+1”…以1名…，
 * 1名…和1名…; “1名村干部带着1名党员联系X户”的“1+1+X”) or in the sentence after. A code only named (推行年轻干部培训
 * “216”机制，采取…) has no meaning given. True when no candidate writes the code (other features decide).
 */
export function codeExplained(
  code: string,
  candidates: ReadonlyArray<{ s: string; following?: readonly string[] }>,
): boolean {
  let written = false;
  for (const { s: raw, following } of candidates) {
    const s = normalizeText(raw).replace(/\s+/gu, '');
    let at = s.indexOf(code);
    if (at < 0) continue;
    written = true;
    if (DEFINES.test(s)) return true;
    while (at >= 0) {
      // Its parts spelled as counts from its clause on (“1+1+1”组团服务模式，以1名…，1名…和1名…).
      const from = Math.max(0, ...[...s.slice(0, at).matchAll(/[，,；;：:]/gu)].map((m) => m.index + 1));
      if ((s.slice(from).match(SPELLED_COUNT)?.length ?? 0) >= 2) return true;
      if (MEANING_OPEN.test(s.slice(at + code.length))) return true;
      // Its items listed in its own clause (涵盖工作流程、运行机制、日常管理、考核细则等“1+N”制度体系).
      if (enumerates(clausesOf(s).find((c) => c.includes(code)) ?? '', 3)) return true;
      at = s.indexOf(code, at + 1);
    }
    const next = following?.[0] ? normalizeText(following[0]).replace(/\s+/gu, '') : '';
    if (
      next &&
      (DEFINES.test(next) || /^(?:即|就是|具体)/u.test(next) || (next.match(SPELLED_COUNT)?.length ?? 0) >= 2)
    )
      return true;
  }
  return !written;
}

// ---------------------------------------------------------------------------------------------------
// A name asked where the text masks it (×团队, 《×××》)

/** How a published text masks a name or a figure it leaves out (×区, ×团队, 《×××》, ＊＊). */
const MASK = '(?:×+|╳+|＊+|\\*{2,}|某某)';

/**
 * The nouns of the names a question asks (哪个团队 → 团队, 哪个区、哪位领导 → 区, 领导, 那部微视频叫什么名字 →
 * 视频): at most two characters, the head of what is named.
 */
export function namesAsked(question: string): string[] {
  const q = normalizeText(question).replace(/\s+/gu, '');
  const out: string[] = [];
  for (const m of q.matchAll(/哪(?:一)?[个位支家部所座项](\p{Script=Han}{1,2})/gu)) {
    const n = m[1]!.replace(/[的是呢啊吗了讲说发在把被和与及、].*$/u, '');
    if (n) out.push(n);
  }
  for (const m of q.matchAll(/(\p{Script=Han}{2})(?:叫什么|叫啥|的?名字|的?名称|的?全称|的?题目|的?标题)/gu)) {
    if (!/[的那这个部是]/u.test(m[1]!)) out.push(m[1]!);
  }
  return [...new Set(out)];
}

/**
 * The names asked that the sentences which would answer give only masked (助力×团队成功入选…, 系列微视频《×××》…
 * 荣获…): a masked name does not answer “哪个团队”, “叫什么名字”. Empty when a sentence names one in full, or none
 * mentions the noun.
 */
export function maskedNames(question: string, sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of namesAsked(question)) {
    const masked = new RegExp(`${MASK}[”》"’]?${n}|${n}[“《"‘]?${MASK}`, 'u');
    const naming = sentences.map((s) => normalizeText(s).replace(/\s+/gu, '')).filter((s) => s.includes(n));
    if (naming.length && naming.every((s) => masked.test(s))) out.push(n);
  }
  return out;
}
