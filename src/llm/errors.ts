/** Map whatever the openai SDK (or our deadline) throws onto LlmError reasons. */
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmError } from './types.js';

export function toLlmError(err: unknown, ctx: { deadlineHit: boolean; callerAborted: boolean }): LlmError {
  if (err instanceof LlmError) return err;
  if (ctx.deadlineHit || err instanceof APIConnectionTimeoutError) {
    return new LlmError('LLM request timed out', 'timeout', { cause: err });
  }
  if (err instanceof APIUserAbortError || ctx.callerAborted) {
    return new LlmError('LLM request aborted', 'other', { cause: err });
  }
  if (err instanceof APIError) {
    const status = err.status === undefined ? 'connection' : `HTTP ${err.status}`;
    return new LlmError(`LLM request failed (${status})`, 'http', { cause: err });
  }
  if (err instanceof SyntaxError) {
    // The server answered 200 with a body that is not JSON at the protocol level.
    return new LlmError('LLM server sent an unreadable response', 'http', { cause: err });
  }
  return new LlmError(`LLM request failed: ${err instanceof Error ? err.message : String(err)}`, 'other', {
    cause: err,
  });
}
