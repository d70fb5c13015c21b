import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../src/platforms');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('platform adapters and the app', () => {
  it('import nothing from src/app or handlers/ except types', () => {
    const offending: string[] = [];
    for (const file of files(ROOT)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        const spec = m[2] ?? '';
        if (!/\/app\/|\/handlers\//.test(spec)) continue;
        if (!m[1]) offending.push(`${path.relative(ROOT, file)}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
