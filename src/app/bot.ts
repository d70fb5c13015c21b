/**
 * The message pipeline every adapter calls: one normalised message in, at most one reply out.
 *
 *   claim (exactly-once, Redis lease) → rate limit → input checks → router (context) → handler → remember reply
 * The routing itself, and every handler, live in handlers/ (handlers/index.ts wires them).
 *
 * Guarantees: a redelivered message (same dedupKey) records nothing new and is reported as a duplicate
 * (the adapter decides whether to re-send the remembered reply); a failing store or handler never throws
 * out of `handle` — the user gets a clear Chinese message and the claim is released so a redelivery retries.
 */
import { isStoreUnavailable } from '../store/types.js';
import { storeFailureOutcome } from '../store/outcome.js';
import type { IncomingMessage } from '../messaging/incoming.js';
import type { Reply } from '../messaging/reply.js';
import { reply } from '../messaging/reply.js';
import { MESSAGES } from '../messaging/messages.js';
import type { Router, AnyRoute as Route } from '../../handlers/router.js';
import type { Services } from './services.js';
import { metrics } from '../observability/metrics.js';

export interface HandleResult {
  /** What to send; null when nothing should be sent (a duplicate still being handled elsewhere). */
  reply: Reply | null;
  /** True when this message was already handled (or is being handled) by this or another replica. */
  duplicate: boolean;
  route?: Route;
}

/** How long a claim protects a message being handled before another replica may take over. */
export const CLAIM_LEASE_MS = 60_000;

// The texts live in src/messaging so platform adapters can use them without importing the app.
export { MESSAGES };

const UNSUPPORTED_LABEL: Record<NonNullable<IncomingMessage['unsupported']>, string> = {
  picture: '图片',
  file: '文件',
  video: '视频',
  unknown: '这类消息',
};

export class Bot {
  private readonly claimLeaseMs: number;

  constructor(
    private readonly services: Services,
    private readonly router: Router,
    opts: { claimLeaseMs?: number } = {},
  ) {
    this.claimLeaseMs = opts.claimLeaseMs ?? CLAIM_LEASE_MS;
  }

  async handle(msg: IncomingMessage): Promise<HandleResult> {
    const { store, config } = this.services;
    const log = this.services.logger.child({
      msgId: msg.messageId,
      conversation: msg.conversationId,
      platform: msg.platform,
    });
    const started = performance.now();

    let claimed = false;
    try {
      const claim = await store.claimMessage(msg.dedupKey, this.claimLeaseMs);
      if (claim.state !== 'new') {
        log.info({ state: claim.state }, 'duplicate delivery ignored');
        metrics.duplicates.inc({ platform: msg.platform });
        return { reply: claim.state === 'done' ? claim.reply : null, duplicate: true };
      }
      claimed = true;

      const early = await this.precheck(msg);
      let route: Route | undefined;
      let out: Reply;
      if (early) out = early;
      else {
        const routed = await this.router.dispatch(msg, this.services);
        route = routed.ctx.route;
        out = routed.reply;
      }

      try {
        await store.completeMessage(msg.dedupKey, out, Math.round(config.ZCT_DEDUP_TTL_HOURS * 3600));
      } catch (err) {
        // What the handler recorded is committed (and deduplicated by the ledger itself), so the reply is true:
        // send it. The claim's lease expires and a redelivery is answered from the ledger's own dedup record.
        log.warn({ err: (err as Error).message }, 'could not remember the reply; sending it anyway');
      }
      metrics.messages.inc({ platform: msg.platform, intent: out.intent });
      metrics.latency.observe({ platform: msg.platform }, (performance.now() - started) / 1000);
      log.info({ route, intent: out.intent, ms: Math.round(performance.now() - started) }, 'message handled');
      return { reply: out, duplicate: false, route };
    } catch (err) {
      const storeDown = isStoreUnavailable(err);
      metrics.errors.inc({ platform: msg.platform, kind: storeDown ? 'store' : 'internal' });
      if (!storeDown) {
        log.error({ err }, 'message handling failed');
        if (claimed) await store.releaseMessage(msg.dedupKey).catch(() => undefined);
        return { reply: reply.error(MESSAGES.internal), duplicate: false };
      }
      // Recorded, not recorded or unknown: the message's commit record decides (src/store/outcome.ts).
      const outcome = await storeFailureOutcome(store, claimed ? msg.dedupKey : null, err);
      log.warn({ err: err.message, outcome: outcome.state }, 'store unavailable while handling a message');
      if (outcome.state === 'recorded') {
        await store
          .completeMessage(msg.dedupKey, outcome.reply, Math.round(config.ZCT_DEDUP_TTL_HOURS * 3600))
          .catch(() => undefined);
      } else if (claimed) {
        await store.releaseMessage(msg.dedupKey).catch(() => undefined);
      }
      return { reply: outcome.reply, duplicate: false };
    }
  }

  /** Replies that need no routing: rate limit, oversized text, content the bot cannot read. */
  private async precheck(msg: IncomingMessage): Promise<Reply | null> {
    const { config, store } = this.services;
    if (config.ZCT_RATE_LIMIT_PER_MIN > 0) {
      const rl = await store.hitRateLimit(`rl:${msg.platform}:${msg.userId}`, config.ZCT_RATE_LIMIT_PER_MIN, 60);
      if (!rl.allowed) return reply.text('ratelimited', MESSAGES.rateLimited);
    }
    if (msg.oversized) return reply.text('error', MESSAGES.oversized(config.ZCT_MAX_TEXT));
    if (msg.unsupported) return reply.text('unsupported', MESSAGES.unsupported(UNSUPPORTED_LABEL[msg.unsupported]));
    return null;
  }
}
