/** Issue references: Q-0012, q-0015, Q0023, Ｑ－１２ → "Q-0012" (at least 4 digits, zero-padded). */

export interface RefHit {
  ref: string;
  start: number;
  end: number;
}

// A hyphen (or similar) after Q, or at least 3 digits, so "Q1" (a quarter) is not read as an issue.
const REF_RE = /(?<![A-Za-z0-9])[Qq]\s?(?:[-－—_#]\s?(\d{1,6})|(\d{3,6}))(?!\d)/g;

export function normalizeRef(raw: string): string | null {
  const m = /^\s*[Qq]\s?[-－—_#]?\s?(\d{1,6})\s*$/.exec(raw);
  if (!m) return null;
  return `Q-${m[1]!.padStart(4, '0')}`;
}

export function findRefs(text: string): RefHit[] {
  const hits: RefHit[] = [];
  for (const m of text.matchAll(REF_RE)) {
    const digits = (m[1] ?? m[2])!;
    if (Number(digits) === 0) continue;
    hits.push({ ref: `Q-${digits.padStart(4, '0')}`, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
