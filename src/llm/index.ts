export { LlmError, type ChatMessage, type LlmClient, type Embedder } from './types.js';
export { loadPrompt } from './prompts.js';
export { createLlm, createOpenAIClient, type LlmClientOptions } from './client.js';
export { createEmbedder, type EmbedderOptions } from './embedder.js';
export { stripThinking, stripFences, parseModelJson } from './json.js';
export { responseFormatFor, toJsonSchema } from './json-schema.js';
