/** What shape of answer a question wants: a list, a number, or one item of a list (第二条). */
import { kinOf } from '../retrieval/word-classes.js';
import { numeralValue } from '../text/numerals.js';
import { escapeRegExp } from '../text/regexp.js';
import { ANSWER_KIND_CUES, COUNT_MEASURE, COUNTED_NAME_SUFFIX, measureKin } from './lexicon.js';

export { numeralValue };

const CN_ORDER = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function cnNumeral(n: number): string {
  if (n <= 10) return CN_ORDER[n] ?? String(n);
  if (n < 20) return `十${CN_ORDER[n - 10]}`;
  return `${CN_ORDER[Math.floor(n / 10)]}十${CN_ORDER[n % 10] ?? ''}`;
}

const LIST_RE =
  /哪些|哪几|有哪|包括|分别|几个方面|几方面|几部分|分[为成]?几(?![次天年月人名个])|几大块|几块|几步|哪[一二两三四五六七八九十\d]+[条个项点种类方面部分“"]|哪(?:[两二三四五六七八九十]{1,2}|[2-9]|\d{2})\p{Script=Han}|哪[“"]|几条|几点|几项|什么条件|哪.{0,3}原则|要求有/u;
const NUMBER_RE = /多少|几|数量|比例|占比|多久|多长|多大|多高|金额|规模|目标定/u;
/** 第二条 / 第三个 / 第二呢: an item of a list — not 第一天, 第一批次, 第二季度. */
export const ORDINAL_RE =
  /第\s*([一二两三四五六七八九十]{1,3}|\d{1,2})\s*(?:(条|个|点|项|种|款|步|部分|方面|类|张)(?![季度次批年天届期轮])|(?=[呢吗？?。，,\s]|$|是什么|讲|说|指))|(?<![A-Za-z])(?:[Nn][Oo]\.?|#)\s*(\d{1,2})(?!\d)/u;

export interface QuestionKind {
  list: boolean;
  number: boolean;
  /** 第N条 / 第N个 …: the item asked for, else null. */
  ordinal: number | null;
  /** The measure word of the ordinal (条, 个, 点 …), default 条. */
  ordinalUnit: string;
}

/** A name made of a count (六个一, 三张图, 五大红色行动, 四个一批) asked about with 啥/什么/哪: a list. */
const COUNTED_NAME_RE = new RegExp(
  `[两二三四五六七八九十]+(?:个|大|张|条|项|种|方面|件|批|[${COUNTED_NAME_SUFFIX}])[\\p{Script=Han}“”"]{0,6}(?:是|指|分别|都|包括|有)?(?:啥|什么|哪)`,
  'u',
);
/** A counted name in one token or two (五化, 三员; 五 + 化): its count and the character its items share. */
const COUNTED_NAME_TOKEN = new RegExp(`^([两二三四五六七八九十]{1,2})([${COUNTED_NAME_SUFFIX}])$`, 'u');

/** “A和B分别是多少”: a figure for each thing named — numbers, not a list. */
const EACH_FIGURE = /分别(?:是|为|有)?(?=多少)/gu;

export function questionKind(q: string): QuestionKind {
  const m = ORDINAL_RE.exec(q);
  // “五个一批，最后一个是啥”: the last of a list whose count the question states is item N.
  const last = m ? null : LAST_OF_COUNTED.exec(q);
  const count = last ? expectedCount(q.replace(LAST_OF_COUNTED, ' ')) : null;
  const unit = m?.[2] ?? (count !== null ? last![1]! : '条');
  const listed = q.replace(EACH_FIGURE, ' ');
  return {
    list: LIST_RE.test(listed) || ANSWER_KIND_CUES.list.test(listed) || COUNTED_NAME_RE.test(listed),
    number: NUMBER_RE.test(q),
    ordinal: m ? numeralValue(m[1] ?? m[3] ?? '') : count !== null && count >= 2 ? count : null,
    ordinalUnit: unit,
  };
}

/** “最后一个 / 最后一条”: the last item (item N when the question states how many there are). */
const LAST_OF_COUNTED = /最后一(个|条|点|项|种|步|类|张|批|块|句)/u;

/** Does the sentence carry a number (digits, or a Chinese numeral with a measure word)? */
export function hasQuantity(s: string): boolean {
  return (
    /\d/.test(s) ||
    /[一二两三四五六七八九十百千万]+[个条项名家人天次年月批种类部分位户份件届轮期级所座项万亿元%]/u.test(s)
  );
}

/** Enumeration markers an item starts with: 一是 / （一） / 第一， / ① / 1. */
export const ITEM_START =
  /^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[，,、是：:]|[①②③④⑤⑥⑦⑧⑨⑩]|\d{1,2}[.、．](?!\d)|其[一二三四五六七八九十])/u;

