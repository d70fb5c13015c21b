/**
 * Exactly-once jobs across replicas, independent of what the jobs send: claim → build → send → complete.
 *
 * A job is a key (unique per thing-to-send, e.g. `digest:<target>:<YYYY-MM-DD>`) with a build step and a send step.
 * A replica works on a job only after Store.claimJob(key, leaseMs, owner) succeeds, and marks it done with
 * completeJob after the send was accepted. A replica that crashes between claim and send leaves a lease that expires
 * after leaseMs; the next run of any replica then claims the job (no gap). The only duplicate possible is a crash
 * after the send was accepted but before completeJob (a few ms).
 *
 * Build failures (the data could not be read) are retried without counting; send failures count, and after
 * maxAttempts the job is given up (marked done) so one broken target cannot be retried forever.
 */
import type { Logger } from '../observability/logger.js';
import { silentLogger } from '../observability/logger.js';
import type { Store } from '../store/types.js';

export interface Job<T> {
  key: string;
  /** What to send; null: nothing to say (the job is marked done, nothing sent). */
  build(): Promise<T | null>;
  /** Deliver; throwing = not delivered (retried). */
  send(payload: T): Promise<void>;
}

export interface JobsReport {
  /** Keys this replica delivered. */
  sent: string[];
  /** Keys with nothing to say: marked done, nothing sent. */
  empty: string[];
  /** Done already or held by another replica. */
  skipped: string[];
  failed: { key: string; error: string }[];
}

export interface ExactlyOnceOptions {
  store: Pick<Store, 'claimJob' | 'completeJob' | 'isJobDone'>;
  /** This replica's identity in job leases. */
  owner: string;
  /** How long a claimed job is reserved before another replica may take it over. Default 5 min. */
  leaseMs?: number;
  /** How long "done" is remembered. Default 8 days. */
  doneTtlSec?: number;
  /** Jobs run in parallel by one replica. Default 2. */
  concurrency?: number;
  /** Give up on a job after this many failed sends by this replica (it is then marked done). Default 5. */
  maxAttempts?: number;
  logger?: Logger;
  /** Order of the work (tests pass identity); default: a random rotation, so replicas spread out. */
  rotate?: (n: number) => number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_DONE_TTL_SEC = 8 * 86_400;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class ExactlyOnceRunner {
  private readonly logger: Logger;
  /** Keys known done, failed attempts per key (cleared by forget(), e.g. at a new day). */
  private doneKeys = new Set<string>();
  private attempts = new Map<string, number>();

  constructor(private readonly o: ExactlyOnceOptions) {
    this.logger = o.logger ?? silentLogger;
  }

  /** Drop what this replica remembers about earlier keys (they will not come again). */
  forget(): void {
    this.doneKeys = new Set();
    this.attempts = new Map();
  }

  /** Run the jobs; results are appended to `report`. Returns true when some job is not known done yet. */
  async run<T>(jobs: Job<T>[], report: JobsReport): Promise<boolean> {
    const { store } = this.o;
    const leaseMs = this.o.leaseMs ?? DEFAULT_LEASE_MS;
    const doneTtl = this.o.doneTtlSec ?? DEFAULT_DONE_TTL_SEC;
    const maxAttempts = this.o.maxAttempts ?? 5;
    let pending = false;
    // Replicas start at different points of the list, so they spread the work instead of racing for the same key.
    const offset = jobs.length
      ? (this.o.rotate ?? ((n) => Math.floor(Math.random() * n)))(jobs.length) % jobs.length
      : 0;
    const order = [...jobs.slice(offset), ...jobs.slice(0, offset)];
    let next = 0;

    const worker = async () => {
      while (next < order.length) {
        const job = order[next++] as Job<T>;
        const { key } = job;
        if (this.doneKeys.has(key)) continue;
        try {
          if (!(await store.claimJob(key, leaseMs, this.o.owner))) {
            if (await store.isJobDone(key)) this.doneKeys.add(key);
            else pending = true;
            report.skipped.push(key);
            continue;
          }
        } catch (err) {
          pending = true;
          report.failed.push({ key, error: message(err) });
          continue;
        }
        let payload: T | null;
        try {
          payload = await job.build();
        } catch (err) {
          // Reading the data failed (store down?): not the job's fault, retried next run without counting.
          pending = true;
          report.failed.push({ key, error: message(err) });
          continue;
        }
        try {
          if (payload !== null) await job.send(payload);
        } catch (err) {
          const error = message(err);
          const n = (this.attempts.get(key) ?? 0) + 1;
          this.attempts.set(key, n);
          report.failed.push({ key, error });
          if (n >= maxAttempts) {
            this.logger.error({ key, attempts: n, error }, 'giving up on a scheduled message');
            await store.completeJob(key, doneTtl).catch(() => undefined);
            this.doneKeys.add(key);
          } else {
            // Our lease stays: the next run (ours, or another replica's once it expires) retries.
            pending = true;
            this.logger.warn({ key, attempt: n, error }, 'scheduled message not delivered; will retry');
          }
          continue;
        }
        // Delivered: never send it again from this replica, even if recording that fails.
        this.doneKeys.add(key);
        (payload !== null ? report.sent : report.empty).push(key);
        try {
          await store.completeJob(key, doneTtl);
        } catch (err) {
          this.logger.error({ key, err: message(err) }, 'sent, but could not mark the job done');
        }
      }
    };
    const n = Math.max(1, Math.min(this.o.concurrency ?? 2, order.length));
    await Promise.all(Array.from({ length: n }, worker));
    return pending;
  }
}
