/**
 * `zct digest [--date YYYY-MM-DD] [--since YYYY-MM-DD] [--team ID] [--scheduled] [--json]`
 *   no --date: live (previous workday to now), like "简报" in chat
 *   --date D: that day, state as of its end (replayed from the audit log); --since widens the period
 *   --scheduled: exactly what the scheduler sends on the morning of --date (default today)
 * Without --team: the leadership digest; --json prints the data object instead of the text.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { loadLeadershipDigest, loadTeamDigest } from '../../digest/build.js';
import { renderLeadershipDigest, renderTeamDigest } from '../../digest/render.js';
import type { DigestWindow } from '../../digest/types.js';
import { dayWindow, liveWindow, scheduledWindow } from '../../digest/window.js';
import { isValidDate, localDate, sendCalendar } from '../../time/index.js';
import { renderText } from '../../messaging/render-text.js';
import { cliLogger } from '../logger.js';
import { createStore } from '../../store/index.js';

function checkDate(name: string, v: string | undefined): void {
  if (v !== undefined && !isValidDate(v)) throw new Error(`--${name} 需要 YYYY-MM-DD 格式的日期，收到“${v}”`);
}

export function register(program: Command): void {
  program
    .command('digest')
    .description('生成简报：默认为领导小组汇总简报，--team 为某个小组的简报')
    .option('--date <YYYY-MM-DD>', '某一天的简报（按审计日志回放到当天结束时的状态）')
    .option('--since <YYYY-MM-DD>', '与 --date 一起用：统计时段从这一天开始')
    .option('--team <id>', '小组（teamId，如 dingtalk:cid123）')
    .option('--scheduled', '与定时推送完全一致（--date 当天早上推送的内容）')
    .option('--json', '输出数据（JSON），不输出文字')
    .action(async (opts: { date?: string; since?: string; team?: string; scheduled?: boolean; json?: boolean }) => {
      checkDate('date', opts.date);
      checkDate('since', opts.since);
      const config = loadConfig();
      const tz = config.ZCT_TIMEZONE;
      const logger = cliLogger(config);
      const now = Date.now();
      const today = localDate(now, tz);
      const calendar = sendCalendar(config);
      let window: DigestWindow;
      if (opts.scheduled) {
        const day = opts.date ?? today;
        window = scheduledWindow(day, calendar.previousWorkday(day), tz);
      } else if (opts.date) {
        if (opts.date > today) throw new Error(`--date ${opts.date} 是未来的日期`);
        window = dayWindow(opts.date, tz, now, opts.since);
      } else {
        window = liveWindow(now, calendar.previousWorkday(today), tz);
      }
      const store = await createStore(config, logger, { connect: { timeoutMs: 15_000 } });
      try {
        const req = { window, timeZone: tz, adminGroups: config.ZCT_ADMIN_GROUPS };
        if (opts.team) {
          const digest = await loadTeamDigest(store, opts.team, req);
          if (!digest) throw new Error(`没有找到小组 ${opts.team}（用 zct teams 查看已登记的小组）`);
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(digest, null, 2)}\n`
              : `${renderText(renderTeamDigest(digest, { timeZone: tz }))}\n`,
          );
        } else {
          const digest = await loadLeadershipDigest(store, req);
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(digest, null, 2)}\n`
              : `${renderText(renderLeadershipDigest(digest, { timeZone: tz, maxTeamRows: Number.MAX_SAFE_INTEGER }))}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
