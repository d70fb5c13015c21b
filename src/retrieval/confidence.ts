/**
 * The "not found" decision. A question is answerable when a top passage covers most of the
 * question's information: the share of its content words, weighted by how specific they are in the
 * corpus (IDF) and by part of speech (names and nouns carry the topic; verbs and adverbs of a chat
 * question often do not), that occurs in the passage, its title or its headings.
 * Words the corpus has never seen carry the maximum IDF, so an off-topic question ("火星探测") or a
 * near miss whose key detail is absent ("高企认定…研发费用占比") scores low even when some generic
 * words match.
 */
import fs from 'node:fs';
import type { Bm25Index } from './bm25.js';
import { detailKindsMet } from './answer-type.js';
import { unmetAttributes } from './attributes.js';
import { unmetSiblings } from './siblings.js';
import {
  codeExplained,
  codesAsked,
  countedThing,
  figureBound,
  maskedNames,
  namedSetCount,
  namesPlace,
  PLACE_TYPE_CUE,
  setItemsGiven,
  yearOfFigure,
} from './evidence.js';
import { type Constraint, constraintsMet, questionConstraints } from './constraints.js';
import { chunkContext, chunkDescription } from './fields.js';
import { colloquialMatches } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { isolateQuestionPhrases, isStopWord } from './stopwords.js';
import { defaultTokenizer, type Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';
import {
  ANSWER_KIND_CUES,
  ANSWER_KIND_EVIDENCE,
  COLLOQUIAL_WORDS,
  CODE_CUE,
  CODE_EVIDENCE,
  COUNT_MEASURE,
  countEvidence,
  ROLE_WORDS,
  DONE_CUE,
  DONE_EVIDENCE,
  PLAN_CUE,
  DOC_DESCRIPTION_WORDS,
  ANSWER_FORM_WORDS,
  NUMBER_UNIT_CUES,
  type AnswerKind,
} from '../answer/lexicon.js';
import { dataFile } from '../config/data-files.js';

/**
 * Coverage threshold: answerable when the best coverage among the top passages is >= this.
 * Measured with `zct eval --sweep` on the dev set (27 answerable, 3 unanswerable) and on our own
 * set (test/retrieval/fixtures/own-qa.jsonl: 33 answerable, 19 off-topic or near-miss questions).
 * Coverage of the unanswerable ones: dev 0.16–0.40, own 0–0.64 (near misses such as 衢州高铁新城
 * 通车 share most words with the corpus); of the answerable ones only four fall below 0.55
 * (0.39, 0.465, 0.52, 0.54). At 0.46: dev 3/3 refused, 1/27 answerable refused; own 15/19 refused,
 * 0/33 answerable refused; pooled 82% of unanswerable refused at 1.7% false refusals. 0.42–0.46 keep
 * the dev figures; above 0.46 false refusals climb (0.48: 2/27), below 0.42 a dev near miss passes.
 * Re-measure after changing tokenisation, chunking or the corpus: `zct eval --sweep [--set …]`.
 */
export const ANSWERABLE_THRESHOLD = 0.46;
/** Passages whose coverage is considered (the answer is usually in the first few). */
export const COVERAGE_DEPTH = 3;
/** Slope of the logistic that turns coverage into a confidence in [0, 1] (0.5 at the threshold). */
const CONFIDENCE_SLOPE = 12;

/** Nouns, names, abbreviations, numbers, unknown words: the topic of a question. */
const TOPIC_TAGS = /^(?:n\w*|eng|j|x|l|i|m|s|g|vn|an|nz)$/;

function posWeight(tag: string): number {
  if (TOPIC_TAGS.test(tag)) return 1;
  if (tag.startsWith('v')) return 0.6;
  return 0.3;
}

/** One piece of the question: a content word, its weight and where it was found. */
export interface QueryUnit {
  word: string;
  tag: string;
  weight: number;
  /**
   * Written forms of a colloquial expression the word is part of (data/retrieval/colloquial.txt:
   * 眼下 → 当前 目前): the word counts as found when the passage has one of them.
   */
  alts?: string[];
  /**
   * How many content words lie between this one and the nearest question word (哪一年, 多少, 谁, 怎么,
   * a final 吗/没有): 0 for the word right next to it. The words closest to what is asked are the
   * question's focus — the attribute or act asked about (全长多少, 哪一年通车, 怎么兑换).
   */
  distance?: number;
  /** Corpus specificity in [0, 1]: the word's IDF over that of a word the corpus never uses. */
  rarity?: number;
  /** The noun right after a question word (什么荣誉, 哪个单位): names the kind of answer, not the topic. */
  answerType?: boolean;
  /** Chat wording, a word describing the document, or a Latin word the corpus never uses (wordingWeight). */
  wording?: boolean;
}

export interface Answerability {
  answerable: boolean;
  confidence: number;
  /** The evidence features behind the decision (when the question was known). */
  features?: GateFeatures;
  /** Best coverage among the top passages, in [0, 1]. */
  coverage: number;
  /** Question words the best passage lacks (for debugging and eval output). */
  missing: string[];
  /** The evidence checks that failed (evidenceFailures, the attributes), for debugging and eval output. */
  failed?: readonly string[];
}

/**
 * The weighted content words of a question. Unknown words the HMM glued to a particle ("签了",
 * "专班要", tagged x) lose that particle, so they can match the corpus's form.
 */
export function queryUnits(tokenizer: Tokenizer, bm25: Bm25Index, query: string): QueryUnits {
  const units = new Map<string, QueryUnit>();
  const colloquial = colloquialMatches(query);
  const q = normalizeText(query).replace(/\s+/g, '');
  let afterQuestionWord = false;
  let pos = 0;
  // Where the question words stand among the content words (a question word before the k-th unit: k).
  const anchors: number[] = [];
  const order = new Map<string, number>();
  let emitted = 0;
  for (const { word, tag, stop, content } of tokenizer.tagged(isolateQuestionPhrases(query))) {
    const asksType = afterQuestionWord;
    afterQuestionWord = QUESTION_WORD.test(word) || isCountQuestion(word);
    if (FOCUS_ANCHOR.test(word)) anchors.push(emitted);
    const at = q.indexOf(word.replace(/\s+/g, ''), pos);
    const span: [number, number] = at >= 0 ? [at, at + word.length] : [-1, -1];
    if (at >= 0) pos = span[1];
    if (!content || stop) continue;
    const w = tag === 'x' ? trimParticles(word) : word;
    if (!w || units.has(w)) continue;
    order.set(w, emitted++);
    const spec = specificity(bm25, w);
    const weight =
      spec *
      posWeight(tag) *
      (asksType ? ANSWER_TYPE_WEIGHT : 1) *
      wordingWeight(bm25, w) *
      (COUNT_WORD.test(w) ? COUNT_WORD_WEIGHT : 1);
    const alts = colloquial
      .filter((m) => span[0] >= 0 && m.start < span[1] && span[0] < m.end)
      .flatMap((m) => m.forms)
      .filter((f) => f !== w);
    units.set(w, {
      word: w,
      tag,
      weight,
      rarity: Math.min(1, spec / Math.max(1e-9, unseenIdf(bm25))),
      ...(asksType ? { answerType: true } : {}),
      ...(wordingWeight(bm25, w) < 1 ? { wording: true } : {}),
      ...(alts.length ? { alts: [...new Set(alts)] } : {}),
    });
  }
  // No question word (“…是月刊还是季刊”): the end of the question is where it asks.
  if (!anchors.length) anchors.push(emitted);
  for (const u of units.values()) {
    const k = order.get(u.word) ?? 0;
    u.distance = Math.min(...anchors.map((a) => (k < a ? a - k - 1 : k - a)));
  }
  return Object.assign([...units.values()], { query });
}

/** Words that mark where a question asks (what, which, how many, who, how, when, whether, a final 吗). */
const FOCUS_ANCHOR =
  /^(?:什么\p{Script=Han}{0,2}|啥\p{Script=Han}{0,2}|是啥|咋\p{Script=Han}{0,1}|干嘛|干啥|谁|是谁|哪\p{Script=Han}{0,2}|怎\p{Script=Han}{0,2}|如何|为什么|为何|多少\p{Script=Han}?|多久|多长|多大|多高|多远|几\p{Script=Han}?|吗|没有|是否|有没有|是不是|能否|能不能|可否|算不算|会不会)$/u;

/**
 * The question's focus: its units weighted by closeness to the question word (weight / (1 + distance)),
 * so the attribute or act asked about counts most.
 */
export function focusUnits(units: QueryUnit[]): QueryUnit[] {
  return units.map((u) => ({ ...u, weight: u.weight / (1 + (u.distance ?? 0)) }));
}

/** “几块”, “多少名”: a count question word jieba keeps whole; the noun after it names the answer. */
function isCountQuestion(word: string): boolean {
  return /^(?:几|多少)\p{Script=Han}?$/u.test(word);
}

/**
 * “三个”, “五条”, “两项”: the count a list question announces (哪三个方面) is its structure, not its topic,
 * and the passage lists the items without saying the number.
 */
const COUNT_WORD = /^[一二两三四五六七八九十\d]+[个条项点种类方面块步批张位名家件]$/u;
const COUNT_WORD_WEIGHT = 0.3;

/** The units of a question, with the question they came from (for the answer-kind features). */
export type QueryUnits = QueryUnit[] & { query?: string };

/**
 * Chat wording (咋整, 说法, 下去跑) and words that describe the document rather than its content
 * (那篇讲话, 卷首语) count little; so does a Latin-letter word the corpus never uses (list, KPI, case).
 */
function wordingWeight(bm25: Bm25Index, w: string): number {
  if (COLLOQUIAL_WORDS.has(w)) return 0.15;
  if (DOC_DESCRIPTION_WORDS.has(w) || ANSWER_FORM_WORDS.has(w)) return 0.3;
  if (/^[a-z]+$/iu.test(w) && bm25.df(w.toLowerCase(), 'words') === 0) return 0.15;
  return 1;
}

/** Question words after which a noun names the kind of answer (什么条件, 啥情况, 哪个学堂, 多少钱). */
const QUESTION_WORD = /^(?:什么|啥|哪|哪些|哪个|哪几|哪几个|哪种|哪类|何|多少|几|几个|哪一)$/u;
/**
 * "什么荣誉" asks for an honour; the passage names it ("优秀单位") without the word 荣誉. Such an
 * answer-type noun counts for little in the coverage.
 */
const ANSWER_TYPE_WEIGHT = 0.3;

function trimParticles(word: string): string {
  const chars = [...word];
  while (chars.length > 1 && isStopWord(chars[0]!)) chars.shift();
  while (chars.length > 1 && isStopWord(chars[chars.length - 1]!)) chars.pop();
  const w = chars.join('');
  return isStopWord(w) ? '' : w;
}

/** IDF of a word the corpus never uses (the most specific a unit can be). */
function unseenIdf(bm25: Bm25Index): number {
  return bm25.idf('\u0000', 'words');
}

/** IDF of a unit: as a word when the index knows it, else by its rarest bigram (unseen → maximum). */
function specificity(bm25: Bm25Index, w: string): number {
  if (bm25.df(w, 'words') > 0) return bm25.idf(w, 'words');
  if (w.length === 1) return bm25.idf(w, 'unigrams');
  let max = 0;
  for (let i = 0; i + 1 < w.length; i++) max = Math.max(max, bm25.idf(w.slice(i, i + 2), 'bigrams'));
  return max;
}

/**
 * The passage as the coverage check sees it: title + headings + text, normalised, no spaces, then the
 * document's description (column, author, source, kind words: “那篇讲话”, “卷首语”, “编者按”).
 */
export function passageHaystack(chunk: Chunk): string {
  const described = chunkDescription(chunk).replace(chunk.title, '');
  const hay = normalizeText(`${chunkContext(chunk)}\n${chunk.text}|${described}`).replace(/\s+/g, '');
  // “安、专、迷” is asked as 安专迷.
  const abbreviations = [...hay.matchAll(/“(\p{Script=Han}(?:、\p{Script=Han}){1,7})”/gu)].map((m) =>
    m[1]!.replace(/、/g, ''),
  );
  return abbreviations.length ? `${hay}|${abbreviations.join('|')}` : hay;
}

/** Weighted share of the units found in the passage (long words get partial credit by bigrams). */
export function coverage(units: QueryUnit[], hay: string): { coverage: number; missing: string[] } {
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const u of units) {
    total += u.weight;
    const credit = unitCredit(u, hay);
    found += u.weight * credit;
    if (credit < 1) missing.push(u.word);
  }
  return { coverage: total > 0 ? found / total : 0, missing };
}

