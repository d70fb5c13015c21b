/**
 * The digest/reminder scheduler: exactly once across replicas.
 *
 * Clock: croner ticks every minute in ZCT_TIMEZONE (and once at start, for catch-up). Each tick calls runDue(now),
 * which is also what tests call with an injected time — no sleeps.
 *
 * Exactly once: every (job, target, day) is a key `digest:<target>:<YYYY-MM-DD>` / `reminder:<target>:<YYYY-MM-DD>`.
 * A replica sends only after Store.claimJob(key, leaseMs, owner) succeeds, and marks it done with completeJob after
 * the platform accepted the message. A replica that crashes between claim and send leaves a lease that expires after
 * leaseMs; the next tick of any replica then claims and sends it (no gap). The only duplicate possible is a crash
 * after the platform accepted the message but before completeJob (a few ms).
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
import { eventsFromMs, leadershipDigest, prepareDigest, teamDigest, teamReminders, type DigestIndex } from '../digest/compute.js';
import { digestInput, loadLedgerData, type LedgerData } from '../digest/load.js';
import { renderLeadershipDigest, renderReminder, renderTeamDigest, type RenderOptions } from '../digest/render.js';
import { dayWindow, scheduledWindow } from '../digest/window.js';
import { localDate, minuteOfDay, parseHhmm, startOfDayMs } from '../time/index.js';
import type { WorkCalendar } from '../time/index.js';
import { resolveTargets, type SchedulerTarget } from './targets.js';

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

export interface RunReport {
  /** Local date of this pass. */
  date: string;
  sendDay: boolean;
  /** Jobs whose time had come and were not yet known to be complete. */
  due: JobKind[];
  /** Job keys this replica delivered. */
  sent: string[];
  /** Job keys with nothing to say (a reminder for a team with nothing overdue): marked done, nothing sent. */
  empty: string[];
  /** Done already or held by another replica. */
  skipped: string[];
  failed: { key: string; error: string }[];
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_DONE_TTL_SEC = 8 * 86_400;

export class DigestScheduler {
  readonly owner: string;
  private readonly o: SchedulerOptions;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly digestMinute: number;
  private readonly reminderMinute: number;
  private cron: Cron | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Per local day: slots known complete, job keys known done, failed attempts per key. */
  private memoDate = '';
  private completeSlots = new Set<JobKind>();
  private doneKeys = new Set<string>();
  private attempts = new Map<string, number>();

  constructor(options: SchedulerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.digestMinute = parseHhmm(options.digestTime);
    this.reminderMinute = parseHhmm(options.reminderTime);
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
        this.logger.info({ date: r.date, sent: r.sent.length, empty: r.empty.length, failed: r.failed }, 'scheduled digests/reminders');
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
      this.doneKeys = new Set();
      this.attempts = new Map();
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
      (data ??= loadLedgerData(store, { fromMs: Math.min(eventsFromMs(digestWin, tz), eventsFromMs(reminderWin, tz)) }));
    let digestIndex: Promise<DigestIndex> | null = null;
    const getDigestIndex = () => (digestIndex ??= loadData().then((d) => prepareDigest(digestInput(d, digestWin, tz, adminGroups))));
    let leadership: Promise<Reply> | null = null;
    const getLeadership = () => (leadership ??= getDigestIndex().then((ix) => renderLeadershipDigest(leadershipDigest(ix), this.renderOptions())));
    let reminders: Promise<Map<string, Reply | null>> | null = null;
    const getReminders = () =>
      (reminders ??= loadData().then((d) => {
        const ix = prepareDigest(digestInput(d, reminderWin, tz, adminGroups));
        return new Map(teamReminders(ix, this.o.reminderIdleDays).map((r) => [r.teamId, renderReminder(r, this.renderOptions())]));
      }));

    const build = async (kind: JobKind, target: SchedulerTarget): Promise<Reply | null> => {
      if (kind === 'reminder') return (await getReminders()).get(target.teamId ?? '') ?? null;
      if (target.kind === 'leadership') return getLeadership();
      const d = teamDigest(await getDigestIndex(), target.teamId ?? target.id);
      return d ? renderTeamDigest(d, this.renderOptions()) : null;
    };

    for (const slot of due) {
      // A team registered after the slot's time starts getting it tomorrow (whichever replica looks).
      const targets = resolveTargets(
        teams.filter((t) => t.createdAt <= slot.at),
        adminGroups,
      ).filter((t) => (slot.kind === 'reminder' ? t.kind === 'team' : true) && canSend(t));
      const pending = await this.runJobs(slot.kind, targets, today, build, report);
      if (!pending) this.completeSlots.add(slot.kind);
    }
    return report;
  }

