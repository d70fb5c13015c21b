/**
 * A handler: what the bot does with one normalised message. Platform-independent,
 * given its services explicitly, returning a platform-neutral Reply.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import type { Reply } from '../src/messaging/reply.js';
import type { Services } from '../src/app/services.js';

export type Handler = (msg: IncomingMessage, services: Services) => Promise<Reply>;