/** How far a unit is found in a text: 1 as written (or a written form of it), else its share of bigrams. */
export function unitCredit(u: QueryUnit, hay: string): number {
  if (hay.includes(u.word) || u.alts?.some((a) => hay.includes(a))) return 1;
  if (u.word.length <= 2) return 0;
  let k = 0;
  for (let i = 0; i + 1 < u.word.length; i++) if (hay.includes(u.word.slice(i, i + 2))) k++;
  return k / (u.word.length - 1);
}

/** Part-of-speech tags of a word that can name the thing asked about (nouns, names, idioms, abbreviations). */
const NOMINAL_TAGS = /^(?:n\w*|l|vn|j|i|eng)$/u;

/**
 * The thing a question asks about — the nouns next to its question word (全长多少, 装机容量是多少,
 * 下载量有多少): those that name a topic (not the answer's form, chat wording or the document).
 */
export function focusNouns(units: QueryUnit[]): QueryUnit[] {
  return units.filter(
    (u) =>
      (u.distance ?? 9) <= FOCUS_REACH &&
      NOMINAL_TAGS.test(u.tag) &&
      [...u.word].length >= 2 &&
      !u.answerType &&
      !u.wording &&
      !COUNT_WORD.test(u.word) &&
      !NOT_A_NOUN.test(u.word) &&
      !ANSWER_FORM_WORDS.has(u.word),
  );
}

