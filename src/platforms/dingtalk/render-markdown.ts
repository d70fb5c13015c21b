/**
 * Reply → DingTalk markdown, split into messages that each stay under a byte budget. Pure.
 *
 * Block text is data (team names, nicknames, enterprise names, summaries and quoted questions come from users), so
 * it is escaped here (escapeMarkdown): the only markup in a message is what this renderer writes around it — no user
 * text becomes a link, an image, bold, a heading or a quote.
 *
 * DingTalk markdown is a subset: headings, **bold**, lists, > quotes, links, \n. No tables, so table
 * blocks become lists. Citations are a numbered list (the answer's [n] markers keep their numbers)
 * with title, publisher and date, each followed by its quoted passage.
 *
 * Size: the OpenAPI limit for msgParam (JSON of {title, text}) is 15,000 bytes; webhooks have no published
 * limit, so both use the same budget. Long replies are split on block boundaries, then inside a block
 * (between list items / lines / citations), and only as a last resort inside a line.
 */
import { cleanText } from '../../messaging/normalise.js';
import type { Citation, Reply, ReplyBlock } from '../../messaging/reply.js';

export interface DingTalkMarkdownOptions {
  /** staffId to @-mention (group replies): written as `@<id>` at the top of the first message. */
  mention?: string;
  /** Budget per message: UTF-8 bytes of JSON.stringify({title, text}). Default 14,000 (limit 15,000). */
  maxBytes?: number;
  /** Title when the reply has none. */
  defaultTitle?: string;
  /** At most this many messages for a digest (intent 'digest'; ZCT_MAX_DIGEST_MESSAGES): the rest is cut with a note. */
  digestMaxParts?: number;
}

export const DIGEST_CUT_NOTE =
  '> （简报较长，后面的内容没有发出。完整内容请在本群发送“问题清单”，或请管理员运行 zct digest 查看。）';

export interface DingTalkMarkdownPart {
  /** Shown in the conversation list; `（2/3）` is appended when a reply is split. */
  title: string;
  text: string;
}

export const DEFAULT_MAX_BYTES = 14_000;
const DEFAULT_TITLE = '政策通';
const TITLE_MAX_CHARS = 60;
/** Room kept in the budget for the `（12/12）` suffix added to split titles. */
const PART_SUFFIX_RESERVE = 32;

/** Bytes a string adds inside a JSON string literal (UTF-8, escapes counted). Additive over concatenation. */
export function jsonBytes(s: string): number {
  return Buffer.byteLength(JSON.stringify(s), 'utf8') - 2;
}

/** Markdown characters → full-width look-alikes (DingTalk's renderer has no dependable backslash escape). */
const MARKDOWN_CHARS: Record<string, string> = {
  '*': '＊',
  _: '＿',
  '`': '｀',
  '~': '～',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};

/**
 * Plain text → DingTalk markdown that shows that text and nothing more: link and image syntax ([t](u), ![t](u),
 * [id]: u) neutralised, emphasis, code, HTML and quote markers too, a leading # (heading), and `scheme://` broken
 * so no URL is auto-linked. Citation markers like [1] stay as they are (not a link without a following "(").
 * Idempotent (escaped text contains none of the patterns it replaces).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[*_`~<>|]/g, (c) => MARKDOWN_CHARS[c] ?? c)
    .replace(/\[([^\]\n]*)\](\s*[(:[])/g, '［$1］$2')
    .replace(/^(\s*)#/gm, '$1＃')
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, '$1:/\u200b/');
}

/** Cleaned and escaped block text. */
function clean(s: string): string {
  return escapeMarkdown(cleanText(s));
}

/** One line, no markdown line breaks (list items, headings, table cells). */
function oneLine(s: string): string {
  return clean(s).replace(/\s*\n+\s*/g, ' ');
}

