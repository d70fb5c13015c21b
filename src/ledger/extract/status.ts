/**
 * Status of an issue from the verbs in its text. Negated (还没交办 → open), wished-for (想尽快批下来),
 * and future (月底前搞定, 下周放款) verbs do not count. The furthest status along
 * open → assigned → in_progress → resolved → closed wins.
 */
import type { IssueStatus } from '../model.js';
import {
  AGENT_REALISED_BEFORE,
  CONDITIONAL_MARKERS,
  CONSEQUENCE_BEFORE,
  DIRECTIVE_BEFORE,
  DUTY_AGENT_BEFORE,
  FUTURE_AFTER,
  FUTURE_BEFORE,
  IMMINENT_BEFORE,
  MISLABELED_BEFORE,
  MODAL_END,
  RECORDING_VERBS,
  MOVED_TO_TIME,
  NEAR_TIME_END,
  NEGATION_AFTER,
  PROMISE_BEFORE,
  DUTY_DEADLINE_BEFORE,
  DUTY_COMPLETION_VERBS,
  NEGATION_BEFORE,
  FINAL_PARTICLES,
  PARTIAL_LEADS,
  PROGRESSIVE_BEFORE,
  PRECONDITION_AFTER,
  STATUS_ORDER,
  STATUS_PATTERNS,
  WAITING_BEFORE,
  WISH_BEFORE,
  REMAINDER_AFTER,
  DURATION_AFTER,
  SIGN_OFF_CHECK_DONE,
  SIGN_OFF_MODALS,
  SIGN_OFF_OPEN,
} from '../lexicon/statuses.js';
import { inSpeakerPlan } from './mood.js';
import { clauseBefore, type Span } from './normalize.js';

export interface StatusHit extends Span {
  status: IssueStatus;
  raw: string;
  /** Only an acknowledgement of a hand-off just made (a promise of its handler, waiting for its answer): extract.ts. */
  ack?: boolean;
  /** A stage of the matter whoever's work it is (see StatusPattern.stage). */
  stage?: boolean;
}

const COMPILED = STATUS_PATTERNS.map((p) => ({
  ...p,
  re: new RegExp(p.pattern, 'giu'),
  notAfterRe: p.notAfter ? new RegExp(p.notAfter, 'u') : null,
}));

/** A verb of noting down right before an arrival complement (记录|下来了). */
const RECORDED_BEFORE = new RegExp(`(?:${RECORDING_VERBS.join('|')})$`);
const CONDITIONAL = new RegExp(`(?:${CONDITIONAL_MARKERS.join('|')})`);
const isResult = (s: IssueStatus) => s === 'resolved' || s === 'closed';

/**
 * The grammatical mood of a result verb in its clause: a condition (要是批下来了), a precondition of a
 * later step (批下来以后再办), our own plan (我们回头问问) → it states nothing ('drop'); an imminent or
 * awaited result (快批下来了, 等资金到位) → work under way ('progress'); else null.
 */
function resultMood(text: string, before: string, end: number, start: number): 'drop' | 'progress' | null {
  if (CONDITIONAL.test(before)) return 'drop';
  if (PRECONDITION_AFTER.test(text.slice(end, end + 6))) return 'drop';
  // (办了一个多月还没批: how long it has taken, not a result)
  if (/[了啦]$/.test(text.slice(start, end)) || /^了/.test(text.slice(end))) {
    if (DURATION_AFTER.test(text.slice(end))) return 'drop';
  }
  if (inSpeakerPlan(text, start)) return 'drop';
  if (IMMINENT_BEFORE.test(before) || WAITING_BEFORE.test(before)) return 'progress';
  // (only up to the next list item: "1 证已经拿到 2 工程师还差3个在找" are two matters)
  if (REMAINDER_AFTER.test(untilNextItem(text.slice(end)))) return 'progress';
  // (已通知企业补齐 is work under way; 请督促落实 only asks for it)
  if (DIRECTIVE_BEFORE.test(before) && !WISH_BEFORE.test(before)) return 'progress';
  // (交齐后银行就放款 is promised; 手续办完后就放款了 happened)
  if (CONSEQUENCE_BEFORE.test(before) && !/[了啦]$/.test(text.slice(start, end)) && !/^[了啦]/.test(text.slice(end)))
    return 'progress';
  return null;
}

