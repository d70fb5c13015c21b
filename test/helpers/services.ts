/**
 * Test services built from real parts. The retriever is optional here: tests of the pipeline that do
 * not answer questions pass `retriever: null as never` explicitly rather than a fake.
 */
import { parseConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/schema.js';
import type { Services } from '../../src/app/services.js';
import { silentLogger } from '../../src/observability/logger.js';
import type { Store } from '../../src/store/types.js';
import {
  incomingMessageSchema,
  type IncomingMessage,
  type IncomingMessageInput,
} from '../../src/messaging/incoming.js';

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ LOG_LEVEL: 'silent', ZCT_CACHE_DIR: '.cache/test', ...env });
}

export function makeServices(parts: Partial<Services> & { store: Store }): Services {
  return {
    config: parts.config ?? testConfig(),
    logger: parts.logger ?? silentLogger,
    retriever: parts.retriever as Services['retriever'],
    llm: parts.llm ?? null,
    clock: parts.clock ?? (() => new Date()),
    store: parts.store,
  };
}

let seq = 0;
/** A console-platform message in the team group `g1` from user `u1`, unless overridden. */
export function message(text: string, over: Partial<IncomingMessageInput> = {}): IncomingMessage {
  seq += 1;
  const id = over.messageId ?? `m-${process.pid}-${seq}`;
  return incomingMessageSchema.parse({
    platform: 'console',
    messageId: id,
    dedupKey: over.dedupKey ?? `console:${id}`,
    conversationId: 'g1',
    teamId: 'console:g1',
    isGroup: true,
    userId: 'u1',
    userName: '张三',
    text,
    receivedAt: Date.now(),
    ...over,
  });
}
