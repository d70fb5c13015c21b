/**
 * LedgerService: the liaison ledger behind the chat commands, the digest and the CLI.
 *   message level — handleReport / handleCommand / hasPendingDraft (what the handlers call)
 *   team changes  — bindEnterprises / unbindEnterprises / importTeams
 *   read-only     — `queries` (LedgerQueries, queries.ts): issues, teams, visits, the audit log, ages and due dates
 * Built once per process by createServices; `ledgerOf(services)` (src/app/services.ts) returns it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from '../../messaging/incoming.js';
import type { Citation, Reply } from '../../messaging/reply.js';
import { parseLedgerCommand, stripReportPrefix, OPEN_STATUSES, type LedgerCommand } from '../commands.js';
import { defaultEnterprisesFile, loadKnownEnterprises } from '../lexicon/index.js';
import type { Category, Extraction, Team } from '../model.js';
import { commandFlow, questionFlow } from './command-flow.js';
import { LedgerQueries } from './queries.js';
import type { BindTarget, FlowContext, LedgerDeps, LedgerOptions, Preloaded } from './context.js';
import { parseUpdate } from './parse.js';
import { policyGift } from './policy-gift.js';
import { relateToDraft, reportFlow, type DraftReply } from './report-flow.js';
import { readDraft, type Draft } from './sessions.js';
import { enterpriseMatcher, extractUpdate, withTradeReferences } from '../extract/index.js';

const KNOWN_TTL_MS = 30_000;

/** The deployment's enterprise list: ZCT_DATA_DIR/enterprises.json, else the bundled data/enterprises.json. */
function readDeploymentEnterprises(dataDir: string): string[] {
  const candidate = path.resolve(dataDir, 'enterprises.json');
  return loadKnownEnterprises(fs.existsSync(candidate) ? candidate : defaultEnterprisesFile());
}

export type { BindTarget };

export class LedgerService implements FlowContext {
  readonly deps: LedgerDeps;
  private readonly options: LedgerOptions;

  /** Read-only views of the ledger for the CLI and the digest (issues, teams, visits, the audit log, ages). */
  readonly queries: LedgerQueries;
  /** Every team's bound enterprises, kept for a short while (one listTeams per 30 s, not per message). */
  private teamNames: { at: number; names: string[] } | null = null;
  /** The deployment's enterprise list, read once. */
  private deploymentNames: string[] | null = null;

  /**
   * Built once per process (createServices; `ledgerOf` for services built elsewhere). `deps` is kept by reference:
   * a retriever swapped in after a library change is the one the next message uses.
   */
  constructor(deps: LedgerDeps, options: LedgerOptions = {}) {
    this.deps = deps;
    this.options = options;
    this.queries = new LedgerQueries(deps);
  }

  /** The deployment's enterprise list (options, else ZCT_DATA_DIR/enterprises.json), read once. */
  private deploymentEnterprises(): string[] {
    this.deploymentNames ??= this.options.knownEnterprises ?? readDeploymentEnterprises(this.deps.config.ZCT_DATA_DIR);
    return this.deploymentNames;
  }

  // ------------------------------------------------------------------ message level

  /** A status update (free text, "报：…", or the answer to a pending question). */
  async handleReport(msg: IncomingMessage, pre: Preloaded = {}): Promise<Reply> {
    return this.guard(async () => {
      const text = stripReportPrefix(msg.text);
      const cmd = parseLedgerCommand(text);
      if (cmd && cmd.type !== 'report') return commandFlow(this, msg, cmd, pre);
      return reportFlow(this, msg, text, pre);
    });
  }

  /** A ledger command (问题清单, Q-0012, 撤销, 交办, 办结, 销号, 重新打开, 绑定企业 …); free text falls back to a report. */
  async handleCommand(
    msg: IncomingMessage,
    cmd: LedgerCommand | null = parseLedgerCommand(msg.text),
    pre: Preloaded = {},
  ): Promise<Reply> {
    return this.guard(async () => {
      if (pre.ledgerQuestion && (!cmd || cmd.type === 'show')) return questionFlow(this, msg, pre);
      if (!cmd) {
        // "/issues" with no text lists the ledger; other free text is a report.
        if (!msg.text.trim())
          return commandFlow(
            this,
            msg,
            { type: 'list', statuses: OPEN_STATUSES, overdue: false, enterprise: null },
            pre,
          );
        return reportFlow(this, msg, stripReportPrefix(msg.text), pre);
      }
      return commandFlow(this, msg, cmd, pre);
    });
  }

  /** The user's half-finished report in this conversation, if any. */
  readDraft(msg: IncomingMessage): Promise<Draft | null> {
    return readDraft(this.deps, msg);
  }

  /** The rule parse of a free-text message with the team's (and the deployment's) enterprise names. */
  async parseRules(text: string, team: Team | null, today: string): Promise<Extraction> {
    const knownEnterprises = await this.knownEnterprises();
    return extractUpdate(stripReportPrefix(text), {
      today,
      teamEnterprises: team?.enterprises ?? [],
      knownEnterprises,
    });
  }

  /**
   * Enterprises the text names: the team's first, then the deployment's (abbreviations resolved to canonical
   * names), in order of mention, without repeats.
   */
  async mentionedEnterprises(text: string, team: Team | null): Promise<string[]> {
    return [...new Set((await this.enterpriseHits(text, team)).map((h) => h.name))];
  }

