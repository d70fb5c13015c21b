/**
 * Words that carry no topic: question words of chat questions (什么/哪些/怎么/多少/吗/呢 …) and
 * common function words. Dropped on both sides (documents and queries) so they neither score nor
 * form character bigrams; otherwise "什么条件" would look for the bigram "么条".
 */
import fs from 'node:fs';
import { dataFile } from '../config/data-files.js';

const QUESTION_WORDS = `
什么 什么样 什么时候 时候 啥 啥样 啥时候 是啥 啥意思 咋 咋样 咋办 干嘛 干啥 谁 是谁 都是谁 哪 哪些 哪个 哪里 哪儿 哪几 哪几个 哪一 哪种 哪类 哪家 哪位 哪年
怎么 怎么样 怎样 怎么办 如何 为什么 为何 多少 多久 多长 多大 多高 多远 几 几个 几种 几项 几条 几次 几年 几天 几名 几家 几批
吗 呢 吧 啊 呀 嘛 么 哦 哈 呗 啦 请问 请教 问问 问下 问一下 一下 想问 知道 了解 能否 能不能 可否 可不可以 是否 有没有 是不是 要不要
会不会 算不算 到底 究竟 一共 总共 共计 大概 大约 具体 意思 情况下 东西 那个 这个 那些 这些 那种 这种 那次 这次 就是 还是
`;

const FUNCTION_WORDS = `
的 了 着 过 地 得 之 其 是 在 和 与 及 以及 或 或者 等 等等 也 都 就 还 又 而 且 并 并且 对 对于 把 被 从 向 给 由 为 以 于 跟 让 将
我 我们 你 你们 您 他 他们 她 它 咱 咱们 自己 这 那 此 该 各 每 某 个 有 没有 没 要 会 能 可 可以 应 应该 需要 一 一个 上 下 中 里 内
所 所有 但 但是 如果 则 即 因为 所以 因此 然后 这样 那样 已 已经 曾 被 还有 另外 以及 若 即使 通过 进行 这里 那里 一些 有些 有关 关于
`;

/** data/retrieval/framing.txt: words a chat question frames its topic with (query side only). */
function readFraming(): Set<string> {
  const file = dataFile('retrieval', 'framing.txt');
  return fs.existsSync(file) ? parseWordList(fs.readFileSync(file, 'utf8')) : new Set();
}

/** Words of a list file: whitespace-separated, `#` starts a comment line. */
export function parseWordList(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    for (const w of t.split(/\s+/u)) if (w) out.add(w);
  }
  return out;
}

/**
 * Framing words of chat questions (篇, 说, 提到, 帮我查 …, data/retrieval/framing.txt): cut out of a
 * question like question words, but — unlike stop words — still indexed in passages.
 */
export const FRAMING_WORDS: ReadonlySet<string> = readFraming();

/** A token the query side drops: a stop word or a framing word. */
export function isQueryStopWord(token: string): boolean {
  return isStopWord(token) || FRAMING_WORDS.has(token);
}

/** Question words only (what a chat question adds around its topic). */
export const QUESTION_WORD_SET: ReadonlySet<string> = new Set(QUESTION_WORDS.split(/\s+/).filter(Boolean));

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${QUESTION_WORDS} ${FUNCTION_WORDS}`.split(/\s+/).filter(Boolean),
);

/** "几条", "多少个", "几项" …: a question about a count, whatever the measure word. */
const COUNT_QUESTION = /^(?:几|多少)[个条项名家人天次年月日号批种类部分位户份件届轮期级块点步张所座支套场组队]?$/u;

/** "第二条", "第三点", "最后一条": a position in a list the question refers to, not its topic. */
const ORDINAL_REFERENCE = /^(?:第[一二三四五六七八九十两\d]{1,3}|最后一)[条点项个款]$/u;

export function isStopWord(token: string): boolean {
  if (STOP_WORDS.has(token)) return true;
  if (ORDINAL_REFERENCE.test(token)) return true;
  const c = token.charCodeAt(0);
  return (c === 0x51e0 /* 几 */ || c === 0x591a) /* 多 */ && COUNT_QUESTION.test(token);
}

/**
 * A question word with a time measure word ("哪天", "几号", "哪一年"): jieba often cuts these as
 * 哪 + 天, and the measure word alone would then be searched for ("天" matches every "今天").
 */
const QUESTION_PHRASE = /(?:哪一?|几)[天年月号日时]/gu;

/** The question with its question phrases replaced by a break (query side only). */
export function stripQuestionPhrases(query: string): string {
  return query.replace(QUESTION_PHRASE, '，');
}

/**
 * The question with its question phrases set apart by commas (“车俊书记哪天批的” → “车俊书记，哪天，批的”):
 * the segmenter would otherwise glue the measure word to the next word (天批) and that made-up word
 * would count as a topic word no passage holds.
 */
export function isolateQuestionPhrases(query: string): string {
  return query.replace(QUESTION_PHRASE, (m) => `，${m}，`);
}
