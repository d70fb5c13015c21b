/**
 * Chunking fit for Chinese policy text: sections follow the structure markers (一、 （一） 1. ①),
 * sections are cut into sentences (。！？；), and sentences are packed into passages of a few hundred
 * characters with a one-sentence overlap. Each chunk keeps its section heading path as context.
 * A sentence longer than a chunk is cut at commas by langchain's RecursiveCharacterTextSplitter.
 */
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { CorpusDocument } from '../corpus/types.js';
import type { Chunk } from './types.js';
import { detectHeading, type Heading } from './headings.js';
import { docKindWords, docLevelWords } from './lexicon.js';

/** How much of a document's opening is read to recognise its kind ("同志们：" opens a speech). */
const OPENING_CHARS = 60;

export interface ChunkOptions {
  /** Preferred passage length in characters; a passage is closed before it would exceed this. */
  targetChars?: number;
  /** Hard maximum passage length. */
  maxChars?: number;
  /** Sentences carried over from the previous passage, up to this many characters. */
  overlapChars?: number;
  /** Keep a document whole when it fits in maxChars (search-batch: one line = one passage). */
  wholeIfFits?: boolean;
  /** Add the level a document speaks for (区里, 县里, 市里: lexicon.ts docLevelWords) to its description. */
  level?: boolean;
}

export const DEFAULT_CHUNK_OPTIONS: Required<ChunkOptions> = {
  targetChars: 400,
  maxChars: 600,
  overlapChars: 150,
  wholeIfFits: false,
  level: true,
};

interface Sentence {
  text: string;
  /** First sentence of a paragraph (joined to the previous one with a line break). */
  paraStart: boolean;
}

interface Block {
  headings: string[];
  lines: string[];
}

/** Sentence ends, with closing quotes/brackets kept on the sentence they close. */
const SENTENCE = /[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)》]*|$)/gu;
/** Soft breaks where an over-long sentence may be cut; marked so the splitter keeps them on the left. */
const SOFT_BREAK = /([，,、：:）)])/gu;
const MARK = '\u0001';

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  for (const m of paragraph.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

export async function chunkDocument(doc: CorpusDocument, options: ChunkOptions = {}): Promise<Chunk[]> {
  const opts = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const kinds = docKindWords({
    title: doc.title,
    section: doc.section,
    author: doc.author,
    opening: doc.text.slice(0, OPENING_CHARS),
  });
  if (opts.level) for (const w of docLevelWords(doc.text)) if (!kinds.includes(w)) kinds.push(w);
  const make = (n: number, headings: string[], text: string): Chunk => ({
    id: `${doc.id}::${n}`,
    docId: doc.id,
    title: doc.title,
    source: doc.source,
    date: doc.date,
    headings,
    text,
    ...(doc.section ? { section: doc.section } : {}),
    ...(doc.author ? { author: doc.author } : {}),
    ...(doc.origin ? { origin: doc.origin } : {}),
    ...(kinds.length ? { kinds } : {}),
  });
  const whole = doc.text.trim();
  if (!whole) return [];
  if (opts.wholeIfFits && whole.length <= opts.maxChars) return [make(0, [], whole)];

  const chunks: Chunk[] = [];
  for (const block of sectionBlocks(doc.text)) {
    const sentences = await blockSentences(block, opts.maxChars);
    for (const text of packSentences(sentences, opts)) chunks.push(make(chunks.length, block.headings, text));
  }
  return chunks;
}

/** Split a document into sections by heading markers; a heading-only line is carried into its first section. */
function sectionBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const stack: Heading[] = [];
  let current: Block = { headings: [], lines: [] };
  let carried: string[] = [];
  for (const raw of text.split(/\n+/)) {
    const line = raw.trim();
    if (!line) continue;
    const h = detectHeading(line);
    if (!h) {
      current.lines.push(...carried, line);
      carried = [];
      continue;
    }
    if (current.lines.length) blocks.push(current);
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    stack.push(h);
    current = { headings: stack.map((s) => s.text), lines: [] };
    if (h.wholeLine) carried.push(line);
    else {
      current.lines.push(...carried, line);
      carried = [];
    }
  }
  current.lines.push(...carried);
  if (current.lines.length) blocks.push(current);
  return blocks;
}

async function blockSentences(block: Block, maxChars: number): Promise<Sentence[]> {
  const out: Sentence[] = [];
  for (const line of block.lines) {
    let paraStart = true;
    for (const s of splitSentences(line)) {
      const parts = s.length > maxChars ? await splitLong(s, maxChars) : [s];
      for (const p of parts) {
        out.push({ text: p, paraStart });
        paraStart = false;
      }
    }
  }
  return out;
}

let longSplitter: RecursiveCharacterTextSplitter | null = null;
async function splitLong(sentence: string, maxChars: number): Promise<string[]> {
  if (!longSplitter || longSplitter.chunkSize !== maxChars) {
    longSplitter = new RecursiveCharacterTextSplitter({
      chunkSize: maxChars,
      chunkOverlap: 0,
      separators: [MARK, ' ', ''],
      keepSeparator: false,
    });
  }
  const parts = await longSplitter.splitText(sentence.replace(SOFT_BREAK, `$1${MARK}`));
  return parts.map((p) => p.replaceAll(MARK, '').trim()).filter(Boolean);
}

/** Greedy packing up to targetChars, then step back over up to overlapChars of sentences. */
function packSentences(sentences: Sentence[], opts: Required<ChunkOptions>): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < sentences.length) {
    let end = start;
    let len = sentences[start]!.text.length;
    while (end + 1 < sentences.length) {
      const next = sentences[end + 1]!.text.length;
      if (len + next > opts.targetChars || len + next > opts.maxChars) break;
      len += next;
      end++;
    }
    out.push(joinSentences(sentences, start, end));
    if (end + 1 >= sentences.length) break;
    let next = end + 1;
    let overlap = 0;
    while (next - 1 > start && overlap + sentences[next - 1]!.text.length <= opts.overlapChars) {
      next--;
      overlap += sentences[next]!.text.length;
    }
    start = next;
  }
  return out;
}

function joinSentences(sentences: Sentence[], from: number, to: number): string {
  let text = '';
  for (let i = from; i <= to; i++) {
    const s = sentences[i]!;
    text += (i > from && s.paraStart ? '\n' : '') + s.text;
  }
  return text;
}
