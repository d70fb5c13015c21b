import { describe, expect, it } from 'vitest';
import type { Citation, Reply } from '../../../src/messaging/reply.js';
import {
  SLACK_LIMITS,
  blockTextLength,
  renderSlackBlocks,
  splitText,
  type SlackBlock,
  type SlackMessage,
} from '../../../src/platforms/slack/index.js';

function checkLimits(messages: SlackMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.maxMessages);
  for (const m of messages) {
    expect(m.text.trim().length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageTextBudget);
    for (const b of m.blocks) {
      if (b.type === 'section') {
        if (b.text) expect(b.text.text.length).toBeGreaterThan(0);
        if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
        expect(b.text || b.fields?.length).toBeTruthy();
        expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
      if (b.type === 'actions') expect(b.elements.length).toBeLessThanOrEqual(25);
    }
  }
}

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

const cite = (n: number): Citation => ({
  n,
  docId: `d${n}`,
  title: `文件${n}`,
  source: '市政府',
  date: `2024-01-0${(n % 9) + 1}`,
  chunkId: `d${n}::0`,
  quote: '引用原文'.repeat(20),
});

describe('renderSlackBlocks', () => {
  it('escapes & < > and renders Markdown-looking text as data (no bold, no link: block text may come from users)', () => {
    const [m] = renderSlackBlocks({
      intent: 'ask',
      blocks: [{ type: 'paragraph', text: 'A & B <script> **重点** [链接](https://example.gov.cn/x)' }],
    });
    expect(sectionTexts(m!.blocks)).toEqual(['A &amp; B &lt;script&gt; ＊＊重点＊＊ [链接](https://example.gov.cn/x)']);
    expect(m!.text).toContain('A &amp; B &lt;script&gt;');
  });

  it('renders every block kind, with citations as a context block and 👍/👎 on answers', () => {
    const reply: Reply = {
      intent: 'ask',
      title: '政策解答',
      feedbackId: 'fb-1',
      blocks: [
        { type: 'heading', text: '标题' },
        { type: 'paragraph', text: '正文' },
        { type: 'list', items: ['一', '二'], ordered: true },
        {
          type: 'fields',
          fields: [
            { label: '企业', value: '华康药业' },
            { label: '状态', value: '处理中' },
          ],
        },
        { type: 'table', columns: ['编号', '状态'], rows: [['Q-0001', '待办']] },
        { type: 'citations', items: [cite(1), cite(2)] },
        { type: 'note', text: '仅供参考' },
        { type: 'divider' },
      ],
    };
    const [m, ...rest] = renderSlackBlocks(reply);
    expect(rest).toHaveLength(0);
    expect(m!.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'context',
      'context',
      'divider',
      'actions',
    ]);
    expect(m!.blocks[2]).toMatchObject({ text: { text: '1. 一\n2. 二' } });
    expect(m!.blocks[3]).toMatchObject({ fields: [{ text: '*企业*\n华康药业' }, { text: '*状态*\n处理中' }] });
    const ctx = m!.blocks[5] as Extract<SlackBlock, { type: 'context' }>;
    expect(ctx.elements).toHaveLength(2);
    expect(ctx.elements[0]!.text).toContain('[1] 《文件1》（市政府，2024-01-02）');
    expect(m!.blocks.at(-1)).toEqual({
      type: 'actions',
      block_id: 'zct_feedback',
      elements: [
        {
          type: 'button',
          action_id: 'zct_feedback_up',
          text: { type: 'plain_text', text: '👍 有用', emoji: true },
          value: 'fb-1',
        },
        {
          type: 'button',
          action_id: 'zct_feedback_down',
          text: { type: 'plain_text', text: '👎 没用', emoji: true },
          value: 'fb-1',
        },
      ],
    });
    expect(m!.text.startsWith('政策解答')).toBe(true);
    checkLimits([m!]);
  });

  it('has no buttons without a feedbackId', () => {
    const [m] = renderSlackBlocks({ intent: 'report', blocks: [{ type: 'paragraph', text: '已记录' }] });
    expect(m!.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('splits long paragraphs into several ≤3,000-char sections without losing text', () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}行：${'政'.repeat(20)}`).join('\n');
    const messages = renderSlackBlocks({ intent: 'digest', blocks: [{ type: 'paragraph', text }] });
    checkLimits(messages);
    const sections = messages.flatMap((m) => sectionTexts(m.blocks));
    expect(sections.length).toBeGreaterThan(2);
    expect(sections.join('\n')).toBe(text);
  });

  it('hard-splits a single line longer than a section without breaking entities or surrogate pairs', () => {
    const text = '&'.repeat(2999) + '😀'.repeat(3000);
    const messages = renderSlackBlocks({ intent: 'ask', blocks: [{ type: 'paragraph', text }] });
    checkLimits(messages);
    const sections = messages.flatMap((m) => sectionTexts(m.blocks));
    for (const s of sections) {
      expect(s).not.toMatch(/&(a|am|amp)?$/);
      expect(s).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(s).not.toMatch(/^[\uDC00-\uDFFF]/);
    }
    expect(sections.join('')).toBe('&amp;'.repeat(2999) + '😀'.repeat(3000));
  });

  it('truncates headers to 150 chars and caps fields at 10 × 2,000', () => {
    const [m] = renderSlackBlocks({
      intent: 'issues',
      blocks: [
        { type: 'heading', text: '长'.repeat(400) },
        {
          type: 'fields',
          fields: Array.from({ length: 23 }, (_, i) => ({ label: `字段${i}`, value: '值'.repeat(100) })),
        },
      ],
    });
    const header = m!.blocks[0] as Extract<SlackBlock, { type: 'header' }>;
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    const fieldSections = m!.blocks.filter((b) => b.type === 'section');
    expect(fieldSections.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 10, 3]);

    // Huge field values: each cut to 2,000 chars, and spread so no message gets too big.
    const huge = renderSlackBlocks({
      intent: 'issues',
      blocks: [
        {
          type: 'fields',
          fields: Array.from({ length: 15 }, (_, i) => ({ label: `字段${i}`, value: '值'.repeat(2500) })),
        },
      ],
    });
    checkLimits(huge);
    const fields = huge.flatMap((x) => x.blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : [])));
    expect(fields).toHaveLength(15);
    expect(fields.every((f) => f.text.length === 2000 && f.text.endsWith('…'))).toBe(true);
  });

  it('puts more than 10 citations into several context blocks', () => {
    const [m] = renderSlackBlocks({
      intent: 'ask',
      blocks: [{ type: 'citations', items: Array.from({ length: 12 }, (_, i) => cite(i + 1)) }],
    });
    const ctx = m!.blocks.filter((b) => b.type === 'context');
    expect(ctx.map((b) => (b.type === 'context' ? b.elements.length : 0))).toEqual([10, 2]);
  });

  it('turns a 300-row table into several messages within limits, buttons on the last one only', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      `Q-${String(i + 1).padStart(4, '0')}`,
      `企业${i}`,
      '诉求'.repeat(15),
      '处理中',
    ]);
    const messages = renderSlackBlocks({
      intent: 'issues',
      feedbackId: 'fb-t',
      blocks: [{ type: 'table', columns: ['编号', '企业', '诉求', '状态'], rows }],
    });
    expect(messages.length).toBeGreaterThan(1);
    checkLimits(messages);
    expect(messages.slice(0, -1).every((m) => !m.blocks.some((b) => b.type === 'actions'))).toBe(true);
    expect(messages.at(-1)!.blocks.at(-1)!.type).toBe('actions');
    const all = messages.flatMap((m) => sectionTexts(m.blocks)).join('\n');
    for (const r of rows) expect(all).toContain(r[0]);
  });

  it('keeps to 50 blocks per message when a reply has many small blocks', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => ({ type: 'paragraph' as const, text: `段落${i}` }));
    const messages = renderSlackBlocks({ intent: 'digest', blocks });
    expect(messages.length).toBe(3);
    checkLimits(messages);
  });

  it('cuts a gigantic reply at 5 messages and says so', () => {
    const text = '很长的内容。'.repeat(20_000);
    const messages = renderSlackBlocks({ intent: 'digest', feedbackId: 'fb-x', blocks: [{ type: 'paragraph', text }] });
    expect(messages).toHaveLength(SLACK_LIMITS.maxMessages);
    checkLimits(messages);
    const last = messages.at(-1)!;
    expect(JSON.stringify(last.blocks)).toContain('内容过长');
    expect(last.blocks.at(-1)!.type).toBe('actions');
  });

  it('always has a fallback text, even for an empty reply', () => {
    const [m] = renderSlackBlocks({ intent: 'help', blocks: [] });
    expect(m!.text.length).toBeGreaterThan(0);
    expect(m!.blocks.length).toBe(1);
  });
});

describe('splitText', () => {
  it('prefers line breaks and drops empty pieces', () => {
    expect(splitText('aaaa\nbbbb\ncc', 9)).toEqual(['aaaa\nbbbb', 'cc']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('\n\n', 4)).toEqual([]);
  });
});
