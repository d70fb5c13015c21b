/**
 * The update parser on the patterns of issue 11 — one general rule each, tested with sentences written for
 * these tests (other enterprises and wordings than any eval set): the issue-id grammar, completion verbs from
 * morphology, department stems and informal hand-offs, numbered-list hand-offs, roll-ups, voice-to-text,
 * questions, dates, visits without 走访, and the confidence with its reasons.
 */
import { describe, expect, it } from 'vitest';
import { findRefs as commandRefs, parseLedgerCommand } from '../../src/ledger/commands.js';
import {
  confidenceOf,
  extractUpdate,
  findDates,
  findDepartments,
  findEnterprises,
  findRefs,
} from '../../src/ledger/extract/index.js';
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

describe('one grammar for issue ids (commands and parser)', () => {
  it.each([
    ['Q-0012 已办结', 'Q-0012'],
    ['q-12 已办结', 'Q-0012'],
    ['Q0012 已办结', 'Q-0012'],
    ['q0012 已办结', 'Q-0012'],
    ['Ｑ－００１２ 已办结', 'Q-0012'],
  ])('%s is an id', (text, ref) => {
    expect(commandRefs(text)).toEqual([ref]);
    expect(parse(text).ref).toBe(ref);
  });

  it.each(['Q1订单下滑', 'Q4 营收回升', '今年Q2出货量少'])('%s (a quarter) is no id', (text) => {
    expect(commandRefs(text)).toEqual([]);
    expect(findRefs(text)).toEqual([]);
    expect(parseLedgerCommand(text)).toBeNull();
  });

  it('regression: "…Q1订单下滑，Q-0002已解决" resolves only Q-0002', () => {
    const text = '恒嘉电子Q1订单下滑，Q-0002已解决';
    expect(commandRefs(text)).toEqual(['Q-0002']);
    const got = parse(text);
    expect(got.ref).toBe('Q-0002');
    expect(got.kind).toBe('mixed');
    expect(triples(got)).toEqual([
      ['市场', null, 'open'],
      ['其他', null, 'resolved'],
    ]);
  });
});

describe('completion verbs and result complements (morphology, not a phrase list)', () => {
  it.each([
    '恒嘉电子的技改贷款批下来了',
    '恒嘉电子那个排污许可办好了',
    '恒嘉电子的土地指标落实好了',
    '恒嘉电子的电商人才招到了',
    '恒嘉电子的研发补助钱到账了',
    '恒嘉电子的三十个包装工到位了',
    '恒嘉电子的环评批了',
    '恒嘉电子的续贷续上了',
    '恒嘉电子门口的排水沟清过了',
    '恒嘉电子的贷款5号放的',
  ])('%s → resolved', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('resolved');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
  });

  it('a short resolution by topic keeps the topic category', () => {
    expect(triples(parse('恒嘉电子的环评批了'))).toEqual([['审批', null, 'resolved']]);
    expect(triples(parse('恒嘉电子的技改贷款批下来了'))).toEqual([['融资', null, 'resolved']]);
  });

  it('negated, asked or future completions are not resolutions', () => {
    expect(parse('恒嘉电子的贷款还没批下来').issues.map((i) => i.status)).toEqual(['open']);
    expect(parse('恒嘉电子的贷款批了没有？').kind).toBe('not_update');
    expect(parse('恒嘉电子的贷款15号前办结').issues.map((i) => i.status)).not.toContain('resolved');
  });
});

