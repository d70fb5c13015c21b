/**
 * Spawn a real redis-server on a free loopback port for a test file. No mocks.
 *   const redis = await startRedis();   // { url, port, stop(), restart(), kill() }
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.write('PING\r\n');
      });
      sock.once('data', (d) => {
        sock.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RedisHandle {
  url: string;
  port: number;
  dir: string;
  /** Stop gracefully (SHUTDOWN NOSAVE semantics via SIGTERM). */
  stop(): Promise<void>;
  /** SIGKILL — a crash. */
  kill(): Promise<void>;
  /** Start again on the same port and dir (AOF, if enabled, is replayed). */
  start(): Promise<void>;
}

export async function startRedis(opts: { args?: string[] } = {}): Promise<RedisHandle> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-redis-'));
  let proc: ChildProcess | null = null;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
    ...(opts.args ?? []),
  ];

  const handle: RedisHandle = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async start() {
      proc = spawn('redis-server', args, { stdio: 'ignore' });
      await waitForPort(port);
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
      proc = null;
    },
    async kill() {
      const p = proc;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGKILL');
      });
      proc = null;
    },
  };
  await handle.start();
  return handle;
}
