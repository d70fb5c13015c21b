/**
 * Departments in a clause and the part each plays: the handler of an issue (已交办金融办, 资规局在做,
 * 财政局拨付到位), or only a participant of the visit (跟经信局老王走访, 经心局小陈), a verifier of a
 * closure (组织部回访确认) or the object of a wish (希望商务局帮忙) — those three are not "the
 * department" of the issue.
 */
import {
  departmentAliases,
  departmentStems,
  GENERIC_BUREAUS,
  DEPARTMENT_PLACE_WORDS,
  genericEndingAt,
  ACCOMPANY_WORDS,
  ASK_TO_ACT_BEFORE_DEPARTMENT,
  ASKED_STEPS,
  DEPARTMENT_FIELD_NAMES,
  DEPARTMENT_FIELD_SETTERS,
  COMMON_SURNAMES,
  CONTACT_STEP_VERBS,
  CONTACTED_BEFORE_DEPARTMENT,
  DECLINE_AFTER_DEPARTMENT,
  DECLINE_WORDS,
  FUTURE_STEP_TIMES,
  FORMAL_HANDOFF_VERBS,
  HIGHER_LEVEL_BEFORE_DEPARTMENT,
  LEAD_AFTER_DEPARTMENT,
  normalizeDepartment,
  PLANNED_STEP_WORDS,
  placeWordAt,
  OFFICE_ONLY_STEMS,
  OWN_OFFICE_BEFORE,
  OWN_OFFICE_STEPS,
  OWN_OFFICE_WE,
  STEM_ACTION_AFTER,
  THANKS_BEFORE_DEPARTMENT,
  URGE_BEFORE_DEPARTMENT,
  CHASE_ASKED,
  POLICY_GROUND_BEFORE,
  POLICY_ISSUED_VERBS,
  POLICY_NOUNS,
} from '../lexicon/departments.js';
import { homophoneTypoAt } from '../../text/sound.js';
import { COMPANY_SUFFIXES, PERSON_AFTER } from '../lexicon/enterprises.js';
import { CATEGORY_LEXICON } from '../lexicon/categories.js';
import { VISIT_VERBS, VISIT_MOTION } from '../lexicon/signals.js';
import {
  ASK_DEPARTMENT_AFTER,
  AWAITS_DECISION_AFTER,
  HANDOFF_BEFORE_DEPARTMENT,
  HANDOFF_CONSIDERED,
  RESULT_COMPLEMENTS,
  INFORMAL_HANDOFF_BEFORE_DEPARTMENT,
  SOON_TIMES,
  SUBMISSION_VERB,
  SUBMITTED_DOCUMENT_BEFORE,
  TOLD_AFTER_DEPARTMENT,
} from '../lexicon/statuses.js';
import type { Span } from './normalize.js';

/**
 * `background`: named, but no office of ours handles the matter — one that declined it (说不归他们管) or an authority above
 * the county the enterprise applied to (已报送国家药监部门).
 */
export type DepartmentRole = 'handler' | 'participant' | 'verifier' | 'wish' | 'background';

export interface DepartmentMention extends Span {
  /** Normalised short name (经信局). */
  name: string;
  raw: string;
  role: DepartmentRole;
  /** Preceded by a hand-off verb (已交金融办, 交办人社局): the issue is assigned to it. */
  handedTo: boolean;
  /** Start of the hand-off verb when handedTo (else = start). */
  verbStart: number;
  /** Found only by its place (after a hand-off verb) and not in the department lexicon. */
  unknown?: boolean;
  /** Said to lead the work (财政牵头, 住建局主办): the handler among several. */
  leads?: boolean;
  /** Named as what a record's department field should say (Q-0087 部门写错了，应该是人社局): see extract.ts addOld. */
  fieldSet?: boolean;
}
const LEAD_AFTER = new RegExp(`^\\s*(?:${LEAD_AFTER_DEPARTMENT.join('|')})`);

