/**
 * Full-width forms → ASCII, the one definition of width folding. Length-preserving (one UTF-16 unit in, one out),
 * so an offset in the folded text is the same offset in the original.
 *
 * - `all` (the status-update parser): every full-width ASCII form U+FF01–U+FF5E (Ｑ１２ → Q12, ：→ :, ，→ ,) and the
 *   ideographic space U+3000 → ' '.
 * - `alnum` (chat commands, deadlines): only digits and Latin letters, plus dashes (－ — –) → '-', so "Ｑ－００１２"
 *   reads as "Q-0012" while the Chinese punctuation in notes and department names (，：（）) is kept.
 */
export type WidthScope = 'all' | 'alnum';

const DASHES = new Set(['－', '—', '–']);

function isFullWidthAlnum(code: number): boolean {
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

export function foldWidth(text: string, scope: WidthScope = 'all'): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (scope === 'all') {
      if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
      else if (code === 0x3000) out += ' ';
      else out += ch;
    } else if (isFullWidthAlnum(code)) out += String.fromCharCode(code - 0xfee0);
    else if (DASHES.has(ch)) out += '-';
    else out += ch;
  }
  return out;
}
