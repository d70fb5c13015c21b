/**
 * A seeded ledger for digest, scheduler and export tests, committed through Store.commitLedger (so the audit log is
 * the store's own), at controlled instants in Asia/Shanghai.
 *
 * 2024-03-18 is a Monday; the previous workday is Friday 03-15.
 *   02-20 10:00  T2  Q-0001 其他「老问题」→ 经信局, assigned, due 02-28
 *   02-27 10:00  T2  Q-0001 → resolved
 *   03-01 10:00  T2  Q-0001 → closed (admin)
 *   03-05 10:00  T1  visit V-0001 华康药业 (03-05); Q-0002 用工「缺3名化工工程师」→ 人社局, assigned, due 03-10
 *   03-06 10:00  T2  Q-0003 融资「流动资金紧张」→ 金融办, assigned, due 03-25
 *   03-15 09:00  T1  visit V-0002 七一电器 (03-15); Q-0004 用地「厂房二期用地」, open, no department/due
 *   03-16 11:00  T2  Q-0003 → resolved
 *   03-17 15:00  T1  Q-0002 → in_progress (note)
 *   03-18 09:10  T2  Q-0005 审批「环评审批慢」→ 生态环境局, assigned, due 03-20
 *   03-18 10:00  T1  Q-0002 → resolved
 * T3 (no enterprises) never reports. ADMIN is a leadership group.
 */
import type { Category, IssueStatus, Team } from '../../src/ledger/model.js';
import type { IssuePatch, LedgerCommit, NewIssue, NewVisit, Store } from '../../src/store/types.js';

export const TZ = 'Asia/Shanghai';

/** An instant given as local Shanghai wall-clock time. */
export function sh(date: string, time = '10:00'): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

const created = sh('2024-02-01', '09:00');

export const T1: Team = {
  id: 'dingtalk:c1',
  platform: 'dingtalk',
  conversationId: 'c1',
  name: '城东一组',
  enterprises: ['华康药业', '七一电器'],
  isAdminGroup: false,
  createdAt: created,
};
export const T2: Team = {
  id: 'dingtalk:c2',
  platform: 'dingtalk',
  conversationId: 'c2',
  name: '城西二组',
  enterprises: ['蓝海新材料科技有限公司'],
  isAdminGroup: false,
  createdAt: created + 1,
};
export const T3: Team = {
  id: 'slack:C3',
  platform: 'slack',
  conversationId: 'C3',
  name: '开发区三组',
  enterprises: [],
  isAdminGroup: false,
  createdAt: created + 2,
};
export const ADMIN: Team = {
  id: 'dingtalk:cadmin',
  platform: 'dingtalk',
  conversationId: 'cadmin',
  name: '领导小组',
  enterprises: [],
  isAdminGroup: true,
  createdAt: created + 3,
};
export const TEAMS = [T1, T2, T3, ADMIN];

export function issue(
  teamId: string,
  enterprise: string,
  category: Category,
  summary: string,
  o: Partial<NewIssue> = {},
): NewIssue {
  return {
    teamId,
    enterprise,
    category,
    summary,
    department: null,
    status: 'open',
    dueDate: null,
    reporter: 'u1',
    reporterName: '张三',
    raisedOn: '2024-03-01',
    ...o,
  };
}

export function visit(teamId: string, enterprise: string, date: string, o: Partial<NewVisit> = {}): NewVisit {
  return {
    teamId,
    enterprise,
    date,
    participants: ['张三', '李四'],
    note: '走访了解生产经营情况',
    reporter: 'u1',
    reporterName: '张三',
    ...o,
  };
}

export function commit(
  messageId: string,
  teamId: string,
  at: number,
  parts: Partial<Pick<LedgerCommit, 'visits' | 'issues' | 'patches'>>,
): LedgerCommit {
  return { messageId, teamId, at, actor: 'u1', actorName: '张三', visits: [], issues: [], patches: [], ...parts };
}

const status = (issueId: string, s: IssueStatus, note?: string): IssuePatch => ({
  issueId,
  status: s,
  ...(note ? { note } : {}),
});

/** The commits above, in order. */
export function seedCommits(): LedgerCommit[] {
  return [
    commit('m-a', T2.id, sh('2024-02-20'), {
      issues: [
        issue(T2.id, '蓝海新材料', '其他', '老问题', {
          department: '经信局',
          status: 'assigned',
          dueDate: '2024-02-28',
          raisedOn: '2024-02-20',
        }),
      ],
    }),
    commit('m-b', T2.id, sh('2024-02-27'), { patches: [status('Q-0001', 'resolved')] }),
    commit('m-c', T2.id, sh('2024-03-01'), { patches: [status('Q-0001', 'closed')] }),
    commit('m1', T1.id, sh('2024-03-05'), {
      visits: [visit(T1.id, '华康药业', '2024-03-05')],
      issues: [
        issue(T1.id, '华康药业', '用工', '缺3名化工工程师', {
          department: '人社局',
          status: 'assigned',
          dueDate: '2024-03-10',
          raisedOn: '2024-03-05',
        }),
      ],
    }),
    commit('m2', T2.id, sh('2024-03-06'), {
      issues: [
        issue(T2.id, '蓝海新材料', '融资', '流动资金紧张', {
          department: '金融办',
          status: 'assigned',
          dueDate: '2024-03-25',
          raisedOn: '2024-03-06',
        }),
      ],
    }),
    commit('m3', T1.id, sh('2024-03-15', '09:00'), {
      visits: [visit(T1.id, '七一电器', '2024-03-15', { participants: ['王五'], note: '企业计划扩建厂房' })],
      issues: [issue(T1.id, '七一电器', '用地', '厂房二期用地', { raisedOn: '2024-03-15' })],
    }),
    commit('m4', T2.id, sh('2024-03-16', '11:00'), { patches: [status('Q-0003', 'resolved')] }),
    commit('m5', T1.id, sh('2024-03-17', '15:00'), {
      patches: [status('Q-0002', 'in_progress', '人社局已对接招聘会')],
    }),
    commit('m7', T2.id, sh('2024-03-18', '09:10'), {
      issues: [
        issue(T2.id, '蓝海新材料', '审批', '环评审批慢', {
          department: '生态环境局',
          status: 'assigned',
          dueDate: '2024-03-20',
          raisedOn: '2024-03-18',
        }),
      ],
    }),
    commit('m6', T1.id, sh('2024-03-18', '10:00'), { patches: [status('Q-0002', 'resolved')] }),
  ];
}

/** Register the teams and commit the seed (commits up to `until`, default all). */
export async function seedLedger(store: Store, until = Number.POSITIVE_INFINITY): Promise<void> {
  for (const t of TEAMS) await store.upsertTeam(t);
  for (const c of seedCommits()) if (c.at <= until) await store.commitLedger(c);
}
