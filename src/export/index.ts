/** Exports of the issue ledger and the visit log: xlsx (two sheets), csv (UTF-8 BOM, two files), chat replies. */
export * from './types.js';
export { buildExport, ISSUE_COLUMNS, VISIT_COLUMNS, issueRow, visitRow } from './build.js';
export { toCsv, parseCsv, csvCell, BOM } from './csv.js';
export { toXlsx } from './xlsx.js';
export { writeExport, visitsCsvPath, type ExportFormat } from './files.js';
export {
  exportSummaryReply,
  exportFileReply,
  exportSummaryBlocks,
  exportFilename,
  XLSX_CONTENT_TYPE,
} from './reply.js';
