/**
 * Bolt and the Slack SDK log through their own Logger interface; this routes them into our pino logger.
 * Bolt logs at info for routine things (e.g. "Now connected to Slack"), so its debug stays at debug.
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

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack-sdk' });
  let level: LogLevel = LogLevel.INFO;
  const emit = (fn: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    const { err, msg } = message(parts);
    if (err) log[fn]({ err }, msg);
    else log[fn](msg);
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
