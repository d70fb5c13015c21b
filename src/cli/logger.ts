/**
 * The logger of a one-shot CLI command: warnings and errors only (on stderr), unless LOG_LEVEL asks for more — so
 * an info line never lands in the middle of a command's human output.
 */
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../observability/logger.js';

export function cliLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
}
