/**
 * Chinese tokenisation for BM25: jieba word segmentation in search mode (a long word also yields its
 * dictionary sub-words: 金属材料 → 金属, 材料), plus character bigrams and single characters over runs
 * of content words, for recall on names and abbreviations jieba does not know. Question and function
 * words are dropped on both sides.
 *
 * Each Tokenizer owns its jieba instance, because the corpus's own key terms (“三服务”, “1+1+1” …)
 * are added to its dictionary: indexing and querying must use the same instance.
 *
 * Speed: one native call per text (precise mode); the search-mode sub-words are found here with a
 * set of the dictionary's 2–3 character words, as jieba's cut_for_search does.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from './normalize.js';
import { isStopWord } from './stopwords.js';

export interface AnalyzedText {
  /** jieba words (search mode), stop words removed, normalised. */
  words: string[];
  /** Character bigrams of Han runs made of consecutive content words. */
  bigrams: string[];
  /** Single Han characters of those runs (weak evidence: 荣誉 ~ 荣获, “百” in 百名). */
  unigrams: string[];
}

/** Frequency given to added corpus terms: high enough to win over splitting them (tagged as nouns). */
const ADDED_WORD_FREQ = 2000;
/**
 * Jieba's HMM guesses unknown words; for indexing it glues particles onto content ("专班要", "签了"),
 * so it is off: unknown sequences fall back to characters, which the bigram field covers, and the
 * corpus's own recurring words are added to the dictionary instead (key-terms.ts).
 */
const HMM = false;
const SUB_WORD_CACHE = 200_000;
/** “安、专、迷” → the abbreviation 安专迷 people type in questions. */
const ENUMERATED_CHARS = /“(\p{Script=Han}(?:、\p{Script=Han}){1,7})”/gu;

let dictionaryGrams: Set<string> | null = null;
/** The 2–3 character words of jieba's dictionary (the only lengths search mode looks up). */
function dictionaryShortWords(): Set<string> {
  if (dictionaryGrams) return dictionaryGrams;
  const set = new Set<string>();
  const text = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const word = text.slice(start, space > start && space < end ? space : end);
    if (word.length === 2 || word.length === 3) set.add(word.toLowerCase());
    start = end + 1;
  }
  dictionaryGrams = set;
  return set;
}

/** 0: no content (punctuation, space); 1: Han characters only; 2: other content (digits, Latin, mixed). */
function tokenKind(w: string): 0 | 1 | 2 {
  let han = true;
  let content = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      content = true;
    } else {
      han = false;
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0xac00)
        content = true;
      else if (c >= 0xd800 && c <= 0xdbff) content = true; // astral (rare CJK extensions): count as content
    }
  }
  if (!content) return 0;
  return han ? 1 : 2;
}

export class Tokenizer {
  private readonly jieba: Jieba;
  private readonly added = new Set<string>();
  private readonly shortWords = dictionaryShortWords();
  private readonly subWordCache = new Map<string, string[]>();

  constructor(extraWords: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    this.addWords(extraWords);
  }

  /** Words added to the dictionary (sorted), e.g. for the index cache. */
  get extraWords(): string[] {
    return [...this.added].sort();
  }

  /** Teach jieba more words (normalised first). Already-known ones are skipped. */
  addWords(words: Iterable<string>): void {
    const fresh: string[] = [];
    for (const w of words) {
      const n = normalizeText(w).replace(/\s+/g, '');
      if (n.length < 2 || this.added.has(n)) continue;
      this.added.add(n);
      fresh.push(`${n} ${ADDED_WORD_FREQ} n`);
    }
    this.subWordCache.clear();
    if (fresh.length) this.jieba.loadDict(Buffer.from(`${fresh.join('\n')}\n`));
  }

  /** Precise-mode segmentation of normalised text, nothing dropped (as indexed: no HMM by default). */
  segment(text: string, hmm = HMM): string[] {
    return this.jieba.cut(normalizeText(text), hmm);
  }

  /**
   * Words of a (short) text with part-of-speech tags, HMM on so unknown names stay whole.
   * `stop` marks question/function words, `content` whether the token has letters or digits.
   */
  tagged(text: string): Array<{ word: string; tag: string; stop: boolean; content: boolean }> {
    return this.jieba
      .tag(normalizeText(text), true)
      .map((t) => ({ ...t, stop: isStopWord(t.word), content: tokenKind(t.word) !== 0 }));
  }

