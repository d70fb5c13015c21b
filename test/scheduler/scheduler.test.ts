/**
 * The scheduler against a real Redis (and the MemoryStore with an injected clock): each digest/reminder is sent
 * exactly once across replicas, a crash between claim and send is recovered without duplicates, catch-up sends today's
 * but never yesterday's, and only send days send anything. Time is injected: runDue(now), no sleeps (except the
 * real-time lease expiry in Redis, 300 ms).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/messaging/reply.js';
import { renderText } from '../../src/messaging/render-text.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/store.js';
import type { Store } from '../../src/store/types.js';
import {
  createWorkCalendar,
  DigestScheduler,
  EVERY_DAY,
  type SchedulerOptions,
  type SchedulerTarget,
  type WorkCalendar,
} from '../../src/scheduler/index.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { ADMIN, seedCommits, sh, T1, T2, T3, TEAMS, TZ } from '../digest/fixtures.js';

let redis: RedisHandle;
const opened: Store[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
  await redis?.stop();
});

let prefixSeq = 0;
async function redisStore(): Promise<Store> {
  const s = new RedisStore({ url: redis.url, prefix: `sched-${process.pid}-${++prefixSeq}` });
  await s.connect({ timeoutMs: 5000 });
  opened.push(s);
  return s;
}

/** A second connection to the same data (another replica). */
async function sameData(store: Store): Promise<Store> {
  const s = new RedisStore({ url: redis.url, prefix: (store as RedisStore).keys.prefix });
  await s.connect({ timeoutMs: 5000 });
  opened.push(s);
  return s;
}

/** Commit the seed up to an instant (teams first). */
async function seedUntil(store: Store, until: number, after = Number.NEGATIVE_INFINITY): Promise<void> {
  if (after === Number.NEGATIVE_INFINITY) for (const t of TEAMS) await store.upsertTeam(t);
  for (const c of seedCommits()) if (c.at > after && c.at <= until) await store.commitLedger(c);
}

interface Delivery {
  owner: string;
  target: string;
  title: string;
  text: string;
}

const WEEKDAYS = createWorkCalendar();

function replica(
  store: Store,
  deliveries: Delivery[],
  owner: string,
  over: Partial<SchedulerOptions> = {},
): DigestScheduler {
  return new DigestScheduler({
    store,
    owner,
    timeZone: TZ,
    digestTime: '08:30',
    reminderTime: '09:30',
    reminderIdleDays: 7,
    calendar: WEEKDAYS,
    adminGroups: ['slack:CADMIN'],
    send: async (target: SchedulerTarget, reply: Reply) => {
      deliveries.push({ owner, target: target.id, title: reply.title ?? '', text: renderText(reply) });
    },
    ...over,
  });
}

const at = (date: string, time: string) => new Date(sh(date, time));
// T3, bound to no enterprise and silent, is a policy-questions group: no team digest, no reminder.
const DIGEST_TARGETS = [T1.id, T2.id, `admin:${ADMIN.platform}:${ADMIN.conversationId}`, 'admin:slack:CADMIN'].sort();

