/**
 * DingTalk OpenAPI client for proactive messages (digests, reminders, replies whose webhook expired).
 *
 *  - token: POST {base}/v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn}; cached and
 *    refreshed ~5 min before expiry; concurrent callers share one in-flight refresh
 *  - group: POST {base}/v1.0/robot/groupMessages/send {robotCode, openConversationId, msgKey, msgParam}
 *  - 1:1:   POST {base}/v1.0/robot/oToMessages/batchSend {robotCode, userIds, msgKey, msgParam}
 *  - files: POST {base}/v1.0/robot/messageFiles/download {downloadCode, robotCode} → {downloadUrl}
 *  - cards: POST /v1.0/card/instances/createAndDeliver, PUT /v1.0/card/streaming, PUT /v1.0/card/instances;
 *    presses come back over the stream (callbackType STREAM) or, in HTTP mode, are POSTed to the URL registered
 *    with POST /v1.0/card/callbacks/register under a route key (callbackType HTTP + callbackRouteKey)
 *  - errors: HTTP 4xx/5xx {code, message} → DingTalkApiError; a 401 drops the cached token and retries once
 */
import { DingTalkApiError, DingTalkNetworkError, isTimeout } from './errors.js';
import type { DingTalkMarkdownPart } from './render-markdown.js';

export interface DingTalkApiOptions {
  /** e.g. https://api.dingtalk.com (DINGTALK_API_BASE) */
  apiBase: string;
  appKey: string;
  appSecret: string;
  robotCode: string;
  timeoutMs?: number;
  /** Refresh this long before expiry (default 5 min; at most half the token lifetime). */
  refreshMarginMs?: number;
  now?: () => number;
  /** Where presses on the cards this client creates go (default: over the stream connection). */
  cardCallback?: CardCallbackRoute;
}

export type CardCallbackRoute = { type: 'STREAM' } | { type: 'HTTP'; routeKey: string };

interface CachedToken {
  token: string;
  refreshAt: number;
}

export class DingTalkApi {
  private cached: CachedToken | null = null;
  private refreshing: Promise<string> | null = null;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** Token requests made (for tests and metrics). */
  tokenRequests = 0;

