/**
 * Category lexicon: words that describe a problem, with a weight. The category of an issue is the
 * one with the highest total weight among its words (longest words are matched first and consume
 * their characters, so 出口退税 is not also counted as 出口). Department names are masked before
 * this runs: a category is never judged from the department an issue was handed to.
 */
import type { Category } from '../model.js';

export interface CategoryWords {
  category: Category;
  weight: number;
  words: string[];
}

/**
 * What each category covers, as told to a model (prompts/extract-update.md reads these through the
 * {{categories}} variable). Adding a category: add it to CATEGORIES (model.ts), here, and its words below.
 */
export const CATEGORY_DESCRIPTIONS: Record<Category, string> = {
  融资: 'loans, 续贷/转贷/授信/过桥资金, listing (上市融资)',
  用工: 'ordinary labour (普工, 操作工, 包装工, 装配工, 技术工人, 招工难)',
  人才: 'professionals and high-level talent (工程师, 博士, 研发人员, 电商主播/运营人才, 人才公寓)',
  用地: 'land (土地指标, 土地证, 新增用地)',
  审批: 'permits and approvals (环评, 能评, 施工许可, 排污许可, 规划许可, 消防验收, GMP换证, 临床试验审批)',
  政策兑现: 'subsidies, awards and tax benefits not yet paid (补助/专补/奖励未到账, 加计扣除, 出口退税); an unpaid 人才引进奖励 is 政策兑现, not 人才',
  市场: 'orders and market expansion',
  其他: 'infrastructure and utilities (用电增容, 污水管网, 道路, 危化品车辆限行, 物流成本), Party-building, and updates that give no clue to the category ("Q-0007 已办结", "Q-0027 还在pending")',
};

/**
 * Morphology beyond single words: a category told by how a head noun is used, not by a listed
 * phrase. 地 as land when counted (一块地, 那块地) or after a verb of need (缺地, 要地, 差地, 拿地);
 * an infrastructure noun with a deficiency predicate (路太窄, 路灯不亮, 管网老化, 电不够) is a utility
 * problem. The `at` group marks the head noun (its position counts as where the category was said).
 */
export const CATEGORY_MORPHOLOGY: Array<{ category: Category; weight: number; pattern: RegExp }> = [
  // 招不到人, 人招不来: recruiting that fails is ordinary labour unless a professional is named (the lexicon scores those higher)
  { category: '用工', weight: 4, pattern: /(招)(?:不到|不来|不满|不齐|不上)(?=人)|人(招)(?:不到|不来|不齐)/g },
  // 一个懂跨境电商的运营, 两名懂外贸的业务员: a person with a skill is talent
  { category: '人才', weight: 6, pattern: /(?:个|名|位|些)懂[^，,。;；]{1,10}?的([\u4e00-\u9fa5]{1,4}?)(?=人才|人员|$|[\s，,。;；!！])/g },
  { category: '用地', weight: 5, pattern: /(?:[一两几那这]块|缺|要|差|拿|找|批)(地)(?![方区址点铁产位步板面毯震图道摊])/g },
  {
    category: '其他',
    weight: 4,
    pattern: /(路灯|路面|道路|马路|路|桥|管网|管道|水管|电路|线路|电|水|气|网络|信号)(?:太|很|比较|有点|特别|经常|老是|总是)?(?:窄|堵|暗|不亮|坏了|破损|老化|积水|漏|不通|不够|不稳|不足|断|停)|(?:缺|停|限)(电|水|气)(?![工费价子脑视话梯池器缆线路商])/g,
  },
];

