/**
 * A full question of its own after another question on the same long document is answered as asked, not as a
 * continuation of the previous topic (a code-naive tester's 专班组建要坚持哪三条原则 after 五百行动, thirteenth round):
 * as a continuation its answer was cut after the first principle and "那第二条呢" had no list to point into.
 */
import { describe, expect, it } from 'vitest';
import { continuesTopic } from '../../src/answer/followup.js';
import type { Turn } from '../../src/answer/types.js';

const SPEECH =
  '要围绕稳企业，深入开展五百行动。专班组建要坚持因事而设，牢牢把握三条原则，即必须是针对党委政府的重大专项工作；必须是靠单一部门难以完成的工作；必须是阶段性的任务。衢州专班共有86个，派出干部1200余名。';
const prev: Turn = {
  question: '五百行动是哪五个百',
  standaloneQuery: '五百行动是哪五个百',
  answerSummary: '要围绕稳企业，深入开展五百行动。',
  docIds: ['speech'],
  at: 0,
};

describe('a question of its own on the previous answer’s document', () => {
  it('three or more words, all in the passage it finds alone: not a continuation', () => {
    const q = '专班组建要坚持哪三条原则';
    expect(continuesTopic(q, prev, SPEECH, { refused: false, topText: SPEECH, sameDocument: true })).toBe(false);
  });
  it('an elliptical question with a word or two still continues the topic', () => {
    expect(continuesTopic('派了多少干部', prev, SPEECH, { refused: false, topText: '派出干部1200余名' })).toBe(true);
  });
});
