/**
 * One connection abstraction over a node-redis client or cluster: raw commands, EVALSHA with EVAL fallback,
 * fail-fast behaviour (no offline queue, connect + command timeouts), self-reconnect with backoff, error mapping
 * to StoreUnavailableError / ConflictError, and a round-trip counter (benches).
 */
import { ClientClosedError, ClientOfflineError, createClient, createCluster, ErrorReply } from 'redis';
import type { Logger } from '../../observability/logger.js';
import { ConflictError, StoreUnavailableError } from '../types.js';
import type { LuaScript } from './scripts.js';

export interface RedisConnectionOptions {
  /** redis://… or rediss://… (single node). */
  url?: string;
  /** host:port or redis://[user:pass@]host:port list → Redis Cluster (takes precedence over url). */
  clusterNodes?: string[];
  /** ACL user and password (REDIS_USERNAME / REDIS_PASSWORD) for the node or every cluster node; override URL credentials. */
  username?: string;
  password?: string;
  logger?: Logger;
  /** TCP connect timeout per attempt (default 1000 ms). */
  connectTimeoutMs?: number;
  /** A command with no reply after this long fails with StoreUnavailableError (default 1500 ms). The command may
   *  still have run: ledger commits are idempotent by messageId, so retrying is safe. */
  commandTimeoutMs?: number;
  /** Reconnect backoff cap (default 2000 ms; starts at 50 ms and doubles). */
  maxReconnectDelayMs?: number;
}

type Reply = unknown;

/** Replies that mean "the server cannot serve right now" rather than "your command is wrong". */
const UNAVAILABLE_REPLIES = /^(LOADING|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY|OOM|READONLY|NOREPLICAS|MISCONF)\b/;

export class RedisConnection {
  /** Commands sent to the server (a NOSCRIPT fallback counts twice). */
  roundTrips = 0;
  private readonly logger: Logger | undefined;
  private readonly send: (firstKey: string | undefined, args: string[], timeoutMs?: number) => Promise<Reply>;
  private readonly connectFn: () => Promise<unknown>;
  private readonly closeFn: () => Promise<void>;
  private readonly isReadyFn: () => boolean;
  private downSince: number | null = null;
  private lastErrorLog = 0;
  private closed = false;
  private pending: Promise<unknown> | null = null;
  /** Where we connect, with any credentials masked: the only form of the address that is ever logged. */
  readonly target: string;
  /** Secret strings scrubbed from logged error text. */
  private readonly secrets: string[];

