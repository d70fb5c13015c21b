/**
 * extractUpdate is a pure function of the text and its context: the same answer every time, context respected,
 * results never shared between callers (the router parses once and hands the parse to the handler).
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';

describe('extractUpdate: repeated parses', () => {
  it('a repeated parse equals the first and is a separate object', () => {
    const text = '今天走访了华康药业，企业反映缺3名操作工，融资难';
    const ctx = { today: '2026-05-01', teamEnterprises: ['华康药业'] };
    const first = extractUpdate(text, ctx);
    const snapshot = structuredClone(first);
    first.issues[0]!.summary = 'changed by a caller';
    first.issues.push({ category: '其他', summary: 'x', department: null, status: 'open' });
    first.enterprise = 'someone else';
    const second = extractUpdate(text, ctx);
    expect(second).toEqual(snapshot);
    expect(second.issues.length).toBeGreaterThan(0);
    expect(second.enterprise).toBe('华康药业');
    second.issues.length = 0;
    expect(extractUpdate(text, ctx)).toEqual(snapshot);
  });

  it('the enterprise context still decides, whichever parse ran first', () => {
    const text = '今天去了华康，反映缺3名操作工';
    const bare = { today: '2026-05-02' };
    const withTeam = { today: '2026-05-02', teamEnterprises: ['华康药业'] };
    expect(extractUpdate(text, bare).enterprise).toBe('华康');
    expect(extractUpdate(text, withTeam).enterprise).toBe('华康药业');
    expect(extractUpdate(text, bare).enterprise).toBe('华康');
    expect(extractUpdate(text, withTeam).enterprise).toBe('华康药业');
  });

  it('the day still decides relative dates', () => {
    const text = '昨天走访了七一电器，企业反映缺2名焊工';
    expect(extractUpdate(text, { today: '2026-05-10' }).date).toBe('2026-05-09');
    expect(extractUpdate(text, { today: '2026-06-10' }).date).toBe('2026-06-09');
  });
});