const HANDOFF_VERB = new RegExp(
  `(?:${HANDOFF_BEFORE_DEPARTMENT}|${INFORMAL_HANDOFF_BEFORE_DEPARTMENT}|交办(?:给|到|至)?|转办(?:给|到|至)?|移交(?:给|到|至)?|转交(?:给|到|至)?|交给|报给|转给|派给|推送给|流转至|分流给|交由|转由|提交给?|${FORMAL_HANDOFF_VERBS.join('|')})\\s*$`,
);
/** A cadre named right after an office (人社老张, 经信局的小王, 住建李科长): the person, to recognise when named again. */
const CADRE_OF_OFFICE = new RegExp(
  `^(?:那边|的)?\\s*((?:[老小][${COMMON_SURNAMES}]|[${COMMON_SURNAMES}](?:科长|主任|局长|股长|处长))(?![\\u4e00-\\u9fa5]{0,1}(?:企业|公司|额|微|型|件)))`,
);
const NEGATED_HANDOFF = /(?:未|没有?|尚未|还没有?|待|暂未|暂不)[^，,]{0,2}$/;
const GENERIC_AFTER_HANDOFF =
  /(?:已经?)?(?:交办|转办|移交|转交|交给|报给|转给|交由|转由|流转至|推送给|交|报|转)(?:给|到|至)?\s*((?:[县市区省]|[\u4e00-\u9fa5]{2}[县市区])?[\u4e00-\u9fa5]{2,8}?(?:局|办|委|中心|管委会|大队|支队|公司|部|站|所|院|署))/g;
const COMPANY_ENDINGS = new Set<string>(COMPANY_SUFFIXES);
const PROBLEM_WORDS = CATEGORY_LEXICON.flatMap((c) => c.words).filter((w) => w.length >= 2);

/** An office ending that is a verb with its result complement after it (办下来了, 办好了, 办完): no ending. */
const VERB_ENDING = new RegExp(`^办(?:${RESULT_COMPLEMENTS.join('|')}|结|理)`);
/** Where a bare stem may stand for its department: before it (a clause edge, a hand-off or contact verb) … */
const STEM_BEFORE = new RegExp(
  `(?:^|[\\s,，。;；:：、!！?？→>)）】」”]|[交转报推移给找问跟和与同让请由到至了已经丢甩扔派在归向个]|交办|转办|那边|这边|的事|问题|${URGE_BEFORE_DEPARTMENT.join('|')})$`,
);
/** … and after it (a clause edge, a place word — 那边, 这块 … —, or the department acting: 在弄, 说, 牵头 …). */
const STEM_AFTER = new RegExp(
  String.raw`^(?:$|[\s,，。;；!！?？、]|了|的(?=$|[\s,，。;；!！?？])|部门|的人|的同志|的(?:说|讲|回复|答复|表示|反馈)|的[老小][\u4e00-\u9fa5]|的[\u4e00-\u9fa5](?:科长|主任|局长|股长)|[老小][${COMMON_SURNAMES}](?![\u4e00-\u9fa5]?(?:企业|公司|额|微|型))|[${COMMON_SURNAMES}](?:科长|主任|局长|股长)|在|说|讲|已|正|管|牵头|回复|答复|表示|同意|批|来人|对接|协调|处理|负责|跟进|帮忙|介入|出面|反馈|答应|认为|要求|打了?招呼|去了|过去|办理|这次|这回|挺|很|真|也|确实|帮着|帮忙|给力|follow|拨了|拨付|推了|推荐|发了|发证|出了|出具|给了|done|ok|OK|搞定|${STEM_ACTION_AFTER.join('|')})`,
);
/**
 * A step reported in the rest of a clause (已…, …了, …中, 在…, or a past act told with 的: 今早给的批复, 昨天批的): the
 * clause says what someone did.
 */
const STEP_IN_CLAUSE = /^[\u4e00-\u9fa5][^，,。;；\n]*?(?:已|了|中|完|在|正|[给批发办出签回]的)/;
/**
 * An office-only stem heading a clause or a spaced word (Q-0012 人社XX已…, 续贷 资规XX中) whose clause reports a step:
 * the office did it, whatever verb follows the stem.
 */
