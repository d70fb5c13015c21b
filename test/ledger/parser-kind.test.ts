/**
 * Kind and status decided from the structure of a message (issue 11): completion and progressive
 * morphology, nominalised problems naming a matter, questions by sentence form, plans and cancelled
 * visits, return visits, and who reports a problem. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findStatuses } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-09-16'; // a Wednesday
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const statuses = (e: Extraction) => e.issues.map((i) => i.status);

describe('completion and progressive morphology', () => {
  it.each([
    ['Q-0210 补贴已发', 'resolved'],
    ['Q-0211 专项贷款已放', 'resolved'],
    ['Q-0212 证已领', 'resolved'],
    ['Q-0213 奖励的钱到了', 'resolved'],
    ['Q-0214 企业说优惠已经享受到了', 'resolved'],
    ['Q-0215 人社局在面试', 'in_progress'],
    ['Q-0216 银行还在审', 'in_progress'],
    ['Q-0217 bank is reviewing', 'in_progress'],
    ['Q-0218 金融办 following up', 'in_progress'],
  ])('%s → %s', (text, status) => {
    expect(statuses(parse(text))).toEqual([status]);
  });

  it.each(['现在还没批', '我们想到了一个办法', '上次会上提到了'])('%s states no result', (text) => {
    expect(findStatuses(text).map((s) => s.status)).not.toContain('resolved');
    expect(findStatuses(text).map((s) => s.status)).not.toContain('in_progress');
  });

  it('a problem named with 的 (缺的…) is the matter being updated, not a new problem', () => {
    const got = parse('博远纸业缺的两个质检工程师在面试了');
    expect(got.kind).toBe('progress');
    expect(statuses(got)).toEqual(['in_progress']);
    const fresh = parse('博远纸业缺两个质检工程师');
    expect(fresh.kind).toBe('issue');
    expect(statuses(fresh)).toEqual(['open']);
  });
});

describe('questions by sentence form', () => {
  it.each([
    '博远纸业的增容现在啥情况',
    '谁跟一下博远纸业的用地问题',
    '博远纸业的补贴怎么还没发',
    '博远纸业环评找哪个部门',
  ])('%s (no question mark) records nothing', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('not_update');
    expect(got.issues).toEqual([]);
  });

  it.each([
    ['今天去了博远纸业，没什么问题', 'visit'],
    ['今天去了博远纸业，老板说啥都不缺', 'visit'],
    ['博远纸业反映不知道什么时候能拿到环评批复', 'issue'],
  ])('%s: an indefinite or reported question word asks nothing', (text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });
});

describe('return visits', () => {
  it('回访 of an enterprise with an update of an earlier issue is a visit plus that update: mixed', () => {
    const got = parse('今天回访博远纸业，排污许可生态环境局在审');
    expect(got.kind).toBe('mixed');
    expect(statuses(got)).toEqual(['in_progress']);
  });

  it.each([
    'Q-0230 于9月10日回访，企业满意，已销号',
    '经回访确认，博远纸业的用电问题已解决，同意销号',
    'Q-0231 组织部回访确认，销号',
  ])('%s: a 回访 verifying the outcome is no visit', (text) => {
    expect(parse(text).kind).toBe('closed');
  });

  it('回访 with nothing else is a visit', () => {
    const got = parse('今天回访博远纸业，企业没有新诉求');
    expect(got.kind).toBe('visit');
    expect(got.issues).toEqual([]);
  });
});

describe('plans and visits called off', () => {
  it.each([
    '下午去博远纸业，谁一起',
    '今天上午博远纸业座谈取消，改到下周',
    '今天下午本来要去博远纸业的，临时取消了',
    '博远纸业那边后天再去一趟',
  ])('%s records nothing', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('not_update');
    expect(got.enterprise).toBeNull();
  });

  it.each([
    ['今天去博远纸业，一切正常', 0],
    ['今天去博远纸业，缺焊工', 1],
    ['今天走访博远纸业，美国客户取消了两个大单', 1],
  ])('%s is a visit (something is reported, or the cancelling is about orders)', (text, n) => {
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(got.issues).toHaveLength(n);
  });
});

describe('results, forecasts and steps', () => {
  it.each([
    ['Q-0240 排污许可 生态那边前天批啦', 'resolved'],
    ['Q-0241 人才公寓已经分了8套', 'resolved'],
    ['Q-0242 土地证已经出了', 'resolved'],
    ['Q-0243 生态说这周办结', 'in_progress'],
    ['Q-0244 这周已经放款了', 'resolved'],
    ['Q-0245 供电公司说要等变电站改造', 'in_progress'],
    ['Q-0246 供电公司已完成线路改造，待送电验收', 'in_progress'],
    ['Q-0247 住建那边说图审过了，施工许可这周能拿', 'in_progress'],
    ['Q-0248 已完成现场勘查，方案已确定，正在施工', 'in_progress'],
    ['Q-0249 金融办在协调，银行已经放款了', 'resolved'],
    ['Q-0250 土地证已经出了，回访完销号', 'resolved'],
  ])('%s → %s', (text, status) => {
    expect(statuses(parse(text))).toEqual([status]);
  });

  it('a visit recalled ("去…的时候说的") is no visit now', () => {
    const got = parse('上个月去博远纸业的时候说的那个培训补贴，人社局已经发了');
    expect(got.kind).toBe('resolved');
  });

  it('没提什么困难 is no question', () => {
    expect(parse('昨天跟经信去博远纸业 没提什么困难 一切正常').kind).toBe('visit');
  });
});

describe('formal reports: an id with its title and progress is one update; headings state statuses', () => {
  it('id, title and progress on one line', () => {
    const got = parse('Q-0260 博远纸业用电增容：供电公司已完成线路改造，待送电验收。');
    expect(got.kind).toBe('progress');
    expect(statuses(got)).toEqual(['in_progress']);
  });

  it('a form with 编号/标题/进展 lines', () => {
    const got = parse('周报\n编号：Q-0261\n标题：博远纸业排污许可延续\n进展：生态环境局已受理，正在审核。');
    expect(got.kind).toBe('progress');
    expect(got.ref).toBe('Q-0261');
    expect(statuses(got)).toEqual(['in_progress']);
  });

  it('a numbered list of ids under a heading', () => {
    const got = parse(
      '问题办理进展\n1. Q-0262 博远纸业土地证：资规局已受理，正在审核。\n2. Q-0263 恒嘉电子工程师招聘：人社局已推荐4名，企业正在面试。',
    );
    expect(got.kind).toBe('progress');
    expect(statuses(got)).toEqual(['in_progress', 'in_progress']);
  });

  it('a heading that signs off the ids listed under it', () => {
    const got = parse('9月10日回访确认，以下问题予以销号：\n① Q-0264 博远纸业技改补助；\n② Q-0265 恒嘉电子能评。');
    expect(got.kind).toBe('closed');
    expect(statuses(got)).toEqual(['closed', 'closed']);
  });

  it('an id followed by a new problem reported on its line stays two items', () => {
    const got = parse('Q-0266 已交办人社局，企业又反映缺地');
    expect(got.kind).toBe('mixed');
    expect(got.issues).toHaveLength(2);
  });
});

describe('messages that record nothing', () => {
  it.each([
    '本周走访情况：本周组团未走访企业，参加县里组织的业务培训一次。',
    '下周起开始防汛值班，走访暂停一周。',
    '下月走访安排：5日博远纸业、6日恒嘉电子、7日瑞禾食品。',
    '明早九点在三楼会议室开调度会，各组组长参加，带上问题清单。',
    '辛苦各位，这个季度的走访任务基本完成了，月底前把台账再核一遍。',
    '上半年组团问题办理情况：共收集问题20个，已办结15个，办结率75%。',
    '请县住建局反馈Q-0270办理进度，本周五前报组团办公室。',
    '收到，Q-0271我明天去问一下财政局。',
  ])('%s', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('not_update');
    expect(got.issues).toEqual([]);
  });

  it('a statement before a question in unpunctuated speech is kept (…批了 这个是不是可以销号了 …)', () => {
    const got = parse('呃 那个博远纸业的环评 生态那边上礼拜四批了 这个是不是可以申请销号了 组织部看一下');
    expect(got.kind).toBe('resolved');
    expect(statuses(got)).toEqual(['resolved']);
  });
});

describe('questions with their reason; topics named by their own words', () => {
  it.each(['排污许可批了没有？博远纸业下个月就要投产了', '博远纸业能评批了没有？发改那边一直没消息'])(
    '%s: a question and why it is asked records nothing',
    (text) => {
      expect(parse(text).kind).toBe('not_update');
    },
  );

  it('a question, then something new reported, records the new problem', () => {
    const got = parse('博远纸业的贷款批了没？另外他们又说缺地');
    expect(got.kind).toBe('issue');
    expect(got.issues).toHaveLength(1);
  });

  it('a topic names the problem raised before it by a shared noun, whatever its category', () => {
    const got = parse(
      '今天去博远纸业 企业反映厂区门口路灯坏了半年了 还有公交站太远 路灯的事报给住建了 公交的事交给交通局了',
    );
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => [i.department, i.status])).toEqual([
      ['住建局', 'assigned'],
      ['交通运输局', 'assigned'],
    ]);
  });
});

describe('hand-offs after a list', () => {
  it('"上述问题已分别转A、B、C" hands each listed problem to its department, raising nothing', () => {
    const got = parse(
      '博远纸业反映：一是扩建用地手续慢；二是缺包装工；三是奖补资金未到位。上述问题已分别转县资规局、人社局、财政局。',
    );
    expect(got.kind).toBe('issue');
    expect(got.issues.map((i) => [i.department, i.status])).toEqual([
      ['资规局', 'assigned'],
      ['人社局', 'assigned'],
      ['财政局', 'assigned'],
    ]);
  });

  it('"反映以下问题：1.… 2.2026年…" is a header and a two-item list (a year after the number)', () => {
    const got = parse(
      '博远纸业来函，反映以下问题：1.原料进口通关时间长；2.2026年的留抵退税尚未办理。已将第2项转县税务局。',
    );
    expect(got.issues).toHaveLength(2);
    expect(got.issues.map((i) => i.status)).toEqual(['open', 'assigned']);
  });
});

describe('problems and results said plainly', () => {
  it.each([
    ['园区西路有段路面塌陷，附近几家企业都反映了', 'issue', ['open']],
    ['博远纸业冷库扩建差十亩地，转自规了', 'issue', ['assigned']],
    ['博远纸业的质检员招到了一个，还差两个', 'progress', ['in_progress']],
    ['Q-0280 已办结；Q-0281 企业确认后销号了', 'mixed', ['resolved', 'closed']],
    ['Q-0282 ok了', 'resolved', ['resolved']],
    ['今天回访博远纸业，上次的贷款金融办帮忙对接下来了，新问题是缺叉车工', 'mixed', ['resolved', 'open']],
    ['博远纸业今天去过了，冷库在扩建，企业没有新诉求', 'visit', []],
  ])('%s → %s', (text, kind, sts) => {
    const got = parse(text as string);
    expect(got.kind).toBe(kind);
    expect(statuses(got)).toEqual(sts);
  });
});

describe('more forms of status and question', () => {
  it.each([
    ['本周销号：Q-0290 博远纸业污水管网；Q-0291 恒嘉电子人才公寓。', 'closed', ['closed', 'closed']],
    ['博远纸业的研发人员缺口 人社局在对接', 'progress', ['in_progress']],
    ['博远纸业的工程师 人社推了3个简历 在面', 'progress', ['in_progress']],
    [
      '关于Q-0292办理情况：博远纸业反映的贷款问题，经金融办协调，银行已受理，目前处于审批阶段。',
      'progress',
      ['in_progress'],
    ],
    ['Q-0293 供电公司已经送电了', 'resolved', ['resolved']],
  ])('%s → %s', (text, kind, sts) => {
    const got = parse(text as string);
    expect(got.kind).toBe(kind);
    expect(statuses(got)).toEqual(sts);
  });

  it('缺口大 is still a problem', () => {
    expect(parse('博远纸业研发人员缺口大').kind).toBe('issue');
  });

  it('a question opened after a filler (那个我问一下…) records nothing', () => {
    expect(parse('那个我问一下 就是博远纸业的人才公寓 现在归哪个部门管').kind).toBe('not_update');
  });
});

describe('a heading of an enterprise and a day dates a visit', () => {
  it.each(['博远纸业，今天：一是缺叉车工，二是厂区路灯不亮。', '博远纸业（今天）\n① 缺叉车工\n② 厂区路灯不亮'])(
    '%s → visit',
    (text) => {
      const got = parse(text);
      expect(got.kind).toBe('visit');
      expect(got.issues).toHaveLength(2);
    },
  );

  it('…unless a call or letter brought it', () => {
    expect(parse('博远纸业（9月10日）：来函反映原料进口通关慢').kind).toBe('issue');
  });
});
