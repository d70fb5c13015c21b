/**
 * Spawn a real 3-master Redis Cluster on loopback for a test file. No mocks.
 *   const cluster = await startRedisCluster();   // { nodes: ['127.0.0.1:p1', …], ports, stop(), killNode(i), startNode(i) }
 *   REDIS_CLUSTER_NODES value: cluster.nodes.join(',')
 *
 * Bounded: startRedisCluster() gives up (and cleans up) after `timeoutMs`; stop() sends SIGTERM and SIGKILLs after
 * a grace period. Self-stopping: next to each redis-server runs a tiny watchdog shell blocked on a pipe from this
 * process; when the pipe closes (the test worker crashed or was killed) it SIGKILLs its server and removes the
 * temp dir, so no redis-server outlives the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis.js';

export interface RedisClusterHandle {
  /** "127.0.0.1:port" of each master, in creation order. */
  nodes: string[];
  ports: number[];
  /** Temp dir holding nodes-<port>.conf files (removed by stop()). */
  dir: string;
  /** SIGKILL master i (a crash). Its slots become unavailable; after cluster-node-timeout (2 s) the cluster is down. */
  killNode(i: number): Promise<void>;
  /** Start master i again (same port, same nodes.conf: it rejoins with its slots, data gone) and wait for cluster_state:ok. */
  startNode(i: number, timeoutMs?: number): Promise<void>;
  /** Kill every node (SIGTERM, then SIGKILL after a grace period) and remove the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartRedisClusterOptions {
  /** Number of masters (default 3, the minimum Redis accepts). */
  masters?: number;
  /** Give up starting after this long (default 20 s). */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One request/one reply over RESP (inline command); resolves with the raw reply text, or null on error/timeout. */
function rawCommand(port: number, command: string, timeoutMs = 1000): Promise<string | null> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    const done = (v: string | null) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    sock.once('connect', () => sock.write(`${command}\r\n`));
    sock.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      if (buf.startsWith('$')) {
        // Bulk string: "$<len>\r\n<payload>\r\n" (lengths are bytes; the replies read here are ASCII).
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const len = Number(buf.slice(1, nl));
        if (len < 0) return done('');
        if (buf.length >= nl + 2 + len + 2) done(buf.slice(nl + 2, nl + 2 + len));
      } else if (buf.includes('\r\n')) {
        done(buf);
      }
    });
    sock.once('error', () => done(null));
  });
}

/** Distinct free ports: a client port and a cluster bus port (--cluster-port, Redis >= 7) per node. */
async function freePorts(n: number): Promise<number[]> {
  const out = new Set<number>();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

async function waitFor(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Run a command to completion, killing it at the deadline. */
function run(cmd: string, args: string[], deadline: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(1000, deadline - Date.now()));
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function untilExit(p: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  p.ref(); // watchdogs are unref'd; hold the process until the exit is seen
  await new Promise<void>((resolve) => {
    const hard = setTimeout(() => p.kill('SIGKILL'), graceMs);
    p.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    p.kill(signal);
  });
}

interface Node {
  port: number;
  args: string[];
  proc: ChildProcess | null;
  watchdog: ChildProcess | null;
}

export async function startRedisCluster(opts: StartRedisClusterOptions = {}): Promise<RedisClusterHandle> {
  const masters = opts.masters ?? 3;
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-redis-cluster-'));
  const allPorts = await freePorts(masters * 2);
  const nodes: Node[] = allPorts.slice(0, masters).map((port, i) => ({
    port,
    proc: null,
    watchdog: null,
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-port',
      String(allPorts[masters + i]!),
      '--cluster-config-file',
      path.join(dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      '2000',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
  }));
  const ports = nodes.map((n) => n.port);
  let stopped = false;

  const onExit = () => {
    // Last resort if stop() never ran (process.exit in a worker): synchronous kills only.
    for (const n of nodes) if (n.proc && n.proc.exitCode === null && n.proc.signalCode === null) n.proc.kill('SIGKILL');
  };
  process.once('exit', onExit);

  const spawnNode = (n: Node) => {
    const p = spawn('redis-server', n.args, { stdio: 'ignore' });
    p.on('error', () => {}); // surfaces as a start timeout
    n.proc = p;
    // Watchdog: blocks on our pipe; when this process dies the pipe closes and it SIGKILLs the server.
    // The dir goes in as $0 (no quoting issues) and is removed once the server is dead.
    const w = spawn('sh', ['-c', `read _ ; kill -9 ${p.pid ?? ''} 2>/dev/null; sleep 0.2; rm -rf "$0"`, dir], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    w.on('error', () => {});
    w.unref();
    (w.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    n.watchdog = w;
  };

  /** Stop node n's server, then retire its watchdog without letting it signal anything. */
  const stopNode = async (n: Node, signal: NodeJS.Signals) => {
    if (n.proc) await untilExit(n.proc, signal, 3000);
    if (n.watchdog) await untilExit(n.watchdog, 'SIGKILL', 1000);
    n.proc = null;
    n.watchdog = null;
  };

  const clusterOk = (port: number) => async () => {
    const info = await rawCommand(port, 'CLUSTER INFO');
    return (
      !!info?.includes('cluster_state:ok') &&
      info.includes('cluster_slots_ok:16384') &&
      info.includes(`cluster_known_nodes:${masters}`)
    );
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    await Promise.all(nodes.map((n) => stopNode(n, 'SIGTERM')));
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const n of nodes) spawnNode(n);
    for (const port of ports)
      await waitFor(`redis-server on ${port}`, deadline, async () => (await rawCommand(port, 'PING')) === '+PONG\r\n');
    const create = await run(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      deadline,
    );
    if (create.code !== 0) throw new Error(`redis-cli --cluster create failed (${create.code}): ${create.output}`);
    // Every node must agree the cluster is healthy and every slot is served.
    for (const port of ports) await waitFor(`cluster_state:ok on ${port}`, deadline, clusterOk(port));
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`),
    ports,
    dir,
    stop,
    async killNode(i) {
      await stopNode(nodes[i]!, 'SIGKILL');
    },
    async startNode(i, timeoutMs = 15_000) {
      const n = nodes[i]!;
      if (stopped) throw new Error('cluster stopped');
      if (n.proc) return;
      const until = Date.now() + timeoutMs;
      spawnNode(n);
      await waitFor(`redis-server on ${n.port}`, until, async () => (await rawCommand(n.port, 'PING')) === '+PONG\r\n');
      for (const port of ports) await waitFor(`cluster_state:ok on ${port}`, until, clusterOk(port));
    },
  };
}
