import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandLoaders, loadCommands } from '../../src/cli/commands/index.js';

describe('zct loads only the command it runs', () => {
  it('each loader registers the command it is named after', async () => {
    for (const [name, load] of Object.entries(commandLoaders)) {
      const program = new Command();
      (await load()).register(program);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
    }
  }, 60_000);

  it('one register function for a named command, all of them for help or an unknown name', async () => {
    const all = Object.keys(commandLoaders).length;
    expect(await loadCommands(['node', 'zct', 'search', '专班', '--k', '3'])).toHaveLength(1);
    expect(await loadCommands(['node', 'zct', 'teams', 'list'])).toHaveLength(1);
    expect(await loadCommands(['node', 'zct', '--help'])).toHaveLength(all);
    expect(await loadCommands(['node', 'zct', 'help', 'search'])).toHaveLength(all);
    expect(await loadCommands(['node', 'zct', 'serach'])).toHaveLength(all);
  }, 60_000);
});
