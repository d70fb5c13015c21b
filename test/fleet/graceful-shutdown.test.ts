/**
 * Graceful shutdown of a real replica: `zct serve` as a child process (Slack over HTTP against a local fake Slack,
 * a spawned redis-server, an OpenAI-compatible fake whose answers are slow). Two questions are in flight (a slash
 * command and an @-mention) when the process gets SIGTERM: both are answered, and the process exits 0 within the
 * drain deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { startFakeSlack, postToSlackApp, FAKE_SLACK_IDENTITY, type FakeSlack } from '../helpers/fake-slack.js';
import { freePort, startRedis, type RedisHandle } from '../helpers/redis.js';
import { freshPrefix, until } from '../helpers/fleet.js';

const SECRET = 'shutdown-signing-secret-0123456789';
const LLM_DELAY_MS = 2500;
/** src/app/run.ts drains for up to 10 s; allow start-up noise on a busy machine on top. */
const EXIT_DEADLINE_MS = 12_000;

let redis: RedisHandle;
let slack: FakeSlack;
let ai: FakeOpenAI;
let proc: ChildProcess | null = null;
let logs = '';

beforeAll(async () => {
  [redis, slack, ai] = await Promise.all([startRedis(), startFakeSlack(), startFakeOpenAI()]);
  ai.onRequest((req) =>
    req.path.endsWith('/chat/completions')
      ? { content: '专班组建要坚持“因事而设”。[1]', delayMs: LLM_DELAY_MS }
      : undefined,
  );
});
afterAll(async () => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  await Promise.all([redis?.stop(), slack?.close(), ai?.close()]);
});

async function startServe(port: number): Promise<ChildProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-shutdown',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    HEALTH_PORT: '0',
    ZCT_SCHEDULER: 'false',
    REDIS_URL: redis.url,
    ZCT_REDIS_PREFIX: freshPrefix('shutdown'),
    ZCT_CACHE_DIR: '.cache/test',
    ...ai.env,
    LLM_TIMEOUT_MS: '10000',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (logs += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (logs += d));
  await until(() => logs.includes('zct serving') || child.exitCode !== null, 45_000, 'zct serve to start');
  if (child.exitCode !== null) throw new Error(`zct serve exited with ${child.exitCode}:\n${logs.slice(-3000)}`);
  return child;
}

describe('zct serve drains in-flight messages on SIGTERM', () => {
  it('answers the questions in flight, then exits 0 within the deadline', async () => {
    const port = await freePort();
    proc = await startServe(port);
    const url = `http://127.0.0.1:${port}/slack/events`;
    const child = proc;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );

    // A slash command /ask …
    const trigger = `trig.shutdown.${Date.now()}`;
    const slash = await postToSlackApp(url, SECRET, {
      form: {
        command: '/ask',
        text: '专班设立有哪些原则',
        channel_id: 'CSHUT0001',
        channel_name: 'lianqi-shutdown',
        user_id: 'USHUT1',
        user_name: 'zhang',
        response_url: slack.responseUrl(trigger),
        trigger_id: trigger,
        api_app_id: FAKE_SLACK_IDENTITY.appId,
        team_id: FAKE_SLACK_IDENTITY.teamId,
      },
    });
    expect(slash.status).toBe(200);

    // … and an @-mention in a channel.
    const ts = `${Math.floor(Date.now() / 1000)}.000777`;
    const mention = await postToSlackApp(url, SECRET, {
      json: {
        token: 'x',
        team_id: FAKE_SLACK_IDENTITY.teamId,
        api_app_id: FAKE_SLACK_IDENTITY.appId,
        type: 'event_callback',
        event_id: `EvShutdown${Date.now()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'app_mention',
          user: 'USHUT2',
          text: `<@${FAKE_SLACK_IDENTITY.botUserId}> 问：专班设立有哪些原则`,
          ts,
          channel: 'CSHUT0002',
          event_ts: ts,
        },
      },
    });
    expect(mention.status).toBe(200);

    // Both are waiting on the (slow) model when the signal comes.
    await until(() => ai.chatRequests().length >= 2, 15_000, 'both questions to reach the model');
    const termAt = Date.now();
    child.kill('SIGTERM');

    const exit = await Promise.race([
      exited,
      new Promise<null>((r) => setTimeout(() => r(null), EXIT_DEADLINE_MS + 3000)),
    ]);
    expect(exit, `did not exit within ${EXIT_DEADLINE_MS + 3000} ms:\n${logs.slice(-2000)}`).not.toBeNull();
    expect(exit!.code, logs.slice(-2000)).toBe(0);
    expect(exit!.at - termAt).toBeLessThanOrEqual(EXIT_DEADLINE_MS);

    // The in-flight slash command got its answer through response_url, before the process went away …
    const answers = slack.responsesTo(trigger).filter((r) => r.at <= exit!.at);
    const answered = answers.map((r) => JSON.stringify(r.body)).join('\n');
    expect(answered, logs.slice(-2000)).toContain('专班');
    expect(answered).not.toMatch(/出错了|请稍后/);
    // (They really were in flight: the slow model answered after the signal.)
    expect(Math.min(...answers.map((r) => r.at))).toBeGreaterThanOrEqual(termAt);
    // … and the mention its reply in the thread.
    const posts = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'CSHUT0002' && c.args.thread_ts === ts && c.at <= exit!.at);
    expect(posts.length, logs.slice(-2000)).toBeGreaterThan(0);
    expect(JSON.stringify(posts[0]!.args)).toContain('专班');
    expect(logs).toContain('stopped');
  }, 90_000);
});
