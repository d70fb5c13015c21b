/**
 * Which enterprise a message is about. Known enterprises (the deployment's list and the team's
 * bound enterprises) are matched by full name, by abbreviation (a short form that is a prefix of
 * exactly one known name: 华康 → 华康药业, 金鼎 → 金鼎金属材料有限公司) and by one-character typos
 * (七一电气 → 七一电器). Otherwise a company-name pattern (…化工, …科技集团, …有限公司) or the words
 * around a visit or a report (去了迈微, 格格屋反映) give the name as written.
 */
import { places } from '../../retrieval/constraints.js';
import {
  CADRE_TEAM_ENDINGS,
  COMPANY_SUFFIXES,
  ENTERPRISE_ENTRY_COUNTER,
  ENTERPRISE_ENTRY_ORDER,
  LOCALITY_BEFORE_NAME,
  LOCALITY_ENDINGS,
  MESSAGE_COURTESIES,
  NAME_CHARACTER_VARIANTS,
  NAME_STOPWORDS,
  ADVICE_OPENINGS,
  PLACES_AT_FIRM,
  PERSON_TITLES,
  PLACE_NAMES,
  PLACE_PREFIX,
  RECEIVE_VERBS,
  RECEIVED_THINGS,
  STRONG_COMPANY_SUFFIXES,
  TOPIC_AFTER_NAME,
  TRADE_NAME_CHARACTERS,
  COMMON_SURNAMES,
} from '../lexicon/enterprises.js';
import { CATEGORY_LEXICON } from '../lexicon/categories.js';
import { NAME_FILLERS, OWN_PROBLEM_CUES, REQUEST_CUES, VISIT_VERB_TYPOS } from '../lexicon/signals.js';
import { departmentAliases } from '../lexicon/departments.js';
import { ENTERPRISE_COLUMN_LABELS, HEADING_WORDS, TABLE_COLUMN_NOUNS } from '../lexicon/headings.js';
import { withSlashBreaks, type Span } from './normalize.js';
import { findStatuses } from './status.js';
import { findDepartments } from './department.js';
import { charsSoundAlike, homophoneTypoAt } from '../../text/sound.js';
import { defaultTokenizer } from '../../retrieval/tokenizer.js';

export interface EnterpriseHit extends Span {
  name: string;
  known: boolean;
  /** Taken from a chat one-liner's opening word only (no known name, no company ending, no context). */
  guessed?: boolean;
}

const LEGAL_ENDING = /(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|集团|公司|总厂)$/;
/** Longest first, then by code point: a total order, so matching never depends on how the lexicon lists them. */
const SUFFIXES_BY_LENGTH = [...new Set(COMPANY_SUFFIXES)].sort(
  (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
);
const SUFFIX_SET = new Set<string>(COMPANY_SUFFIXES);
const STOP = new Set(NAME_STOPWORDS);
const PLACES = new Set(PLACE_NAMES);
const STOP_BY_LENGTH = [...STOP].filter((w) => w.length >= 3);
const GENERIC_WORDS = new Set<string>([
  ...CATEGORY_LEXICON.flatMap((c) => c.words),
  ...departmentAliases().map((d) => d.alias),
  ...COMPANY_SUFFIXES,
]);
const CJK = /^[\u4e00-\u9fa5]+$/;
const CATEGORY_WORDS = new Set<string>(CATEGORY_LEXICON.flatMap((c) => c.words));
const CATEGORY_WORD_LIST = [...CATEGORY_WORDS];

/** Does `word` occur starting inside [from, end) and ending after `end`? */
function runsPast(text: string, word: string, from: number, end: number): boolean {
  for (let k = Math.max(from, end - word.length + 1); k < end; k++) if (text.startsWith(word, k)) return true;
  return false;
}
/** Fillers of dictated speech, longest first, as a regex alternation (lexicon/signals.ts NAME_FILLERS). */
const FILLER_ALT = [...NAME_FILLERS].sort((a, b) => b.length - a.length).join('|');
/** The end of a text that opens a clause in dictation: a filler (就是说, 那个, 嗯) or a blanked one (spaces). */
const SPOKEN_CLAUSE_START = new RegExp(`(?:${FILLER_ALT}|^[\\s,，]*|\\s{2,}|[,，]\\s*)$`);
const VISIT_OR_REPORT_BEFORE =
  /(?:^|[。;；!！?？\n】\]:：～~\t|｜]\s*)$|(?:^|\n)\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．)）]|[①-⑳])\s*$|(?:走访了?|拜访了?|调研了?|回访了?|去了?|到了?|跑了|来到|跟|和|接到|企业|公司|还有|以及)\s*$/;
/** Before a name whose ending is also a problem word (冷链物流): a visit or report word, or a clause start. */
const opensName = (before: string) =>
  VISIT_OR_REPORT_BEFORE.test(before) || SPOKEN_CLAUSE_START.test(before) || orderedEntryBefore(before);

/** A name's leading place (浙江, 杭州市, 越城区): the lexicon's pattern or any form in the place list. */
function stripPlace(name: string): string {
  let s = name.replace(PLACE_PREFIX, '');
  // Place names from data/retrieval/places.txt (越城, 柯城区): the longest form the name starts with.
  const form = places()
    .flatMap((p) => p.forms)
    .filter((f) => s.startsWith(f))
    .sort((a, b) => b.length - a.length)[0];
  if (form) s = s.slice(form.length);
  return s;
}

function coreOf(name: string): string {
  let s = name;
  const placeless = stripPlace(s);
  if (placeless.length >= 2 && placeless !== s) s = placeless;
  const legal = s.replace(LEGAL_ENDING, '');
  return legal.length >= 2 ? legal : s;
}

/**
 * `a` is `b` with one character mistyped: the two differ in exactly one character, and that one reads alike (七一电气
 * for 七一电器, 华糠药业 for 华康药业). A character that reads otherwise makes another name (华晟药业, 七一电机): an
 * unknown enterprise is kept as written, never snapped to a known one that merely shares characters.
 */
function hamming1(a: string, b: string): boolean {
  if (homophoneTypoAt(a, b) >= 0) return true;
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 1 && VARIANTS.has(`${a[diff[0]!]}${b[diff[0]!]}`);
}
/** Pairs of characters written for one another, both ways round (lexicon/enterprises.ts). */
const VARIANTS = new Set(NAME_CHARACTER_VARIANTS.flatMap(([x, y]) => [`${x}${y}`, `${y}${x}`]));

/** Starts with a company-name ending; returns it (longest first). */
/**
 * A company ending followed by one of these characters is the start of an ordinary word, not the end of a name
 * (扩建厂房, 厂区, 厂长; 科技局; 信息化; 技术员).
 */
const CONTINUES_WORD: Record<string, RegExp> = {
  厂: /^[房区长家里址商内外门部]/,
  科技: /^[局馆]/,
  信息: /^[化]/,
  技术: /^[员人]/,
  材料: /^[费]/,
};

function suffixAt(text: string, pos: number): string | null {
  for (const s of SUFFIXES_BY_LENGTH) {
    if (!text.startsWith(s, pos)) continue;
    if (CONTINUES_WORD[s]?.test(text.slice(pos + s.length))) continue;
    return s;
  }
  return null;
}

/** Characters that open a word about the enterprise's own premises or kind, not more of its name (新厂, 老厂, 总厂). */
const NOT_NAME_GAP = /^[新老原总分子本该各大小]/;

/**
 * A short form of a known name at [at, end) that is only the start of another name written out (七一电机 for no
 * 七一电器, 海纳川药业 for no 海纳半导体): a company ending that starts inside the short form and runs past it, or a
 * strong one (STRONG_COMPANY_SUFFIXES) that follows it after one or two more name characters — an ending the known core
 * does not have there. Such a name
 * is another enterprise, kept as written.
 */
function otherNameAt(text: string, at: number, end: number, core: string): boolean {
  for (let p = at + 1; p < end; p++) {
    const sfx = suffixAt(text, p);
    if (sfx && p + sfx.length > end && !core.startsWith(text.slice(at, p + sfx.length))) return true;
  }
  for (let gap = 1; gap <= 2; gap++) {
    const mid = text.slice(end, end + gap);
    if (!/^[\u4e00-\u9fa5]+$/.test(mid) || mid.length < gap) return false;
    if (BREAK_CHARS.test(mid) || NAME_FOLLOWER.test(mid) || NOT_NAME_GAP.test(mid) || suffixAt(text, end)) return false;
    const sfx = suffixAt(text, end + gap);
    // (金鼎招技术工人: an ending that opens a longer problem word is that word, no name's)
    if (!sfx || CATEGORY_WORD_LIST.some((w) => w.length > sfx.length && text.startsWith(w, end + gap))) return false;
    // (a strong ending only: a weak one — 科技, 机械 — after a short form is as often the matter as another name)
    if (STRONG_SUFFIXES.has(sfx) && !core.includes(mid) && plainName(text.slice(at, end + gap + sfx.length)))
      return true;
  }
  return false;
}

export interface EnterpriseMatcher {
  readonly names: readonly string[];
  /** Every known-enterprise mention in the text, earliest first, not overlapping `exclude`. */
  findKnown(text: string, exclude?: Span[]): EnterpriseHit[];
  /** Canonical form of a name if it is (an abbreviation or typo of) a known enterprise, else null. */
  canonical(name: string): string | null;
  /**
   * A short form written with a one-character typo (矽胜 for 矽盛, 金顶 for 金鼎): the known enterprise whose
   * abbreviation of that length it is, first character kept and no other known name as close; else null.
   */
  typoOf(name: string): string | null;
}

const matcherCache = new Map<string, EnterpriseMatcher>();

/**
 * `typed` is `word` read aloud and written down by ear (横大机械 for 恒达机械): the same length (4 at least), and every
 * character that differs — at most half of them — read alike.
 */
function soundsLikeName(typed: string, word: string): boolean {
  if (typed.length !== word.length || typed.length < 4 || typed === word) return false;
  let diff = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === word[i]) continue;
    if (++diff > typed.length / 2 || !charsSoundAlike(typed[i] as string, word[i] as string)) return false;
  }
  return true;
}

/**
 * `preferred`: the team's own enterprises. A short form or a misheard name that could stand for several known names
 * stands for the one the team is bound to, when exactly one of them is (金鼎 → the team's 金鼎新材料, not the
 * deployment's 金鼎金属材料有限公司).
 */
