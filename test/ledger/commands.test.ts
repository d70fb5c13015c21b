import { describe, expect, it } from 'vitest';
import { findRefs, isLedgerCommand, parseLedgerCommand, stripReportPrefix } from '../../src/ledger/commands.js';
import { findDeadline, resolveDeadline } from '../../src/ledger/deadlines.js';
import { parseTeamsCsv } from '../../src/ledger/teams-csv.js';

describe('parseLedgerCommand', () => {
  const cases: Array<[string, unknown]> = [
    ['问题清单', { type: 'list', statuses: ['open', 'assigned', 'in_progress'], overdue: false, enterprise: null }],
    ['台账', { type: 'list', statuses: ['open', 'assigned', 'in_progress'], overdue: false, enterprise: null }],
    ['问题清单 已办结', { type: 'list', statuses: ['resolved', 'closed'], overdue: false, enterprise: null }],
    ['台账 全部', { type: 'list', statuses: 'all', overdue: false, enterprise: null }],
    ['问题清单 逾期', { type: 'list', statuses: ['open', 'assigned', 'in_progress'], overdue: true, enterprise: null }],
    [
      '台账 华康药业',
      { type: 'list', statuses: ['open', 'assigned', 'in_progress'], overdue: false, enterprise: '华康药业' },
    ],
    ['Q-0012', { type: 'show', ref: 'Q-0012' }],
    ['q12', { type: 'show', ref: 'Q-0012' }],
    ['查看 Q-0012', { type: 'show', ref: 'Q-0012' }],
    ['Ｑ－００１２', { type: 'show', ref: 'Q-0012' }],
    ['Q-0012 现在到哪一步了？', { type: 'show', ref: 'Q-0012' }],
    ['撤销', { type: 'undo', ref: null }],
    ['Q-0015 并入 Q-0012', { type: 'merge', duplicate: 'Q-0015', into: 'Q-0012' }],
    ['把Q-0003合并到Q-0007', { type: 'merge', duplicate: 'Q-0003', into: 'Q-0007' }],
    ['合并 Q-0012 Q-0015', { type: 'merge', duplicate: 'Q-0015', into: 'Q-0012' }],
    ['Q-0015和Q-0012是同一个问题', { type: 'merge', duplicate: 'Q-0015', into: 'Q-0012' }],
    ['Q-0012、Q-0015 重复了', { type: 'merge', duplicate: 'Q-0015', into: 'Q-0012' }],
    ['撤销 Q-0013', { type: 'undo', ref: 'Q-0013' }],
    ['撤销 V-0002', { type: 'undo', ref: 'V-0002' }],
    ['Q-0012 交办 人社局 3月20日前', { type: 'assign', ref: 'Q-0012', department: '人社局', deadline: '3月20日前' }],
    // no department named: still the command, so the bot asks for one
    ['Q-0018 交办', { type: 'assign', ref: 'Q-0018', department: '', deadline: null }],
    ['Q-0013 交办人力社保局', { type: 'assign', ref: 'Q-0013', department: '人力社保局', deadline: null }],
    ['Q-0012 办结', { type: 'resolve', ref: 'Q-0012', note: null }],
    ['Q-0012 已解决', { type: 'resolve', ref: 'Q-0012', note: null }],
    ['Q-0035 办结，企业授信额度已批3000万', { type: 'resolve', ref: 'Q-0035', note: '企业授信额度已批3000万' }],
    ['Q-0012 销号', { type: 'close', ref: 'Q-0012', note: null }],
    ['Q-0011 核实无误，销号', { type: 'close', ref: 'Q-0011', note: '核实无误' }],
    ['Q-0012 消号', { type: 'close', ref: 'Q-0012', note: null }],
    ['重新打开 Q-0012', { type: 'reopen', ref: 'Q-0012', note: null }],
    ['重新打开 Q-0012，企业反映贷款没到位', { type: 'reopen', ref: 'Q-0012', note: '企业反映贷款没到位' }],
    ['绑定企业 华康药业、七一电器', { type: 'bind', enterprises: ['华康药业', '七一电器'], name: null }],
    [
      '绑定企业：华康药业;七一电器 组名：城东组',
      { type: 'bind', enterprises: ['华康药业', '七一电器'], name: '城东组' },
    ],
    ['解绑企业 七一电器', { type: 'unbind', enterprises: ['七一电器'] }],
    ['取消', { type: 'cancel' }],
    ['台账 帮助', { type: 'help' }],
    ['报：今天走访了华康药业', { type: 'report', text: '今天走访了华康药业' }],
    ['报告：缺工人', { type: 'report', text: '缺工人' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseLedgerCommand(text)).toEqual(expected);
  });

  const notCommands = [
    'Q-0012 金融办已对接，贷款下周放款',
    '今天和经信局老王走访了华康药业，企业反映两个问题',
    '华康那个融资的事解决了',
    'Q-0012 还没解决',
    'Q-0012 申请销号',
    'Q-0012 能否销号？',
    '问题清单怎么查？',
    '这个机器人怎么查我们组的问题清单？',
    '绑定手机号怎么弄',
    '专班组建要坚持哪三条原则？',
    '好的收到',
  ];
  it.each(notCommands)('not a command: %s', (text) => {
    expect(isLedgerCommand(text)).toBe(false);
  });

  it('strips report prefixes', () => {
    expect(stripReportPrefix('报：今天走访')).toBe('今天走访');
    expect(stripReportPrefix('报告: 缺工人')).toBe('缺工人');
    expect(stripReportPrefix('今天走访')).toBe('今天走访');
  });

  it('finds and normalises refs', () => {
    expect(findRefs('Q0023 和 q-15 以及 Q-0023')).toEqual(['Q-0023', 'Q-0015']);
  });

  it('reads issue ids dictated digit by digit, with the same two-digit rule as written ones', () => {
    expect(findRefs('Q零零七三 还在协调')).toEqual(['Q-0073']);
    expect(findRefs('q幺零八的进度')).toEqual(['Q-0108']);
    expect(findRefs('Q杠零零五一 办结了')).toEqual(['Q-0051']);
    expect(findRefs('Q三订单回暖，Q一季度持平')).toEqual([]);
    expect(parseLedgerCommand('Q零零七三 销号')).toMatchObject({ type: 'close', ref: 'Q-0073' });
    expect(parseLedgerCommand('Q-0073 撤销')).toEqual({ type: 'undo', ref: 'Q-0073' });
    expect(parseLedgerCommand('Q-0073 改 部门')).toEqual({
      type: 'edit',
      ref: 'Q-0073',
      field: 'department',
      value: '',
    });
  });
});

