/**
 * Every `zct` sub-command, one file each. A command file exports `register(program: Command)`.
 * Add one import + one array entry per command.
 */
import type { Command } from 'commander';

export const commands: Array<(program: Command) => void> = [];
