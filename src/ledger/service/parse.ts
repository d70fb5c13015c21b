/**
 * The parser seam: the LLM when configured (extractUpdateSmart falls back to the rules on any failure
 * or timeout, so a report is never lost to a model hiccup), else the rules.
 */
import type { LlmClient } from '../../llm/types.js';
import type { Logger } from '../../observability/logger.js';
import { extractUpdate, extractUpdateWithLlm } from '../extract/index.js';
import type { Extraction } from '../model.js';

export interface ParseContext {
  today: string;
  teamEnterprises: string[];
  knownEnterprises: string[];
  /** What an LLM prompt may list besides the team's own names (never other teams' bound names). */
  promptEnterprises?: string[];
}

/** `rules`: a rule parse of the same text with the same context, already made (by the router): reused, not redone. */
export async function parseUpdate(
  text: string,
  ctx: ParseContext,
  llm: LlmClient | null,
  logger: Logger,
  rules?: Extraction,
): Promise<Extraction> {
  if (!llm) return rules ?? extractUpdate(text, ctx);
  try {
    return await extractUpdateWithLlm(text, ctx, llm);
  } catch (err) {
    const e = err as Error & { reason?: string };
    logger.warn({ reason: e.reason ?? e.name, err: e.message }, 'LLM extraction failed; using rules');
    return rules ?? extractUpdate(text, ctx);
  }
}
