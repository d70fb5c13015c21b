/**
 * The digest/reminder scheduler: what is due when, and how each digest is built. Sending exactly once across
 * replicas is the generic ExactlyOnceRunner's job (exactly-once.ts).
 *
 * Clock: croner ticks every minute in ZCT_TIMEZONE (and once at start, for catch-up). Each tick calls runDue(now),
 * which is also what tests call with an injected time — no sleeps.
 *
 * Exactly once: every (job, target, day) is a key `digest:<target>:<YYYY-MM-DD>` / `reminder:<target>:<YYYY-MM-DD>`,
 * run through the ExactlyOnceRunner (claim → build → send → complete, leases taken over after a crash).
 *
 * Catch-up: on a send day, a job whose time has passed today and is not done is sent now (so a replica that was down
 * at 08:30 sends at start). Earlier days are never sent. Non-send days (weekends, holidays) send nothing.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from '../observability/logger.js';
import { silentLogger } from '../observability/logger.js';
import type { Reply } from '../messaging/reply.js';
import type { Store } from '../store/types.js';
import {
  eventsFromMs,
  isLiaisonTeam,
  leadershipDigest,
  prepareDigest,
  teamDigest,
  teamReminders,
  type DigestIndex,
} from '../digest/compute.js';
import { digestInput, loadLedgerData, type LedgerData } from '../digest/load.js';
import { renderLeadershipDigest, renderReminder, renderTeamDigest, type RenderOptions } from '../digest/render.js';
import { dayWindow, scheduledWindow } from '../digest/window.js';
import { localDate, minuteOfDay, parseHhmm, startOfDayMs } from '../time/index.js';
import type { WorkCalendar } from '../time/index.js';
import { resolveTargets, type SchedulerTarget } from './targets.js';
import { ExactlyOnceRunner, type Job, type JobsReport } from './exactly-once.js';

export type JobKind = 'digest' | 'reminder';
export type SendFn = (target: SchedulerTarget, reply: Reply) => Promise<void>;

export interface SchedulerOptions {
  store: Store;
  /** Deliver one message (an adapter's sendToConversation). Throwing = not delivered (retried). */
  send: SendFn;
  /** Targets this process can deliver to (e.g. it has an adapter for the platform). Default: all. */
  canSend?: (target: SchedulerTarget) => boolean;
  timeZone: string;
  /** HH:MM, local. */
  digestTime: string;
  reminderTime: string;
  /** Remind teams that have not reported for this many days. */
  reminderIdleDays: number;
  /** Send days (EVERY_DAY when ZCT_WORKDAYS_ONLY=false). A function is re-read every pass. */
  calendar: WorkCalendar | (() => WorkCalendar);
  /** ZCT_ADMIN_GROUPS. */
  adminGroups?: string[];
  clock?: () => Date;
  /** This replica's identity in job leases. Default host:pid:random. */
  owner?: string;
  /** How long a claimed job is reserved before another replica may take it over. Default 5 min. */
  leaseMs?: number;
  /** How long "done" is remembered. Default 8 days. */
  doneTtlSec?: number;
  /** Messages sent in parallel by one replica. Default 2. */
  concurrency?: number;
  /** Give up on a job after this many failed sends by this replica (it is then marked done). Default 5. */
  maxAttempts?: number;
  logger?: Logger;
  render?: RenderOptions;
}

export interface RunReport extends JobsReport {
  /** Local date of this pass. */
  date: string;
  sendDay: boolean;
  /** Jobs whose time had come and were not yet known to be complete. */
  due: JobKind[];
}

export class DigestScheduler {
  readonly owner: string;
  private readonly o: SchedulerOptions;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly digestMinute: number;
  private readonly reminderMinute: number;
  private readonly runner: ExactlyOnceRunner;
  private cron: Cron | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Per local day: slots known complete (the runner remembers the keys). */
  private memoDate = '';
  private completeSlots = new Set<JobKind>();

  constructor(options: SchedulerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.digestMinute = parseHhmm(options.digestTime);
    this.reminderMinute = parseHhmm(options.reminderTime);
    this.runner = new ExactlyOnceRunner({
      store: options.store,
      owner: this.owner,
      leaseMs: options.leaseMs,
      doneTtlSec: options.doneTtlSec,
      concurrency: options.concurrency,
      maxAttempts: options.maxAttempts,
      logger: this.logger,
    });
  }

  private calendar(): WorkCalendar {
    return typeof this.o.calendar === 'function' ? this.o.calendar() : this.o.calendar;
  }

  /** Start the minute ticks (croner, in the configured zone) and run once now (catch-up). */
  start(): void {
    if (this.cron) return;
    this.cron = new Cron('* * * * *', { timezone: this.o.timeZone, protect: true }, () => this.tick());
    void this.tick();
  }

