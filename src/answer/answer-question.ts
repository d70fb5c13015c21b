/**
 * answerQuestion: follow-up rewrite → retrieval → grounded LLM answer (when configured) or the
 * extractive answer → validated citations; "not in the corpus" with the nearest topics otherwise.
 * Any LLM failure falls back to the extractive answer: the user always gets a reply.
 */
import { escapeRegExp } from '../text/regexp.js';
import type { SearchHit } from '../retrieval/types.js';
import { LlmError } from '../llm/types.js';
import type { AnswerDeps, AnswerOptions, AnswerResult, Passage, Turn } from './types.js';
import { numberPassages } from './passages.js';
import { countWord, extractiveAnswer, type ExtractiveAnswer } from './extractive.js';
import { validateCitations } from './citations.js';
import { groundedAnswer } from './grounded.js';
import { nearestTopics, notFoundText } from './not-found.js';
import {
  addedWords,
  addedWrittenWords,
  answerSlot,
  asksForRest,
  heldByPrevious,
  restOfAnswer,
  continuesTopic,
  placesIn,
  isFollowUp,
  namedItem,
  namesOwnTopic,
  ordinalTopicWords,
  ruleRewrite,
  standaloneQuery,
  swappedSlot,
  type SlotSwap,
  topicRewrite,
  topicWordsRewrite,
} from './followup.js';
import { asksForMore, withoutListCue, cnNumeral, followUpOrdinal, listUnit, questionKind } from './question-kind.js';
import { askedKinds, holdsKind } from '../retrieval/confidence.js';
import { allChunks, locate, type DocView, type DocumentViews } from './documents.js';
import { inlineItems, itemMarker, listAround, sectionScope } from './lists.js';
import { citationFor } from './citations.js';
import { charLength, endSentence, splitSentences } from './text.js';
import { matchForm, queryTerms, tokenizerFor, wordWeight, type TermTokenizer } from './terms.js';
import type { Retriever } from '../retrieval/types.js';
import { documentViews } from './documents.js';
import { replyProgress } from '../messaging/progress.js';
import { constraintHaystack, places } from '../retrieval/constraints.js';

const RETRIEVE_K = 6;
const LLM_PASSAGES = 5;
/** Score multiplier for passages from the documents the previous answer cited (follow-ups). */
const FOLLOW_UP_BOOST = 1.3;

/** Follow-ups: prefer passages from the documents cited in the previous turn. */
export function biasToDocs(hits: SearchHit[], docIds: string[]): SearchHit[] {
  if (docIds.length === 0) return hits;
  const prev = new Set(docIds);
  return hits
    .map((h) => ({ h, s: prev.has(h.chunk.docId) ? h.score * FOLLOW_UP_BOOST : h.score }))
    .sort((a, b) => b.s - a.s)
    .map((x, i) => ({ ...x.h, rank: i + 1 }));
}

/**
 * Passages for the LLM: the one the extractive answer drew on first, then the rest of its document,
 * then the others; renumbered [1]..[k] in that order.
 */
export function evidenceFirst(passages: Passage[], n: number | null): Passage[] {
  const first = passages.find((p) => p.n === n);
  if (!first) return passages;
  const doc = first.chunk.docId;
  const ordered = [
    first,
    ...passages.filter((p) => p !== first && p.chunk.docId === doc),
    ...passages.filter((p) => p.chunk.docId !== doc),
  ];
  return ordered.map((p, i) => ({ ...p, n: i + 1 }));
}

/** How much a word of the previous topic weighs beside one of the message's own, in previousDocumentHits. */
const TOPIC_WEIGHT = 0.25;

/** Chunks of the previous answer's document that hold the follow-up's own words, best first (at most 2). */
export function previousDocumentHits(
  retriever: Retriever,
  docId: string,
  added: string,
  tokenizer: TermTokenizer,
  context = '',
): SearchHit[] {
  const terms = queryTerms(added, tokenizer);
  // Words weigh by specificity; character bigrams (省千人 → 省千, 千人) count for a partial match.
  const words = [...terms.words, ...terms.bigrams];
  if (words.length === 0) return [];
  // The previous topic's words (after a refused turn: its question's) only break ties between passages that
  // hold the message's own words: what the message asks leads.
  const topic = queryTerms(context, tokenizer).words.filter((w) => !words.includes(w));
  const scored = allChunks(retriever)
    .filter((c) => c.docId === docId)
    .map((c) => {
      const form = matchForm(c.text);
      const own = words
        .filter((w) => form.includes(w))
        .reduce((s, w) => s + (terms.words.includes(w) ? wordWeight(w) : 1), 0);
      const around = topic.filter((w) => form.includes(w)).reduce((s, w) => s + wordWeight(w), 0);
      return { c, hits: own > 0 ? own + TOPIC_WEIGHT * around : 0 };
    })
    .filter((x) => x.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 2);
  const top = scored[0]?.hits ?? 0;
  return scored
    .filter((x) => x.hits >= top * 0.99)
    .map((x, i) => ({ rank: i + 1, chunk: x.c, score: Number.MAX_SAFE_INTEGER }));
}

/** Sentences after the previous answer's last one, in its paragraph, that a follow-up may continue with. */
const NEAR_SENTENCES = 3;

/**
 * The sentences of its document the previous answer said (their indexes in the document's view, in order): those
 * whose first 20 characters the answer holds. Null for a refused turn, or when none is found.
 */
function saidSentences(retriever: Retriever, prev: Turn): { view: DocView; at: number[] } | null {
  const chunkId = prev.memory?.chunkId;
  if (!chunkId || prev.memory?.refused) return null;
  const chunk = allChunks(retriever).find((c) => c.id === chunkId);
  if (!chunk) return null;
  const view = documentViews(retriever).view(chunk.docId, [chunk]);
  const said = prev.answerSummary.replace(/\[\d+\]|\s+|…$/gu, '');
  const at: number[] = [];
  view.sentences.forEach((s, i) => {
    const head = s.text.replace(/\s+/gu, '').slice(0, 20);
    if (charLength(head) >= 12 && said.includes(head)) at.push(i);
  });
  return at.length ? { view, at } : null;
}

/**
 * “剩下的呢”, “还举了别的例子没” after an answer whose sentence went on past what answered the question (“…9件得到
 * 及时协调解决，6件交办经信、人社等部门办理”, “…；又如…”): that rest (followup.ts restOfAnswer), cited from its
 * passage. Null when the message names a topic of its own, or the previous answer holds nothing past its answer.
 */
