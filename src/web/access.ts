/**
 * Who sees what. The same admin list as the bot (ZCT_ADMINS); leaders are WEB_LEADERS or anyone who has written in a
 * leadership group; everyone else is a member who sees the teams they have reported in (issues and visits they
 * reported, and this month's audit log).
 */
import { isAdminUser } from '../config/admins.js';
import type { Config } from '../config/schema.js';
import { isAdminTeam } from '../digest/compute.js';
import type { LedgerData } from '../digest/load.js';
import type { Role, WebSession } from './session.js';

export function isConfiguredAdmin(config: Config, userId: string, via: WebSession['via']): boolean {
  // The bot's own rule: `dingtalk:<userid>` / `slack:<USERID>` entries (or a bare id) in ZCT_ADMINS.
  return via === 'link' || isAdminUser(config.ZCT_ADMINS, via, userId);
}

export async function resolveAccess(
  ledger: () => Promise<Pick<LedgerData, 'teams' | 'issues' | 'visits' | 'events'>>,
  config: Config,
  userId: string,
  via: WebSession['via'],
): Promise<{ role: Role; teams: string[] }> {
  if (isConfiguredAdmin(config, userId, via)) return { role: 'admin', teams: [] };
  // The shared ledger read (read team by team, never one huge reply): who reported issues and visits, and who acted
  // in this month's audit log (progress, hand-offs) — in groups on the platform the user signed in with only: a Slack
  // user id and a DingTalk userid never stand for each other, even when they are spelt the same.
  const data = await ledger();
  const ours = new Set(data.teams.filter((t) => t.platform === via).map((t) => t.id));
  const acted = new Set<string>();
  const saw = (teamId: string) => {
    if (ours.has(teamId)) acted.add(teamId);
  };
  for (const i of data.issues) if (i.reporter === userId) saw(i.teamId);
  for (const v of data.visits) if (v.reporter === userId) saw(v.teamId);
  for (const e of data.events) if (e.actor === userId) saw(e.teamId);
  const leaderTeam = data.teams.some((t) => acted.has(t.id) && isAdminTeam(t, config.ZCT_ADMIN_GROUPS));
  if (config.WEB_LEADERS.includes(userId) || leaderTeam) return { role: 'leader', teams: [] };
  return { role: 'member', teams: data.teams.filter((t) => acted.has(t.id)).map((t) => t.id) };
}

/** Teams this session may read; null = all. */
export function visibleTeams(s: WebSession): Set<string> | null {
  return s.role === 'member' ? new Set(s.teams) : null;
}

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', leader: '领导小组', member: '小组成员' };
