/**
 * The vocabulary of report titles, headings and form labels (周报（第21周）, 问题办理进展, 编号：, 企业：, 进展：).
 * A line or a label made only of these words (and dates, numbering, issue ids) is the frame of a report: it is never
 * an enterprise name and never a problem (extract/segment.ts drops it, extract/enterprise.ts refuses it as a name).
 * Visit verbs are deliberately absent (本周走访情况 still says that visits are reported), and so are status words
 * (本周销号 says what happened to the items under it).
 */
export const HEADING_WORDS = [
  // what the document is
  '报告',
  '周报',
  '月报',
  '日报',
  '简报',
  '快报',
  '汇报',
  '记录',
  '台账',
  '日志',
  '清单',
  '汇总',
  '小结',
  '总结',
  '统计',
  '动态',
  '纪要',
  '通报',
  '安排',
  '计划',
  '任务',
  '名单',
  // what it is about
  '情况',
  '问题',
  '诉求',
  '需求',
  '事项',
  '内容',
  '进展',
  '进度',
  '办理',
  '处理',
  '推进',
  '跟进',
  '收集',
  '新收',
  '新增',
  '意见',
  '结果',
  // which of them (当前重点难点问题：, 目前主要问题：)
  '当前',
  '目前',
  '难点',
  '备注',
  // a report's parts (明细：, 重点：, 亮点：)
  '明细',
  '重点',
  '亮点',
  '工作',
  // what a report's section heading says of its part (二、主要问题, 一、总体情况, （三）存在困难)
  '主要',
  '存在',
  '具体',
  '基本',
  '总体',
  '整体',
  '困难',
  '组团',
  '联企',
  '服务',
  // form fields
  '编号',
  '序号',
  '标题',
  '题目',
  '名称',
  '企业名称',
  '企业',
  '单位',
  '责任单位',
  '牵头单位',
  '承办单位',
  '时间',
  '日期',
  '地点',
  '人员',
  '参加人员',
  '参加',
  '联系人',
  '类别',
  '部门',
  '状态',
  '反映',
  '合计',
  '共计',
  // when
  '本周',
  '上周',
  '本月',
  '上月',
  '本季度',
  '年度',
  '月度',
  '周度',
  '季度',
  '月份',
  '全年',
  '节前',
  '节后',
  '年前',
  '年后',
  '春节',
  '国庆',
  '五一',
  '元旦',
  '假期',
  // a note that there is nothing (（无新增诉求）, 诉求：无)
  '无',
  // joining words of titles (另新增诉求：, 此外其他事项：)
  '另外',
  '另',
  '此外',
  '关于',
  '以下',
  '的',
  '及',
  '和',
];

/**
 * Nouns that end a table's column label (问题类型, 问题描述, 走访日期, 责任单位): a line of cells (split by tabs or |)
 * each a heading word or a short label ending in one of these is the table's header row, no item.
 */
export const TABLE_COLUMN_NOUNS = [
  '日期',
  '时间',
  '类型',
  '类别',
  '描述',
  '名称',
  '单位',
  '部门',
  '情况',
  '进展',
  '进度',
  '状态',
  '编号',
  '序号',
  '内容',
  '备注',
  '诉求',
  '问题',
  '人',
];

/**
 * Column labels of a table's enterprises (企业, 企业名称, 走访企业): in the rows under such a header, the cell in that
 * column names the row's enterprise, whatever the column's place (序号|企业|问题|…, 问题|企业|进度).
 */
export const ENTERPRISE_COLUMN_LABELS = [
  '企业',
  '企业名称',
  '企业全称',
  '企业简称',
  '公司',
  '公司名称',
  '单位名称',
  '走访企业',
  '服务企业',
  '服务对象',
  '走访对象',
];

/** Column labels of a table's problems (问题, 问题描述, 诉求内容): its rows report problems. */
export const PROBLEM_COLUMN_LABELS = ['问题', '诉求', '困难', '需求'];

/** Labels of a record's other fields (标题：…, 企业：…): their values belong to the record too. */
export const RECORD_FIELD_LABELS = ['标题', '题目', '名称', '问题', '事项', '企业', '企业名称', '责任单位', '牵头单位'];

/**
 * Labels of a record's progress field (进展：…, 办理情况：…): what follows updates the issue named on the record's
 * title line (编号/标题：Q-0042 …), it is not a separate item.
 */
export const PROGRESS_FIELD_LABELS = [
  '进展',
  '进度',
  '办理情况',
  '处理情况',
  '办理结果',
  '处理结果',
  '处理意见',
  '结果',
  '状态',
];

/**
 * A sentence that only announces a report (我把维和药业的事情完整说一下。跟大家汇报一下情况。现将本月销号情况报告如下：): no item of its own. One
 * that also says where we went (给大家说一下前天去X的情况) is kept: its visit counts.
 */
export const REPORT_OPENER =
  /^\s*(?:我|我们|给大家|跟大家|向大家|和大家)?(?:把|将)?[^，,。;；!！?？\n]{0,16}?(?:完整|简单|详细|具体)?(?:地)?(?:说|讲|汇报|报告|介绍|通报|反馈)(?:一下|下)(?:[^，,。;；!！?？\n]{0,8}?(?:情况|事情?))?\s*(?:啊|吧|哈)?\s*$|^\s*(?:现|特|下面)?(?:将|把|就)?[^，,。;；!！?？\n]{0,16}?(?:报告|汇报|通报|说明|介绍|汇总)如下\s*$/;
/**
 * The title line of a formal document (关于X反映问题的情况报告, 关于X用地问题的汇报): it names what the document is
 * about, it raises nothing itself — the lines under it do.
 */
export const DOCUMENT_TITLE_NOUNS = [
  '情况报告',
  '报告',
  '情况汇报',
  '汇报',
  '情况通报',
  '通报',
  '请示',
  '情况说明',
  '说明',
  '函',
  // a title over the progress of a matter on file (关于X流动资金问题的进展情况): the lines under it update it
  '进展情况',
  '办理进展',
  '办理情况',
  '落实情况',
  '跟进情况',
  // (关于X来电反映问题的情况)
  '情况',
];
export const DOCUMENT_TITLE = new RegExp(
  `^\\s*关于[^，,。;；!！?？\\n]{2,40}?的?(?:${DOCUMENT_TITLE_NOUNS.join('|')})\\s*$`,
);
/** Words of going there, which keep an opener as a visit (去, 走访, 跑 …). */
export const OPENER_VISIT = /去|到|走访|拜访|回访|调研|跑|看了/;
