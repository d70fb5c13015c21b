/**
 * Raw file text → cleaned CorpusDocument(s). A compilation (magazine issue) yields one document per article,
 * with ids `${stem}#01`, `${stem}#02` …; any other text yields one document with id `${stem}`.
 */
import type { CorpusDocument } from '../types.js';
import { bylineAuthor, splitArticles, type ArticleSlice } from './articles.js';
import { dropChrome, stripDingbats } from './chrome.js';
import { decodeRaw, toLines } from './decode.js';
import { liftMasthead, type Masthead } from './masthead.js';
import { liftMetaLines } from './meta-lines.js';
import { dateFromBody, fallbackTitle, isTitleLine, liftAttribution, liftAuthorUnit } from './metadata.js';
import { squash, tidyCjkSpaces, tidyName } from './patterns.js';
import { rejoinLines, splitInlineHeadings } from './rejoin.js';
import { findTocEntry, liftToc, type TocEntry } from './toc.js';
import { liftWechatHeader, type WechatHeader } from './wechat.js';

export interface CleanOptions {
  /** Id stem: the file name without extension for the bundled corpus. */
  idStem: string;
  /** Source file path as recorded in `CorpusDocument.file`. */
  file: string;
  /** sha256 of the raw bytes. */
  fileHash: string;
  /** Title known from the container (HTML <title>, Markdown # heading, PDF info). */
  titleHint?: string | null;
  /** File name without extension, used as a last-resort title when it is meaningful. */
  fileStem?: string;
}

interface Context {
  /** Authoritative title (page header, article title line). */
  title: string | null;
  /** Container title (<title>, # heading): used when the text has no title line of its own. */
  titleHint: string | null;
  source: string | null;
  date: string | null;
  author: string | null;
  section: string | null;
}

/** Magazine page markers: "P04", "P19 全力实施数字经济人才 “一号行动”" (cover teasers). */
const PAGE_MARK = /^P\d{1,3}(?:\s.*)?$/;
/** Minimum body (characters) of a preamble before the first article to stand as a document of its own. */
const MIN_PREAMBLE = 100;

/**
 * Keep only the last occurrence of a repeated long line: cover teasers and pull quotes repeat the body.
 * Short lines and bracketed notes ("（作者单位：衢江区委组织部）") legitimately repeat.
 */
function dropEarlierDuplicates(lines: string[]): string[] {
  const counts = (l: string) => l.length >= 20 && !/^[（(].*[)）]$/.test(l);
  const lastAt = new Map<string, number>();
  lines.forEach((l, i) => {
    if (counts(l)) lastAt.set(squash(l), i);
  });
  return lines.filter((l, i) => !counts(l) || lastAt.get(squash(l)) === i);
}

function finish(lines: string[], ctx: Context, opts: CleanOptions, id: string): CorpusDocument | null {
  let paras = lines.map((l) => tidyCjkSpaces(stripDingbats(l))).filter(Boolean);
  const lifted = liftMetaLines(paras);
  paras = lifted.paras;
  const unit = liftAuthorUnit(paras);
  paras = unit.paras;
  const attribution = liftAttribution(paras);
  paras = attribution.paras;

  let title = ctx.title ? stripDingbats(ctx.title) : null;
  if (title && squash(paras[0] ?? '') === squash(title)) paras = paras.slice(1);
  if (!title && isTitleLine(paras[0], paras.length - 1)) {
    title = paras[0]!;
    paras = paras.slice(1);
  }
  paras = rejoinLines(splitInlineHeadings(paras));
  if (paras.length === 0) return null;
  title ??= ctx.titleHint ?? fallbackTitle(paras, opts.fileStem ?? opts.idStem);

  let author = ctx.author ?? lifted.meta.author ?? attribution.author;
  if (author) author = tidyName(author);
  if (unit.unit) author = author && author !== unit.unit ? `${author}（${unit.unit}）` : unit.unit;

  const source = ctx.source ?? lifted.meta.source ?? null;
  const origin = lifted.meta.source && lifted.meta.source !== source ? lifted.meta.source : null;
  return {
    id,
    title,
    source,
    date: ctx.date ?? lifted.meta.date ?? dateFromBody(paras),
    author: author || null,
    text: paras.join('\n'),
    file: opts.file,
    fileHash: opts.fileHash,
    section: ctx.section,
    origin,
  };
}

function articleContext(a: ArticleSlice, base: Context, toc: TocEntry[]): Context {
  const entry = findTocEntry(toc, a.title);
  return {
    ...base,
    title: a.title,
    author: a.byline ? bylineAuthor(a.byline) : (entry?.author ?? null),
    section: entry?.section ?? null,
  };
}

/** Index of the line (among the first 30 non-empty ones) that prints the container title, or -1. */
function titleLineIndex(lines: string[], hint: string): number {
  const h = squash(hint);
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 30; i++) {
    const l = lines[i]!;
    if (!l) continue;
    seen++;
    const s = squash(l);
    // "<title>标题 - 某某网</title>" prints as "标题".
    if (s === h || (s.length >= 4 && h.startsWith(s) && /^[-_|｜—–·]/.test(h.slice(s.length)))) return i;
  }
  return -1;
}

/**
 * The issue's front matter as a document of its own (id `${stem}#00`): the masthead as printed
 * (publisher, issue, date, editors, address …) and the contents by column, so questions about the
 * publication itself ("杂志的主办单位", "这期哪天出的") find an answer.
 */
