/**
 * `zct search "<query>" [--k 5] [--json] [--stdin]` — passages for a question from the policy library.
 * JSON shape (other tools depend on it):
 *   {"query": str, "hits": [{"rank", "docId", "title", "source", "date", "chunkId", "text", "score"}]}
 * With --stdin: one query per line in, one such JSON object per line out (index built once).
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { cliLogger } from '../logger.js';
import { retrieverFromConfig } from '../../retrieval/from-config.js';
import type { Retriever, SearchResult } from '../../retrieval/types.js';

interface SearchOptions {
  k: string;
  json: boolean;
  stdin: boolean;
  dense: boolean;
}

export function searchJson(result: SearchResult) {
  return {
    query: result.query,
    hits: result.hits.map((h) => ({
      rank: h.rank,
      docId: h.chunk.docId,
      title: h.chunk.title,
      source: h.chunk.source,
      date: h.chunk.date,
      chunkId: h.chunk.id,
      text: h.chunk.text,
      score: h.score,
    })),
  };
}

export function formatSearchText(result: SearchResult, retriever: Retriever): string {
  const lines = [`问题：${result.query}`];
  if (!result.hits.length || !result.answerable) {
    lines.push(`未找到能可靠回答该问题的政策原文（置信度 ${result.confidence.toFixed(2)}）。`);
    const topics = retriever.topics(result.query, 5);
    if (topics.length) lines.push(`相近主题：${topics.join('；')}`);
    if (result.hits.length) lines.push('', '最接近的段落（仅供参考）：');
  } else {
    lines.push(`找到 ${result.hits.length} 段相关原文（置信度 ${result.confidence.toFixed(2)}）：`);
  }
  for (const h of result.hits) {
    const meta = [h.chunk.title, h.chunk.source, h.chunk.date].filter(Boolean).join(' · ');
    lines.push('', `【${h.rank}】${meta}  （得分 ${h.score.toFixed(2)}）`);
    if (h.chunk.headings.length) lines.push(`    ${h.chunk.headings.join(' › ')}`);
    lines.push(...h.chunk.text.split('\n').map((l) => `    ${l}`));
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('search')
    .description('检索政策原文：按问题返回最相关的段落')
    .argument('[query...]', '问题（用 --stdin 时省略）')
    .option('--k <n>', '返回段落数', '5')
    .option('--json', '输出 JSON', false)
    .option('--stdin', '从标准输入逐行读取问题，每行输出一个 JSON', false)
    .option('--no-dense', '只用词法检索（即使配置了 OPENAI_EMBEDDING_MODEL）')
    .action(async (words: string[], opts: SearchOptions) => {
      const k = Math.max(1, Number.parseInt(opts.k, 10) || 5);
      const config = loadConfig();
      // Index-building progress (info) would drown the answer in a terminal; LOG_LEVEL=debug shows it.
      const logger = cliLogger(config);
      const query = words.join(' ').trim();
      if (!opts.stdin && !query) throw new Error('请给出要检索的问题，例如：zct search "三服务督查要不要销号"');
      const retriever = await retrieverFromConfig(config, { logger, dense: opts.dense });
      if (opts.stdin) {
        const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
        for await (const line of rl) {
          const q = line.trim();
          if (!q) continue;
          process.stdout.write(`${JSON.stringify(searchJson(await retriever.search(q, k)))}\n`);
        }
        return;
      }
      const result = await retriever.search(query, k);
      process.stdout.write(
        opts.json ? `${JSON.stringify(searchJson(result), null, 2)}\n` : `${formatSearchText(result, retriever)}\n`,
      );
    });
}
