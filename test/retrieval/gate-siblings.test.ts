/**
 * The not-found gate and a near miss of new authors: a value singling out what is asked (省级, 副科级 —
 * data/retrieval/siblings.txt) where the passage counts a sibling of it (国家级) and no top passage writes it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { doc } from '../helpers/corpus-doc.js';
import { buildRetriever, type HybridRetriever } from '../../src/retrieval/retriever.js';
import { parseSiblings, unmetSiblings } from '../../src/retrieval/siblings.js';

const DOCS: CorpusDocument[] = [
  doc(
    'ideas',
    '市档案馆开展合理化建议征集',
    '市档案馆面向全馆职工开展合理化建议征集活动，共收到职工建议86条，涉及档案数字化、查档服务等方面。',
  ),
  doc(
    'parks',
    '某区科创平台建设情况',
    '截至目前，全区拥有众创空间12家（其中国家级4家），市级以上研发中心57个，高新技术企业80家。',
  ),
  doc('repair', '老旧小区改造推进', '全县计划改造老旧小区40个，目前已完成改造31个，惠及居民5200余户。'),
];

let retriever: HybridRetriever;
beforeAll(async () => {
  retriever = await buildRetriever(DOCS);
});

const decide = (q: string) => retriever.explain(q, 10).decision;

describe('sibling values', () => {
  const classes = parseSiblings('国家级 省级 市级|市一级\n正科级|正科 副科级|副科');

  it('a value the passages never write, with a sibling where the answer would be, is unmet', () => {
    const s = ['全区拥有众创空间12家（其中国家级4家）'];
    expect(unmetSiblings('省级的众创空间有几家', s, s, classes)).toEqual(['省级']);
    expect(unmetSiblings('国家级的众创空间有几家', s, s, classes)).toEqual([]);
    // No sibling in the sentences: the value is left to the other features.
    expect(unmetSiblings('省级的众创空间有几家', s, ['全区拥有众创空间12家'], classes)).toEqual([]);
    // 副科 is not 正科 written as part of a longer form.
    expect(unmetSiblings('正科级干部有几名', ['副科级干部3名'], ['副科级干部3名'], classes)).toEqual(['正科级']);
    expect(unmetSiblings('副科级干部有几名', ['副科级干部3名'], ['副科级干部3名'], classes)).toEqual([]);
  });

  it('the gate refuses the sibling near miss and answers the value the passage gives', () => {
    const near = decide('这个区的众创空间里，省级的有几家？');
    expect(near.answerable).toBe(false);
    expect(near.failed).toContain('sibling:省级');
    expect(decide('区里众创空间中国家级的有几家').answerable).toBe(true);
  });

  it('a question checking a claim (是…吗) is answered by the sibling: it is the correction', () => {
    expect(decide('这个区的众创空间是省级的4家吗').failed ?? []).not.toContain('sibling:省级');
  });
});
