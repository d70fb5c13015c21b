/**
 * Kind and status, thirteenth round. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseChecked as parse } from './parse-helpers.js';

describe('standing in a place of the enterprise is being there', () => {
  it('在X车间里面, 在X的装配车间, 在X的仓库 are visits', () => {
    for (const text of [
      '今天在东方轴承车间里面啊 他们说缺二十个装配工',
      '上午这边在东方轴承的装配车间 太吵了 他们说用电要增容',
      '下午在华康药业的仓库，老板说仓库用地不够',
    ]) {
      expect(parse(text).kind).toBe('visit');
    }
  });

  it('a problem said to be in a workshop is no presence', () => {
    expect(parse('问题在东方轴承车间，缺装配工').kind).toBe('issue');
    expect(parse('东方轴承车间缺装配工30人').kind).toBe('issue');
  });
});

describe('a state recorded by mistake is taken back', () => {
  it('误标办结, 错填成已销号: the state said now is read, not the mistaken one', () => {
    for (const text of ['Q-0072 状态改回推进中，之前误标办结了', 'Q-0072 之前错填成已销号了，实际还在协调']) {
      const got = parse(text);
      expect(got.kind).toBe('progress');
      expect(got.issues.map((i) => i.status)).toEqual(['in_progress']);
    }
  });
});

describe('a message that only sets the record right records nothing', () => {
  it('an id corrected, a deadline or the wording edited', () => {
    for (const text of [
      '刚那条是Q0053不是Q0035，麻烦改一下',
      '刚才那条编号写错了，应该是Q-0061',
      'Q0024 期限延到3月底',
      'Q-0012 改 摘要 缺焊工10名',
    ]) {
      const got = parse(text);
      expect(got.kind).toBe('not_update');
      expect(got.issues).toEqual([]);
    }
  });

  it('a correction that states a step or an office is an update', () => {
    const step = parse('改一下：刚才说的Q-0011不是到位了，是还在走流程');
    expect(step.kind).toBe('progress');
    expect(step.issues.map((i) => i.status)).toEqual(['in_progress']);
    const office = parse('Q-0087 部门写错了，应该是人社局');
    expect(office.kind).toBe('progress');
    expect(office.issues.map((i) => i.department)).toEqual(['人社局']);
    expect(parse('Q-0012 改 部门 人社局').kind).toBe('progress');
  });
});

describe('what the office handed the matter says is its handling, not a new report', () => {
  it('他们说 after a hand-off of a named matter: an update of that matter', () => {
    const got = parse('东方轴承贷款那个已经转给金融办了，他们说下周安排银行去尽调');
    expect(got.kind).toBe('progress');
    expect(got.issues.map((i) => [i.department, i.status])).toEqual([['金融办', 'assigned']]);
  });

  it('a problem stated before the hand-off is still new', () => {
    expect(parse('东方轴承缺20个装配工，已经交给人社局了，他们说会安排专场招聘会').kind).toBe('issue');
  });
});

describe('notices, documents shared with the group, acknowledgements and meetings with nothing raised', () => {
  it('record nothing', () => {
    for (const text of [
      '收到，已登记。',
      '新的政策文件发群里了，大家学习一下',
      '台账模板已上传到群文件，请按新格式填',
      '市里印发了一个稳企业的通知我转到群里大家参阅',
      '今天镇里开了个企业座谈会，来了八家，纪要我晚点发',
    ]) {
      const got = parse(text);
      expect(got.kind).toBe('not_update');
      expect(got.issues).toEqual([]);
    }
  });

  it('an enterprise posting in the group, a meeting at an enterprise, or one where problems were raised is recorded', () => {
    expect(parse('东方轴承 今天在群里说 想招5个研发').kind).toBe('issue');
    expect(parse('今天在华康药业座谈，企业没有诉求').kind).toBe('visit');
    expect(parse('今天开了座谈会，六家企业参加，都说招工难').kind).toBe('visit');
  });
});

describe('a matter first named as settled is one the team had', () => {
  it('named by its topic and said solved, with no id: resolved, not a new issue', () => {
    const got = parse('东方轴承新厂房消防验收已经通过了');
    expect(got.kind).toBe('resolved');
    expect(got.issues.map((i) => i.status)).toEqual(['resolved']);
    expect(parse('东方轴承装配工这个，今天电话问了 人已经招够了，可以销号了吧？').kind).toBe('resolved');
  });

  it('said solved with neither id nor enterprise, it asks which issue', () => {
    const got = parse('消防验收过了');
    expect(got.reasons).toContain('no_target');
  });
});

describe('our own note of a matter is no result', () => {
  it('我先记录下来了, 现在补上 leave the matter open', () => {
    for (const text of [
      '刚才东方轴承的行政打电话，说环评一直在审核，想请我们催一下。我先记录下来了，还没交办',
      '3月10日去了东方轴承，企业说缺装配工40个，我忘记记录了，现在补上，还没交办。',
    ]) {
      expect(parse(text).issues.map((i) => i.status)).toEqual(['open']);
    }
    expect(parse('东方轴承的装配工已经补上了').issues.map((i) => i.status)).toEqual(['resolved']);
  });
});