/**
 * A word the tagger took for a noun that holds a question morpheme (哪些地方, 哪几种) or an aspect particle
 * (搞了个) or is an A-not-A question (好不好): part of the question's wording, not a thing asked about.
 */
const NOT_A_NOUN = /[哪啥几咋怎么了]|什么|多少|(\p{Script=Han})[不没]\1/u;

/** How many content words away from the question word a focus noun may stand. */
const FOCUS_REACH = 1;

/**
 * How much of the thing asked about the passages lack: the most specific focus noun's rarity times the
 * share of it that none of the passages has. A near miss asks for an attribute of the right topic
 * (装机容量, 下载量, 平均年龄) that the corpus does not give; a common noun (时间, 人数) missing says less.
 */
export function focusGap(units: QueryUnit[], hays: string[]): number {
  let gap = 0;
  for (const u of focusNouns(units)) {
    const credit = hays.reduce((m, h) => Math.max(m, unitCredit(u, h)), 0);
    gap = Math.max(gap, (u.rarity ?? 1) * (1 - credit));
  }
  return gap;
}

export function confidenceOf(cov: number, threshold = ANSWERABLE_THRESHOLD): number {
  return 1 / (1 + Math.exp(-CONFIDENCE_SLOPE * (cov - threshold)));
}

/** Decide from the ranked passages: best coverage among the first COVERAGE_DEPTH. */
export function answerability(
  units: QueryUnit[],
  ranked: Array<{ chunk: Chunk; score?: number }>,
  opts: {
    threshold?: number;
    depth?: number;
    asked?: string | undefined;
    /** The passage after a passage in its document (the evidence checks read across a passage's end). */
    nextChunk?: NextChunk;
  } = {},
): Answerability {
  const { threshold = ANSWERABLE_THRESHOLD, depth = COVERAGE_DEPTH } = opts;
  let best = { coverage: 0, missing: units.map((u) => u.word) };
  for (const h of ranked.slice(0, depth)) {
    const c = coverage(units, passageHaystack(h.chunk));
    if (c.coverage > best.coverage) best = c;
  }
  const question = (units as QueryUnits).query;
  if (question === undefined || threshold !== ANSWERABLE_THRESHOLD) {
    const confidence = confidenceOf(best.coverage, threshold);
    return {
      answerable: units.length > 0 && best.coverage >= threshold,
      confidence,
      coverage: best.coverage,
      missing: best.missing,
    };
  }
  // The question is known: decide on all the evidence (gate model), not on the wording alone.
  const features = gateFeatures(units, ranked, question, depth, opts.asked, opts.nextChunk);
  const confidence = gateConfidence(features);
  const failed = failedChecks(features);
  return {
    answerable: units.length > 0 && confidence >= 0.5,
    confidence,
    coverage: best.coverage,
    missing: best.missing,
    features,
    ...(failed.length ? { failed } : {}),
  };
}

/**
 * The evidence behind the not-found decision, each in [0, 1]:
 * - coverage: weighted share of the question's content words in the best of the top passages;
 * - sentence: the same for the best single sentence (with its passage's title and headings) — the
 *   answer is usually one sentence that holds most of the question;
 * - kind: the question asks for a number / date / unit or person / list and a sentence close to the
 *   best one holds that kind of thing (1 when the question asks for no particular kind);
 * - agreement: share of the top five hits from the first hit's document;
 * - margin: how far the first hit's score is ahead of the second's.
 */
/** A sentence this short (a heading, a label) is read as the context of the one after it. */
const LEAD_CHARS = 24;

/**
 * Hits searched for each place of a comparison (“江山和开化…哪个更大”): each place's passage competes with
 * the other's for the first ranks, so the one that loses may stand below COVERAGE_DEPTH.
 */
const COMPARISON_DEPTH = 5;

/**
 * Sentences either side of an answer candidate searched for the form of the attribute asked (attributes.ts).
 * Measured on the readable tuning items: ±2 refuses as many near misses as the candidates alone (11 of 249)
 * without refusing a two-part question whose phone and address stand on label lines of their own; the whole
 * top passages (pool) refuse 5 fewer.
 */
