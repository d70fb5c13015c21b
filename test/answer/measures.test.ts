/** A count asked in one measure word may be given in an equivalent one (几个 → 88名; 多少人 → 17位). */
import { describe, expect, it } from 'vitest';
import { askedKinds, asksDone, holdsKind, isPlanOnly } from '../../src/retrieval/confidence.js';
import { extractiveAnswer, numberPassages } from '../../src/answer/index.js';
import { chunk, fakeRetriever } from './fixtures.js';

describe('count measures', () => {
  it('accepts equivalent measure words for 个 and 人', () => {
    expect(holdsKind('number', '全区配备年轻干部88名。', '年轻干部配了几个')).toBe(true);
    expect(holdsKind('number', '共有17位专家入选。', '入选了多少人')).toBe(true);
    expect(holdsKind('number', '共培养党务工作者300多名。', '培养了多少人')).toBe(true);
  });

  it('keeps other measures strict', () => {
    expect(holdsKind('number', '优选100名指导员入企。', '每人联系几家企业')).toBe(false);
    expect(holdsKind('number', '联盟共有成员企业30家。', '联盟有多少家成员企业')).toBe(true);
    expect(holdsKind('number', '平均年龄不足40周岁。', '团队一共多少人')).toBe(false);
  });
});

describe('a number asked in a unit', () => {
  it('an area or an investment asked by its noun alone is a number, in 亩/平方米 or 元', () => {
    expect(askedKinds('常山首个全域土地综合整治工程的实施面积？')).toContain('number');
    expect(askedKinds('产业园的规划面积和总投资？')).toContain('number');
    // 面积 as a topic word is not what is asked.
    expect(askedKinds('绿化面积扩大工程是谁牵头的')).not.toContain('number');
    expect(holdsKind('number', '工程实施面积1.2万亩，涉及3个乡镇。', '整治工程的实施面积？')).toBe(true);
    expect(holdsKind('number', '总投资24.3亿元的整治工程开工。', '整治工程的实施面积？')).toBe(false);
    expect(holdsKind('number', '项目总投资50亿元。', '项目名称及总投资？')).toBe(true);
  });

  it('an age is given in 岁', () => {
    expect(holdsKind('number', '男满55岁、女满50岁的，可以不再担任中层职务。', '中层干部年纪到多少可以不当')).toBe(
      true,
    );
    expect(holdsKind('number', '全县23名中层干部中有15名干部任职超过10年。', '中层干部年纪到多少可以不当')).toBe(false);
  });

  it('a sentence without the unit asked loses to one with it, other figures notwithstanding', async () => {
    const r = fakeRetriever([
      chunk(
        'mid',
        0,
        '中层干部跨部门竞争上岗',
        [
          '开展中层干部跨部门竞争上岗，全县23名中层干部参加，优化干部结构。',
          '男满55岁、女满50岁的，经本人申请可以不再继续担任中层干部职务。',
        ].join(''),
      ),
    ]);
    const q = '开化中层干部年纪到多少可以不当中层了';
    const ex = extractiveAnswer(q, numberPassages((await r.search(q, 6)).hits, 6))!;
    expect(ex.text).toContain('男满55岁');
  });
});

describe('done versus planned', () => {
  it('a question about what was done is not answered by a plan', () => {
    expect(asksDone('去年新建了几个服务站')).toBe(true);
    expect(asksDone('今年计划新建几个服务站')).toBe(false);
    expect(isPlanOnly('今年计划新建5个服务站。')).toBe(true);
    expect(isPlanOnly('力争到年底覆盖率达到80%。')).toBe(true);
    expect(isPlanOnly('目前已建成服务站12个，计划年底再建5个。')).toBe(false);
    expect(isPlanOnly('去年新建服务站12个。')).toBe(false);
  });
});
