/**
 * Access control through the Bot with the real handlers, teams served by two replicas: a message from team A's
 * group can neither read nor change team B's issues (show, progress, assign, resolve, close, reopen, undo, list),
 * and only admins may 销号 — even in their own team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/ledger/model.js';
import { TEXTS } from '../../src/ledger/service/texts.js';
import type { IncomingMessageInput } from '../../src/messaging/incoming.js';
import { fromSlashCommand, slashCommands } from '../../src/platforms/slack/index.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { message, testConfig } from '../helpers/services.js';
import { freshPrefix, registerTeam, startReplica, text, type Replica } from '../helpers/fleet.js';

const A = 'console:acl-a';
const B = 'console:acl-b';
/** Words only B's issues and team contain (the enterprise name may be echoed from A's own filter). */
const B_SUMMARY_WORDS = ['流动资金贷款', '联企小组 acl-b'];

let redis: RedisHandle;
let x: Replica;
let y: Replica;

beforeAll(async () => {
  redis = await startRedis();
  const prefix = freshPrefix('acl');
  x = await startReplica(redis.url, { name: 'X', prefix });
  y = await startReplica(redis.url, { name: 'Y', prefix });
  await registerTeam(x.store, A, ['华康药业']);
  await registerTeam(x.store, B, ['海纳半导体']);
});
afterAll(async () => {
  await x.close();
  await y.close();
  await redis.stop();
});

const fromA = (t: string, over: Partial<IncomingMessageInput> = {}) =>
  message(t, { conversationId: 'acl-a', teamId: A, userId: 'ua', userName: '甲', ...over });
const fromB = (t: string, over: Partial<IncomingMessageInput> = {}) =>
  message(t, { conversationId: 'acl-b', teamId: B, userId: 'ub', userName: '乙', ...over });

async function newIssueInB(words: string): Promise<Issue> {
  const r = await y.bot.handle(fromB(`今天走访了海纳半导体，企业反映${words}`));
  expect(r.reply?.intent, text(r.reply)).toBe('report');
  const id = /Q-\d{4,}/.exec(text(r.reply))?.[0];
  expect(id, text(r.reply)).toBeTruthy();
  return (await y.store.getIssue(id as string)) as Issue;
}

async function snapshot(id: string) {
  return { issue: await x.store.getIssue(id), history: await x.store.issueHistory(id) };
}

describe("team A cannot read or change team B's issues", () => {
  it('show, list, progress, assign, resolve, close, reopen and undo from A all leave B alone and leak nothing', async () => {
    const issue = await newIssueInB('流动资金贷款审批慢，缺500万');
    const id = issue.id;
    const before = await snapshot(id);

    const attempts: Array<[string, Partial<IncomingMessageInput>]> = [
      [id, {}],
      [`${id} 金融办已对接，贷款下周放款`, {}],
      [`报：${id} 已解决`, {}],
      [`${id} 交办 人社局 3月20日前`, {}],
      [`${id} 办结`, {}],
      [`${id} 销号`, {}],
      [`${id} 销号`, { isAdmin: true, userId: 'boss' }],
      [`重新打开 ${id}`, {}],
      [`撤销 ${id}`, {}],
      [`撤销 ${id}`, { userId: 'ub' }], // B's reporter, writing in A's group
      ['问题清单', {}],
      ['问题清单 全部', {}],
      ['问题清单 海纳半导体', {}],
    ];
    for (const [t, over] of attempts) {
      for (const replica of [x, y]) {
        const r = await replica.bot.handle(fromA(t, over));
        const out = text(r.reply);
        if (t.includes(id)) expect(out, t).toContain(TEXTS.notFound(id));
        expect(r.reply, t).not.toBeNull();
        for (const w of B_SUMMARY_WORDS) expect(out, `"${t}" leaked B's issue: ${out}`).not.toContain(w);
      }
    }
    expect(await snapshot(id)).toEqual(before);
    expect(before.issue?.status).toBe('open');
  });

  it('a direct message (no group) cannot read it either', async () => {
    const issue = await newIssueInB('流动资金贷款利率高');
    const r = await x.bot.handle(fromA(issue.id, { isGroup: false, conversationId: 'dm-ua', teamId: 'console:dm-ua' }));
    for (const w of B_SUMMARY_WORDS) expect(text(r.reply)).not.toContain(w);
  });
});

describe('销号 needs an admin', () => {
  it('a non-admin cannot close an issue of their own team; an admin can', async () => {
    const issue = await newIssueInB('流动资金贷款续贷难');
    const id = issue.id;
    await y.bot.handle(fromB(`${id} 办结`));
    expect((await x.store.getIssue(id))?.status).toBe('resolved');

    for (const t of [`${id} 销号`, `报：${id} 已核实销号`, `${id} 已销号`]) {
      const r = await x.bot.handle(fromB(t));
      expect((await x.store.getIssue(id))?.status, `"${t}" by a non-admin: ${text(r.reply)}`).toBe('resolved');
    }
    // Through the Slack adapter's converter: a user not in ZCT_ADMINS is not an admin, whatever the payload says.
    const config = testConfig({ ZCT_ADMINS: 'U-BOSS' });
    const slash = (user: string) =>
      fromSlashCommand(
        {
          command: '/issues',
          text: `${id} 销号`,
          channel_id: 'acl-b',
          channel_name: 'acl-b',
          user_id: user,
          user_name: 'admin',
          trigger_id: `t-${user}-${Date.now()}`,
          api_app_id: 'A1',
        },
        slashCommands(config).get('/issues')!,
        { config, now: Date.now() },
      );
    const spoof = { ...slash('U-NOBODY'), teamId: B, conversationId: 'acl-b' };
    expect(spoof.isAdmin).toBe(false);
    await y.bot.handle(spoof);
    expect((await x.store.getIssue(id))?.status).toBe('resolved');

    const boss = { ...slash('U-BOSS'), teamId: B, conversationId: 'acl-b' };
    expect(boss.isAdmin).toBe(true);
    const r = await y.bot.handle(boss);
    expect((await x.store.getIssue(id))?.status, text(r.reply)).toBe('closed');
  });

  it('a new issue reported as already closed by a non-admin is not recorded as closed', async () => {
    const r = await y.bot.handle(fromB('今天走访了海纳半导体，企业反映的流动资金贷款问题已核实销号'));
    const ids = text(r.reply).match(/Q-\d{4,}/g) ?? [];
    for (const id of ids) expect((await x.store.getIssue(id))?.status).not.toBe('closed');
  });
});
