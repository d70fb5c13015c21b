/**
 * `zct ask "<question>"` — answer a policy question from the corpus, with citations.
 *   --json   one JSON object: {"answer", "grounded", "citations": [{"n","docId","title","chunkId","quote"}]}
 *   --stdin  one question per line on stdin, one answer per line on stdout (the index is built once);
 *            a line may also be a JSON object {"text", "session"}: turns with the same session are
 *            answered in order as one conversation (follow-ups)
 * Human output (default) is readable Chinese with the citations. Logs go to stderr.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/index.js';
import type { Logger } from '../../observability/logger.js';
import { cliLogger } from '../logger.js';
import { loadLibrary } from '../../corpus/index.js';
import { buildRetriever } from '../../retrieval/index.js';
import type { Retriever } from '../../retrieval/types.js';
import { createEmbedder, createLlm } from '../../llm/index.js';
import type { LlmClient } from '../../llm/types.js';
import { answerQuestion, MAX_TURNS, summarize, type AnswerResult, type Turn } from '../../answer/index.js';
import { citationLine } from '../../messaging/render-text.js';

interface AskCliOptions {
  json?: boolean;
  stdin?: boolean;
}

export interface AskJson {
  answer: string;
  grounded: boolean;
  citations: { n: number; docId: string; title: string; chunkId: string; quote: string }[];
}

/** The `--json` shape, exactly. */
export function toAskJson(r: AnswerResult): AskJson {
  return {
    answer: r.answer,
    grounded: r.grounded,
    citations: r.citations.map((c) => ({ n: c.n, docId: c.docId, title: c.title, chunkId: c.chunkId, quote: c.quote })),
  };
}

export function formatHuman(question: string, r: AnswerResult): string {
  const lines = [`问：${question}`, `答：${r.answer}`];
  if (r.citations.length) {
    lines.push('', '引用：');
    for (const c of r.citations) lines.push(citationLine(c), `    “${c.quote}”`);
  }
  if (r.mode === 'extractive') lines.push('', '（未配置大模型或大模型不可用：以上内容摘自资料原文）');
  return lines.join('\n');
}

export async function buildAskDeps(
  config: Config,
  logger: Logger,
): Promise<{ retriever: Retriever; llm: LlmClient | null }> {
  const docs = await loadLibrary({ corpusDir: config.ZCT_CORPUS_DIR, dataDir: config.ZCT_DATA_DIR });
  const retriever = await buildRetriever(docs, {
    cacheDir: config.ZCT_CACHE_DIR,
    embedder: createEmbedder(config, { logger }),
    logger,
  });
  return { retriever, llm: createLlm(config, logger) };
}

/**
 * One stdin line: a plain question, or a JSON object {"text", "session"} (a conversation turn).
 * A line that is not such an object is a plain question; an empty line is skipped.
 */
export function parseStdinLine(line: string): { text: string; session: string | null } | null {
  const t = line.trim();
  if (!t) return null;
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t) as { text?: unknown; question?: unknown; session?: unknown };
      const text = typeof o.text === 'string' ? o.text : typeof o.question === 'string' ? o.question : null;
      if (text !== null) {
        const session = typeof o.session === 'string' || typeof o.session === 'number' ? String(o.session) : null;
        return text.trim() ? { text: text.trim(), session } : null;
      }
    } catch {
      // Not JSON: a question that happens to start with “{”.
    }
  }
  return { text: t, session: null };
}

async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Where the command reads and writes (tests pass their own streams). */
export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

export function register(program: Command, io: AskIo = process): void {
  program
    .command('ask')
    .description('问政策：从资料库回答问题并给出引用 (answer a policy question with citations)')
    .argument('[question]', '问题 (the question)')
    .option('--json', '输出 JSON：{"answer","grounded","citations"} (print JSON)')
    .option(
      '--stdin',
      '从标准输入逐行读取问题，每行输出一个 JSON；行也可以是 {"text","session"}，同一 session 按顺序作为一次对话回答 (one question or {"text","session"} per line; one JSON object per line)',
    )
    .action(async (question: string | undefined, opts: AskCliOptions) => {
      if (!opts.stdin && !question?.trim()) {
        // main.ts prints the message on stderr and exits with 1.
        throw new Error('请提供问题，例如：zct ask "专班组建要坚持哪三条原则？"（或用 --stdin 逐行读取问题）');
      }
      const config = loadConfig();
      const logger = cliLogger(config);
      const { retriever, llm } = await buildAskDeps(config, logger);
      const deps = { retriever, llm, logger };

      if (opts.stdin) {
        // Conversations: turns with the same "session" are answered in order, each with the earlier ones.
        const sessions = new Map<string, Turn[]>();
        for await (const line of lines(io.stdin)) {
          const input = parseStdinLine(line);
          if (!input) continue;
          const history = input.session !== null ? (sessions.get(input.session) ?? []) : [];
          const r = await answerQuestion(input.text, deps, { history });
          if (input.session !== null) {
            const turn: Turn = {
              question: input.text,
              standaloneQuery: r.standaloneQuery,
              answerSummary: summarize(r.answer),
              docIds: [...new Set(r.citations.map((c) => c.docId))],
              at: Date.now(),
              ...(r.memory ? { memory: r.memory } : {}),
            };
            sessions.set(input.session, [...history, turn].slice(-MAX_TURNS));
          }
          io.stdout.write(`${JSON.stringify(toAskJson(r))}\n`);
        }
        return;
      }
      const q = question!.trim();
      const r = await answerQuestion(q, deps);
      io.stdout.write(opts.json ? `${JSON.stringify(toAskJson(r))}\n` : `${formatHuman(q, r)}\n`);
    });
}
