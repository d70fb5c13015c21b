export { createConsoleAdapter, REPLY_TERMINATOR, PROMPT, type ConsoleOptions } from './adapter.js';
export { consoleLogging, type ConsoleLogging } from './logging.js';
