/**
 * The not-found gate as a calibrated scorer: its weights are data (data/retrieval/gate-model.json, written
 * by bench/gate-cv.ts), and its evidence features read the passages — the thing asked about must be there
 * (focusGap), and a figure the question itself states does not answer it (givenFigures).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/corpus/index.js';
import {
  fitGate,
  focusGap,
  focusNouns,
  GATE_FEATURES,
  GATE_MODEL,
  GATE_MODEL_FILE,
  type GateFeatures,
  gateFeatures,
  givenFigures,
  parseGateModel,
  type QueryUnit,
  queryUnits,
  withoutFigures,
} from '../../src/retrieval/confidence.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/index.js';
import type { Chunk } from '../../src/retrieval/types.js';

const unit = (word: string, extra: Partial<QueryUnit> = {}): QueryUnit => ({
  word,
  tag: 'n',
  weight: 1,
  distance: 0,
  rarity: 1,
  ...extra,
});

describe('gate model file', () => {
  it('the product reads its weights from the data file', () => {
    const onDisk = parseGateModel(fs.readFileSync(GATE_MODEL_FILE, 'utf8'));
    expect(GATE_MODEL).toEqual(onDisk);
    expect(path.basename(GATE_MODEL_FILE)).toBe('gate-model.json');
  });

  it('a feature the file does not name weighs 0; a file without a bias is refused', () => {
    const m = parseGateModel(JSON.stringify({ bias: -1, weights: { coverage: 2 } }));
    expect(m.weights.coverage).toBe(2);
    for (const k of GATE_FEATURES.filter((k) => k !== 'coverage')) expect(m.weights[k]).toBe(0);
    expect(() => parseGateModel('{"weights":{}}')).toThrow();
  });

  it('fitGate learns the sign of a separating feature', () => {
    const zero = Object.fromEntries(GATE_FEATURES.map((k) => [k, 0])) as unknown as GateFeatures;
    const rows = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9].map((x) => ({
      features: { ...zero, coverage: x, gap: 1 - x },
      answerable: x > 0.5,
    }));
    const m = fitGate(rows, { iterations: 2000 });
    expect(m.weights.coverage).toBeGreaterThan(0);
    expect(m.weights.gap).toBeLessThan(0);
  });
});

describe('focus gap', () => {
  it('is the rarity of the noun next to the question word that no passage holds', () => {
    const units = [unit('抽水蓄能电站', { distance: 1, rarity: 0.7 }), unit('装机容量', { distance: 0, rarity: 1 })];
    expect(focusGap(units, ['衢江抽水蓄能电站项目总投资73亿元'])).toBe(1);
    expect(focusGap(units, ['电站装机容量120万千瓦，抽水蓄能电站'])).toBe(0);
  });

  it('leaves out the answer’s form, chat wording, question-word compounds and far words', () => {
    const units = [
      unit('原文'),
      unit('哪些地方', { tag: 'vn' }),
      unit('好不好', { tag: 'l' }),
      unit('搞了个'),
      unit('kpi', { tag: 'eng', wording: true }),
      unit('荣誉', { answerType: true }),
      unit('下载量', { distance: 3 }),
      unit('全长', { tag: 'v' }),
    ];
    expect(focusNouns(units)).toEqual([]);
    expect(focusGap(units, ['无关的段落'])).toBe(0);
  });

  it('a long word is partly found by its bigrams', () => {
    expect(focusGap([unit('传真号码')], ['电话：0570-1234567，传真：0570-7654321'])).toBeCloseTo(2 / 3, 5);
  });
});

describe('figures the question states', () => {
  it('are not the answer to its number question, unless it checks them', () => {
    expect(givenFigures('常山那42名退出领导职务的干部平均年龄多大？')).toEqual(['42']);
    expect(givenFigures('开化今年是不是要新结对培养500名高徒？')).toEqual([]);
    expect(givenFigures('网格3个字各指什么')).toEqual([]);
    expect(withoutFigures('全县42名干部退出领导职务', ['42'])).toBe('全县名干部退出领导职务');
    expect(withoutFigures('1420名干部', ['42'])).toBe('1420名干部');
  });
});

let retriever: HybridRetriever;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-gate-model-'));
  const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: path.join(cacheDir, 'data') });
  retriever = await buildRetriever(docs, { cacheDir });
});
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('a comparison of places', () => {
  const chunk = (n: number, text: string): Chunk => ({
    id: `d${n}::0`,
    docId: `d${n}`,
    title: `文章${n}`,
    source: null,
    date: null,
    headings: [],
    text,
  });
  const units = [unit('引进'), unit('人才'), unit('目标')];
  const q = '江山和开化今年引进人才目标哪个更大';

  it('each place may be met by a passage of its own below the first three hits', () => {
    const ranked = [
      chunk(1, '江山今年目标引进人才50名。'),
      chunk(2, '江山人才工作目标。'),
      chunk(3, '引进人才目标。'),
      chunk(4, '开化今年力争引进30名高层次人才，目标明确。'),
      chunk(5, '其他内容。'),
    ].map((c) => ({ chunk: c, score: 1 }));
    expect(gateFeatures(units, ranked, q).constraint).toBe(1);
    // A place none of the first five hits names stays unmet.
    const without = ranked.map((h, i) => (i === 3 ? { chunk: chunk(4, '引进人才目标。'), score: 1 } : h));
    expect(gateFeatures(units, without, q).constraint).toBe(0.5);
  });
});

describe('on the bundled corpus', () => {
  const features = (q: string) => {
    const { hits } = retriever.explain(q, 10);
    return gateFeatures(queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, q), hits, q);
  };

  it('a figure the question names does not make the passage hold the number asked', () => {
    // The passage gives the 42 cadres, not their age: no number of its own answers “多大”.
    const asked = features('常山那42名退出领导职务的干部平均年龄多大？');
    expect(asked.kind).toBe(0);
    const count = features('常山退出领导职务的干部有多少名？');
    expect(count.kind).toBe(1);
  });

  it('an attribute the corpus never gives leaves a gap; one it gives does not', () => {
    expect(features('衢江抽水蓄能电站装机容量是多少万千瓦？').gap).toBeGreaterThan(0.8);
    expect(features('衢江抽水蓄能电站总投资多少？').gap).toBeLessThan(0.5);
  });

  it('queryUnits marks rarity, the answer-type noun and chat wording', () => {
    const units = queryUnits(retriever.lexical.tokenizer, retriever.lexical.bm25, '组织部得了个啥荣誉 list');
    expect(units.find((u) => u.word === '荣誉')?.answerType).toBe(true);
    expect(units.find((u) => u.word === 'list')?.wording).toBe(true);
    for (const u of units) expect(u.rarity).toBeGreaterThanOrEqual(0);
  });
});
