/** The liaison ledger: domain model, chat-command parsing, the service, teams import. */
export * from './model.js';
export * from './commands.js';
export { resolveDeadline, findDeadline, formatDateTime } from './deadlines.js';
export { parseTeamsCsv, parseCsv, splitEnterpriseList, type TeamsCsvResult } from './teams-csv.js';
export * from './service/index.js';