  constructor(private readonly options: RedisConnectionOptions) {
    this.logger = options.logger;
    const commandTimeout = options.commandTimeoutMs ?? 1500;
    const maxDelay = options.maxReconnectDelayMs ?? 2000;
    const socket = {
      connectTimeout: options.connectTimeoutMs ?? 1000,
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 10), maxDelay) + Math.floor(Math.random() * 50),
    };
    // No node-redis `commandOptions.timeout`: it arms an AbortSignal.timeout per command (measurable CPU at
    // hundreds of messages/s) and only covers the wait before the write, which with the offline queue disabled
    // is not a wait at all. withReplyTimeout below bounds every command end to end instead.
    // Credentials from the settings, else from the (first) URL that carries them; kept out of every logged string.
    const urls =
      options.clusterNodes && options.clusterNodes.length > 0
        ? options.clusterNodes.map(nodeUrl)
        : [options.url ?? 'redis://127.0.0.1:6379'];
    const fromUrl = urls.map(urlCredentials).find((c) => c.username !== undefined || c.password !== undefined) ?? {};
    const username = options.username ?? fromUrl.username;
    const password = options.password ?? fromUrl.password;
    this.secrets = password ? [password] : [];
    const auth = { ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
    const clientDefaults = { socket, disableOfflineQueue: true, ...auth };

    if (options.clusterNodes && options.clusterNodes.length > 0) {
      this.target = `cluster ${options.clusterNodes.map(maskRedisUrl).join(',')}`;
      const cluster = createCluster({
        // Root nodes without userinfo: the credentials travel in `defaults`, so nodes found by discovery get them too.
        rootNodes: urls.map((u) => ({ url: stripCredentials(u) })),
        defaults: clientDefaults,
      });
      cluster.on('error', (err: unknown) => this.onError(err));
      cluster.on('node-error', (err: unknown) => this.onError(err));
      this.send = (firstKey, args, timeoutMs) =>
        withReplyTimeout(cluster.sendCommand(firstKey, false, args), timeoutMs ?? commandTimeout);
      this.connectFn = () => cluster.connect();
      this.closeFn = async () => {
        if (cluster.isOpen) await cluster.close();
      };
      this.isReadyFn = () => cluster.isOpen;
    } else {
      const url = stripCredentials(urls[0]!);
      this.target = maskRedisUrl(urls[0]!);
      const client = createClient({ url, ...clientDefaults });
      client.on('error', (err: unknown) => this.onError(err));
      client.on('ready', () => this.onReady());
      this.send = (_firstKey, args, timeoutMs) =>
        withReplyTimeout(client.sendCommand(args), timeoutMs ?? commandTimeout);
      this.connectFn = () => client.connect();
      this.closeFn = async () => {
        if (!client.isOpen) return;
        if (client.isReady) await client.close();
        else client.destroy();
      };
      this.isReadyFn = () => client.isReady;
    }
  }

  get isReady(): boolean {
    return this.isReadyFn();
  }

  /**
   * Connect, retrying with backoff until Redis answers (single node: node-redis retries by itself; cluster:
   * retried here). Rejects with StoreUnavailableError only when `timeoutMs` passes or `signal` aborts.
   */
  async connect(opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('Redis store is closed');
    if (this.isReadyFn() && !this.pending) return;
    const deadline = opts.timeoutMs !== undefined ? Date.now() + opts.timeoutMs : Infinity;
    const giveUp = (why: string) => {
      void this.close();
      return new StoreUnavailableError(`could not connect to Redis at ${this.target}: ${why}`);
    };
    let attempt = 0;
    for (;;) {
      const timer =
        deadline === Infinity
          ? null
          : new Promise<'timeout'>((resolve) => {
              const t = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
              t.unref();
            });
      const aborted = opts.signal
        ? new Promise<'aborted'>((resolve) => {
            if (opts.signal!.aborted) resolve('aborted');
            opts.signal!.addEventListener('abort', () => resolve('aborted'), { once: true });
          })
        : null;
      // One connect() in flight at a time; a second caller joins it (node-redis refuses a second connect()).
      this.pending ??= this.connectFn().finally(() => (this.pending = null));
      const connecting = this.pending.then(
        () => 'ok' as const,
        (err: unknown) => err,
      );
      const outcome = await Promise.race([connecting, ...(timer ? [timer] : []), ...(aborted ? [aborted] : [])]);
      if (outcome === 'ok') {
        this.onReady();
        return;
      }
      if (outcome === 'timeout') throw giveUp('timed out');
      if (outcome === 'aborted') throw giveUp('aborted');
      // Cluster discovery failed (single-node clients keep retrying inside connect()).
      this.onError(outcome);
      const delay = Math.min(50 * 2 ** Math.min(attempt++, 10), this.options.maxReconnectDelayMs ?? 2000);
      if (Date.now() + delay > deadline) throw giveUp('timed out');
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  private onError(err: unknown): void {
    const now = Date.now();
    const firstFailure = this.downSince === null;
    if (firstFailure) this.downSince = now;
    if (this.closed) return;
    // One clear line when Redis goes away, then at most one every 30 s while it stays away.
    if (firstFailure || now - this.lastErrorLog > 30_000) {
      this.lastErrorLog = now;
      const reason = this.redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
      this.logger?.error(
        { redis: this.target, reason, downForMs: now - this.downSince! },
        'Redis unreachable; retrying with backoff (operations fail with StoreUnavailableError meanwhile)',
      );
    }
  }

  /** Error text as it may be logged: URL userinfo and the configured secrets masked. */
  redact(text: string): string {
    let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s@/]*@/gi, '$1***@');
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }

  private onReady(): void {
    if (this.downSince !== null) {
      this.logger?.info({ redis: this.target, downForMs: Date.now() - this.downSince }, 'Redis connection restored');
      this.downSince = null;
    }
  }

  /** One raw command. */
  async cmd<T = Reply>(firstKey: string | undefined, args: (string | number)[]): Promise<T> {
    this.roundTrips++;
    try {
      return (await this.send(firstKey, args.map(String))) as T;
    } catch (err) {
      throw mapError(err);
    }
  }

  /**
   * One raw command that may wait longer than the command timeout for its reply: used to learn the outcome of a
   * command that timed out. Sent on the same connection, it is answered after the command it follows.
   */
  async cmdWithin<T = Reply>(firstKey: string | undefined, args: (string | number)[], timeoutMs: number): Promise<T> {
    this.roundTrips++;
    try {
      return (await this.send(firstKey, args.map(String), Math.max(1, timeoutMs))) as T;
    } catch (err) {
      throw mapError(err);
    }
  }

  /**
   * EVALSHA, falling back to EVAL (which also caches the script) when the server does not know it yet.
   * `timeoutMs` overrides the command timeout (learning the outcome of an earlier, timed-out command).
   */
  async eval<T = Reply>(script: LuaScript, keys: string[], args: (string | number)[], timeoutMs?: number): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args.map(String)];
    this.roundTrips++;
    try {
      return (await this.send(keys[0], ['EVALSHA', script.sha, ...tail], timeoutMs)) as T;
    } catch (err) {
      if (!(err instanceof ErrorReply && err.message.startsWith('NOSCRIPT'))) throw mapError(err);
    }
    this.roundTrips++;
    try {
      return (await this.send(keys[0], ['EVAL', script.source, ...tail], timeoutMs)) as T;
    } catch (err) {
      throw mapError(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.closeFn();
    } catch {
      // already closed / never connected
    }
  }
}

