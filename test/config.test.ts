import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig, capabilities, ConfigError } from '../src/config/index.js';

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c.ZCT_TIMEZONE).toBe('Asia/Shanghai');
    expect(c.ZCT_MAX_TEXT).toBe(4000);
    expect(c.ZCT_ADMINS).toEqual([]);
    expect(capabilities(c)).toEqual({ llm: false, embeddings: false, redis: false, dingtalk: false, slack: false });
  });

  it('parses lists, numbers and booleans', () => {
    const c = parseConfig({
      ZCT_ADMINS: 'u1, u2，u3',
      ZCT_DUE_DAYS: '20',
      ZCT_WORKDAYS_ONLY: 'false',
      REDIS_URL: 'redis://x:1',
    });
    expect(c.ZCT_ADMINS).toEqual(['u1', 'u2', 'u3']);
    expect(c.ZCT_DUE_DAYS).toBe(20);
    expect(c.ZCT_WORKDAYS_ONLY).toBe(false);
    expect(capabilities(c).redis).toBe(true);
  });

  it('reports every bad key at once', () => {
    try {
      parseConfig({ ZCT_DUE_DAYS: 'abc', DIGEST_TIME: '8h' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('ZCT_DUE_DAYS');
      expect(msg).toContain('DIGEST_TIME');
    }
  });

  it('documents every setting in .env.example', () => {
    const example = fs.readFileSync('.env.example', 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });
});
