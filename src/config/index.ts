export { configSchema, type Config } from './schema.js';
export { parseConfig, loadConfig, capabilities, ConfigError } from './load.js';
