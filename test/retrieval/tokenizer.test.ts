import { describe, expect, it } from 'vitest';
import { discoverWords, extractKeyTerms } from '../../src/retrieval/key-terms.js';
import { isStopWord, tokenize, Tokenizer } from '../../src/retrieval/index.js';
import { FRAMING_WORDS, isQueryStopWord, parseWordList } from '../../src/retrieval/stopwords.js';

describe('Tokenizer', () => {
  const plain = new Tokenizer();

  it('segments Chinese into words (search mode adds the sub-words of long words)', () => {
    const { words } = plain.analyze('金鼎金属材料有限公司员工通过平台咨询');
    expect(words).toEqual(expect.arrayContaining(['金属材料', '金属', '材料', '有限公司', '员工', '平台', '咨询']));
  });

  it('drops question and function words on both sides', () => {
    const { words, bigrams } = plain.analyze('成立专班要满足什么条件？哪些情况下不能设？');
    for (const stop of ['什么', '哪些', '要']) expect(words).not.toContain(stop);
    // No bigram spans a dropped word: "么条" would only come from 什么条件.
    expect(bigrams).not.toContain('么条');
    expect(bigrams).toContain('条件');
    expect(isStopWord('几条')).toBe(true);
    expect(isStopWord('多少个')).toBe(true);
    expect(isStopWord('条件')).toBe(false);
  });

  it('makes character bigrams and unigrams of content runs', () => {
    const { bigrams, unigrams } = plain.analyze('越城组工');
    expect(bigrams).toEqual(['越城', '城组', '组工']);
    expect(unigrams).toEqual(['越', '城', '组', '工']);
  });

  it('keeps numbers and Latin tokens, normalised', () => {
    expect(tokenize('３Ａ示范村 PPT 5000余项')).toEqual(expect.arrayContaining(['3a', 'ppt', '5000']));
  });

  it('learns the corpus key terms so an abbreviation is one findable word', () => {
    expect(plain.analyze('三服务表现会算进考核吗').words).not.toContain('三服务');
    const t = new Tokenizer(extractKeyTerms(['深入开展“三服务”活动，按照“1+1+1”组团模式，实施“五百行动”。']));
    expect(t.analyze('三服务表现会算进考核吗').words).toContain('三服务');
    expect(t.analyze('1+1+1是什么模式').words).toContain('1+1+1');
    expect(t.analyze('五百行动包括哪五个百').words).toEqual(expect.arrayContaining(['五百行动', '行动']));
  });

  it('indexes a quoted enumeration of single characters as the abbreviation people type', () => {
    const t = new Tokenizer();
    expect(t.analyze('以“安、专、迷”精神为内核').words).toContain('安专迷');
  });
});

describe('framing words', () => {
  it('reads the word list file: words separated by spaces, comment lines skipped', () => {
    expect([...parseWordList('# pointing\n篇 那篇\n\n  说 提到  \n# 帮 is a comment word\n')]).toEqual([
      '篇',
      '那篇',
      '说',
      '提到',
    ]);
  });
  it('are dropped on the query side only: stop words stay stop words, framing words are not stop words', () => {
    expect(FRAMING_WORDS.has('篇')).toBe(true);
    expect(isQueryStopWord('篇')).toBe(true);
    expect(isStopWord('篇')).toBe(false);
    expect(isQueryStopWord('什么')).toBe(true);
    expect(isQueryStopWord('补助')).toBe(false);
  });
  it('are still indexed in passages', () => {
    expect(new Tokenizer().analyze('本篇文章提到补助').words).toEqual(expect.arrayContaining(['提到']));
  });
});

describe('extractKeyTerms', () => {
  it('takes quoted terms and short titles, splitting enumerations, skipping clauses', () => {
    const terms = extractKeyTerms([
      '开展“两地报到、人人契约”活动，出台《涉企惠企政策摘要》，坚持“政策之外无政策，口径之外无口径”，推进“1433”和“6Q24S”',
    ]);
    expect(terms).toEqual(expect.arrayContaining(['两地报到', '人人契约', '涉企惠企政策摘要', '6q24s']));
    expect(terms).not.toContain('政策之外无政策,口径之外无口径');
    expect(terms).not.toContain('1433'); // plain numbers stay whole anyway
  });
});

describe('discoverWords', () => {
  it('joins recurring runs of single characters the dictionary does not know', () => {
    const t = new Tokenizer();
    const texts = ['全市共组建专班117个。', '专班干部实行单列考核。', '不得设立专班。', '把专班建在一线。'];
    const found = discoverWords((s) => t.segment(s), texts, isStopWord);
    expect(found).toContain('专班');
    t.addWords(found);
    expect(t.analyze('成立专班要满足什么条件').words).toContain('专班');
  });
});
