/** `zct serve` — run every configured adapter in one process (console chat when none is configured). */
import type { Command } from 'commander';
import { runServe } from '../../app/run.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动机器人：已配置的钉钉/Slack 适配器、定时简报和健康检查；都未配置时打开本地对话')
    .action(async () => {
      await runServe();
    });
}