describe('department stems and informal hand-offs', () => {
  it.each([
    ['报给住建了', '住建局'],
    ['转发改了', '发改局'],
    ['推给商务了', '商务局'],
    ['跟税务说了', '税务局'],
    ['自规那边在弄', '资规局'],
    ['社保那边在对接', '人社局'],
    ['已报市监', '市场监管局'],
    ['交生态环境那边了', '生态环境局'],
    ['国网在装表', '供电公司'],
  ])('%s → %s', (tail, dept) => {
    const got = parse(`恒嘉电子厂房的事，${tail}`);
    expect(got.issues.map((i) => i.department)).toEqual([dept]);
    expect(got.issues[0]!.status).not.toBe('open');
  });

  it('a stem inside an ordinary word is no department', () => {
    expect(findDepartments('企业交社保压力大').map((d) => d.name)).toEqual([]);
    expect(findDepartments('电力不足，影响生产').map((d) => d.name)).toEqual([]);
  });

  it('"移过去了" is a hand-off without a department', () => {
    expect(triples(parse('恒嘉电子的用地问题移过去了'))).toEqual([['用地', null, 'assigned']]);
  });

  it('a wish, a question about who, or a visiting cadre is not the department', () => {
    expect(parse('恒嘉电子订单下滑，希望商务局帮忙').issues.map((i) => i.department)).toEqual([null]);
    expect(parse('今天跟发改局小周走访了恒嘉电子，企业缺焊工').issues.map((i) => i.department)).toEqual([null]);
  });

  it('one-character typos of a department name are read where a department is expected', () => {
    expect(parse('恒嘉电子缺地的事转给资归局了').issues.map((i) => i.department)).toEqual(['资规局']);
  });
});

describe('numbered lists: hand-offs after the list by number', () => {
  it('①③ after the list land on items 1 and 3', () => {
    const got = parse('走访恒嘉电子，企业反映：1.缺焊工 2.资金紧张 3.环评慢。①已转人社，③报给发改了');
    expect(triples(got)).toEqual([
      ['用工', '人社局', 'assigned'],
      ['融资', null, 'open'],
      ['审批', '发改局', 'assigned'],
    ]);
    // Every hand-off found its item: the only doubt left is the size of the message (three problems).
    expect(got.reasons).toEqual(['many_issues']);
  });

  it('a hand-off to an item the list does not have is not guessed: the parse is unsure', () => {
    const got = parse('走访恒嘉电子，企业反映：1.缺焊工 2.资金紧张。第三个已交金融办');
    expect(triples(got)).toEqual([
      ['用工', null, 'open'],
      ['融资', null, 'open'],
    ]);
    expect(got.reasons).toContain('unmatched_list_handoff');
    expect(got.confidence).toBeLessThan(0.7);
  });
});

describe('roll-ups with several enterprises', () => {
  const text =
    '本周走访情况：1.恒嘉电子：缺焊工，已交人社局；2.云帆食品：没什么诉求；3.启明纺织：用地指标紧张，报给自规了';

  it('one issue per problem, each with its own enterprise; the heading is no enterprise; no requests is no issue', () => {
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(got.issues.map((i) => [i.enterprise, i.category, i.department, i.status])).toEqual([
      ['恒嘉电子', '用工', '人社局', 'assigned'],
      ['启明纺织', '用地', '资规局', 'assigned'],
    ]);
    expect(got.reasons).toContain('several_enterprises');
    expect(got.confidence).toBeLessThan(1);
  });

  it('roll-up lines that start with a date and the enterprise as a label', () => {
    const got = parse(
      '本周走访情况\n1月5日 恒嘉电子 缺10名焊工\n1月6日 云帆食品 一切正常\n1月7日 启明纺织 环评还没批下来，跟生态那边说了',
    );
    expect(got.issues.map((i) => [i.enterprise, i.category, i.department])).toEqual([
      ['恒嘉电子', '用工', null],
      ['启明纺织', '审批', '生态环境局'],
    ]);
  });

  it('a single enterprise gets no per-issue enterprise (the contract shape is unchanged)', () => {
    expect(parse('走访了恒嘉电子，企业缺焊工').issues[0]).not.toHaveProperty('enterprise');
  });
});

describe('voice-to-text', () => {
  it('fillers split unpunctuated speech and are no references or topics', () => {
    const got = parse('嗯那个今天去了恒嘉电子然后他们说缺十个焊工然后就是贷款还没批下来');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(got.date).toBe(TODAY);
    expect(triples(got)).toEqual([
      ['用工', null, 'open'],
      ['融资', null, 'open'],
    ]);
    expect(got.issues.map((i) => i.summary)).toEqual(['缺十个焊工', '贷款还没批下来']);
  });

  it('continuation words cut run-on speech without commas; 还有 + a quantity does not', () => {
    const got = parse('上午去了恒嘉电子他们说研发补助还有三十万没拨付再就是想申请一笔技改贷款');
    expect(got.kind).toBe('visit');
    expect(triples(got)).toEqual([
      ['政策兑现', null, 'open'],
      ['融资', null, 'open'],
    ]);
    expect(got.issues[0]!.summary).toContain('还有三十万');
    const one = parse('上午去了恒嘉电子他们说研发补助还有三十万没拨付');
    expect(one.issues).toHaveLength(1);
  });
});

