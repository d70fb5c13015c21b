/**
 * Words that tell what kind of message this is: a visit, a new problem, a question, a notice,
 * a plan, chit-chat. Regex sources are matched against text whose full-width ASCII has been folded
 * (，stays ，; Ｑ becomes Q).
 */

/** Visit verbs that stand on their own (走访, 调研 …). */
export const VISIT_VERBS =
  /走访|拜访|回访|调研|上门服务|上门|实地查看|实地察看|实地了解|座谈|蹲点|看望|深入企业|进企业|下企业|(?<![付拨转汇打送发寄退交报回达收拿得找遇想提办迟来感受做看用涉接听落])(?:去|到)了?(?:一趟|[一两二三四五六七八九十几\d]+家)?(?:企业|厂里|厂家|车间|工地|园区企业)/;
/** 走访 used as a noun (走访计划, 走访台账): not a visit. */
export const VISIT_NOUN = /(?<=的|次|轮|本周|下周|这周)(?:走访|调研|回访|座谈)|(?:走访|调研|回访|座谈)(?=的|计划|台账|安排|任务|名单|清单|表|工作|活动|要求|通知|日|情况汇总|方案|对象|频次|次数)/g;
/** Motion verbs that make a visit only when an enterprise follows them (去了迈微, 到七一电器). */
export const VISIT_MOTION = /(?:去了|到了|来到|去|到|赴|跑了)(?:一趟|一下|一次|了)?/;
/** A clause with one of these describes a plan, not something that happened. */
export const PLAN_MARKERS = /明天|明早|明日|后天|下周|下星期|下礼拜|下个?月|改到|改期|改天|推迟|延期|顺延|(?<!按)计划|准备|打算|拟于|拟|将于|待会|等会|回头|择日|另行|暂定|安排在|约在|约好|定于|报一下|报上来/;

/** Imperatives to the whole group: a notice even when it mentions a visit (9点到华康开座谈会，大家准时到). */
export const STRONG_NOTICE = /@所有人|@all\b|@全体|各组|各位|各团|各小组|请各|请大家|大家注意|大家准时|务必|准时(?:到|参加)|通知如下|通知[:：]/i;

/** Messages to the whole group. */
export const NOTICE_MARKERS = /@所有人|@all\b|@全体|各组|各位|各团|各小组|请各|请大家|大家注意|通知[:：]|通知如下|开会|会议|培训|例会|务必|准时|参加|报送|填报|截止|亲清服务日|服务日|活动/i;

/** Forwarded documents. */
export const FORWARD_MARKERS = /转发|《[^》]*》(?:的?通知|文件)|附件|链接[:：]|https?:\/\//;

/** Question words (a policy or status query, not a report). */
export const QUESTION_MARKERS = /请问|问一下|问下|咨询一下|咨询下|想咨询|怎么|怎样|如何|多少|哪些|哪里|哪个|哪家|什么|是否|能否|有没有|可不可以|能不能|啥时候|啥|哪一步|进度如何|进展如何|到哪了|到哪一步|几天|几家|几个|几次|谁|多久|吗[?？]?$|呢[?？]?$/;

/** Short replies with no content. */
export const CHITCHAT = /^(?:好的?|好滴|收到|谢谢|感谢|辛苦了?|明白|了解|知道了|嗯+|哦+|ok|okay|thanks?|thx|👍|🙏|👌|没问题|可以|行|对|是的|早|早上好|晚安|在吗|大家好|哈+|呵+|[。.!！~～\s])+$/i;

/** Clauses saying there was nothing to report. */
export const NO_ISSUE =
  /(?:没|没有|无|暂无|未)(?:提|提出|反映|发现)?(?:什么|任何)?(?:新的?)?(?:诉求|问题|困难|需求|要求)|运行正常|运转正常|生产正常|经营正常|一切正常|情况良好|总体平稳|没有需要帮忙|不需要帮忙|没什么(?:问题|事)|无需协调|暂时没有|没啥问题|没有需要/;

/** Markers that a clause talks about an issue raised earlier (上次提的, X的事, 用电增容那个，). */
export const EARLIER_MARKERS =
  /(?:上次|上回|此前|之前|前期|先前|前段时间|早先|原来|前面)(?:提|反映|说|报|交办|登记|的|那个)|(?:\d{1,2}[月/.]\d{1,2}[日号]?|[昨前]天|上周.)(?:提|反映|提出|报)的|上次|上回|那个(?=[,，]|$|事)|这个事|这件事|那件事|的事情?/;
/** Weaker: "…问题已…" reads as an earlier issue only when nobody reports anything in the clause. */
export const EARLIER_WEAK = /问题(?=[,，]?\s*(?:已|在|正|还在|都|均|以|解决|办结|销号|消号))/;
export const REPORT_IN_CLAUSE = /反映|提出|提了|来电|来函|希望|想|缺|诉求|求助|急需/;

/** Problem cues besides category words: something is lacking, slow, hard or asked for. */
export const PROBLEM_CUES =
  /缺|难|慢|紧张|不足|短缺|困难|流失|下滑|下降|限行|取消|卡住|卡在|没(?:有)?(?:拿到|到账|兑现|发|通过|批|落实|解决)|未(?:到账|兑现|发放|通过|批|落实|解决)|希望|想要?|需要|申请|诉求|急需|求助|帮忙|协调|影响|问题|困扰|担心|投诉/;

/** Markers that a clause brings up something new. */
export const NEW_MARKERS = /又提|新提|新的|另外提|还提|新增|新反映|新诉求/;
