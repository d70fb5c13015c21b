/**
 * "Fleet: soak": the fleet of bench/load.ts (N replica processes, each the real product behind the Slack HTTP
 * adapter, one redis-server, LLM off) under a steady open-loop rate for a long time. Watches each replica's memory:
 * RSS and heap (after a forced GC) at the end of the warm-up vs at the end. Goal: < 10 % RSS growth.
 *
 *   npx tsx bench/soak.ts [--duration 600] [--warmup 60] [--rate 100] [--teams 50] [--replicas 2] [--ask 0.2] [--json]
 *
 * Also reported per minute: messages, p50/p95 latency, errors — a slow leak shows up as drift there too.
 */
import { flag, numArg } from './args.js';
import { latencySummary, startFleet, type MessageKind, type ReplicaStats, type SendResult } from './load.js';

const duration = numArg('duration', 600);
const warmup = numArg('warmup', 60);
const rate = numArg('rate', 100);
const teams = numArg('teams', 50);
const replicaCount = numArg('replicas', 2);
const askRatio = numArg('ask', 0.2);
const json = flag('json');

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fleet = await startFleet({ replicas: replicaCount, teams });
  const started = performance.now();
  const warmEnd = started + warmup * 1000;
  const end = warmEnd + duration * 1000;
  const minutes: Array<{ lat: number[]; errors: number }> = [];
  const errorKinds = new Map<string, number>();
  let stop = false;

  const record = (r: SendResult, sentAt: number) => {
    if (sentAt < warmEnd) return;
    const m = Math.floor((sentAt - warmEnd) / 60_000);
    const bucket = (minutes[m] ??= { lat: [], errors: 0 });
    if (r.ok) bucket.lat.push(r.ms);
    else {
      bucket.errors++;
      errorKinds.set(r.error ?? '?', (errorKinds.get(r.error ?? '?') ?? 0) + 1);
    }
  };

  const team = async (t: number) => {
    const every = (teams / rate) * 1000;
    const first = started + (t / teams) * every;
    const inflight = new Set<Promise<void>>();
    for (let seq = 0; !stop; seq++) {
      const at = first + seq * every;
      if (at >= end) break;
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      const kind: MessageKind = ((seq * 7919 + t * 104729) % 1000) / 1000 < askRatio ? 'ask' : 'update';
      const sentAt = performance.now();
      const p: Promise<void> = fleet.send(kind, t, seq).then((r) => {
        record(r, sentAt);
        inflight.delete(p);
      });
      inflight.add(p);
    }
    await Promise.all(inflight);
  };

  // Memory samples every 10 s: RSS as the OS sees it; heap after a forced GC at warm-up end and at the end.
  const samples: Array<{ t: number; stats: ReplicaStats[] }> = [];
  let warmStats: ReplicaStats[] | null = null;
  const sampler = (async () => {
    while (!stop && performance.now() < end) {
      await sleep(10_000);
      if (!warmStats && performance.now() >= warmEnd) {
        await fleet.gc();
        warmStats = await fleet.stats();
        samples.push({ t: Math.round((performance.now() - warmEnd) / 1000), stats: warmStats });
        continue;
      }
      samples.push({ t: Math.round((performance.now() - warmEnd) / 1000), stats: await fleet.stats() });
      if (!json) {
        const last = samples[samples.length - 1]!;
        process.stderr.write(`[soak] t=${last.t}s RSS ${last.stats.map((s) => mb(s.rss)).join(' / ')}\n`);
      }
    }
  })();

  await Promise.all(Array.from({ length: teams }, (_, t) => team(t)));
  stop = true;
  await sampler;
  await fleet.gc();
  const endStats = await fleet.stats();
  const redisMem = await fleet.redisMemory();
  await fleet.stop();

  const warm = warmStats ?? samples[0]?.stats ?? endStats;
  const all = latencySummary(minutes.flatMap((m) => m.lat));
  const result = {
    replicas: replicaCount,
    teams,
    rate,
    warmupSec: warmup,
    durationSec: duration,
    messages: all.n + minutes.reduce((s, m) => s + m.errors, 0),
    errors: minutes.reduce((s, m) => s + m.errors, 0),
    errorKinds: Object.fromEntries(errorKinds),
    latencyMs: { p50: +all.p50.toFixed(1), p95: +all.p95.toFixed(1), p99: +all.p99.toFixed(1) },
    perMinute: minutes.map((m, i) => {
      const l = latencySummary(m.lat);
      return {
        minute: i + 1,
        messages: m.lat.length + m.errors,
        p50: +l.p50.toFixed(1),
        p95: +l.p95.toFixed(1),
        errors: m.errors,
      };
    }),
    rssWarm: warm.map((s) => s.rss),
    rssEnd: endStats.map((s) => s.rss),
    rssMaxAfterWarm: warm.map((_, i) => Math.max(...samples.filter((x) => x.t >= 0).map((x) => x.stats[i]?.rss ?? 0))),
    // Medians of the 10 s samples in the first and in the last minute after warm-up: RSS swings by 100+ MB as V8
    // grows and shrinks its heap, so single snapshots say little.
    rssFirstMinuteMedian: warm.map((_, i) =>
      median(samples.filter((x) => x.t >= 0 && x.t <= 60).map((x) => x.stats[i]!.rss)),
    ),
    rssLastMinuteMedian: warm.map((_, i) =>
      median(samples.filter((x) => x.t >= duration - 60).map((x) => x.stats[i]!.rss)),
    ),
    heapWarm: warm.map((s) => s.heapUsed),
    heapEnd: endStats.map((s) => s.heapUsed),
    redisUsedMemory: redisMem,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [
    `fleet soak: ${replicaCount} replicas, ${teams} teams, open loop ${rate} msg/s, ${duration} s after ${warmup} s warm-up, LLM off`,
    `  messages          ${result.messages} · errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.errorKinds)}` : ''}`,
    `  reply latency     p50 ${result.latencyMs.p50} ms · p95 ${result.latencyMs.p95} ms · p99 ${result.latencyMs.p99} ms`,
    ...endStats.map(
      (s, i) =>
        `  replica #${i + 1}        RSS after GC ${mb(warm[i]!.rss)} → ${mb(s.rss)} (${pct(warm[i]!.rss, s.rss)}) · RSS median first → last minute ${mb(result.rssFirstMinuteMedian[i]!)} → ${mb(result.rssLastMinuteMedian[i]!)} (${pct(result.rssFirstMinuteMedian[i]!, result.rssLastMinuteMedian[i]!)}; max ${mb(result.rssMaxAfterWarm[i]!)}) · heap after GC ${mb(warm[i]!.heapUsed)} → ${mb(s.heapUsed)} (${pct(warm[i]!.heapUsed, s.heapUsed)})`,
    ),
    `  Redis used_memory ${mb(redisMem)}`,
    `  per minute        ${result.perMinute.map((m) => `${m.minute}: ${m.messages} msg p50 ${m.p50} p95 ${m.p95}${m.errors ? ` err ${m.errors}` : ''}`).join(' | ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
