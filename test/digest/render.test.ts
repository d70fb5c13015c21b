/** Rendering digests to Reply blocks: content in Chinese, one line when quiet, and sizes within Slack / DingTalk limits. */
import { describe, expect, it } from 'vitest';
import {
  computeLeadershipDigest,
  computeTeamDigest,
  renderLeadershipDigest,
  renderReminder,
  renderTeamDigest,
  scheduledWindow,
  TABLE_CHUNK,
  type DigestInput,
} from '../../src/digest/index.js';
import { renderText } from '../../src/messaging/render-text.js';
import type { Reply } from '../../src/messaging/reply.js';
import { MemoryStore } from '../../src/store/memory.js';
import { loadDigestInput } from '../../src/digest/load.js';
import { renderSlackBlocks, blockTextLength, SLACK_LIMITS } from '../../src/platforms/slack/index.js';
import { renderDingTalkMarkdown, jsonBytes } from '../../src/platforms/dingtalk/index.js';
import { seedLedger, sh, T1, T2, T3, TZ } from './fixtures.js';
import { syntheticInput as synthetic } from './synthetic.js';

const syntheticInput = (teams: number, perTeam: number): DigestInput => synthetic(teams, perTeam, MONDAY);

const MONDAY = scheduledWindow('2024-03-18', '2024-03-15', TZ);

async function seeded(): Promise<DigestInput> {
  const store = new MemoryStore();
  await seedLedger(store);
  return loadDigestInput(store, { window: MONDAY, timeZone: TZ });
}

function checkSlack(reply: Reply) {
  const messages = renderSlackBlocks(reply);
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageTextBudget);
    for (const b of m.blocks) {
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    }
    // Nothing was cut off by the renderer's message cap.
    expect(JSON.stringify(m.blocks)).not.toContain('内容过长');
  }
  return messages;
}

function checkDingTalk(reply: Reply) {
  const parts = renderDingTalkMarkdown(reply);
  for (const p of parts) expect(jsonBytes(JSON.stringify({ title: p.title, text: p.text }))).toBeLessThan(15_000);
  return parts;
}

