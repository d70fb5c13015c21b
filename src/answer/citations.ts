/**
 * Citation markers in an answer: parse [n] / [n,m] / [n-m] / 【n】 / [^n], drop markers that point at
 * no passage actually given, renumber in order of first use, and build the Citation objects.
 */
import type { Citation } from '../messaging/reply.js';
import type { Passage } from './types.js';
import { bestQuote } from './extractive.js';
import { queryTerms, type TermTokenizer } from './terms.js';

const MARKER = /[[【]\s*\^?\s*(\d{1,3}(?:\s*[,，、;；\-–~]\s*\^?\s*\d{1,3})*)\s*[\]】]/gu;

export interface Marker {
  start: number;
  end: number;
  nums: number[];
}

export function parseMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const nums: number[] = [];
    const body = m[1] ?? '';
    for (const part of body.split(/\s*[,，、;；]\s*/u)) {
      const range = /^\^?(\d+)\s*[-–~]\s*\^?(\d+)$/u.exec(part);
      if (range) {
        const a = Number(range[1]);
        const b = Number(range[2]);
        if (b >= a && b - a <= 10) for (let i = a; i <= b; i++) nums.push(i);
        continue;
      }
      const v = Number(part.replace(/\^/g, ''));
      if (Number.isInteger(v)) nums.push(v);
    }
    out.push({ start: m.index, end: m.index + m[0].length, nums });
  }
  return out;
}

/** A reference list some models append despite the prompt ("参考资料：[1]《…》"). */
function stripReferenceSection(text: string): string {
  const m =
    /\n\s*(?:#+\s*)?(?:参考资料|参考文献|参考来源|资料来源|引用|来源|出处|References?)\s*[:：]?\s*\n[\s\S]*$/iu.exec(
      text,
    );
  return m ? text.slice(0, m.index).trimEnd() : text;
}

export function citationFor(n: number, p: Passage, quote: string): Citation {
  return {
    n,
    docId: p.chunk.docId,
    title: p.chunk.title,
    source: p.chunk.source,
    date: p.chunk.date,
    chunkId: p.chunk.id,
    quote,
  };
}

export interface ValidatedAnswer {
  text: string;
  citations: Citation[];
  /** Markers removed because they pointed at no given passage. */
  dropped: number;
}

/**
 * Keep only markers that point at given passages, renumbered 1..m in order of first use.
 * Quotes: the passage sentence that best matches the question plus the answer sentences citing it.
 */
export function validateCitations(
  answer: string,
  passages: Passage[],
  question: string,
  opts: {
    /** Known quotes per passage number (the extractive answer's sentences). */
    quotes?: Map<number, string>;
    tokenizer?: TermTokenizer;
  } = {},
): ValidatedAnswer {
  const { quotes, tokenizer } = opts;
  const text = stripReferenceSection(answer.trim());
  const byN = new Map(passages.map((p) => [p.n, p]));
  const renumber = new Map<number, number>();
  const context = new Map<number, string[]>();
  let dropped = 0;
  let out = '';
  let last = 0;
  for (const mk of parseMarkers(text)) {
    out += text.slice(last, mk.start).replace(/[ \t]+$/u, '');
    last = mk.end;
    const kept: number[] = [];
    for (const n of mk.nums) {
      if (!byN.has(n)) {
        dropped++;
        continue;
      }
      if (!renumber.has(n)) renumber.set(n, renumber.size + 1);
      const nn = renumber.get(n)!;
      if (!kept.includes(nn)) kept.push(nn);
      // The answer sentence this marker closes, for choosing the quote.
      const before = text.slice(0, mk.start);
      const sentence = before.slice(Math.max(before.search(/[^。！？；\n]*$/u), 0));
      context.set(n, [...(context.get(n) ?? []), sentence]);
    }
    out += kept.map((k) => `[${k}]`).join('');
  }
  out += text.slice(last);
  // Same marker twice in a row ("[1][1]") → once.
  out = out
    .replace(/(\[\d+\])(?:\s*\1)+/gu, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .trim();

  const citations: Citation[] = [];
  for (const [oldN, newN] of [...renumber.entries()].sort((a, b) => a[1] - b[1])) {
    const p = byN.get(oldN)!;
    const known = quotes?.get(oldN);
    if (known) {
      citations.push(citationFor(newN, p, known));
      continue;
    }
    const terms = queryTerms(`${question} ${(context.get(oldN) ?? []).join(' ')}`, tokenizer);
    citations.push(citationFor(newN, p, bestQuote(p, terms)));
  }
  return { text: out, citations, dropped };
}
