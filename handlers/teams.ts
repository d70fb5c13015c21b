/** 绑定企业 华康药业、七一电器 / 解绑企业 … / 本组信息: registering a group as a liaison team. */
import { parseLedgerCommand } from '../src/ledger/commands.js';
import { LedgerService } from '../src/ledger/service/index.js';
import { reply } from '../src/messaging/reply.js';
import type { Handler } from './types.js';

const USAGE = '用法：绑定企业 华康药业、七一电器（可加“组名：城东组”）；解绑企业 七一电器；本组信息。';

export const handleTeams: Handler = async (msg, services) => {
  const cmd = parseLedgerCommand(msg.text);
  if (!cmd || (cmd.type !== 'bind' && cmd.type !== 'unbind' && cmd.type !== 'team')) return reply.text('issues', USAGE, '小组登记');
  return new LedgerService(services).handleCommand(msg, cmd);
};
