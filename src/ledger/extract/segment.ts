/**
 * Cut a message into segments, one per item it may carry: sentences, `；` clauses, the parts after
 * a header colon, and enumerated items (一是…二是…, 1. 2., ①②, 第一，…, 另外/还有). Offsets refer to
 * the (folded) message text.
 */
import type { Category } from '../model.js';
import { blankSpans, type Span } from './normalize.js';
import { categorize } from './category.js';
import { findDepartments } from './department.js';
import {
  OWN_PROBLEM_CUES,
  PAIR_FIRST_ITEM,
  PAIR_SECOND_ITEM,
  REQUEST_CUES,
  WEAK_CONTINUATIONS,
} from '../lexicon/signals.js';
import {
  HEADING_WORDS,
  TABLE_COLUMN_NOUNS,
  PROBLEM_COLUMN_LABELS,
  OPENER_VISIT,
  PROGRESS_FIELD_LABELS,
  RECORD_FIELD_LABELS,
  REPORT_OPENER,
  DOCUMENT_TITLE,
} from '../lexicon/headings.js';
import { ENTERPRISE_ENTRY_COUNTER, ENTERPRISE_ENTRY_ORDER } from '../lexicon/enterprises.js';

export interface Segment extends Span {
  text: string;
  /** Index of the enumerated item (1-based) when the segment was introduced by a list marker. */
  enumIndex: number | null;
  /** The enumeration marker itself (一是, 2.), stripped from `text`. */
  marker: string;
  /**
   * Start of the segment this one was split from (extract/split.ts), else `start`: the text from
   * there on tells who reports it (企业反映缺普工，资金紧张 — the second problem is reported too).
   */
  parentStart: number;
  /** A clause naming the topic of an issue already mentioned (资金的事已交办金融办): it updates that issue. */
  topic: boolean;
  /** For a topic segment: the category of the issue it updates when its words do not tell (已交办人社局). */
  topicCategory: Category | null;
}

