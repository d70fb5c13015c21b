/**
 * 导出 / 导出台账: the issue ledger and visit log for the weekly meeting (admins only).
 * Slack gets the xlsx attached and the console saves it to a file; DingTalk gets a summary (a stream robot cannot
 * send files) and a pointer to `zct export`.
 */
import { buildExport, exportFileReply, exportSummaryReply } from '../src/export/index.js';
import { isAdminGroup } from '../src/ledger/service/index.js';
import { reply } from '../src/messaging/reply.js';
import type { Handler } from './types.js';

export const handleExport: Handler = async (msg, services) => {
  if (!msg.isAdmin) return reply.text('admin', '只有管理员可以导出台账。如需台账，请联系组织部管理员。', '导出台账');
  const team = await services.store.getTeam(msg.teamId);
  const everyTeam = isAdminGroup(services.config, msg, team);
  if (!everyTeam && !team)
    return reply.text('admin', '本群还不是联企小组，没有可导出的台账。管理员群可导出全部小组。', '导出台账');
  const data = await buildExport(services.store, {
    teamId: everyTeam ? undefined : msg.teamId,
    timeZone: services.config.ZCT_TIMEZONE,
    now: services.clock().getTime(),
  });
  return msg.platform === 'dingtalk' ? exportSummaryReply(data) : exportFileReply(data);
};
