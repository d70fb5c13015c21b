/** Find item N of an enumeration in a passage (for "那第二条呢？"). */
import { escapeRegExp } from '../text/regexp.js';
import { cnNumeral } from './question-kind.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/** Marker patterns of item n, one per enumeration style (the same style must also have item 1). */
function markerStyles(): Array<(k: number) => RegExp> {
  return [
    (k) => new RegExp(`${escapeRegExp(cnNumeral(k))}是`, 'u'),
    (k) => new RegExp(`[（(]${escapeRegExp(cnNumeral(k))}[)）]`, 'u'),
    (k) => new RegExp(`第${escapeRegExp(cnNumeral(k))}[，,、是：:]`, 'u'),
    (k) => new RegExp(`其${escapeRegExp(cnNumeral(k))}[，,、是：:]`, 'u'),
    (k) => new RegExp(`[（(]${k}[)）]`, 'u'),
    (k) => (k <= CIRCLED.length ? new RegExp(escapeRegExp(CIRCLED[k - 1]!), 'u') : /(?!)/u),
    (k) => new RegExp(`(?:^|[\\n。；;：:])\\s*${k}[.、．](?!\\d)`, 'u'),
  ];
}

/** Text of item n (marker included), or null when the passage has no such enumeration. */
export function enumerationItem(text: string, n: number): string | null {
  if (n < 1) return null;
  for (const style of markerStyles()) {
    const first = style(1).exec(text);
    const mark = style(n).exec(text);
    if (!first || !mark || mark.index < first.index) continue;
    let start = mark.index;
    // The arabic style matches the separator before the number: skip it.
    while (start < text.length && /[\n。；;：:\s]/u.test(text[start]!)) start++;
    const rest = text.slice(start);
    const next = style(n + 1).exec(rest.slice(1));
    const stop = rest.search(/[。；;\n]/u);
    let end = stop >= 0 ? stop + 1 : rest.length;
    if (next && next.index + 1 < end) end = next.index + 1;
    const item = rest.slice(0, end).trim();
    if ([...item].length >= 4) return item;
  }
  return semicolonItem(text, n);
}

/**
 * “…三条原则，即“A；B；C”。” / “…：A；B；C。” — the first sentence (to 。) that has ≥ 2 ；-separated
 * clauses; item 1 loses its lead-in (up to the last ：, 即 or opening quote).
 */
export function semicolonItem(text: string, n: number): string | null {
  for (const m of text.matchAll(/[^。\n]*[；;][^。\n]*。?/gu)) {
    const parts = m[0]
      .split(/[；;]/u)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2 || parts.length < n) continue;
    let item = parts[n - 1]!;
    if (n === 1)
      item = item
        .split(/[：:]|即|包括/u)
        .pop()!
        .trim();
    item = item
      .replace(/^[“"‘]+/u, '')
      .replace(/[”"’]+(?=。?$)/u, '')
      .trim();
    if ([...item].length < 2) continue;
    return /[。]$/u.test(item) ? item : `${item}。`;
  }
  return null;
}

/**
 * “担任A、B、C等“三员”” — item n of the longest 、-separated run in one sentence (≥ 3 items).
 * The first item loses a lead-in verb (担任/包括/即/为/以 …); the last one a trailing 等…
 */
export function commaListItem(sentence: string, n: number): string | null {
  const best = commaListRun(sentence)
    .split('、')
    .map((s) => s.trim());
  if (best.length < 3 || best.length < n) return null;
  let item = best[n - 1]!;
  if (n === 1) item = item.replace(/^.*(?:担任|包括|包含|即|分别是|分别为|主要有|有|以|为|是)/u, '');
  if (n === best.length) item = item.replace(/等.*$|为内容.*$|的“.*$/u, '');
  item = item.replace(/^[“"‘]+|[”"’]+$/gu, '').trim();
  return [...item].length >= 2 ? `${item}。` : null;
}

/** The clause of a sentence holding its longest 、-separated run, as written (“设置A、B、C等“七大员””). */
export function commaListRun(sentence: string): string {
  let best = '';
  let most = 0;
  for (const c of sentence.split(/[，,；;：:。！？]/u)) {
    const count = c.split('、').length;
    if (count > most) {
      best = c.trim();
      most = count;
    }
  }
  return best;
}
