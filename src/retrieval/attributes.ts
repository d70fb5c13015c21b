/**
 * Attribute lexicon (data/retrieval/attributes.txt): the attributes a question may ask of its topic —
 * opening hours, phone, fee, validity period, pay scale, deadline, frequency, venue … — each with the
 * question wording that asks for it and the forms it takes in text (a clock time, a phone number, an
 * amount in 元, a duration …). The not-found gate refuses a question whose attribute no sentence that
 * could answer holds: a near miss shares the topic (the passage about 医疗绿卡) but not the attribute
 * asked (its 有效期).
 */
import fs from 'node:fs';
import { normalizeText } from './normalize.js';
import { dataFile } from '../config/data-files.js';

export interface Attribute {
  name: string;
  /** Recognises a question asking for the attribute. */
  cue: RegExp;
  /** A form of the attribute in text: a sentence holding one can answer. */
  forms: RegExp;
}

/** Parse the lexicon: `name :: question cue :: answer forms` a line; `#` comments and blank lines skipped. */
export function parseAttributes(text: string, file = 'attributes.txt'): Attribute[] {
  const out: Attribute[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(' :: ').map((p) => p.trim());
    if (parts.length !== 3 || parts.some((p) => !p)) throw new Error(`${file}: malformed line: ${line}`);
    out.push({ name: parts[0]!, cue: new RegExp(parts[1]!, 'u'), forms: new RegExp(parts[2]!, 'u') });
  }
  return out;
}

const loaded = new Map<string, Attribute[]>();
/** A lexicon of data/retrieval in this format (read once; an absent file is an empty lexicon). */
function lexiconOf(name: string): Attribute[] {
  let out = loaded.get(name);
  if (out) return out;
  let text = '';
  try {
    text = fs.readFileSync(dataFile('retrieval', name), 'utf8');
  } catch {
    text = '';
  }
  out = parseAttributes(text, name);
  loaded.set(name, out);
  return out;
}

/** The attributes of data/retrieval/attributes.txt (the not-found gate's). */
export function attributeLexicon(): Attribute[] {
  return lexiconOf('attributes.txt');
}

/**
 * The answer types of data/retrieval/answer-types.txt, same format: what a question asks (不能做的 …) and the
 * forms the answer takes (不搞, 严禁 …). The ranking prefers a passage holding the form; the gate does not
 * check them (an answer may say it in other words: 原则上不召开会议).
 */
export function answerTypeLexicon(): Attribute[] {
  return lexiconOf('answer-types.txt');
}

const flat = (s: string) => normalizeText(s).replace(/\s+/gu, '');

/** The attributes a question asks for (none for most questions). */
export function askedAttributes(question: string, lexicon: Attribute[] = attributeLexicon()): Attribute[] {
  const q = flat(question);
  return lexicon.filter((a) => a.cue.test(q));
}

/**
 * The attributes the question asks that none of the sentences holds in one of its forms (empty when every
 * attribute asked is there, or none is asked).
 */
export function unmetAttributes(
  question: string,
  sentences: readonly string[],
  lexicon: Attribute[] = attributeLexicon(),
): string[] {
  const asked = askedAttributes(question, lexicon);
  if (!asked.length) return [];
  const forms = sentences.map(flat);
  return asked.filter((a) => !forms.some((s) => a.forms.test(s))).map((a) => a.name);
}