const ATTRIBUTE_REACH = 2;

/** Sentences whose coverage is at least this share of the best one's are answer candidates. */
const NEAR_BEST = 0.8;

export interface GateFeatures {
  coverage: number;
  /** Coverage of the question's two most specific words alone (a near miss lacks its key term). */
  anchor: number;
  /**
   * Share of the question's specific constraints (places, years, 第N批 — constraints.ts) met by the
   * first hit or the best-covering of the top passages (the better of the two); 1 when there are none.
   */
  constraint: number;
  sentence: number;
  kind: number;
  agreement: number;
  margin: number;
  /**
   * Coverage of the question's focus (focusUnits: the words next to the question word count most) by the
   * best passage that meets the constraints — a near miss asks about an attribute or act of the right
   * topic (全长, 通车, 兑换) that the passage does not name.
   */
  focus: number;
  /** The same for the best sentence close to the best (with its title, headings and lead). */
  focusSentence: number;
  /**
   * focusGap: rarity of the most specific noun next to the question word that none of the top passages
   * meeting the constraints holds (0 when all are there).
   */
  gap: number;
  /** The same gap in the sentences that could answer (holding the kind asked, close to the best). */
  gapSentence: number;
  /**
   * 1 when the kind of answer asked is bound to what the question asks about in a sentence that could
   * answer (evidence.ts: a count in the clause of the thing counted …), 0 when a check fails (floored).
   */
  evidence: number;
}

/**
 * Coverage below which a question is refused whatever else the features say (a single shared word,
 * a clear margin and no answer kind must not pass “今天股票行情怎么样”). The lowest coverage of an
 * answerable question on the tuning half is 0.24.
 */
export const MIN_COVERAGE = 0.2;

/**
 * P(answerable) at most this when the question's coverage is below MIN_COVERAGE or a specific
 * constraint (place, year, 第N批) is unmet by the passage the answer would come from. Unmet
 * constraints, measured: tuning half 5 of 27 unanswerable, 0 of 125 answerable; qa-dev, qa-dev2 and
 * own-qa none either way.
 */
export const UNMET_CONSTRAINT_CAP = 0.1;

export const GATE_FEATURES: Array<keyof GateFeatures> = [
  'coverage',
  'anchor',
  'constraint',
  'sentence',
  'kind',
  'agreement',
  'margin',
  'focus',
  'focusSentence',
  'gap',
  'gapSentence',
  'evidence',
];

/** Logistic model over the features: P(answerable) = σ(bias + Σ w·x). Fitted with `zct eval --fit-gate`. */
export interface GateModel {
  bias: number;
  weights: GateFeatures;
}

/**
 * The fitted model lives in data/retrieval/gate-model.json, written by `npx tsx bench/gate-cv.ts --write`
 * (logistic regression, classes weighted equally, bias shifted to the operating point: the highest P
 * threshold whose false refusals on the fitted rows stay within --target). History of the fits: bench/gate-cv.ts.
 * Re-fit after changing tokenisation, chunking, ranking, the lexicons or the corpus.
 */
export const GATE_MODEL_FILE = dataFile('retrieval', 'gate-model.json');

/** Read a gate model (unknown features weigh 0, so an older file still loads). */
export function parseGateModel(text: string): GateModel {
  const raw = JSON.parse(text) as { bias?: unknown; weights?: Record<string, unknown> };
  if (typeof raw.bias !== 'number') throw new Error('gate model: bias missing');
  const weights = Object.fromEntries(
    GATE_FEATURES.map((k) => [k, typeof raw.weights?.[k] === 'number' ? raw.weights[k] : 0]),
  ) as unknown as GateFeatures;
  return { bias: raw.bias, weights };
}

export const GATE_MODEL: GateModel = parseGateModel(fs.readFileSync(GATE_MODEL_FILE, 'utf8'));

/** The kinds of answer a question asks for (number, date, who, list); none for a plain question. */
export function askedKinds(question: string): AnswerKind[] {
  return (Object.keys(ANSWER_KIND_CUES) as AnswerKind[]).filter((k) => ANSWER_KIND_CUES[k].test(question));
}

/**
 * Does a sentence hold the kind of thing asked for? A year alone does not answer “多少”; a number
 * question that names its unit (钱, 比例, 多久, 几家) needs a number in that unit.
 */
export function holdsKind(kind: AnswerKind, sentence: string, question = ''): boolean {
  // A role asked (组长是谁, 书记是哪位) must be named where the person is: a unit nearby does not answer it.
  if (kind === 'who')
    return namesRole(question, sentence) || (!asksRole(question) && ANSWER_KIND_EVIDENCE.who.test(sentence));
  if (kind !== 'number') return ANSWER_KIND_EVIDENCE[kind].test(sentence);
  if (CODE_CUE.test(question) && CODE_EVIDENCE.test(sentence)) return true;
  // Years and dates are not amounts; a figure in a unit (“30天压缩到1小时”) is one even when quoted.
  const undated = withoutOrdinals(
    sentence.replace(/\d{4}(?:年|—|-|~|～)|\d{1,2}月\d{1,2}日|\d{1,2}月/gu, ''),
    question,
  );
  // A magnitude with its unit (多少万千瓦): a figure in that unit, at any magnitude (120万千瓦, 1.2亿千瓦).
  const scaled = countMeasure(question);
  if (scaled && MAGNITUDE_UNIT.test(scaled))
    return new RegExp(`[\\d.一二两三四五六七八九十百千万亿]+\\s*(?:余|多)?\\s*${scaled.slice(1)}`, 'u').test(undated);
  const unit = NUMBER_UNIT_CUES.find((u) => u.cue.test(question));
  if (unit) return unit.evidence.test(undated);
  // A bare figure in quotes names something (“1+1+1”, “365”) unless the question asks for a code (几几几).
  const s = CODE_CUE.test(question) ? undated : undated.replace(/“[^”]{0,12}”/gu, '');
  if (echoesCount(question, undated) || enumeratesCounted(question, s)) return true;
  const measure = countMeasure(question);
  // “几个” answered by a counted set (六大“人才飞地”, 三大产业): a numeral of two or more before 大.
  if (
    measure === '个' &&
    !/(?:几|多少)个人/u.test(question) &&
    /(?:[二两三四五六七八九十]|\d+)大(?=[“\p{Script=Han}])/u.test(undated)
  )
    return true;
  if (measure && !countEvidence(measure).test(s)) return false;
  return ANSWER_KIND_EVIDENCE.number.test(s);
}

