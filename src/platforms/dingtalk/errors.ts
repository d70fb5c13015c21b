/** Typed failures of DingTalk's HTTP APIs, so callers can log and count them precisely. */

/** The OpenAPI (api.dingtalk.com) answered with an error: HTTP 4xx/5xx with `{code, message}`. */
export class DingTalkApiError extends Error {
  constructor(
    readonly status: number,
    /** DingTalk's error code, e.g. "InvalidAuthentication", "Forbidden.AccessDenied.AccessTokenPermissionDenied". */
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(`DingTalk API error ${status} ${code}: ${message}`);
    this.name = 'DingTalkApiError';
  }
}

/** A sessionWebhook post failed. `kind` says how. */
export class DingTalkWebhookError extends Error {
  constructor(
    readonly kind: 'http' | 'errcode' | 'timeout' | 'network',
    message: string,
    readonly status?: number,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'DingTalkWebhookError';
  }
}

/** Network-level failure or timeout talking to the OpenAPI (no HTTP answer). */
export class DingTalkNetworkError extends Error {
  constructor(
    message: string,
    readonly timeout: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DingTalkNetworkError';
  }
}

export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}
