/**
 * The DingTalk stream-mode connection: dingtalk-stream's DWClient, adjusted where it falls short.
 *
 *  - getEndpoint() POSTs to a configurable gateway URL (DINGTALK_GATEWAY_URL) instead of the hard-coded
 *    api.dingtalk.com, so tests and intranet proxies work; every reconnect goes through it too.
 *  - Reconnects with exponential backoff + jitter (the SDK retries every 1 s forever) after a dropped
 *    socket, a failed handshake, or a `disconnect` frame. After `disconnect` the in-flight messages are
 *    finished and acked on the old socket first, then the socket is closed and a new one opened at once.
 *  - Its own WebSocket heartbeat (the SDK's keepAlive leaks an interval per reconnect).
 *  - A frame that is not JSON (or otherwise breaks the SDK's dispatcher) is logged, never thrown into ws.
 *  - Subscribes only to robot messages and card callbacks (the SDK's default also subscribes to every org EVENT).
 * The SDK still does: the WebSocket itself, frame dispatch, answering `ping`, and the ack format.
 */
import { DWClient, TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type WebSocket from 'ws';
import type { Logger } from '../../observability/logger.js';

export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  /** Full URL of the connections/open call. */
  gatewayUrl: string;
  logger: Logger;
  ua?: string;
  /** First retry delay; doubles per failed attempt up to reconnectMaxMs (±20 % jitter). */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** A connection that stayed up this long resets the backoff. */
  stableAfterMs?: number;
  /** WebSocket ping interval; a missed pong terminates the socket. 0 disables. */
  heartbeatMs?: number;
  /** Gateway call and WebSocket handshake timeout. */
  openTimeoutMs?: number;
  /** After a `disconnect` frame: resolves when in-flight messages are done (bounded by drainMaxMs). */
  drain?: () => Promise<unknown>;
  drainMaxMs?: number;
  onConnectionChange?: (up: boolean) => void;
}

type SocketHolder = { socket?: WebSocket; dw_url?: string };

export const CONNECTION_EVENT = 'zct:connection';

export class DingTalkStreamClient extends DWClient {
  private readonly opts: Required<Omit<StreamClientOptions, 'ua' | 'drain' | 'onConnectionChange'>> &
    Pick<StreamClientOptions, 'drain' | 'onConnectionChange'>;
  private readonly log: Logger;
  private closedByUs = false;
  private connecting = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private openedAt = 0;
  /** The socket the server announced it will drop (a `disconnect` frame): its close is expected. */
  private retiring: WebSocket | null = null;
  /** Connections opened so far (tests and logs). */
  connectionCount = 0;

  constructor(opts: StreamClientOptions) {
    // A fresh subscriptions array: the SDK's default one is shared by every client in the process.
    super({
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      ua: opts.ua ?? 'zhengcetong/0.1 (dingtalk-stream)',
      subscriptions: [],
    } as ConstructorParameters<typeof DWClient>[0]);
    this.config.autoReconnect = false; // reconnects are ours (backoff, our gateway)
    this.config.keepAlive = false; // heartbeat is ours
    this.log = opts.logger;
    this.opts = {
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      gatewayUrl: opts.gatewayUrl,
      logger: opts.logger,
      reconnectBaseMs: opts.reconnectBaseMs ?? 1_000,
      reconnectMaxMs: opts.reconnectMaxMs ?? 60_000,
      stableAfterMs: opts.stableAfterMs ?? 30_000,
      heartbeatMs: opts.heartbeatMs ?? 10_000,
      openTimeoutMs: opts.openTimeoutMs ?? 10_000,
      drainMaxMs: opts.drainMaxMs ?? 8_000,
      drain: opts.drain,
      onConnectionChange: opts.onConnectionChange,
    };
  }

  /** Subscribe to robot messages. */
  onRobotMessage(listener: (frame: DWClientDownStream) => void): this {
    return this.registerCallbackListener(TOPIC_ROBOT, listener);
  }

  /** Subscribe to card callbacks (button presses on cards this app delivered with callbackType STREAM). */
  onCardCallback(listener: (frame: DWClientDownStream) => void): this {
    return this.registerCallbackListener(TOPIC_CARD, listener);
  }

  private get ws(): WebSocket | undefined {
    return (this as unknown as SocketHolder).socket;
  }

  /** True while a socket is open and the server has not announced a disconnect. */
  isUp(): boolean {
    const ws = this.ws;
    return this.connected && ws !== undefined && ws.readyState === 1;
  }

