/** User-facing texts of button presses (Reply.actions), shared by the DingTalk and Slack adapters. */
import type { ReplyAction } from '../messaging/reply.js';

export const ACTION_TEXTS = {
  notAllowed: (who: string) => `这个按钮只有 ${who} 可以操作。`,
  adminsOnly: '这个按钮只有管理员可以操作。',
  pressed: (label: string, who: string, time: string) => `✅ **${label}** · ${who} · ${time}`,
  hints: (actions: ReplyAction[]) => `也可以直接回复：${actions.map((a) => `“${a.command}”（${a.label}）`).join('；')}`,
} as const;
