/** Heuristics for title, author and date when the text carries no header for them. */
import { findDate, isDateLine } from './dates.js';
import { CJK, cjkCount, endsSentence, hasInternalTerminal, startsWithHeadingMarker } from './patterns.js';

const NAMES = `[${CJK}]{2,4}(?:[ 、，,]+[${CJK}]{2,4})*`;
const ATTRIBUTION_LINE = new RegExp(`^[（(](${NAMES})[)）]$`);
const ATTRIBUTION_TAIL = new RegExp(`(?<=[。！？!?；;”])\\s*[（(](${NAMES})[)）]$`);

const normNames = (s: string) => s.split(/[ 、，,]+/).join('、');

/**
 * Yearbook-style attribution repeated after entries: "…。(章福宝 余一苗)". Returns the names and the
 * paragraphs without them. Needs a standalone occurrence or three inline ones, so "（试行）" is never taken.
 */
export function liftAttribution(paras: string[]): { author: string | null; paras: string[] } {
  const counts = new Map<string, { alone: number; inline: number }>();
  for (const p of paras) {
    const alone = ATTRIBUTION_LINE.exec(p)?.[1];
    const inline = alone ? undefined : ATTRIBUTION_TAIL.exec(p)?.[1];
    const key = alone ?? inline;
    if (!key) continue;
    const c = counts.get(key) ?? { alone: 0, inline: 0 };
    if (alone) c.alone++;
    else c.inline++;
    counts.set(key, c);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [k, c] of counts) {
    const n = c.alone + c.inline;
    if ((c.alone >= 1 && n >= 2) || n >= 3) {
      if (n > bestN) {
        best = k;
        bestN = n;
      }
    }
  }
  if (!best) return { author: null, paras };
  const b = best;
  const out = paras
    .filter((p) => ATTRIBUTION_LINE.exec(p)?.[1] !== b)
    .map((p) => (ATTRIBUTION_TAIL.exec(p)?.[1] === b ? p.replace(ATTRIBUTION_TAIL, '').trim() : p))
    .filter(Boolean);
  return { author: normNames(b), paras: out };
}

/** "（作者单位：衢江区委组织部）" closing an article. */
export function liftAuthorUnit(paras: string[]): { unit: string | null; paras: string[] } {
  const re = /^[（(]\s*(?:作者单位|单位)\s*[:：]\s*(.+?)\s*[)）]$/;
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 3); i--) {
    const m = re.exec(paras[i] ?? '');
    if (m?.[1]) return { unit: m[1], paras: [...paras.slice(0, i), ...paras.slice(i + 1)] };
  }
  return { unit: null, paras };
}

/** First paragraph as title: short, not a sentence, not a section heading, with text after it. */
export function isTitleLine(first: string | undefined, rest: number): boolean {
  if (!first || rest < 1) return false;
  return (
    first.length >= 2 &&
    first.length <= 60 &&
    !endsSentence(first) &&
    !/[，,、]$/.test(first) &&
    !hasInternalTerminal(first) &&
    !startsWithHeadingMarker(first)
  );
}

const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/**
 * A title for a text without a title line: a meaningful file name, else "【heading】" plus the first sentence.
 */
export function fallbackTitle(paras: string[], fileStem: string): string {
  const hashLike = /^(?:\d+[_-])?[0-9a-f]{8,}$/i.test(fileStem);
  if (!hashLike && (cjkCount(fileStem) >= 2 || /[A-Za-z]{3,}/.test(fileStem))) return fileStem;
  const first = paras[0] ?? '';
  const heading = /^【([^】]{1,30})】\s*(.*)$/.exec(first);
  const body = heading ? (heading[2] ?? '') : first;
  const sentence = body.split(/[。！？!?；;]/)[0] ?? '';
  if (heading?.[1] && [...heading[1]].length >= 6) return heading[1];
  const lead = truncate(sentence, 30);
  if (heading?.[1]) return `${heading[1]}：${lead}`;
  return lead || fileStem;
}

/**
 * A date stated by the text itself: a standalone date line near the end (signature) or start, else a year the
 * first paragraph opens with ("【概况】 2004年,全市…" → "2004").
 */
export function dateFromBody(paras: string[]): string | null {
  const tail = paras.slice(-3).reverse();
  const head = paras.slice(0, 3);
  for (const p of [...tail, ...head]) if (isDateLine(p)) return findDate(p);
  const first = (paras[0] ?? '').replace(/^【[^】]*】\s*/, '');
  const lead = /^\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/.exec(first);
  return lead ? findDate(lead[0]) : null;
}