function restOfPrevious(question: string, prev: Turn, retriever: Retriever): AnswerResult | null {
  const tokenizer = tokenizerFor(retriever);
  if ((prev.memory?.items?.length && !prev.memory.inline) || !asksForRest(question, tokenizer)) return null;
  const said = saidSentences(retriever, prev);
  if (!said) return null;
  const sentences = said.at.map((i) => said.view.sentences[i]!);
  const rest = restOfAnswer(sentences.map((x) => x.text).join(''), prev.standaloneQuery || prev.question, tokenizer);
  if (!rest) return null;
  const head = matchForm(rest).slice(0, 12);
  const from = sentences.find((x) => matchForm(x.text).includes(head)) ?? sentences[sentences.length - 1]!;
  const chunk = allChunks(retriever).find((c) => c.id === from.chunkId);
  if (!chunk) return null;
  const text = endSentence(rest);
  return {
    answer: `此外，原文还提到：${text}[1]`,
    grounded: true,
    citations: [citationFor(1, { n: 1, chunk, score: 1 }, text)],
    standaloneQuery: prev.standaloneQuery,
    mode: 'extractive',
    topics: [],
    followUp: true,
    memory: { chunkId: chunk.id },
  };
}

/**
 * The sentences right after what the previous answer quoted (same paragraph, at most NEAR_SENTENCES),
 * in match form, and the chunk holding the first of them: “来了几趟” after “毛光烈帮了啥忙” is most often
 * answered by the next sentence (“短短一年多时间，6次带领…来江调研”).
 */
function nearPrevious(retriever: Retriever, prev: Turn): { near: Set<string>; chunkId: string | null } {
  const none = { near: new Set<string>(), chunkId: null };
  const said = saidSentences(retriever, prev);
  if (!said) return none;
  const { view } = said;
  const last = said.at[said.at.length - 1]!;
  const near = new Set<string>();
  let first: string | null = null;
  for (let i = last + 1; i < view.sentences.length && near.size < NEAR_SENTENCES; i++) {
    const s = view.sentences[i]!;
    if (s.para !== view.sentences[last]!.para) break;
    near.add(matchForm(s.text));
    first ??= s.chunkId;
  }
  return { near, chunkId: first };
}

/**
 * Does an answer say again what the previous one said: start as it did, or stand inside it (a tail of the
 * previous answer's sentence is no new answer) — its first 40 characters, markers and spaces aside.
 */
export function sameAnswer(answer: string, previous: Turn | string, tokenizer?: TermTokenizer): boolean {
  const c = (t: string) => t.replace(/\[\d+\]|\s+/gu, '').replace(/…$/u, '');
  const a = c(answer);
  const p = c(typeof previous === 'string' ? previous : previous.answerSummary);
  if (a.length === 0 || p.length === 0) return false;
  if (a.slice(0, 40) === p.slice(0, 40)) return true;
  if (typeof previous === 'string' || charLength(a) < 12 || !p.includes(a.replace(/。$/u, '').slice(0, 40)))
    return false;
  // A part of the previous answer: said again when it holds the clause that answered the previous
  // question (the clause with most of its words); another part of that sentence is news to the user.
  const words = queryTerms(previous.standaloneQuery || previous.question, tokenizer).words;
  const clauses = p.match(/[^，,；;：:。！？]+[，,；;：:。！？]?/gu) ?? [p];
  let best = '';
  let most = 0;
  for (const cl of clauses) {
    const form = matchForm(cl);
    const n = words.filter((w) => form.includes(w)).length;
    if (n > most) {
      most = n;
      best = cl;
    }
  }
  return most > 0 && a.includes(best.replace(/[，,；;：:。！？]$/u, ''));
}

/** Longest body of an item fetched by a follow-up (“第二条具体咋做”), characters. */
const ITEM_BODY = 260;

/**
 * What an item says after its first sentence, up to the next item of its own or an outer level: its
 * sentences (at most ITEM_BODY characters), or — when it holds a list of its own (“（三）坚持笃学实干严管…
 * 一是…二是…三是…”) — that list's items with their count.
 */
function itemBodyText(view: DocView, at: number, item: string, next?: string): string {
  const nextKey = next ? next.replace(/\s+/gu, '').slice(0, 10) : null;
  const scope = sectionScope(view, at).filter((i) => !item.includes(view.sentences[i]!.text.replace(/[。；;]$/u, '')));
  // Only a marked item (（三）…, 3、…) has items of its own; a clause of a list written in one sentence has none.
  const firstMarked = itemMarker(view.sentences[at]!.text)
    ? scope.find((i) => itemMarker(view.sentences[i]!.text))
    : undefined;
  const inner = firstMarked !== undefined ? listAround(view, firstMarked) : null;
  if (inner && inner.starts.length >= 2) {
    const heads = inner.starts.map((i) => view.sentences[i]!.text.replace(/[。；;，,]$/u, ''));
    const before = scope
      .filter((i) => i < inner.starts[0]!)
      .map((i) => view.sentences[i]!.text)
      .join('');
    const lead = before && charLength(before) <= 80 ? before.replace(/[：:。；;，,]$/u, '，') : '';
    return `${lead}共${countWord(heads.length, '条')}：${heads.join('；')}。`;
  }
  let body = '';
  const para = view.sentences[at]!.para;
  for (const i of scope) {
    const s = view.sentences[i]!.text;
    if (itemMarker(s) || (nextKey && s.replace(/\s+/gu, '').startsWith(nextKey))) break;
    // The last item's section runs on into the text after the list (a closing paragraph): its body is
    // the rest of its own paragraph — or, for a bare heading, the paragraph under it.
    if (!next && view.sentences[i]!.para !== para && (body !== '' || splitSentences(item).length > 1)) break;
    if (!next && body !== '' && view.sentences[i]!.para !== view.sentences[i - 1]!.para) break;
    if (charLength(body) + charLength(s) > ITEM_BODY) break;
    body += s;
  }
  return body;
}

/** Longest item of a list of names whose items are shown in their sentence (item N follow-ups). */
const INLINE_NAME_MAX = 10;

/**
 * Where item k of a list written inline stands in the text: from the start of the item before it (or
 * the item itself, when first) to the end of the item after it (or of its clause, when last). Null when the text does not hold the item.
 */
