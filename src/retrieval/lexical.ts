/**
 * The lexical side: chunks + tokenizer (with the corpus's key terms) + multi-field BM25.
 * Built from documents, or restored from a snapshot without re-segmenting anything.
 */
import type { CorpusDocument } from '../corpus/types.js';
import { questionKind } from '../answer/question-kind.js';
import { Bm25Index, type Bm25Snapshot } from './bm25.js';
import { normalizeText } from './normalize.js';
import { chunkDocument, type ChunkOptions } from './chunker.js';
import {
  answerTypeCoverage,
  ANSWER_TYPE_WEIGHT,
  passageFormCoverage,
  askedType,
  countedNoun,
  ENUMERATION_WEIGHT,
  enumeratesNoun,
} from './answer-type.js';
import { chunkFieldsAnalyzer, FIELDS, queryFields, RETRIEVAL_BM25, type AnalyzedQuery } from './fields.js';
import { discoverWords, extractKeyTerms } from './key-terms.js';
import { isStopWord } from './stopwords.js';
import { definesByEnumeration, DEFINITION_BONUS, focusTerms, isListQuestion, RERANK_DEPTH } from './rerank.js';
import {
  constraintHaystack,
  constraintsMet,
  type ConstraintHaystack,
  places,
  questionConstraints,
} from './constraints.js';
import { chunkDescription } from './fields.js';
import { countedSlogan, holdsItem, ordinalAsked, type OrdinalAsk, sloganItems, sloganOrdinal } from './ordinal.js';
import { DEFINITION_FIRST_RATIO, isDefinitionQuestion } from './definition.js';
import { answerTypeLexicon, askedAttributes } from './attributes.js';
import { Tokenizer } from './tokenizer.js';
import type { Chunk } from './types.js';

const SEARCH_OPTIONS = { fieldWeights: FIELDS.map((f) => f.weight) };
const PRF_DOCS = 3;
const PRF_TERMS = 12;
/** Candidates re-scored by the answer-type prior and the list rerank. */
const CANDIDATES = 30;

/** Switches for measuring what each piece adds (bench/retrieval-quality.ts); all on by default. */
export interface RankingOptions {
  colloquial?: boolean;
  answerType?: boolean;
  listRerank?: boolean;
  /** Index the document description and heading path with each passage (build time). */
  description?: boolean;
  /** Weight of the answer-type prior (default ANSWER_TYPE_WEIGHT). */
  answerTypeWeight?: number;
  /** Pseudo-relevance feedback: weight of the second pass with terms from the first hits (0/absent: off). */
  prf?: number;
  /** Unigram postings kept only for characters in at most this share of the chunks (build time; default FIELDS'). */
  unigramMaxDf?: number;
  /** BM25 parameters (build time; default RETRIEVAL_BM25). */
  bm25?: { k1: number; b: number };
  /** Times the description counts (build time; default DESCRIPTION_REPEAT). */
  descriptionRepeat?: number;
  /** Weight of the jieba word field (default FIELDS'). */
  wordsWeight?: number;
  /** Bonus for a passage enumerating the noun a count/list question counts (default on). */
  enumeration?: boolean;
  /**
   * Framing words of chat questions (篇, 说, 提到, 帮我查 …; data/retrieval/framing.txt) cut out of the
   * query. Off: measured in the fourth round, it moved one question each way on the third set's check
   * half and nothing elsewhere (BENCHMARKS.md).
   */
  framing?: boolean;
  /**
   * Lead-in follow-on for list and count questions: the share of the top hit's score at which the next
   * passage of its document goes first (default FOLLOW_ON_RATIO; 0: off).
   */
  followOn?: number;
  /** Item N (第四部分, 第五条): the top document's passage holding the list's marker N goes first (default on). */
  ordinal?: boolean;
  /**
   * A passage meeting the places, years and batches the question names (constraints.ts) scores
   * × (1 + this × the share met) (default CONSTRAINT_WEIGHT; 0: off).
   */
  constraint?: number;
  /**
   * “X是干嘛的”: the top document's first passage holding the asked term goes first when it reaches this
   * share of the top hit's score (default DEFINITION_FIRST_RATIO; 0: off).
   */
  definitionFirst?: number;
  /**
   * Counted slogans (四个一批, 五个一批): a list question enumerates the items that carry the slogan's 一X,
   * and 第N批 / 第N条 is the N-th of them in the top document (default on).
   */
  slogans?: boolean;
  /**
   * A front-matter passage (刊物信息, 公众号信息: masthead, contents page) scores × this unless the question
   * names the publication by one of its kind words (主办, 目录, 公众号 …) (default FRONT_MATTER_WEIGHT; 1: off).
   */
  frontMatter?: number;
  /**
   * A passage whose document is described by another place (its title, author or source names 江山) and
   * which does not name the place the question asks about (衢江) anywhere scores × (1 − this) (default
   * PLACE_CONFLICT_WEIGHT; 0: off).
   */
  placeConflict?: number;
  /**
   * Answer types of data/retrieval/answer-types.txt: a question asking one (不能做的 …) prefers a passage that
   * holds one of its forms (不搞, 严禁 …), by the passage's share of the question's bigrams, like the
   * answer-type prior (default on).
   */
  attributeType?: boolean;
}

