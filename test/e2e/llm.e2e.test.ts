/**
 * The whole product with an OpenAI-compatible model configured: a local fake OpenAI server driven by the
 * REAL `openai` client (OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_MODEL from the fake), messages in and
 * replies out through the real DingTalk stream client, RedisStore on a spawned redis-server.
 *
 * The fake "model" reads the request like a model would (which prompt, which numbered passages) and
 * answers per scenario: a grounded answer with one invented citation, a hang, schema-violating JSON.
 * The embedding model is left unset, so retrieval is the same lexical index as without an LLM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DingTalkHarness, FakeDingTalk, RobotMessageInput } from '../helpers/fake-dingtalk.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply, type RecordedRequest } from '../helpers/fake-openai.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { documentContaining, e2eEnv, ledgerCounts, startDingTalkProduct, type Product } from './product.js';

const LLM_TIMEOUT_MS = 1_000;
/** Allowed on top of LLM_TIMEOUT_MS for retrieval, the extractive answer and the webhook round trip. */
const MARGIN_MS = 8_000; // wide: a busy machine can take seconds for this, and the default timeout is 15 s
const GROUP = 'cidLlmE2E==';
const STATUS_UPDATE =
  '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。';

let redis: RedisHandle;
let llm: FakeOpenAI;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let product: Product;
let seq = 0;

/** What each kind of model call is answered with, per test. */
let script: { answer?: (req: RecordedRequest) => FakeReply; statusUpdate?: FakeReply } = {};

const userMessage = (req: RecordedRequest): string => {
  const msgs = (req.body?.messages ?? []) as Array<{ role: string; content: string }>;
  return msgs
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
};
const schemaName = (req: RecordedRequest): string | undefined => req.body?.response_format?.json_schema?.name;

/** The numbered passages the bot gave the model: n → text. */
function passagesOf(req: RecordedRequest): Map<number, string> {
  const block = /<passages>([\s\S]*?)<\/passages>/.exec(userMessage(req))?.[1] ?? '';
  const out = new Map<number, string>();
  for (const m of block.matchAll(/^\[(\d+)\] 标题：[^\n]*\n([\s\S]*?)(?=^\[\d+\] 标题：|(?![\s\S]))/gm))
    out.set(Number(m[1]), m[2] ?? '');
  return out;
}

beforeAll(async () => {
  [redis, llm] = await Promise.all([startRedis(), startFakeOpenAI()]);
  llm.onRequest((req) => {
    if (!req.path.endsWith('/chat/completions')) return undefined;
    if (schemaName(req) === 'status_update') return script.statusUpdate;
    if (!req.body?.response_format && userMessage(req).includes('<passages>')) return script.answer?.(req);
    return undefined; // anything unscripted gets the fake's HTTP 500, so the bot must cope without it
  });
  ({ h, product } = await startDingTalkProduct(
    e2eEnv(redis.url, {
      OPENAI_BASE_URL: llm.env.OPENAI_BASE_URL as string,
      OPENAI_API_KEY: llm.env.OPENAI_API_KEY as string,
      OPENAI_MODEL: llm.env.OPENAI_MODEL as string,
      LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
    }),
  ));
  fake = h.fake;
});

afterAll(async () => {
  await h?.stop();
  await product?.close();
  await llm?.close();
  await redis?.stop();
});

/** Push a group message (each test its own sender: no shared conversation history) and time its reply. */
async function say(text: string, over: RobotMessageInput = {}) {
  const session = `llm-${++seq}`;
  const started = performance.now();
  fake.push(fake.robotMessage({ text, conversationId: GROUP, senderStaffId: `staff-${seq}`, session, ...over }));
  await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === session), `reply to “${text}”`, 10_000);
  const post = fake.webhookPosts.find((p) => p.session === session)!;
  return {
    post,
    markdown: post.body.markdown?.text ?? '',
    title: post.body.markdown?.title ?? '',
    ms: post.at - started,
  };
}

