/** Compose the bot: the product's router and handlers (handlers/index.ts) behind the exactly-once pipeline. */
import { createProductRouter, type HandlerWrappers } from '../../handlers/index.js';
import { Bot } from './bot.js';
import type { Services } from './services.js';

export { createProductRouter, type HandlerWrappers };

export function createBot(services: Services, opts: { claimLeaseMs?: number; wrap?: HandlerWrappers } = {}): Bot {
  return new Bot(services, createProductRouter(opts.wrap), { claimLeaseMs: opts.claimLeaseMs });
}
