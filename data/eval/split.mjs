// Splits one of our own evaluation sets once into a tuning half and a test half.
// The split is a pure function of each item's id (sha256, first byte even → tune), so it is reproducible and
// never depends on the items' content or on how the product scores them.
// Usage: node data/eval/split.mjs data/eval/qa-own.jsonl  → data/eval/qa-tune.jsonl + data/eval/qa-test.jsonl
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !file.endsWith('-own.jsonl')) {
  console.error('usage: node data/eval/split.mjs data/eval/<name>-own.jsonl');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const tune = [];
const test = [];
for (const line of lines) {
  const { id } = JSON.parse(line);
  const byte = createHash('sha256').update(String(id)).digest()[0];
  (byte % 2 === 0 ? tune : test).push(line);
}
const base = file.replace(/-own\.jsonl$/, '');
writeFileSync(`${base}-tune.jsonl`, `${tune.join('\n')}\n`);
writeFileSync(`${base}-test.jsonl`, `${test.join('\n')}\n`);
console.log(`${file}: ${lines.length} items → ${tune.length} tune, ${test.length} test`);
