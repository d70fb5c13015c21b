/**
 * Reply progress: an optional side channel from a handler to the adapter that will show its reply, for
 * platforms that can show an answer while it is being written (DingTalk AI cards). The adapter runs the
 * pipeline inside `withReplyProgress(listener, …)`; code deep in the answer path calls `replyProgress()`
 * and reports. Outside such a run (CLI, eval, console, Slack) `replyProgress()` is undefined and nothing
 * changes. The final Reply returned by the pipeline stays the single source of truth: progress only
 * previews it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ReplyProgress {
  /** A long answer has started (policy answer): show a "processing" state now. Called at most once per run. */
  begin(): void;
  /** The answer's full text so far (not a delta), as it is being generated. */
  update(textSoFar: string): void;
}

const storage = new AsyncLocalStorage<ReplyProgress>();

/** Run `fn` with `listener` receiving the progress of the reply being produced. */
export function withReplyProgress<T>(listener: ReplyProgress, fn: () => T): T {
  return storage.run(listener, fn);
}

/** The listener of the current run, if an adapter asked for progress. */
export function replyProgress(): ReplyProgress | undefined {
  return storage.getStore();
}