describe('questions', () => {
  it.each([
    ['Q-0007 现在到哪一步了', 'status'],
    ['Q-0007 现在到哪一步了？', 'status'],
    ['Q-0007能不能结了？', 'closable'],
    ['Q-0007 批了没有？', 'done'],
  ])('%s → not_update with a question about the id', (text, kind) => {
    const got = parse(text);
    expect(got.kind).toBe('not_update');
    expect(got.question).toEqual({ kind, ref: 'Q-0007', enterprise: null, category: null });
  });

  it('a question by enterprise and topic carries them', () => {
    expect(parse('恒嘉电子的技改补助批了没有？').question).toEqual({
      kind: 'done',
      ref: null,
      enterprise: '恒嘉电子',
      category: '政策兑现',
    });
  });

  it('a statement followed by a question keeps the statement and notes the question', () => {
    const got = parse('Q-0007已经解决，可以销号了吧？');
    expect(got.kind).toBe('resolved');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
    expect(got.reasons).toContain('question_form');
  });

  it('a question the enterprise asked, reported by the team, is a request', () => {
    expect(parse('恒嘉电子老板问能不能申请技改补助').kind).toBe('issue');
  });
});

describe('dates', () => {
  it('a bare day of the month is the latest such day not after today', () => {
    expect(parse('8号走访了恒嘉电子').date).toBe('2026-01-08');
    expect(parse('15号走访了恒嘉电子').date).toBe('2025-12-15');
    expect(parse('30日走访了恒嘉电子').date).toBe('2025-12-30');
  });

  it('大前天 and 元旦', () => {
    expect(parse('大前天去了恒嘉电子').date).toBe('2026-01-05');
    expect(parse('元旦去恒嘉电子走访了').date).toBe('2026-01-01');
  });

  it('deadlines are not event dates', () => {
    expect(findDates('15号前给答复', TODAY).every((d) => d.date === null)).toBe(true);
    expect(parse('恒嘉电子缺焊工，人社局说15号前给答复').date).toBeNull();
  });

  it('a number naming a thing (3号问题, 5号车间) is no day; 刚 + a verb of communicating is today', () => {
    expect(findDates('3号问题企业说已经解决了', TODAY)).toEqual([]);
    expect(findDates('5号车间的环评批了', TODAY)).toEqual([]);
    expect(findDates('企业刚回的电话，钱到了', TODAY).map((d) => d.date)).toEqual([TODAY]);
    expect(findDates('用工是企业的刚需', TODAY)).toEqual([]);
  });
});

describe('visits and issues without the usual verbs', () => {
  it.each([
    '今天走防了恒嘉电子，一切正常',
    '回仿了恒嘉电子，企业暂时没有困难',
    '恒嘉电子今天去了，没什么诉求',
    '去了趟恒嘉电子，啥都不缺',
  ])('%s is a visit with no issue', (text) => {
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(got.issues).toEqual([]);
  });

  it('"去了 + an unknown company" is a visit', () => {
    expect(parse('去了博森新材，企业反映缺电').kind).toBe('visit');
  });

  it('an enterprise and a problem without a visit verb is an issue', () => {
    expect(parse('博森新材料缺电')).toMatchObject({ kind: 'issue', enterprise: '博森新材料' });
  });

  it('a plan or a cancelled visit is not an update', () => {
    expect(parse('明天计划去恒嘉电子').kind).toBe('not_update');
    expect(parse('收到，马上去恒嘉电子').kind).toBe('not_update');
    expect(parse('提醒：恒嘉电子的问题清单下周要报区里').kind).toBe('not_update');
    expect(parse('下雨了，原定去恒嘉电子的走访取消了').kind).toBe('not_update');
  });

  it('a topic is never taken from a department name', () => {
    expect(triples(parse('恒嘉电子的事已交办人社局'))).toEqual([['其他', '人社局', 'assigned']]);
  });
});

