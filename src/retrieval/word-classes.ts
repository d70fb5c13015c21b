/**
 * Classes of words kept as data (data/retrieval/*.txt): a class a line, its values separated by spaces, the forms of
 * a value by |; lines starting with # are comments. siblings.txt holds values that exclude each other (省级 / 国家级);
 * counted-things.txt the nouns a count may be given under (问题 / 事项 / 诉求).
 */
import fs from 'node:fs';
import { dataFile } from '../config/data-files.js';
import { normalizeText } from './normalize.js';

/** A value of a class, with the forms that name it. */
export interface SiblingValue {
  name: string;
  forms: string[];
}

/** Parse a class file: a class a line, values separated by spaces, the forms of a value by |. */
export function parseWordClasses(text: string, name = 'word classes'): SiblingValue[][] {
  const out: SiblingValue[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const values = line.split(/\s+/u).map((v) => {
      const forms = v.split('|').map((f) => normalizeText(f));
      return { name: forms[0] as string, forms };
    });
    if (values.length < 2) throw new Error(`${name}: a class needs two values or more: ${line}`);
    out.push(values);
  }
  return out;
}

const loaded = new Map<string, SiblingValue[][]>();
/** The classes of data/retrieval/<name> (read once; an absent file is an empty lexicon). */
export function wordClasses(name: string): SiblingValue[][] {
  const cached = loaded.get(name);
  if (cached) return cached;
  let text = '';
  try {
    text = fs.readFileSync(dataFile('retrieval', name), 'utf8');
  } catch {
    text = '';
  }
  const classes = parseWordClasses(text, name);
  loaded.set(name, classes);
  return classes;
}

/** The words of `word`'s class in data/retrieval/<name> (itself first), or just itself when no class holds it. */
export function kinOf(name: string, word: string): string[] {
  const cls = wordClasses(name).find((c) => c.some((v) => v.forms.includes(word)));
  return cls ? [word, ...cls.flatMap((v) => v.forms).filter((f) => f !== word)] : [word];
}
