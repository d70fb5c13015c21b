/** Wire the router to the real handlers: this is the one place that knows every handler. */
import { createRouter, type Route } from '../../handlers/router.js';
import type { Handler } from '../../handlers/types.js';
import { handleAsk } from '../../handlers/ask.js';
import { handleReport, hasPendingDraft } from '../../handlers/report.js';
import { handleIssues, isLedgerCommand } from '../../handlers/issues.js';
import { handleDigest } from '../../handlers/digest.js';
import { handleHelp } from '../../handlers/help.js';
import { createClarifyHandler, hasPendingClarification } from '../../handlers/clarify.js';
import { Bot } from './bot.js';
import { classifyFreeText } from './classify.js';
import type { Services } from './services.js';

export function createBot(services: Services, opts: { claimLeaseMs?: number } = {}): Bot {
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
  Object.assign(handlers, {
    ask: handleAsk,
    report: handleReport,
    issues: handleIssues,
    digest: handleDigest,
    help: handleHelp,
    clarify: createClarifyHandler({ ask: handleAsk, report: handleReport, reroute }),
  } satisfies Record<Route, Handler>);
  return new Bot(services, router, opts);
}
