/**
 * Free text → policy question, status update, or unsure. Rules by default (the status-update parser
 * plus question cues); with an LLM configured, the model decides when the rules disagree.
 */
import { z } from 'zod';
import { extractUpdate } from '../src/ledger/extract/index.js';
import type { Extraction } from '../src/ledger/model.js';
import { loadPrompt } from '../src/llm/prompts.js';
import type { LlmClient } from '../src/llm/types.js';
import type { Logger } from '../src/observability/logger.js';
import { localDate } from '../src/time/index.js';
import type { FreeTextIntent } from './router.js';

export type { FreeTextIntent };

const QUESTION_CUE = /[?？]|吗|什么|哪些|哪个|哪几|哪三|哪两|怎么|怎样|如何|多少|几个|几条|几项|是否|能否|可否|为什么|啥|咋|请问|有没有|要求|条件|原则|规定|办法|政策/;

/** Words that only status reports use; a parse without them or any other ledger detail is too thin to record. */
const REPORT_WORDS = /企业|公司|厂|反映|诉求|走访|回访|调研|交办|对接|协调|办结|销号|解决|到账|放款/;

/** Does the parse carry anything a ledger entry is made of? */
function hasLedgerEvidence(e: Extraction, text: string): boolean {
  if (e.kind === 'not_update') return false;
  if (e.ref || e.kind === 'visit' || REPORT_WORDS.test(text)) return true;
  return e.issues.some((i) => i.category !== '其他' || i.department !== null || i.status !== 'open');
}

/** `parse`: the router's parse of the text (with the team's names); parsed here without context when absent. */
export function classifyByRules(text: string, today: string, parse?: Extraction): { intent: FreeTextIntent; reportish: boolean; questionish: boolean } {
  const reportish = hasLedgerEvidence(parse ?? extractUpdate(text, { today }), text);
  const questionish = QUESTION_CUE.test(text);
  if (reportish && !questionish) return { intent: 'report', reportish, questionish };
  if (!reportish && questionish) return { intent: 'ask', reportish, questionish };
  if (!reportish && !questionish) {
    // A bare noun phrase ("专班组建原则") is a lookup; anything long and narrative is unclear.
    return { intent: text.length <= 40 ? 'ask' : 'unsure', reportish, questionish };
  }
  // Both: a report that mentions a question word ("企业问能否申请补助，已交办") is still a report
  // when it names an issue id or a status verb; otherwise ask the user.
  return { intent: /Q-?\d{2,}|已交办|已办结|已解决|走访|销号/i.test(text) ? 'report' : 'unsure', reportish, questionish };
}

const llmVerdict = z.object({ intent: z.enum(['ask', 'report', 'unsure']) });

export async function classifyFreeText(
  text: string,
  deps: { llm: LlmClient | null; logger: Logger; now: Date; timeZone: string },
  parse?: Extraction,
): Promise<FreeTextIntent> {
  const rules = classifyByRules(text, localDate(deps.now, deps.timeZone), parse);
  if (rules.intent !== 'unsure' || !deps.llm) return rules.intent;
  try {
    const verdict = await deps.llm.structured(
      [
        { role: 'system', content: loadPrompt('classify-intent') },
        { role: 'user', content: text },
      ],
      llmVerdict,
      'intent',
    );
    return verdict.intent;
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'intent classification by LLM failed; asking the user');
    return 'unsure';
  }
}
