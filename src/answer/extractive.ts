/**
 * The extractive answerer (no LLM): the most relevant sentences of the top passages, short, each
 * group followed by its citation marker [n]. List questions prefer enumerations, number questions
 * sentences with quantities, and "第N条" picks item N of an enumeration.
 */
import type { Passage } from './types.js';
import { charLength, clip, endSentence, matchForm, splitSentences, tidy } from './text.js';
import { idfOver, queryTerms, scoreTerms, wordWeight, type QueryTerms, type TermTokenizer } from './terms.js';
import {
  cnNumeral,
  expectedCount,
  hasQuantity,
  isComparison,
  isEnumeration,
  isItem,
  listUnit,
  questionKind,
  ORDINAL_RE,
} from './question-kind.js';
import { commaListItem, enumerationItem, semicolonItem } from './enumeration.js';
import { askedKinds, holdsKind } from '../retrieval/confidence.js';
import { buildDocView, locate, type DocumentViews, type DocView } from './documents.js';
import { inlineItems, itemMarker, listAround } from './lists.js';

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
  /** Follow-ups: what the message itself asks (its words weigh most when choosing the sentence). */
  focus?: string;
  /** Follow-ups: the previous answer's document (the topic); sentences from others count less. */
  preferDoc?: string;
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
  /** The chunk the answer is anchored in. */
  chunkId?: string;
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

