/**
 * Dense retrieval and RRF fusion with a deterministic test Embedder (the Embedder interface is ours;
 * the OpenAI-backed one lives in src/llm). Its vectors count "concepts": synonyms share a dimension,
 * so it finds passages that share no word with the question.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import type { Embedder } from '../../src/llm/types.js';
import { buildRetriever, EmbeddingCache, reciprocalRankFusion } from '../../src/retrieval/index.js';

const CONCEPTS: string[][] = [
  ['炒股', '证券', '股市'],
  ['下雨', '降水', '天气'],
  ['招聘', '用工', '招工'],
];

class ConceptEmbedder implements Embedder {
  readonly model = 'test-concepts';
  embeddedTexts = 0;
  calls = 0;
  constructor(private readonly failing = false) {}
  async embed(texts: string[]): Promise<number[][]> {
    this.calls++;
    if (this.failing) throw new Error('embedding endpoint down');
    this.embeddedTexts += texts.length;
    return texts.map((t) => [0.01, ...CONCEPTS.map((syn) => syn.reduce((n, s) => n + t.split(s).length - 1, 0))]);
  }
}

describe('reciprocalRankFusion', () => {
  it('sums 1/(k+rank) over rankings; items in both rankings come first', () => {
    const fused = reciprocalRankFusion(
      [
        ['a', 'b', 'c'],
        ['c', 'd'],
      ],
      (x) => x,
      60,
    );
    expect(fused.map((f) => f.item)).toEqual(['c', 'a', 'b', 'd']); // b and d tie: first seen first
    expect(fused[0]!.score).toBeCloseTo(1 / 63 + 1 / 61, 10);
    expect(fused[1]!.score).toBeCloseTo(1 / 61, 10);
  });
});

const mk = (id: string, text: string): CorpusDocument => ({
  id,
  title: '',
  source: null,
  date: null,
  author: null,
  text,
  file: `${id}.txt`,
  fileHash: id,
});
const corpus = () => [
  mk('finance', '证券交易所修订了交易规则，加强投资者保护。'),
  mk('risk', '防范化解重大风险，守住不发生系统性风险的底线。'),
  mk('jobs', '企业用工缺口较大，人社局组织专场对接会。'),
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('dense retrieval fused with BM25', () => {
  it('retrieves a passage with no word in common through the embedder', async () => {
    const lexicalOnly = await buildRetriever(corpus());
    const plain = await lexicalOnly.search('炒股有什么风险', 3);
    expect(plain.hits.map((h) => h.chunk.docId)).not.toContain('finance');

    const hybrid = await buildRetriever(corpus(), { embedder: new ConceptEmbedder() });
    const fused = await hybrid.search('炒股有什么风险', 3);
    const ids = fused.hits.map((h) => h.chunk.docId);
    expect(ids).toContain('finance');
    expect(ids[0]).toBe('risk'); // first in both rankings
    // RRF scores, best first.
    expect(fused.hits[0]!.score).toBeGreaterThan(fused.hits[1]!.score);
  });

  it('caches chunk embeddings on disk by text hash: a restart embeds only new passages', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-emb-'));
    dirs.push(cacheDir);
    const e1 = new ConceptEmbedder();
    await buildRetriever(corpus(), { cacheDir, embedder: e1 });
    expect(e1.embeddedTexts).toBe(3);
    const e2 = new ConceptEmbedder();
    const again = await buildRetriever(corpus(), { cacheDir, embedder: e2 });
    expect(e2.embeddedTexts).toBe(0);
    expect((await again.search('股市', 3)).hits.map((h) => h.chunk.docId)).toContain('finance');
    expect(e2.embeddedTexts).toBe(1); // the query only

    const e3 = new ConceptEmbedder();
    await buildRetriever([...corpus(), mk('weather', '明天有降水，注意天气变化。')], { cacheDir, embedder: e3 });
    expect(e3.embeddedTexts).toBe(1);
    expect(new EmbeddingCache(cacheDir, 'test-concepts').size).toBe(4);
    expect(new EmbeddingCache(cacheDir, 'another-model').size).toBe(0);
  });

  it('falls back to lexical results when the embedder fails', async () => {
    const r = await buildRetriever(corpus(), { embedder: new ConceptEmbedder(true) });
    const res = await r.search('专场对接会', 3);
    expect(res.hits[0]!.chunk.docId).toBe('jobs');
  });
});