function headsStep(text: string, at: number, stem: string): boolean {
  return (
    OFFICE_ONLY_STEMS.includes(stem) &&
    /(?:^|\s)$/.test(text.slice(0, at)) &&
    STEP_IN_CLAUSE.test(text.slice(at + stem.length))
  );
}
/** After a stem, the office at work on something (在研究, 正在审, 已受理, 说…, 牵头, 办下来了). */
const STEM_ACTS = /^(?:在|正在|已经?|说|讲|牵头|负责|答应|同意|批了|拨了|回复|答复|受理|办(?:下来|好|完|妥|结))/;
/** After a stem, these make it a department whatever stands before it (许可住建那边已经发证了). */
const STEM_SURE_AFTER = new RegExp(`^(?:${DEPARTMENT_PLACE_WORDS.filter((w) => w.length >= 2).join('|')})`);
/** Contact verbs that make a hand-off after 已跟 X (已跟人社局对接, 已和住建沟通). */
const CONTACT_VERB = /^(?:那边|这边)?\s*(?:说|讲|对接|联系|沟通|汇报|报备|反映|打过?(?:了)?(?:个)?招呼)/;
/** Inside a bracket listing who went (组团成员（…, 参加人员：…、): participants, not handlers. */
const MEMBERS_BEFORE = /(?:成员|人员|组员|参加|参与|陪同)\s*(?:[(（][^)）]*|[:：][^，,。;；\n]*)$/;
const WITH_BEFORE = /(?:和|跟|与|同|陪同|会同|联合|带着|及|偕|随|随同|跟随)\s*$/;
/** After the department (and what it says): it declines the matter (说不归他们管, 不受理, 推给园区): no handler. */
const DECLINES_AFTER = new RegExp(
  `^(?:的人)?\\s*(?:那边|这边)?\\s*(?:(?:说|讲|表示|答复|回复|称|认为|反馈)(?:了)?)?[^，,。;；]{0,4}?(?:${[...new Set([...DECLINE_AFTER_DEPARTMENT, ...DECLINE_WORDS])].join('|')})`,
);
/** The department as the source of a policy: 人社局的稳岗补贴, 商务局发的文件, 根据发改局文件. */
const POLICY_SOURCE_AFTER = new RegExp(
  `^\\s*(?:(?:[去今前]年|年初|年内|之前|此前|前期|最近|近期|新)?(?:${POLICY_ISSUED_VERBS.join('|')})的|的)\\s*[\\u4e00-\\u9fa5]{0,6}?(?:${POLICY_NOUNS.join('|')})`,
);
const POLICY_GROUND = new RegExp(`(?:${POLICY_GROUND_BEFORE.join('|')})\\s*$`);
const CONTACTED_BEFORE = new RegExp(`(?:${CONTACTED_BEFORE_DEPARTMENT.join('|')})\\s*$`);
/** Before a department: nobody took the matter there yet (还没找过供电所, 尚未联系人社局): no handler. */
const NOT_CONTACTED_BEFORE =
  /(?:未|没有?|尚未|还没有?|暂未)\s*(?:找|联系|对接|沟通|交|报|转|跟|和|与|同|向|给)(?:过|给)?\s*$/;
const HIGHER_LEVEL_BEFORE = new RegExp(`(?:${HIGHER_LEVEL_BEFORE_DEPARTMENT.join('|')})\\s*$`);
const VERIFY_AFTER = /^\s*(?:已|也|再|去|上门)?(?:回访|确认|核实|复核|抽查|验收|见证)/;
/** A wish or request right before the department, maybe with help to contact it (能不能帮忙对接人社局). */
const WISH_BEFORE = new RegExp(
  `(?:想请|想让|想找|希望|请求|恳请|要求|需要|盼|能否|能不能|可否|可不可以|(?<![申邀])请|(?:想|要|希望)申请|问|问问)\\s*(?:(?:帮忙|帮着|帮|给|替|代为)?\\s*(?:${[...CONTACT_STEP_VERBS, ...URGE_BEFORE_DEPARTMENT].join('|')}))?\\s*$`,
);
/**
 * Before the department, a step still to take (需协调供电公司, 将对接商务局, 建议联系人社局): the department is wished
 * for, nobody handles the matter yet.
 */
const TO_DO_BEFORE = new RegExp(`(?:${PLANNED_STEP_WORDS.join('|')})\\s*(?:${CONTACT_STEP_VERBS.join('|')})?\\s*$`);
const PLANNED_STEP = new RegExp(`(?:${PLANNED_STEP_WORDS.join('|')})\\s*$`);
/** Before the department, a contact still ahead (下周跟生态局沟通, 计划明天和人社局对接): nobody handles the matter yet. */
const FUTURE_CONTACT_BEFORE = new RegExp(
  `(?:${[...FUTURE_STEP_TIMES, ...SOON_TIMES].join('|')})\\s*(?:我们|咱们|我|咱)?\\s*(?:再|还要|要|会|将|去)?\\s*(?:${CONTACT_STEP_VERBS.join('|')})\\s*$`,
);
/** After the department (and its cadre): it went along on our visit (陪同走访, 带队, 随行, 一同参加). */
const ACCOMPANIES_AFTER = new RegExp(
  `^\\s*(?:[\\u4e00-\\u9fa5]{1,4}?(?:科|股|处|室|中心|大队))?\\s*(?:也|都|一并)?(?:派了?(?:人|员|专人|同志))?(?:${ACCOMPANY_WORDS.join('|')})`,
);
/** After the department's cadre: they came themselves (电力的人来看过了, 住建局同志到现场): the office at work. */
const COMES_AFTER = /^\s*(?:已经?|也|都|今天|上午|下午|昨天)?\s*(?:来了?|过来|上门|到现场|到厂|到企业|现场)/;

