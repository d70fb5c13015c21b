/**
 * A handler: what the bot does with one normalised message. Platform-independent, given its services
 * explicitly and the per-message context the router built (what it already read and parsed), returning
 * a platform-neutral Reply.
 */
import type { IncomingMessage } from '../src/messaging/incoming.js';
import type { Reply } from '../src/messaging/reply.js';
import type { Services } from '../src/app/services.js';
import type { Extraction, Team } from '../src/ledger/model.js';
import type { Draft, DraftReply } from '../src/ledger/service/index.js';

export type Route = 'ask' | 'report' | 'issues' | 'digest' | 'export' | 'help' | 'clarify';

/** The question "记录还是提问？" waiting for this user's answer. */
export interface PendingClarification {
  text: string;
  at: number;
}

/**
 * Everything the router learnt about one message, handed to its handler so nothing is read or parsed twice.
 * A field is undefined when the router did not look (a handler called directly, e.g. in a test, reads it itself);
 * null when it looked and found nothing.
 */
export interface RouteContext {
  route: Route;
  /** The message's team (null: the group is not registered). */
  team?: Team | null;
  /** The user's half-finished report. */
  draft?: Draft | null;
  /** How this message relates to the draft (its answer, a re-ask, a new report …). */
  draftReply?: DraftReply;
  clarification?: PendingClarification | null;
  /** The rule parse of the free text, with the team's enterprise names. */
  parse?: Extraction;
}

export type Handler = (msg: IncomingMessage, services: Services, ctx?: RouteContext) => Promise<Reply>;
