/**
 * `zct search-batch --corpus <corpus.jsonl> --queries <queries.jsonl> --k <N>` — retrieval over a
 * given collection (benchmarks): builds a fresh index from the corpus lines `{"id", "title"?, "text"}`
 * (one line = one passage unless longer than a chunk) and prints, per query line `{"id", "text"}`,
 * one JSON line `{"qid": str, "hits": [docId, …]}` with distinct document ids, best first.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { CorpusDocument } from '../../corpus/types.js';
import { createLogger } from '../../observability/logger.js';
import { buildRetriever } from '../../retrieval/index.js';

/** Chunks fetched per wanted document: long documents may fill several of the top chunks. */
const CHUNKS_PER_DOC = 4;

async function* jsonLines(file: string): AsyncGenerator<Record<string, unknown>> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${file} 第 ${n} 行不是合法的 JSON`);
    }
  }
}

export async function readBatchCorpus(file: string): Promise<CorpusDocument[]> {
  const docs: CorpusDocument[] = [];
  for await (const o of jsonLines(file)) {
    if (o.id === undefined || typeof o.text !== 'string') throw new Error(`${file}: 每行需要 "id" 和 "text"`);
    docs.push({
      id: String(o.id),
      title: typeof o.title === 'string' ? o.title : '',
      source: null,
      date: null,
      author: null,
      text: o.text,
      file,
      fileHash: '',
    });
  }
  return docs;
}

export function register(program: Command): void {
  program
    .command('search-batch')
    .description('批量检索（评测用）：用给定语料建索引，逐条检索查询，输出 JSONL')
    .requiredOption('--corpus <file>', '语料 JSONL：每行 {"id", "title"?, "text"}')
    .requiredOption('--queries <file>', '查询 JSONL：每行 {"id", "text"}')
    .option('--k <n>', '每条查询返回的文档数', '10')
    .action(async (opts: { corpus: string; queries: string; k: string }) => {
      const k = Math.max(1, Number.parseInt(opts.k, 10) || 10);
      const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
      const docs = await readBatchCorpus(opts.corpus);
      const retriever = await buildRetriever(docs, { logger, chunkOptions: { wholeIfFits: true } });
      const out: string[] = [];
      for await (const q of jsonLines(opts.queries)) {
        const text = typeof q.text === 'string' ? q.text : '';
        const { hits } = text.trim() ? await retriever.search(text, k * CHUNKS_PER_DOC) : { hits: [] };
        const ids: string[] = [];
        for (const h of hits) {
          if (!ids.includes(h.chunk.docId)) ids.push(h.chunk.docId);
          if (ids.length === k) break;
        }
        out.push(JSON.stringify({ qid: String(q.id ?? ''), hits: ids }));
        if (out.length >= 1000) {
          process.stdout.write(`${out.join('\n')}\n`);
          out.length = 0;
        }
      }
      if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    });
}
