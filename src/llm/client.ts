/**
 * The OpenAI-compatible chat client (OpenAI, Qwen/DashScope, DeepSeek, vLLM, Ollama) behind LlmClient.
 * Null when no model is configured: the bot then runs on rules and lexical retrieval only.
 */
import OpenAI, { APIError } from 'openai';
import type { z } from 'zod';
import type { Config } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import { LlmError, type ChatMessage, type LlmClient } from './types.js';
import { startDeadline } from './deadline.js';
import { toLlmError } from './errors.js';
import { parseModelJson, stripThinking } from './json.js';
import { responseFormatFor, toJsonSchema } from './json-schema.js';
import { loadPrompt } from './prompts.js';

type CompletionParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/** Route the SDK's own log lines into pino (never console: CLI stdout carries JSON). */
export function sdkLogger(logger: Logger) {
  const l = logger.child({ component: 'openai' });
  return {
    error: (msg: string, ...rest: unknown[]) => l.error({ detail: rest }, msg),
    warn: (msg: string, ...rest: unknown[]) => l.warn({ detail: rest }, msg),
    info: (msg: string, ...rest: unknown[]) => l.debug({ detail: rest }, msg),
    debug: (msg: string, ...rest: unknown[]) => l.trace({ detail: rest }, msg),
  };
}

export function createOpenAIClient(config: Config, logger: Logger): OpenAI {
  return new OpenAI({
    baseURL: config.OPENAI_BASE_URL,
    // Ollama and vLLM accept any key; the SDK refuses to start without one.
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 1,
    logger: sdkLogger(logger),
    logLevel: 'warn',
  });
}

/**
 * json_object mode: the schema goes into the system message (first; some chat templates reject a
 * system message anywhere else). OpenAI also requires the word "JSON" in the messages.
 */
