import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_WEIGHTS_FILE,
  checkExtraction,
  confidenceOf,
  decidingDoubts,
  parseConfidenceWeights,
  REASON_WEIGHT,
  shapeDoubts,
} from '../../src/ledger/extract/confidence.js';
import {
  DETECTORS,
  structureDoubts,
  unexplainedShare,
  unknownEnterprises,
  unplacedDepartments,
} from '../../src/ledger/extract/doubts.js';
import { CONFIDENCE_REASONS, type Extraction, type ExtractedIssue } from '../../src/ledger/model.js';

const issue = (over: Partial<ExtractedIssue> = {}): ExtractedIssue => ({
  category: '用工',
  summary: '缺二十名包装工',
  department: null,
  status: 'open',
  ...over,
});
const parse = (over: Partial<Extraction> = {}): Extraction => ({
  kind: 'visit',
  enterprise: '南湖食品',
  date: '2026-05-14',
  issues: [issue()],
  ref: null,
  ...over,
});

describe('a department the parse did not place', () => {
  it('a hand-off to a department that no issue carries is a doubt', () => {
    const text = '今天走访南湖食品，缺二十名包装工，已转人社局';
    expect(DETECTORS.unplaced_department(parse(), text, [])).toBe(true);
    expect(
      DETECTORS.unplaced_department(parse({ issues: [issue({ department: '人社局', status: 'assigned' })] }), text, []),
    ).toBe(false);
  });

  it('names the departments for the card, once each, as the lexicon normalises them', () => {
    expect(unplacedDepartments(parse(), '南湖食品缺二十名包装工，已转人力社保局，人力社保局已受理')).toEqual([
      '人社局',
    ]);
    expect(unknownEnterprises(parse({ enterprise: '青松' }), [])).toEqual(['青松']);
  });

  it('a department beside a status in its clause counts; one only listed among the visitors does not', () => {
    expect(DETECTORS.unplaced_department(parse(), '南湖食品缺二十名包装工，人社局已受理', [])).toBe(true);
    expect(DETECTORS.unplaced_department(parse(), '企业：南湖食品\n走访人：经信局小王\n诉求：缺二十名包装工', [])).toBe(
      false,
    );
  });
});

describe('a category on weak evidence', () => {
  it('a problem named by its head word is sure; one told by context words only is not', () => {
    expect(DETECTORS.weak_category(parse(), '', [])).toBe(false);
    const vague = parse({ issues: [issue({ category: '融资', summary: '资金有点紧' })] });
    expect(DETECTORS.weak_category(vague, '', [])).toBe(true);
  });

  it('a category the summary does not support is a doubt', () => {
    expect(DETECTORS.weak_category(parse({ issues: [issue({ category: '用地' })] }), '', [])).toBe(true);
  });

  it('updates of earlier issues are not judged by their category', () => {
    const update = parse({
      kind: 'resolved',
      issues: [issue({ category: '其他', summary: '已解决', status: 'resolved' })],
    });
    expect(DETECTORS.weak_category(update, '', [])).toBe(false);
  });
});

describe('an enterprise taken from an unknown word', () => {
  it('a name with no company ending that nobody knows is a doubt; a known one or a company name is not', () => {
    expect(DETECTORS.unknown_enterprise(parse({ enterprise: '青松' }), '', [])).toBe(true);
    expect(DETECTORS.unknown_enterprise(parse({ enterprise: '青松' }), '', ['青松'])).toBe(false);
    expect(DETECTORS.unknown_enterprise(parse({ enterprise: '青松机械有限公司' }), '', [])).toBe(false);
    expect(DETECTORS.unknown_enterprise(parse({ enterprise: null }), '', [])).toBe(false);
  });
});

describe('conflicting dates', () => {
  it('two event days in a message about one enterprise are a doubt', () => {
    expect(DETECTORS.date_conflict(parse(), '5月10日去了南湖食品，5月12日企业又说缺包装工', [])).toBe(true);
    expect(DETECTORS.date_conflict(parse(), '5月10日去了南湖食品，企业说缺包装工', [])).toBe(false);
  });

  it('a date the speaker took back does not conflict', () => {
    expect(DETECTORS.date_conflict(parse(), '昨天 不对 前天 去了南湖食品 缺包装工', [])).toBe(false);
  });

  it('a roll-up has a date per visit', () => {
    const rollup = parse({
      issues: [issue({ enterprise: '南湖食品' }), issue({ enterprise: '青松机械有限公司', category: '融资' })],
    });
    expect(DETECTORS.date_conflict(rollup, '5月10日走访南湖食品；5月12日走访青松机械有限公司', [])).toBe(false);
  });
});