export interface LexicalHit {
  index: number;
  chunk: Chunk;
  score: number;
}

export interface LexicalSnapshot {
  chunks: Chunk[];
  /** The corpus's quoted key terms (also in extraWords). */
  keyTerms: string[];
  /** Every word added to the segmenter's dictionary. */
  extraWords: string[];
  bm25: Bm25Snapshot;
}

/**
 * New-word discovery reads at most this many characters (spread over the corpus): recurring jargon
 * shows up in any large sample, and a word it misses is still found through bigrams.
 */
const DISCOVERY_CHARS = 8_000_000;

/** Every document's title and text, or an evenly spread selection of documents of about DISCOVERY_CHARS. */
function discoverySample(docs: CorpusDocument[]): string[] {
  const total = docs.reduce((n, d) => n + d.text.length, 0);
  const share = Math.min(1, DISCOVERY_CHARS / Math.max(1, total));
  const out: string[] = [];
  let acc = 0;
  for (const d of docs) {
    acc += share;
    if (acc >= 1 - 1e-9) {
      acc -= 1;
      out.push(d.title, d.text);
    }
  }
  return out;
}

/**
 * A question that names a place, a year or a batch (开化, 2019年, 第二批) is answered by a passage that meets
 * it (in its text, headings or the document's description): such a passage's score is multiplied by
 * 1 + CONSTRAINT_WEIGHT × the share met (BENCHMARKS.md: an added share of the top score moved the same
 * passages but compressed the ratios the answer composer reads, and cost one answer).
 */
export const CONSTRAINT_WEIGHT = 0.2;

/**
 * A passage of a document described by another place, naming none of the places asked, loses this share of
 * its score (BENCHMARKS.md, ninth round: 0.2 and 0.3 gain on odd and even halves alike, 0.5 loses a hit at 5).
 */
export const PLACE_CONFLICT_WEIGHT = 0.3;

/** Lead-in follow-on: the next passage goes first at this share of the top hit's score (BENCHMARKS.md). */
export const FOLLOW_ON_RATIO = 0.95;

/** A list question (哪些, 哪几条 …) or a count question (几, 多少): what answers it follows its lead-in. */
export function asksForWhatFollows(question: string): boolean {
  const q = normalizeText(question);
  return /几|多少/u.test(q) || questionKind(q).list;
}

/**
 * Does the passage state the count a question asks for (“分几步” → 三步, “几个组” → 三个组, “有几个” → N个)?
 * False when the question asks no 几.
 */
export function statesCount(question: string, passage: string): boolean {
  const m = /几(个)?(\p{Script=Han})?/u.exec(normalizeText(question));
  if (!m) return false;
  const unit = m[2] && !/[呢吗啊呀的了]/u.test(m[2]) ? m[2] : m[1] ? '个' : null;
  if (!unit) return false;
  return new RegExp(`[一二两三四五六七八九十\\d]+个?${unit}`, 'u').test(normalizeText(passage));
}

/**
 * Front matter's share of its score for a question that does not ask about the publication (BENCHMARKS.md,
 * ninth round: 0.8 and 0.6 alike on every half, 0.4 loses a question about the account).
 */
export const FRONT_MATTER_WEIGHT = 0.8;

/** A publication's masthead / contents page or a WeChat account's facts (src/corpus/clean: section 刊物信息, 公众号信息). */
export function isFrontMatter(chunk: Pick<Chunk, 'section'>): boolean {
  return chunk.section === '刊物信息' || chunk.section === '公众号信息';
}

const MEASURE_ONLY = /^[个种项条类点批]$/u;

