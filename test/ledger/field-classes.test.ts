/**
 * Field lexicons as classes (departments by stem + generic office ending, industry endings, category head nouns)
 * and the issue-count rules that go with them: sentences written for this file, with enterprises and wordings of
 * no eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { categorize } from '../../src/ledger/extract/category.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { normalizeDepartment } from '../../src/ledger/lexicon/departments.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-05-20';
const parse = (text: string): Extraction => {
  const got = extractUpdate(text, { today: TODAY, knownEnterprises: known });
  expect(extractionSchema.safeParse(got).success).toBe(true);
  return got;
};
const triples = (e: Extraction) => e.issues.map((i) => [i.category, i.department, i.status]);

describe('departments as a class', () => {
  it('a stem with any generic office ending is its department', () => {
    expect(normalizeDepartment('生态局')).toBe('生态环境局');
    expect(normalizeDepartment('社保所')).toBe('人社局');
    expect(normalizeDepartment('应急办')).toBe('应急管理局');
    expect(triples(parse('松林印务的排污许可，生态局在审'))).toEqual([['审批', '生态环境局', 'in_progress']]);
  });

  it('knows the county offices beyond the common ones, and their older names', () => {
    expect(normalizeDepartment('工商局')).toBe('市场监管局');
    expect(normalizeDepartment('城建局')).toBe('住建局');
    expect(normalizeDepartment('林草局')).toBe('林业局');
    expect(normalizeDepartment('就业服务中心')).toBe('人社局');
    expect(normalizeDepartment('电业局')).toBe('供电公司');
    expect(triples(parse('走访松林竹木，采伐许可证下不来，已转林业局'))).toEqual([['审批', '林业局', 'assigned']]);
    expect(triples(parse('走访松林竹木，厂房改造资金缺口大，报给审计局了'))).toEqual([['融资', '审计局', 'assigned']]);
  });

  it('a bare new stem after a hand-off verb', () => {
    expect(triples(parse('走访松林纸业，蒸汽管道要过一条路，报给城建了'))).toEqual([['其他', '住建局', 'assigned']]);
  });
});

describe('enterprise names by their industry ending', () => {
  it('endings that are hardly ordinary words make a name anywhere', () => {
    expect(parse('上午走访了松林泵业，缺十几个装配工').enterprise).toBe('松林泵业');
    expect(parse('今天和同事去看了长河家纺，订单掉了三成').enterprise).toBe('长河家纺');
  });

  it('endings that are ordinary words too make a name at a clean start', () => {
    expect(parse('长河冷链 冷库用电不够 报给国网了').enterprise).toBe('长河冷链');
    expect(parse('去了长河阀门，铸件供应跟不上').enterprise).toBe('长河阀门');
  });

  it('after a full industry ending, a weak one running into a noun is no part of the name', () => {
    expect(parse('长河食品冷链车进城的通行证办好了').enterprise).toBe('长河食品');
  });
});

describe('category from the head noun of the problem', () => {
  it('a worker named before the deficit is ordinary labour', () => {
    expect(categorize('保洁员招不到').category).toBe('用工');
    expect(categorize('缝纫女工缺口很大').category).toBe('用工');
    expect(categorize('施工进度不够快').category).not.toBe('用工');
  });

  it('a worker named before the deficit made good is ordinary labour', () => {
    expect(categorize('摘果工已经凑齐了').category).toBe('用工');
    expect(categorize('理货员招满了').category).toBe('用工');
    // 开工, 党员 are no workers
    expect(categorize('开工已到岗').category).not.toBe('用工');
    expect(categorize('党员不足').category).not.toBe('用工');
  });

  it('people hired, counted, with no one named before them, are ordinary labour', () => {
    expect(categorize('劳务公司送来一批简历，已招到12人').category).toBe('用工');
    expect(categorize('招了三十个人，还差一半').category).toBe('用工');
    // a professional named before the count: the talent it is about
    expect(categorize('材料工程师 已招到3人').category).toBe('人才');
  });

  it('a certificate being issued, renewed or refused is a permit', () => {
    expect(categorize('木材运输证办理慢').category).toBe('审批');
    expect(categorize('卫生证快到期了').category).toBe('审批');
    // listed certificates keep their own category
    expect(categorize('土地证还没办下来').category).toBe('用地');
  });

  it('loans named by their product (科技贷, 人才贷) are financing', () => {
    expect(categorize('想对接科技贷').category).toBe('融资');
    expect(categorize('承兑汇票贴现难').category).toBe('融资');
  });

  it('a talent service for a senior role is talent', () => {
    expect(categorize('研发总监的子女入学').category).toBe('人才');
  });

  it('land of every kind is land', () => {
    expect(categorize('想流转两百亩林地').category).toBe('用地');
    expect(categorize('耕地占补指标不够').category).toBe('用地');
  });

  it('a pause ends the object of a need verb (phone text without commas)', () => {
    expect(categorize('缺做芯片的工程师 招不到人').category).toBe('人才');
  });
});

describe('how many problems', () => {
  it('a staffing deficit that names nobody restates the problem before it', () => {
    const got = parse('长河光学 缺光学工程师 招不到人');
    expect(got.issues.map((i) => i.category)).toEqual(['人才']);
  });

  it('a named second group of workers is a second problem', () => {
    const got = parse('走访长河光学，缺两个工程师，普工也招不到人');
    expect(got.issues.map((i) => i.category)).toEqual(['人才', '用工']);
  });

  it('a sentence that only announces the topic joins the problem told after it', () => {
    const got = parse('今天去了长河机床，主要是资金问题。他们的流贷下个月到期，银行要压降，需要转贷。');
    expect(triples(got)).toEqual([['融资', null, 'open']]);
  });

  it('money said to be tight is a problem of its own after another one', () => {
    const got = parse('走访长河机电 缺电焊工五个 然后资金也紧 想贷三百万');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '融资']);
  });
});

describe('names that begin with a conjunction character', () => {
  it('同/和/与 before a company ending, right after a visit verb, begin the name', () => {
    expect(parse('去了同泰机械，技改补助没到').enterprise).toBe('同泰机械');
    expect(parse('上午走访了和润家纺，缺二十个缝纫工').enterprise).toBe('和润家纺');
  });

  it('跟 before a name is still the preposition', () => {
    expect(parse('跟长河机械的老板聊了，订单下滑').enterprise).toBe('长河机械');
  });
});

describe('a stem right after the topic, doing something (dictation joined back)', () => {
  it('is the office at work', () => {
    expect(triples(parse('长河机床 用地 指标 资规 在 研究'))).toEqual([['用地', '资规局', 'in_progress']]);
  });

  it('a stem that only modifies the next word is no office', () => {
    expect(parse('长河机床 想申请 金融 贷款').issues.map((i) => i.department)).toEqual([null]);
  });
});

describe('numbered lists', () => {
  it('an item the enterprise handles itself drops that item only', () => {
    const got = parse('走访长河机床，企业诉求：\n①流动资金贷款到期\n②要招8个装配工\n③食堂漏雨（企业自己处理）');
    expect(got.issues.map((i) => i.category)).toEqual(['融资', '用工']);
  });

  it('in a roll-up whose entries list problems, 第N项① addresses one problem of the Nth entry', () => {
    const got = parse(
      '【本周走访】\n1. 5月11日，走访长河机床有限公司。企业反映：①新厂房施工许可未办；②缺数控工程师2名。\n2. 5月13日，走访松林印务有限公司。企业反映装订工缺口约20人。\n以上第1项①已转住建局，第2项已交人社局。',
    );
    expect(got.issues.map((i) => [i.enterprise, i.category, i.department])).toEqual([
      ['长河机床有限公司', '审批', '住建局'],
      ['长河机床有限公司', '人才', null],
      ['松林印务有限公司', '用工', '人社局'],
    ]);
  });

  it('a list item headed by an industry word and what it makes names no enterprise', () => {
    const got = parse('走访长河精工有限公司，企业反映：\n1. 焊接电缆项目需新增用地20亩；\n2. 软件工程师招聘困难。');
    expect(got.enterprise).toBe('长河精工有限公司');
    expect(got.issues.every((i) => !i.enterprise || i.enterprise === '长河精工有限公司')).toBe(true);
  });
});

describe('what the enterprise asks is its request', () => {
  it('企业想问问… when a subsidy is paid is an unpaid subsidy, not our question', () => {
    expect(triples(parse('去了长河机床，企业想问问技改补助什么时候能拨'))).toEqual([['政策兑现', null, 'open']]);
  });

  it('a request phrased 能不能… after "no requests" is still raised', () => {
    expect(parse('去了长河机床，没提什么要求，他们说技改补助能不能提前拨').issues).toHaveLength(1);
  });

  it('our own question stays a question', () => {
    expect(parse('想问一下长河机床的贷款现在到哪一步了？').kind).toBe('not_update');
  });
});

describe('stems of offices named by what they inspect', () => {
  it('消防, 药监, 林业 before a place word or after a hand-off are their offices', () => {
    expect(triples(parse('长河机床新仓库消防验收没过，已报给消防了'))).toEqual([['审批', '消防救援大队', 'assigned']]);
    expect(triples(parse('长河医疗的注册证，药监那边在审'))).toEqual([['审批', '药监局', 'in_progress']]);
  });

  it('a fire lane blocked is a site matter, not a permit', () => {
    expect(categorize('厂区消防通道被堵').category).toBe('其他');
  });
});

describe('a time word before 的 names no enterprise', () => {
  it('上次的贷款, 之前的环评 are earlier matters', () => {
    expect(parse('上次的贷款 金融办在协调').enterprise).toBeNull();
    expect(parse('之前的环评 批下来了').enterprise).toBeNull();
    expect(parse('长丰的续贷 金融办在协调').enterprise).toBe('长丰');
  });
});

describe('enterprise names in 公文 wording', () => {
  it('据X反映 / 另外X说: the lead word is not part of the name', () => {
    expect(parse('据青松纸业有限公司反映，锅炉改造补助至今未拨付。').enterprise).toBe('青松纸业有限公司');
    expect(parse('另外远航包装老板说，纸箱订单掉了三成。').enterprise).toBe('远航包装');
  });

  it('赴X开展… is a visit to X, also after a department that went along', () => {
    const e = parse('11月5日，我组会同县人社局赴金穗米业有限公司开展用工调研，企业反映缺装卸工10名。');
    expect(e.kind).toBe('visit');
    expect(e.enterprise).toBe('金穗米业有限公司');
    expect(e.date).toBe('2025-11-05');
  });
});

describe('formal hand-offs', () => {
  it('报请 / 转请 hand off, and what the department is asked to do is no new problem', () => {
    const e = parse('松林印务新车间消防验收迟迟没有通过。我组已将有关情况报请县住建局协调。');
    expect(triples(e)).toEqual([['审批', '住建局', 'assigned']]);
    expect(triples(parse('青松纸业缺叉车司机6名，已转请县人社局协助招聘。'))).toEqual([['用工', '人社局', 'assigned']]);
  });
});

describe("the reporter's own comment", () => {
  it('an opinion or a note to self after a quote is no problem of its own', () => {
    const e = parse('走访了青松纸业，老板说：“蒸汽价格涨了两成，成本扛不住。”我觉得可以帮他们对接一下热电厂。');
    expect(e.issues).toHaveLength(1);
    expect(parse('远航包装的出口退税还没退下来。我看问题不大，这个要再催一下。').issues).toHaveLength(1);
  });
});

describe('department names as people write them in a command', () => {
  it('a trailing 的 (住建的, 人社那边的) and 规划 for the planning office', () => {
    expect(normalizeDepartment('住建的')).toBe('住建局');
    expect(normalizeDepartment('人社那边的')).toBe('人社局');
    expect(normalizeDepartment('规划口')).toBe('资规局');
    expect(normalizeDepartment('老王的')).toBe('老王的');
  });
});

describe('sign-off proposed in 公文 wording', () => {
  it('建议予以销号 proposes a sign-off: solved, not yet signed off', () => {
    const e = parse('经回访，青松纸业锅炉补助已全部拨付到位，建议予以销号。');
    expect(e.issues.map((i) => i.status)).toEqual(['resolved']);
  });
});

describe('a bound enterprise written short, a middle part left out', () => {
  it('恒宇机械 is 浙江恒宇精密机械有限公司 (its own ending); 恒宇化工 is another company', () => {
    const known = ['浙江恒宇精密机械有限公司'];
    const of = (t: string) =>
      extractUpdate(t, { today: TODAY, knownEnterprises: known, teamEnterprises: known }).enterprise;
    expect(of('恒宇机械反映缺数控操作工')).toBe('浙江恒宇精密机械有限公司');
    expect(of('恒宇化工反映缺数控操作工')).toBe('恒宇化工');
  });
});

describe('a bound enterprise written as an abbreviation or without its district', () => {
  const known = ['杭州云购电子商务有限公司', '越城新材科技有限公司'];
  const parsed = (t: string) => extractUpdate(t, { today: TODAY, knownEnterprises: known, teamEnterprises: known });
  it('云购电商 keeps characters of 云购电子商务 in order: the whole abbreviation is the name, none left in the summary', () => {
    const e = parsed('云购电商反映物流仓储用地租金太高');
    expect(e.enterprise).toBe('杭州云购电子商务有限公司');
    expect(e.issues[0]?.summary).not.toMatch(/^商/);
  });
  it('新材科技 is 越城新材科技有限公司: a district from the place list is no part of the name’s core', () => {
    expect(parsed('新材科技今天去了，一切正常').enterprise).toBe('越城新材科技有限公司');
  });
});

describe('a roll-up typed without punctuation', () => {
  it('a space before each known enterprise ends the sentence about the one before', () => {
    const known = ['华康药业', '七一电器'];
    const e = extractUpdate('今天跑了两家 华康药业 银行已经对接了在走流程 七一电器环评批下来了', {
      today: TODAY,
      knownEnterprises: known,
      teamEnterprises: known,
    });
    expect(e.issues.map((i) => [i.enterprise, i.category, i.status])).toEqual([
      ['华康药业', '融资', 'in_progress'],
      ['七一电器', '审批', 'resolved'],
    ]);
    // several enterprises in one message: always confirmed before recording
    expect(e.reasons).toContain('several_enterprises');
  });
});

describe('plans and parts in 公文 wording', () => {
  it('安排专人上门 is a visit to come, not a visit; 整改已完成过半 leaves the matter under way', () => {
    expect(parse('青松纸业的排污许可咨询，已转请县生态环境局安排专人下周上门指导服务。').kind).not.toBe('visit');
    expect(parse('远航包装消防验收的问题，整改已完成过半，待复验。').issues.map((i) => i.status)).not.toContain(
      'resolved',
    );
  });
});

describe('a chat one-liner opening with a name', () => {
  it('an opening word no dictionary knows, before a report, is the enterprise — guessed, so the bot asks', () => {
    const e = parse('青禾 贷款 批下来了');
    expect(e.enterprise).toBe('青禾');
    expect(e.reasons).toContain('guessed_enterprise');
    expect(e.confidence).toBeLessThan(0.7);
    // common words are no names: 顺便 / 路灯 open many a chat message
    expect(parse('顺便 说下 贷款批下来了').enterprise).toBeNull();
    expect(parse('路灯 搞定 街道修好了').enterprise).toBeNull();
  });
});

describe('a roll-up’s lines after its entries', () => {
  const rows = (text: string) =>
    parse(text).issues.map((i) => [i.enterprise ?? null, i.category, i.department, i.status]);

  it('a hand-off line names an entry’s problem by the words it shares with it, any entry’s', () => {
    expect(
      rows(
        '【本周走访】\n1、东岳化工：①用电增容；②环评批复慢。\n2、金穗米业：①仓储用地指标；②粮食收购贷款。\n增容已报供电公司；贷款交金融办。',
      ),
    ).toEqual([
      ['东岳化工', '其他', '供电公司', 'assigned'],
      ['东岳化工', '审批', null, 'open'],
      ['金穗米业', '用地', null, 'open'],
      ['金穗米业', '融资', '金融办', 'assigned'],
    ]);
  });

  it('arrows hand off (用地→自规；限行→交通), and a line naming a category updates the first entry that has it', () => {
    expect(
      rows(
        '本周走访：\n1、6月2日 华联纸业：厂房扩建用地15亩；货车进城限行；\n2、6月4日 泰和医药回访：房租补贴财政已拨付，解决。\n用地→自规；限行→交通。',
      ),
    ).toEqual([
      ['华联纸业', '用地', '资规局', 'assigned'],
      ['华联纸业', '其他', '交通运输局', 'assigned'],
      ['泰和医药', '政策兑现', '财政局', 'resolved'],
    ]);
    expect(
      rows(
        '本周情况\n① 周一走访安和机电，企业反映数控技工紧缺，另有市级技改奖励30万未兑现；\n② 周三走访青禾茶业，反映包装成本上涨。\n奖励问题已转财政。',
      ).map((r) => r.slice(1)),
    ).toEqual([
      ['用工', null, 'open'],
      ['政策兑现', '财政局', 'assigned'],
      ['其他', null, 'open'],
    ]);
  });

  it('无问题 speaks for its own enterprise; 无交办 hands nothing off', () => {
    expect(
      rows('本周走访：永兴铸造（周二）无问题；科瑞仪器（周四）反映新厂房施工许可延误、研发奖励未兑现。无交办。'),
    ).toEqual([
      ['科瑞仪器', '审批', null, 'open'],
      ['科瑞仪器', '政策兑现', null, 'open'],
    ]);
  });
});

describe('results with a part still to come, and contacting a department ourselves', () => {
  const st = (text: string) => parse(text).issues.map((i) => [i.department, i.status]);

  it('a result with its remainder pending is progress; other matters pending are not', () => {
    expect(st('本周进度：长河化纤技改补助300万，财政已拨付150万，余款待年底。')).toEqual([['财政局', 'in_progress']]);
    expect(st('长河化纤的贷款已放款一半，剩下的还在审批')[0]?.[1]).toBe('in_progress');
    expect(st('长河化纤技改补助已到账')).toEqual([[null, 'resolved']]);
    // a check still to pass after the work is done: in progress; our own return visit after it is no such check
    expect(st('长河汽配消防整改完成了 应急局下周复验')).toEqual([['应急管理局', 'in_progress']]);
    expect(st('长河汽配的环评已办结，下周回访')[0]?.[1]).toBe('resolved');
  });

  it('我已经联系了 / 对接了 + a department hands the matter to it', () => {
    expect(st('去了长河电气，企业说厂区用电负荷不足，需要增容。增容的事我已经联系了供电公司。')).toEqual([
      ['供电公司', 'assigned'],
    ]);
    expect(st('去了长河船舶，企业反映构件运输要办超限通行证，我已经对接了交通运输局。')).toEqual([
      ['交通运输局', 'assigned'],
    ]);
  });
});

describe('good news is no problem', () => {
  it('订单不错 / 生产挺好 on a visit raise nothing; 刚从X出来 is a visit', () => {
    expect(parse('刚从长河纸业回来，企业说订单不错').issues).toEqual([]);
    expect(parse('今天去了长河纸业，生产挺好，就是缺两个电工').issues.map((i) => i.category)).toEqual(['用工']);
    expect(parse('我刚从长河纸业出来，老板说缺两个电工').kind).toBe('visit');
  });
});
