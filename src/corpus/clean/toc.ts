/**
 * A periodical's contents page (目 录 / CONTENTS): column headers (■卷首语) and entries
 * ("13 建好用好文明城市党建示范区 / 勇当…排头兵……中共衢州市柯城区委组织部"). Parsed for the column of each
 * article and for authors, then dropped from the text.
 */
import { squash } from './patterns.js';

export interface TocEntry {
  section: string | null;
  title: string;
  author: string | null;
  page: number | null;
}

const TOC_START = /^(?:目\s*录|CONTENTS)(?:\s+(?:目\s*录|CONTENTS))?$/i;
const SECTION = /^■\s*(\S{2,8})$/;
const ENTRY = /^(\d{1,3})\s+(\S.*)$/;
const LEADER = /…{2,}|\.{4,}|·{4,}/;

/** Find the contents page, parse it and remove it. */
export function liftToc(lines: string[]): { toc: TocEntry[]; lines: string[] } {
  const start = lines.findIndex((l) => TOC_START.test(l));
  if (start < 0) return { toc: [], lines };
  const toc: TocEntry[] = [];
  let section: string | null = null;
  let open: { page: number | null; text: string } | null = null;
  const close = () => {
    if (!open) return;
    const [title, author] = open.text.split(LEADER).map((s) => s.trim());
    toc.push({ section, title: title ?? '', author: author || null, page: open.page });
    open = null;
  };
  let end = start + 1;
  for (; end < lines.length; end++) {
    const l = lines[end] ?? '';
    if (l === '') continue;
    const sec = SECTION.exec(l);
    const entry = ENTRY.exec(l);
    if (sec) {
      close();
      section = sec[1] ?? null;
    } else if (entry) {
      close();
      open = { page: Number(entry[1]), text: entry[2] ?? '' };
      if (LEADER.test(open.text)) close();
    } else if (open && (LEADER.test(l) || l.length <= 40)) {
      // Continuation of a two-line entry; it ends at the leader dots and the author.
      open = { page: open.page, text: `${open.text} ${l}` };
      if (LEADER.test(l)) close();
    } else if (!open && LEADER.test(l) && toc.length > 0 && l.length <= 40) {
      // "……中共龙游县委组织部" printed on its own line after a one-line title: belongs to the last entry.
      const last = toc[toc.length - 1]!;
      if (!last.author) last.author = l.replace(LEADER, '').trim() || null;
    } else {
      break;
    }
  }
  close();
  // Drop trailing blank lines that belonged to the page.
  return { toc, lines: [...lines.slice(0, start), ...lines.slice(end)] };
}

/** Character-bigram Dice similarity of two titles, ignoring spaces and punctuation. */
export function titleSimilarity(a: string, b: string): number {
  const norm = (s: string) => squash(s).replace(/[“”"《》〈〉「」『』·、，,:：…\-—()（）]/g, '');
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(norm(a));
  const gb = grams(norm(b));
  let both = 0;
  let total = 0;
  for (const [g, n] of ga) {
    both += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

/** The contents entry matching an article title, if any. */
export function findTocEntry(toc: TocEntry[], title: string): TocEntry | null {
  let best: TocEntry | null = null;
  let bestScore = 0;
  for (const e of toc) {
    const s = titleSimilarity(e.title, title);
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  }
  return bestScore >= 0.6 ? best : null;
}
