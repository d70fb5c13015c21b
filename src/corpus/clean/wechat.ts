/**
 * WeChat article page header: title, the 公众号 name (printed twice), 微信号 + id, 功能介绍 + blurb, publish date.
 * Lifted into metadata; the body starts after it. The account's own facts (its 微信号 and 功能介绍) are kept
 * too: cleanText makes them the page's account document (公众号信息), so “公众号的微信号是多少” finds them.
 */
import { findDate, isDateLine, isRelativeDateLine } from './dates.js';

export interface WechatHeader {
  title: string;
  account: string | null;
  /** The account's WeChat id (微信号), when printed. */
  accountId: string | null;
  /** The account's self-description (功能介绍), when printed. */
  intro: string | null;
  /** Null when the page shows a relative date (昨天) or none. */
  date: string | null;
  /** Lines after the header. */
  body: string[];
}

const nonEmptyAfter = (lines: string[], from: number): number => {
  let i = from;
  while (i < lines.length && lines[i] === '') i++;
  return i;
};

export function liftWechatHeader(lines: string[], scan = 40): WechatHeader | null {
  const t = nonEmptyAfter(lines, 0);
  const limit = Math.min(lines.length, t + scan);
  let w = -1;
  for (let i = t + 1; i < limit; i++) {
    if (lines[i] === '微信号') {
      w = i;
      break;
    }
  }
  if (w < 0) return null;
  const title = lines[t] ?? '';
  const between = lines.slice(t + 1, w).filter(Boolean);
  const account = between.at(-1) ?? null;

  let i = nonEmptyAfter(lines, w + 1);
  let accountId: string | null = null;
  let intro: string | null = null;
  if (/^[A-Za-z][\w-]{2,}$/.test(lines[i] ?? '')) {
    accountId = lines[i]!;
    i = nonEmptyAfter(lines, i + 1);
  }
  if (lines[i] === '功能介绍') {
    const at = nonEmptyAfter(lines, i + 1);
    intro = lines[at]?.trim() || null;
    i = nonEmptyAfter(lines, at + 1);
  }

  let date: string | null = null;
  for (let k = 0, j = i; k < 4 && j < lines.length; k++, j = nonEmptyAfter(lines, j + 1)) {
    const line = lines[j] ?? '';
    if (isDateLine(line) || isRelativeDateLine(line)) {
      date = isDateLine(line) ? findDate(line) : null;
      i = j + 1;
      break;
    }
  }
  return { title, account, accountId, intro, date, body: lines.slice(i) };
}
