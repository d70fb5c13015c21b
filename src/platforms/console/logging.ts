/**
 * Logs of the console chat, kept out of the conversation: in a terminal they go to a file (at LOG_LEVEL), so a
 * Redis outage does not print JSON into the chat every 30 s; piped (scripted) use keeps errors on stderr, stdout
 * carrying only the reply blocks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../../observability/logger.js';

export interface ConsoleLogging {
  logger: Logger;
  /** The log file in interactive use, else null (stderr). */
  logFile: string | null;
}

export function consoleLogging(opts: {
  interactive: boolean;
  /** LOG_LEVEL as configured, and whether the user set it. */
  level: string;
  levelExplicit: boolean;
  dir: string;
}): ConsoleLogging {
  if (!opts.interactive) return { logger: createLogger(opts.levelExplicit ? opts.level : 'error'), logFile: null };
  const logFile = path.resolve(opts.dir, 'console.log');
  try {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const stream = fs.createWriteStream(logFile, { flags: 'a' });
    stream.on('error', () => undefined); // an unwritable log file must not end the chat
    return { logger: createLogger(opts.level, stream), logFile };
  } catch {
    return { logger: createLogger('fatal'), logFile: null };
  }
}
