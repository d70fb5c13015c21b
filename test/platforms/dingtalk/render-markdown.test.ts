import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/messaging/reply.js';
import { jsonBytes, renderDingTalkMarkdown } from '../../../src/platforms/dingtalk/index.js';
import { CITED_REPLY } from './echo-bot.js';

const msgParamBytes = (p: { title: string; text: string }) =>
  Buffer.byteLength(JSON.stringify({ title: p.title, text: p.text }));

describe('renderDingTalkMarkdown', () => {
  it('renders headings, paragraphs, lists, fields, notes and dividers in DingTalk markdown', () => {
    const r: Reply = {
      intent: 'issues',
      title: '问题清单',
      blocks: [
        { type: 'heading', text: '本组问题' },
        { type: 'paragraph', text: '共 2 条未办结。' },
        { type: 'list', items: ['甲', '乙'], ordered: true },
        { type: 'list', items: ['丙'] },
        { type: 'fields', fields: [{ label: '状态', value: '办理中' }] },
        { type: 'divider' },
        { type: 'note', text: '提示一\n提示二' },
      ],
    };
    const [part, ...rest] = renderDingTalkMarkdown(r);
    expect(rest).toHaveLength(0);
    expect(part?.title).toBe('问题清单');
    expect(part?.text).toBe(
      [
        '#### 本组问题',
        '共 2 条未办结。',
        '1. 甲\n2. 乙',
        '- 丙',
        '- **状态**：办理中',
        '---',
        '> 提示一\n> 提示二',
      ].join('\n\n'),
    );
  });

  it('renders tables as lists (DingTalk has no tables)', () => {
    const r: Reply = {
      intent: 'issues',
      blocks: [
        {
          type: 'table',
          columns: ['编号', '企业', '状态'],
          rows: [
            ['Q-0012', '华康药业', '办理中'],
            ['Q-0013', '', '待交办'],
          ],
        },
      ],
    };
    const text = renderDingTalkMarkdown(r)[0]?.text ?? '';
    expect(text).toBe('- **Q-0012** 企业：华康药业；状态：办理中\n- **Q-0013** 状态：待交办');
    expect(text).not.toContain('|');
  });

  it('renders citations as a numbered list with title, publisher, date and a quoted passage', () => {
    const text = renderDingTalkMarkdown(CITED_REPLY)[0]?.text ?? '';
    expect(text).toContain('**引用来源**');
    expect(text).toContain(
      '1. 《关于进一步完善研发费用税前加计扣除政策的公告》（财政部 税务总局，2021-03-31）\n> 制造业企业开展研发活动中实际发生的研发费用，按照实际发生额的100%在税前加计扣除。',
    );
    // missing publisher: only the date
    expect(text).toContain('2. 《科技型中小企业评价办法》（2017-05-03）\n> 科技型中小企业须满足下列条件。');
    // items separated by a blank line so a quote never swallows the next item
    expect(text).toMatch(/加计扣除。\n\n2\. /);
  });

  it('@-mentions the given user at the top of the first message', () => {
    const parts = renderDingTalkMarkdown(
      { intent: 'ask', blocks: [{ type: 'paragraph', text: '好的' }] },
      { mention: 'user123' },
    );
    expect(parts[0]?.text).toBe('@user123\n\n好的');
  });

  it('uses a default title and keeps single-line contexts on one line', () => {
    const parts = renderDingTalkMarkdown({ intent: 'ask', blocks: [{ type: 'list', items: ['第一行\n第二行'] }] });
    expect(parts[0]?.title).toBe('政策通');
    expect(parts[0]?.text).toBe('- 第一行 第二行');
  });

  it('mentions files it cannot send', () => {
    const parts = renderDingTalkMarkdown({
      intent: 'issues',
      blocks: [{ type: 'paragraph', text: '已导出。' }],
      files: [{ filename: '问题清单.xlsx', contentType: 'application/vnd.ms-excel', data: Buffer.from('x') }],
    });
    expect(parts[0]?.text).toContain('问题清单.xlsx');
  });

  it('splits long replies on block boundaries, each part under the byte budget, in order', () => {
    const items = Array.from(
      { length: 600 },
      (_, i) => `第${i + 1}条：企业反映用工、融资、用地等方面的问题，已交办相关部门限期办理。`,
    );
    const r: Reply = {
      intent: 'digest',
      title: '每日简报',
      blocks: [
        { type: 'heading', text: '今日简报' },
        { type: 'paragraph', text: '导语' },
        { type: 'list', items, ordered: true },
        { type: 'paragraph', text: '结语' },
      ],
    };
    const parts = renderDingTalkMarkdown(r, { mention: 'u1' });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(msgParamBytes(p)).toBeLessThanOrEqual(14_000);
    expect(parts.map((p) => p.title)).toEqual(parts.map((_, i) => `每日简报（${i + 1}/${parts.length}）`));
    // only the first part carries the mention
    expect(parts[0]?.text.startsWith('@u1\n\n#### 今日简报\n\n导语')).toBe(true);
    expect(parts.slice(1).some((p) => p.text.includes('@u1'))).toBe(false);
    // nothing lost, nothing reordered, no item cut in half
    const all = parts.map((p) => p.text).join('\n');
    const numbers = [...all.matchAll(/^(\d+)\. 第(\d+)条/gm)].map((m) => Number(m[2]));
    expect(numbers).toEqual(items.map((_, i) => i + 1));
    expect(parts[parts.length - 1]?.text.endsWith('结语')).toBe(true);
  });

  it('moves a whole block to the next message rather than cutting it when it fits there', () => {
    const filler = { type: 'paragraph' as const, text: '甲'.repeat(3000) }; // 9,000 bytes
    const parts = renderDingTalkMarkdown({
      intent: 'ask',
      blocks: [filler, { type: 'paragraph', text: '乙'.repeat(2000) }],
    });
    expect(parts).toHaveLength(2);
    expect(parts[0]?.text).toBe('甲'.repeat(3000));
    expect(parts[1]?.text).toBe('乙'.repeat(2000));
  });

  it('cuts a single huge line safely (no broken characters) as a last resort', () => {
    const line = '😀政'.repeat(6000); // 42,000 bytes, surrogate pairs included
    const parts = renderDingTalkMarkdown(
      { intent: 'ask', blocks: [{ type: 'paragraph', text: line }] },
      { maxBytes: 5_000 },
    );
    expect(parts.length).toBeGreaterThanOrEqual(9);
    for (const p of parts) {
      expect(msgParamBytes(p)).toBeLessThanOrEqual(5_000);
      expect(p.text).not.toContain('\uFFFD');
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p.text)).toBe(false);
    }
    expect(parts.map((p) => p.text).join('')).toBe(line);
  });

  it('counts JSON escapes in the budget (quotes and newlines)', () => {
    const r: Reply = { intent: 'ask', blocks: [{ type: 'list', items: Array.from({ length: 3000 }, () => '"x"') }] };
    for (const p of renderDingTalkMarkdown(r, { maxBytes: 4_000 })) expect(msgParamBytes(p)).toBeLessThanOrEqual(4_000);
    expect(jsonBytes('a"\n')).toBe(5);
  });

  it('an empty reply still produces one message', () => {
    expect(renderDingTalkMarkdown({ intent: 'ask', title: '空', blocks: [] })).toEqual([{ title: '空', text: '空' }]);
  });
});