function withSchemaHint(messages: ChatMessage[], schema: z.ZodType): ChatMessage[] {
  const hint = loadPrompt('json-object-hint', { schema: JSON.stringify(toJsonSchema(schema)) });
  const [first, ...rest] = messages;
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${hint}` }, ...rest];
  return [{ role: 'system', content: hint }, ...messages];
}

export interface LlmClientOptions {
  /** Defaults to config.LLM_STRUCTURED_OUTPUT. */
  structuredMode?: 'json_schema' | 'json_object';
}

export function createLlm(config: Config, logger: Logger, opts: LlmClientOptions = {}): LlmClient | null {
  if (!config.OPENAI_MODEL || !(config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) return null;
  const model: string = config.OPENAI_MODEL;
  const client = createOpenAIClient(config, logger);
  const log = logger.child({ component: 'llm', model });
  const timeoutMs = config.LLM_TIMEOUT_MS;
  const mode = opts.structuredMode ?? config.LLM_STRUCTURED_OUTPUT;

  // Reasoning models (o1/o3 …) reject `temperature` and want `max_completion_tokens`: learnt from the
  // first 400 that says so, then remembered for this client.
  let omitTemperature = false;
  let maxCompletionTokens = false;
  const adapt = (p: Omit<CompletionParams, 'model'>): CompletionParams => {
    const { temperature, max_tokens, ...rest } = p;
    return {
      ...rest,
      ...(temperature !== undefined && !omitTemperature ? { temperature } : {}),
      ...(max_tokens != null ? (maxCompletionTokens ? { max_completion_tokens: max_tokens } : { max_tokens }) : {}),
      model,
      stream: false,
    };
  };
  async function createAdapting(params: Omit<CompletionParams, 'model'>, signal: AbortSignal) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.chat.completions.create(adapt(params), { signal });
      } catch (err) {
        if (attempt >= 2 || !(err instanceof APIError) || err.status !== 400) throw err;
        const msg = err.message;
        if (/temperature/i.test(msg) && params.temperature !== undefined && !omitTemperature) omitTemperature = true;
        else if (/max_tokens/i.test(msg) && params.max_tokens != null && !maxCompletionTokens)
          maxCompletionTokens = true;
        else throw err;
        log.info({ omitTemperature, maxCompletionTokens }, 'model rejected a parameter; adapting');
      }
    }
  }

  async function chat(params: Omit<CompletionParams, 'model'>, signal?: AbortSignal): Promise<string> {
    const deadline = startDeadline(timeoutMs, signal);
    const started = Date.now();
    try {
      const res = await deadline.race(createAdapting(params, deadline.signal));
      const choice = res.choices?.[0];
      const content = choice?.message?.content ?? '';
      log.debug({ ms: Date.now() - started, finish: choice?.finish_reason, usage: res.usage }, 'llm call done');
      if (!content.trim()) {
        const refusal = choice?.message?.refusal;
        throw new LlmError(refusal ? `LLM refused: ${refusal}` : 'LLM returned an empty answer', 'empty');
      }
      return content;
    } catch (err) {
      const e = toLlmError(err, { deadlineHit: deadline.hit, callerAborted: deadline.callerAborted });
      log.debug({ ms: Date.now() - started, reason: e.reason, err: e.message }, 'llm call failed');
      throw e;
    } finally {
      deadline.dispose();
    }
  }

  /** Streaming chat: `onText` gets the accumulated text; resolves with the whole text. */
  async function chatStreaming(
    params: Omit<CompletionParams, 'model'>,
    onText: (textSoFar: string) => void,
    signal?: AbortSignal,
  ): Promise<string> {
    const deadline = startDeadline(timeoutMs, signal);
    const started = Date.now();
    let text = '';
    try {
      const run = async () => {
        const stream = await client.chat.completions.create(
          { ...adapt(params), stream: true },
          { signal: deadline.signal },
        );
        for await (const chunk of stream) {
          const delta = chunk.choices?.[0]?.delta?.content;
          if (!delta) continue;
          text += delta;
          onText(text);
        }
      };
      await deadline.race(run());
      log.debug({ ms: Date.now() - started, chars: text.length }, 'llm streaming call done');
      if (!text.trim()) throw new LlmError('LLM returned an empty answer', 'empty');
      return text;
    } catch (err) {
      if (err instanceof LlmError) throw err;
      const e = toLlmError(err, { deadlineHit: deadline.hit, callerAborted: deadline.callerAborted });
      (e as LlmError & { streamedText?: string }).streamedText = text;
      log.debug({ ms: Date.now() - started, reason: e.reason, err: e.message }, 'llm streaming call failed');
      throw e;
    } finally {
      deadline.dispose();
    }
  }

  return {
    model,

    async complete(messages: ChatMessage[], o = {}): Promise<string> {
      const params = {
        messages,
        ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      };
      if (o.onText) {
        let raw: string | undefined;
        try {
          raw = await chatStreaming(params, o.onText, o.signal);
        } catch (err) {
          // Nothing streamed and the server refused (e.g. a parameter, or no streaming support): once more, plainly.
          const streamed = (err as { streamedText?: string }).streamedText;
          const status = err instanceof LlmError && err.cause instanceof APIError ? err.cause.status : undefined;
          if (status !== 400 || streamed) throw err;
          log.info({ err: (err as Error).message }, 'streaming refused; retrying without streaming');
        }
        if (raw !== undefined) {
          const text = stripThinking(raw);
          if (!text) throw new LlmError('LLM returned only reasoning, no answer', 'empty');
          return text;
        }
      }
      const raw = await chat(
        {
          messages,
          ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
          ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        },
        o.signal,
      );
      const text = stripThinking(raw);
      if (!text) throw new LlmError('LLM returned only reasoning, no answer', 'empty');
      return text;
    },

    async structured<T>(messages: ChatMessage[], schema: z.ZodType<T>, name: string): Promise<T> {
      let raw: string;
      if (mode === 'json_schema') {
        raw = await chat({ messages, response_format: responseFormatFor(schema, name), temperature: 0 });
      } else {
        raw = await chat({
          messages: withSchemaHint(messages, schema),
          response_format: { type: 'json_object' },
          temperature: 0,
        });
      }
      if (!stripThinking(raw)) throw new LlmError('LLM returned only reasoning, no JSON', 'empty');
      let value: unknown;
      try {
        value = parseModelJson(raw);
      } catch (err) {
        throw new LlmError(`LLM output for ${name} is not JSON`, 'invalid_json', { cause: err });
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new LlmError(`LLM output for ${name} does not match the schema: ${issues.join('; ')}`, 'schema', {
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}