/** A final particle right after 了/啦 (到了噢, 批了哈): read as the clause end it is (same length, offsets kept). */
const PARTICLE_AFTER_LE = new RegExp(`(?<=[了啦])[${FINAL_PARTICLES.join('')}](?=$|[,，。;；!！?？\\s~～])`, 'g');

/** An emoji (批了🎉, 到账✅): punctuation of chat, read as the clause end it is (blanked, offsets kept). */
const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;

export function findStatuses(source: string): StatusHit[] {
  const text = source.replace(EMOJI, (x) => ' '.repeat(x.length)).replace(PARTICLE_AFTER_LE, ' ');
  const hits: StatusHit[] = [];
  for (const p of COMPILED) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      // (例会改到周五上午了, 调到下午了: a date moved, nothing got)
      if (
        p.status === 'resolved' &&
        m[0].includes('到') &&
        text.slice(start + m[0].indexOf('到')).search(MOVED_TO_TIME) === 0
      )
        continue;
      // (我先记录下来了: the speaker's note made, no result)
      if (p.status === 'resolved' && RECORDED_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
      // (之前误标办结了: the wrong state a correction names)
      if (MISLABELED_BEFORE.test(clauseBefore(text, start))) continue;
      if (!p.literal) {
        const before = clauseBefore(text, start);
        const after = text.slice(end, end + 4);
        if (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after)) continue;
        // (…帮忙对接下来了: a result said with 了 happened, whoever helped; so does 已由金融办协调解决)
        if (p.notAfterRe?.test(before) && !/[了啦]$/.test(m[0]) && !AGENT_REALISED_BEFORE.test(before)) continue;
        // (具体由资规局落实: the duty handed over, not a result)
        if (isResult(p.status) && DUTY_AGENT_BEFORE.test(before) && !/^[了啦]/.test(text.slice(end))) continue;
        if (p.status !== 'open') {
          const mood = resultMood(text, before, end, start);
          if (mood === 'drop') continue;
          if ((mood === 'progress' || PROGRESSIVE_BEFORE.test(before)) && isResult(p.status)) {
            hits.push({ status: 'in_progress', start, end, raw: m[0] });
            continue;
          }
        }
        if (
          p.status !== 'open' &&
          p.status !== 'assigned' &&
          (WISH_BEFORE.test(before) ||
            FUTURE_BEFORE.test(before) ||
            FUTURE_AFTER.test(after) ||
            (NEAR_TIME_END.test(before) && (MODAL_END.test(before) || PROMISE_BEFORE.test(before))))
        ) {
          // (已交办生态环境局 12月1日前办结: the limit set with the hand-off — of the hand-off, no result nor work reported)
          if (
            DUTY_DEADLINE_BEFORE.test(sentenceBefore(text, start)) &&
            DUTY_COMPLETION_VERBS.test(m[0]) &&
            !PROMISE_BEFORE.test(before)
          ) {
            hits.push({ status: 'assigned', start, end, raw: m[0] });
            continue;
          }
          // "银行说月底前放款", "住建局答应下周批": a result promised by whoever acts is work under way.
          if (
            !WISH_BEFORE.test(before) &&
            (PROMISE_BEFORE.test(before) || FORECAST_BEFORE.test(before) || NEAR_TIME_END.test(before))
          )
            hits.push({ status: 'in_progress', start, end, raw: m[0] });
          continue;
        }
        if (p.status === 'assigned' && (WISH_BEFORE.test(before.slice(-3)) || FUTURE_BEFORE.test(before))) continue;
      }
      hits.push({ status: p.status, start, end, raw: m[0], ...(p.stage ? { stage: true } : {}) });
    }
  }
  // "招到了15人，但还缺20人": a result followed by "but still lacking" is only progress.
  // (only up to the next list item: "1 证已经拿到 2 工程师还差3个" are two matters)
  // "首笔资金已拨", "一部分已经到位": a result said of a part only is progress too.
  for (const h of hits) {
    if (
      (h.status === 'resolved' || h.status === 'closed') &&
      (PARTIAL_AFTER.test(untilNextItem(text.slice(h.end))) ||
        (h.status === 'resolved' && PARTIAL_BEFORE.test(clauseBefore(text, h.start))))
    )
      h.status = 'in_progress';
  }
  // "可以销号了，组织部回访确认过了": may be signed off, with the check it waits for done and nothing asked — signed off.
  for (const h of hits) {
    if (h.status !== 'resolved' || !SIGN_OFF_MAY.test(h.raw)) continue;
    const sentence = sentenceAround(text, h.start, h.end);
    if (SIGN_OFF_CHECK_DONE.test(sentence) && !SIGN_OFF_OPEN.test(sentence)) h.status = 'closed';
  }
  return hits.sort((a, b) => a.start - b.start);
}

