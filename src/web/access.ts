/**
 * Who sees what. The same admin list as the bot (ZCT_ADMINS); leaders are WEB_LEADERS or anyone who has written in a
 * leadership group; everyone else is a member who sees the teams they have reported in (from the audit log).
 */
import type { Config } from '../config/schema.js';
import { isAdminTeam } from '../digest/compute.js';
import type { Store } from '../store/types.js';
import type { Role, WebSession } from './session.js';

/** How far back the audit log is read to find a member's teams. */
const MEMBERSHIP_LOOKBACK_DAYS = 400;

export function isConfiguredAdmin(config: Config, userId: string, via: WebSession['via']): boolean {
  if (via === 'link') return true;
  const prefixed = via === 'slack' ? `slack:${userId}` : `dingtalk:${userId}`;
  return config.ZCT_ADMINS.includes(userId) || config.ZCT_ADMINS.includes(prefixed);
}

export async function resolveAccess(
  store: Store,
  config: Config,
  userId: string,
  via: WebSession['via'],
  nowMs: number,
): Promise<{ role: Role; teams: string[] }> {
  if (isConfiguredAdmin(config, userId, via)) return { role: 'admin', teams: [] };
  const [teams, events] = await Promise.all([
    store.listTeams(),
    store.readEvents(nowMs - MEMBERSHIP_LOOKBACK_DAYS * 86_400_000, nowMs),
  ]);
  const acted = new Set(events.filter((e) => e.actor === userId).map((e) => e.teamId));
  const leaderTeam = teams.some((t) => acted.has(t.id) && isAdminTeam(t, config.ZCT_ADMIN_GROUPS));
  if (config.WEB_LEADERS.includes(userId) || leaderTeam) return { role: 'leader', teams: [] };
  return { role: 'member', teams: teams.filter((t) => acted.has(t.id)).map((t) => t.id) };
}

/** Teams this session may read; null = all. */
export function visibleTeams(s: WebSession): Set<string> | null {
  return s.role === 'member' ? new Set(s.teams) : null;
}

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', leader: '领导小组', member: '小组成员' };
