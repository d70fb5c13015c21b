/**
 * The not-found gate and codes (“216”机制, 1433战略, 1+1+X): a question asking what a code means is answered
 * only where the text says it — a word opening its meaning, a definition, its parts spelled as counts or listed —
 * not where the code is only named (推行年轻干部培训“216”机制，采取…) or stands in a heading.
 */
import { describe, expect, it } from 'vitest';
import { codeExplained, codesAsked } from '../../src/retrieval/evidence.js';

describe('codes asked', () => {
  it('reads a code whose meaning is asked, quoted or bare', () => {
    expect(codesAsked('开化年轻干部培训那个216机制具体是啥意思')).toEqual(['216']);
    expect(codesAsked('开化年轻干部培训“216”机制，这三个数字具体指什么？')).toEqual(['216']);
    expect(codesAsked('市委1433战略体系具体指哪几个方面')).toEqual(['1433']);
    expect(codesAsked('1+1+X党员联户是啥意思')).toEqual(['1+1+x']);
  });

  it('a figure, a year, a short number or a question asking no meaning names no code', () => {
    expect(codesAsked('越城区契约化共建签的5000多项里已经完成了多少？')).toEqual([]);
    expect(codesAsked('20字好干部标准是哪20个字')).toEqual([]);
    expect(codesAsked('2019年的目标具体是什么')).toEqual([]);
    expect(codesAsked('衢州那104支服务民企的团队具体是哪些')).toEqual([]);
    expect(codesAsked('开化216机制是哪年推行的')).toEqual([]);
  });
});

describe('a code explained', () => {
  const only = [{ s: '推行年轻干部培训“216”机制，采取“四个一批”办法推进中层干部跨部门交流。' }];

  it('is not explained where it is only named, or only in a heading', () => {
    expect(codeExplained('216', only)).toBe(false);
    expect(codeExplained('1433', [{ s: '聚力推进市委“1433”发展战略体系重重落地' }])).toBe(false);
  });

  it('is explained by a word opening its meaning, a definition, counts or its listed items', () => {
    expect(codeExplained('1+4', [{ s: '完善以“1+4”为基本框架的党内法规制度体系，即在党章之下分为四大板块。' }])).toBe(
      true,
    );
    expect(codeExplained('365', [{ s: '所谓“网格365”，就是指网格全覆盖无死角。' }])).toBe(true);
    expect(
      codeExplained('1+1+1', [
        { s: '按照“1+1+1”组团服务模式，以1名组工干部，1名经济部门干部和1名乡镇干部的标准组建团队。' },
      ]),
    ).toBe(true);
    expect(codeExplained('1+n', [{ s: '建立涵盖工作流程、运行机制、日常管理、考核细则等“1+N”制度体系。' }])).toBe(true);
    expect(
      codeExplained('216', [{ s: '推行“216”机制。', following: ['即每年2次集中培训、1次实践锻炼、6次专题学习。'] }]),
    ).toBe(true);
  });

  it('a code no candidate writes leaves the decision to the other features', () => {
    expect(codeExplained('216', [{ s: '开展年轻干部专题调研。' }])).toBe(true);
  });
});