const SIGN_OFF_MAY = new RegExp(`(?:${SIGN_OFF_MODALS.join('|')})\\s*(?:申请|予以|进行|作)?\\s*(?:销|消)`);

/** The sentence a span is in (up to 。；！? or a new line, and to the next list item). */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...['。', ';', '；', '!', '！', '\n'].map((c) => text.lastIndexOf(c, start - 1))) + 1;
  return text.slice(from, start) + text.slice(start, end) + untilNextItem(text.slice(end)).split(/[。;；!！\n]/)[0];
}

/** The text of a span's sentence before it (from the last 。；！ or new line). */
function sentenceBefore(text: string, start: number): string {
  const from = Math.max(...['。', ';', '；', '!', '！', '\n'].map((c) => text.lastIndexOf(c, start - 1))) + 1;
  return text.slice(from, start);
}

/** A part named before a result in its clause (首笔资金已拨, 一部分已经到位). */
const PARTIAL_BEFORE = new RegExp(`(?:${PARTIAL_LEADS.join('|')})[^，,。;；\\s]{0,4}$`);

/** Where the next list item starts (" 2 ", ②, （3）, a new line): a later item is another matter. */
const NEXT_ITEM = /\s[1-9]\d?[\s、.．]|[①-⑳]|[（(][1-9一二三四五六七八九][)）]|\n/;
function untilNextItem(tail: string): string {
  const at = tail.search(NEXT_ITEM);
  return at < 0 ? tail : tail.slice(0, at);
}

/** A result forecast for a date (下周能批, 预计月底放款): the matter is under way. */
const FORECAST_BEFORE =
  /(?:预计|有望|下周|月底|月初|[\d一二三四五六七八九十]+[号日]|近期|过几天|过两天)(?:前|之前)?(?:就)?(?:能|可以|可|会)?$/;

const PARTIAL_AFTER =
  /^[^。;；]*?(?:(?:但|但是|不过|可是)[^，,。;；]{0,3}(?:还|仍|仍然|尚|依然)(?:缺|没|未|差|需要|有)|(?:[,，]|\s|就是|只是)\s*(?:还|仍|尚)\s*(?:差|缺)\s*[\d一二两三四五六七八九十几百千万]+|^[^，,。;；]*?(?:还|仍|尚)\s*(?:差|缺)\s*[\d一二两三四五六七八九十几百千万]+|[,，\s]\s*(?:[^，,。;；\s的事题个]{0,4})(?:还|仍|尚|仍然)(?:没|未)有?(?:到|放|批|拨|发|办|下来|落实|完成|兑现|解决))/;

export function maxStatus(statuses: IssueStatus[]): IssueStatus | null {
  let best: IssueStatus | null = null;
  for (const s of statuses) if (best === null || STATUS_ORDER[s] > STATUS_ORDER[best]) best = s;
  return best;
}
