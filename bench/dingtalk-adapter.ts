/**
 * "DingTalk adapter overhead": frame in → reply posted, through the REAL dingtalk-stream client and a local
 * fake DingTalk (WebSocket + HTTP on 127.0.0.1, same process), LLM off.
 *   npx tsx bench/dingtalk-adapter.ts [--messages 5000] [--runs 3] [--warmup 1000] [--kinds trivial,bot] [--json]
 *
 * Two sinks:
 *   - trivial: a sink that answers at once (adapter + SDK + webhook POST only)
 *   - bot:     the real Bot (claim → rate limit → route → handler → remember) on a MemoryStore, echo handler
 * Latency = from the fake sending the CALLBACK frame to the fake receiving the sessionWebhook POST, one message
 * in flight at a time; 500 senders in 40 group chats. Reported: p50/p95/p99 per run, medians over runs.
 * Goal: p95 < 20 ms.
 */
import { performance } from 'node:perf_hooks';
import { reply } from '../src/messaging/reply.js';
import type { MessageSink } from '../src/platforms/types.js';
import { MemoryStore } from '../src/store/memory.js';
import { startDingTalkHarness } from '../test/helpers/fake-dingtalk.js';
import { createEchoBot } from '../test/platforms/dingtalk/echo-bot.js';
import { flag, numArg, strArg } from './args.js';

const arg = numArg;
const MESSAGES = arg('messages', 5000);
const RUNS = arg('runs', 3);
const WARMUP = arg('warmup', 1000);
const JSON_OUT = flag('json');
const KINDS = (strArg('kinds')?.split(',') ?? ['trivial', 'bot']).filter(
  (k): k is 'trivial' | 'bot' => k === 'trivial' || k === 'bot',
);

const TEXTS = [
  '报：今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局',
  '问：研发费用加计扣除比例是多少？',
  'Q-0012 金融办已对接，贷款下周放款',
  '问题清单',
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  perSec: number;
  /** Process CPU (user+system) per message, µs — adapter, SDK, fetch AND the fake's side; less load-sensitive. */
  cpuUs: number;
}

async function runOnce(kind: 'trivial' | 'bot'): Promise<RunResult> {
  const h = await startDingTalkHarness({
    makeSink: (config): MessageSink => {
      if (kind === 'trivial') return async (m) => ({ reply: reply.text('ask', `收到：${m.text}`), duplicate: false });
      const echo = createEchoBot(new MemoryStore(), config);
      return (m) => echo.bot.handle(m);
    },
  });
  const { fake } = h;
  const latencies: number[] = [];
  const started = performance.now();
  let cpu0 = process.cpuUsage();
  try {
    for (let i = 0; i < WARMUP + MESSAGES; i++) {
      const session = `b${i}`;
      const msg = fake.robotMessage({
        text: TEXTS[i % TEXTS.length],
        session,
        senderStaffId: `u${i % 500}`,
        conversationId: `cid-bench-${i % 40}==`,
      });
      const before = fake.webhookPosts.length;
      const t0 = performance.now();
      fake.push(msg);
      await fake.waitFor(() => fake.webhookPosts.length > before, 'reply');
      const post = fake.webhookPosts[before]!;
      if (post.session !== session) throw new Error(`reply for ${post.session}, expected ${session}`);
      if (i === WARMUP - 1) cpu0 = process.cpuUsage();
      if (i >= WARMUP) latencies.push(post.at - t0);
      // keep memory flat over long runs
      if (fake.webhookPosts.length > 1000) {
        fake.webhookPosts.length = 0;
        fake.acks.length = 0;
      }
    }
  } finally {
    await h.stop();
  }
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const cpuUs = (cpu.user + cpu.system) / MESSAGES;
  latencies.sort((a, b) => a - b);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    perSec: ((WARMUP + MESSAGES) / total) * 1000,
    cpuUs,
  };
}

async function main() {
  const out: Record<string, { runs: RunResult[]; median: RunResult }> = {};
  for (const kind of KINDS) {
    const runs: RunResult[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await runOnce(kind));
    out[kind] = {
      runs,
      median: {
        p50: median(runs.map((x) => x.p50)),
        p95: median(runs.map((x) => x.p95)),
        p99: median(runs.map((x) => x.p99)),
        perSec: median(runs.map((x) => x.perSec)),
        cpuUs: median(runs.map((x) => x.cpuUs)),
      },
    };
  }
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({ messages: MESSAGES, runs: RUNS, results: out }, null, 2)}\n`);
    return;
  }
  const f = (x: number) => x.toFixed(2);
  process.stdout.write(
    `DingTalk adapter: frame in → reply posted, ${MESSAGES} messages × ${RUNS} runs (after ${WARMUP} warm-up)\n`,
  );
  for (const [kind, r] of Object.entries(out)) {
    for (const [i, run] of r.runs.entries()) {
      process.stdout.write(
        `  ${kind.padEnd(7)} run ${i + 1}: p50 ${f(run.p50)} ms  p95 ${f(run.p95)} ms  p99 ${f(run.p99)} ms  ${Math.round(run.perSec)} msg/s  cpu ${Math.round(run.cpuUs)} µs/msg\n`,
      );
    }
    const m = r.median;
    process.stdout.write(
      `  ${kind.padEnd(7)} median: p50 ${f(m.p50)} ms  p95 ${f(m.p95)} ms  p99 ${f(m.p99)} ms  ${Math.round(m.perSec)} msg/s  cpu ${Math.round(m.cpuUs)} µs/msg  (goal p95 < 20 ms: ${m.p95 < 20 ? 'met' : 'NOT met'})\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
