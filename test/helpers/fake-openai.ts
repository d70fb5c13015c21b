/**
 * A local fake of the OpenAI HTTP API (chat completions + embeddings), for tests that drive the REAL
 * `openai` client. Listens on 127.0.0.1, port 0. Scriptable per test:
 *
 *   const fake = await startFakeOpenAI();
 *   const config = parseConfig({ ...fake.env, LLM_TIMEOUT_MS: '800' });
 *   fake.enqueue({ content: '答案[1]' });            // next chat completion answers this
 *   fake.enqueue({ status: 500 }, { hang: true });    // then a 500, then a request that never answers
 *   fake.onRequest((req) => req.path.endsWith('/chat/completions') ? { content: '…' } : undefined);
 *   fake.requests / fake.chatRequests()               // what the client sent (parsed JSON bodies)
 *   await fake.close();
 *
 * Chat replies come from, in order: the onRequest handler (if it returns a reply), the FIFO queue,
 * the default (setDefault). With none of them, a chat request gets HTTP 500 "no scripted reply" so a
 * missing script fails loudly. Embeddings default to deterministic hashed character-bigram vectors
 * (similar texts → similar vectors), so dense retrieval can be tested without scripting.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  /** Assistant message content (chat completions). */
  content?: string;
  /** `reasoning_content` field (DeepSeek-style), sent alongside content. */
  reasoningContent?: string;
  /** `finish_reason` (default "stop"). */
  finishReason?: string;
  /** HTTP status (default 200). A non-2xx status sends an OpenAI-style `{error:{…}}` body. */
  status?: number;
  /** Error message for a non-2xx status. */
  errorMessage?: string;
  /** Send this JSON body as-is instead of building a completion. */
  json?: unknown;
  /** Send this raw string as the body (e.g. broken JSON at the protocol level). */
  rawBody?: string;
  /** Never answer; the connection is held open until the client gives up or the fake closes. */
  hang?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Streaming requests: send `content` in pieces of this many characters… */
  streamChunkChars?: number;
  /** …this many ms apart (a model typing). */
  streamChunkDelayMs?: number;
  /** Embeddings: vectors to return (one per input). */
  embeddings?: number[][];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none or it was not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of whatever JSON the client sent
  body: any;
  at: number;
}

export type RequestHook = (req: RecordedRequest) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeOpenAI {
  /** Base URL for OPENAI_BASE_URL, e.g. "http://127.0.0.1:41234/v1". */
  readonly url: string;
  readonly port: number;
  /** Env record for parseConfig(): base URL, a dummy key, a chat model and an embedding model. */
  readonly env: Record<string, string>;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Only the chat-completion requests. */
  chatRequests(): RecordedRequest[];
  /** Only the embedding requests. */
  embeddingRequests(): RecordedRequest[];
  /** Queue replies for the next chat completions (FIFO). */
  enqueue(...replies: FakeReply[]): void;
  /** Called first for every request; return a reply to answer with it, or undefined to fall through. */
  onRequest(hook: RequestHook | null): void;
  /** Reply used for chat completions when the queue is empty (null: HTTP 500 "no scripted reply"). */
  setDefault(reply: FakeReply | null): void;
  /** Forget requests, queue, hook and default. */
  reset(): void;
  /** Number of requests currently held open by `hang`. */
  hanging(): number;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** Dimensions of the default embeddings (default 64). */
  embedDims?: number;
  model?: string;
  embeddingModel?: string;
}

