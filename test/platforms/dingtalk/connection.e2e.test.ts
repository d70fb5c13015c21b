/**
 * Stream connection lifecycle with the REAL dingtalk-stream client against the fake gateway:
 * disconnect frames, dropped sockets, failing gateway calls, shutdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { metrics } from '../../../src/observability/metrics.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { startDingTalkHarness, waitUntil, type DingTalkHarness } from '../../helpers/fake-dingtalk.js';
import { createEchoBot, type EchoBot } from './echo-bot.js';

let h: DingTalkHarness | undefined;
let echo: EchoBot;

async function harness(heartbeatMs = 0) {
  h = await startDingTalkHarness({
    env: { ZCT_RATE_LIMIT_PER_MIN: '0' },
    adapter: { stream: { heartbeatMs } },
    makeSink: (config) => {
      echo = createEchoBot(new MemoryStore(), config);
      return (m) => echo.bot.handle(m);
    },
  });
  return h;
}

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function gauge(): Promise<number | undefined> {
  return (await metrics.connected.get()).values.find((v) => v.labels.target === 'dingtalk')?.value;
}

describe('DingTalk stream connection', () => {
  it('after a disconnect frame: finishes and acks in-flight work on the old socket, then reconnects via the gateway', async () => {
    const { fake, adapter } = await harness();
    expect(await gauge()).toBe(1);
    const slow = fake.robotMessage({ text: '慢：处理中', session: 'inflight' });
    const frameId = fake.push(slow);
    await waitUntil(() => echo.handled.length === 1, 'handler started');

    fake.disconnect('connection is expired', 5_000);
    await waitUntil(() => !adapter.isConnected(), 'adapter notices the disconnect');
    // the in-flight message holds the old socket open
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.connections).toBe(1);

    echo.release();
    await fake.waitFor(() => fake.ackedFrames(frameId).length === 1, 'ack of the in-flight message');
    expect(fake.ackedFrames(frameId)[0]?.connection).toBe(1);
    await fake.waitForConnections(2);
    await adapter.whenConnected(2_000);
    expect(fake.openCalls).toHaveLength(2); // a fresh ticket from our gateway, not api.dingtalk.com
    expect(await gauge()).toBe(1);

    const after = fake.push(fake.robotMessage({ text: '重连后', session: 'after' }));
    await fake.waitFor(() => fake.ackedFrames(after).length === 1, 'ack on the new connection');
    expect(fake.ackedFrames(after)[0]?.connection).toBe(2);
    await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === 'after'), 'reply');
  });

  it('reconnects after the server drops the socket, reflecting the state in isConnected and the gauge', async () => {
    const { fake, adapter } = await harness();
    fake.dropConnection();
    await waitUntil(() => !adapter.isConnected(), 'down');
    expect(await gauge()).toBe(0);
    await fake.waitForConnections(2);
    await adapter.whenConnected(2_000);
    expect(adapter.isConnected()).toBe(true);
    expect(await gauge()).toBe(1);
    expect(adapter.client.connectionCount).toBe(2);
  });

  it('keeps retrying (with backoff) while the gateway fails, then connects', async () => {
    const { fake, adapter } = await harness();
    fake.failGatewayCalls = 3;
    fake.dropConnection();
    await fake.waitForConnections(2, 10_000);
    await adapter.whenConnected(2_000);
    expect(fake.openCalls.length).toBe(1 + 3 + 1);
  });

  it('a refused WebSocket handshake fails the attempt and is retried with a fresh ticket', async () => {
    const { fake, adapter } = await harness();
    fake.rejectUpgrades = 2;
    fake.dropConnection();
    await fake.waitForConnections(2, 10_000);
    await adapter.whenConnected(2_000);
    expect(fake.openCalls.length).toBe(1 + 2 + 1);
  });

  it('a connection that stops answering pings is terminated by the heartbeat and replaced', async () => {
    const { fake, adapter } = await harness(50);
    fake.freeze();
    await fake.waitForConnections(2, 5_000);
    await adapter.whenConnected(2_000);
    const frameId = fake.push(fake.robotMessage({ text: '心跳之后', session: 'hb' }));
    await fake.waitFor(() => fake.ackedFrames(frameId).length === 1, 'ack on the new connection');
  });

  it('stop(): waits for in-flight messages, closes the socket and does not reconnect', async () => {
    const { fake, adapter } = await harness();
    const frameId = fake.push(fake.robotMessage({ text: '慢：收尾', session: 'drain' }));
    await waitUntil(() => echo.handled.length === 1, 'handler started');
    const stopped = adapter.stop(5_000);
    await new Promise((r) => setTimeout(r, 50));
    echo.release();
    await stopped;
    expect(fake.ackedFrames(frameId)).toHaveLength(1);
    expect(fake.webhookPosts.filter((p) => p.session === 'drain')).toHaveLength(1);
    expect(adapter.isConnected()).toBe(false);
    await waitUntil(() => fake.sockets.every((s) => s.readyState === s.CLOSED), 'socket closed');
    await new Promise((r) => setTimeout(r, 150)); // several reconnect periods of the harness (20–200 ms)
    expect(fake.connections).toBe(1);
    expect(fake.openCalls).toHaveLength(1);
  });
});
