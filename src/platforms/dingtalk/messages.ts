/** User-facing DingTalk-specific texts (Chinese). */
export const DINGTALK_MESSAGES = {
  malformed: '抱歉，这条消息的格式无法识别，没有被记录。请重新发送文字消息；如果反复出现，请联系管理员。',
  defaultTitle: '政策通',
} as const;
