import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import { commit, newIssue, runStoreContract, T0 } from './contract.js';

runStoreContract('memory', async () => {
  let now = T0;
  const store = new MemoryStore({ clock: () => now });
  return {
    store,
    cleanup: () => store.close(),
    advance: async (ms: number) => {
      now += ms;
    },
  };
});

describe('MemoryStore specifics', () => {
  it('dedup records expire with the configured ttl (by the injected clock)', async () => {
    let now = T0;
    const store = new MemoryStore({ clock: () => now, dedupTtlSec: 60 });
    await store.commitLedger(commit('m', { issues: [newIssue()] }));
    expect((await store.commitLedger(commit('m', { issues: [newIssue()] }))).duplicate).toBe(true);
    now += 61_000;
    expect(await store.commitLedger(commit('m', { issues: [newIssue()] }))).toMatchObject({
      duplicate: false,
      issueIds: ['Q-0002'],
    });
  });

  it('returns copies: mutating a result does not change the store', async () => {
    const store = new MemoryStore();
    await store.commitLedger(commit('m', { issues: [newIssue()] }));
    const i = (await store.getIssue('Q-0001'))!;
    i.status = 'closed';
    expect((await store.getIssue('Q-0001'))?.status).toBe('open');
  });

  it('ping is false after close', async () => {
    const store = new MemoryStore();
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});
