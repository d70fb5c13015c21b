#!/usr/bin/env node
/** `zct` — the command line: serve, console, ask, search, ingest, parse-update, issues, digest, export … */
import { Command } from 'commander';
import { loadCommands } from './commands/index.js';

async function main(): Promise<void> {
  const program = new Command();
  program.name('zct').description('政策通 — policy Q&A and liaison ledger bot').showHelpAfterError();
  for (const register of await loadCommands(process.argv)) register(program);
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
