/**
 * Documents as sentence sequences, rebuilt from the retriever's chunks (consecutive chunks overlap
 * by whole sentences): an answer can run past the end of the passage retrieval returned — a list
 * whose items are spread over headings and sentences, the sentence after a lead-in ending in “：”.
 */
import type { Chunk, Retriever } from '../retrieval/types.js';
import { splitSentences } from './text.js';

export interface DocSentence {
  text: string;
  /** The first chunk holding this sentence. */
  chunkId: string;
  /** Paragraph number within the document (sentences of one line share it). */
  para: number;
}

export interface DocView {
  docId: string;
  sentences: DocSentence[];
  /** Whitespace-free sentence text → its indexes. */
  index: Map<string, number[]>;
}

const compact = (s: string) => s.replace(/\s+/gu, '');

function chunkNumber(c: Chunk): number {
  const m = /::(\d+)$/u.exec(c.id);
  return m ? Number(m[1]) : 0;
}

/** One document's sentence sequence from its chunks (in chunk order, overlaps removed). */
export function buildDocView(docId: string, chunks: Chunk[]): DocView {
  const ordered = [...chunks].sort((a, b) => chunkNumber(a) - chunkNumber(b));
  const sentences: DocSentence[] = [];
  let para = 0;
  for (const c of ordered) {
    const lines = c.text.split('\n');
    const own: { text: string; lineStart: boolean }[] = [];
    for (const line of lines) {
      for (const [i, s] of splitSentences(line).entries()) own.push({ text: s, lineStart: i === 0 });
    }
    // The longest prefix of this chunk that repeats the end of what we have (the overlap).
    let skip = 0;
    for (let k = Math.min(own.length, sentences.length); k > 0; k--) {
      let same = true;
      for (let i = 0; i < k && same; i++)
        same = compact(own[i]!.text) === compact(sentences[sentences.length - k + i]!.text);
      if (same) {
        skip = k;
        break;
      }
    }
    own.slice(skip).forEach((s, i) => {
      if (s.lineStart || (i === 0 && skip === 0)) para++;
      sentences.push({ text: s.text, chunkId: c.id, para });
    });
  }
  const index = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    const k = compact(s.text);
    index.set(k, [...(index.get(k) ?? []), i]);
  });
  return { docId, sentences, index };
}

/** Chunks of the retriever when it exposes them (HybridRetriever: lexical.chunks). */
export function allChunks(retriever: Retriever): Chunk[] {
  const r = retriever as { chunks?: () => Chunk[]; lexical?: { chunks?: Chunk[] } };
  if (typeof r.chunks === 'function') return r.chunks();
  return r.lexical?.chunks ?? [];
}

/** Document views of one retriever, built on first use and cached with the chunk array. */
export class DocumentViews {
  private byDoc: Map<string, Chunk[]> | null = null;
  private views = new Map<string, DocView>();
  private source: Chunk[] | null = null;

  constructor(private readonly getChunks: () => Chunk[]) {}

  private grouped(): Map<string, Chunk[]> {
    const chunks = this.getChunks();
    if (this.byDoc && this.source === chunks) return this.byDoc;
    this.source = chunks;
    this.views.clear();
    const m = new Map<string, Chunk[]>();
    for (const c of chunks) {
      const g = m.get(c.docId);
      if (g) g.push(c);
      else m.set(c.docId, [c]);
    }
    this.byDoc = m;
    return m;
  }

  /** One chunk of a document by id (null when the retriever exposes no chunks). */
  chunk(docId: string, chunkId: string): Chunk | null {
    return (
      this.grouped()
        .get(docId)
        ?.find((c) => c.id === chunkId) ?? null
    );
  }

  /** The document's view; falls back to the given chunks when the retriever exposes none. */
  view(docId: string, fallback: Chunk[] = []): DocView {
    const g = this.grouped().get(docId);
    if (!g)
      return buildDocView(
        docId,
        fallback.filter((c) => c.docId === docId),
      );
    let v = this.views.get(docId);
    if (!v) {
      v = buildDocView(docId, g);
      this.views.set(docId, v);
    }
    return v;
  }
}

const cache = new WeakMap<Retriever, DocumentViews>();

export function documentViews(retriever: Retriever): DocumentViews {
  let v = cache.get(retriever);
  if (!v) {
    v = new DocumentViews(() => allChunks(retriever));
    cache.set(retriever, v);
  }
  return v;
}

/** Index of a passage sentence in its document view (the first occurrence at or after the chunk's start). */
export function locate(view: DocView, sentence: string, chunkId?: string): number {
  const key = compact(sentence);
  let at = view.index.get(key);
  if (!at || at.length === 0) {
    // Split differently (a heading on the same line in one chunk, on its own in the next): the
    // document sentence that the passage sentence starts with.
    const found: number[] = [];
    view.sentences.forEach((s, i) => {
      const k = compact(s.text);
      if (k.length >= 6 && key.startsWith(k)) found.push(i);
    });
    at = found;
  }
  if (at.length === 0) return -1;
  if (chunkId) {
    const firstOfChunk = view.sentences.findIndex((s) => s.chunkId === chunkId);
    const after = at.find((i) => i >= firstOfChunk - 3);
    if (after !== undefined) return after;
  }
  return at[0]!;
}
