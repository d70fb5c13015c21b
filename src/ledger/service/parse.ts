/**
 * The parser seam: the LLM when configured (extractUpdateSmart falls back to the rules on any failure
 * or timeout, so a report is never lost to a model hiccup), else the rules.
 */
import type { LlmClient } from '../../llm/types.js';
import type { Logger } from '../../observability/logger.js';
import { extractUpdateSmart } from '../extract/index.js';
import type { Extraction } from '../model.js';

export interface ParseContext {
  today: string;
  teamEnterprises: string[];
  knownEnterprises: string[];
  /** What an LLM prompt may list besides the team's own names (never other teams' bound names). */
  promptEnterprises?: string[];
}

export function parseUpdate(text: string, ctx: ParseContext, llm: LlmClient | null, logger: Logger): Promise<Extraction> {
  return extractUpdateSmart(text, ctx, llm, logger);
}