  stop(): void {
    this.cron?.stop();
    this.cron = null;
  }

  /** One tick: runDue(now), logging instead of throwing. */
  async tick(): Promise<void> {
    try {
      const r = await this.runDue(this.clock());
      if (r.sent.length || r.failed.length) {
        this.logger.info(
          { date: r.date, sent: r.sent.length, empty: r.empty.length, failed: r.failed },
          'scheduled digests/reminders',
        );
      }
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'scheduler pass failed');
    }
  }

  /** Send whatever is due at `now` and not yet sent by any replica. Passes never overlap within one replica. */
  runDue(now: Date = this.clock()): Promise<RunReport> {
    const run = this.chain.then(() => this.pass(now));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async pass(now: Date): Promise<RunReport> {
    const { timeZone: tz, store } = this.o;
    const nowMs = now.getTime();
    const today = localDate(nowMs, tz);
    if (this.memoDate !== today) {
      this.memoDate = today;
      this.completeSlots = new Set();
      this.runner.forget();
    }
    const report: RunReport = { date: today, sendDay: false, due: [], sent: [], empty: [], skipped: [], failed: [] };
    const calendar = this.calendar();
    if (!calendar.isWorkday(today)) return report;
    report.sendDay = true;

    const minute = minuteOfDay(nowMs, tz);
    const dayStart = startOfDayMs(today, tz);
    const slots: { kind: JobKind; at: number }[] = [];
    if (minute >= this.digestMinute) slots.push({ kind: 'digest', at: dayStart + this.digestMinute * 60_000 });
    if (minute >= this.reminderMinute) slots.push({ kind: 'reminder', at: dayStart + this.reminderMinute * 60_000 });
    const due = slots.filter((s) => !this.completeSlots.has(s.kind));
    report.due = due.map((s) => s.kind);
    if (!due.length) return report;

    const teams = await store.listTeams();
    const adminGroups = this.o.adminGroups ?? [];
    const canSend = this.o.canSend ?? (() => true);

    // Data is read lazily, once per pass, only when this replica actually claims a job.
    const digestWin = scheduledWindow(today, calendar.previousWorkday(today), tz);
    const reminderWin = dayWindow(today, tz, nowMs);
    let data: Promise<LedgerData> | null = null;
    const loadData = () =>
      (data ??= loadLedgerData(store, {
        fromMs: Math.min(eventsFromMs(digestWin, tz), eventsFromMs(reminderWin, tz)),
      }));
    let digestIndex: Promise<DigestIndex> | null = null;
    const getDigestIndex = () =>
      (digestIndex ??= loadData().then((d) => prepareDigest(digestInput(d, digestWin, tz, adminGroups))));
    let leadership: Promise<Reply> | null = null;
    const getLeadership = () =>
      (leadership ??= getDigestIndex().then((ix) =>
        renderLeadershipDigest(leadershipDigest(ix), this.renderOptions()),
      ));
    let reminders: Promise<Map<string, Reply | null>> | null = null;
    const getReminders = () =>
      (reminders ??= loadData().then((d) => {
        const ix = prepareDigest(digestInput(d, reminderWin, tz, adminGroups));
        return new Map(
          teamReminders(ix, this.o.reminderIdleDays).map((r) => [r.teamId, renderReminder(r, this.renderOptions())]),
        );
      }));

    const build = async (kind: JobKind, target: SchedulerTarget): Promise<Reply | null> => {
      if (kind === 'reminder') return (await getReminders()).get(target.teamId ?? '') ?? null;
      if (target.kind === 'leadership') return getLeadership();
      const ix = await getDigestIndex();
      const team = ix.teamById.get(target.teamId ?? target.id);
      // A group bound to no enterprise that never recorded anything (policy questions only) gets no team digest:
      // it has nothing to report and owes no 一月一走访.
      if (!team || !isLiaisonTeam(ix, team)) return null;
      const d = teamDigest(ix, team.id);
      return d ? renderTeamDigest(d, this.renderOptions()) : null;
    };

    for (const slot of due) {
      // A team registered after the slot's time starts getting it tomorrow (whichever replica looks).
      const targets = resolveTargets(
        teams.filter((t) => t.createdAt <= slot.at),
        adminGroups,
      ).filter((t) => (slot.kind === 'reminder' ? t.kind === 'team' : true) && canSend(t));
      const jobs: Job<Reply>[] = targets.map((target) => ({
        key: `${slot.kind}:${target.id}:${today}`,
        build: () => build(slot.kind, target),
        send: (reply) => this.o.send(target, reply),
      }));
      const pending = await this.runner.run(jobs, report);
      if (!pending) this.completeSlots.add(slot.kind);
    }
    return report;
  }

  private renderOptions(): RenderOptions {
    return { timeZone: this.o.timeZone, ...this.o.render };
  }
}