export function inlineContext(text: string, items: string[], k: number): string | null {
  const flat = text.replace(/\s+/gu, '');
  const key = (t: string) => t.replace(/\s+|[。；;，,]$/gu, '');
  const item = key(items[k] ?? '');
  // Only a run of short names (“…、效率革命督导员等“六大员””): a clause-long item says enough by itself. (Most
  // items short: a last item read on into the rest of its sentence does not make the others clauses.)
  const short = items.filter((t) => charLength(key(t)) <= INLINE_NAME_MAX).length;
  if (charLength(item) < 2 || charLength(item) > INLINE_NAME_MAX || short * 2 <= items.length) return null;
  const prev = k > 0 ? key(items[k - 1]!) : '';
  let at = -1;
  let from = -1;
  if (prev) {
    // The item right after the one before it (“凝聚师生有力、服务师生有力”).
    const pair = new RegExp(`${escapeRegExp(prev)}(?:、|和|及|与)${escapeRegExp(item)}`, 'u').exec(flat);
    if (pair) {
      from = pair.index;
      at = pair.index + pair[0].length - item.length;
    }
  }
  if (at < 0) {
    at = flat.indexOf(item);
    if (at < 0) return null;
    // The first item from the start of its clause (“设立政策宣讲员”).
    const before = flat.slice(0, at);
    from = Math.max(...['，', ',', '。', '；', ';', '：', ':', '！', '？'].map((p) => before.lastIndexOf(p))) + 1;
  }
  // A middle item with the item after it, when that one follows right on (“…调解员、安全监督员”): its place in the run.
  const next = k < items.length - 1 ? key(items[k + 1]!) : '';
  if (next && charLength(next) <= INLINE_NAME_MAX) {
    const joined = new RegExp(`^(?:、|和|及|与)${escapeRegExp(next)}`, 'u').exec(flat.slice(at + item.length));
    if (joined) return flat.slice(from, at + item.length + joined[0].length);
  }
  if (k < items.length - 1) return flat.slice(from, at + item.length);
  // The last item to the end of its clause (“…环境整治员等“五员”岗位”).
  const rest = flat.slice(at + item.length);
  const end = rest.search(/[，,。；;！？]/u);
  return flat.slice(from, at + item.length + (end < 0 ? rest.length : end));
}

/**
 * “第二条/第三批/最后一点” after an answer: item N of the list the previous answer gave — only when it
 * was a list; otherwise say so plainly (never make “第一条：…” out of an ordinary sentence).
 */
async function ordinalFollowUp(
  question: string,
  prev: Turn,
  ordinal: number | 'last',
  deps: AnswerDeps,
): Promise<AnswerResult> {
  const items = prev.memory?.items ?? [];
  const asked =
    /(?:第\s*(?:[一二两三四五六七八九十]{1,3}|\d{1,2})|最后一?|头一)\s*(条|个|点|项|种|批|块|张|步|方面)/u.exec(
      question,
    )?.[1];
  const unit = prev.memory?.unit && prev.memory.unit !== '条' ? prev.memory.unit : (asked ?? prev.memory?.unit ?? '条');
  const base = { standaloneQuery: ruleRewrite(question, [prev]), topics: [], followUp: true };
  if (items.length === 0) {
    const text = prev.memory?.refused
      ? '上一个问题没有在资料库中找到答案，所以没有可以按序号取的内容。请把问题说完整再问一次。'
      : `上一个回答不是分条列举的内容，没有“第${typeof ordinal === 'number' ? cnNumeral(ordinal) : '最后一'}${unit}”可取。请把想问的内容说完整再问一次。`;
    return { ...base, answer: text, grounded: false, citations: [], mode: 'notice', memory: prev.memory };
  }
  const idx = ordinal === 'last' ? items.length : ordinal;
  if (idx < 1 || idx > items.length) {
    return {
      ...base,
      answer: `上一个回答共${countWord(items.length, unit)}，没有第${cnNumeral(idx)}${unit === '方面' ? '个方面' : unit}。`,
      grounded: false,
      citations: [],
      mode: 'notice',
      memory: prev.memory,
    };
  }
  const item = items[idx - 1]!;
  const chunks = allChunks(deps.retriever);
  const chunkId = prev.memory?.chunkId;
  // The list's chunk; a retriever that does not expose its chunks is asked for the item itself.
  const chunk =
    chunks.find((c) => c.id === chunkId) ??
    (await deps.retriever.search(item, 3)).hits.find(
      (h) => h.chunk.id === chunkId || h.chunk.text.replace(/\s+/gu, '').includes(item.replace(/\s+|[。；;]$/gu, '')),
    )?.chunk;
  let body = '';
  let cited = chunk;
  if (chunk) {
    // The item's own sentences after its first one (what “具体咋做” asks), up to the next item.
    const view = documentViews(deps.retriever).view(chunk.docId, [chunk]);
    const first = splitSentences(item)[0] ?? item;
    const at = locate(view, first, chunk.id);
    if (at >= 0) {
      cited = chunks.find((c) => c.id === view.sentences[at]!.chunkId) ?? chunk;
      body = itemBodyText(view, at, item, items[idx]);
    }
  }
  if (!body && chunk) {
    // An item of a list written in one sentence (“…六大攻坚…”): the document's sentence that takes it up.
    const view = documentViews(deps.retriever).view(chunk.docId, [chunk]);
    const key = item.replace(/[。；;，,]$/u, '');
    const from = Math.max(
      0,
      view.sentences.findIndex((s) => s.chunkId === chunk.id),
    );
    if (charLength(key) >= 2) {
      for (let i = from; i < view.sentences.length; i++) {
        const s = view.sentences[i]!.text;
        if (
          !s.includes(key) ||
          inlineItems(s)?.includes(key) ||
          /[；;]$/u.test(s) ||
          charLength(s) < charLength(key) + 6
        )
          continue;
        body = s;
        cited = chunks.find((c) => c.id === view.sentences[i]!.chunkId) ?? cited;
        break;
      }
    }
  }
  if (!body && chunk && !itemMarker(item)) {
    // An item of a list written in one sentence, taken up nowhere else: where it stands in that
    // sentence (after the item before it, up to the end of its clause: “…、效率革命督导员等“六大员”岗位”).
    const span = inlineContext(chunk.text, items, idx - 1);
    if (span) body = `原文：“${span}”`;
  }
  const lead = itemMarker(item)
    ? ''
    : `第${cnNumeral(idx)}${/^(?:方面|部分|环节|方向)$/u.test(unit) ? '个' : ''}${unit}：`;
  const text = `${lead}${endSentence(item.replace(/[；;，,]$/u, ''))}${body ? endSentence(body) : ''}`;
  const citations = cited ? [citationFor(1, { n: 1, chunk: cited, score: 1 }, item)] : [];
  return {
    ...base,
    answer: cited ? `${text}[1]` : text,
    grounded: true,
    citations,
    mode: 'extractive',
    memory: prev.memory,
  };
}

/** Longest item (characters) read as a heading whose body says what it means (“三是…，强制交流一批。”). */
const HEADING_ITEM = 40;

/**
 * “四个一批，第三个是啥”: item N of a list whose items are short headings is answered with what the item
 * says after its heading (its own sentences, up to the next item) — the heading alone names it only.
 */
