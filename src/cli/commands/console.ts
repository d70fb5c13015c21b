/** `zct console` — a local chat in the terminal (also what `npm start` opens when no platform is configured). */
import type { Command } from 'commander';
import { runConsole } from '../../app/run.js';
import { DEMO_GROUP, DEMO_USER } from '../../app/demo.js';

export function register(program: Command): void {
  program
    .command('console')
    .description('本地对话：在终端里试用全部功能（非终端输入时每行一条消息）')
    .option('--user <id>', '以哪个用户身份发言', DEMO_USER)
    .option('--group <id>', '在哪个群（联企小组）里发言', DEMO_GROUP)
    .option('--admin', '以管理员身份（可销号、导出）', false)
    .option('--out-dir <dir>', '导出台账等文件保存到哪个目录', 'exports')
    .action(async (opts: { user: string; group: string; admin: boolean; outDir: string }) => {
      await runConsole(opts);
    });
}