export function enterpriseMatcher(known: readonly string[], preferred: readonly string[] = []): EnterpriseMatcher {
  const names = [...new Set(known.map((k) => k.trim()).filter((k) => k.length >= 2))];
  const teamOwn = new Set(preferred.map((p) => p.trim()).filter((p) => names.includes(p)));
  const key = `${names.join('\u0001')}\u0002${[...teamOwn].join('\u0001')}`;
  /** Of several names a form could stand for, the one the team is bound to (exactly one), else null. */
  const theTeams = (candidates: Iterable<string>): string | null => {
    const mine = [...candidates].filter((n) => teamOwn.has(n));
    return mine.length === 1 ? (mine[0] as string) : null;
  };
  const cached = matcherCache.get(key);
  if (cached) return cached;

  // alias → names it could stand for
  const owners = new Map<string, Set<string>>();
  const own = (alias: string, name: string) => {
    if (alias.length < 2) return;
    if (!owners.has(alias)) owners.set(alias, new Set());
    owners.get(alias)!.add(name);
  };
  const cores = new Map<string, string>();
  for (const name of names) {
    const core = coreOf(name);
    cores.set(name, core);
    own(name, name);
    own(core, name);
    for (let k = 2; k < core.length; k++) own(core.slice(0, k), name);
  }
  const aliases: Array<{ alias: string; name: string }> = [];
  for (const [alias, set] of owners) {
    const name = set.size === 1 ? [...set][0]! : theTeams(set);
    if (!name) continue;
    if (alias !== name && alias !== cores.get(name) && (GENERIC_WORDS.has(alias) || STOP.has(alias))) continue;
    aliases.push({ alias, name });
  }
  aliases.sort((a, b) => b.alias.length - a.alias.length);

  function findKnown(text: string, exclude: Span[] = []): EnterpriseHit[] {
    const hits: EnterpriseHit[] = [];
    const free = (s: number, e: number) => ![...exclude, ...hits].some((t) => s < t.end && t.start < e);

    for (const { alias, name } of aliases) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(alias, from);
        if (at < 0) break;
        from = at + 1;
        let end = at + alias.length;
        if (!free(at, end)) continue;
        const core = cores.get(name)!;
        if (alias !== name && alias !== core && otherNameAt(text, at, end, core)) continue;
        if (alias !== name && alias !== core) {
          // The core written out with a one-character typo (七一电气 for 七一电器) is the known name;
          // an abbreviation followed by another company ending is a different company (华康化工).
          const windowCore = text.slice(at, at + core.length);
          const windowName = text.slice(at, at + name.length);
          if (windowName === name || hamming1(windowName, name)) end = at + name.length;
          else if (windowCore === core || hamming1(windowCore, core)) end = at + core.length;
          else {
            const sfx = suffixAt(text, end);
            if (sfx && !name.slice(alias.length).startsWith(sfx) && !core.slice(alias.length).startsWith(sfx)) {
              // 恒宇机械 for 恒宇精密机械: the short form with the name's own ending, a middle part left out, is
              // that enterprise; 华康化工 (an ending the known name does not have) is another company.
              // (金鼎公司 for 金鼎金属材料有限公司: a legal ending after the short form is that enterprise's own)
              if (!core.slice(alias.length).includes(sfx) && !LEGAL_ENDING.test(sfx)) continue;
              end += sfx.length;
            }
          }
        }
        // An abbreviation keeps characters of the name in order (云购电商 for 云购电子商务): the hit runs over the
        // characters that follow in the name's core, so no part of the name is left in the text.
        if (alias !== name && alias !== core && end === at + alias.length) {
          let k = alias.length;
          while (end < text.length) {
            const j = core.indexOf(text[end] as string, k);
            if (j < 0) break;
            k = j + 1;
            end++;
          }
        }
        // Swallow the rest of the full name when it is written out (金鼎 + 金属材料有限公司).
        if (
          text.startsWith(name.slice(alias.length), end) &&
          alias.length < name.length &&
          text.slice(at, at + name.length) === name
        ) {
          end = at + name.length;
        }
        if (free(at, end)) hits.push({ name, start: at, end, known: true });
      }
    }
    // One-character typos of the full name or of its core (华糠药业 → 华康药业).
    for (const name of names) {
      const core = cores.get(name)!;
      // the full name, its core, and a 4-character short form of the core (金鼎金属 typed 金顶金属)
      for (const form of new Set([name, core, ...(core.length > 4 ? [core.slice(0, 4)] : [])])) {
        if (form.length < 4) continue;
        for (let i = 0; i + form.length <= text.length; i++) {
          const w = text.slice(i, i + form.length);
          if (!CJK.test(w) || !free(i, i + form.length)) continue;
          // (one character mistyped; or the name written by ear, 横大机械 for 恒达机械)
          const close = (f: string) => hamming1(w, f) || soundsLikeName(w, f);
          if (!close(form)) continue;
          const rivals = names.filter((n) => n !== name && (close(n) || close(cores.get(n)!)));
          if (rivals.length === 0 || theTeams([name, ...rivals]) === name)
            hits.push({ name, start: i, end: i + form.length, known: true });
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  function canonical(raw: string): string | null {
    const s = raw.trim();
    if (!s) return null;
    if (names.includes(s)) return s;
    const hit = findKnown(s)[0];
    // The known mention must cover the whole name, or the name must be the known core plus a legal ending.
    if (
      hit &&
      hit.start === 0 &&
      (hit.end === s.length || LEGAL_ENDING.test(s.slice(hit.end)) || suffixAt(s, hit.end) === s.slice(hit.end))
    ) {
      return hit.name;
    }
    return null;
  }

  function typoOf(raw: string): string | null {
    const w = raw.trim();
    if (w.length < 2 || !CJK.test(w)) return null;
    const close = names.filter((n) => {
      const core = cores.get(n)!;
      if (core.length < w.length) return false;
      // 矽胜 for 矽盛 (sheng), 金顶 for 金鼎 (ding); 华晟 is no 华康 (sheng / kang)
      const at = homophoneTypoAt(w, core.slice(0, w.length));
      if (at > 0) return true;
      // 花康 for 华康 (hua): the first character mistyped only when read the same without merging sounds
      return at === 0 && homophoneTypoAt(w, core.slice(0, w.length), true) === 0;
    });
    return close.length === 1 ? close[0]! : theTeams(close);
  }

  const m: EnterpriseMatcher = { names, findKnown, canonical, typoOf };
  matcherCache.set(key, m);
  return m;
}

// ---------- names as written

/** Characters that do not occur inside company names: the name starts after the last of them. */
const BREAK_CHARS =
  /[的了是在们我你他她这那个些想要做把被让说吗呢吧已将还又都就很太更最没不无哪啥么给向对从为及或与跟同去到里叫趟赴缺该]/;
/** A one-character conjunction, which also begins names (同创, 和美, 与时). */
const CONJUNCTION_START = /^[与跟同和及]/;
/** Multi-character words that end the text before a name (…申请|反映|希望 + name). */
const BREAK_WORD_ALT =
  '申请|需要|希望|反映|提出|引进|招聘|缺少|帮忙|请求|要求|联系|接到|打给|电话|通知|关于|包括|比如|例如|属于|走访|拜访|调研|回访|看望|慰问|探访';
/** (the last of them in the text: no other one after it) */
const BREAK_WORDS = new RegExp(`(?:${BREAK_WORD_ALT})(?!.*(?:${BREAK_WORD_ALT}))`);
/** Words before a name that are not part of it. */
const LEAD_WORDS =
  /^(?:FYI|fyi|Fyi|today|Today|TODAY|team|Team|另据|又据|据悉|据|经|关于|对于|针对|另外|此外|前期|近期|近日|日前|此前|同时|还有|然后呢|然后|接着|随后|赴|前往|和|跟|与|同|陪同|今天|今日|今早|今晚|昨天|昨日|昨晚|当天|当日|前天|大前天|上午|中午|下午|晚上|早上|刚刚|刚才|刚|企业|公司|一?趟|一下|走访了?|拜访了?|调研了?|回访了?|走防了?|走仿了?|回仿了?|回防了?|拜仿了?|去了|到了|跑了|来到|(?:上|本|这)(?:周|星期|礼拜)[一二三四五六日天]|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]?|(?:[一二三四五六七八九十\d]{1,3}月)?[一二三四五六七八九十\d]{1,3}[日号]|\s)+/;

/** The same without the one-character conjunctions, which also begin names (同创, 和美, 与时). */
const LEAD_WORDS_KEEP_CONJ = new RegExp(LEAD_WORDS.source.replace('和|跟|与|同|', '').replace('据|经|', '据|'));

/** A name made only of heading and label words (记录, 标题, 走访安排 minus the verb): the frame of a report. */
const HEADING_NAME = new RegExp(`^(?:${[...HEADING_WORDS].sort((a, b) => b.length - a.length).join('|')})+$`);
/** Words of headings and labels that may stand inside a longer label (企业名称, 问题清单, 办理情况). */
const HEADING_PART = new RegExp([...HEADING_WORDS].filter((w) => w.length >= 2).join('|'));
/** A span of time or a count of times (暂停一周, 三个月, 两次): no name. */
const DURATION = /[一两二三四五六七八九十几半\d]+(?:个)?(?:周|天|日|月|年|次|轮|趟)/;

/** A surname and a title (王总, 刘科长): a person. */
const PERSON_NAME = new RegExp(
  `^[\u4e00-\u9fa5](?:${[...PERSON_TITLES].sort((a, b) => b.length - a.length).join('|')})$`,
);

function badName(name: string): boolean {
  // (a legal full name with its county may run longer: 临江县宏达新能源汽车零部件有限公司)
  if (name.length < 2 || name.length > (LEGAL_ENDING.test(name) ? 24 : 16)) return true;
  // (今早, 下午, 周三上午: words of time and the like before a name, and nothing else)
  if (!name.replace(LEAD_WORDS, '')) return true;
  if (PERSON_NAME.test(name)) return true;
  if (STOP.has(name)) return true;
  // (龙游, 开化县, 衢州市: a place alone is no enterprise)
  if (PLACES.has(name.replace(/(?:省|市|县|区)$/, ''))) return true;
  if (ADVICE_OPENINGS.some((w) => name.startsWith(w))) return true;
  if (HEADING_NAME.test(name) || DURATION.test(name)) return true;
  if (/^\d+$/.test(name)) return true;
  if (/^(?:[一两二三四五六七八九十几多各每某数\d]+|哪|这|那)(?:家|个|些)/.test(name)) return true;
  // a quantity is no name (到了一半, 到了一部分, 到了三成, 到了两百万)
  if (
    /^(?:[一两二三四五六七八九十百千万亿几多半\d]+|大|小)(?:半|部分|成|批|点|些|多|倍|[百千万亿]|元|块|人|名|天|月|年)?$|^(?:一半|一部分|一大半|大部分|小部分|部分|全部|一点|一些)/.test(
      name,
    )
  )
    return true;
  if (
    /企业|今天|昨天|明天|问题|情况|现场|一趟|一下|群里|计划|服务日|领导|老板|部门|工作|会议|确认|核实|结束|小结|汇总|总结|周报|月报|编号|那边|这边/.test(
      name,
    )
  )
    return true;
  for (const { alias } of departmentAliases()) if (name.endsWith(alias)) return true;
  // (去了新华村那边的绿野合作社: a village, town or street is where the enterprise is, not the enterprise)
  return /[局办委部]$|中心$|大队$|管委会$/.test(name) || LOCALITY_END.test(name) || GROUP_OF_CADRES.test(name);
}

const LOCALITY_END = new RegExp(`(?:${LOCALITY_ENDINGS.join('|')})$`);
/** A locality and 的 before a name (安平镇的宏达机械): the name's clean start. */
const LOCALITY_BEFORE = new RegExp(`${LOCALITY_BEFORE_NAME}\\s*$`);
/** Teams of cadres (专项督查组, 第三小组, 服务专班, 帮扶工作队): who reports, never the enterprise. */
const GROUP_OF_CADRES = new RegExp(`(?:${CADRE_TEAM_ENDINGS.join('|')})$`);

const STRONG_SUFFIXES = new Set<string>(STRONG_COMPANY_SUFFIXES);
const CLEAN_BEFORE =
  /(?:反映|提到|提出|走访|拜访|调研|回访|对接)的\s*$|(?:^|[\s,，。;；:：!！?？)）(（\]】[【“"「～~…—\d.、①②③④⑤⑥⑦⑧⑨⑩|｜])$|(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])[,，:：]?\s*$|(?:已|已经|正|正在|在)?(?:帮|帮助|协助|为|替|给)\s*$|(?:据|经|关于|对于|针对|另外|此外|还有|以及|赴|前往|走访了?|拜访了?|调研了?|回访了?|去了?|去的|到了?|跑了|来到|跟|和|与|同|陪同|今天|今早|昨天|前天|上午|下午|晚上|刚刚|刚才|[周期拜][一二三四五六日天]|[日号]|FYI|fyi|Today|today)(?:一?趟|一下)?\s*$|(?:企业|公司|厂子?|一家)?(?:名字)?(?:叫做?|名叫|名为)\s*$|(?:企业|公司|厂家)(?:名称|名字)?就?是\s*$|(?:^|[\s,，。]|我|我们|咱们?)(?:刚|刚刚|刚才)?从\s*$/;

/** A roll-up's entry counter (第二家是, 另一家) ending the text before a name: the name's position, as a list marker is. */
const ENTRY_COUNTER = new RegExp(ENTERPRISE_ENTRY_COUNTER, 'g');
/** A count of the enterprises visited (跑了三家宏达机械…): the entries' names follow it, as after a counter. */
const ENTERPRISE_COUNT = /[一两二三四五六七八九十几\d]+家(?:企业|公司)?/g;
const AFTER_ENTRY_COUNTER = new RegExp(`(?:${ENTERPRISE_ENTRY_COUNTER}|${ENTERPRISE_COUNT.source})\\s*$`);
/**
 * Before a name in dictation: a filler (走访了那个联宇机械, 就是说同济科技), an entry counter or a count of the
 * enterprises (第一家是正阳科技, 第二家华阳新材, 跑了三家宏达机械).
 */
const SPOKEN_BEFORE = new RegExp(`(?:${FILLER_ALT}|${ENTERPRISE_ENTRY_COUNTER}|${ENTERPRISE_COUNT.source})\\s*$`);
/** An entry's order word (一个是, 然后是) right before a name, in a roll-up that counted its enterprises before. */
const ORDERED_ENTRY_BEFORE = new RegExp(`${ENTERPRISE_ENTRY_ORDER}\\s*(?:${FILLER_ALT})?\\s*$`);
const COUNTED_BEFORE = new RegExp(`${ENTERPRISE_COUNT.source}`);
const orderedEntryBefore = (before: string) => ORDERED_ENTRY_BEFORE.test(before) && COUNTED_BEFORE.test(before);

/** Where a leading place name (PLACE_PREFIX) that covers position `k` of `run` starts, else null. */
const LISTED_PLACE_START = new RegExp(`^(?:${PLACE_NAMES.join('|')})`);
/** Tags of a one-character word that opens a clause, not a place (接, 到, 在, 是). */
const VERB_BEFORE_PLACE_TAGS = new Set(['v', 'p', 'c', 'd', 'u', 'r']);

/**
 * 接临江县天元光伏…, 到临江县锦华服饰…: a verb or preposition of one character right before a place of the county or
 * city pattern (临江县) is no part of the name; the name starts with the place.
 */
function withoutVerbBeforePlace(run: string): string {
  if (!/^[\u4e00-\u9fa5][\u4e00-\u9fa5]{2,3}(?:省|市|县|区)/.test(run)) return run;
  const [first, second] = defaultTokenizer().tagged(run.slice(0, 8));
  if (!first || !second || first.word.length !== 1 || !VERB_BEFORE_PLACE_TAGS.has(first.tag)) return run;
  return second.tag === 'ns' ? run.slice(1) : run;
}

function placeAround(run: string, k: number): number | null {
  for (let j = Math.max(0, k - 2); j <= k; j++) {
    const m = PLACE_PREFIX.exec(run.slice(j));
    // (是临江县…, 了临江县…: a break character opens a place only when a listed place begins with it — 无锡)
    if (j === k && m && !LISTED_PLACE_START.test(run.slice(j))) continue;
    if (m && j + m[0].length > k && run.length - j - m[0].length >= 2) return j;
  }
  return null;
}

/** The name part before a company ending at `sfxStart`: a run of name characters, lead words cut off. */
function nameBefore(text: string, sfxStart: number): { part: string; clean: boolean } | null {
  let i = sfxStart;
  while (i > 0 && sfxStart - i < 12 && /[\u4e00-\u9fa5A-Za-z]/.test(text[i - 1]!)) i--;
  let run = text.slice(i, sfxStart);
  // 2019年3月1日走访… : the 日 of a date is not part of the name
  if (i > 0 && /\d/.test(text[i - 1]!) && /^[日号年月]/.test(run)) run = run.slice(1);
  // cut after the last break word / character
  const bw = BREAK_WORDS.exec(run);
  if (bw) run = run.slice(bw.index + bw[0].length);
  // 三家第一家鼎盛机械: an entry counter (or a count of enterprises) ends the text before the name
  const counter = [...run.matchAll(ENTRY_COUNTER), ...run.matchAll(ENTERPRISE_COUNT)]
    .sort((a, b) => a.index + a[0].length - (b.index + b[0].length))
    .at(-1);
  if (counter) run = run.slice(counter.index + counter[0].length);
  // 宏达机械和恒信电子: a conjunction after a company ending joins two names
  for (let k = run.length - 1; k >= 2; k--)
    if (/[和与及]/.test(run[k]!) && SUFFIXES_BY_LENGTH.some((x) => run.slice(0, k).endsWith(x))) {
      run = run.slice(k + 1);
      break;
    }
  const words = breakFreeWords(run);
  for (let k = run.length - 1; k >= 0; k--) {
    if (BREAK_CHARS.test(run[k]!)) {
      // 浙江万里扬股份有限公司: a break character inside a word of the name (万里), leaving less than a name after it,
      // is part of the name
      if (run.length - k - 1 < 2 && words.has(k)) continue;
      // 无锡芯源: a place name holding a break character (无锡) begins the name, it does not end the text before it
      const place = placeAround(run, k);
      if (place !== null) {
        run = run.slice(place);
        break;
      }
      // 去了同创机械: a conjunction right after another break, leaving less than a name, begins the name
      const keep = /[与跟同和及]/.test(run[k]!) && run.length - k - 1 < 2 && (k === 0 || BREAK_CHARS.test(run[k - 1]!));
      run = run.slice(keep ? k : k + 1);
      break;
    }
  }
  const bare = withoutVerbBeforePlace(run.replace(LEAD_WORDS, ''));
  // 去了同创机械: a conjunction that leaves less than a name is the name's first character
  run = bare.length >= 2 ? bare : run.replace(LEAD_WORDS_KEEP_CONJ, '');
  // 去了下青禾食品: 下 after a motion verb is 一下 said short (a name starting with 下 is still read after 去了一下)
  if (run.length >= 3 && run[0] === '下' && /(?:去|到|跑|来)了\s*$/.test(text.slice(0, sfxStart - run.length)))
    run = run.slice(1);
  if (run.length < 2 || run.length > 10) return null;
  // A name part made only of company endings (智能制造) is an industry, not a name.
  if (SUFFIX_SET.has(run) || STOP.has(run)) return null;
  const start = sfxStart - run.length;
  if (
    CLEAN_BEFORE.test(text.slice(Math.max(0, start - 6), start)) ||
    SPOKEN_BEFORE.test(text.slice(0, start)) ||
    orderedEntryBefore(text.slice(0, start)) ||
    LOCALITY_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  ) {
    // 支持华亭机械发展, 推进智能制造: a clause opening with a verb of two characters and more words is no name, unless a
    // proper name follows the verb
    // (退回补材料: of three characters too when a second verb follows the first — an act, no name)
    const tokens = run.length >= 3 ? defaultTokenizer().tagged(run) : [];
    if (
      tokens.length >= 2 &&
      tokens[0]!.tag === 'v' &&
      [...tokens[0]!.word].length === 2 &&
      (run.length >= 4 || tokens[1]!.tag === 'v')
    ) {
      const proper = properNameEnd(run);
      return proper ? { part: proper, clean: true } : null;
    }
    return { part: run, clean: true };
  }
  // 已恢复万通汽车零部件授信: in prose, a name part the segmenter reads as a proper name after a verb (恢复 + 万通)
  const proper = properNameEnd(run);
  return proper ? { part: proper, clean: true } : { part: run, clean: false };
}

/** Tags of content words (numerals, nouns, names, adjectives, unknown words): a break character inside one is no break. */
const CONTENT_WORD_TAGS = new Set(['m', 'n', 'ng', 'ns', 'nz', 'nr', 'nrt', 'nt', 'j', 'a', 'x']);
/** Positions in `run` of characters inside a content word of two characters or more (万里 in 浙江万里扬). */
function breakFreeWords(run: string): Set<number> {
  const out = new Set<number>();
  if (run.length < 3) return out;
  let at = 0;
  for (const t of defaultTokenizer().tagged(run)) {
    const len = t.word.length;
    if (len >= 2 && CONTENT_WORD_TAGS.has(t.tag) && !STOP.has(t.word)) for (let j = at; j < at + len; j++) out.add(j);
    at += len;
  }
  return out;
}

/** Tags of a verb or a function word that may stand before a name in prose (恢复, 支持, 向, 已). */
const BEFORE_NAME_TAGS = /^(?:v|vd|vn|d|p|c|u|ad)$/;
/**
 * The end of `run` that is one proper name (nr, ns, nz, nt) of two or three characters, after verbs and function
 * words only (恢复万通 → 万通); else null. Words no dictionary knows (x) do not count: they are often joined verbs.
 */
function properNameEnd(run: string): string | null {
  if (run.length < 3) return null;
  const tokens = defaultTokenizer().tagged(run);
  const last = tokens[tokens.length - 1];
  if (!last || tokens.length < 2 || !['nr', 'ns', 'nz', 'nt'].includes(last.tag)) return null;
  const len = [...last.word].length;
  if (len < 2 || len > 3) return null;
  return tokens.slice(0, -1).every((t) => BEFORE_NAME_TAGS.test(t.tag)) ? last.word : null;
}

/** Nouns an industry word modifies (…项目, …设备, …生产线): after a weak ending they say it names no company. */
const MODIFIED_NOUN = /^(?:项目|设备|生产线|产线|车间|行业|产业|产品|技术|工艺|领域|板块|工程师|人才|专业)/;

/** Characters that may follow a whole name (function words, report and motion verbs, time words). */
const NAME_FOLLOWER = /[的了在说和与跟及那这有反提来今昨前上下已还也都又是去到找打请要想缺因]/;

/** Company names that end with a company ending (普康化工, 东汇科技集团, 常山宏达轴承有限公司). */
export function findSuffixNames(text: string, exclude: Span[] = []): EnterpriseHit[] {
  const hits: EnterpriseHit[] = [];
  for (let pos = 0; pos < text.length; pos++) {
    const sfx = suffixAt(text, pos);
    if (!sfx) continue;
    const before = nameBefore(text, pos);
    if (!before) continue;
    // extend over chained endings: 科技 + 集团, 轴承 + 有限公司
    let end = pos + sfx.length;
    let strong = STRONG_SUFFIXES.has(sfx);
    for (;;) {
      const more = suffixAt(text, end);
      if (!more) break;
      // 张记食品食品生产许可证: the ending said again begins the next word (a name never repeats its ending)
      if (text.slice(end - more.length, end) === more) break;
      // 电子 + 物流成本: an ending that starts a longer problem word is that word, not part of the name
      if ([...CATEGORY_WORDS].some((w) => w.length > more.length && text.startsWith(w, end))) break;
      // 嘉禾食品冷链车: after a full industry ending (食品), a weak one running into a noun (冷链 + 车) modifies that
      // noun, it ends no name (weak chains such as 智能装备, 精密机械 go on)
      const next = text[end + more.length] ?? '';
      // (天成纺织厂能评…: 厂 after an industry ending closes the name whatever follows — not 厂房, 厂长, 厂区, 厂里)
      const factory = more === '厂' && !/[房长区里家内外方址子]/.test(next);
      if (
        !factory &&
        strong &&
        !STRONG_SUFFIXES.has(more) &&
        /[\u4e00-\u9fa5]/.test(next) &&
        !NAME_FOLLOWER.test(next) &&
        !suffixAt(text, end + more.length)
      )
        break;
      strong ||= STRONG_SUFFIXES.has(more);
      end += more.length;
    }
    // 宏达包装制品有限公司: a legal ending a few characters on closes the name (制品 is no listed ending)
    const legal = /^([\u4e00-\u9fa5]{1,4}?)(?:股份有限公司|有限责任公司|有限公司|集团(?:股份)?有限公司|集团|公司)/.exec(
      text.slice(end),
    );
    if (legal && !LEGAL_ENDING.test(text.slice(pos, end)) && !BREAK_CHARS.test(legal[1]!)) end += legal[0].length;
    const start = pos - before.part.length;
    const name = text.slice(start, end);
    // 焊接机器人项目, 冷链物流设备: a weak ending before the thing it makes or does is an industry word, no name
    const modifies = !strong && MODIFIED_NOUN.test(text.slice(end));
    // 高新技术企业认定: a name that runs on into a longer stop word (a kind of enterprise, 研发中心) is part of that word
    const insideStop = STOP_BY_LENGTH.some((w) => w.length > name.length && text.startsWith(w, start));
    if (
      modifies ||
      insideStop ||
      (!strong && !before.clean) ||
      badName(name) ||
      [...exclude, ...hits].some((x) => start < x.end && x.start < end)
    )
      continue;
    // An ending that is also a problem word (冷链物流成本太高) makes a name only after a visit or report word;
    // a name part that is a problem word (…高企认定材料) makes none.
    const lastSfx = text.slice(pos, end);
    if (
      CATEGORY_WORDS.has(lastSfx) &&
      !opensName(text.slice(0, start)) &&
      !AFTER_ENTRY_COUNTER.test(text.slice(Math.max(0, start - 10), start))
    )
      continue;
    // 分拣包装工: a problem word running on past the ending (包装 + 工) makes it that word, not a name
    if (CATEGORY_WORD_LIST.some((w) => w.length >= 2 && runsPast(text, w, pos, end))) continue;
    if ([...CATEGORY_WORDS].some((w) => w.length >= 2 && before.part.includes(w))) continue;
    hits.push({ name, start, end, known: false });
    pos = end - 1;
  }
  return hits;
}

const TYPOS = VISIT_VERB_TYPOS.join('|');
/** A name right after a visit verb, up to punctuation or the next visit verb. */
const CONTEXT_AFTER_VISIT = new RegExp(
  String.raw`(?:(?:走访|拜访|调研|回访|${TYPOS})(?:了|的是)?|去了(?:一趟|一下|趟|下)?|去看了?|(?<![找收拿得办等遇提达迟做买])到了|来到|(?<=[天早午晚周期拜\d日号]|^)(?:去|到))(?:\s|${FILLER_ALT})*(?![完过好]|走访|拜访|调研|回访|${TYPOS})([\u4e00-\u9fa5A-Za-z]{2,10}?)(?=[,，。;；:：!！\s)）]|$|那边|这边|那儿|走访|调研|座谈|了解|看看|回访|拜访|${TYPOS}|${FILLER_ALT}|他们|她们|反映|说)`,
  'g',
);

/** Names listed after a visit verb and before their count (走了宏达机械、恒信两家, 走访了华康、七一电器这两家). */
const COUNTED_NAME_LIST = new RegExp(
  String.raw`(?:走访了?|拜访了?|调研了?|回访了?|${TYPOS}|(?:走|跑|去|看|转|到)了)\s*((?:[\u4e00-\u9fa5A-Za-z]{2,10}?[、和与及])+[\u4e00-\u9fa5A-Za-z]{2,10}?)\s*(?:这|那)?[两二三四五六七八九十几\d]+家`,
  'g',
);
/** Names listed after their count, in brackets or after a colon (走访企业4家（顺达物流、华康药业、嘉禾纸业）). */
const NAME_LIST_AFTER_COUNT = new RegExp(
  String.raw`(?:${ENTERPRISE_COUNT.source})\s*[(（:：]\s*((?:[\u4e00-\u9fa5A-Za-z]{2,12}?、)+[\u4e00-\u9fa5A-Za-z]{2,12}?)\s*(?=[)）。;；,，\n]|$)`,
  'g',
);
const NAME_AFTER_ENTRY_COUNTER = new RegExp(
  String.raw`${ENTERPRISE_ENTRY_COUNTER}[,，:：]?\s*([\u4e00-\u9fa5A-Za-z]{2,10}?)(?=\s*(?:[,，。;；:：!！)）]|$))`,
  'g',
);

const NAME_AFTER_ENTRY_ORDER = new RegExp(
  String.raw`(?<=^|[\s,，。;；:：])${ENTERPRISE_ENTRY_ORDER}[,，:：]?\s*(?:(?:${FILLER_ALT})\s*)?([\u4e00-\u9fa5A-Za-z]{2,10}?)(?=\s*(?:[\s,，。;；:：!！)）]|$))`,
  'g',
);

const RECEIVED_FROM = new RegExp(
  `(?:${RECEIVE_VERBS.join('|')})(?:了)?([\\u4e00-\\u9fa5A-Za-z]{2,10}?)(?:的|打来的|发来的)?(?:${RECEIVED_THINGS.join('|')})`,
  'g',
);

/** People of the enterprise written right after its name (丰源王总, 华瑞的负责人). */
const ENTERPRISE_PERSON = `的?(?:老板|老总|负责人|总经理|董事长|经理|财务|人事|厂长|[${COMMON_SURNAMES}][总厂])`;
const CONTACT_THEN_PERSON = new RegExp(
  `(?:跟|和|与|给|联系了?|致电|电话联系了?|约了|见了)\\s*([\\u4e00-\\u9fa5]{2,8}?)\\s*${ENTERPRISE_PERSON}`,
  'g',
);
const AT_PLACE = new RegExp(
  String.raw`(?:^|[\s,，。;；!！])(?:我们?|咱们?)?(?:今天|昨天|前天|上午|下午|早上|晚上|刚才|刚)?\s*在\s*([\u4e00-\u9fa5]{2,8}?)\s*(?:${PLACES_AT_FIRM.join('|')})`,
  'g',
);

/** A clause of only a name and 的, ending its sentence (…转给自规了，新凯达的). */
const TRAILING_OWNER = /(?<=[,，\s])([\u4e00-\u9fa5A-Za-z]{2,8})的\s*(?=$|[。!！\n])/g;

/** A name opening its clause, then "went there" (汇丰今天去了, 海纳那边去过了, 维和上午去看了). */
const NAME_THEN_VISITED =
  /(?<=^|[,，。;；!！\s])([\u4e00-\u9fa5A-Za-z]{2,8}?)(?=(?:那边|这边|那儿|这儿|那里)?\s?(?:我们|我)?\s?(?:今天|今早|昨天|前天|上午|下午|中午|刚才|刚刚|刚|\d{1,2}[号日])?\s?(?:也|已经|已)?(?:去过了?|去了|去看了?|跑了一?趟)(?![\u4e00-\u9fa5A-Za-z]{2}))/g;

/** A firm described by what it does or who runs it, then its name in brackets (做阀门的那家（宏阀流体）). */
const DESCRIBED_THEN_NAMED = /(?:那家|这家|的厂|厂子|那个厂)\s*[(（]([\u4e00-\u9fa5A-Za-z]{2,12})[)）]/g;
/**
 * A firm called by the person who runs it (老周的厂, 小陈的公司, 王总的厂), not followed by its name in brackets nor
 * running on into another word (厂房, 厂长).
 */
const PERSONS_FIRM = new RegExp(
  `(?:[老小][${COMMON_SURNAMES}]|[${COMMON_SURNAMES}](?:总|老板))的(?:厂|公司|作坊|店)(?![房长区里家内外门部子]|\\s*[(（])`,
  'g',
);

/** Names without a company ending, from their context: 去了迈微，/ 格格屋反映 / 企业（海星）. */
export function findContextNames(text: string, exclude: Span[] = []): EnterpriseHit[] {
  const hits: EnterpriseHit[] = [];
  const push = (name: string, start: number) => {
    const n = name.trim();
    const s = start + name.indexOf(n);
    // (汇丰今天去了 用电增容: a problem word after the visit is what was found there, no name)
    if (badName(n) || BREAK_CHARS.test(n) || GENERIC_WORDS.has(n)) return;
    if (exclude.some((x) => s < x.end && x.start < s + n.length)) return;
    hits.push({ name: n, start: s, end: s + n.length, known: false });
  };
  // after a visit verb, up to punctuation or the next visit verb
  for (const m of text.matchAll(CONTEXT_AFTER_VISIT)) {
    push(m[1]!, m.index + m[0].length - m[1]!.length);
  }
  // the names listed before their count (走了宏达机械、恒信两家): each is an enterprise
  for (const m of text.matchAll(COUNTED_NAME_LIST)) {
    let at = m.index + m[0].indexOf(m[1]!);
    for (const part of m[1]!.split(/([、和与及])/)) {
      if (!/^[、和与及]$/.test(part)) push(part, at);
      at += part.length;
    }
  }
  // the names listed after their count (走访企业4家（顺达物流、华康药业）): each is an enterprise
  for (const m of text.matchAll(NAME_LIST_AFTER_COUNT)) {
    let at = m.index + m[0].indexOf(m[1]!);
    for (const part of m[1]!.split('、')) {
      push(part, at);
      at += part.length + 1;
    }
  }
  // after a roll-up's entry counter (第二家是恒信，…), up to punctuation
  for (const m of text.matchAll(NAME_AFTER_ENTRY_COUNTER)) push(m[2]!, m.index + m[0].length - m[2]!.length);
  // after an entry's order word in a roll-up that counted its enterprises (跑了三家 先是海纳 没诉求 然后是…), up to a pause
  for (const m of text.matchAll(NAME_AFTER_ENTRY_ORDER))
    if (COUNTED_BEFORE.test(text.slice(0, m.index))) push(m[1]!, m.index + m[0].length - m[1]!.length);
  // at the start of a clause, before a report verb
  for (const m of text.matchAll(
    /(?:^|[,，。;；:：!！\s])((?:[\u4e00-\u9fa5A-Za-z]){2,10}?)(?=(?:的?(?:老板|老总|负责人|销售|财务|办公室|总经理|董事长|人事|经理|[王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高]总))?\s?(?:反映|来电|来函|提出|表示|反馈|说|在群里)|的(?:老板|负责人|销售|财务|办公室|总经理|董事长|人事|经理)|办公室)/g,
  )) {
    const raw = m[1]!;
    const name = raw.replace(LEAD_WORDS, '');
    push(name, m.index + m[0].length - name.length);
  }
  // 汇丰今天去了, 金鼎那边上午去过了: a name opening its clause, then the visit made there
  for (const m of text.matchAll(NAME_THEN_VISITED)) {
    const name = m[1]!.replace(LEAD_WORDS, '');
    if (NOT_A_NAME.test(name) && !tradeNameShape(name)) continue;
    // (纺织厂今天去了: a trade and a word for the firm is the team's firm of that trade, read as such — no name)
    if (WHOLE_TRADE_READINGS.some(([whole]) => whole.test(name))) continue;
    push(name, m.index + m[0].length - name.length);
  }
  // 接到中科锐能电话, 收到远帆船舶的来函
  for (const m of text.matchAll(RECEIVED_FROM)) push(m[1]!, m.index + m[0].indexOf(m[1]!, 2));
  // 跟丰源王总通了电话, 联系了华瑞的负责人: after a contact word, a name before a person of the enterprise
  for (const m of text.matchAll(CONTACT_THEN_PERSON)) push(m[1]!, m.index + m[0].indexOf(m[1]!));
  // 在鼎新那边开了座谈会: the place we were at
  for (const m of text.matchAll(AT_PLACE)) push(m[1]!, m.index + m[0].lastIndexOf(m[1]!));
  // …已经转给自规了，新凯达的: a clause of only a name and 的, closing a sentence whose act is said before it, names
  // whose matter it was
  for (const m of text.matchAll(TRAILING_OWNER)) {
    const name = m[1]!;
    const start = m.index + m[0].indexOf(name);
    const before = text.slice(0, start);
    if (!opensWithName(name) || NOT_A_NAME.test(name) || statusOrActionPhrase(name)) continue;
    if (!findStatuses(before).length && !findDepartments(before).length) continue;
    push(name, start);
  }
  // 做阀门的那家（宏阀流体）, 老周的厂（周氏精锻）: a firm described, then its name in brackets
  for (const m of text.matchAll(DESCRIBED_THEN_NAMED)) push(m[1]!, m.index + m[0].lastIndexOf(m[1]!));
  // 老周的厂, 王总的公司: a firm called by the person who runs it, kept as written (a name in brackets after it wins)
  // (its 的 is part of what the firm is called, so it is taken as said, not through push's checks of a name)
  for (const m of text.matchAll(PERSONS_FIRM))
    if (![...exclude, ...hits].some((x) => m.index < x.end && x.start < m.index + m[0].length))
      hits.push({ name: m[0], start: m.index, end: m.index + m[0].length, known: false });
  // 企业（名称） / 企业：名称
  for (const m of text.matchAll(
    /(?<![\u4e00-\u9fa5])(?:企业|公司|厂家)(?:名称)?\s*(?:[(（]([^)）]{2,16})[)）]|[:：]\s*([\u4e00-\u9fa5A-Za-z]{2,16}))/g,
  )) {
    const name = (m[1] ?? m[2])!;
    push(name, m.index + m[0].lastIndexOf(name));
  }
  return hits.sort((a, b) => a.start - b.start);
}

const TRADE_NAME_CHARACTER = new RegExp(`^[${TRADE_NAME_CHARACTERS}]{2,3}$`);
/**
 * A word of two or three trade-name characters only (宏图, 富民, 新源, 大华: lexicon TRADE_NAME_CHARACTERS) that is no
 * problem, department or company-ending word: the shape of a firm's short form, whatever a dictionary says of it.
 */
export function tradeNameShape(word: string): boolean {
  return TRADE_NAME_CHARACTER.test(word) && !GENERIC_WORDS.has(word) && !STOP.has(word) && !badName(word);
}

const HEAD_VERB_OPENING = /^(?:有|没有?|是|在|要|想)(?=[\u4e00-\u9fa5]{2})/;
const NOT_A_NAME =
  /^(?:去年|今年|明年|前年|上月|本月|上周|本周|年初|年底|目前|最近|近期|现在|当前|上次|这次|那次|上回|这回|之前|以前|此前|当时|先前|前期|前段|刚才|早先|后来|新|老|原|总|大|小)|厂区|园区|车间|项目|产品|员工|工人|政府|省里|市里|县里|银行|客户|对方|我们|他们|大家|有关|相关|各|本|^(?:反映|提出|提到|提了|来电|来函|反馈|表示|诉求|问题|情况)$/;

/** A sentence's head (after fillers at the message start: 就是说宏兴的那个环评), a name, then 的 / 那边 / 那个 …; or a
 * one-liner's opening word before a space. */
const COURTESY_ALT = [...MESSAGE_COURTESIES].sort((a, b) => b.length - a.length).join('|');
const TOPIC_AFTER_ALT = [...TOPIC_AFTER_NAME].sort((a, b) => b.length - a.length).join('|');
const HEAD_NAME = new RegExp(
  String.raw`(?:^(?:[\s,，!！↑⬆]|${FILLER_ALT}|${COURTESY_ALT})*|[。;；!！?？\s]\s*)((?:[\u4e00-\u9fa5A-Za-z]){2,12}?)(?=${TOPIC_AFTER_ALT})|^\s*(?!(?:${COURTESY_ALT})(?![\u4e00-\u9fa5]))([\u4e00-\u9fa5A-Za-z]{2,8})(?=\s+[\u4e00-\u9fa5\d])`,
  'g',
);

/**
 * Last resort: a name at the head of a sentence before 的 / 那边 / 这边 / 那个 (格格屋的电商奖励已兑现,
 * 迈微那边缺人). Only used when nothing else names an enterprise.
 */
export function findHeadNames(text: string, exclude: Span[] = []): Array<EnterpriseHit & { opener?: boolean }> {
  const hits: Array<EnterpriseHit & { opener?: boolean }> = [];
  for (const m of text.matchAll(HEAD_NAME)) {
    // (the second form: a one-liner that opens with a word and a space — "矽胜 缺工程师", "瑞丰 31号问题 done了" — kept
    // only when the word is a known enterprise mistyped or looks like a name, see findEnterprises)
    const whole = (m[1] ?? m[2])!.replace(LEAD_WORDS, '');
    const name = nameBeforeTopic(whole);
    const start = m.index + m[0].length - whole.length;
    if (
      name.length < 2 ||
      name.length > 8 ||
      badName(name) ||
      BREAK_CHARS.test(name) ||
      (NOT_A_NAME.test(name) && !tradeNameShape(name)) ||
      // (有冲突的私聊我, 没来的补报: a clause opening with a verb of being or having, no name)
      HEAD_VERB_OPENING.test(name) ||
      (m[2] && statusOrActionPhrase(name))
    )
      continue;
    if ([...GENERIC_WORDS].some((w) => w.length >= 2 && name.includes(w))) continue;
    if (exclude.some((x) => start < x.end && x.start < start + name.length)) continue;
    hits.push({ name, start, end: start + name.length, known: false, ...(m[2] ? { opener: true } : {}) });
  }
  // 北辰用地 销号, 瑞祥增容的事交电力了: a message opening with a word right before a problem word; 帮晨阳开拓市场,
  // 为锦程对接银行: a word after a beneficiary preposition — kept only when no dictionary knows the word (findEnterprises)
  // (绿源采茶工凑齐了: a message opening with a word of trade-name characters, which ends a word of its own there)
  for (const re of [BENEFICIARY_NAME, OPENER_BEFORE_TOPIC, TRADE_NAME_OPENER]) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    if (re === TRADE_NAME_OPENER && !(tradeNameShape(m[1]!) && wordEndsAt(text, start, start + m[1]!.length))) continue;
    const name = re === BENEFICIARY_NAME ? nameAt(text, start) : m[1]!;
    if (!name || badName(name) || (NOT_A_NAME.test(name) && !tradeNameShape(name)) || BREAK_CHARS.test(name)) continue;
    if ([...GENERIC_WORDS].some((w) => w.length >= 2 && name.includes(w))) continue;
    if ([...exclude, ...hits].some((x) => start < x.end && x.start < start + name.length)) continue;
    hits.push({ name, start, end: start + name.length, known: false, opener: true });
  }
  return hits;
}

/**
 * A head name that runs on into its topic (顺发租房子那个事): when the segmenter reads it as one word no dictionary
 * knows (or a proper name) of two or three characters followed by dictionary words only, the name is that first word.
 */
function nameBeforeTopic(run: string): string {
  if (run.length <= 3) return run;
  const tokens = defaultTokenizer().tagged(run);
  const [first, ...rest] = tokens;
  if (!first || !rest.length) return run;
  const len = [...first.word].length;
  if (len < 2 || len > 3 || !NAME_TAGS.has(first.tag) || first.tag === 'eng') return run;
  return rest.every((t) => t.tag !== 'x' && t.tag !== 'eng' && [...t.word].length >= 2) ? first.word : run;
}

const TOPIC_WORDS = [...CATEGORY_WORDS].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);
const OPENER_BEFORE_TOPIC = new RegExp(`^\\s*([\\u4e00-\\u9fa5]{2,3}?)(?:${TOPIC_WORDS.join('|')})`);
/** An entry's head: a word of two or three characters before its topic (的, 那边 …, a problem word) or a space. */
const ENTRY_HEAD = new RegExp(
  `^([\\u4e00-\\u9fa5]{2,3}?)(?=${TOPIC_AFTER_ALT}|${TOPIC_WORDS.join('|')}|[^\\S\\n]+[\\u4e00-\\u9fa5\\d])`,
);
const TRADE_NAME_OPENER = new RegExp(`^\\s*([${TRADE_NAME_CHARACTERS}]{2})(?=[\\u4e00-\\u9fa5])`);
/** Does the segmenter end a word at `end` reading the text from `start` (绿源|采茶工, not 东方|红 cut at 东方红)? */
function wordEndsAt(text: string, start: number, end: number): boolean {
  let at = start;
  for (const t of defaultTokenizer().tagged(text.slice(start, end + 6))) {
    at += t.word.length;
    if (at >= end) return at === end;
  }
  return true;
}
const BENEFICIARY_NAME = /(?:帮|帮助|协助|为|替)\s*([\u4e00-\u9fa5]{2,3})/;

