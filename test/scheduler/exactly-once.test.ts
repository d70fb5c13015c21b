/**
 * The generic exactly-once runner, on both stores: jobs claimed by one replica are not run by another, a crashed
 * replica's lease is taken over once it expires, send failures are retried and then given up, build failures retried.
 */
import { describe, expect, it } from 'vitest';
import { ExactlyOnceRunner, type Job, type JobsReport } from '../../src/scheduler/exactly-once.js';
import { bothStores } from '../helpers/stores.js';

const emptyReport = (): JobsReport => ({ sent: [], empty: [], skipped: [], failed: [] });

function jobs(
  keys: string[],
  sent: string[],
  opts: { fail?: Set<string>; nothing?: Set<string>; buildFails?: Set<string> } = {},
): Job<string>[] {
  return keys.map((key) => ({
    key,
    build: async () => {
      if (opts.buildFails?.has(key)) throw new Error('store down');
      return opts.nothing?.has(key) ? null : `payload ${key}`;
    },
    send: async (p) => {
      if (opts.fail?.has(key)) throw new Error('platform said no');
      sent.push(p);
    },
  }));
}

describe.each(bothStores('exactly-once'))('ExactlyOnceRunner (%s store)', (_name, makeStore) => {
  it('two replicas over the same jobs send each exactly once', async () => {
    const store = await makeStore();
    const sent: string[] = [];
    const keys = Array.from({ length: 20 }, (_, i) => `job:${i}`);
    const a = new ExactlyOnceRunner({ store, owner: 'a', concurrency: 3 });
    const b = new ExactlyOnceRunner({ store, owner: 'b', concurrency: 3 });
    const [ra, rb] = [emptyReport(), emptyReport()];
    await Promise.all([a.run(jobs(keys, sent), ra), b.run(jobs(keys, sent), rb)]);
    expect([...sent].sort()).toEqual(keys.map((k) => `payload ${k}`).sort());
    expect(ra.sent.length + rb.sent.length).toBe(20);
    // A later run by either replica finds everything done.
    const again = emptyReport();
    expect(await b.run(jobs(keys, sent), again)).toBe(false);
    expect(sent).toHaveLength(20);
  });

  it('a job with nothing to send is marked done; a build failure is retried without counting', async () => {
    const store = await makeStore();
    const sent: string[] = [];
    const runner = new ExactlyOnceRunner({ store, owner: 'a', leaseMs: 1, maxAttempts: 1 });
    const report = emptyReport();
    const pending = await runner.run(
      jobs(['x', 'y'], sent, { nothing: new Set(['x']), buildFails: new Set(['y']) }),
      report,
    );
    expect(pending).toBe(true);
    expect(report.empty).toEqual(expect.arrayContaining(['x']));
    expect(report.failed.map((f) => f.key)).toEqual(['y']);
    expect(await store.isJobDone('y')).toBe(false);
    await expect.poll(async () => runner.run(jobs(['x', 'y'], sent), emptyReport()), { timeout: 5_000 }).toBe(false);
    expect(sent).toEqual(['payload y']);
  });

  it('retries a failed send until maxAttempts, then gives up (marked done)', async () => {
    const store = await makeStore();
    const sent: string[] = [];
    const runner = new ExactlyOnceRunner({ store, owner: 'a', maxAttempts: 2 });
    const fail = new Set(['k']);
    const first = emptyReport();
    expect(await runner.run(jobs(['k'], sent, { fail }), first)).toBe(true);
    expect(await store.isJobDone('k')).toBe(false);
    const second = emptyReport();
    expect(await runner.run(jobs(['k'], sent, { fail }), second)).toBe(false);
    expect(second.failed).toHaveLength(1);
    expect(await store.isJobDone('k')).toBe(true);
    expect(sent).toEqual([]);
  });

  it('takes over the lease of a replica that claimed a job and died, once the lease expires', async () => {
    const store = await makeStore();
    expect(await store.claimJob('orphan', 150, 'dead-replica')).toBe(true);
    const sent: string[] = [];
    const runner = new ExactlyOnceRunner({ store, owner: 'alive' });
    const early = emptyReport();
    expect(await runner.run(jobs(['orphan'], sent), early)).toBe(true);
    expect(early.skipped).toEqual(['orphan']);
    await expect
      .poll(async () => runner.run(jobs(['orphan'], sent), emptyReport()), { timeout: 5_000, interval: 50 })
      .toBe(false);
    expect(sent).toEqual(['payload orphan']);
  });
});
