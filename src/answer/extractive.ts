/**
 * The extractive answerer (no LLM): the most relevant sentences of the top passages, short, each
 * group followed by its citation marker [n]. List questions prefer enumerations, number questions
 * sentences with quantities, and "第N条" picks item N of an enumeration.
 */
import type { Passage } from './types.js';
import { charLength, clip, endSentence, matchForm, splitSentences, tidy } from './text.js';
import { idfOver, queryTerms, scoreTerms, wordWeight, type QueryTerms, type TermTokenizer } from './terms.js';
import { cnNumeral, hasQuantity, isEnumeration, isItem, questionKind, ORDINAL_RE } from './question-kind.js';
import { commaListItem, enumerationItem, semicolonItem } from './enumeration.js';

export interface ExtractiveOptions {
  /** Longest answer, characters (default 300). */
  maxChars?: number;
  /** Most sentences picked by score, before list expansion (default 3). */
  maxSentences?: number;
  /** Passages considered (default 6). */
  passages?: number;
  /** Tokenizer for query terms (the retriever's, see tokenizerFor); jieba's default otherwise. */
  tokenizer?: TermTokenizer;
}

export interface ExtractiveAnswer {
  /** Answer text with [n] markers (n = passage numbers). */
  text: string;
  /** Passages cited, in order of first use, with the sentence quoted from each. */
  used: { n: number; quote: string }[];
}

interface Candidate {
  p: Passage;
  idx: number;
  raw: string;
  score: number;
  firstHit: number;
}

const MAX_SENTENCE = 160;
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

