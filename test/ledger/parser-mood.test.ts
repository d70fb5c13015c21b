/**
 * Status read from the grammar of its clause (issue 11): the speaker's own plans (tentative aspect,
 * adverbs of intent), conditions and preconditions, imminent and awaited results, and 已 governing a
 * verb across its agent. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { CONFIDENT, checkExtraction } from '../../src/ledger/extract/confidence.js';
import { speakerPlans } from '../../src/ledger/extract/mood.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-10-14';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const shape = (e: Extraction) => e.issues.map((i) => `${i.department ?? '-'}/${i.status}`);

describe('the speaker’s own plan hands nothing off', () => {
  it.each(['我说回头问问商务局', '我们帮他们联系一下发改局', '咱们改天跟住建局沟通', '我打算找财政局催一催'])(
    '%s is a plan',
    (clause) => {
      expect(speakerPlans(clause)).toBe(true);
    },
  );

  it.each(['我问了一下商务局', '我们已经联系发改局了', '我跟住建局沟通过了', '他们想问问商务局'])(
    '%s is no plan of ours',
    (clause) => {
      expect(speakerPlans(clause)).toBe(false);
    },
  );

  it('a problem with our plan to ask a department stays open, with no department', () => {
    const got = parse('昨天去了青禾食品，冷库用电不够要增容，我说回头找供电公司问问。');
    expect(got.kind).toBe('visit');
    expect(shape(got)).toEqual(['-/open']);
  });

  it('the same problem handed off in the past tense is assigned', () => {
    const got = parse('昨天去了青禾食品，冷库用电不够要增容，我已经报给供电公司了。');
    expect(shape(got)).toEqual(['供电公司/assigned']);
  });
});

describe('conditions, preconditions, imminent and awaited results', () => {
  it.each([
    ['Q-0410 规划许可快批下来了', 'in_progress'],
    ['Q-0411 就等贷款批下来', 'in_progress'],
    ['Q-0412 规划许可很快就批下来了', 'resolved'],
    ['Q-0413 规划许可批下来以后再办施工许可', 'open'],
    ['Q-0414 如果补贴到账了企业就能还上贷款', 'open'],
  ])('%s → %s', (text, status) => {
    expect(parse(text).issues.map((i) => i.status)).toEqual([status]);
  });

  it('已 governs the result across its agent: 已由…协调解决 is solved, not a request', () => {
    const got = parse('青禾食品的转贷已由金融办协调解决');
    expect(got.kind).toBe('resolved');
    expect(shape(got)).toEqual(['金融办/resolved']);
    // without 已, 协调解决 is what someone asks for
    expect(parse('青禾食品希望金融办协调解决转贷').issues.map((i) => i.status)).toEqual(['open']);
  });
});

describe('aspect and agents', () => {
  it.each([
    ['Q-0420 供电公司已经换好变压器了', 'resolved'],
    ['Q-0421 缺的质检员招到三个了', 'resolved'],
    ['Q-0422 已经妥了', 'resolved'],
    ['Q-0423 loan disbursed', 'resolved'],
    // a result, then what is still missing in the same sentence: only partly done
    ['Q-0424 首笔奖励到了，尾款还没拨', 'in_progress'],
    ['Q-0425 证批下来了 就是 还差两个章', 'in_progress'],
    // 已 + a step the lexicon does not name: the matter moved
    ['Q-0426 评审材料已上报', 'in_progress'],
    ['Q-0427 已函告企业', 'in_progress'],
  ])('%s → %s', (text, status) => {
    expect(parse(text).issues.map((i) => i.status)).toEqual([status]);
  });

  it('已 before a report or an adverb is no step (已经提了好几次)', () => {
    expect(parse('Q-0428 企业已经说了好几次').issues.map((i) => i.status)).toEqual(['open']);
  });

  it('a third party coming to the enterprise (银行上门, 专家来厂) is not our visit', () => {
    expect(parse('Q-0429 已协调两家银行上门对接').kind).toBe('progress');
    expect(parse('今天跟发改局小李一起上门青禾食品，缺普工').kind).toBe('visit');
  });
});

describe('kind from the acts of the clauses', () => {
  it.each([
    '下午在云岭陶瓷公司，窑炉用气紧张',
    '刚从云岭陶瓷公司出来，缺釉料工程师',
    '今天在云岭陶瓷公司待了半天，老板说订单下滑',
    '今天和云岭陶瓷公司老板当面聊了，厂房租金太高',
  ])('being at the enterprise or meeting face to face is a visit: %s', (text) => {
    expect(parse(text).kind).toBe('visit');
  });

  it.each(['云岭陶瓷公司的审批卡在住建局', '问题在云岭陶瓷公司，缺釉料工程师', '电话里云岭陶瓷公司说缺釉料工程师'])(
    'a place word that is no presence is no visit: %s',
    (text) => {
      expect(parse(text).kind).not.toBe('visit');
    },
  );

  it('a result governs its own matter: a deficit said after it is a new problem (mixed)', () => {
    const got = parse('今天去了云岭陶瓷公司，他们说之前的贷款问题解决了，现在主要缺釉料工程师');
    expect(got.kind).toBe('mixed');
    expect(got.issues.map((i) => `${i.category}/${i.status}`)).toEqual(['融资/resolved', '人才/open']);
  });
});

describe('confidence when the act is unclear', () => {
  it('an update found by enterprise and topic that says nothing happened asks before recording', () => {
    const got = parse('青禾食品上回提的那个用地的事');
    expect(got.reasons).toContain('unclear_act');
    expect(got.confidence).toBeLessThan(CONFIDENT);
  });

  it('a stated act, or an issue id to file the note under, is recorded without asking', () => {
    for (const text of ['青禾食品用地的事资规局在办', 'Q-0430 企业说先放一放']) {
      const got = parse(text);
      expect(got.reasons).not.toContain('unclear_act');
    }
  });

  it('a model’s update that moves its issue nowhere gets the same doubt', () => {
    const e: Extraction = {
      kind: 'progress',
      enterprise: '青禾食品',
      date: null,
      ref: null,
      issues: [{ category: '用地', summary: '用地', department: null, status: 'open' }],
    };
    expect(checkExtraction(e, '青禾食品用地那个事', false).reasons).toContain('unclear_act');
  });
});

describe('negators, sign-off mood and partial results', () => {
  it('a misspelt negator (还木, 木有) negates like 没', () => {
    const got = parse('青禾食品的技改补贴木有到账');
    expect(got.kind).toBe('issue');
    expect(got.issues.map((i) => i.status)).toEqual(['open']);
    expect(parse('Q-0440 证还木办下来').issues.map((i) => i.status)).not.toContain('resolved');
  });

  it.each([
    ['Q-0441 能销了', 'resolved'],
    ['Q-0442 问题已解决，建议销号', 'resolved'],
    ['Q-0443 企业确认了，那就销号', 'closed'],
    ['Q-0444 经核实予以销号', 'closed'],
    ['Q-0445 回访以后就销号', 'open'],
  ])('%s → %s', (text, status) => {
    expect(parse(text).issues.map((i) => i.status)).toEqual([status]);
  });

  it('接了 after a department is work taken on, not a result', () => {
    expect(parse('Q-0446 商务局已经接了').issues.map((i) => i.status)).toEqual(['in_progress']);
  });

  it('a result with a shortfall in the same clause is partial', () => {
    expect(parse('Q-0447 质检员招了八个还差四个').issues.map((i) => i.status)).toEqual(['in_progress']);
  });
});

describe('what an update refers to', () => {
  it('one issue per id: a second sentence about the same id adds to its update', () => {
    const got = parse('纠正一下，上条说错了，应该是Q-0450。Q-0450 排水许可已经领到');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
    expect(got.kind).toBe('resolved');
  });

  it('earlier matters in general (此前诉求均已办结) name no issue: a visit with nothing to record', () => {
    const got = parse('今天回访青禾食品，此前的诉求都已经解决，企业暂无新增诉求');
    expect(got.kind).toBe('visit');
    expect(got.issues).toEqual([]);
  });

  it('a deficit after such a general result is a new problem of the visit', () => {
    const got = parse('今天去了青禾食品，以前的问题都解决了，现在缺叉车司机');
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => `${i.category}/${i.status}`)).toEqual(['用工/open']);
  });
});

describe('a state said after a list goes to the problem it names', () => {
  it('a progress line naming a listed problem by its topic updates that problem', () => {
    const got = parse('企业：青禾食品\n走访日期：10月9日\n诉求：缺叉车司机6名；流动资金贷款紧张\n进展：贷款已报金融办');
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => `${i.category}/${i.department ?? '-'}/${i.status}`).sort()).toEqual([
      '用工/-/open',
      '融资/金融办/assigned',
    ]);
  });

  it('a visit record label (走访日期：, 调研记录) is a visit; a plan is not', () => {
    expect(parse('企业：青禾食品\n走访日期：10月9日\n诉求：缺叉车司机').kind).toBe('visit');
    expect(parse('青禾食品调研记录：冷库用电紧张').kind).toBe('visit');
    expect(parse('下周走访安排：青禾食品').kind).toBe('not_update');
  });
});

describe('a title then its state', () => {
  it('a matter named with nothing wrong, then its progress line, updates the existing issue', () => {
    expect(parse('青禾食品 冷库用电增容\n进展：供电公司施工中').kind).toBe('progress');
  });

  it('the same form marked new, or with a deficit, is a new problem', () => {
    expect(parse('新增诉求——青禾食品 冷库用电增容；状态：已交办供电公司').kind).toBe('issue');
    expect(parse('青禾食品 冷库用电不足\n进展：已交供电公司').kind).toBe('issue');
  });
});

describe('progressive suffix 中', () => {
  it.each([
    ['Q-0510 人社局招聘中', 'in_progress'],
    ['Q-0511 供电公司施工中', 'in_progress'],
  ])('%s → %s', (text, status) => {
    expect(parse(text).issues.map((i) => i.status)).toEqual([status]);
  });

  it('中 as "during" (座谈中, 沟通中了解到) states no progress', () => {
    const got = parse('今天走访青禾食品，座谈中企业提出缺叉车司机');
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => i.status)).toEqual(['open']);
  });
});