describe('text no rule reads', () => {
  it('a plain report is read almost whole; a message of words no lexicon knows is not', () => {
    expect(unexplainedShare('今天走访南湖食品，企业反映缺二十名包装工，已交办人社局')).toBeLessThan(0.35);
    expect(unexplainedShare('南湖食品那边老张讲起隔壁村修桥铺路搞得热火朝天大伙儿心里直痒痒')).toBeGreaterThan(0.35);
  });

  it('too short a message has no share', () => {
    expect(unexplainedShare('南湖食品 搞定')).toBe(0);
  });
});

describe('structural doubts join the shape doubts', () => {
  it('a message that records nothing has none', () => {
    expect(structureDoubts(parse({ kind: 'not_update', issues: [] }), '已转人社局')).toEqual([]);
  });

  it('a visit recorded under no enterprise is a doubt even with no problem raised', () => {
    expect(shapeDoubts(parse({ enterprise: null, issues: [] }), '今天去走访了，一切正常')).toContain('no_enterprise');
  });

  it("the model's extraction gets the same checks, with the enterprises it was told", () => {
    const e = parse({ enterprise: '青松' });
    expect(checkExtraction(e, '今天去了青松，缺二十名包装工', false).reasons).toContain('unknown_enterprise');
    expect(checkExtraction(e, '今天去了青松，缺二十名包装工', false, ['青松']).reasons).not.toContain(
      'unknown_enterprise',
    );
  });
});

describe('weights and the card', () => {
  it('every doubt has a weight between 0 and 1, and the confidence is their product', () => {
    for (const r of CONFIDENCE_REASONS) {
      expect(REASON_WEIGHT[r]).toBeGreaterThanOrEqual(0);
      expect(REASON_WEIGHT[r]).toBeLessThanOrEqual(1);
    }
    expect(confidenceOf([])).toBe(1);
    expect(confidenceOf(['handled_new'])).toBeCloseTo(1 - REASON_WEIGHT.handled_new, 2);
    expect(confidenceOf(['handled_new', 'unread_act'])).toBeCloseTo(
      (1 - REASON_WEIGHT.handled_new) * (1 - REASON_WEIGHT.unread_act),
      2,
    );
  });

  it('the weights are the fitted file; a doubt it does not name, or a weight out of range, weighs 0', () => {
    expect(REASON_WEIGHT).toEqual(parseConfidenceWeights(fs.readFileSync(CONFIDENCE_WEIGHTS_FILE, 'utf8')));
    const w = parseConfidenceWeights(JSON.stringify({ weights: { handled_new: 0.4, unread_act: 1.5, nonsense: 0.9 } }));
    expect(w.handled_new).toBe(0.4);
    expect(w.unread_act).toBe(0);
    expect(w.no_target).toBe(0);
    expect(Object.keys(w).sort()).toEqual([...CONFIDENCE_REASONS].sort());
    expect(() => parseConfidenceWeights('{}')).toThrow();
  });

  it('doubts too rare on the tuning halves to measure keep their weight: the two the issue names ask on their own', () => {
    for (const r of ['unknown_department', 'unmatched_list_handoff'] as const)
      expect(confidenceOf([r])).toBeLessThan(0.7);
  });

  it('the card names the heaviest doubts first and leaves out the ones that barely counted', () => {
    const light = CONFIDENCE_REASONS.filter((r) => REASON_WEIGHT[r] < 0.1);
    const shown = decidingDoubts(['unknown_department', ...light, 'no_enterprise']);
    expect(shown[0]).toBe('no_enterprise');
    expect(shown).toContain('unknown_department');
    for (const r of light) expect(shown).not.toContain(r);
    if (light.length) expect(decidingDoubts([light[0]!])).toEqual([light[0]]);
  });
});

describe('a known enterprise the parse leaves out', () => {
  it('two known enterprises named, one accounted for: asked like several enterprises', async () => {
    const { extractUpdate } = await import('../../src/ledger/extract/index.js');
    const known = ['青松纸业', '远航包装'];
    const e = extractUpdate('昨天去了青松纸业和远航包装 青松说锅炉补助没到 远航反映缺叉车司机', {
      today: '2026-05-20',
      knownEnterprises: known,
      teamEnterprises: known,
    });
    const accounted = new Set([e.enterprise, ...e.issues.map((i) => i.enterprise)].filter(Boolean));
    if (accounted.size < 2) expect(e.reasons).toContain('missed_enterprise');
    expect(e.confidence).toBeLessThan(0.7);
  });
});

