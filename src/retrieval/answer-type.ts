/**
 * Answer-type prior: a question asking WHEN (哪天, 几号, 什么时候, 哪年 …), HOW MANY (多少, 几个, 比例 …) or
 * WHICH UNIT (哪个部门, 由谁, 谁牵头 …) is answered by a passage with a sentence that holds a date, a number
 * or an organisation's name AND the question's terms.
 * Among the lexical candidates, such passages get a bonus proportional to how much of the question
 * that sentence covers (share of the question's character bigrams), so a passage that only talks
 * about the topic does not beat the one that gives the figure.
 */
import { normalizeText } from './normalize.js';

export type AskedType = 'date' | 'number' | 'unit';

/** Bonus, as a share of the best candidate's score, for a sentence covering the whole question. */
export const ANSWER_TYPE_WEIGHT = 0.3;
/** Bonus, as a share of the best candidate's score, for a passage enumerating the counted noun. */
export const ENUMERATION_WEIGHT = 0.2;

const DATE_QUESTION = /哪天|几号|哪一天|什么时候|啥时候|何时|哪年|哪一年|几月|几几年|日期|时间/u;
const NUMBER_QUESTION = /多少|几[个名家项条次批人万亿岁年天位所座成]|比例|占比|多大|多长|多高|多久/u;
const DATE_ANSWER =
  /\d{1,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*[日号]|[一二三四五六七八九十〇零]{2,4}年|[一二三四五六七八九十]{1,3}月|上旬|中旬|下旬|月底|年底|年初/u;
const NUMBER_ANSWER = /\d|[一二三四五六七八九十百千万两]+\s*[个名家项条次批人万亿元%％位所座成倍]/u;
const UNIT_QUESTION =
  /哪个(?:部门|单位|机构|机关)|哪些(?:部门|单位|机构)|哪家|哪几家|由谁|是谁|谁(?:负责|牵头|主办|印发|下发|发的|出的|组织)/u;
const UNIT_ANSWER =
  /[\u4e00-\u9fff](?:组织部|宣传部|统战部|部|局|委员会|委|办公室|办|厅|中心|政府|党委|党组|公司|协会|学院|大学|研究院|课题组)(?:[，、。；\s和与及]|$|印发|下发|主办|牵头|负责|联合)/u;
const SENTENCE_SPLIT = /[。！？!?；;\n]/u;

export function askedType(question: string): AskedType | null {
  const q = normalizeText(question);
  if (UNIT_QUESTION.test(q)) return 'unit';
  if (DATE_QUESTION.test(q)) return 'date';
  if (NUMBER_QUESTION.test(q)) return 'number';
  return null;
}

/**
 * Best share of the question's bigrams found in one sentence of the passage that holds an answer
 * of the asked type (0 when no sentence does).
 */
export function answerTypeCoverage(passage: string, type: AskedType, questionBigrams: ReadonlySet<string>): number {
  return formCoverage(
    passage,
    type === 'date' ? DATE_ANSWER : type === 'number' ? NUMBER_ANSWER : UNIT_ANSWER,
    questionBigrams,
  );
}

/**
 * Best share of the question's bigrams found in one sentence of the passage that holds `form` (an answer
 * type's form: a figure, a date, a unit's name).
 */
export function formCoverage(passage: string, form: RegExp, questionBigrams: ReadonlySet<string>): number {
  if (!questionBigrams.size) return 0;
  let best = 0;
  for (const s of normalizeText(passage).split(SENTENCE_SPLIT)) {
    if (!form.test(s)) continue;
    let hit = 0;
    for (const b of questionBigrams) if (s.includes(b)) hit++;
    best = Math.max(best, hit / questionBigrams.size);
  }
  return best;
}

/**
 * Share of the question's bigrams found in a passage that holds `form` in one of its sentences (0 when none
 * does). An attribute's form (不搞…, 须具备…) often stands in a sentence of its own, after the one that names
 * the topic: the passage, not the sentence, binds it to the question.
 */
export function passageFormCoverage(passage: string, form: RegExp, questionBigrams: ReadonlySet<string>): number {
  if (!questionBigrams.size) return 0;
  const text = normalizeText(passage);
  if (!text.split(SENTENCE_SPLIT).some((s) => form.test(s.replace(/\s+/gu, '')))) return 0;
  let hit = 0;
  for (const b of questionBigrams) if (text.includes(b)) hit++;
  return hit / questionBigrams.size;
}

/**
 * The noun a count or list question counts: “哪三个性” → 性, “几种思维” → 思维, “分了几个组” → 组 (the one or
 * two characters after 哪/几, a number and a measure word, before the question ends).
 */
export function countedNoun(question: string): string | null {
  const q = normalizeText(question).replace(/\s+/gu, '');
  const m =
    /(?:哪几|哪|几)[一二两三四五六七八九十\d]*(?:个|种|项|条|类|大|点)?(\p{Script=Han}{1,2}?)(?=$|[？?，,。！!的呢啊呀]|来着|列)/u.exec(
      q,
    );
  return m?.[1] ?? null;
}

/** A sentence of the passage names at least three items ending in the counted noun (政治性、时代性、规律性). */
export function enumeratesNoun(passage: string, noun: string): boolean {
  const re = new RegExp(`\\p{Script=Han}${noun}(?=[、，,；;。等和与及])`, 'gu');
  for (const s of normalizeText(passage).split(SENTENCE_SPLIT)) if ((s.match(re)?.length ?? 0) >= 3) return true;
  return false;
}

/**
 * Finer kinds of answer the not-found gate checks (besides number / date / who of answer/lexicon.ts): a
 * place or address (地址, 在哪), a clock time (几点开会) and a year (哪一年). A passage that talks about the
 * topic but gives no address, hour or year does not answer such a question (a near miss: 研究院地址在哪,
 * 哪一年通车, 几点开会).
 */
export type DetailKind = 'place' | 'clock' | 'year';

export const DETAIL_KIND_CUES: Readonly<Record<DetailKind, RegExp>> = {
  place: /地址|住址|在哪(?:里|儿)?(?=$|[？?！!，,。；;\s]|怎么|咋)|什么地方(?=$|[？?！!，,。；;\s])|具体位置|哪个位置/u,
  clock: /几点(?:钟|开|到|前|以前|之前|上班|下班|集合|出发|开始|结束|截止)|什么时辰/u,
  year: /哪一年|哪年|几几年|哪个年份|什么年份|哪一年度|哪个年度/u,
};

export const DETAIL_KIND_EVIDENCE: Readonly<Record<DetailKind, RegExp>> = {
  place:
    /地\s*址|位于|坐落|落户|设在|设于|生于|出生于|[\p{Script=Han}\d]{1,8}(?:路|大道|大街|号楼|楼|大厦|大楼|广场|乡|镇|村)(?![\p{Script=Han}]{0,1}(?:振兴|级|干部|书记|党组织))/u,
  clock:
    /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[点时](?![\d多])|[一二三四五六七八九十]{1,2}点(?!多)|[上下]午|早上|晚上|凌晨|中午/u,
  year: /\d{4}\s*年|[〇零一二三四五六七八九]{4}年|今年|去年|明年|前年|当年|同年|次年/u,
};

/** The finer kinds a question asks (place, clock time, year). */
export function detailKinds(question: string): DetailKind[] {
  const q = normalizeText(question);
  return (Object.keys(DETAIL_KIND_CUES) as DetailKind[]).filter((k) => DETAIL_KIND_CUES[k].test(q));
}

/** Does some sentence hold each finer kind the question asks (true when it asks none)? */
export function detailKindsMet(question: string, sentences: readonly string[]): boolean {
  return detailKinds(question).every((k) => sentences.some((s) => DETAIL_KIND_EVIDENCE[k].test(normalizeText(s))));
}
