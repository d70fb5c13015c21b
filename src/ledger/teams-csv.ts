/**
 * teams.csv → Team records (for `zct teams import`). Columns, by header name (case-insensitive, Chinese aliases):
 *   id (`platform:conversationId`) — or platform + conversationId
 *   name            小组名称 / 组名
 *   enterprises     separated by 、 or ; (绑定企业 / 企业)
 *   admin           1/true/yes/是 → leadership (admin) group
 * Quoted fields ("a,b") and a UTF-8 BOM are handled.
 */
import { PLATFORMS } from '../messaging/incoming.js';
import type { Team } from './model.js';
import { parseCsv } from '../text/csv.js';

export { parseCsv };

export interface TeamsCsvResult {
  teams: Team[];
  /** One line per rejected row: "第3行：…". */
  errors: string[];
}

const HEADERS: Record<string, 'id' | 'platform' | 'conversationId' | 'name' | 'enterprises' | 'admin'> = {
  id: 'id',
  teamid: 'id',
  team_id: 'id',
  小组id: 'id',
  platform: 'platform',
  平台: 'platform',
  conversationid: 'conversationId',
  conversation_id: 'conversationId',
  conversation: 'conversationId',
  群id: 'conversationId',
  会话id: 'conversationId',
  name: 'name',
  名称: 'name',
  组名: 'name',
  小组名称: 'name',
  enterprises: 'enterprises',
  enterprise: 'enterprises',
  企业: 'enterprises',
  绑定企业: 'enterprises',
  admin: 'admin',
  isadmin: 'admin',
  is_admin: 'admin',
  admingroup: 'admin',
  管理员: 'admin',
  领导群: 'admin',
};

const TRUE = new Set(['1', 'true', 'yes', 'y', '是', '对', 'admin', '管理']);

export function splitEnterpriseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseTeamsCsv(text: string, now: number): TeamsCsvResult {
  const rows = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  const errors: string[] = [];
  const header = (rows[0] ?? []).map((h) => HEADERS[h.trim().toLowerCase().replace(/\s+/g, '')]);
  if (
    !header.includes('name') ||
    !(header.includes('id') || (header.includes('platform') && header.includes('conversationId')))
  ) {
    return { teams: [], errors: ['表头需要包含 id（或 platform + conversationId）和 name 列'] };
  }
  const teams = new Map<string, Team>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (k: string) => {
      const idx = header.indexOf(k as never);
      return idx >= 0 ? (cells[idx] ?? '').trim() : '';
    };
    let platform = get('platform');
    let conversationId = get('conversationId');
    const id = get('id');
    if (id) {
      const sep = id.indexOf(':');
      if (sep <= 0) {
        errors.push(`第${line}行：id 应为“平台:会话ID”，如 dingtalk:cid123`);
        return;
      }
      platform = platform || id.slice(0, sep);
      conversationId = conversationId || id.slice(sep + 1);
    }
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      errors.push(`第${line}行：未知平台“${platform}”（应为 ${PLATFORMS.join(' / ')}）`);
      return;
    }
    if (!conversationId) {
      errors.push(`第${line}行：缺少会话ID`);
      return;
    }
    const name = get('name');
    if (!name) {
      errors.push(`第${line}行：缺少小组名称`);
      return;
    }
    const teamId = `${platform}:${conversationId}`;
    teams.set(teamId, {
      id: teamId,
      platform,
      conversationId,
      name,
      enterprises: splitEnterpriseList(get('enterprises')),
      isAdminGroup: TRUE.has(get('admin').toLowerCase()),
      createdAt: now,
    });
  });
  return { teams: [...teams.values()], errors };
}
