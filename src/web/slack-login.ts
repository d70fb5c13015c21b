/**
 * Sign in with Slack (OpenID Connect, authorization-code flow), endpoints under SLACK_OIDC_BASE (https://slack.com):
 *   GET  {base}/openid/connect/authorize?response_type=code&scope=openid profile email&client_id&redirect_uri&state&nonce[&team]
 *   POST {base}/api/openid.connect.token  (form: client_id, client_secret, code, redirect_uri, grant_type)
 *        → {ok:true, access_token, token_type, id_token} | {ok:false, error}
 *   GET  {base}/openid/connect/keys       (JWKS; the id_token is RS256-signed, issuer = the base URL)
 * The id_token is verified with `jose` (signature against the JWKS, iss, aud = client id, exp/iat with a minute of
 * clock skew, then the nonce we stored with the state). The Slack user id (`https://slack.com/user_id`, else `sub`)
 * is the identity the bot uses too (`slack:<USERID>` in ZCT_ADMINS, the reporter on ledger records).
 *
 * The state is single-use: kept in Redis (WebSessions.putOnce, SLACK_STATE_TTL_SEC) with the nonce and the page to
 * return to, and claimed atomically at the callback, so a replayed or forged callback finds nothing.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import { randomToken, type WebSessions } from './session.js';

export const SLACK_SCOPES = 'openid profile email';
/** How long a started sign-in may take before its state expires. */
export const SLACK_STATE_TTL_SEC = 600;
const STATE_KIND = 'slack-state';

export interface SlackUser {
  userId: string;
  name: string;
  teamId: string | null;
  email: string | null;
}

export type SlackLoginErrorCode = 'bad_state' | 'denied' | 'bad_code' | 'bad_token' | 'wrong_team' | 'unavailable';

export class SlackLoginError extends Error {
  constructor(
    message: string,
    readonly code: SlackLoginErrorCode,
  ) {
    super(message);
    this.name = 'SlackLoginError';
  }
}

const stateSchema = z.object({ nonce: z.string(), next: z.string(), redirectUri: z.string() });

export interface SlackLogin {
  /** Start a sign-in: store a fresh state (with its nonce) and return it with the URL of Slack's consent page. */
  start(redirectUri: string, next: string): Promise<{ state: string; url: string }>;
  /**
   * Finish it at the callback: claim the state (once), exchange the code, verify the id_token. Throws SlackLoginError.
   * Returns the user and the page the sign-in started from.
   */
  finish(q: { state?: string; code?: string; error?: string }): Promise<{ user: SlackUser; next: string }>;
}

export function createSlackLogin(
  config: Config,
  sessions: WebSessions,
  opts: { timeoutMs?: number; clockToleranceSec?: number } = {},
): SlackLogin | null {
  const clientId = config.SLACK_CLIENT_ID;
  const clientSecret = config.SLACK_CLIENT_SECRET;
  if (!clientId || !clientSecret) return null;
  const timeoutMs = opts.timeoutMs ?? 8_000;
  const base = config.SLACK_OIDC_BASE.replace(/\/+$/, '');
  const jwks = createRemoteJWKSet(new URL(`${base}/openid/connect/keys`), { timeoutDuration: timeoutMs });

  const exchange = async (code: string, redirectUri: string): Promise<string> => {
    let res: Response;
    try {
      res = await fetch(`${base}/api/openid.connect.token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: clientId,
          client_secret: clientSecret,
          code,
          redirect_uri: redirectUri,
          grant_type: 'authorization_code',
        }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new SlackLoginError(
        `Slack 接口暂时无法访问：${err instanceof Error ? err.message : String(err)}`,
        'unavailable',
      );
    }
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; id_token?: unknown };
    if (res.status >= 500 || res.status === 429)
      throw new SlackLoginError(`Slack 接口暂时无法访问（HTTP ${res.status}），请稍后重试。`, 'unavailable');
    if (body.ok !== true || typeof body.id_token !== 'string' || !body.id_token)
      throw new SlackLoginError(
        `Slack 登录失败：授权码换取凭证出错（${body.error ?? `HTTP ${res.status}`}），请重新登录。`,
        'bad_code',
      );
    return body.id_token;
  };

  const verify = async (idToken: string, nonce: string): Promise<JWTPayload> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, jwks, {
        issuer: base,
        audience: clientId,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: opts.clockToleranceSec ?? 60,
      }));
    } catch (err) {
      // The key set could not be fetched: Slack (or the network) is down, not the user's token.
      if (err instanceof joseErrors.JWKSTimeout || (err instanceof Error && !(err instanceof joseErrors.JOSEError)))
        throw new SlackLoginError(`无法获取 Slack 的签名公钥：${err.message}`, 'unavailable');
      const why =
        err instanceof joseErrors.JWTExpired
          ? '凭证已过期'
          : err instanceof joseErrors.JWTClaimValidationFailed
            ? `凭证字段 ${err.claim} 不符`
            : '签名无法验证';
      throw new SlackLoginError(`Slack 登录凭证校验失败（${why}），请重新登录。`, 'bad_token');
    }
    if (payload.nonce !== nonce)
      throw new SlackLoginError('Slack 登录凭证校验失败（nonce 不符），请重新登录。', 'bad_token');
    return payload;
  };

  return {
    async start(redirectUri, next) {
      const nonce = randomToken();
      const state = await sessions.putOnce(STATE_KIND, { nonce, next, redirectUri }, SLACK_STATE_TTL_SEC);
      const q = new URLSearchParams({
        response_type: 'code',
        scope: SLACK_SCOPES,
        client_id: clientId,
        redirect_uri: redirectUri,
        state,
        nonce,
      });
      if (config.SLACK_TEAM_ID) q.set('team', config.SLACK_TEAM_ID);
      return { state, url: `${base}/openid/connect/authorize?${q.toString()}` };
    },

    async finish(q) {
      // The state is claimed first, whatever else the callback carries: a callback is good for one try.
      const raw = q.state ? await sessions.takeOnce(STATE_KIND, q.state, SLACK_STATE_TTL_SEC) : null;
      const parsed = stateSchema.safeParse(raw);
      if (!parsed.success)
        throw new SlackLoginError('登录请求已失效或已被使用（state 无效），请从登录页重新开始。', 'bad_state');
      const { nonce, next, redirectUri } = parsed.data;
      if (q.error)
        throw new SlackLoginError(
          q.error === 'access_denied'
            ? '您在 Slack 取消了授权，未登录。'
            : `Slack 授权失败（${q.error.slice(0, 60)}）。`,
          'denied',
        );
      if (!q.code || q.code.length > 500) throw new SlackLoginError('Slack 未返回授权码，请重新登录。', 'bad_code');
      const payload = await verify(await exchange(q.code, redirectUri), nonce);
      const claim = (k: string) => {
        const v = payload[k];
        return typeof v === 'string' && v ? v : null;
      };
      const userId = claim('https://slack.com/user_id') ?? (payload.sub as string);
      const teamId = claim('https://slack.com/team_id');
      if (config.SLACK_TEAM_ID && teamId !== config.SLACK_TEAM_ID)
        throw new SlackLoginError('这个 Slack 工作区未获准登录本系统。', 'wrong_team');
      return { user: { userId, name: claim('name') ?? userId, teamId, email: claim('email') }, next };
    },
  };
}
