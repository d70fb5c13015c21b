/**
 * 台账 commands: 问题清单 / 台账 [已办结|全部|逾期|企业], Q-0012 (detail + history), 撤销 [Q-0012],
 * Q-0012 交办 人社局 3月20日前, Q-0012 办结, Q-0012 销号 (admins), 重新打开 Q-0012, 绑定企业 …, 台账 帮助, 看板.
 */
import { parseLedgerCommand } from '../src/ledger/commands.js';
import { ledgerOf } from '../src/app/services.js';
import type { Reply } from '../src/messaging/reply.js';
import { teamNamed } from '../src/ledger/service/index.js';
import { handleAsk } from './ask.js';
import { digestReply } from './digest.js';
import type { Handler } from './types.js';

export { isLedgerCommand, parseLedgerCommand } from '../src/ledger/commands.js';

export const handleIssues: Handler = async (msg, services, ctx) => {
  const cmd = parseLedgerCommand(msg.text);
  if (cmd?.type === 'board') {
    // (a name in Latin letters that is no team's — GDP情况怎么样 — is a question, not a board)
    if (cmd.team && !/组$/.test(cmd.team) && !teamNamed(await services.store.listTeams(), cmd.team))
      return handleAsk(msg, services, ctx);
    // (one figure asked — 本月办结率多少 — gets that figure in a line, not the board)
    if (cmd.metric) return digestReply(msg, services, { teamName: cmd.team, metric: cmd.metric, period: cmd.period });
    return boardReply(msg, services, cmd.team);
  }
  return ledgerOf(services).handleCommand(msg, cmd, ctx ?? {});
};

/**
 * 看板: the board in text — the live digest this group gets (the leadership digest in a leadership group, the team's
 * own elsewhere) — and where the web console's board is, when it is served.
 */
async function boardReply(
  msg: Parameters<Handler>[0],
  services: Parameters<Handler>[1],
  team?: string,
): Promise<Reply> {
  const digest = await digestReply(msg, services, team ? { teamName: team } : {});
  const { WEB_PORT, WEB_PUBLIC_URL } = services.config;
  const where = WEB_PUBLIC_URL
    ? `图表版看板（趋势、筛选、导出）：${WEB_PUBLIC_URL.replace(/\/+$/, '')}/board`
    : WEB_PORT
      ? '图表版看板在网页控制台的“看板”页（/board）。'
      : null;
  if (!where) return digest;
  return { ...digest, blocks: [...digest.blocks, { type: 'note', text: where }] };
}
