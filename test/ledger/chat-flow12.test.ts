/**
 * A liaison team's chat as a user tester played it (twelfth round, chat12): a waiting card is dropped by any wording
 * of taking the last message back, a question about an issue keeps it waiting, …
 */
import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/ledger/model.js';
import { parseLedgerCommand } from '../../src/ledger/commands.js';
import { correctedQuantity } from '../../src/ledger/service/lifecycle.js';
import { extractUpdate } from '../../src/ledger/extract/index.js';
import { botPerTest, TEAM, memoryAndRedisStores } from './helpers.js';

const SIX: Team = { ...TEAM, enterprises: ['华康药业', '七一电器', '维和药业', '海纳半导体', '恒力机械', '永盛纺织'] };
const stores = memoryAndRedisStores();

describe('taking the last message back', () => {
  it.each(['刚才那条不算', '这条不算数', '上一条作废', '刚刚那条别记了', '上面那条不要了', '刚才的删了吧'])(
    '%s is an undo of the last message',
    (t) => {
      expect(parseLedgerCommand(t)).toEqual({ type: 'undo', ref: null });
    },
  );
  it.each(['这个不算', 'Q-0012 不算', '不算数的有哪些'])('%s is no undo', (t) => {
    expect(parseLedgerCommand(t)?.type).not.toBe('undo');
  });
});

describe.each(stores)('team chat (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;

  it.each(['撤销', '撤回', '刚才那条不算', '这条作废', '取消', '不算了'])(
    '%s while a card waits drops the card and leaves the recorded report alone',
    async (word) => {
      await send('今天走访华康药业 企业反映流动资金紧张 已交办金融办');
      const card = await send('今天走访宏图科技有限公司 企业反映用地指标一直没批下来');
      expect(card.text).toContain('还没有记录');
      const r = await send(word);
      expect(r.text).toMatch(/已取消|放弃/);
      expect(r.text).not.toContain('已撤销');
      expect(await t.kit.store.getIssue('Q-0001')).toMatchObject({ enterprise: '华康药业', status: 'assigned' });
      expect(await t.kit.store.getIssue('Q-0002')).toBeNull();
      const next = await send('对');
      expect(next.text).not.toContain('Q-0002');
    },
  );
});

const LEAD: Team = { ...TEAM, id: 'console:lead', conversationId: 'lead', name: '领导群', enterprises: [] };
const ALPHA: Team = { ...TEAM, id: 'console:g2', conversationId: 'g2', name: 'Alpha Team', enterprises: ['矽盛电子'] };
const OPS: Team = { ...TEAM, id: 'console:g3', conversationId: 'g3', name: 'DevOps组', enterprises: ['维和药业'] };

describe.each(stores)('a team named in Latin letters, read from the leadership group (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [TEAM, ALPHA, OPS, LEAD], env: { ZCT_ADMIN_GROUPS: 'lead' } });
  const lead = { conversationId: 'lead', teamId: LEAD.id, userId: 'boss' };
  const seed = async () => {
    await t.send('今天走访了矽盛电子，企业反映环评审批慢', { conversationId: 'g2', teamId: ALPHA.id, userId: 'u9' });
    await t.send('今天走访了维和药业，企业反映缺10个电工', { conversationId: 'g3', teamId: OPS.id, userId: 'u8' });
  };

  it.each(['Alpha Team的问题清单', 'alpha team 问题清单', 'ALPHA TEAM逾期的问题有哪些', 'alphateam的台账'])(
    '%s lists that team’s issues only',
    async (q) => {
      await seed();
      const r = await t.send(q, lead);
      expect(r.text).toContain('Alpha Team');
      expect(r.text).not.toContain('维和药业');
      if (!/逾期/.test(q)) expect(r.text).toContain('矽盛电子');
    },
  );

  it.each(['alpha team情况怎么样', 'Alpha Team的情况', 'devops组情况如何'])(
    '%s gives that team’s digest',
    async (q) => {
      await seed();
      const r = await t.send(q, lead);
      expect(r.text).not.toContain('没有找到名为');
      expect(r.text).not.toContain('资料库');
    },
  );

  it('a Latin word that names no team is still a question (GDP情况怎么样)', async () => {
    await seed();
    const r = await t.send('GDP情况怎么样', lead);
    expect(r.text).not.toContain('简报');
  });
});

