import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createEmbedder, createLlm, LlmError, type LlmClient } from '../../src/llm/index.js';
import { startFakeOpenAI, fakeEmbedding, type FakeOpenAI } from '../helpers/fake-openai.js';

let fake: FakeOpenAI;
/** Generous for requests that should succeed (a busy machine must not turn them into timeouts). */
const TIMEOUT = 10_000;
/** Short, for the requests that are meant to time out. */
const SHORT = '400';

function llm(extra: Record<string, string> = {}): LlmClient {
  const c = createLlm(parseConfig({ ...fake.env, LLM_TIMEOUT_MS: String(TIMEOUT), ...extra }), silentLogger);
  if (!c) throw new Error('expected an LLM client');
  return c;
}

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmError);
    return (e as LlmError).reason;
  }
  throw new Error('expected a rejection');
}

const Answer = z.object({ kind: z.enum(['visit', 'issue']), items: z.array(z.string()).max(3) });

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe('createLlm', () => {
  it('is null without a model or endpoint', () => {
    expect(createLlm(parseConfig({}), silentLogger)).toBeNull();
    expect(createLlm(parseConfig({ OPENAI_MODEL: 'm' }), silentLogger)).toBeNull();
    expect(createLlm(parseConfig({ OPENAI_BASE_URL: fake.url }), silentLogger)).toBeNull();
  });

  it('sends the model, messages and key, and returns the text without <think> blocks', async () => {
    fake.enqueue({ content: '<think>先想一想……</think>\n\n答案是42。' });
    const out = await llm().complete([{ role: 'user', content: '问题' }], { temperature: 0.1, maxTokens: 50 });
    expect(out).toBe('答案是42。');
    const [req] = fake.chatRequests();
    expect(req!.body.model).toBe('fake-chat');
    expect(req!.body.messages).toEqual([{ role: 'user', content: '问题' }]);
    expect(req!.body.temperature).toBe(0.1);
    expect(req!.body.max_tokens).toBe(50);
    expect(req!.headers.authorization).toBe('Bearer sk-fake');
  });

  it('works without an API key (Ollama / vLLM)', async () => {
    const c = createLlm(parseConfig({ OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'qwen2.5' }), silentLogger)!;
    fake.enqueue({ content: 'ok' });
    expect(await c.complete([{ role: 'user', content: 'x' }])).toBe('ok');
    expect(fake.chatRequests()[0]!.headers.authorization).toBe('Bearer not-needed');
  });

  it('times out at LLM_TIMEOUT_MS overall, even with a retry', { timeout: 20_000 }, async () => {
    fake.enqueue({ hang: true }, { hang: true });
    const started = Date.now();
    expect(await reason(llm({ LLM_TIMEOUT_MS: '3000' }).complete([{ role: 'user', content: 'x' }]))).toBe('timeout');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2980);
    // Bounded by the deadline: per-attempt timeouts plus a retry would take ≥ 2 × 3000 ms + back-off. The margin
    // (2.5 s) is wide so a busy machine's scheduling delays cannot fail it.
    expect(elapsed).toBeLessThan(5500);
  });

  it('maps HTTP errors to reason "http" after one retry', async () => {
    fake.setDefault({ status: 500 });
    expect(await reason(llm({ LLM_TIMEOUT_MS: '5000' }).complete([{ role: 'user', content: 'x' }]))).toBe('http');
    expect(fake.chatRequests()).toHaveLength(2);
    fake.reset();
    fake.enqueue({ status: 400, errorMessage: 'bad request' });
    expect(await reason(llm().complete([{ role: 'user', content: 'x' }]))).toBe('http');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('recovers when the retry succeeds', async () => {
    fake.enqueue({ status: 503 }, { content: '好的' });
    expect(await llm({ LLM_TIMEOUT_MS: '5000' }).complete([{ role: 'user', content: 'x' }])).toBe('好的');
  });

  it('adapts to reasoning models that reject temperature / max_tokens', async () => {
    fake.onRequest((req) => {
      if (!req.path.endsWith('/chat/completions')) return undefined;
      if (req.body.temperature !== undefined)
        return { status: 400, errorMessage: "Unsupported parameter: 'temperature' is not supported with this model." };
      if (req.body.max_tokens !== undefined)
        return {
          status: 400,
          errorMessage: "Unsupported parameter: 'max_tokens'. Use 'max_completion_tokens' instead.",
        };
      return { content: '好' };
    });
    const c = llm();
    expect(await c.complete([{ role: 'user', content: 'x' }], { temperature: 0.1, maxTokens: 20 })).toBe('好');
    expect(fake.chatRequests().at(-1)!.body.max_completion_tokens).toBe(20);
    const before = fake.chatRequests().length;
    // Remembered: the next call goes through at once.
    expect(await c.complete([{ role: 'user', content: 'y' }], { temperature: 0.1, maxTokens: 20 })).toBe('好');
    expect(fake.chatRequests().length).toBe(before + 1);
  });

  it('maps an empty answer or reasoning-only answer to "empty"', async () => {
    fake.enqueue({ content: '' });
    expect(await reason(llm().complete([{ role: 'user', content: 'x' }]))).toBe('empty');
    fake.enqueue({ content: '<think>我还没想完' });
    expect(await reason(llm().complete([{ role: 'user', content: 'x' }]))).toBe('empty');
  });

  it('maps a 200 with a body that is not JSON to an LlmError', async () => {
    fake.enqueue({ rawBody: '{"id": "x", "choices": [' });
    expect(await reason(llm().complete([{ role: 'user', content: 'x' }]))).toBe('http');
  });
});

describe('structured output', () => {
  it('json_schema: sends a strict schema and validates the reply', async () => {
    fake.enqueue({ content: '{"kind":"visit","items":["a","b"]}' });
    const out = await llm().structured([{ role: 'user', content: '抽取' }], Answer, 'status update');
    expect(out).toEqual({ kind: 'visit', items: ['a', 'b'] });
    const rf = fake.chatRequests()[0]!.body.response_format;
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.name).toBe('status_update');
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.schema.properties.kind.enum).toEqual(['visit', 'issue']);
  });

  it('schemas with optional fields still get a (non-strict) JSON schema', async () => {
    const S = z.object({ a: z.string(), b: z.number().optional(), c: z.string().transform((s) => s.length) });
    fake.enqueue({ content: '{"a":"x","c":"abc"}' });
    expect(await llm().structured([{ role: 'user', content: 'x' }], S, 'opt')).toEqual({ a: 'x', c: 3 });
    const rf = fake.chatRequests()[0]!.body.response_format;
    expect(rf.json_schema.strict).toBe(false);
    expect(rf.json_schema.schema.required).toEqual(['a', 'c']);
  });

  it('strips <think> and ```json fences before parsing', async () => {
    fake.enqueue({ content: '<think>嗯</think>\n```json\n{"kind":"issue","items":[]}\n```' });
    expect(await llm().structured([{ role: 'user', content: 'x' }], Answer, 'a')).toEqual({ kind: 'issue', items: [] });
  });

  it('invalid JSON → LlmError invalid_json', async () => {
    fake.enqueue({ content: '{"kind": "visit", items: [' });
    expect(await reason(llm().structured([{ role: 'user', content: 'x' }], Answer, 'a'))).toBe('invalid_json');
  });

  it('schema-violating JSON → LlmError schema', async () => {
    fake.enqueue({ content: '{"kind":"meeting","items":["a","b","c","d"]}' });
    expect(await reason(llm().structured([{ role: 'user', content: 'x' }], Answer, 'a'))).toBe('schema');
  });

  it('json_object mode: asks for a JSON object and puts the schema in the prompt', async () => {
    fake.enqueue({ content: '{"kind":"visit","items":[]}' });
    const c = llm({ LLM_STRUCTURED_OUTPUT: 'json_object' });
    expect(await c.structured([{ role: 'user', content: '抽取' }], Answer, 'a')).toEqual({ kind: 'visit', items: [] });
    const body = fake.chatRequests()[0]!.body;
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('JSON');
    expect(body.messages[0].content).toContain('"visit"');

    // An existing system message is extended, not followed by a second one.
    fake.enqueue({ content: '{"kind":"issue","items":[]}' });
    await c.structured(
      [
        { role: 'system', content: '你是抽取器。' },
        { role: 'user', content: '抽取' },
      ],
      Answer,
      'a',
    );
    const msgs = fake.chatRequests()[1]!.body.messages;
    expect(msgs).toHaveLength(2);
    expect(msgs[0].content.startsWith('你是抽取器。')).toBe(true);
    expect(msgs[0].content).toContain('"issue"');
  });

  it('structured calls time out like plain ones', async () => {
    fake.enqueue({ hang: true }, { hang: true });
    expect(await reason(llm({ LLM_TIMEOUT_MS: SHORT }).structured([{ role: 'user', content: 'x' }], Answer, 'a'))).toBe(
      'timeout',
    );
  });
});

describe('createEmbedder', () => {
  it('is null without an embedding model', () => {
    expect(createEmbedder(parseConfig({ OPENAI_BASE_URL: fake.url }))).toBeNull();
  });

  it('embeds in batches, keeping input order, asking for floats', async () => {
    const e = createEmbedder(parseConfig(fake.env), { batchSize: 2 })!;
    const texts = ['组团联企', '融资难', '', '人才公寓', '用地指标'];
    const out = await e.embed(texts);
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual(fakeEmbedding('组团联企').map((x) => expect.closeTo(x, 5)));
    expect(out[4]).toEqual(fakeEmbedding('用地指标').map((x) => expect.closeTo(x, 5)));
    const reqs = fake.embeddingRequests();
    expect(reqs.map((r) => r.body.input.length)).toEqual([2, 2, 1]);
    expect(reqs[0]!.body.encoding_format).toBe('float');
    expect(reqs[1]!.body.input[0]).toBe(' ');
  });

  it('maps embedding HTTP failures to LlmError', async () => {
    fake.onRequest((r) => (r.path.endsWith('/embeddings') ? { status: 401 } : undefined));
    const e = createEmbedder(parseConfig(fake.env))!;
    expect(await reason(e.embed(['x']))).toBe('http');
  });
});
