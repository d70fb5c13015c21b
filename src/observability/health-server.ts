/** `/healthz` (JSON, 200 when every required connection is up, else 503) and `/metrics` (Prometheus). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry, metrics } from './metrics.js';

export interface HealthCheck {
  name: string;
  /** Required checks turn /healthz into 503 when down. */
  required: boolean;
  check(): boolean | Promise<boolean>;
}

/**
 * Listens on `host` — loopback unless HEALTH_HOST says otherwise: /metrics describes the deployment and /healthz its
 * connections, which is nobody's business outside the host (or the private network a Prometheus scrapes from).
 */
export async function startHealthServer(
  port: number,
  checks: HealthCheck[],
  host = '127.0.0.1',
): Promise<{ port: number; host: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url === '/healthz' || req.url === '/health') {
        const results: Record<string, boolean> = {};
        for (const c of checks) {
          results[c.name] = await Promise.resolve(c.check()).catch(() => false);
          metrics.connected.set({ target: c.name }, results[c.name] ? 1 : 0);
        }
        const ok = checks.every((c) => !c.required || results[c.name]);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', checks: results }));
      } else if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(await registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: address.address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