function quoteLines(s: string): string {
  return clean(s)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function citationItem(c: Citation): string {
  const meta = [c.source, c.date]
    .filter((v): v is string => Boolean(v?.trim()))
    .map(oneLine)
    .join('，');
  const head = `${c.n}. 《${oneLine(c.title)}》${meta ? `（${meta}）` : ''}`;
  const quote = cleanText(c.quote);
  return quote ? `${head}\n${quoteLines(quote)}` : head;
}

function tableRow(columns: string[], row: string[]): string {
  const [first, ...rest] = row.map(oneLine);
  const details = rest
    .map((v, i) => (v ? `${columns[i + 1] ? `${oneLine(columns[i + 1] as string)}：` : ''}${v}` : ''))
    .filter(Boolean)
    .join('；');
  const lead = first ? `**${first}**` : '';
  return `- ${[lead, details].filter(Boolean).join(' ')}`;
}

/** A block as split points: the block is `pieces.join(sep)`; a split may happen between pieces. */
interface Unit {
  pieces: string[];
  sep: string;
}

function unit(b: ReplyBlock): Unit | null {
  switch (b.type) {
    case 'heading': {
      const t = oneLine(b.text);
      return t ? { pieces: [`#### ${t}`], sep: '\n' } : null;
    }
    case 'paragraph': {
      const t = clean(b.text);
      return t ? { pieces: t.split('\n'), sep: '\n' } : null;
    }
    case 'note': {
      const t = clean(b.text);
      return t ? { pieces: t.split('\n').map((l) => `> ${l}`), sep: '\n' } : null;
    }
    case 'list': {
      const items = b.items.map(oneLine).filter(Boolean);
      return items.length
        ? { pieces: items.map((it, i) => (b.ordered ? `${i + 1}. ${it}` : `- ${it}`)), sep: '\n' }
        : null;
    }
    case 'fields': {
      const items = b.fields.map((f) => `- **${oneLine(f.label)}**：${oneLine(f.value)}`);
      return items.length ? { pieces: items, sep: '\n' } : null;
    }
    case 'table': {
      if (!b.rows.length) return null;
      return { pieces: b.rows.map((r) => tableRow(b.columns, r)), sep: '\n' };
    }
    case 'citations':
      // Blank lines between items end each quote (no lazy continuation into the next item).
      return b.items.length ? { pieces: ['**引用来源**', ...b.items.map(citationItem)], sep: '\n\n' } : null;
    case 'divider':
      return { pieces: ['---'], sep: '\n' };
  }
}

/** Cut one over-long string into code-point-safe slices of at most `budget` JSON bytes each. */
function hardSplit(s: string, budget: number): string[] {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of s) {
    const b = jsonBytes(ch);
    if (bytes + b > budget && cur) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  if (cur) out.push(cur);
  return out;
}

/** Greedy packer: fills a message, starts the next one when the next piece does not fit. */
class Packer {
  readonly texts: string[] = [];
  private cur = '';
  private bytes = 0;
  private hasContent = false;

  constructor(
    private readonly budget: number,
    private readonly prefix: string,
  ) {
    this.reset(true);
  }

  private reset(first: boolean) {
    this.cur = first ? this.prefix : '';
    this.bytes = jsonBytes(this.cur);
    this.hasContent = false;
  }

  /** Append `s` after separator `sep` if it fits in the current message. */
  private tryAppend(s: string, sep: string): boolean {
    const joiner = this.cur ? sep : '';
    const add = jsonBytes(joiner) + jsonBytes(s);
    if (this.bytes + add > this.budget) return false;
    this.cur += joiner + s;
    this.bytes += add;
    this.hasContent = true;
    return true;
  }

  flush() {
    if (this.hasContent) this.texts.push(this.cur);
    this.reset(this.texts.length === 0);
  }

  /** Add a whole string: here, else in a fresh message, else cut inside it. */
  private addPiece(s: string, sep: string) {
    if (this.tryAppend(s, sep)) return;
    if (this.hasContent) {
      this.flush();
      if (this.tryAppend(s, sep)) return;
    }
    const room = Math.max(64, this.budget - this.bytes - jsonBytes('\n\n'));
    for (const slice of hardSplit(s, room)) {
      if (!this.tryAppend(slice, sep)) {
        this.flush();
        this.tryAppend(slice, sep);
      }
    }
  }

  addUnit(u: Unit) {
    const whole = u.pieces.join(u.sep);
    if (this.tryAppend(whole, '\n\n')) return;
    if (this.hasContent) {
      this.flush();
      if (this.tryAppend(whole, '\n\n')) return;
    }
    // Bigger than one message: split between pieces.
    for (const [i, p] of u.pieces.entries()) this.addPiece(p, i === 0 ? '\n\n' : u.sep);
  }
}

export function renderDingTalkMarkdown(reply: Reply, opts: DingTalkMarkdownOptions = {}): DingTalkMarkdownPart[] {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const title = oneLine(reply.title ?? '') || opts.defaultTitle || DEFAULT_TITLE;
  const shortTitle = [...title].slice(0, TITLE_MAX_CHARS).join('');
  const overhead = jsonBytes(shortTitle) + PART_SUFFIX_RESERVE + Buffer.byteLength('{"title":"","text":""}');
  const budget = Math.max(256, maxBytes - overhead);

  const mention = opts.mention ? `@${opts.mention}` : '';
  const packer = new Packer(budget, mention);
  const blocks: ReplyBlock[] = [...reply.blocks];
  for (const f of reply.files ?? []) {
    blocks.push({ type: 'note', text: `附件“${f.filename}”暂不能通过钉钉直接发送，请联系管理员导出。` });
  }
  for (const b of blocks) {
    const u = unit(b);
    if (u) packer.addUnit(u);
  }
  packer.flush();
  let texts = packer.texts.length ? packer.texts : [mention || title];
  const cap = reply.intent === 'digest' ? opts.digestMaxParts : undefined;
  if (cap !== undefined && cap > 0 && texts.length > cap)
    texts = [...texts.slice(0, cap - 1), `${texts[cap - 1]}\n\n${DIGEST_CUT_NOTE}`];
  return texts.map((text, i) => ({
    title: texts.length > 1 ? `${shortTitle}（${i + 1}/${texts.length}）` : shortTitle,
    text,
  }));
}