  /** `stop`: which tokens are dropped (default the stop words; the query side also drops framing words). */
  analyze(text: string, stop: (w: string) => boolean = isStopWord): AnalyzedText {
    const norm = normalizeText(text);
    const words: string[] = [];
    const bigrams: string[] = [];
    const unigrams: string[] = [];
    // The current run of content Han words, as [runStart, pos) in `norm` (jieba's tokens tile the text).
    let runStart = 0;
    let pos = 0;
    const flush = (end: number) => {
      for (let i = runStart; i < end; i++) {
        unigrams.push(norm[i]!);
        if (i + 1 < end) bigrams.push(norm.slice(i, i + 2));
      }
    };
    for (const w of this.jieba.cut(norm, HMM)) {
      if (!norm.startsWith(w, pos)) {
        flush(pos);
        const at = norm.indexOf(w, pos);
        pos = at < 0 ? pos : at;
        runStart = pos;
      }
      const kind = tokenKind(w);
      if (kind === 1 && !stop(w)) {
        if (w.length > 2) this.pushSubWords(w, words);
        words.push(w);
        pos += w.length;
        continue;
      }
      flush(pos);
      if (kind === 2 && !stop(w)) {
        if (w.length > 2) this.pushSubWords(w, words);
        words.push(w);
      }
      pos += w.length;
      runStart = pos;
    }
    flush(pos);
    if (norm.includes('、')) for (const m of norm.matchAll(ENUMERATED_CHARS)) words.push(m[1]!.replace(/、/g, ''));
    return { words, bigrams, unigrams };
  }

  /**
   * Character unigrams and bigrams of every Han run of a text, nothing dropped (the index side: a
   * passage's "的" or "是" may sit inside a term the question spells differently).
   */
  charGrams(text: string): { unigrams: string[]; bigrams: string[] } {
    const unigrams: string[] = [];
    const bigrams: string[] = [];
    pushHanGrams(normalizeText(text), unigrams, bigrams);
    return { unigrams, bigrams };
  }

  /**
   * The query side of charGrams: question and function words (stopwords.ts) are cut out first and
   * break the runs, so "什么条件" gives 条, 件, 条件 and no "么条".
   */
  queryCharGrams(text: string, stop: (w: string) => boolean = isStopWord): { unigrams: string[]; bigrams: string[] } {
    const unigrams: string[] = [];
    const bigrams: string[] = [];
    let piece = '';
    for (const w of this.jieba.cut(normalizeText(text), HMM)) {
      if (stop(w)) {
        pushHanGrams(piece, unigrams, bigrams);
        piece = '';
      } else piece += w;
    }
    pushHanGrams(piece, unigrams, bigrams);
    return { unigrams, bigrams };
  }

  /** Search mode: the dictionary's 2- and 3-character words inside a longer word (memoised). */
  private pushSubWords(w: string, out: string[]): void {
    let subs = this.subWordCache.get(w);
    if (!subs) {
      subs = [];
      for (let n = 2; n <= 3 && n < w.length; n++) {
        for (let i = 0; i + n <= w.length; i++) {
          const g = w.slice(i, i + n);
          if (this.shortWords.has(g) || this.added.has(g)) subs.push(g);
        }
      }
      if (this.subWordCache.size >= SUB_WORD_CACHE) this.subWordCache.clear();
      this.subWordCache.set(w, subs);
    }
    for (let i = 0; i < subs.length; i++) out.push(subs[i]!);
  }
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function isAlnumCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Unigrams and bigrams of the Han runs of an already normalised text; a run of digits or Latin
 * letters ("1366", "6q24s", "2019") is one unigram token, so figures and codes are matched whole.
 */
function pushHanGrams(norm: string, unigrams: string[], bigrams: string[]): void {
  let prevHan = false;
  let alnumStart = -1;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 0;
    const alnum = isAlnumCode(c);
    if (alnum && alnumStart < 0) alnumStart = i;
    else if (!alnum && alnumStart >= 0) {
      const run = norm.slice(alnumStart, i);
      unigrams.push(run);
      // A code or figure of two or more characters ("1366", "6q24s") counts in the bigram field too, as a
      // Han term of the same length does: otherwise it weighs half a Han word.
      if (run.length >= 2) bigrams.push(run);
      alnumStart = -1;
    }
    const han = isHanCode(c);
    if (han) {
      unigrams.push(norm[i]!);
      if (prevHan) bigrams.push(norm.slice(i - 1, i + 1));
    }
    prevHan = han;
  }
}

let shared: Tokenizer | null = null;
/** A tokenizer with jieba's default dictionary only (lazily created, shared). */
export function defaultTokenizer(): Tokenizer {
  shared ??= new Tokenizer();
  return shared;
}

/** Convenience: the index terms of a text with the default dictionary (words, then bigrams). */
export function tokenize(text: string): string[] {
  const { words, bigrams } = defaultTokenizer().analyze(text);
  return [...words, ...bigrams];
}
