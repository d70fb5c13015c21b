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
      return [b.columns.join(' | '), ...b.rows.map((r) => r.join(' | '))].join('\n');
    case 'citations':
      return ['引用：', ...b.items.map((c) => `${citationLine(c)}\n    “${c.quote}”`)].join('\n');
    case 'divider':
      return '—'.repeat(12);
  }
}

export function renderText(r: Reply): string {
  return r.blocks.map(block).join('\n\n');
}
