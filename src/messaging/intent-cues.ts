/**
 * The words that tell a free-text message's intent, kept as data (word lists) and compiled once. The router's
 * classifier (handlers/classify.ts) and the ledger's fallbacks read them; the parser has its own lexicons for the report itself.
 */

import { escapeRegExp } from '../text/regexp.js';

const alt = (words: readonly string[]) => words.map(escapeRegExp).join('|');

/** A whole message that only acknowledges (after emoji and punctuation are removed). */
export const ACK_WORDS = [
  '收到',
  '好的',
  '好',
  '好嘞',
  '好滴',
  '行',
  '谢谢',
  '感谢',
  '多谢',
  '辛苦了',
  '辛苦',
  '明白',
  '明白了',
  '知道了',
  '了解',
  '嗯',
  '嗯嗯',
  'ok',
  'okay',
  'thanks',
  'thx',
  '赞',
  '点赞',
  '👌',
] as const;
/** Whom thanks may be addressed to ("谢谢政策通", "辛苦王科长"): the bot, the group, a person by title. */
const ACK_ADDRESSEES = [
  '政策通',
  '机器人',
  '小助手',
  '助手',
  '领导',
  '组长',
  '老师',
  '同志们',
  '大家',
  '各位',
] as const;
const PERSON_TITLES = [
  '总',
  '科长',
  '主任',
  '书记',
  '部长',
  '局长',
  '县长',
  '镇长',
  '组长',
  '老师',
  '师傅',
  '哥',
  '姐',
] as const;
/** A reply word that answers nothing when no question waits ("对", "是", "否", "哈哈", "1"): a short word back. */
export const BARE_REPLY_WORDS = [
  '对',
  '对的',
  '是',
  '是的',
  '否',
  '不是',
  '不',
  '嗯',
  '哈哈',
  '哈哈哈',
  '呵呵',
  '好吧',
  '确认',
  '取消',
] as const;
/** Particles that may trail an acknowledgement (收到啦, 好的呀). */
const ACK_TAIL = ['啦', '了', '哈', '呀', '哦', '噢', '喔', '的', '大家', '各位'] as const;

/** Question forms: a question mark, or an interrogative word. */
export const QUESTION_WORDS = [
  '哪',
  '多少',
  '什么',
  '啥',
  '咋',
  '怎么',
  '怎样',
  '如何',
  '为什么',
  '是否',
  '能否',
  '可否',
  '能不能',
  '可不可以',
  '是不是',
  '有没有',
  '了没',
  '请问',
] as const;
/** Question particles that count only at the end of a clause ("…的事情呢就是…" is a filler). */
export const QUESTION_ENDINGS = ['吗', '呢', '么', '几个', '几条', '几项', '几家', '几种', '没有'] as const;
/** 几 + a unit asks a number anywhere in a clause ("几天完成了三定方案"), unless 几 is a vague amount (这几天, 过几天, 了几个, 多参加几个, 招几个). */
const COUNTED_UNITS = [
  '天',
  '名',
  '人',
  '次',
  '年',
  '位',
  '批',
  '支',
  '所',
  '条',
  '项',
  '种',
  '个',
  '家',
  '万',
  '亿',
  '岁',
] as const;
/** Question words inside a negation are no question ("没提什么新的诉求"). */
const NEGATED_QUESTION = /没(?:有)?[提说讲要啥]?(?:什么|啥)|不(?:知道|清楚)(?:什么|啥)/g;
/** A question about how an issue stands: the ledger answers it with the card. */
export const STATUS_QUESTION_WORDS = [
  '到哪一步',
  '到哪步',
  '到哪了',
  '怎么样了',
  '如何了',
  '咋样了',
  '进展',
  '进度',
  '批了没',
  '批下来没',
  '了没有',
  '了没',
  '好了吗',
  '结了吗',
  '能不能结',
  '可以结',
  '能结',
  '可不可以结',
  '办得怎么样',
  '有消息',
  '有结果',
  '有回复',
  '什么情况',
  '啥情况',
  '到账没',
  '放款没',
  '落实没',
  '解决没',
  '办了没',
  '完成没',
  '批了吗',
  '到账了吗',
  '解决了吗',
  '办结了吗',
  // the issues of a named enterprise ("华康有哪些问题"), and when a result will come ("奖励什么时候能到")
  '有哪些问题',
  '有什么问题',
  '有啥问题',
  '还有哪些事',
  '什么时候能到',
  '什么时候到账',
  '什么时候能批',
  '什么时候批',
  '什么时候能办好',
  '什么时候能下来',
  '啥时候能到',
  '啥时候到账',
  '啥时候能批',
] as const;
/** The ledger's own nouns after an enterprise's name ("恒宇的问题清单"): a look-up, not a report. */
export const LEDGER_NOUNS = [
  '问题清单',
  '台账',
  '问题列表',
  '在办问题',
  '未办结问题',
  '清单',
  '问题',
  '情况',
  '进展',
  '近况',
] as const;
/**
 * A request for help in a report's last clause ("能不能帮忙对接人社局", "想问问能不能加快"): the enterprise's wish,
 * recorded with the report, not a question to the bot.
 */