const THANKED_BEFORE = new RegExp(`(?:${THANKS_BEFORE_DEPARTMENT.join('|')})\\s*(?:一下|下)?\\s*$`, 'i');
const ASKED_BEFORE = new RegExp(`(?:${ASK_TO_ACT_BEFORE_DEPARTMENT.join('|')})\\s*$`);
const ASKED_STEP_TAKEN = new RegExp(
  `^\\s*(?:那边|这边)?\\s*(?:帮忙|帮着|协助|提前|尽快)?\\s*(?:${ASKED_STEPS.join('|')})[^，,。;；\\s]{0,6}?了`,
);
const DEPARTMENT_FIELD_SET = new RegExp(
  `(?:${DEPARTMENT_FIELD_NAMES.join('|')})[^。；;\\n]{0,8}?(?:${DEPARTMENT_FIELD_SETTERS.join('|')})(?:成|为|到)?\\s*$`,
);
/** Before an office's name: the writer's own (我们税务局, 我是人社局的). */
const OWN_OFFICE_BEFORE_RE = new RegExp(`(?:${OWN_OFFICE_BEFORE.join('|')})[县市区]?$`);
/** "We" taking an office's step (我们已受理, 我们局当场受理了, 我们这边正在协调). */
const OWN_OFFICE_WE_RE = new RegExp(
  `(${OWN_OFFICE_WE.join('|')})(?=\\s*(?:已经?|正在|在|也|都|当场|马上|已于[^，,。;；]{0,8}?)?\\s*(?:${OWN_OFFICE_STEPS.join('|')}))`,
  'g',
);
/** Where a mention starting at `at` starts with its place prefix (县经信局, 市人社局): one character back, or `at`. */
function withPlacePrefix(text: string, at: number): number {
  return at > 0 && /[县市区省]/.test(text[at - 1]!) && !/(?:全|本|各|该)$/.test(text.slice(Math.max(0, at - 2), at - 1))
    ? at - 1
    : at;
}