/** Deterministic embedding: character bigrams hashed into `dims` buckets, L2-normalised. */
export function fakeEmbedding(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  const chars = [...text.replace(/\s+/g, '')];
  const grams = chars.length < 2 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  for (const g of grams) {
    let h = 2166136261;
    for (let i = 0; i < g.length; i++) h = Math.imul(h ^ g.charCodeAt(i), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function floatsToBase64(v: number[]): string {
  return Buffer.from(new Float32Array(v).buffer).toString('base64');
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const dims = opts.embedDims ?? 64;
  const model = opts.model ?? 'fake-chat';
  const embeddingModel = opts.embeddingModel ?? 'fake-embed';
  const requests: RecordedRequest[] = [];
  let queue: FakeReply[] = [];
  let hook: RequestHook | null = null;
  let fallback: FakeReply | null = null;
  const held = new Set<http.ServerResponse>();
  let counter = 0;

  const send = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

  const errorBody = (message: string, status: number) =>
    JSON.stringify({
      error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null, param: null },
    });

  async function answerChat(req: RecordedRequest, reply: FakeReply | null, res: http.ServerResponse) {
    if (!reply) return send(res, 500, errorBody('fake-openai: no scripted reply', 500));
    const status = reply.status ?? 200;
    if (reply.rawBody !== undefined) return send(res, status, reply.rawBody, reply.headers);
    if (status >= 400)
      return send(res, status, errorBody(reply.errorMessage ?? `fake-openai: HTTP ${status}`, status), reply.headers);
    if (reply.json !== undefined) return send(res, status, JSON.stringify(reply.json), reply.headers);
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const content = reply.content ?? '';
    const usedModel = typeof req.body?.model === 'string' ? req.body.model : model;
    if (req.body?.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: usedModel, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      const size = reply.streamChunkChars ?? Math.max(1, content.length);
      const pieces = content ? (content.match(new RegExp(`[\\s\\S]{1,${size}}`, 'gu')) ?? []) : [''];
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && reply.streamChunkDelayMs) await new Promise((r) => setTimeout(r, reply.streamChunkDelayMs));
        if (res.destroyed) return;
        res.write(chunk(i === 0 ? { role: 'assistant', content: piece } : { content: piece }, null));
      }
      res.write(chunk({}, reply.finishReason ?? 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    const message: Record<string, unknown> = { role: 'assistant', content, refusal: null };
    if (reply.reasoningContent !== undefined) message.reasoning_content = reply.reasoningContent;
    send(
      res,
      status,
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: usedModel,
        choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason ?? 'stop' }],
        usage: {
          prompt_tokens: 10,
          completion_tokens: Math.max(1, content.length),
          total_tokens: 10 + Math.max(1, content.length),
        },
      }),
      reply.headers,
    );
  }

  function answerEmbeddings(req: RecordedRequest, reply: FakeReply | null, res: http.ServerResponse) {
    if (reply) {
      const status = reply.status ?? 200;
      if (reply.rawBody !== undefined) return send(res, status, reply.rawBody, reply.headers);
      if (status >= 400)
        return send(res, status, errorBody(reply.errorMessage ?? `fake-openai: HTTP ${status}`, status), reply.headers);
      if (reply.json !== undefined) return send(res, status, JSON.stringify(reply.json), reply.headers);
    }
    const input: unknown = req.body?.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    const vectors = reply?.embeddings ?? texts.map((t) => fakeEmbedding(t, dims));
    const base64 = req.body?.encoding_format === 'base64';
    send(
      res,
      200,
      JSON.stringify({
        object: 'list',
        model: typeof req.body?.model === 'string' ? req.body.model : embeddingModel,
        data: vectors.map((v, index) => ({ object: 'embedding', index, embedding: base64 ? floatsToBase64(v) : v })),
        usage: { prompt_tokens: texts.length, total_tokens: texts.length },
      }),
      reply?.headers,
    );
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = undefined;
        }
        const rec: RecordedRequest = {
          method: req.method ?? 'GET',
          path: (req.url ?? '/').split('?')[0] ?? '/',
          headers: req.headers,
          body,
          at: Date.now(),
        };
        requests.push(rec);

        const isChat = rec.path.endsWith('/chat/completions');
        const isEmbed = rec.path.endsWith('/embeddings');
        let reply: FakeReply | null = (hook ? await hook(rec) : undefined) ?? null;
        if (!reply && isChat) reply = queue.shift() ?? fallback;

        if (reply?.hang) {
          held.add(res);
          res.on('close', () => held.delete(res));
          return;
        }
        if (reply?.delayMs) await new Promise((r) => setTimeout(r, reply!.delayMs));

        if (isChat && rec.method === 'POST') return answerChat(rec, reply, res);
        if (isEmbed && rec.method === 'POST') return answerEmbeddings(rec, reply, res);
        if (rec.path.endsWith('/models') && rec.method === 'GET') {
          return send(
            res,
            200,
            JSON.stringify({
              object: 'list',
              data: [model, embeddingModel].map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
            }),
          );
        }
        send(res, 404, errorBody(`fake-openai: no route for ${rec.method} ${rec.path}`, 404));
      })().catch((err: unknown) => send(res, 500, errorBody(`fake-openai: ${String(err)}`, 500)));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/v1`;

  return {
    url,
    port,
    env: {
      OPENAI_BASE_URL: url,
      OPENAI_API_KEY: 'sk-fake',
      OPENAI_MODEL: model,
      OPENAI_EMBEDDING_MODEL: embeddingModel,
    },
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    embeddingRequests: () => requests.filter((r) => r.path.endsWith('/embeddings')),
    enqueue: (...replies: FakeReply[]) => {
      queue.push(...replies);
    },
    onRequest: (h) => {
      hook = h;
    },
    setDefault: (r) => {
      fallback = r;
    },
    reset: () => {
      requests.length = 0;
      queue = [];
      hook = null;
      fallback = null;
    },
    hanging: () => held.size,
    close: async () => {
      for (const res of held) res.destroy();
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
