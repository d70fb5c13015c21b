/**
 * The not-found gate and masked names: a published text leaves names out (助力×团队成功入选…, 系列微视频《×××》…);
 * a question asking that name (哪个团队, 叫什么名字) is not answered by the masked mention.
 */
import { describe, expect, it } from 'vitest';
import { maskedNames, namesAsked } from '../../src/retrieval/evidence.js';

describe('names asked', () => {
  it('reads the noun of the name asked', () => {
    expect(namesAsked('讲话里说入选第三批英才计划的是哪个团队')).toEqual(['团队']);
    expect(namesAsked('那篇讲话到底是哪个区、哪位领导讲的？')).toEqual(['区', '领导']);
    expect(namesAsked('获二等奖的那部微视频叫什么名字')).toEqual(['视频']);
    expect(namesAsked('越城现在有多少名年轻干部')).toEqual([]);
  });
});

describe('masked names', () => {
  it('a name given only masked does not answer', () => {
    expect(maskedNames('入选英才计划的是哪个团队', ['积极搭建育才平台，助力×团队成功入选“第三批×英才计划”。'])).toEqual(
      ['团队'],
    );
    expect(maskedNames('获二等奖的微视频叫什么名字', ['系列微视频《×××》《×××》荣获全省二等奖。'])).toEqual(['视频']);
  });

  it('a name given in full answers, and a sentence without the noun leaves it to the other features', () => {
    expect(maskedNames('入选英才计划的是哪个团队', ['助力智能制造团队成功入选“第三批英才计划”。'])).toEqual([]);
    expect(maskedNames('获二等奖的微视频叫什么名字', ['系列微视频《初心》荣获全省二等奖。'])).toEqual([]);
    expect(maskedNames('入选英才计划的是哪个团队', ['全年调整干部×人。'])).toEqual([]);
  });
});
