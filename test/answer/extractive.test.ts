import { describe, expect, it } from 'vitest';
import { extractiveAnswer, numberPassages, splitSentences, questionKind } from '../../src/answer/index.js';
import { enumerationItem } from '../../src/answer/enumeration.js';
import { charShare, questionChars, quotesNewName } from '../../src/answer/extractive.js';
import { fakeRetriever } from './fixtures.js';

async function passagesFor(q: string) {
  const r = fakeRetriever();
  const res = await r.search(q, 6);
  return numberPassages(res.hits, 6);
}

describe('sentences', () => {
  it('splits on 。！？； and line breaks, keeping the end mark and closing quotes', () => {
    expect(splitSentences('一是甲；二是乙。“好！”他说\n第三行')).toEqual([
      '一是甲；',
      '二是乙。',
      '“好！”',
      '他说',
      '第三行',
    ]);
  });

  it('drops the spaces extraction scattered in Chinese text', () => {
    expect(splitSentences('组团 服务 企业 ，随叫随到。')).toEqual(['组团服务企业，随叫随到。']);
  });
});

describe('question kind', () => {
  it('recognises list, number and ordinal questions', () => {
    expect(questionKind('五百行动 包括哪五个“百”').list).toBe(true);
    expect(questionKind('退出现职的领导干部可以当哪“三员”').list).toBe(true);
    expect(questionKind('全县组建了多少个服务团队').number).toBe(true);
    expect(questionKind('那第二条呢').ordinal).toBe(2);
    expect(questionKind('第十二项是什么')).toMatchObject({ ordinal: 12, ordinalUnit: '项' });
    expect(questionKind('三服务表现会算进公务员考核吗')).toMatchObject({ list: false, number: false, ordinal: null });
  });
});

