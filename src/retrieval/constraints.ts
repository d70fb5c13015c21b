/**
 * The specific constraints of a question — the places it names, the years it asks about, the batch
 * or round it means (第二批, 第三届), the birth cohort (85后) — and whether a passage meets them. A near miss shares the topic
 * words with the corpus ("越城…引进人才") but not the detail asked (2019年, 第二批, 江山): coverage
 * alone lets it pass, because a year or a place is one word among many. The not-found gate reads the
 * share of constraints met as a feature of its own (confidence.ts).
 * Where a constraint may be met: a place in the passage, its headings or the document's description
 * (title, column, author, source — a county's own report names the county there only); a year or a
 * batch in the passage text or its headings/title.
 * Place names are data (data/retrieval/places.txt), not rules in code.
 */
import fs from 'node:fs';
import { chunkContext, chunkDescription } from './fields.js';
import { normalizeText } from './normalize.js';
import type { Chunk } from './types.js';
import { dataFile } from '../config/data-files.js';

const PLACES_FILE = [dataFile('retrieval', 'places.txt')].find((f) => fs.existsSync(f));

export interface Place {
  /** The short form a question writes (越城). */
  name: string;
  /** Forms that count as naming the place (越城, 越城区). */
  forms: string[];
}

/** Parse places.txt: a line lists places separated by spaces, or one place with its full forms. */
export function parsePlaces(text: string): Place[] {
  const out: Place[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const words = line.split(/\s+/).map((w) => normalizeText(w));
    // "越城 越城区": the second form extends the first; "海曙 北仑 …": separate places.
    if (words.length > 1 && words.slice(1).every((w) => w.startsWith(words[0]!)))
      out.push({ name: words[0]!, forms: words });
    else for (const w of words) out.push({ name: w, forms: [w] });
  }
  return out;
}

let cached: Place[] | undefined;
export function places(): Place[] {
  cached ??= PLACES_FILE ? parsePlaces(fs.readFileSync(PLACES_FILE, 'utf8')) : [];
  return cached;
}

export type ConstraintKind = 'place' | 'year' | 'batch' | 'cohort';

export interface Constraint {
  kind: ConstraintKind;
  /** As written in the question. */
  text: string;
  /** Any of these in the right part of the passage meets it. */
  forms: string[];
}

const HAN_DIGITS = '一二三四五六七八九十';
const ORDINAL = new RegExp(`第([${HAN_DIGITS}\\d]{1,3})(批|届|轮|期)`, 'gu');

/** The specific constraints of a question: places, years, batch/round ordinals, birth cohorts. */
export function questionConstraints(question: string, placeList: Place[] = places()): Constraint[] {
  const q = normalizeText(question).replace(/\s+/g, '');
  const out: Constraint[] = [];
  // Places: longest first, a shorter name inside a longer one found already does not count again.
  const taken: Array<[number, number]> = [];
  for (const p of [...placeList].sort((a, b) => b.name.length - a.name.length)) {
    let at = q.indexOf(p.name);
    while (at >= 0) {
      const end = at + p.name.length;
      if (!taken.some(([s, e]) => at < e && end > s)) {
        taken.push([at, end]);
        if (!out.some((c) => c.text === p.name)) out.push({ kind: 'place', text: p.name, forms: p.forms });
      }
      at = q.indexOf(p.name, at + 1);
    }
  }
  for (const m of q.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/gu)) {
    if (!out.some((c) => c.text === m[1])) out.push({ kind: 'year', text: m[1]!, forms: [m[1]!] });
  }
  // A birth cohort (“85后”, the passage's “82后” is another one): as specific as a year.
  for (const m of q.matchAll(/(?<![\d.])(\d{2})后/gu)) {
    if (!out.some((c) => c.text === m[0])) out.push({ kind: 'cohort', text: m[0], forms: [m[0]] });
  }
  for (const m of q.matchAll(ORDINAL)) {
    const n = m[1]!;
    const forms = [m[0]];
    // 第一批 is also written 首批.
    if (n === '一' || n === '1') forms.push(`首${m[2]}`, `第1${m[2]}`, `第一${m[2]}`);
    out.push({ kind: 'batch', text: m[0], forms });
  }
  return out;
}

function squash(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/** Where a passage may meet a constraint: its text with headings and title, and the document's description. */
export interface ConstraintHaystack {
  passage: string;
  description: string;
}

export function constraintHaystack(chunk: Chunk): ConstraintHaystack {
  return { passage: squash(`${chunkContext(chunk)}\n${chunk.text}`), description: squash(chunkDescription(chunk)) };
}

/** Share of the constraints a passage meets (1 when the question has none). */
export function constraintsMet(
  constraints: Constraint[],
  chunk: Chunk,
  hay: ConstraintHaystack | null = null,
): { share: number; unmet: Constraint[] } {
  if (!constraints.length) return { share: 1, unmet: [] };
  const { passage, description } = hay ?? constraintHaystack(chunk);
  const unmet = constraints.filter((c) => {
    const where = c.kind === 'place' ? `${passage}|${description}` : passage;
    return !c.forms.some((f) => where.includes(f));
  });
  return { share: 1 - unmet.length / constraints.length, unmet };
}
