/**
 * The ledger asked about in words (src/ledger/commands.ts parseLedgerQuery / parseOverview): counts and lists by
 * status, category, department or team, and how things stand (the board) — in a team's group and in a leadership
 * group, which reads every team's issues, names a team's own digest, and records no report of its own.
 */
import { describe, expect, it } from 'vitest';
import { isLedgerCommand, parseLedgerCommand } from '../../src/ledger/commands.js';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const OPEN = ['open', 'assigned', 'in_progress'];

describe('the words of a ledger query', () => {
  it('every word fills a slot: scope, status, category, department, team, a ledger noun or an ask', () => {
    const cases: Array<[string, unknown]> = [
      ['咱们组现在还剩几个没解决的', null], // 咱们 is no scope word of the grammar: not taken for the ledger
      ['本组还有多少没办结', { type: 'list', statuses: OPEN, overdue: false, enterprise: null }],
      ['帮我查一下台账', { type: 'list', statuses: OPEN, overdue: false, enterprise: null }],
      ['用地类的问题一共有几个', { type: 'list', statuses: OPEN, overdue: false, enterprise: null, category: '用地' }],
      ['转给发改委的有哪些', { type: 'list', statuses: OPEN, overdue: false, enterprise: null, department: '发改局' }],
      ['税务局那边几个问题', { type: 'list', statuses: OPEN, overdue: false, enterprise: null, department: '税务局' }],
      ['开发区三组超期的', { type: 'list', statuses: OPEN, overdue: true, enterprise: '开发区三组' }],
      ['现在有几个问题没有交办', { type: 'list', statuses: ['open'], overdue: false, enterprise: null }],
      ['城南五组最近情况如何', { type: 'board', team: '城南五组' }],
      ['各小组整体情况', { type: 'board' }],
      ['这个月办结率是多少', { type: 'board', metric: 'rate', period: 'month' }],
      ['本月哪几家企业还没有走访', { type: 'board', metric: 'unvisited', period: 'month' }],
      ['上周走访了多少家', { type: 'board', metric: 'visits', period: 'lastWeek' }],
      ['这周走访了几家', { type: 'board', metric: 'visits', period: 'week' }],
      ['本组这个月收集了多少问题', { type: 'board', metric: 'issues', period: 'month' }],
      ['哪个组没完成一月一走访', { type: 'board' }],
    ];
    for (const [t, want] of cases) expect(parseLedgerCommand(t), t).toEqual(want);
  });

  it('policy questions keep their own words and are no command', () => {
    for (const t of [
      '走访企业要注意哪些事项',
      '融资方面有哪些扶持',
      '人才政策有哪些',
      '组织部有哪些职责',
      '亲清服务日解决了多少问题',
      '常山县党建工作情况怎么样',
      '一月一走访是什么意思',
      '专班组建有什么问题',
      '下个月要走访几家',
      '小组怎么组建',
    ])
      expect(isLedgerCommand(t), t).toBe(false);
  });
});

const LEAD: Team = { ...TEAM, id: 'console:lead', conversationId: 'lead', name: '领导群', enterprises: [] };
const WEST: Team = { ...TEAM, id: 'console:g2', conversationId: 'g2', name: '城西二组', enterprises: ['矽盛电子'] };

describe('asked in a group', () => {
  const t = botPerTest(memoryStore, { teams: [TEAM, WEST, LEAD], env: { ZCT_ADMIN_GROUPS: 'lead' } });
  const west = { conversationId: 'g2', teamId: WEST.id, userId: 'u9' };
  const lead = { conversationId: 'lead', teamId: LEAD.id, userId: 'boss' };
  const seed = async () => {
    await t.send('今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局');
    await t.send('华康药业还反映流动资金紧张，想申请续贷');
    await t.send('今天走访了矽盛电子，企业反映环评审批慢，已交办生态环境局', west);
  };

  it('a team counts its issues by status, category and department, its own only', async () => {
    await seed();
    const r = await t.send('本组还有多少没办结');
    expect(r.route).toBe('issues');
    expect(r.text).toContain('未办结问题（2 条）');
    const dept = await t.send('人社局那边有几个问题');
    expect(dept.text).toContain('交办人社局的');
    expect(dept.text).toContain('（1 条）');
    expect(dept.text).not.toContain('续贷');
    const cat = await t.send('融资类的问题有几个');
    expect(cat.text).toContain('融资类');
    expect(cat.text).toContain('续贷');
    expect(cat.text).not.toContain('工程师');
    expect((await t.send('生态环境局那边有几个问题')).text).toContain('目前没有');
  });

  it('a leadership group asks about any team’s enterprise and gets that issue, not “本组没有”', async () => {
    await seed();
    const r = await t.send('矽盛电子的环评到哪了', lead);
    expect(r.route).toBe('issues');
    expect(r.text).toContain('矽盛电子');
    expect(r.text).toContain('环评审批慢');
    expect(r.text).not.toContain('本组目前没有');
    // the name alone shows the enterprise's issues too
    expect((await t.send('矽盛电子', lead)).text).toContain('环评审批慢');
  });

  it('a leadership group gets a named team’s digest, and the board for how every team stands', async () => {
    await seed();
    const one = await t.send('城西二组情况怎么样', lead);
    expect(one.text).toContain('城西二组 工作简报');
    const all = await t.send('这个月办结率是多少', lead);
    // (one figure asked: that figure over every team, in a line — 看板 / 各组情况 give the whole board)
    expect(all.text).toMatch(/^全部小组办结率 0\.0%：问题总数 3 个/);
    expect(all.text).not.toContain('组团联企工作简报');
    expect((await t.send('各组情况', lead)).text).toContain('组团联企工作简报');
    expect((await t.send('城北九组情况怎么样', lead)).text).toContain('没有找到名为“城北九组”的联企小组');
  });

  it('a report in a leadership group is not recorded there: it names the team that owns the enterprise', async () => {
    await seed();
    const r = await t.send('今天陪市领导去了矽盛电子，企业反映用电紧张，希望供电公司帮忙增容', lead);
    expect(r.text).toContain('领导小组群不直接记入问题清单');
    expect(r.text).toContain('矽盛电子由城西二组联系');
    const list = await t.send('问题清单', lead);
    expect(list.text).not.toContain('用电');
    // a change asked there says whose it is to change, not "no such issue"
    const assign = await t.send('Q-0003 交办 供电公司', lead);
    expect(assign.text).toContain('Q-0003 是联企小组的问题');
    expect((await t.send('Q-0003', west)).text).toContain('环评审批慢');
  });
});
