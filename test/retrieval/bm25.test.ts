import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { Bm25Index, LexicalIndex } from '../../src/retrieval/index.js';

describe('Bm25Index', () => {
  const fields = [
    { name: 'body', weight: 1 },
    { name: 'title', weight: 0.5 },
  ];
  const docs = [
    [['专班', '干部', '考核'], ['专班']],
    [['人才', '引进', '人才', '补贴'], ['人才']],
    [['专班', '专班', '专班', '组建'], []],
    [['党建', '示范', '带'], ['党建']],
  ];
  const index = Bm25Index.build(fields, docs);

  it('ranks by BM25: rarer terms and higher term frequency score higher', () => {
    const hits = index.search([['专班'], []], 10);
    expect(hits.map((h) => h.doc)).toEqual([2, 0]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search([['人才', '补贴'], []], 1)[0]!.doc).toBe(1);
    expect(index.search([['不存在'], []], 5)).toEqual([]);
  });

  it('adds weighted fields and honours weight overrides', () => {
    const both = index.search([['专班'], ['专班']], 10);
    expect(both[0]!.doc).toBe(0); // body + title match beats tf 3 in body alone
    const bodyOnly = index.search([['专班'], ['专班']], 10, { fieldWeights: [1, 0] });
    expect(bodyOnly[0]!.doc).toBe(2);
  });

  it('exposes df/idf and survives a snapshot round trip', () => {
    expect(index.df('专班', 'body')).toBe(2);
    expect(index.df('专班', 'title')).toBe(1);
    expect(index.df('不存在', 'body')).toBe(0);
    expect(index.idf('专班', 'body')).toBeLessThan(index.idf('补贴', 'body'));
    const copy = Bm25Index.fromSnapshot(structuredClone(index.snapshot()));
    expect(copy.search([['专班', '组建'], []], 3)).toEqual(index.search([['专班', '组建'], []], 3));
  });

  it('drops the postings of terms found in more than maxDfRatio of the documents, keeping their df', () => {
    // 专班 is in 2 of 4 documents' bodies, 人才 in 1.
    const pruned = Bm25Index.build(
      [
        { name: 'body', weight: 1, maxDfRatio: 0.4 },
        { name: 'title', weight: 0.5 },
      ],
      docs,
    );
    expect(pruned.search([['专班'], []], 10)).toEqual([]);
    expect(pruned.df('专班', 'body')).toBe(2);
    expect(pruned.search([['人才'], []], 10).map((h) => h.doc)).toEqual([1]);
    expect(pruned.postings.body).toBeLessThan(index.postings.body!);
    const kept = Bm25Index.build(
      [
        { name: 'body', weight: 1, maxDfRatio: 0.5 },
        { name: 'title', weight: 0.5 },
      ],
      docs,
    );
    expect(kept.search([['专班'], []], 10)).toHaveLength(2);
  });

  it('weighs a term repeated in the query more (BM25 k3)', () => {
    const once = index.search([['专班', '人才'], []], 4);
    const twice = index.search([['专班', '专班', '人才'], []], 4);
    const scoreOf = (hits: typeof once, doc: number) => hits.find((h) => h.doc === doc)!.score;
    expect(scoreOf(twice, 2) / scoreOf(once, 2)).toBeCloseTo(18 / 10, 5);
    expect(scoreOf(twice, 1)).toBeCloseTo(scoreOf(once, 1), 5);
  });

  it('scores only a range of documents when asked (the passages of one document), with the same scores', () => {
    const all = index.search([['专班', '党建'], []], 10);
    const within = index.search([['专班', '党建'], []], 10, { within: { first: 1, last: 3 } });
    expect(within.map((h) => h.doc).sort()).toEqual([2, 3]);
    for (const h of within) expect(h.score).toBe(all.find((a) => a.doc === h.doc)!.score);
  });

  it('is not confused by repeated searches (score buffers are reset)', () => {
    const a = index.search([['党建'], []], 5);
    index.search([['人才'], ['人才']], 5);
    expect(index.search([['党建'], []], 5)).toEqual(a);
  });
});

describe('LexicalIndex on a small hand-made corpus', () => {
  const mk = (id: string, title: string, text: string): CorpusDocument => ({
    id,
    title,
    source: null,
    date: null,
    author: null,
    text,
    file: `${id}.txt`,
    fileHash: id,
  });
  const docs = [
    mk(
      'a',
      '关于深入开展“三服务”活动的通知',
      '一、总体要求\n坚持围绕中心、服务大局。\n二、督查考核\n“三服务”活动要建立督查考核机制，制定工作清单，实行销号管理。',
    ),
    mk('b', '人才新政', '对引进的高层次人才给予安家补贴，博士每人补助10万元。硕士研究生每人补助3万元。'),
    mk('c', '专班工作制', '全市共组建专班117个，其中市本级专班35个。专班组建要坚持“因事而设”，不得随意设立专班。'),
    mk('d', '乡村振兴', '江山市年内创建7条市级乡村振兴党建示范带。'),
  ];

  it('finds the passage answering a paraphrased question at rank 1', async () => {
    const index = await LexicalIndex.build(docs);
    const top = (q: string) => index.search(index.analyze(q), 3)[0]?.chunk.docId;
    expect(top('三服务的工作清单要销号吗')).toBe('a');
    expect(top('博士引进有多少补助')).toBe('b');
    expect(top('一共组建了多少个专班')).toBe('c');
    expect(top('江山要建几条党建示范带')).toBe('d');
    expect(index.search(index.analyze('火星探测'), 3)).toEqual([]);
  });
});
