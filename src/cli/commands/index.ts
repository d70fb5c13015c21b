/**
 * Every `zct` sub-command, one file each. A command file exports `register(program: Command)`.
 * Add one entry per command. Entries are loaders, so a one-shot command loads only its own module
 * (and what that module needs): `zct search` never loads Slack, exceljs or Redis.
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const commandLoaders: Record<string, () => Promise<{ register: Register }>> = {
  serve: () => import('./serve.js'),
  console: () => import('./console.js'),
  issues: () => import('./issues.js'),
  teams: () => import('./teams.js'),
  ingest: () => import('./ingest.js'),
  feedback: () => import('./feedback.js'),
  ask: () => import('./ask.js'),
  search: () => import('./search.js'),
  'search-batch': () => import('./search-batch.js'),
  eval: () => import('./eval.js'),
  'parse-update': () => import('./parse-update.js'),
  'eval-updates': () => import('./eval-updates.js'),
  digest: () => import('./digest.js'),
  export: () => import('./export.js'),
  backup: () => import('./backup.js').then((m) => ({ register: m.registerBackup })),
  restore: () => import('./backup.js').then((m) => ({ register: m.registerRestore })),
  audit: () => import('./backup.js').then((m) => ({ register: m.registerAudit })),
  'web-link': () => import('./web-link.js'),
};

/**
 * The register functions for an invocation: only the named command's when argv names one, else every command
 * (`zct`, `zct --help`, a typo — so help and "unknown command" suggestions stay complete).
 */
export async function loadCommands(argv: readonly string[]): Promise<Register[]> {
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const only = name !== undefined && name !== 'help' ? commandLoaders[name] : undefined;
  const loaders = only ? [only] : Object.values(commandLoaders);
  return (await Promise.all(loaders.map((load) => load()))).map((m) => m.register);
}
