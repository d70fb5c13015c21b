#!/usr/bin/env node
/**
 * `npm start` / `npm run zct`: run the compiled build (dist/) when it is fresh — newer than every source file — and
 * the TypeScript sources through tsx otherwise, so a fresh clone works without a build step and a built tree
 * starts without paying for the TypeScript transform. ZCT_SOURCE=1 forces the sources.
 * Usage: node scripts/start.mjs <zct arguments…>
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'src', 'cli', 'main.js');
const SOURCE_DIRS = ['src', 'handlers'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest mtime (ms) of the .ts files under dir; stops early once one is newer than `limit`. */
function newestTs(dir, limit) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    const t = e.isDirectory() ? newestTs(p, limit) : e.name.endsWith('.ts') ? fs.statSync(p).mtimeMs : 0;
    if (t > newest) newest = t;
    if (newest > limit) break;
  }
  return newest;
}

/** True when dist/ was built after the last change to the sources. */
export function buildIsFresh() {
  let built;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  for (const f of SOURCE_FILES) {
    try {
      if (fs.statSync(path.join(root, f)).mtimeMs > built) return false;
    } catch {
      // optional file
    }
  }
  return SOURCE_DIRS.every((d) => newestTs(path.join(root, d), built) <= built);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const useBuild = process.env.ZCT_SOURCE !== '1' && buildIsFresh();
  // main.js/main.ts read process.argv: [node, main, ...args]
  if (useBuild) {
    process.argv = [process.argv[0], compiled, ...process.argv.slice(2)];
    await import(pathToFileURL(compiled).href);
  } else {
    const source = path.join(root, 'src', 'cli', 'main.ts');
    const { register } = await import('tsx/esm/api');
    register();
    process.argv = [process.argv[0], source, ...process.argv.slice(2)];
    await import(pathToFileURL(source).href);
  }
}