/** Find department mentions in `text`. `clauseOf` gives the clause boundaries around a position. */
export function findDepartments(text: string): DepartmentMention[] {
  const found: Array<Span & { raw: string; name: string; unknown?: boolean }> = [];
  const free = (s: number, e: number) => !found.some((f) => s < f.end && f.start < e);

  for (const { alias, name } of departmentAliases()) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(alias, from);
      if (at < 0) break;
      from = at + 1;
      // Extend over a place prefix (县经信局, 市人社局).
      const start = withPlacePrefix(text, at);
      if (free(start, at + alias.length))
        found.push({ start, end: at + alias.length, raw: text.slice(start, at + alias.length), name });
    }
  }
  // Bare stems where a department is expected (报给住建了, 自规那边在弄, 跟税务说了).
  for (const { stem, name } of departmentStems()) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(stem, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + stem.length;
      if (!free(at, end)) continue;
      const after = text.slice(end, end + 4);
      // 生态局, 社保所, 应急办: a stem with a generic office ending is the department wherever it stands
      // (施工许可住建办下来了: 办 there is the verb of the result, not the office's ending)
      const ending = VERB_ENDING.test(after) ? '' : genericEndingAt(after);
      if (ending && !COMPANY_ENDINGS.has(stem) && !PROBLEM_WORDS.some((w) => text.startsWith(w, end))) {
        found.push({ start: at, end: end + ending.length, raw: text.slice(at, end + ending.length), name });
        continue;
      }
      const placed = placeWordAt(after) !== '';
      // 许可住建那边已经发证了: a stem before 那边 is the department whatever precedes it — unless the stem also ends
      // company names (华信科技那边, 鸿运环保那边): then only right after a topic word (环评环保那边…)
      const sure =
        STEM_SURE_AFTER.test(after) &&
        (!COMPANY_ENDINGS.has(stem) || PROBLEM_WORDS.some((w) => text.slice(0, at).endsWith(w)));
      // 用地指标资规在研究 (dictation joined back): right after the topic, a stem doing something is the office
      const afterTopic =
        STEM_ACTS.test(after) && PROBLEM_WORDS.some((w) => w.length >= 2 && text.slice(0, at).endsWith(w));
      if (
        !sure &&
        !afterTopic &&
        (!STEM_BEFORE.test(text.slice(Math.max(0, at - 3), at)) ||
          !(placed || STEM_AFTER.test(after) || headsStep(text, at, stem)))
      )
        continue;
      // 园区管网没铺到, 金融贷款: a stem right before a problem word modifies it (no office acts there)
      if (!placed && PROBLEM_WORDS.some((w) => text.startsWith(w, end))) continue;
      let stop = end;
      while (/[委局]/.test(text[stop] ?? '') && stop - end < 1) stop++; // 发改委
      found.push({ start: at, end: stop, raw: text.slice(at, stop), name });
    }
  }
  // Typos of a full name where one character is replaced by one read alike (资归局, 住健局, 商务居, 人设局, 金融版),
  // where a department is expected; and of a bare stem before a place word (人设那边, 住健这块).
  const typoForms = [
    ...departmentAliases().filter((a) => a.alias.length >= 3),
    ...departmentStems().map(({ stem, name }) => ({ alias: stem, name, stem: true })),
  ];
  for (const { alias, name, stem } of typoForms as Array<{ alias: string; name: string; stem?: boolean }>) {
    for (let i = 0; i + alias.length <= text.length; i++) {
      // one character replaced: the first or the second one is as written (a cheap test before the sound lookup)
      if (text[i] !== alias[0] && text[i + 1] !== alias[1]) continue;
      const w = text.slice(i, i + alias.length);
      if (!free(i, i + alias.length) || !/^[\u4e00-\u9fa5]+$/.test(w)) continue;
      const at = homophoneTypoAt(w, alias);
      if (at < 0 || GENERIC_BUREAUS.includes(w)) continue;
      if (stem && !placeWordAt(text.slice(i + w.length))) continue;
      // 规划许可 is no typo of 规划局: a problem word runs through the window.
      if (
        PROBLEM_WORDS.some((pw) => {
          const k = text.indexOf(pw, Math.max(0, i - pw.length + 1));
          return k >= 0 && k < i + w.length && k + pw.length > i + at;
        })
      )
        continue;
      if (
        !STEM_BEFORE.test(text.slice(Math.max(0, i - 3), i)) &&
        !STEM_AFTER.test(text.slice(i + w.length, i + w.length + 4)) &&
        !placeWordAt(text.slice(i + w.length))
      )
        continue;
      // 已交县人力资源和社会保账局: the place prefix belongs to the mention, as for a name written right
      const start = withPlacePrefix(text, i);
      found.push({ start, end: i + w.length, raw: text.slice(start, i + w.length), name });
    }
  }
  // 跟人社老张去了趟恒丰…当场交给老张了: a cadre introduced with the office (人社老张, 住建局的李科长) and later handed a
  // matter is that office handed it
  for (const f of [...found]) {
    const person = CADRE_OF_OFFICE.exec(text.slice(f.end))?.[1];
    if (!person) continue;
    for (let from = f.end + person.length; ; ) {
      const at = text.indexOf(person, from);
      if (at < 0) break;
      from = at + person.length;
      if (free(at, at + person.length) && HANDOFF_VERB.test(text.slice(Math.max(0, at - 8), at)))
        found.push({ start: at, end: at + person.length, raw: person, name: f.name });
    }
  }
  for (const m of text.matchAll(GENERIC_AFTER_HANDOFF)) {
    const raw = m[1]!;
    // 相关部门, 有关单位: no office named; 申报是交办科技局: a hand-off verb is no office's name
    if (
      /问题|已|的|了|事情|^(?:相关|有关|职能|主管|对口|上级|是)|交办|转办|移交|转交|交给|报给|转给|交由/.test(raw) ||
      GENERIC_BUREAUS.includes(raw)
    )
      continue;
    const start = m.index + m[0].length - raw.length;
    if (free(start, start + raw.length))
      found.push({ start, end: start + raw.length, raw, name: normalizeDepartment(raw), unknown: true });
  }

  // 我们税务局随团去了…企业又提到加计扣除，我们已受理: a writer from a department's side speaks of it as "we" — a later
  // "we" taking a step is that office (only when the writer named it as their own; 我们局 alone names none)
  const own = found.find((f) => OWN_OFFICE_BEFORE_RE.test(text.slice(Math.max(0, f.start - 4), f.start)));
  if (own)
    for (const m of text.matchAll(OWN_OFFICE_WE_RE)) {
      const at = m.index;
      if (at < own.end || !free(at, at + m[1]!.length)) continue;
      found.push({ start: at, end: at + m[1]!.length, raw: m[1]!, name: own.name });
    }
  // 住建那边, 人社这块, 发改口: the place word is part of the mention (what follows it is what the office does).
  for (const f of found) {
    const place = placeWordAt(text.slice(f.end));
    if (place && free(f.end, f.end + place.length)) {
      f.end += place.length;
      f.raw += place;
    }
  }
  const mentions = found
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const clauseStart =
        Math.max(
          text.lastIndexOf('，', f.start - 1),
          text.lastIndexOf(',', f.start - 1),
          text.lastIndexOf('。', f.start - 1),
          text.lastIndexOf(';', f.start - 1),
          text.lastIndexOf('；', f.start - 1),
        ) + 1;
      const clauseEndRel = text.slice(f.end).search(/[，,。;；]/);
      const clauseEnd = clauseEndRel < 0 ? text.length : f.end + clauseEndRel;
      const before = text.slice(clauseStart, f.start);
      const after = text.slice(f.end, clauseEnd);
      const verb = HANDOFF_VERB.exec(before);
      const considered =
        verb !== null &&
        (HANDOFF_CONSIDERED.test(before.slice(0, verb.index)) || PLANNED_STEP.test(before.slice(0, verb.index)));
      // GMP认证材料报到省药监局了 想请我们帮忙催一下: the enterprise's own application, waiting there — no hand-off
      const submitted =
        verb !== null &&
        SUBMITTED_DOCUMENT_BEFORE.test(before.slice(0, verb.index)) &&
        SUBMISSION_VERB.test(verb[0].replace(/^(?:已经?|都已|均已)/, '')) &&
        AWAITS_DECISION_AFTER.test(text.slice(f.end, f.end + 40));
      // 跟税务说了, 和住建打了招呼: telling the department is handing it over.
      const afterPerson = after.replace(PERSON_AFTER, '');
      // 我找了生态局的王科长, 已联系过供电所: we took it there
      const contacted =
        verb === null && CONTACTED_BEFORE.test(before) && !NEGATED_HANDOFF.test(before.replace(CONTACTED_BEFORE, ''));
      // 我让发改局跟了: asked to take a step, and it was taken up
      const asked =
        verb === null &&
        ASKED_BEFORE.test(before) &&
        !HANDOFF_CONSIDERED.test(before.replace(ASKED_BEFORE, '')) &&
        !PLANNED_STEP.test(before.replace(ASKED_BEFORE, '')) &&
        ASKED_STEP_TAKEN.test(afterPerson);
      // Q-0087 部门写错了，应该是人社局: the record's department set to it (an update of that record hands it over)
      const fieldSet = verb === null && DEPARTMENT_FIELD_SET.test(text.slice(Math.max(0, f.start - 16), f.start));
      const told =
        contacted ||
        asked ||
        (verb === null &&
          !FUTURE_CONTACT_BEFORE.test(before) &&
          // (希望交通运输局跟公安那边协调: 跟 joins the offices wished for, nothing was told)
          !wishedBefore(text, clauseStart, f.start) &&
          /(?:跟|和|与|给|同|找|向)\s*$/.test(before) &&
          (TOLD_AFTER_DEPARTMENT.test(afterPerson) ||
            // 已跟人社局的李科长对接: 已 before the contact says it is done
            (/已经?\s*(?:跟|和|与|同|向)\s*$/.test(before) && CONTACT_VERB.test(afterPerson))));
      // 由组织部带队, 县经信局陪同走访: the office went along on the visit, whatever verb stands before it
      const accompanies = ACCOMPANIES_AFTER.test(afterPerson) && !TOLD_AFTER_DEPARTMENT.test(afterPerson);
      const handedTo =
        ((verb !== null && !NEGATED_HANDOFF.test(before.slice(0, verb.index))) || told) &&
        !considered &&
        !accompanies &&
        !submitted;
      const verbStart = handedTo
        ? clauseStart +
          (verb
            ? verb.index
            : contacted
              ? before.search(CONTACTED_BEFORE)
              : asked
                ? before.search(ASKED_BEFORE)
                : before.search(/(?:跟|和|与|给|同|找|向)\s*$/))
        : f.start;
      let role: DepartmentRole = 'handler';
      const clause = text.slice(clauseStart, clauseEnd);
      // (走访了X，他们说…冷库用地农业农村局和自规局正在协调: an office named in what the enterprise says after the
      // visit verb did not go along)
      // (跟经信局老王一起去了: the motion right after the office and its cadre — not a 到 anywhere after it, 招不到人)
      const inVisit =
        (VISIT_VERBS.test(clause) && !saidAfterVisit(before)) ||
        MOTION_AFTER.test(afterPerson.replace(PERSON_AFTER, ''));
      if (accompanies) role = 'participant';
      else if (submitted) role = 'background';
      else if (!handedTo) {
        // (谢谢市监局的同志: the office thanked for the matter handled it — its staff named after it are no visit's company)
        if (THANKED_BEFORE.test(before)) role = 'handler';
        else if (
          PERSON_AFTER.test(after) &&
          !(COMES_AFTER.test(afterPerson) && !WITH_BEFORE.test(before)) &&
          (inVisit || !CADRE_SAYS.test(after))
        )
          role = 'participant';
        else if (WITH_BEFORE.test(before) && inVisit) role = 'participant';
        // 组团成员（县委组织部、县发改局…）走访…: the members of the visiting team
        else if (MEMBERS_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start))) role = 'participant';
        else if (VERIFY_AFTER.test(after)) role = 'verifier';
        else if (NOT_CONTACTED_BEFORE.test(before)) role = 'wish';
        else if (
          DECLINES_AFTER.test(afterPerson) ||
          // (注册证在省药监局审了一年，想请我们帮忙问一下: the enterprise's own application waits there, we are asked to chase it)
          CHASE_ASKED_AFTER.test(sentenceAfter(text, f.end)) ||
          POLICY_SOURCE_AFTER.test(after) ||
          POLICY_GROUND.test(before) ||
          HIGHER_LEVEL_BEFORE.test(text.slice(Math.max(0, f.start - 4), f.start))
        )
          role = 'background';
        else if (
          WISH_BEFORE.test(before) ||
          TO_DO_BEFORE.test(before) ||
          FUTURE_CONTACT_BEFORE.test(before) ||
          considered ||
          ASK_DEPARTMENT_AFTER.test(after) ||
          wishedBefore(text, clauseStart, f.start)
        )
          role = 'wish';
      }
      const unknown =
        f.unknown && (handedTo || role === 'handler') && !departmentAliases().some((a) => f.raw.endsWith(a.alias))
          ? { unknown: true }
          : {};
      const leads = LEAD_AFTER.test(text.slice(f.end)) ? { leads: true } : {};
      const setField = fieldSet && role === 'handler' ? { fieldSet: true } : {};
      return {
        start: f.start,
        end: f.end,
        raw: f.raw,
        name: f.name,
        role,
        handedTo,
        verbStart,
        ...unknown,
        ...leads,
        ...setField,
      };
    });
  // 环保局推给了园区, 园区又推回环保局: an office bouncing the matter on hands it to nobody
  for (const [i, m] of mentions.entries()) {
    const clauseStart =
      Math.max(...['，', ',', '。', ';', '；', '\n'].map((p) => text.lastIndexOf(p, m.start - 1))) + 1;
    const pushed = /(又|再)?推(回)?(?:给|到|至)?了?\s*$/.exec(text.slice(clauseStart, m.start));
    if (!pushed) continue;
    const verbAt = clauseStart + pushed.index;
    // 又推回 bounces whoever says it; a plain 推给 only after another office (我推给人社局了 is our hand-off)
    if (pushed[1] || pushed[2] || mentions.some((o) => o !== m && o.start >= clauseStart && o.end <= verbAt))
      mentions[i] = { ...m, role: 'background', handedTo: false, verbStart: m.start };
  }
  // 跟发改的老李一起去…老李说他回去就办: the cadre who went along takes the matter on — the office handles it
  for (const [i, m] of mentions.entries()) {
    if (m.role !== 'participant') continue;
    const person = CADRE_AFTER.exec(text.slice(m.end))?.[1];
    if (!person) continue;
    const later = text.slice(m.end + text.slice(m.end).indexOf(person) + person.length);
    if (new RegExp(`${person}\\s*(?:${CADRE_TAKES_ON.source})`).test(later))
      mentions[i] = { ...m, role: 'handler', handedTo: true, verbStart: m.start };
  }
  // 会同发改局、住建局走访: a department listed right after one that went along went along too
  for (let i = 1; i < mentions.length; i++) {
    const prev = mentions[i - 1]!;
    const m = mentions[i]!;
    if (
      prev.role === 'participant' &&
      m.role === 'handler' &&
      !m.handedTo &&
      LIST_JOINER.test(text.slice(prev.end, m.start))
    )
      mentions[i] = { ...m, role: 'participant' };
  }
  // 县委组织部、县发改局联合走访: … and one listed right before it
  for (let i = mentions.length - 2; i >= 0; i--) {
    const next = mentions[i + 1]!;
    const m = mentions[i]!;
    if (
      next.role === 'participant' &&
      m.role === 'handler' &&
      !m.handedTo &&
      LIST_JOINER.test(text.slice(m.end, next.start))
    )
      mentions[i] = { ...m, role: 'participant' };
  }
  return mentions;
}
/** Later in the sentence, we are asked to chase the matter (想请我们帮忙问一下, 让帮着催): nobody of ours has it yet. */
const CHASE_ASKED_AFTER = new RegExp(
  `(?:${CHASE_ASKED.join('|')})\\s*(?:我们|我|一下)?\\s*(?:帮忙|帮着|帮)(?:他们|企业)?\\s*(?:问|催|跟|盯|打听|了解)`,
);
/** The rest of the sentence after `at`. */
function sentenceAfter(text: string, at: number): string {
  const end = text.slice(at).search(/[。！!？?\n]/);
  return text.slice(at, end < 0 ? text.length : at + end);
}
/** The cadre named right after a department (的老李, 王科长): who may later take the matter on. */
const CADRE_AFTER = /^\s*的?\s*((?:[老小][\u4e00-\u9fa5])|(?:[\u4e00-\u9fa5](?:科长|主任|局长|股长|书记|部长)))/;
/** The cadre, later: promises to handle it (说他回去就办, 当场答应帮忙对接, 表示会跟进) or takes it on (当场就接了, 揽下了). */
const CADRE_TAKES_ON =
  /(?:当场|现场)?(?:(?:说|讲|表示|答应|承诺|表态)[^，,。;；]{0,6}?(?:回去|马上|尽快|会|来|负责|帮忙|帮着)?[^，,。;；]{0,4}?(?:办|落实|跟进|对接|协调|解决|处理|研究|推进)|[^，,。;；]{0,6}?(?:(?:接|揽|包)(?:了|下了?|过去了?)(?=$|[^\u4e00-\u9fa5])|认领了?|应下了?))/;
