/**
 * Reply → Slack Block Kit messages, within Slack's limits:
 *   ≤ 50 blocks per message, section text ≤ 3,000 chars, header ≤ 150, fields ≤ 10 × 2,000,
 *   context ≤ 10 elements, and total block text well below the ~13k chars Slack rejects
 *   (msg_blocks_too_long) — a long reply becomes several messages (at most MAX_MESSAGES; the rest is
 *   cut with a note). Every message carries a plain-text `text` fallback. Answers with a feedbackId end
 *   with 👍/👎 buttons (action_id zct_feedback_up / zct_feedback_down, value = feedbackId).
 * Pure: no I/O.
 */
import type { Citation, Reply, ReplyAction, ReplyBlock } from '../../messaging/reply.js';
import { citationLine } from '../../messaging/render-text.js';
import { FEEDBACK_TEXTS } from '../../answer/feedback.js';
import { toMrkdwn, unescapeMrkdwn } from './mrkdwn.js';

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  buttonValue: 2000,
  /** Our own budget for all block text in one message (Slack rejects around 13k). */
  messageTextBudget: 10_000,
  /** Plain-text notification fallback per message. */
  fallbackText: 3000,
  /** A reply never becomes more than this many messages (response_url allows 5 posts). */
  maxMessages: 5,
} as const;

export const FEEDBACK_ACTION = { up: 'zct_feedback_up', down: 'zct_feedback_down', blockId: 'zct_feedback' } as const;
/** Command buttons (Reply.actions): action_id `zct_cmd_<n>`, value = JSON {c: command, l: label, u?: onlyUser, a?: adminOnly}. */
export const COMMAND_ACTION = { prefix: 'zct_cmd_', blockId: 'zct_actions' } as const;

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** true: Slack does not auto-link URLs or channel names in this text (it is data, not the bot's markup). */
  verbatim?: boolean;
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: MrkdwnText; fields?: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'divider' }
  | {
      type: 'actions';
      block_id: string;
      elements: { type: 'button'; action_id: string; text: PlainText; value: string; style?: 'primary' | 'danger' }[];
    };

export interface SlackMessage {
  /** Plain-text fallback (notifications, screen readers, clients without blocks). Never empty. */
  text: string;
  blocks: SlackBlock[];
}

/** A rendered block with its text size (chars of all its text) and its plain-text form (unescaped). */
interface Piece {
  block: SlackBlock;
  size: number;
  plain: string;
}

const ELLIPSIS = '…';

/** Most text one fields section or context block may carry, so that no single block approaches the message budget. */
const GROUP_CHARS = 4000;

/** Cut to at most `max` chars (UTF-16 units) without splitting a surrogate pair or an HTML entity. */
function safeCut(s: string, max: number): number {
  let cut = Math.min(max, s.length);
  if (cut < s.length) {
    const code = s.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    const amp = s.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp <= 5) {
      const semi = s.indexOf(';', amp);
      if (semi >= cut && semi - amp <= 5) cut = amp;
    }
  }
  return Math.max(cut, 1);
}

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, safeCut(s, max - 1)) + ELLIPSIS;
}

/** Split text into pieces of at most `max` chars, preferring line breaks. Empty pieces are dropped. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const nl = rest.lastIndexOf('\n', max);
    if (nl >= max / 2) {
      out.push(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    } else {
      const cut = safeCut(rest, max);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  out.push(rest);
  return out.filter((p) => p.trim().length > 0);
}

function section(text: string, plain: string): Piece {
  return { block: { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }, size: text.length, plain };
}

/** Mrkdwn lines → as few sections as possible, each ≤ sectionText. */
function linesToSections(lines: string[], plainLines: string[]): Piece[] {
  const pieces: Piece[] = [];
  let buf: string[] = [];
  let plainBuf: string[] = [];
  let len = 0;
  const flush = () => {
    if (buf.length) pieces.push(section(buf.join('\n'), plainBuf.join('\n')));
    buf = [];
    plainBuf = [];
    len = 0;
  };
  lines.forEach((line, i) => {
    const plain = plainLines[i] ?? '';
    if (line.length > SLACK_LIMITS.sectionText) {
      flush();
      for (const part of splitText(line, SLACK_LIMITS.sectionText)) pieces.push(section(part, unescapeMrkdwn(part)));
      return;
    }
    if (len + line.length + (buf.length ? 1 : 0) > SLACK_LIMITS.sectionText) flush();
    len += line.length + (buf.length ? 1 : 0);
    buf.push(line);
    plainBuf.push(plain);
  });
  flush();
  return pieces;
}

