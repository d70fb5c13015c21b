/** Wire the router to the real handlers: this is the one place that knows every handler. */
import { createRouter, type Route, type Router } from '../../handlers/router.js';
import type { Handler } from '../../handlers/types.js';
import { handleAsk } from '../../handlers/ask.js';
import { handleReport, hasPendingDraft } from '../../handlers/report.js';
import { handleIssues, isLedgerCommand } from '../../handlers/issues.js';
import { handleDigest } from '../../handlers/digest.js';
import { handleExport } from '../../handlers/export.js';
import { handleHelp } from '../../handlers/help.js';
import { createClarifyHandler, hasPendingClarification } from '../../handlers/clarify.js';
import { Bot } from './bot.js';
import { classifyFreeText } from './classify.js';
import type { Services } from './services.js';

/** Replace a handler by a wrapper around the real one (tests: a replica that hangs, a handler that counts calls). */
export type HandlerWrappers = Partial<Record<Route, (real: Handler) => Handler>>;

export function createProductRouter(wrap: HandlerWrappers = {}): Router {
  const handlers = {} as Record<Route, Handler>;
  const router = createRouter({
    handlers,
    isLedgerCommand,
    hasPendingDraft,
    hasPendingClarification,
    classify: (text, _msg, s) =>
      classifyFreeText(text, { llm: s.llm, logger: s.logger, now: s.clock(), timeZone: s.config.ZCT_TIMEZONE }),
  });
  const reroute: Handler = async (msg, s) => router.handlerFor(await router.route(msg, s))(msg, s);
  const real: Record<Route, Handler> = {
    ask: handleAsk,
    report: handleReport,
    issues: handleIssues,
    digest: handleDigest,
    export: handleExport,
    help: handleHelp,
    clarify: createClarifyHandler({ ask: handleAsk, report: handleReport, reroute }),
  };
  for (const r of Object.keys(real) as Route[]) handlers[r] = wrap[r] ? wrap[r](real[r]) : real[r];
  return router;
}

export function createBot(services: Services, opts: { claimLeaseMs?: number; wrap?: HandlerWrappers } = {}): Bot {
  return new Bot(services, createProductRouter(opts.wrap), { claimLeaseMs: opts.claimLeaseMs });
}