export function isItem(s: string): boolean {
  return ITEM_START.test(s);
}

/** A sentence that is itself an enumeration: 一是…二是…, or three or more 、-separated items. */
export function isEnumeration(s: string): boolean {
  if (isItem(s)) return true;
  if (/[一二三]是.{2,}[二三四]是/u.test(s)) return true;
  if (/[（(]一[)）].{2,}[（(]二[)）]/u.test(s)) return true;
  return (s.match(/、/g)?.length ?? 0) >= 2;
}

/** Place-like names: 柯城区, 衢江, 龙游县 … (a 2–4 character name before a jurisdiction suffix). */
const PLACE = '[\\p{Script=Han}]{1,4}(?:县|区|市|镇|乡|街道|村)';
const COMPARE_RE = new RegExp(
  `(?:${PLACE})(?:和|与|跟|同|、|及|还有)(?:${PLACE})|比较|对比|相比|区别|不同之处|差别|差异|分别是|各自|各(?:有|是|多少|几)`,
  'u',
);

/** Does the question ask to compare or cover two places / items (A县和B县各…)? */
export function isComparison(q: string): boolean {
  return COMPARE_RE.test(q);
}

const UNIT_RE = /(?:哪|几)[一二两三四五六七八九十\d]*(条|个|点|项|种|类|方面|块|张|批|步|部分|件|方向)/u;

/** The measure word a list question counts in (哪三条 → 条, 哪几个方面 → 方面); 条 by default. */
/** Measure words a question may count a list in before its noun (哪两件事, 哪三类企业, 哪几项工作). */
const QUESTION_MEASURES = [
  '件',
  '类',
  '种',
  '项',
  '批',
  '招',
  '条',
  '点',
  '步',
  '家',
  '位',
  '名',
  '张',
  '块',
  '次',
  '级',
  '层',
  '支',
];

export function listUnit(q: string): string {
  // People are counted in 人 (哪些成员 → 共三人).
  if (/成员|人员|哪些人|哪几(?:个|位)?人|都有谁|是谁/u.test(q)) return '人';
  const wide = /(?:哪|几)[一二两三四五六七八九十\d]*个?(方面|部分|环节|方向)/u.exec(q);
  // 哪三招 / 哪两件事: the measure the question itself uses — a measure word, or a character closing the question's
  // words (哪三服务 names the 三服务, it counts nothing in 服).
  const own = /哪(?:[两二三四五六七八九十]{1,2}|[2-9])(\p{Script=Han})(\p{Script=Han})?/u.exec(q);
  const measure = own?.[1] && (!own[2] || QUESTION_MEASURES.includes(own[1])) ? own[1] : undefined;
  return wide?.[1] ?? UNIT_RE.exec(q)?.[1] ?? (measure && measure !== '个' ? measure : '条');
}

