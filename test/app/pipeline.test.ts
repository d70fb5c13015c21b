/**
 * One message pipeline: the router builds the per-message context (team, draft, clarification, parse) and the
 * handler receives it, so nothing is read or parsed twice and no module-level cache carries per-message state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import type { RouteContext } from '../../handlers/types.js';
import { TEAM, makeKit, memoryStore, say, text, type Kit } from '../ledger/helpers.js';

describe('message pipeline context', () => {
  let kit: Kit;
  beforeEach(async () => {
    kit = await makeKit(memoryStore);
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  it('hands the router’s team, draft and parse to the report handler', async () => {
    const seen: RouteContext[] = [];
    const bot = createBot(kit.services, {
      wrap: {
        report: (real) => async (msg, s, ctx) => {
          if (ctx) seen.push(ctx);
          return real(msg, s, ctx);
        },
      },
    });
    const r = await bot.handle(say(kit, '今天走访了华康药业，企业反映缺3名化工工程师'));
    expect(r.route).toBe('report');
    expect(seen[0]).toMatchObject({ route: 'report', team: { id: TEAM.id }, draft: null, clarification: null });
    expect(seen[0]?.parse?.enterprise).toBe('华康药业');
    expect(text(r.reply!)).toContain('Q-0001');
  });

  it('the handler records what the router parsed (the parse is used, not redone)', async () => {
    const bot = createBot(kit.services, {
      wrap: {
        // Replace the router's parse by a different one: the ledger must record this, proving it does not parse again.
        report: (real) => async (msg, s, ctx) =>
          real(
            msg,
            s,
            ctx && {
              ...ctx,
              parse: {
                kind: 'issue',
                enterprise: '七一电器',
                date: null,
                ref: null,
                issues: [{ category: '用地', summary: '厂房用地', department: null, status: 'open' }],
              },
            },
          ),
      },
    });
    await bot.handle(say(kit, '今天走访了华康药业，企业反映缺3名化工工程师'));
    expect(await kit.store.listIssues({})).toMatchObject([{ enterprise: '七一电器', category: '用地' }]);
  });

  it('a draft answer reaches the report handler with the draft the router read', async () => {
    const seen: RouteContext[] = [];
    const bot = createBot(kit.services, {
      wrap: {
        report: (real) => async (msg, s, ctx) => {
          if (ctx) seen.push(ctx);
          return real(msg, s, ctx);
        },
      },
    });
    expect((await bot.handle(say(kit, '走访了，企业提了用地问题'))).reply?.intent).toBe('clarify');
    const done = await bot.handle(say(kit, '七一电器'));
    expect(seen[1]?.draft?.text).toBe('走访了，企业提了用地问题');
    expect(seen[1]?.draftReply?.type).toBe('answer');
    expect(text(done.reply!)).toContain('七一电器');
  });
});