describe('category from how the head noun is used', () => {
  it.each([
    ['恒嘉电子想再要一块地盖宿舍，还没交办', '用地'],
    ['恒嘉电子差地，扩产上不去，还没交办', '用地'],
    ['恒嘉电子门口的马路太窄，货车进不来，还没交办', '其他'],
    ['恒嘉电子厂区的路灯老是不亮，还没交办', '其他'],
  ])('%s → %s', (text, category) => {
    expect(parse(text).issues.map((i) => i.category)).toEqual([category]);
  });

  it('地 in other words is no land (地方, 地址, 重要地位)', () => {
    expect(parse('恒嘉电子想换个地方办公，还没交办').issues.map((i) => i.category)).not.toContain('用地');
  });
});

describe('topics that come back later in the same message', () => {
  it('a topic clause in a later sentence updates the listed problem of its category, not a new one', () => {
    const got = parse(
      '走访了恒嘉电子。第一，排污许可一直没批；第二，缺两名研发工程师；第三，研发补助只到了一半。排污许可的事已转生态环境局；补助的事报给了经信局；人才的问题再研究一下。',
    );
    expect(got.kind).toBe('visit');
    expect(got.reasons).not.toContain('several_enterprises');
    expect(triples(got)).toEqual([
      ['审批', '生态环境局', 'assigned'],
      ['人才', null, 'open'],
      ['政策兑现', '经信局', 'assigned'],
    ]);
  });

  it('"一个是…，一个是…" lists items; hand-offs of two topics in one sentence go to their own items', () => {
    const got = parse(
      '走访恒嘉电子，企业说了两件事，一个是去年的研发补助没拨付，还有一个是新厂房的消防验收。补助的事已经报给财政局了，消防验收转住建局。',
    );
    expect(got.issues.map((i) => i.summary)).toEqual(['去年的研发补助没拨付', '新厂房的消防验收']);
    expect(triples(got)).toEqual([
      ['政策兑现', '财政局', 'assigned'],
      ['审批', '住建局', 'assigned'],
    ]);
  });

  it('a quantity after 到了 is no enterprise (只到了一半, 到了三成)', () => {
    expect(findEnterprises('研发补助只到了一半', known)).toEqual([]);
    expect(findEnterprises('货款到了三成', known)).toEqual([]);
  });
});

describe('hand-offs and names pointing back', () => {
  it('"报过去了" hands off to the department named before it; with none named it stays unnamed', () => {
    expect(triples(parse('刚才恒嘉电子打电话，说废气排放超标，想请生态环境局上门看看，我已经报过去了'))).toEqual([
      ['其他', '生态环境局', 'assigned'],
    ]);
    expect(triples(parse('恒嘉电子缺焊工，我已经报过去了'))).toEqual([['用工', null, 'assigned']]);
  });

  it('a company ending that starts a longer problem word (电子 + 物流成本) is not chained onto the name', () => {
    expect(parse('恒嘉电子物流成本高，希望交通局协调开通货运专线').enterprise).toBe('恒嘉电子');
  });

  it('a new enterprise introduced by 叫/名叫 is named', () => {
    expect(findEnterprises('上午去的是一家新落户的企业叫恒泰生物科技，刚投产半年', known).map((e) => e.name)).toEqual([
      '恒泰生物科技',
    ]);
  });
});

describe('praise is no problem; failing to recruit is', () => {
  it('"订单其实不错，就是招不到人" records the labour problem only', () => {
    expect(triples(parse('恒嘉电子订单其实不错，就是招不到人'))).toEqual([['用工', null, 'open']]);
    expect(triples(parse('恒嘉电子效益挺好的就是人招不来'))).toEqual([['用工', null, 'open']]);
  });

  it('a professional named keeps its category; a bare 招不到 after it is no second problem', () => {
    expect(triples(parse('恒嘉电子缺两名研发工程师，本地招不到'))).toEqual([['人才', null, 'open']]);
  });
});

