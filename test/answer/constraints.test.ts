/**
 * The question's specific constraints (place, year, 第N批): a passage that lacks one answers another
 * question, and the not-found gate refuses it whatever the topic words say.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/corpus/index.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/index.js';
import { gateFeatures, queryUnits, UNMET_CONSTRAINT_CAP } from '../../src/retrieval/confidence.js';
import { constraintsMet, parsePlaces, places, questionConstraints } from '../../src/retrieval/constraints.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { topicRewrite } from '../../src/answer/followup.js';

function chunk(text: string, title = '某县推进基层党建工作', author: string | null = null): Chunk {
  return { id: 'd::0', docId: 'd', title, source: null, date: null, headings: [], text, author };
}

describe('question constraints', () => {
  it('finds places (longest name first), years and batch ordinals', () => {
    const cs = questionConstraints('越城区2019年第二批五星达标村有几个');
    expect(cs.map((c) => [c.kind, c.text])).toEqual([
      ['place', '越城'],
      ['year', '2019'],
      ['batch', '第二批'],
    ]);
    expect(questionConstraints('开化县第一批试点村有哪些').find((c) => c.kind === 'batch')?.forms).toContain('首批');
    expect(questionConstraints('组团联企是几加几的模式')).toEqual([]);
  });

  it('a birth cohort (85后) is a constraint the passage must hold as written', () => {
    const cs = questionConstraints('全区配了多少名“85后”年轻干部');
    expect(cs.map((c) => [c.kind, c.text])).toEqual([['cohort', '85后']]);
    expect(constraintsMet(cs, chunk('全区配备“82后”年轻干部88名。')).share).toBe(0);
    expect(constraintsMet(cs, chunk('全区配备“85后”年轻干部20名。')).share).toBe(1);
    // A figure with 后 after a decimal or a longer number is no cohort.
    expect(questionConstraints('3.85后面是什么')).toEqual([]);
  });

  it('parses place lines with their full forms', () => {
    expect(parsePlaces('越城 越城区\n海曙 北仑\n# note')).toEqual([
      { name: '越城', forms: ['越城', '越城区'] },
      { name: '海曙', forms: ['海曙'] },
      { name: '北仑', forms: ['北仑'] },
    ]);
    expect(places().some((p) => p.name === '衢州')).toBe(true);
  });

  it('a place counts in the document description, a year only in the passage', () => {
    const cs = questionConstraints('龙游2018年新建了多少个党群服务中心');
    const inText = chunk('2018年，全县新建党群服务中心12个。', '抓基层强基础', '中共龙游县委组织部');
    expect(constraintsMet(cs, inText).share).toBe(1);
    const otherYear = chunk('2017年，全县新建党群服务中心12个。', '抓基层强基础', '中共龙游县委组织部');
    expect(constraintsMet(cs, otherYear).unmet.map((c) => c.text)).toEqual(['2018']);
    const otherPlace = chunk('2018年，全县新建党群服务中心12个。', '江山市抓基层强基础');
    expect(constraintsMet(cs, otherPlace).unmet.map((c) => c.text)).toEqual(['龙游']);
    expect(constraintsMet(questionConstraints('首批命名了多少个村'), chunk('首批命名了80个村。')).share).toBe(1);
    expect(constraintsMet(questionConstraints('第二批命名了多少个村'), chunk('首批命名了80个村。')).share).toBe(0);
  });
});

let retriever: HybridRetriever;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-constraints-'));
  const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: path.join(cacheDir, 'data') });
  retriever = await buildRetriever(docs, { cacheDir });
});
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('the gate with constraints on the bundled corpus', () => {
  const noLlm = (q: string) => answerQuestion(q, { retriever, llm: null, logger: silentLogger });

  it('answers the question whose place the passage names', async () => {
    const r = await noLlm('越城区一共配备了多少名82后年轻干部');
    expect(r.grounded).toBe(true);
    expect(r.answer).toContain('88');
  });

  it('refuses the same question for a year the corpus does not give', async () => {
    const q = '越城区1997年配备了多少名82后年轻干部';
    const { hits } = retriever.explain(q, 10);
    const f = gateFeatures(queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, q), hits, q);
    expect(f.constraint).toBeLessThan(1);
    const r = await noLlm(q);
    expect(r.grounded).toBe(false);
    expect(r.answer).toContain('未在资料库中找到');
    expect(UNMET_CONSTRAINT_CAP).toBeLessThan(0.5);
  });
});

describe('done versus planned on the bundled corpus', () => {
  const noLlm = (q: string) => answerQuestion(q, { retriever, llm: null, logger: silentLogger });

  it('answers the plan when asked for the plan, refuses the actual figure the corpus does not give', async () => {
    const planned = await noLlm('全县计划拿出多少个中层岗位用于跨部门竞争上岗');
    expect(planned.grounded).toBe(true);
    expect(planned.answer).toContain('50个中层岗位');
    const actual = await noLlm('全县实际拿出了多少个中层岗位用于跨部门竞争上岗');
    expect(actual.grounded).toBe(false);
  });
});

describe('an elliptical follow-up after a near miss keeps only the place/year of the previous question', () => {
  const prev = (q: string) => [{ question: q, standaloneQuery: q, answerSummary: '', docIds: [], at: 0 }];

  it('carries the place, drops what the previous question asked', () => {
    expect(topicRewrite('那今年新建了多少个党群服务中心', prev('龙游县党群服务中心的建设补助每个多少钱'))).toBe(
      '龙游 今年新建了多少个党群服务中心',
    );
    expect(topicRewrite('那2019年呢', prev('江山2018年引进了多少人才'))).toBeNull();
    expect(topicRewrite('那人才公寓有几套', prev('人才公寓租金是多少'))).toBeNull();
    expect(topicRewrite('那龙游新建了多少个党群服务中心', prev('龙游县党群服务中心的建设补助每个多少钱'))).toBeNull();
  });
});
