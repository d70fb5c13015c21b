/**
 * Enterprise-name shapes (branch ent7): each mechanism tested with messages written for these tests — other
 * enterprises and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { findEnterprises } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';

const known = loadKnownEnterprises();
const firstName = (text: string) => findEnterprises(text, known)[0]?.name ?? null;

describe('enterprise names as written', () => {
  it('a place name holding a break character (无锡, 无为) begins a legal full name, kept whole', () => {
    expect(firstName('上午走访了无锡恒远精工机械有限公司，企业说缺钳工。')).toBe('无锡恒远精工机械有限公司');
  });

  it('a short name written with its city in front is called without it', () => {
    expect(firstName('湖州青禾生物的行政说实验室要扩建。')).toBe('青禾生物');
    expect(firstName('今天去了苏州明泰电子，企业说订单不足。')).toBe('明泰电子');
  });

  it('a legal full name keeps its place', () => {
    expect(firstName('走访杭州青禾生物科技有限公司，缺研发人员。')).toBe('杭州青禾生物科技有限公司');
  });

  it('parts and medical endings close a name (…配件, …医疗)', () => {
    expect(firstName('本月办结：东港汽车配件出口退税已到账。')).toBe('东港汽车配件');
    expect(firstName('汇报一下：康宁医疗的注册证还在审。')).toBe('康宁医疗');
  });

  it('after a chatty lead-in ending in ～ or a colon the name starts clean', () => {
    expect(firstName('跟大家说个好消息～启明智能的奖励到账了')).toBe('启明智能');
    expect(firstName('请示领导：安和医疗的许可证能否加急')).toBe('安和医疗');
  });
});