export const REQUEST_OPENERS = [
  '能不能',
  '能否',
  '可不可以',
  '可否',
  '看能不能',
  '看看能不能',
  '麻烦',
  '请',
  '希望',
] as const;
export const REQUEST_VERBS = [
  '帮忙',
  '帮助',
  '帮',
  '协调',
  '加快',
  '对接',
  '解决',
  '支持',
  '推动',
  '催',
  '加急',
  '落实',
  '争取',
  '尽快',
] as const;
/** Nouns of a policy lookup ("专班组建原则"): a short message made of these is a question. */
export const POLICY_TOPIC_WORDS = [
  '要求',
  '条件',
  '原则',
  '规定',
  '办法',
  '政策',
  '标准',
  '流程',
  '程序',
  '补贴',
  '补助',
  '文件',
] as const;
/** Someone else's question reported in an update ("企业问能否申请补助") is report content, not a question to the bot. */
export const REPORTED_SPEECH = ['问', '咨询', '询问', '想了解', '想知道', '希望了解', '打听'] as const;
export const REPORTED_SUBJECTS = [
  '企业',
  '公司',
  '厂',
  '厂里',
  '对方',
  '他们',
  '老板',
  '负责人',
  '老总',
  '财务',
] as const;

/** Chat and announcements in the group (not a question to the bot, not a report): a short word at most. */
export const CHAT_WORDS = [
  '各位',
  '大家',
  '通知',
  '群里',
  '愉快',
  '值班',
  '例会',
  '开会',
  '早上好',
  '晚安',
  '周末',
  '节日快乐',
  '新年好',
  '看一下',
  '请查收',
  '请知悉',
  '知悉',
  '提醒一下',
  '辛苦',
] as const;
/**
 * A remark on how things are (天气真冷, 今天好累啊, 这个太难了吧): a degree word before a word of how the day feels
 * (REMARK_PREDICATES), or an exclamation particle, closing a clause. With no lookup noun and no policy topic it asks
 * nothing: a short word back.
 */
export const REMARK_DEGREE = ['真', '好', '太', '挺', '蛮', '超', '特别', '有点', '可真'] as const;
/** How the day or the weather feels (累, 冷, 忙 …): with a degree word a remark even without a particle (天气真冷). */
export const REMARK_PREDICATES = [
  '累',
  '冷',
  '热',
  '忙',
  '困',
  '饿',
  '晒',
  '闷',
  '烦',
  '难',
  '辛苦',
  '不容易',
  '麻烦',
  '开心',
  '高兴',
  '郁闷',
  '头疼',
  '头大',
  '折腾',
  '堵',
] as const;
export const EXCLAMATION_PARTICLES = ['啊', '呀', '哇', '啦', '哈', '呐', '吧'] as const;
/** Nouns of a lookup ("三服务活动的主要内容"): a message made of these is a question even without a question word (the
 * policy-topic nouns and more). */
export const LOOKUP_NOUNS = [
  '内容',
  '措施',
  '意见',
  '方案',
  '做法',
  '经验',
  '意义',
  '作用',
  '职责',
  '任务',
  ...POLICY_TOPIC_WORDS,
  '精神',
  '举措',
  '目标',
  '机制',
] as const;
/** A correction of what was recorded ("更正：…不是工程师，是操作工"). */
export const CORRECTION_WORDS = ['更正', '纠正', '改正', '说错', '写错', '记错', '搞错', '订正'] as const;