export const CATEGORY_LEXICON: CategoryWords[] = [
  // --- 融资: loans, credit, bridge funds, listing
  {
    category: '融资',
    weight: 4,
    words: [
      '融资', '贷款', '续贷', '转贷', '授信', '过桥', '信贷', '抽贷', '断贷', '压贷', '惜贷', '银行贷', '放贷',
      '资金紧张', '资金缺口', '资金周转', '流动资金', '资金链', '缺钱', '缺资金', '资金短缺', '资金困难',
      '上市', '挂牌', 'IPO', '股权融资', '担保', '抵押', '质押', '保理', '票据贴现', '贴息', '还贷', '倒贷',
      '应急转贷', '融资难', '融资贵', '银企对接', '信用贷', '额度', '流贷', '券商', '辅导', 'loan', 'loans', 'financing', 'credit',
    ],
  },
  { category: '融资', weight: 2, words: ['银行', '放款', '利率', '利息', '借款', '还款', '基金', '保单'] },
  { category: '融资', weight: 1, words: ['资金'] },

  // --- 用工: ordinary labour
  {
    category: '用工',
    weight: 4,
    words: [
      '普工', '操作工', '包装工', '装配工', '技术工人', '技工', '工人', '招工', '用工', '缺工', '焊工', '电工',
      '钳工', '车工', '熟练工', '一线员工', '一线工人', '劳动力', '务工', '工人流失', '员工流失', '季节工',
      '临时工', '保洁工', '搬运工', '叉车工', '挡车工', '缝纫工', '员工宿舍', '招人', '缺人', '用人难',
      '劳务', '工资', '社保', '打包工', '分拣工', '客服', '仓管', '保安', '司机', '操作员', '流水线', '质检员',
      'workers', 'worker', 'labour', 'labor', 'staff',
    ],
  },
  { category: '用工', weight: 2, words: ['员工', '招聘', '职工', '学徒', '技校', '职校'] },

  // --- 人才: professionals, high-level talent
  {
    category: '人才',
    weight: 5,
    words: [
      '人才', '工程师', '博士', '硕士', '研发人员', '研发团队', '科研人员', '技术骨干', '高层次', '高端人才',
      '专家', '院士', '博士后', '海归', '主播', '运营人才', '设计师', '人才公寓', '技术人员', '管理人才',
      '专业人才', '研究生', '高管', '技术团队', '研究员', '工艺师', '药剂师', '程序员', 'talent', 'engineers', 'engineer', 'PhD',
    ],
  },
  { category: '人才', weight: 2, words: ['大学生', '毕业生', '团队', '引才', '引智'] },

  // --- 用地: land
  {
    category: '用地',
    weight: 5,
    words: [
      '用地', '土地', '地块', '土地证', '不动产证', '供地', '征地', '拆迁', '土地指标', '用地指标', '建设用地',
      '出让', '摘牌', '拿地', '工业用地', '新增用地', '土地性质', '征收', '地价', '用地审批', '用地手续',
      '标准地', '低效用地', '厂房租赁', '用地难', 'land',
    ],
  },
  { category: '用地', weight: 1, words: ['厂房', '扩建', '二期', '亩'] },

  // --- 审批: permits and approvals
  {
    category: '审批',
    weight: 6,
    words: [
      '环评', '能评', '安评', '稳评', '水评', '施工许可', '排污许可', '规划许可', '消防验收', '消防审验',
      '竣工验收', 'GMP', '换证', '临床试验', '审批', '许可证', '生产许可', '经营许可', '备案', '立项', '核准',
      '资质', '办证', '证照', '批文', '注册证', '药品注册', '产品注册', '认证', '验收', '图审', '施工图',
      '规划审批', '能耗指标', '排污权', '环保手续', '手续', '批不下来', '审批慢', '并联审批', '认定',
      '排污证', '批件', '许可', '高企认定', '生产许可证', '换证', 'permit', 'approval', 'license', 'licence',
    ],
  },
  { category: '审批', weight: 2, words: ['消防', '许可', '报批', '审查'] },

  // --- 政策兑现: subsidies, awards and tax benefits not yet paid
  {
    category: '政策兑现',
    weight: 6,
    words: [
      '补助', '补贴', '专补', '奖励', '奖补', '兑现', '加计扣除', '出口退税', '退税', '留抵', '税收优惠',
      '减免', '返还', '扶持资金', '专项资金', '奖金', '政策资金', '资金兑付', '兑付', '补偿款', '扶持款',
      '以奖代补', '贴息资金', '技改补助', '亩均', '税费', '减税', '降费', '政策落实', '政策兑付', '奖励资金',
      '出口退', 'subsidy', 'subsidies', 'grant', 'rebate', 'tax refund',
    ],
  },
  { category: '政策兑现', weight: 2, words: ['政策', '申报', '税收', '拨付'] },

  // --- 市场: orders, market expansion
  {
    category: '市场',
    weight: 4,
    words: [
      '订单', '市场', '客户', '销售', '销路', '大单', '销量', '滞销', '库存', '接单', '拓市场', '开拓',
      '展会', '参展', '采购', '招投标', '招标', '投标', '政府采购', '产品推广', '推广', '渠道', '外贸',
      '跨境电商', '出口订单', '外需', '单子', '经销商', '品牌', '营销', '卖不出', '产能过剩', '关税',
      '开工不足', '开工率', '交货', 'order', 'orders', 'market', 'sales', 'customers',
    ],
  },
  { category: '市场', weight: 2, words: ['电商', '出口', '供应链', '原材料', '涨价', '价格'] },
  { category: '其他', weight: 3, words: ['危化品', '危险品'] },

  // --- 其他: infrastructure, utilities, logistics, party-building
  {
    category: '其他',
    weight: 5,
    words: [
      '用电', '增容', '停电', '限电', '电力', '供电', '电压', '变压器', '供水', '用水', '停水', '供气', '用气',
      '天然气', '蒸汽', '污水', '管网', '排水', '雨水', '道路', '修路', '路灯', '断头路', '限行',
      '通行证', '物流', '物流成本', '运输', '停车', '公交', '班车', '网络', '信号', '宽带', '党建', '党组织',
      '支部', '治安', '噪音', '垃圾', '围墙', '绿化', '食堂', '子女入学', '入学', '就学', '医疗', '安全隐患',
      '交通', '红绿灯', '货车', '通勤', '住宿', '配套', '排水沟', '积水', '倒灌', '漏水', '电费', '装表', '接电',
      '电价', '气价', '天然气价格', 'power', 'electricity',
    ],
  },
];
