/**
 * The update parser's fields on report frames, names, departments, categories, splitting and dates — one general
 * mechanism each, tested with messages written for these tests (other enterprises and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findEnterprises } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-01-08'; // a Thursday
const parse = (text: string, today = TODAY): Extraction => {
  const got = extractUpdate(text, { today, knownEnterprises: known });
  expect(extractionSchema.safeParse(got).success).toBe(true);
  return got;
};
const triples = (e: Extraction) => e.issues.map((i) => [i.category, i.department, i.status]);
const names = (text: string, list: string[] = known) => findEnterprises(text, list).map((h) => h.name);

describe('the frame of a report is neither an enterprise nor an issue', () => {
  it('a title line and a heading line add no issue', () => {
    const got = parse('联企服务周报（第2周）\n问题跟进情况\nQ-0131 鸿运纸业锅炉改造补助：财政局已受理，正在审核。');
    expect(got.ref).toBe('Q-0131');
    expect(triples(got)).toEqual([['政策兑现', '财政局', 'in_progress']]);
  });

  it('form labels (企业：, 日期：, 处理：) are no names and no issues', () => {
    const got = parse('【服务记录】\n企业：天和食品\n日期：1月6日\n问题：冷库扩建缺用地\n处理：已报资规局');
    expect(got.enterprise).toBe('天和食品');
    expect(got.date).toBe('2026-01-06');
    expect(triples(got)).toEqual([['用地', '资规局', 'assigned']]);
  });

  it('a record whose title line holds the issue id: its progress field updates that issue', () => {
    const got = parse('编号/标题：Q-0207 博新材料流动资金贷款\n进展：金融办已推送两家银行，正在尽调。');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['融资', '金融办', 'in_progress']]);
  });

  it('an issue id with its title before a colon is one update, not two', () => {
    const got = parse('Q-0311 永安机械用电增容：供电公司已进场施工。');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.category).toBe('其他');
  });
});

describe('enterprise names', () => {
  it.each([
    ['走访台账\n1月5日 鸿运纸业 缺包装工\n1月7日 恒通机械 一切正常', '鸿运纸业'],
    ['服务日志 1.6\n走访宏远纺织，反映天然气价格太高。', '宏远纺织'],
  ])('a heading before the names is no name: %s', (text, first) => {
    expect(names(text)[0]).toBe(first);
  });

  it('a legal ending a few characters on closes the name (制品 is no listed ending)', () => {
    expect(names('今天走访了永信包装制品有限公司，暂无诉求。', [])).toEqual(['永信包装制品有限公司']);
  });

  it('a known short form with one character mistyped, found by its place, is the known enterprise', () => {
    expect(names('今天去了矽胜，暂无诉求')).toEqual(['矽盛电子']);
    expect(names('前天去了金顶 就是金鼎金属 跟财务聊了聊')[0]).toBe('金鼎金属材料有限公司');
  });

  it('what follows a visit verb as its complement or a duration is no name', () => {
    expect(names('Q-0031 组织部这周回访，回访完销号。')).toEqual([]);
    expect(names('下周起走访暂停一周。')).toEqual([]);
  });
});

describe('event dates', () => {
  it.each([
    ['上个月三十一号去了鸿运纸业，暂无诉求', '2025-12-31'],
    ['上月二十六号走访永信包装，企业说订单下滑', '2025-12-26'],
    ['本月5号去了恒通机械，一切正常', '2026-01-05'],
    ['二十号走访宏远纺织，缺挡车工', '2025-12-20'],
  ])('%s → %s', (text, date) => {
    expect(parse(text).date).toBe(date);
  });

  it('a date that only says when a matter was raised is not when the news happened', () => {
    const got = parse('十二月二十号去永信包装的时候说的那个培训补贴，财政局已经发了，企业前天收到了');
    expect(got.date).toBe('2026-01-06');
  });
});

describe('departments', () => {
  it.each([
    ['永信包装的排污许可生态那边已经发证了', '生态环境局'],
    ['鸿运纸业的扩产补助 财政拨了 done', '财政局'],
    ['恒通机械缺的电工 人社推了几个人选 在面试', '人社局'],
    ['Q-0412 园区那边在协调 还没结果', '园区管委会'],
  ])('a stem where a department is expected: %s', (text, dept) => {
    expect(parse(text).issues.map((i) => i.department)).toEqual([dept]);
  });

  it('a bureau named by its level (国家局) is no typo of one of ours', () => {
    const got = parse('Q-0413 省药监局说已经报到国家局了，在审');
    expect(triples(got)).toEqual([['其他', '省药监局', 'in_progress']]);
  });

  it('told through a person of the department, or by phone: handed off', () => {
    expect(triples(parse('鸿运纸业缺直播运营，当场跟人社局的小郑说了'))).toEqual([['人才', '人社局', 'assigned']]);
    expect(triples(parse('永信包装想新增用地，我跟资规局打了电话'))).toEqual([['用地', '资规局', 'assigned']]);
  });

  it('a department joined to one that is only wished for is wished for too', () => {
    const got = parse('走访恒通机械，仓库扩建的规划许可卡住了，希望住建和应急部门一起协调。');
    expect(triples(got)).toEqual([['审批', null, 'open']]);
  });
});

describe('categories from the problem, not from who handles it', () => {
  it.each([
    ['缺直播运营 想招两个', '人才'],
    ['想招5个电商运营做线上销售', '人才'],
    ['企业想参加进博会，希望商务局带一下', '市场'],
    ['研发费用加计扣除还没享受到，税务局说年后上门辅导', '政策兑现'],
    ['厂区门口路灯坏了，晚上下班工人不安全', '其他'],
  ])('%s → %s', (text, category) => {
    expect(parse(`走访宏远纺织，${text}`).issues.map((i) => i.category)).toEqual([category]);
  });
});

describe('lists and their hand-offs', () => {
  it('"上述问题已分别转A、B、C": one department each for this message\'s problems, in order', () => {
    const got = parse(
      '1月6日走访永信包装制品有限公司。企业反映：一是仓库扩建用地手续慢；二是缺打包工约30人；三是去年的技改奖补资金未到位。上述问题已分别转县资规局、人社局、经信局。',
    );
    expect(got.kind).toBe('visit');
    expect(triples(got)).toEqual([
      ['用地', '资规局', 'assigned'],
      ['用工', '人社局', 'assigned'],
      ['政策兑现', '经信局', 'assigned'],
    ]);
  });

  it('a numbered item starting with a year (2.2026年…) is item 2; "反映以下问题" is a header; 第2项 addresses it', () => {
    const got = parse(
      '鸿运纸业1月5日来函，反映以下问题：1.进口木浆通关时间长；2.2025年度出口退税尚未办理。已将第2项转县税务局。',
    );
    expect(triples(got)).toEqual([
      ['其他', null, 'open'],
      ['政策兑现', '税务局', 'assigned'],
    ]);
  });

  it('an ending that runs on into a problem word (分拣包装工) makes no name', () => {
    expect(names('走访恒通机械，企业缺口大，需招收分拣包装工约60人', [])).toEqual(['恒通机械']);
  });
});

describe('dictated run-ons split at their continuation words', () => {
  it('"然后还有 就是说 …" starts the next problem even with a pause after 还有', () => {
    const got = parse('前天去永信包装 他们那个新仓库的施工许可 住建那边说图审还没过 然后还有 就是说 呃 缺叉车工十来个');
    expect(got.issues.map((i) => i.category)).toEqual(['审批', '用工']);
  });

  it('"新的事情是…" after a resolution is a new problem; the summary keeps no half filler', () => {
    const got = parse('前天去恒通机械 他们说那个排污许可批下来了 然后新的事情是他们想扩一条生产线 要新增二十亩地');
    expect(got.issues.map((i) => [i.category, i.status])).toEqual([
      ['审批', 'resolved'],
      ['用地', 'open'],
    ]);
    expect(got.issues[0]!.summary).not.toMatch(/然$/);
  });

  it.each(['再一个就是', '除此之外', '另一件事是'])('"%s" starts the next problem', (word) => {
    const got = parse(`走访鸿运纸业，企业说订单下滑得厉害，${word}出口退税一直没到账。`);
    expect(got.issues.map((i) => i.category)).toEqual(['市场', '政策兑现']);
  });
});

describe('records and summaries in a formal report', () => {
  it('a record of labelled fields after its id is one update of that issue', () => {
    const got = parse(
      '周报（第2周）\n编号：Q-0521\n标题：永信包装用电增容\n进展：县供电公司已完成现场勘查，正在施工。',
    );
    expect(got.ref).toBe('Q-0521');
    expect(got.enterprise).toBe('永信包装');
    expect(got.issues.map((i) => [i.category, i.department])).toEqual([['其他', '供电公司']]);
  });

  it('"春节前问题办理情况：" and "6月份问题收集汇总" are headings', () => {
    expect(parse('春节前问题办理情况：\nQ-0611 鸿运纸业续贷：农商行已放款，问题解决。').issues).toHaveLength(1);
    const got = parse('12月份问题收集汇总\n1. 鸿运纸业：缺叉车工十人。\n2. 永信包装：排污许可证到期需延续。');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '审批']);
  });

  it('"X有限公司：…" is a name and its problem, not a label and a name', () => {
    expect(names('2. 明远光电科技有限公司：光刻工程师紧缺。', [])).toEqual(['明远光电科技有限公司']);
  });

  it('schooling, housing or residence for talent is a talent matter; the 人才办 of 组织部 is 组织部', () => {
    const got = parse('鸿运纸业：引进的高管子女入学问题，已转县委组织部人才办。');
    expect(triples(got)).toEqual([['人才', '组织部', 'assigned']]);
  });
});

describe('more of the same mechanisms', () => {
  it('"走了三家：…" reports visits; "这个月走了四家" alone does not', () => {
    expect(parse('今天走了三家：\n鸿运纸业——缺焊工，报人社\n永信包装——暂无').kind).toBe('visit');
    expect(parse('这个月我们组走了四家 问题都录了 Q-0090还在协调').kind).not.toBe('visit');
  });

  it('land counted in 亩 is land; a blocked drain is 其他', () => {
    expect(
      parse('昨天走访恒通机械，企业提出想在园区再拿50亩地，还想引进几个研发博士。').issues.map((i) => i.category),
    ).toEqual(['用地', '人才']);
    expect(parse('永信包装反映厂区门口的下水道经常堵，一下雨就淹').issues.map((i) => i.category)).toEqual(['其他']);
  });

  it('"已跟X的李科长对接" hands off; 上午 after a leading filler is still the opening clause', () => {
    expect(triples(parse('鸿运纸业反映缺熟练工，已跟人社局的李科长对接'))).toEqual([['用工', '人社局', 'assigned']]);
    expect(parse('呃我上午去了永信包装，一切正常').date).toBe(TODAY);
  });
});

describe('names by their place', () => {
  it.each([
    ['去了新宇那边，老板说订单还行，就是贷款到期了', '新宇'],
    ['今天下午和组里去看了恒瑞，环评还没批', '恒瑞'],
    ['润丰米业：稻谷收购资金紧张，想申请贷款。', '润丰米业'],
  ])('%s → %s', (text, name) => {
    expect(parse(text).enterprise).toBe(name);
  });

  it('a label before a colon (update：, 备注：) is no name', () => {
    expect(parse('update：Q-0090 资规局 reviewing').enterprise).toBeNull();
  });

  it('children who cannot get into school are 其他, not a labour matter', () => {
    expect(parse('走访鸿运纸业，企业反映员工子女上学难').issues.map((i) => i.category)).toEqual(['其他']);
  });
});

describe('updates of two topics in one dictated message', () => {
  it('a topic whose department speaks in the next clause is its own update', () => {
    const got = parse(
      '嗯 就是永信包装那个排污许可 环保局那边批了 然后他们那个用电增容 供电公司说要等变电站改造 得年底了',
    );
    expect(triples(got)).toEqual([
      ['审批', '生态环境局', 'resolved'],
      ['其他', '供电公司', 'in_progress'],
    ]);
  });

  it('the stage a matter is at (在走审批) is no second topic', () => {
    const got = parse('Q-0612 鸿运纸业那个贷款的事 金融办那边说银行已经受理了 在走审批');
    expect(got.issues.map((i) => i.category)).toEqual(['融资']);
  });
});

describe('items the enterprise handles itself, and names after 去的', () => {
  it('a listed problem the enterprise solves itself is no issue', () => {
    const got = parse('走访恒通机械，企业诉求：\n①流动资金紧张\n②厂房屋顶漏水（企业自己解决）\n①已转金融办');
    expect(triples(got)).toEqual([['融资', '金融办', 'assigned']]);
  });

  it('"一起去的X" names X', () => {
    expect(parse('今天和经信的老周一起去的永信包装，他们说订单被抢走不少').enterprise).toBe('永信包装');
  });
});

describe('a sentence that only announces the report', () => {
  it('is no issue; one that says where we went still makes the visit', () => {
    expect(triples(parse('我把鸿运纸业的事情完整说一下。企业反映缺叉车工，已报人社局。'))).toEqual([
      ['用工', '人社局', 'assigned'],
    ]);
    const visit = parse('给大家说一下前天去永信包装的情况啊。他们缺包装工二十人。');
    expect(visit.kind).toBe('visit');
    expect(visit.issues.map((i) => i.category)).toEqual(['用工']);
  });
});

describe('a company whose name ends in a department stem', () => {
  it.each(['华信科技那边说订单下滑', '鸿运环保那边反映环评没批'])('%s: the company, no department', (text) => {
    const got = parse(text);
    expect(got.enterprise).toBe(text.slice(0, 4));
    expect(got.issues.every((i) => i.department === null)).toBe(true);
  });

  it('"交通出行不方便" is no hand-off to 交通运输局', () => {
    expect(parse('宏远纺织反映员工上下班，交通出行不方便').issues.map((i) => i.department)).toEqual([null]);
  });
});

describe('no requests', () => {
  it.each(['走访永信包装，老板说暂时不需要政府帮忙', '今天去了鸿运纸业，正常生产，没啥要反映的'])(
    '%s: a visit, no issue',
    (text) => {
      const got = parse(text);
      expect(got.kind).toBe('visit');
      expect(got.issues).toEqual([]);
    },
  );
});

describe('who went is not who handles', () => {
  it('departments listed as the visiting team (组团成员（…）, 参加人员：…) are participants', () => {
    const got = parse('1月6日，组团成员（县委组织部、县发改局、开发区管委会）走访鸿运纸业有限公司，企业反映缺叉车工。');
    expect(triples(got)).toEqual([['用工', null, 'open']]);
    const form = parse(
      '走访记录\n企业：永信包装\n参加人员：县委组织部李某某、经济和信息化局王某某\n问题：缺地，已转资规局',
    );
    expect(triples(form)).toEqual([['用地', '资规局', 'assigned']]);
  });
});
