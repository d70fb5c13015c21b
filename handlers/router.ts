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
import { handleAck, handlePlan } from './smalltalk.js';
import type { AnyRoute, Handler, Route, RouteContext, SmallTalkRoute } from './types.js';

const BUILT_IN: Record<SmallTalkRoute, Handler> = { ack: handleAck, plan: handlePlan };

export type { AnyRoute, Route, RouteContext } from './types.js';

/** What the router may read about a message before routing it (all reads go out together). */
export type MessageState = Omit<RouteContext, 'route'>;

export type FreeTextIntent = 'ask' | 'report' | 'unsure' | 'ack' | 'plan' | 'ledger_question';

export interface RouterDeps {
  /** A handler per route; 'ack' and 'plan' have built-in short replies when not given. */
  handlers: Record<Route, Handler> & Partial<Record<SmallTalkRoute, Handler>>;
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
    const related = state.draft ? state.draftReply?.type : undefined;
    // The answer to the draft's question (or 取消, or its own redelivery) goes to the draft.
    if (related && related !== 'unrelated' && related !== 'new_report') return { ...state, route: 'report' };
    const kind = await deps.classify(text, msg, services, state);
    // A new report while a draft waits: the report path decides what happens to both.
    if (related === 'new_report' && (kind === 'report' || kind === 'unsure')) return { ...state, route: 'report' };
    if (kind === 'ledger_question') return { ...state, route: 'issues', ledgerQuestion: true };
    return { ...state, route: kind === 'unsure' ? 'clarify' : kind };
  }

  const handlerFor = (r: AnyRoute): Handler => deps.handlers[r] ?? BUILT_IN[r as SmallTalkRoute];

  return {
    context,
    async route(msg: IncomingMessage, services: Services): Promise<AnyRoute> {
      return (await context(msg, services)).route;
    },
    handlerFor,
    /** Route and handle: the whole pipeline step after the bot's claim and prechecks. */
    async dispatch(msg: IncomingMessage, services: Services, known?: MessageState) {
      const ctx = await context(msg, services, known);
      return { ctx, reply: await handlerFor(ctx.route)(msg, services, ctx) };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
