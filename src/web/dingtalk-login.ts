/**
 * DingTalk H5 micro-app free login (免登): the page calls the JSAPI `dd.runtime.permission.requestAuthCode({corpId})`,
 * posts the one-time code here, and the server exchanges it for the user:
 *   POST {DINGTALK_API_BASE}/v1.0/oauth2/accessToken {appKey, appSecret}       → {accessToken}   (the app's token)
 *   POST {DINGTALK_OAPI_BASE}/topapi/v2/user/getuserinfo?access_token=…  {code} → {errcode:0, result:{userid, name}}
 */
import type { Config } from '../config/schema.js';
import { DingTalkApi } from '../platforms/dingtalk/api-client.js';

export interface DingTalkUser {
  userId: string;
  name: string;
}

export class DingTalkLoginError extends Error {
  constructor(
    message: string,
    readonly code: 'not_configured' | 'bad_code' | 'unavailable',
  ) {
    super(message);
    this.name = 'DingTalkLoginError';
  }
}

export interface DingTalkLogin {
  readonly corpId: string | null;
  exchange(code: string): Promise<DingTalkUser>;
}

export function createDingTalkLogin(config: Config, timeoutMs = 8_000): DingTalkLogin | null {
  if (!config.DINGTALK_CLIENT_ID || !config.DINGTALK_CLIENT_SECRET) return null;
  const api = new DingTalkApi({
    apiBase: config.DINGTALK_API_BASE,
    appKey: config.DINGTALK_CLIENT_ID,
    appSecret: config.DINGTALK_CLIENT_SECRET,
    robotCode: config.DINGTALK_ROBOT_CODE ?? config.DINGTALK_CLIENT_ID,
    timeoutMs,
  });
  const oapi = config.DINGTALK_OAPI_BASE.replace(/\/+$/, '');
  const userInfo = async (code: string, token: string) => {
    let res: Response;
    try {
      res = await fetch(`${oapi}/topapi/v2/user/getuserinfo?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new DingTalkLoginError(
        `钉钉接口暂时无法访问：${err instanceof Error ? err.message : String(err)}`,
        'unavailable',
      );
    }
    const body = (await res.json().catch(() => ({}))) as {
      errcode?: number;
      errmsg?: string;
      result?: { userid?: unknown; name?: unknown };
    };
    return { status: res.status, body };
  };
  return {
    corpId: config.DINGTALK_CORP_ID ?? null,
    async exchange(code) {
      if (!code || code.length > 200) throw new DingTalkLoginError('免登授权码无效', 'bad_code');
      let token: string;
      try {
        token = await api.accessToken();
      } catch (err) {
        throw new DingTalkLoginError(
          `无法获取钉钉访问凭证：${err instanceof Error ? err.message : String(err)}`,
          'unavailable',
        );
      }
      let out = await userInfo(code, token);
      // An expired/revoked app token: fetch a fresh one once.
      if (out.body.errcode === 88 || out.body.errcode === 40014 || out.status === 401) {
        api.invalidateToken();
        out = await userInfo(code, await api.accessToken());
      }
      const userid = out.body.result?.userid;
      if (out.body.errcode !== 0 || typeof userid !== 'string' || !userid) {
        throw new DingTalkLoginError(`钉钉免登失败：${out.body.errmsg ?? `HTTP ${out.status}`}`, 'bad_code');
      }
      const name = typeof out.body.result?.name === 'string' && out.body.result.name ? out.body.result.name : userid;
      return { userId: userid, name };
    },
  };
}
