/**
 * 问政策: answer a policy question from the corpus, with citations.
 * Strips a leading 问：/ask prefix, loads the conversation's recent turns (follow-ups), answers,
 * remembers the turn, stores the answer for 👍/👎 feedback and returns the reply.
 * The store is not needed to answer: if it fails, the answer is still given (without memory/feedback).
 */
import { randomUUID } from 'node:crypto';
import { conversationKey } from '../src/messaging/incoming.js';
import type { Reply, ReplyBlock } from '../src/messaging/reply.js';
import {
  answerQuestion,
  askSessionKey,
  loadHistory,
  saveTurn,
  summarize,
  NOT_FOUND_LEAD,
  type AnswerResult,
  type Turn,
} from '../src/answer/index.js';
import { stripAskPrefix } from '../src/messaging/prefixes.js';
import { HELP_EXAMPLES } from './help.js';
import type { Handler } from './types.js';

/** How long an answer stays available for feedback. */
export const ANSWER_TTL_SEC = 30 * 24 * 3600;

export { stripAskPrefix };

export function askReply(result: AnswerResult, feedbackId?: string): Reply {
  const blocks: ReplyBlock[] = [];
  if (result.grounded) {
    blocks.push({ type: 'paragraph', text: result.answer });
    if (result.citations.length) blocks.push({ type: 'citations', items: result.citations });
    if (result.mode === 'extractive') blocks.push({ type: 'note', text: '以上内容摘自资料原文。' });
  } else if (result.mode === 'notice') {
    blocks.push({ type: 'paragraph', text: result.answer });
  } else {
    blocks.push({ type: 'paragraph', text: NOT_FOUND_LEAD });
    if (result.topics.length) {
      blocks.push({ type: 'paragraph', text: '可以试试这些相近主题：' });
      blocks.push({ type: 'list', items: result.topics });
    } else {
      blocks.push({ type: 'note', text: '可以换个说法再问一次。' });
    }
  }
  return { intent: 'ask', title: '政策问答', blocks, ...(feedbackId ? { feedbackId } : {}) };
}

export const handleAsk: Handler = async (msg, services) => {
  const { store, retriever, llm, config } = services;
  const log = services.logger.child({ handler: 'ask' });
  const question = stripAskPrefix(msg.text);
  if (!question) {
    return {
      intent: 'ask',
      title: '政策问答',
      blocks: [{ type: 'paragraph', text: `请在“问：”后面写上您的问题，例如：问：${HELP_EXAMPLES.ask}` }],
    };
  }
  log.debug({ question }, 'question');

  const key = askSessionKey(conversationKey(msg));
  let history: Turn[] = [];
  try {
    history = await loadHistory(store, key, log);
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'could not load the conversation; answering without it');
  }

  const result = await answerQuestion(question, { retriever, llm, logger: log }, { history });

  const turn: Turn = {
    question,
    standaloneQuery: result.standaloneQuery,
    answerSummary: summarize(result.answer),
    docIds: [...new Set(result.citations.map((c) => c.docId))],
    at: services.clock().getTime(),
    ...(result.memory ? { memory: result.memory } : {}),
  };
  const feedbackId = randomUUID();
  let saved = true;
  await Promise.all([
    saveTurn(store, key, history, turn, config.ZCT_SESSION_TTL_HOURS * 3600).catch((err: unknown) => {
      log.warn({ err: (err as Error).message }, 'could not remember the turn');
    }),
    store
      .saveAnswer(feedbackId, { question, answer: result.answer, citations: result.citations }, ANSWER_TTL_SEC)
      .catch((err: unknown) => {
        saved = false;
        log.warn({ err: (err as Error).message }, 'could not store the answer for feedback');
      }),
    // The console's answer-quality page (src/web): what was asked, and what the corpus could not answer.
    store
      .recordQuestion({
        at: turn.at,
        teamId: msg.teamId,
        userId: msg.userId,
        question,
        refused: result.mode === 'not_found',
      })
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'could not log the question')),
  ]);
  return askReply(result, saved ? feedbackId : undefined);
};
