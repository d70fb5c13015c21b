/**
 * Lists spread over sentences and headings of a document: （一）…（二）…, 一是…二是…, ①②③, 1. 2. 3.,
 * 第一…第二…, 一、二、 — found from an anchor sentence (the lead-in, or one of the items) and
 * assembled in order with their count. Also the items of a list written inside one sentence
 * (“A；B；C” or “A、B、C”), so a follow-up can fetch item N of any list the answer gave.
 */
import { numeralValue } from './question-kind.js';
import type { DocView } from './documents.js';

export type MarkerStyle = 'shi' | 'paren-cn' | 'di' | 'qi' | 'circled' | 'arabic' | 'paren-num' | 'cn-dun';

export interface ItemMarker {
  style: MarkerStyle;
  n: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '[一二两三四五六七八九十]{1,3}';

const STYLES: Array<[MarkerStyle, RegExp]> = [
  ['shi', new RegExp(`^(${CN})是`, 'u')],
  ['paren-cn', new RegExp(`^[（(](${CN})[)）]`, 'u')],
  ['di', new RegExp(`^第(${CN})[，,、是：:]`, 'u')],
  ['qi', new RegExp(`^其(${CN})[，,、是：:]`, 'u')],
  ['circled', /^([①-⑳])/u],
  ['arabic', /^(\d{1,2})(?:[、．]|\.(?!\d))/u],
  ['paren-num', /^[（(](\d{1,2})[)）]/u],
  ['cn-dun', new RegExp(`^(${CN})[、．.](?![一二三四五六七八九十\\d])`, 'u')],
];

/** Outer structure markers first: a sentence of an outer style ends a list of an inner one. */
const LEVEL: Record<MarkerStyle, number> = {
  'cn-dun': 1,
  'paren-cn': 2,
  di: 2,
  arabic: 3,
  'paren-num': 4,
  circled: 5,
  shi: 6,
  qi: 6,
};

export function itemMarker(sentence: string): ItemMarker | null {
  const s = sentence.trim().replace(/^[“"‘【\s]+/u, '');
  for (const [style, re] of STYLES) {
    const m = re.exec(s);
    if (!m) continue;
    const raw = m[1]!;
    const n = style === 'circled' ? CIRCLED.indexOf(raw) + 1 : numeralValue(raw);
    if (n && n > 0) return { style, n };
  }
  return null;
}

export interface AssembledList {
  /** Index (in the document view) of each item's first sentence. */
  starts: number[];
  /** Item texts, each one or two whole sentences (a bare heading takes the sentence after it). */
  items: string[];
  /** Chunk ids the items come from, in order of first use. */
  chunkIds: string[];
  /** Last sentence index used. */
  end: number;
}

/** Longest item text kept (whole sentences only; a longer item keeps its first sentence). */
const ITEM_MAX = 220;
/** How far (sentences) the next item may be from the previous one. */
const ITEM_GAP = 14;
/**
 * The same for section-heading styles (一、 （一） 第一,): a heading's item is a whole section, often
 * longer than ITEM_GAP sentences (“重点做好以下五个方面工作：（一）…” with 一是…二是… under each).
 */
const HEADING_GAP = 80;

function gapFor(style: MarkerStyle): number {
  return LEVEL[style] <= 2 ? HEADING_GAP : ITEM_GAP;
}

/** The text of one item: its first sentence, plus the next one when the first is only a heading. */
function itemText(view: DocView, i: number, stop: number): { text: string; last: number } {
  const first = view.sentences[i]!.text;
  let text = first;
  let last = i;
  const bare = [...first.replace(/[。；;：:，,]$/u, '')].length <= 16 || /[：:]$/u.test(first);
  if (bare && i + 1 < stop && !itemMarker(view.sentences[i + 1]!.text)) {
    const next = view.sentences[i + 1]!.text;
    if ([...text].length + [...next].length <= ITEM_MAX) {
      text = `${first.replace(/[，,]$/u, '')}${/[。；;：:！？]$/u.test(first) ? '' : '：'}${next}`;
      last = i + 1;
    }
  }
  return { text, last };
}

/**
 * The list whose item 1 (of `style`) is at `first`: items 1, 2, 3 … of the same style, in order,
 * stopping at an outer marker, a gap of more than ITEM_GAP sentences or a broken sequence.
 */
export function collectItems(view: DocView, first: number, style: MarkerStyle): AssembledList | null {
  const starts = [first];
  let expect = 2;
  let i = first + 1;
  let lastStart = first;
  for (; i < view.sentences.length && i - lastStart <= gapFor(style); i++) {
    const m = itemMarker(view.sentences[i]!.text);
    if (!m) continue;
    if (m.style === style) {
      if (m.n !== expect) break;
      starts.push(i);
      lastStart = i;
      expect++;
      continue;
    }
    if (LEVEL[m.style] < LEVEL[style]) break;
  }
  if (starts.length < 2) return null;
  // Where the last item ends: the next marker of the same or an outer level, or its paragraph end.
  const items: string[] = [];
  const chunkIds: string[] = [];
  let end = first;
  starts.forEach((s, k) => {
    const stop = k + 1 < starts.length ? starts[k + 1]! : Math.min(view.sentences.length, s + 3);
    const { text, last } = itemText(view, s, stop);
    items.push(text);
    end = Math.max(end, last);
    const id = view.sentences[s]!.chunkId;
    if (!chunkIds.includes(id)) chunkIds.push(id);
  });
  return { starts, items, chunkIds, end };
}

/** A list anchored at sentence `a`: a lead-in followed by items, or one of the items itself. */
export function listAround(view: DocView, a: number): AssembledList | null {
  const here = itemMarker(view.sentences[a]!.text);
  if (here) {
    // One of the items: walk back to item 1 of the same style.
    let first = a;
    if (here.n > 1) {
      let want = here.n - 1;
      for (let i = a - 1; i >= 0 && a - i <= gapFor(here.style) * here.n && want >= 1; i--) {
        const m = itemMarker(view.sentences[i]!.text);
        if (m && m.style === here.style && m.n === want) {
          first = i;
          want--;
        } else if (m && LEVEL[m.style] < LEVEL[here.style]) break;
      }
      if (want >= 1) return null;
    }
    return collectItems(view, first, here.style);
  }
  // A lead-in that already holds item 1 (“…抓好“六个一”：（一）制定一个“发展规划”。”).
  const text = view.sentences[a]!.text;
  const colon = Math.max(text.lastIndexOf('：'), text.lastIndexOf(':'));
  if (colon >= 0) {
    const tail = text.slice(colon + 1);
    const m = itemMarker(tail);
    if (m && m.n === 1) {
      const list = collectItems(view, a, m.style);
      if (list) {
        const first = itemText(
          {
            ...view,
            sentences: [
              ...view.sentences.slice(0, a),
              { ...view.sentences[a]!, text: tail },
              ...view.sentences.slice(a + 1),
            ],
          },
          a,
          list.starts[1] ?? a + 1,
        );
        list.items[0] = first.text;
        return list;
      }
    }
  }
  // A lead-in: the items start within the next few sentences.
  for (let i = a + 1; i < view.sentences.length && i <= a + 3; i++) {
    const m = itemMarker(view.sentences[i]!.text);
    if (m && m.n === 1) return collectItems(view, i, m.style);
    if (m) break;
  }
  return paragraphItems(view, a);
}

/** Longest paragraph read as one unmarked item, characters. */
const PARAGRAPH_ITEM_MAX = 150;
/** Most unmarked paragraphs read as items of one list. */
const PARAGRAPH_ITEMS_MAX = 12;

/**
 * A lead-in that ends its paragraph with “：” followed by short unmarked paragraphs (“课题组成员：” then
 * one name a line): each paragraph is an item, up to a long paragraph, a marked one or another lead-in.
 */
export function paragraphItems(view: DocView, a: number): AssembledList | null {
  const lead = view.sentences[a]!;
  if (!/[：:]$/u.test(lead.text) || view.sentences[a + 1]?.para === lead.para) return null;
  const starts: number[] = [];
  const items: string[] = [];
  const chunkIds: string[] = [];
  let end = a;
  let i = a + 1;
  while (i < view.sentences.length && starts.length < PARAGRAPH_ITEMS_MAX) {
    const para = view.sentences[i]!.para;
    let j = i;
    let text = '';
    while (j < view.sentences.length && view.sentences[j]!.para === para) text += view.sentences[j++]!.text;
    if ([...text].length > PARAGRAPH_ITEM_MAX || itemMarker(text) || /[：:]$/u.test(text)) break;
    starts.push(i);
    items.push(text);
    const id = view.sentences[i]!.chunkId;
    if (!chunkIds.includes(id)) chunkIds.push(id);
    end = j - 1;
    i = j;
  }
  return starts.length >= 2 ? { starts, items, chunkIds, end } : null;
}

/** Items of a list inside one sentence: “A；B；C” (after a lead-in “…：”) or “A、B、C” (three or more). */
export function inlineItems(sentence: string): string[] | null {
  // (An item marker “1、” opening the text is no item of a run of 、.)
  const body = sentence.replace(/[。！？]+[”’]?$/u, '').replace(/^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})、/u, '');
  const inner = /[：:]|即/u.test(body)
    ? body.slice(
        Math.max(body.lastIndexOf('：'), body.lastIndexOf(':'), body.indexOf('即') >= 0 ? body.indexOf('即') : -1) + 1,
      )
    : body;
  const bySemicolon = inner
    .split(/[；;]/u)
    .map((s) => s.trim().replace(/^[“"‘]+|[”"’]+$/gu, ''))
    .filter((s) => [...s].length >= 2);
  if (bySemicolon.length >= 2) return bySemicolon;
  const marked = [...body.matchAll(new RegExp(`(?:^|[，,；;：:])\\s*(${CN}是[^，,；;。]+)`, 'gu'))].map((m) =>
    m[1]!.trim(),
  );
  if (marked.length >= 2) return marked;
  const parallel = parallelClauses(body);
  let best: string[] = [];
  for (const clause of body.split(/[，,；;：:。！？]/u)) {
    const parts = clause.split('、').map((s) => s.trim());
    if (parts.length > best.length) best = parts;
  }
  if (parallel && parallel.length >= best.length) return parallel;
  if (best.length < 3) return null;
  // A quoted run (“想不想、会不会、准不准、实不实”四方面问题): the items are what the quotes hold.
  const open = best[0]!.lastIndexOf('“');
  const close = best[best.length - 1]!.indexOf('”');
  if (
    open >= 0 &&
    close >= 0 &&
    !best[0]!.slice(open).includes('”') &&
    !best.slice(1, -1).some((x) => /[“”]/u.test(x))
  ) {
    best[0] = best[0]!.slice(open + 1);
    best[best.length - 1] = best[best.length - 1]!.slice(0, close);
  }
  best[0] = best[0]!.replace(
    /^.*(?:担任|包括|包含|涵盖|覆盖|即|分别是|分别为|主要有|设立|设置|建立|组建|打造|开展|实施|推行|以|为|是|从)/u,
    '',
  );
  const lastI = best.length - 1;
  best[lastI] = best[lastI]!.replace(/(?:等|为内容|的|这|[0-9一二三四五六七八九十]+个).*$/u, '');
  best = best.map((s) => s.replace(/^[“"‘]+|[”"’]+$/gu, '')).filter(Boolean);
  return best.length >= 3 ? best : null;
}

/** Every run of 、 with three or more items in a sentence (its clauses' own items), in order. */
export function commaRuns(sentence: string): string[][] {
  const out: string[][] = [];
  for (const clause of sentence.split(/[，,；;：:。！？]/u)) {
    if (clause.split('、').length < 3) continue;
    const items = inlineItems(clause);
    if (items) out.push(items);
  }
  return out;
}

/** Longest clause of a run of parallel clauses, characters. */
const PARALLEL_CLAUSE_MAX = 20;

/**
 * Clauses in a row that open alike (“不搞重复走访，不搞扎推调研，不搞台账留痕”): a list written with commas.
 * The longest such run of three or more short clauses sharing their first two characters, or null.
 */
export function parallelClauses(sentence: string): string[] | null {
  const clauses = sentence.split(/[，,；;]/u).map((c) => c.trim().replace(/^[“"‘]+|[”"’。！？]+$/gu, ''));
  let best: string[] = [];
  for (let i = 0; i < clauses.length; ) {
    const opening = [...clauses[i]!].slice(0, 2).join('');
    let j = i;
    while (
      j < clauses.length &&
      /^\p{Script=Han}{2}$/u.test(opening) &&
      clauses[j]!.startsWith(opening) &&
      charCount(clauses[j]!) > 2 &&
      charCount(clauses[j]!) <= PARALLEL_CLAUSE_MAX
    )
      j++;
    if (j - i > best.length) best = clauses.slice(i, j);
    i = Math.max(j, i + 1);
  }
  return best.length >= 3 ? best : null;
}

function charCount(s: string): number {
  return [...s].length;
}

/** Styles whose items are section headings (their scope runs across paragraphs). */
function isHeadingStyle(style: MarkerStyle): boolean {
  return LEVEL[style] <= 4;
}

/** A line that is only a short heading or lead-in (“课题组成员：”, “一、主要做法”): its paragraph's one sentence. */
export function isHeadingLine(view: DocView, i: number): boolean {
  const s = view.sentences[i]!;
  const alone = view.sentences[i - 1]?.para !== s.para && view.sentences[i + 1]?.para !== s.para;
  return alone && [...s.text].length <= 30 && !/[。！？!?；;]$/u.test(s.text);
}

/** How far back (sentences) a section heading still heads a sentence. */
const SECTION_REACH = 60;

/**
 * The headings a sentence stands under, nearest first (at most two): the item it belongs to
 * (“三是要实施清廉学校建设工程。” for the sentences after it in its paragraph; “（七）附则。” for its
 * section) and the outer one. A sentence that is itself an item has only outer headings.
 */
export function sectionHeads(view: DocView, i: number): number[] {
  const out: number[] = [];
  const own = itemMarker(view.sentences[i]!.text);
  let bound = own ? LEVEL[own.style] - 1 : 99;
  const para = view.sentences[i]!.para;
  for (let j = i - 1; j >= 0 && i - j <= SECTION_REACH && out.length < 2; j--) {
    const s = view.sentences[j]!;
    const m = itemMarker(s.text);
    if (m) {
      const level = LEVEL[m.style];
      if (level > bound) continue;
      // Inline styles (一是, ①) head only the rest of their own paragraph.
      if (!isHeadingStyle(m.style) && s.para !== para) continue;
      out.push(j);
      bound = level - 1;
      continue;
    }
    if (bound >= 99 && out.length === 0 && isHeadingLine(view, j) && i - j <= 12) {
      out.push(j);
      bound = 4;
    }
  }
  return out;
}

/** A sentence that is a bare heading: an item marker with a short title, or a short heading line. */
export function isBareHeading(view: DocView, i: number): boolean {
  const t = view.sentences[i]!.text;
  if (isHeadingLine(view, i)) return true;
  const m = itemMarker(t);
  if (!m) return false;
  const body = t
    .trim()
    .replace(/^[“"‘【\s]+/u, '')
    .replace(
      /^(?:[一二两三四五六七八九十]{1,3}是|[（(][一二两三四五六七八九十\d]{1,3}[)）]|第[一二两三四五六七八九十]{1,3}[，,、是：:]|其[一二两三四五六七八九十]{1,3}[，,、是：:]|[①-⑳]|\d{1,2}[、．.]|[一二两三四五六七八九十]{1,3}[、．.])/u,
      '',
    );
  return [...body.replace(/[。；;：:，,]$/u, '')].length <= 16;
}

/** Longest section read under a heading, sentences. */
const SCOPE_MAX = 30;

/**
 * The sentences under the heading at `h`, up to the next heading of the same or an outer level (an
 * inline item — 一是, ① — only to the end of its paragraph).
 */
export function sectionScope(view: DocView, h: number): number[] {
  const m = itemMarker(view.sentences[h]!.text);
  const level = m ? LEVEL[m.style] : 0;
  const inline = m !== null && !isHeadingStyle(m.style);
  const para = view.sentences[h]!.para;
  const out: number[] = [];
  for (let i = h + 1; i < view.sentences.length && out.length < SCOPE_MAX; i++) {
    const s = view.sentences[i]!;
    if (inline && s.para !== para) break;
    const n = itemMarker(s.text);
    if (n && (m === null ? LEVEL[n.style] <= 2 : LEVEL[n.style] <= level)) break;
    if (m === null && isHeadingLine(view, i)) break;
    out.push(i);
  }
  return out;
}

/** Index of the first sentence of sentence i's paragraph. */
export function paragraphStart(view: DocView, i: number): number {
  let j = i;
  while (j > 0 && view.sentences[j - 1]!.para === view.sentences[i]!.para) j--;
  return j;
}

/** The first clause of a sentence (to the first ，/：/；). */
function firstClause(s: string): string {
  return s.split(/[，,：:；;。！？]/u)[0] ?? s;
}

/**
 * Parallel sentences around sentence `a` — unmarked items of one list: within one paragraph (or
 * adjacent paragraphs), each naming the counted noun in its first clause (or, without a noun, opening
 * with the same two characters) (“坚持底线思维，…。坚持辩证思维，…。坚持创新思维，…。”;
 * “绘好“需求图”，…。绘好“方位图”，…。”). Null when fewer than two.
 */
export function parallelRun(view: DocView, a: number, noun: string | null): AssembledList | null {
  const open = (i: number) => view.sentences[i]!.text.replace(/^[“"‘]+/u, '').slice(0, 2);
  const opening = open(a);
  const like = (i: number) => {
    const s = view.sentences[i]!;
    if (itemMarker(s.text)) return false;
    // With a noun, only sentences naming it; without, a shared opening.
    if (noun) return firstClause(s.text).includes(noun);
    return open(i) === opening && /\p{Script=Han}{2}/u.test(opening);
  };
  const near = (i: number, j: number) => {
    const si = view.sentences[i]!;
    const sj = view.sentences[j]!;
    return si.para === sj.para || Math.abs(si.para - sj.para) === 1;
  };
  if (!like(a)) return null;
  let first = a;
  while (first > 0 && near(first - 1, first) && like(first - 1)) first--;
  let last = a;
  while (last + 1 < view.sentences.length && near(last, last + 1) && like(last + 1)) last++;
  if (last === first) return null;
  const starts: number[] = [];
  const chunkIds: string[] = [];
  for (let i = first; i <= last; i++) {
    starts.push(i);
    const id = view.sentences[i]!.chunkId;
    if (!chunkIds.includes(id)) chunkIds.push(id);
  }
  return { starts, items: starts.map((i) => view.sentences[i]!.text), chunkIds, end: last };
}

/** Longest paragraph opening read as an item of a run of parallel paragraphs, characters. */
const RUN_OPENING_MAX = 100;
/** Shortest shared clause opening that makes paragraphs parallel, characters. */
const RUN_SHARED_MIN = 3;

/** The openings (3–6 characters) of each clause of a sentence, quotes aside. */
function clauseOpenings(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const clause of sentence.split(/[，,；;：:。！？]/u)) {
    const c = [...clause.replace(/^[“"‘（(\s]+/u, '')];
    for (let n = RUN_SHARED_MIN; n <= Math.min(6, c.length); n++) {
      const g = c.slice(0, n).join('');
      if (/^\p{Script=Han}{3}/u.test(g)) out.add(g);
    }
  }
  return out;
}

/**
 * Unmarked items written as paragraphs whose opening sentences are parallel — a clause opening the
 * same way in each (“这个挑战源自“人才存量”。…” / “这个挑战源自“人才结构”。…”; “坚持以A…，着力提高B的质量。” /
 * “坚持以C…，着力提高D的质量。”) — around the paragraph of sentence `a`. Each item is its paragraph's
 * opening sentence (with the next one when the opening is only a short heading). Null under two items.
 */
export function paragraphRun(view: DocView, a: number): AssembledList | null {
  const starts: number[] = [];
  // (A line break after a sentence left unfinished — a page break, “…源自“人才结构”。多\n数企业…” — does
  // not start a paragraph.)
  for (let i = 0; i < view.sentences.length; i++) {
    const prev = view.sentences[i - 1];
    if (
      !prev ||
      (prev.para !== view.sentences[i]!.para &&
        (/[。！？!?：:；;”」）)]$/u.test(prev.text) || isHeadingLine(view, i - 1)))
    )
      starts.push(i);
  }
  let k = starts.length - 1;
  while (k > 0 && starts[k]! > a) k--;
  const opening = (j: number) => view.sentences[starts[j]!]!.text;
  const eligible = (j: number) =>
    j >= 0 && j < starts.length && !itemMarker(opening(j)) && [...opening(j)].length <= RUN_OPENING_MAX;
  if (!eligible(k)) return null;
  let shared = clauseOpenings(opening(k));
  const joins = (j: number) => {
    if (!eligible(j)) return false;
    const own = clauseOpenings(opening(j));
    const both = new Set([...shared].filter((g) => own.has(g)));
    if (both.size === 0) return false;
    shared = both;
    return true;
  };
  let lo = k;
  while (joins(lo - 1)) lo--;
  let hi = k;
  while (joins(hi + 1)) hi++;
  if (hi === lo) return null;
  const items: string[] = [];
  const chunkIds: string[] = [];
  const runStarts: number[] = [];
  let end = a;
  for (let j = lo; j <= hi; j++) {
    const s = starts[j]!;
    const stop = j + 1 < starts.length ? starts[j + 1]! : view.sentences.length;
    const { text, last } = itemText(view, s, stop);
    runStarts.push(s);
    items.push(text);
    end = Math.max(end, last);
    const id = view.sentences[s]!.chunkId;
    if (!chunkIds.includes(id)) chunkIds.push(id);
  }
  return { starts: runStarts, items, chunkIds, end };
}

/** Sentences after a lead-in searched for the headings of the list it names. */
const HEADED_WINDOW = 120;
/** Longest heading of a headed run, characters. */
const HEADED_MAX = 40;

/**
 * The items a lead-in names by count (“实施“五个一批”服务载体” → five sections headed “一批…”): the
 * short sentences after sentence `a`, each opening a paragraph with the counted noun (or a short one closing with it), when there are
 * exactly `count` of them. Their bodies stand between them, so they are not one parallel run.
 */
export function headedRun(view: DocView, a: number, noun: string, count: number): AssembledList | null {
  if ([...noun].length < 2 || count < 2) return null;
  const starts: number[] = [];
  for (let i = a + 1; i < view.sentences.length && i <= a + HEADED_WINDOW; i++) {
    const s = view.sentences[i]!;
    const opensPara = view.sentences[i - 1]?.para !== s.para;
    const text = s.text.replace(/^[“"‘\s]+/u, '');
    // (…or closing with it: “实施专班攻坚法。” for 五大“攻坚法”.)
    const names = text.startsWith(noun) || text.replace(/[”"’。！；;\s]+$/u, '').endsWith(noun);
    if (opensPara && names && [...text].length <= HEADED_MAX) starts.push(i);
  }
  if (starts.length !== count) return null;
  const chunkIds: string[] = [];
  for (const i of starts) {
    const id = view.sentences[i]!.chunkId;
    if (!chunkIds.includes(id)) chunkIds.push(id);
  }
  return { starts, items: starts.map((i) => view.sentences[i]!.text), chunkIds, end: starts[starts.length - 1]! };
}

/** A sentence defining one part of a name (“3，是指全科网格…”, ““双全”即…”): the part's label. */
const PART_DEFINITION = /^[“"‘]?([0-9A-Za-z]{1,3}|\p{Script=Han}{1,4})[”"’]?[，,]?(?:是指|就是指|指的是|即|代表|指)/u;

/** The label a sentence defines as a part (“3，是指…” → 3), or null. */
export function partLabel(sentence: string): string | null {
  return PART_DEFINITION.exec(sentence.trim())?.[1] ?? null;
}

/** Most sentences taken from a run of part definitions. */
const PART_RUN_MAX = 10;
/** Most sentences of elaboration passed over between two part definitions that open paragraphs. */
const PART_PARAGRAPH_MAX = 12;

/**
 * The run of part definitions right after sentence `a` (within two sentences of it): at least two
 * sentences each defining a part whose label `labelOk` accepts (“3，是指…；6，是指…；5，是指…”), with
 * the pieces of a definition the text broke across lines. Their indexes; [] when there is no such run.
 */
export function partDefinitions(view: DocView, a: number, labelOk: (label: string) => boolean): number[] {
  let start = -1;
  for (let i = a + 1; i <= a + 3 && i < view.sentences.length; i++) {
    const label = partLabel(view.sentences[i]!.text);
    if (label && labelOk(label)) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const out: number[] = [];
  let defs = 0;
  let lastDef = start;
  for (let i = start; i < view.sentences.length && out.length < PART_RUN_MAX; i++) {
    const t = view.sentences[i]!.text;
    const label = partLabel(t);
    const prev = view.sentences[i - 1]!.text;
    if (label && labelOk(label)) {
      defs++;
      lastDef = i;
    }
    // A definition the text broke at a line end (“6，是指力量、平台、” / “职责、考评…”) goes on.
    else if (out.length > 0 && /[、，,]$/u.test(prev)) {
      // (pushed below)
    }
    // Definitions that each open a paragraph (““知”指的是文化输出。具体是要…” / ““行”指的是…”): the
    // rest of a definition's paragraph (or a line it broke mid-sentence) is its elaboration, passed over.
    else if (
      i - lastDef <= PART_PARAGRAPH_MAX &&
      (view.sentences[i]!.para === view.sentences[lastDef]!.para || !/[。！？!?；;：:]$/u.test(prev))
    )
      continue;
    else break;
    out.push(i);
  }
  // (A trailing run of passed-over sentences is not part of it.)
  return defs >= 2 ? out : [];
}
