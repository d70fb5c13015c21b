/**
 * `zct ask`, in-process: the command registered on its own program with streams passed in (a child
 * process per case would be slow). Bundled corpus; a fake OpenAI server for the LLM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/ask.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

let tmp: string;
let fake: FakeOpenAI;

const baseEnv = () => ({
  LOG_LEVEL: 'silent',
  ZCT_CACHE_DIR: path.join(tmp, 'cache'),
  ZCT_DATA_DIR: path.join(tmp, 'data'),
  ZCT_CORPUS_DIR: 'data/corpus',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  OPENAI_MODEL: '',
  OPENAI_EMBEDDING_MODEL: '',
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-ask-cli-'));
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  vi.unstubAllEnvs();
  for (const [k, v] of Object.entries(baseEnv())) vi.stubEnv(k, v);
  fake.reset();
});

/** Run `zct ask …` in-process; returns what it wrote on stdout. */
async function ask(args: string[], stdin = ''): Promise<string> {
  const out = new PassThrough();
  let stdout = '';
  out.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const program = new Command().exitOverride();
  register(program, { stdin: Readable.from([stdin]), stdout: out });
  await program.parseAsync(['node', 'zct', 'ask', ...args]);
  return stdout;
}

describe('zct ask (in-process)', () => {
  it('--json prints exactly {answer, grounded, citations:[{n, docId, title, chunkId, quote}]}', async () => {
    const one = JSON.parse(await ask(['--json', '专班组建要坚持哪三条原则？']));
    expect(Object.keys(one)).toEqual(['answer', 'grounded', 'citations']);
    expect(one.grounded).toBe(true);
    expect(one.answer).toContain('必须是靠单一部门难以完成的工作');
    expect(one.citations.length).toBeGreaterThan(0);
    for (const c of one.citations) expect(Object.keys(c)).toEqual(['n', 'docId', 'title', 'chunkId', 'quote']);
    expect(one.citations[0].n).toBe(1);
    expect(one.citations[0].chunkId.startsWith(one.citations[0].docId)).toBe(true);
  });

  it('--stdin answers one question per line, one JSON object per line', async () => {
    const out = await ask(['--stdin'], '专班组建要坚持哪三条原则？\n\n研发费用加计扣除比例是多少\n');
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].grounded).toBe(true);
    expect(lines[1]).toMatchObject({ grounded: false, citations: [] });
    expect(lines[1].answer.startsWith('未在资料库中找到')).toBe(true);
  });

  it('--stdin also takes {"text","session"} lines: turns of one session are one conversation, in order', async () => {
    const input = [
      JSON.stringify({ text: '专班组建要坚持哪三条原则？', session: 'a' }),
      JSON.stringify({ text: '非公企业凝聚力工程选了多少家企业试点', session: 'b' }),
      JSON.stringify({ text: '那第二条呢？', session: 'a' }),
      '那第二条呢？',
      JSON.stringify({ text: '第二条呢', session: 'b' }),
    ].join('\n');
    const lines = (await ask(['--stdin'], `${input}\n`))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(Object.keys(l)).toEqual(['answer', 'grounded', 'citations']);
    // Session a: item 2 of the three principles, from the same document.
    expect(lines[2].grounded).toBe(true);
    expect(lines[2].answer).toContain('必须是靠单一部门难以完成的工作');
    expect(lines[2].answer).not.toContain('必须是针对党委政府的重大专项工作');
    expect(lines[2].citations[0].docId).toBe(lines[0].citations[0].docId);
    // A plain line is a question on its own: no conversation behind it.
    expect(lines[3].answer).not.toContain('必须是靠单一部门难以完成的工作');
    // Session b's first answer was a number, not a list: the follow-up says so instead of inventing item 2.
    expect(lines[4].grounded).toBe(false);
    expect(lines[4].answer).toContain('不是分条列举');
  });

  it('human output is readable Chinese with the citations', async () => {
    const out = await ask(['专班组建要坚持哪三条原则？']);
    expect(out).toMatch(/^问：专班组建要坚持哪三条原则？\n答：/u);
    expect(out).toContain('引用：');
    expect(out).toMatch(/\[1\] 《[^》]+》/u);
  });

  it('uses the configured LLM (invented [8] removed)', async () => {
    for (const [k, v] of Object.entries({ ...fake.env, OPENAI_EMBEDDING_MODEL: '', LLM_TIMEOUT_MS: '3000' }))
      vi.stubEnv(k, v);
    fake.setDefault({ content: '专班组建要坚持“因事而设”[1]，还有一条编的[8]。' });
    const one = JSON.parse(await ask(['--json', '专班组建要坚持哪三条原则？']));
    expect(one).toMatchObject({ answer: '专班组建要坚持“因事而设”[1]，还有一条编的。', grounded: true });
    expect(one.citations).toHaveLength(1);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('no question → an error with the usage', async () => {
    await expect(ask([])).rejects.toThrow('请提供问题');
  });
});
