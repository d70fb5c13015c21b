/** `zct web-link` — print a one-time admin sign-in link for the web console (stored in Redis with a TTL). */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../observability/logger.js';
import { createStore } from '../../store/index.js';
import { WebSessions } from '../../web/session.js';

export function register(program: Command): void {
  program
    .command('web-link')
    .description('生成一次性管理员登录链接（网页管理台）')
    .option('--name <name>', '登录后显示的名字', '管理员')
    .action(async (opts: { name: string }) => {
      const config = loadConfig();
      if (!config.REDIS_URL && config.REDIS_CLUSTER_NODES.length === 0) {
        throw new Error('zct web-link 需要 REDIS_URL（链接存在 Redis 中，由运行 zct serve 的进程读取）。');
      }
      const store = await createStore(config, createLogger('error'));
      try {
        const ttlSec = Math.round(config.WEB_LINK_TTL_MIN * 60);
        const token = await new WebSessions(store, 60).createLink('web-link', opts.name, ttlSec);
        const base = (config.WEB_PUBLIC_URL ?? `http://${config.WEB_HOST}:${config.WEB_PORT || 8080}`).replace(
          /\/+$/,
          '',
        );
        process.stdout.write(`${base}/auth/link?token=${token}\n`);
        process.stderr.write(`（一次性链接，${config.WEB_LINK_TTL_MIN} 分钟内有效）\n`);
      } finally {
        await store.close();
      }
    });
}
