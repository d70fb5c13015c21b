/**
 * Command buttons in Slack (Block Kit actions), the same contract as DingTalk's cards with buttons: the REAL
 * Bolt app in HTTP mode against the fake Slack, a real Bot (MemoryStore). A press runs the button's text
 * command through the pipeline once per message, only for whom it is meant, and updates the message in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../handlers/types.js';
import { ACTION_TEXTS } from '../../../src/platforms/action-texts.js';
import { COMMAND_ACTION } from '../../../src/platforms/slack/render.js';
import { blockActions, eventEnvelope, mention, startSlackHarness, testHandlers, type SlackHarness } from './harness.js';

const REPORTER = 'U061F7AUR'; // the harness' mention() sender
const OTHER = 'UOTHER0001';
const CHANNEL = 'C123ABC456';

let h: SlackHarness;

beforeAll(async () => {
  const base = testHandlers();
  const report: Handler = async (msg) => ({
    intent: 'report',
    title: '请确认',
    blocks: [{ type: 'paragraph', text: `是否记录：${msg.text}？` }],
    actions: [
      { label: '确认记录', command: '对', style: 'primary', onlyUser: msg.userId },
      { label: '不记录', command: '不用了', onlyUser: msg.userId },
    ],
  });
  const clarify: Handler = async (msg) => ({
    intent: 'report',
    title: '已处理',
    blocks: [{ type: 'paragraph', text: `收到：${msg.text}` }],
  });
  h = await startSlackHarness({ handlers: { ...base, report, clarify } });
});

afterAll(async () => {
  await h?.close();
});

type Posted = {
  ts: string;
  blocks: Array<{
    type: string;
    block_id?: string;
    elements?: Array<{ action_id: string; value: string; text: { text: string } }>;
  }>;
};

/** Mention the bot with a report; return the posted message with its buttons. */
async function reportWithButtons(text: string): Promise<Posted & { threadTs: string }> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const ev = mention(text);
  await h.post({ json: eventEnvelope(ev) });
  await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length > before);
  const call = h.fake.callsTo('chat.postMessage').at(-1)!;
  return { ts: `${Date.now() / 1000}`.padEnd(17, '0'), blocks: call.args.blocks as Posted['blocks'], threadTs: ev.ts };
}

function press(posted: Posted & { threadTs: string }, index: number, user: string) {
  const actions = posted.blocks.find((b) => b.block_id === COMMAND_ACTION.blockId)!;
  const button = actions.elements![index]!;
  const click = blockActions(h.fake, button.action_id, button.value, {
    user: { id: user, username: user === REPORTER ? 'zhangsan' : 'lisi', team_id: 'T0001' },
    channel: { id: CHANNEL, name: 'lianqi' },
    container: { type: 'message', message_ts: posted.ts, channel_id: CHANNEL, is_ephemeral: false },
    message: { type: 'message', text: '请确认', ts: posted.ts, thread_ts: posted.threadTs, blocks: posted.blocks },
    actions: [
      {
        action_id: button.action_id,
        block_id: COMMAND_ACTION.blockId,
        text: button.text,
        value: button.value,
        type: 'button',
        action_ts: '1.0',
      },
    ],
  });
  return { click, id: JSON.parse(click.payload).trigger_id as string };
}

describe('Slack command buttons (Reply.actions → Block Kit)', () => {
  it('a reply with actions carries the buttons, and a press runs the command once and updates the message in place', async () => {
    const posted = await reportWithButtons('走访华康药业，缺工程师');
    const actions = posted.blocks.find((b) => b.block_id === COMMAND_ACTION.blockId)!;
    expect(actions.elements!.map((e) => e.text.text)).toEqual(['确认记录', '不记录']);
    expect(JSON.parse(actions.elements![0]!.value)).toEqual({ c: '对', l: '确认记录', u: REPORTER });

    const seen = h.seen.length;
    const posts = h.fake.callsTo('chat.postMessage').length;
    const first = press(posted, 0, REPORTER);
    expect((await h.post({ form: first.click })).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responsesTo(first.id).length === 1, 5000, 'in-place update');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === posts + 1, 5000, 'reply to the press');

    const update = h.fake.responsesTo(first.id)[0]!.body as {
      replace_original: boolean;
      blocks: Posted['blocks'] & Array<{ elements?: Array<{ text: string }> }>;
    };
    expect(update.replace_original).toBe(true);
    expect(update.blocks.some((b) => b.block_id === COMMAND_ACTION.blockId)).toBe(false);
    expect(JSON.stringify(update.blocks.at(-1))).toMatch(
      new RegExp(`✅ \\*确认记录\\* · <@${REPORTER}> · \\d{2}:\\d{2}`),
    );
    const reply = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(reply.args.thread_ts).toBe(posted.threadTs);
    expect(JSON.stringify(reply.args.blocks)).toContain('收到：对');
    const ran = h.seen.slice(seen);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.msg).toMatchObject({
      text: '对',
      userId: REPORTER,
      conversationId: CHANNEL,
      threadId: posted.threadTs,
      dedupKey: `slack:card:${CHANNEL}:${posted.ts}`,
    });

    // A second press (the other button, or a double click) on the same message does nothing more.
    const second = press(posted, 1, REPORTER);
    await h.post({ form: second.click });
    await h.post({ form: press(posted, 0, REPORTER).click });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.seen.slice(seen).filter((s) => !s.result.duplicate)).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage').length).toBe(posts + 1);
    expect(h.fake.responsesTo(second.id)).toHaveLength(0);
  });

  it('a press by someone the button is not for is refused privately and changes nothing', async () => {
    const posted = await reportWithButtons('走访七一电器，用地紧张');
    const seen = h.seen.length;
    const posts = h.fake.callsTo('chat.postMessage').length;
    const p = press(posted, 0, OTHER);
    await h.post({ form: p.click });
    await h.fake.waitFor(() => h.fake.responsesTo(p.id).length === 1, 5000, 'refusal');
    expect(h.fake.responsesTo(p.id)[0]!.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: ACTION_TEXTS.notAllowed(`<@${REPORTER}>`),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.seen.length).toBe(seen);
    expect(h.fake.callsTo('chat.postMessage').length).toBe(posts);
  });
});