/**
 * The sentence without its ordinals (每月第一个周二, 第3批, 第二届): an ordinal ranks, it does not count, so it is no
 * figure for a count question (“实际解决了几个”) — unless the question asks an ordinal itself (第几批, 排第几).
 */
export function withoutOrdinals(sentence: string, question: string): string {
  if (/第\s*(?:几|多少)/u.test(normalizeText(question))) return sentence;
  return sentence.replace(/第[一二两三四五六七八九十百\d]+(?:个|次|批|名|位|条|项|届|期|轮|季度)?/gu, '第');
}

const HAN_NUMERAL = '[一二两三四五六七八九十百千\\d]+';

/**
 * The question's own wording around 几 with a figure in its place: “是几考合一” is answered by “四考合一”,
 * “分了几个组” by “分了5个组” — whatever the word after 几 is.
 */
function echoesCount(question: string, sentence: string): boolean {
  const m = /几(\p{Script=Han}{1,2})/u.exec(normalizeText(question));
  if (!m || /^[个种类条项点块次年月天号日]$/u.test(m[1]!.slice(0, 1))) return false;
  return new RegExp(`${HAN_NUMERAL}${m[1]}`, 'u').test(normalizeText(sentence));
}

/**
 * “分了几个组” answered by the groups themselves (“下设规划设计组、政策指导协调组、宣传报道组…”): the
 * noun counted ends at least three items of the sentence.
 */
function enumeratesCounted(question: string, sentence: string): boolean {
  const m = /(?:几|多少)[个种类条项家所支]?(\p{Script=Han})(?=$|[？?，,。\s的])/u.exec(normalizeText(question));
  if (!m) return false;
  const items = normalizeText(sentence).match(new RegExp(`\\p{Script=Han}{2,}${m[1]}(?=[，、；。,;]|等)`, 'gu'));
  return (items?.length ?? 0) >= 3;
}

/** The question asks who holds a role (组长是谁, 书记是哪位同志, 由谁任组长). */
function asksRole(question: string): boolean {
  const q = normalizeText(question).replace(/\s+/gu, '');
  return new RegExp(
    `(?:${ROLE_WORDS.source})(?:是|由|为)?(?:谁|哪位)|由谁(?:担任|任|当)?(?:${ROLE_WORDS.source})`,
    'u',
  ).test(q);
}

/** The sentence names a role the question asks about (主编, 课题组长 …). */
function namesRole(question: string, sentence: string): boolean {
  const roles = normalizeText(question).match(ROLE_WORDS);
  if (!roles) return false;
  const s = normalizeText(sentence);
  return roles.some((r) => s.includes(r));
}

/** A magnitude (万, 亿) with the unit it scales, segmented as one word: 万千瓦, 亿元, 万人次. */
const MAGNITUDE_UNIT = /^[万亿]\p{Script=Han}{1,3}$/u;

const measures = new Map<string, string | null>();
/**
 * The measure word a count question uses (几家 → 家, 多少名 → 名), or null. A measure character that
 * begins a word (多少项目, 多少人才, 几批次) is that word's, not a measure: any count answers it — except a
 * magnitude that begins a unit (多少万千瓦, 多少亿元): the whole unit is the measure (73亿元 does not answer
 * 多少万千瓦).
 */
export function countMeasure(question: string): string | null {
  let out = measures.get(question);
  if (out !== undefined) return out;
  out = null;
  const q = normalizeText(question).replace(/\s+/gu, '');
  const m = COUNT_MEASURE.exec(q);
  if (m) {
    const at = m.index + m[0].length - m[1]!.length;
    let pos = 0;
    for (const w of defaultTokenizer().segment(q.slice(0, at + 8))) {
      if (pos <= at && at < pos + w.length) {
        if (!(pos === at && w.length > m[1]!.length)) out = m[1]!;
        else if (MAGNITUDE_UNIT.test(w)) out = w;
        break;
      }
      pos += w.length;
    }
  }
  if (measures.size > 1000) measures.clear();
  measures.set(question, out);
  return out;
}

function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.match(/[^。！？!?；;]+[。！？!?；;]*/gu) ?? [])
    .map((x) => x.trim())
    .filter(Boolean);
}

