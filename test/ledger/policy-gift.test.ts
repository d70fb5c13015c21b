/**
 * 政策礼包 relevance bar: a passage is attached only when it speaks to the summary and category;
 * none is better than a wrong one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import { policyGift, relevant } from '../../src/ledger/service/policy-gift.js';
import { silentLogger } from '../../src/observability/logger.js';
import { MIN, makeKit, memoryStore, policyRetriever, say, text, type Kit } from './helpers.js';

describe('政策礼包 relevance bar', () => {
  it('related issues get the passage about them', async () => {
    const r = await policyRetriever();
    expect(
      (await policyGift(r, [{ category: '融资', summary: '流动资金紧张，想申请技改贷款' }], silentLogger)).map(
        (c) => c.docId,
      ),
    ).toEqual(['loan']);
    expect(
      (await policyGift(r, [{ category: '用地', summary: '厂房二期用地指标紧张' }], silentLogger)).map((c) => c.docId),
    ).toEqual(['land']);
    expect(
      (await policyGift(r, [{ category: '人才', summary: '缺3名化工工程师' }], silentLogger)).map((c) => c.docId),
    ).toEqual(['talent']);
  });

  it('unrelated issues get nothing, even when the search returns a passage sharing a word', async () => {
    const r = await policyRetriever();
    // The tourism plan mentions 道路; the talent policy mentions 工程师 — neither is about these problems.
    expect((await r.search('门口道路破损', 3)).hits.length).toBeGreaterThan(0);
    expect(await policyGift(r, [{ category: '其他', summary: '门口道路破损' }], silentLogger)).toEqual([]);
    expect(await policyGift(r, [{ category: '用工', summary: '缺20名普工' }], silentLogger)).toEqual([]);
    expect(await policyGift(r, [{ category: '市场', summary: '海外订单下滑' }], silentLogger)).toEqual([]);
  });

  it('a passage of another category does not count, however many words it shares', () => {
    const loan = '技改贷款贴息。对企业实施技术改造项目发生的银行贷款，按实际利息的50%给予贴息。';
    expect(relevant({ category: '融资', summary: '技术改造项目贷款贴息' }, loan)).toBe(true);
    expect(relevant({ category: '审批', summary: '技术改造项目备案' }, loan)).toBe(false);
    expect(relevant({ category: '融资', summary: '企业资金' }, loan)).toBe(false);
  });

  it('figures are no shared words, and a department’s name speaks of no category', () => {
    const team = '抽调经信、人力社保等部门单位有关人员组成5个宣传团，组织开展10次座谈宣讲，选派50名党建指导员。';
    expect(relevant({ category: '用工', summary: '缺电工10名' }, team)).toBe(false);
    expect(relevant({ category: '用工', summary: '缺电工10名' }, '企业缺电工的，人力社保部门组织专场招聘电工。')).toBe(
      true,
    );
  });

  describe('through the bot', () => {
    let kit: Kit;
    beforeEach(async () => {
      kit = await makeKit(memoryStore);
    });
    afterEach(async () => {
      await kit.cleanup();
    });

    it('a report about an unrelated problem carries no 政策礼包; a related one does', async () => {
      const bot = createBot(kit.services);
      kit.clock.advance(MIN);
      const unrelated = await bot.handle(say(kit, '今天走访了华康药业，企业反映门口道路破损'));
      expect(text(unrelated.reply!)).toContain('Q-0001');
      expect(text(unrelated.reply!)).not.toContain('政策礼包');
      kit.clock.advance(MIN);
      const related = await bot.handle(say(kit, '今天走访了七一电器，企业反映厂房二期用地指标紧张'));
      expect(text(related.reply!)).toContain('政策礼包');
      expect(text(related.reply!)).toContain('工业用地保障办法');
    });
  });
});
