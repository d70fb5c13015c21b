/**
 * A TCP proxy in front of a real redis-server that delays Redis' replies: the "slow Redis" of the hardening review.
 * Bytes are forwarded unchanged and in order; only their timing changes.
 *
 *   const proxy = await startDelayProxy(redis.port);
 *   proxy.delayAfter(['EVALSHA', 'EVAL'], 300);   // replies that follow a request containing one of these: +300 ms
 *   proxy.delayAll(5000);                         // every reply: +5 s (Redis "unreachable" for the client)
 *   const store = new RedisStore({ url: proxy.url, commandTimeoutMs: 150 });
 */
import net from 'node:net';

export interface DelayProxy {
  url: string;
  port: number;
  /** Hold server→client bytes for `ms` after a client→server chunk containing any of `patterns`. */
  delayAfter(patterns: string[], ms: number): void;
  /** Hold every server→client chunk for `ms` (0 = off). */
  delayAll(ms: number): void;
  /** Requests that triggered a delay so far. */
  readonly triggered: number;
  close(): Promise<void>;
}

export async function startDelayProxy(targetPort: number): Promise<DelayProxy> {
  let patterns: string[] = [];
  let patternDelay = 0;
  let allDelay = 0;
  let triggered = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let holdUntil = 0;
    let lastWrite = 0;
    // The end of the previous request chunk, so a pattern cut across two TCP chunks is still seen.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      if (patternDelay > 0 && patterns.length) {
        const text = tail + chunk.toString('latin1');
        tail = text.slice(-64);
        if (patterns.some((p) => text.includes(p))) {
          triggered++;
          holdUntil = Math.max(holdUntil, Date.now() + patternDelay);
        }
      }
      upstream.write(chunk);
    });
    // Replies keep their order: one queue per connection, drained by a single timer.
    const queue: Array<{ at: number; chunk: Buffer }> = [];
    let pumping = false;
    const pump = () => {
      while (queue.length && queue[0]!.at <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (!client.destroyed) client.write(chunk);
      }
      if (queue.length) setTimeout(pump, Math.max(1, queue[0]!.at - Date.now()));
      else pumping = false;
    };
    upstream.on('data', (chunk: Buffer) => {
      const at = Math.max(Date.now() + allDelay, holdUntil, lastWrite);
      lastWrite = at;
      queue.push({ at, chunk });
      if (!pumping) {
        pumping = true;
        pump();
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    delayAfter(p, ms) {
      patterns = p;
      patternDelay = ms;
    },
    delayAll(ms) {
      allDelay = ms;
    },
    get triggered() {
      return triggered;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