  constructor(private readonly opts: DingTalkApiOptions) {
    this.base = opts.apiBase.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** A valid access token, from cache when fresh. */
  async accessToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token;
    this.refreshing ??= this.fetchToken().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Forget the cached token (after the API rejected it). */
  invalidateToken(): void {
    this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    this.tokenRequests += 1;
    const started = this.now();
    const out = (await this.request('/v1.0/oauth2/accessToken', {
      appKey: this.opts.appKey,
      appSecret: this.opts.appSecret,
    })) as {
      accessToken?: unknown;
      expireIn?: unknown;
    };
    if (typeof out.accessToken !== 'string' || !out.accessToken) {
      throw new DingTalkApiError(200, 'NoAccessToken', 'accessToken missing in the response');
    }
    const lifetimeMs = (typeof out.expireIn === 'number' && out.expireIn > 0 ? out.expireIn : 7200) * 1000;
    const margin = Math.min(this.opts.refreshMarginMs ?? 5 * 60_000, lifetimeMs / 2);
    this.cached = { token: out.accessToken, refreshAt: started + lifetimeMs - margin };
    return out.accessToken;
  }

  /** Markdown to a group (openConversationId = the cid… conversationId). Returns processQueryKey. */
  async sendGroupMarkdown(openConversationId: string, part: DingTalkMarkdownPart): Promise<string> {
    const out = await this.authed('/v1.0/robot/groupMessages/send', {
      robotCode: this.opts.robotCode,
      openConversationId,
      msgKey: 'sampleMarkdown',
      msgParam: JSON.stringify({ title: part.title, text: part.text }),
    });
    return String((out as { processQueryKey?: unknown }).processQueryKey ?? '');
  }

  /** Markdown to users in 1:1 chats with the robot (staffIds). Returns processQueryKey. */
  async sendUserMarkdown(userIds: string[], part: DingTalkMarkdownPart): Promise<string> {
    const out = await this.authed('/v1.0/robot/oToMessages/batchSend', {
      robotCode: this.opts.robotCode,
      userIds,
      msgKey: 'sampleMarkdown',
      msgParam: JSON.stringify({ title: part.title, text: part.text }),
    });
    return String((out as { processQueryKey?: unknown }).processQueryKey ?? '');
  }

  /**
   * Create a card instance from a template and deliver it to a group (openSpaceId `dtv1.card//IM_GROUP.<cid>`)
   * or a 1:1 robot chat (`dtv1.card//IM_ROBOT.<userId>`). Card callbacks (button presses) come over the stream,
   * or (cardCallback HTTP) to the URL registered under the route key.
   */
  async createAndDeliverCard(req: {
    cardTemplateId: string;
    outTrackId: string;
    cardParamMap: Record<string, string>;
    target:
      | { kind: 'group'; openConversationId: string; atUserIds?: Record<string, string> }
      | { kind: 'user'; userId: string };
  }): Promise<unknown> {
    const { target } = req;
    const route = this.opts.cardCallback ?? { type: 'STREAM' };
    return this.authed('/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: req.cardTemplateId,
      outTrackId: req.outTrackId,
      callbackType: route.type,
      ...(route.type === 'HTTP' ? { callbackRouteKey: route.routeKey } : {}),
      cardData: { cardParamMap: req.cardParamMap },
      userIdType: 1,
      ...(target.kind === 'group'
        ? {
            openSpaceId: `dtv1.card//IM_GROUP.${target.openConversationId}`,
            imGroupOpenSpaceModel: { supportForward: true },
            imGroupOpenDeliverModel: {
              robotCode: this.opts.robotCode,
              ...(target.atUserIds ? { atUserIds: target.atUserIds } : {}),
            },
          }
        : {
            openSpaceId: `dtv1.card//IM_ROBOT.${target.userId}`,
            imRobotOpenSpaceModel: { supportForward: true },
            imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: this.opts.robotCode },
          }),
    });
  }

  /** Stream a text value into a card variable (AI card typing). `isFull`: `content` replaces the value. */
  async streamCard(req: {
    outTrackId: string;
    key: string;
    content: string;
    guid: string;
    isFinalize?: boolean;
    isError?: boolean;
  }): Promise<void> {
    await this.authed(
      '/v1.0/card/streaming',
      {
        outTrackId: req.outTrackId,
        guid: req.guid,
        key: req.key,
        content: req.content,
        isFull: true,
        isFinalize: req.isFinalize ?? false,
        isError: req.isError ?? false,
      },
      'PUT',
    );
  }

  /** Update card variables in place (only the keys given). */
  async updateCard(outTrackId: string, cardParamMap: Record<string, string>): Promise<void> {
    await this.authed(
      '/v1.0/card/instances',
      { outTrackId, cardData: { cardParamMap }, cardUpdateOptions: { updateCardDataByKey: true } },
      'PUT',
    );
  }

  /**
   * HTTP mode: tell DingTalk where to POST presses on cards created with `routeKey`, and the secret it signs them
   * with. `forceUpdate` replaces an earlier registration of the same key (every replica registers at start).
   */
  async registerCardCallback(req: { routeKey: string; url: string; apiSecret: string }): Promise<void> {
    await this.authed('/v1.0/card/callbacks/register', {
      callbackRouteKey: req.routeKey,
      callbackUrl: req.url,
      apiSecret: req.apiSecret,
      forceUpdate: true,
    });
  }

  /** A short-lived URL to download a file a user sent to the robot (msgtype file: content.downloadCode). */
  async fileDownloadUrl(downloadCode: string): Promise<string> {
    const out = (await this.authed('/v1.0/robot/messageFiles/download', {
      downloadCode,
      robotCode: this.opts.robotCode,
    })) as { downloadUrl?: unknown };
    if (typeof out.downloadUrl !== 'string' || !/^https?:\/\//.test(out.downloadUrl)) {
      throw new DingTalkApiError(200, 'NoDownloadUrl', 'downloadUrl missing in the response');
    }
    return out.downloadUrl;
  }

  private async authed(path: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<unknown> {
    const token = await this.accessToken();
    try {
      return await this.request(path, body, token, method);
    } catch (err) {
      if (err instanceof DingTalkApiError && err.status === 401) {
        // Revoked or rotated token: fetch a new one once.
        if (this.cached?.token === token) this.invalidateToken();
        return this.request(path, body, await this.accessToken(), method);
      }
      throw err;
    }
  }

  private async request(
    path: string,
    body: unknown,
    token?: string,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<unknown> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(token ? { 'x-acs-dingtalk-access-token': token } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new DingTalkNetworkError(`DingTalk API ${path}: ${(err as Error).message}`, isTimeout(err), { cause: err });
    }
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = null;
    }
    if (!res.ok) {
      const e = (parsed ?? {}) as { code?: unknown; message?: unknown; requestid?: unknown };
      throw new DingTalkApiError(
        res.status,
        typeof e.code === 'string' ? e.code : `HTTP${res.status}`,
        typeof e.message === 'string' ? e.message : text.slice(0, 200),
        typeof e.requestid === 'string' ? e.requestid : undefined,
      );
    }
    if (parsed === null)
      throw new DingTalkApiError(res.status, 'BadResponse', `non-JSON response: ${text.slice(0, 200)}`);
    return parsed;
  }
}