describe('how matters handed to a department stand, asked in words', () => {
  it.each([
    ['金融办那边有消息没', '金融办'],
    ['人社局有没有新进展？', '人社局'],
    ['住建局那边怎么说', '住建局'],
    ['税务局回复了吗', '税务局'],
    ['资规局那块咋样了', '资规局'],
  ])('%s lists the open issues handed to %s', (q, dept) => {
    expect(parseLedgerCommand(q)).toMatchObject({ type: 'list', department: dept, enterprise: null });
  });
  it.each(['金融办有什么政策', '税务局回复了', '有消息没', '华康那个金融办的有消息没'])('%s is no such list', (q) => {
    expect(parseLedgerCommand(q)?.type).not.toBe('list');
  });
});

describe.each(stores)('a department’s progress in the team chat (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;
  it('lists the team’s open issues handed to the department, records nothing', async () => {
    await send('今天走访华康药业 企业反映流动资金紧张 已交办金融办');
    await send('今天走访恒力机械 企业缺焊工10名 已交办人社局');
    await send('今天走访永盛纺织 企业想申请技改贷款贴息 已交办金融办');
    for (const q of ['金融办那边有消息没', '金融办最近有啥动静']) {
      const r = await send(q);
      expect(r.text).toContain('Q-0001');
      expect(r.text).toContain('Q-0003');
      expect(r.text).not.toContain('Q-0002');
      expect(r.text).not.toContain('引用');
    }
    const none = await send('税务局那边怎么说');
    expect(none.text).toContain('目前没有');
    expect(await t.kit.store.getIssue('Q-0004')).toBeNull();
  });
});

describe('a quantity set right', () => {
  it.each([
    ['是50人', '有员工30人，缺挡车工', '有员工50人，缺挡车工'],
    ['应该是15名', '缺焊工10名', '缺焊工15名'],
    ['是15个', '缺焊工10名', '缺焊工15名'],
    ['200万', '流动资金缺口100多万', '流动资金缺口200万'],
    ['是八十亩', '二期用地需要五十亩', '二期用地需要八十亩'],
  ])('%s in %s → %s', (phrase, summary, want) => {
    expect(correctedQuantity(phrase, summary)).toBe(want);
  });
  it.each([
    ['是50人', '缺挡车工'],
    ['是50亩', '缺焊工10名'],
    ['是焊工', '缺焊工10名'],
    ['是5人', '缺焊工3人、电工2人'],
  ])('%s sets nothing in %s', (phrase, summary) => {
    expect(correctedQuantity(phrase, summary)).toBeNull();
  });
});

describe.each(stores)('a correction right after a report (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;
  it.each([
    ['今天走访永盛纺织，企业有员工30人，缺挡车工', '不对 是50人', '有员工50人，缺挡车工'],
    ['恒力机械反映缺焊工10名', '说错了，应该是15名', '缺焊工15名'],
    ['今天去了海纳半导体，企业二期厂房用地需要五十亩，还没批', '更正：八十亩', '二期厂房用地需要八十亩，还没批'],
  ])('%s then %s sets the last report’s quantity', async (report, fix, summary) => {
    await send(report);
    const r = await send(fix);
    expect(r.text).not.toContain('引用');
    expect(r.text).toContain('Q-0001');
    expect((await t.kit.store.getIssue('Q-0001'))?.summary).toContain(summary);
    expect(await t.kit.store.getIssue('Q-0002')).toBeNull();
    // 撤销 takes the correction back
    await send('撤销');
    expect((await t.kit.store.getIssue('Q-0001'))?.summary).not.toContain(summary);
  });
  it('a quantity the report did not hold changes nothing and says so', async () => {
    await send('今天走访永盛纺织，企业缺挡车工');
    const r = await send('不对 是50亩');
    expect(r.text).toContain('没有修改');
    expect((await t.kit.store.getIssue('Q-0001'))?.summary).toBe('缺挡车工');
  });
});

