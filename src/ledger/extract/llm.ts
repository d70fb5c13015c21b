/**
 * Structured extraction with an OpenAI-compatible model (prompts/extract-update.md), normalised
 * and validated; `extractUpdateSmart` falls back to the rules on any failure, so an invalid model
 * answer never reaches the ledger.
 */
import { z } from 'zod';
import { extractionCoreSchema, questionSchema, type Extraction } from '../model.js';
import { CATEGORY_DESCRIPTIONS } from '../lexicon/categories.js';
import { DEPARTMENTS } from '../lexicon/departments.js';
import { checkExtraction } from './confidence.js';
import { loadPrompt } from '../../llm/prompts.js';
import type { LlmClient } from '../../llm/types.js';
import { cnWeekdayLong } from '../../time/index.js';
import type { Logger } from '../../observability/logger.js';
import { extractUpdate } from './extract.js';
import { postNormalize } from './post-normalize.js';
import type { ExtractContext } from './types.js';

/** The delimiting tags of the user turn; a message cannot close or open one of them. */
const DATA_TAGS = /<\/?\s*(?:message|team_enterprises|known_enterprises)\s*>/gi;

/** The user turn: the team's own enterprises, the deployment's names and the message, each as delimited data. */
export function extractionInput(text: string, ctx: ExtractContext): string {
  const list = (xs: string[] | undefined) =>
    xs?.length ? xs.map((x) => x.replace(DATA_TAGS, '')).join('\n') : '（无）';
  return [
    `<team_enterprises>\n${list(ctx.teamEnterprises)}\n</team_enterprises>`,
    `<known_enterprises>\n${list(ctx.promptEnterprises ?? ctx.knownEnterprises)}\n</known_enterprises>`,
    `<message>\n${text.replace(DATA_TAGS, '')}\n</message>`,
  ].join('\n');
}

/** What the model is asked for: the contract shape plus a question signal (confidence is computed, not asked). */
const llmExtractionSchema = extractionCoreSchema.extend({
  // the id is taken from the message afterwards (postNormalize): any spelling is accepted here
  question: questionSchema.extend({ ref: z.string().nullable() }).nullable().optional(),
});

/** The category list and descriptions, from the lexicon (one place to add a category). */
function categoryLines(): string {
  return Object.entries(CATEGORY_DESCRIPTIONS)
    .map(([name, desc]) => `  - ${name}: ${desc}.`)
    .join('\n');
}

/** The known departments, from the lexicon: short name ← aliases and stems. */
function departmentLines(): string {
  return DEPARTMENTS.map((d) => {
    const others = [...d.aliases, ...(d.stems ?? [])].filter((a) => a !== d.name);
    return `  - ${d.name}${others.length ? ` ← ${others.join('、')}` : ''}`;
  }).join('\n');
}

export function extractionPrompt(ctx: ExtractContext): string {
  return loadPrompt('extract-update', {
    today: ctx.today,
    weekday: cnWeekdayLong(ctx.today),
    category_names: Object.keys(CATEGORY_DESCRIPTIONS).join(' | '),
    categories: categoryLines(),
    departments: departmentLines(),
  });
}

/** Ask the model; throws LlmError (timeout, HTTP, invalid JSON, schema) or a zod error after normalising. */
export async function extractUpdateWithLlm(text: string, ctx: ExtractContext, llm: LlmClient): Promise<Extraction> {
  const raw = await llm.structured(
    [
      { role: 'system', content: extractionPrompt(ctx) },
      { role: 'user', content: extractionInput(text, ctx) },
    ],
    llmExtractionSchema,
    'status_update',
  );
  const normalised = postNormalize(raw, text, ctx);
  // The model decides; the same checks as the rules' decide how sure the result is.
  const corrected = (raw.ref ?? null) !== normalised.ref || (raw.date ?? null) !== normalised.date;
  return checkExtraction(normalised, text, corrected, [
    ...(ctx.teamEnterprises ?? []),
    ...(ctx.knownEnterprises ?? []),
  ]);
}

export interface SmartOptions {
  /** Give up on the model after this long (on top of the client's own LLM_TIMEOUT_MS). */
  timeoutMs?: number;
}

export type ExtractionSource = 'llm' | 'rules';

/** The model's extraction when it answers validly in time, else the rule-based one. Never throws. */
export async function extractUpdateSmart(
  text: string,
  ctx: ExtractContext,
  llm: LlmClient | null,
  logger: Logger,
  opts: SmartOptions = {},
): Promise<Extraction> {
  return (await extractUpdateSmartWithSource(text, ctx, llm, logger, opts)).extraction;
}

/** Like extractUpdateSmart, and says which path produced the result. */
export async function extractUpdateSmartWithSource(
  text: string,
  ctx: ExtractContext,
  llm: LlmClient | null,
  logger: Logger,
  opts: SmartOptions = {},
): Promise<{ extraction: Extraction; source: ExtractionSource }> {
  if (!llm) return { extraction: extractUpdate(text, ctx), source: 'rules' };
  let timer: NodeJS.Timeout | undefined;
  try {
    const call = extractUpdateWithLlm(text, ctx, llm);
    call.catch(() => undefined); // a late failure after the timeout must not surface as unhandled
    const extraction = opts.timeoutMs
      ? await Promise.race([
          call,
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`extraction timed out after ${opts.timeoutMs} ms`)),
              opts.timeoutMs,
            );
            timer.unref?.();
          }),
        ])
      : await call;
    return { extraction, source: 'llm' };
  } catch (err) {
    const e = err as Error & { reason?: string };
    logger.warn({ reason: e.reason ?? e.name, err: e.message }, 'LLM extraction failed; using rules');
    return { extraction: extractUpdate(text, ctx), source: 'rules' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
