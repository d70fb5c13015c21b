/**
 * The ONE grammar for issue ids, shared by the chat commands (src/ledger/commands.ts) and the
 * update parser: Q-0012, q-12, Q0012, q0012, Ｑ－００１２ → "Q-0012" (zero-padded to 4 digits).
 * Without a separator after the Q at least 2 digits are needed, so "Q1订单下滑" (the first quarter)
 * and "Q4" are not issue ids; "QQ群", "FAQ-2" are not either (no letter or digit right before the Q).
 */

export interface RefHit {
  ref: string;
  start: number;
  end: number;
}

/**
 * Regex source of an issue id with exactly one capture group (the digits). Meant to be embedded in
 * larger patterns; callers that scan free text add the boundaries of REF_SCAN.
 */
export const REF_SOURCE = String.raw`[Qq]\s?(?=[-－—–_#]|\d{2})[-－—–_#]?\s?(\d{1,6})(?!\d)`;
const REF_SCAN = new RegExp(`(?<![A-Za-z0-9])${REF_SOURCE}`, 'g');
const REF_WHOLE = new RegExp(String.raw`^\s*${REF_SOURCE}\s*$`);

/** "Q-" + the digits zero-padded to 4 (Q-12345 keeps its 5). */
export function refFromDigits(digits: string | number): string {
  return `Q-${String(Number(digits)).padStart(4, '0')}`;
}

/** A whole string that is an issue id, normalised; null otherwise (also for Q1, Q-0000). */
export function normalizeRef(raw: string): string | null {
  const m = REF_WHOLE.exec(raw);
  if (!m || Number(m[1]) === 0) return null;
  return refFromDigits(m[1]!);
}

/** Every issue id in a text, in order, with its offsets. */
export function findRefs(text: string): RefHit[] {
  const hits: RefHit[] = [];
  for (const m of text.matchAll(REF_SCAN)) {
    const digits = m[1]!;
    if (Number(digits) === 0) continue;
    hits.push({ ref: refFromDigits(digits), start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
