/**
 * The product's message pipeline: the router wired to the real handlers and to what it reads per message.
 * This is where to look for "what does the bot do with a message" (src/app/bot.ts adds the exactly-once
 * claim, rate limit and error handling around it).
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import { ledgerOf, type Services } from '../src/app/services.js';
import { isLedgerCommand } from '../src/ledger/commands.js';
import { shortRefOpening } from '../src/ledger/extract/ref.js';
import { boundEnterprise } from '../src/ledger/model.js';
import { localDate } from '../src/time/index.js';
import { handleAsk } from './ask.js';
import { classifyFreeText } from './classify.js';
import { createClarifyHandler, isClarifyAnswer, readClarification } from './clarify.js';
import { handleDigest } from './digest.js';
import { handleExport } from './export.js';
import { handleFeedback, readLastAnswer, rememberLastAnswer } from './feedback.js';
import { handleHelp } from './help.js';
import { handleIssues } from './issues.js';
import { handleReport } from './report.js';
import { createRouter, type MessageState, type Router } from './router.js';
import { handleAck, handlePlan } from './smalltalk.js';
import type { AnyRoute, Handler } from './types.js';

export type { Handler, Route, RouteContext } from './types.js';

/** Replace a handler by a wrapper around the real one (tests: a replica that hangs, a handler that counts calls). */
export type HandlerWrappers = Partial<Record<AnyRoute, (real: Handler) => Handler>>;

/** Everything the router reads about a message, in one round trip: clarification, team, draft; then the parse. */
export async function loadMessageState(
  msg: IncomingMessage,
  services: Services,
  opts: { freeText: boolean },
): Promise<MessageState> {
  const ledger = ledgerOf(services);
  const [clarification, team, draft, lastAnswer] = await Promise.all([
    readClarification(msg, services),
    services.store.getTeam(msg.teamId),
    ledger.readDraft(msg),
    readLastAnswer(msg, services),
  ]);
  const state: MessageState = { clarification, team, draft, lastAnswer };
  if (clarification) return state;
  if (opts.freeText) {
    const today = localDate(msg.receivedAt || services.clock().getTime(), services.config.ZCT_TIMEZONE);
    [state.parse, state.enterprises] = await Promise.all([
      ledger.parseRules(msg.text, team, today),
      ledger.mentionedEnterprises(msg.text, team),
    ]);
    // The enterprise a question asks about, written short (金鼎 for the team's 金鼎纺织, a short form the library's
    // 金鼎金属… leaves to no one in the name matcher): the team's bound enterprise it stands for (boundEnterprise).
    const asked = state.parse.question?.enterprise;
    const own = asked && team ? boundEnterprise(team.enterprises, asked) : null;
    if (own && !state.enterprises.includes(own)) state.enterprises = [own, ...state.enterprises];
  }
  if (draft) state.draftReply = await ledger.relateToDraft(msg, draft, team, state.parse);
  return state;
}

/**
 * A message opening with a short id of one of the team's issues (q1 办结了 while the team has Q-0001) names that
 * issue: read with its full id by every route. Without that issue it stays as written (Q4 营收回升 is a quarter).
 */
export async function readShortRef(msg: IncomingMessage, services: Services): Promise<IncomingMessage> {
  const short = shortRefOpening(msg.text);
  if (!short) return msg;
  // (a store that cannot answer leaves the words as written: the route taken reports the store's state itself)
  const issue = await services.store.getIssue(short.ref).catch(() => null);
  return issue && issue.teamId === msg.teamId ? { ...msg, text: `${short.ref}${short.rest}` } : msg;
}

/** How long after a policy answer a short question counts as its follow-up when routing. */
const FOLLOW_UP_WINDOW_MS = 10 * 60_000;

export function createProductRouter(wrap: HandlerWrappers = {}): Router {
  const handlers = {} as Record<AnyRoute, Handler>;
  const router = createRouter({
    handlers,
    isLedgerCommand,
    isClarifyAnswer,
    load: loadMessageState,
    after: rememberLastAnswer,
    classify: (text, _msg, s, state) =>
      classifyFreeText(
        text,
        { llm: s.llm, logger: s.logger, now: s.clock(), timeZone: s.config.ZCT_TIMEZONE },
        {
          parse: state.parse,
          enterprises: state.enterprises,
          afterAnswer: !!state.lastAnswer && s.clock().getTime() - state.lastAnswer.at < FOLLOW_UP_WINDOW_MS,
        },
      ),
  });
  const real: Record<AnyRoute, Handler> = {
    ack: handleAck,
    plan: handlePlan,
    feedback: handleFeedback,
    ask: handleAsk,
    report: handleReport,
    issues: handleIssues,
    digest: handleDigest,
    export: handleExport,
    help: handleHelp,
    clarify: createClarifyHandler({
      ask: handleAsk,
      report: handleReport,
      // The router read this message while the clarification was pending, so it did not parse it: route it afresh.
      reroute: async (msg, s) => (await router.dispatch(msg, s)).reply,
    }),
  };
  for (const r of Object.keys(real) as AnyRoute[]) handlers[r] = wrap[r] ? wrap[r](real[r]) : real[r];
  const dispatch = router.dispatch;
  return {
    ...router,
    dispatch: async (msg, s, known) => dispatch(await readShortRef(msg, s), s, known),
  };
}
