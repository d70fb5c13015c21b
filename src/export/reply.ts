/**
 * The export in chat. Slack: the xlsx attached to the reply (Reply.files) plus a short summary. DingTalk: a stream
 * bot's reply cannot carry a file, so a markdown summary table (per team: issues, open, overdue, visits) and a pointer
 * to the full export.
 */
import type { Reply, ReplyBlock } from '../messaging/reply.js';
import { chunkedTable } from '../digest/render.js';
import { cnDate } from '../time/index.js';
import type { ExportData } from './types.js';
import { toXlsx } from './xlsx.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rangeLabel(d: ExportData): string {
  if (d.from && d.to) return `${cnDate(d.from)}至${cnDate(d.to)}`;
  if (d.from) return `${cnDate(d.from)}以来`;
  if (d.to) return `截至${cnDate(d.to)}`;
  return '全部';
}

export function exportFilename(d: ExportData, ext: 'xlsx' | 'csv' = 'xlsx'): string {
  const range = d.from || d.to ? `${d.from ?? ''}_${d.to ?? ''}` : d.date;
  return `问题台账-${range}.${ext}`;
}

/** Summary blocks (both platforms). `maxTeams` rows in the per-team table (default 50). */
export function exportSummaryBlocks(d: ExportData, maxTeams = 50): ReplyBlock[] {
  const s = d.summary;
  const blocks: ReplyBlock[] = [{ type: 'heading', text: `问题台账导出（${rangeLabel(d)}）` }];
  if (s.issues === 0 && s.visits === 0) {
    blocks.push({ type: 'paragraph', text: '所选范围内没有问题和走访记录。' });
    return blocks;
  }
  blocks.push({
    type: 'fields',
    fields: [
      { label: '问题', value: `${s.issues} 个（在办 ${s.open}，逾期 ${s.overdue}，已办结 ${s.resolved}）` },
      { label: '走访', value: `${s.visits} 次` },
    ],
  });
  const shown = s.teams.slice(0, maxTeams);
  blocks.push(
    ...chunkedTable(
      ['小组', '问题', '在办', '逾期', '走访'],
      shown.map((t) => [t.teamName, String(t.issues), String(t.open), String(t.overdue), String(t.visits)]),
    ),
  );
  if (s.teams.length > shown.length)
    blocks.push({ type: 'note', text: `另有 ${s.teams.length - shown.length} 个小组未列出。` });
  return blocks;
}

/** DingTalk: summary only, saying where the full file comes from. */
export function exportSummaryReply(d: ExportData): Reply {
  return {
    intent: 'admin',
    title: '问题台账导出',
    blocks: [
      ...exportSummaryBlocks(d),
      {
        type: 'note',
        text: '钉钉机器人不能在群聊回复中直接发送文件。完整台账（Excel：问题清单、走访记录）请管理员用 zct export 导出后转发。',
      },
    ],
  };
}

/** Slack (and any adapter that uploads files): the summary with the xlsx attached. */
export async function exportFileReply(d: ExportData): Promise<Reply> {
  return {
    intent: 'admin',
    title: '问题台账导出',
    blocks: [...exportSummaryBlocks(d), { type: 'note', text: '附件为 Excel 台账：问题清单、走访记录两个工作表。' }],
    files: [{ filename: exportFilename(d), contentType: XLSX_CONTENT_TYPE, data: await toXlsx(d) }],
  };
}