/** A visit happened (past): the message reports it. */
export const VISIT_WORDS = [
  '走访',
  '拜访',
  '回访',
  '到访',
  '调研',
  '上门',
  '实地',
  '去了',
  '到了',
  '去过',
  '跑了',
  '看了',
  '见了',
  '座谈',
  '走了一趟',
  '跑了一趟',
  '去看了',
  // (light visits: 都坐了坐, 走了一遍, 转了一圈)
  '坐了坐',
  '坐了一下',
  '走了一遍',
  '走了一圈',
  '转了转',
  '转了一圈',
] as const;
/** A problem of an enterprise. */
export const PROBLEM_WORDS = [
  '缺',
  '难',
  '紧张',
  '困难',
  '问题',
  '诉求',
  '反映',
  '停产',
  '停工',
  '拖欠',
  '欠款',
  '不足',
  '下滑',
  '招不到',
  '需要',
  '希望',
  '申请',
  '卡住',
  '卡在',
  '慢',
  '贵',
  '没电',
  '断电',
  '限电',
  '停电',
  '压力',
  '投诉',
  // setbacks of a matter in hand (材料又被退回了, 申请被驳回, 验收没通过)
  '退回',
  '驳回',
  '打回',
  '不予受理',
  '没通过',
  '未通过',
] as const;
/** "Nothing to report" after a visit: still a visit. */
export const ALL_WELL_WORDS = [
  '一切正常',
  '正常',
  '没有困难',
  '没什么诉求',
  '暂无诉求',
  '无诉求',
  '没有诉求',
  '生产正常',
  '经营正常',
  '运转正常',
] as const;
/** A status change stated as done. */
export const STATUS_WORDS = [
  '已交办',
  '已办结',
  '已解决',
  '已对接',
  '已落实',
  '已到位',
  '已到账',
  '已放款',
  '已批',
  '已通过',
  '已完成',
  '已销号',
  '已转',
  '已报',
  '交办',
  '办结',
  '销号',
  '落实了',
  '解决了',
  '搞定了',
  '到账了',
  '通过了',
  '到位了',
] as const;

/** A plan: said before it happens ("明天计划去华康药业走访"). */
export const PLAN_WORDS = [
  '计划',
  '打算',
  '准备',
  '拟',
  '将于',
  '将要',
  '安排',
  '预计',
  '下次',
  '改天',
  '过两天',
  '明天',
  '后天',
  '下周',
] as const;
export const PLAN_ACTIONS = ['去', '到', '走访', '拜访', '前往', '对接', '上门', '调研', '看看', '回访'] as const;
/** Past markers that make a would-be plan a report. */
export const PAST_MARKERS = ['去了', '到了', '走访了', '拜访了', '看了', '反映', '提出', '表示', '已'] as const;

/**
 * A vote on the answer just given, typed instead of pressed (platforms or cards without buttons): the whole message is
 * the vote. Thumbs (any skin tone, repeated) or one of these words, optionally with a trailing particle (ACK_TAIL).
 */
export const FEEDBACK_UP_WORDS = [
  '有用',
  '很有用',
  '挺有用',
  '太有用了',
  '有帮助',
  '很有帮助',
  '帮到了',
  '管用',
  '有效',
] as const;
export const FEEDBACK_DOWN_WORDS = [
  '没用',
  '没有用',
  '没啥用',
  '无用',
  '不管用',
  '没帮助',
  '没有帮助',
  '没帮上',
  '没帮到',
  '不对',
  '答错了',
  '答非所问',
] as const;
const THUMBS = { up: '\u{1F44D}', down: '\u{1F44E}' } as const;
const SKIN_TONE = '[\u{1F3FB}-\u{1F3FF}]?\u{FE0F}?';

const EMOJI = /(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])/gu;
const PUNCT = /[\s\p{P}\p{S}]/gu;

