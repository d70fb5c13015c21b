/**
 * How many issues a message holds (src/ledger/extract/segment.ts, split.ts, extract.ts and the lexicon classes they
 * read): the frame of a report raises none, and problems are told apart by their clause structure. Each mechanism is
 * tested on sentences written for this file, with enterprises and wordings of no eval set.
 */
import { describe, expect, it } from 'vitest';
import { parseChecked } from './parse-helpers.js';

const parse = parseChecked;

describe('the frame of a report raises no issue', () => {
  it('a heading naming a class of categories before its list', () => {
    const got = parse('本月用工类进展汇总：①青松制衣 缝纫工到岗12人 人社局对接中；②云梯机械 焊工缺口8人，待研究。');
    expect(got.issues).toHaveLength(2);
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '用工']);
  });

  it('an announcement that the report follows (…报告如下：)', () => {
    const got = parse(
      '现将本周交办情况报告如下：白鹭纺织有限公司染整工缺口问题已交人社局；白鹭纺织有限公司蒸汽管道改造补贴已交经信局。',
    );
    expect(got.issues).toHaveLength(2);
  });

  it('a list label naming which problems follow (当前难点问题：)', () => {
    const got = parse('当前难点问题：青松制衣用地指标（资规局审核中）；云梯机械环评（生态环境局审核中）。');
    expect(got.issues).toHaveLength(2);
  });

  it('a tally naming the enterprises counted in brackets, and a rate, is no issue', () => {
    const got = parse('本周走访企业2家（青松制衣、云梯机械），收集问题1个。\n云梯机械反映焊工缺口8人，已报人社局。');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.category).toBe('用工');
    const tally = parse('上半年共走访企业20家，收集问题16个，办结12个，办结率75%。云梯机械环评已报生态环境局。');
    expect(tally.issues).toHaveLength(1);
  });

  it('a document title about the situation (关于…的情况) on its own line', () => {
    const got = parse(
      '关于青松制衣有限公司来电反映问题的情况\n3月10日，企业来电反映厂区供水管网老化，影响正常生产。经研究，已交县住建局办理。',
    );
    expect(got.issues).toHaveLength(1);
  });
});

describe('a follow-up clause about the same matter is no new issue', () => {
  it('a contrast after a plan says what stands in its way', () => {
    const got = parse('云梯机械老板打电话说他们想搞直播带货，但是找不到懂运营的人，问我们能不能帮忙推荐');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.category).toBe('人才');
  });

  it('a contrast after a result that raises a problem of its own stays that problem (the result is its background)', () => {
    const got = parse('青松制衣的贷款已经批了，但是扩建用地还没落实');
    expect(got.issues.map((i) => [i.category, i.status])).toEqual([['用地', 'open']]);
  });

  it('a pronoun speaking right after a hand-off speaks for the office', () => {
    const got = parse('青松制衣缺缝纫工的事，今天已经交给人社局了，他们说月底有场招聘会');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.department).toBe('人社局');
  });

  it('a demonstrative right after an office points at its doing, not at a matter', () => {
    const got = parse('云梯机械 焊工那个事情 解决了 招了十五个 人社局那个招聘会帮了大忙');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]!.status).toBe('resolved');
  });
});

describe('state lines after a list update the problems listed', () => {
  it('a topic update with more words of the update, nothing wrong said, is no problem of its own', () => {
    const got = parse(
      '云梯机械上月提了两件事，一是技改补助，二是研发人员。截至今天，技改补助经信局已经拨付到位，这件事可以办结；研发人员人社局在对接，还没有最终结果。',
    );
    expect(got.issues.map((i) => [i.category, i.department, i.status])).toEqual([
      ['政策兑现', '经信局', 'resolved'],
      ['人才', '人社局', 'in_progress'],
    ]);
  });

  it('a topic of the list handed off, with the plan of the office, updates that item', () => {
    const got = parse(
      '3月2日走访青松制衣有限公司，企业反映：一是需申请技改贷款500万元；二是缝纫工缺口15人。融资问题已交办金融办，计划3月20日前完成银企对接。',
    );
    expect(got.issues).toHaveLength(2);
    expect(got.issues[0]!.department).toBe('金融办');
  });
});

describe('problems joined by a continuation word', () => {
  it('另 opening a clause with a wish or a report (另希望…, 另反映…) starts another problem, as 另外 does', () => {
    const got = parse('青松制衣有限公司反映，节后需补充缝纫工约二十名，另希望政府帮助对接省外电商平台。');
    expect(got.issues.map((i) => i.category)).toEqual(['用工', '市场']);
  });
});