/** The two or three characters at `start` that make one name: three when the segmenter reads them as one proper name. */
function nameAt(text: string, start: number): string | null {
  const three = text.slice(start, start + 3);
  if (/^[\u4e00-\u9fa5]{3}$/.test(three)) {
    const tokens = defaultTokenizer().tagged(three);
    if (tokens.length === 1 && tokens[0]!.tag !== 'x' && NAME_TAGS.has(tokens[0]!.tag)) return three;
  }
  const two = text.slice(start, start + 2);
  return /^[\u4e00-\u9fa5]{2}$/.test(two) ? two : null;
}

const LINE_LEAD =
  /^\s*(?:(?:\d{1,2}\s*[.、)）]|[(（]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十][、.]|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[./]\d{1,2}|(?:上|本)?周[一二三四五六日天]|[-•·*])\s*)*/;

/**
 * A line's label naming an enterprise and then the matter it updates, before a colon (立讯达SMT用工：人社对接中): the
 * part before the first problem word (and the Latin letters that qualify it — SMT, GMP), when that leaves a name.
 */
function nameBeforeLabelTopic(line: string): string | null {
  const label = /^([\u4e00-\u9fa5A-Za-z]{3,16})(?=\s*[:：])/.exec(line)?.[1];
  if (!label) return null;
  let cut = -1;
  for (const w of TOPIC_WORDS) {
    const at = label.indexOf(w);
    if (at >= 2 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut < 0) return null;
  const name = label
    .slice(0, cut)
    .replace(/(?<=[\u4e00-\u9fa5]{2})[A-Za-z]+$/, '')
    .replace(/的$/, '');
  return name.length >= 2 && name.length <= 8 ? name : null;
}

/** A line's heading that counts the enterprises visited or says the round made (跑了三家：, 转了一圈:), to its colon. */
const ENTRIES_HEADING = new RegExp(`^[^:：\\n]{0,16}?(?:${ENTERPRISE_COUNT.source}|[转跑走]了?一圈)\\s*[:：]\\s*`);

const LABEL_VISIT_END = new RegExp(`(?:走访|拜访|调研|回访|${TYPOS})$`);

/**
 * Roll-ups written as lines or list items that start with the enterprise as a label
 * ("12月3日 博远新材 一切正常", "2. 恒达科技：缺焊工"): the label before a space or colon.
 * Only for messages with at least two such lines or items.
 */
export function findLineHeadNames(text: string, exclude: Span[] = []): EnterpriseHit[] {
  const lines: Span[] = [];
  const re = /[^\n;；]+/g;
  for (const m of withSlashBreaks(text, '\n').matchAll(re)) lines.push({ start: m.index, end: m.index + m[0].length });
  // numbered items on one line (after a heading's colon too: 走了3家：①金马 没事 ②…): split before each marker
  const pieces: Span[] = [];
  for (const l of lines) {
    const body = text.slice(l.start, l.end);
    const cuts = [
      0,
      ...[...body.matchAll(/(?<=^|[\s。,，:：])(?:\d{1,2}\s*[.、)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])/g)]
        .map((m) => m.index)
        .filter((i) => i > 0),
    ];
    // (a heading that counts the enterprises before a colon — 今天跑了三家：同方 没事；… — opens the first entry)
    const heading = ENTRIES_HEADING.exec(body);
    if (heading && cuts.length === 1) cuts[0] = heading[0].length;
    for (const [i, c] of cuts.entries())
      pieces.push({ start: l.start + c, end: l.start + (cuts[i + 1] ?? body.length) });
  }
  if (pieces.length < 2) return [];
  const hits: EnterpriseHit[] = [];
  const headings: EnterpriseHit[] = [];
  for (const p of pieces) {
    const body = text.slice(p.start, p.end);
    const lead = LINE_LEAD.exec(body)?.[0] ?? '';
    // (the label may carry an aside before its colon: 光谷激光（周一）：…)
    const m = /^([\u4e00-\u9fa5A-Za-z]{2,8})(?=\s*(?:[(（][^()（）]{1,8}[)）]\s*)?[:：]|\s+\S|\s*$)/.exec(
      body.slice(lead.length),
    );
    // (a word alone on its line heads the lines under it — 宏达\n缺焊工…\n恒信\n贷款… — only as one of two such
    // headings or more, each with lines under it: alone, one word may be anything)
    const alone = m !== null && !body.slice(lead.length + m[1]!.length).trim();
    // (or with the matter the line updates: 绿野农业补贴：…, 立讯达SMT用工：… — the name is what comes before it)
    const generic = (n: string) => [...GENERIC_WORDS].some((w) => w.length >= 2 && n.includes(w));
    const topical = m && !generic(m[1]!) ? null : nameBeforeLabelTopic(body.slice(lead.length));
    if (!m && !topical) continue;
    // (a label may end with the visit it records: 晨光文具回访：…)
    const name = topical ?? m![1]!.replace(LABEL_VISIT_END, '');
    const start = p.start + lead.length;
    if (
      badName(name) ||
      HEADING_PART.test(name) ||
      /走访|调研|回访/.test(name) ||
      // (a one-character conjunction may begin a label's name: 同方, 和美)
      BREAK_CHARS.test(name.replace(CONJUNCTION_START, '')) ||
      NOT_A_NAME.test(name)
    )
      continue;
    if (generic(name)) continue;
    if ([...exclude, ...hits].some((x) => start < x.end && x.start < start + name.length)) continue;
    hits.push({ name, start, end: start + name.length, known: false });
    if (alone) headings.push(hits[hits.length - 1]!);
  }
  // (headings each followed by a line of their own, two at least; a heading under a heading is none)
  const headed = headings.filter((h) => {
    const next = pieces.find((p) => p.start > h.end && text.slice(p.start, p.end).trim());
    return next && !headings.some((o) => o.start >= next.start && o.start < next.end);
  });
  const drop = new Set(headed.length >= 2 ? headings.filter((h) => !headed.includes(h)) : headings);
  return hits.filter((h) => !drop.has(h));
}

