/**
 * A short paraphrase of an issue: its problem clauses, without the visit clause, the reporting
 * lead-in (企业反映…：), the hand-off clause (已交办金融办) and list markers. Cut from the original
 * message text so wording and punctuation stay as written.
 */
import { findDepartments } from './department.js';
import { findStatuses } from './status.js';
import { trimPunct } from './normalize.js';
import { withoutTakenBack } from './repair.js';

const LEAD_IN =
  /^(?:企业|公司|对方|老板|厂里|厂家|负责人|他们|该企业|该公司)?(?:[（(][^）)]{1,20}[）)])?(?:那边|这边)?(?:主要|就|也)?(?:是)?(?:又|还|也|另外|同时)?(?:反映|提出|提了|提到|表示|反馈|称|说|来电说|来电|来函|说到)(?:了)?(?:[两二三四五六七八九十几\d]+个问题)?(?:新的)?[:：,，]?/;
const MAX = 40;
/** A visit said before the enterprise's name (去了, 走访了, 跑了一趟): what precedes the name is the visit, not the problem. */
const VISIT_BEFORE_NAME = /(?:走访|拜访|回访|调研|去了|到了|跑了|看了|走了)(?:一趟|一下)?(?:了)?\s*$/;
const SPOKEN_FILLER_START = /^(?:嗯|呃|啊|然后|就是|那个|这个|他们说|老板说|企业说)+/;
/** (a lone 然 is the first half of a 然后 that ended the clause) */
const SPOKEN_FILLER_END = /(?:嗯|呃|啊|然后就是|然后就|然后|就是|那个|(?<=\s)然)+$/;
/** Table separators and quote marks at either end (| 缺焊工10名 |, “补贴到了): frame, not words. */
const EDGE_MARKS = /^[|｜\t“”"「」『』‘’\s]+|[|｜\t“”"「」『』‘’\s]+$/g;
const LINK_WORD = /^(?:另外|此外|同时|而且|并且)|^(?:还|也)(?=缺|需要|急需|想|希望)/;
const HANDOFF_TAIL =
  /(?:的事情?|的问题|问题)?\s*(?:已经?|均已|都已)(?:交办|转办|移交|转交|交给?|报给?|转给?)[^，,。;；]*$/;
/**
 * A deadline said after the problem (，期限12月1日 / 截止12月底前, or its label left once the date was read): a field of the
 * issue, not its description.
 */
const DEADLINE_DATE =
  '(?:\\d{4}\\s*[-/.年]\\s*)?\\d{1,2}\\s*(?:[-/.月]\\s*\\d{1,2}\\s*[日号]?|月\\s*(?:底|末))\\s*(?:前|之前|以前)?';
const DEADLINE_TAIL = new RegExp(
  `[，,\\s]*(?:(?:期限|截止(?:日期|时间)?)(?:都|均|统一|一律)?(?:是|为|定为|定在|设为|到|至)?\\s*[:：]?\\s*(?:${DEADLINE_DATE})?|限\\s*[:：]?\\s*${DEADLINE_DATE})$`,
);
/** 那边 / 这边 left of the name, and "one more matter" announced (还有个事, 另外一件事情是): no words of the problem. */
const MATTER_ANNOUNCED =
  /^(?:那边|这边)(?=[\u4e00-\u9fa5])|^(?:另外|此外|再)?(?:还有|另有|另)?(?:一|两|二)?(?:个|件)(?:小)?(?:事|事情|事儿|问题|情况)(?:就)?(?:是)?[:：,，\s]*(?=[\u4e00-\u9fa5]|$)/;
/** FYI, Today, 今天, 昨天下午, 3月5日 … at the start of a clause. */
const LEADING_NOISE =
  /^(?:\s|FYI|fyi|Fyi|today|Today|@\S+|今天|今早|昨天|前天|上午|下午|晚上|刚刚|刚才|刚|(?:上上|上|本|这)?(?:周|星期|礼拜)[一二三四五六日天]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[./]\d{1,2}|[:：,，])+/;

/** A short bracketed aside (a date, a label, a number) at the start of a clause. */
const LEADING_ASIDE = /^[（(【[][^（）()【】[\]]{1,10}[）)】\]]/;

export function makeSummary(
  original: string,
  keep: Array<{ start: number; end: number }>,
  enterpriseNames: string[],
): string {
  const parts = keep
    .map((k) => {
      let t = original.slice(k.start, k.end).trim();
      t = t.replace(LEADING_NOISE, '');
      for (const name of enterpriseNames) if (name && t.startsWith(name)) t = t.slice(name.length);
      // 跟经信局小李一起去了恒远机械那个老板说…: in dictation the visit runs into the problem; the problem starts after
      // the name of the enterprise visited.
      for (const name of enterpriseNames) {
        const at = name ? t.indexOf(name) : -1;
        if (at > 0 && VISIT_BEFORE_NAME.test(t.slice(0, at))) t = t.slice(at + name.length);
      }
      t = t.replace(/^\s*(?:的|那个|这个)/, '');
      let prev: string;
      do {
        prev = t;
        t = t
          .replace(LEAD_IN, '')
          // (（12月1日）, （企业反映）, (1): a short aside in brackets opening the clause is no part of the problem)
          .replace(LEADING_ASIDE, '')
          .replace(LEADING_NOISE, '')
          .replace(/^(?:企业|公司)(?=[\u4e00-\u9fa5])/, '')
          .replace(/^的(?=[\u4e00-\u9fa5])/, '')
          // (金鼎那边还有个事 用电增容…: where the name stood and the announcement of one more matter)
          .replace(MATTER_ANNOUNCED, '')
          // (老板说他们新厂房的环评…: the reported speaker's pronoun)
          .replace(/^(?:他们|她们|人家)(?:的)?(?=[\u4e00-\u9fa5])/, '')
          .trim();
      } while (t !== prev);
      // "还缺普工" after another problem, "资金紧张的问题已交金融办": the problem without the link word or the hand-off.
      t = t.replace(LINK_WORD, '');
      t = t.replace(DEADLINE_TAIL, '');
      const cut = t.replace(HANDOFF_TAIL, '');
      if (trimPunct(cut)) t = cut;
      // fillers of dictated speech at either end (嗯, 然后, 就是, 那个)
      let before: string;
      do {
        before = t;
        t = trimPunct(t).replace(EDGE_MARKS, '').replace(SPOKEN_FILLER_START, '').replace(SPOKEN_FILLER_END, '');
      } while (t !== before);
      return trimPunct(onlyProblemCells(t)).replace(/\s{2,}/g, ' ');
    })
    .filter(Boolean);
  let s = withoutTakenBack(parts).join('，');
  if (s.length > MAX) s = `${s.slice(0, MAX - 1)}…`;
  return s;
}

/** Cell separators of a pasted table row (| ｜ tab). */
const CELL_SEPARATOR = /\s*[|｜\t]\s*/;

/**
 * A table row's cells kept for the summary: those that say something of the problem. A cell that is only a department
 * (经信局) or a step (已交办, 协调中) says who has it or where it stands — the other fields, not its description.
 */
function onlyProblemCells(t: string): string {
  const cells = t.split(CELL_SEPARATOR).filter(Boolean);
  if (cells.length < 2) return t;
  const said = cells.filter((c) => {
    const covered = [...findDepartments(c), ...findStatuses(c)].reduce((n, h) => n + (h.end - h.start), 0);
    return c.replace(/[\s，,。]/g, '').length - covered > 1;
  });
  return said.length ? said.join('，') : t;
}
