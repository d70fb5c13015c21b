/**
 * Sign in with Slack (OpenID Connect) on the fake Slack, at the protocol level — what a browser and the relying party
 * see from slack.com, on 127.0.0.1:
 *
 *   GET  /.well-known/openid-configuration     discovery document (issuer = the fake's base URL)
 *   GET  /openid/connect/authorize?response_type=code&scope=openid…&client_id&redirect_uri&state&nonce[&team]
 *        → 400 page for a bad client id / redirect URI / scope (no redirect, as Slack); 401 page when the browser is
 *          not "signed in to Slack" (cookie FAKE_SLACK_USER_COOKIE = a user added with addUser); else a consent page
 *          with 允许 (a#allow → …/approve?req=) and 取消 (a#cancel → redirect with error=access_denied)
 *   POST /api/openid.connect.token  form or JSON {client_id, client_secret, code, redirect_uri, grant_type}
 *        → {ok:true, access_token, token_type:'Bearer', id_token} or {ok:false, error: invalid_client_id |
 *          bad_client_secret | invalid_code | bad_redirect_uri | invalid_grant_type}; a code works once, for 10 minutes
 *   GET  /api/openid.connect.userInfo (Bearer access token) → the same claims, {ok:true, …}
 *   GET  /openid/connect/keys                   JWKS (RS256, with kid)
 *
 * tamperNext(kind) spoils the next id_token (signed by another key, wrong aud/iss/nonce, already expired) so a test
 * can check that the relying party refuses it.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const FAKE_SLACK_USER_COOKIE = 'fake_slack_user';

export interface FakeSlackUser {
  userId: string;
  name: string;
  teamId: string;
  email: string;
}

export type IdTokenTamper = 'bad_signature' | 'wrong_audience' | 'wrong_issuer' | 'wrong_nonce' | 'expired';

interface Pending {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string | null;
  scope: string;
  userId: string;
}

interface Grant extends Pending {
  issuedAt: number;
  used: boolean;
}

export interface FakeSlackOidc {
  readonly clientId: string;
  readonly clientSecret: string;
  /** SLACK_OIDC_BASE for the relying party (also the id_token issuer). */
  readonly base: string;
  /** Every authorize request that reached the consent page or was refused, with its query. */
  readonly authorizeRequests: Array<Record<string, string>>;
  /** Every token exchange (args as sent) and what the fake answered. */
  readonly tokenCalls: Array<{ args: Record<string, unknown>; answer: Record<string, unknown> }>;
  addUser(user: Partial<FakeSlackUser> & { userId: string }): FakeSlackUser;
  /** Accept this redirect URI (none registered: any http(s) URI is accepted). */
  allowRedirect(uri: string): void;
  tamperNext(kind: IdTokenTamper): void;
  /** The cookie a browser carries while signed in to the fake Slack as this user. */
  cookieFor(userId: string): { name: string; value: string; url: string };
  /** Env for the console: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_OIDC_BASE. */
  env(): Record<string, string>;
}

export interface OidcHandler extends FakeSlackOidc {
  /** Serve an OIDC path; false when the path is not one of ours. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
  /** openid.connect.* Web API methods (called from the fake's /api/ dispatcher). */
  apiCall(
    method: string,
    args: Record<string, unknown>,
    bearer: string | null,
  ): Promise<Record<string, unknown> | null>;
}

