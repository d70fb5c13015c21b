/** What the ledger service is built from, and the per-message context its flows share. */
import type { Config } from '../../config/schema.js';
import type { LlmClient } from '../../llm/types.js';
import type { IncomingMessage } from '../../messaging/incoming.js';
import type { Logger } from '../../observability/logger.js';
import type { Retriever } from '../../retrieval/types.js';
import type { Store } from '../../store/types.js';
import { localDate } from '../../time/index.js';
import type { Citation } from '../../messaging/reply.js';
import { isLeadershipGroup, type Category, type Extraction, type Issue, type Team } from '../model.js';
import type { Draft } from './sessions.js';
import { TEXTS } from './texts.js';
import type { DraftReply } from './report-flow.js';

export interface LedgerDeps {
  store: Store;
  /** For the 政策礼包 attached to new issues; null turns it off. */
  retriever: Retriever | null;
  llm: LlmClient | null;
  config: Config;
  logger: Logger;
  clock: () => Date;
}

export interface LedgerOptions {
  /** Attach policy passages to new issues (default true when a retriever is given). */
  policyGift?: boolean;
  /** Enterprises the parser may expand abbreviations to, besides every team's bound enterprises. */
  knownEnterprises?: string[];
}

/**
 * What the flows (report, command, teams) are given: the deps and the few services they need. The LedgerService
 * implements it; the flows never import the service, so there is no import cycle between them.
 */
export interface FlowContext {
  readonly deps: LedgerDeps;
  /** Parse a status update (the LLM when configured; `rules`: the router's parse, reused). */
  extract(text: string, team: Team, today: string, rules?: Extraction): Promise<Extraction>;
  /** 政策礼包 for new issues. */
  gift(issues: Array<{ category: Category; summary: string }>): Promise<Citation[]>;
  knownEnterprises(): Promise<string[]>;
  enterpriseHits(text: string, team: Team | null): Promise<Array<{ name: string; start: number; end: number }>>;
  mentionedEnterprises(text: string, team: Team | null): Promise<string[]>;
  getTeam(id: string): Promise<Team | null>;
  bindEnterprises(
    target: BindTarget,
    enterprises: string[],
    name?: string | null,
  ): Promise<{ team: Team; created: boolean }>;
  unbindEnterprises(teamId: string, enterprises: string[]): Promise<Team | null>;
}

export interface BindTarget {
  teamId: string;
  platform: string;
  conversationId: string;
  /** The group's title, used as the team name when none is given. */
  title: string | null;
}

/**
 * What the router already read and parsed for this message (handlers/types.ts RouteContext is a superset).
 * A field left undefined is read here; null means "looked, found nothing".
 */
export interface Preloaded {
  team?: Team | null;
  draft?: Draft | null;
  draftReply?: DraftReply;
  /** The rule parse of the message text with the team's enterprise names. */
  parse?: Extraction;
  /** Enterprise names the text mentions (canonical). */
  enterprises?: string[];
  /** The router judged the message a question about the ledger: show what is asked about, record nothing. */
  ledgerQuestion?: boolean;
}

/** One message being handled: who, where, when. */
export interface MessageContext {
  msg: IncomingMessage;
  /** The message's team (null when the group is not registered). */
  team: Team | null;
  /** The message date (YYYY-MM-DD in ZCT_TIMEZONE): relative dates resolve against it. */
  today: string;
  /** Now (ms), from the injected clock: commit times and the undo window. */
  now: number;
}

export function messageContext(deps: LedgerDeps, msg: IncomingMessage, team: Team | null): MessageContext {
  const now = deps.clock().getTime();
  return { msg, team, today: localDate(msg.receivedAt || now, deps.config.ZCT_TIMEZONE), now };
}

/** A leadership group: flagged on the team, or listed in ZCT_ADMIN_GROUPS (team id or conversation id). */
export function isAdminGroup(
  config: Config,
  msg: Pick<IncomingMessage, 'teamId' | 'conversationId'>,
  team: Team | null,
): boolean {
  return isLeadershipGroup(msg, team, config.ZCT_ADMIN_GROUPS);
}

/**
 * Whoever writes in a leadership group reads every team's issues (as the web console shows its board to anyone who
 * has written there); changes stay with each team's own group.
 */
export function readsAllTeams(deps: LedgerDeps, ctx: MessageContext): boolean {
  return isAdminGroup(deps.config, ctx.msg, ctx.team);
}

/** A team reads its own issues only (a leadership group reads all). */
export function canRead(deps: LedgerDeps, ctx: MessageContext, issue: Pick<Issue, 'teamId'>): boolean {
  return issue.teamId === ctx.msg.teamId || readsAllTeams(deps, ctx);
}

/**
 * Why a change to `ref` is refused: no such issue of this team — or, asked from a leadership group that can read it,
 * the issue is a team's to change (the leadership group reads every team's ledger and changes none).
 */
export function changeRefused(deps: LedgerDeps, ctx: MessageContext, ref: string, issue: Issue | null): string {
  return issue && readsAllTeams(deps, ctx) ? TEXTS.readOnlyHere(ref) : TEXTS.notFound(ref);
}

/** Changes are always limited to the message's own team. */
export function canChange(ctx: MessageContext, issue: Pick<Issue, 'teamId'>): boolean {
  return issue.teamId === ctx.msg.teamId;
}