function frontMatter(
  m: Masthead,
  toc: TocEntry[],
  opts: CleanOptions,
  source: string | null,
  date: string | null,
): CorpusDocument {
  const lines = m.lines
    .map((l) =>
      stripDingbats(l)
        .replace(/\*\*/g, '')
        // "主 编", "地 址": layout padding inside a two-character key.
        .replace(/(^|\s)([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?=\s|$)/gu, '$1$2$3')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  // The contents, one entry a line with its column, title and author as printed (“……中共江山市委组织部”).
  // The page numbers are left out: added, they cost qa-dev2 one answerable question (BENCHMARKS.md).
  const contents = toc.map((e) => `${e.section ? `${e.section}：` : ''}${e.title}${e.author ? `……${e.author}` : ''}`);
  const text = [...lines, ...(contents.length ? ['本期目录', ...contents] : [])].join('\n');
  return {
    id: `${opts.idStem}#00`,
    title: `《${m.name}》${m.issue ?? ''}刊物信息`,
    source,
    date,
    author: m.publisher,
    text,
    file: opts.file,
    fileHash: opts.fileHash,
    section: '刊物信息',
    origin: null,
  };
}

/**
 * A WeChat page's account as a document of its own (id `${stem}#00`, column 公众号信息): the account's name,
 * WeChat id and self-description as the page prints them, so questions about the account itself
 * (“公众号的微信号是多少”, “这个公众号是干嘛的”) find an answer — the WeChat counterpart of a magazine's
 * front matter (刊物信息). Null when the page prints neither an id nor a description.
 */
function accountDocument(h: WechatHeader, opts: CleanOptions): CorpusDocument | null {
  if (!h.account || (!h.accountId && !h.intro)) return null;
  const text = [
    `公众号：${h.account}`,
    ...(h.accountId ? [`微信号：${h.accountId}`] : []),
    ...(h.intro ? [`功能介绍：${h.intro}`] : []),
  ].join('\n');
  return {
    id: `${opts.idStem}#00`,
    title: `“${h.account}”公众号信息`,
    source: h.account,
    date: null,
    author: h.account,
    text,
    file: opts.file,
    fileHash: opts.fileHash,
    section: '公众号信息',
    origin: null,
  };
}

function magazineSource(m: Masthead | null): string | null {
  if (!m) return null;
  return m.issue ? `${m.name} ${m.issue}` : m.name;
}

/** Clean one raw text into documents. Empty result: nothing but chrome. */
export function cleanText(raw: string, opts: CleanOptions): CorpusDocument[] {
  const { docs, account } = cleanDocuments(raw, opts);
  // The account document goes with a page that has a body, and never beside a magazine's own #00.
  return account && docs.length && !docs.some((d) => d.id === account.id) ? [account, ...docs] : docs;
}

function cleanDocuments(raw: string, opts: CleanOptions): { docs: CorpusDocument[]; account: CorpusDocument | null } {
  let lines = toLines(decodeRaw(raw));
  const hint = opts.titleHint?.replace(/\s+/g, ' ').trim() || null;
  const ctx: Context = { title: null, titleHint: hint, source: null, date: null, author: null, section: null };

  const wechat = liftWechatHeader(lines);
  const account = wechat ? accountDocument(wechat, opts) : null;
  if (wechat) {
    ctx.title = wechat.title;
    ctx.source = wechat.account;
    ctx.date = wechat.date;
    lines = wechat.body;
  }
  lines = dropChrome(lines);
  if (!ctx.title && hint) {
    // A container title printed as a line near the top: the body starts after it (what precedes is page chrome).
    const at = titleLineIndex(lines, hint);
    if (at >= 0) {
      ctx.title = lines[at]!;
      lines = lines.slice(at + 1);
    }
  }

  const { masthead, lines: afterMasthead } = liftMasthead(lines);
  const { toc, lines: afterToc } = liftToc(afterMasthead);
  lines = afterToc;
  if (masthead || toc.length > 0) {
    lines = lines.filter((l) => !PAGE_MARK.test(l));
    ctx.source ??= magazineSource(masthead);
    ctx.date ??= masthead?.date ?? null;
  }
  lines = dropEarlierDuplicates(lines);

  const { preamble, articles } = splitArticles(lines);
  const preambleText = squash(preamble.join(''));
  if (articles.length >= 2) {
    const docs: CorpusDocument[] = masthead ? [frontMatter(masthead, toc, opts, ctx.source, ctx.date)] : [];
    const parts: Array<{ lines: string[]; ctx: Context }> = [];
    if (preambleText.length >= MIN_PREAMBLE) parts.push({ lines: preamble, ctx: { ...ctx, title: null } });
    articles.forEach((a, k) => {
      // A short preamble (a kicker line) goes with the first article rather than being lost.
      const lines = k === 0 && preambleText.length < MIN_PREAMBLE ? [...preamble, ...a.lines] : a.lines;
      parts.push({ lines, ctx: articleContext(a, ctx, toc) });
    });
    parts.forEach((p, k) => {
      const doc = finish(p.lines, p.ctx, opts, `${opts.idStem}#${String(k + 1).padStart(2, '0')}`);
      if (doc) docs.push(doc);
    });
    return { docs, account };
  }
  if (articles.length === 1 && preambleText.length < MIN_PREAMBLE) {
    const a = articles[0]!;
    const actx = articleContext(a, ctx, toc);
    // A page header's title wins over the article's own.
    if (ctx.title) actx.title = ctx.title;
    const keepTitleLine = ctx.title !== null && squash(ctx.title) !== squash(a.title);
    // Short lines before the title (a document number, a kicker) stay in the text.
    const body = [...preamble, ...(keepTitleLine ? [a.title] : []), ...a.lines];
    const doc = finish(body, actx, opts, opts.idStem);
    return { docs: doc ? [doc] : [], account };
  }
  const doc = finish(lines, ctx, opts, opts.idStem);
  return { docs: doc ? [doc] : [], account };
}
