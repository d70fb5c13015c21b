/** `zct parse-update` and `zct eval-updates`, driven in-process with their streams passed in. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvalUpdates } from '../../src/cli/commands/eval-updates.js';
import { runParseUpdate } from '../../src/cli/commands/parse-update.js';
import { extractionSchema } from '../../src/ledger/model.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const LLM_KEYS = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_EMBEDDING_MODEL', 'LLM_TIMEOUT_MS'];
const saved: Record<string, string | undefined> = {};
let tmp: string;

beforeAll(() => {
  for (const k of LLM_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  process.env.LOG_LEVEL = 'silent';
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-extract-cli-'));
});
afterAll(() => {
  for (const k of LLM_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function capture() {
  let out = '';
  let err = '';
  return {
    io: {
      stdin: Readable.from([]),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
    },
    out: () => out,
    err: () => err,
  };
}

describe('zct parse-update', () => {
  it('--json prints exactly the Extraction shape', async () => {
    const c = capture();
    await runParseUpdate('Q0023 市场监管局说下周去企业现场检查', { today: '2019-03-14', json: true }, c.io);
    const parsed = JSON.parse(c.out());
    expect(Object.keys(parsed).sort()).toEqual(['date', 'enterprise', 'issues', 'kind', 'ref']);
    expect(extractionSchema.parse(parsed)).toEqual(parsed);
    expect(parsed).toMatchObject({ kind: 'progress', ref: 'Q-0023', date: null, enterprise: null });
    expect(parsed.issues).toEqual([
      { category: '其他', summary: expect.any(String), department: '市场监管局', status: 'in_progress' },
    ]);
  });

  it('uses the default known-enterprise list', async () => {
    const c = capture();
    await runParseUpdate('金鼎招技术工人的事以解决', { today: '2019-03-29', json: true }, c.io);
    expect(JSON.parse(c.out()).enterprise).toBe('金鼎金属材料有限公司');
  });

  it('prints a readable Chinese summary without --json', async () => {
    const c = capture();
    await runParseUpdate('昨天去雷钧智造走访，企业想招20名装配工，还没交办', { today: '2019-03-28' }, c.io);
    expect(c.out()).toContain('类型：走访');
    expect(c.out()).toContain('企业：雷钧智造');
    expect(c.out()).toContain('日期：2019-03-27');
    expect(c.out()).toContain('【用工】');
    expect(c.out()).toContain('待交办');
  });

  it('--stdin reads JSONL and prints one result per line, each with its own today', async () => {
    const c = capture();
    const lines = [
      JSON.stringify({ text: '昨天走访了海纳半导体，没提新诉求', today: '2019-03-13' }),
      '',
      JSON.stringify({ text: '好的收到', today: '2019-03-13' }),
      JSON.stringify({ text: '周二走访维和药业，企业反映新药临床试验审批进度慢，已报经信局', today: '2019-03-21' }),
    ];
    await runParseUpdate(
      undefined,
      { stdin: true, today: '2019-01-01' },
      { ...c.io, stdin: Readable.from(lines.map((l) => `${l}\n`)) },
    );
    const out = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ kind: 'visit', enterprise: '海纳半导体', date: '2019-03-12', issues: [] });
    expect(out[1]).toEqual({ kind: 'not_update', enterprise: null, date: null, issues: [], ref: null });
    expect(out[2]).toMatchObject({
      kind: 'visit',
      date: '2019-03-19',
      issues: [{ category: '审批', department: '经信局', status: 'assigned' }],
    });
  });

  it('rejects a bad --today and a bad JSONL line', async () => {
    await expect(runParseUpdate('好的', { today: '2019-13-01' }, capture().io)).rejects.toThrow('YYYY-MM-DD');
    const c = capture();
    await expect(
      runParseUpdate(undefined, { stdin: true, today: '2019-03-01' }, { ...c.io, stdin: Readable.from(['{oops\n']) }),
    ).rejects.toThrow('第 1 行');
  });

  describe('with an LLM configured', () => {
    let fake: FakeOpenAI;
    beforeAll(async () => {
      fake = await startFakeOpenAI();
      Object.assign(process.env, fake.env, { LLM_TIMEOUT_MS: '5000' });
    });
    afterAll(async () => {
      for (const k of LLM_KEYS) delete process.env[k];
      await fake.close();
    });

    it('uses the model, and the rules when it fails', async () => {
      fake.enqueue({
        content: JSON.stringify({
          kind: 'issue',
          enterprise: '瑞达塑胶',
          date: null,
          issues: [{ category: '融资', summary: '转贷资金缺口500万', department: '金融版', status: 'assigned' }],
          ref: null,
        }),
      });
      const c1 = capture();
      await runParseUpdate('瑞达塑胶说转贷资金缺口500万，已交金融版', { today: '2019-03-12', json: true }, c1.io);
      expect(JSON.parse(c1.out()).issues[0]).toEqual({
        category: '融资',
        summary: '转贷资金缺口500万',
        department: '金融办',
        status: 'assigned',
      });
      expect(fake.chatRequests()).toHaveLength(1);

      fake.enqueue({ content: 'no json here' });
      const c2 = capture();
      await runParseUpdate('瑞达塑胶说转贷资金缺口500万，已交金融版', { today: '2019-03-12', json: true }, c2.io);
      expect(JSON.parse(c2.out())).toMatchObject({
        kind: 'issue',
        enterprise: '瑞达塑胶',
        issues: [{ category: '融资', department: '金融办', status: 'assigned' }],
      });
    });
  });
});

describe('zct eval-updates', () => {
  const set = () => {
    const file = path.join(tmp, 'set.jsonl');
    const rows = [
      {
        id: 'a',
        text: 'Q-0007 已办结',
        today: '2019-03-18',
        expected: {
          kind: 'resolved',
          enterprise: null,
          date: null,
          issues: [{ category: '其他', summary: '已办结', department: null, status: 'resolved' }],
          ref: 'Q-0007',
        },
      },
      {
        id: 'b',
        text: '好的收到',
        today: '2019-03-18',
        expected: { kind: 'not_update', enterprise: null, date: null, issues: [], ref: null },
      },
      // deliberately mislabelled, so the report must show one mismatch
      {
        id: 'c',
        text: '企业反映招工难，还没交办',
        today: '2019-03-15',
        expected: {
          kind: 'issue',
          enterprise: null,
          date: null,
          issues: [{ category: '融资', summary: 'x', department: null, status: 'open' }],
          ref: null,
        },
      },
    ];
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    return file;
  };

  it('scores each field and lists mismatches with --verbose', async () => {
    const c = capture();
    const report = await runEvalUpdates({ set: set(), verbose: true }, c.io);
    expect(report!.total).toBe(3);
    expect(report!.accuracy.kind).toBe(1);
    expect(report!.accuracy.categories).toBeCloseTo(2 / 3);
    expect(report!.mismatches.map((m) => [m.id, m.fields])).toEqual([['c', ['categories']]]);
    expect(c.out()).toContain('类别 categories');
    expect(c.out()).toContain('66.7%');
    expect(c.out()).toContain('✗ c [categories]');
  });

  it('--json prints the accuracies', async () => {
    const c = capture();
    await runEvalUpdates({ set: set(), json: true }, c.io);
    const j = JSON.parse(c.out());
    expect(j.mode).toBe('rules');
    expect(j.total).toBe(3);
    expect(Object.keys(j.accuracy).sort()).toEqual([
      'categories',
      'date',
      'departments',
      'enterprise',
      'issueCount',
      'kind',
      'ref',
      'statuses',
    ]);
  });

  it('reports a missing set', async () => {
    const c = capture();
    expect(await runEvalUpdates({ set: path.join(tmp, 'nope.jsonl') }, c.io)).toBeNull();
    expect(c.err()).toContain('未找到评测集');
  });
});
