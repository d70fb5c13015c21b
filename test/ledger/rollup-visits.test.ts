/**
 * A roll-up over several enterprises records one visit per enterprise visited, each on the day of its own entry —
 * the enterprises that raised nothing included (they count for 一月一走访) — and each new issue on its entry's day.
 * The parser's message-level fields still follow the first enterprise.
 */
import { describe, expect, it } from 'vitest';
import { visitsInText } from '../../src/ledger/extract/visits.js';
import { enterpriseMatcher } from '../../src/ledger/extract/index.js';
import type { Team } from '../../src/ledger/model.js';
import { botPerTest, memoryStore, TEAM } from './helpers.js';

const TEAM3: Team = { ...TEAM, enterprises: ['华康药业', '七一电器', '矽盛电子', '维和药业'] };
const TODAY = '2019-03-12'; // a Tuesday

function visits(text: string) {
  const hits = enterpriseMatcher(TEAM3.enterprises).findKnown(text);
  return visitsInText(text, TODAY, hits).map((v) => [v.enterprise, v.date]);
}

describe('visits read from a roll-up', () => {
  it('dates each visit by the nearest date before it in its entry, visits that raised nothing included', () => {
    expect(
      visits(
        '上周工作汇总：3月4日走访华康药业，反映冷库用地指标不够；3月6日走访七一电器，企业提出想申请技改补助；3月8日走访矽盛电子，无问题。',
      ),
    ).toEqual([
      ['华康药业', '2019-03-04'],
      ['七一电器', '2019-03-06'],
      ['矽盛电子', '2019-03-08'],
    ]);
    expect(
      visits(
        '本周小结：周一去了华康药业，反映招工难；周二去了七一电器和矽盛电子，七一电器生产经营一切正常，矽盛电子反映物流用地审批慢。',
      ),
    ).toEqual([
      ['华康药业', '2019-03-11'],
      ['七一电器', '2019-03-12'],
      ['矽盛电子', '2019-03-12'],
    ]);
  });

  it('an enterprise named but not visited, or a visit still to come, is no visit; an entry without a date has none', () => {
    expect(visits('周一去了华康药业，一切正常；七一电器这次没去，下周再去矽盛电子')).toEqual([
      ['华康药业', '2019-03-11'],
    ]);
    expect(visits('走访了华康药业和七一电器，都挺好的')).toEqual([
      ['华康药业', null],
      ['七一电器', null],
    ]);
  });
});

describe('a roll-up through the bot', () => {
  const t = botPerTest(memoryStore, { teams: [TEAM3] });

  const recorded = async () => {
    const vs = await t.kit.store.listVisits({ teamId: TEAM3.id });
    const is = await t.kit.store.listIssues({ teamId: TEAM3.id });
    return {
      visits: vs.map((v) => [v.enterprise, v.date]).sort(),
      issues: is.map((i) => [i.enterprise, i.raisedOn]).sort(),
    };
  };

  it('records a visit for each enterprise on its own day, and the visit that raised nothing', async () => {
    const r = await t.send(
      '上周工作汇总：3月4日走访华康药业，反映冷库用地指标不够；3月6日走访七一电器，企业提出想申请技改补助；3月8日走访矽盛电子，无问题。',
    );
    if (!/已记录/.test(r.text)) await t.send('对');
    expect(await recorded()).toEqual({
      visits: [
        ['七一电器', '2019-03-06'],
        ['华康药业', '2019-03-04'],
        ['矽盛电子', '2019-03-08'],
      ],
      issues: [
        ['七一电器', '2019-03-06'],
        ['华康药业', '2019-03-04'],
      ],
    });
  });

  it('two enterprises visited on one day after another day: each dated by its own day, the quiet one recorded', async () => {
    const r = await t.send(
      '本周小结：周一去了华康药业，反映招工难；周二去了七一电器和矽盛电子，七一电器生产经营一切正常，矽盛电子反映物流用地审批慢。',
    );
    if (!/已记录/.test(r.text)) await t.send('对');
    expect((await recorded()).visits).toEqual([
      ['七一电器', '2019-03-12'],
      ['华康药业', '2019-03-11'],
      ['矽盛电子', '2019-03-12'],
    ]);
  });

  it('one enterprise visited: its visit keeps the message date', async () => {
    // (two dates in one message: the bot may show its card first)
    const r = await t.send('3月8日走访华康药业，企业反映缺3名电工，3月1日提交的用电申请还没批');
    if (!/已记录/.test(r.text)) await t.send('对');
    expect((await recorded()).visits).toEqual([['华康药业', '2019-03-08']]);
  });
});
