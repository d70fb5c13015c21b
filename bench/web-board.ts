/**
 * The web console's board for 1,000 teams / 100,000 issues: server time of GET /board (goal < 1 s).
 *   npx tsx bench/web-board.ts [--teams 1000] [--issues 100000] [--runs 7] [--redis] [--json]
 *
 * A synthetic ledger (issues raised over the last 90 days, about 60 % handed over, a third of those resolved, two
 * visits per team per month) is committed through the real store (MemoryStore; RedisStore on a spawned redis-server
 * with --redis). Measured through the Hono app (app.request with a signed-in admin's cookie — routing, sessions, the
 * leadership digest over the whole ledger, the chart series, the HTML):
 *   - warm: a fresh filter on the shared ledger read (a no-op date filter, new each run, so the whole ledger is
 *     aggregated for the request: the filter nobody opened since the last read)
 *   - repeat: the same board again within the cache age (computed once per ledger read and filter)
 *   - filtered: a fresh filter that keeps part of the ledger (active 融资 issues)
 *   - cold: every request reloads the ledger from the store first (cache age 0), then computes
 *   - issue list page 1 sorted by overdue (warm), and the board filtered to one team (warm)
 * Medians of --runs runs after one warm-up, wall clock and this process's CPU time (on a shared machine the CPU time
 * is the steadier figure). The memory store reads per team by filtering every issue, so use --redis at full size.
 */
import { performance } from 'node:perf_hooks';
import { makeServices, testConfig } from '../test/helpers/services.js';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis/store.js';
import type { Store } from '../src/store/types.js';
import { createWebApp } from '../src/web/index.js';
import { syntheticLedger } from '../test/helpers/synthetic-ledger.js';
import { flag, numArg } from './args.js';

const TEAMS = numArg('teams', 1000);
const ISSUES = numArg('issues', 100_000);
const RUNS = numArg('runs', 7);
const REDIS = flag('redis');
const JSON_OUT = flag('json');
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const now = Date.now();
  const { teams, commits } = syntheticLedger(now, TEAMS, ISSUES);
  let redis: RedisHandle | null = null;
  let store: Store;
  if (REDIS) {
    redis = await startRedis();
    // A generous reply timeout: the bench shares the machine, and a slow seed is not what is measured.
    const rs = new RedisStore({ url: redis.url, prefix: 'benchweb', commandTimeoutMs: 15_000 });
    await rs.connect({ timeoutMs: 5000 });
    store = rs;
  } else store = new MemoryStore();
  const t0 = performance.now();
  for (const t of teams) await store.upsertTeam(t);
  let conflicts = 0;
  for (const c of commits) {
    try {
      await store.commitLedger(c);
    } catch {
      conflicts += 1;
    }
  }
  const seedMs = performance.now() - t0;
  process.stderr.write(`seeded ${commits.length} commits in ${Math.round(seedMs / 1000)} s (${conflicts} refused)\n`);
  // Counted team by team (one listIssues({}) over 100k issues would block Redis past the client's timeout).
  let issues = 0;
  for (const t of teams) issues += (await store.listIssues({ teamId: t.id })).length;

  const services = makeServices({ store, config: testConfig({ ZCT_ADMINS: 'boss' }), retriever: null as never });
  // One ledger read for the whole warm series (10 minutes: a slow machine must not re-read it mid-series).
  const warm = createWebApp(services, { dingtalk: null, ledgerMaxAgeMs: 600_000 });
  const cold = createWebApp(services, { dingtalk: null, ledgerMaxAgeMs: 0 });
  const session = await warm.sessions.create({ userId: 'boss', name: '领导', via: 'link', role: 'admin', teams: [] });
  const headers = { Cookie: `zct_sid=${session.id}` };
  const time = async (app: typeof warm.app, url: string) => {
    const t = performance.now();
    const c0 = process.cpuUsage();
    const r = await app.request(url, { headers });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 200)}`);
    const cpu = process.cpuUsage(c0);
    return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000, bytes: Buffer.byteLength(body) };
  };
  /** `{i}` in the url is replaced by the run number (a no-op date filter that defeats the per-filter board cache). */
  const measure = async (app: typeof warm.app, url: string) => {
    const at = (i: number) => url.replace('{i}', String(i + 10));
    await time(app, at(RUNS));
    const runs: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await time(app, at(i));
      runs.push(r.ms);
      cpu.push(r.cpuMs);
      bytes = r.bytes;
    }
    return {
      median: Math.round(median(runs)),
      cpuMedian: Math.round(median(cpu)),
      min: Math.round(Math.min(...runs)),
      max: Math.round(Math.max(...runs)),
      kb: Math.round(bytes / 1024),
    };
  };
  const out = {
    store: store.kind,
    teams: teams.length,
    issues,
    commits: commits.length,
    refusedCommits: conflicts,
    seedSeconds: Math.round(seedMs / 100) / 10,
    boardWarm: await measure(warm.app, '/board?from=2000-01-{i}'),
    boardRepeat: await measure(warm.app, '/board'),
    boardFilteredWarm: await measure(warm.app, '/board?status=active&category=%E8%9E%8D%E8%B5%84&from=2000-02-{i}'),
    boardCold: await measure(cold.app, '/board?from=2000-01-{i}'),
    boardOneTeamWarm: await measure(warm.app, `/board?team=${encodeURIComponent(teams[7]!.id)}`),
    issuesPage1Warm: await measure(warm.app, '/issues?sort=overdue'),
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else {
    process.stdout.write(
      `board bench: ${out.teams} teams, ${out.issues} issues (${out.store} store; seeded in ${out.seedSeconds} s)\n`,
    );
    for (const k of [
      'boardWarm',
      'boardRepeat',
      'boardFilteredWarm',
      'boardCold',
      'boardOneTeamWarm',
      'issuesPage1Warm',
    ] as const) {
      const r = out[k];
      process.stdout.write(
        `  ${k.padEnd(18)} median ${r.median} ms (min ${r.min}, max ${r.max}; CPU ${r.cpuMedian} ms), ${r.kb} KB HTML\n`,
      );
    }
  }
  await store.close();
  await redis?.stop();
}

void main();
