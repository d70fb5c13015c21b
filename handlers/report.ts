/**
 * 报送: a status update in a team group ("今天走访了华康药业，企业反映…", "报：…", "Q-0012 金融办已对接"),
 * or the answer to the one question the bot asked about a half-finished report.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { ledgerOf, type Services } from '../src/app/services.js';
import type { Handler } from './types.js';

export const handleReport: Handler = (msg, services, ctx) => ledgerOf(services).handleReport(msg, ctx ?? {});

/** Is a half-finished report waiting for this user's answer, and does this message belong to it? */
export function hasPendingDraft(msg: IncomingMessage, services: Services): Promise<boolean> {
  return ledgerOf(services).hasPendingDraft(msg);
}