function candidates(query: string, terms: QueryTerms, passages: Passage[], maxSentence: number): Candidate[] {
  const kind = questionKind(query);
  const split = passages.map((p) => ({ p, sentences: splitSentences(p.chunk.text) }));
  const forms = split.flatMap((s) => s.sentences.map(matchForm));
  const idf = idfOver(forms);
  const top = Math.max(...passages.map((p) => p.score), 0);
  const out: Candidate[] = [];
  for (const { p, sentences } of split) {
    // Retrieval's order is a mild prior: the right sentence is often in the 3rd–6th passage.
    const rel = top > 0 ? Math.max(0, p.score) / top : 1 / p.n;
    const prior = (0.7 + 0.3 * rel) * Math.max(0.8, 1 - 0.03 * (p.n - 1));
    // Words the title or section headings match count a little for every sentence under them.
    const context = matchForm(`${p.chunk.title} ${p.chunk.headings.join(' ')}`);
    sentences.forEach((full, idx) => {
      const raw = bestWindow(full, terms, maxSentence);
      const form = matchForm(raw);
      const m = scoreTerms(form, terms, idf);
      if (m.score <= 0) return;
      let ctx = 0;
      for (const w of terms.words) if (!form.includes(w) && context.includes(w)) ctx += 0.3 * wordWeight(w) * (idf(w) / idf.max);
      let score = (m.score + ctx) * prior;
      const len = charLength(raw);
      if (kind.number && hasQuantity(raw)) score *= 1.3;
      if (kind.list && isEnumeration(raw)) score *= 1.25;
      if (len < 8) score *= 0.5;
      else if (len < 30 && /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u.test(raw)) score *= 0.7;
      out.push({ p, idx, raw, score, firstHit: m.firstHit });
    });
  }
  return out.sort((a, b) => b.score - a.score);
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
function ordinalAnswer(query: string, passages: Passage[], ordinal: number, unit: string, tokenizer?: TermTokenizer): ExtractiveAnswer | null {
  const base = query.replace(new RegExp(ORDINAL_RE.source, 'gu'), ' ');
  const anchor = candidates(base, queryTerms(base, tokenizer), passages, MAX_LIST_SENTENCE)[0];
  const ordered = anchor ? [anchor.p, ...passages.slice(0, 3).filter((p) => p !== anchor.p)] : passages.slice(0, 3);
  for (const p of ordered) {
    const text = tidy(p.chunk.text).replace(/[ \t\u3000]+/g, '');
    const tries: Array<() => string | null> = [];
    if (anchor && p === anchor.p) {
      const anchorText = (splitSentences(p.chunk.text)[anchor.idx] ?? '').replace(/[ \t\u3000]+/g, '');
      const from = text.slice(Math.max(0, text.indexOf(anchorText)));
      // The anchor's own sentence (to 。) first: “三条原则，即“A；B；C”。”
      const sentence = from.slice(0, from.indexOf('。') + 1 || from.length);
      tries.push(() => semicolonItem(sentence, ordinal));
      tries.push(() => commaListItem(sentence, ordinal));
      tries.push(() => enumerationItem(from, ordinal));
    }
    tries.push(() => enumerationItem(text, ordinal));
    for (const t of tries) {
      const item = t();
      if (!item) continue;
      const lead = isItem(item) ? '' : `第${cnNumeral(ordinal)}${unit}：`;
      return { text: `${lead}${endSentence(clip(item, 200))}[${p.n}]`, used: [{ n: p.n, quote: clip(item, QUOTE_MAX) }] };
    }
  }
  return null;
}

export function extractiveAnswer(query: string, passages: Passage[], opts: ExtractiveOptions = {}): ExtractiveAnswer | null {
  const maxChars = opts.maxChars ?? 300;
  const maxSentences = opts.maxSentences ?? 3;
  const pool = passages.slice(0, opts.passages ?? 6);
  if (pool.length === 0) return null;
  const terms = queryTerms(query, opts.tokenizer);
  const kind = questionKind(query);

  if (kind.ordinal !== null) {
    const hit = ordinalAnswer(query, pool, kind.ordinal, kind.ordinalUnit, opts.tokenizer);
    if (hit) return hit;
  }

  const maxSentence = kind.list ? MAX_LIST_SENTENCE : MAX_SENTENCE;
  const cands = candidates(query, terms, pool, maxSentence);
  const best = cands[0];
  if (!best) return null;

  const chosen = new Map<string, Candidate>();
  const seenForms = new Set<string>();
  let budget = maxChars;
  const key = (c: { p: Passage; idx: number }) => `${c.p.n}:${c.idx}`;
  const take = (c: Candidate): boolean => {
    const form = matchForm(c.raw);
    if (chosen.has(key(c)) || seenForms.has(form)) return false;
    const text = c.raw;
    const len = charLength(text) + 3;
    if (len > budget && chosen.size > 0) return false;
    chosen.set(key(c), { ...c, raw: text });
    seenForms.add(form);
    budget -= len;
    return true;
  };

  let picked = 0;
  for (const c of cands) {
    if (picked >= maxSentences || budget <= 20) break;
    if (c.score < best.score * 0.45) break;
    if (take(c)) picked++;
  }

  // List questions: an enumeration continues past the best sentence (“三条原则：必须…；必须…；必须…。”).
  if (kind.list) {
    const sentences = splitSentences(best.p.chunk.text);
    const intro = sentences[best.idx - 1];
    if (isItem(best.raw) && intro && /[：:]$/u.test(intro)) {
      take({ ...best, idx: best.idx - 1, raw: intro, score: best.score, firstHit: 0 });
    }
    let prev = best.raw;
    for (let i = best.idx + 1; i < sentences.length && budget > 20; i++) {
      const s = sentences[i]!;
      const continues = isItem(s) || /[：:；;]$/u.test(prev) || (isItem(prev) && /[；;]$/u.test(prev));
      if (!continues) break;
      if (!take({ ...best, idx: i, raw: s, score: best.score, firstHit: 0 })) break;
      prev = s;
    }
  }

  // Group by passage (best passage first), sentences in text order, one marker per group.
  const groups = new Map<number, Candidate[]>();
  for (const c of [...chosen.values()].sort((a, b) => b.score - a.score)) {
    const g = groups.get(c.p.n) ?? [];
    g.push(c);
    groups.set(c.p.n, g);
  }
  const parts: string[] = [];
  const used: ExtractiveAnswer['used'] = [];
  for (const [n, g] of groups) {
    const quoteFrom = g[0]!;
    g.sort((a, b) => a.idx - b.idx);
    const sentences = g.map((c) => c.raw);
    sentences[sentences.length - 1] = endSentence(sentences[sentences.length - 1]!);
    parts.push(`${sentences.join('')}[${n}]`);
    // The quote: the best sentence; a clause ending in ；/： runs on into the next picked sentences.
    let quote = quoteFrom.raw;
    for (let i = g.indexOf(quoteFrom) + 1; i < g.length && /[；;：:]$/u.test(quote) && g[i]!.idx === g[i - 1]!.idx + 1; i++) {
      if (charLength(quote) + charLength(g[i]!.raw) > QUOTE_MAX) break;
      quote += g[i]!.raw;
    }
    used.push({ n, quote: clip(quote, QUOTE_MAX, quoteFrom.firstHit) });
  }
  return { text: parts.join(''), used };
}
