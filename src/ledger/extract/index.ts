/** Understanding status-update messages: rules (no LLM) and the LLM variant with rule fallback. */
export { extractUpdate, extractUpdateByRules } from './extract.js';
export type { ExtractContext } from './types.js';
export { findRefs, normalizeRef, type RefHit } from './ref.js';
export { findDates, resolveEventDate, isValidDay, addDays, type DateHit } from './event-dates.js';
export {
  enterpriseMatcher,
  findEnterprises,
  withTradeReferences,
  type EnterpriseHit,
  type EnterpriseMatcher,
} from './enterprise.js';
export { findDepartments, handlerDepartment, type DepartmentMention, type DepartmentRole } from './department.js';
export { categorize, scoreCategories } from './category.js';
export { findStatuses } from './status.js';
export {
  compareExtraction,
  scoreExtractions,
  SCORED_FIELDS,
  type ScoredField,
  type EvalCase,
  type EvalReport,
} from './score.js';
export {
  extractUpdateWithLlm,
  extractUpdateSmart,
  extractUpdateSmartWithSource,
  extractionPrompt,
  type SmartOptions,
  type ExtractionSource,
} from './llm.js';
export { postNormalize } from './post-normalize.js';
export { checkExtraction, confidenceOf, isKnownDepartment, CONFIDENT, REASON_WEIGHT } from './confidence.js';
