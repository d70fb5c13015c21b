export type { Turn, AnswerDeps, AnswerOptions, AnswerResult, AnswerMode, Passage } from './types.js';
export { answerQuestion, biasToDocs } from './answer-question.js';
export { extractiveAnswer, bestQuote, type ExtractiveAnswer, type ExtractiveOptions } from './extractive.js';
export { groundedAnswer, answerMessages, leaksPrompt, type GroundedOutcome } from './grounded.js';
export { parseMarkers, validateCitations, citationFor, type Marker, type ValidatedAnswer } from './citations.js';
export { numberPassages, formatPassages, neutralizeTags } from './passages.js';
export { NOT_FOUND_LEAD, notFoundText, nearestTopics, saysNotFound } from './not-found.js';
export { isFollowUp, ruleRewrite, llmRewrite, standaloneQuery, type Rewritten } from './followup.js';
export {
  loadHistory,
  saveTurn,
  summarize,
  askSessionKey,
  askSessionSchema,
  MAX_TURNS,
  type AskSession,
} from './session.js';
export { questionKind, type QuestionKind } from './question-kind.js';
export { splitSentences, tidy } from './text.js';