describe('team digest rendering', () => {
  it('shows the numbers, the open issues with overdue first, and the due cell', async () => {
    const d = computeTeamDigest(await seeded(), T1.id)!;
    const r = renderTeamDigest(d);
    expect(r.intent).toBe('digest');
    expect(r.title).toBe('城东一组 工作简报');
    const text = renderText(r);
    expect(text).toContain('统计时段：3月15日（周五）至3月17日（周日）；数据截至3月17日 24:00');
    expect(text).toContain('走访：1 次');
    expect(text).toContain('报送：2 条');
    expect(text).toContain('在办问题：2（逾期 1）');
    expect(text).toContain('3月15日 七一电器（王五）：企业计划扩建厂房');
    expect(text).toContain('Q-0004【用地】七一电器：厂房二期用地');
    const table = r.blocks.find((b) => b.type === 'table');
    expect(table).toEqual({
      type: 'table',
      columns: ['编号', '企业', '问题', '承办部门', '状态', '历时', '期限'],
      rows: [
        ['Q-0002', '华康药业', '缺3名化工工程师', '人社局', '办理中', '13天', '3月10日（逾期8天）'],
        ['Q-0004', '七一电器', '厂房二期用地', '未交办', '待交办', '3天', '—'],
      ],
    });
    expect(text).not.toContain('一月一走访');
  });

  it('nudges a team that has not visited a bound enterprise this month', async () => {
    const text = renderText(renderTeamDigest(computeTeamDigest(await seeded(), T2.id)!));
    expect(text).toContain('一月一走访：3月还没有走访蓝海新材料科技有限公司，请尽快安排。');
    expect(text).toContain('目前没有在办问题。');
  });

  it('on the 1st the nudge states the result for the month just ended', async () => {
    const store = new MemoryStore();
    await seedLedger(store);
    const april = await loadDigestInput(store, {
      window: scheduledWindow('2024-04-01', '2024-03-29', TZ),
      timeZone: TZ,
    });
    const text = renderText(renderTeamDigest(computeTeamDigest(april, T2.id)!));
    expect(text).toContain('一月一走访：3月未走访蓝海新材料科技有限公司。');
    expect(text).toContain('在办问题：1（逾期 1）'); // Q-0005, due 03-20
    expect(text).toContain('3月20日（逾期12天）');
  });

  it('a digest with nothing to report says so in one line (plus the visit nudge), no empty table', async () => {
    const r = renderTeamDigest(computeTeamDigest(await seeded(), T3.id)!);
    expect(r.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(r.blocks[1]).toEqual({
      type: 'paragraph',
      text: '3月15日（周五）至3月17日（周日）没有新的走访、报送或问题变化，目前也没有在办问题。',
    });
    expect(r.blocks[2]).toEqual({ type: 'paragraph', text: '一月一走访：本组3月还没有走访记录，请尽快安排走访。' });
  });

  it('caps a long open list and points to 问题清单', () => {
    const input = syntheticInput(1, 120);
    const d = computeTeamDigest(input, input.teams[0]!.id)!;
    const r = renderTeamDigest(d);
    const rows = r.blocks.filter((b) => b.type === 'table').flatMap((b) => (b.type === 'table' ? b.rows : []));
    expect(rows).toHaveLength(20);
    expect(rows[0]![6]).toContain('逾期');
    expect(renderText(r)).toContain(`另有 ${d.open.length - 20} 个在办问题未列出`);
    checkSlack(r);
    checkDingTalk(r);
  });
});

describe('leadership digest rendering', () => {
  it('renders totals, the team table, teams without visits, overdue issues, categories and departments', async () => {
    const r = renderLeadershipDigest(computeLeadershipDigest(await seeded()));
    const text = renderText(r);
    expect(r.title).toBe('组团联企工作简报');
    expect(text).toContain('办结率：50.0%');
    expect(text).toContain('联企小组：2 个（本期有报送 2，3月已走访 1）');
    const teamTable = r.blocks.find((b) => b.type === 'table' && b.columns[0] === '小组');
    expect(teamTable && teamTable.type === 'table' && teamTable.rows).toEqual([
      ['城东一组', '2', '2/2', '2', '1', '0', '1'],
      ['城西二组', '0', '0/1', '0', '0', '2', '2'],
    ]);
    // (开发区三组 bound no enterprise and recorded nothing: no liaison team, owes no visit)
    expect(text).not.toContain('开发区三组');
    expect(text).toContain('城西二组：未走访蓝海新材料科技有限公司');
    expect(text).toContain('Q-0002 | 城东一组 | 华康药业 | 缺3名化工工程师 | 人社局 | 8天');
    expect(text).toContain('人社局 | 1 | 1 | 0 | 1');
  });

  it('an empty deployment gets one line', () => {
    const r = renderLeadershipDigest(
      computeLeadershipDigest({ teams: [], issues: [], visits: [], events: [], window: MONDAY, timeZone: TZ }),
    );
    expect(r.blocks).toEqual([
      { type: 'heading', text: '组团联企工作简报' },
      { type: 'paragraph', text: '3月15日（周五）至3月17日（周日）：暂无联企小组和问题数据。' },
    ]);
  });

  it('300 teams: table chunked and capped, within Slack limits (≤ 50 blocks, sections ≤ 3,000) and DingTalk size (< 15 KB)', () => {
    const d = computeLeadershipDigest(syntheticInput(300, 8));
    expect(d.teams).toHaveLength(300);
    const r = renderLeadershipDigest(d);
    const tables = r.blocks.filter((b) => b.type === 'table' && b.columns[0] === '小组');
    expect(tables.length).toBe(Math.ceil(100 / TABLE_CHUNK));
    for (const t of tables) if (t.type === 'table') expect(t.rows.length).toBeLessThanOrEqual(TABLE_CHUNK);
    expect(renderText(r)).toContain('其余 200 个小组');
    // Laggards first: the first row has the most overdue issues.
    const first = tables[0]!.type === 'table' ? tables[0]!.rows[0]! : [];
    expect(Number(first[4])).toBe(Math.max(...d.teams.map((t) => t.overdue)));
    const slack = checkSlack(r);
    expect(slack.length).toBeLessThanOrEqual(3);
    const ding = checkDingTalk(r);
    expect(ding.length).toBeLessThanOrEqual(4);
  });

  it('with every team shown (maxTeamRows 300) it still fits the renderers without truncation', () => {
    const r = renderLeadershipDigest(computeLeadershipDigest(syntheticInput(300, 2)), { maxTeamRows: 300 });
    expect(r.blocks.filter((b) => b.type === 'table' && b.columns[0] === '小组')).toHaveLength(
      Math.ceil(300 / TABLE_CHUNK),
    );
    checkSlack(r);
    checkDingTalk(r);
  });
});

describe('reminder rendering', () => {
  it('names the department and the days overdue; idle teams get a short nudge; nothing → null', () => {
    const overdue = {
      id: 'Q-0002',
      teamId: T1.id,
      enterprise: '华康药业',
      category: '用工' as const,
      summary: '缺3名化工工程师',
      department: '人社局',
      status: 'in_progress' as const,
      raisedOn: '2024-03-05',
      dueDate: '2024-03-10',
      ageDays: 13,
      overdueDays: 8,
    };
    const r = renderReminder({
      teamId: T1.id,
      teamName: '城东一组',
      refDate: '2024-03-18',
      idle: null,
      overdue: [overdue],
    })!;
    expect(renderText(r)).toContain('Q-0002 华康药业：缺3名化工工程师｜承办部门：人社局｜期限3月10日，已逾期 8 天');
    const idle = renderReminder({
      teamId: T3.id,
      teamName: '开发区三组',
      refDate: '2024-03-18',
      idle: { days: 9, lastReportAt: sh('2024-03-09') },
      overdue: [],
    })!;
    expect(renderText(idle)).toContain('本组已 9 天没有报送走访情况或问题进展（上次报送：3月9日）');
    expect(
      renderReminder({ teamId: T2.id, teamName: '城西二组', refDate: '2024-03-18', idle: null, overdue: [] }),
    ).toBeNull();
  });
});
