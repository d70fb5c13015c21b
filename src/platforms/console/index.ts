export { createConsoleAdapter, REPLY_TERMINATOR, type ConsoleOptions } from './adapter.js';
