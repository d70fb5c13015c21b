/**
 * Realistic status messages written for the unit tests (not from the eval sets): other enterprises,
 * departments, phrasings and date forms. `issues` lists [category, department, status] in order.
 */
import type { Category, IssueStatus, UpdateKind } from '../../src/ledger/model.js';

export interface Case {
  name: string;
  text: string;
  today: string;
  kind: UpdateKind;
  enterprise?: string | null;
  date?: string | null;
  ref?: string | null;
  issues?: Array<[Category, string | null, IssueStatus]>;
}

export const CASES: Case[] = [
  // ---- visits
  { name: 'visit, participant cadre, open labour issue', text: '今天上午和人社局小李走访了宏远纺织，企业反映缺50名挡车工，还没交办', today: '2019-05-08', kind: 'visit', enterprise: '宏远纺织', date: '2019-05-08', issues: [['用工', null, 'open']] },
  { name: 'visit, abbreviation, permit handed off', text: '昨天去华康调研，企业想加快GMP换证，已交办市场监管局', today: '2019-05-08', kind: 'visit', enterprise: '华康药业', date: '2019-05-07', issues: [['审批', '市场监管局', 'assigned']] },
  { name: 'visit, M.D date, land quota', text: '3.15走访海纳，企业想扩建二期厂房，缺30亩用地指标，已交资规局', today: '2019-03-20', kind: 'visit', enterprise: '海纳半导体', date: '2019-03-15', issues: [['用地', '资规局', 'assigned']] },
  { name: 'visit, 上周四, no issues', text: '上周四走访了鑫源机械有限公司，企业运营良好，暂无诉求', today: '2019-04-15', kind: 'visit', enterprise: '鑫源机械有限公司', date: '2019-04-11', issues: [] },
  { name: 'visit, 礼拜三, utilities to 住建局', text: '礼拜三去了矽盛，企业反映园区污水管网一直没接通，已交住建局', today: '2019-04-12', kind: 'visit', enterprise: '矽盛电子', date: '2019-04-10', issues: [['其他', '住建局', 'assigned']] },
  { name: 'visit, year-end date, list with 均已交办', text: '12月28日走访七一电器，企业反映两个问题：一是出口订单下滑；二是用电增容，均已交办经信局', today: '2019-01-07', kind: 'visit', enterprise: '七一电器', date: '2018-12-28', issues: [['市场', '经信局', 'assigned'], ['其他', '经信局', 'assigned']] },
  { name: 'visit, typo participant, listing', text: '今天和经心局小陈去了维和，企业准备科创板上市，需要辅导，已转金融办', today: '2019-04-03', kind: 'visit', enterprise: '维和药业', date: '2019-04-03', issues: [['融资', '金融办', 'assigned']] },
  { name: 'return visit, nothing else', text: '今天回访了普康化工，企业对服务很满意', today: '2019-04-03', kind: 'visit', enterprise: '普康化工', date: '2019-04-03', issues: [] },
  { name: 'visit, several enterprises, none named', text: '今天走访了三家企业，情况都挺好', today: '2019-04-03', kind: 'visit', enterprise: null, date: '2019-04-03', issues: [] },
  { name: 'visit, full date with year, no problems', text: '2019年3月1日走访东方日化有限公司，无问题', today: '2019-03-12', kind: 'visit', enterprise: '东方日化有限公司', date: '2019-03-01', issues: [] },
  { name: 'visit, 刚, labour beats orders', text: '刚和经信局去了海纳，企业说芯片订单满了，就是缺操作工，大概缺80人', today: '2019-04-03', kind: 'visit', enterprise: '海纳半导体', date: '2019-04-03', issues: [['用工', null, 'open']] },
  { name: 'visit, three items, ordinal hand-off', text: '今天到兴达包装有限公司走访，企业反映：一是包装工缺口较大；二是想申请技改贷款；三是厂区门口道路破损严重。第三个已交办交通运输局。', today: '2019-04-03', kind: 'visit', enterprise: '兴达包装有限公司', date: '2019-04-03', issues: [['用工', null, 'open'], ['融资', null, 'open'], ['其他', '交通运输局', 'assigned']] },
  { name: 'visit, M/D date, engineers to 人社局', text: '3/18 去了博远新材料，企业想招5名研发工程师，已转人社局', today: '2019-03-20', kind: 'visit', enterprise: '博远新材料', date: '2019-03-18', issues: [['人才', '人社局', 'assigned']] },
  { name: 'visit, 周一, live-stream talent', text: '周一走访格格屋电商，企业缺电商主播，已报人社局', today: '2019-04-10', kind: 'visit', enterprise: '格格屋电商', date: '2019-04-08', issues: [['人才', '人社局', 'assigned']] },
  { name: 'visit, nobody there', text: '今早去了瑞丰科技，企业负责人不在，没聊成', today: '2019-04-10', kind: 'visit', enterprise: '瑞丰科技', date: '2019-04-10', issues: [] },
  { name: 'visit, 上上周五', text: '上上周五去了华康，企业反映缺化工工程师', today: '2019-04-10', kind: 'visit', enterprise: '华康药业', date: '2019-03-29', issues: [['人才', null, 'open']] },
  { name: 'visit plus resolution of an earlier issue', text: '昨天走访华康药业，上次反映的化工工程师已经招到2名，企业表示感谢', today: '2019-04-10', kind: 'mixed', enterprise: '华康药业', date: '2019-04-09', issues: [['人才', null, 'resolved']] },
  { name: 'visit, numbered list with full-width digits', text: '今天走访了鼎盛汽配，企业反映：１．缺装配工20人　２．去年技改补助还没到账', today: '2019-04-10', kind: 'visit', enterprise: '鼎盛汽配', date: '2019-04-10', issues: [['用工', null, 'open'], ['政策兑现', null, 'open']] },

  // ---- new issues without a visit
  { name: 'issue by enterprise, typo name, subsidy', text: '七一电气反映今年的技改补助还没到账，已报给经信局', today: '2019-04-10', kind: 'issue', enterprise: '七一电器', date: null, issues: [['政策兑现', '经信局', 'assigned']] },
  { name: 'issue by phone, wish is not a hand-off', text: '金鼎那边来电，说银行抽贷2000万，资金链很紧张，希望金融办帮忙协调续贷', today: '2019-04-10', kind: 'issue', enterprise: '金鼎金属材料有限公司', date: null, issues: [['融资', null, 'open']] },
  { name: 'issue, no enterprise, three items', text: '企业反映：1、研发人员招不到；2、土地证一直办不下来；3、去年的研发奖励没兑现', today: '2019-04-10', kind: 'issue', enterprise: null, date: null, issues: [['人才', null, 'open'], ['用地', null, 'open'], ['政策兑现', null, 'open']] },
  { name: 'issue by phone yesterday evening, road', text: '昨天晚上接到矽盛电子电话，反映园区道路施工导致货车进不来，已报交通局', today: '2019-04-10', kind: 'issue', enterprise: '矽盛电子', date: '2019-04-09', issues: [['其他', '交通运输局', 'assigned']] },
  { name: 'issue, permit, not handed off', text: '维和药业反映新建仓库的施工许可证迟迟办不下来，还没交办', today: '2019-04-10', kind: 'issue', enterprise: '维和药业', date: null, issues: [['审批', null, 'open']] },
  { name: 'issue posted in the group', text: '今天七一电器的人事经理在群里说招不到焊工，希望帮忙对接技校', today: '2019-04-10', kind: 'issue', enterprise: '七一电器', date: '2019-04-10', issues: [['用工', null, 'open']] },
  { name: 'issue with dated report, permit', text: '4月2日雷鸣化工反映环评批复一直没下来，已交生态环境局', today: '2019-04-10', kind: 'issue', enterprise: '雷鸣化工', date: '2019-04-02', issues: [['审批', '生态环境局', 'assigned']] },
  { name: 'issue, name in brackets, tax refund', text: '企业（申达电气）来电：出口退税一直没到，希望税务局加快', today: '2019-04-10', kind: 'issue', enterprise: '申达电气', date: null, issues: [['政策兑现', null, 'open']] },
  { name: 'issue, orders, 商务局', text: '宏泰食品说今年外贸订单少了三成，想参加广交会拓展客户，已交办商务局', today: '2019-04-10', kind: 'issue', enterprise: '宏泰食品', date: null, issues: [['市场', '商务局', 'assigned']] },
  { name: 'issue, two problems joined by 另外', text: '瑞达塑胶反映过桥资金还差300万，另外想引进两名模具设计师，都还没交办', today: '2019-04-10', kind: 'issue', enterprise: '瑞达塑胶', date: null, issues: [['融资', null, 'open'], ['人才', null, 'open']] },
  { name: 'issue, party building', text: '东汇科技集团想成立党支部，希望组织部给予指导，已报县委组织部', today: '2019-04-10', kind: 'issue', enterprise: '东汇科技集团', date: null, issues: [['其他', '组织部', 'assigned']] },

  // ---- progress / resolved / closed
  { name: 'ref, typo department, accepted', text: 'Q-0045 人设局已受理', today: '2019-04-10', kind: 'progress', ref: 'Q-0045', enterprise: null, date: null, issues: [['其他', '人社局', 'in_progress']] },
  { name: 'ref lowercase, 消号', text: 'q-0008 消号', today: '2019-04-10', kind: 'closed', ref: 'Q-0008', issues: [['其他', null, 'closed']] },
  { name: 'ref without hyphen, loan paid out', text: 'Q0033 已经放款了', today: '2019-04-10', kind: 'resolved', ref: 'Q-0033', issues: [['融资', null, 'resolved']] },
  { name: 'ref, hand-off of an existing issue', text: 'Q-0022 交办人社局', today: '2019-04-10', kind: 'progress', ref: 'Q-0022', issues: [['其他', '人社局', 'assigned']] },
  { name: 'ref, department reviewing', text: 'Q-0028 市场监管局审核中', today: '2019-04-10', kind: 'progress', ref: 'Q-0028', issues: [['其他', '市场监管局', 'in_progress']] },
  { name: 'ref, 牵头协调中', text: 'Q-0051 经信局牵头协调中，企业还在等', today: '2019-04-10', kind: 'progress', ref: 'Q-0051', issues: [['其他', '经信局', 'in_progress']] },
  { name: 'ref, pending', text: 'Q-0061 还在pending', today: '2019-04-10', kind: 'progress', ref: 'Q-0061', issues: [['其他', null, 'in_progress']] },
  { name: 'two refs, both done', text: 'Q-0009、Q-0010 都已办结', today: '2019-04-10', kind: 'resolved', ref: 'Q-0009', issues: [['其他', null, 'resolved'], ['其他', null, 'resolved']] },
  { name: 'ref, verifier is not the department', text: 'Q-0040 企业回访确认，组织部已核实，销号', today: '2019-04-10', kind: 'closed', ref: 'Q-0040', issues: [['其他', null, 'closed']] },
  { name: 'ref, resolved by department', text: 'Q-0019 经信局说省里已批复，问题解决', today: '2019-04-10', kind: 'resolved', ref: 'Q-0019', issues: [['其他', '经信局', 'resolved']] },
  { name: 'resolved, permit approved', text: '维和药业的临床试验审批已经批下来了，企业很满意', today: '2019-04-10', kind: 'resolved', enterprise: '维和药业', date: null, issues: [['审批', null, 'resolved']] },
  { name: 'progress, topic, deadline is not a date', text: '华康的人才公寓问题，住建局说月底前给答复', today: '2019-04-10', kind: 'progress', enterprise: '华康药业', date: null, issues: [['人才', '住建局', 'in_progress']] },
  { name: 'progress, topic, in the works', text: '海纳半导体那个排污许可的事，生态环境局在走流程', today: '2019-04-10', kind: 'progress', enterprise: '海纳半导体', date: null, issues: [['审批', '生态环境局', 'in_progress']] },
  { name: 'progress, market, still talking', text: '鸿运纺织的订单问题，商务局已经帮忙对接了两家外贸公司，还在谈', today: '2019-04-10', kind: 'progress', enterprise: '鸿运纺织', date: null, issues: [['市场', '商务局', 'in_progress']] },
  { name: 'resolved 前天, fire inspection', text: '前天宏达轴承的消防验收通过了', today: '2019-04-10', kind: 'resolved', enterprise: '宏达轴承', date: '2019-04-08', issues: [['审批', null, 'resolved']] },
  { name: 'resolved, renewal with a bank', text: '金鼎续贷的事已经解决了，工行续了1500万', today: '2019-04-10', kind: 'resolved', enterprise: '金鼎金属材料有限公司', date: null, issues: [['融资', null, 'resolved']] },
  { name: 'resolved, land certificate by 资规局', text: '华康药业土地证的事，资规局已经办好了', today: '2019-04-10', kind: 'resolved', enterprise: '华康药业', date: null, issues: [['用地', '资规局', 'resolved']] },
  { name: 'resolved today, power upgrade', text: '七一电器用电增容的问题，供电公司已经完成增容改造，今天送电', today: '2019-04-10', kind: 'resolved', enterprise: '七一电器', date: '2019-04-10', issues: [['其他', '供电公司', 'resolved']] },
  { name: 'closed, award paid then signed off', text: '维和药业的研发奖励已到账，Q-0025 可以销号了', today: '2019-04-10', kind: 'closed', enterprise: '维和药业', ref: 'Q-0025', issues: [['政策兑现', null, 'closed']] },
  { name: 'mixed, new issue plus an old one solved', text: '鑫源机械反映缺10个电焊工，还没交办；另外上次的贷款问题已经解决了', today: '2019-04-10', kind: 'mixed', enterprise: '鑫源机械', date: null, issues: [['用工', null, 'open'], ['融资', null, 'resolved']] },
  { name: 'mixed, resolution plus hand-off', text: 'Q-0014 已办结；Q-0015 转交资规局', today: '2019-04-10', kind: 'mixed', ref: 'Q-0014', issues: [['其他', null, 'resolved'], ['其他', '资规局', 'assigned']] },

  // ---- not updates
  { name: 'meeting notice', text: '@所有人 明天下午3点在三楼会议室开组团联企工作例会，请准时参加', today: '2019-04-10', kind: 'not_update' },
  { name: 'chit-chat', text: '收到，辛苦了', today: '2019-04-10', kind: 'not_update' },
  { name: 'thanks', text: '谢谢王局', today: '2019-04-10', kind: 'not_update' },
  { name: 'status query with ref', text: 'Q-0031 到哪一步了？', today: '2019-04-10', kind: 'not_update' },
  { name: 'status query, yes/no', text: 'Q-0031 办结了吗', today: '2019-04-10', kind: 'not_update' },
  { name: 'policy question from an enterprise', text: '企业想问下技改补助怎么申请？', today: '2019-04-10', kind: 'not_update' },
  { name: 'policy question without question mark', text: '人才新政里硕士的生活补贴标准是多少', today: '2019-04-10', kind: 'not_update' },
  { name: 'planned visit', text: '下周三组织去华康药业走访，请相关部门派人参加', today: '2019-04-10', kind: 'not_update' },
  { name: 'plan for tomorrow', text: '好的，我明天去华康药业了解一下', today: '2019-04-10', kind: 'not_update' },
  { name: 'forwarded notice', text: '转发：关于开展2019年度技改项目申报的通知', today: '2019-04-10', kind: 'not_update' },
  { name: 'visit postponed', text: '海纳半导体那边今天没空，走访推迟到下周', today: '2019-04-10', kind: 'not_update' },
  // ---- second batch (labelled before running the parser)
  { name: 'visit with county leader, gas pipeline to 发改局', text: '今天陪同县领导走访了恒昌新材料股份有限公司，企业提出希望协调解决新厂区的天然气管道接入问题，已交发改局', today: '2019-05-10', kind: 'visit', enterprise: '恒昌新材料股份有限公司', date: '2019-05-10', issues: [['其他', '发改局', 'assigned']] },
  { name: 'visit 周五 seen on Monday, loan renewal', text: '周五去了华康，企业反映流动资金有点紧张，想续贷3000万，已报金融办', today: '2019-05-13', kind: 'visit', enterprise: '华康药业', date: '2019-05-10', issues: [['融资', '金融办', 'assigned']] },
  { name: 'ref, land pre-review in progress', text: 'Q-0102 资规局已出具用地预审意见，在走后续流程', today: '2019-05-13', kind: 'progress', ref: 'Q-0102', issues: [['用地', '资规局', 'in_progress']] },
  { name: 'ref, done', text: 'Q-0066 done', today: '2019-05-13', kind: 'resolved', ref: 'Q-0066', issues: [['其他', null, 'resolved']] },
  { name: 'ref, bank paid out via 金融办', text: 'Q-0071 金融办说银行已经放款500万，企业确认收到', today: '2019-05-13', kind: 'resolved', ref: 'Q-0071', issues: [['融资', '金融办', 'resolved']] },
  { name: 'enterprise question is not an update', text: '矽盛电子想申报省级企业技术中心，问需要什么条件？', today: '2019-05-13', kind: 'not_update' },
  { name: 'symposium at the enterprise', text: '前天在维和药业开了座谈会，企业反映研发人员住房困难，希望解决人才公寓，还没交办', today: '2019-05-13', kind: 'visit', enterprise: '维和药业', date: '2019-05-11', issues: [['人才', null, 'open']] },
  { name: 'permit obtained today', text: '海纳那边的环评批复今天拿到了', today: '2019-05-13', kind: 'resolved', enterprise: '海纳半导体', date: '2019-05-13', issues: [['审批', null, 'resolved']] },
  { name: 'land quota being coordinated', text: '金鼎金属材料有限公司的土地指标，资规局协调中', today: '2019-05-13', kind: 'progress', enterprise: '金鼎金属材料有限公司', date: null, issues: [['用地', '资规局', 'in_progress']] },
  { name: 'self-introduction', text: '大家好，我是新调入的联络员小王，请多关照', today: '2019-05-13', kind: 'not_update' },
  { name: 'visit 上周一, tariffs and orders', text: '上周一走访了天宇电子，企业说美国加征关税，出口订单减少了40%，想开拓国内市场', today: '2019-05-15', kind: 'visit', enterprise: '天宇电子', date: '2019-05-06', issues: [['市场', null, 'open']] },
  { name: 'issue list after colon', text: '七一电器反映：一是研发费用加计扣除还没享受到；二是新上的生产线环评还没批', today: '2019-05-15', kind: 'issue', enterprise: '七一电器', date: null, issues: [['政策兑现', null, 'open'], ['审批', null, 'open']] },
  { name: 'award paid by 财政局', text: '格格屋的电商奖励已兑现，财政局打款20万', today: '2019-05-15', kind: 'resolved', enterprise: '格格屋', date: null, issues: [['政策兑现', '财政局', 'resolved']] },
  { name: 'phone call, power trips, handed to 供电公司', text: '今天接到瑞达塑胶的电话，企业用电高峰期经常跳闸，已转供电公司', today: '2019-05-15', kind: 'issue', enterprise: '瑞达塑胶', date: '2019-05-15', issues: [['其他', '供电公司', 'assigned']] },
  { name: 'ref, department recommends candidates', text: 'Q-0090 人社局推荐了3名候选人，企业在面试', today: '2019-05-15', kind: 'progress', ref: 'Q-0090', issues: [['其他', '人社局', 'in_progress']] },
  { name: 'meeting minutes', text: '今天下午开会讨论了企业服务考核细则，会议纪要稍后发群里', today: '2019-05-15', kind: 'not_update' },
  { name: 'planned survey', text: '明天去矽盛电子调研，大家有什么要问的提前告诉我', today: '2019-05-15', kind: 'not_update' },
  { name: 'labour solved by job fair', text: '鸿运纺织缺挡车工的问题，人社局组织了专场招聘会，已招到25人，问题解决', today: '2019-05-15', kind: 'resolved', enterprise: '鸿运纺织', date: null, issues: [['用工', '人社局', 'resolved']] },
  { name: 'visit 4.3, nothing to report', text: '4.3走访东方日化，企业生产经营正常，无困难诉求', today: '2019-04-10', kind: 'visit', enterprise: '东方日化', date: '2019-04-03', issues: [] },
  { name: 'ref, paid out on a dated day', text: 'Q-0123 已于3月28日放款', today: '2019-04-02', kind: 'resolved', ref: 'Q-0123', date: '2019-03-28', issues: [['融资', null, 'resolved']] },
  { name: 'two enterprises visited, none with problems', text: '昨天去了两家企业：华康药业和维和药业，都没有提新问题', today: '2019-04-02', kind: 'visit', enterprise: '华康药业', date: '2019-04-01', issues: [] },
  { name: 'commuting problem, no enterprise named', text: '企业反映园区到高铁站没有公交，员工通勤不方便，已交交通运输局', today: '2019-04-02', kind: 'issue', enterprise: null, date: null, issues: [['其他', '交通运输局', 'assigned']] },
  { name: 'bridge loan in place', text: '宏远纺织的转贷资金已经到位了', today: '2019-04-02', kind: 'resolved', enterprise: '宏远纺织', date: null, issues: [['融资', null, 'resolved']] },
  { name: 'ref, typo department reported upwards', text: 'Q-0131 经心局已上报省经信厅，等批复', today: '2019-04-02', kind: 'progress', ref: 'Q-0131', issues: [['其他', '经信局', 'in_progress']] },
  { name: 'return visit with resolution is the resolution', text: '上午去雷钧智造回访，上次提的厂房用地指标资规局已经落实', today: '2019-04-02', kind: 'resolved', enterprise: '雷钧智造', date: '2019-04-02', issues: [['用地', '资规局', 'resolved']] },
  { name: 'visit with the same department it was handed to', text: '今天和商务局一起走访了申达电气，企业外贸订单下滑严重，想参加广交会，已交商务局', today: '2019-04-02', kind: 'visit', enterprise: '申达电气', date: '2019-04-02', issues: [['市场', '商务局', 'assigned']] },
  { name: 'request for ledgers', text: '请大家本周五前把走访台账报给我', today: '2019-04-02', kind: 'not_update' },
  { name: 'unpaid talent award is policy', text: '矽盛电子反映3名博士的人才引进奖励还没拿到', today: '2019-04-02', kind: 'issue', enterprise: '矽盛电子', date: null, issues: [['政策兑现', null, 'open']] },
  { name: 'visit, unpaid special subsidy', text: '今天到雷钧智造，企业反映去年申报的智能制造专项补助还没拨付，希望财政局尽快拨付', today: '2019-04-02', kind: 'visit', enterprise: '雷钧智造', date: '2019-04-02', issues: [['政策兑现', null, 'open']] },
  // ---- third batch
  { name: 'return visit with a new problem is a visit', text: '今天回访了华康药业，企业又反映缺10名包装工，还没交办', today: '2019-04-10', kind: 'visit', enterprise: '华康药业', date: '2019-04-10', issues: [['用工', null, 'open']] },
  { name: 'ref, English closed', text: 'Q-0033 closed', today: '2019-04-10', kind: 'closed', ref: 'Q-0033', issues: [['其他', null, 'closed']] },
  { name: 'visit, topic hand-off names the permit', text: '星期一和经信局小赵去了博远新材料，企业反映两个问题：一是研发楼规划许可迟迟没批；二是缺高分子材料方面的博士。规划许可的事已交资规局。', today: '2019-04-10', kind: 'visit', enterprise: '博远新材料', date: '2019-04-08', issues: [['审批', '资规局', 'assigned'], ['人才', null, 'open']] },
  { name: 'letter, steam supply', text: '普康化工来函，反映园区蒸汽供应不稳定，影响生产，已交办发改局', today: '2019-04-10', kind: 'issue', enterprise: '普康化工', date: null, issues: [['其他', '发改局', 'assigned']] },
  { name: 'boss posting in the group, labour', text: '前天格格屋老板在群里说，双十一订单暴增，急需20名客服和打包工，已交人社局', today: '2019-04-10', kind: 'issue', enterprise: '格格屋', date: '2019-04-08', issues: [['用工', '人社局', 'assigned']] },
  { name: 'dated earlier issue, department promises a result', text: '东汇科技集团3月15日反映的土地证问题，资规局说4月底前办好', today: '2019-04-10', kind: 'progress', enterprise: '东汇科技集团', date: null, issues: [['用地', '资规局', 'in_progress']] },
  { name: 'visit plus a loan paid out', text: '上周五走访金鼎，企业正常生产，没有新的诉求，上次的续贷问题银行已经放款', today: '2019-04-10', kind: 'mixed', enterprise: '金鼎金属材料有限公司', date: '2019-04-05', issues: [['融资', null, 'resolved']] },
  { name: 'bare result verb at the end', text: '七一电器3/5反映的用电问题，供电公司已经增容完成', today: '2019-04-10', kind: 'resolved', enterprise: '七一电器', date: null, issues: [['其他', '供电公司', 'resolved']] },
  { name: 'enterprise reports, department studying it', text: '宏泰食品说冷链运输车辆进城限行，已报交通局，交通局说正在研究', today: '2019-04-10', kind: 'issue', enterprise: '宏泰食品', date: null, issues: [['其他', '交通运输局', 'in_progress']] },
  { name: 'list across semicolons, all handed off', text: '企业反映：一、土地证办不下来；二、银行抽贷。均已交办。', today: '2019-04-10', kind: 'issue', enterprise: null, date: null, issues: [['用地', null, 'assigned'], ['融资', null, 'assigned']] },
  { name: 'meeting at an enterprise is a notice', text: '9点到华康药业开座谈会，大家准时到', today: '2019-04-10', kind: 'not_update' },
  { name: 'notice about visit ledgers', text: '大家注意，明天上级来检查走访台账', today: '2019-04-10', kind: 'not_update' },
  { name: 'question about visits', text: '你们组这个月走访了几家？', today: '2019-04-10', kind: 'not_update' },
];