function candidates(
  query: string,
  terms: QueryTerms,
  passages: Passage[],
  maxSentence: number,
  avoid?: string,
  preferDoc?: string,
): Candidate[] {
  const avoidForm = avoid ? matchForm(avoid.replace(/\[\d+\]/gu, '').replace(/…$/u, '')) : '';
  const kind = questionKind(query);
  const asked = askedKinds(query).filter((k) => k !== 'list');
  const split = passages.map((p) => ({ p, sentences: splitSentences(p.chunk.text) }));
  const forms = split.flatMap((s) => s.sentences.map(matchForm));
  const idf = idfOver(forms);
  const top = Math.max(...passages.map((p) => p.score), 0);
  const out: Candidate[] = [];
  for (const { p, sentences } of split) {
    // Retrieval's order is a mild prior: the right sentence is often in the 3rd–6th passage.
    const rel = top > 0 ? Math.max(0, p.score) / top : 1 / p.n;
    const prior =
      (0.7 + 0.3 * rel) * Math.max(0.8, 1 - 0.03 * (p.n - 1)) * (preferDoc && p.chunk.docId !== preferDoc ? 0.6 : 1);
    // Words the title or section headings match count a little for every sentence under them.
    const context = matchForm(`${p.chunk.title} ${p.chunk.headings.join(' ')}`);
    sentences.forEach((full, idx) => {
      const raw = bestWindow(full, terms, maxSentence);
      const form = matchForm(raw);
      const m = scoreTerms(form, terms, idf);
      if (m.score <= 0) return;
      let ctx = 0;
      for (const w of terms.words)
        if (!form.includes(w) && context.includes(w)) ctx += 0.3 * wordWeight(w) * (idf(w) / idf.max);
      let score = (m.score + ctx) * prior;
      const len = charLength(raw);
      if (kind.number && hasQuantity(raw)) score *= 1.3;
      // The kind of thing asked for, in the unit asked for (钱 → 元, 多久 → 天/月, 几家 → N家, 哪天 → a date).
      for (const k of asked) if (holdsKind(k, raw, query)) score *= k === 'number' ? 1.3 : 1.2;
      if (kind.list && isEnumeration(raw)) score *= 1.25;
      if (len < 8) score *= 0.5;
      if (avoidForm?.includes(matchForm(full).slice(0, 40)))
        score *= terms.focus.some((w) => form.includes(w)) ? 0.8 : 0.3;
      else if (len < 30 && /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u.test(raw)) score *= 0.7;
      out.push({ p, idx, raw, full, score, firstHit: m.firstHit });
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
function ordinalAnswer(
  query: string,
  passages: Passage[],
  ordinal: number,
  unit: string,
  tokenizer?: TermTokenizer,
): ExtractiveAnswer | null {
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
      return {
        text: `${lead}${endSentence(clip(item, 200))}[${p.n}]`,
        used: [{ n: p.n, quote: clip(item, QUOTE_MAX) }],
      };
    }
  }
  return null;
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

/** Sentences after a lead-in ending in “：” (same paragraph), up to `max` characters. */
function continuation(view: DocView, a: number, max: number): number[] {
  const out: number[] = [];
  let len = 0;
  const para = view.sentences[a]!.para;
  for (let i = a + 1; i < view.sentences.length; i++) {
    const s = view.sentences[i]!;
    if (s.para !== para && !itemMarker(s.text)) break;
    len += charLength(s.text);
    if (len > max && out.length > 0) break;
    out.push(i);
    if (/[。！？]$/u.test(s.text) && out.length >= 1 && !/[：:]$/u.test(view.sentences[a]!.text)) break;
  }
  return out;
}

export function extractiveAnswer(
  query: string,
  passages: Passage[],
  opts: ExtractiveOptions = {},
): ExtractiveAnswer | null {
  const pool = passages.slice(0, opts.passages ?? 6);
  if (pool.length === 0) return null;
  const terms = queryTerms(query, opts.tokenizer);
  const kind = questionKind(query);

  if (kind.ordinal !== null) {
    const hit = ordinalAnswer(query, pool, kind.ordinal, kind.ordinalUnit, opts.tokenizer);
    if (hit) return hit;
  }

  if (opts.focus) {
    const f = matchForm(opts.focus);
    const focus = terms.words.filter((w) => f.includes(w));
    if (focus.length) terms.focus = focus;
  }
  const cands = candidates(query, terms, pool, WHOLE_SENTENCE, opts.avoid, opts.preferDoc);
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

  if (kind.list && a >= 0) {
    const want = expectedCount(query);
    const anchorInline = inlineItems(view.sentences[a]!.text);
    // The sentence itself lists the items (“日常考核、分类考核、近距离考核”): it is the answer, unless
    // the question says how many and the count does not fit.
    const inlineFits =
      anchorInline !== null &&
      anchorInline.length >= 3 &&
      !/[：:]$/u.test(view.sentences[a]!.text) &&
      (want === null || anchorInline.length === want);
    if (!inlineFits) {
      // A list spread over sentences: from the best sentence, else from the next best of this document.
      for (const c of sameDoc.slice(0, 3)) {
        if (c.score < best.score * 0.6) break;
        const ci = at(c);
        if (ci < 0) continue;
        let list = listAround(view, ci);
        let lead: string | null = null;
        if (list && want !== null && list.items.length !== want) {
          // The count does not fit: the item's own sentences may be the list asked for (“三是绘好
          // 人才“三张图”…。绘好“需求图”…；绘好“供给图”…”).
          const inner = itemBody(view, ci);
          if (inner.length === want) {
            list = { starts: [], items: inner, chunkIds: [view.sentences[ci]!.chunkId], end: ci + inner.length };
            lead = view.sentences[ci]!.text;
          } else if (c !== best) continue;
          else list = null;
        }
        if (!list) continue;
        unit = listUnit(query);
        items = list.items;
        if (lead === null && list.starts.length) {
          const leadIdx = list.starts[0]! - 1;
          const prevText = leadIdx >= 0 && leadIdx !== ci ? view.sentences[leadIdx]!.text : '';
          lead = /[：:]$/u.test(prevText) && !itemMarker(prevText) ? prevText : null;
        }
        const head = lead ? lead.replace(/[：:。；;]$/u, '，') : '';
        parts.push(`${head}共${countWord(items.length, unit)}：${joinItems(items)}[${n}]`);
        used.push({ n, quote: quoteOf(view.sentences[ci]!.text, terms) });
        break;
      }
    }
  }

  if (parts.length === 0) {
    // The best sentence, whole; a lead-in (“…：”) or a bare heading takes what follows it.
    const whole = a >= 0 ? view.sentences[a]!.text : best.full;
    const sentence = charLength(whole) <= WHOLE_SENTENCE ? whole : best.raw;
    let text = sentence;
    if (a >= 0 && (/[：:；;]$/u.test(sentence) || charLength(sentence) < 24)) {
      for (const i of continuation(view, a, kind.list ? 300 : 200)) text += view.sentences[i]!.text;
    }
    // A second sentence of the same document when it scores close (not for numbers: one fact).
    const second = kind.number
      ? undefined
      : sameDoc.find(
          (c) => c !== best && c.score >= best.score * 0.8 && !text.includes(c.full) && !c.full.includes(sentence),
        );
    let extra = '';
    if (second && charLength(text) + charLength(second.full) <= 300) {
      const si = at(second);
      extra = second.full;
      // Keep document order.
      if (si >= 0 && a >= 0 && si < a) {
        text = `${extra}${endSentence(text)}`;
        extra = '';
      }
    }
    parts.push(`${endSentence(text)}${extra ? endSentence(extra) : ''}[${n}]`);
    used.push({ n, quote: quoteOf(whole, terms) });
    if (kind.list) {
      const inline = inlineItems(text);
      if (inline) {
        items = inline;
        unit = listUnit(query);
      }
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
  return { text: parts.join(''), used, ...(items ? { items, unit } : {}), chunkId: best.p.chunk.id };
}
