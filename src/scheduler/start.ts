/**
 * Production wiring: a DigestScheduler over the process's services and platform adapters.
 * src/app/run.ts starts it when ZCT_SCHEDULER is on; every replica may run one (leases make each send happen once).
 */
import type { Services } from '../app/services.js';
import type { PlatformAdapter } from '../platforms/types.js';
import { sendCalendar, type WorkCalendar } from '../time/index.js';
import { DigestScheduler } from './scheduler.js';
import type { SchedulerTarget } from './targets.js';

/** Which adapter delivers to a target: by platform; a platform-less admin group goes out on the only adapter, if one. */
export function adapterFor(adapters: readonly PlatformAdapter[], target: SchedulerTarget): PlatformAdapter | undefined {
  if (target.platform) return adapters.find((a) => a.platform === target.platform);
  return adapters.length === 1 ? adapters[0] : undefined;
}

export function createDigestScheduler(services: Services, adapters: readonly PlatformAdapter[]): DigestScheduler {
  const { config } = services;
  const logger = services.logger.child({ component: 'scheduler' });
  // Fails fast on a malformed holiday file at start; later edits that break it keep the last good calendar.
  let lastGood: WorkCalendar = sendCalendar(config);
  const calendar = (): WorkCalendar => {
    try {
      lastGood = sendCalendar(config);
    } catch (err) {
      logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'holiday file unreadable; keeping the previous calendar',
      );
    }
    return lastGood;
  };
  const warned = new Set<string>();
  return new DigestScheduler({
    store: services.store,
    clock: services.clock,
    timeZone: config.ZCT_TIMEZONE,
    render: { maxNames: config.ZCT_DIGEST_LIST_MAX },
    digestTime: config.DIGEST_TIME,
    reminderTime: config.REMINDER_TIME,
    reminderIdleDays: config.REMINDER_IDLE_DAYS,
    adminGroups: config.ZCT_ADMIN_GROUPS,
    calendar,
    logger,
    canSend: (t) => {
      const ok = adapterFor(adapters, t) !== undefined;
      if (!ok && !warned.has(t.id)) {
        warned.add(t.id);
        logger.warn({ target: t.id, platform: t.platform }, 'no adapter for this digest target; skipped');
      }
      return ok;
    },
    send: async (t, reply) => {
      const adapter = adapterFor(adapters, t);
      if (!adapter) throw new Error(`no adapter for ${t.id}`);
      await adapter.sendToConversation(t.conversationId, reply);
    },
  });
}

/** Create and start (minute ticks + an immediate catch-up pass). Matches run.ts: `startScheduler(services, adapters)?.stop()`. */
export function startDigestScheduler(services: Services, adapters: readonly PlatformAdapter[]): DigestScheduler {
  const scheduler = createDigestScheduler(services, adapters);
  scheduler.start();
  return scheduler;
}
