/**
 * When free text could be either a policy question or a status update, ask once
 * ("这是要记录的进展，还是一个政策问题？") and dispatch the original text on the answer.
 */
import { z } from 'zod';
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { conversationKey } from '../src/messaging/incoming.js';
import type { Reply } from '../src/messaging/reply.js';
import type { Services } from '../src/app/services.js';
import { readSession } from '../src/store/session.js';
import type { Handler, PendingClarification } from './types.js';

const pendingSchema = z.object({ text: z.string(), at: z.number() });
const CLARIFY_TTL_SEC = 10 * 60;

const key = (msg: IncomingMessage) => `clarify:${conversationKey(msg)}`;

const AS_REPORT = /^(1|记录|记|报|报送|进展|是进展|记录进展|记一下)[。.!！]?$/;
const AS_QUESTION = /^(2|问题|提问|问|政策|政策问题|是问题|是提问)[。.!！]?$/;
/** Both: a report that ends with a policy question — record it and answer the question. */
const AS_BOTH = /^(3|都要|都|两个都要|都需要|记录并回答|记录并提问|既记录又提问|记录加提问)[。.!！]?$/;

export const CLARIFY_QUESTION =
  '这是要记录的进展，还是一个政策问题？请回复“记录”或“提问”；既要记录又要查政策，回复“都要”。';
const CLARIFY_ACTIONS = [
  { label: '记录', command: '记录', style: 'primary' as const },
  { label: '提问', command: '提问' },
  { label: '都要', command: '都要' },
];
/** Said when 记录 / 提问 arrives with no question waiting (it expired, or was answered already). */
export const NOTHING_TO_CLARIFY =
  '没有等待回复的“记录还是提问”（可能已超过 10 分钟）。要记录进展，请直接发送内容，或以“记录：”开头；要查政策，请直接提问，或以“问：”开头。';

const ASKED_TITLE = '请确认';
/** Said when a new "记录还是提问？" replaces one that got no answer. */
export const earlierDropped = (text: string) =>
  `上一条“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”没有收到“记录/提问”的回复，已放弃；需要的话请重新发送。`;

/** A bare answer to "记录还是提问？" (记录, 提问, 1, 2). */
export function isClarifyAnswer(text: string): boolean {
  const t = text.trim();
  return AS_REPORT.test(t) || AS_QUESTION.test(t) || AS_BOTH.test(t);
}

/** The record's reply, then the answer under its own heading (its 👍/👎 kept). */
function both(record: Reply, answer: Reply): Reply {
  return {
    ...record,
    blocks: [...record.blocks, { type: 'heading', text: '政策解答' }, ...answer.blocks],
    ...(answer.feedbackId ? { feedbackId: answer.feedbackId } : {}),
  };
}

/** The pending "记录还是提问？" for this user, if any (the router reads it once per message). */
export function readClarification(msg: IncomingMessage, services: Services): Promise<PendingClarification | null> {
  return readSession(services.store, key(msg), pendingSchema, services.logger);
}

export async function hasPendingClarification(msg: IncomingMessage, services: Services): Promise<boolean> {
  return (await readClarification(msg, services)) !== null;
}

/** `reroute`: hand a message that is not an answer to the router again (the clarification is consumed by then). */
export function createClarifyHandler(deps: {
  ask: Handler;
  report: Handler;
  reroute: (msg: IncomingMessage, services: Services) => Promise<Reply>;
}): Handler {
  return async (msg, services, ctx): Promise<Reply> => {
    const pending = ctx?.clarification !== undefined ? ctx.clarification : await readClarification(msg, services);
    const answer = msg.text.trim();
    if (pending) {
      await services.store.deleteSession(key(msg));
      if (AS_BOTH.test(answer)) {
        const record = await deps.report({ ...msg, text: `记录：${pending.text}` }, services);
        return both(record, await deps.ask({ ...msg, text: pending.text }, services));
      }
      if (AS_REPORT.test(answer) || AS_QUESTION.test(answer)) {
        // (记录 says it is for the ledger, as the 记录： prefix does)
        return AS_REPORT.test(answer)
          ? deps.report({ ...msg, text: `记录：${pending.text}` }, services)
          : deps.ask({ ...msg, text: pending.text }, services);
      }
      // Not an answer to our question: forget it and treat the message on its own. The earlier message is said to be
      // given up (never dropped silently), whatever the new one is.
      const next = await deps.reroute(msg, services);
      return { ...next, blocks: [{ type: 'note', text: earlierDropped(pending.text) }, ...next.blocks] };
    }
    // "记录" with nothing waiting: no text to record or search — say so instead of searching the word.
    if (isClarifyAnswer(answer))
      return {
        intent: 'clarify',
        title: '没有待确认的消息',
        blocks: [{ type: 'paragraph', text: NOTHING_TO_CLARIFY }],
      };
    await services.store.setSession(key(msg), { text: msg.text, at: msg.receivedAt }, CLARIFY_TTL_SEC);
    return {
      intent: 'clarify',
      title: ASKED_TITLE,
      blocks: [{ type: 'paragraph', text: CLARIFY_QUESTION }],
      actions: CLARIFY_ACTIONS,
    };
  };
}