  private renderOptions(): RenderOptions {
    return { timeZone: this.o.timeZone, ...this.o.render };
  }

  /** Claim → build → send → complete for each target. Returns true when some job is not known done yet. */
  private async runJobs(
    kind: JobKind,
    targets: SchedulerTarget[],
    today: string,
    build: (kind: JobKind, target: SchedulerTarget) => Promise<Reply | null>,
    report: RunReport,
  ): Promise<boolean> {
    const { store } = this.o;
    const leaseMs = this.o.leaseMs ?? DEFAULT_LEASE_MS;
    const doneTtl = this.o.doneTtlSec ?? DEFAULT_DONE_TTL_SEC;
    const maxAttempts = this.o.maxAttempts ?? 5;
    let pending = false;
    // Replicas start at different points of the list, so they spread the work instead of racing for the same key.
    const offset = targets.length ? Math.floor(Math.random() * targets.length) : 0;
    const order = [...targets.slice(offset), ...targets.slice(0, offset)];
    let next = 0;

    const worker = async () => {
      while (next < order.length) {
        const target = order[next++] as SchedulerTarget;
        const key = `${kind}:${target.id}:${today}`;
        if (this.doneKeys.has(key)) continue;
        try {
          if (!(await store.claimJob(key, leaseMs, this.owner))) {
            if (await store.isJobDone(key)) this.doneKeys.add(key);
            else pending = true;
            report.skipped.push(key);
            continue;
          }
        } catch (err) {
          pending = true;
          report.failed.push({ key, error: err instanceof Error ? err.message : String(err) });
          continue;
        }
        let reply: Reply | null;
        try {
          reply = await build(kind, target);
        } catch (err) {
          // Reading the ledger failed (store down?): not the message's fault, retried next tick without counting.
          pending = true;
          report.failed.push({ key, error: err instanceof Error ? err.message : String(err) });
          continue;
        }
        try {
          if (reply) await this.o.send(target, reply);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const n = (this.attempts.get(key) ?? 0) + 1;
          this.attempts.set(key, n);
          report.failed.push({ key, error });
          if (n >= maxAttempts) {
            this.logger.error({ key, attempts: n, error }, 'giving up on a scheduled message');
            await store.completeJob(key, doneTtl).catch(() => undefined);
            this.doneKeys.add(key);
          } else {
            // Our lease stays: the next tick (ours, or another replica's once it expires) retries.
            pending = true;
            this.logger.warn({ key, attempt: n, error }, 'scheduled message not delivered; will retry');
          }
          continue;
        }
        // Delivered: never send it again from this replica, even if recording that fails.
        this.doneKeys.add(key);
        (reply ? report.sent : report.empty).push(key);
        try {
          await store.completeJob(key, doneTtl);
        } catch (err) {
          this.logger.error({ key, err: err instanceof Error ? err.message : String(err) }, 'sent, but could not mark the job done');
        }
      }
    };
    const n = Math.max(1, Math.min(this.o.concurrency ?? 2, order.length));
    await Promise.all(Array.from({ length: n }, worker));
    return pending;
  }
}
