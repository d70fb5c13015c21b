import fs from 'node:fs';
import { configSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置有误 (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse settings from an env-like record. Pure: tests pass their own record.
 * Throws ConfigError listing every bad key at once.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

/** Load `.env` (if present, without overriding the real environment) and parse process.env. */
export function loadConfig(envFile = '.env'): Config {
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** Which optional capabilities the config turns on. */
export function capabilities(config: Config) {
  return {
    llm: Boolean(config.OPENAI_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)),
    embeddings: Boolean(config.OPENAI_EMBEDDING_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)),
    redis: Boolean(config.REDIS_URL || config.REDIS_CLUSTER_NODES.length > 0),
    dingtalk: Boolean(config.DINGTALK_CLIENT_ID && config.DINGTALK_CLIENT_SECRET),
    slack: Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET)),
  };
}
