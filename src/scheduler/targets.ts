/**
 * Who gets what: every liaison team's group gets its team digest and reminders; leadership groups (teams marked
 * isAdminGroup, and the ZCT_ADMIN_GROUPS conversation ids) get the leadership digest.
 */
import { isAdminTeam } from '../digest/compute.js';
import type { Team } from '../ledger/model.js';
import { PLATFORMS } from '../messaging/incoming.js';

export interface SchedulerTarget {
  /** Stable id used in job keys: the teamId for a team, `admin:<platform>:<conversationId>` for a leadership group. */
  id: string;
  kind: 'team' | 'leadership';
  /** Platform to send on; null when a ZCT_ADMIN_GROUPS entry names no platform and no team tells (the sender decides). */
  platform: string | null;
  conversationId: string;
  /** For team targets. */
  teamId?: string;
  name: string;
}

/** "dingtalk:cid…" / "slack:C…" / a bare conversation id. */
function splitGroup(entry: string): { platform: string | null; conversationId: string } {
  const i = entry.indexOf(':');
  if (i > 0) {
    const p = entry.slice(0, i);
    if ((PLATFORMS as readonly string[]).includes(p)) return { platform: p, conversationId: entry.slice(i + 1) };
  }
  return { platform: null, conversationId: entry };
}

export function resolveTargets(teams: Team[], adminGroups: readonly string[] = []): SchedulerTarget[] {
  const out: SchedulerTarget[] = [];
  const admins = new Map<string, SchedulerTarget>();
  const addAdmin = (platform: string | null, conversationId: string, name: string) => {
    const id = `admin:${platform ?? 'any'}:${conversationId}`;
    if (platform !== null && admins.has(`admin:any:${conversationId}`)) admins.delete(`admin:any:${conversationId}`);
    if (platform === null && [...admins.values()].some((t) => t.conversationId === conversationId)) return;
    if (!admins.has(id)) admins.set(id, { id, kind: 'leadership', platform, conversationId, name });
  };
  for (const t of teams) {
    if (isAdminTeam(t, adminGroups)) addAdmin(t.platform, t.conversationId, t.name || t.id);
    else
      out.push({
        id: t.id,
        kind: 'team',
        platform: t.platform,
        conversationId: t.conversationId,
        teamId: t.id,
        name: t.name || t.id,
      });
  }
  for (const g of adminGroups) {
    const { platform, conversationId } = splitGroup(g);
    const team = teams.find(
      (t) => t.conversationId === conversationId && (platform === null || t.platform === platform),
    );
    addAdmin(team?.platform ?? platform, conversationId, team?.name || conversationId);
  }
  return [...out, ...admins.values()];
}
