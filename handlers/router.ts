/**
 * The router: the one place that decides what happens to a normalised message, and builds the per-message
 * context its handler receives (route, team, pending draft, pending clarification, the parse it already made).
 *
 *   explicit forms (slash commands, 帮助/简报/导出, 问：/报：) → pending clarification → ledger commands →
 *   pending draft (when the message belongs to it) → free text: question, report, or ask which one.
 *
 * What it reads it reads once, and hands over in the context (Hono's c.set/c.get, bolt's context): no handler
 * reads the draft again or parses the text a second time, and no module-level cache carries per-message state.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { hasAskPrefix, hasReportPrefix } from '../src/messaging/prefixes.js';
import type { Services } from '../src/app/services.js';
import type { Handler, Route, RouteContext } from './types.js';

export type { Route, RouteContext } from './types.js';

/** What the router may read about a message before routing it (all reads go out together). */
export type MessageState = Omit<RouteContext, 'route'>;

export type FreeTextIntent = 'ask' | 'report' | 'unsure';

export interface RouterDeps {
  handlers: Record<Route, Handler>;
  /** Ledger commands (问题清单, Q-0012, 撤销, 销号, 交办, 重新打开, 绑定企业 …). */
  isLedgerCommand(text: string): boolean;
  /**
   * Read the message's state: pending clarification, the team, the pending draft and how this message relates
   * to it, and the free-text parse. Without it nothing is ever pending.
   */
  load?(msg: IncomingMessage, services: Services, opts: { freeText: boolean }): Promise<MessageState>;
  /** Free text: a policy question, a status update, or unclear. */
  classify(text: string, msg: IncomingMessage, services: Services, state: MessageState): Promise<FreeTextIntent>;
}

const HELP_RE = /^(帮助|help|\?|？|菜单|怎么用|使用说明)$/i;
const DIGEST_RE = /^(今日)?(简报|日报|每日简报|digest)$/i;
const EXPORT_RE = /^导出(台账|问题清单|清单|问题台账)?$/;

export function createRouter(deps: RouterDeps) {
  /**
   * The message's context. `known` is state already read for this message (a handler re-routing a message
   * after consuming the clarification passes what remains true).
   */
  async function context(msg: IncomingMessage, services: Services, known?: MessageState): Promise<RouteContext> {
    if (msg.command) return { route: msg.command };
    const text = msg.text.trim();
    if (!text || HELP_RE.test(text)) return { route: 'help' };
    if (DIGEST_RE.test(text)) return { route: 'digest' };
    if (EXPORT_RE.test(text)) return { route: 'export' };
    if (hasAskPrefix(text)) return { route: 'ask' };
    if (hasReportPrefix(text)) return { route: 'report' };

    const command = deps.isLedgerCommand(text);
    const state: MessageState = known ?? (deps.load ? await deps.load(msg, services, { freeText: !command }) : {});
    if (state.clarification) return { ...state, route: 'clarify' };
    if (command) return { ...state, route: 'issues' };
    if (state.draft && state.draftReply && state.draftReply.type !== 'unrelated') return { ...state, route: 'report' };
    const kind = await deps.classify(text, msg, services, state);
    return { ...state, route: kind === 'unsure' ? 'clarify' : kind };
  }

  return {
    context,
    async route(msg: IncomingMessage, services: Services): Promise<Route> {
      return (await context(msg, services)).route;
    },
    handlerFor(r: Route): Handler {
      return deps.handlers[r];
    },
    /** Route and handle: the whole pipeline step after the bot's claim and prechecks. */
    async dispatch(msg: IncomingMessage, services: Services, known?: MessageState) {
      const ctx = await context(msg, services, known);
      return { ctx, reply: await deps.handlers[ctx.route](msg, services, ctx) };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