/** The department's cadre saying something (住建的王科长说…, 人社局小李回复): the office speaking, outside a visit. */
const CADRE_SAYS =
  /^(?:的)?(?:[老小][\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,2}(?:科长|主任|局长|股长|同志|经理))(?:说|讲|反馈|回复|答复|表示)/;
const VISIT_VERBS_G = new RegExp(VISIT_VERBS.source, 'g');
/** Right after a department (and its cadre): it went somewhere (一起去了, 也到了). */
const MOTION_AFTER = new RegExp(`^[\\s的]*(?:也|都|还|一起|一同|一道|一块儿?|一路|同)?\\s*(?:${VISIT_MOTION.source})`);
/** Words reporting what someone said (他们说, 企业反映): what follows is their words. */
const REPORTED_SPEECH = /(?:说|反映|提出|表示|讲|提到)/;
/** Before a department, the last visit verb of its clause is followed by words reporting what someone said. */
function saidAfterVisit(before: string): boolean {
  const visits = [...before.matchAll(VISIT_VERBS_G)];
  const last = visits.at(-1);
  return last !== undefined && REPORTED_SPEECH.test(before.slice(last.index + last[0].length));
}
/** What joins two departments of one list (经信局、发改局, 人社局和组织部). */
const LIST_JOINER = /^\s*(?:[、及和与跟同]|以及)\s*$/;

