/**
 * The web console's board for 1,000 teams / 100,000 issues: server time of GET /board (goal < 1 s).
 *   npx tsx bench/web-board.ts [--teams 1000] [--issues 100000] [--runs 7] [--redis] [--json]
 *
 * A synthetic ledger (issues raised over the last 90 days, about 60 % handed over, a third of those resolved, two
 * visits per team per month) is committed through the real store (MemoryStore; RedisStore on a spawned redis-server
 * with --redis). Measured through the Hono app (app.request with a signed-in admin's cookie — routing, sessions, the
 * leadership digest over the whole ledger, the chart series, the HTML):
 *   - warm: the ledger read is shared (LedgerCache, 5 s), the board is computed for the request
 *   - repeat: the same board again within the cache age (computed once per ledger read and filter)
 *   - cold: every request reloads the ledger from the store first (cache age 0), then computes
 *   - issue list page 1 sorted by overdue (warm), and the board filtered to one team (warm)
 * Medians of --runs runs after one warm-up.
 */
import { performance } from 'node:perf_hooks';
import { makeServices, testConfig } from '../test/helpers/services.js';
import { startRedis, type RedisHandle } from '../test/helpers/redis.js';
import { CATEGORIES, type IssueStatus, type Team } from '../src/ledger/model.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis/store.js';
import type { LedgerCommit, NewIssue, Store } from '../src/store/types.js';
import { createWebApp } from '../src/web/index.js';
import { flag, numArg, prng } from './args.js';

const TEAMS = numArg('teams', 1000);
const ISSUES = numArg('issues', 100_000);
const RUNS = numArg('runs', 7);
const REDIS = flag('redis');
const JSON_OUT = flag('json');
const DAY = 86_400_000;

