import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { selfRepairs } from '../../src/ledger/extract/repair.js';

const today = '2026-05-14'; // a Thursday

describe('a mention the speaker takes back', () => {
  it('two dates with a repair marker between them: the second one holds', () => {
    const p = extractUpdate('周二 呃 不对 周一 去了东方泵业 他们说缺十几个装配工', { today });
    expect(p.kind).toBe('visit');
    expect(p.date).toBe('2026-05-11');
    expect(p.enterprise).toBe('东方泵业');
  });

  it('不是A，是B: the issue id after the correction holds', () => {
    const p = extractUpdate('刚才发错了，不是Q-0041，是Q-0042，环评批复已经拿到了', { today });
    expect(p.ref).toBe('Q-0042');
    expect(p.issues.map((i) => i.status)).toEqual(['resolved']);
  });

  it('an enterprise taken back with what the speaker repeats after it', () => {
    const p = extractUpdate('东方泵业的那个土地证 呃 不对 是南湖食品的土地证 已经办下来了', {
      today,
      teamEnterprises: ['东方泵业', '南湖食品'],
    });
    expect(p.enterprise).toBe('南湖食品');
  });

  it('a word that only contains a marker is no repair (搞错了, 对不对)', () => {
    const spans = [
      { start: 0, end: 3 },
      { start: 6, end: 9 },
    ];
    expect(selfRepairs('金融办搞错了住建局', spans).dropped).toEqual([]);
    expect(selfRepairs('金融办 不对 住建局', [spans[0]!, { start: 7, end: 10 }]).dropped).toEqual([spans[0]]);
  });
});
