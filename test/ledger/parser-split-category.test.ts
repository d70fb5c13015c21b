/**
 * Issue count and category mechanisms (src/ledger/extract/split.ts, segment.ts, category.ts): each tested on
 * sentences written for this file, with enterprises and wordings of no eval set.
 */
import { describe, expect, it } from 'vitest';
import { categorize } from '../../src/ledger/extract/index.js';
import { parseChecked, triples } from './parse-helpers.js';

const parse = parseChecked;

describe('a procedure word after a word of another category is that matter’s procedure', () => {
  it.each([
    ['现在卡在银行审批这一步', '融资'],
    ['车间的并网验收一直没通过', '其他'],
    ['天然气接入的报批还没下来', '其他'],
  ])('%s → %s', (text, category) => {
    expect(categorize(text).category).toBe(category);
  });

  it('alone, or after a permit word, it stays a permit matter', () => {
    expect(categorize('项目审批太慢').category).toBe('审批');
    expect(categorize('新车间消防验收没通过').category).toBe('审批');
    expect(categorize('仓库验收卡住了').category).toBe('审批');
  });
});

describe('lexicon classes', () => {
  it('renting premises is no land matter', () => {
    expect(categorize('厂房租约明年到期，房东不肯续租').category).toBe('其他');
    expect(categorize('扩建厂房缺地').category).toBe('用地');
  });

  it('research with universities is about talent', () => {
    expect(categorize('想跟省里几所院校搞校企合作').category).toBe('人才');
  });

  it('key staff poached is a talent problem of its own', () => {
    const got = parse('青禾农机反映两名设计骨干被挖走，技改补助也还没拨');
    expect(got.issues.map((i) => i.category)).toEqual(['人才', '政策兑现']);
  });

  it('a lacking person who knows a trade is talent, whatever the trade', () => {
    expect(categorize('缺懂外贸的业务经理').category).toBe('人才');
  });
});

describe('lists', () => {
  it('a list opening right after a quote mark is a list', () => {
    const got = parse('今天去了青禾农机，老板说：“一是缺数控工程师，二是缺研发人员。”');
    expect(got.issues.map((i) => i.category)).toEqual(['人才', '人才']);
    expect(got.issues[0]!.summary).toBe('缺数控工程师');
  });

  it('a bare hand-off after an ordinal clause goes to the item it named', () => {
    const got = parse(
      '今天去了青禾农机，企业提了三件事：一是路灯不亮，二是缺数控工程师，三是技改补助没到。我觉得第二个好办，已经报人社局了。',
    );
    expect(triples(got)).toEqual([
      ['其他', null, 'open'],
      ['人才', '人社局', 'assigned'],
      ['政策兑现', null, 'open'],
    ]);
  });
});

describe('a state said of no matter by name', () => {
  it('after an update of an earlier issue, it is that issue’s state (no second issue)', () => {
    const got = parse('青禾农机老板在群里说：“技改补助到账了！”这个可以算办结了。');
    expect(triples(got)).toEqual([['政策兑现', null, 'resolved']]);
  });

  it('after a new problem, pointing back or bare, it is that problem’s state', () => {
    expect(parse('青禾农机来函反映园区道路破损严重，货车进出困难。目前该事项尚未交办。').issues).toHaveLength(1);
    expect(
      triples(parse('青禾农机的天然气接入申请已提交两个月，一直没有接通。已于3月2日报请县住建局加快办理。')),
    ).toHaveLength(1);
  });
});

describe('nothing asked, and its exceptions', () => {
  it('no matters needing coordination raised is nothing to record', () => {
    expect(parse('上午走访了青禾农机，企业生产正常，未提出需协调解决的事项。').issues).toEqual([]);
  });

  it('an ask after "nothing asked", its speaker dropped (就是说…能不能…), is recorded', () => {
    const got = parse('去青禾农机转了一圈 企业挺好 没提什么要求 就是说下半年能不能继续派驻企服务员');
    expect(got.issues).toHaveLength(1);
  });

  it('the matter named in an all-is-well clause still tells the category of its sign-off', () => {
    expect(triples(parse('青禾农机排污许可问题经企业确认满意，已作销号处理。'))).toEqual([['审批', null, 'closed']]);
  });
});

describe('a sentence opening with a bare topic', () => {
  it('tells that matter’s steps: one issue, of the matter the topic names', () => {
    const got = parse('青禾农机林地手续问题，经资规局核查，环评批复已补齐，不动产登记正在办理。');
    expect(got.issues.map((i) => i.category)).toEqual(['用地']);
  });

  it('a deficit after the topic is still a problem of its own', () => {
    const got = parse('青禾农机的用工问题，人社局办了专场招聘会，已经招到20人，流动资金也紧张');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '融资']);
  });
});

describe('a question inside the words quoted from the enterprise', () => {
  it('is its ask, with the words before it', () => {
    const got = parse('青禾农机的贷款已经放了。另外老板说：“新车间要装修，消防审查能不能快点？”');
    expect(got.issues.map((i) => [i.category, i.status])).toEqual([
      ['融资', 'resolved'],
      ['审批', 'open'],
    ]);
  });
});

describe('frames and run-on problems', () => {
  it('a summary drops table separators and quote marks at its ends', () => {
    expect(parse('青禾农机 | 缺焊工10名 | 已交人社局').issues.map((i) => i.summary)).toEqual(['缺焊工10名']);
  });

  it('a light that does not work is a problem of its own in run-on dictation', () => {
    const got = parse('今天去青禾农机 他们说补贴没到账另外园区路灯也不亮');
    expect(got.issues.map((i) => i.category)).toEqual(['政策兑现', '其他']);
  });
});