describe('deadlines', () => {
  it('resolves month-day to the next such date', () => {
    expect(resolveDeadline('3月20日前', '2019-03-12')).toBe('2019-03-20');
    expect(resolveDeadline('1月5日前', '2019-12-20')).toBe('2020-01-05');
    expect(resolveDeadline('3/20', '2019-03-12')).toBe('2019-03-20');
  });
  it('resolves relative limits', () => {
    expect(resolveDeadline('月底前', '2019-02-10')).toBe('2019-02-28');
    expect(resolveDeadline('10天内', '2019-03-12')).toBe('2019-03-22');
    expect(resolveDeadline('5个工作日内', '2019-03-15')).toBe('2019-03-22'); // Fri → next Fri
    expect(resolveDeadline('周五前', '2019-03-12')).toBe('2019-03-15'); // Tue → Fri
    expect(resolveDeadline('下周一前', '2019-03-12')).toBe('2019-03-18');
    expect(resolveDeadline('2019年4月1日', '2019-03-12')).toBe('2019-04-01');
  });
  it('only counts phrases marked as limits in free text', () => {
    expect(findDeadline('人社局3月20日前给答复', '2019-03-12')).toBe('2019-03-20');
    expect(findDeadline('3月4日走访，贷款下周放款', '2019-03-12')).toBeNull();
    expect(findDeadline('供电公司说月底前搞定', '2019-03-12')).toBe('2019-03-31');
  });
});

describe('teams.csv', () => {
  it('parses ids, platform+conversation, enterprises and admin flags; reports bad rows', () => {
    const csv = [
      '\uFEFFid,name,enterprises,admin',
      'dingtalk:cid001,城东组,华康药业、七一电器,',
      '"slack:C123","城西组, 二组",矽盛电子;海纳半导体,0',
      'console:lead,领导群,,是',
      'nope,坏行,,',
      'fax:1,未知平台,,',
    ].join('\r\n');
    const { teams, errors } = parseTeamsCsv(csv, 1000);
    expect(teams).toEqual([
      {
        id: 'dingtalk:cid001',
        platform: 'dingtalk',
        conversationId: 'cid001',
        name: '城东组',
        enterprises: ['华康药业', '七一电器'],
        isAdminGroup: false,
        createdAt: 1000,
      },
      {
        id: 'slack:C123',
        platform: 'slack',
        conversationId: 'C123',
        name: '城西组, 二组',
        enterprises: ['矽盛电子', '海纳半导体'],
        isAdminGroup: false,
        createdAt: 1000,
      },
      {
        id: 'console:lead',
        platform: 'console',
        conversationId: 'lead',
        name: '领导群',
        enterprises: [],
        isAdminGroup: true,
        createdAt: 1000,
      },
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/第5行/);
  });
  it('accepts platform + conversationId columns', () => {
    const { teams } = parseTeamsCsv('platform,conversationId,name,enterprises\nslack,C9,三组,金鼎金属材料有限公司', 5);
    expect(teams[0]?.id).toBe('slack:C9');
  });
  it('rejects a file without the needed columns', () => {
    expect(parseTeamsCsv('foo,bar\n1,2', 0).errors[0]).toMatch(/表头/);
  });
});
