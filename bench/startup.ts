/**
 * Start-up: (1) a one-shot `zct search` on the compiled build, process start to exit; (2) `npm start`'s first
 * console reply: `node scripts/start.mjs console` with one piped message, process start to the first reply block.
 * Wall time and CPU time (user + sys, from /usr/bin/time when present: on a busy machine wall time mostly measures
 * the queue for a core). Needs `npm run build` first (dist/ fresh, or the launcher falls back to tsx).
 *   npx tsx bench/startup.ts [--runs 5] [--root DIR]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numArg, strArg } from './args.js';

const runs = numArg('runs', 5);
const root = path.resolve(strArg('root') ?? '.');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Sample {
  wallMs: number;
  firstOutputMs: number | null;
  cpuMs: number | null;
}

function run(args: string[], opts: { stdin?: string; until?: string }): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const cmd = TIME ?? process.execPath;
    const argv = TIME ? ['-f', 'CPU %U %S', process.execPath, ...args] : args;
    const started = performance.now();
    let firstOutputMs: number | null = null;
    let out = '';
    let err = '';
    const child = spawn(cmd, argv, {
      cwd: root,
      env: { ...process.env, REDIS_URL: '', DINGTALK_CLIENT_ID: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (firstOutputMs === null && (!opts.until || out.includes(opts.until)))
        firstOutputMs = performance.now() - started;
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${err.slice(-500)}`));
      const m = /CPU ([\d.]+) ([\d.]+)/.exec(err);
      resolve({
        wallMs: performance.now() - started,
        firstOutputMs,
        cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
      });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function measure(
  name: string,
  args: string[],
  opts: { stdin?: string; until?: string },
  pick: (s: Sample) => number,
): Promise<void> {
  await run(args, opts); // warm the OS file cache and the retrieval index cache
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await run(args, opts));
  const wall = samples.map(pick);
  const cpu = samples.map((s) => s.cpuMs).filter((x): x is number => x !== null);
  process.stdout.write(
    `${name}: median ${Math.round(median(wall))} ms wall (min ${Math.round(Math.min(...wall))})` +
      (cpu.length ? `, ${Math.round(median(cpu))} ms CPU` : '') +
      `  [${runs} runs, load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores]\n`,
  );
}

await measure(
  'zct search (compiled)',
  ['dist/src/cli/main.js', 'search', '专班组建要坚持哪三条原则', '--k', '3'],
  {},
  (s) => s.wallMs,
);
const launcher = fs.existsSync(path.join(root, 'scripts/start.mjs'))
  ? ['scripts/start.mjs', 'serve']
  : ['--import', 'tsx', 'src/cli/main.ts', 'serve'];
await measure(
  'first console reply',
  launcher,
  { stdin: '帮助\n', until: '\n---\n' },
  (s) => s.firstOutputMs ?? s.wallMs,
);
