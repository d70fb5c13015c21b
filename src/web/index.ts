/** The web console: `startWebServer(services)` serves it on WEB_HOST:WEB_PORT (see app.tsx for the routes). */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Services } from '../app/services.js';
import { createWebApp, type WebApp, type WebAppOptions } from './app.js';

export { createWebApp, SESSION_COOKIE, type WebApp, type WebAppOptions } from './app.js';
export { WebSessions, type WebSession } from './session.js';
export { Library, type LibraryOptions } from './library.js';

export interface WebServer extends WebApp {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(
  services: Services,
  opts: WebAppOptions & { port?: number; host?: string } = {},
): Promise<WebServer> {
  const web = createWebApp(services, opts);
  const host = opts.host ?? services.config.WEB_HOST;
  const port = opts.port ?? services.config.WEB_PORT;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: web.app.fetch, port, hostname: host }, () => resolve(s));
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    ...web,
    port: actual,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
