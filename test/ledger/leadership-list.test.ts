/**
 * The ledger commands in a leadership group: one grammar ([scope][name的][status] 问题清单/台账 [status|name] [有哪些])
 * for every group; in a leadership group they read every team's issues, grouped by team, a team's name narrows them
 * to that team, 逾期 lists the overdue ones, and 看板 gives the board in text.
 */
import { describe, expect, it } from 'vitest';
import { isLedgerCommand, parseLedgerCommand } from '../../src/ledger/commands.js';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, DAY, memoryStore, TEAM } from './helpers.js';

const OPEN = ['open', 'assigned', 'in_progress'];

describe('the list grammar', () => {
  it('reads a scope, a team or enterprise name with 的, and status words before or after the noun', () => {
    const cases: Array<[string, unknown]> = [
      ['各组问题清单', { statuses: OPEN, overdue: false, enterprise: null }],
      ['所有小组的台账', { statuses: OPEN, overdue: false, enterprise: null }],
      ['team2的问题清单', { statuses: OPEN, overdue: false, enterprise: 'team2' }],
      ['城东一组的逾期问题清单', { statuses: OPEN, overdue: true, enterprise: '城东一组' }],
      ['逾期问题有哪些', { statuses: OPEN, overdue: true, enterprise: null }],
      ['逾期的问题清单', { statuses: OPEN, overdue: true, enterprise: null }],
      ['已办结的问题有哪些？', { statuses: ['resolved', 'closed'], overdue: false, enterprise: null }],
      ['问题清单有哪些', { statuses: OPEN, overdue: false, enterprise: null }],
      ['台账 全部', { statuses: 'all', overdue: false, enterprise: null }],
      ['本组问题清单', { statuses: OPEN, overdue: false, enterprise: null }],
    ];
    for (const [t, want] of cases) expect(parseLedgerCommand(t), t).toEqual({ type: 'list', ...(want as object) });
    expect(parseLedgerCommand('看板')).toEqual({ type: 'board' });
  });

  it('words that are no list stay questions', () => {
    for (const t of [
      '负面清单有多少条',
      '越城对发展党员定的负面清单有多少条',
      '党建问题清单',
      '问题清单怎么查',
      '逾期问题怎么处理',
      '逾期问题有哪些处罚',
      '企业的问题有哪些',
      '学校党建责任清单要符合啥原则',
    ])
      expect(isLedgerCommand(t), t).toBe(false);
  });
});

const LEAD: Team = { ...TEAM, id: 'console:lead', conversationId: 'lead', name: '领导群', enterprises: [] };
const WEST: Team = { ...TEAM, id: 'console:g2', conversationId: 'g2', name: '城西二组', enterprises: ['矽盛电子'] };

describe('in a leadership group (ZCT_ADMIN_GROUPS)', () => {
  const t = botPerTest(memoryStore, { teams: [TEAM, WEST, LEAD], env: { ZCT_ADMIN_GROUPS: 'lead' } });
  const west = { conversationId: 'g2', teamId: WEST.id, userId: 'u9' };
  const lead = { conversationId: 'lead', teamId: LEAD.id, userId: 'boss' };

  const seed = async () => {
    await t.send('今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局');
    await t.send('今天走访了矽盛电子，企业反映环评审批慢', west);
    t.kit.clock.advance(20 * DAY); // the hand-off's 15 days have passed: overdue
  };

  it('问题清单 and 台账 全部 show every team, grouped by team, to a leader who is no admin', async () => {
    await seed();
    for (const q of ['问题清单', '台账 全部', '各组问题清单']) {
      const r = await t.send(q, lead);
      expect(r.route, q).toBe('issues');
      expect(r.text, q).toContain('Q-0001');
      expect(r.text, q).toContain('Q-0002');
      expect(r.text, q).toMatch(/【城东一组（1 条，逾期 1 条）】[\s\S]*Q-0001[\s\S]*【城西二组（1 条）】[\s\S]*Q-0002/);
    }
  });

  it('逾期问题有哪些 lists the overdue issues; a team name narrows the list to that team', async () => {
    await seed();
    const overdue = await t.send('逾期问题有哪些', lead);
    expect(overdue.route).toBe('issues');
    expect(overdue.text).toContain('Q-0001');
    expect(overdue.text).not.toContain('Q-0002');
    const west2 = await t.send('城西二组的问题清单', lead);
    expect(west2.text).toContain('Q-0002');
    expect(west2.text).not.toContain('Q-0001');
    // (in a team's own group the same words show that team only)
    expect((await t.send('各组问题清单', west)).text).not.toContain('Q-0001');
  });

  it("in a team's own group its own name reads as its own list; another team's or an unknown team's is said so", async () => {
    await seed();
    const own = await t.send('城东一组逾期的');
    expect(own.route).toBe('issues');
    expect(own.text).toContain('Q-0001');
    expect(own.text).not.toMatch(/城东一组 城东一组/);
    const ownList = await t.send('城西二组的问题清单', west);
    expect(ownList.text).toContain('Q-0002');
    const other = await t.send('城西二组的问题清单');
    expect(other.text).not.toContain('Q-0002');
    expect(other.text).toContain('只能查看本组');
    const unknown = await t.send('城南三组逾期的');
    expect(unknown.text).toContain('没有名为“城南三组”的联企小组');
    expect(unknown.text).not.toContain('Q-0001');
  });

  it('看板 gives the board in text: the leadership digest, with the web board when served', async () => {
    await seed();
    const r = await t.send('看板', lead);
    expect(r.route).toBe('issues');
    expect(r.text).toContain('组团联企工作简报');
    expect(r.text).not.toContain('未在资料库中找到');
    expect((await t.send('看板')).text).toContain('城东一组');
  });
});

describe('看板 with the web console served', () => {
  const t = botPerTest(memoryStore, {
    teams: [TEAM, LEAD],
    env: { ZCT_ADMIN_GROUPS: 'lead', WEB_PUBLIC_URL: 'https://zct.example.gov.cn/' },
  });
  it('points to the board page', async () => {
    const r = await t.send('看板', { conversationId: 'lead', teamId: LEAD.id, userId: 'boss' });
    expect(r.text).toContain('https://zct.example.gov.cn/board');
  });
});
