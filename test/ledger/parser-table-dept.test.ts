/**
 * Issue count, department and category mechanisms added for tables, titles, inline lists and departments that are
 * not the handler (src/ledger/extract/segment.ts, department.ts, category.ts): each tested on sentences written for
 * this file, with enterprises and wordings of no eval set.
 */
import { describe, expect, it } from 'vitest';
import { parseChecked, triples } from './parse-helpers.js';

const parse = parseChecked;

describe('the frame of a pasted table or list raises no issue', () => {
  it('a header row of column names is no item, and its problem column says the rows are reported', () => {
    const got = parse('单位名称|诉求类型|诉求内容|承办单位|办理情况\n青禾纸业|融资|流贷300万到期要续|金融办|已交办');
    expect(got.kind).toBe('issue');
    expect(triples(got)).toEqual([['融资', '金融办', 'assigned']]);
  });

  it('tab-separated header rows too, with the rows of several enterprises', () => {
    const got = parse(
      '企业\t问题描述\t责任部门\t进度\n青禾纸业\t缺叉车司机8人\t人社局\t已交办\n远拓机电\t厂房土地证办不下来\t资规局\t办理中',
    );
    expect(triples(got)).toEqual([
      ['用工', '人社局', 'assigned'],
      ['用地', '资规局', 'in_progress'],
    ]);
  });

  it('a data row is no header row', () => {
    const got = parse('青禾纸业|缺电工|人社局\n远拓机电|续贷|金融办');
    expect(got.issues).toHaveLength(2);
  });

  it('a title made of heading words and a status over the rows raises nothing itself', () => {
    const got = parse('本月诉求已办结情况：\n青禾纸业 污水管网接通 已办结\n远拓机电 技改补助 已到账');
    expect(got.issues).toHaveLength(2);
    expect(got.issues.every((i) => i.status === 'resolved')).toBe(true);
  });
});

describe('list markers', () => {
  it('an item number right after the bracket closing the item before starts an item', () => {
    const got = parse('今天走访远拓机电：1.缺数控车工6人（人社局）2.新厂房施工许可没办下来（住建局）');
    expect(triples(got)).toEqual([
      ['用工', '人社局', 'assigned'],
      ['审批', '住建局', 'assigned'],
    ]);
  });
});

describe('a department named that does not handle the matter', () => {
  it('one that declines it is no handler', () => {
    const got = parse('远拓机电门口的路灯坏了半个月 城管那边说这事不归他们管');
    expect(triples(got)).toEqual([['其他', null, 'open']]);
    expect(parse('青禾纸业反映厂区积水，住建局表示不属于其职责').issues[0]?.department).toBeNull();
  });

  it('an authority above the county the enterprise applied to is background', () => {
    const got = parse('青禾纸业反映，其新产品注册申请已提交国家药监部门一年多，还没批下来。');
    expect(triples(got)).toEqual([['审批', null, 'open']]);
  });

  it('a department named as the source of a policy is no handler', () => {
    expect(triples(parse('远拓机电反映，科技局的研发后补助一直没发'))).toEqual([['政策兑现', null, 'open']]);
    expect(triples(parse('青禾纸业说按照商务局下发的通知能拿参展补贴，到现在没动静'))).toEqual([
      ['政策兑现', null, 'open'],
    ]);
    expect(parse('远拓机电反映，依据县财政局文件应享受贴息，至今未到位').issues[0]?.department).toBeNull();
    // (handed to it afterwards: it handles the matter)
    expect(parse('远拓机电反映科技局的研发后补助一直没发，已转科技局').issues[0]?.department).toBe('科技局');
  });

  it('a department that declines, then one it was handed to: the latter handles it', () => {
    const got = parse('远拓机电厂区积水，住建局说不归他们管，已转交水利局。');
    expect(got.issues[0]?.department).toBe('水利局');
  });
});

describe('a clause that opens with its cause is background', () => {
  it('it is no problem of its own', () => {
    expect(triples(parse('青禾纸业反映，因为纸浆涨价，资金周转困难，想申请一笔过桥资金'))).toEqual([
      ['融资', null, 'open'],
    ]);
    expect(parse('远拓机电由于老师傅退休，缺8个钳工').issues).toHaveLength(1);
  });

  it('its words do not decide the category', () => {
    expect(triples(parse('远拓机电反映，受出口订单下滑影响，资金比较紧张'))).toEqual([['融资', null, 'open']]);
  });

  it('a problem after the caused one is still its own', () => {
    expect(parse('青禾纸业因为扩产，需要新增用地15亩，另外新车间环评还没批').issues).toHaveLength(2);
  });
});

describe('counting the problems of a sentence', () => {
  it('a header counting its items needs no colon to be no item itself', () => {
    const got = parse('青禾纸业那边主要是两个问题 一个是流贷续不上 一个是缺叉车工');
    expect(triples(got)).toEqual([
      ['融资', null, 'open'],
      ['用工', null, 'open'],
    ]);
  });

  it('two problems of different categories joined by 和/以及 are two issues', () => {
    expect(triples(parse('远拓机电反映流贷到期续不上以及缺数控工'))).toEqual([
      ['融资', null, 'open'],
      ['用工', null, 'open'],
    ]);
  });

  it('a noun joined to a problem, or two of one kind, stay one issue', () => {
    expect(parse('青禾纸业缺叉车工和电焊工').issues).toHaveLength(1);
    expect(parse('远拓机电新车间的施工许可和消防验收都没办').issues).toHaveLength(1);
  });
});

describe('recognitions and leads', () => {
  it('applying for a title (专精特新, 高新技术企业) is a recognition; the award for one is 政策兑现', () => {
    expect(triples(parse('青禾纸业今年想冲专精特新，材料不会写'))).toEqual([['审批', null, 'open']]);
    expect(triples(parse('远拓机电前年认定高新技术企业的奖励还没拨'))).toEqual([['政策兑现', null, 'open']]);
  });

  it('among several departments at work, the one said to lead handles it', () => {
    expect(parse('远拓机电用地的事，住建、自规都在看，自规牵头').issues[0]?.department).toBe('资规局');
  });
});

describe('taking a matter to a department', () => {
  it('我找了 + the department (and its cadre): handed over', () => {
    expect(parse('远拓机电排污许可的事 我找了环保局的李科长 他说抓紧').issues[0]?.department).toBe('生态环境局');
  });

  it('not yet taken there, or only wished: no handler', () => {
    expect(triples(parse('青禾纸业厂区用电增容，还没联系供电公司'))).toEqual([['其他', null, 'open']]);
    expect(parse('远拓机电想找人社局帮忙招20个普工').issues[0]?.department).toBeNull();
  });
});
