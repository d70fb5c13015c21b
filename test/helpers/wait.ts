/**
 * Bounded waits in tests: every helper that waits for something to happen (fake platforms, fleet) allows at least
 * MIN_WAIT_MS before it fails. Passing runs finish as soon as the condition holds, so a generous bound costs nothing
 * on a quiet machine and keeps the suite green on a busy CI runner (load average ≫ cores). ZCT_TEST_WAIT_MS overrides.
 */
export const MIN_WAIT_MS = Number(process.env.ZCT_TEST_WAIT_MS ?? 15_000);

/** The bound to use for a wait that asked for `ms`. */
export function bounded(ms?: number): number {
  return Math.max(ms ?? 0, MIN_WAIT_MS);
}
