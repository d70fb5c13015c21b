import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliLogger } from '../../src/cli/logger.js';

describe('one-shot CLI logging', () => {
  it('stays at warn by default, so no info line lands in a command’s output; an explicit level wins', () => {
    expect(cliLogger({ LOG_LEVEL: 'info' }).level).toBe('warn');
    expect(cliLogger({ LOG_LEVEL: 'debug' }).level).toBe('debug');
    expect(cliLogger({ LOG_LEVEL: 'silent' }).level).toBe('silent');
  });

  it('is what every command uses (no command builds its own info-level logger)', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/cli/commands');
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /createLogger\(config\.LOG_LEVEL\)/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