export function gateFeatures(
  units: QueryUnit[],
  ranked: Array<{ chunk: Chunk; score?: number }>,
  question: string,
  depth = COVERAGE_DEPTH,
  asked?: string,
  nextChunk?: NextChunk,
): GateFeatures {
  const top = ranked.slice(0, depth);
  let cov = 0;
  let anchor = 0;
  const key = [...units].sort((a, b) => b.weight - a.weight).slice(0, 2);
  const sentenceScores: Candidate[] = [];
  const focused = focusUnits(units);
  let focus = 0;
  const topHays: string[] = [];
  const constraints = questionConstraints(question).filter((c) => !checksYear(question, c));
  // The constraints must be met by the passage the answer would come from: the best-covering one or
  // the first hit (a two-part question, "全市…常山占多少", may have its place in the first hit only).
  let constraint = ranked[0] ? constraintsMet(constraints, ranked[0].chunk).share : 1;
  let constraintCov = -1;
  let bestCovering = constraint;
  for (const h of top) {
    const hay = passageHaystack(h.chunk);
    const c = coverage(units, hay).coverage;
    cov = Math.max(cov, c);
    if (c > constraintCov) {
      constraintCov = c;
      bestCovering = constraintsMet(constraints, h.chunk).share;
    }
    anchor = Math.max(anchor, coverage(key, hay).coverage);
    const ctx = normalizeText(chunkContext(h.chunk)).replace(/\s+/g, '');
    const met = meetsOwn(constraints, h.chunk);
    if (met) focus = Math.max(focus, coverage(focused, hay).coverage);
    topHays.push(hay);
    let lead = '';
    let k = 0;
    for (const s of sentencesOf(h.chunk.text)) {
      const form = normalizeText(s).replace(/\s+/g, '');
      // A short lead (an item's heading “②加快建设…产业园。”, a label “课题组长：”) is the context of the
      // sentence after it, as the title and headings are of every sentence.
      sentenceScores.push({
        s,
        c: coverage(units, `${ctx}|${lead}|${form}`).coverage,
        own: coverage(units, form).coverage,
        met,
        f: coverage(focused, `${ctx}|${lead}|${form}`).coverage,
        hay: `${ctx}|${lead}|${form}`,
        chunk: h.chunk,
        index: k++,
      });
      lead = [...form].length <= LEAD_CHARS ? form : '';
    }
  }
  const bestSentence = sentenceScores.reduce((m, x) => Math.max(m, x.own), 0);
  // The answer must come from a passage that meets the question's place/year/batch: a figure of the
  // kind asked in another county's passage does not answer it.
  const pool = sentenceScores.filter((x) => x.met);
  const bestWithContext = pool.reduce((m, x) => Math.max(m, x.c), 0);
  const near = pool.filter((x) => x.c >= bestWithContext * NEAR_BEST && x.c > 0);
  // A two-part question (“是几单制？座谈会多久开一次”) asks each part's kind in its own words.
  // A rewritten follow-up asks what its new message asks (“那是哪个单位发的” after a “多少” question);
  // one that asks no kind of its own (“那B县呢”) asks what the question it continues asked.
  const askedText = indefiniteCounts(asked && askedKinds(asked).some((k) => k !== 'list') ? asked : question);
  const kinds = askedKinds(askedText).filter((k) => k !== 'list');
  const parts = questionParts(askedText, kinds);
  // A figure the question states is not the answer to it: “那42名干部平均年龄多大” is not answered by the
  // sentence that gives the 42 (unless the question checks that figure: “是不是42名”).
  const given = givenFigures(question);
  const holds = (k: AnswerKind, sentence: string, text: string) => holdsKind(k, withoutFigures(sentence, given), text);
  let kind = 1;
  if (kinds.length) kind = parts.every((p) => p.kinds.every((k) => near.some((x) => holds(k, x.s, p.text)))) ? 1 : 0;
  // An address, a clock time or a year asked for must be in a sentence that could answer (地址在哪, 哪一年通车).
  if (
    !detailKindsMet(
      askedText,
      near.map((x) => x.s),
    )
  )
    kind = 0;
  constraint = Math.max(constraint, bestCovering);
  // A comparison names several places (“龙游和开化…各多少”): each may be met by a passage of its own.
  if (constraints.filter((c) => c.kind === 'place').length >= 2) {
    const unmet = constraints.filter(
      (c) => !ranked.slice(0, COMPARISON_DEPTH).some((h) => constraintsMet([c], h.chunk).share === 1),
    );
    constraint = Math.max(constraint, 1 - unmet.length / constraints.length);
  }
  // A question about what was done (去年…建了几个, 实际多少) is not answered by a plan (计划/力争…): when
  // every sentence that could answer it (close to the best, holding the kind asked) only announces
  // one, a constraint is unmet.
  if (asksDone(question)) {
    const answering = kinds.length
      ? near.filter((x) => kinds.every((k) => holds(k, x.s, question)))
      : near.filter((x) => x.c >= bestWithContext - 1e-9);
    if (answering.length && answering.every((x) => isPlanOnly(x.s))) constraint = Math.min(constraint, 0.5);
  }
  const first = ranked[0];
  const five = ranked.slice(0, 5);
  const agreement =
    first && five.length ? five.filter((h) => h.chunk.docId === first.chunk.docId).length / five.length : 0;
  const s1 = ranked[0]?.score ?? 0;
  const s2 = ranked[1]?.score ?? 0;
  const margin = s1 > 0 ? Math.max(0, Math.min(1, (s1 - s2) / s1)) : 0;
  // The sentence that holds the kind asked must also hold what is asked about (全长 for 全长多少公里).
  const holding = kinds.length
    ? pool.filter((x) => parts.every((p) => p.kinds.every((k) => holds(k, x.s, p.text))))
    : near;
  const focusSentence = holding.reduce((m, x) => Math.max(m, x.f), 0);
  // The focus nouns must be where the answer is: the sentences that hold the kind asked (or, for a
  // question of no particular kind, those close to the best).
  const answerHays = (holding.length ? holding : near).map((x) => x.hay);
  const years = constraints.filter((c) => c.kind === 'year').map((c) => c.text);
  const failed = evidenceFailures(askedText, parts, pool, holds, years, nextChunk);
  // The attribute asked (开放时间, 电话, 有效期 …: data/retrieval/attributes.txt) must take one of its forms in a
  // sentence that could answer or right beside one (a label line “电话：…” under the heading that matched).
  // (A rewritten follow-up is scored with the previous question's words, so its candidates are the previous
  // answer's sentences: the attribute it asks may stand anywhere in the top passages.)
  const rewritten = asked !== undefined && asked !== question;
  const beside = rewritten
    ? pool
    : pool.filter((x) => near.some((y) => y.chunk === x.chunk && Math.abs(x.index - y.index) <= ATTRIBUTE_REACH));
  // A name asked (哪个团队, 叫什么名字) must be given in full by the sentences that would answer, not masked (×团队).
  const best = near.filter((x) => x.c >= bestWithContext - 1e-9).map((x) => x.s);
  failed.push(...maskedNames(askedText, best).map((n) => `masked:${n}`));
  // A value singling out what is asked (省级, 副科级: data/retrieval/siblings.txt) that no top passage writes, while the
  // sentences that would answer give a sibling of it (国家级), asks about something the passages do not count — unless
  // the question checks a claim (是省级的吗): the sibling is then its answer.
  if (!CHECKS_CLAIM.test(normalizeText(askedText)))
    failed.push(
      ...unmetSiblings(
        askedText,
        topHays,
        near.map((x) => x.s),
      ).map((v) => `sibling:${v}`),
    );
  failed.push(
    ...unmetAttributes(
      askedText,
      beside.map((x) => x.s),
    ).map((a) => `attribute:${a}`),
  );
  const features: GateFeatures = {
    coverage: cov,
    anchor,
    constraint,
    sentence: bestSentence,
    kind,
    agreement,
    margin,
    focus,
    focusSentence,
    gap: focusGap(units, topHays),
    gapSentence: answerHays.length ? focusGap(units, answerHays) : focusGap(units, topHays),
    evidence: failed.length ? 0 : 1,
  };
  FAILED.set(features, failed);
  return features;
}

