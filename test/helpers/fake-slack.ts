/**
 * A local fake of the Slack platform for tests (node:http + ws on 127.0.0.1). No real Slack.
 *
 *   const slack = await startFakeSlack();
 *   new App({ clientOptions: { slackApiUrl: slack.apiUrl } … })        // Web API: POST /api/<method>
 *   slack.responseUrl('cmd1')                                           // a response_url that records posts
 *   slack.calls / slack.callsTo('chat.postMessage')                     // every Web API call, args parsed
 *   slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 })  // next call gets a 429
 *   slack.socket.push(envelope)                                         // Socket Mode: send an envelope
 *
 * Web API calls arrive form-encoded (or JSON) with `Authorization: Bearer <token>`; JSON-looking argument
 * values (blocks, files …) are parsed. Answers: auth.test, chat.postMessage, chat.postEphemeral,
 * apps.connections.open, files.getUploadURLExternal / files.completeUploadExternal (+ the upload URL);
 * anything else answers {ok:true}.
 *
 * Sign in with Slack (OpenID Connect): `slack.oidc` — the authorize/consent page, openid.connect.token,
 * openid.connect.userInfo and the JWKS (see fake-slack-oidc.ts).
 *
 * signSlackRequest(secret, body) builds the headers Slack sends (v0 HMAC-SHA256 over `v0:${ts}:${body}`).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createFakeSlackOidc, type FakeSlackOidc } from './fake-slack-oidc.js';
import { bounded } from './wait.js';

export const FAKE_SLACK_IDENTITY = {
  teamId: 'T0FAKE0001',
  botUserId: 'UBOT00001',
  botId: 'BBOT00001',
  appId: 'A0FAKE0001',
} as const;

export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Bearer token, or the `token` argument. */
  token: string | null;
  at: number;
}

export interface FakeResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export type FakeFailure = { status: 429; retryAfter: number } | { error: string } | { status: number };

