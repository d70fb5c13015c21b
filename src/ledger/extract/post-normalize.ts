/**
 * Clean an extraction that came from a model: ids as Q-NNNN and only when the message has one,
 * department synonyms, enterprise abbreviations and typos, dates that are real and not in the
 * future, empty summaries, and the not_update shape. Throws (zod) if the result is still invalid.
 */
import { extractionSchema, type Extraction } from '../model.js';
import { normalizeDepartment } from '../lexicon/departments.js';
import { isValidDay } from './event-dates.js';
import { enterpriseMatcher } from './enterprise.js';
import { foldWidth, trimPunct } from './normalize.js';
import { findRefs, normalizeRef } from './ref.js';
import type { ExtractContext } from './types.js';

export function postNormalize(raw: Extraction, text: string, ctx: ExtractContext): Extraction {
  const folded = foldWidth(text);
  const refsInText = findRefs(folded);
  const known = [...(ctx.teamEnterprises ?? []), ...(ctx.knownEnterprises ?? [])];
  const canonical = (name: string | null | undefined) => {
    const n = name?.trim() || null;
    return n ? (enterpriseMatcher(known, ctx.teamEnterprises ?? []).canonical(n) ?? n) : null;
  };
  if (raw.kind === 'not_update') {
    const q = raw.question;
    const question = q
      ? {
          kind: q.kind,
          ref:
            refsInText.find((r) => r.ref === (q.ref ? normalizeRef(q.ref) : null))?.ref ?? refsInText[0]?.ref ?? null,
          enterprise: canonical(q.enterprise),
          category: q.category,
        }
      : null;
    return extractionSchema.parse({
      kind: 'not_update',
      enterprise: null,
      date: null,
      issues: [],
      ref: null,
      question,
    });
  }

  // A ref must come from the message; the model's own spelling is only used to pick among several.
  const modelRef = raw.ref ? normalizeRef(raw.ref) : null;
  const ref = refsInText.length ? (refsInText.find((r) => r.ref === modelRef)?.ref ?? refsInText[0]!.ref) : null;

  const enterprise = canonical(raw.enterprise);

  const date = raw.date && isValidDay(raw.date) && raw.date <= ctx.today ? raw.date : null;

  const issues = raw.issues.map((i) => {
    const dept = i.department?.trim() ? normalizeDepartment(i.department) : null;
    const summary = trimPunct(i.summary ?? '').slice(0, 60) || trimPunct(folded).slice(0, 30);
    const own = i.enterprise !== undefined ? { enterprise: canonical(i.enterprise) } : {};
    // an issue's own id, when the model gives one, must be one of the message's
    const itemRef = i.ref ? refsInText.find((r) => r.ref === normalizeRef(i.ref as string))?.ref : undefined;
    return {
      category: i.category,
      summary,
      department: dept,
      status: i.status,
      ...own,
      ...(itemRef ? { ref: itemRef } : {}),
    };
  });

  return extractionSchema.parse({ kind: raw.kind, enterprise, date, issues, ref, question: null });
}
