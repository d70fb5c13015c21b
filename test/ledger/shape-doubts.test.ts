import { describe, expect, it } from 'vitest';
import { confidenceOf, extractUpdate } from '../../src/ledger/extract/index.js';

const today = '2026-05-14';

describe('doubts read from the shape of a parse', () => {
  it('a message carrying two kinds of act carries that doubt', () => {
    const p = extractUpdate('今天走访南湖食品，上次的贷款已经放款了；另外企业新提出缺二十名包装工', { today });
    expect(p.kind).toBe('mixed');
    expect(p.reasons).toContain('mixed_acts');
    expect(p.confidence).toBe(confidenceOf(p.reasons!));
    expect(p.confidence).toBeLessThan(1);
  });

  it('dictation joined back from spaced words carries its doubt; the same words typed do not', () => {
    const spoken = extractUpdate('今天 去 了 南湖 食品 他们 说 缺 二十 个 包装工', { today });
    const typed = extractUpdate('今天去了南湖食品，他们说缺二十个包装工', { today });
    const fields = (p: typeof typed) => p.issues.map(({ summary: _s, ...rest }) => rest);
    expect(spoken.enterprise).toBe(typed.enterprise);
    expect(fields(spoken)).toEqual(fields(typed));
    expect(spoken.reasons).toContain('dictated');
    // (measured: joined dictation is right as often as typed text, so the doubt weighs nothing — conf10)
    expect(spoken.confidence).toBeLessThanOrEqual(typed.confidence!);
    expect(typed.confidence).toBe(1);
  });

  it('one visit with one problem has no doubt of shape', () => {
    const p = extractUpdate('今天走访了南湖食品，企业反映缺二十名包装工', { today });
    expect(p.reasons).toEqual([]);
    expect(p.confidence).toBe(1);
  });
});