describe('exactly once across replicas (real Redis)', () => {
  it('three replicas ticking together send each digest and reminder once', async () => {
    const store = await redisStore();
    await seedUntil(store, sh('2024-03-18', '08:31'));
    const deliveries: Delivery[] = [];
    const replicas = [
      replica(store, deliveries, 'a'),
      replica(await sameData(store), deliveries, 'b'),
      replica(await sameData(store), deliveries, 'c'),
    ];

    const early = await Promise.all(replicas.map((r) => r.runDue(at('2024-03-18', '08:29'))));
    expect(early.every((r) => r.sendDay && r.due.length === 0)).toBe(true);
    expect(deliveries).toHaveLength(0);

    const reports = await Promise.all(replicas.map((r) => r.runDue(at('2024-03-18', '08:30'))));
    expect(deliveries.map((d) => d.target).sort()).toEqual(DIGEST_TARGETS);
    expect(reports.flatMap((r) => r.sent).sort()).toEqual(DIGEST_TARGETS.map((t) => `digest:${t}:2024-03-18`).sort());
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    expect(reports.flatMap((r) => r.empty)).toEqual([`digest:${T3.id}:2024-03-18`]);

    const byTarget = new Map(deliveries.map((d) => [d.target, d]));
    expect(byTarget.get(T1.id)!.title).toBe('城东一组 工作简报');
    expect(byTarget.get(T1.id)!.text).toContain('统计时段：3月15日（周五）至3月17日（周日）');
    expect(byTarget.get('admin:slack:CADMIN')!.title).toBe('组团联企工作简报');
    expect(byTarget.get(`admin:dingtalk:cadmin`)!.text).toContain('城西二组');

    // Later ticks the same morning (every replica, every minute) send nothing more.
    for (const time of ['08:31', '08:45', '09:00'])
      await Promise.all(replicas.map((r) => r.runDue(at('2024-03-18', time))));
    expect(deliveries).toHaveLength(4);

    // 09:30 reminders, after T2's 09:10 report: T1 has Q-0002 overdue (resolved only at 10:00); T3, bound to no
    // enterprise and silent, owes no report (a policy-questions group is not nagged).
    await seedUntil(store, sh('2024-03-18', '09:30'), sh('2024-03-18', '08:31'));
    const rem = await Promise.all(replicas.map((r) => r.runDue(at('2024-03-18', '09:30'))));
    const reminders = deliveries.slice(4);
    expect(reminders.map((d) => d.target)).toEqual([T1.id]);
    expect(reminders[0]!.text).toContain('承办部门：人社局');
    expect(rem.flatMap((r) => r.empty).sort()).toEqual(
      [`reminder:${T2.id}:2024-03-18`, `reminder:${T3.id}:2024-03-18`].sort(),
    );

    // A replica that starts in the afternoon finds everything done.
    const late = replica(await sameData(store), deliveries, 'd');
    const r = await late.runDue(at('2024-03-18', '15:00'));
    expect(r.sent).toEqual([]);
    expect(deliveries).toHaveLength(5);
  });

  it('a crash between claim and send: the lease expires and another replica sends, once', async () => {
    const store = await redisStore();
    await seedUntil(store, sh('2024-03-18', '08:31'));
    const deliveries: Delivery[] = [];
    // Replica A claims every job and dies before any message leaves (its send never delivers).
    const crashing = replica(store, [], 'a', {
      leaseMs: 300,
      send: async () => {
        throw new Error('process killed');
      },
    });
    const a = await crashing.runDue(at('2024-03-18', '08:30'));
    expect(a.failed).toHaveLength(4);

    const b = replica(await sameData(store), deliveries, 'b', { leaseMs: 300 });
    const c = replica(await sameData(store), deliveries, 'c', { leaseMs: 300 });
    const first = await Promise.all([b.runDue(at('2024-03-18', '08:31')), c.runDue(at('2024-03-18', '08:31'))]);
    expect(deliveries).toHaveLength(0); // A's leases are live: nobody sends
    expect(first.flatMap((r) => r.skipped)).toHaveLength(10);

    await new Promise((r) => setTimeout(r, 400)); // A's leases expire (Redis PX, real time)
    await Promise.all([b.runDue(at('2024-03-18', '08:32')), c.runDue(at('2024-03-18', '08:32'))]);
    await Promise.all([b.runDue(at('2024-03-18', '08:33')), c.runDue(at('2024-03-18', '08:33'))]);
    expect(deliveries.map((d) => d.target).sort()).toEqual(DIGEST_TARGETS);
  });

  it('catch-up after downtime: today’s digests are sent late, yesterday’s never', async () => {
    const store = await redisStore();
    await seedUntil(store, sh('2024-03-18', '14:00'));
    const deliveries: Delivery[] = [];
    // Down over the whole of Monday 03-18; comes up Tuesday before 08:30: nothing (Monday's are not sent).
    const r = replica(store, deliveries, 'a');
    const early = await r.runDue(at('2024-03-19', '07:00'));
    expect(early.sent).toEqual([]);
    expect(deliveries).toHaveLength(0);
    // Still down at 08:30; up at 11:00: Tuesday's digests and reminders go out now.
    const late = await r.runDue(at('2024-03-19', '11:00'));
    expect(late.sent.length).toBeGreaterThanOrEqual(4);
    expect(late.sent.every((k) => k.endsWith(':2024-03-19'))).toBe(true);
    expect(late.sent.filter((k) => k.startsWith('digest:')).sort()).toEqual(
      DIGEST_TARGETS.map((t) => `digest:${t}:2024-03-19`).sort(),
    );
    // Tuesday's team digest covers Monday (the previous workday) only.
    expect(deliveries.find((d) => d.target === T1.id && d.title.endsWith('工作简报'))!.text).toContain(
      '统计时段：3月18日（周一）；数据截至3月18日 24:00',
    );
    expect(await store.isJobDone(`digest:${T1.id}:2024-03-18`)).toBe(false);
  });
});

