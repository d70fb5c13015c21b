export { configSchema, type Config } from './schema.js';
export { parseConfig, loadConfig, capabilities, ConfigError } from './load.js';
export {
  bindRefusal,
  issueBounds,
  LIMIT_TEXTS,
  teamNameFromTitle,
  validEnterpriseName,
  validTeamName,
} from './limits.js';
export { ADMIN_FORMAT_WARNING, isAdminUser, legacyAdminEntries, type AdminPlatform } from './admins.js';