describe('leavesOutNamed', () => {
  it('is true only when two or more known names are named and one is not accounted for', async () => {
    const { leavesOutNamed } = await import('../../src/ledger/extract/confidence.js');
    const e = parse({ enterprise: '青松纸业', issues: [issue()] });
    expect(leavesOutNamed(e, ['青松纸业', '远航包装'])).toBe(true);
    expect(leavesOutNamed(e, ['青松纸业'])).toBe(false);
    expect(leavesOutNamed({ ...e, issues: [issue({ enterprise: '远航包装' })] }, ['青松纸业', '远航包装'])).toBe(false);
  });
});

describe('a table and an inferred hand-off (branch conf6)', () => {
  it('two or more lines split into columns (tabs, bars) are a table; label lines and one column line are not', () => {
    expect(DETECTORS.table_layout(parse(), '企业\t诉求\t进展\n青松纸业\t缺叉车司机\t已交办', [])).toBe(true);
    expect(DETECTORS.table_layout(parse(), '企业|诉求|进展\n青松纸业|缺叉车司机|已交办', [])).toBe(true);
    expect(DETECTORS.table_layout(parse(), '企业：青松纸业\n诉求：缺叉车司机\n进展：已交办', [])).toBe(false);
    expect(DETECTORS.table_layout(parse(), '青松纸业\t缺叉车司机', [])).toBe(false);
  });

  it('a problem recorded as handed to a department no hand-off word hands it to is an inferred hand-off', () => {
    const assigned = parse({ issues: [issue({ department: '人社局', status: 'assigned' })] });
    // a department in brackets or wished for: nothing said it was handed over
    expect(DETECTORS.inferred_handoff(assigned, '南湖食品：缺二十名包装工（人社局）', [])).toBe(true);
    expect(DETECTORS.inferred_handoff(assigned, '南湖食品缺二十名包装工，希望人社局帮忙招聘', [])).toBe(true);
    // a hand-off said, next to the department or elsewhere in the message
    expect(DETECTORS.inferred_handoff(assigned, '南湖食品缺二十名包装工，已交人社局', [])).toBe(false);
    expect(DETECTORS.inferred_handoff(assigned, '南湖食品缺二十名包装工，已分别转出，人社局负责', [])).toBe(false);
    // not recorded as assigned: no doubt
    expect(DETECTORS.inferred_handoff(parse(), '南湖食品缺二十名包装工（人社局）', [])).toBe(false);
  });

  it('the weights ask when a confident record would more likely be wrong: a table alone or with one light doubt', () => {
    // (conf10: measured, a table alone is no longer asked about; with a second doubt it is)
    expect(confidenceOf(['table_layout'])).toBeLessThan(1);
    expect(confidenceOf(['table_layout', 'unexplained_text'])).toBeLessThan(0.7);
    expect(confidenceOf(['inferred_handoff'])).toBeLessThan(0.7);
    // doubts whose parses were right as often as a doubt-free one's weigh nothing
    expect(confidenceOf(['dictated'])).toBe(1);
  });
});

describe('a new problem already in hand, an update whose act no lexicon reads (branch conf10)', () => {
  it('a problem read as new that is already being handled or solved is a doubt; a hand-off is not', () => {
    expect(
      DETECTORS.handled_new(parse({ issues: [issue({ status: 'in_progress', department: '人社局' })] }), '', []),
    ).toBe(true);
    expect(DETECTORS.handled_new(parse({ kind: 'issue', issues: [issue({ status: 'resolved' })] }), '', [])).toBe(true);
    expect(
      DETECTORS.handled_new(parse({ issues: [issue({ status: 'assigned', department: '人社局' })] }), '', []),
    ).toBe(false);
    expect(DETECTORS.handled_new(parse(), '', [])).toBe(false);
    // an update of an earlier issue may well be in hand
    expect(DETECTORS.handled_new(parse({ kind: 'progress', issues: [issue({ status: 'in_progress' })] }), '', [])).toBe(
      false,
    );
  });

  it('an update in whose text no status, hand-off or result is read is a doubt', () => {
    const update = parse({ kind: 'progress', issues: [issue({ status: 'in_progress' })] });
    expect(DETECTORS.unread_act(update, '南湖食品招工那个事，老板说再看看', [])).toBe(true);
    expect(DETECTORS.unread_act(update, '南湖食品招工那个事，人社局已受理', [])).toBe(false);
    expect(DETECTORS.unread_act(update, '南湖食品招工的事转人社局了', [])).toBe(false);
    // a new problem is no update
    expect(DETECTORS.unread_act(parse(), '南湖食品缺二十名包装工', [])).toBe(false);
  });
});
