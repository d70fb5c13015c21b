/** A count asked in one measure word may be given in an equivalent one (几个 → 88名; 多少人 → 17位). */
import { describe, expect, it } from 'vitest';
import { holdsKind } from '../../src/retrieval/confidence.js';

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
