/** A readable Chinese summary of an ingest run (CLI, admin chat replies). */
import type { IngestReport, IngestStatus } from './ingest.js';

const LABEL: Record<IngestStatus, string> = {
  added: '✓ 新增',
  updated: '↻ 更新',
  unchanged: '= 未变',
  failed: '✗ 失败',
};

export function formatIngestReport(report: IngestReport): string {
  const t = report.totals;
  const lines = [
    `导入完成：共 ${report.files.length} 个文件 — 新增 ${t.added}，更新 ${t.updated}，未变 ${t.unchanged}，失败 ${t.failed}；` +
      `这些文件现有文档 ${t.documents} 篇。`,
  ];
  for (const f of report.files) {
    let detail: string;
    if (f.status === 'failed') detail = ` — ${f.reason ?? '未知错误 (unknown error)'}`;
    else if (f.status === 'updated') detail = `（${f.documents} 篇，替换旧的 ${f.replaced} 篇）`;
    else detail = `（${f.documents} 篇）${f.reason ? ` — ${f.reason}` : ''}`;
    lines.push(`  ${LABEL[f.status]}  ${f.path}${detail}`);
  }
  return lines.join('\n');
}