describe('a 周报 pasted with bracketed headings', () => {
  const today = '2019-03-12';
  const opts = { today, teamEnterprises: SIX.enterprises };
  it('summaries do not open with a bracketed aside or the heading', () => {
    const e = extractUpdate(
      '【周报】【一、走访企业】维和药业：（企业反映）环评审批慢。【二、问题】海纳半导体：(1)用电负荷不够',
      opts,
    );
    for (const i of e.issues) expect(i.summary).not.toMatch(/^[（(【]|周报|走访企业/);
    expect(e.issues.map((i) => i.summary)).toContain('环评审批慢');
  });
  it('an enterprise as a bracketed heading, its date in brackets after it, is that entry', () => {
    const e = extractUpdate('【小结】【恒力机械】（3月5日）企业缺焊工10名。【永盛纺织】（3月6日）生产正常。', opts);
    expect(e.issues[0]).toMatchObject({ summary: '缺焊工10名' });
    expect(e.enterprise).toBe('恒力机械');
  });
});

describe.each(stores)('a 周报 with bracketed headings in the team chat (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;
  it('each enterprise of the roll-up is visited on its own entry’s day; a plan under its heading is no visit', async () => {
    const card = await send(
      '【本周工作小结】【恒力机械】（3月5日）企业缺电工5名。【永盛纺织】（3月6日）一切正常。【海纳半导体】（3月7日）二期环评还没批，已报生态环境局。【下周安排】走访华康药业',
    );
    expect(card.text).not.toMatch(/[｜]（/);
    await send('对');
    const visits = await t.kit.store.listVisits({ teamId: SIX.id });
    expect(visits.map((v) => [v.enterprise, v.date]).sort()).toEqual([
      ['恒力机械', '2019-03-05'],
      ['永盛纺织', '2019-03-06'],
      ['海纳半导体', '2019-03-07'],
    ]);
    const issues = await t.kit.store.listIssues({ teamId: SIX.id });
    expect(issues.map((i) => [i.enterprise, i.summary, i.raisedOn]).sort()).toEqual([
      ['恒力机械', '缺电工5名', '2019-03-05'],
      ['海纳半导体', '二期环评还没批', '2019-03-07'],
    ]);
  });
});

describe.each(stores)('two enterprises and one visit verb after both (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;
  it.each([
    ['维和和海纳今天都跑了', ['海纳半导体', '维和药业']],
    ['华康、七一上午都去过了', ['七一电器', '华康药业']],
    ['维和跟七一下午都看了一下', ['七一电器', '维和药业']],
    ['恒力、永盛今天都坐了坐', ['恒力机械', '永盛纺织']],
    ['恒力机械和永盛纺织今天都走了一遍，都没啥问题', ['恒力机械', '永盛纺织']],
    ['华康和海纳各跑了一趟', ['华康药业', '海纳半导体']],
  ])('%s records a visit of each', async (m, names) => {
    const r = await send(m);
    expect(r.text).toContain('V-0002');
    const visits = await t.kit.store.listVisits({ teamId: SIX.id });
    expect(visits.map((v) => v.enterprise).sort()).toEqual([...names].sort());
  });
});

describe.each(stores)('a question about an issue while a card waits (%s)', (_name, makeStore) => {
  const t = botPerTest(makeStore, { teams: [SIX] });
  const { send } = t;
  it.each(['Q-0001 现在啥情况', '华康那个怎么样了', '华康的贷款到哪一步了'])(
    '%s shows the issue, records nothing, and the card still waits for 对',
    async (q) => {
      await send('今天走访华康药业 企业反映流动资金紧张 已交办金融办');
      await send('今天走访宏图科技有限公司 企业反映用地指标一直没批下来');
      const r = await send(q);
      expect(r.text).toContain('Q-0001');
      expect(r.text).toContain('还在等您回复');
      expect(await t.kit.store.getIssue('Q-0002')).toBeNull();
      const yes = await send('对');
      expect(yes.text).toContain('Q-0002');
      expect(await t.kit.store.getIssue('Q-0002')).toMatchObject({ enterprise: '宏图科技有限公司' });
    },
  );
});
