/** The report path with an LLM configured (a local fake OpenAI server, the real openai client). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReport } from '../../handlers/report.js';
import { createLlm } from '../../src/llm/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { testConfig } from '../helpers/services.js';
import { makeKit, memoryStore, say, text, type Kit } from './helpers.js';

let fake: FakeOpenAI;
let kit: Kit;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  kit = await makeKit(memoryStore, { retriever: null });
  const config = testConfig({ ...fake.env, LLM_TIMEOUT_MS: '3000' });
  kit.services = { ...kit.services, config, llm: createLlm(config, silentLogger) };
});
afterAll(async () => {
  await kit?.cleanup();
  await fake?.close();
});

describe('report with an LLM', () => {
  it('records what the model extracted', async () => {
    fake.enqueue({
      content: JSON.stringify({
        kind: 'issue',
        enterprise: '七一电器',
        date: null,
        issues: [{ category: '融资', summary: '想用出口信用保险保单做融资', department: null, status: 'open' }],
        ref: null,
      }),
    });
    const r = text(
      await handleReport(say(kit, 'FYI 七一电器想用出口信用保险保单做融资，问有没有相关政策，还没交办'), kit.services),
    );
    expect(r).toContain('Q-0001 融资｜想用出口信用保险保单做融资｜待交办');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('falls back to the rules when the model fails or hangs, and still records', async () => {
    fake.enqueue({ status: 500 });
    const r1 = await handleReport(say(kit, '今天走访华康药业，企业反映缺20名装配工，还没交办'), kit.services);
    expect(r1.intent).toBe('report');
    fake.enqueue({ content: 'not json at all' });
    const r2 = await handleReport(say(kit, '今天走访七一电器，企业反映环评审批慢，已交办生态环境局'), kit.services);
    expect(r2.intent).toBe('report');
    fake.enqueue({ hang: true });
    const r3 = await handleReport(say(kit, '维和药业办公室来电，说去年的企业研究院奖励资金还没拿到'), kit.services);
    // 维和药业 is known to the deployment but not bound to this team: shown as a card first, recorded on 对.
    expect(r3.intent).toBe('clarify');
    expect(text(r3)).toContain('不是本组绑定联系的企业');
    expect((await handleReport(say(kit, '对'), kit.services)).intent).toBe('report');
    const issues = await kit.store.listIssues({});
    expect(issues.map((i) => [i.enterprise, i.category])).toEqual([
      ['七一电器', '融资'],
      ['华康药业', '用工'],
      ['七一电器', '审批'],
      ['维和药业', '政策兑现'],
    ]);
  });
});