  /** Every mention of a known enterprise in the text (canonical name and position), earliest first. */
  async enterpriseHits(text: string, team: Team | null): Promise<Array<{ name: string; start: number; end: number }>> {
    const known = [...(team?.enterprises ?? []), ...(await this.knownEnterprises())];
    // (a team enterprise called by its trade — 电子厂的贷款到哪了 — as the parser reads it)
    return withTradeReferences(
      enterpriseMatcher(known, team?.enterprises ?? []).findKnown(text),
      text,
      team?.enterprises ?? [],
    ).map((h) => ({
      name: h.name,
      start: h.start,
      end: h.end,
    }));
  }

  /**
   * How a message relates to the user's half-finished report: its answer, a re-ask, 取消, a new report, the
   * redelivery of the message that asked — or unrelated (a policy question asked meanwhile goes its own way;
   * the draft keeps waiting).
   */
  async relateToDraft(msg: IncomingMessage, draft: Draft, team: Team | null, parse?: Extraction): Promise<DraftReply> {
    return relateToDraft(this, msg, draft, team, parse);
  }

  /** For the router and tests: does this message belong to the user's half-finished report? */
  async hasPendingDraft(msg: IncomingMessage): Promise<boolean> {
    const draft = await readDraft(this.deps, msg);
    if (!draft) return false;
    const team = await this.deps.store.getTeam(msg.teamId);
    return (await this.relateToDraft(msg, draft, team)).type !== 'unrelated';
  }

  /** Is any draft waiting for this user in this conversation (whatever the next message is)? */
  async draftWaiting(msg: IncomingMessage): Promise<boolean> {
    return (await readDraft(this.deps, msg)) !== null;
  }

  /** Store failures propagate: the message pipeline (src/app/bot.ts) answers them once, from the commit record. */
  private async guard(fn: () => Promise<Reply>): Promise<Reply> {
    return fn();
  }

  // ------------------------------------------------------------------ helpers the flows use

  /**
   * Parse a status update: the LLM when configured (rules on any failure), else rules. `rules`: the parse the
   * router already made of this text with the same names, reused rather than parsed again.
   */
  async extract(text: string, team: Team, today: string, rules?: Extraction): Promise<Extraction> {
    const knownEnterprises = await this.knownEnterprises();
    // The LLM sees the team's own names and the deployment's curated list only: other teams' names are user input.
    const promptEnterprises = this.deploymentEnterprises();
    return parseUpdate(
      text,
      { today, teamEnterprises: team.enterprises, knownEnterprises, promptEnterprises },
      this.deps.llm,
      this.deps.logger,
      rules,
    );
  }

  /** 政策礼包 for new issues (empty when there is no retriever or it is turned off). */
  async gift(issues: Array<{ category: Category; summary: string }>): Promise<Citation[]> {
    const { retriever } = this.deps;
    if (!retriever || this.options.policyGift === false || !issues.length) return [];
    return policyGift(retriever, issues, this.deps.logger);
  }

  /** Canonical enterprise names: the deployment list (data/enterprises.json) plus every team's bound ones. */
  async knownEnterprises(): Promise<string[]> {
    const base = this.deploymentEnterprises();
    const now = this.deps.clock().getTime();
    let cached = this.teamNames;
    if (!cached || now - cached.at > KNOWN_TTL_MS || now < cached.at) {
      const teams = await this.deps.store.listTeams();
      cached = { at: now, names: teams.flatMap((t) => t.enterprises) };
      this.teamNames = cached;
    }
    return [...new Set([...base, ...cached.names])];
  }

  // ------------------------------------------------------------------ data level: teams

  getTeam(id: string): Promise<Team | null> {
    return this.deps.store.getTeam(id);
  }

  /** Register the group as a team (or update it): enterprises are added to the bound list. */
  async bindEnterprises(
    target: BindTarget,
    enterprises: string[],
    name: string | null = null,
  ): Promise<{ team: Team; created: boolean }> {
    const existing = await this.deps.store.getTeam(target.teamId);
    const team: Team = {
      id: target.teamId,
      platform: target.platform,
      conversationId: target.conversationId,
      name: name ?? existing?.name ?? target.title ?? '联企小组',
      // (a demo's seeded enterprises give way to the team's own, unless bound again)
      enterprises: [
        ...new Set([...(existing?.enterprises ?? []).filter((e) => !existing?.seeded?.includes(e)), ...enterprises]),
      ],
      isAdminGroup:
        existing?.isAdminGroup ??
        this.deps.config.ZCT_ADMIN_GROUPS.some((g) => g === target.teamId || g === target.conversationId),
      createdAt: existing?.createdAt ?? this.deps.clock().getTime(),
    };
    await this.deps.store.upsertTeam(team);
    this.teamNames = null;
    return { team, created: !existing };
  }

  async unbindEnterprises(teamId: string, enterprises: string[]): Promise<Team | null> {
    const existing = await this.deps.store.getTeam(teamId);
    if (!existing) return null;
    const drop = new Set(enterprises);
    const team = { ...existing, enterprises: existing.enterprises.filter((e) => !drop.has(e)) };
    await this.deps.store.upsertTeam(team);
    this.teamNames = null;
    return team;
  }

  /** Upsert teams from an import (teams.csv): the file is authoritative for name, enterprises and admin flag. */
  async importTeams(teams: Team[]): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    for (const t of teams) {
      const existing = await this.deps.store.getTeam(t.id);
      await this.deps.store.upsertTeam({ ...t, createdAt: existing?.createdAt ?? t.createdAt });
      if (existing) updated++;
      else created++;
    }
    this.teamNames = null;
    return { created, updated };
  }
}
