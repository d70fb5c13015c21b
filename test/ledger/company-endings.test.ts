/**
 * Company endings are lexicon data listed once (strong endings, then weak ones), and no reading of a message depends
 * on the order in which the lexicon lists them: the parse of every message below is the same with the endings listed
 * strong-then-weak, reversed, or shuffled.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  COMPANY_SUFFIXES,
  STRONG_COMPANY_SUFFIXES,
  WEAK_COMPANY_SUFFIXES,
} from '../../src/ledger/lexicon/enterprises.js';

/** Messages written for this test, each naming companies by their endings (strong, weak, chained, known ones). */
const MESSAGES = [
  '绑定企业 华康药业、七一电器',
  '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。',
  '今天走访了七星科技，企业反映用地指标不足，希望协调',
  '走访恒锐精密机械有限公司，缺数控操作工二十人，已报人社局',
  '昨天去了东汇科技集团，企业说研发人员不够',
  '绿源生物医药反映GMP换证慢',
  '今天去了佳禾新材料科技，一切正常',
  '宏达电子物流成本太高，希望帮忙',
  '博远信息技术想申请高企认定',
  '永信包装制品有限公司来电，环评批复快到期了',
  '走访天成食品和瑞丰纺织，天成缺冷库用地，瑞丰缺挡车工',
  '海纳那边去过了，企业说厂房扩建需要新增用地',
  '金穗农业合作社反映农产品销路不好',
  '嘉信汽配、鼎盛化工、恒光光伏三家都说暂无诉求',
];

type Parse = (text: string) => unknown;

/** The parser, loaded afresh with the company endings listed in `order`. */
async function parserWith(order: (all: readonly string[]) => string[]): Promise<Parse> {
  vi.resetModules();
  vi.doMock('../../src/ledger/lexicon/enterprises.js', async (importOriginal) => {
    const real = await importOriginal<typeof import('../../src/ledger/lexicon/enterprises.js')>();
    return { ...real, COMPANY_SUFFIXES: order(real.COMPANY_SUFFIXES) };
  });
  const { extractUpdate } = await import('../../src/ledger/extract/index.js');
  const { loadKnownEnterprises } = await import('../../src/ledger/lexicon/index.js');
  const known = loadKnownEnterprises();
  return (text) => extractUpdate(text, { today: '2026-01-08', knownEnterprises: known, teamEnterprises: ['七星科技'] });
}

function shuffled(list: readonly string[], seed: number): string[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('company endings', () => {
  afterEach(() => {
    vi.doUnmock('../../src/ledger/lexicon/enterprises.js');
    vi.resetModules();
  });

  it('each ending is listed once: the strong ones and the weak ones, nothing else', () => {
    expect(new Set(COMPANY_SUFFIXES).size).toBe(COMPANY_SUFFIXES.length);
    expect(STRONG_COMPANY_SUFFIXES.filter((s) => WEAK_COMPANY_SUFFIXES.includes(s))).toEqual([]);
    expect([...COMPANY_SUFFIXES].sort()).toEqual([...STRONG_COMPANY_SUFFIXES, ...WEAK_COMPANY_SUFFIXES].sort());
  });

  it('the order of the endings changes no parse', async () => {
    const base = await parserWith((all) => [...all]);
    const expected = MESSAGES.map(base);
    // the messages do exercise the endings: names ending in them are found
    expect(JSON.stringify(expected)).toContain('恒锐精密机械有限公司');
    expect(JSON.stringify(expected)).toContain('永信包装制品有限公司');
    for (const order of [
      (all: readonly string[]) => [...all].reverse(),
      (all: readonly string[]) => shuffled(all, 7),
      (all: readonly string[]) => shuffled(all, 2026),
      (all: readonly string[]) => [...all].sort(),
    ]) {
      const parse = await parserWith(order);
      expect(MESSAGES.map(parse)).toEqual(expected);
    }
  }, 120_000); // (five fresh module graphs: slow on a loaded machine, not a timing assertion)
});