/** The evidence checks each feature row failed (kept beside the numeric features the model reads). */
const FAILED = new WeakMap<GateFeatures, readonly string[]>();

/** The names of the evidence checks that failed for these features (`count:…`, `attribute:…`), none if unknown. */
export function failedChecks(features: GateFeatures): readonly string[] {
  return FAILED.get(features) ?? [];
}

/**
 * 几 after a demonstrative or degree word (这几年, 那几年, 近几天, 前几名, 好几个) is an indefinite “a few”, not a
 * count asked: “来衢州是8次吗” asked with “那几年” checks the 8, it does not ask for a number of years.
 */
const INDEFINITE_COUNT = /(?<=这|那|近|前|后|好|头|最近|过去)几(?=十|[个年天月日周次家位名批回趟条项])/gu;

/** The question with its indefinite 几 written as 些 (这几年 → 这些年), so that they ask no count. */
export function indefiniteCounts(question: string): string {
  return question.replace(INDEFINITE_COUNT, '些');
}

/** A sentence of a top passage, as the gate scores it. */
interface Candidate {
  s: string;
  /** Coverage of the question with the passage's title, headings and lead; of the sentence alone. */
  c: number;
  own: number;
  /** Its passage meets the question's constraints. */
  met: boolean;
  /** Coverage of the question's focus. */
  f: number;
  hay: string;
  chunk: Chunk;
  /** Position of the sentence in its passage. */
  index: number;
}

/**
 * The structural checks (evidence.ts) that the sentences which could answer — those of the top passages
 * meeting the question's constraints — fail: a count or amount not bound to the thing asked about, the
 * items of a named set not given, no place of the kind asked (哪个区), a figure of another year than the one
 * asked. Empty when all hold.
 */
export function evidenceFailures(
  question: string,
  parts: Array<{ text: string; kinds: AnswerKind[] }>,
  pool: Candidate[],
  holds: (k: AnswerKind, sentence: string, text: string) => boolean,
  years: readonly string[] = [],
  nextChunk?: NextChunk,
): string[] {
  const failed: string[] = [];
  const sentences = pool.map((x) => x.s);
  for (const p of parts) {
    if (!p.kinds.includes('number')) continue;
    const thing = countedThing(p.text);
    if (thing && !figureBound(thing, sentences, (c) => holds('number', c, p.text))) failed.push(`count:${thing}`);
  }
  // A figure asked for a year must be that year's (the question's years that are constraints, not claims),
  // in a sentence where it is the figure of the thing asked about (a count's thing, when it has one).
  if (years.length && askedKinds(question).includes('number')) {
    const things = parts.filter((p) => p.kinds.includes('number')).map((p) => countedThing(p.text));
    const thing = things.find((t) => t !== null) ?? null;
    const holding = pool
      .filter(
        (x) =>
          holds('number', x.s, question) && (!thing || figureBound(thing, [x.s], (c) => holds('number', c, question))),
      )
      .map((x) => ({
        s: x.s,
        before: `${chunkContext(x.chunk)}|${sentencesOf(x.chunk.text).slice(0, x.index).join('')}`,
      }));
    if (!yearOfFigure(years, holding)) failed.push(`year:${years.join(',')}`);
  }
  const set = namedSetCount(question);
  if (set) {
    const candidates = pool.map((x) => ({
      s: x.s,
      next: pool.find((y) => y.chunk === x.chunk && y.index === x.index + 1)?.s,
      last: x.index === sentencesOf(x.chunk.text).length - 1,
      ctx: chunkContext(x.chunk),
      ...(nextChunk ? { following: followingSentences(x.chunk, x.index, nextChunk) } : {}),
    }));
    if (!setItemsGiven(set, candidates)) failed.push(`set:${set.n}${set.measure}`);
  }
  const codes = codesAsked(question);
  if (codes.length) {
    // (A code in a passage's title or headings is named there too: its meaning must still be given.)
    const candidates = [
      ...pool.map((x) => ({
        s: x.s,
        following: nextChunk
          ? followingSentences(x.chunk, x.index, nextChunk)
          : sentencesOf(x.chunk.text).slice(x.index + 1),
      })),
      ...[...new Set(pool.map((x) => chunkContext(x.chunk)))].map((s) => ({ s })),
    ];
    for (const c of codes) if (!codeExplained(c, candidates)) failed.push(`code:${c}`);
  }
  if (PLACE_TYPE_CUE.test(normalizeText(question))) {
    const named = pool.some((x) => namesPlace(`${x.s}|${chunkDescription(x.chunk)}|${chunkContext(x.chunk)}`));
    if (!named) failed.push('place-kind');
  }
  return failed;
}

/** The passage after a passage in its document, or undefined at the document's end. */
export type NextChunk = (chunk: Chunk) => Chunk | undefined;

/** Sentences read after a sentence across its passage's end (enough for the evidence checks). */
const FOLLOWING_SENTENCES = 3;

/**
 * The sentences after the index-th sentence of a passage in its document: the rest of the passage, then the
 * next passage's (without the sentences the two passages share: chunks overlap by a sentence). Empty at the
 * document's end.
 */