/**
 * A phrase that says what happened or who handles it, no name: a status (消号, 已办结), a department, a problem word,
 * or a verb opening more words (退回补材料, 申请补助).
 */
function statusOrActionPhrase(cell: string): boolean {
  if (findStatuses(cell).length || findDepartments(cell).length) return true;
  if ([...GENERIC_WORDS].some((w) => w.length >= 2 && cell.includes(w))) return true;
  if (cell.length < 4) return false;
  const tokens = defaultTokenizer().tagged(cell);
  return tokens.length >= 2 && tokens[0]!.tag === 'v' && [...tokens[0]!.word].length === 2;
}

/** A word whose first token the segmenter knows as no common word (合盛, 汇丰, 长兴): a name may begin there. */
function opensWithName(word: string): boolean {
  const first = defaultTokenizer().tagged(word)[0];
  return Boolean(first && NAME_TAGS.has(first.tag));
}

/** A row's lead cells before its name: an issue id (blanked), a date, a label (新增, 本周办结), an aside in brackets. */
const ROW_LEAD_CELL = new RegExp(
  `^(?:\\d{1,3}(?=\\s|$)|(?:走访|拜访|调研|回访|${TYPOS})(?:记录)?|\\d{1,2}月\\d{1,2}[日号]?|\\d{1,2}[./]\\d{1,2}|(?:${[...HEADING_WORDS].sort((a, b) => b.length - a.length).join('|')})+|[(（][^()（）]{1,8}[)）])`,
);

