/**
 * Messages that need a short word, not an answer: acknowledgements ("收到", "好的👍", 谢谢) and plans
 * ("明天计划去华康药业走访"), which are not recorded (a visit counts once it happened) and get no policy passage.
 */
import { reply } from '../src/messaging/reply.js';
import type { Handler } from './types.js';

export const SMALLTALK_TEXTS = {
  ack: '好的。',
  plan: '好的，走访计划不用登记；走访后把情况（企业、诉求、交办）发到群里，我来记录。',
} as const;

export const handleAck: Handler = async () => reply.text('help', SMALLTALK_TEXTS.ack);

export const handlePlan: Handler = async () => reply.text('report', SMALLTALK_TEXTS.plan, '走访计划');
