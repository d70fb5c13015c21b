/**
 * The export as an .xlsx workbook (exceljs): sheets 问题清单 and 走访记录, bold frozen header row, filters.
 * exceljs (~1 s to load) is imported on the first export, not when the bot starts.
 */
import type ExcelJS from 'exceljs';
import type { ExportData, Sheet } from './types.js';

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  if (sheet.columns.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  sheet.columns.forEach((c, i) => {
    if (c.width >= 40) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function toXlsx(data: ExportData): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '政策通';
  wb.created = new Date(data.generatedAt);
  addSheet(wb, data.issues);
  addSheet(wb, data.visits);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
