/**
 * How Chinese characters sound, for IME and speech-to-text typos: a typed word that differs from a known one only
 * in characters that are read alike (人设局 / 人社局, 矽胜 / 矽盛, 环平 / 环评) is that word mistyped, and one that
 * differs in a character read otherwise (华晟 / 华康) is another word. Tones are ignored, every reading of a
 * polyphone counts, and the initials and finals that southern speakers and dictation software merge
 * (zh/z, ch/c, sh/s, n/l, -ng/-n) are merged too.
 */
import { pinyin } from 'pinyin-pro';

const readings = new Map<string, ReadonlySet<string>>();

/** The fold of a toneless syllable: merged initials and finals (zhang → zan, ling → lin, nan → lan). */
function fold(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiou])/, 'l')
    .replace(/ng$/, 'n')
    .replace(/v/g, 'u');
}

/** The folded readings of one character (empty for anything that is not a Chinese character). */
export function soundsOf(ch: string): ReadonlySet<string> {
  let got = readings.get(ch);
  if (!got) {
    got = /^[\u4e00-\u9fa5]$/.test(ch)
      ? new Set(
          (pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[]).map((s) =>
            fold(s.toLowerCase()),
          ),
        )
      : new Set<string>();
    readings.set(ch, got);
  }
  return got;
}

const strictReadings = new Map<string, ReadonlySet<string>>();
/** The toneless readings of one character, unfolded (认证 zheng is not 认真 zhen). */
function strictSoundsOf(ch: string): ReadonlySet<string> {
  let got = strictReadings.get(ch);
  if (!got) {
    got = /^[\u4e00-\u9fa5]$/.test(ch)
      ? new Set(
          (pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[]).map((s) => s.toLowerCase()),
        )
      : new Set<string>();
    strictReadings.set(ch, got);
  }
  return got;
}

/** Two characters that share a reading (`strict`: without merging zh/z, n/l, -ng/-n). */
export function charsSoundAlike(a: string, b: string, strict = false): boolean {
  if (a === b) return true;
  const of = strict ? strictSoundsOf : soundsOf;
  const sa = of(a);
  if (sa.size === 0) return false;
  for (const s of of(b)) if (sa.has(s)) return true;
  return false;
}

/**
 * `typed` is `word` with exactly one character replaced by one read alike: the position of that character, else -1
 * (also -1 when the two are equal or differ in length or in more than one character).
 */
export function homophoneTypoAt(typed: string, word: string, strict = false): number {
  if (typed.length !== word.length || typed === word) return -1;
  let at = -1;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === word[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at >= 0 && charsSoundAlike(typed[at]!, word[at]!, strict) ? at : -1;
}
