/**
 * Self-repair in dictated and hurried text: the speaker names something and takes it back —
 * “昨天 不对 前天 去了…”, “去了锦程电缆 是周一 不对 周日”, “华康的 呃 不对 是海纳的人才公寓”,
 * “刚才说的不是Q-0035，是Q-0036”. Of two mentions of the same kind (two dates, two enterprises, two issue
 * ids) the first is the wrong one when only a repair marker (lexicon/signals.ts REPAIR_MARKERS, with
 * fillers) stands between them, or when 不是 stands right before it and at most 是 between them.
 */
import { REPAIR_FILLERS, REPAIR_MARKERS, REPAIR_NEGATION } from '../lexicon/signals.js';
import { escapeRegExp } from '../../text/regexp.js';
import { type Span, trimPunct } from './normalize.js';

const alt = (words: readonly string[]) => words.map(escapeRegExp).join('|');
const FILLER = `(?:${alt(REPAIR_FILLERS)}|[\\s,，、:：.。;；!！~～-])*`;
/**
 * Between the wrong and the right mention: a marker with only fillers after it, and before it at most
 * what the speaker repeats after the right one (“华康的人才公寓 呃 不对 是海纳的人才公寓”).
 */
const MARKER_GAP = new RegExp(
  `^(?:.{0,10}?(?:${alt(REPAIR_FILLERS)}|[\\s,，、.。;；]))?(?:${alt(REPAIR_MARKERS)})${FILLER}$`,
  'u',
);
/** Where the marker (with the fillers around it) starts in a gap that MARKER_GAP accepts. */
const MARKER_TAIL = new RegExp(`${FILLER}(?:${alt(REPAIR_MARKERS)})${FILLER}$`, 'u');
/** Between “不是A” and “B”: nothing but fillers and 是. */
const AFTER_NEGATION_GAP = new RegExp(`^${FILLER}$`, 'u');
const NEGATION_BEFORE = new RegExp(`${escapeRegExp(REPAIR_NEGATION)}[\\s,，]*$`, 'u');
/** A repair is said at once: the gap between the two mentions is short. */
const MAX_GAP = 16;

/**
 * The mentions the speaker took back, and the spans of text that only carry the repair (the wrong
 * mention and the marker up to the right one), in text order. `mentions` are of one kind.
 */
export function selfRepairs<T extends Span>(text: string, mentions: readonly T[]): { dropped: T[]; spans: Span[] } {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const dropped: T[] = [];
  const spans: Span[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const wrong = sorted[i]!;
    const right = sorted[i + 1]!;
    if (right.start < wrong.end || right.start - wrong.end > MAX_GAP) continue;
    const gap = text.slice(wrong.end, right.start);
    const before = text.slice(Math.max(0, wrong.start - 4), wrong.start);
    let start = wrong.start;
    if (MARKER_GAP.test(gap)) {
      // taken back by a marker after it. What stands between the wrong mention and the marker is taken back
      // too only when the speaker says it again after the right one (华康的人才公寓 不对 是海纳的人才公寓);
      // otherwise it is the message going on (周三去了华康 不对是周二: the visit stays, only 周三 goes).
      const said = gap.slice(0, gap.search(MARKER_TAIL)).replace(/^[\s,，、]+|[\s,，、]+$/g, '');
      const after = text.slice(right.end).replace(/^[\s,，、]+/, '');
      if (said && !after.startsWith(said)) {
        dropped.push(wrong);
        spans.push(
          { start: wrong.start, end: wrong.end },
          { start: wrong.end + gap.search(MARKER_TAIL), end: right.start },
        );
        continue;
      }
    } else if (NEGATION_BEFORE.test(before) && AFTER_NEGATION_GAP.test(gap)) {
      start = wrong.start - (before.length - before.search(NEGATION_BEFORE));
    } else continue;
    dropped.push(wrong);
    spans.push({ start, end: right.start });
  }
  return { dropped, spans };
}

/**
 * A self-repair of the problem itself (缺焊工五个 哦不对是缺电工五个): what the speaker took back is no part of the
 * description — the words after the marker replace those before it, in the clause or, when the repair opens a clause,
 * the clause before. The markers are the lexicon's (REPAIR_MARKERS) standing between clauses, after a break or a filler.
 */
const TAKEN_BACK = new RegExp(
  `(?:^|[\\s,，。;；])(?:${alt(REPAIR_FILLERS)})*\\s*(?:${alt(REPAIR_MARKERS)})[\\s,，]*(?:应该)?(?:是)?(?=[\\u4e00-\\u9fa5A-Za-z\\d])`,
  'gu',
);
/** A clause that is only the repair marker (缺焊工五个，不对，缺电工五个 → 不对). */
const ONLY_MARKER = new RegExp(`^(?:${alt(REPAIR_FILLERS)}|\\s)*(?:(?:${alt(REPAIR_MARKERS)})[\\s,，]*)+$`, 'u');
export function withoutTakenBack(parts: string[]): string[] {
  const out: string[] = [];
  let repaired = false;
  for (let part of parts) {
    if (ONLY_MARKER.test(part)) {
      if (out.length) out.pop();
      repaired = true;
      continue;
    }
    if (repaired) part = part.replace(/^(?:应该)?是(?=[\u4e00-\u9fa5A-Za-z\d])/, '');
    repaired = false;
    const marks = [...part.matchAll(TAKEN_BACK)];
    const last = marks[marks.length - 1];
    if (!last) {
      out.push(part);
      continue;
    }
    const rest = trimPunct(part.slice((last.index ?? 0) + last[0].length));
    if (!rest) {
      out.push(part);
      continue;
    }
    // (the repair opens the clause: it takes back the clause before)
    if ((last.index ?? 0) === 0 && !trimPunct(part.slice(0, last.index)) && out.length) out.pop();
    out.push(rest);
  }
  return out;
}