const CODE_TTL_MS = 600_000;
const rand = () => randomBytes(18).toString('base64url');
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Answer with an HTML page; true (the request was ours). */
function page(res: http.ServerResponse, status: number, title: string, body: string): true {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}</body></html>`,
  );
  return true;
}

function cookies(req: http.IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}

export function createFakeSlackOidc(base: () => string): OidcHandler {
  const clientId = '1234567890.0987654321';
  const clientSecret = rand();
  const users = new Map<string, FakeSlackUser>();
  const redirects = new Set<string>();
  const pending = new Map<string, Pending>();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, FakeSlackUser>();
  const tampers: IdTokenTamper[] = [];
  const authorizeRequests: Array<Record<string, string>> = [];
  const tokenCalls: Array<{ args: Record<string, unknown>; answer: Record<string, unknown> }> = [];
  // Keys are made on first use (most fake-Slack tests never sign in).
  let keys: Promise<{ kid: string; key: CryptoKey; jwk: JWK; other: CryptoKey }> | null = null;
  const getKeys = () =>
    (keys ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const other = (await generateKeyPair('RS256')).privateKey;
      const kid = `fake-${rand().slice(0, 8)}`;
      return { kid, key: privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, other };
    })());

  const claimsOf = (u: FakeSlackUser) => ({
    'https://slack.com/user_id': u.userId,
    'https://slack.com/team_id': u.teamId,
    email: u.email,
    email_verified: true,
    name: u.name,
    locale: 'zh-CN',
  });

  async function idToken(g: Grant, user: FakeSlackUser): Promise<string> {
    const k = await getKeys();
    const tamper = tampers.shift();
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      ...claimsOf(user),
      auth_time: now,
      ...(g.nonce !== null ? { nonce: tamper === 'wrong_nonce' ? 'not-the-nonce' : g.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: k.kid, typ: 'JWT' })
      .setIssuer(tamper === 'wrong_issuer' ? 'https://evil.example' : base())
      .setSubject(user.userId)
      .setAudience(tamper === 'wrong_audience' ? 'someone-else' : g.clientId)
      .setIssuedAt(tamper === 'expired' ? now - 7200 : now)
      .setExpirationTime(tamper === 'expired' ? now - 3600 : now + 300);
    return jwt.sign(tamper === 'bad_signature' ? k.other : k.key);
  }

  async function token(args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : '');
    if (str('client_id') !== clientId) return { ok: false, error: 'invalid_client_id' };
    if (str('client_secret') !== clientSecret) return { ok: false, error: 'bad_client_secret' };
    if (str('grant_type') && str('grant_type') !== 'authorization_code')
      return { ok: false, error: 'invalid_grant_type' };
    const g = grants.get(str('code'));
    if (!g || g.used || Date.now() - g.issuedAt > CODE_TTL_MS || g.clientId !== clientId)
      return { ok: false, error: 'invalid_code' };
    g.used = true;
    if (str('redirect_uri') !== g.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
    const user = users.get(g.userId);
    if (!user) return { ok: false, error: 'invalid_code' };
    const access = `xoxp-fake-${rand()}`;
    accessTokens.set(access, user);
    return { ok: true, access_token: access, token_type: 'Bearer', id_token: await idToken(g, user) };
  }

  const redirectOk = (uri: string) => (redirects.size ? redirects.has(uri) : /^https?:\/\/[^/]+\//.test(uri));
  const withQuery = (uri: string, q: Record<string, string>) => {
    const u = new URL(uri);
    for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
    return u.toString();
  };

  return {
    clientId,
    clientSecret,
    get base() {
      return base();
    },
    authorizeRequests,
    tokenCalls,
    addUser(u) {
      const user: FakeSlackUser = {
        name: u.userId,
        teamId: 'T0FAKE0001',
        email: `${u.userId.toLowerCase()}@example.gov.cn`,
        ...u,
      };
      users.set(user.userId, user);
      return user;
    },
    allowRedirect(uri) {
      redirects.add(uri);
    },
    tamperNext(kind) {
      tampers.push(kind);
    },
    cookieFor(userId) {
      return { name: FAKE_SLACK_USER_COOKIE, value: userId, url: base() };
    },
    env() {
      return { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_OIDC_BASE: base() };
    },

    async apiCall(method, args, bearer) {
      if (method === 'openid.connect.token') {
        const answer = await token(args);
        tokenCalls.push({ args, answer });
        return answer;
      }
      if (method === 'openid.connect.userInfo') {
        const user = bearer ? accessTokens.get(bearer) : undefined;
        return user ? { ok: true, sub: user.userId, ...claimsOf(user) } : { ok: false, error: 'invalid_auth' };
      }
      return null;
    },

    async handle(req, res, url) {
      if (url.pathname === '/.well-known/openid-configuration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer: base(),
            authorization_endpoint: `${base()}/openid/connect/authorize`,
            token_endpoint: `${base()}/api/openid.connect.token`,
            userinfo_endpoint: `${base()}/api/openid.connect.userInfo`,
            jwks_uri: `${base()}/openid/connect/keys`,
            scopes_supported: ['openid', 'profile', 'email'],
            response_types_supported: ['code'],
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['client_secret_post'],
          }),
        );
        return true;
      }
      if (url.pathname === '/openid/connect/keys') {
        const { jwk } = await getKeys();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
        return true;
      }
      if (url.pathname === '/openid/connect/authorize') {
        const q = Object.fromEntries(url.searchParams);
        authorizeRequests.push(q);
        const scopes = (q.scope ?? '').split(/[\s,]+/);
        if (q.client_id !== clientId) return page(res, 400, 'Slack', '<p id="error">invalid_client_id</p>');
        if (!q.redirect_uri || !redirectOk(q.redirect_uri))
          return page(res, 400, 'Slack', '<p id="error">bad_redirect_uri</p>');
        if (q.response_type !== 'code' || !scopes.includes('openid') || !q.state)
          return page(res, 400, 'Slack', '<p id="error">invalid_request</p>');
        const user = users.get(cookies(req).get(FAKE_SLACK_USER_COOKIE) ?? '');
        if (!user) return page(res, 401, 'Slack', '<p id="error">请先登录 Slack 工作区</p>');
        if (q.team && q.team !== user.teamId) return page(res, 403, 'Slack', '<p id="error">您不是该工作区的成员</p>');
        const id = rand();
        pending.set(id, {
          clientId,
          redirectUri: q.redirect_uri,
          state: q.state,
          nonce: q.nonce ?? null,
          scope: q.scope ?? '',
          userId: user.userId,
        });
        const cancel = withQuery(q.redirect_uri, { error: 'access_denied', state: q.state });
        page(
          res,
          200,
          'Slack 授权',
          `<h1>授权登录</h1><p>应用请求读取您的 Slack 身份（${esc(scopes.join(', '))}）：${esc(user.name)}</p>` +
            `<a id="allow" href="/openid/connect/authorize/approve?req=${id}">允许</a> ` +
            `<a id="cancel" href="${esc(cancel)}">取消</a>`,
        );
        return true;
      }
      if (url.pathname === '/openid/connect/authorize/approve') {
        const p = pending.get(url.searchParams.get('req') ?? '');
        if (!p) return page(res, 400, 'Slack', '<p id="error">invalid_request</p>');
        pending.delete(url.searchParams.get('req') ?? '');
        const code = `${Date.now()}.${rand()}`;
        grants.set(code, { ...p, issuedAt: Date.now(), used: false });
        res.writeHead(302, { location: withQuery(p.redirectUri, { code, state: p.state }) });
        res.end();
        return true;
      }
      return false;
    },
  };
}
