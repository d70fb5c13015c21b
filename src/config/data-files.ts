/**
 * Where the bundled data files are (data/ at the project root: lexicons, fitted models): two levels above
 * src/config when run from the sources, three above dist/src/config when built. One lookup for every reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A path under data/ (`dataFile('retrieval', 'places.txt')`): the one that exists, else the source tree's. */
export function dataFile(...parts: string[]): string {
  const candidates = ['../..', '../../..'].map((up) => path.resolve(here, up, 'data', ...parts));
  return candidates.find((f) => fs.existsSync(f)) ?? (candidates[0] as string);
}
