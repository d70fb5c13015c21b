/**
 * Process lifecycle: build services, start adapters (+ health server and scheduler), drain on SIGTERM.
 */
import path from 'node:path';
import { ADMIN_FORMAT_WARNING, isAdminUser, legacyAdminEntries } from '../config/admins.js';
import { capabilities, loadConfig } from '../config/index.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { startHealthServer } from '../observability/health-server.js';
import { consoleLogging, createConsoleAdapter } from '../platforms/console/index.js';
import type { PlatformAdapter } from '../platforms/types.js';
import { applyLibraryChange, createServices } from './create-services.js';
import { createBot } from './create-bot.js';
import { ensureDemoTeam } from './demo.js';
import type { Services } from './services.js';

/** How long in-flight messages may take to finish after SIGTERM. */
const DRAIN_DEADLINE_MS = 10_000;

function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight messages');
    const hardStop = setTimeout(() => process.exit(1), DRAIN_DEADLINE_MS + 5_000);
    hardStop.unref();
    stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}

function isAdmin(config: Config, user: string): boolean {
  return isAdminUser(config.ZCT_ADMINS, 'console', user);
}

export async function runConsole(
  opts: { user: string; group: string; admin: boolean; outDir?: string },
  config = loadConfig(),
): Promise<void> {
  // Console mode: logs stay out of the chat (a file in a terminal, errors on stderr when piped).
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const { logger, logFile } = consoleLogging({
    interactive,
    level: config.LOG_LEVEL,
    levelExplicit: Boolean(process.env.LOG_LEVEL),
    dir: config.ZCT_CACHE_DIR,
  });
  if (!capabilities(config).redis) process.stderr.write('（未配置 REDIS_URL：使用内存存储，退出后数据不保留）\n');
  if (logFile) process.stderr.write(`（日志写入 ${logFile}）\n`);
  const services = await createServices(config, logger);
  await ensureDemoTeam(services.store, opts.group, Date.now());
  const bot = createBot(services);
  const adapter = createConsoleAdapter({
    sink: (m) => bot.handle(m),
    input: process.stdin,
    output: process.stdout,
    user: opts.user,
    group: opts.group,
    isAdmin: opts.admin || isAdmin(config, opts.user),
    maxText: config.ZCT_MAX_TEXT,
    interactive,
    fileDir: opts.outDir ?? 'exports',
    historyFile: path.resolve(config.ZCT_CACHE_DIR, 'console-history'),
  });
  await adapter.start();
  await adapter.done;
  await services.store.close();
}

export async function runServe(config = loadConfig()): Promise<void> {
  const caps = capabilities(config);
  if (!caps.dingtalk && !caps.slack && config.WEB_PORT === 0) {
    process.stderr.write('未配置钉钉或 Slack：打开本地对话（zct console）。配置方法见 README.md。\n');
    await runConsole({ user: 'demo-user', group: 'demo', admin: false }, config);
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const legacyAdmins = legacyAdminEntries(config.ZCT_ADMINS);
  if (legacyAdmins.length) logger.warn({ entries: legacyAdmins }, ADMIN_FORMAT_WARNING);
  const services: Services = await createServices(config, logger);
  const bot = createBot(services);
  const sink = (m: Parameters<typeof bot.handle>[0]) => bot.handle(m);

  const adapters: PlatformAdapter[] = [];
  // Platform SDKs load only when configured (Bolt alone takes ~0.7 s to import).
  if (caps.dingtalk) {
    const { createDingTalkAdapter } = await import('../platforms/dingtalk/index.js');
    // An admin's file becomes knowledge on every replica (the library version in Redis), this one before it replies.
    adapters.push(
      createDingTalkAdapter({
        config,
        logger,
        sink,
        store: services.store,
        files: { onLibraryChanged: () => applyLibraryChange(services) },
      }),
    );
  }
  if (caps.slack) {
    const { createSlackAdapter } = await import('../platforms/slack/index.js');
    adapters.push(createSlackAdapter({ config, logger, sink, store: services.store }));
  }
  for (const a of adapters) await a.start();

  const health =
    config.HEALTH_PORT > 0
      ? await startHealthServer(
          config.HEALTH_PORT,
          [
            { name: 'store', required: true, check: () => services.store.ping() },
            ...adapters.map((a) => ({ name: a.platform, required: true, check: () => a.isConnected() })),
          ],
          config.HEALTH_HOST,
        )
      : null;
  const scheduler = config.ZCT_SCHEDULER
    ? (await import('../scheduler/index.js')).startDigestScheduler(services, adapters)
    : null;
  const web = config.WEB_PORT > 0 ? await (await import('../web/index.js')).startWebServer(services) : null;
  logger.info(
    {
      adapters: adapters.map((a) => a.platform),
      health: health ? `${health.host}:${health.port}` : null,
      scheduler: Boolean(scheduler),
      web: web?.url,
    },
    'zct serving',
  );

  onShutdown(logger, async () => {
    scheduler?.stop();
    await Promise.allSettled(adapters.map((a) => a.stop(DRAIN_DEADLINE_MS)));
    await health?.close();
    await web?.close();
    await services.store.close();
    logger.info('stopped');
  });
}