describe('extractiveAnswer', () => {
  it('answers with the most relevant sentence and its marker, short', async () => {
    const q = '三服务表现会算进公务员考核吗';
    const ex = extractiveAnswer(q, await passagesFor(q))!;
    expect(ex.text).toContain('作为公务员平时考核、年度考核和评先评优的重要依据');
    expect(ex.text).toMatch(/\[1\]$/);
    expect([...ex.text].length).toBeLessThanOrEqual(300);
    expect(ex.used[0]!.n).toBe(1);
    expect(ex.used[0]!.quote).toContain('公务员平时考核');
  });

  it('a place the question names: a passage of another jurisdiction does not answer it', async () => {
    const { chunk } = await import('./fixtures.js');
    const r = fakeRetriever([
      chunk('city', 0, '全市组团服务企业情况', '全市组建组团服务团队104支，组团服务企业104家，组团服务实现全覆盖。'),
      chunk('kaihua', 0, '开化县“五个一批”服务民营企业', '开化县组建服务团队25支，结对服务企业25家。'),
    ]);
    const q = '开化组团服务团队组建了多少支';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('25支');
    expect(ex.text).not.toContain('104支');
  });

  it('a place named outweighs another county’s passage that shares the abbreviations asked', async () => {
    const { chunk } = await import('./fixtures.js');
    const r = fakeRetriever([
      chunk('kaihua', 0, '开化人才工作', '开化引进省领军型创新团队，其中“国千”1人、“省千”2人、博士7人。'),
      chunk('yuecheng', 0, '越城区人才工作', '截至目前，全区累计入选国家“千人计划”人才14名，省“千人计划”人才17名。'),
    ]);
    const q = '越城 国千 省千 人数';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('14名');
    expect(ex.text).not.toContain('博士7人');
  });

  it('the characters of a colloquial question tell apart sentences its words tie', async () => {
    const chars = questionChars('越城给人才拨钱那个事，有没有说咋弄才快一点');
    // Chat fillers and question words are no evidence.
    for (const c of ['咋', '弄', '啥', '少']) expect(chars.has(c)).toBe(false);
    expect(chars.has('拨')).toBe(true);
    // Characters of a query word the sentence matches whole are the word score's, not counted again.
    expect(
      charShare(
        new Map([
          ['人', 5],
          ['拨', 7],
        ]),
        '人才资金拨付',
        ['人才'],
      ),
    ).toBe(1);
    expect(
      charShare(
        new Map([
          ['人', 5],
          ['拨', 7],
        ]),
        '人才第一资源',
        ['人才'],
      ),
    ).toBe(0);
    const { chunk } = await import('./fixtures.js');
    const r = fakeRetriever([
      chunk(
        'yc',
        0,
        '越城区人才工作',
        '越城区牢固树立人才第一资源理念，完善引才政策。越城区建立人才资金拨付联审制度，实行一站受理、限时办结，加快兑现速度。',
      ),
    ]);
    const q = '越城给人才拨钱那个事，有没有说咋弄才快一点';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('加快兑现速度');
  });

  it('a question asking what something is called prefers the sentence quoting a name it does not have', async () => {
    expect(quotesNewName('推行“随叫随到、不叫也到”工作制度。', '亲清服务日的服务口号是啥')).toBe(true);
    expect(quotesNewName('龙游县创新实行“亲清服务日”工作机制。', '亲清服务日的服务口号是啥')).toBe(false);
    const { chunk } = await import('./fixtures.js');
    const r = fakeRetriever([
      chunk(
        'ly',
        0,
        '龙游亲清服务日',
        '龙游县创新实行“亲清服务日”工作机制，推动组工干部作风转变。推行“随叫随到、不叫也到”工作制度，每月第一个周二为“亲清服务日”。',
      ),
    ]);
    const q = '龙游亲清服务日的服务口号是啥';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('随叫随到');
  });

  it('number questions prefer the sentence with the number', async () => {
    const q = '全县组建了多少个服务团队';
    const ex = extractiveAnswer(q, await passagesFor(q))!;
    expect(ex.text.startsWith('全县共组建服务团队86个')).toBe(true);
  });

  it('list questions keep the whole enumeration', async () => {
    const q = '成立专班要遵循哪三条原则';
    const ex = extractiveAnswer(q, await passagesFor(q))!;
    for (const item of ['重大专项工作', '靠单一部门难以完成的工作', '阶段性的任务']) expect(ex.text).toContain(item);
    expect(ex.text).toMatch(/任务。\[1\]/);
  });

  it('an enumeration with 一是/二是 markers is picked for 哪些 questions', async () => {
    const q = '五百行动包括哪些内容';
    const ex = extractiveAnswer(q, await passagesFor(q))!;
    expect(ex.text).toContain('一是百名组工干部组团服务');
    expect(ex.text).toContain('五是百个民营企业党建示范点创建');
  });

  it('第N条 picks item N of an enumeration', async () => {
    const q = '成立专班要满足什么条件 第二条';
    const ex = extractiveAnswer(q, await passagesFor(q))!;
    expect(ex.text).toBe('第二条：必须是靠单一部门难以完成的工作。[1]');
    const q2 = '五百行动 第四个';
    const ex2 = extractiveAnswer(q2, await passagesFor(q2))!;
    expect(ex2.text).toBe('四是百名数字经济高端人才引育。[1]');
  });

  it('returns null when nothing matches', () => {
    expect(extractiveAnswer('任何问题', [])).toBeNull();
  });

  it('clips very long sentences and stays within the length budget', async () => {
    const long = `${'甲'.repeat(200)}研发费用加计扣除比例提高到百分之七十五${'乙'.repeat(200)}。`;
    const p = [
      {
        n: 1,
        score: 1,
        chunk: { id: 'x::0', docId: 'x', title: 't', source: null, date: null, headings: [], text: long },
      },
    ];
    const ex = extractiveAnswer('研发费用加计扣除比例', p)!;
    // Sentences are kept whole up to 400 characters; only a longer one is shown as its best window.
    expect([...ex.text].length).toBeLessThanOrEqual(408);
    expect(ex.text).toContain('加计扣除比例提高到百分之七十五');
    expect([...ex.used[0]!.quote].length).toBeLessThanOrEqual(200);
    expect(ex.used[0]!.quote).toContain('加计扣除比例提高到百分之七十五');
  });
});

describe('enumerationItem', () => {
  it('finds items by several marker styles', () => {
    expect(enumerationItem('要做到：（一）加强领导。（二）压实责任。（三）强化考核。', 2)).toBe('（二）压实责任。');
    expect(enumerationItem('主要措施：第一，摸清底数；第二，分类施策；第三，跟踪问效。', 3)).toBe('第三，跟踪问效。');
    expect(enumerationItem('流程：1. 申报；2. 审核；3. 公示。', 2)).toBe('2. 审核');
    expect(enumerationItem('没有列举的句子。', 2)).toBeNull();
    expect(enumerationItem('一是甲乙丙丁；二是戊己庚辛。', 3)).toBeNull();
  });
});

describe('a short whole sentence', () => {
  it('is not padded with a lead-in to something else or the next section’s heading', async () => {
    const { chunk } = await import('./fixtures.js');
    const r = fakeRetriever([
      chunk(
        'ivy',
        0,
        '退职干部再上岗',
        '县委启动“常青藤”行动计划，号召退职干部再立新功。2月14日，市委书记批示肯定。我们的主要做法是：\n一、资源打通、模块运作，重整队伍再战斗。',
      ),
    ]);
    const q = '常青藤行动是哪天被批示肯定的';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('2月14日，市委书记批示肯定。');
    expect(ex.text).not.toContain('主要做法');
    expect(ex.text).not.toContain('资源打通');
  });
});
