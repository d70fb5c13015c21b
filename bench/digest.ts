/**
 * "Digest computation": the leadership digest for 1,000 teams and 100,000 issues (goal: under 2 s).
 *   npx tsx bench/digest.ts [--teams 1000] [--issues 100000] [--runs 7] [--no-redis] [--json]
 *
 * A synthetic ledger is generated as LedgerCommits (new issues, visits, status changes spread over 2024-02-01 …
 * 2024-03-18 10:00) and committed through the real stores, so the audit log is the stores' own. Measured:
 *   - pure compute (the brief's figure): prepareDigest + leadershipDigest for Monday 03-18's scheduled window
 *     (Friday–Sunday, state replayed to Sunday 24:00 — the events after it exercise the replay)
 *   - the same plus all 1,000 team digests, and rendering the leadership digest to Reply blocks
 *   - load from Redis: loadLedgerData (teams, all issues, all visits, the audit log since March 1) from a spawned
 *     redis-server (or REDIS_URL, under a throw-away prefix), reported separately
 * Medians of --runs runs (Redis load: 3 runs).
 */
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import {
  digestInput,
  eventsFromMs,
  leadershipDigest,
  loadLedgerData,
  prepareDigest,
  renderLeadershipDigest,
  scheduledWindow,
  teamDigest,
} from '../src/digest/index.js';
import { CATEGORIES, type IssueStatus, type Team } from '../src/ledger/model.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis/store.js';
import type { LedgerCommit, Store } from '../src/store/types.js';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { flag, numArg, prng as rng } from './args.js';

const arg = numArg;
const TEAMS = arg('teams', 1000);
const ISSUES = arg('issues', 100_000);
const RUNS = arg('runs', 7);
const JSON_OUT = flag('json');
const NO_REDIS = flag('no-redis');
const TZ = 'Asia/Shanghai';

const START = Date.parse('2024-02-01T09:00:00+08:00');
const END = Date.parse('2024-03-18T10:00:00+08:00');
const DEPARTMENTS = Array.from({ length: 40 }, (_, i) => `第${i + 1}承办部门`);
const NEXT: Record<IssueStatus, IssueStatus | null> = {
  open: 'assigned',
  assigned: 'in_progress',
  in_progress: 'resolved',
  resolved: 'closed',
  closed: null,
};

function teamsOf(n: number): Team[] {
  return Array.from({ length: n }, (_, t) => ({
    id: `dingtalk:cid${t}`,
    platform: 'dingtalk',
    conversationId: `cid${t}`,
    name: `第${t + 1}联企小组`,
    enterprises: [`企业${t}甲有限公司`, `企业${t}乙`],
    isAdminGroup: false,
    createdAt: START - 86_400_000,
  }));
}

