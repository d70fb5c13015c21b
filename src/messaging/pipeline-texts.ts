/** What the message pipeline itself says (before or around any handler): one definition, used by the bot and the adapters. */
export const PIPELINE_MESSAGES = {
  storeDown: '系统暂时无法保存数据（数据库连接中断），本条消息未被记录，请稍后重新发送。',
  internal: '处理这条消息时出错了，本条消息未被记录，请稍后重试；如果反复出现，请联系管理员。',
  rateLimited: '您发送得太快了，请稍候一分钟再试。',
  oversized: (max: number) => `消息太长了（超过 ${max} 字），请精简后分几条发送。`,
  unsupported: (what: string) =>
    `暂时看不懂${what}。政策通可以：回答政策问题、记录走访和企业诉求、查看问题清单和简报。发送“帮助”查看用法。`,
} as const;
