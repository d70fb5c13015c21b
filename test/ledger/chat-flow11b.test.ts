/**
 * A liaison team's chat (eleventh round, chat11b): a spoken pair of problems is two issues; a waiting card is queued
 * behind the repeated-report question, not dropped; a question the enterprise asked inside a report is the report's;
 * a dropped 记录/提问 is named; "an earlier issue's progress?" is not asked when there is no earlier issue.
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const EIGHT: Team = {
  ...TEAM,
  enterprises: ['华康药业', '七一电器', '矽盛电子', '维和药业', '海纳半导体', '恒力机械', '永盛纺织'],
};

describe('a spoken pair of items without punctuation', () => {
  it('一个是…另一个是… after a character splits into two problems, the announcement kept out of both', () => {
    const e = extractUpdate(
      '今天上午和李科长去了永盛纺织那边坐了一下他们主要是两个事情一个是想申请技改贷款贴息但是不清楚流程另一个是缺十几个挡车工希望人社局帮忙',
      { today: '2019-03-12' },
    );
    expect(e.issues).toHaveLength(2);
    expect(e.issues[0]!.summary).toMatch(/^想申请技改贷款贴息/);
    expect(e.issues[1]!.summary).toMatch(/^缺十几个挡车工/);
    for (const i of e.issues) expect(i.summary).not.toContain('两个事情');
  });
  it('一个是 alone (no second half) does not cut', () => {
    const e = extractUpdate('永盛纺织反映缺工问题其中一个是缺挡车工', { today: '2019-03-12' });
    expect(e.issues).toHaveLength(1);
  });
});

describe('team chat', () => {
  const t = botPerTest(memoryStore, { teams: [EIGHT] });
  const { send } = t;

  it('a waiting card survives a repeated report (the card is asked after the repeat question is settled)', async () => {
    await send('今天走访华康药业 企业反映流动资金紧张 已交办金融办');
    // a card: an enterprise the team is not bound to is confirmed first
    const card = await send('今天走访宏图科技有限公司 企业反映用地指标一直没批下来');
    expect(card.text).toContain('还没有记录');
    const again = await send('今天走访华康药业 企业反映流动资金紧张 已交办金融办');
    expect(again.text).toContain('已经记录过了');
    expect(again.text).toContain('先放着');
    const skip = await send('不用');
    expect(skip.text).toContain('还有一条在等您确认');
    expect(skip.text).toContain('宏图科技');
  });

  it('a question the enterprise asks, its subject in the clause before, is part of the report (no 记录还是提问)', async () => {
    const r = await send(
      '今天去了海纳半导体 企业说二期厂房的施工许可证一直批不下来 另外他们想引进两个博士 问有没有人才公寓',
    );
    expect(r.text).not.toContain('还是一个政策问题');
    expect(r.text).toMatch(/Q-0001|还没有记录/);
  });

  it('a 记录/提问 question left unanswered is named when the user moves on, whatever comes next', async () => {
    const q = await send('华康药业反映缺工，有什么政策可以支持？');
    expect(q.text).toContain('还是一个政策问题');
    const next = await send('问题清单');
    expect(next.text).toContain('没有收到“记录/提问”的回复');
  });

  it('a problem already in hand, of an enterprise with no issue in the ledger, is recorded without “旧问题的进展？”', async () => {
    const r = await send('七一电器反映 今年的技改补贴 申请了半年还没到账 经信局说年底前兑现');
    expect(r.text).not.toContain('旧问题的进展');
    expect(r.text).toContain('Q-0001');
    expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '七一电器', department: '经信局' });
  });
});
