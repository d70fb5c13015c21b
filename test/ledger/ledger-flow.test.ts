/**
 * The ledger as people use it, through the real bot on both stores: updates that find the issue they update,
 * low-confidence parses confirmed before recording, the edit command, and the lifecycle (撤销, 恢复, 销号).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import type { Bot } from '../../src/app/bot.js';
import { confidenceOf, REASON_WEIGHT } from '../../src/ledger/extract/confidence.js';
import { CONFIDENCE_REASON_LABELS } from '../../src/ledger/model.js';
import { MIN, makeKit, say, text, type Kit, memoryAndRedisStores } from './helpers.js';

const stores = memoryAndRedisStores();

describe.each(stores)('ledger flow on %s', (_name, makeStore) => {
  let kit: Kit;
  let bot: Bot;
  beforeEach(async () => {
    kit = await makeKit(makeStore);
    bot = createBot(kit.services);
  });
  afterEach(async () => {
    await kit.cleanup();
  });
  const send = async (t: string, over: Record<string, unknown> = {}) => {
    kit.clock.advance(MIN);
    const r = await bot.handle(say(kit, t, over));
    return { ...r, text: r.reply ? text(r.reply) : '' };
  };

  describe('updates find the issue they update', () => {
    it('a hand-off naming the enterprise and topic updates the open issue instead of creating a duplicate', async () => {
      await send('今天走访了华康药业，企业反映流动资金紧张，想申请技改贷款');
      const r = await send('华康药业流动资金紧张的事已交办金融办');
      expect(r.text).toContain('Q-0001');
      const issues = await kit.store.listIssues({});
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ id: 'Q-0001', status: 'assigned', department: '金融办' });
    });

    it('the same problem reported again is a note on the open issue, not a second issue', async () => {
      await send('华康药业反映流动资金紧张');
      await send('今天又去了华康药业，企业还是反映流动资金紧张');
      expect(await kit.store.listIssues({})).toHaveLength(1);
      expect((await kit.store.issueHistory('Q-0001')).length).toBe(2);
    });

    it('asks which one when two open issues match, then updates the one chosen', async () => {
      await send('华康药业反映缺10名焊工');
      await send('华康药业反映缺20名普工');
      expect(await kit.store.listIssues({ category: '用工' })).toHaveLength(2);
      const ask = await send('华康药业用工的事已交办人社局');
      expect(ask.reply?.intent).toBe('clarify');
      expect(ask.text).toContain('Q-0001');
      expect(ask.text).toContain('Q-0002');
      await send('2');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ status: 'assigned', department: '人社局' });
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open' });
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });

    it('a new problem with a handling department is never 待交办', async () => {
      await send('华康药业反映缺20名普工');
      const parsed = createBot(kit.services, {
        wrap: {
          report: (real) => async (msg, s, ctx) =>
            real(
              msg,
              s,
              ctx && {
                ...ctx,
                parse: {
                  kind: 'issue',
                  enterprise: '七一电器',
                  date: null,
                  ref: null,
                  issues: [{ category: '用地', summary: '研发楼用地还差10亩', department: '资规局', status: 'open' }],
                },
              },
            ),
        },
      });
      kit.clock.advance(MIN);
      await parsed.handle(say(kit, '七一电器研发楼用地还差10亩，资规局'));
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ status: 'assigned', department: '资规局' });
    });

    it('a different problem of the same enterprise is still a new issue', async () => {
      await send('华康药业反映流动资金紧张');
      await send('华康药业反映厂房二期用地指标还没批');
      expect(await kit.store.listIssues({})).toHaveLength(2);
      // Different quantities are different matters.
      await send('华康药业反映缺2名操作工');
      await send('华康药业反映缺14名操作工');
      expect(await kit.store.listIssues({})).toHaveLength(4);
      // A need handed off on the spot that shares no word with the open one is another matter.
      await send('今天走访了七一电器，企业反映想招两个数控技工');
      await send('今天走访了七一电器，企业反映缺5个焊工，已交办人社局');
      expect(await kit.store.listIssues({ enterprise: '七一电器' })).toHaveLength(2);
    });
  });

  describe('never record something wrong with confidence', () => {
    const ROLLUP = '本周走访情况：华康药业反映缺电，七一电器反映厂房用地指标紧张';

    it('a message naming several enterprises is shown as a card and recorded on 对', async () => {
      const card = await send(ROLLUP);
      expect(card.reply?.intent).toBe('clarify');
      expect(card.text).toContain('我是这样理解的');
      expect(card.text).toContain('华康药业、七一电器');
      expect(card.reply?.blocks.some((b) => b.type === 'list')).toBe(true);
      // Buttons for the card (DingTalk interactive card / Slack Block Kit) stand for the words, for the reporter only.
      expect(card.reply?.actions?.map((a) => [a.label, a.command, a.onlyUser])).toEqual([
        ['确认记录', '对', say(kit, '').userId],
        ['不记录', '不用了', say(kit, '').userId],
      ]);
      expect(await kit.store.listIssues({})).toHaveLength(0);
      const done = await send('对');
      expect(done.text).toContain('Q-0001');
      expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
    });

    it('the card names the department a doubt is about, and only the doubts that counted', async () => {
      const parsed = createBot(kit.services, {
        wrap: {
          report: (real) => async (msg, s, ctx) =>
            real(
              msg,
              s,
              ctx && {
                ...ctx,
                parse: {
                  kind: 'issue',
                  enterprise: '七一电器',
                  date: null,
                  ref: null,
                  issues: [{ category: '用地', summary: '研发楼用地还差10亩', department: null, status: 'open' }],
                  reasons: ['unplaced_department', 'date_conflict'],
                  // low enough to ask whatever the fitted weights (the card is what is tested)
                  confidence: Math.min(confidenceOf(['unplaced_department', 'date_conflict']), 0.5),
                },
              },
            ),
        },
      });
      kit.clock.advance(MIN);
      const r = await parsed.handle(say(kit, '七一电器研发楼用地还差10亩，已转资规局'));
      const card = r.reply ? text(r.reply) : '';
      expect(r.reply?.intent).toBe('clarify');
      expect(card).toContain('提到了资规局，但没有对应到哪个问题');
      if (REASON_WEIGHT.date_conflict < 0.1) expect(card).not.toContain(CONFIDENCE_REASON_LABELS.date_conflict);
      expect(await kit.store.listIssues({})).toHaveLength(0);
    });

    it('👍 confirms; 不用了 drops; a correction in plain words replaces the card', async () => {
      await send(ROLLUP);
      await send('👍');
      const n = (await kit.store.listIssues({})).length;
      expect(n).toBeGreaterThan(0);

      await send(ROLLUP);
      expect((await send('不用了')).text).toContain('已取消');
      expect(await kit.store.listIssues({})).toHaveLength(n);

      await send(ROLLUP);
      const fixed = await send('今天走访了七一电器，企业反映厂房二期用地指标紧张，已交办自然资源局');
      expect(fixed.text).toContain('已按更正后的内容替换');
      // The corrected report names a problem the team already has open (七一电器, 用地): it updates that issue.
      const issues = await kit.store.listIssues({});
      expect(issues).toHaveLength(n);
      expect(issues.find((i) => i.enterprise === '七一电器')?.department).toBe('资规局');
      expect((await send('对')).reply?.intent).not.toBe('report');
    });

    it('the parser’s own confidence and reasons decide when given', async () => {
      const unsure = createBot(kit.services, {
        wrap: {
          report: (real) => async (msg, s, ctx) =>
            real(
              msg,
              s,
              ctx?.parse
                ? {
                    ...ctx,
                    parse: Object.assign({}, ctx.parse, { confidence: 0.3, reasons: ['“城管那边”不是已知部门'] }),
                  }
                : ctx,
            ),
        },
      });
      kit.clock.advance(MIN);
      const card = await unsure.handle(say(kit, '今天走访了华康药业，企业反映门口道路破损，已报城管那边'));
      expect(text(card.reply!)).toContain('“城管那边”不是已知部门');
      expect(await kit.store.listIssues({})).toHaveLength(0);
      const sure = createBot(kit.services, {
        wrap: {
          report: (real) => async (msg, s, ctx) =>
            real(msg, s, ctx?.parse ? { ...ctx, parse: Object.assign({}, ctx.parse, { confidence: 0.95 }) } : ctx),
        },
      });
      await send('不用了');
      kit.clock.advance(MIN);
      await sure.handle(say(kit, ROLLUP));
      expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
    });

    it('the card waits in the session for ZCT_DRAFT_TTL_MIN, then 对 records nothing', async () => {
      await send(ROLLUP);
      kit.clock.advance(kit.services.config.ZCT_DRAFT_TTL_MIN * MIN + MIN);
      await send('对');
      expect(await kit.store.listIssues({})).toHaveLength(0);
    });
  });

  describe('edit command with history and audit log', () => {
    const REPORT = '今天走访了华康药业，企业反映流动资金紧张，想申请技改贷款，已交办金融办';

    it('改 部门 / 类别 / 期限 / 摘要 and 延期 change the issue, appear in its history and the audit stream', async () => {
      await send(REPORT);
      const before = await kit.store.getIssue('Q-0001');
      expect(before).toMatchObject({ department: '金融办', category: '融资' });
      expect((await send('Q-0001 改 部门 人社局')).text).toContain('人社局');
      await send('Q-0001 改 类别 用工');
      await send('Q-0001 改 期限 12月31日');
      await send('Q-0001 改 摘要 流动资金缺口约500万元');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({
        department: '人社局',
        category: '用工',
        dueDate: '2019-12-31',
        summary: '流动资金缺口约500万元',
        status: before?.status,
      });
      await send('Q-0001 延期到2020年1月31日');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-01-31');
      // A month and day already past this year would be next year's: the bot asks for the year instead of guessing.
      expect((await send('Q-0001 期限改为2月28日')).text).toContain('请写明年份');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-01-31');
      await send('Q-0001 期限改为2020年2月28日');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-02-28');

      // the deadline moved in everyday words: to a date, or by a span from the deadline the issue has
      await send('Q-0001 期限延到2020年3月10日');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-03-10');
      await send('Q-0001 延期一个月');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-04-10');
      await send('Q-0001 期限往后推两周');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-04-24');
      // a deadline it cannot read is refused and said so, never 已更新 with nothing changed
      const unread = await send('Q-0001 期限延到下个季度中间');
      expect(unread.text).not.toContain('已更新');
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBe('2020-04-24');
      await send('Q-0001 期限改为2020年2月28日');

      const history = await kit.store.issueHistory('Q-0001');
      const edits = history.filter((e) => e.action === 'edit').flatMap((e) => e.edits ?? []);
      expect(edits).toEqual(
        expect.arrayContaining([
          { field: 'department', from: '金融办', to: '人社局' },
          { field: 'category', from: '融资', to: '用工' },
          { field: 'dueDate', from: '2019-03-27', to: '2019-12-31' },
          { field: 'summary', from: before?.summary, to: '流动资金缺口约500万元' },
          { field: 'dueDate', from: '2019-12-31', to: '2020-01-31' },
        ]),
      );
      const audit = await kit.store.readEvents(0, Number.MAX_SAFE_INTEGER);
      expect(audit.filter((e) => e.action === 'edit')).toHaveLength(10);
      const card = await send('Q-0001');
      expect(card.text).toContain('修改部门：金融办 → 人社局');
    });

    it('an update that states the problem itself is its first report when nothing open matches; a bare progress asks', async () => {
      const first = await send('华康药业 环评审批卡在生态环境局');
      expect(await kit.store.listIssues({})).toMatchObject([
        { enterprise: '华康药业', category: '审批', department: '生态环境局', status: 'in_progress' },
      ]);
      expect(first.text).not.toContain('登记为新问题吗');
      const bare = await send('七一电器那个融资的事金融办在对接');
      expect(bare.text).toContain('登记为新问题吗');
    });

    it('a numbered list of updates applies each item to the id it names, whatever the items before it say', async () => {
      await send('华康药业缺8个普工');
      await send('七一电器的技改补助还没到账');
      await send('本周进展：1.Q-0001 又招到5人 还差3人 2.Q-0002 补贴已到账');
      expect((await kit.store.getIssue('Q-0002'))?.status).toBe('resolved');
      expect((await kit.store.getIssue('Q-0001'))?.status).not.toBe('resolved');
      expect((await kit.store.issueHistory('Q-0001')).some((e) => (e.note ?? '').includes('还差3人'))).toBe(true);
    });

    it('a roll-up updates each enterprise’s own open issue, not the first enterprise’s', async () => {
      await send('华康药业缺8个普工');
      await send('七一电器的技改补助还没到账');
      const card = await send('本周情况汇总：华康药业普工招到了；七一电器技改补助已交办经信局');
      // Two enterprises in one message: shown as a card first; each line names its own issue.
      expect(card.text).toContain('Q-0001');
      expect(card.text).toContain('Q-0002');
      expect(card.text).not.toContain('登记为新问题');
      await send('对');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ status: 'assigned', department: '经信局' });
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });

    it('不对，… right after one’s own report sets that record right, as an edit 撤销 reverts', async () => {
      await send('今天走访了华康药业，企业反映缺5个焊工');
      await send('不对，是缺3个焊工');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ summary: '缺3个焊工', category: '用工' });
      await send('不对，是交办人社局');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ department: '人社局', status: 'assigned' });
      expect((await kit.store.getIssue('Q-0001'))?.dueDate).toBeTruthy();
      await send('七一电器反映厂房用地紧张');
      await send('不对，不是用地，是厂房审批');
      // (a category taken back sets the matter's kind; the description stays)
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ category: '审批', summary: '厂房用地紧张' });
      await send('撤销');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ category: '用地', summary: '厂房用地紧张' });
      // Nothing new was recorded by the corrections.
      expect(await kit.store.listIssues({})).toHaveLength(2);
      // A report about another enterprise that says 不是…是… is its own report, never an edit of the last record.
      await send('华康药业反映缺8个普工');
      await send('七一电器说不是缺钱，是缺地');
      expect(await kit.store.getIssue('Q-0003')).toMatchObject({ enterprise: '华康药业', summary: '缺8个普工' });
    });

    it('a correction naming only a category keeps the description; 不对，是交给…的 is a correction, not a search', async () => {
      await send('七一电器反映新车间的能评审批还没下来');
      await send('不是审批，是用地');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({
        category: '用地',
        summary: '新车间的能评审批还没下来',
      });
      await send('华康药业反映缺20个普工，已交人社局');
      const fix = await send('不对，是交给发改的');
      expect(fix.text).not.toContain('资料库');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ department: '发改局', status: 'assigned' });
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });

    it('news of a matter of its own is not merged into an unrelated open issue; 新问题 answers 说的是哪一个', async () => {
      await send('华康药业反映缺20个普工，已交人社局');
      // (a matter its words place, handed off as it is told: its first report, recorded — nothing to ask)
      const news = await send('华康药业商标被人抢注了 报给市监局了');
      expect(news.text).not.toContain('登记为新问题');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ department: '人社局', summary: '缺20个普工' });
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ enterprise: '华康药业', department: '市场监管局' });
      // two open issues and an update that fits neither by category nor words: the user can say it is new
      const which = await send('华康药业那个事办好了');
      expect(which.text).toContain('说的是哪一个');
      await send('新问题');
      expect(await kit.store.listIssues({})).toHaveLength(3);
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('assigned');
      expect((await kit.store.getIssue('Q-0002'))?.status).toBe('assigned');
    });

    it('a roll-up under a visit heading records a visit for each enterprise it reports on, progress included', async () => {
      await send('华康药业反映用地预审一直没批');
      await send('七一电器反映缺20个普工');
      const card = await send('本周走访小结 华康药业 用地预审资规局在走流程 七一电器 专场招聘会下周二');
      if (card.text.includes('回复“对”')) await send('对');
      expect((await kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(['七一电器', '华康药业']);
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'in_progress', department: '资规局' });
      expect(await kit.store.listIssues({})).toHaveLength(2);
    });

    it('a roll-up visit whose first enterprise raised nothing records a visit for it too', async () => {
      const card = await send('今天走访了两家，第一家是华康药业，一切正常；第二家是七一电器，缺20个普工');
      if (card.text.includes('回复“对”')) await send('对');
      expect((await kit.store.listVisits({})).map((v) => v.enterprise).sort()).toEqual(['七一电器', '华康药业']);
      expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '七一电器', category: '用工' }]);
    });

    it('a report about an enterprise the team is not bound to is shown as a card first, recorded on 对', async () => {
      const card = await send('今天去了宏图科技 企业缺流动资金');
      expect(card.text).toContain('不是本组绑定联系的企业');
      expect(await kit.store.listIssues({})).toHaveLength(0);
      await send('对');
      expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '宏图科技', category: '融资' }]);
    });

    it('a need reported part-way met on a visit moves the open issue on instead of opening a second one', async () => {
      await send('今天去了华康药业，企业反映缺熟练挡车工30人，已交人社局');
      const r = await send('今天去华康药业了 企业说挡车工招到十几个了 还差一半');
      expect(r.text).toContain('Q-0001');
      expect(await kit.store.listIssues({})).toHaveLength(1);
      expect(await kit.store.listVisits({})).toHaveLength(2);
    });

    it('撤销 while a card waits for 对 drops the card and leaves the saved records alone', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('Q-0001 办结');
      const card = await send('本周走访：华康药业缺焊工；七一电器用地指标不够。');
      expect(card.text).toContain('对');
      const undo = await send('撤销');
      expect(undo.text).toContain('已取消');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
      expect(await send('对')).toBeDefined();
      expect(await kit.store.listIssues({})).toHaveLength(1);
    });

    it('a resolution of a matter already 办结 says so and registers nothing new', async () => {
      await send('华康药业反映环评审批卡住了');
      await send('Q-0001 办结');
      const r = await send('华康药业环评批了');
      expect(r.text).toContain('Q-0001');
      expect(r.text).toContain('已经办结');
      expect(r.text).not.toContain('登记为新问题');
      expect(await kit.store.listIssues({})).toHaveLength(1);
    });

    it('Q-0001 交办 with no department asks for one and changes nothing', async () => {
      await send('华康药业缺8个普工');
      const r = await send('Q-0001 交办');
      expect(r.text).toContain('交办给哪个部门');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'open', department: null });
    });

    it('an undone 办结 counts nowhere: the digest shows no resolution and the undo is no report', async () => {
      await send(REPORT);
      await send('Q-0001 办结');
      await send('撤销');
      expect((await kit.store.getIssue('Q-0001'))?.status).not.toBe('resolved');
      const digest = (await send('简报')).text;
      expect(digest).toContain('办结：0');
      expect(digest).not.toContain('【办结问题】');
    });

    it('says why not when the edit cannot happen', async () => {
      await send(REPORT);
      expect((await send('期限改为1月31日')).text).toContain('请写明要修改的问题编号');
      expect((await send('Q-0001 改 期限 下辈子')).text).toContain('没看懂期限');
      expect((await send('Q-0001 改 期限 2019年3月1日')).text).toContain('早于今天');
      // a day this year already past, written without a year (today is 12 March): ask for the year
      expect((await send('Q-0001 改 期限 3月1日')).text).toContain('请写明年份');
      // no new value: ask for it instead of recording "改 摘要" as progress
      expect((await send('Q-0001 改 摘要')).text).toContain('请写出新的摘要');
      expect((await send('Q-0001 改 类别 火星')).text).toContain('不是问题类别');
      expect((await send('Q-0009 改 部门 人社局')).text).toContain('没有找到');
      expect((await send('Q-0001 改 部门 金融办')).text).toContain('没有变化');
      expect((await kit.store.issueHistory('Q-0001')).filter((e) => e.action === 'edit')).toHaveLength(0);
    });
  });

  describe('lifecycle', () => {
    const admin = { userId: 'admin', userName: '管理员', isAdmin: true };

    it('an issue card offers its next step as buttons that stand for the typed commands', async () => {
      await send('今天走访了华康药业，企业反映流动资金紧张，已交办金融办');
      const open = await send('Q-0001');
      expect(open.reply?.actions?.map((a) => a.command)).toEqual(['Q-0001 办结']);
      // Pressing the button runs the same words through the pipeline.
      await send(open.reply!.actions![0]!.command);
      const resolved = await send('Q-0001');
      expect(resolved.reply?.actions?.map((a) => [a.command, a.adminOnly ?? false])).toEqual([
        ['Q-0001 销号', true],
        ['重新打开 Q-0001', false],
      ]);
      await send(resolved.reply!.actions![0]!.command, admin);
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('closed');
      expect((await send('Q-0001')).reply?.actions).toBeUndefined();
    });

    it('撤销 undoes only the speaker’s last action: a later 办结 is reverted, the report stays', async () => {
      await send('今天走访了华康药业，企业反映流动资金紧张，已交办金融办');
      await send('Q-0001 办结');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
      const undo = await send('撤销');
      expect(undo.text).toContain('Q-0001');
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned', department: '金融办' });
      expect(await kit.store.listVisits({})).toHaveLength(1);
      // Again: now the report itself is the last action.
      await send('撤销');
      expect(await kit.store.getIssue('Q-0001')).toBeNull();
      expect(await kit.store.listVisits({})).toHaveLength(0);
    });

    it('撤销 reverts an edit and a reopen', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('Q-0001 改 部门 人社局');
      await send('撤销');
      expect((await kit.store.getIssue('Q-0001'))?.department).toBe('金融办');
      await send('Q-0001 办结');
      await send('重新打开 Q-0001');
      await send('撤销');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('resolved');
    });

    it('撤销 is refused for an issue someone else changed since; an admin can restore a withdrawn issue', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('Q-0001 金融办已对接，下周放款', { userId: 'u2', userName: '李四' });
      const refused = await send('撤销');
      expect(refused.text).toContain('已被其他人更新');
      expect(await kit.store.getIssue('Q-0001')).not.toBeNull();

      await send('七一电器反映厂房用地指标紧张');
      await send('撤销 Q-0002');
      expect(await kit.store.getIssue('Q-0002')).toBeNull();
      expect((await send('恢复 Q-0002')).text).toContain('管理员');
      const back = await send('恢复 Q-0002', admin);
      expect(back.text).toContain('已恢复 Q-0002');
      expect(await kit.store.getIssue('Q-0002')).toMatchObject({ enterprise: '七一电器', status: 'open' });
      expect((await kit.store.listIssues({ teamId: 'console:g1' })).map((i) => i.id)).toContain('Q-0002');
      expect((await kit.store.issueHistory('Q-0002')).map((e) => e.type)).toEqual([
        'issue.created',
        'issue.withdrawn',
        'issue.restored',
      ]);
    });

    it('a duplicate folds into the issue kept: one issue left, both histories say so, the old id shows the kept one', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('七一电器反映厂房用地指标紧张');
      // (the same matter again, worded so that it lands as a second issue)
      await send('华康药业想申请技改贷款', { userId: 'u2', userName: '李四' });
      expect(await kit.store.listIssues({ teamId: 'console:g1' })).toHaveLength(3);

      const r = await send('Q-0003 并入 Q-0001', { userId: 'u2', userName: '李四' });
      expect(r.reply?.title).toBe('已合并');
      expect(r.text).toContain('已合并');
      expect(r.text).toContain('Q-0003');
      expect(await kit.store.getIssue('Q-0003')).toBeNull();
      expect((await kit.store.listIssues({ teamId: 'console:g1' })).map((i) => i.id)).toEqual(
        expect.not.arrayContaining(['Q-0003']),
      );
      const kept = await kit.store.issueHistory('Q-0001');
      expect(kept.at(-1)).toMatchObject({
        type: 'issue.updated',
        action: 'merge',
        note: expect.stringContaining('Q-0003'),
      });
      expect((await kit.store.issueHistory('Q-0003')).at(-1)).toMatchObject({
        type: 'issue.withdrawn',
        action: 'merge',
        mergedInto: 'Q-0001',
      });
      const shown = await send('Q-0003');
      expect(shown.text).toContain('已并入 Q-0001');
      expect(shown.text).toContain('金融办');
      expect(shown.text).toContain('合并重复问题 Q-0003');

      // 撤销 takes the merge back, and only it
      const undo = await send('撤销', { userId: 'u2', userName: '李四' });
      expect(undo.text).toContain('已取消合并：Q-0003');
      expect(await kit.store.getIssue('Q-0003')).toMatchObject({ enterprise: '华康药业', status: 'open' });
      expect(await kit.store.getIssue('Q-0001')).toMatchObject({ status: 'assigned', department: '金融办' });
      expect(await kit.store.listIssues({ teamId: 'console:g1' })).toHaveLength(3);
    });

    it('a merge names two live issues of the team that differ; the pair form keeps the older one', async () => {
      await send('华康药业反映流动资金紧张');
      await send('华康药业反映缺20名普工');
      expect((await send('Q-0001 并入 Q-0001')).text).toContain('不能并入它自己');
      expect((await send('Q-0009 并入 Q-0001')).text).toContain('Q-0009');
      expect(await kit.store.getIssue('Q-0001')).not.toBeNull();
      await send('Q-0002和Q-0001重复了');
      expect(await kit.store.getIssue('Q-0002')).toBeNull();
      expect(await kit.store.getIssue('Q-0001')).not.toBeNull();
    });

    it('a reporter cannot 撤销 what an admin has 销号-ed since', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('Q-0001 办结');
      await send('Q-0001 销号', admin);
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('closed');
      expect((await send('撤销')).text).toContain('已被其他人更新');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('closed');
    });

    it('bare 销号 asks which; 销号 of an unresolved issue asks, then records 办结 and 销号', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('七一电器反映缺20名普工');
      await send('Q-0002 办结');
      const which = await send('销号', admin);
      expect(which.text).toContain('需要写明问题编号');
      expect(which.text).toContain('Q-0002');
      expect((await kit.store.getIssue('Q-0002'))?.status).toBe('resolved');

      const ask = await send('Q-0001 销号', admin);
      expect(ask.reply?.intent).toBe('clarify');
      expect(ask.text).toContain('还没有办结');
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('assigned');
      await send('确认', admin);
      const q1 = await kit.store.getIssue('Q-0001');
      expect(q1).toMatchObject({ status: 'closed' });
      expect(q1?.resolvedAt).not.toBeNull();
      const steps = (await kit.store.issueHistory('Q-0001'))
        .filter((e) => e.type === 'issue.updated')
        .map((e) => [e.from, e.to]);
      expect(steps).toEqual([
        ['assigned', 'resolved'],
        ['resolved', 'closed'],
      ]);
    });

    it('free-text 销号 never guesses the issue and never skips 办结', async () => {
      await send('华康药业反映流动资金紧张，已交办金融办');
      await send('华康药业融资的事已经销号了', admin);
      expect((await kit.store.getIssue('Q-0001'))?.status).toBe('assigned');
    });
  });
});
