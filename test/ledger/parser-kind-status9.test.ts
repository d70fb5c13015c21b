/**
 * Kind and status, ninth round: asking whether an issue may be signed off holds it solved, a report that ends by
 * asking is still a report, fillers and the enterprise's village between 去了 and its name, 这个事 pointing at the
 * problem just said, 走访的是X, a hand-off the speaker only promises, 先不交办 / 等…再说 as open, follow up中, and
 * a department's people sent to look. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatuses } from '../../src/ledger/extract/index.js';
import { parseChecked as parse, triples } from './parse-helpers.js';

const found = (t: string) => findStatuses(t).map((s) => s.status);

describe('asking whether it may be signed off', () => {
  it('a question about 销号 of an id alone states the resolution and notes the question', () => {
    for (const text of ['Q-0311 是不是可以销号了？', 'Q-0311 能不能先消号', 'Q-0311 可以销号吗']) {
      const got = parse(text);
      expect(got.kind).toBe('resolved');
      expect(got.ref).toBe('Q-0311');
      expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
      expect(got.reasons).toContain('question_form');
    }
  });
  it('asking whether it is solved (能不能结了) stays a question', () => {
    const got = parse('Q-0311 能不能结了？');
    expect(got.kind).toBe('not_update');
    expect(got.question?.kind).toBe('closable');
  });
  it('after a result said in the message it adds no second item', () => {
    const got = parse('回访了华康药业，生产正常，厂房消防验收也已经通过了，Q-0312能不能销号？');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('resolved');
  });
  it('each id of a list keeps its own state', () => {
    const got = parse('Q-0313 搞定了，Q-0314 还在协调，Q-0315 是否可以销号？');
    expect(got.kind).toBe('mixed');
    expect([...got.issues.map((i) => i.status)].sort()).toEqual(['in_progress', 'resolved', 'resolved']);
  });
  it('the status words: A-not-A and a final particle ask, a plain 可以销号了 does not', () => {
    expect(found('能不能先销号')).toEqual(['resolved']);
    expect(found('可以消号吗')).toEqual(['resolved']);
    expect(found('已销号')).toEqual(['closed']);
  });
});

describe('a report that ends by asking', () => {
  it('a state of an enterprise’s matter, then a question in a sentence of its own: the state is recorded', () => {
    const got = parse('华康药业的技改贷款，金融办在对接。顺便问一下，贷款贴息归哪个科室管吗？');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['融资', '金融办', 'in_progress']]);
    expect(got.reasons).toContain('question_form');
  });
  it('a question alone is still a question', () => {
    expect(parse('华康药业的技改贷款批了吗？').kind).toBe('not_update');
  });
});

describe('visits said with fillers', () => {
  it('a filler between 去了 and the name', () => {
    const got = parse('今天下午我去了那个七一电器，老板说订单不错，没什么困难');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('七一电器');
  });
  it('the village or park the enterprise is in, between 去了 and the name', () => {
    const got = parse('上午去了城东工业园的华康药业，企业说缺五个操作工');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('华康药业');
  });
  it('走访的是X names the enterprise visited; 走访的企业 stays a noun', () => {
    const got = parse('今天走访的是七一电器，没有什么诉求');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('七一电器');
  });
});

describe('这个事 after the problem just said', () => {
  it('points at that problem: raised on the visit and handed off, not an earlier issue', () => {
    const got = parse('今天去了七一电器他们新仓库的消防验收一直过不了这个事我已经转给住建局了');
    expect(got.kind).toBe('visit');
    expect(triples(got)).toEqual([['审批', '住建局', 'assigned']]);
  });
  it('after a topic only, it still points back at an earlier issue', () => {
    expect(parse('七一电器的贷款这个事已经交给金融办了').kind).toBe('progress');
  });
});

describe('acts not done', () => {
  it('a hand-off the speaker only promises (我说会报给…) hands nothing off, the problem raised stays', () => {
    const got = parse('走访了七一电器，企业提出想请专家指导安全生产，我说会报给应急管理局。');
    expect(got.kind).toBe('visit');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('open');
    expect(got.issues[0]!.department).toBeNull();
  });
  it('先不交办 and 等…再说 leave it open', () => {
    expect(found('先不交办')).toEqual(['open']);
    expect(found('等企业把材料补齐再说')).toEqual([]);
    expect(found('等银行审批')).toEqual(['in_progress']);
  });
  it('follow up中 is work under way', () => {
    expect(found('人社局 follow up中')).toContain('in_progress');
  });
  it('a department sending its people to look is no visit of the team', () => {
    const got = parse('七一电器门口道路积水的事情住建局说已经派人去看了');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['其他', '住建局', 'in_progress']]);
  });
});

describe('new or earlier', () => {
  it('on a visit, the enterprise telling only how a department’s work stands updates an earlier issue', () => {
    const got = parse('上午回访了七一电器，他们说厂区道路改造交通运输局正在协调，另外又说缺十个包装工');
    expect(got.kind).toBe('mixed');
    expect(triples(got)).toEqual([
      ['其他', '交通运输局', 'in_progress'],
      ['用工', null, 'open'],
    ]);
  });
  it('a need stated (需要X) with its hand-off is a new issue, not an update', () => {
    const got = parse('七一电器 新生产线需要环评，材料已交生态环境局');
    expect(got.kind).toBe('issue');
    expect(triples(got)).toEqual([['审批', '生态环境局', 'assigned']]);
  });
  it('under a heading of new matters, a matter with a department at work is raised now', () => {
    const got = parse('本月新增：华康药业 研发补助未拨付（财政局已受理）；七一电器 缺焊工8人（未交办）');
    expect(got.kind).toBe('issue');
    expect(got.issues.map((i) => i.status)).toEqual(['in_progress', 'open']);
  });
  it('an entry answered with a bare 无 raises nothing', () => {
    const got = parse('本月新增：华康药业 缺焊工8人（未交办）；七一电器 无。');
    expect(got.issues).toHaveLength(1);
  });
  it('a tally of visits naming no enterprise is no visit: the results reported decide', () => {
    const got = parse('本月小结：走访企业8家，办结3条（Q-0321、Q-0322、Q-0323）。');
    expect(got.kind).toBe('resolved');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved', 'resolved', 'resolved']);
  });
});

describe('more ways of saying a visit, and a department at work', () => {
  it('走进X is a visit; meeting the boss face to face (见了X的李总) too', () => {
    expect(parse('今天走进七一电器，企业反映缺工').kind).toBe('visit');
    expect(parse('今天见了七一电器的李总，他说缺工').kind).toBe('visit');
  });
  it('a return call by phone (电话回访) is no visit', () => {
    expect(parse('今天电话回访七一电器，企业反映缺工').kind).toBe('issue');
  });
  it('a department said to have started work (已经施工了, 已派人) has the matter under way', () => {
    const got = parse('七一电器的用电增容供电公司已经施工了');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['其他', '供电公司', 'in_progress']]);
  });
});
