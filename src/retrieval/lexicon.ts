/**
 * Retrieval lexicons, kept as data files in data/retrieval/ (not as rules in code):
 *   colloquial.txt — colloquial → written forms added to a question (啥 → 什么, 搭班子 → 组建 配备 …)
 *   doc-kinds.txt  — document kinds (讲话, 卷首语, 编者按, 交流发言 …) with the patterns that recognise them,
 *                    so a document can be found by description ("那篇讲话里", "卷首那篇评论")
 * Both are hashed into the index cache key (lexiconFingerprint).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { normalizeText } from './normalize.js';
import { defaultTokenizer } from './tokenizer.js';
import { dataFile } from '../config/data-files.js';

export interface DocKind {
  /** Words added to a matching document's description. */
  words: string[];
  patterns: RegExp[];
}

export interface RetrievalLexicon {
  /** Colloquial form → written forms (normalised keys). */
  colloquial: Map<string, string[]>;
  /** Longest colloquial key, in characters. */
  maxKey: number;
  kinds: DocKind[];
  /** Hash of both files' contents (the index cache key includes it). */
  fingerprint: string;
}

function contentLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Parse colloquial.txt: `colloquial = written [written …]`. */
export function parseColloquial(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of contentLines(text)) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = normalizeText(line.slice(0, eq)).replace(/\s+/g, '');
    const forms = line
      .slice(eq + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (!key || !forms.length) continue;
    out.set(key, [...new Set([...(out.get(key) ?? []), ...forms])]);
  }
  return out;
}

/** Parse doc-kinds.txt: `descriptor words | pattern / pattern …`. */
export function parseDocKinds(text: string): DocKind[] {
  const out: DocKind[] = [];
  for (const line of contentLines(text)) {
    const bar = line.indexOf('|');
    if (bar < 0) continue;
    const words = line.slice(0, bar).trim().split(/\s+/).filter(Boolean);
    const patterns = line
      .slice(bar + 1)
      .split(' / ')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => new RegExp(p, 'mu'));
    if (words.length && patterns.length) out.push({ words, patterns });
  }
  return out;
}

export function lexiconFrom(colloquialText: string, kindsText: string): RetrievalLexicon {
  const colloquial = parseColloquial(colloquialText);
  let maxKey = 0;
  for (const k of colloquial.keys()) maxKey = Math.max(maxKey, k.length);
  const fingerprint = crypto
    .createHash('sha256')
    .update(colloquialText)
    .update('\n\u0000\n')
    .update(kindsText)
    .digest('hex')
    .slice(0, 16);
  return { colloquial, maxKey, kinds: parseDocKinds(kindsText), fingerprint };
}

let loaded: RetrievalLexicon | null = null;
/** The lexicon of data/retrieval/ (read once; an absent file is an empty lexicon). */
export function retrievalLexicon(): RetrievalLexicon {
  if (loaded) return loaded;
  const read = (name: string) => {
    try {
      return fs.readFileSync(dataFile('retrieval', name), 'utf8');
    } catch {
      return '';
    }
  };
  loaded = lexiconFrom(read('colloquial.txt'), read('doc-kinds.txt'));
  return loaded;
}

/** A colloquial expression found in a (normalised, space-free) question, with its written forms. */
export interface ColloquialMatch {
  start: number;
  end: number;
  forms: string[];
}

/**
 * The colloquial expressions of a question, longest match first at each position (咋整 before 咋),
 * positions in the normalised question without spaces.
 */
export function colloquialMatches(query: string, lex: RetrievalLexicon = retrievalLexicon()): ColloquialMatch[] {
  const q = normalizeText(query).replace(/\s+/g, '');
  const out: ColloquialMatch[] = [];
  // A one-character key (建, 考, 啥) is that word only where it stands alone, not inside 建设 or 考核.
  let alone: Set<number> | null = null;
  const standsAlone = (i: number) => {
    if (!alone) {
      alone = new Set();
      let pos = 0;
      for (const w of defaultTokenizer().segment(q)) {
        if (w.length === 1) alone.add(pos);
        pos += w.length;
      }
    }
    return alone.has(i);
  };
  for (let i = 0; i < q.length; ) {
    let matched = 0;
    for (let n = Math.min(lex.maxKey, q.length - i); n >= 1; n--) {
      if (n === 1 && !standsAlone(i)) break;
      const forms = lex.colloquial.get(q.slice(i, i + n));
      if (forms) {
        out.push({ start: i, end: i + n, forms });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

/**
 * The written forms for the colloquial expressions in a question. Returns the added forms only (the
 * question itself is unchanged).
 */
export function colloquialExpansions(query: string, lex: RetrievalLexicon = retrievalLexicon()): string[] {
  const q = normalizeText(query).replace(/\s+/g, '');
  const out: string[] = [];
  for (const m of colloquialMatches(query, lex))
    for (const f of m.forms) if (!out.includes(f) && !q.includes(f)) out.push(f);
  return out;
}

/** Descriptor words of the kinds a document matches (by its title, column, author and opening). */
export function docKindWords(
  doc: { title: string; section?: string | null; author?: string | null; opening?: string },
  lex: RetrievalLexicon = retrievalLexicon(),
): string[] {
  const fields = [doc.title, doc.section ?? '', doc.author ?? '', doc.opening ?? ''].map((s) => normalizeText(s));
  const out: string[] = [];
  for (const kind of lex.kinds) {
    if (kind.patterns.some((re) => fields.some((f) => f && re.test(f))))
      for (const w of kind.words) if (!out.includes(w)) out.push(w);
  }
  return out;
}

/**
 * The administrative level a document speaks for (区, 县, 市), read from how it names itself (全区, 我区, 区委 …):
 * people describe a document by it (“区里那篇讲话”, “县里的做法”) when its title names no place.
 * A level counts when it is named at least LEVEL_MIN times and at least twice as often as any other
 * (a district's text also names the city's 市委 above it).
 */
const LEVELS: Array<{ words: string[]; self: RegExp }> = [
  { words: ['区里'], self: /全区|我区|本区|区委|区政府/gu },
  { words: ['县里'], self: /全县|我县|本县|县委|县政府/gu },
  { words: ['市里'], self: /全市|我市|本市|市委|市政府/gu },
];
const LEVEL_MIN = 3;

export function docLevelWords(text: string): string[] {
  const counts = LEVELS.map((l) => text.match(l.self)?.length ?? 0);
  const best = Math.max(...counts);
  if (best < LEVEL_MIN) return [];
  const i = counts.indexOf(best);
  if (counts.some((c, j) => j !== i && c * 2 > best)) return [];
  return LEVELS[i]!.words;
}