export class LexicalIndex {
  private readonly keyTermSet: ReadonlySet<string>;
  /** Per document, the indexes of its chunks in document order (chunks of a document are contiguous). */
  private readonly docSpans = new Map<string, { first: number; last: number }>();
  private readonly byId = new Map<string, number>();
  /** Ranking switches (tests and bench/retrieval-quality.ts turn pieces off). */
  ranking: RankingOptions = {};

  private constructor(
    readonly chunks: Chunk[],
    readonly tokenizer: Tokenizer,
    readonly bm25: Bm25Index,
    readonly keyTerms: string[],
  ) {
    this.keyTermSet = new Set(keyTerms);
    chunks.forEach((c, i) => {
      this.byId.set(c.id, i);
      const span = this.docSpans.get(c.docId);
      if (span) span.last = i;
      else this.docSpans.set(c.docId, { first: i, last: i });
    });
  }

  private readonly haystacks = new Map<number, ConstraintHaystack>();
  /** A chunk's normalised text and description, where constraints are looked for (kept once computed). */
  private haystack(i: number): ConstraintHaystack {
    let h = this.haystacks.get(i);
    if (!h) {
      h = constraintHaystack(this.chunks[i]!);
      if (this.haystacks.size > 50_000) this.haystacks.clear();
      this.haystacks.set(i, h);
    }
    return h;
  }

  private readonly docPlaces = new Map<string, string[]>();
  /** The places a chunk's document description names (its title, author, source), kept per document. */
  private describedPlaces(chunk: Chunk): string[] {
    let out = this.docPlaces.get(chunk.docId);
    if (!out) {
      const d = normalizeText(chunkDescription(chunk)).replace(/\s+/g, '');
      out = places()
        .filter((p) => p.forms.some((f) => d.includes(f)))
        .map((p) => p.name);
      this.docPlaces.set(chunk.docId, out);
    }
    return out;
  }