describe('政策通 with an OpenAI-compatible model (fake server, real client, through DingTalk)', () => {
  it('the model answers; its [n] markers are validated: the real passage is cited as [1], an invented [7] removed', async () => {
    const article = await documentContaining(h.config, '必须是靠单一部门难以完成的工作');
    let cited = 0;
    script = {
      answer: (req) => {
        const passages = passagesOf(req);
        expect(passages.size).toBeGreaterThan(0);
        expect(passages.has(7)).toBe(false);
        cited = [...passages].find(([, t]) => t.includes('三条原则'))?.[0] ?? 0;
        return {
          content:
            `专班组建坚持“因事而设”，把握三条原则：一是针对党委政府的重大专项工作；二是靠单一部门难以完成的工作；三是阶段性的任务[${cited}]。` +
            '各地还建立了专班考核办法[7]。',
        };
      },
    };
    const before = llm.chatRequests().length;
    const r = await say('专班组建要坚持哪三条原则？');
    expect(cited).toBeGreaterThan(0);
    expect(llm.chatRequests().length).toBe(before + 1);

    expect(r.title).toBe('政策问答');
    const [answer, sources] = r.markdown.split('**引用来源**');
    expect(answer).toContain('二是靠单一部门难以完成的工作；三是阶段性的任务[1]');
    expect(answer).toContain('各地还建立了专班考核办法');
    expect(answer).not.toContain('[7]');
    expect(answer).not.toContain(`[${cited + 1}]`);
    expect(answer).not.toContain('以上内容摘自资料原文'); // the model's answer, not the extractive one
    expect(sources).toContain(`1. 《${article.title}》`);
    expect(sources).not.toMatch(/^2\. 《/m);
  });

  it('the model hangs: the extractive answer arrives within LLM_TIMEOUT_MS + margin', async () => {
    script = { answer: () => ({ hang: true }) };
    const before = llm.chatRequests().length;
    const r = await say('专班组建要坚持哪三条原则？');
    expect(llm.chatRequests().length).toBeGreaterThan(before); // the model was asked …
    expect(r.ms).toBeGreaterThanOrEqual(LLM_TIMEOUT_MS - 50); // … and waited for, up to the timeout …
    expect(r.ms).toBeLessThan(LLM_TIMEOUT_MS + MARGIN_MS); // … but no longer
    expect(r.title).toBe('政策问答');
    expect(r.markdown).toContain('必须是靠单一部门难以完成的工作');
    expect(r.markdown).toContain('以上内容摘自资料原文');
    expect(r.markdown).toMatch(/\[1\]/);
    console.info(
      `[e2e] LLM hang → extractive answer delivered in ${Math.round(r.ms)} ms (LLM_TIMEOUT_MS=${LLM_TIMEOUT_MS})`,
    );
  });

  it('a status update whose model extraction violates the schema is recorded by the rules, nothing from the model', async () => {
    await say('绑定企业 华康药业、七一电器');
    script = {
      statusUpdate: {
        content: JSON.stringify({
          kind: 'visit',
          enterprise: '虚构制药',
          date: 'yesterday',
          issues: [{ category: '金融', summary: '模型编造的问题', status: 'pending' }],
        }),
      },
    };
    const before = llm.chatRequests().filter((q) => schemaName(q) === 'status_update').length;
    const r = await say(STATUS_UPDATE);
    expect(llm.chatRequests().filter((q) => schemaName(q) === 'status_update').length).toBe(before + 1);

    expect(r.title).toBe('已记录');
    expect(r.markdown).toContain('Q-0001');
    expect(r.markdown).toContain('Q-0002');
    expect(r.markdown).not.toContain('模型编造');
    const { store } = product.services;
    const issues = await store.listIssues({});
    expect(issues.map((i) => [i.id, i.enterprise, i.category, i.status, i.department])).toEqual([
      ['Q-0001', '华康药业', '融资', 'assigned', '金融办'],
      ['Q-0002', '华康药业', '人才', 'open', null],
    ]);
    expect(issues.some((i) => i.summary.includes('模型编造') || i.enterprise === '虚构制药')).toBe(false);
    expect(await ledgerCounts(store)).toMatchObject({ issues: 2, visits: 1 });
    expect((await store.listVisits({}))[0]?.enterprise).toBe('华康药业');
  });
});