// (a list may open right after a quote mark: 老板说：“一是…，二是…”)
const ENUM_MARKERS: RegExp[] = [
  /(?<=^|[\s,，、:：“"「『‘])([一二三四五六七八九十])是(?=[\u4e00-\u9fa5A-Za-z\d])/g,
  // (also right after a closing bracket or quote ending the item before: …（人社局）2.消防验收…)
  /(?<=^|[\s,，:：“"「『‘)）」』”])(?:其)?([一二三四五六七八九十])[、.](?!\d)/g,
  // (not a decimal — 3.5万 — but "2.2026年…" is item 2 about the year 2026)
  // (also right after the bracket closing the item before: 1.缺焊工10人（人社局）2.消防验收未过（住建局）)
  /(?<=^|[\s,，:：“"「『‘]|[\u4e00-\u9fa5][)）])(\d{1,2})\s*[.、)）](?!(?!\d{4}年)[\d.])/g,
  /[(（](\d{1,2}|[一二三四五六七八九十])[)）]/g,
  /([①②③④⑤⑥⑦⑧⑨⑩])/g,
  /(?<=^|[\s,，:：“"「『‘])第([一二三四五六七八九十\d])(?:个问题|个|点|条|项)?(?:是|[,，:：、])/g,
  /(?<=^|[\s,，:：“"「『‘])(?:首先|其次|再次|最后)(?:是|[,，])?/g,
  // the entries of a spoken roll-up, even with no punctuation (…没问题第二家是凯达包装缺包装工…)
  /第([一二三四五六七八九十\d])家(?:是|就是)?(?=[\s\u4e00-\u9fa5A-Za-z])/g,
  // hand-offs addressed by a bare number after a list: 一交经信局，二交交通局 / ③转人社
  // (or with an arrow: 1→自规，2→金融办)
  /(?<=^|[\s,，、;；:：。])([一二三四五六七八九十]|\d{1,2})(?=(?:已经?|均|都)?(?:交|转|报|推|移)[\u4e00-\u9fa5]|\s*(?:→|->|=>)\s*[\u4e00-\u9fa5])/g,
];
/**
 * A roll-up counting its enterprises (第一家是正阳科技没问题第二家是…, 一家…另一家…): each counter heads an entry, even
 * right after a word in unpunctuated speech — when the message holds two counters or more (one 第一家 alone may be
 * a rank: 县里第一家上市企业).
 */
const ENTRY_COUNTER = new RegExp(ENTERPRISE_ENTRY_COUNTER, 'g');
/**
 * A roll-up that counted its enterprises (跑了两家先是宏达机械没啥问题然后是恒信电子…): its entries' order words (一个是,
 * 另一个是, 先是, 然后是) head the entries, even right after a word in unpunctuated speech — two or more of them, after the
 * count.
 */
const ENTRY_ORDER = new RegExp(ENTERPRISE_ENTRY_ORDER, 'g');
const ENTERPRISES_COUNTED = /[两二三四五六七八九十几\d]+家(?!银行)/;
/** "1 施工许可已经拿到 2 工程师…": numbers followed by a space, kept only when they count 1, 2, 3 … in order. */
const LOOSE_NUMBER = /(?<=^|[\s:：])(\d)\s+(?=[\u4e00-\u9fa5])/g;
const CONTINUATION =
  /(?<=^|[\s,，:：])(?:(?:还有|另有)?一(?:个|件|项|点|条)(?:问题|事|诉求)?是|另外|此外|除此之外(?:就是|还有)?|还有(?:就是)?|再有|再就是|再一个(?:就是|是)?|另一个(?:问题)?是?|另一件事(?:是|就是)?|新的(?:事情?|问题|情况|诉求)(?:是|就是)?|新的(?:是|就是)|(?:又|新|另外)?(?:新)?提了?一(?:个|件|项|条)(?:就是|是)?|同时还|并且还|另(?=希望|需要?|想|要求|提出|反映|有(?!限)))(?=\s*[\u4e00-\u9fa5A-Za-z(（])/g;
/**
 * Dictated run-on text has no commas: unambiguous continuation words start the next item even
 * right after a character (…没退下来还有就是想申请…). 还有 alone is no cut there (还有一百二十万没退).
 */
const CONTINUATION_UNPUNCTUATED =
  /(?<=[\u4e00-\u9fa5])(?:还有就是|再就是|另外还有|另外就是|另外(?=[还也又]?(?:有|提|说|反映|缺|想|希望|需要|要)))(?=[\u4e00-\u9fa5A-Za-z(（])/g;
/** The halves of a spoken pair (…两个事情一个是…另一个是…) right after a character: cuts only when both are said, in order. */
const PAIR_FIRST = new RegExp(`(?<=[\u4e00-\u9fa5])(?:${PAIR_FIRST_ITEM})(?=[\u4e00-\u9fa5A-Za-z])`, 'g');
const PAIR_SECOND = new RegExp(`(?<=[\u4e00-\u9fa5])(?:${PAIR_SECOND_ITEM})(?=[\u4e00-\u9fa5A-Za-z])`, 'g');
function pairCuts(body: string): RegExpExecArray[] {
  const second = [...body.matchAll(PAIR_SECOND)];
  if (!second.length) return [];
  const first = [...body.matchAll(PAIR_FIRST)].filter(
    (m) => m.index < second[0]!.index && !second.some((s) => s.index <= m.index && m.index < s.index + s[0].length),
  );
  return first.length ? [first[0]!, ...second] : [];
}
const WEAK_CONTINUATION = new RegExp(`(?<=[\u4e00-\u9fa5])(?:${WEAK_CONTINUATIONS.join('|')})(?=[\u4e00-\u9fa5])`, 'g');
const STRETCH_EDGE = /[\s,，、;；:：]/;
const statesProblem = (s: string) => OWN_PROBLEM_CUES.test(s) || REQUEST_CUES.test(s);

/**
 * A stretch that tells what an office does about a matter it names (研发人员的问题人社局在对接了, 道路的事情交通局在
 * 看了): a department at work or handed the matter, and words of a category besides it.
 */
function updatesMatter(stretch: string): boolean {
  const acting = findDepartments(stretch).filter((d) => d.handedTo || d.role === 'handler');
  return acting.length > 0 && categorize(blankSpans(stretch, 0, acting)).score > 0;
}
/** In run-on text, a step said done (…了) right before the next matter named as a topic (…道路的事情…). */
const TOPIC_AFTER_STEP = /(?<=[\u4e00-\u9fa5]了)(?=[\u4e00-\u9fa5]{1,8}?(?:的事情?|的问题|那个事))/g;

/**
 * Run-on cuts: a weak continuation word between two stretches (no comma or space between) that each state a
 * problem of their own, or that each tell what an office does about a matter of its own (…人社局在对接了还有人才公寓的也
 * 交给住建局了); and, without a continuation word, a step said done right before the next matter and its office
 * (普工的事情转人社局了道路的事情交通局在看了). Returns the offsets (in `body`) of the words.
 */
function runOnCuts(body: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const stretchAround = (at: number, end: number) => {
    let s = at;
    while (s > 0 && !STRETCH_EDGE.test(body[s - 1]!)) s--;
    let e = end;
    while (e < body.length && !STRETCH_EDGE.test(body[e]!)) e++;
    return { before: body.slice(s, at), after: body.slice(end, e) };
  };
  for (const m of body.matchAll(WEAK_CONTINUATION)) {
    const { before, after } = stretchAround(m.index, m.index + m[0].length);
    if ((statesProblem(before) && statesProblem(after)) || (updatesMatter(before) && updatesMatter(after))) out.push(m);
  }
  for (const m of body.matchAll(TOPIC_AFTER_STEP)) {
    const { before, after } = stretchAround(m.index, m.index);
    if (updatesMatter(before) && updatesMatter(after)) out.push(m);
  }
  return out;
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
/** A reply or a statement quoted after a colon (交通那边给答复了：…, 人社局说：…): the colon does not cut. */
const REPLY_BEFORE_COLON = /(?:答复了?|回复了?|说|表示|反馈|回话了?)\s*$/;

const HEADING_ALTERNATION = [...HEADING_WORDS].sort((a, b) => b.length - a.length).join('|');
/**
 * What a heading may hold besides its words: dates and ranges, numbering, brackets, issue ids (blanked), week numbers,
 * and a class of the categories (本周融资类进展汇总).
 */
const HEADING_FRAME =
  /(?:融资|用工|人才|用地|审批|政策兑现|市场|其他)类|(?:春节|国庆|五一|元旦|中秋|端午|清明)节?(?:前|后|期间|假期)?|\d{4}\s*年|\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*[日号]|\d{1,2}[./]\d{1,2}(?:[./]\d{1,2})?|第[一二三四五六七八九十\d]+[周期次轮批]|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}\s*[.、)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[至到~～—\-–]|[\s\p{P}\p{S}\d]/gu;
const HEADING_ONLY = new RegExp(`^(?:${HEADING_ALTERNATION})+$`);
const RECORD_LABEL = new RegExp(`^(?:${[...PROGRESS_FIELD_LABELS, ...RECORD_FIELD_LABELS].join('|')})$`);
const PROGRESS_LABEL_IN_TEXT = new RegExp(`(?<=^|\\n|\\s)(?:${PROGRESS_FIELD_LABELS.join('|')})\\s*[:：]`, 'g');

/**
 * A title, heading or form label (周报（第21周）, 问题办理进展, 编号, 进展): only heading words, dates and numbering.
 * Returns the words left once the frame is removed, or null when it is no heading.
 */
function headingWords(body: string): string | null {
  const words = body.replace(HEADING_FRAME, '');
  return words && HEADING_ONLY.test(words) ? words : null;
}

/** Cells of a pasted table row: split at tabs or pipes. */
const TABLE_CELL_SEPARATOR = /\s*[\t|｜]\s*/;
const HEADING_WORD_IN_CELL = new RegExp(HEADING_ALTERNATION, 'g');
/**
 * The header row of a pasted table (企业名称|走访日期|问题|责任单位|进展): three or more cells, each a column name — a
 * heading word with at most two other characters (问题类型, 走访日期, 问题描述), no digits.
 */
function tableHeaderRow(body: string): boolean {
  const cells = body
    .trim()
    .split(TABLE_CELL_SEPARATOR)
    .filter((c) => c.trim());
  if (cells.length < 3 || !TABLE_CELL_SEPARATOR.test(body.trim())) return false;
  return cells.every((c) => {
    if (/\d/.test(c) || c.length > 6) return false;
    const rest = c.replace(HEADING_WORD_IN_CELL, '');
    return rest.length < c.length && rest.replace(/[\s\p{P}\p{S}]/gu, '').length <= MAX_CELL_EXTRA;
  });
}
/** Characters of a column name beyond its heading word (问题类型, 走访日期). */
const MAX_CELL_EXTRA = 2;

/** A title, heading or form label only (本周走访情况, 问题办理进展, 编号): heading words, dates and numbering. */
export function isHeading(body: string): boolean {
  return headingWords(body) !== null;
}
/** A column label: a heading word, or a short label ending in a column noun (问题类型, 走访日期). */
const COLUMN_LABEL = new RegExp(
  `^(?:[\\u4e00-\\u9fa5]{0,4}(?:${TABLE_COLUMN_NOUNS.join('|')})|(?:${HEADING_ALTERNATION})+)$`,
);
const cellsOf = (line: string) =>
  line
    .split(/\t|[|｜]/)
    .map((c) => c.trim())
    .filter(Boolean);
/** A table's header row: three cells or more split by tabs or |, every one a column label. */
function tableHeader(line: string): boolean {
  const cells = cellsOf(line);
  return /\t|[|｜]/.test(line) && cells.length >= 3 && cells.every((c) => COLUMN_LABEL.test(c));
}
/**
 * In `before` (the text up to a row), a table header with a column of problems (问题, 问题描述, 诉求): the rows under
 * it report problems, as a heading 反映如下： does.
 */
export function problemTableAbove(before: string): boolean {
  return before.split('\n').some((line) => tableHeader(line) && cellsOf(line).some((c) => PROBLEM_COLUMN.test(c)));
}
/**
 * The cells of the pasted table row (split at tabs or bars, three cells or more) that the position `at` lies in, with
 * their offsets in `text`; null when that line is no table row. A tracking row's last cell is its progress column.
 */
export function tableRowCells(text: string, at: number): Array<Span & { text: string }> | null {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const line = text.slice(from, nl < 0 ? text.length : nl);
  if (!/\t|[|｜]/.test(line)) return null;
  const cells: Array<Span & { text: string }> = [];
  for (const c of line.matchAll(/[^\t|｜]+/g)) {
    const lead = c[0].length - c[0].trimStart().length;
    const body = c[0].trim();
    if (body) cells.push({ start: from + c.index + lead, end: from + c.index + lead + body.length, text: body });
  }
  return cells.length >= 3 ? cells : null;
}
const PROBLEM_COLUMN = new RegExp(`^(?:${PROBLEM_COLUMN_LABELS.join('|')})`);

function enumNumber(group: string | undefined): number | null {
  if (!group) return null;
  const c = CIRCLED.indexOf(group);
  if (c >= 0) return c + 1;
  if (/^\d+$/.test(group)) return Number(group);
  const n = '一二三四五六七八九十'.indexOf(group);
  return n >= 0 ? n + 1 : null;
}

interface Cut {
  at: number;
  markerEnd: number;
  marker: string;
  enumIndex: number | null;
}

/** `refStarts`: offsets of the issue ids (blanked in `text`): an id opening a clause starts a segment. */
/**
 * `source`: the same text before form labels were blanked (offsets equal). A record's progress field (诉求：…\n进展：
 * 用地已报资规局；奖励已报经信局) after problems listed above it updates those problems: its line's segments that name
 * a topic are marked `topic`.
 */
export function segment(text: string, refStarts: number[] = [], source: string = text): Segment[] {
  const progressZones: Span[] = [];
  for (const m of source.matchAll(PROGRESS_LABEL_IN_TEXT)) {
    if (!/[\u4e00-\u9fa5]/.test(source.slice(0, m.index))) continue;
    const from = m.index + m[0].length;
    const lineEnd = source.indexOf('\n', from);
    progressZones.push({ start: from, end: lineEnd < 0 ? source.length : lineEnd });
  }
  // 1. sentences and `；` clauses
  const pieces: Span[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const colon = ch === ':' || ch === '：';
    const isTimeColon = colon && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
    if (ch === '(' || ch === '（') depth++;
    if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (i === text.length || /[。!！?？;；\n:：]/.test(ch!)) {
      if (isTimeColon) continue;
      // a colon inside brackets (编号：Q-0052), or after a reply verb (给答复了：可以办…) quotes, it does not cut
      if (colon && (depth > 0 || REPLY_BEFORE_COLON.test(text.slice(Math.max(0, i - 6), i)))) continue;
      // "Q-0060 七一电器用电增容：供电公司已…": the colon after an issue id and its title introduces its update
      if (colon && refStarts.some((r) => r >= start && r < i && /[\u4e00-\u9fa5]/.test(text.slice(r, i)))) continue;
      if (i > start) pieces.push({ start, end: i });
      start = i + 1;
    }
  }

  // 1b. the frame of a report: titles, headings and form labels ending their line or followed by a colon are no
  // items. A field label of a record whose id was given (编号：Q-0021\n标题：…\n进展：…) joins its value to the id's
  // segment: one record, one update.
  const framed: Span[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const body = text.slice(p.start, p.end);
    // 我把X的事情完整说一下。: an announcement, no item (unless it says where we went)
    if (k < pieces.length - 1 && REPORT_OPENER.test(body) && !OPENER_VISIT.test(body)) continue;
    // 关于X反映问题的情况报告 on its own line: a document's title, no item (the lines under it report)
    if (k < pieces.length - 1 && DOCUMENT_TITLE.test(body) && !OPENER_VISIT.test(body)) continue;
    // 企业名称\t问题类型\t…: a table's header row
    if (tableHeader(body)) continue;
    if (!/^[:：\n]/.test(text.slice(p.end, p.end + 1))) {
      framed.push(p);
      continue;
    }
    // 企业名称\t问题类型\t责任单位\t进展: the header row of a pasted table names columns, no item
    if (tableHeaderRow(body)) continue;
    const words = headingWords(body);
    if (words === null) {
      framed.push(p);
      continue;
    }

    const prev = framed[framed.length - 1];
    const next = pieces[k + 1];
    if (
      RECORD_LABEL.test(words) &&
      prev &&
      next &&
      refStarts.some((r) => r >= prev.start && r < prev.end) &&
      /[:：]/.test(text[p.end]!)
    ) {
      prev.end = next.end;
      k++;
    }
  }
  pieces.splice(0, pieces.length, ...framed);

  // 2. list markers inside each piece; a lone "1." is not a list unless a 2 follows somewhere
  const pieceCuts: Cut[][] = pieces.map((p) => {
    const body = text.slice(p.start, p.end);
    const cuts: Cut[] = [];
    for (const re of ENUM_MARKERS) {
      for (const m of body.matchAll(re)) {
        if (cuts.some((c) => c.at === m.index)) continue;
        cuts.push({ at: m.index, markerEnd: m.index + m[0].length, marker: m[0], enumIndex: enumNumber(m[1]) });
      }
    }
    const loose = [...body.matchAll(LOOSE_NUMBER)];
    if (loose.length >= 2 && loose.every((m, k) => Number(m[1]) === k + 1)) {
      for (const m of loose)
        if (!cuts.some((c) => c.at === m.index))
          cuts.push({ at: m.index, markerEnd: m.index + m[0].length, marker: m[0], enumIndex: Number(m[1]) });
    }
    return cuts;
  });
  const counters = pieces.map((p) => [...text.slice(p.start, p.end).matchAll(ENTRY_COUNTER)]);
  if (counters.flat().length >= 2)
    counters.forEach((ms, pi) => {
      const cuts = pieceCuts[pi]!;
      for (const m of ms)
        if (!cuts.some((c) => c.at <= m.index && m.index < c.markerEnd))
          cuts.push({ at: m.index, markerEnd: m.index + m[0].length, marker: m[0], enumIndex: enumNumber(m[1]) });
    });
  const counted = ENTERPRISES_COUNTED.exec(text);
  const orders = counted
    ? pieces.map((p) =>
        [...text.slice(p.start, p.end).matchAll(ENTRY_ORDER)].filter((m) => p.start + m.index > counted.index),
      )
    : [];
  if (orders.flat().length >= 2)
    orders.forEach((ms, pi) => {
      const cuts = pieceCuts[pi]!;
      for (const m of ms)
        if (!cuts.some((c) => c.at <= m.index && m.index < c.markerEnd))
          cuts.push({ at: m.index, markerEnd: m.index + m[0].length, marker: m[0], enumIndex: null });
    });
  const hasSecond = pieceCuts.some((cs) => cs.some((c) => c.enumIndex === 2));
  const segments: Segment[] = [];
  // "1.恒达科技：缺焊工": the item's number stays with what follows its label's colon.
  let carried: number | null = null;
  // (only a value that names a topic — 用工需求已抄送人社局 — updates by topic; 暂未交办 is read as before)
  // A department's own name (供电公司, 人社局) is where the matter went, not its topic.
  const inProgressField = (at: number, body: string) =>
    progressZones.some((z) => at >= z.start && at < z.end) && categorize(withoutDepartments(body)).score > 0;
  pieces.forEach((p, pi) => {
    const body = text.slice(p.start, p.end);
    const first = segments.length;
    const cuts = pieceCuts[pi]!.filter((c) => hasSecond || c.enumIndex !== 1 || /^(?:第|首先|一是)/.test(c.marker));
    for (const m of [
      ...body.matchAll(CONTINUATION),
      ...body.matchAll(CONTINUATION_UNPUNCTUATED),
      ...runOnCuts(body),
      ...pairCuts(body),
    ]) {
      if (m.index === 0 && cuts.length === 0) {
        cuts.push({ at: 0, markerEnd: m[0].length, marker: m[0], enumIndex: null });
      } else if (!cuts.some((c) => c.at === m.index)) {
        cuts.push({ at: m.index, markerEnd: m.index + m[0].length, marker: m[0], enumIndex: null });
      }
    }
    // "…Q1订单下滑，Q-0002已解决": an issue id opening a clause starts an update of its own.
    for (const abs of refStarts) {
      const at = abs - p.start;
      if (at <= 0 || at >= body.length || !/[,，]\s*$/.test(body.slice(0, at))) continue;
      const prev = Math.max(0, ...cuts.filter((c) => c.at < at).map((c) => c.markerEnd));
      // only after a problem of its own (…Q1订单下滑，Q-0002已解决), not after words about the same issue (奖励已到账，Q-0025 可以销号了)
      if (
        !body.slice(prev, at).replace(/[\s,，、]/g, '') ||
        !OWN_PROBLEM_CUES.test(body.slice(prev, at)) ||
        cuts.some((c) => c.at === at)
      )
        continue;
      cuts.push({ at, markerEnd: at, marker: '', enumIndex: null });
    }
    cuts.sort((a, b) => a.at - b.at);
    let from = 0;
    let pending: Cut | null = null;
    const flush = (to: number) => {
      const s = pending ? pending.markerEnd : from;
      const seg = body.slice(s, to);
      // (an issue id is blanked in the text: a segment holding only an id — 编号：Q-0021 — is kept)
      const holdsRef = refStarts.some((r) => r >= p.start + s && r < p.start + to);
      if (seg.trim().replace(/[\s,，、]/g, '') || holdsRef) {
        segments.push({
          start: p.start + s,
          end: p.start + to,
          text: seg,
          enumIndex: pending?.enumIndex ?? null,
          marker: pending?.marker ?? '',
          parentStart: p.start + s,
          topic: inProgressField(p.start + s, seg),
          topicCategory: null,
        });
      }
    };
    for (const c of cuts) {
      flush(c.at);
      from = c.at;
      pending = c;
    }
    flush(body.length);
    const head = segments[first];
    if (
      head &&
      head.enumIndex === null &&
      carried !== null &&
      head.start === p.start + (text.slice(p.start, p.end).length - text.slice(p.start, p.end).trimStart().length)
    )
      head.enumIndex = carried;
    const last = segments[segments.length - 1];
    carried =
      /[:：]/.test(text[p.end] ?? '') &&
      last &&
      last.start >= p.start &&
      last.enumIndex !== null &&
      last.text.trim().length <= 12
        ? last.enumIndex
        : null;
  });
  return segments;
}

/** Clauses of a segment, split at commas (offsets relative to the message). */
export function clauses(seg: Span & { text: string }): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  let s = 0;
  // Commas, and spaces between Chinese words ("海纳半导体 缺操作工 已交办人社局").
  // (a run of spaces — a blanked filler, 批了 这个 是不是 — counts once, at its first space)
  const isSep = (i: number) =>
    /[,，]/.test(seg.text[i]!) ||
    (/\s/.test(seg.text[i]!) &&
      // (an emoji closing a clause before the space too: …整改通过了👍 企业还说…)
      /[\u4e00-\u9fa5\p{Extended_Pictographic}]$/u.test(seg.text.slice(Math.max(0, i - 2), i)) &&
      /^\s*[\u4e00-\u9fa5]/.test(seg.text.slice(i + 1)));
  for (let i = 0; i <= seg.text.length; i++) {
    if (i === seg.text.length || isSep(i)) {
      const t = seg.text.slice(s, i);
      if (t.trim()) out.push({ start: seg.start + s, end: seg.start + i, text: t });
      s = i + 1;
    }
  }
  return out;
}

/** The text with its department mentions blanked. */
function withoutDepartments(text: string): string {
  return blankSpans(text, 0, findDepartments(text));
}