describe('departments that are no handler', () => {
  it('a department we will go and ask (去财政局问问) is no hand-off', () => {
    expect(triples(parse('恒嘉电子技改补助还没到账，我明天去财政局问问'))).toEqual([['政策兑现', null, 'open']]);
  });

  it('a visit verb ends the words before a company name (陪同…的同志走访X)', () => {
    const got = parse('陪同发改的同志走访恒嘉电子，企业反映缺电');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(triples(got)).toEqual([['其他', null, 'open']]);
  });
});

describe('kind from the structure of the message', () => {
  it('"X反映的Y问题" + a department acting is progress on the earlier matter; "反映的主要问题是…" reports', () => {
    const got = parse('恒嘉电子反映的排水问题，住建局说下周来疏通');
    expect(got.kind).toBe('progress');
    expect(got.issues.map((i) => [i.category, i.department, i.status, i.summary])).toEqual([
      ['其他', '住建局', 'in_progress', '排水问题，住建局说下周来疏通'],
    ]);
    expect(parse('走访恒嘉电子，企业反映的主要问题是缺焊工').kind).toBe('visit');
  });
});

describe('list hand-offs by a bare digit; utilities lacking', () => {
  it('"1转人社，2转生态，3转税务" after a numbered list hands each item to its department', () => {
    expect(
      triples(
        parse('恒嘉电子：1.缺电工5名 2.排污许可证到期要续 3.研发费用加计扣除没享受到。1转人社，2转生态，3转税务'),
      ),
    ).toEqual([
      ['用工', '人社局', 'assigned'],
      ['审批', '生态环境局', 'assigned'],
      ['政策兑现', '税务局', 'assigned'],
    ]);
  });

  it('缺电 / 停水 are utility problems, 缺电工 is labour', () => {
    expect(triples(parse('恒嘉电子反映停水三天了'))).toEqual([['其他', null, 'open']]);
    expect(triples(parse('恒嘉电子反映缺电工'))).toEqual([['用工', null, 'open']]);
  });
});

describe('a visit recalled in a relative clause', () => {
  it('"上周走访X时提的…" is progress on that matter, no new visit', () => {
    const got = parse('上周走访恒嘉电子时提的用电增容，供电局已经在施工了');
    expect(got.kind).toBe('progress');
    expect(triples(got)).toEqual([['其他', '供电公司', 'in_progress']]);
    expect(parse('走访恒嘉电子时企业提了用电增容，已报供电公司').kind).toBe('visit');
  });
});

describe('promised results', () => {
  it('a result someone promised (银行说月底前放款) is work under way; a wish stays open', () => {
    expect(triples(parse('恒嘉电子贷款的事银行说月底前放款'))).toEqual([['融资', null, 'in_progress']]);
    expect(triples(parse('恒嘉电子的环评，生态环境局答应下周批'))).toEqual([['审批', '生态环境局', 'in_progress']]);
    expect(triples(parse('恒嘉电子希望下周能放款'))).toEqual([['融资', null, 'open']]);
    expect(triples(parse('恒嘉电子贷款预计月底放款'))).toEqual([['融资', null, 'in_progress']]);
    expect(triples(parse('恒嘉电子缺焊工，人社局招到了5个，还差3个'))).toEqual([['用工', '人社局', 'in_progress']]);
    expect(triples(parse('恒嘉电子的用电增容已完工通电'))).toEqual([['其他', null, 'resolved']]);
  });
});

describe('mixed Chinese and English', () => {
  it('English visit verbs make a visit (Visited X today, they need 20 workers, 已转人社)', () => {
    const got = parse('Visited 恒嘉电子 today, they need 20 workers, 已转人社');
    expect(got.kind).toBe('visit');
    expect(triples(got)).toEqual([['用工', '人社局', 'assigned']]);
  });
});

describe('department typos only where a typo is plausible', () => {
  it('a typo of the generic ending must be a homophone (商务居) — 审批通过 is no 审批局', () => {
    expect(findDepartments('恒嘉电子的贷款银行已经审批通过，等放款')).toEqual([]);
    expect(findDepartments('已转商务居').map((d) => d.name)).toEqual(['商务局']);
  });

  it('a bare stem governing a verb (归资规管, 3个人社在帮着找) is the department', () => {
    expect(findDepartments('土地证的事，住健局说归资规管，又转过去了').map((d) => d.name)).toEqual([
      '住建局',
      '资规局',
    ]);
    expect(findDepartments('工程师还差3个人社在帮着找').map((d) => d.name)).toEqual(['人社局']);
  });
});

