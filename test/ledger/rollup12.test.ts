/**
 * Roll-ups over several enterprises, round 12 (issue #11): a name whose ending is also a problem word heading a list
 * item or a table cell, a pasted table with a row-number column, a report's tally line and its section of plans, and a
 * name that runs on into a kind of enterprise. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const parse = (text: string) => extractUpdate(text, { today: '2026-03-10', knownEnterprises: known });
const perIssue = (text: string) => parse(text).issues.map((i) => [i.enterprise ?? null, i.category]);

describe('roll-up entries (round 12)', () => {
  it('a list marker opens a name whose ending is also a problem word (…物流)', () => {
    const text = '本月新增：\n1、安达物流 冷链运输成本高 待交办\n2、佳和食品 冷库用地没批 待交办';
    expect(parse(text).enterprise).toBe('安达物流');
    expect(perIssue(text)).toEqual([
      ['安达物流', '其他'],
      ['佳和食品', '用地'],
    ]);
  });

  it('a bar-separated table with a row-number column: each row its enterprise', () => {
    const text =
      '序号|企业|问题|责任单位|进度\n1|安达物流|运输成本高|交通运输局|已办结\n2|佳和食品|冷库用地|资规局|已交办';
    const got = parse(text);
    expect(got.enterprise).toBe('安达物流');
    expect(got.issues.map((i) => [i.enterprise, i.department, i.status])).toEqual([
      ['安达物流', '交通运输局', 'resolved'],
      ['佳和食品', '资规局', 'assigned'],
    ]);
  });

  it("a report's tally line counts the work and raises no item", () => {
    const text =
      '【服务企业周报】\n一、基本情况\n本周累计走访企业4家，梳理诉求2条，已办结1件。\n二、主要问题\n（一）永泰塑业：缺注塑工10人，已报人社局。\n（二）佳和食品：冷库用地未落实，待研究。';
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => [i.enterprise, i.category, i.status])).toEqual([
      ['永泰塑业', '用工', 'assigned'],
      ['佳和食品', '用地', 'open'],
    ]);
  });

  it('a count said with a problem of its own is no tally', () => {
    const got = parse('走访永泰塑业，企业缺注塑工10个');
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]?.category).toBe('用工');
  });

  it('the lines under a section of plans are plans, not problems', () => {
    const text =
      '周报\n一、走访情况\n3月9日走访佳和食品，企业反映冷库用地未落实，已报资规局。\n二、下步打算\n跟进佳和食品奖励资金兑现进度。';
    expect(parse(text).issues.map((i) => i.category)).toEqual(['用地']);
    // a period heading is no plan: the entries under it are reported
    const week = '【本周】\n① 永泰塑业：缺注塑工10人；\n② 佳和食品：冷库用地没批；';
    expect(perIssue(week)).toEqual([
      ['永泰塑业', '用工'],
      ['佳和食品', '用地'],
    ]);
  });

  it('a name running on into a kind of enterprise is that kind, no name', () => {
    const got = parse('3月9日走访永泰塑业有限公司，企业反映：高新技术企业研发费用加计扣除没享受到');
    expect(got.enterprise).toBe('永泰塑业有限公司');
    expect(got.issues.map((i) => i.enterprise ?? null)).toEqual([null]);
  });

  it('the enterprise column of a table is found by its header, whatever its place', () => {
    const text =
      '问题\t企业\t责任单位\t进度\n冷库用地没批\t佳和食品\t资规局\t已交办\n缺注塑工\t安达物流\t人社局\t对接中';
    expect(parse(text).enterprise).toBe('佳和食品');
    expect(perIssue(text)).toEqual([
      ['佳和食品', '用地'],
      ['安达物流', '用工'],
    ]);
  });

  it('a name in the enterprise column with a trade ending the parser does not know is still a name', () => {
    const text = '企业\t诉求\t责任单位\t进展\n云帆电商\t直播运营人才\t人社局\t已交办\n永泰塑业\t贷款难\t金融办\t已交办';
    expect(parse(text).issues.map((i) => [i.enterprise, i.category])).toEqual([
      ['云帆电商', '人才'],
      ['永泰塑业', '融资'],
    ]);
  });

  it('the first row names the message enterprise even with nothing to raise', () => {
    const text = '本周走访\n企业|诉求|责任单位|进展\n云帆电商|暂无诉求||\n永泰塑业|缺注塑工10人|人社局|已交办';
    const got = parse(text);
    expect(got.enterprise).toBe('云帆电商');
    expect(got.issues.map((i) => i.enterprise)).toEqual(['永泰塑业']);
  });

  it("a report's title that says visits were made raises no item", () => {
    const text =
      '本周走访企业诉求汇总\n企业\t诉求\t责任单位\t进展\n永泰塑业\t缺注塑工10人\t人社局\t已交办\n佳和食品\t冷库用地没批\t\t待研究';
    const got = parse(text);
    expect(got.kind).toBe('visit');
    expect(got.issues.map((i) => i.enterprise)).toEqual(['永泰塑业', '佳和食品']);
  });

  it('慰问 before a full legal name ends the words before the name', () => {
    const text =
      '一、3月2日慰问永泰塑业有限公司，企业未提出诉求；\n二、3月3日慰问安吉云帆包装材料有限公司，企业反映需包装工20名，已转人社局。';
    expect(parse(text).issues.map((i) => i.enterprise)).toEqual(['安吉云帆包装材料有限公司']);
  });

  it('two names joined by 和, each said again alone, are two enterprises', () => {
    const got = parse('今天走访了宏达和恒信电子，宏达一切正常，恒信缺研发人员');
    expect(got.enterprise).toBe('宏达');
    expect(got.issues.map((i) => [i.enterprise, i.category])).toEqual([['恒信电子', '人才']]);
    // a name holding 和 said once is one name
    expect(parse('走访了同和机械，同和缺焊工').enterprise).toBe('同和机械');
  });
});
