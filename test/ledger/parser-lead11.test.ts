/**
 * The parser (eleventh round, the lead's fixes from the console tester): a promised site visit of whoever acts is work
 * under way; a dated limit on an administrative completion set with a hand-off (12月1日前办结) leaves it handed off;
 * a deadline after the problem (期限12月1日) is no event date and no part of the description.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { structureDoubts } from '../../src/ledger/extract/doubts.js';

const TODAY = '2026-12-07';
const parse = (text: string) => extractUpdate(text, { today: TODAY });

describe('parser (round 11, lead)', () => {
  it('a promised site visit of whoever acts is work under way; a wish or a call on us is not', () => {
    expect(parse('维和药业那个缺电的事 供电公司说这周末来看').issues[0]).toMatchObject({
      department: '供电公司',
      status: 'in_progress',
    });
    expect(parse('Q-0003 住建局答应下周派人上门核实').issues[0]).toMatchObject({ status: 'in_progress' });
    expect(parse('企业说希望供电公司来看看').issues[0]?.status).toBe('open');
    expect(parse('老板说下周来看看我们').kind).toBe('not_update');
  });

  it('a dated limit on the completion set with a hand-off leaves the issue handed off, the limit out of the summary', () => {
    const e = parse('恒力机械反映缺少冷库用地 已交办资规局 11月30日前办结');
    expect(e.issues[0]).toMatchObject({
      category: '用地',
      summary: '缺少冷库用地',
      department: '资规局',
      status: 'assigned',
    });
    // (a department's own promise of a date is work under way)
    expect(parse('住建局说12月1日前办结').issues[0]?.status).toBe('in_progress');
  });

  it('a deadline after the problem is neither an event date nor words of the problem', () => {
    const text = '11月10日走访恒力机械 企业反映环评审批一直没批 已交办生态环境局 期限12月1日';
    const e = parse(text);
    expect(e.date).toBe('2026-11-10');
    expect(e.issues[0]?.summary).toBe('环评审批一直没批');
    expect(structureDoubts(e, text)).not.toContain('date_conflict');
    expect(parse('华康反映贷款难，交办金融办，期限：12月底').issues[0]?.summary).toBe('贷款难');
    // (限 ends a word of the problem unless a date follows it)
    expect(parse('华康反映运输车辆进入园区受限').issues[0]?.summary).toContain('受限');
  });
});
