/** Export: the xlsx reopened with exceljs and its rows checked; csv (BOM) parsed back; chat replies. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BOM,
  buildExport,
  exportFileReply,
  exportSummaryReply,
  ISSUE_COLUMNS,
  parseCsv,
  toCsv,
  toXlsx,
  VISIT_COLUMNS,
  visitsCsvPath,
  writeExport,
  XLSX_CONTENT_TYPE,
} from '../../src/export/index.js';
import { renderText } from '../../src/messaging/render-text.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/types.js';
import { renderDingTalkMarkdown } from '../../src/platforms/dingtalk/index.js';
import { bothStores } from '../helpers/stores.js';
import { commit, issue, seedLedger, sh, T1, T2, TZ } from '../digest/fixtures.js';

const NOW = sh('2024-03-18', '11:00');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zct-export-'));

const makers = bothStores('export');

describe.each(makers)('export (%s store)', (_name, make) => {
  let store: Store;
  beforeAll(async () => {
    store = await make();
    await seedLedger(store);
    // Text from chat that a spreadsheet would run as a formula, plus a comma, quotes and a line break.
    await store.commitLedger(
      commit('m-x', T1.id, sh('2024-03-18', '10:30'), {
        issues: [
          issue(T1.id, '华康药业', '其他', '=HYPERLINK("http://x","点我"),另：\n第二行', { raisedOn: '2024-03-18' }),
        ],
      }),
    );
  });

  it('builds both tables with Chinese headers; issues by the day raised, visits by visit date', async () => {
    const all = await buildExport(store, { timeZone: TZ, now: NOW });
    expect(all.issues.name).toBe('问题清单');
    expect(all.visits.name).toBe('走访记录');
    expect(all.issues.rows.map((r) => r[0])).toEqual(['Q-0001', 'Q-0002', 'Q-0003', 'Q-0004', 'Q-0005', 'Q-0006']);
    const march = await buildExport(store, { from: '2024-03-06', to: '2024-03-15', timeZone: TZ, now: NOW });
    expect(march.issues.rows.map((r) => r[0])).toEqual(['Q-0003', 'Q-0004']);
    expect(march.visits.rows.map((r) => r[0])).toEqual(['V-0002']);
    const t2 = await buildExport(store, { teamId: T2.id, timeZone: TZ, now: NOW });
    expect(t2.issues.rows.every((r) => r[2] === T2.id)).toBe(true);
    expect(t2.summary).toMatchObject({ issues: 3, open: 1, resolved: 2, visits: 0 });
  });

  it('xlsx: two sheets, reopened with exceljs, rows and types as written', async () => {
    const data = await buildExport(store, { timeZone: TZ, now: NOW });
    const dir = tmp();
    const [file] = await writeExport(data, 'xlsx', path.join(dir, 'ledger.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '走访记录']);
    const ws = wb.getWorksheet('问题清单')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ISSUE_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(7);
    const q2 = (ws.getRow(3).values as unknown[]).slice(1);
    expect(q2).toEqual([
      'Q-0002',
      '城东一组',
      T1.id,
      '华康药业',
      '用工',
      '缺3名化工工程师',
      '人社局',
      '已办结',
      '2024-03-05',
      '2024-03-10',
      13, // raised 03-05, resolved 03-18
      0,
      '张三',
      '2024-03-05 10:00',
      '2024-03-18 10:00',
      '2024-03-18 10:00',
    ]);
    // Formula-looking text stays text in xlsx.
    const q6 = ws.getRow(7).getCell(6);
    expect(q6.type).toBe(ExcelJS.ValueType.String);
    expect(q6.value).toBe('=HYPERLINK("http://x","点我"),另：\n第二行');
    const visits = wb.getWorksheet('走访记录')!;
    expect((visits.getRow(1).values as unknown[]).slice(1)).toEqual(VISIT_COLUMNS.map((c) => c.header));
    expect((visits.getRow(3).values as unknown[]).slice(1)).toEqual([
      'V-0002',
      '城东一组',
      T1.id,
      '七一电器',
      '2024-03-15',
      '王五',
      '企业计划扩建厂房',
      '张三',
      '2024-03-15 09:00',
    ]);
  });

  it('csv: UTF-8 BOM, issues in FILE and visits in FILE-visits.csv, parsed back cell for cell', async () => {
    const data = await buildExport(store, { timeZone: TZ, now: NOW });
    const dir = tmp();
    const out = path.join(dir, 'ledger.csv');
    const paths = await writeExport(data, 'csv', out);
    expect(paths).toEqual([out, path.join(dir, 'ledger-visits.csv')]);
    const raw = fs.readFileSync(out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(raw.toString('utf8'));
    expect(rows[0]).toEqual(ISSUE_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(7);
    const expected = data.issues.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    // The formula guard prefixes an apostrophe; everything else comes back unchanged.
    expected[5]![5] = `'${expected[5]![5]}`;
    expect(rows.slice(1)).toEqual(expected);
    const visits = parseCsv(fs.readFileSync(paths[1]!, 'utf8'));
    expect(visits.slice(1)).toEqual(data.visits.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
  });

  it('chat replies: DingTalk gets a summary table and is told files cannot be sent; Slack gets the xlsx attached', async () => {
    const data = await buildExport(store, { timeZone: TZ, now: NOW });
    const summary = exportSummaryReply(data);
    const text = renderText(summary);
    expect(text).toContain('问题：6 个（在办 3，逾期 0，已办结 3）');
    expect(text).toContain('城东一组 | 3 | 2 | 0 | 2');
    expect(text).toContain('钉钉机器人不能在群聊回复中直接发送文件');
    expect(renderDingTalkMarkdown(summary)).toHaveLength(1);
    const file = await exportFileReply(data);
    expect(file.files).toHaveLength(1);
    expect(file.files![0]!.contentType).toBe(XLSX_CONTENT_TYPE);
    expect(file.files![0]!.filename).toBe('问题台账-2024-03-18.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.files![0]!.data as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.getWorksheet('问题清单')!.rowCount).toBe(7);
  });
});

describe('csv helpers', () => {
  it('quotes, doubles quotes, keeps numbers, guards formulas, writes CRLF after a BOM', () => {
    const csv = toCsv({
      name: 's',
      columns: [
        { header: 'a', width: 1, kind: 'text' },
        { header: 'b', width: 1, kind: 'number' },
      ],
      rows: [
        ['+1 "x"', -3],
        [null, 4],
      ],
    });
    expect(csv).toBe(`${BOM}a,b\r\n"'+1 ""x""",-3\r\n,4\r\n`);
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      [`'+1 "x"`, '-3'],
      ['', '4'],
    ]);
    expect(visitsCsvPath('/tmp/台账')).toBe('/tmp/台账-visits.csv');
  });

  it('an empty range exports headers only and says so in chat', async () => {
    const data = await buildExport(new MemoryStore(), { from: '2030-01-01', to: '2030-01-31', timeZone: TZ, now: NOW });
    expect(data.issues.rows).toEqual([]);
    expect(parseCsv(toCsv(data.issues))).toEqual([ISSUE_COLUMNS.map((c) => c.header)]);
    expect(renderText(exportSummaryReply(data))).toContain('所选范围内没有问题和走访记录。');
    expect((await toXlsx(data)).length).toBeGreaterThan(1000);
  });
});
