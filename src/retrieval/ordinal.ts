/**
 * Item N of a document's structure: “第四部分标题是什么”, “第五条原话”, “政治建设那部分，第三点讲的是啥”.
 * Such a question names the item by its place in a list, not by its words — the words it has name the
 * document or the list (林部长那篇讲话, 推进举措), which every passage of that list shares. The passage
 * that answers it is the one that holds the list's marker N: 四、 / （四） / 4、 / ④ / 四是 / 第四条.
 */
import { cnNumeral } from '../answer/question-kind.js';
import { normalizeText } from './normalize.js';

/** What a marker may follow: the start, a line break, or the end of a clause or sentence. */
const BEFORE = '(?:^|[\\n。；;：:！？!?，,”"）)])\\s*';

export interface OrdinalAsk {
  /** The item number asked for. */
  n: number;
  /** Only the outermost parts count (第N部分/第N大部分 ask for the document's sections). */
  outer: boolean;
}

/** The item a question asks for by its ordinal (questionKind's ordinal), or null. */
export function ordinalAsked(question: string, ordinal: number | null, unit: string): OrdinalAsk | null {
  if (ordinal === null || ordinal < 1 || ordinal > 20) return null;
  const q = normalizeText(question);
  // 第一个 is item 1 only when nothing follows but the question (第一个是啥); “第一个提出…” is who came first.
  if (unit === '个' && !/第\s*\S{1,3}\s*个(?=是|呢|吗|啥|什么|讲|说|指|[?？,，。!！]|$)/u.test(q)) return null;
  return { n: ordinal, outer: unit === '部分' || /第\s*\S{1,3}\s*大部分/u.test(q) };
}

const cache = new Map<string, RegExp>();

/** The markers of item N: outer sections only (第四部分, 四、) or any list level. */
export function itemMarker(ask: OrdinalAsk): RegExp {
  const key = `${ask.n}:${ask.outer}`;
  let re = cache.get(key);
  if (!re) {
    const cn = cnNumeral(ask.n);
    const circled = ask.n <= 20 ? String.fromCodePoint(0x2460 + ask.n - 1) : '';
    const outer = [`第${cn}部分`, `${BEFORE}${cn}[、．.](?![一二三四五六七八九十])`];
    const any = [
      ...outer,
      `[（(]\\s*${cn}\\s*[）)]`,
      `${BEFORE}${cn}是`,
      `${BEFORE}第${cn}(?:条|[，,、是：:])`,
      `${BEFORE}其${cn}`,
      `(?<![\\d.．])${ask.n}(?:[、．]|\\.(?!\\d))`,
      `[（(]\\s*${ask.n}\\s*[）)]`,
      circled,
    ];
    re = new RegExp((ask.outer ? outer : any).filter(Boolean).join('|'), 'u');
    cache.set(key, re);
  }
  return re;
}

/** Does the passage (as printed: ① is not normalised away) hold the marker of the item asked for? */
export function holdsItem(passage: string, ask: OrdinalAsk): boolean {
  return itemMarker(ask).test(passage);
}