/** A cluster node setting (host:port or a URL) as a URL. */
function nodeUrl(node: string): string {
  return node.includes('://') ? node : `redis://${node}`;
}

function urlCredentials(url: string): { username?: string; password?: string } {
  try {
    const u = new URL(url);
    return {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    };
  } catch {
    return {};
  }
}

function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** redis://user:secret@host:6379/0 → redis://***@host:6379/0 (any scheme, any userinfo form); a bare host:port stays. */
export function maskRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

/**
 * node-redis's own `timeout` only covers the wait before a command is written; this bounds the wait for the reply.
 * The command stays in node-redis's reply queue, so a late reply is still matched to it (and dropped here).
 */
function withReplyTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StoreUnavailableError(`Redis did not reply within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Failures where the command certainly did not run: Redis refused it (an error reply) or it was never sent. */
const NOT_RUN = new WeakSet<Error>();

/**
 * True when the failed command certainly did not run (a LOADING/CLUSTERDOWN… reply, or the client was offline
 * and never sent it); false for a timeout or a connection lost mid-command, where it may have run.
 */
export function certainlyNotRun(err: unknown): boolean {
  return err instanceof Error && NOT_RUN.has(err);
}

/** Server error replies stay errors (bugs) except conflicts and "temporarily unavailable"; everything else is unavailability. */
export function mapError(err: unknown): Error {
  const mapped = mapErrorKind(err);
  if (
    err instanceof ErrorReply ||
    err instanceof ClientOfflineError ||
    err instanceof ClientClosedError ||
    (err instanceof Error && NOT_RUN.has(err))
  )
    NOT_RUN.add(mapped);
  return mapped;
}

function mapErrorKind(err: unknown): Error {
  if (err instanceof ConflictError || err instanceof StoreUnavailableError) return err;
  if (err instanceof ErrorReply) {
    const m = /ZCT_CONFLICT (\{.*\})/.exec(err.message);
    if (m) {
      const c = JSON.parse(m[1]!) as {
        issueId: string;
        reason: 'status' | 'missing';
        expected?: never;
        actual?: never;
      };
      return new ConflictError(c.issueId, c.reason, c.expected, c.actual);
    }
    if (UNAVAILABLE_REPLIES.test(err.message))
      return new StoreUnavailableError(`Redis: ${err.message}`, { cause: err });
    return err;
  }
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StoreUnavailableError(`Redis unavailable (${msg})`, { cause: err });
}