/**
 * A pasted table row or a form one-liner (Q-0078\t合盛硅材\t人才公寓\t住建局\t…, Q-0103 立昂微 外贸订单下滑 商务局 …,
 * 博创 | 企业反映… | 经信局 | 已报): after the lead cells (an issue id, a date, a label), the first cell is the name
 * column when it is no status, department, problem or action phrase and more cells follow. Rows split by spaces only
 * count with a lead cell or an id before the name: a chat one-liner opening with a word is findHeadNames' call.
 */
export function findRowNames(text: string, exclude: Span[] = [], idSpans: readonly Span[] = []): EnterpriseHit[] {
  const hits: EnterpriseHit[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const body = line[0];
    const piped = /[\t|｜]/.test(body);
    const cells = [...body.matchAll(piped ? /[^\t|｜]+/g : /\S+/g)]
      .map((m) => ({ text: m[0].trim(), start: line.index + m.index + (m[0].length - m[0].trimStart().length) }))
      .filter((c) => c.text);
    if (cells.length < 3) continue;
    // 企业名称\t问题类型\t责任单位: a header row names columns (its cells are heading words with a little more)
    if (cells.filter((c) => HEADING_PART.test(c.text) && !/\d/.test(c.text)).length * 2 >= cells.length) continue;
    // (an issue id opening the line — blanked in the text — is the row's id column)
    const lead = line.index + (body.length - body.trimStart().length);
    const idBefore = idSpans.some((r) => r.start >= line.index && r.end <= lead);
    let led = idBefore;
    for (const [i, c] of cells.entries()) {
      let t = c.text;
      let at = c.start;
      for (let m = ROW_LEAD_CELL.exec(t); m; m = ROW_LEAD_CELL.exec(t)) {
        led = true;
        const rest = t.slice(m[0].length);
        at += t.length - rest.trimStart().length;
        t = rest.trimStart();
      }
      if (!t) continue;
      if (!piped && !led) break;
      if (i === cells.length - 1) break;
      if (
        !/^[\u4e00-\u9fa5A-Za-z]{2,12}$/.test(t) ||
        badName(t) ||
        HEADING_PART.test(t) ||
        BREAK_CHARS.test(t.slice(1)) ||
        NOT_A_NAME.test(t) ||
        statusOrActionPhrase(t) ||
        !opensWithName(t) ||
        // (the cells after the name say what happened: a problem, a department or a status)
        !cells.slice(i + 1).some((c) => statusOrActionPhrase(c.text))
      )
        break;
      if (![...exclude, ...hits].some((x) => at < x.end && x.start < at + t.length))
        hits.push({ name: t, start: at, end: at + t.length, known: false });
      break;
    }
  }
  return hits;
}

