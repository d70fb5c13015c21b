/** The ledger service: status updates → issue ledger, chat commands, and the data API for digest/CLI. */
export { LedgerService, type BindTarget } from './ledger-service.js';
export type { LedgerDeps, LedgerOptions, MessageContext } from './context.js';
export { isAdminGroup } from './context.js';
export { ageDays, overdueDays, renderIssue, renderIssueList } from './render-ledger.js';
export { recordViewSchema, renderRecord, type RecordView } from './view.js';
export { draftKey, type Draft } from './sessions.js';
export type { DraftReply } from './report-flow.js';
export type { Preloaded } from './context.js';
export { TEXTS as LEDGER_TEXTS, helpLines as ledgerHelpLines } from './texts.js';
export { transition, STATUS_RANK, type Change } from './transitions.js';
export { bestQuote, policyGift } from './policy-gift.js';
export { teamNamed } from './command-flow.js';
