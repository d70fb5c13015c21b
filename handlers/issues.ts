/**
 * 台账 commands: 问题清单 / 台账 [已办结|全部|逾期|企业], Q-0012 (detail + history), 撤销 [Q-0012],
 * Q-0012 交办 人社局 3月20日前, Q-0012 办结, Q-0012 销号 (admins), 重新打开 Q-0012, 绑定企业 …, 台账 帮助.
 */
import { parseLedgerCommand } from '../src/ledger/commands.js';
import { ledgerOf } from '../src/app/services.js';
import type { Handler } from './types.js';

export { isLedgerCommand, parseLedgerCommand } from '../src/ledger/commands.js';

export const handleIssues: Handler = (msg, services, ctx) =>
  ledgerOf(services).handleCommand(msg, parseLedgerCommand(msg.text), ctx ?? {});