/** A cell of a table's header row: a heading word, or a short label ending in a column noun (问题描述, 走访日期). */
const COLUMN_LABEL_CELL = new RegExp(
  `^(?:[\\u4e00-\\u9fa5]{0,4}(?:${TABLE_COLUMN_NOUNS.join('|')})|(?:${[...HEADING_WORDS].sort((a, b) => b.length - a.length).join('|')})+)$`,
);
const ENTERPRISE_COLUMN = new RegExp(`^(?:${ENTERPRISE_COLUMN_LABELS.join('|')})$`);
/** How a table's cells are separated: tabs or bars, else runs of two spaces or more, else single spaces. */
const CELL_SEPARATORS = [/\s*[\t|｜]\s*/g, /\s{2,}/g, /\s+/g];

/** The cells of a line split at `sep` (global), empty ones kept, with their offsets from the line's start. */
function cellsAt(line: string, sep: RegExp): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (const m of line.matchAll(sep)) {
    out.push({ text: line.slice(from, m.index), start: from });
    from = m.index + m[0].length;
  }
  out.push({ text: line.slice(from), start: from });
  return out;
}

/**
 * The name column of a pasted table (序号|企业|问题|责任单位|进度, 问题\t企业\t进展, 序号  企业  诉求): under a header row
 * whose cells are all column labels and one of them an enterprise label, the cell in that column of each row below,
 * split the same way, names the row's enterprise — whatever the column's place, whatever the name's ending. A row
 * that does not split into the header's cells (a note under the table) ends it.
 */
