/**
 * The router: the one place that decides what happens to a normalised message, and builds the per-message
 * context its handler receives (route, team, pending draft, pending clarification, the parse it already made).
 *
 *   explicit forms (slash commands, 帮助/简报/导出, 问：/报：) → pending clarification → ledger commands →
 *   a typed 👍/👎 right after an answer → pending draft (when the message belongs to it) → free text: question,
 *   report, or ask which one.
 *
 * What it reads it reads once, and hands over in the context (Hono's c.set/c.get, bolt's context): no handler
 * reads the draft again or parses the text a second time, and no module-level cache carries per-message state.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { hasAskPrefix, hasReportPrefix } from '../src/messaging/prefixes.js';
import type { Services } from '../src/app/services.js';
import type { Reply } from '../src/messaging/reply.js';
import { voteOf } from '../src/messaging/intent-cues.js';
import { handleFeedback } from './feedback.js';
import { handleAck, handlePlan } from './smalltalk.js';
import type { AnyRoute, BuiltInRoute, Handler, Route, RouteContext } from './types.js';

const BUILT_IN: Record<BuiltInRoute, Handler> = { ack: handleAck, plan: handlePlan, feedback: handleFeedback };

export type { AnyRoute, Route, RouteContext } from './types.js';

/** What the router may read about a message before routing it (all reads go out together). */
export type MessageState = Omit<RouteContext, 'route'>;

export type FreeTextIntent = 'ask' | 'report' | 'unsure' | 'ack' | 'plan' | 'ledger_question';

export interface RouterDeps {
  /** A handler per route; 'ack', 'plan' and 'feedback' have built-in handlers when not given. */
  handlers: Record<Route, Handler> & Partial<Record<BuiltInRoute, Handler>>;
  /** Ledger commands (问题清单, Q-0012, 撤销, 销号, 交办, 重新打开, 绑定企业 …). */
  isLedgerCommand(text: string): boolean;
  /** A bare answer to "记录还是提问？" (记录, 提问): routed to the clarify handler even when nothing waits. */
  isClarifyAnswer?(text: string): boolean;
  /**
   * Read the message's state: pending clarification, the team, the pending draft and how this message relates
   * to it, and the free-text parse. Without it nothing is ever pending.
   */
  load?(msg: IncomingMessage, services: Services, opts: { freeText: boolean }): Promise<MessageState>;
  /** Free text: a policy question, a status update, or unclear. */
  classify(text: string, msg: IncomingMessage, services: Services, state: MessageState): Promise<FreeTextIntent>;
  /** After the handler: keep what the next message needs (the last answer, for typed 👍/👎). */
  after?(msg: IncomingMessage, services: Services, ctx: RouteContext, reply: Reply): Promise<void>;
}

/** Help, and a greeting with nothing else in it (你好, 在吗, hello): the help text is the answer to both. */
const HELP_RE =
  /^(帮助|help|\?|？|菜单|怎么用|使用说明|你好|您好|你好呀|在吗|在不在|hello|hi|哈喽|早|早上好|上午好|下午好|晚上好)[?？!！。~]*$/i;
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
    // 👍/👎 (有用/没用) as the next message after an answer is a vote on it — unless a draft asked its question later.
    if (state.lastAnswer && voteOf(text) && !(state.draft && state.draft.createdAt > state.lastAnswer.at)) {
      return { ...state, route: 'feedback' };
    }
    const related = state.draft ? state.draftReply?.type : undefined;
    // The answer to the draft's question (or 取消, or its own redelivery) goes to the draft.
    if (related && related !== 'unrelated' && related !== 'new_report') return { ...state, route: 'report' };
    // 记录 / 提问 answers a "记录还是提问？" that no longer waits: the clarify handler says so.
    if (deps.isClarifyAnswer?.(text)) return { ...state, route: 'clarify' };
    const kind = await deps.classify(text, msg, services, state);
    // A new report while a draft waits: the report path decides what happens to both.
    if (related === 'new_report' && (kind === 'report' || kind === 'unsure')) return { ...state, route: 'report' };
    if (kind === 'ledger_question') return { ...state, route: 'issues', ledgerQuestion: true };
    return { ...state, route: kind === 'unsure' ? 'clarify' : kind };
  }

  const handlerFor = (r: AnyRoute): Handler => deps.handlers[r] ?? BUILT_IN[r as BuiltInRoute];

  return {
    context,
    async route(msg: IncomingMessage, services: Services): Promise<AnyRoute> {
      return (await context(msg, services)).route;
    },
    handlerFor,
    /** Route and handle: the whole pipeline step after the bot's claim and prechecks. */
    async dispatch(msg: IncomingMessage, services: Services, known?: MessageState) {
      const ctx = await context(msg, services, known);
      const reply = await handlerFor(ctx.route)(msg, services, ctx);
      await deps.after?.(msg, services, ctx, reply);
      return { ctx, reply };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