/**
 * "希望住建和应急部门一起协调": a department joined by 和/、/及/跟 to one that is wished for is wished for too.
 * `start` is the department's start, `clauseStart` its clause's.
 */
function wishedBefore(text: string, clauseStart: number, start: number): boolean {
  const before = text.slice(clauseStart, start);
  const joined =
    /(?:想请|想让|希望|请求|恳请|要求|需要|能否|能不能|请)\s*[\u4e00-\u9fa5]{2,10}?(?:[和与及、跟同]|以及)\s*$/;
  return joined.test(before);
}

/** The department that handles the issue described by `text`, or null. */
export function handlerDepartment(mentions: DepartmentMention[]): string | null {
  // 已报生态环境局和财政局，财政牵头: the one said to lead, when it is also handed the issue or acting on it
  const lead = mentions.find((m) => m.leads && m.role === 'handler');
  // (发改、资规两家都在看，资规牵头: among several at work, the one said to lead too)
  if (lead && (mentions.some((m) => m.handedTo) || mentions.filter((m) => m.role === 'handler').length > 1))
    return lead.name;
  const handed = mentions.filter((m) => m.handedTo);
  if (handed.length) return handed[handed.length - 1]!.name;
  // Several departments at work ("经信局、财政局正在联合审核"): the first one leads.
  const handlers = mentions.filter((m) => m.role === 'handler');
  return handlers.length ? handlers[0]!.name : null;
}