export interface FakeSocketMode {
  /** Sockets currently open. */
  readonly connections: number;
  /** Acks received from the app: {envelope_id, payload?}. */
  readonly acks: Array<{ envelope_id: string; payload?: unknown }>;
  /** Send an envelope to every connected app. */
  push(envelope: {
    envelope_id: string;
    type: string;
    payload: unknown;
    accepts_response_payload?: boolean;
    retry_attempt?: number;
    retry_reason?: string;
  }): void;
  /** Resolves when an ack with this envelope id arrives. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<{ envelope_id: string; payload?: unknown }>;
}

export interface FakeSlack {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Web API base for clientOptions.slackApiUrl: http://127.0.0.1:<port>/api/ */
  apiUrl: string;
  calls: FakeSlackCall[];
  responses: FakeResponsePost[];
  callsTo(method: string): FakeSlackCall[];
  /** A response_url served by the fake; posts to it are recorded with this id. */
  responseUrl(id: string): string;
  responsesTo(id: string): FakeResponsePost[];
  /** Make the next call to `method` fail (HTTP 429 with Retry-After, an {ok:false,error}, or an HTTP status). */
  failNext(method: string, failure: FakeFailure): void;
  /** Wait until `check` returns true: re-checked on every call the fake receives (throws after timeoutMs). */
  waitFor(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Called on every Web API call as it arrives (after it is recorded, when recording). */
  onCall(listener: (call: FakeSlackCall) => void): () => void;
  socket: FakeSocketMode;
  /** Sign in with Slack (OpenID Connect). */
  oidc: FakeSlackOidc;
  close(): Promise<void>;
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  let flat: Record<string, unknown> = {};
  if (contentType?.includes('application/json')) {
    try {
      flat = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      flat = {};
    }
  } else if (contentType?.includes('application/x-www-form-urlencoded') || !contentType) {
    flat = Object.fromEntries(new URLSearchParams(raw));
  } else {
    flat = { _raw: raw.length };
  }
  for (const [k, v] of Object.entries(flat)) {
    if (typeof v === 'string' && /^[[{]/.test(v.trim())) {
      try {
        flat[k] = JSON.parse(v);
      } catch {
        /* keep the string */
      }
    }
  }
  return flat;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface FakeSlackOptions {
  /** Keep every call in `calls` (default true). A long benchmark turns it off and listens with onCall instead. */
  record?: boolean;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const record = options.record ?? true;
  const calls: FakeSlackCall[] = [];
  const listeners = new Set<(call: FakeSlackCall) => void>();
  const changed = new Set<() => void>();
  const notify = () => {
    for (const f of [...changed]) f();
  };
  const responses: FakeResponsePost[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  const sockets = new Set<WebSocket>();
  let tsCounter = 0;
  let fileCounter = 0;
  let base = '';
  const oidc = createFakeSlackOidc(() => base);

  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake Workspace',
          user: 'zct',
          team_id: FAKE_SLACK_IDENTITY.teamId,
          user_id: FAKE_SLACK_IDENTITY.botUserId,
          bot_id: FAKE_SLACK_IDENTITY.botId,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: {
            type: 'message',
            bot_id: FAKE_SLACK_IDENTITY.botId,
            text: args.text,
            ts,
            ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
          },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace(/^http/, 'ws')}/socket-mode` };
      case 'files.getUploadURLExternal': {
        const id = `F${String(++fileCounter).padStart(8, '0')}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: ((args.files as Array<{ id: string; title?: string }>) ?? []).map((f) => ({
            id: f.id,
            title: f.title,
          })),
        };
      default:
        return { ok: true };
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };

    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type']);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : null;
      const call = { method, args, token, at: Date.now() };
      if (record) calls.push(call);
      for (const l of listeners) l(call);
      notify();
      const fail = failures.get(method)?.shift();
      if (fail) {
        if ('error' in fail) return send(200, { ok: false, error: fail.error });
        if (fail.status === 429)
          return send(
            429,
            { ok: false, error: 'ratelimited' },
            { 'retry-after': String((fail as { retryAfter: number }).retryAfter) },
          );
        return send(fail.status, { ok: false });
      }
      const openid = await oidc.apiCall(method, args, auth?.startsWith('Bearer ') ? auth.slice(7) : null);
      if (openid) return send(200, openid);
      if (!token) return send(200, { ok: false, error: 'not_authed' });
      return send(200, answer(method, args));
    }
    if (await oidc.handle(req, res, url)) return;
    if (url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      responses.push({ id, body: parseArgs(raw, req.headers['content-type'] ?? 'application/json'), at: Date.now() });
      notify();
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    if (url.pathname.startsWith('/upload/')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('OK - 1');
    }
    send(404, { ok: false, error: 'unknown_path' });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket-mode')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      notify();
      ws.on('close', () => {
        sockets.delete(ws);
        notify();
      });
      ws.on('message', (data) => {
        try {
          const msg = JSON.parse(data.toString()) as { envelope_id?: string; payload?: unknown };
          if (msg.envelope_id)
            acks.push({ envelope_id: msg.envelope_id, ...(msg.payload !== undefined ? { payload: msg.payload } : {}) });
          notify();
        } catch {
          /* ignore */
        }
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake', approximate_connection_time: 3600 },
          connection_info: { app_id: FAKE_SLACK_IDENTITY.appId },
        }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  // Event-driven: the check runs again whenever the fake sees something (a call, a response_url post, an ack, a
  // socket coming or going), plus a slow poll for state the fake cannot see; bounded by timeoutMs.
  const waitFor = (check: () => boolean, timeoutMs = 5000, what = 'condition') =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const done = (err?: Error) => {
        changed.delete(recheck);
        clearTimeout(timer);
        clearInterval(poll);
        if (err) reject(err);
        else resolve();
      };
      const recheck = () => {
        try {
          if (check()) done();
        } catch (err) {
          done(err instanceof Error ? err : new Error(String(err)));
        }
      };
      changed.add(recheck);
      const poll = setInterval(recheck, 50);
      const timer = setTimeout(() => done(new Error(`fake slack: timed out waiting for ${what}`)), bounded(timeoutMs));
    });

  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    responsesTo: (id) => responses.filter((r) => r.id === id),
    oidc,
    failNext(method, failure) {
      const list = failures.get(method) ?? [];
      list.push(failure);
      failures.set(method, list);
    },
    waitFor,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    socket: {
      get connections() {
        return sockets.size;
      },
      acks,
      push(envelope) {
        const data = JSON.stringify({
          accepts_response_payload: false,
          retry_attempt: 0,
          retry_reason: '',
          ...envelope,
        });
        for (const ws of sockets) ws.send(data);
      },
      async waitForAck(envelopeId, timeoutMs = 5000) {
        await waitFor(() => acks.some((a) => a.envelope_id === envelopeId), timeoutMs, `ack of ${envelopeId}`);
        return acks.find((a) => a.envelope_id === envelopeId) as { envelope_id: string; payload?: unknown };
      },
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Headers Slack puts on a request: X-Slack-Request-Timestamp and X-Slack-Signature (v0 HMAC-SHA256). */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSec = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const base = `v0:${timestampSec}:${rawBody}`;
  const sig = crypto.createHmac('sha256', signingSecret).update(base).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${sig}` };
}

/** POST a signed request to a Bolt HTTP endpoint, as Slack would. */
export async function postToSlackApp(
  url: string,
  signingSecret: string,
  body: { json: unknown } | { form: Record<string, string> },
  opts: { headers?: Record<string, string>; timestampSec?: number; badSignature?: boolean } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const raw = 'json' in body ? JSON.stringify(body.json) : new URLSearchParams(body.form).toString();
  const contentType = 'json' in body ? 'application/json' : 'application/x-www-form-urlencoded';
  const headers = signSlackRequest(
    opts.badSignature ? `${signingSecret}-wrong` : signingSecret,
    raw,
    opts.timestampSec,
  );
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers, ...opts.headers },
    body: raw,
  });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}
