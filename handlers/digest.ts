/**
 * "简报" / "今日简报" (and /digest): the team's digest in a liaison group, the leadership digest in an admin group
 * (or for an admin in a direct chat). Covers the previous workday up to now.
 */
import { isLeadershipGroup } from '../src/ledger/model.js';
import { teamNamed } from '../src/ledger/service/index.js';
import { loadLeadershipDigest, loadTeamDigest } from '../src/digest/build.js';
import type { BoardMetric, BoardPeriod } from '../src/ledger/commands.js';
import type { DigestWindow, LeadershipDigest, TeamDigest } from '../src/digest/types.js';
import {
  renderLeadershipDigest,
  renderLeadershipMetric,
  renderOptionsFrom,
  renderTeamDigest,
  renderTeamMetric,
} from '../src/digest/render.js';
import { dayWindow, liveWindow } from '../src/digest/window.js';
import { addDays, isoWeekday, localDate, monthStart, sendCalendar } from '../src/time/index.js';
import { reply, type Reply } from '../src/messaging/reply.js';
import type { Handler } from './types.js';

export const DIGEST_TEXTS = {
  unregistered:
    '本群还没有登记为联企小组，暂无简报。登记方法：在本群发送“绑定企业 企业A、企业B”。领导小组群请管理员把本群加入 ZCT_ADMIN_GROUPS。',
  direct: '简报请在联企小组的群里发送“简报”查看；领导小组的汇总简报在领导小组群里查看。',
  storeDown: '台账暂时无法连接，简报生成失败。请稍后再试。',
  noSuchTeam: (name: string) => `没有找到名为“${name}”的联企小组，以下是全部小组的简报。`,
} as const;

export const handleDigest: Handler = (msg, services) => digestReply(msg, services);

/** The span a figure asked on its own covers: today, this week (from Monday), last week, or this month so far. */
function metricWindow(period: BoardPeriod, nowMs: number, timeZone: string): DigestWindow {
  const today = localDate(nowMs, timeZone);
  const monday = addDays(today, 1 - isoWeekday(today));
  if (period === 'today') return dayWindow(today, timeZone, nowMs);
  if (period === 'week') return dayWindow(today, timeZone, nowMs, monday);
  if (period === 'lastWeek') return dayWindow(addDays(monday, -1), timeZone, nowMs, addDays(monday, -7));
  return dayWindow(today, timeZone, nowMs, monthStart(today));
}

/**
 * The digest this message may read: its team's, or in a leadership group every team's — or, when a leadership
 * group names one team (城西二组情况怎么样), that team's. With `metric` (本月办结率多少, 这周走访了几家) only that
 * figure, over `period`, in a line.
 */
export async function digestReply(
  msg: Parameters<Handler>[0],
  services: Parameters<Handler>[1],
  opts: { teamName?: string; metric?: BoardMetric; period?: BoardPeriod } = {},
): Promise<Reply> {
  const { config, store } = services;
  const tz = config.ZCT_TIMEZONE;
  const nowMs = services.clock().getTime();
  {
    const team = await store.getTeam(msg.teamId);
    const adminGroups = config.ZCT_ADMIN_GROUPS;
    const admin = isLeadershipGroup(msg, team, adminGroups) || (!team && !msg.isGroup && msg.isAdmin);
    if (!admin && !msg.isGroup) return reply.text('digest', DIGEST_TEXTS.direct);
    if (!admin && !team) return reply.text('digest', DIGEST_TEXTS.unregistered);

    let previous: string | null;
    try {
      previous = sendCalendar(config).previousWorkday(localDate(nowMs, tz));
    } catch {
      previous = null; // a broken holiday file must not break the digest: fall back to today only
    }
    const { metric, period = 'month' } = opts;
    const window = metric ? metricWindow(period, nowMs, tz) : liveWindow(nowMs, previous, tz);
    const req = { window, timeZone: tz, adminGroups };
    const options = renderOptionsFrom(config);
    const renderTeam = (d: TeamDigest) =>
      metric ? renderTeamMetric(d, metric, period, options) : renderTeamDigest(d, options);
    const renderAll = (d: LeadershipDigest) =>
      metric ? renderLeadershipMetric(d, metric, period, options) : renderLeadershipDigest(d, options);
    if (admin && opts.teamName) {
      const named = teamNamed(await store.listTeams(), opts.teamName);
      const digest = named ? await loadTeamDigest(store, named.id, req) : null;
      if (digest) return renderTeam(digest);
      const all = renderAll(await loadLeadershipDigest(store, req));
      return { ...all, blocks: [{ type: 'note', text: DIGEST_TEXTS.noSuchTeam(opts.teamName) }, ...all.blocks] };
    }
    if (admin) return renderAll(await loadLeadershipDigest(store, req));
    const digest = await loadTeamDigest(store, msg.teamId, req);
    if (!digest) return reply.text('digest', DIGEST_TEXTS.unregistered);
    return renderTeam(digest);
  }
  // A StoreUnavailableError propagates: the pipeline (src/app/bot.ts) answers store failures once.
}
