import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/ledger/model.js';
import { transition } from '../../src/ledger/service/transitions.js';

const issue = (over: Partial<Issue> = {}): Issue => ({
  id: 'Q-0012',
  teamId: 'console:g1',
  enterprise: '华康药业',
  category: '融资',
  summary: '流动资金紧张',
  department: '金融办',
  status: 'assigned',
  dueDate: '2019-03-27',
  reporter: 'u1',
  reporterName: '张三',
  raisedOn: '2019-03-12',
  createdAt: 0,
  updatedAt: 0,
  resolvedAt: null,
  closedAt: null,
  messageId: 'm',
  ...over,
});
const ctx = { today: '2019-03-14', dueDays: 15, isAdmin: false };
const admin = { ...ctx, isAdmin: true };

describe('issue lifecycle', () => {
  it('moves forward with an optimistic status check', () => {
    expect(transition(issue(), { to: 'in_progress', note: '已对接' }, ctx)).toEqual({
      patch: { issueId: 'Q-0012', expectStatus: 'assigned', status: 'in_progress', note: '已对接' },
    });
    expect(transition(issue(), { to: 'resolved', note: null }, ctx).patch).toMatchObject({
      status: 'resolved',
      expectStatus: 'assigned',
    });
  });

  it('never moves backwards on a progress note; keeps the note', () => {
    const t = transition(issue({ status: 'in_progress' }), { to: 'assigned', note: '还在协调' }, ctx);
    expect(t.patch).toEqual({ issueId: 'Q-0012', expectStatus: 'in_progress', note: '还在协调' });
  });

  it('sets a due date when an open issue is handed off: explicit deadline or ZCT_DUE_DAYS later', () => {
    const open = issue({ status: 'open', department: null, dueDate: null });
    expect(transition(open, { to: 'assigned', department: '人社局', note: null }, ctx).patch).toMatchObject({
      status: 'assigned',
      department: '人社局',
      dueDate: '2019-03-29',
    });
    expect(
      transition(open, { to: 'assigned', department: '人社局', deadline: '2019-03-20', note: null }, ctx).patch,
    ).toMatchObject({ dueDate: '2019-03-20' });
  });

  it('an explicit 交办 to another department restarts at assigned with a new due date', () => {
    const t = transition(
      issue({ status: 'in_progress' }),
      { to: 'assigned', department: '经信局', note: null, explicit: 'assign' },
      ctx,
    );
    expect(t.patch).toMatchObject({
      status: 'assigned',
      department: '经信局',
      dueDate: '2019-03-29',
      expectStatus: 'in_progress',
    });
    expect(
      transition(issue(), { to: 'assigned', department: '金融办', note: null, explicit: 'assign' }, ctx).notice,
    ).toContain('没有变化');
    expect(
      transition(
        issue({ status: 'resolved' }),
        { to: 'assigned', department: '经信局', note: null, explicit: 'assign' },
        ctx,
      ).notice,
    ).toContain('重新打开');
  });

  it('销号 is for admins; a closed issue takes nothing until reopened', () => {
    expect(transition(issue({ status: 'resolved' }), { to: 'closed', note: null }, ctx)).toEqual({
      notice: expect.stringContaining('管理员'),
    });
    expect(transition(issue({ status: 'resolved' }), { to: 'closed', note: '核实无误' }, admin).patch).toEqual({
      issueId: 'Q-0012',
      status: 'closed',
      expectStatus: 'resolved',
      note: '核实无误',
    });
    expect(transition(issue({ status: 'closed' }), { to: 'in_progress', note: 'x' }, admin).notice).toContain(
      '重新打开 Q-0012',
    );
  });

  it('a progress note on a resolved issue is kept, the status is not', () => {
    const t = transition(issue({ status: 'resolved' }), { to: 'in_progress', note: '企业说还有尾款' }, ctx);
    expect(t.patch).toEqual({ issueId: 'Q-0012', expectStatus: 'resolved', note: '企业说还有尾款' });
    expect(t.notice).toContain('已办结');
    expect(transition(issue({ status: 'resolved' }), { to: 'resolved', note: null }, ctx).patch).toBeUndefined();
  });

  it('reopen: back to assigned (with a department, new due date) or open; closed ones need an admin', () => {
    expect(
      transition(
        issue({ status: 'resolved', dueDate: '2019-03-01' }),
        { to: null, note: null, explicit: 'reopen' },
        ctx,
      ).patch,
    ).toMatchObject({ status: 'assigned', dueDate: '2019-03-29' });
    expect(
      transition(issue({ status: 'resolved', department: null }), { to: null, note: null, explicit: 'reopen' }, ctx)
        .patch,
    ).toMatchObject({ status: 'open', dueDate: null });
    expect(transition(issue({ status: 'closed' }), { to: null, note: null, explicit: 'reopen' }, ctx).notice).toContain(
      '管理员',
    );
    expect(
      transition(issue({ status: 'closed' }), { to: null, note: null, explicit: 'reopen' }, admin).patch,
    ).toMatchObject({ status: 'assigned', expectStatus: 'closed' });
    expect(transition(issue(), { to: null, note: null, explicit: 'reopen' }, admin).notice).toContain('不需要重新打开');
  });

  it('reopen keeps a deadline later than the default (moved after the 办结)', () => {
    const reopen = { to: null, note: null, explicit: 'reopen' as const };
    expect(transition(issue({ status: 'resolved', dueDate: '2019-04-30' }), reopen, ctx).patch).toMatchObject({
      status: 'assigned',
      dueDate: '2019-04-30',
    });
  });
});
