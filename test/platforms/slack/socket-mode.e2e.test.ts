/**
 * Socket Mode: the real Bolt SocketModeReceiver connects to the fake's apps.connections.open + WebSocket,
 * acks envelopes, and answers through the same paths as HTTP mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SLACK_IDENTITY } from '../../helpers/fake-slack.js';
import { eventEnvelope, mention, responseIdOf, slashForm, startSlackHarness, type SlackHarness } from './harness.js';

describe('Slack adapter in Socket Mode', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ env: { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' } });
    await h.fake.waitFor(() => h.fake.socket.connections === 1, 5000, 'socket connection');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the connection with the app token and reports connected', () => {
    expect(h.adapter.mode).toBe('socket');
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-1-test');
    expect(h.adapter.isConnected()).toBe(true);
  });

  it('acks a slash command envelope with the interim text and answers via response_url', async () => {
    const form = slashForm(h.fake, '/ask', '专班组建要坚持哪三条原则？');
    h.fake.socket.push({
      envelope_id: 'env-cmd-1',
      type: 'slash_commands',
      payload: form,
      accepts_response_payload: true,
    });
    const ack = await h.fake.socket.waitForAck('env-cmd-1');
    expect(ack.payload).toMatchObject({ text: expect.stringContaining('正在查询') });
    await h.fake.waitFor(() => h.fake.responsesTo(responseIdOf(form)).length === 1, 5000, 'response_url post');
    expect(h.fake.responsesTo(responseIdOf(form))[0]!.body).toMatchObject({ response_type: 'in_channel' });
  });

  it('acks an events_api envelope and answers the mention in its thread', async () => {
    const ev = mention('今天走访了华康药业');
    const before = h.fake.callsTo('chat.postMessage').length;
    h.fake.socket.push({ envelope_id: 'env-ev-1', type: 'events_api', payload: eventEnvelope(ev) });
    await h.fake.socket.waitForAck('env-ev-1');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === before + 1, 5000, 'thread reply');
    const call = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.token).toBe('xoxb-test-token');
    expect(call.args).toMatchObject({ channel: ev.channel, thread_ts: ev.ts });
    expect(h.seen.at(-1)!.msg.text).toBe('今天走访了华康药业');
  });

  it('answers a redelivered envelope (same event_id, retry_attempt 1) once', async () => {
    const payload = eventEnvelope(mention('重试的问题？'));
    const before = h.fake.callsTo('chat.postMessage').length;
    h.fake.socket.push({ envelope_id: 'env-r-0', type: 'events_api', payload });
    h.fake.socket.push({
      envelope_id: 'env-r-1',
      type: 'events_api',
      payload,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    await h.fake.socket.waitForAck('env-r-1');
    await h.fake.waitFor(
      () => h.seen.filter((s) => s.msg.dedupKey.endsWith(payload.event_id)).length === 2,
      5000,
      'both deliveries',
    );
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= before + 1, 5000, 'the one reply');
    await new Promise((r) => setTimeout(r, 100)); // quiet period: no second reply follows
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before + 1);
    expect(h.seen.at(-1)!.msg.dedupKey).toBe(`slack:${FAKE_SLACK_IDENTITY.appId}:${payload.event_id}`);
  });

  it('stop() closes the socket and reports disconnected', async () => {
    await h.adapter.stop(1000);
    expect(h.adapter.isConnected()).toBe(false);
    await h.fake.waitFor(() => h.fake.socket.connections === 0, 5000, 'socket closed');
  });
});