export function findColumnNames(text: string, exclude: Span[] = []): EnterpriseHit[] {
  const hits: EnterpriseHit[] = [];
  const lines = [...text.matchAll(/[^\n]+/g)];
  for (let k = 0; k < lines.length; k++) {
    const header = lines[k]![0];
    const sep = CELL_SEPARATORS.find((re) => new RegExp(re.source).test(header.trim()));
    if (!sep) continue;
    const cells = cellsAt(header, sep).map((c) => c.text.trim());
    const labels = cells.filter(Boolean);
    if (labels.length < 3 || !labels.every((c) => COLUMN_LABEL_CELL.test(c))) continue;
    const col = cells.findIndex((c) => ENTERPRISE_COLUMN.test(c));
    if (col < 0) continue;
    for (let j = k + 1; j < lines.length; j++) {
      const row = lines[j]!;
      // (a bar table's rule line |---|---| is no row)
      if (!/[\u4e00-\u9fa5A-Za-z]/.test(row[0])) continue;
      const parts = cellsAt(row[0], sep);
      if (parts.length < Math.max(2, col + 1) || parts.length > cells.length + 1) break;
      const cell = parts[col]!;
      const name = cell.text.trim();
      const start = row.index + cell.start + (cell.text.length - cell.text.trimStart().length);
      if (
        !/^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z()（）]{1,24}$/.test(name) ||
        badName(name) ||
        HEADING_NAME.test(name) ||
        [...exclude, ...hits].some((x) => start < x.end && x.start < start + name.length)
      )
        continue;
      hits.push({ name, start, end: start + name.length, known: false });
    }
  }
  // (a name of the column said again elsewhere — in a note under the table — is that enterprise)
  for (const name of new Set(hits.map((h) => h.name))) {
    if (name.length < 3) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      if (![...exclude, ...hits].some((x) => at < x.end && x.start < at + name.length))
        hits.push({ name, start: at, end: at + name.length, known: false });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** All enterprise mentions (known ones, company-name patterns, context names), earliest first. */
/** `idSpans`: where the issue ids stood (blanked in `text`): a table row's id column. */
export function findEnterprises(
  text: string,
  known: readonly string[],
  exclude: Span[] = [],
  idSpans: readonly Span[] = [],
  preferred: readonly string[] = [],
): EnterpriseHit[] {
  const matcher = enterpriseMatcher(known, preferred);
  const knownHits = matcher.findKnown(text, exclude);
  const columnHits = findColumnNames(text, [...exclude, ...knownHits]);
  const taken = [...exclude, ...knownHits, ...columnHits];
  const suffixHits = findSuffixNames(text, taken);
  const contextHits = findContextNames(text, [...taken, ...suffixHits]);
  const lineHits = findLineHeadNames(text, [...taken, ...suffixHits, ...contextHits]);
  const rowHits = findRowNames(text, [...taken, ...suffixHits, ...contextHits, ...lineHits], idSpans);
  // A name found only by its place (去了矽胜, 金顶那边) that is a known short form with one character mistyped.
  const placed = (h: EnterpriseHit): EnterpriseHit => {
    const name = matcher.typoOf(h.name);
    return name ? { ...h, name, known: true } : h;
  };
  const hits = [
    ...knownHits,
    ...columnHits.map(placed),
    ...suffixHits,
    ...contextHits.map(placed),
    ...lineHits.map(placed),
    ...rowHits.map(placed),
  ].sort((a, b) => a.start - b.start || Number(b.known) - Number(a.known));
  // 走访金马和瑞丰纺织：金马…；瑞丰纺织…: a name joining two names by a conjunction, each said again alone in the
  // message, is the two
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i]!;
    if (h.known) continue;
    const said = text.slice(h.start, h.end);
    const k = said.search(/(?<=^[\u4e00-\u9fa5]{2,})[和与及跟](?=[\u4e00-\u9fa5]{2,}$)/);
    if (k < 0) continue;
    // (said again in full or by its first two characters: 宏达和恒信电子…恒信缺研发人员)
    const again = (part: string) => {
      const short = part.slice(0, 2);
      for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1))
        if (at < h.start || at >= h.end) return true;
      return false;
    };
    const first = said.slice(0, k);
    const second = said.slice(k + 1);
    if (!again(first) || !again(second)) continue;
    hits.splice(
      i,
      1,
      { name: first, start: h.start, end: h.start + k, known: false },
      { ...h, name: h.name === said ? second : h.name, start: h.start + k + 1 },
    );
  }
  // 蓝海那边… (蓝海生物): a short name that begins a fuller one named in the same message is that one
  for (const [i, h] of hits.entries()) {
    if (h.known) continue;
    const full = hits.find((o) => !o.known && o.name.length > h.name.length && o.name.startsWith(h.name));
    if (full) hits[i] = { ...h, name: full.name };
  }
  // 去了两家 一个是华鑫电子…华鑫没诉求: a name written out once is the message's own known name — its short form said
  // again anywhere in the message (no context needed) is that enterprise, as a listed enterprise's would be
  const written = [...new Set(hits.filter((h) => !h.known && h.name.length >= 4).map((h) => h.name))];
  if (written.length) {
    const local = enterpriseMatcher(written);
    for (const h of local.findKnown(text, [...exclude, ...hits])) {
      const said = text.slice(h.start, h.end);
      if (said.length >= 2 && said.length < h.name.length && coreOf(h.name).startsWith(said))
        hits.push({ ...h, known: false });
    }
    hits.sort((a, b) => a.start - b.start || Number(b.known) - Number(a.known));
  }
  if (hits.length) {
    // 本月销号：Q-0050 鑫达招工、Q-0054 七一电气道路: the other entries of a list whose entries open with a name
    // open with one too, said bare (鑫达 + its topic)
    const heads = findEntryHeadNames(text, hits, exclude, idSpans);
    if (heads.length) hits.push(...heads);
    hits.sort((a, b) => a.start - b.start || Number(b.known) - Number(a.known));
    return mergeRestated(text, hits);
  }
  return findHeadNames(text, exclude)
    .map((h) => ({ ...placed(h), opener: h.opener }))
    .filter((h) => !h.opener || h.known || (nameLike(h.name) && REPORT_AFTER_OPENER.test(text.slice(h.end))))
    .map(({ opener, ...h }) => (opener && !h.known ? { ...h, guessed: true } : h));
}

