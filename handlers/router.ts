/**
 * The router: decides which handler gets a normalised message.
 * Explicit forms win (slash commands, 问/报/简报/问题清单/Q-0012/撤销/销号/帮助); free text goes through a
 * classifier (rules by default, the LLM when configured); when unsure the bot asks which one was meant.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import type { Services } from '../src/app/services.js';
import type { Handler } from './types.js';

export type Route = 'ask' | 'report' | 'issues' | 'digest' | 'export' | 'help' | 'clarify';

export interface RouterDeps {
  handlers: Record<Route, Handler>;
  /** Ledger commands (问题清单, Q-0012, 撤销, 销号, 交办, 重新打开, 绑定企业 …). */
  isLedgerCommand(text: string): boolean;
  /** Is a half-finished report waiting for this user's answer? */
  hasPendingDraft(msg: IncomingMessage, services: Services): Promise<boolean>;
  /** Is the bot waiting for "记录还是提问" from this user? */
  hasPendingClarification(msg: IncomingMessage, services: Services): Promise<boolean>;
  /** Free text: a policy question, a status update, or unclear. */
  classify(text: string, msg: IncomingMessage, services: Services): Promise<'ask' | 'report' | 'unsure'>;
}

const HELP_RE = /^(帮助|help|\?|？|菜单|怎么用|使用说明)$/i;
const DIGEST_RE = /^(今日)?(简报|日报|每日简报|digest)$/i;
const EXPORT_RE = /^导出(台账|问题清单|清单|问题台账)?$/;
const ASK_PREFIX_RE = /^(问|提问|咨询|ask)\s*[:：]/i;
const REPORT_PREFIX_RE = /^(报|报告|报送|记录|report)\s*[:：]/i;

export function createRouter(deps: RouterDeps) {
  async function route(msg: IncomingMessage, services: Services): Promise<Route> {
    if (msg.command) return msg.command;
    const text = msg.text.trim();
    if (!text || HELP_RE.test(text)) return 'help';
    if (DIGEST_RE.test(text)) return 'digest';
    if (EXPORT_RE.test(text)) return 'export';
    if (ASK_PREFIX_RE.test(text)) return 'ask';
    if (REPORT_PREFIX_RE.test(text)) return 'report';
    if (await deps.hasPendingClarification(msg, services)) return 'clarify';
    if (deps.isLedgerCommand(text)) return 'issues';
    if (await deps.hasPendingDraft(msg, services)) return 'report';
    const kind = await deps.classify(text, msg, services);
    return kind === 'unsure' ? 'clarify' : kind;
  }

  return {
    route,
    handlerFor(r: Route): Handler {
      return deps.handlers[r];
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