export const CUES = {
  voteUp: new RegExp(`^(?:(?:${THUMBS.up}${SKIN_TONE})+|(?:${alt(FEEDBACK_UP_WORDS)})(?:${alt(ACK_TAIL)})*)$`, 'u'),
  voteDown: new RegExp(
    `^(?:(?:${THUMBS.down}${SKIN_TONE})+|(?:${alt(FEEDBACK_DOWN_WORDS)})(?:${alt(ACK_TAIL)})*)$`,
    'u',
  ),
  ack: new RegExp(
    `^(?:大家|各位)?(?:${alt(ACK_WORDS)})+(?:${alt(ACK_ADDRESSEES)}|[老小][\\u4e00-\\u9fa5]|[\\u4e00-\\u9fa5]{1,2}(?:${alt(PERSON_TITLES)}))?(?:${alt(ACK_TAIL)})*$`,
    'i',
  ),
  bareReply: new RegExp(`^(?:${alt(BARE_REPLY_WORDS)}|\\d{1,2})$`),
  question: new RegExp(
    `[?？]|${alt(QUESTION_WORDS)}|(?:${alt(QUESTION_ENDINGS)})(?=[，,。.；;！!\\s]|$)|(?<![这那过前后近头好没十了来些加招买拿找请派多少要想])几(?:${alt(COUNTED_UNITS)})`,
  ),
  statusQuestion: new RegExp(alt(STATUS_QUESTION_WORDS)),
  /** A clause that ends by asking how many (解决了多少, 组建了几个): its verb is what is counted, no step reported. */
  countAsked: new RegExp(`(?:多少|几)(?:${alt(COUNTED_UNITS)}|个|家|项|件|条|批)?(?:了|呢|啊|呀)?[?？。.!！\\s]*$`),
  policyTopic: new RegExp(alt(POLICY_TOPIC_WORDS)),
  reportedQuestion: new RegExp(`(?:${alt(REPORTED_SUBJECTS)})\\S{0,4}?(?:${alt(REPORTED_SPEECH)})`),
  /** A clause opening with reported speech, its subject said in the clause before (他们想引进两个博士 问有没有…). */
  reportedSpeechOpening: new RegExp(`^(?:又|还|也|就|顺便)?(?:${alt(REPORTED_SPEECH)})(?!一下|下|问|了解一下)`),
  reportedSubject: new RegExp(alt(REPORTED_SUBJECTS)),
  visit: new RegExp(alt(VISIT_WORDS)),
  problem: new RegExp(alt(PROBLEM_WORDS)),
  allWell: new RegExp(alt(ALL_WELL_WORDS)),
  status: new RegExp(alt(STATUS_WORDS)),
  plan: new RegExp(`(?:${alt(PLAN_WORDS)})\\S{0,6}?(?:${alt(PLAN_ACTIONS)})`),
  chat: new RegExp(alt(CHAT_WORDS)),
  /** Thanks to the whole group (辛苦大家, 谢谢各位): chat, whatever task it names. */
  groupThanks: /辛苦大家|大家辛苦|辛苦各位|各位辛苦|感谢大家|谢谢大家|谢谢各位|感谢各位/,
  remark: new RegExp(
    `(?:(?:${alt(REMARK_DEGREE)})(?:${alt(REMARK_PREDICATES)})(?:了)?(?:${alt(EXCLAMATION_PARTICLES)})?|\\p{Script=Han}(?:了)?(?:${alt(EXCLAMATION_PARTICLES)}))(?=[\\s，,。.！!~～]|$)`,
    'u',
  ),
  /** Laughter alone (哈哈, 呵呵呵, 😂): answers no question. */
  laugh: /^(?:[哈呵嘿嘻]{2,}|[😂🤣😄😁😆])+$/u,
  lookup: new RegExp(alt(LOOKUP_NOUNS)),
  correction: new RegExp(`${alt(CORRECTION_WORDS)}|不是[^，,。]{1,12}[，,]\\s*(?:而)?是`),
  past: new RegExp(alt(PAST_MARKERS)),
  request: new RegExp(`(?:${alt(REQUEST_OPENERS)})\\S{0,6}?(?:${alt(REQUEST_VERBS)})`),
  ledgerLookup: new RegExp(`^(.{2,20}?)的?(?:${alt(LEDGER_NOUNS)})[?？]?$`),
} as const;

/** Does the text ask something (question mark, interrogative word, clause-final particle)? */
export function asksSomething(text: string): boolean {
  return CUES.question.test(text.replace(NEGATED_QUESTION, ''));
}

/** The message without emoji, punctuation and spaces (for acknowledgements). */
export function bare(text: string): string {
  return text.replace(EMOJI, '').replace(PUNCT, '');
}

/** "收到", "好的👍", "👍", "谢谢大家" … (a message of emoji only counts too). */
export function isAcknowledgement(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  const b = bare(t);
  return b === '' || (b.length <= 8 && CUES.ack.test(b));
}

/** "👍", "有用", "没用啦", "👎🏻" → the vote the whole message casts; null for anything else ("好的👍" is an acknowledgement). */
export function voteOf(text: string): 'up' | 'down' | null {
  const t = text.trim().replace(/[\s。.!！~～]+/gu, '');
  if (!t) return null;
  if (CUES.voteUp.test(t)) return 'up';
  if (CUES.voteDown.test(t)) return 'down';
  return null;
}