export function withItemBody(question: string, ex: ExtractiveAnswer, views: DocumentViews): ExtractiveAnswer {
  const ordinal = questionKind(question).ordinal;
  const items = ex.items ?? [];
  if (ordinal === null || ordinal < 1 || ordinal > items.length || !ex.chunkId) return ex;
  const item = items[ordinal - 1]!;
  if (charLength(item) > HEADING_ITEM || splitSentences(item).length > 1) return ex;
  const docId = ex.chunkId.split('::')[0]!;
  const chunk = views.chunk(docId, ex.chunkId);
  if (!chunk) return ex;
  const view = views.view(docId, [chunk]);
  const at = locate(view, splitSentences(item)[0] ?? item, ex.chunkId);
  if (at < 0) return ex;
  const body = itemBodyText(view, at, item, items[ordinal]);
  const plain = ex.text.replace(/\[\d+\]/gu, '');
  if (!body || plain.includes(body.replace(/[。；;]$/u, ''))) return ex;
  const marker = /\[\d+\]$/u.exec(ex.text)?.[0] ?? '';
  return { ...ex, text: `${ex.text.slice(0, ex.text.length - marker.length)}${endSentence(body)}${marker}` };
}

/**
 * The previous, refused turn with the list its question's passages hold (as if it had been answered),
 * or the turn unchanged when the passages hold no list of at least two items.
 */
async function listBehindRefusal(prev: Turn, deps: AnswerDeps, k: number): Promise<Turn> {
  const query = prev.standaloneQuery || prev.question;
  const { hits } = await deps.retriever.search(query, k);
  if (!hits.length) return prev;
  const ex = extractiveAnswer(query, numberPassages(hits, k), {
    tokenizer: tokenizerFor(deps.retriever),
    views: documentViews(deps.retriever),
  });
  if (!ex?.items || ex.items.length < 2) return prev;
  return {
    ...prev,
    memory: {
      items: ex.items.slice(0, 30),
      ...(ex.unit ? { unit: ex.unit } : {}),
      ...(ex.chunkId ? { chunkId: ex.chunkId } : {}),
    },
  };
}

/**
 * The documents a turn was about: those its answer cited — or, for a refused turn (it cited nothing), the
 * document its question found best (what tells whether a follow-up continues it).
 */
async function topicDocs(turn: Turn, retriever: Retriever): Promise<string[]> {
  if (turn.docIds.length || !turn.memory?.refused) return turn.docIds;
  const best = (await retriever.search(turn.standaloneQuery || turn.question, 1)).hits[0]?.chunk.docId;
  return best ? [best] : [];
}

/** A text in the form a slot is looked for in: match form without short parentheticals (副县(处)级 → 副县级). */
function slotForm(text: string): string {
  return matchForm(text).replace(/[（(][^）)]{1,6}[）)]/gu, '');
}

/** Does a passage name one of these places (its text, headings or its document's description)? */
export function placeNamed(names: string[], chunk: SearchHit['chunk']): boolean {
  const { passage, description } = constraintHaystack(chunk);
  const hay = `${passage}|${description}`;
  return names.some((name) => {
    const place = places().find((p) => p.forms.includes(name) || p.name === name);
    return (place ? place.forms : [name]).some((f) => hay.includes(f));
  });
}

/**
 * The part of a sentence about a slot: its clause holding the slot, and — when that clause gives several
 * figures joined by 和/及/与 (“确定了50名正县级…和145名副县级…”) — the figure of the slot, after the clause's verb.
 */
export function slotPart(sentence: string, slot: string): string | null {
  const want = slotForm(slot);
  const clauses = sentence.match(/[^，,；;。！？]+[，,；;。！？]?/gu) ?? [sentence];
  const clause = clauses.find((c) => slotForm(c).includes(want));
  if (!clause) return null;
  const body = clause.replace(/[，,；;。！？]$/u, '');
  const pieces = body.split(/(?:和|及|与|以及|、)(?=[\d一二两三四五六七八九十百千])/u);
  const k = pieces.findIndex((x) => slotForm(x).includes(want));
  if (pieces.length < 2 || k <= 0) return body;
  const verb = /^\D*?(?=[\d一二两三四五六七八九十百千])/u.exec(pieces[0]!)?.[0] ?? '';
  return `${verb}${pieces[k]}`;
}

/**
 * The answer to a follow-up that swaps a slot, when it is about the new slot: a passage naming the new place,
 * or an answer giving the new year or variant (the previous answer's sentence cut to the part on it). Null
 * when the answer is not about the new slot.
 */
function slotAnswer(ex: ExtractiveAnswer | null, swap: SlotSwap, passages: Passage[]): ExtractiveAnswer | null {
  if (!ex) return null;
  const n = ex.used[0]?.n;
  const cited = passages.find((p) => p.n === n) ?? ex.passages?.find((p) => p.n === n);
  if (swap.kind === 'place') return cited && placeNamed(swap.newPlaces, cited.chunk) ? ex : null;
  const slot = swap.newPlaces[0]!;
  const plain = ex.text.replace(/\[\d+\]/gu, '');
  const old = swap.oldPlaces[0]!;
  if (!slotForm(plain).includes(slotForm(slot))) return null;
  // The sentence gives the old slot too: only the part on the new one.
  if (!slotForm(plain).includes(slotForm(old))) return ex;
  const part = slotPart(plain, slot);
  if (!part || n === undefined) return ex;
  const { items: _items, unit: _unit, inline: _inline, ...rest } = ex;
  return { ...rest, text: `${endSentence(part)}[${n}]` };
}

/**
 * Is a message with an item number a new question: it names a topic of its own apart from the previous turn
 * (followup.ts namesOwnTopic), and standing alone it finds an answer in a document the previous turn was not about.
 */
async function newTopic(question: string, prev: Turn, deps: AnswerDeps, k: number): Promise<boolean> {
  if (!namesOwnTopic(question, prev, tokenizerFor(deps.retriever))) return false;
  const alone = await deps.retriever.search(question, k, { asked: question });
  const top = alone.hits[0]?.chunk.docId;
  return alone.answerable && top !== undefined && !(await topicDocs(prev, deps.retriever)).includes(top);
}

/**
 * A follow-up naming nothing but a slot the previous answer gave beside what was asked (followup.ts answerSlot):
 * the part of that answer's sentence on the slot, cited from the same passage. Null when the slot's part is the
 * whole sentence (it would say the previous answer again) or the passage is not known.
 */
function previousAnswerSlot(question: string, history: Turn[], retriever: Retriever): AnswerResult | null {
  const prev = history[history.length - 1]!;
  const slot = answerSlot(question, history);
  const chunkId = prev.memory?.chunkId;
  if (!slot || !chunkId) return null;
  const chunk = allChunks(retriever).find((c) => c.id === chunkId);
  const plain = prev.answerSummary.replace(/\[\d+\]/gu, '');
  const sentence = splitSentences(plain).find((x) => slotForm(x).includes(slotForm(slot)));
  if (
    !chunk ||
    !sentence ||
    !slotForm(chunk.text).includes(slotForm(sentence.replace(/[。！？…]+$/u, '')).slice(0, 20))
  )
    return null;
  // Only a figure given beside the one asked (“80个…、5个“3A示范村”…”): the part on the slot, not its whole clause.
  const part = slotPart(sentence, slot);
  const clause = (sentence.match(/[^，,；;。！？]+/gu) ?? []).find((c) => slotForm(c).includes(slotForm(slot)));
  if (!part || !clause || matchForm(part) === matchForm(clause)) return null;
  const text = endSentence(part);
  return {
    answer: `${text}[1]`,
    grounded: true,
    citations: [citationFor(1, { n: 1, chunk, score: 1 }, text)],
    standaloneQuery: ruleRewrite(question, history),
    mode: 'extractive',
    topics: [],
    followUp: true,
    memory: { chunkId },
  };
}

