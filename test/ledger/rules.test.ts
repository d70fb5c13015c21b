import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, isActive, isLeadershipGroup, overdueDays, STATUSES } from '../../src/ledger/model.js';
import { OPEN_STATUSES, parseLedgerCommand } from '../../src/ledger/commands.js';
import { isAdminTeam, overdueDaysOf } from '../../src/digest/compute.js';
import { overdueDays as ledgerOverdueDays } from '../../src/ledger/service/render-ledger.js';

describe('ledger rules, each defined once (model.ts)', () => {
  it('active statuses: open, assigned, in progress — not resolved or closed', () => {
    expect([...ACTIVE_STATUSES]).toEqual(['open', 'assigned', 'in_progress']);
    expect(STATUSES.filter(isActive)).toEqual(['open', 'assigned', 'in_progress']);
    expect(OPEN_STATUSES).toEqual([...ACTIVE_STATUSES]);
    const list = parseLedgerCommand('问题清单 未办结');
    expect(list).toMatchObject({ type: 'list', statuses: ['open', 'assigned', 'in_progress'] });
  });

  it('days overdue: only active issues with a due date in the past; the digest and the ledger share it', () => {
    expect(overdueDays({ status: 'assigned', dueDate: '2024-03-10' }, '2024-03-15')).toBe(5);
    expect(overdueDays({ status: 'assigned', dueDate: '2024-03-20' }, '2024-03-15')).toBe(0);
    expect(overdueDays({ status: 'in_progress', dueDate: '2024-03-15' }, '2024-03-15')).toBe(0);
    expect(overdueDays({ status: 'resolved', dueDate: '2024-03-01' }, '2024-03-15')).toBe(0);
    expect(overdueDays({ status: 'open', dueDate: null }, '2024-03-15')).toBe(0);
    expect(overdueDaysOf).toBe(overdueDays);
    expect(ledgerOverdueDays).toBe(overdueDays);
  });

  it('leadership group: flagged team, or listed by team id or conversation id', () => {
    const where = { teamId: 'dingtalk:cidA', conversationId: 'cidA' };
    expect(isLeadershipGroup(where, null, [])).toBe(false);
    expect(isLeadershipGroup(where, { isAdminGroup: true }, [])).toBe(true);
    expect(isLeadershipGroup(where, { isAdminGroup: false }, ['cidA'])).toBe(true);
    expect(isLeadershipGroup(where, null, ['dingtalk:cidA'])).toBe(true);
    expect(isLeadershipGroup(where, null, ['cidB', 'dingtalk:cidB'])).toBe(false);
    const team = { id: 'dingtalk:cidA', conversationId: 'cidA', isAdminGroup: false };
    expect(isAdminTeam(team, ['cidA'])).toBe(true);
    expect(isAdminTeam(team, ['cidB'])).toBe(false);
  });
});
