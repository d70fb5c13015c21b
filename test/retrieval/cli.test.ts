/**
 * The retrieval CLI commands, parsed by commander as `zct …` would, in-process (a spawned CLI
 * takes seconds to start); stdout/stderr are captured, stdin is a stream we feed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerEval } from '../../src/cli/commands/eval.js';
import { register as registerSearchBatch } from '../../src/cli/commands/search-batch.js';
import { register as registerSearch } from '../../src/cli/commands/search.js';

let tmp: string;

async function zct(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const program = new Command().exitOverride();
  for (const register of [registerSearch, registerSearchBatch, registerEval]) register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const stdin =
    input !== undefined
      ? vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([input]) as unknown as typeof process.stdin)
      : null;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'zct', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
    stdin?.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout, stderr, code };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-cli-'));
  Object.assign(process.env, {
    ZCT_CACHE_DIR: path.join(tmp, 'cache'),
    ZCT_DATA_DIR: path.join(tmp, 'data'),
    ZCT_CORPUS_DIR: 'data/corpus',
    LOG_LEVEL: 'silent',
  });
  delete process.env.OPENAI_EMBEDDING_MODEL;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('zct search-batch', () => {
  it('prints one {"qid", "hits": [docId…]} line per query, distinct ids, best first', async () => {
    const corpus = path.join(tmp, 'corpus.jsonl');
    const queries = path.join(tmp, 'queries.jsonl');
    const long = Array.from({ length: 40 }, (_, i) => `第${i}条：专班干部实行单列考核、单列评优。`).join('');
    fs.writeFileSync(
      corpus,
      [
        { id: 'd1', title: '专班管理', text: '全市共组建专班117个，其中市本级专班35个。' },
        { id: 'd2', text: '人才新政：博士每人补助10万元。' },
        { id: 3, title: '长文', text: long },
        { id: 'd4', text: '乡村振兴党建示范带建设。' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    fs.writeFileSync(
      queries,
      [
        { id: 'q1', text: '一共有多少个专班' },
        { id: 'q2', text: '博士补助多少' },
        { id: 'q3', text: '火星探测' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const { stdout } = await zct(['search-batch', '--corpus', corpus, '--queries', queries, '--k', '2']);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { qid: string; hits: string[] });
    expect(lines.map((l) => l.qid)).toEqual(['q1', 'q2', 'q3']);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['hits', 'qid']);
      expect(new Set(l.hits).size).toBe(l.hits.length);
      expect(l.hits.length).toBeLessThanOrEqual(2);
    }
    expect([...lines[0]!.hits].sort()).toEqual(['3', 'd1']); // the long document is named once, by its line id
    expect(lines[1]!.hits[0]).toBe('d2');
    expect(lines[2]!.hits).toEqual([]);
  });
});

describe('zct search', () => {
  it('--json prints the documented shape', async () => {
    const { stdout } = await zct(['search', '三服务督查的工作清单要不要销号', '--k', '3', '--json']);
    const out = JSON.parse(stdout) as { query: string; hits: Array<Record<string, unknown>> };
    expect(out.query).toBe('三服务督查的工作清单要不要销号');
    expect(out.hits).toHaveLength(3);
    expect(Object.keys(out.hits[0]!).sort()).toEqual([
      'chunkId',
      'date',
      'docId',
      'rank',
      'score',
      'source',
      'text',
      'title',
    ]);
    expect(out.hits.map((h) => h.rank)).toEqual([1, 2, 3]);
    expect(String(out.hits[0]!.text)).toContain('销号管理');
    expect(String(out.hits[0]!.text).length).toBeLessThanOrEqual(600);
    expect(String(out.hits[0]!.chunkId).startsWith(`${String(out.hits[0]!.docId)}::`)).toBe(true);
  });

  it('--stdin answers one JSON line per input line (index built once), and human output is Chinese', async () => {
    const { stdout } = await zct(['search', '--stdin', '--k', '1'], '专班有多少个\n\n火星探测器\n');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; hits: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(['专班有多少个', '火星探测器']);
    const human = await zct(['search', '火星探测器什么时候发射']);
    expect(human.stdout).toContain('未找到');
    expect(human.stdout).toContain('相近主题');
  });
});

describe('zct eval', () => {
  it('reports recall, MRR and not-found figures for a QA set (--json)', async () => {
    const set = path.join(import.meta.dirname, 'fixtures', 'own-qa.jsonl');
    const { stdout } = await zct(['eval', '--set', set, '--json', '--sweep']);
    const r = JSON.parse(stdout) as Record<string, number | unknown[]>;
    expect(r.answerable).toBeGreaterThan(20);
    for (const key of ['recallAt1', 'recallAt5', 'mrr', 'notFoundAccuracy', 'falseRefusalRate']) {
      expect(typeof r[key]).toBe('number');
    }
    expect(r.recallAt5 as number).toBeGreaterThanOrEqual(r.recallAt1 as number);
    expect(Array.isArray(r.sweep)).toBe(true);
    // The gate's own curve: refusals only grow with the threshold on P(answerable).
    const gate = r.gateSweep as Array<{ threshold: number; notFoundAccuracy: number; falseRefusalRate: number }>;
    expect(gate.map((g) => g.threshold)).toContain(0.5);
    for (let i = 1; i < gate.length; i++) {
      expect(gate[i]!.notFoundAccuracy).toBeGreaterThanOrEqual(gate[i - 1]!.notFoundAccuracy);
      expect(gate[i]!.falseRefusalRate).toBeGreaterThanOrEqual(gate[i - 1]!.falseRefusalRate);
    }
    const atHalf = gate.find((g) => g.threshold === 0.5)!;
    expect(atHalf.notFoundAccuracy).toBeCloseTo(r.notFoundAccuracy as number, 6);
    expect(atHalf.falseRefusalRate).toBeCloseTo(r.falseRefusalRate as number, 6);
  });

  it('explains a missing set instead of crashing', async () => {
    const r = await zct(['eval', '--set', path.join(tmp, 'nope.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未找到评测集');
    expect(r.stdout).toBe('');
  });
});
