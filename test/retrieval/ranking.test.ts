/**
 * The ranking pieces, each on a small corpus where it must make the difference (and with it turned
 * off, the same question goes wrong): character grams, colloquial normalisation, question words,
 * document description (title, column, author, kind, masthead), word/char fusion, answer type,
 * neighbours.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { doc } from '../helpers/corpus-doc.js';
import { answerTypeCoverage, askedType, passageFormCoverage } from '../../src/retrieval/answer-type.js';
import { chunkDescription, queryFields } from '../../src/retrieval/fields.js';
import {
  asksForWhatFollows,
  CONSTRAINT_WEIGHT,
  statesCount,
  type RankingOptions,
} from '../../src/retrieval/lexical.js';
import {
  colloquialExpansions,
  docKindWords,
  docLevelWords,
  lexiconFrom,
  parseColloquial,
  parseDocKinds,
} from '../../src/retrieval/lexicon.js';
import { buildRetriever } from '../../src/retrieval/retriever.js';
import { countedSlogan, holdsItem, ordinalAsked, sloganItems, sloganOrdinal } from '../../src/retrieval/ordinal.js';
import { isDefinitionQuestion } from '../../src/retrieval/definition.js';
import { Tokenizer } from '../../src/retrieval/tokenizer.js';

async function top(docs: CorpusDocument[], question: string, ranking?: RankingOptions): Promise<string | undefined> {
  const r = await buildRetriever(docs, ranking ? { ranking } : {});
  return (await r.search(question, 3)).hits[0]?.chunk.docId;
}

describe('character grams', () => {
  const tok = new Tokenizer();
  it('indexes every Han unigram and bigram of a passage, digits and Latin runs whole', () => {
    const g = tok.charGrams('专班的组建，共117个，6Q24S模式');
    expect(g.bigrams).toEqual(['专班', '班的', '的组', '组建', '117', '6q24s', '模式']);
    expect(g.unigrams).toEqual(['专', '班', '的', '组', '建', '共', '117', '个', '6q24s', '模', '式']);
  });
  it('drops a question word with its time measure word ("哪天" is not a search for "天")', () => {
    const q = queryFields(tok, '资规局是哪天挂牌的');
    expect(q.fields.flat()).not.toContain('天');
    expect(q.bigrams).toEqual(['资规', '规局', '挂牌']);
  });
  it('does not search for an ordinal reference ("第二条" points into a list, it is not a topic)', () => {
    const q = queryFields(tok, '专班设立有哪些原则 第二条');
    expect(q.fields.flat().some((t) => t.includes('第二') || t.includes('二条'))).toBe(false);
    expect(q.bigrams).toEqual(expect.arrayContaining(['专班', '原则']));
  });
  it('with framing on, cuts the framing words of a chat question out of the query but not the words they are part of', () => {
    const q = queryFields(tok, '那篇通知里提到的补助标准是多少', { framing: true });
    const all = q.fields.flat();
    expect(all).not.toContain('篇');
    expect(all).not.toContain('提到');
    expect(q.bigrams).not.toContain('提到');
    expect(q.bigrams).toEqual(expect.arrayContaining(['通知', '补助', '标准']));
    expect(queryFields(tok, '那篇文章里补助标准是多少', { framing: true }).words).not.toContain('篇文章');
    // Off by default (measured no better on the check halves): the framing words stay in.
    expect(queryFields(tok, '那篇通知里提到的补助标准是多少').fields.flat()).toContain('提到');
    // Only whole segmenter tokens are framing words: 说明 is a topic word.
    expect(queryFields(tok, '申报说明在哪', { framing: true }).words).toContain('说明');
  });
  it('on the query side cuts question and function words out before forming grams', () => {
    const g = tok.queryCharGrams('成立专班要满足什么条件');
    expect(g.bigrams).not.toContain('么条');
    expect(g.bigrams).not.toContain('什么');
    expect(g.bigrams).toEqual(expect.arrayContaining(['成立', '专班', '条件']));
  });
});

describe('colloquial normalisation (data/retrieval/colloquial.txt)', () => {
  it('parses `colloquial = written …` lines, longest match first, written forms added once', () => {
    const lex = lexiconFrom('# comment\n咋 = 怎么\n咋整 = 怎么办\n搭班子 = 组建 配备\n', '');
    expect(parseColloquial('啥 = 什么\n啥 = 哪些').get('啥')).toEqual(['什么', '哪些']);
    expect(colloquialExpansions('专班咋整', lex)).toEqual(['怎么办']);
    expect(colloquialExpansions('怎么搭班子', lex)).toEqual(['组建', '配备']);
    expect(colloquialExpansions('组建专班怎么搭班子', lex)).toEqual(['配备']);
  });

  it('the shipped lexicon maps everyday forms to written ones', () => {
    expect(colloquialExpansions('最多能拿多少钱')).toEqual(expect.arrayContaining(['金额', '资金']));
    expect(colloquialExpansions('这事有没有说法')).toContain('规定');
    expect(colloquialExpansions('头一天签了多少')).toContain('首日');
    expect(colloquialExpansions('孩子上学看病怎么办')).toEqual(expect.arrayContaining(['子女', '就学', '就医']));
    expect(colloquialExpansions('退下来的干部多久换地方')).toEqual(expect.arrayContaining(['退职', '轮岗']));
    expect(queryFields(new Tokenizer(), '不让干部下去跑企业').expansions).toEqual(
      expect.arrayContaining(['不得', '走访']),
    );
  });

  it('maps near synonyms of everyday speech to the official word (改成 → 改造, 养活 → 运营, 上门 → 走访 …)', () => {
    expect(colloquialExpansions('办公的地方要改成啥样')).toContain('改造');
    expect(colloquialExpansions('这个基地以后靠啥养活')).toContain('运营');
    expect(colloquialExpansions('上门送政策')).toContain('走访');
    expect(colloquialExpansions('支部管啥职责')).toContain('承担');
    expect(colloquialExpansions('想上市有啥支持')).toContain('挂牌');
    expect(colloquialExpansions('有没有人帮着代办')).toContain('一站式');
    expect(colloquialExpansions('给人才的贷款')).toContain('金融');
    expect(colloquialExpansions('表现差的干部咋办')).toContain('表现不佳');
  });

  it('finds a passage worded with the official synonym only through the lexicon', async () => {
    const docs = [
      doc('a', '传承基地建设', '传承基地推行市场化、公司化运营，着眼红色文化产业，形成自我造血机制。'),
      doc('b', '传承基地规划', '传承基地今后要建成理论教育和实践体验相结合的阵地，各方共同支持。'),
    ];
    expect(await top(docs, '传承基地以后靠啥养活')).toBe('a');
    expect(await top(docs, '传承基地以后靠啥养活', { colloquial: false })).not.toBe('a');
  });

  it('finds the written wording for a colloquial question, and does not without the lexicon', async () => {
    const docs = [
      doc('a', '工作纪律', '走访企业期间，严禁接受宴请，不得向企业提出与工作无关的要求。'),
      doc('b', '工作安排', '干部要经常下去，跑一跑企业，听一听企业家的意见，要注意方式方法。'),
      doc('c', '其他', '年度考核结果分为优秀、称职、基本称职和不称职四个等次。'),
    ];
    expect(await top(docs, '去企业有啥不让干的')).toBe('a');
    expect(await top(docs, '去企业有啥不让干的', { colloquial: false })).not.toBe('a');
  });
});

describe('document description: title, column, author, kind, masthead', () => {
  const kinds = parseDocKinds('讲话 领导讲话 发言 | 讲话 / ^同志们[：:]\n卷首语 卷首 评论 | 卷首 / 评论员\n');
  it('recognises a kind by title, column, author or opening', () => {
    expect(docKindWords({ title: '无题', opening: '同志们：今天我们开会' }, { ...lexiconFrom('', ''), kinds })).toEqual(
      ['讲话', '领导讲话', '发言'],
    );
    expect(docKindWords({ title: '一篇文章', section: '卷首语' }, { ...lexiconFrom('', ''), kinds })).toContain('评论');
    expect(docKindWords({ title: '一篇文章', author: '本刊评论员' }, { ...lexiconFrom('', ''), kinds })).toContain(
      '卷首',
    );
    expect(docKindWords({ title: '人才公寓管理办法', opening: '第一条' }, { ...lexiconFrom('', ''), kinds })).toEqual(
      [],
    );
  });

  it('puts title, column, author, origin, source and kind words in the searchable description', () => {
    const d = chunkDescription({
      title: '全力推进高质量发展',
      section: '卷首语',
      author: '本刊评论员',
      origin: null,
      source: '衢州党建 2019年第1期',
      kinds: ['卷首语', '评论'],
    });
    expect(d.split('\n')).toEqual([
      '全力推进高质量发展',
      '卷首语',
      '本刊评论员',
      '衢州党建 2019年第1期',
      '卷首语 评论',
    ]);
  });

  const speeches = [
    doc(
      'speech',
      '在全县组织工作会议上的讲话',
      '同志们：\n今年要重点抓好干部队伍建设，抓好基层组织建设，抓好人才工作。',
    ),
    doc(
      'report',
      '县委组织部2019年工作总结',
      '今年重点抓好干部队伍建设和基层组织建设，人才工作取得新成效，共引进人才120名。',
    ),
    doc('kaihua', '开化县推进干部交流', '推行中层干部跨部门竞争上岗，今年拿出20个岗位。', {
      author: '中共开化县委组织部',
    }),
    doc('jiangshan', '江山市推进干部交流', '推行中层干部跨部门竞争上岗，今年拿出30个岗位。', {
      author: '中共江山市委组织部',
    }),
  ];
  it('steers to a document named by kind ("那篇讲话") or by its author\'s place ("开化那个…")', async () => {
    expect(await top(speeches, '那篇讲话里今年要重点抓好哪些工作')).toBe('speech');
    expect(await top(speeches, '开化竞争上岗拿出几个岗位')).toBe('kaihua');
    expect(await top(speeches, '江山竞争上岗拿出几个岗位')).toBe('jiangshan');
    expect(await top(speeches, '江山竞争上岗拿出几个岗位', { description: false, constraint: 0 })).not.toBe(
      'jiangshan',
    );
  });

  it('does not answer a question naming two articles with the contents page that lists both titles', async () => {
    const { loadLibrary } = await import('../../src/corpus/index.js');
    const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: '/nonexistent-zct-data' });
    const q = '龙游亲清服务日和开化五个一批各建了多少团队';
    const off = await buildRetriever(docs, { ranking: { frontMatter: 1 } });
    expect((await off.search(q, 3)).hits[0]!.chunk.section).toBe('刊物信息');
    const on = await buildRetriever(docs);
    expect((await on.search(q, 3)).hits[0]!.chunk.section).not.toBe('刊物信息');
    // Asked about the publication itself, the front matter still answers.
    expect((await on.search('衢州党建杂志是哪个单位主办的', 3)).hits[0]!.chunk.section).toBe('刊物信息');
  });

  it("finds a periodical's masthead facts (publisher, issue date) in its front matter", async () => {
    const { loadLibrary } = await import('../../src/corpus/index.js');
    const docs = await loadLibrary({ corpusDir: 'data/corpus', dataDir: '/nonexistent-zct-data' });
    const r = await buildRetriever(docs);
    for (const q of ['衢州党建杂志是哪个单位主办的', '衢州党建这一期是几月几号出版的', '衢州党建的主编是谁']) {
      const hit = (await r.search(q, 3)).hits[0]!;
      expect(hit.chunk.docId, q).toBe('004_793b3a574802021e#00');
      expect(hit.chunk.section).toBe('刊物信息');
    }
  });
});

describe('fusion of the word index with the character index', () => {
  it('the jieba word field breaks a tie the characters leave (whole word vs scattered characters)', async () => {
    const docs = [
      doc('word', '甲', '推动人才工作，建设人才公寓。'),
      doc('scatter', '乙', '公平公正，寓教于乐，人人有才。'),
    ];
    expect(await top(docs, '人才公寓')).toBe('word');
  });
});

describe('answer type', () => {
  it('reads what the question asks for', () => {
    expect(askedType('资规局是哪天挂牌的')).toBe('date');
    expect(askedType('一共引进了多少人才')).toBe('number');
    expect(askedType('专班组建有哪些原则')).toBeNull();
  });
  it("scores the sentence that holds a figure together with the question's terms", () => {
    const bigrams = new Set(['挂牌', '规局']);
    expect(answerTypeCoverage('资规局于1月15日挂牌成立。此后开展学习。', 'date', bigrams)).toBe(1);
    expect(answerTypeCoverage('资规局挂牌以来开展学习。2月份完成调研。', 'date', bigrams)).toBe(0);
  });
  it('prefers the passage that gives the date over one that only talks about the event', async () => {
    const docs = [
      doc('talk', '工作动态', '资规局挂牌以后，各项工作有序推进，干部精神面貌焕然一新。'),
      doc('date', '机构改革', '市资规局于1月15日正式挂牌，机构改革迈出第一步，实现了人员大整合、体系大构造。'),
    ];
    expect(await top(docs, '资规局是哪天挂牌的')).toBe('date');
    expect(await top(docs, '资规局是哪天挂牌的', { answerType: false })).toBe('talk');
  });
});

describe('attribute answer types (data/retrieval/attributes.txt) in the ranking', () => {
  it("scores a passage holding the attribute's form by its share of the question's bigrams", () => {
    const bigrams = new Set(['走访', '调研']);
    const form = /不搞|不得/u;
    expect(passageFormCoverage('开展走访调研。要创新方法，不搞重复走访。', form, bigrams)).toBe(1);
    expect(passageFormCoverage('开展走访调研。要创新方法，减少重复走访。', form, bigrams)).toBe(0);
  });
  it('prefers the passage that says what must not be done over one that only talks about the topic', async () => {
    const docs = [
      doc('talk', '工作安排', '各级组织部门要抓好走访调研，走访调研情况按月汇总。'),
      doc('ban', '纪律作风要求', '开展走访调研要加强统筹，走访调研中杜绝重复检查，杜绝台账留痕。'),
    ];
    const q = '走访调研有哪些不能做的';
    expect(await top(docs, q, { attributeType: false })).toBe('talk');
    expect(await top(docs, q)).toBe('ban');
  });
});

describe('neighbours', () => {
  it('gives the chunks around a hit in document order, never across documents', async () => {
    const long = Array.from(
      { length: 30 },
      (_, i) => `第${i + 1}项工作要求的具体内容写在这里，并且说明了相应的措施和时限安排。`,
    ).join('\n');
    const r = await buildRetriever([doc('x', '长文', long), doc('y', '短文', '另一篇文章。')]);
    const chunks = r.documentChunks('x');
    expect(chunks.length).toBeGreaterThan(2);
    const mid = chunks[1]!;
    expect(r.neighbours(mid.id, 1, 1).map((c) => c.id)).toEqual([chunks[0]!.id, mid.id, chunks[2]!.id]);
    expect(r.neighbours(chunks[0]!.id, 3, 0).map((c) => c.id)).toEqual([chunks[0]!.id]);
    const last = chunks[chunks.length - 1]!;
    expect(r.neighbours(last.id, 0, 5).map((c) => c.docId)).toEqual(['x']);
    expect(r.chunk(mid.id)?.text).toBe(mid.text);
    expect(r.neighbours('nope::0')).toEqual([]);
  });
});

describe('lead-in follow-on (list and count questions)', () => {
  const lead = (leadIn: string) =>
    doc(
      'a',
      '关于优化营商环境的做法',
      `本县持续优化营商环境，满意度稳步提升，服务更实。各部门密切配合，形成合力。\n${leadIn}\n一是建立联系制度，每名干部联系一家企业。二是完善诉求办理，做到限时答复。三是落实政策兑现，确保资金及时到位。`,
    );
  const other = doc('b', '关于乡村振兴的意见', '乡村振兴要抓产业、抓人才、抓组织，推动农业农村现代化。');
  const chunkOptions = { targetChars: 60, maxChars: 90, overlapChars: 30 };
  const first = async (docs: CorpusDocument[], q: string, ranking: RankingOptions = {}) => {
    const r = await buildRetriever(docs, { chunkOptions, ranking });
    return (await r.search(q, 3)).hits.map((h) => h.chunk.id);
  };

  it('puts the passage after a near-tied lead-in first: it holds the lead-in (overlap) and the items', async () => {
    const docs = [lead('强化企业服务主要有以下举措：'), other];
    expect((await first(docs, '强化企业服务有哪些举措', { followOn: 0 }))[0]).toBe('a::0');
    const hits = await first(docs, '强化企业服务有哪些举措');
    expect(hits.slice(0, 2)).toEqual(['a::1', 'a::0']);
    // Not for a question that asks for no list or count.
    expect((await first(docs, '强化企业服务主要靠什么'))[0]).toBe(
      (await first(docs, '强化企业服务主要靠什么', { followOn: 0 }))[0],
    );
  });

  it('keeps a top passage that already states the count asked (三个方面 for 几个方面)', async () => {
    const docs = [lead('强化企业服务主要有以下三个方面举措：'), other];
    expect(await first(docs, '强化企业服务举措分几个方面')).toEqual(
      await first(docs, '强化企业服务举措分几个方面', { followOn: 0 }),
    );
  });

  it('reads the count a question asks and whether a passage states it', () => {
    expect(statesCount('品质党建标准是分几步搞出来的', '按“三步走”健全标准化体系')).toBe(true);
    expect(statesCount('分了几个组', '设立规划设计组、政策协调组等三个组')).toBe(true);
    expect(statesCount('一共有几个', '共建成12个示范点')).toBe(true);
    expect(statesCount('分几步', '分两个阶段推进')).toBe(false);
    expect(statesCount('有哪些举措', '三步走')).toBe(false);
    expect(asksForWhatFollows('有哪些举措')).toBe(true);
    expect(asksForWhatFollows('一共多少家企业')).toBe(true);
    expect(asksForWhatFollows('这个政策是谁出台的')).toBe(false);
  });
});

describe('the level a document speaks for (区里那篇, 县里的做法)', () => {
  it('reads the level from how the document names itself, when one level clearly dominates', () => {
    expect(docLevelWords('在区委坚强领导和市委组织部有力指导下，全区组织工作……我区……区委')).toEqual(['区里']);
    expect(docLevelWords('全县干部……县委……我县')).toEqual(['县里']);
    expect(docLevelWords('全市……市委……全区……区委')).toEqual([]);
    expect(docLevelWords('全市')).toEqual([]);
  });

  it('steers “区里那篇讲话” to the district speech when the city speech matches the topic better', async () => {
    const city = doc(
      'city',
      '在全市组织工作会议上的讲话',
      '同志们：全市要抓政治建设，政治建设是根本性建设。市委要求，各县区抓政治建设。示范区、开发区、园区都要抓政治建设。',
    );
    const district = doc(
      'district',
      '在党建工作会议上的讲话',
      '同志们：在区委坚强领导下，全区组织工作稳步推进，我区干部队伍建设持续加强，严肃政治规矩。',
    );
    const q = '区里那篇讲话抓政治建设讲了啥';
    expect(await top([city, district], q, {})).toBe('district');
    const r = await buildRetriever([city, district], { chunkOptions: { level: false } });
    expect((await r.search(q, 3)).hits[0]?.chunk.docId).toBe('city');
  });
});

describe('first mention (“X是干嘛的”, “X是指啥”)', () => {
  const measure = doc(
    'm',
    '实施“青苗”计划 推动干部成长',
    [
      '年轻干部成长慢、历练少，是干部工作的一个难题。县委启动“青苗”计划，让年轻干部到一线墩苗历练、在实战中成长。',
      '一、分批选派。“青苗”计划每年选派年轻干部到项目一线，实行导师帮带，定期考核“青苗”干部实绩，“青苗”干部表现突出的优先提拔。',
      '二、跟踪培养。“青苗”干部建立成长档案，“青苗”计划实施以来，干部干事热情明显提升。',
    ].join('\n'),
  );
  const other = doc('o', '关于乡村振兴的意见', '乡村振兴要抓产业、抓人才、抓组织，推动农业农村现代化。');
  const chunkOptions = { targetChars: 60, maxChars: 90, overlapChars: 0 };
  const firstText = async (q: string, ranking: RankingOptions = {}) => {
    const r = await buildRetriever([measure, other], { chunkOptions, ranking });
    return (await r.search(q, 3)).hits[0]?.chunk.text ?? '';
  };

  it('puts the passage that introduces the asked term first, not a later one that repeats it more', async () => {
    expect(await firstText('“青苗”计划是干嘛的', { definitionFirst: 0 })).not.toContain('县委启动');
    expect(await firstText('“青苗”计划是干嘛的')).toContain('县委启动“青苗”计划');
  });

  it('recognises a question about what a term is or means, not one about its parts, count or item N', () => {
    for (const q of ['常青藤行动是干嘛的', '中梗阻是指啥', '网格365到底啥意思', '那个客厅式改造是咋回事'])
      expect(isDefinitionQuestion(q)).toBe(true);
    for (const q of ['3、6、5分别是指啥', '三员是指哪几个', '第三条是什么', '总体要求是啥', '谁牵头'])
      expect(isDefinitionQuestion(q)).toBe(false);
  });
});

describe('item N of a list or of the document (第四部分, 第五条)', () => {
  const speech = doc(
    's',
    '在全市工作会议上的讲话',
    [
      '同志们：今天召开全市工作会议，主要任务是总结去年工作，部署今年任务。',
      '一、过去一年的工作回顾',
      '去年全市各项工作取得新进展，经济运行稳中有进，民生持续改善，基层党建全面加强，干部队伍活力增强。',
      '二、今年工作的总体要求',
      '今年工作的总体要求是稳中求进，突出抓好党建统领，持续优化营商环境，推动高质量发展再上新台阶。',
      '三、重点抓好四项任务',
      '（一）抓好招商引资。聚焦主导产业精准招商。（二）抓好人才引育。实施人才新政。（三）抓好项目建设。推进重大项目落地。（四）抓好作风建设。整治形式主义。',
      '四、切实加强组织保障',
      '各级党组织要切实履行主体责任，层层压实工作任务，确保各项部署落到实处，以实干实绩推动各项任务落地见效。',
    ].join('\n'),
  );
  const other = doc('o', '关于乡村振兴的意见', '乡村振兴要抓产业、抓人才、抓组织，推动农业农村现代化。');
  const chunkOptions = { targetChars: 60, maxChars: 90, overlapChars: 0 };
  const firstText = async (q: string, ranking: RankingOptions = {}) => {
    const r = await buildRetriever([speech, other], { chunkOptions, ranking });
    return (await r.search(q, 3)).hits[0]?.chunk.text ?? '';
  };

  it('puts the passage holding the marker of the part asked for first', async () => {
    const q = '全市工作会议讲话讲今年工作，第四部分标题是什么';
    expect(await firstText(q, { ordinal: false })).not.toContain('四、切实加强组织保障');
    expect(await firstText(q)).toContain('四、切实加强组织保障');
  });

  it('reads an item marker of any level for 第N条 / 第N点, and only the outer parts for 第N部分', async () => {
    expect(await firstText('讲话里的重点任务第四条是啥', { ordinal: false })).not.toContain('（四）抓好作风建设');
    expect(await firstText('讲话里的重点任务第四条是啥')).toContain('（四）抓好作风建设');
  });

  it('recognises the item asked for and its markers', () => {
    const ask = ordinalAsked('第三点讲的是啥', 3, '点')!;
    expect(holdsItem('。三是严肃政治规矩。', ask)).toBe(true);
    expect(holdsItem('（三）抓好项目建设', ask)).toBe(true);
    expect(holdsItem('3、持续深化创建', ask)).toBe(true);
    expect(holdsItem('③推进协作', ask)).toBe(true);
    expect(holdsItem('十三、其他事项', ask)).toBe(false);
    expect(holdsItem('2013、2014年', ask)).toBe(false);
    const part = ordinalAsked('第三部分标题', 3, '部分')!;
    expect(part.outer).toBe(true);
    expect(holdsItem('三、重点抓好四项任务', part)).toBe(true);
    expect(holdsItem('（三）抓好项目建设', part)).toBe(false);
    expect(ordinalAsked('谁是第一个提出这个做法的', 1, '个')).toBeNull();
    expect(ordinalAsked('第一个是啥', 1, '个')).not.toBeNull();
  });
});

describe('counted slogans (四个一批, 五个一批): their items and item N', () => {
  const slogan = doc(
    'k',
    '开化县组织部门“五个一批”真情实招服务',
    [
      '开化县委组织部实施“五个一批”服务载体，打好系列组合拳，服务民营经济高质量发展。一批组团联企服务，解决企业难题。',
      '建立联企团组，定期走访企业，收集问题清单，实行分类交办和跟踪督办，每月召开分析协调会议。',
      '一批干部专业能力培训，提升服务水平。组建讲师团，开展专题培训，提高干部服务企业的本领。',
      '一批企业产业课题调研，谋好发展举措。围绕主导产业开展课题调研，形成调研报告。',
      '一批政策宣传解读，打通政策落地。编印政策摘要小册子，组织座谈宣讲。',
      '一批高层次人才引聚，创新驱动发展。指导企业申报人才项目，引进高层次人才。',
    ].join('\n'),
  );
  const mechanism = doc(
    'm',
    '探索推行“四个一批”机制 激活中层干部',
    [
      '中层干部是办事骨干，我们考虑从选拔任用、跨部门交流、竞争上岗等方面激活中层干部队伍。',
      '计划推行“四个一批”机制（年龄身体等原因自愿退出一批、表现不佳降免职一批、长期任职强制交流一批和跨部门竞争上岗一批），健全交流机制。',
      '二、主要设想。实施“四个一批”，畅通中层干部交流渠道，制定跨部门竞争上岗实施方案，明确适用范围和资格条件。',
      '规范操作流程，分宣传发动、推荐报名、资格审查、笔试、面试等环节，确保跨部门竞争上岗顺利开展。',
    ].join('\n'),
  );
  const chunkOptions = { targetChars: 50, maxChars: 80, overlapChars: 0 };
  const firstText = async (q: string, ranking: RankingOptions = {}) => {
    const r = await buildRetriever([slogan, mechanism], { chunkOptions, ranking });
    return (await r.search(q, 3)).hits[0]?.chunk.text ?? '';
  };

  it('reads a counted slogan, the item N asked and the items in document order', () => {
    expect(countedSlogan('开化五个一批 第三批是啥')).toEqual({ count: 5, item: '一批' });
    expect(countedSlogan('开化“四个一批”分别是哪四个')).toEqual({ count: 4, item: '一批' });
    expect(countedSlogan('三个方面是啥')).toBeNull();
    expect(sloganOrdinal('五个一批 第三批是啥', { count: 5, item: '一批' })).toBe(3);
    expect(sloganOrdinal('五个一批第二条是啥', { count: 5, item: '一批' })).toBe(2);
    expect(sloganOrdinal('五个一批第七批是啥', { count: 5, item: '一批' })).toBeNull();
    const items = sloganItems(
      ['实施“三个一批”。一批组团服务，解决难题。', '一批干部培训，提升水平。一批课题调研。'],
      '一批',
    );
    expect(items.map((i) => [i.clause, i.passage])).toEqual([
      ['一批组团服务', 0],
      ['一批干部培训', 1],
      ['一批课题调研', 1],
    ]);
    const inline = sloganItems(['推行“三个一批”（自愿退出一批、降免职一批和交流一批）'], '一批');
    expect(inline.map((i) => i.clause)).toEqual(['自愿退出一批', '降免职一批', '交流一批']);
  });

  it('puts the passage holding the N-th item of the slogan first (第三批: the third 一批… clause)', async () => {
    expect(await firstText('开化五个一批 第三批是啥', { slogans: false })).not.toContain('一批企业产业课题调研');
    expect(await firstText('开化五个一批 第三批是啥')).toContain('一批企业产业课题调研');
  });

  it('for “分别是哪四个”, prefers the passage that enumerates the slogan’s items', async () => {
    expect(await firstText('四个一批分别是哪四个', { slogans: false })).not.toContain('表现不佳降免职一批');
    expect(await firstText('四个一批分别是哪四个')).toContain('表现不佳降免职一批');
  });
});

describe('a place asked against an article described by another place', () => {
  const docs = [
    doc('js', '全力实施数字经济人才“一号行动”', '摸清企业缺人情况，建立需求预测机制。', {
      author: '中共江山市委组织部',
    }),
    doc('qj', '奋力打响“放心衢江”品牌', '深入企业开展走访，绘好企业人才“需求图”，按需精准引才。', {
      author: '中共衢江区委组织部',
    }),
    doc('other', '关于乡村振兴的意见', '乡村振兴要抓产业、抓人才、抓组织，推动农业农村现代化。'),
  ];
  it("prefers the asked place's article over another place's article that shares more topic words", async () => {
    const q = '衢江那边摸企业缺什么人才，是咋摸的';
    expect(await top(docs, q, { placeConflict: 0 })).toBe('js');
    expect(await top(docs, q)).toBe('qj');
    // Without a place in the question, nothing is penalised.
    expect(await top(docs, '摸企业缺什么人才，是咋摸的')).toBe('js');
  });
});

describe('places, years and batches the question names (constraints in the ranking)', () => {
  const city = doc('city', '全市人才工作要点', '全市引才目标是引进一批高层次人才和创新团队。');
  const county = doc('kh', '开化县彰显组织新作为', '今年力争引进5个人才团队、30名高层次人才。');
  const other = doc('o', '关于乡村振兴的意见', '乡村振兴要抓产业、抓人才、抓组织，推动农业农村现代化。');
  const docs = [city, county, other];

  it("prefers the passage that meets the place named over one that shares the topic's other words", async () => {
    const q = '开化今年引才目标是引进多少高层次人才和创新团队';
    expect(await top(docs, q, { constraint: 0 })).toBe('city');
    expect(await top(docs, q, { constraint: 0.5 })).toBe('kh');
    expect(CONSTRAINT_WEIGHT).toBeGreaterThan(0);
    // A question naming no place, year or batch is ranked as without the bonus.
    expect(await top(docs, '引才目标是引进多少高层次人才和创新团队', { constraint: 0.5 })).toBe(
      await top(docs, '引才目标是引进多少高层次人才和创新团队', { constraint: 0 }),
    );
  });
});