export function followingSentences(chunk: Chunk, index: number, nextChunk: NextChunk): string[] {
  const own = sentencesOf(chunk.text);
  const out = own.slice(index + 1, index + 1 + FOLLOWING_SENTENCES);
  if (out.length >= FOLLOWING_SENTENCES) return out;
  const next = nextChunk(chunk);
  if (!next) return out;
  const form = (x: string) => normalizeText(x).replace(/\s+/gu, '');
  const seen = new Set(own.map(form));
  const rest = sentencesOf(next.text).filter((x, i) => !(i < 2 && seen.has(form(x))));
  return [...out, ...rest].slice(0, FOLLOWING_SENTENCES);
}

/**
 * A year the question puts up for checking (“是2019年度的？”, “是不是2019年批的”): the passage that gives
 * another year answers it (no, 2018) — the year is the claim, not a constraint on the source.
 */
export function checksYear(question: string, c: Constraint): boolean {
  if (c.kind !== 'year') return false;
  const q = normalizeText(question).replace(/\s+/gu, '');
  return (
    new RegExp(`(?:是不是|是否)${c.text}`, 'u').test(q) ||
    new RegExp(`是${c.text}[^，,。？?]{0,6}(?:吗|[？?]$|对吗|对不对)`, 'u').test(q)
  );
}

/** A question that checks a claim (是不是500名, 对吗): the figure it states may be the answer. */
const CHECKS_CLAIM = /是不是|是否|对不对|对吗|吗|还是|不是|真的/u;

/** The figures a question states as given (digit runs), none when it checks a claim. */
export function givenFigures(question: string): string[] {
  const q = normalizeText(question);
  if (CHECKS_CLAIM.test(q)) return [];
  return [...new Set(q.match(/(?<![\d.])\d\d+(?:\.\d+)?(?![\d.])/gu) ?? [])];
}

/** The sentence without the given figures (42名 → 名), so that only a figure of its own answers. */
export function withoutFigures(sentence: string, figures: string[]): string {
  let out = sentence;
  for (const f of figures) out = out.replace(new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d.])`, 'gu'), '');
  return out;
}

/**
 * Does a passage meet the question's constraints as one answer's source? In a comparison of places
 * (“龙游和开化…各多少”) a passage answers for one of them: one place is enough, the years and batches not.
 */
function meetsOwn(constraints: Constraint[], chunk: Chunk): boolean {
  const placeCount = constraints.filter((c) => c.kind === 'place').length;
  if (placeCount < 2) return constraintsMet(constraints, chunk).share === 1;
  const unmet = constraintsMet(constraints, chunk).unmet;
  return unmet.every((c) => c.kind === 'place') && unmet.length < placeCount;
}

/** The parts of a question (split at ？，；) with the kinds each asks; the whole when none does. */
function questionParts(question: string, kinds: AnswerKind[]): Array<{ text: string; kinds: AnswerKind[] }> {
  // Spaces part a chat question too (“后备干部 总共多少 分几类”): 几类 must not become 多少's measure.
  const parts = question
    .split(/[？?！!。，,；;]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .filter(Boolean)
    .map((text) => ({ text, kinds: askedKinds(text).filter((k) => k !== 'list') }))
    .filter((p) => p.kinds.length);
  return parts.length ? parts : [{ text: question, kinds }];
}

/** The question asks what was actually done or reached (not a plan or target). */
export function asksDone(question: string): boolean {
  return DONE_CUE.test(question);
}

/** A sentence that only announces a plan or a target, with nothing reported as done. */
export function isPlanOnly(sentence: string): boolean {
  return PLAN_CUE.test(sentence) && !DONE_EVIDENCE.test(sentence);
}

/**
 * P(answerable) of the gate: the logistic model, capped at UNMET_CONSTRAINT_CAP below the floors —
 * below MIN_COVERAGE nothing of the question is in the passages, and a passage that lacks the place,
 * year or batch the question names answers another question: the other features cannot make up for it.
 */
export function gateConfidence(f: GateFeatures, model: GateModel = GATE_MODEL): number {
  const p = gateProbability(f, model);
  return isFloored(f) ? Math.min(UNMET_CONSTRAINT_CAP, p) : p;
}

/** Below a floor (coverage, an unmet constraint): refused whatever the model says. */
export function isFloored(f: GateFeatures): boolean {
  return f.coverage < MIN_COVERAGE || f.constraint < 1 || f.evidence < 1;
}

export function gateProbability(f: GateFeatures, model: GateModel = GATE_MODEL): number {
  let z = model.bias;
  for (const k of GATE_FEATURES) z += model.weights[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fit the logistic gate on labelled feature rows (plain gradient descent, small L2), weighting the
 * two classes equally so that a set with few unanswerable questions still teaches the refusals.
 */
export function fitGate(
  rows: Array<{ features: GateFeatures; answerable: boolean }>,
  opts: { iterations?: number; rate?: number; l2?: number } = {},
): GateModel {
  const iterations = opts.iterations ?? 4000;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 0.001;
  // A feature that never varies (the constraint, which the floor already decides) is not fitted.
  const varying = GATE_FEATURES.filter((k) => rows.some((r) => r.features[k] !== rows[0]?.features[k]));
  const pos = rows.filter((r) => r.answerable).length;
  const neg = rows.length - pos;
  const zero = (): GateFeatures => Object.fromEntries(GATE_FEATURES.map((k) => [k, 0])) as unknown as GateFeatures;
  const w = zero();
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    let gb = 0;
    const gw = zero();
    let wsum = 0;
    for (const r of rows) {
      const cw = r.answerable ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, neg);
      const p = gateProbability(r.features, { bias: b, weights: w });
      const err = (p - (r.answerable ? 1 : 0)) * cw;
      gb += err;
      for (const k of varying) gw[k] += err * r.features[k];
      wsum += cw;
    }
    b -= (rate * gb) / wsum;
    for (const k of varying) w[k] -= rate * (gw[k] / wsum + l2 * w[k]);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    bias: round(b),
    weights: Object.fromEntries(GATE_FEATURES.map((k) => [k, round(w[k])])) as unknown as GateFeatures,
  };
}
