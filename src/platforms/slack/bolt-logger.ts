/**
 * Bolt and the Slack SDK log through their own Logger interface; this routes them into our pino logger.
 * Bolt logs at info for routine things (e.g. "Now connected to Slack"), so its debug stays at debug.
 *
 * Warnings and errors are throttled per message shape (digits ignored): Bolt warns once per unsigned or badly signed
 * request ("Failed to parse and verify the request data…"), so anyone who can reach PORT could otherwise fill the
 * logs. The first one is logged; repeats within `throttleMs` are counted and reported (`suppressed`) with the next.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';

function message(parts: unknown[]): { err?: unknown; msg: string } {
  const err = parts.find((p) => p instanceof Error);
  const msg = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
  return err ? { err, msg: msg || (err as Error).message } : { msg };
}

export function boltLogger(logger: Logger, opts: { throttleMs?: number; now?: () => number } = {}): BoltLogger {
  const log = logger.child({ component: 'slack-sdk' });
  let level: LogLevel = LogLevel.INFO;
  const throttleMs = opts.throttleMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const recent = new Map<string, { at: number; suppressed: number }>();
  const emit = (fn: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    const { err, msg } = message(parts);
    let extra: { suppressed?: number } = {};
    if (fn === 'warn' || fn === 'error') {
      const key = `${fn}:${msg.replace(/\d+/g, '#').slice(0, 120)}`;
      const seen = recent.get(key);
      const t = now();
      if (seen && t - seen.at < throttleMs) {
        seen.suppressed++;
        return;
      }
      if (seen?.suppressed) extra = { suppressed: seen.suppressed };
      recent.set(key, { at: t, suppressed: 0 });
      if (recent.size > 1000) recent.delete(recent.keys().next().value as string);
    }
    if (err) log[fn]({ err, ...extra }, msg);
    else log[fn](extra, msg);
  };
  return {
    debug: (...m: unknown[]) => emit('debug', m),
    info: (...m: unknown[]) => emit('info', m),
    warn: (...m: unknown[]) => emit('warn', m),
    error: (...m: unknown[]) => emit('error', m),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