const LAST_ITEM_RE = /最后(?:一)?(?:条|点|个|项|批|种|类|步|块|张)?/u;
const FIRST_ITEM_RE = /头一(?:条|点|个|项|批|种)/u;
// 第三档 / 第二季度 name a thing; only a measure word of a list (or nothing) makes an item number.
const NTH_ITEM_RES = [
  /第\s*([一二两三四五六七八九十]{1,3}|\d{1,2})\s*(?:条|个|点|项|种|款|步|部分|方面|类|批(?!次)|块|张|大|(?![\p{Script=Han}\d]))/u,
  /第\s*([一二两三四五六七八九十]{1,3}|\d{1,2})(?=呢|吗|是|讲|说|指|具体|展开|怎么|咋|啥|什么)/u,
  /(?<![A-Za-z])(?:[Nn][Oo]\.?|#)\s*(\d{1,2})(?!\d)/u,
];

/**
 * An ordinal that points into the previous answer's list: 第二条 / 第三批 / 第2个 / 最后一点 / 头一条.
 * Returns the item number, 'last', or null.
 */
export function followUpOrdinal(q: string): number | 'last' | null {
  if (LAST_ITEM_RE.test(q)) return 'last';
  if (FIRST_ITEM_RE.test(q)) return 1;
  for (const re of NTH_ITEM_RES) {
    const m = re.exec(q);
    if (m) return numeralValue(m[1] ?? '');
  }
  return null;
}

/** The question without the ordinal followUpOrdinal reads in it (“下一步第二条是啥” → “下一步 是啥”). */
export function withoutOrdinal(q: string): string {
  let out = q;
  for (const re of [LAST_ITEM_RE, FIRST_ITEM_RE, ...NTH_ITEM_RES]) out = out.replace(new RegExp(re.source, 'gu'), ' ');
  return out.replace(/\s+/gu, ' ').trim();
}

/** The number of items a list question announces (哪三种, 三张图, 六大员, 五大行动); null when none. */
export function expectedCount(q: string): number | null {
  // 哪三招 / 哪两件: 哪 with a count asks for that many, whatever the measure.
  const which = /哪([两二三四五六七八九十]{1,2}|[2-9])\p{Script=Han}/u.exec(q);
  if (which) return numeralValue(which[1]!);
  const m = new RegExp(
    `([两二三四五六七八九十]{1,2})(?:个|大|张|条|项|种|方面|件|批|[${COUNTED_NAME_SUFFIX}]|点|块|样|类|步)`,
    'u',
  ).exec(q);
  return m ? numeralValue(m[1]!) : null;
}

const INTERROGATIVE = /哪|多少|什么|啥|几|怎么|怎样|如何|是否|能否|可否|有没有|要不要|咋|为什么|为何|谁/u;
/** What only a status report says: an issue id, a visit or hand-off in the past, a report of the day. */
const REPORT_MARKERS =
  /Q-?\d{2,}|走访了|去了|回访了|调研了|已交办|交办给|已办结|已解决|已对接|已放款|已到账|销号|反映了|反映[：:]|今天|昨天|前天|上午|下午|刚才/iu;

/**
 * A plain policy question: short, ends with a question mark (or 吗/呢), asks with 哪/多少/什么/几/
 * 怎么 …, and says nothing only a status report says. For the router (src/app/classify.ts), so such a
 * message is answered rather than met with “这是要记录的进展，还是一个政策问题？”.
 */
export function isPlainQuestion(text: string): boolean {
  const t = text.trim();
  if (!t || [...t].length > 80) return false;
  if (!/(?:[?？]|吗|呢)\s*$/u.test(t)) return false;
  return INTERROGATIVE.test(t) && !REPORT_MARKERS.test(t);
}

/** A counted thing the question names: 几条原则 (asks 条 of 原则), 哪三个性, 三张图, 分几步. */
export interface CountedTarget {
  /** True when the count itself is asked (几/多少/哪几); false for a stated count (三张图, 哪三个性). */
  asksCount: boolean;
  /** The stated count (三张图 → 3), null when asked. */
  count: number | null;
  /** Measure word (条, 个, 张 …), null when none (几样 → 样 is one). */
  measure: string | null;
  /** The noun counted (原则, 性, 图, 街道), null when the question names none. */
  noun: string | null;
}

const COUNT_TOKEN =
  /^哪?(几|多少|[一二两三四五六七八九十]{1,2}|\d{1,2})(个|张|条|项|种|类|样|步|批|家|名|位|大|点|块|件|所|支|届|轮|期|次|方面|部分)?$/u;
const COUNTED_WORD =
  /^(几|多少|[一二两三四五六七八九十]{1,2}|\d{1,2})(个|张|条|项|种|类|样|步|批|家|名|位|大|点|块|件)(\p{Script=Han}{1,3})$/u;
/** Tokens after a count that are not the thing counted (question words, particles, verbs of asking). */
const NOT_A_NOUN = /^(?:是|啥|什么|呢|吗|么|的|了|啊|呀|吧|哪|哪些|都|有|要|来|来着|搞|分别|各|呗|嘛|就|还|也)$/u;

/**
 * The counted things a question names, from its tokens: a numeral or 几/多少/哪几 with a measure word,
 * and the noun right after it (几条原则 → 条 + 原则; 哪三个性 → 个 + 性; 分几步 → 步).
 */
export function countedTargets(q: string, segment: (text: string) => string[]): CountedTarget[] {
  const tokens = segment(q.replace(/\s+/gu, ' ')).filter((t) => t.trim());
  const out: CountedTarget[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let tok = tokens[i]!;
    // jieba may cut 哪 + 三个, or 几 + 个.
    if ((tok === '哪' || tok === '几') && i + 1 < tokens.length && COUNT_TOKEN.test(tokens[i + 1]!)) continue;
    // …or a numeral + 大 (三 + 大 + 攻坚 for 三大攻坚): one counted token, as 五大 is.
    if (
      /^[一二两三四五六七八九十]{1,2}$/u.test(tok) &&
      /^(?:大|个|条|项|种|类|张|批|点|件)$/u.test(tokens[i + 1] ?? '')
    ) {
      tokens[i + 1] = tok + tokens[i + 1]!;
      continue;
    }
    if (tok === '几' || tok === '多少') {
      const next = tokens[i + 1];
      if (next && /^(?:个|张|条|项|种|类|样|步|批|家|名|位|大|点|块|件)$/u.test(next)) {
        tok += next;
        i++;
      }
    }
    // A counted name whose items share one character (五化, 三员 — or 五 + 化): no measure, that character
    // is the noun (标准化、规范化…).
    const named = COUNTED_NAME_TOKEN.exec(tok) ?? COUNTED_NAME_TOKEN.exec(tok + (tokens[i + 1] ?? ''));
    if (named && !out.some((t) => t.noun === named[2] && t.count === numeralValue(named[1]!))) {
      if (named[0] !== tok) i++;
      out.push({ asksCount: false, count: numeralValue(named[1]!), measure: null, noun: named[2]! });
      continue;
    }
    // A counted name the tokenizer knows as one word (三张图, 六大员): count, measure and noun in one.
    const whole = COUNTED_WORD.exec(tok);
    if (whole) {
      const asks = whole[1] === '几' || whole[1] === '多少';
      out.push({ asksCount: asks, count: asks ? null : numeralValue(whole[1]!), measure: whole[2]!, noun: whole[3]! });
      continue;
    }
    const m = COUNT_TOKEN.exec(tok);
    if (!m) continue;
    const asks = m[1] === '几' || m[1] === '多少' || tok.startsWith('哪');
    const measure = m[2] ?? null;
    if (!asks && !measure) continue;
    const next = tokens[i + 1];
    const noun = next && /^\p{Script=Han}{1,4}$/u.test(next) && !NOT_A_NOUN.test(next) ? next : null;
    if (!measure && !noun) continue;
    out.push({ asksCount: asks && !tok.startsWith('哪'), count: asks ? null : numeralValue(m[1]!), measure, noun });
  }
  return out;
}

/** Measure words whose count belongs to one place's list (七大员, 十条措施), not to the topic. */
const LIST_COUNT_MEASURE = /^(?:大|条|项|点|张|种|类|件|块)/u;

/**
 * The text with the counts of its counted names taken off (“江山 七大员” → “江山 大员”, “十条措施” →
 * “条措施”): when a follow-up asks the same of another place, that place's list may count otherwise.
 */
export function withoutCounts(text: string, segment: (text: string) => string[]): string {
  const bare = /^(?:[一二两三四五六七八九十]{1,2}|\d{1,2})$/u;
  const part = (chunk: string) => {
    const toks = segment(chunk);
    return toks
      .map((tok, i) => {
        // jieba cuts 七 + 大员: a bare numeral before a word opening with a list measure.
        if (bare.test(tok)) return LIST_COUNT_MEASURE.test(toks[i + 1] ?? '') ? '' : tok;
        const m = COUNTED_WORD.exec(tok) ?? COUNT_TOKEN.exec(tok);
        if (!m || m[1] === '几' || m[1] === '多少' || tok.startsWith('哪') || !LIST_COUNT_MEASURE.test(m[2] ?? ''))
          return tok;
        return tok.slice(m[1]!.length);
      })
      .join('');
  };
  return text
    .split(/(\s+)/u)
    .map((x) => (/^\s*$/u.test(x) ? x : part(x)))
    .join('');
}

const NUMERAL_CHARS = '[一二两三四五六七八九十百千\\d]';

/** “七条原则” for 几条原则, “三步走” for 分几步: a count in the asked measure (and noun). */
export function countPhraseRe(t: CountedTarget): RegExp | null {
  if (!t.measure && !t.noun) return null;
  // 多少人: the noun is a measure word itself — the number kind reads it (“443名”, “1236人”), not a phrase.
  if (!t.measure && t.noun && COUNT_MEASURE.test(`多少${t.noun}`)) return null;
  // (…or in a measure counting the same kind of thing: 几块 → “三个部分”, 几点 → “五条”.)
  const measure = t.measure
    ? t.measure === '个'
      ? '个?'
      : `(?:${measureKin(t.measure)
          .map((m) => `${[...m].length > 1 ? '[个大]?' : ''}${escapeRegExp(m)}`)
          .join('|')})`
    : '(?:余|多)?[个名位项家件条批次]?';
  // (多少问题 → “15件事项”: a noun of the counted noun's class, data/retrieval/counted-things.txt, counts it too)
  const nouns = t.noun ? `(?:${kinOf('counted-things.txt', t.noun).map(escapeRegExp).join('|')})` : '';
  const noun = t.noun ? `[“"]?${nouns}` : '';
  // 多少问题 → “37个问题”, or the noun before its count: “问题71个”.
  const after = !t.measure && t.noun ? `|${nouns}${NUMERAL_CHARS}+` : '';
  return new RegExp(`${NUMERAL_CHARS}+${measure}${noun}${after}`, 'u');
}

/**
 * Clauses of a sentence that share the counted noun (政治性、时代性、规律性 for 哪三个性; 按政策办事、
 * 按规定办事 for 几个按): a one-character noun must open or close its clause.
 */
export function clausesSharing(sentence: string, noun: string): number {
  const clauses = sentence
    .split(/[、，,；;：:]|(?<=\p{Script=Han}{2})(?:和|与|及)(?=\p{Script=Han}{2})/u)
    .map((c) => c.trim().replace(/^[“"‘「]+|[”"’」。！？等]+$/gu, ''));
  const single = [...noun].length === 1;
  return clauses.filter((c) => (single ? c.startsWith(noun) || c.endsWith(noun) : c.includes(noun))).length;
}

/** “还有吗 / 还有别的吗 / 其他呢 / 还有没有”: more of what the previous answer gave. */
const MORE_RE =
  /^(?:那|那么)?(?:还有|另外|其他|其它|别的|此外)(?:吗|呢|没有|没|别的|其他的?|其它的?|啥|什么|哪些)*(?:吗|呢|没有|没)?[?？。!！\s]*$/u;

/**
 * The question without the words that ask for a list (哪几, 分几块, 有哪些 …): what it asks of the topic when the
 * list itself is known already (a follow-up that would get the previous answer's list again).
 */
export function withoutListCue(q: string): string {
  const global = (re: RegExp) => new RegExp(re.source, 'gu');
  return q.replace(global(LIST_RE), ' ').replace(global(ANSWER_KIND_CUES.list), ' ').replace(/\s+/gu, ' ').trim();
}

export function asksForMore(q: string): boolean {
  return MORE_RE.test(q.trim());
}

/** “政治建设的部分 / 这块 / 那一块 / 这方面”: the question names a section of a document. */
const SECTION_CUE = /(?:的|这|那)一?(?:部分|块|方面|节|章|段)/u;

export function namesSection(q: string): boolean {
  return SECTION_CUE.test(q);
}