/** Fewest characters of a sentence's head looked for in the passages (to find where the previous answer quoted it). */
const HEAD_MIN = 12;

/**
 * A follow-up the previous answer already answers (followup.ts heldByPrevious: “6个品质是哪几个” after an answer
 * giving them in brackets): that sentence, whole, from the passage it was quoted from — said again because it is
 * the answer, not another passage's sentence that merely shares the words. Null when the passage is not found.
 */
function previousAnswerHolds(question: string, prev: Turn, retriever: Retriever): AnswerResult | null {
  const tokenizer = tokenizerFor(retriever);
  const kinds: string[] = askedKinds(question);
  if (questionKind(question).number && !kinds.includes('number')) kinds.push('number');
  const sentence = heldByPrevious(
    question,
    prev,
    kinds,
    (kind, s) => holdsKind(kind as Parameters<typeof holdsKind>[0], s, question),
    tokenizer,
  );
  if (!sentence) return null;
  // The quoted words, without a label the answer put before them (“原文：“…””).
  const unquoted = (t: string) => matchForm(t).replace(/[“”"]/gu, '');
  const head = unquoted(sentence.replace(/^[^：:“”]{0,12}[：:]/u, '')).slice(0, 20);
  if (charLength(head) < HEAD_MIN) return null;
  const docs = prev.docIds;
  const chunk = allChunks(retriever).find(
    (c) => (c.id === prev.memory?.chunkId || docs.includes(c.docId)) && unquoted(c.text).includes(head),
  );
  if (!chunk) return null;
  const whole = splitSentences(chunk.text).find((x) => unquoted(x).includes(head));
  if (!whole) return null;
  const text = endSentence(whole.trim());
  return {
    answer: `${text}[1]`,
    grounded: true,
    citations: [citationFor(1, { n: 1, chunk, score: 1 }, text)],
    standaloneQuery: ruleRewrite(question, [prev]),
    mode: 'extractive',
    topics: [],
    followUp: true,
    memory: { chunkId: chunk.id },
  };
}

/** Words that ask to compare (dropped from the question each side is asked with). */
const COMPARE_WORDS =
  /(?:有)?(?:什么|啥|哪些)?(?:不同之处|不同|区别|差别|差异|异同)|(?:对比|比较)(?:一下)?|相比(?:之下)?|哪个(?:更|最)?[多大高少强快好]|各自|分别/gu;
/** A conjunction joining two places (A和B, A与B, A、B). */
const PLACE_JOIN = '(?:和|与|跟|同|、|及|以及|还有)';

/**
 * The places a question compares: two or more places it names joined by 和/与/、 (“龙游和开化…”), each once
 * (longest form). [] when it names fewer than two, or names them apart (“开化的…比江山…” is not read here).
 */
export function comparedPlaces(query: string): string[] {
  const found = placesIn(query)
    .filter((p, i, all) => all.findIndex((q) => q.includes(p) || p.includes(q)) === i)
    .sort((a, b) => query.indexOf(a) - query.indexOf(b));
  if (found.length < 2) return [];
  const joined = found.slice(1).every((p, i) => {
    const prev = found[i]!;
    const between = query.slice(query.indexOf(prev) + prev.length, query.indexOf(p));
    return new RegExp(`^(?:县|区|市)?${PLACE_JOIN}$`, 'u').test(between);
  });
  return joined ? found : [];
}

/** The question asked of one place: the other places and the words that ask to compare taken out. */
function sideQuery(query: string, place: string, all: string[]): string {
  let q = query;
  for (const other of all) {
    if (other === place) continue;
    q = q.replace(
      new RegExp(`${PLACE_JOIN}?${escapeRegExp(other)}(?:县|区|市)?(?=${PLACE_JOIN}|\\p{Script=Han}|$)`, 'u'),
      '',
    );
  }
  return q.replace(COMPARE_WORDS, ' ').replace(/\s+/gu, ' ').trim();
}

/**
 * A question comparing places (“龙游和开化服务民营企业的做法有什么不同”): each place answered from a passage that
 * names it — the answer's own passage for the place it is about, a search of the question asked of the other
 * place for the rest — each side labelled with its place. Null when the question compares no places, or a
 * side finds nothing (the answer stays as it was).
 */
async function eachSide(
  query: string,
  ex: ExtractiveAnswer,
  passages: Passage[],
  deps: AnswerDeps,
  opts: { tokenizer: TermTokenizer; views: DocumentViews; k: number },
): Promise<ExtractiveAnswer | null> {
  const sides = comparedPlaces(query);
  if (sides.length < 2 || ex.items) return null;
  const byN = new Map([...passages, ...(ex.passages ?? [])].map((p) => [p.n, p]));
  const cited = ex.used.map((u) => byN.get(u.n)).filter((p): p is Passage => p !== undefined);
  // Every place has a cited passage naming it (and no passage names them all): the answer covers each already.
  if (
    sides.every((pl) => cited.some((p) => placeNamed([pl], p.chunk) && !sides.every((o) => placeNamed([o], p.chunk))))
  )
    return null;
  let next = Math.max(...byN.keys()) + 1;
  const extra: Passage[] = [];
  const parts: string[] = [];
  const used: ExtractiveAnswer['used'] = [];
  for (const place of sides) {
    const q = sideQuery(query, place, sides);
    const found = await deps.retriever.search(q, opts.k, { asked: q });
    // Passages naming this place, those naming no other compared place first.
    const naming = found.hits.filter((h) => placeNamed([place], h.chunk));
    const alone = (h: SearchHit) => !sides.some((o) => o !== place && placeNamed([o], h.chunk));
    const own = [...naming.filter(alone), ...naming.filter((h) => !alone(h))];
    if (own.length === 0) return null;
    const numbered: Passage[] = own.slice(0, opts.k).map((h) => {
      const known = [...byN.values(), ...extra].find((p) => p.chunk.id === h.chunk.id);
      if (known) return known;
      const p = { n: next++, chunk: h.chunk, score: h.score };
      extra.push(p);
      return p;
    });
    const side = extractiveAnswer(q, numbered, { tokenizer: opts.tokenizer, views: opts.views });
    if (!side?.used[0]) return null;
    if (side.passages) extra.push(...side.passages);
    const text = side.text.replace(/。?(\[\d+\])$/u, '。$1');
    if (parts.some((t) => t.endsWith(text))) continue;
    parts.push(`${place}：${text}`);
    used.push(...side.used);
  }
  if (parts.length < 2) return null;
  return {
    text: parts.join('\n'),
    used,
    ...(extra.length || ex.passages ? { passages: [...(ex.passages ?? []), ...extra] } : {}),
    ...(ex.chunkId ? { chunkId: ex.chunkId } : {}),
    ...(ex.score !== undefined ? { score: ex.score } : {}),
  };
}

/** A word that asks (a question of its own has one). */
const ASKS = /什么|啥|哪|多少|几|怎么|怎样|如何|咋|谁|是否|有没有|吗/u;
/** Fewest content words of its own a question in a message needs to be answered on its own. */
const OWN_WORDS = 2;

/** Content words of a question (two characters or more) and the places it names. */
function ownTerms(question: string, tokenizer?: TermTokenizer): string[] {
  const words = queryTerms(question, tokenizer).words.filter((w) => charLength(w) >= 2);
  return [...new Set([...words, ...placesIn(question)])];
}

/**
 * The questions of a message that asks several, each ended by “？” (“A县选派了多少人？那2004年B市派出干部多少名？”):
 * each with a word that asks and at least OWN_WORDS content words the others do not have. [] for one question.
 */
export function separateQuestions(message: string, tokenizer?: TermTokenizer): string[] {
  const pieces = message
    .split(/[？?]+/u)
    .map((x) => x.trim().replace(/^(?:那么|那|还有|另外|以及|再问一下|再问|再就是)[，,\s]*/u, ''))
    .filter((x) => x.length > 0);
  if (pieces.length < 2 || !/[？?]\s*\S/u.test(message.trim())) return [];
  const words = pieces.map((x) => ownTerms(x, tokenizer));
  const ok = pieces.every(
    (x, i) =>
      ASKS.test(x) && words[i]!.filter((w) => !words.some((o, j) => j !== i && o.includes(w))).length >= OWN_WORDS,
  );
  return ok ? pieces : [];
}

/** A year a question names of its own (2004年, 去年, 今年). */
const OWN_YEAR = /(?:19|20)\d{2}|[去今前明]年/u;

/**
 * A message asking several questions: each later question whose own words the answer does not have is answered
 * on its own (its own search; nothing added when it finds no answer), after the answer so far.
 */
async function laterQuestions(
  message: string,
  ex: ExtractiveAnswer,
  passages: Passage[],
  deps: AnswerDeps,
  opts: { tokenizer: TermTokenizer; views: DocumentViews; k: number },
): Promise<ExtractiveAnswer> {
  const questions = separateQuestions(message, opts.tokenizer);
  if (questions.length < 2) return ex;
  let out = ex;
  let next = Math.max(...[...passages, ...(ex.passages ?? [])].map((p) => p.n)) + 1;
  for (const q of questions) {
    const have = matchForm(out.text);
    const own = ownTerms(q, opts.tokenizer).filter((w) => !questions.some((o) => o !== q && matchForm(o).includes(w)));
    // Answered already: most of its own words are in the answer, and the places it names.
    const placesMet = placesIn(q).every((pl) => have.includes(matchForm(pl)));
    if (placesMet && own.filter((w) => have.includes(w)).length * 2 >= own.length) continue;
    // An item of the list another part asks for (“…几大部分？第四部分标题原文是什么”) is that part's.
    if (followUpOrdinal(q) !== null) continue;
    // A later question naming no place or year of its own (“…墩苗计划派多少年轻干部？派到哪些地方？”) continues the
    // first one's topic: it is searched with the first question's words too.
    const ownSlot = q === questions[0] || placesIn(q).length > 0 || OWN_YEAR.test(q);
    const found = await deps.retriever.search(ownSlot ? q : `${questions[0]} ${q}`, opts.k, { asked: q });
    if (!found.answerable || found.hits.length === 0) continue;
    // Its best passage is in a document the answer cites: the answer's document answers it, or nothing here does.
    const byN = new Map([...passages, ...(out.passages ?? [])].map((p) => [p.n, p.chunk.docId]));
    const citedDocs = new Set(out.used.map((u) => byN.get(u.n)));
    if (citedDocs.has(found.hits[0]!.chunk.docId)) continue;
    const numbered: Passage[] = found.hits.map((h) => ({ n: next++, chunk: h.chunk, score: h.score }));
    const part = extractiveAnswer(q, numbered, { tokenizer: opts.tokenizer, views: opts.views });
    if (!part?.used[0]) continue;
    const plain = (t: string) => matchForm(t.replace(/\[\d+\]/gu, ''));
    if (plain(out.text).includes(plain(part.text).slice(0, 40))) continue;
    const cited = new Set(part.used.map((u) => u.n));
    out = {
      ...out,
      text: `${out.text}\n${part.text}`,
      used: [...out.used, ...part.used],
      passages: [...(out.passages ?? []), ...numbered.filter((p) => cited.has(p.n)), ...(part.passages ?? [])],
    };
  }
  return out;
}

export async function answerQuestion(
  question: string,
  deps: AnswerDeps,
  opts: AnswerOptions = {},
): Promise<AnswerResult> {
  const { retriever, llm, logger } = deps;
  const history = opts.history ?? [];
  const k = opts.k ?? RETRIEVE_K;
  const started = Date.now();
  // An adapter that can show the answer being written (DingTalk AI card) is told now, and fed the LLM's text.
  const progress = replyProgress();
  progress?.begin();

  const prevTurn = history[history.length - 1];
  const ordinal = prevTurn ? followUpOrdinal(question) : null;
  // Turns saved before answers carried memory (or by another path) fall back to the rewrite below.
  // “三服务通知的推进举措第二条是啥” after a question on another document: a new question with an item number of its
  // own — answered as one, never glued to the previous topic nor pointed into the previous answer's list.
  if (prevTurn && ordinal !== null && (await newTopic(question, prevTurn, deps, k))) {
    return answerQuestion(question, deps, { ...opts, history: [] });
  }
  if (prevTurn?.memory && ordinal !== null && (isFollowUp(question, history) || [...question.trim()].length <= 16)) {
    // “第三块讲啥” after a refused question: the user saw no list but expects one there — read the
    // previous question's best passages again, without the gate, and take item N if they hold a list.
    const prev = prevTurn.memory.refused ? await listBehindRefusal(prevTurn, deps, k) : prevTurn;
    // No list to point into, but the message names a topic of its own (“下一步第二条是啥”): the item is
    // looked for in that topic's list, by the rewrite below, instead of saying there is no list.
    if (prev.memory?.items?.length || ordinalTopicWords(question, tokenizerFor(retriever)).length === 0) {
      const r = await ordinalFollowUp(question, prev, ordinal, deps);
      logger.info({ mode: r.mode, followUp: true, ordinal, ms: Date.now() - started }, 'answered');
      return r;
    }
  }

  // “还有吗” after a list: the list was complete — say so instead of repeating it.
  if (prevTurn && asksForMore(question) && (prevTurn.memory?.items?.length ?? 0) >= 2 && !prevTurn.memory?.inline) {
    const items = prevTurn.memory!.items!;
    const unit = prevTurn.memory!.unit ?? '条';
    logger.info({ mode: 'notice', followUp: true, ms: Date.now() - started }, 'answered');
    return {
      answer: `资料里列的就是上面这${countWord(items.length, unit)}，没有更多了。`,
      grounded: false,
      citations: [],
      standaloneQuery: prevTurn.standaloneQuery,
      mode: 'notice',
      topics: [],
      followUp: true,
      memory: prevTurn.memory,
    };
  }

  // “剩下的呢” after an answer that went on past what it was asked: the rest of that answer.
  const rest = prevTurn ? restOfPrevious(question, prevTurn, retriever) : null;
  if (rest) {
    logger.info({ mode: rest.mode, followUp: true, ms: Date.now() - started }, 'answered');
    return rest;
  }

  // “那3A的呢” after an answer giving 80个“五星达标村”、5个“3A示范村”: the part of that answer on the new slot.
  const slotted = prevTurn ? previousAnswerSlot(question, history, retriever) : null;
  if (slotted) {
    logger.info({ mode: slotted.mode, followUp: true, ms: Date.now() - started }, 'answered');
    return slotted;
  }

  // “6个品质是哪几个” after an answer that gave them: that answer's sentence.
  const held = prevTurn && !swappedSlot(question, history) ? previousAnswerHolds(question, prevTurn, retriever) : null;
  if (held) {
    logger.info({ mode: held.mode, followUp: true, ms: Date.now() - started }, 'answered');
    return held;
  }

  const rewritten = await standaloneQuery(question, history, llm, logger);
  const { llmFailure } = rewritten;
  let { followUp } = rewritten;
  let query = rewritten.query;
  // The endpoint just timed out or failed: do not make the user wait for it a second time.
  const useLlm = llm !== null && llmFailure !== 'timeout' && llmFailure !== 'http';
  // A rewritten follow-up is searched with the previous topic, but asks what the new message asks.
  const asked = { asked: question };
  let result = await retriever.search(query, k, query === question ? {} : asked);
  if (!followUp && prevTurn && !(llm && useLlm)) {
    // “派了多少干部” after “衢州专班多少个”: an elliptical question with no topic of its own continues the
    // previous one — when the previous answer's document has its words, or it finds nothing alone.
    const prevDoc = (await topicDocs(prevTurn, retriever))[0];
    const previousText = prevDoc
      ? allChunks(retriever)
          .filter((c) => c.docId === prevDoc)
          .map((c) => c.text)
          .join('\n')
      : '';
    const standalone = {
      refused: !result.answerable,
      topText: result.hits[0]?.chunk.text ?? '',
      sameDocument: prevDoc !== undefined && result.hits[0]?.chunk.docId === prevDoc,
    };
    if (continuesTopic(question, prevTurn, previousText, standalone, tokenizerFor(retriever))) {
      // The previous question whole, then — when it was refused, its detail may sink this one too — its topic words.
      const rewrites = [
        ruleRewrite(question, history),
        ...(prevTurn.memory?.refused ? [topicWordsRewrite(question, history, tokenizerFor(retriever))] : []),
      ];
      for (const rewrite of rewrites) {
        if (!rewrite) continue;
        const again = await retriever.search(rewrite, k, asked);
        if (again.answerable || !result.answerable) {
          followUp = true;
          query = rewrite;
          result = again;
          if (again.answerable) break;
        }
      }
    }
  }
  if (followUp && !result.answerable) {
    // The previous question's own detail may be what sinks the rewrite (“…具体是几月几号印发的” then
    // “那是哪个单位发的”): keep only its place/year, else only its topic words.
    for (const narrow of [
      topicRewrite(question, history),
      topicWordsRewrite(question, history, tokenizerFor(retriever)),
    ]) {
      if (!narrow || narrow === query) continue;
      const again = await retriever.search(narrow, k, asked);
      if (again.answerable) {
        query = narrow;
        result = again;
        break;
      }
    }
  }
  // (A refused turn cited nothing: the document its question found best is the topic a follow-up continues —
  // “这个贷款是谁一起搞的？” after a question the library could not answer.)
  const prevDocs = followUp && prevTurn ? await topicDocs(prevTurn, retriever) : [];
  const hits = biasToDocs(result.hits, prevDocs);

  const notFound = (why: string): AnswerResult => {
    const topics = nearestTopics(retriever, query);
    logger.info(
      { mode: 'not_found', why, followUp, confidence: result.confidence, ms: Date.now() - started },
      'answered',
    );
    return {
      answer: notFoundText(topics),
      grounded: false,
      citations: [],
      standaloneQuery: query,
      mode: 'not_found',
      topics,
      followUp,
      memory: { refused: true },
    };
  };

  // The same question of another place, year or variant (“那B县呢”, “那副县级的呢”): the answer must be about that slot.
  const swap = followUp && prevTurn ? swappedSlot(question, history) : null;
  const swapped = swap !== null;
  // An elliptical follow-up keeps the topic: the previous answer's document answering it is enough — unless it asks
  // of another place, which that document's passage does not name.
  const keepsTopic =
    followUp &&
    prevDocs.length > 0 &&
    hits[0] !== undefined &&
    prevDocs.includes(hits[0].chunk.docId) &&
    (swap?.kind !== 'place' || placeNamed(swap.newPlaces, hits[0].chunk));
  if ((!result.answerable && !keepsTopic) || hits.length === 0) return notFound('retrieval');
  // An elliptical follow-up: the previous answer's document is searched first for what the message adds
  // (“带回来多少问题”, “具体咋组队”), before passages from elsewhere.
  // (The same question of another place or year, “那B县呢”, is looked for there by the whole rewrite, and its
  // sentence is chosen by the whole rewrite too: the bare place need not stand in the sentence that answers.)
  const followHits =
    followUp && prevDocs.length > 0
      ? previousDocumentHits(
          retriever,
          prevDocs[0]!,
          swapped ? query : addedWrittenWords(question),
          tokenizerFor(retriever),
          prevTurn?.memory?.refused ? (topicWordsRewrite(question, history, tokenizerFor(retriever)) ?? '') : '',
        )
      : [];
  // …and the passage that continues the previous answer (its next sentences), when retrieval left it out.
  const after = followUp && prevTurn ? nearPrevious(retriever, prevTurn) : { near: new Set<string>(), chunkId: null };
  const afterChunk =
    after.chunkId && ![...followHits, ...hits].some((h) => h.chunk.id === after.chunkId)
      ? allChunks(retriever).find((c) => c.id === after.chunkId)
      : undefined;
  const afterHits: SearchHit[] = afterChunk ? [{ rank: 1, chunk: afterChunk, score: hits[0]?.score ?? 1 }] : [];
  const passages: Passage[] = numberPassages([...followHits, ...afterHits, ...hits], k);
  const tokenizer = tokenizerFor(retriever);

  const views = documentViews(retriever);
  const followOpts =
    followUp && prevTurn
      ? {
          avoid: prevTurn.answerSummary,
          // “还有吗”: something the previous answer did not say.
          ...(asksForMore(question) ? { exclude: true } : {}),
          ...(swapped ? {} : { focus: addedWords(question) }),
          ...(after.near.size ? { near: after.near } : {}),
          ...(followHits.length ? { preferDoc: followHits[0]!.chunk.docId } : {}),
        }
      : {};

  if (llm && useLlm) {
    try {
      // The same evidence the extractive answer selected: its passage first, then its document's.
      const selected = extractiveAnswer(query, passages, { tokenizer, views, ...followOpts });
      const out = await groundedAnswer(
        query,
        evidenceFirst([...passages, ...(selected?.passages ?? [])], selected?.used[0]?.n ?? null).slice(
          0,
          LLM_PASSAGES,
        ),
        llm,
        tokenizer,
        progress && ((t) => progress.update(t)),
      );
      if (out.kind === 'not_found') return notFound('llm');
      if (out.kind === 'answer') {
        if (out.validated.dropped > 0)
          logger.debug({ dropped: out.validated.dropped }, 'invented citation markers removed');
        logger.info(
          { mode: 'llm', followUp, citations: out.validated.citations.length, ms: Date.now() - started },
          'answered',
        );
        // The list the model wrote (“一是…二是…”, “1. …”), for “第二条” next.
        const marked = splitSentences(out.validated.text.replace(/\[\d+\]/gu, '')).filter((x) => itemMarker(x));
        const llmMemory = marked.length >= 2 ? { items: marked.slice(0, 30), unit: listUnit(query) } : {};
        const chunkId = out.validated.citations[0]?.chunkId;
        return {
          answer: out.validated.text,
          grounded: true,
          citations: out.validated.citations,
          standaloneQuery: query,
          mode: 'llm',
          topics: [],
          followUp,
          memory: { ...llmMemory, ...(chunkId ? { chunkId } : {}) },
        };
      }
      logger.warn({ why: out.why }, 'LLM answer rejected; using the extractive answer');
    } catch (err) {
      logger.warn(
        { reason: err instanceof LlmError ? err.reason : 'other', err: (err as Error).message },
        'LLM answer failed; using the extractive answer',
      );
    }
  }

  let ex = extractiveAnswer(query, passages, { tokenizer, views, ...followOpts });
  // A follow-up never gets the previous answer again word for word: the next best, if any.
  // (Kept when nothing else comes close: the previous sentence answers this too.)
  // (Nor an earlier answer of the conversation: "具体咋弄" after "第三条是啥" after a list is not the list again.)
  // (A follow-up asking a number, a date, a name the previous sentence holds gets the clause that gives
  // it; one asking no such thing — “具体咋处理” — is not answered by the part of the previous answer
  // that answered the previous question.)
  const asksKind = askedKinds(question).some((x) => x !== 'list') || questionKind(question).number;
  const repeated =
    ex && followUp
      ? [...history]
          .reverse()
          .find((t) => sameAnswer(ex!.text, asksKind ? t.answerSummary : t, tokenizerFor(retriever)))
      : undefined;
  if (ex && repeated) {
    const other = extractiveAnswer(query, passages, {
      tokenizer,
      views,
      ...followOpts,
      avoid: repeated.answerSummary,
      exclude: true,
    });
    if (other && (other.score ?? 0) >= 0.6 * (ex.score ?? 0)) ex = other;
    // A list said again is never kept: the user has it already, and asks about something in or beyond it — the
    // previous question asked for the list, so the message is read with its topic words only (“分几块” dropped).
    if ((ex.items?.length ?? 0) >= 2 && (repeated.memory?.items?.length ?? 0) >= 2 && sameAnswer(ex.text, repeated)) {
      // (A message naming one of its items, “附则主要规定什么”, asks for that item.)
      const named = namedItem(question, repeated.memory!.items!, tokenizer);
      if (named !== null) {
        const r = await ordinalFollowUp(question, repeated, named, deps);
        logger.info({ mode: r.mode, followUp: true, named, ms: Date.now() - started }, 'answered');
        return r;
      }
      // (…unless the list holds every topic word of the message, or it has none: what it asks is in the list.)
      const own = ordinalTopicWords(question, tokenizer);
      const listForm = matchForm(repeated.memory!.items!.join(''));
      const beyondList = own.some((w) => !listForm.includes(matchForm(w)));
      const words = beyondList ? topicWordsRewrite(question, history, tokenizer) : null;
      const narrow = words ? withoutListCue(words) : null;
      const beyond = narrow
        ? extractiveAnswer(narrow, passages, {
            tokenizer,
            views,
            ...followOpts,
            avoid: repeated.answerSummary,
            exclude: true,
          })
        : null;
      if (beyond && !sameAnswer(beyond.text, repeated)) ex = beyond;
    }
  }
  if (ex && swap) {
    // “那B县呢” / “那副县级的呢”: an answer about the new slot — the previous answer's own sentence too, when it
    // gives the new slot (“确定了50名正县级…和145名副县级…” → the part on 副县级); never the old slot's answer again.
    const forSlot =
      slotAnswer(ex, swap, passages) ??
      slotAnswer(extractiveAnswer(query, passages, { tokenizer, views }), swap, passages);
    if (forSlot) ex = forSlot;
    else if (swap.kind === 'place') return notFound('slot');
  }
  if (!ex) return notFound('no_sentence');
  if (!followUp) ex = withItemBody(question, ex, views);
  // “龙游和开化…有什么不同”: each place answered from a passage of its own.
  if (!swap) ex = (await eachSide(query, ex, passages, deps, { tokenizer, views, k })) ?? ex;
  // “…越城选派了多少人？那2004年绍兴派出锻炼干部多少名？”: a second question the answer does not touch is answered too.
  if (!followUp) ex = await laterQuestions(question, ex, passages, deps, { tokenizer, views, k });
  const v = validateCitations(ex.text, ex.passages ? [...passages, ...ex.passages] : passages, query, {
    quotes: new Map(ex.used.map((u) => [u.n, u.quote])),
    tokenizer,
  });
  logger.info({ mode: 'extractive', followUp, citations: v.citations.length, ms: Date.now() - started }, 'answered');
  const memory = {
    ...(ex.items ? { items: ex.items.slice(0, 30), unit: ex.unit, ...(ex.inline ? { inline: true } : {}) } : {}),
    ...(ex.chunkId ? { chunkId: ex.chunkId } : {}),
  };
  return {
    answer: v.text,
    grounded: true,
    citations: v.citations,
    standaloneQuery: query,
    mode: 'extractive',
    topics: [],
    followUp,
    memory,
  };
}
