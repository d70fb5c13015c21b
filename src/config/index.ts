export { configSchema, type Config } from './schema.js';
export { parseConfig, loadConfig, capabilities, ConfigError } from './load.js';
export { bindRefusal, issueBounds, LIMIT_TEXTS, teamNameFromTitle, validEnterpriseName, validTeamName } from './limits.js';
