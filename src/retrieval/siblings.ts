/**
 * Sibling values (data/retrieval/siblings.txt): classes of mutually exclusive values a question uses to single out
 * what it asks about — administrative levels (国家级, 省级, 市级 …), ranks (正科级, 副科级 …), prize grades, tiers.
 * A near miss names one value while the passage that would answer gives another of its class (“省级的有几家” of a
 * passage that counts the 国家级 ones): the not-found gate refuses it when no top passage writes the value asked.
 */
import { normalizeText } from './normalize.js';

import { type SiblingValue, wordClasses } from './word-classes.js';

export type { SiblingValue };

/** The classes of data/retrieval/siblings.txt (read once; an absent file is an empty lexicon). */
export function siblingClasses(): SiblingValue[][] {
  return wordClasses('siblings.txt');
}

/** Parse the lexicon: a class a line, values separated by spaces, the forms of a value by |. */
export { parseWordClasses as parseSiblings } from './word-classes.js';

const flat = (s: string) => normalizeText(s).replace(/\s+/gu, '');

/** Does a text name a value (one of its forms, not as part of a longer form of a sibling: 副科 is not 正科's)? */
function names(text: string, value: SiblingValue, cls: SiblingValue[]): boolean {
  const longer = cls.flatMap((v) => (v === value ? [] : v.forms)).filter((f) => value.forms.some((g) => f.includes(g)));
  let t = text;
  for (const f of longer) t = t.split(f).join('|');
  return value.forms.some((f) => t.includes(f));
}

/**
 * The values a question names that the passages never write while the sentences that would answer name a sibling
 * of them instead (empty when none). A question naming two values of a class (“省级和市级各几家”) compares them:
 * each is checked the same way.
 */
export function unmetSiblings(
  question: string,
  passages: readonly string[],
  sentences: readonly string[],
  classes: SiblingValue[][] = siblingClasses(),
): string[] {
  const q = flat(question);
  const hays = passages.map(flat);
  const said = sentences.map(flat);
  const out: string[] = [];
  for (const cls of classes) {
    const asked = cls.filter((v) => names(q, v, cls));
    for (const v of asked) {
      if (hays.some((h) => names(h, v, cls))) continue;
      const others = cls.filter((o) => !asked.includes(o));
      if (said.some((s) => others.some((o) => names(s, o, cls)))) out.push(v.name);
    }
  }
  return out;
}
