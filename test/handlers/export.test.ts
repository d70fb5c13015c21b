import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { handleExport } from '../../handlers/export.js';
import { MemoryStore } from '../../src/store/memory.js';
import { renderText } from '../../src/messaging/render-text.js';
import { makeServices, message, testConfig } from '../helpers/services.js';

async function seeded() {
  const store = new MemoryStore();
  const now = Date.parse('2026-11-20T02:00:00Z');
  for (const [id, name, ent] of [
    ['console:g1', '城东组', '华康药业'],
    ['console:g2', '城西组', '七一电器'],
  ] as const) {
    await store.upsertTeam({
      id,
      platform: 'console',
      conversationId: id.slice(8),
      name,
      enterprises: [ent],
      isAdminGroup: false,
      createdAt: now,
    });
    await store.commitLedger({
      messageId: `seed-${id}`,
      teamId: id,
      at: now,
      actor: 'u1',
      actorName: '张三',
      visits: [
        {
          teamId: id,
          enterprise: ent,
          date: '2026-11-20',
          participants: [],
          note: '走访',
          reporter: 'u1',
          reporterName: '张三',
        },
      ],
      issues: [
        {
          teamId: id,
          enterprise: ent,
          category: '用工',
          summary: `${ent}缺普工`,
          department: null,
          status: 'open',
          dueDate: null,
          reporter: 'u1',
          reporterName: '张三',
          raisedOn: '2026-11-20',
        },
      ],
      patches: [],
    });
  }
  await store.upsertTeam({
    id: 'console:lead',
    platform: 'console',
    conversationId: 'lead',
    name: '领导群',
    enterprises: [],
    isAdminGroup: true,
    createdAt: now,
  });
  return makeServices({ store, config: testConfig(), clock: () => new Date(now) });
}

describe('导出 (export in chat)', () => {
  it('is refused to non-admins', async () => {
    const services = await seeded();
    const out = await handleExport(message('导出台账'), services);
    expect(renderText(out)).toContain('只有管理员');
    expect(out.files).toBeUndefined();
  });

  it('in the console the xlsx comes with the reply (the console adapter saves it to a file)', async () => {
    const services = await seeded();
    const out = await handleExport(message('导出台账', { platform: 'console', isAdmin: true }), services);
    expect(out.files).toHaveLength(1);
    expect(out.files![0]!.filename).toMatch(/\.xlsx$/);
    expect(out.files![0]!.data.subarray(0, 2).toString()).toBe('PK');
  });

  it('in a team group exports that team only; DingTalk gets a summary, no file', async () => {
    const services = await seeded();
    const out = await handleExport(message('导出台账', { platform: 'dingtalk', isAdmin: true }), services);
    const text = renderText(out);
    expect(text).toContain('城东组');
    expect(text).not.toContain('城西组');
    expect(text).toContain('zct export');
    expect(out.files).toBeUndefined();
  });

  it('in the leadership group on Slack attaches the whole ledger as xlsx', async () => {
    const services = await seeded();
    const out = await handleExport(
      message('导出', { platform: 'slack', isAdmin: true, conversationId: 'lead', teamId: 'console:lead' }),
      services,
    );
    expect(out.files).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.files![0]!.data as unknown as ArrayBuffer);
    const issues = wb.getWorksheet('问题清单')!;
    const cells = issues.getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('华康药业缺普工');
    expect(cells).toContain('七一电器缺普工');
  });
});
