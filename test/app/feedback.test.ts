/**
 * Typed votes: 👍/👎 (有用/没用) as the very next message after a policy answer is stored as feedback on that answer —
 * the same record a Slack or DingTalk button press makes — and is neither an acknowledgement, a report nor a
 * question. Anything said in between, or a draft that asked its question after the answer, takes that chance away.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXTS } from '../../src/answer/feedback.js';
import { createBot } from '../../src/app/create-bot.js';
import type { Bot } from '../../src/app/bot.js';
import { voteOf } from '../../src/messaging/intent-cues.js';
import { MIN, makeKit, memoryStore, say, text, TEAM, type Kit } from '../ledger/helpers.js';

describe('voteOf', () => {
  it('reads a whole message of thumbs or vote words, with trailing particles and punctuation', () => {
    for (const t of ['👍', '👍👍', '👍🏻', ' 有用 ', '很有用！', '有帮助哈', '有用的']) expect(voteOf(t), t).toBe('up');
    for (const t of ['👎', '👎🏽👎🏽', '没用', '没有用啊'.replace('啊', '了'), '没帮上', '答非所问。']) {
      expect(voteOf(t), t).toBe('down');
    }
  });
  it('is null for anything more than a vote', () => {
    for (const t of ['好的👍', '收到', '👍 收到', '有用的政策有哪些？', '华康药业反映设备没用了', '👍👎', '', '对']) {
      expect(voteOf(t), t).toBeNull();
    }
  });
});

describe('typed votes after an answer (real bot, real router)', () => {
  let kit: Kit;
  let bot: Bot;
  let seq = 0;
  beforeEach(async () => {
    kit = await makeKit(memoryStore);
    bot = createBot(kit.services);
  });
  afterEach(async () => {
    await kit.cleanup();
  });
  const send = async (t: string, user = 'u-wang') => {
    kit.clock.advance(MIN);
    return bot.handle(say(kit, t, { userId: user, messageId: `m${++seq}` }));
  };
  const QUESTION = '技改贷款贴息比例是多少';

  it('👍 right after an answer is stored as a vote on it, with the question, answer and citations', async () => {
    const answer = await send(QUESTION);
    expect(answer.route).toBe('ask');
    const feedbackId = answer.reply?.feedbackId;
    expect(feedbackId).toBeTruthy();

    const vote = await send('👍');
    expect(vote.route).toBe('feedback');
    expect(text(vote.reply!)).toBe(FEEDBACK_TEXTS.up);
    const votes = await kit.store.listFeedback();
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({
      id: `${feedbackId}:u-wang`,
      vote: 'up',
      userId: 'u-wang',
      teamId: TEAM.id,
      question: QUESTION,
      at: kit.clock.ms,
    });
    expect(votes[0]!.answer.length).toBeGreaterThan(10);
    expect(votes[0]!.citations.length).toBeGreaterThan(0);
    // Nothing recorded in the ledger, no second answer.
    expect(await kit.store.listIssues({})).toHaveLength(0);
    expect(vote.reply?.feedbackId).toBeUndefined();
  });

  it('one vote per answer by typing: the next 👍 is an acknowledgement again; 没用 after a new answer votes down', async () => {
    await send(QUESTION);
    expect((await send('有用')).route).toBe('feedback');
    expect((await send('👍')).route).toBe('ack');
    const second = await send('引进工程师有什么生活补贴？');
    expect((await send('没用')).route).toBe('feedback');
    const votes = await kit.store.listFeedback();
    expect(votes.map((v) => v.vote)).toEqual(['up', 'down']);
    expect(votes[1]!.id).toBe(`${second.reply?.feedbackId}:u-wang`);
  });

  it('a 👍 with no answer before it, after something else was said, or from someone else is not a vote', async () => {
    expect((await send('👍')).route).toBe('ack');
    await send(QUESTION);
    expect((await send('👍', 'u-li')).route).toBe('ack'); // another member: the answer was not theirs
    expect((await send('帮助')).route).toBe('help');
    expect((await send('👍')).route).toBe('ack');
    await send(QUESTION);
    await send('收到');
    expect((await send('👍')).route).toBe('ack');
    expect(await kit.store.listFeedback()).toHaveLength(0);
  });

  it('a typed vote expires with the answer window', async () => {
    await send(QUESTION);
    kit.clock.advance(31 * MIN);
    expect((await send('👍')).route).toBe('ack');
    expect(await kit.store.listFeedback()).toHaveLength(0);
  });

  it('a report card shown after the answer takes the 👍 (it confirms the report, as before)', async () => {
    await send(QUESTION);
    const card = await send('本周走访情况：华康药业反映缺电，七一电器反映厂房用地指标紧张');
    expect(card.reply?.intent).toBe('clarify');
    const confirm = await send('👍');
    expect(confirm.route).toBe('report');
    expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
    expect(await kit.store.listFeedback()).toHaveLength(0);
  });

  it('an answer given while a report card waits takes the 👍; the card still waits for its own answer', async () => {
    await send('本周走访情况：华康药业反映缺电，七一电器反映厂房用地指标紧张');
    expect((await send('引进工程师有什么生活补贴？')).route).toBe('ask');
    expect((await send('👍')).route).toBe('feedback');
    expect(await kit.store.listFeedback()).toHaveLength(1);
    expect(await kit.store.listIssues({})).toHaveLength(0);
    expect((await send('对')).route).toBe('report');
    expect((await kit.store.listIssues({})).length).toBeGreaterThan(0);
  });
});
