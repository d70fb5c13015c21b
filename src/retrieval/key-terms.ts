/**
 * The corpus's own key terms, to add to the segmenter's dictionary. Policy texts put their coined
 * terms and abbreviations in quotes (“三服务”, “1+1+1”, “五百行动”) or title marks (《涉企惠企政策摘要》);
 * jieba would otherwise cut them into pieces and a question using them would not match as a word.
 */
import { normalizeText } from './normalize.js';

const QUOTED = /“([^“”\n]{2,40})”|《([^《》\n]{2,12})》/gu;
/** Parts of a quoted enumeration: “两地报到、人人契约” → 两地报到, 人人契约. */
const PART_SEPARATORS = /[、,，;；:：\s]+/u;
/** A term: Han characters, digits, Latin letters and "+" only, 2–8 characters, some Han or digit. */
const TERM = /^[\p{Script=Han}\p{N}a-z+]{2,8}$/u;
const HAS_HAN = /\p{Script=Han}/u;

export function extractKeyTerms(texts: Iterable<string>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    const norm = normalizeText(text);
    for (const m of norm.matchAll(QUOTED)) {
      const inner = m[1] ?? m[2] ?? '';
      for (const part of inner.split(PART_SEPARATORS)) {
        const t = part.trim();
        if (TERM.test(t) && (HAS_HAN.test(t) || isCode(t))) terms.add(t);
      }
    }
  }
  return [...terms].sort();
}

/** “1433”, “1+1+1”, “1+n”, “6q24s”: programme codes are terms too (plain numbers stay whole anyway). */
function isCode(t: string): boolean {
  return /^[\da-z]+(?:\+[\da-z]+)+$/u.test(t) || /^(?=.*\d)(?=.*[a-z])[\da-z]{3,}$/u.test(t);
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * New-word discovery: pairs of adjacent single characters (and whole runs of 3–4) that the
 * segmenter leaves unjoined but that recur in the corpus (专班, 衢江, 两新, 引才 …) become words. Jieba's dictionary does not know
 * local names and jargon; without this a question's 专班 would only match as 专 + 班.
 */
export function discoverWords(
  segment: (text: string) => string[],
  texts: Iterable<string>,
  isStop: (token: string) => boolean,
  { minCount = 3, max = 5000 }: { minCount?: number; max?: number } = {},
): string[] {
  const counts = new Map<string, number>();
  const bump = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const text of texts) {
    let run: string[] = [];
    const flush = () => {
      for (let i = 0; i + 1 < run.length; i++) bump(run[i]! + run[i + 1]!);
      if (run.length === 3 || run.length === 4) bump(run.join(''));
      run = [];
    };
    for (const tok of segment(text)) {
      if (SINGLE_HAN.test(tok) && !isStop(tok)) run.push(tok);
      else flush();
    }
    flush();
  }
  return [...counts]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w)
    .sort();
}