describe('scheduler rules (MemoryStore, injected clock)', () => {
  async function memory(nowRef: { ms: number }): Promise<Store> {
    const s = new MemoryStore({ clock: () => nowRef.ms });
    await seedUntil(s, sh('2024-03-18', '08:00'));
    return s;
  }

  it('crash recovery follows the injected clock: no send until the lease expires, then exactly once', async () => {
    const now = { ms: sh('2024-03-18', '08:30') };
    const store = await memory(now);
    const deliveries: Delivery[] = [];
    const dead = replica(store, [], 'a', {
      leaseMs: 5 * 60_000,
      send: async () => Promise.reject(new Error('killed')),
    });
    await dead.runDue(new Date(now.ms));
    const b = replica(store, deliveries, 'b', { leaseMs: 5 * 60_000 });
    now.ms += 4 * 60_000;
    await b.runDue(new Date(now.ms));
    expect(deliveries).toHaveLength(0);
    now.ms += 2 * 60_000;
    await b.runDue(new Date(now.ms));
    now.ms += 60_000;
    await b.runDue(new Date(now.ms));
    expect(deliveries.map((d) => d.target).sort()).toEqual(DIGEST_TARGETS);
  });

  it('weekends and holidays send nothing; an adjusted working Sunday does, covering since the last workday', async () => {
    const now = { ms: 0 };
    const store = await memory(now);
    const deliveries: Delivery[] = [];
    const sat = await replica(store, deliveries, 'a').runDue(at('2024-03-16', '10:00'));
    expect(sat).toMatchObject({ sendDay: false, sent: [] });

    const cal: WorkCalendar = createWorkCalendar({ holidays: ['2024-03-18'], extraWorkdays: ['2024-03-17'] });
    const s = replica(store, deliveries, 'b', { calendar: cal });
    expect((await s.runDue(at('2024-03-18', '10:00'))).sendDay).toBe(false);
    const sun = await s.runDue(at('2024-03-17', '09:00'));
    expect(sun.sendDay).toBe(true);
    expect(sun.sent.filter((k) => k.startsWith('digest:'))).toHaveLength(4);
    expect(deliveries.find((d) => d.target === T1.id)!.text).toContain('统计时段：3月15日（周五）至3月16日（周六）');
    expect(deliveries).toHaveLength(4);

    // Tuesday after the Monday holiday covers Sunday (the extra workday) and Monday.
    const tue = await s.runDue(at('2024-03-19', '08:40'));
    expect(tue.sent.filter((k) => k.startsWith('digest:'))).toHaveLength(4);
    expect(deliveries.filter((d) => d.target === T1.id)[1]!.text).toContain(
      '统计时段：3月17日（周日）至3月18日（周一）',
    );

    // ZCT_WORKDAYS_ONLY=false: Saturday is a send day.
    const every = await replica(store, deliveries, 'c', { calendar: EVERY_DAY }).runDue(at('2024-03-23', '08:30'));
    expect(every.sendDay).toBe(true);
    expect(every.sent.filter((k) => k.startsWith('digest:'))).toHaveLength(4);
  });

  it('a failed send is retried on the next tick and delivered once; after maxAttempts the job is dropped', async () => {
    const now = { ms: sh('2024-03-18', '08:30') };
    const store = await memory(now);
    const deliveries: Delivery[] = [];
    let failures = 2;
    const flaky = replica(store, deliveries, 'a', {
      adminGroups: [],
      send: async (t, reply) => {
        if (t.id === T1.id && failures-- > 0) throw new Error('429 rate limited');
        deliveries.push({ owner: 'a', target: t.id, title: reply.title ?? '', text: '' });
      },
    });
    for (const m of ['08:30', '08:31', '08:32', '08:33']) await flaky.runDue(at('2024-03-18', m));
    expect(deliveries.filter((d) => d.target === T1.id)).toHaveLength(1);
    expect(deliveries).toHaveLength(3); // T1, T2, the admin team (T3 has no team digest)

    const lonely = new MemoryStore();
    await lonely.upsertTeam(T1);
    const broken = replica(lonely, [], 'b', {
      adminGroups: [],
      maxAttempts: 3,
      send: async () => Promise.reject(new Error('bot removed')),
    });
    const runs = [];
    for (const m of ['08:30', '08:31', '08:32', '08:33']) runs.push(await broken.runDue(at('2024-03-18', m)));
    expect(runs.map((r) => r.failed.length)).toEqual([1, 1, 1, 0]);
  });

  it('a team registered after digest time gets its first digest the next send day', async () => {
    const now = { ms: 0 };
    const store = await memory(now);
    await store.upsertTeam({
      ...T1,
      id: 'dingtalk:new',
      conversationId: 'new',
      name: '新组',
      createdAt: sh('2024-03-18', '09:00'),
    });
    const deliveries: Delivery[] = [];
    const r = replica(store, deliveries, 'a', { adminGroups: [] });
    await r.runDue(at('2024-03-18', '10:00'));
    expect(deliveries.some((d) => d.target === 'dingtalk:new')).toBe(false);
    await r.runDue(at('2024-03-19', '08:30'));
    expect(deliveries.some((d) => d.target === 'dingtalk:new')).toBe(true);
  });
});