/** What ends an entry of a list before the next one: a line break, ；, 、, 。 or a run of spaces (not a colon: what follows it is the entry's matter). */
const ENTRY_BREAK = /[\n；;、。]|[^\S\n]+/g;

/**
 * Entries of a list (lines, items after ；/、, entries after an issue id or a space) of which one opens with an
 * enterprise already read: another entry opening with a word of the shape of a short form (nameLike: 鑫达, 锦程, 宏图)
 * right before its topic (鑫达招工, 鑫泰的地, 锦程 挡车工…) names that entry's enterprise. Parallel entries name
 * their enterprises in the same place; two named entries at least, or none is read.
 */
function findEntryHeadNames(
  text: string,
  hits: readonly EnterpriseHit[],
  exclude: readonly Span[],
  idSpans: readonly Span[],
): EnterpriseHit[] {
  const starts = new Set<number>([0, ...idSpans.map((r) => r.end)]);
  for (const m of text.matchAll(ENTRY_BREAK)) starts.add(m.index + m[0].length);
  const heads = new Set(
    [...starts].filter((s) => s < text.length).map((s) => s + (LINE_LEAD.exec(text.slice(s))?.[0].length ?? 0)),
  );
  const named = [...heads].filter((h) => hits.some((x) => x.start === h));
  if (!named.length) return [];
  const out: EnterpriseHit[] = [];
  for (const h of heads) {
    if ([...exclude, ...hits, ...out].some((x) => x.start <= h && h < x.end)) continue;
    const m = ENTRY_HEAD.exec(text.slice(h));
    const name = m?.[1];
    if (!name || !nameLike(name) || badName(name) || BREAK_CHARS.test(name)) continue;
    if (NOT_A_NAME.test(name) && !tradeNameShape(name)) continue;
    if ([...GENERIC_WORDS].some((w) => w.length >= 2 && name.includes(w))) continue;
    if ([...exclude, ...hits].some((x) => h < x.end && x.start < h + name.length)) continue;
    out.push({ name, start: h, end: h + name.length, known: false });
  }
  // (a name read before, said again heading an entry, is that name's entry: 博创…\n博创工程师人社在推)
  return named.length + out.length >= 2 ? out : [];
}

/** Between a name and its restatement: fillers and spaces only (浙江华通 那个 华通机电有限公司). */
const RESTATE_GAP = new RegExp(`^(?:\\s|${FILLER_ALT})+$`);

/**
 * A name said again in a fuller form right after a filler (浙江华通那个华通机电有限公司): the speaker repairs it, and the
 * two are one name — the restatement, after what the first said before the part both share (浙江 + 华通机电有限公司).
 */
function mergeRestated(text: string, hits: EnterpriseHit[]): EnterpriseHit[] {
  const out: EnterpriseHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    if (b && !a.known && !b.known && b.start >= a.end && RESTATE_GAP.test(text.slice(a.end, b.start))) {
      let k = Math.min(a.name.length, b.name.length - 1);
      while (k >= 2 && !a.name.endsWith(b.name.slice(0, k))) k--;
      if (k >= 2) {
        out.push({ name: a.name.slice(0, a.name.length - k) + b.name, start: a.start, end: b.end, known: false });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** "纺织厂", "电子厂那边", "物流公司": what the enterprise makes or does, then a word for the firm. */
const TRADE_REFERENCE = /([\u4e00-\u9fa5]{2,3}?)(?:厂|公司|那家|企业)/g;
/** 纸厂, 药厂: one character of trade before 厂, at the start of the text or after a break (not 工厂, 该厂, 本厂). */
const ONE_CHARACTER_TRADE = /(?<=^|[\s,，。;；:：、]|去了|走访了?)([^\s\p{P}工该本这那此全分总电])厂/gu;

const TRADE_READINGS: Array<[RegExp, (trade: string) => (name: string) => boolean]> = [
  [TRADE_REFERENCE, (trade) => (e) => e.includes(trade)],
  [ONE_CHARACTER_TRADE, (trade) => (e) => e.includes(`${trade}业`) || e.includes(`${trade}厂`)],
];

/**
 * A team's enterprise called by its trade (纺织厂今天去了, 电子厂的贷款到哪了): the trade word names it when exactly
 * one of the team's enterprises has that word in its name — a colleague's shorthand, never a guess among several.
 */
function findTradeReferences(text: string, teamEnterprises: readonly string[]): EnterpriseHit[] {
  // (纸厂 / 药厂: a one-character trade names the one enterprise whose name holds it as its trade — 华盛纸业, 华康药业)
  const hits: EnterpriseHit[] = [];
  for (const [pattern, ownedBy] of TRADE_READINGS)
    for (const m of text.matchAll(pattern)) {
      if (hits.some((h) => h.start < m.index + m[0].length && m.index < h.end)) continue;
      const owners = teamEnterprises.filter(ownedBy(m[1] as string));
      if (owners.length !== 1) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, name: owners[0] as string, known: true });
    }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * A name that is only a trade and a word for the firm (药厂, 纺织厂, 电子公司): the team's enterprises it may stand for
 * — one is that one (read by the parser), several are asked about, never an enterprise of its own. Empty when the
 * name is more than that.
 */
export function tradeOwners(name: string, teamEnterprises: readonly string[]): string[] {
  for (const [whole, ownedBy] of WHOLE_TRADE_READINGS) {
    const m = whole.exec(name.trim());
    if (m) return teamEnterprises.filter(ownedBy(m[1] as string));
  }
  return [];
}
/** The trade readings anchored to a whole name (tradeOwners). */
const WHOLE_TRADE_READINGS = TRADE_READINGS.map(
  ([pattern, ownedBy]) => [new RegExp(`^(?:${pattern.source})$`, 'u'), ownedBy] as const,
);

/** The names found, and a team enterprise called by its trade where no name was found, in text order. */
export function withTradeReferences<T extends Span>(
  hits: readonly T[],
  text: string,
  teamEnterprises: readonly string[],
): Array<T | EnterpriseHit> {
  const trades = findTradeReferences(text, teamEnterprises).filter(
    (t) => !hits.some((h) => h.start < t.end && t.start < h.end),
  );
  return trades.length ? [...hits, ...trades].sort((a, b) => a.start - b.start) : [...hits];
}

/**
 * A chat one-liner that opens with a word and a space ("科瑞 贷款 批了", "鑫旺 路灯 搞定"): the word names an
 * enterprise when the segmenter knows it as no common word (no dictionary entry, or a proper-name tag) and the rest
 * reports something (a category word or a status). The parse then carries an unknown enterprise, which is asked about.
 */
const NAME_TAGS = new Set(['x', 'nz', 'nr', 'nrt', 'ns', 'nt', 'eng']);
const REPORT_AFTER_OPENER = new RegExp(
  `${CATEGORY_WORD_LIST.filter((w) => w.length >= 2).join('|')}|批了|批下来|到账|到位|搞定|解决|办好|办结|done|ok|OK`,
);
/** Tags of words that make a clause, not a name: verbs, adverbs, pronouns. */
const CLAUSE_WORD_TAGS = new Set(['v', 'vn', 'vd', 'vi', 'd', 'ad', 'r']);
/** Tags of function words that open no name (inside one they may be a character of it: 佳和). */
const FUNCTION_WORD_TAGS = new Set(['p', 'c', 'u']);
/**
 * A name read by its company ending that reads as a name, not as words of a clause ending in an industry word
 * (急需半导体, 需拓展新能源, 影响原料进厂) or a common noun (主机厂): no verb, adverb or pronoun in it, no function word
 * opening it, no problem stated.
 */
export function plainName(name: string): boolean {
  if (!SUFFIXES_BY_LENGTH.some((x) => name.length > x.length && name.endsWith(x))) return false;
  if (OWN_PROBLEM_CUES.test(name) || REQUEST_CUES.test(name)) return false;
  const tokens = defaultTokenizer().tagged(name);
  // (主机厂: one common noun of the dictionary — a customer's kind, no name)
  if (tokens.length === 1 && tokens[0]!.tag === 'n') return false;
  return !FUNCTION_WORD_TAGS.has(tokens[0]?.tag ?? '') && tokens.every((t) => !CLAUSE_WORD_TAGS.has(t.tag));
}

function nameLike(word: string): boolean {
  if (tradeNameShape(word)) return true;
  const tokens = defaultTokenizer().tagged(word);
  if (tokens.length === 1) return NAME_TAGS.has(tokens[0]!.tag);
  // 兴达, 鑫旺达: only single characters — no word of the dictionary
  return tokens.every((t) => [...t.word].length === 1);
}
