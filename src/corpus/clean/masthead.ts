/**
 * A periodical's masthead (版权页): "衢州党建 双月刊 / 中共衢州市委组织部主办 / 2019年第1期(总第62期) / 3月31日出版 /
 * 编辑指导委员会 … 印 刷 …". Gives the magazine name, issue and date; the block is lifted out of the body and
 * becomes the issue's front-matter document (刊物信息), so 主办单位, 期号 or 主编 stay searchable.
 */
import { squash } from './patterns.js';

export interface Masthead {
  /** 衢州党建 */
  name: string;
  /** 2019年第1期 */
  issue: string | null;
  /** 中共衢州市委组织部 */
  publisher: string | null;
  /** Issue date (YYYY-MM-DD, YYYY-MM or YYYY). */
  date: string | null;
  /** The block's lines as printed (blank lines dropped), kept as the issue's front-matter document. */
  lines: string[];
}

const ANCHOR = /^(?:《)?([^\s《》]{2,14}?)(?:》)?\s*(双月刊|半月刊|月刊|旬刊|周刊|季刊|双周刊)$/;
/** Masthead keys (spaces inside them are layout padding: "主 编", "地 址"). */
const MASTHEAD_KEY =
  /^(?:主办|承办|协办|主管|主任|副主任|委员|顾问|主编|副主编|执行主编|编辑|责任编辑|美术编辑|编辑出版|出版|编印|准印证号|内部资料|地址|邮编|电话|传真|电子信箱|邮箱|网址|印刷|发行|定价|编辑指导委员会|编辑委员会|编委会)/;

const pad = (n: number) => String(n).padStart(2, '0');

/** A line of person names only ("叶 骏 朱永平 朱君才"), as listed under a masthead key. */
function isNameList(line: string): boolean {
  return /^(?:[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}\s+){2,}[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}$/.test(line);
}

function isMastheadLine(line: string): boolean {
  const s = squash(line);
  return (
    ANCHOR.test(line) ||
    MASTHEAD_KEY.test(s) ||
    /主办$/.test(s) ||
    /^\d{4}年第\d+期/.test(s) ||
    /^\d{1,2}月\d{1,2}日出版$/.test(s) ||
    /注意保存|内部资料|准印|按姓氏笔画/.test(s) ||
    isNameList(line)
  );
}

/**
 * Find and remove the masthead block: from the anchor line over the following short masthead lines,
 * stopping at two blank lines or a body line.
 */
export function liftMasthead(lines: string[]): { masthead: Masthead | null; lines: string[] } {
  const a = lines.findIndex((l) => ANCHOR.test(l));
  if (a < 0) return { masthead: null, lines };
  let end = a + 1;
  let blanks = 0;
  while (end < lines.length) {
    const l = lines[end] ?? '';
    if (l === '') {
      blanks++;
      if (blanks >= 2) break;
    } else {
      blanks = 0;
      if (l.length > 50 || !isMastheadLine(l)) break;
    }
    end++;
  }
  const block = lines.slice(a, end).filter(Boolean);
  const text = block.map(squash).join('\n');
  // A lone "某某月刊" line is not a masthead: it needs an issue, publisher or printing line with it.
  if (!/\d{4}年第\d+期|主办|出版|准印|编辑部/.test(text.replace(/^.*\n?/, ''))) return { masthead: null, lines };
  const name = ANCHOR.exec(lines[a] ?? '')?.[1] ?? '';
  const issue = /(\d{4})年第(\d+)期/.exec(text);
  const day = /(\d{1,2})月(\d{1,2})日出版/.exec(text);
  const publisher = /^(.+?)主办$/m.exec(text)?.[1] ?? null;
  let date: string | null = null;
  if (issue?.[1]) {
    date = issue[1];
    if (day?.[1] && day[2]) date = `${issue[1]}-${pad(Number(day[1]))}-${pad(Number(day[2]))}`;
  }
  return {
    masthead: { name, issue: issue ? `${issue[1]}年第${issue[2]}期` : null, publisher, date, lines: block },
    lines: [...lines.slice(0, a), ...lines.slice(end)],
  };
}
