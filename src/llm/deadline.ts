/**
 * An overall deadline for one LLM call, retries included. The SDK's own `timeout` is per attempt
 * and its retry back-off sleep is not abortable, so the deadline races the call as well as
 * aborting it.
 */
import { LlmError } from './types.js';

export interface Deadline {
  signal: AbortSignal;
  readonly hit: boolean;
  readonly callerAborted: boolean;
  /** Resolve with the call, or reject with LlmError('timeout') at the deadline. */
  race<T>(p: Promise<T>): Promise<T>;
  dispose(): void;
}

export function startDeadline(ms: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let hit = false;
  let callerAborted = false;
  let rejectRace: ((e: unknown) => void) | null = null;

  const timer = setTimeout(() => {
    hit = true;
    controller.abort(new LlmError(`LLM request timed out after ${ms} ms`, 'timeout'));
    rejectRace?.(new LlmError(`LLM request timed out after ${ms} ms`, 'timeout'));
  }, ms);
  timer.unref?.();

  const onCallerAbort = () => {
    callerAborted = true;
    controller.abort(callerSignal?.reason);
    rejectRace?.(new LlmError('LLM request aborted', 'other'));
  };
  if (callerSignal) {
    if (callerSignal.aborted) onCallerAbort();
    else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  }

  return {
    signal: controller.signal,
    get hit() {
      return hit;
    },
    get callerAborted() {
      return callerAborted;
    },
    race<T>(p: Promise<T>): Promise<T> {
      const guard = new Promise<never>((_, reject) => {
        rejectRace = reject;
        if (hit) reject(new LlmError(`LLM request timed out after ${ms} ms`, 'timeout'));
        else if (callerAborted) reject(new LlmError('LLM request aborted', 'other'));
      });
      // The losing promise's rejection must not surface as unhandled.
      p.catch(() => undefined);
      return Promise.race([p, guard]);
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
