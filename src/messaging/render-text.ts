/** Plain-text rendering: the console adapter and every platform's notification fallback use it. */
import type { Reply, ReplyBlock, Citation } from './reply.js';

export function citationLine(c: Citation): string {
  const meta = [c.source, c.date].filter(Boolean).join('，');
  return `[${c.n}] 《${c.title}》${meta ? `（${meta}）` : ''}`;
}

function block(b: ReplyBlock): string {
  switch (b.type) {
    case 'heading':
      return `【${b.text}】`;
    case 'paragraph':
    case 'note':
      return b.text;
    case 'list':
      return b.items.map((it, i) => (b.ordered ? `${i + 1}. ${it}` : `• ${it}`)).join('\n');
    case 'fields':
      return b.fields.map((f) => `${f.label}：${f.value}`).join('\n');
    case 'table':
      // (a cell holding the separator — a summary pasted from a table row — must not shift the columns)
      return [b.columns.join(' | '), ...b.rows.map((r) => r.map(tableCell).join(' | '))].join('\n');
    case 'citations':
      return ['引用：', ...b.items.map((c) => `${citationLine(c)}\n    “${c.quote}”`)].join('\n');
    case 'divider':
      return '—'.repeat(12);
  }
}

/** A table cell as plain text: the column separator it may hold becomes its full-width form. */
const tableCell = (c: string): string => c.replace(/\|/g, '｜');

export function renderText(r: Reply): string {
  return r.blocks.map(block).join('\n\n');
}
