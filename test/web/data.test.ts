/** The console's shared ledger read: single-flight, fresh within maxAge, stale-while-revalidate, waits when too old. */
import { describe, expect, it } from 'vitest';
import { LedgerCache } from '../../src/web/data.js';
import { MemoryStore } from '../../src/store/memory.js';

class CountingStore extends MemoryStore {
  teamReads = 0;
  override async listTeams() {
    this.teamReads += 1;
    return super.listTeams();
  }
}

describe('LedgerCache', () => {
  it('shares one read, serves a stale snapshot while refreshing, and waits once past the hard limit', async () => {
    const store = new CountingStore();
    let now = 1_700_000_000_000;
    const cache = new LedgerCache(store, 'Asia/Shanghai', 5_000, () => now, 60_000);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(store.teamReads).toBe(1);
    now += 4_000;
    expect(await cache.get()).toBe(a);
    expect(store.teamReads).toBe(1);
    now += 2_000; // stale: served at once, refreshed behind
    expect(await cache.get()).toBe(a);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.teamReads).toBe(2);
    const fresh = await cache.get();
    expect(fresh).not.toBe(a);
    expect(fresh.loadedAt).toBe(now);
    now += 61_000; // too old to serve: the caller waits for the new read
    const waited = await cache.get();
    expect(waited.loadedAt).toBe(now);
    expect(store.teamReads).toBe(3);
  });
});