  override async getEndpoint(): Promise<this> {
    const res = await fetch(this.opts.gatewayUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: this.config.ua,
        subscriptions: this.config.subscriptions,
      }),
      signal: AbortSignal.timeout(this.opts.openTimeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`gateway HTTP ${res.status}: ${text.slice(0, 200)}`);
    let body: { endpoint?: unknown; ticket?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`gateway answered non-JSON: ${text.slice(0, 200)}`);
    }
    if (typeof body.endpoint !== 'string' || !body.endpoint || typeof body.ticket !== 'string' || !body.ticket) {
      throw new Error('gateway answer has no endpoint or ticket');
    }
    (this as unknown as SocketHolder).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  /** One connection attempt; on failure a retry is scheduled. Never rejects. */
  override async connect(): Promise<void> {
    if (this.closedByUs || this.connecting) return;
    this.clearReconnect();
    this.connecting = true;
    try {
      await this.getEndpoint();
      await this._connect();
      this.connecting = false;
    } catch (err) {
      this.connecting = false;
      const e = err as Error & { cause?: { message?: string } };
      this.log.warn(
        { err: e.message, cause: e.cause?.message, attempt: this.attempt + 1 },
        'dingtalk stream: connection attempt failed',
      );
      this.scheduleReconnect(false);
    }
  }

  override _connect(): Promise<void> {
    const before = this.ws;
    const opened = super._connect();
    const ws = this.ws;
    if (!ws || ws === before) return opened;
    this.watch(ws);
    // The SDK only rejects on 'error'; a socket that closes before opening must fail the attempt too.
    const closedEarly = new Promise<never>((_, reject) =>
      ws.once('close', () => reject(new Error('socket closed during handshake'))),
    );
    closedEarly.catch(() => undefined);
    return Promise.race([opened, closedEarly]);
  }

  private watch(ws: WebSocket) {
    let alive = true;
    let wasOpen = false;
    const handshake = setTimeout(() => {
      this.log.warn('dingtalk stream: handshake timed out');
      ws.terminate();
    }, this.opts.openTimeoutMs);

    ws.once('open', () => {
      clearTimeout(handshake);
      wasOpen = true;
      this.openedAt = Date.now();
      this.connectionCount += 1;
      this.log.info({ connection: this.connectionCount }, 'dingtalk stream connected');
      this.setUp(true);
      if (this.opts.heartbeatMs > 0) {
        this.heartbeatTimer = setInterval(() => {
          if (!alive) {
            this.log.warn('dingtalk stream: no pong, terminating socket');
            ws.terminate();
            return;
          }
          alive = false;
          try {
            ws.ping();
          } catch {
            /* closing */
          }
        }, this.opts.heartbeatMs);
        this.heartbeatTimer.unref();
      }
    });
    ws.on('pong', () => {
      alive = true;
    });
    ws.on('close', (code: number) => {
      clearTimeout(handshake);
      if (!wasOpen) return; // a failed handshake: connect() schedules the retry
      if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
      this.heartbeatTimer = null;
      this.setUp(false);
      if (this.closedByUs) return;
      const planned = this.retiring === ws;
      if (planned || Date.now() - this.openedAt >= this.opts.stableAfterMs) this.attempt = 0;
      this.log.warn({ code, planned }, 'dingtalk stream disconnected; reconnecting');
      this.scheduleReconnect(planned);
    });
  }

  private setUp(up: boolean) {
    this.opts.onConnectionChange?.(up);
    this.emit(CONNECTION_EVENT, up);
  }

  private scheduleReconnect(immediate: boolean) {
    if (this.closedByUs || this.reconnectTimer || this.connecting) return;
    const exp = Math.min(this.opts.reconnectMaxMs, this.opts.reconnectBaseMs * 2 ** this.attempt);
    const delay = immediate ? 0 : Math.round(exp * (0.8 + 0.4 * Math.random()));
    this.attempt = Math.min(this.attempt + 1, 30);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }

  private clearReconnect() {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  /** Never let a bad frame throw into the WebSocket's event loop. */
  override onDownStream(data: string): void {
    try {
      super.onDownStream(data);
    } catch (err) {
      this.log.warn(
        { err: (err as Error).message, bytes: String(data).length },
        'dingtalk stream: unreadable frame ignored',
      );
    }
  }

  override onSystem(frame: DWClientDownStream): void {
    super.onSystem(frame);
    if (frame.headers?.topic === 'disconnect') {
      const ws = this.ws;
      this.log.info({ reason: frame.data }, 'dingtalk stream: server asked to disconnect; draining');
      this.setUp(false);
      if (ws) {
        this.retiring = ws;
        void this.recycle(ws);
      }
    }
  }

  /** Finish in-flight messages on the old socket, then close it; the close handler reconnects at once. */
  private async recycle(ws: WebSocket) {
    const drained = this.opts.drain?.() ?? Promise.resolve();
    await Promise.race([drained, new Promise((r) => setTimeout(r, this.opts.drainMaxMs).unref())]);
    if (this.ws !== ws || ws.readyState > 1) {
      // Already closed by the server: its close handler did the reconnect scheduling.
      return;
    }
    ws.terminate();
  }

  /** Close for good (no reconnect). */
  shutdown(): void {
    this.closedByUs = true;
    this.clearReconnect();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    const ws = this.ws;
    if (ws?.readyState === 1) {
      ws.close(1000, 'shutdown');
      setTimeout(() => ws.terminate(), 1_000).unref();
    } else if (ws?.readyState === 0) {
      ws.terminate();
    }
    this.connected = false;
    this.setUp(false);
  }
}
