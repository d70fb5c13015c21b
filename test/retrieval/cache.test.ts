import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { buildRetriever, indexCacheKey, indexCachePath } from '../../src/retrieval/index.js';

function capture() {
  const records: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) records.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  const cacheState = () => records.filter((r) => r.msg === 'retriever built').map((r) => r.cache);
  return { logger, cacheState };
}

const mk = (id: string, text: string): CorpusDocument => ({
  id,
  title: `文件${id}`,
  source: null,
  date: null,
  author: null,
  text,
  file: `${id}.txt`,
  fileHash: `hash-${id}`,
});
const corpus = () => [
  mk('a', '一、总体要求\n“三服务”活动要建立督查考核机制，制定工作清单，实行销号管理。'),
  mk('b', '全市共组建专班117个，其中市本级专班35个。专班组建要坚持“因事而设”。'),
];

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('index disk cache', () => {
  it('writes the index once, then a restart loads it instead of re-segmenting', async () => {
    const cacheDir = tmp();
    const { logger, cacheState } = capture();
    const first = await buildRetriever(corpus(), { cacheDir, logger });
    const file = indexCachePath(cacheDir, indexCacheKey(corpus()));
    expect(fs.existsSync(file)).toBe(true);
    const second = await buildRetriever(corpus(), { cacheDir, logger });
    expect(cacheState()).toEqual(['miss', 'hit']);
    // Same answers from the restored index, including the corpus terms learnt by the segmenter.
    for (const q of ['三服务工作清单要销号吗', '市本级有多少个专班']) {
      const a = await first.search(q, 3);
      const b = await second.search(q, 3);
      expect(b).toEqual(a);
      expect(b.hits[0]).toBeDefined();
    }
    expect(second.lexical.tokenizer.extraWords).toEqual(first.lexical.tokenizer.extraWords);
    expect(second.lexical.tokenizer.extraWords).toContain('三服务');
  });

  it('a corpus change misses the cache, rebuilds, and replaces the old file', async () => {
    const cacheDir = tmp();
    const { logger, cacheState } = capture();
    await buildRetriever(corpus(), { cacheDir, logger });
    const oldFile = indexCachePath(cacheDir, indexCacheKey(corpus()));
    const changed = corpus();
    changed[1] = { ...changed[1]!, text: `${changed[1]!.text}新增：专班干部实行单列考核。` };
    expect(indexCacheKey(changed)).not.toBe(indexCacheKey(corpus()));
    const rebuilt = await buildRetriever(changed, { cacheDir, logger });
    expect(cacheState()).toEqual(['miss', 'miss']);
    expect(fs.existsSync(oldFile)).toBe(false);
    expect(fs.existsSync(indexCachePath(cacheDir, indexCacheKey(changed)))).toBe(true);
    const r = await rebuilt.search('专班干部单列考核', 1);
    expect(r.hits[0]!.chunk.text).toContain('单列考核');
    // A renamed document or a new file hash changes the key too.
    expect(indexCacheKey([{ ...corpus()[0]!, fileHash: 'other' }, corpus()[1]!])).not.toBe(indexCacheKey(corpus()));
    expect(indexCacheKey([{ ...corpus()[0]!, id: 'z' }, corpus()[1]!])).not.toBe(indexCacheKey(corpus()));
  });

  it('a corrupt cache file is rebuilt, not fatal', async () => {
    const cacheDir = tmp();
    const { logger, cacheState } = capture();
    await buildRetriever(corpus(), { cacheDir, logger });
    fs.writeFileSync(indexCachePath(cacheDir, indexCacheKey(corpus())), 'garbage');
    const r = await buildRetriever(corpus(), { cacheDir, logger });
    expect(cacheState()).toEqual(['miss', 'miss']);
    expect((await r.search('专班', 1)).hits).toHaveLength(1);
  });
});