describe('word boundaries and weak deficits', () => {
  it('对接 is a verb: its 接 is no part of the word after it', () => {
    expect(categorize('希望对接电商平台').category).toBe('市场');
    expect(categorize('希望参加银企对接会').category).toBe('融资');
  });

  it('"not good" said of a matter is a problem of its own in dictation', () => {
    const got = parse('今天去了青禾农机 老板说今年订单不太好 然后招工也难');
    expect(got.issues.map((i) => i.category)).toEqual(['市场', '用工']);
  });
});

describe('headings announcing a list', () => {
  it('"the problems mainly are:" after the enterprise’s name is no problem itself', () => {
    const got = parse('青禾农机反映问题主要有以下几点：一是流贷到期；二是缺焊工。');
    expect(got.issues.map((i) => i.category)).toEqual(['融资', '用工']);
  });
});

describe('several updates and problems in one spoken message', () => {
  it('"no problem any more" said of a settled matter does not hide a new problem after it', () => {
    const got = parse('上午回访青禾农机嗯技改补助已经到账了没问题了然后又提了一个要招三个结构工程师');
    expect(triples(got)).toEqual([
      ['政策兑现', null, 'resolved'],
      ['人才', null, 'open'],
    ]);
  });

  it('"no new problems" after a resolution still says nothing new is asked', () => {
    const got = parse('上午回访青禾农机，技改补助已经到账了，企业没有新的问题，订单也不错');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
  });

  it('an update naming an issue id after a new problem is its own item', () => {
    const got = parse('昨天去了青禾农机嗯他们说雨污管网还没接通然后Q零零四二就是那个用电增容已经通电了');
    expect(got.issues.map((i) => i.status)).toEqual(['open', 'resolved']);
    expect(got.ref).toBe('Q-0042');
  });

  it('… also when the id follows the update', () => {
    const got = parse('今天去了青禾农机，他们想申请技改贷款，门口那条路修好了Q-0042可以办结了');
    expect(triples(got)).toEqual([
      ['融资', null, 'open'],
      ['其他', null, 'resolved'],
    ]);
  });

  it('two results on the same matter are one update', () => {
    const got = parse('青禾农机财务说银行续贷已经批了，那个转贷的事也办完了');
    expect(triples(got)).toEqual([['融资', null, 'resolved']]);
  });

  it('a clause opening with its status goes on with the matter before it', () => {
    const got = parse('青禾农机危化品运输问题已交交通局，正在协调办理道路运输许可');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.category).toBe('其他');
  });

  it('a count of the problems listed, or thanks, is a remark, no problem', () => {
    const got = parse('走访青禾农机，企业需要招聘电焊工20人，另外流动资金贷款3000万。两个问题我都还在梳理，辛苦了！');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '融资']);
  });

  it('good news about orders is the circumstance of a need, no market problem', () => {
    const got = parse('走访青禾农机，订单排满了但是产能跟不上，需要新增用地30亩');
    expect(got.issues.map((i) => i.category)).toEqual(['用地']);
    expect(categorize('订单下滑得厉害').category).toBe('市场');
  });
});

describe('clause ends and listed ids', () => {
  it('an emoji before a space ends a clause', () => {
    const got = parse(
      '昨天回访青禾农机，排污许可的问题生态环境局已经办好了👍 企业还说想申请一个新车间的能评，还没交办。',
    );
    expect(triples(got)).toEqual([
      ['审批', '生态环境局', 'resolved'],
      ['审批', null, 'open'],
    ]);
  });

  it('each of several listed ids takes the matter named after it', () => {
    const got = parse('本周办结2件：Q-0201（青禾农机招工）、Q-0202（青禾农机排污许可），企业均已确认。');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '审批']);
  });
});

describe('background, plans and new reports in a visit', () => {
  it('a cause reported by the enterprise is the background of the problem after it', () => {
    const got = parse('今天走访青禾农机，企业反映由于钢材涨价，资金周转困难，希望协调银行续贷。');
    expect(got.issues.map((i) => i.category)).toEqual(['融资']);
  });

  it('another matter the owner also raised is a problem of its own', () => {
    const got = parse('刚从青禾农机出来 他们说银行承兑到期了 想续贷 然后老板还说车间电老是跳闸 要增容');
    expect(got.issues.map((i) => i.category)).toEqual(['融资', '其他']);
  });

  it('"the main difficulty is:" is a heading, and a need that may arise later is none when nothing is asked', () => {
    const got = parse(
      '今天走访了青禾农机，企业反映的主要困难是：新车间的消防验收迟迟未通过。另外企业打算后年扩产，届时可能需要新增用地，目前暂无诉求。',
    );
    expect(got.issues.map((i) => i.category)).toEqual(['审批']);
  });
});

describe('lexicon: buyers, freight and managers', () => {
  it.each([
    ['希望帮忙对接几家海外买家', '市场'],
    ['集装箱运费涨了一倍', '其他'],
    ['新车间充电桩报装一直没人管', '其他'],
    ['缺一名质量主管', '人才'],
    ['想找银行客户经理对接一下续贷', '融资'],
  ])('%s → %s', (text, category) => {
    expect(categorize(text).category).toBe(category);
  });
});

describe('more deficit words in unpunctuated dictation', () => {
  it('an inspection that cannot be passed, then a loan falling due, are two problems', () => {
    const got = parse('我在青禾农机这边他们反映新仓库的消防验收一直过不了还有银行贷款月底到期想续贷');
    expect(got.issues.map((i) => i.category)).toEqual(['审批', '融资']);
  });

  it('a cost that is too high is a problem of its own after 另外', () => {
    const got = parse('青禾农机老板刚打电话说排污许可批不下来另外天然气也太贵');
    expect(got.issues.map((i) => i.category)).toEqual(['审批', '其他']);
  });
});
