/** 帮助: what the bot can do, with examples a team member can copy. */
import type { Handler } from './types.js';

export const HELP_EXAMPLES = {
  ask: '专班组建要坚持哪三条原则？',
  report: '今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局',
  progress: 'Q-0012 金融办已对接，贷款下周放款',
  resolve: '华康那个融资的事解决了',
};

export const handleHelp: Handler = async (msg) => ({
  intent: 'help',
  title: '政策通使用说明',
  blocks: [
    { type: 'heading', text: '政策通能做什么' },
    {
      type: 'list',
      items: [
        `问政策：直接提问，或以“问：”开头。例：${HELP_EXAMPLES.ask}`,
        `报情况：直接描述走访、企业诉求、交办和进展，或以“报：”开头。例：${HELP_EXAMPLES.report}`,
        `更新问题：${HELP_EXAMPLES.progress}；${HELP_EXAMPLES.resolve}`,
        '问题清单 / 台账：查看本组未办结的问题；发送问题编号（如 Q-0012）查看详情和历史',
        'Q-0012 交办 人社局 3月20日前：交办并设定期限；重新打开 Q-0012：重新打开',
        '撤销 Q-0012：撤销自己刚记录的内容（10分钟内）；Q-0012 销号：管理员核实后销号',
        'Q-0012 改 部门 人社局：修改部门、类别、期限或摘要；Q-0015 并入 Q-0012：合并重复登记的问题',
        '绑定企业 华康药业、七一电器：把本群登记为联企小组并绑定服务企业',
        '简报 / 今日简报：查看本组（管理员群为全局）的每日简报',
        '导出台账：管理员导出问题清单和走访记录（Slack 附 Excel 文件，钉钉为汇总表）',
      ],
    },
    ...(msg.isGroup
      ? []
      : [{ type: 'note' as const, text: '提示：走访和问题请在联企小组群里报送，政策问题在哪里都可以问。' }]),
  ],
});