describe('result complements 满 and 到手', () => {
  it('"招满了" and "拿到手了" resolve; "还没招满" does not', () => {
    expect(triples(parse('恒嘉电子上次说的缺工，现在招满了'))).toEqual([['用工', null, 'resolved']]);
    expect(parse('恒嘉电子的排污证拿到手了').kind).toBe('resolved');
    expect(triples(parse('恒嘉电子的工人还没招满'))[0]?.[2]).not.toBe('resolved');
  });
});

describe('requests naming an event; skilled people', () => {
  it('an enterprise asking for something is a report even when it names an event (参加…展会)', () => {
    expect(triples(parse('恒嘉电子想参加广交会，希望给展位补贴'))).toEqual([['政策兑现', null, 'open']]);
    expect(parse('各位：明天恒嘉电子开座谈会，请准时参加').kind).toBe('not_update');
  });

  it('"一个懂…的X" is a skilled person: talent', () => {
    expect(triples(parse('恒嘉电子需要一个懂跨境电商的运营'))).toEqual([['人才', null, 'open']]);
  });
});

describe('coming back from an enterprise', () => {
  it('"从X回来" is a visit to X; a plan after it is no visit', () => {
    const got = parse('从恒嘉电子回来了，企业说缺电');
    expect(got.kind).toBe('visit');
    expect(got.enterprise).toBe('恒嘉电子');
    expect(triples(got)).toEqual([['其他', null, 'open']]);
    expect(parse('刚从恒嘉电子回来，马上去七一电器').enterprise).toBe('恒嘉电子');
  });
});

describe('smaller patterns', () => {
  it('a 顿号 list of problems of different kinds is one issue each; of one kind it stays one', () => {
    expect(triples(parse('走访恒嘉电子，企业反映：研发人员不足、出口订单受影响、厂区道路积水'))).toEqual([
      ['人才', null, 'open'],
      ['市场', null, 'open'],
      ['其他', null, 'open'],
    ]);
    expect(parse('走访恒嘉电子，企业缺焊工、电工').issues).toHaveLength(1);
  });

  it('a date range is no event date; the item date after it is', () => {
    expect(findDates('周报 2026.1.2-1.6', TODAY).every((d) => d.date === null)).toBe(true);
    expect(parse('联企周报 2026.1.2-1.6\n1.恒嘉电子（1月3日）：缺焊工，报人社局').date).toBe('2026-01-03');
  });

  it('a one-character typo of a known short form is the known enterprise', () => {
    expect(parse('金顶金属今天说贷款到期要续贷，还没交办').enterprise).toBe('金鼎金属材料有限公司');
  });

  it('asking a department to come (想请…上门) is no visit of ours', () => {
    expect(parse('刚才恒嘉电子打电话，说排放超标，想请生态环境局上门指导').kind).toBe('issue');
  });

  it('a request for help in question form is a problem, not a question to the bot', () => {
    expect(parse('恒嘉电子王总留言，二期土地指标的事能不能帮忙催催').kind).toBe('issue');
  });
});

describe('confidence', () => {
  it('a clean report is certain; doubts multiply it down', () => {
    const clean = parse('今天走访了恒嘉电子，企业缺20名焊工，已交人社局');
    expect(clean.confidence).toBe(1);
    expect(clean.reasons).toEqual([]);
    expect(confidenceOf(['handled_new'])).toBeLessThan(1);
    expect(confidenceOf(['handled_new', 'unmatched_list_handoff'])).toBeLessThan(confidenceOf(['handled_new']));
  });

  it('an unknown word where a department is expected lowers it', () => {
    const got = parse('恒嘉电子缺焊工，已交县港航管理中心');
    expect(got.issues.map((i) => i.department)).toEqual(['县港航管理中心']);
    expect(got.reasons).toContain('unknown_department');
  });
});
