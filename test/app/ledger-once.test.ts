/** The ledger service is built once per process (issue 9): one instance, its caches as fields, no module globals. */
import { describe, expect, it, vi } from 'vitest';
import { ledgerOf } from '../../src/app/services.js';
import { MemoryStore } from '../../src/store/memory.js';
import { makeServices } from '../helpers/services.js';

describe('one LedgerService per services', () => {
  it('ledgerOf returns the same instance; its enterprise cache reads the teams once and a bind refreshes it', async () => {
    const store = new MemoryStore();
    const services = makeServices({ store, retriever: null as never });
    const ledger = ledgerOf(services);
    expect(ledgerOf(services)).toBe(ledger);

    const listTeams = vi.spyOn(store, 'listTeams');
    await ledger.knownEnterprises();
    await ledgerOf(services).knownEnterprises();
    expect(listTeams).toHaveBeenCalledTimes(1);

    await ledger.bindEnterprises({ teamId: 'console:g', platform: 'console', conversationId: 'g', title: null }, [
      '新安化工',
    ]);
    expect(await ledgerOf(services).knownEnterprises()).toContain('新安化工');
    expect(listTeams).toHaveBeenCalledTimes(2);

    // Another process (another services container) has its own instance and cache, and so has a copy with overrides.
    const other = makeServices({ store, retriever: null as never });
    expect(ledgerOf(other)).not.toBe(ledger);
    const copy = { ...services, store: new MemoryStore() };
    expect(ledgerOf(copy)).not.toBe(ledger);
    expect(ledgerOf(copy).deps.store).toBe(copy.store);
  });

  it('reads the retriever live: one swapped in after a library change is the one the service uses', () => {
    const services = makeServices({ store: new MemoryStore(), retriever: null as never });
    const ledger = ledgerOf(services);
    const swapped = { marker: 'new index' } as never;
    services.retriever = swapped;
    expect(ledger.deps.retriever).toBe(swapped);
  });
});