function ymd(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

function ledger(now: number): { teams: Team[]; commits: LedgerCommit[] } {
  const rnd = prng(42);
  const teams: Team[] = Array.from({ length: TEAMS }, (_, t) => ({
    id: `dingtalk:cid${t}`,
    platform: 'dingtalk',
    conversationId: `cid${t}`,
    name: `第${t + 1}联企小组`,
    enterprises: [`企业${t}甲有限公司`, `企业${t}乙`],
    isAdminGroup: false,
    createdAt: now - 120 * DAY,
  }));
  type Planned = { at: number; make: (idOf: (msg: string) => string) => LedgerCommit };
  const planned: Planned[] = [];
  const perTeam = Math.ceil(ISSUES / TEAMS);
  let q = 0;
  let m = 0;
  for (let t = 0; t < TEAMS; t++) {
    const team = teams[t]!;
    for (let k = 0; k < perTeam && q < ISSUES; k++) {
      q += 1;
      const at = now - Math.floor(rnd() * 90 * DAY);
      const issue: NewIssue = {
        teamId: team.id,
        enterprise: team.enterprises[k % 2]!,
        category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
        summary: `企业反映的第${k + 1}个问题：流动资金紧张，希望协调银行续贷`,
        department: null,
        status: 'open',
        dueDate: null,
        reporter: `u${t}`,
        reporterName: '张三',
        raisedOn: ymd(at),
      };
      const msg = `m${++m}`;
      planned.push({
        at,
        make: () => ({
          messageId: msg,
          teamId: team.id,
          at,
          actor: `u${t}`,
          actorName: '张三',
          visits: [],
          issues: [issue],
          patches: [],
        }),
      });
      if (rnd() < 0.6) {
        const at2 = Math.min(now - 1000, at + Math.floor(rnd() * 10 * DAY));
        const msg2 = `m${++m}`;
        const created = msg;
        const dept = `第${1 + Math.floor(rnd() * 40)}承办部门`;
        planned.push({
          at: at2,
          make: (idOf) => ({
            messageId: msg2,
            teamId: team.id,
            at: at2,
            actor: `u${t}`,
            actorName: '张三',
            visits: [],
            issues: [],
            patches: [{ issueId: idOf(created), status: 'assigned', department: dept, dueDate: ymd(at2 + 15 * DAY) }],
          }),
        });
        if (rnd() < 0.35) {
          const at3 = Math.min(now - 500, at2 + Math.floor(rnd() * 20 * DAY));
          const msg3 = `m${++m}`;
          const to: IssueStatus = rnd() < 0.5 ? 'resolved' : 'closed';
          planned.push({
            at: at3,
            make: (idOf) => ({
              messageId: msg3,
              teamId: team.id,
              at: at3,
              actor: `u${t}`,
              actorName: '张三',
              visits: [],
              issues: [],
              patches: [{ issueId: idOf(created), status: to }],
            }),
          });
        }
      }
    }
    for (let mo = 0; mo < 3; mo++) {
      for (let v = 0; v < 2; v++) {
        if (rnd() < 0.15) continue;
        const at = now - Math.floor((mo * 30 + rnd() * 30) * DAY);
        const msg = `m${++m}`;
        planned.push({
          at,
          make: () => ({
            messageId: msg,
            teamId: team.id,
            at,
            actor: `u${t}`,
            actorName: '张三',
            issues: [],
            patches: [],
            visits: [
              {
                teamId: team.id,
                enterprise: team.enterprises[v]!,
                date: ymd(at),
                participants: [],
                note: '走访',
                reporter: `u${t}`,
                reporterName: '张三',
              },
            ],
          }),
        });
      }
    }
  }
  // Commits in time order (the audit log is ordered); the store allocates issue ids in that order.
  planned.sort((a, b) => a.at - b.at);
  const allocated = new Map<string, string>();
  const idOf = (msg: string) => allocated.get(msg) ?? 'Q-0000';
  const commits: LedgerCommit[] = [];
  for (const p of planned) {
    const c = p.make(idOf);
    if (c.issues.length) allocated.set(c.messageId, `Q-${String(allocated.size + 1).padStart(4, '0')}`);
    commits.push(c);
  }
  return { teams, commits };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const now = Date.now();
  const { teams, commits } = ledger(now);
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
  const warm = createWebApp(services, { dingtalk: null, ledgerMaxAgeMs: 60_000 });
  const cold = createWebApp(services, { dingtalk: null, ledgerMaxAgeMs: 0 });
  const session = await warm.sessions.create({ userId: 'boss', name: '领导', via: 'link', role: 'admin', teams: [] });
  const headers = { Cookie: `zct_sid=${session.id}` };
  const time = async (app: typeof warm.app, url: string) => {
    const t = performance.now();
    const r = await app.request(url, { headers });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 200)}`);
    return { ms: performance.now() - t, bytes: Buffer.byteLength(body) };
  };
  /** `{i}` in the url is replaced by the run number (a no-op date filter that defeats the per-filter board cache). */
  const measure = async (app: typeof warm.app, url: string) => {
    const at = (i: number) => url.replace('{i}', String(i + 10));
    await time(app, at(RUNS));
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await time(app, at(i));
      runs.push(r.ms);
      bytes = r.bytes;
    }
    return {
      median: Math.round(median(runs)),
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
    boardCold: await measure(cold.app, '/board?from=2000-01-{i}'),
    boardOneTeamWarm: await measure(warm.app, `/board?team=${encodeURIComponent(teams[7]!.id)}`),
    issuesPage1Warm: await measure(warm.app, '/issues?sort=overdue'),
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else {
    process.stdout.write(
      `board bench: ${out.teams} teams, ${out.issues} issues (${out.store} store; seeded in ${out.seedSeconds} s)\n`,
    );
    for (const k of ['boardWarm', 'boardRepeat', 'boardCold', 'boardOneTeamWarm', 'issuesPage1Warm'] as const) {
      const r = out[k];
      process.stdout.write(`  ${k.padEnd(18)} median ${r.median} ms (min ${r.min}, max ${r.max}), ${r.kb} KB HTML\n`);
    }
  }
  await store.close();
  await redis?.stop();
}

void main();
