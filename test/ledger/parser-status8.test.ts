/**
 * Status, eighth round: the short forms of a tracking table's progress cell (已退税, 已换证, 已报), submitting for
 * approval (已报批) as work under way, the enterprise's satisfaction as settled, 会同…研究 as work, 函告 as a hand-off,
 * and a bare 办了 over several ids. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findStatuses } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-10-14';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const statuses = (e: Extraction) => e.issues.map((i) => i.status);
const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('short progress words', () => {
  it('已 + a grant verb + the thing granted, as one word, is solved', () => {
    expect(found('已领证')).toEqual(['resolved']);
    expect(found('已续贷')).toEqual(['resolved']);
    expect(statuses(parse('Q-0301 出口退税 已退税'))).toEqual(['resolved']);
  });
  it('but not when the word goes on (已转财政局 is a hand-off)', () => {
    expect(found('已转财政局')).not.toContain('resolved');
  });
  it('a bare 已报 / 已交 closing its cell is a hand-off', () => {
    expect(found('已报')).toEqual(['assigned']);
    expect(found('已交')).toEqual(['assigned']);
  });
});

describe('submitted for approval is under way', () => {
  it('报批了 / 已送审 is in progress, not solved', () => {
    expect(found('资规局说已经报批了')).toEqual(['in_progress']);
    expect(statuses(parse('Q-0302 用地手续已送审'))).toEqual(['in_progress']);
  });
  it('a negated submission is no progress', () => {
    expect(found('还没报批')).not.toContain('in_progress');
  });
});

describe('settled, worked jointly, handed by letter', () => {
  it('the enterprise is satisfied: solved', () => {
    expect(statuses(parse('Q-0303 已协调，企业表示满意'))).toEqual(['resolved']);
    expect(found('企业不满意')).toEqual([]);
    expect(found('企业满意度调查')).toEqual([]);
  });
  it('会同 another office + a verb of work is under way', () => {
    expect(found('会同财政局研究处理')).toEqual(['in_progress']);
  });
  it('函告 a department hands the matter to it', () => {
    const e = parse('Q-0304 已函告县住建局');
    expect(e.issues.map((i) => [i.department, i.status])).toEqual([['住建局', 'assigned']]);
  });
  it('都办了 over several ids solves each', () => {
    expect(statuses(parse('Q-0305 Q-0306 都办了'))).toEqual(['resolved', 'resolved']);
  });
});

describe('a tracking-table row is read by its progress column', () => {
  it('a row whose last cell reports work or a hand-off updates the issue on file', () => {
    const e = parse('恒力机械\t企业反映流动资金紧张\t金融办\t对接中');
    expect(e.kind).toBe('progress');
    expect(statuses(e)).toEqual(['in_progress']);
    const moved = parse('恒力机械 | 技改补助未拨付 | 经信局 | 已转财政局');
    expect(moved.kind).toBe('progress');
    expect(moved.issues.map((i) => [i.department, i.status])).toEqual([['财政局', 'assigned']]);
  });
  it('a row marked new, or handed off under a header with a problem column, raises a new issue', () => {
    expect(parse('新增 | 恒力机械 | 扩产用地 | 资规局 | 已交办').kind).toBe('issue');
    expect(parse('企业\t问题\t责任单位\t进展\n恒力机械\t扩产用地\t资规局\t已交办').kind).toBe('issue');
  });
  it('a progress cell saying nobody has it yet leaves the department column unhanded', () => {
    const e = parse('新增 | 恒力机械 | 扩产用地 | 资规局 | 待研究');
    expect(e.issues.map((i) => [i.department, i.status])).toEqual([[null, 'open']]);
  });
});

describe('a clause pointing back at a matter by a nominal 那个…的', () => {
  it('"X那个缺工的，…" with a department at work updates that matter', () => {
    const e = parse('恒力机械那个缺工的，人社局说下周办招聘会');
    expect(e.kind).toBe('progress');
    expect(e.issues.map((i) => [i.category, i.department, i.status])).toEqual([['用工', '人社局', 'in_progress']]);
  });
});

describe('on a visit, a matter named by 那个…的事 with no step is raised there', () => {
  it('the visit with its problems stays a visit, not mixed', () => {
    const e = parse('今天走访了恒力机械，他们说缺操作工十来个，还有一个是那个厂房消防验收的事');
    expect(e.kind).toBe('visit');
    expect(statuses(e)).toEqual(['open', 'open']);
  });
  it('a step said of an earlier matter on a visit still updates it', () => {
    expect(parse('今天走访了恒力机械，上次那个贷款的事已经放款了').kind).not.toBe('visit');
  });
  it('走访了三家 with fewer enterprises read is not recorded without asking', () => {
    const e = parse('上周走访了三家，第一家恒力机械没问题，第二家那个做包装的缺包装工二十个');
    expect(e.reasons).toContain('missed_enterprise');
    expect(e.confidence).toBeLessThan(0.7);
  });
});

describe("a formal document's title line", () => {
  it('关于…的情况报告 on its own line raises nothing; the lines under it do', () => {
    const e = parse('关于恒力机械反映问题的情况报告\n恒力机械反映缺数控工程师，已函告县人社局。');
    expect(e.issues.map((i) => [i.category, i.department, i.status])).toEqual([['人才', '人社局', 'assigned']]);
  });
});
