/**
 * Voice input that spaces every word (“去 了 锦程 电缆 他们 说 现金流 紧”) → ordinary Chinese text.
 *
 * Some speech-to-text keyboards put a space between every word they recognise. Read as written, every
 * word is its own clause and names, verbs and aspect markers fall apart (“去 了”, “上 周 六”, “金融 版”).
 * A message is word-spaced when it has several space-separated runs of Chinese and most of them are
 * words, not clauses: the median run is at most MAX_WORD_RUN characters. Then a space between two
 * Chinese characters (or a Chinese character and a digit) is dropped after a word of one or two
 * characters; line breaks and every other space stay. Text written with spaces between clauses (“去了华康 企业说资金紧 想续贷”) is left alone.
 */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const RUN = new RegExp(`[${CJK}]+`, 'gu');
const GAP = new RegExp(`(?<=[${CJK}0-9])[ \\u3000]+(?=[${CJK}0-9])`, 'gu');

/** At least this many runs of Chinese separated by spaces. */
const MIN_RUNS = 6;
/** Median length of those runs at most this (a word, not a clause). */
const MAX_WORD_RUN = 2;

export function isWordSpaced(text: string): boolean {
  const runs = text
    .split(/[ \u3000]+/u)
    .flatMap((part) => {
      const chinese = part.match(RUN);
      return chinese ? [chinese.join('').length] : [];
    })
    .sort((a, b) => a - b);
  if (runs.length < MIN_RUNS) return false;
  return runs[Math.floor(runs.length / 2)]! <= MAX_WORD_RUN;
}

/** A word of at most this many characters is joined to what follows it; a longer one (a name) keeps its space. */
const JOIN_AFTER = 2;
const LAST_RUN = new RegExp(`[${CJK}0-9]+$`, 'u');

export function joinWordSpacing(text: string): string {
  if (!isWordSpaced(text)) return text;
  // A space after a longer word stays: it is often the only boundary of a name the parser does not know
  // (“去 了 锦程电缆 他们 说” → “去了锦程电缆 他们说”).
  return text.replace(GAP, (gap, offset: number) => {
    const left = LAST_RUN.exec(text.slice(Math.max(0, offset - 12), offset))?.[0] ?? '';
    return [...left].length <= JOIN_AFTER ? '' : gap;
  });
}
