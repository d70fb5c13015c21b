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

/**
 * A slogan-like counted name of the form N个一X (四个一批, 五个一批, 三个一张): N items that each carry 一X
 * (“…自愿退出一批、表现不佳降免职一批…”, “一批干部专业能力培训…”). Its count and the shared words, or null.
 */
export function countedSlogan(question: string): { count: number; item: string } | null {
  const m = /([两二三四五六七八九十]{1,2}|[2-9])个[“"]?(一\p{Script=Han})/u.exec(normalizeText(question));
  if (!m) return null;
  const count = /\d/.test(m[1]!) ? Number(m[1]) : m[1] === '两' ? 2 : numeral(m[1]!);
  return count >= 2 ? { count, item: m[2]! } : null;
}

function numeral(s: string): number {
  const d = '一二三四五六七八九';
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + d.indexOf(s[1]!) + 1;
  return d.indexOf(s[0]!) + 1;
}

/** Item N of a counted slogan asked by 第N + the item's measure (第三批) or a list measure (第二条, 第三个, 第四项). */
export function sloganOrdinal(question: string, slogan: { count: number; item: string }): number | null {
  const q = normalizeText(question);
  const measure = slogan.item.slice(1);
  const m = new RegExp(`第\\s*([一二两三四五六七八九十]{1,2}|\\d{1,2})\\s*(?:${measure}|条|个|项|点)`, 'u').exec(q);
  if (!m) return null;
  const n = /\d/.test(m[1]!) ? Number(m[1]) : m[1] === '两' ? 2 : numeral(m[1]!);
  return n >= 1 && n <= slogan.count ? n : null;
}

const CLAUSE_SPLIT = /[。；;！？!?\n，,、（）()]|和(?=\p{Script=Han})/u;

/**
 * The items of a counted slogan in a document's passages (in order): the distinct clauses that begin with
 * the shared words (“一批干部专业能力培训”) or end with them (“表现不佳降免职一批”), whichever form is
 * more frequent. Each item with the index of the first passage holding it.
 */
export function sloganItems(passages: readonly string[], item: string): Array<{ clause: string; passage: number }> {
  const starts: Array<{ clause: string; passage: number }> = [];
  const ends: Array<{ clause: string; passage: number }> = [];
  const seen = new Set<string>();
  passages.forEach((text, i) => {
    for (const raw of normalizeText(text).split(CLAUSE_SPLIT)) {
      const c = raw.replace(/[“”"\s]/gu, '');
      // The slogan's own name (推行“四个一批”) is no item of it.
      if (c.length <= item.length || seen.has(c) || new RegExp(`[两二三四五六七八九十\\d]个${item}`, 'u').test(c))
        continue;
      if (c.startsWith(item)) {
        seen.add(c);
        starts.push({ clause: c, passage: i });
      } else if (c.endsWith(item)) {
        seen.add(c);
        ends.push({ clause: c, passage: i });
      }
    }
  });
  return starts.length >= ends.length ? starts : ends;
}
