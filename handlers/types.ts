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
import type { LastAnswer } from '../src/answer/feedback.js';

export type Route = 'ask' | 'report' | 'issues' | 'digest' | 'export' | 'help' | 'clarify';
/** Routes with a built-in short reply: an acknowledgement ("收到") and a plan ("明天计划去…"). */
export type SmallTalkRoute = 'ack' | 'plan';
/** Routes the router handles itself when no handler is given: small talk, and a typed 👍/👎 on the last answer. */
export type BuiltInRoute = SmallTalkRoute | 'feedback';
export type AnyRoute = Route | BuiltInRoute;

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
  route: AnyRoute;
  /** The message's team (null: the group is not registered). */
  team?: Team | null;
  /** The user's half-finished report. */
  draft?: Draft | null;
  /** How this message relates to the draft (its answer, a re-ask, a new report …). */
  draftReply?: DraftReply;
  clarification?: PendingClarification | null;
  /** The rule parse of the free text, with the team's enterprise names. */
  parse?: Extraction;
  /** Enterprise names the text mentions (the team's, the deployment's, company-name patterns). */
  enterprises?: string[];
  /** The answer this user was just given here (a typed 👍/👎 votes on it); null: the last reply was no answer. */
  lastAnswer?: LastAnswer | null;
  /** A question about the ledger itself ("Q-0003 现在到哪一步了", "华康的贷款批了没有？"): show, record nothing. */
  ledgerQuestion?: boolean;
}

export type Handler = (msg: IncomingMessage, services: Services, ctx?: RouteContext) => Promise<Reply>;