function ymd(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Commits producing `issues` issues over Feb 1 – Mar 18, with visits and status changes. */
function commitsOf(teams: Team[], issues: number): LedgerCommit[] {
  const rand = rng(42);
  const status: IssueStatus[] = [];
  const commits: LedgerCommit[] = [];
  const expected = Math.ceil(issues / 2);
  let q = 0;
  for (let i = 0; q < issues; i++) {
    const at = START + Math.floor(((END - START) * i) / expected);
    const team = teams[Math.floor(rand() * teams.length)]!;
    const date = ymd(at);
    const c: LedgerCommit = {
      messageId: `b-${i}`,
      teamId: team.id,
      at,
      actor: 'u1',
      actorName: '张三',
      visits: [],
      issues: [],
      patches: [],
    };
    const k = Math.min(issues - q, 1 + Math.floor(rand() * 3));
    for (let j = 0; j < k; j++) {
      const assigned = rand() < 0.7;
      const due = new Date(at + (5 + Math.floor(rand() * 25)) * 86_400_000);
      c.issues.push({
        teamId: team.id,
        enterprise: team.enterprises[Math.floor(rand() * 2)]!,
        category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
        summary: `企业反映流动资金紧张，希望协调银行续贷（${i}-${j}）`,
        department: assigned ? DEPARTMENTS[Math.floor(rand() * DEPARTMENTS.length)]! : null,
        status: assigned ? 'assigned' : 'open',
        dueDate: assigned ? ymd(due.getTime()) : null,
        reporter: 'u1',
        reporterName: '张三',
        raisedOn: date,
      });
      status.push(assigned ? 'assigned' : 'open');
      q += 1;
    }
    if (rand() < 0.3)
      c.visits.push({
        teamId: team.id,
        enterprise: team.enterprises[Math.floor(rand() * 2)]!,
        date,
        participants: ['张三'],
        note: '走访',
        reporter: 'u1',
        reporterName: '张三',
      });
    // Move one or two earlier issues along their lifecycle.
    const existing = q - k;
    for (let p = 0; p < 2 && existing > 0; p++) {
      const n = Math.floor(rand() * existing);
      const next = NEXT[status[n]!];
      if (!next || c.patches.some((x) => x.issueId === `Q-${String(n + 1).padStart(4, '0')}`)) continue;
      status[n] = next;
      c.patches.push({
        issueId: `Q-${String(n + 1).padStart(4, '0')}`,
        status: next,
        ...(next === 'assigned' ? { department: DEPARTMENTS[n % DEPARTMENTS.length]! } : {}),
      });
    }
    commits.push(c);
  }
  return commits;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function seed(store: Store, teams: Team[], commits: LedgerCommit[], concurrency = 1): Promise<number> {
  const t0 = performance.now();
  for (const t of teams) await store.upsertTeam(t);
  // Commits must stay in time order (the audit log is ordered); pipelining keeps that on one connection.
  for (let i = 0; i < commits.length; i += concurrency)
    await Promise.all(commits.slice(i, i + concurrency).map((c) => store.commitLedger(c)));
  return performance.now() - t0;
}

async function main() {
  const teams = teamsOf(TEAMS);
  const commits = commitsOf(teams, ISSUES);
  const window = scheduledWindow('2024-03-18', '2024-03-15', TZ);
  const fromMs = eventsFromMs(window, TZ);

  const memory = new MemoryStore();
  await seed(memory, teams, commits);
  const data = await loadLedgerData(memory, { fromMs });
  const input = digestInput(data, window, TZ);

  const leadershipMs: number[] = [];
  const allTeamsMs: number[] = [];
  const renderMs: number[] = [];
  let summary: ReturnType<typeof leadershipDigest> | null = null;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const index = prepareDigest(input);
    summary = leadershipDigest(index);
    const t1 = performance.now();
    for (const t of teams) teamDigest(index, t.id);
    const t2 = performance.now();
    renderLeadershipDigest(summary);
    const t3 = performance.now();
    leadershipMs.push(t1 - t0);
    allTeamsMs.push(t2 - t0);
    renderMs.push(t3 - t2);
  }

  const redisLoadMs: number[] = [];
  let redisSeedMs = 0;
  let redis: RedisHandle | null = null;
  if (!NO_REDIS) {
    const url = process.env.REDIS_URL ?? (redis = await startRedis()).url;
    const prefix = `bench-digest-${process.pid}`;
    const store = new RedisStore({ url, prefix });
    await store.connect({ timeoutMs: 10_000 });
    try {
      redisSeedMs = await seed(store, teams, commits, 16);
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        const d = await loadLedgerData(store, { fromMs });
        redisLoadMs.push(performance.now() - t0);
        if (d.issues.length !== data.issues.length)
          throw new Error(`redis has ${d.issues.length} issues, memory ${data.issues.length}`);
      }
    } finally {
      if (process.env.REDIS_URL) {
        const c = createClient({ url });
        await c.connect();
        for await (const keys of c.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 }))
          if (keys.length) await c.del(keys);
        await c.quit();
      }
      await store.close();
      await redis?.stop();
    }
  }

  const result = {
    teams: TEAMS,
    issues: data.issues.length,
    visits: data.visits.length,
    eventsSinceMarch1: data.events.length,
    commits: commits.length,
    leadershipComputeMs: { median: median(leadershipMs), runs: leadershipMs.map((x) => Math.round(x)) },
    leadershipPlusAllTeamDigestsMs: median(allTeamsMs),
    renderLeadershipMs: median(renderMs),
    redisLoadMs: redisLoadMs.length
      ? { median: median(redisLoadMs), runs: redisLoadMs.map((x) => Math.round(x)) }
      : null,
    redisSeedMs: Math.round(redisSeedMs),
    check: summary
      ? { open: summary.totals.open, overdue: summary.totals.overdue, resolutionRate: summary.totals.resolutionRate }
      : null,
  };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const lines = [
    `ledger: ${result.teams} teams, ${result.issues} issues, ${result.visits} visits, ${result.eventsSinceMarch1} audit events since 03-01 (${result.commits} commits)`,
    `leadership digest, pure compute (prepare + leadership): median ${f(result.leadershipComputeMs.median)}  runs ${result.leadershipComputeMs.runs.join(', ')}`,
    `  + all ${TEAMS} team digests from the same index:      median ${f(result.leadershipPlusAllTeamDigestsMs)}`,
    `render leadership digest to Reply blocks:             median ${f(result.renderLeadershipMs)}`,
    result.redisLoadMs
      ? `load from Redis (teams + issues + visits + events):   median ${f(result.redisLoadMs.median)}  runs ${result.redisLoadMs.runs.join(', ')}`
      : 'load from Redis: skipped (--no-redis)',
    `check: open ${result.check?.open}, overdue ${result.check?.overdue}, resolution rate ${((result.check?.resolutionRate ?? 0) * 100).toFixed(1)}%`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
