/**
 * The not-found gate reads the evidence, not the wording: reworded questions whose passage is found
 * are answered; near misses (the topic is there, the kind of answer asked for is not) are refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/corpus/index.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/index.js';
import { askedKinds, gateFeatures, gateProbability, holdsKind, queryUnits } from '../../src/retrieval/confidence.js';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';

let retriever: HybridRetriever;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-gate-'));
  const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: path.join(cacheDir, 'data') });
  retriever = await buildRetriever(docs, { cacheDir });
});
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('answer kinds', () => {
  it('a number question that names its unit needs a number in that unit', () => {
    expect(askedKinds('奖金具体能拿多少钱')).toEqual(['number']);
    expect(holdsKind('number', '安排81个市级机关部门与81个行政村结成对子。', '每个结对村给多少帮扶资金')).toBe(false);
    expect(holdsKind('number', '每村补助资金5万元。', '每个结对村给多少帮扶资金')).toBe(true);
    expect(holdsKind('number', '2019年出台了实施意见。', '出台了多少个文件')).toBe(false);
    expect(holdsKind('date', '每月第一个周二为“亲清服务日”。', '亲清服务日定在哪天')).toBe(true);
    expect(askedKinds('要坚持哪几条原则')).toEqual(['list']);
  });

  it('the features are in [0, 1] and a missing kind lowers the probability', () => {
    const q = '专班干部的加班补贴一个月多少钱';
    const { hits } = retriever.explain(q, 10);
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, q);
    const f = gateFeatures(units, hits, q);
    for (const v of Object.values(f)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(f.kind).toBe(0);
    expect(gateProbability(f)).toBeLessThan(gateProbability({ ...f, kind: 1 }));
  });
});

describe('the gate on the bundled corpus', () => {
  const noLlm = (q: string) => answerQuestion(q, { retriever, llm: null, logger: silentLogger });

  it.each(['成立专班有啥讲究', '组团服务企业是咋搭班子的', '专班成立要满足啥条件', '亲清服务日定在每月哪一天'])(
    'answers the reworded question “%s”',
    async (q) => {
      const r = await noLlm(q);
      expect(r.grounded).toBe(true);
      expect(r.citations.length).toBeGreaterThan(0);
    },
  );

  it.each(['专班干部的加班补贴一个月多少钱', '小微企业增值税起征点是多少', '火星探测器什么时候发射'])(
    'refuses the near miss or off-topic “%s”',
    async (q) => {
      const r = await noLlm(q);
      expect(r.grounded).toBe(false);
      expect(r.answer).toContain('未在资料库中找到');
    },
  );

  // The attribute lexicon (data/retrieval/attributes.txt): the attribute asked must be given where the answer is.
  it.each(['衢州党建编辑部的联系电话是多少', '亲清服务日多久搞一次'])(
    'answers “%s”: the passage gives the attribute asked (a phone number, a frequency)',
    async (q) => {
      const r = await noLlm(q);
      expect(r.grounded).toBe(true);
      expect(r.citations.length).toBeGreaterThan(0);
    },
  );

  it.each(['亲清服务日有没有咨询热线，号码多少', '人才飞地的开放时间'])(
    'refuses “%s”: the topic is there, the attribute asked (a phone, opening hours) is not',
    async (q) => {
      const r = await noLlm(q);
      expect(r.grounded).toBe(false);
      expect(r.answer).toContain('未在资料库中找到');
    },
  );
});
