/** A big synthetic ledger for size tests and the digest benchmark (pure data, no store). */
import type { DigestInput, DigestWindow } from '../../src/digest/index.js';
import { CATEGORIES, type Issue, type LedgerEvent, type Team, type Visit } from '../../src/ledger/model.js';
import { sh, TZ } from './fixtures.js';

/** A big synthetic ledger: `teams` teams, `perTeam` issues each, some overdue, a visit for every other team. */
export function syntheticInput(teams: number, perTeam: number, window: DigestWindow): DigestInput {
  const ts: Team[] = [];
  const issues: Issue[] = [];
  const visits: Visit[] = [];
  const events: LedgerEvent[] = [];
  const at = sh('2024-03-10');
  let q = 0;
  for (let t = 0; t < teams; t++) {
    const id = `dingtalk:cid${String(t).padStart(4, '0')}`;
    ts.push({
      id,
      platform: 'dingtalk',
      conversationId: `cid${t}`,
      name: `第${t + 1}联企小组（${['城东', '城西', '开发区', '高新区'][t % 4]}）`,
      enterprises: [`企业${t}甲有限公司`, `企业${t}乙`],
      isAdminGroup: false,
      createdAt: at - 86_400_000 * 30,
    });
    for (let k = 0; k < perTeam; k++) {
      q += 1;
      const status = (['open', 'assigned', 'in_progress', 'resolved', 'closed'] as const)[(t + k) % 5]!;
      const iid = `Q-${String(q).padStart(4, '0')}`;
      issues.push({
        id: iid,
        teamId: id,
        enterprise: `企业${t}甲有限公司`,
        category: CATEGORIES[(t + k) % CATEGORIES.length]!,
        summary: `企业反映的第${k + 1}个问题：流动资金紧张，希望协调银行续贷并延长还款期限`,
        department: k % 3 === 0 ? null : `部门${(t + k) % 60}`,
        status,
        dueDate: k % 2 ? '2024-03-12' : '2024-03-30',
        reporter: 'u',
        reporterName: '张三',
        raisedOn: '2024-03-01',
        createdAt: at,
        updatedAt: at,
        resolvedAt: status === 'resolved' || status === 'closed' ? at : null,
        closedAt: status === 'closed' ? at : null,
        messageId: `m${q}`,
      });
      events.push({ type: 'issue.created', at, teamId: id, issueId: iid, actor: 'u', messageId: `m${q}`, to: status });
    }
    if (t % 2)
      visits.push({
        id: `V-${t}`,
        teamId: id,
        enterprise: `企业${t}甲`,
        date: '2024-03-10',
        participants: ['张三'],
        note: '',
        reporter: 'u',
        reporterName: '张三',
        createdAt: at,
        messageId: `v${t}`,
      });
  }
  return { teams: ts, issues, visits, events, window, timeZone: TZ };
}
