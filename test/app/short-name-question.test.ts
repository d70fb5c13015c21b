/**
 * A status question naming one of the team's bound enterprises by a short form is a question about the ledger (the
 * issue card), also when the library knows another enterprise with the same short form (金鼎 → the team's 金鼎纺织,
 * not the corpus's 金鼎金属材料有限公司) — before any policy search.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from '../ledger/helpers.js';

const JINDING: Team = { ...TEAM, enterprises: ['金鼎纺织', '华康药业'] };

describe('a short form of a bound enterprise in a status question', () => {
  const t = botPerTest(memoryStore, { teams: [JINDING] });

  it('shows the issue card, as the full name does', async () => {
    const r0 = await t.send('今天走访金鼎纺织，企业反映出口退税迟迟没到账，已交办税务局');
    expect(r0.text).toContain('Q-0001');
    for (const q of ['金鼎的退税到哪了', '金鼎纺织的退税到哪了', '金鼎那个退税怎么样了']) {
      const r = await t.send(q);
      expect(r.route, q).toBe('issues');
      expect(r.text, q).toContain('Q-0001');
      expect(r.text, q).not.toContain('金鼎金属');
    }
    expect(await t.kit.store.listIssues({})).toHaveLength(1);
  });
});
