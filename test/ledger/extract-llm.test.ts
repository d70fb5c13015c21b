/**
 * The LLM path of the status-message parser against a local fake OpenAI server (the real openai
 * client): valid structured output is normalised; invalid JSON, schema violations, HTTP errors
 * and hangs fall back to the rules.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import {
  confidenceOf,
  extractUpdate,
  extractUpdateSmart,
  extractUpdateSmartWithSource,
  extractUpdateWithLlm,
  postNormalize,
} from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { extractionSchema, type Extraction } from '../../src/ledger/model.js';
import { createLlm } from '../../src/llm/index.js';
import { LlmError, type LlmClient } from '../../src/llm/types.js';
import { createLogger, silentLogger } from '../../src/observability/logger.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const known = loadKnownEnterprises();
const ctx = { today: '2019-03-21', knownEnterprises: known, teamEnterprises: ['七一电器'] };
const TEXT = '今天到七一电器：上次提的环评问题已经批下来了；企业又提了新的，想引进一个做电机控制的博士团队，已转人社局';

let fake: FakeOpenAI;
let llm: LlmClient;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  llm = createLlm(parseConfig({ LOG_LEVEL: 'silent', ...fake.env, LLM_TIMEOUT_MS: '3000' }), silentLogger)!;
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake?.close();
});

const answer = (e: unknown) => ({ content: JSON.stringify(e) });

describe('extractUpdateWithLlm: the same checks as the rules', () => {
  it('builds the category and department lists of the prompt from the lexicons', async () => {
    fake.enqueue(answer({ kind: 'not_update', enterprise: null, date: null, issues: [], ref: null }));
    await extractUpdateWithLlm('好的', ctx, llm);
    const system: string = fake.chatRequests()[0]!.body.messages[0].content;
    expect(system).not.toContain('{{');
    expect(system).toContain('融资 | 用工 | 人才 | 用地 | 审批 | 政策兑现 | 市场 | 其他');
    expect(system).toMatch(/住建局 ← [^\n]*住建/);
    expect(system).toMatch(/资规局 ← [^\n]*自规/);
  });

  it('lowers the confidence of a model answer with several enterprises and an unknown department', async () => {
    fake.enqueue(
      answer({
        kind: 'visit',
        enterprise: '七一电器',
        date: null,
        issues: [
          { category: '用工', summary: '缺焊工', department: '某某办公室', status: 'assigned', enterprise: '七一电器' },
          { category: '市场', summary: '订单下滑', department: null, status: 'open', enterprise: '海纳' },
        ],
        ref: null,
      }),
    );
    const got = await extractUpdateWithLlm('本周走访：七一电器缺焊工，已报某某办公室；海纳订单下滑', ctx, llm);
    expect(got.reasons).toEqual(expect.arrayContaining(['several_enterprises', 'unknown_department']));
    expect(got.confidence).toBeLessThan(0.7);
    expect(got.issues.map((i) => i.enterprise)).toEqual(['七一电器', '海纳半导体']);
  });

  it('keeps the question signal of a not_update answer, with the id taken from the message', async () => {
    fake.enqueue(
      answer({
        kind: 'not_update',
        enterprise: null,
        date: null,
        issues: [],
        ref: null,
        question: { kind: 'status', ref: 'Q-9', enterprise: null, category: null },
      }),
    );
    const got = await extractUpdateWithLlm('Q-0003 现在到哪一步了', ctx, llm);
    expect(got.question).toEqual({ kind: 'status', ref: 'Q-0003', enterprise: null, category: null });
  });
});

describe('extractUpdateWithLlm', () => {
  it('sends the labelling rules, today and the enterprises, and asks for structured output', async () => {
    const model: Extraction = {
      kind: 'mixed',
      enterprise: '七一电器',
      date: '2019-03-21',
      issues: [
        { category: '审批', summary: '环评已批复', department: null, status: 'resolved' },
        { category: '人才', summary: '引进电机控制博士团队', department: '人社局', status: 'assigned' },
      ],
      ref: null,
    };
    fake.enqueue(answer(model));
    const got = await extractUpdateWithLlm(TEXT, ctx, llm);
    // A mixed message (several kinds of act) carries that doubt, whoever parsed it (confidence.ts shapeDoubts).
    expect(got).toEqual({
      ...model,
      confidence: confidenceOf(['mixed_acts']),
      reasons: ['mixed_acts'],
      question: null,
    });

    const [req] = fake.chatRequests();
    const system: string = req!.body.messages[0].content;
    expect(system).toContain('2019-03-21');
    expect(system).toContain('星期四');
    expect(system).toContain('销号');
    expect(system).not.toContain('{{');
    // Enterprise names travel as delimited data in the user turn, never in the system prompt.
    expect(system).not.toContain('七一电器');
    const user: string = req!.body.messages[1].content;
    expect(req!.body.messages[1].role).toBe('user');
    expect(user).toContain('<team_enterprises>\n七一电器\n</team_enterprises>');
    expect(user).toContain('金鼎金属材料有限公司');
    expect(user).toContain(`<message>\n${TEXT}\n</message>`);
    expect(req!.body.response_format?.type).toBe('json_schema');
    expect(req!.body.response_format?.json_schema?.name).toBe('status_update');
  });

  it('normalises departments, enterprise abbreviations, refs and impossible dates', async () => {
    fake.enqueue(
      answer({
        kind: 'progress',
        enterprise: '七一电气',
        date: '2019-03-25', // after today: not an event date
        issues: [{ category: '其他', summary: '  经心局已上报 ', department: '经心局', status: 'in_progress' }],
        ref: 'Q-0099', // not in the message
      }),
    );
    const got = await extractUpdateWithLlm('q0019 经心局已上报省里，等待批复', ctx, llm);
    expect(got).toMatchObject({
      kind: 'progress',
      enterprise: '七一电器',
      date: null,
      issues: [{ category: '其他', summary: '经心局已上报', department: '经信局', status: 'in_progress' }],
      ref: 'Q-0019',
    });
    // the ref and the date had to be corrected: the result is marked so
    expect(got.reasons).toContain('llm_corrected');
    expect(got.confidence).toBeLessThan(1);
  });

  it('clears every field of a not_update answer', async () => {
    fake.enqueue(
      answer({
        kind: 'not_update',
        enterprise: '华康药业',
        date: '2019-03-21',
        issues: [{ category: '其他', summary: 'x', department: null, status: 'open' }],
        ref: null,
      }),
    );
    expect(await extractUpdateWithLlm('好的收到', ctx, llm)).toMatchObject({
      kind: 'not_update',
      enterprise: null,
      date: null,
      issues: [],
      ref: null,
      question: null,
    });
  });

  it('throws on a broken answer (the smart variant turns that into the rules)', async () => {
    fake.enqueue({ content: '{"kind": "visit", "enterprise": ' });
    await expect(extractUpdateWithLlm(TEXT, ctx, llm)).rejects.toBeInstanceOf(LlmError);
  });
});

describe('extractUpdateSmart', () => {
  const rules = extractUpdate(TEXT, ctx);

  it('uses the model when it answers validly', async () => {
    fake.enqueue(answer({ ...rules, issues: rules.issues.map((i) => ({ ...i, summary: `模型：${i.summary}` })) }));
    const { extraction, source } = await extractUpdateSmartWithSource(TEXT, ctx, llm, silentLogger);
    expect(source).toBe('llm');
    expect(extraction.issues[0]?.summary.startsWith('模型：')).toBe(true);
  });

  it('falls back to the rules on invalid JSON', async () => {
    fake.enqueue({ content: 'Sure! Here is the JSON: {kind: visit' });
    const { extraction, source } = await extractUpdateSmartWithSource(TEXT, ctx, llm, silentLogger);
    expect(source).toBe('rules');
    expect(extraction).toEqual(rules);
  });

  it('falls back to the rules on a schema violation', async () => {
    fake.enqueue(
      answer({
        kind: 'visit',
        enterprise: '七一电器',
        date: '2019/03/21',
        issues: [{ category: '财务', summary: 'x', department: null, status: 'done' }],
        ref: null,
      }),
    );
    const { extraction, source } = await extractUpdateSmartWithSource(TEXT, ctx, llm, silentLogger);
    expect(source).toBe('rules');
    expect(extraction).toEqual(rules);
  });

  it('falls back to the rules on HTTP errors', async () => {
    fake.enqueue({ status: 500 }, { status: 500 });
    expect(await extractUpdateSmart(TEXT, ctx, llm, silentLogger)).toEqual(rules);
  });

  it('falls back to the rules when the model hangs (client deadline)', { timeout: 20_000 }, async () => {
    fake.enqueue({ hang: true }, { hang: true });
    const { extraction, source } = await extractUpdateSmartWithSource(TEXT, ctx, llm, silentLogger);
    expect(source).toBe('rules');
    expect(extraction).toEqual(rules);
  });

  it('falls back to the rules at its own timeout, before the client gives up', { timeout: 8000 }, async () => {
    const slow = createLlm(parseConfig({ LOG_LEVEL: 'silent', ...fake.env, LLM_TIMEOUT_MS: '60000' }), silentLogger)!;
    fake.enqueue({ hang: true });
    const { extraction, source } = await extractUpdateSmartWithSource(TEXT, ctx, slow, silentLogger, {
      timeoutMs: 200,
    });
    expect(source).toBe('rules');
    expect(extraction).toEqual(rules);
  });

  it('uses the rules without an LLM and makes no request', async () => {
    expect(await extractUpdateSmart(TEXT, ctx, null, silentLogger)).toEqual(rules);
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('logs the failure without the message text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    fake.enqueue({ content: 'not json at all' });
    await extractUpdateSmart(TEXT, ctx, llm, createLogger('info', sink));
    const log = lines.join('');
    expect(log).toContain('LLM extraction failed');
    expect(log).toContain('invalid_json');
    expect(log).not.toContain('电机控制');
  });
});

describe('postNormalize', () => {
  it('keeps valid output valid and never invents a ref', () => {
    const e = postNormalize(
      {
        kind: 'issue',
        enterprise: ' 海纳 ',
        date: '2019-02-30',
        issues: [{ category: '融资', summary: '', department: '  ', status: 'open' }],
        ref: 'Q-0001',
      },
      '海纳想申请贷款',
      ctx,
    );
    expect(extractionSchema.parse(e)).toEqual(e);
    expect(e.enterprise).toBe('海纳半导体');
    expect(e.date).toBeNull();
    expect(e.ref).toBeNull();
    expect(e.issues[0]?.department).toBeNull();
    expect(e.issues[0]?.summary.length).toBeGreaterThan(0);
  });
});
