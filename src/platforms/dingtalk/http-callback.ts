/**
 * DingTalk robot HTTP callback mode: DingTalk POSTs each robot message (the same JSON as a stream frame's
 * `data`) to our endpoint with two headers:
 *
 *   timestamp: ms since epoch when DingTalk signed the request
 *   sign:      base64(HMAC-SHA256(key = appSecret, message = timestamp + "\n" + appSecret))
 *
 * A request is accepted only when the sign matches (constant-time compare) and the timestamp is within
 * DingTalk's documented freshness window of one hour of our clock; anything else gets 401 before the bot
 * sees it. The handler's promise resolves when the message has been handled and recorded: only then is
 * the request answered 200 (the HTTP equivalent of the stream ack), so a crash mid-message leaves
 * DingTalk's retry to a replica, and the Bot's dedup (robotCode + msgId, in the store) makes any retry
 * harmless.
 *
 * Card button presses (cards created with callbackType HTTP) arrive on a second path of the same server,
 * verified the same way with the secret registered for the cards' route key (by default the same app secret),
 * and are answered 200 once the press is handled and recorded (500: not recorded, DingTalk tries again).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../observability/logger.js';

/** DingTalk: "timestamp 与系统当前时间相差 1 小时以上，则认为是非法请求". */
export const SIGNATURE_WINDOW_MS = 60 * 60_000;
/** Robot messages are small (text ≤ a few KB); anything this large is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The sign DingTalk sends with a callback made at `timestamp`. */
export function dingTalkSign(timestamp: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`, 'utf8').digest('base64');
}

export type SignatureCheck = { ok: true } | { ok: false; why: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Check a callback's `timestamp` + `sign` headers. Pure: the clock is a parameter. */
export function verifyDingTalkSignature(
  timestamp: string | undefined,
  sign: string | undefined,
  appSecret: string,
  now: number,
  windowMs = SIGNATURE_WINDOW_MS,
): SignatureCheck {
  if (!timestamp || !sign) return { ok: false, why: 'missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, why: 'malformed' };
  if (Math.abs(now - Number(timestamp)) > windowMs) return { ok: false, why: 'stale' };
  const expected = Buffer.from(dingTalkSign(timestamp, appSecret), 'utf8');
  const given = Buffer.from(sign, 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time independent of `sign`.
  const same =
    given.length === expected.length ? timingSafeEqual(given, expected) : !timingSafeEqual(expected, expected);
  return same ? { ok: true } : { ok: false, why: 'mismatch' };
}

export interface CallbackServerOptions {
  host: string;
  port: number;
  path: string;
  appSecret: string;
  logger: Logger;
  now?: () => number;
  /** Handle one verified robot message. Resolves when it is recorded (the request is then answered 200). */
  onMessage(data: unknown, timestamp: number): Promise<void>;
  /** Card button presses: their path, the secret they are signed with, and the handler (as onMessage). */
  cards?: { path: string; secret: string; onCallback(data: unknown): Promise<void> };
  /** Counted rejections (metrics). */
  onRejected?(why: string): void;
}

export interface CallbackServer {
  readonly port: number;
  /** Full local URL of the callback endpoint (tests). */
  readonly url: string;
  /** Full local URL of the card callback endpoint (null without `cards`). */
  readonly cardUrl: string | null;
  isListening(): boolean;
  /** Stop accepting connections; requests in flight finish. */
  close(): Promise<void>;
}

function respond(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function startCallbackServer(opts: CallbackServerOptions): Promise<CallbackServer> {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'dingtalk-http' });
  let listening = false;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const card = opts.cards && url.pathname === opts.cards.path ? opts.cards : null;
      if (url.pathname !== opts.path && !card) return respond(res, 404, { errcode: 404, errmsg: 'not found' });
      if (req.method !== 'POST') return respond(res, 405, { errcode: 405, errmsg: 'POST only' });

      // Verify before reading the body: an unsigned request costs us nothing.
      const secret = card ? card.secret : opts.appSecret;
      const check = verifyDingTalkSignature(header(req, 'timestamp'), header(req, 'sign'), secret, now());
      if (!check.ok) {
        opts.onRejected?.(check.why);
        log.warn(
          { why: check.why, ip: req.socket.remoteAddress, card: Boolean(card) },
          'callback rejected: bad signature',
        );
        req.resume();
        return respond(res, 401, { errcode: 401, errmsg: 'invalid signature' });
      }

      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_BODY_BYTES) return respond(res, 413, { errcode: 413, errmsg: 'body too large' });
        chunks.push(c as Buffer);
      }
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        opts.onRejected?.('json');
        return respond(res, 400, { errcode: 400, errmsg: 'body is not JSON' });
      }
      try {
        if (card) await card.onCallback(data);
        else await opts.onMessage(data, Number(header(req, 'timestamp')));
        respond(res, 200, {});
      } catch (err) {
        log.error({ err }, 'callback handling failed');
        respond(res, 500, { errcode: 500, errmsg: 'internal error' });
      }
    })().catch((err: unknown) => {
      log.error({ err }, 'callback request failed');
      if (!res.headersSent) respond(res, 500, { errcode: 500, errmsg: 'internal error' });
    });
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  listening = true;
  const port = (server.address() as AddressInfo).port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info({ port, path: opts.path, cardPath: opts.cards?.path }, 'dingtalk http callback server listening');

  return {
    port,
    url: `${base}${opts.path}`,
    cardUrl: opts.cards ? `${base}${opts.cards.path}` : null,
    isListening: () => listening,
    close() {
      listening = false;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
