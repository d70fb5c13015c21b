import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createLlm } from '../../src/llm/index.js';
import { answerQuestion, isFollowUp, ruleRewrite, biasToDocs, type Turn } from '../../src/answer/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { CHUNKS, fakeRetriever } from './fixtures.js';

const turn = (question: string, docIds: string[] = ['zhuanban'], standaloneQuery = question): Turn => ({
  question,
  standaloneQuery,
  answerSummary: '……',
  docIds,
  at: 0,
});
const H = [turn('成立专班要满足什么条件')];

describe('follow-up detection (rules)', () => {
  it('recognises pronouns, ellipsis, ordinals and 那…呢', () => {
    for (const q of [
      '那第二条呢？',
      '具体要求是什么',
      '它呢',
      '第三条',
      '这个怎么申请',
      '那五百行动呢',
      '还有呢',
      '多少钱',
      '为什么？',
      '有哪些',
    ]) {
      expect(isFollowUp(q, H), q).toBe(true);
    }
  });

  it('leaves standalone questions alone', () => {
    for (const q of [
      '三服务表现会算进公务员考核吗',
      '组团服务团队建的钉钉群是干嘛用的',
      '退出现职的领导干部可以当哪“三员”',
      '龙游通是什么',
      '谢高华是谁',
      '人才公寓',
    ]) {
      expect(isFollowUp(q, H), q).toBe(false);
    }
  });

  it('is never a follow-up without history', () => {
    expect(isFollowUp('那第二条呢？', [])).toBe(false);
  });

  it('combines with the previous standalone query, without stacking ordinals', () => {
    expect(ruleRewrite('那第二条呢？', H)).toBe('成立专班要满足什么条件 第二条');
    expect(ruleRewrite('它呢', H)).toBe('成立专班要满足什么条件');
    const after = [turn('那第二条呢？', ['zhuanban'], '成立专班要满足什么条件 第二条')];
    expect(ruleRewrite('第三条呢', after)).toBe('成立专班要满足什么条件 第三条');
  });

  it('adds the written forms of the colloquial words the message adds (头一天 → 首日), none that ask', () => {
    expect(ruleRewrite('头一天签下来多少', H)).toBe('成立专班要满足什么条件 头一天签下来多少 首日 第一天 签约');
    expect(ruleRewrite('那孩子看病呢', H)).toBe('成立专班要满足什么条件 孩子看病 子女 就医 医疗');
    // A one-character colloquial key (搞) adds nothing here.
    expect(ruleRewrite('那咋搞', H)).toBe('成立专班要满足什么条件 咋搞');
  });
});

describe('follow-ups without an LLM', () => {
  it('answers "那第二条呢？" from the enumeration of the previous answer', async () => {
    const retriever = fakeRetriever();
    const deps = { retriever, llm: null, logger: silentLogger };
    const first = await answerQuestion('成立专班要满足什么条件', deps);
    expect(first.grounded).toBe(true);
    const history = [
      turn(
        '成立专班要满足什么条件',
        first.citations.map((c) => c.docId),
        first.standaloneQuery,
      ),
    ];
    const r = await answerQuestion('那第二条呢？', deps, { history });
    expect(r.followUp).toBe(true);
    expect(r.standaloneQuery).toBe('成立专班要满足什么条件 第二条');
    expect(r.answer).toBe('第二条：必须是靠单一部门难以完成的工作。[1]');
    expect(r.citations[0]!.docId).toBe('zhuanban');
    expect(retriever.queries.at(-1)).toBe('成立专班要满足什么条件 第二条');
  });

  it('the same question without history is not found (it means nothing alone)', async () => {
    const r = await answerQuestion('那第二条呢？', { retriever: fakeRetriever(), llm: null, logger: silentLogger });
    expect(r.grounded).toBe(false);
    expect(r.followUp).toBe(false);
  });

  it('biases retrieval to the documents cited before', () => {
    const hits = CHUNKS.slice(0, 3).map((chunk, i) => ({ rank: i + 1, chunk, score: 10 - i }));
    const biased = biasToDocs(hits, ['sanfuwu']);
    expect(biased.map((h) => h.chunk.docId)).toEqual(['sanfuwu', 'zhuanban', 'wubai']);
    expect(biased.map((h) => h.rank)).toEqual([1, 2, 3]);
    // Far behind: a boost does not override retrieval.
    expect(
      biasToDocs(
        hits.map((h, i) => ({ ...h, score: i === 2 ? 1 : h.score })),
        ['wubai'],
      )[2]!.chunk.docId,
    ).toBe('wubai');
  });
});

describe('follow-ups with an LLM', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());
  // Generous for calls that should succeed (a busy machine is slow); the hang test passes a short one.
  const llm = (timeoutMs = 10_000) =>
    createLlm(parseConfig({ ...fake.env, LLM_TIMEOUT_MS: String(timeoutMs) }), silentLogger)!;

  it('rewrites with prompts/rewrite-followup.md (structured output), then answers the rewritten query', async () => {
    fake.onRequest((req) =>
      req.body?.response_format?.type === 'json_schema'
        ? { content: '{"query":"成立专班需要满足的第二条原则是什么"}' }
        : { content: '第二条原则是：必须是靠单一部门难以完成的工作[1]。' },
    );
    const retriever = fakeRetriever();
    const r = await answerQuestion('那第二条呢？', { retriever, llm: llm(), logger: silentLogger }, { history: H });
    expect(r.standaloneQuery).toBe('成立专班需要满足的第二条原则是什么');
    expect(r.followUp).toBe(true);
    expect(retriever.queries).toEqual(['成立专班需要满足的第二条原则是什么']);
    const [rewrite, answer] = fake.chatRequests();
    expect(rewrite!.body.response_format.json_schema.name).toBe('standalone_query');
    const user: string = rewrite!.body.messages[1].content;
    expect(user).toContain('问：成立专班要满足什么条件');
    expect(user).toMatch(/<question>\n那第二条呢？\n<\/question>/u);
    expect(answer!.body.messages[1].content).toContain('成立专班需要满足的第二条原则是什么');
    expect(r.answer).toBe('第二条原则是：必须是靠单一部门难以完成的工作[1]。');
  });

  it('falls back to the rule when the rewrite fails (invalid JSON), and still answers', async () => {
    fake.enqueue({ content: 'query: 成立专班' }, { status: 500 }, { status: 500 });
    const r = await answerQuestion(
      '那第二条呢？',
      { retriever: fakeRetriever(), llm: llm(), logger: silentLogger },
      { history: H },
    );
    expect(r.standaloneQuery).toBe('成立专班要满足什么条件 第二条');
    expect(r.mode).toBe('extractive');
    expect(r.answer).toContain('必须是靠单一部门难以完成的工作');
  });

  it('a timed-out rewrite is not followed by a second wait for the answer', async () => {
    fake.setDefault({ hang: true });
    const r = await answerQuestion(
      '那第二条呢？',
      { retriever: fakeRetriever(), llm: llm(300), logger: silentLogger },
      { history: H },
    );
    expect(r.mode).toBe('extractive');
    expect(r.answer).toContain('必须是靠单一部门难以完成的工作');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('does not call the rewriter for a long standalone question', async () => {
    fake.setDefault({ content: '要纳入公务员平时考核[1]。' });
    await answerQuestion(
      '三服务活动中干部的表现会不会算进公务员的平时考核和年度考核里面',
      { retriever: fakeRetriever(), llm: llm(), logger: silentLogger },
      { history: H },
    );
    expect(fake.chatRequests()).toHaveLength(1);
    expect(fake.chatRequests()[0]!.body.response_format).toBeUndefined();
  });
});
