/**
 * Structured JSON logs (pino). Convention: bind `msgId` and `conversation` with logger.child(...)
 * for every message; never log message bodies or secrets at info level.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: NodeJS.WritableStream,
): Logger {
  return pino(
    {
      level,
      base: { app: 'zct' },
      redact: {
        paths: [
          '*.clientSecret',
          '*.token',
          '*.apiKey',
          '*.OPENAI_API_KEY',
          '*.DINGTALK_CLIENT_SECRET',
          '*.DINGTALK_CARD_CALLBACK_SECRET',
          '*.apiSecret',
          '*.SLACK_BOT_TOKEN',
          '*.SLACK_SIGNING_SECRET',
          '*.SLACK_APP_TOKEN',
          '*.SLACK_CLIENT_SECRET',
        ],
        censor: '[redacted]',
      },
    },
    // Logs go to stderr so CLI JSON output on stdout stays clean.
    (destination ?? pino.destination(2)) as pino.DestinationStream,
  );
}

/** A logger that drops everything (tests, benches). */
export const silentLogger: Logger = pino({ level: 'silent' });
