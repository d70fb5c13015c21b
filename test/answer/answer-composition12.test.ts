/**
 * Composing the answer once the passage is found (round 12): a count given in a kindred measure (几块 →
 * “四个部分”), a list written as parallel clauses (“不准A，不准B，不准C”), the run of the count asked in a
 * sentence of several runs, a place asked by its kind (哪个村 → the sentence naming one), and item N of a run
 * of 、 shown with the run it stands in.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { answerQuestion } from '../../src/answer/index.js';
import { countedTargets, countPhraseRe, questionKind } from '../../src/answer/question-kind.js';
import { askedPlaceHeads, measureKin, namesPlace } from '../../src/answer/lexicon.js';
import { commaRuns, inlineItems, parallelClauses } from '../../src/answer/lists.js';
import { defaultTokenizer } from '../../src/retrieval/tokenizer.js';
import type { Chunk } from '../../src/retrieval/types.js';
import { chunk, fakeRetriever } from './fixtures.js';

const ask = async (chunks: Chunk[], q: string) => {
  const retriever = Object.assign(fakeRetriever(chunks), { chunks: () => chunks });
  return answerQuestion(q, { retriever, llm: null, logger: silentLogger });
};
const segment = (t: string) => defaultTokenizer().segment(t);

describe('a count in a kindred measure', () => {
  it('几块 is answered by “四个部分” or “三大板块”; 几点 by “五条”; other measures stay apart', () => {
    expect(measureKin('块')).toEqual(['块', '部分', '板块', '大块']);
    const [blocks] = countedTargets('实施方案分成几块', segment).filter((t) => t.asksCount);
    const re = countPhraseRe(blocks!)!;
    expect(re.test('方案共分为四个部分')).toBe(true);
    expect(re.test('全书分三大板块')).toBe(true);
    expect(re.test('方案分为四块')).toBe(true);
    expect(re.test('方案共有四条措施')).toBe(false);
    const [points] = countedTargets('讲话提了几点要求', segment).filter((t) => t.asksCount);
    expect(countPhraseRe(points!)!.test('提出五条要求')).toBe(true);
    expect(countPhraseRe(points!)!.test('分成三个部分')).toBe(false);
  });

  it('the sentence stating the count wins over a list of another count in the document', async () => {
    const chunks = [
      chunk(
        'plan',
        0,
        '乡村人才振兴实施方案研究',
        [
          '我们建议方案的整体结构分为两个部分：第一部分为目标任务，第二部分为保障措施。',
          '（一）引才。引进急需人才。',
          '（二）育才。培养本土人才。',
          '（三）用才。用好各类人才。',
          '（四）留才。留住优秀人才。',
        ].join('\n'),
      ),
    ];
    const r = await ask(chunks, '人才振兴方案的整体结构分成几块');
    expect(r.answer).toContain('分为两个部分');
    expect(r.answer).not.toContain('共四块');
  });
});

describe('a list written as parallel clauses', () => {
  it('clauses opening alike are the items; a sentence without them has none', () => {
    expect(parallelClauses('要严守纪律，不准大吃大喝，不准公车私用，不准收受礼金，确保风清气正。')).toEqual([
      '不准大吃大喝',
      '不准公车私用',
      '不准收受礼金',
    ]);
    expect(parallelClauses('要严守纪律，确保风清气正，推动工作落实。')).toBeNull();
    // Two alike are no list.
    expect(parallelClauses('不准大吃大喝，不准公车私用，确保风清气正。')).toBeNull();
    expect(inlineItems('要严守纪律、改进作风，不准大吃大喝，不准公车私用，不准收受礼金。')).toEqual([
      '不准大吃大喝',
      '不准公车私用',
      '不准收受礼金',
    ]);
  });

  it('the sentence holding them answers “哪几样不能做”, not the document’s headings', async () => {
    const chunks = [
      chunk(
        'visit',
        0,
        '关于开展下基层走访活动的通知',
        [
          '1、深入一线，摸清企业需求。',
          '2、强化服务，帮助解决难题。',
          '3、改进作风，树立良好形象。走访中要轻车简从、务求实效，不准层层陪同，不准超标接待，不准增加企业负担，做到真走真访。',
        ].join('\n'),
      ),
    ];
    const r = await ask(chunks, '下去走访企业有哪几样是不准做的');
    expect(r.answer).toContain('不准层层陪同，不准超标接待，不准增加企业负担');
  });
});

describe('the run of the count asked', () => {
  it('a sentence with several runs of 、 gives each run', () => {
    expect(commaRuns('推行“四访三帮”，“访企业、访农户、访学校、访社区”，“帮资金、帮技术、帮销售”。')).toEqual([
      ['访企业', '访农户', '访学校', '访社区'],
      ['帮资金', '帮技术', '帮销售'],
    ]);
  });

  it('哪三样 takes the three-item run, not the longest one', async () => {
    const chunks = [
      chunk(
        'fang',
        0,
        '农业农村局推行“四访三帮”工作法',
        '局党组推行“四访三帮”工作法，“访企业、访农户、访学校、访社区”，带动全体干部“帮资金、帮技术、帮销售”，提升服务实效。另外，全局开展了业务培训。',
      ),
    ];
    const r = await ask(chunks, '“四访三帮”里帮哪三样？');
    expect(r.answer).toMatch(/^共三样：帮资金、帮技术、帮销售。/u);
  });
});

describe('a place asked by its kind', () => {
  it('哪个村 / 哪几个乡镇 / 啥地方 name the heads of the place asked', () => {
    expect(askedPlaceHeads('他老家是哪个村的')!.heads).toContain('村');
    expect(askedPlaceHeads('试点在哪几个乡镇')).toEqual({ heads: ['乡镇', '乡', '镇', '街道'], named: true });
    expect(askedPlaceHeads('服务中心建在啥地方')!.heads).toContain('镇');
    expect(askedPlaceHeads('难点在哪里')).toBeNull();
    expect(askedPlaceHeads('服务中心哪年建成')).toBeNull();
  });

  it('a named place of that kind counts; 农村, 全市 or a place the question names do not', () => {
    const { heads } = askedPlaceHeads('他老家是哪个村的')!;
    expect(namesPlace('他1950年出生于龙游县湖镇镇下童村。', heads, '他老家是哪个村的')).toBe(true);
    expect(namesPlace('要把农村工作抓好。', heads, '他老家是哪个村的')).toBe(false);
    expect(namesPlace('下童村的老党员都记得他。', heads, '下童村是他老家吗，他老家是哪个村的')).toBe(false);
    expect(namesPlace('全市上下要学习他的精神。', askedPlaceHeads('在哪个市')!.heads, '在哪个市')).toBe(false);
  });

  it('the sentence naming a village answers “老家是哪个村”, over one that only speaks of his home', async () => {
    const chunks = [
      chunk(
        'hero',
        0,
        '学习老书记精神',
        '作为老书记的“老家人”，我们要把老书记的精神传下去，让老家的干部群众都学起来、用起来。老书记1950年出生于龙游县湖镇镇下童村，一辈子扎根基层。',
      ),
    ];
    const r = await ask(chunks, '老书记老家是哪个村的');
    expect(r.answer).toContain('出生于龙游县湖镇镇下童村');
  });
});

describe('item N of a run of 、', () => {
  it('is shown with the run it stands in', async () => {
    const chunks = [
      chunk(
        'yuan',
        0,
        '社区推行“四大员”服务',
        '社区组建政策宣讲员、矛盾调解员、困难帮扶员、环境监督员等四大员，常态化服务居民群众。',
      ),
    ];
    const r = await ask(chunks, '社区的四大员，第二个是啥');
    expect(r.answer).toContain('第二个：矛盾调解员。');
    expect(r.answer).toContain('原文：“社区组建政策宣讲员、矛盾调解员、困难帮扶员、环境监督员等四大员”');
  });
});

describe('items named by a counted noun they close with', () => {
  it('“三大工程” is answered by the paragraphs opening “实施…工程。”', async () => {
    const chunks = [
      chunk(
        'gongcheng',
        0,
        '民生实事推进情况',
        [
          '全县聚焦群众急难愁盼，创新实施三大工程，推动民生实事落地。',
          '实施安居工程。改造老旧小区12个，惠及群众3000余户。',
          '今年还将继续推进。',
          '实施饮水工程。新建供水管网80公里，农村饮水全面达标。',
          '实施“暖心”工程。为独居老人上门服务，建立关爱档案。',
        ].join('\n'),
      ),
    ];
    const r = await ask(chunks, '全县三大工程 是哪三个');
    expect(r.answer).toMatch(/^共三个：实施安居工程；实施饮水工程；实施“暖心”工程。/u);
  });
});

describe('the last of a counted list in a first question', () => {
  it('“最后一个” is item N of a list of N the question names; without a count it is no ordinal', () => {
    expect(questionKind('三项机制里最后一项是啥')).toMatchObject({ ordinal: 3, ordinalUnit: '项' });
    expect(questionKind('打通服务群众最后一公里靠什么').ordinal).toBeNull();
    expect(questionKind('最后一个问题是啥').ordinal).toBeNull();
  });

  it('answers the last of “四项机制”', async () => {
    const chunks = [
      chunk(
        'jizhi',
        0,
        '建立四项机制',
        '县里建立“四项机制”：一是周例会机制；二是月通报机制；三是季督查机制；四是年考评机制。',
      ),
    ];
    const r = await ask(chunks, '县里的四项机制，最后一项是啥');
    expect(r.answer).toContain('年考评机制');
    expect(r.answer).not.toContain('周例会机制');
  });
});
