/** Small numerals as written in questions and lists: 一 … 九十九, 两, 1 … 99. */

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一…九十九 / 1…99 → number (null if not a small numeral). */
export function numeralValue(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || !s) return null;
  const tens = m[2] ? (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) : 0;
  const ones = m[2] ? (m[3] ? (CN_DIGITS[m[3]] ?? 0) : 0) : m[1] ? (CN_DIGITS[m[1]] ?? 0) : 0;
  const v = tens * 10 + ones;
  return v > 0 ? v : null;
}