function citationElement(c: Citation): string {
  const quote = c.quote ? `\n“${truncate(c.quote.replace(/\s+/g, ' '), 160)}”` : '';
  return truncate(toMrkdwn(`${citationLine(c)}${quote}`), SLACK_LIMITS.contextText);
}

/** Group items (by index) so each group has ≤ maxCount items and ≤ maxChars chars (a single item may exceed it). */
function groupBySize(sizes: number[], maxCount: number, maxChars: number): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  let chars = 0;
  sizes.forEach((size, i) => {
    if (cur.length && (cur.length >= maxCount || chars + size > maxChars)) {
      groups.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(i);
    chars += size;
  });
  if (cur.length) groups.push(cur);
  return groups;
}

function contextPieces(elements: string[], plain: string): Piece[] {
  return groupBySize(
    elements.map((e) => e.length),
    SLACK_LIMITS.contextElements,
    GROUP_CHARS,
  ).map((idx, gi) => ({
    block: {
      type: 'context',
      elements: idx.map((i) => ({ type: 'mrkdwn', text: elements[i] as string, verbatim: true })),
    },
    size: idx.reduce((n, i) => n + (elements[i] as string).length, 0),
    plain: gi === 0 ? plain : '',
  }));
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

function blockPieces(b: ReplyBlock): Piece[] {
  switch (b.type) {
    case 'heading': {
      const text = truncate(oneLine(b.text).trim(), SLACK_LIMITS.headerText);
      return text
        ? [
            {
              block: { type: 'header', text: { type: 'plain_text', text, emoji: true } },
              size: text.length,
              plain: `【${b.text}】`,
            },
          ]
        : [];
    }
    case 'paragraph':
      return splitText(toMrkdwn(b.text), SLACK_LIMITS.sectionText).map((t) => section(t, unescapeMrkdwn(t)));
    case 'list': {
      const plain = b.items.map((it, i) => (b.ordered ? `${i + 1}. ${it}` : `• ${it}`));
      return linesToSections(
        plain.map((_line, i) => (b.ordered ? `${i + 1}. ` : '• ') + toMrkdwn(b.items[i] ?? '')),
        plain,
      );
    }
    case 'fields': {
      const fields = b.fields.map((f) =>
        truncate(`*${toMrkdwn(oneLine(f.label))}*\n${toMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
      );
      return groupBySize(
        fields.map((f) => f.length),
        SLACK_LIMITS.fieldsPerSection,
        GROUP_CHARS,
      ).map((idx) => ({
        block: {
          type: 'section',
          fields: idx.map((i) => ({ type: 'mrkdwn', text: fields[i] as string, verbatim: true })),
        },
        size: idx.reduce((n, i) => n + (fields[i] as string).length, 0),
        plain: idx.map((i) => `${b.fields[i]?.label}：${b.fields[i]?.value}`).join('\n'),
      }));
    }
    case 'table': {
      const cell = (s: string) => toMrkdwn(oneLine(s).replace(/\|/g, '｜'));
      const head = `*${b.columns.map(cell).join(' | ')}*`;
      const rows = b.rows.map((r) => r.map(cell).join(' | '));
      const plain = [
        b.columns.join(' | '),
        ...b.rows.map((r) => r.map((c) => oneLine(c).replace(/\|/g, '｜')).join(' | ')),
      ];
      return linesToSections([head, ...rows], plain);
    }
    case 'citations': {
      if (!b.items.length) return [];
      const plain = ['引用：', ...b.items.map((c) => citationLine(c))].join('\n');
      return contextPieces(b.items.map(citationElement), plain);
    }
    case 'note':
      return contextPieces(splitText(toMrkdwn(b.text), SLACK_LIMITS.contextText), b.text);
    case 'divider':
      return [{ block: { type: 'divider' }, size: 0, plain: '' }];
  }
}

function feedbackBlock(feedbackId: string): SlackBlock {
  const value = feedbackId.slice(0, SLACK_LIMITS.buttonValue);
  return {
    type: 'actions',
    block_id: FEEDBACK_ACTION.blockId,
    elements: [
      {
        type: 'button',
        action_id: FEEDBACK_ACTION.up,
        text: { type: 'plain_text', text: FEEDBACK_TEXTS.upLabel, emoji: true },
        value,
      },
      {
        type: 'button',
        action_id: FEEDBACK_ACTION.down,
        text: { type: 'plain_text', text: FEEDBACK_TEXTS.downLabel, emoji: true },
        value,
      },
    ],
  };
}

function commandBlock(actions: ReplyAction[]): SlackBlock {
  return {
    type: 'actions',
    block_id: COMMAND_ACTION.blockId,
    elements: actions.slice(0, 5).map((a, i) => ({
      type: 'button' as const,
      action_id: `${COMMAND_ACTION.prefix}${i}`,
      text: { type: 'plain_text' as const, text: truncate(a.label, 75), emoji: true },
      value: JSON.stringify({
        c: a.command,
        l: a.label,
        ...(a.onlyUser ? { u: a.onlyUser } : {}),
        ...(a.adminOnly ? { a: true } : {}),
      }).slice(0, SLACK_LIMITS.buttonValue),
      ...(a.style === 'primary' || a.style === 'danger' ? { style: a.style } : {}),
    })),
  };
}

const TRUNCATED_NOTE = '（内容过长，后面的部分未显示。请缩小查询范围，或用命令行 zct 导出完整内容。）';

/** Room kept in every message for the truncation note and the feedback buttons. */
const RESERVED_BLOCKS = 2;
const RESERVED_CHARS = 200;

function fallbackFor(title: string | undefined, plains: string[], first: boolean): string {
  const body = plains.filter((p) => p.trim()).join('\n\n');
  const withTitle = first && title && !body.startsWith(title) ? `${title}\n${body}` : body;
  return truncate(toMrkdwn(withTitle.trim() || title || '政策通'), SLACK_LIMITS.fallbackText);
}

/**
 * Render a Reply as one or more Slack messages (usually one). Feedback buttons go on the last message.
 */
export function renderSlackBlocks(reply: Reply): SlackMessage[] {
  const pieces = reply.blocks.flatMap(blockPieces);
  const maxBlocks = SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS;
  const maxChars = SLACK_LIMITS.messageTextBudget - RESERVED_CHARS;

  const groups: Piece[][] = [];
  let cur: Piece[] = [];
  let chars = 0;
  for (const p of pieces) {
    if (cur.length && (cur.length + 1 > maxBlocks || chars + p.size > maxChars)) {
      groups.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(p);
    chars += p.size;
  }
  if (cur.length || !groups.length) groups.push(cur);

  const truncated = groups.length > SLACK_LIMITS.maxMessages;
  const kept = groups.slice(0, SLACK_LIMITS.maxMessages);
  const messages: SlackMessage[] = kept.map((g, i) => {
    const blocks = g.map((p) => p.block);
    if (!blocks.length)
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: toMrkdwn(reply.title ?? '（无内容）'), verbatim: true },
      });
    return {
      text: fallbackFor(
        reply.title,
        g.map((p) => p.plain),
        i === 0,
      ),
      blocks,
    };
  });
  const last = messages[messages.length - 1] as SlackMessage;
  if (truncated) last.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: TRUNCATED_NOTE }] });
  if (reply.actions?.length) last.blocks.push(commandBlock(reply.actions));
  if (reply.feedbackId) last.blocks.push(feedbackBlock(reply.feedbackId));
  return messages;
}

/** Total chars of text inside a message's blocks (what Slack's msg_blocks_too_long limit is about). */
export function blockTextLength(blocks: SlackBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'header') n += b.text.text.length;
    else if (b.type === 'section')
      n += (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((s, f) => s + f.text.length, 0);
    else if (b.type === 'context') n += b.elements.reduce((s, e) => s + e.text.length, 0);
    else if (b.type === 'actions') n += b.elements.reduce((s, e) => s + e.text.text.length + e.value.length, 0);
  }
  return n;
}
