/**
 * The ONE grammar for issue ids, shared by the chat commands (src/ledger/commands.ts) and the
 * update parser: Q-0012, q-12, Q0012, q0012, Ｑ－００１２ → "Q-0012" (zero-padded to 4 digits).
 * Without a separator after the Q at least 2 digits are needed, so "Q1订单下滑" (the first quarter)
 * and "Q4" are not issue ids; "QQ群", "FAQ-2" are not either (no letter or digit right before the Q).
 * Dictated ids read their digits aloud (Q零零四二, Q幺零二, Q杠零零九八: 杠 is how a dash is spoken); the same
 * rule applies to them (2 digits at least without a separator).
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
const SPOKEN = '零〇一二三四五六七八九幺';
const SEPARATOR = '-－—–_#杠';
export const REF_SOURCE = String.raw`[Qq]\s?(?=[${SEPARATOR}]|\d{2}|[${SPOKEN}]{2})[${SEPARATOR}]?\s?(\d{1,6}|[${SPOKEN}]{2,6})(?![\d${SPOKEN}])`;
const SPOKEN_DIGIT: Record<string, string> = Object.fromEntries(
  [...SPOKEN].map((c, i) => [c, c === '〇' ? '0' : c === '幺' ? '1' : String(i === 0 ? 0 : i - 1)]),
);

/** The digits of an id as written or read aloud (零零四二 → "0042"). */
function asciiDigits(digits: string): string {
  return digits.replace(/[^\d]/g, (c) => SPOKEN_DIGIT[c] ?? c);
}
const REF_SCAN = new RegExp(`(?<![A-Za-z0-9])${REF_SOURCE}`, 'g');
const REF_WHOLE = new RegExp(String.raw`^\s*${REF_SOURCE}\s*$`);

/** "Q-" + the digits zero-padded to 4 (Q-12345 keeps its 5). */
export function refFromDigits(digits: string | number): string {
  return `Q-${String(Number(asciiDigits(String(digits)))).padStart(4, '0')}`;
}

/** A whole string that is an issue id, normalised; null otherwise (also for Q1, Q-0000). */
export function normalizeRef(raw: string): string | null {
  const m = REF_WHOLE.exec(raw);
  if (!m || Number(asciiDigits(m[1]!)) === 0) return null;
  return refFromDigits(m[1]!);
}

/** Every issue id in a text, in order, with its offsets. */
export function findRefs(text: string): RefHit[] {
  const hits: RefHit[] = [];
  for (const m of text.matchAll(REF_SCAN)) {
    const digits = m[1]!;
    if (Number(asciiDigits(digits)) === 0) continue;
    hits.push({ ref: refFromDigits(digits), start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/**
 * A short id opening a message ("q1 办结了", "Q2 人社局推荐了简历"): Q and one digit, then a space, a comma or the
 * message's end — never glued to a word ("Q1订单下滑" is the first quarter). The grammar above does not read it as an
 * id by itself; it is one only with evidence that the team has that issue, which the caller checks (a quarter named
 * first, "Q4 营收回升", stays words unless issue Q-0004 is the team's). The full id and the rest of the message.
 */
const SHORT_OPENING = /^\s*[Qq]([1-9])(?=[\s，,：:。]|$)/;
export function shortRefOpening(text: string): { ref: string; rest: string } | null {
  const m = SHORT_OPENING.exec(text);
  return m ? { ref: refFromDigits(m[1]!), rest: text.slice(m[0].length) } : null;
}
