/**
 * Findings 6 and 7: /healthz and /metrics listen on 127.0.0.1 unless HEALTH_HOST says otherwise; a serve process
 * never loads pdf.js (whose legacy build replaces JSON.parse), only ingest does.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { startHealthServer } from '../../src/observability/health-server.js';

describe('health server bind address', () => {
  it('loopback by default; HEALTH_HOST changes it', async () => {
    expect(parseConfig({}).HEALTH_HOST).toBe('127.0.0.1');
    const local = await startHealthServer(0, []);
    expect(local.host).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${local.port}/healthz`);
    expect(res.status).toBe(200);
    await local.close();
    const open = await startHealthServer(0, [], parseConfig({ HEALTH_HOST: '0.0.0.0' }).HEALTH_HOST);
    expect(open.host).toBe('0.0.0.0');
    await open.close();
  });
});

describe('pdf.js stays out of serve', () => {
  it('JSON.parse is native after loading everything serve loads; only parsing a PDF brings pdf.js in', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/hardening/fixtures/serve-imports.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      afterServeImports: boolean;
      afterPdf: boolean;
      pdfChars: number;
    };
    expect(r.afterServeImports).toBe(true);
    expect(r.pdfChars).toBeGreaterThan(0);
    // The check can fail: once a PDF is parsed, pdf.js has replaced JSON.parse in that process.
    expect(r.afterPdf).toBe(false);
  }, 90_000);
});