  /** The chunk with this id, or null. */
  chunk(id: string): Chunk | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.chunks[i]!;
  }

  /**
   * The chunks around `chunkId` in its document, in document order, the chunk itself included:
   * up to `before` chunks before it and `after` after it (never crossing into another document).
   * Empty when the id is unknown.
   */
  neighbours(chunkId: string, before = 1, after = 1): Chunk[] {
    const i = this.byId.get(chunkId);
    if (i === undefined) return [];
    const span = this.docSpans.get(this.chunks[i]!.docId)!;
    return this.chunks.slice(Math.max(span.first, i - before), Math.min(span.last, i + after) + 1);
  }

  /**
   * Pseudo-relevance feedback: the bigrams most specific to the first hits (tf × idf, not in the
   * question) form a second query over the bigram field; its scores, scaled to the first pass's best,
   * are added with weight `w`.
   */
  private feedback(query: AnalyzedQuery, hits: LexicalHit[], w: number, depth: number): LexicalHit[] {
    const asked = new Set(query.bigrams);
    const weight = new Map<string, number>();
    for (const h of hits.slice(0, PRF_DOCS)) {
      for (const b of new Set(this.tokenizer.charGrams(h.chunk.text).bigrams)) {
        if (asked.has(b)) continue;
        weight.set(b, (weight.get(b) ?? 0) + this.bm25.idf(b, 'bigrams'));
      }
    }
    const terms = [...weight.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, PRF_TERMS)
      .map(([t]) => t);
    if (!terms.length) return hits;
    const second = this.bm25.search([[], terms, []], depth);
    const best = second[0]?.score || 1;
    const top = hits[0]!.score;
    const extra = new Map(second.map((s) => [s.doc, (s.score / best) * top * w]));
    const seen = new Set(hits.map((h) => h.index));
    const merged = hits.map((h) => ({ ...h, score: h.score + (extra.get(h.index) ?? 0) }));
    for (const s of second)
      if (!seen.has(s.doc)) merged.push({ index: s.doc, chunk: this.chunks[s.doc]!, score: extra.get(s.doc)! });
    return merged;
  }

  /** Every chunk of a document, in order (empty for an unknown id). */
  documentChunks(docId: string): Chunk[] {
    const span = this.docSpans.get(docId);
    return span ? this.chunks.slice(span.first, span.last + 1) : [];
  }

  /** Build from documents; `timings` (ms per phase) is filled in when given. */
  static async build(
    docs: CorpusDocument[],
    chunkOptions?: ChunkOptions,
    timings?: Record<string, number>,
    ranking: RankingOptions = {},
  ): Promise<LexicalIndex> {
    let t = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      if (timings) timings[phase] = Math.round(now - t);
      t = now;
    };
    const texts = docs.flatMap((d) => [d.title, d.text]);
    const keyTerms = extractKeyTerms(texts);
    const tokenizer = new Tokenizer(keyTerms);
    lap('keyTerms');
    tokenizer.addWords(discoverWords((s) => tokenizer.segment(s), discoverySample(docs), isStopWord));
    lap('discover');
    const chunks: Chunk[] = [];
    for (const doc of docs) chunks.push(...(await chunkDocument(doc, chunkOptions)));
    lap('chunk');
    const fieldsOf = chunkFieldsAnalyzer(tokenizer, {
      description: ranking.description !== false,
      repeat: ranking.descriptionRepeat,
    });
    const specs =
      ranking.unigramMaxDf === undefined
        ? FIELDS
        : FIELDS.map((f) => (f.name === 'unigrams' ? { ...f, maxDfRatio: ranking.unigramMaxDf } : f));
    const bm25 = Bm25Index.build(
      specs,
      (function* () {
        for (const c of chunks) yield fieldsOf(c);
      })(),
      ranking.bm25 ?? RETRIEVAL_BM25,
    );
    lap('index');
    const index = new LexicalIndex(chunks, tokenizer, bm25, keyTerms);
    index.ranking = ranking;
    return index;
  }

  static fromSnapshot(s: LexicalSnapshot): LexicalIndex {
    return new LexicalIndex(s.chunks, new Tokenizer(s.extraWords), Bm25Index.fromSnapshot(s.bm25), s.keyTerms);
  }

  snapshot(): LexicalSnapshot {
    return {
      chunks: this.chunks,
      keyTerms: this.keyTerms,
      extraWords: this.tokenizer.extraWords,
      bm25: this.bm25.snapshot(),
    };
  }

  analyze(query: string): AnalyzedQuery {
    return queryFields(this.tokenizer, query, {
      colloquial: this.ranking.colloquial !== false,
      framing: this.ranking.framing === true,
    });
  }

  /**
   * BM25 ranking, then over the first CANDIDATES: the answer-type prior (a date/number question
   * prefers a passage whose sentence gives one with the question's terms) and the list-question
   * rerank (a passage that defines the asked term by an enumeration).
   */
  search(query: AnalyzedQuery, k: number): LexicalHit[] {
    // The list rerank was tuned on the first dev set; on data it was not tuned on it costs R@1
    // (BENCHMARKS.md: dev2 −0.8, tune −2.4 points), so it is off unless asked for.
    const { answerType = true, listRerank = false } = this.ranking;
    const list = listRerank && isListQuestion(query.text);
    const asked = answerType ? askedType(query.text) : null;
    // “哪三个性”, “几种思维”: the passage that enumerates the counted noun (政治性、时代性、规律性) answers it.
    const slogan = this.ranking.slogans === false ? null : countedSlogan(query.text);
    // “分别是哪四个”: a bare measure word counts nothing — the slogan named before it does.
    const noun = countedNoun(query.text);
    const counted =
      slogan && (!noun || MEASURE_ONLY.test(noun)) && questionKind(normalizeText(query.text)).list ? slogan.item : noun;
    const followOn = this.ranking.followOn ?? FOLLOW_ON_RATIO;
    const follows = followOn > 0 && asksForWhatFollows(query.text);
    const constraintWeight = this.ranking.constraint ?? CONSTRAINT_WEIGHT;
    const constraints = constraintWeight > 0 ? questionConstraints(query.text) : [];
    const definitionRatio = this.ranking.definitionFirst ?? DEFINITION_FIRST_RATIO;
    const defines = definitionRatio > 0 && isDefinitionQuestion(query.text);
    const attributes = this.ranking.attributeType === false ? [] : askedAttributes(query.text, answerTypeLexicon());
    const depth =
      list || asked || attributes.length || counted || this.ranking.prf || follows || constraints.length || defines
        ? Math.max(k, CANDIDATES, RERANK_DEPTH)
        : k;
    const options =
      this.ranking.wordsWeight === undefined
        ? SEARCH_OPTIONS
        : { fieldWeights: FIELDS.map((f) => (f.name === 'words' ? this.ranking.wordsWeight! : f.weight)) };
    let hits = this.bm25
      .search(query.fields, depth, options)
      .map(({ doc, score }) => ({ index: doc, chunk: this.chunks[doc]!, score }));
    if (!hits.length) return hits;
    let rescored = false;
    if (constraints.length) {
      // “开化今年引才目标…”: the county's own passage, not the city's plan that shares every other word.
      // Relative: passages that meet the constraints alike keep their ratios (the answer composer reads them).
      hits = hits.map((h) => {
        const met = constraintsMet(constraints, h.chunk, this.haystack(h.index)).share;
        return met > 0 ? { ...h, score: h.score * (1 + constraintWeight * met) } : h;
      });
      rescored = true;
    }
    // A contents page lists every article's title: a question naming two articles must not land on it.
    const front = this.ranking.frontMatter ?? FRONT_MATTER_WEIGHT;
    if (front !== 1) {
      const q = normalizeText(query.text);
      hits = hits.map((h) =>
        isFrontMatter(h.chunk) && !h.chunk.kinds?.some((w) => q.includes(w)) ? { ...h, score: h.score * front } : h,
      );
      rescored = true;
    }
    // “衢江…是咋摸的”: an article by another county (江山) that shares the topic words is not the answer.
    const conflict = this.ranking.placeConflict ?? PLACE_CONFLICT_WEIGHT;
    const placesAsked = constraints.filter((c) => c.kind === 'place');
    if (conflict > 0 && placesAsked.length) {
      const names = new Set(placesAsked.map((c) => c.text));
      hits = hits.map((h) => {
        const own = this.describedPlaces(h.chunk);
        if (!own.length || own.some((p) => names.has(p))) return h;
        return constraintsMet(placesAsked, h.chunk, this.haystack(h.index)).share > 0
          ? h
          : { ...h, score: h.score * (1 - conflict) };
      });
      rescored = true;
    }
    if (this.ranking.prf) {
      hits = this.feedback(query, hits, this.ranking.prf, Math.max(depth, CANDIDATES));
      rescored = true;
    }
    if (asked) {
      const top = hits[0]!.score;
      const atWeight = this.ranking.answerTypeWeight ?? ANSWER_TYPE_WEIGHT;
      const bigrams = new Set(query.bigrams);
      hits = hits.map((h) => {
        const cov = answerTypeCoverage(h.chunk.text, asked, bigrams);
        return cov > 0 ? { ...h, score: h.score + atWeight * top * cov } : h;
      });
      rescored = true;
    }
    if (attributes.length) {
      // “有啥不能搞的”, “成立要啥条件”: the passage whose sentence gives the attribute's form (不搞…, 须具备…).
      const top = hits[0]!.score;
      const atWeight = this.ranking.answerTypeWeight ?? ANSWER_TYPE_WEIGHT;
      const bigrams = new Set(query.bigrams);
      hits = hits.map((h) => {
        const cov = Math.max(...attributes.map((a) => passageFormCoverage(h.chunk.text, a.forms, bigrams)));
        return cov > 0 ? { ...h, score: h.score + atWeight * top * cov } : h;
      });
      rescored = true;
    }
    if (counted && this.ranking.enumeration !== false) {
      const top = hits[0]!.score;
      hits = hits.map((h, i) =>
        i < RERANK_DEPTH && enumeratesNoun(h.chunk.text, counted)
          ? { ...h, score: h.score + ENUMERATION_WEIGHT * top }
          : h,
      );
      rescored = true;
    }
    if (list) {
      const focus = focusTerms(query.text, query.words, this.keyTermSet);
      if (focus.length) {
        hits = hits.map((h, i) =>
          i < RERANK_DEPTH && focus.some((t) => definesByEnumeration(h.chunk.text, t))
            ? { ...h, score: h.score * (1 + DEFINITION_BONUS) }
            : h,
        );
        rescored = true;
      }
    }
    if (rescored) hits.sort((a, b) => b.score - a.score || a.index - b.index);
    if (follows) hits = this.followLeadIn(query.text, hits, followOn);
    if (defines) hits = this.firstMention(query, hits, definitionRatio);
    // Item N by its list marker (四、 / 三是 / （3）) first; a counted slogan's N-th item when no passage
    // of the top document has that marker (开化“五个一批”第三批: the items are 一批… clauses, unnumbered).
    let marked = false;
    if (this.ranking.ordinal !== false) {
      const kind = questionKind(normalizeText(query.text));
      const ask = ordinalAsked(query.text, kind.ordinal, kind.ordinalUnit);
      if (ask) ({ hits, found: marked } = this.itemFirst(query, hits, ask, options));
    }
    const sloganN = slogan && !marked ? sloganOrdinal(query.text, slogan) : null;
    if (slogan && sloganN) hits = this.sloganItemFirst(hits, slogan.item, sloganN);
    return hits.slice(0, k);
  }

  /**
   * A question asking for item N of a list or of the document's parts (第四部分标题, 第五条原话) names the
   * document and the list, not the item: among the top hit's document's passages that hold the marker of
   * item N (四、 / （四） / 5、 / 三是 …), the one that scores best goes first.
   */
  private itemFirst(
    query: AnalyzedQuery,
    hits: LexicalHit[],
    ask: OrdinalAsk,
    options: { fieldWeights: number[] },
  ): { hits: LexicalHit[]; found: boolean } {
    const top = hits[0];
    if (!top) return { hits, found: false };
    const span = this.docSpans.get(top.chunk.docId)!;
    const scored = this.bm25.search(query.fields, span.last - span.first + 1, { ...options, within: span });
    const best = scored.find((s) => holdsItem(this.chunks[s.doc]!.text, ask));
    if (!best) return { hits, found: false };
    if (best.doc === top.index) return { hits, found: true };
    const item = { index: best.doc, chunk: this.chunks[best.doc]!, score: top.score };
    return { hits: [item, ...hits.filter((h) => h.index !== best.doc)], found: true };
  }

  /**
   * 第N批 of a counted slogan (开化“五个一批”第三批): the passage of the top hit's document holding the N-th
   * clause that carries the slogan's 一X goes first (sloganItems), when the document has at least N of them.
   */
  private sloganItemFirst(hits: LexicalHit[], item: string, n: number): LexicalHit[] {
    const top = hits[0];
    if (!top) return hits;
    const span = this.docSpans.get(top.chunk.docId)!;
    const passages = this.chunks.slice(span.first, span.last + 1).map((c) => c.text);
    const items = sloganItems(passages, item);
    const at = items[n - 1];
    if (!at) return hits;
    const index = span.first + at.passage;
    if (index === top.index) return hits;
    const first = { index, chunk: this.chunks[index]!, score: top.score };
    return [first, ...hits.filter((h) => h.index !== index)];
  }

  /**
   * “X是干嘛的”, “X是指啥”: the passage that introduces X is the first of its document to mention it. Among
   * the candidates from the top hit's document that hold an asked term (quoted, or one of the corpus's key
   * terms) and score at least `ratio` of the top hit, the earliest in the document goes first.
   */
  private firstMention(query: AnalyzedQuery, hits: LexicalHit[], ratio: number): LexicalHit[] {
    const top = hits[0];
    if (!top) return hits;
    const focus = focusTerms(query.text, query.words, this.keyTermSet);
    if (!focus.length) return hits;
    const holds = (c: Chunk) => {
      const t = normalizeText(c.text);
      return focus.some((f) => t.includes(f));
    };
    let first: LexicalHit | null = null;
    for (const h of hits) {
      if (h.chunk.docId !== top.chunk.docId || h.index >= top.index || h.score < ratio * top.score) continue;
      if (holds(h.chunk) && (!first || h.index < first.index)) first = h;
    }
    if (!first) return hits;
    return [{ ...first, score: top.score }, ...hits.filter((h) => h.index !== first!.index)];
  }

  /**
   * A list or count question is worded like the list's lead-in (“重点做好以下五个方面工作：”, a section's
   * opening), and what answers it follows the lead-in. Consecutive passages share sentences (the chunk
   * overlap), so the passage holding the lead-in and the next one, holding it too and what follows, score
   * almost alike; when the next passage of the top hit's document reaches `ratio` of its score, it goes
   * first — unless the top passage already states the count asked (三步走 for 分几步).
   */
  private followLeadIn(question: string, hits: LexicalHit[], ratio: number): LexicalHit[] {
    const top = hits[0];
    if (!top || hits.length < 2) return hits;
    const span = this.docSpans.get(top.chunk.docId)!;
    if (top.index >= span.last) return hits;
    const at = hits.findIndex((h) => h.index === top.index + 1);
    if (at <= 0 || hits[at]!.score < ratio * top.score) return hits;
    if (statesCount(question, top.chunk.text)) return hits;
    const next = hits[at]!;
    return [{ ...next, score: top.score }, ...hits.filter((_, i) => i !== at)];
  }
}
