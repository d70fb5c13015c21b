/**
 * The retriever over the real bundled corpus (data/corpus via src/corpus's loadLibrary), with
 * questions we wrote ourselves (test/retrieval/fixtures/own-qa.jsonl), not the dev set's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/corpus/index.js';
import {
  buildRetriever,
  evaluate,
  isCorrectPassage,
  readEvalSet,
  type HybridRetriever,
} from '../../src/retrieval/index.js';

const OWN_SET = path.join(import.meta.dirname, 'fixtures', 'own-qa.jsonl');
let retriever: HybridRetriever;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-retr-'));
  const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir });
  retriever = await buildRetriever(docs);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('retriever on the bundled corpus', () => {
  it('indexes every document in small chunks', () => {
    const { documents, chunks } = retriever.stats();
    expect(documents).toBeGreaterThanOrEqual(5);
    expect(chunks).toBeGreaterThan(documents * 5);
    for (const c of retriever.lexical.chunks) expect(c.text.length).toBeLessThanOrEqual(600);
  });

  const paraphrases: Array<[string, string]> = [
    ['柯城要打造多少个文明城市党建示范区', '把10个文明城市党建示范区打造成为'],
    ['亲清服务日定在每月哪一天', '每月第一个周二为“亲清服务日”'],
    ['衢州一共组建了多少个专班，市本级有几个', '全市共组建专班117个，其中市本级专班35个'],
    ['开化组团联企一共组成了几支团队', '组成“1+1+1”模式25支团队'],
    ['越城拆改工作抽调了多少名干部', '979名干部参与拆改工作'],
    ['2004年绍兴组织系统完成了多少篇调研报告', '全年组织系统共完成调研报告102篇'],
    ['三考合一是哪三种考核', '实绩考核、领导评议和镇街部门评议“三考合一”'],
    ['资规局面对面谈心谈话搞了多少次', '面对面开展谈心谈话470余次'],
  ];
  it.each(paraphrases)('answers “%s” with the right passage at rank 1', async (question, evidence) => {
    const result = await retriever.search(question, 5);
    expect(result.hits[0]).toBeDefined();
    expect(isCorrectPassage(result.hits[0]!.chunk.text, [evidence])).toBe(true);
    expect(result.answerable).toBe(true);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.hits.map((h) => h.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each(['火星探测器什么时候发射', '今天股票行情怎么样', '失业保险金怎么领取', '小微企业增值税起征点是多少'])(
    'says not found for the off-topic “%s”, with nearby topics',
    async (question) => {
      const result = await retriever.search(question, 5);
      expect(result.answerable).toBe(false);
      expect(result.confidence).toBeLessThan(0.5);
      const topics = retriever.topics(question, 3);
      expect(topics).toHaveLength(3);
      for (const t of topics) expect(t.length).toBeLessThanOrEqual(31);
    },
  );

  it('suggests topics near the question when it shares words with the corpus', () => {
    const topics = retriever.topics('专班干部怎么考核', 5);
    expect(topics.some((t) => t.includes('专班') || t.includes('实战'))).toBe(true);
  });

  it('handles an empty or punctuation-only query', async () => {
    for (const q of ['', '？？', '   ']) {
      const r = await retriever.search(q, 5);
      expect(r.answerable).toBe(false);
      expect(r.hits).toEqual([]);
    }
  });

  it('keeps its quality on our own question set', async () => {
    const report = await evaluate(retriever, readEvalSet(OWN_SET));
    expect(report.answerable).toBeGreaterThanOrEqual(30);
    expect(report.recallAt1).toBeGreaterThanOrEqual(0.9);
    expect(report.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(report.notFoundAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(report.falseRefusalRate).toBeLessThanOrEqual(0.05);
  });
});
