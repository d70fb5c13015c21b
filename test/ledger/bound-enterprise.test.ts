import { describe, expect, it } from 'vitest';
import { boundEnterprise } from '../../src/ledger/model.js';

describe('boundEnterprise: the one mapping of a written name onto the team list', () => {
  const team = ['绿源食品', '绿源包装材料有限公司', '华康药业', '七一电器'];

  it('prefers the same name, then a prefix either way, then containment either way', () => {
    expect(boundEnterprise(team, '华康药业')).toBe('华康药业');
    expect(boundEnterprise(team, '华康')).toBe('华康药业');
    expect(boundEnterprise(team, '华康药业有限公司')).toBe('华康药业');
    expect(boundEnterprise(team, '绿源')).toBe('绿源食品');
    expect(boundEnterprise(team, '浙江七一电器股份')).toBe('七一电器');
    expect(boundEnterprise(team, '包装材料')).toBe('绿源包装材料有限公司');
  });

  it('stands for nothing when the name is too short or unknown', () => {
    expect(boundEnterprise(team, '华')).toBeNull();
    expect(boundEnterprise(team, ' ')).toBeNull();
    expect(boundEnterprise(team, '金马机械')).toBeNull();
    expect(boundEnterprise([], '华康')).toBeNull();
  });
});
