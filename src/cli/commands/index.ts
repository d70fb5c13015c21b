/**
 * Every `zct` sub-command, one file each. A command file exports `register(program: Command)`.
 * Add one import + one array entry per command.
 */
import type { Command } from 'commander';
import { register as serve } from './serve.js';
import { register as consoleCmd } from './console.js';
import { register as issues } from './issues.js';
import { register as teams } from './teams.js';
import { register as ingest } from './ingest.js';
import { register as feedback } from './feedback.js';
import { register as ask } from './ask.js';
import { register as search } from './search.js';
import { register as searchBatch } from './search-batch.js';
import { register as evalCmd } from './eval.js';
import { register as parseUpdate } from './parse-update.js';
import { register as evalUpdates } from './eval-updates.js';
import { register as digest } from './digest.js';
import { register as exportCmd } from './export.js';
import { register as webLink } from './web-link.js';

export const commands: Array<(program: Command) => void> = [
  serve,
  consoleCmd,
  issues,
  teams,
  ingest,
  feedback,
  ask,
  search,
  searchBatch,
  evalCmd,
  parseUpdate,
  evalUpdates,
  digest,
  exportCmd,
  webLink,
];
