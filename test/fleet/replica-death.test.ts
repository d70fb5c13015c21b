/**
 * A replica dies mid-message: it claimed the message (a lease in Redis) and never completes it. The platform
 * redelivers the message to another replica, which must leave it alone while the lease is live and handle it —
 * exactly once — after the lease expires. A replica that was only stalled (not dead) and wakes up later must not
 * record the message a second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../handlers/types.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { message } from '../helpers/services.js';
import {
  freshPrefix,
  issuesByMessage,
  registerTeam,
  sleep,
  startReplica,
  text,
  type Replica,
} from '../helpers/fleet.js';

const LEASE_MS = 400;
const TEAM = 'console:death-g1';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

/** A handler wrapper that counts calls. */
function counting(counter: { n: number }) {
  return (real: Handler): Handler =>
    async (msg, s) => {
      counter.n++;
      return real(msg, s);
    };
}

function update(n: number) {
  return message(`今天走访了华康药业，企业反映缺${n}名焊工`, {
    conversationId: 'death-g1',
    teamId: TEAM,
    userId: 'u-death',
    userName: '李四',
  });
}

describe('a replica dies after claiming a message', () => {
  let prefix: string;
  let b: Replica;
  let c: Replica;
  const calls = { n: 0 };

  beforeAll(async () => {
    prefix = freshPrefix('death');
    b = await startReplica(redis.url, { name: 'B', prefix, claimLeaseMs: LEASE_MS, wrap: { report: counting(calls) } });
    c = await startReplica(redis.url, { name: 'C', prefix, claimLeaseMs: LEASE_MS, wrap: { report: counting(calls) } });
    await registerTeam(b.store, TEAM, ['华康药业']);
  });
  afterAll(async () => {
    await b.close();
    await c.close();
  });

  it('the redelivery is ignored while the lease lives, handled once after it expires, then answered from memory', async () => {
    // Replica A claims the message and dies (its connection goes away, nothing is completed or released).
    const a = await startReplica(redis.url, { name: 'A', prefix, claimLeaseMs: LEASE_MS });
    const msg = update(7);
    expect(await a.store.claimMessage(msg.dedupKey, LEASE_MS)).toEqual({ state: 'new' });
    await a.close();

    const early = await b.bot.handle(msg);
    expect(early).toMatchObject({ duplicate: true, reply: null });
    expect(calls.n).toBe(0);

    await sleep(LEASE_MS + 100);
    // Redelivered to two replicas at once after the lease expired: exactly one of them handles it.
    const [rb, rc] = await Promise.all([b.bot.handle(msg), c.bot.handle(msg)]);
    const handled = [rb, rc].filter((r) => !r.duplicate);
    expect(handled).toHaveLength(1);
    expect(handled[0]!.reply!.intent).toBe('report');
    expect(text(handled[0]!.reply)).toMatch(/Q-\d{4}.*缺7名焊工/s);
    expect(calls.n).toBe(1);

    // Later redeliveries get the remembered reply and record nothing.
    const again = await c.bot.handle(msg);
    expect(again.duplicate).toBe(true);
    expect(text(again.reply)).toBe(text(handled[0]!.reply));
    expect(calls.n).toBe(1);

    const byMsg = await issuesByMessage(b.store, [TEAM]);
    expect(byMsg.get(msg.dedupKey)).toHaveLength(1);
    expect(await b.store.listVisits({ teamId: TEAM })).toHaveLength(1);
  });

  it('a replica that hangs mid-handler and wakes up after another replica took over records nothing twice', async () => {
    let wake!: () => void;
    const gate = new Promise<void>((r) => (wake = r));
    let entered = false;
    const a = await startReplica(redis.url, {
      name: 'A',
      prefix,
      claimLeaseMs: LEASE_MS,
      wrap: {
        report: (real) => async (msg, s) => {
          entered = true;
          await gate; // stalled (GC pause, frozen VM …) with the claim held
          return real(msg, s);
        },
      },
    });
    const msg = update(8);
    const stalled = a.bot.handle(msg);
    while (!entered) await sleep(5);

    expect(await b.bot.handle(msg)).toMatchObject({ duplicate: true, reply: null });
    await sleep(LEASE_MS + 100);
    const before = calls.n;
    const taken = await b.bot.handle(msg);
    expect(taken.duplicate).toBe(false);
    expect(text(taken.reply)).toMatch(/Q-\d{4}.*缺8名焊工/s);
    expect(calls.n).toBe(before + 1);

    // A wakes up and finishes its (real) handler: the commit is recognised as the same message.
    wake();
    const late = await stalled;
    expect(late.reply?.intent).toBe('report');
    expect(text(late.reply)).toMatch(/缺8名焊工/);
    const byMsg = await issuesByMessage(b.store, [TEAM]);
    expect(byMsg.get(msg.dedupKey)).toHaveLength(1);
    expect((await b.store.listIssues({ teamId: TEAM })).filter((i) => i.summary.includes('缺8名焊工'))).toHaveLength(1);
    expect((await b.store.listVisits({ teamId: TEAM })).filter((v) => v.messageId === msg.dedupKey)).toHaveLength(1);
    await a.close();
  });
});
