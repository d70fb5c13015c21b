/**
 * Ingestion into `${dataDir}/ingested/` and the library: added / unchanged / updated / failed per file, directories
 * walked, bad files skipped while the rest ingest, and the `zct ingest` command (in-process).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/ingest.js';
import { formatIngestReport, ingestPaths, loadLibrary, readAllRecords } from '../../src/corpus/index.js';

const FIXTURES = path.resolve('test/fixtures/corpus');
let root = '';
let corpusDir = '';
let dataDir = '';
let inbox = '';

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'zct-ingest-'));
  corpusDir = path.join(root, 'corpus');
  dataDir = path.join(root, 'data');
  inbox = path.join(root, 'inbox');
  await fs.mkdir(corpusDir);
  await fs.mkdir(path.join(inbox, 'sub'), { recursive: true });
  await fs.writeFile(path.join(corpusDir, 'bundled.txt'), '内置政策\n\n企业上市给予一次性奖励。');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const write = (rel: string, content: string | Buffer) => fs.writeFile(path.join(inbox, rel), content);

describe('ingestPaths', () => {
  it('ingests a directory: good files added, bad files failed with a reason, the rest still stored', async () => {
    await write('通知.txt', '关于人才公寓的通知\n\n租金按市场价的三成收取。');
    await write('sub/guide.md', '# 稳岗补贴\n\n参保满12个月的企业可申领。');
    await fs.copyFile(path.join(FIXTURES, 'policy.docx'), path.join(inbox, 'sub', 'policy.docx'));
    await fs.copyFile(path.join(FIXTURES, 'policy.pdf'), path.join(inbox, 'policy.pdf'));
    await write('empty.txt', '');
    await write('broken.pdf', 'not a pdf at all');
    await write('table.xlsx', 'zip?');
    await write('.hidden.txt', 'skipped');

    const progress: Array<[number, number]> = [];
    const report = await ingestPaths([inbox, path.join(inbox, 'policy.pdf'), path.join(root, 'nope.txt')], {
      corpusDir,
      dataDir,
      onProgress: (done, total) => progress.push([done, total]),
    });

    const status = Object.fromEntries(report.files.map((f) => [path.basename(f.path), f.status]));
    expect(status).toEqual({
      'broken.pdf': 'failed',
      'empty.txt': 'failed',
      'policy.pdf': 'added',
      'guide.md': 'added',
      'policy.docx': 'added',
      'table.xlsx': 'failed',
      '通知.txt': 'added',
      'nope.txt': 'failed',
    });
    expect(report.totals).toEqual({ added: 4, updated: 0, unchanged: 0, failed: 4, documents: 4 });
    const reasons = Object.fromEntries(
      report.files.filter((f) => f.reason).map((f) => [path.basename(f.path), f.code]),
    );
    expect(reasons).toEqual({
      'broken.pdf': 'unreadable',
      'empty.txt': 'empty',
      'table.xlsx': 'unsupported',
      'nope.txt': 'io',
    });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 8]));

    const records = await readAllRecords(dataDir);
    expect(records).toHaveLength(4);
    for (const r of records) expect(r.fileHash).toMatch(/^[0-9a-f]{64}$/);

    const library = await loadLibrary({ corpusDir, dataDir });
    expect(library.map((d) => d.title).sort()).toEqual(
      [
        '内置政策',
        '关于人才公寓的通知',
        '稳岗补贴',
        '关于支持企业数字化改造的若干措施',
        '关于加快人才公寓建设的实施意见',
      ].sort(),
    );
    const ids = library.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('bundled'); // bundled first, then ingested
  });

  it('does nothing for an unchanged file and replaces the documents of a changed one', async () => {
    const file = path.join(inbox, 'policy.txt');
    await fs.writeFile(file, '旧政策\n\n补助标准为每人每月500元。');
    const first = await ingestPaths([file], { corpusDir, dataDir });
    expect(first.files[0]).toMatchObject({ status: 'added', documents: 1 });
    const recordPath = path.join(dataDir, 'ingested', (await fs.readdir(path.join(dataDir, 'ingested')))[0]!);
    const before = await fs.readFile(recordPath, 'utf8');

    const again = await ingestPaths([file], { corpusDir, dataDir, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(again.files[0]).toMatchObject({ status: 'unchanged', documents: 1, ids: first.files[0]!.ids });
    expect(await fs.readFile(recordPath, 'utf8')).toBe(before);

    await fs.writeFile(file, '新政策\n\n补助标准提高到每人每月800元。');
    const changed = await ingestPaths([file], { corpusDir, dataDir });
    expect(changed.files[0]).toMatchObject({ status: 'updated', documents: 1, replaced: 1 });
    const library = await loadLibrary({ corpusDir, dataDir });
    const texts = library.map((d) => d.text).join('\n');
    expect(texts).toContain('800元');
    expect(texts).not.toContain('500元');
    expect(library.filter((d) => d.title === '旧政策')).toHaveLength(0);
    expect(await readAllRecords(dataDir)).toHaveLength(1);
  });

  it('keeps the previous documents when a file turns bad, and skips files of the bundled corpus', async () => {
    const file = path.join(inbox, 'policy.txt');
    await fs.writeFile(file, '某政策\n\n内容一。');
    await ingestPaths([file], { corpusDir, dataDir });
    await fs.writeFile(file, Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    const bad = await ingestPaths([file, path.join(corpusDir, 'bundled.txt')], { corpusDir, dataDir });
    expect(bad.files.map((f) => [f.status, f.code, f.documents])).toEqual([
      ['failed', 'binary', 1],
      ['unchanged', 'bundled', 0],
    ]);
    const library = await loadLibrary({ corpusDir, dataDir });
    expect(library.map((d) => d.title)).toEqual(['内置政策', '某政策']);
  });

  it('summarises a report in Chinese', async () => {
    await write('a.txt', '政策甲\n\n内容。');
    await write('b.doc', 'old word file');
    const text = formatIngestReport(await ingestPaths([inbox], { corpusDir, dataDir }));
    expect(text.split('\n')[0]).toBe('导入完成：共 2 个文件 — 新增 1，更新 0，未变 0，失败 1；这些文件现有文档 1 篇。');
    expect(text).toMatch(/✓ 新增 {2}.*a\.txt（1 篇）/);
    expect(text).toMatch(/✗ 失败 {2}.*b\.doc — 不支持的文件类型 \(unsupported file type\)/);
  });
});

describe('zct ingest', () => {
  /** Run the command in-process (only this command registered), capturing stdout and the exit code. */
  async function zct(args: string[]): Promise<{ stdout: string; exitCode: number }> {
    const program = new Command().exitOverride();
    register(program);
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const saved = process.exitCode;
    process.exitCode = 0;
    try {
      await program.parseAsync(['node', 'zct', ...args]);
      return { stdout, exitCode: Number(process.exitCode ?? 0) };
    } finally {
      spy.mockRestore();
      process.exitCode = saved;
    }
  }

  it('ingests files, prints a JSON report and sets exit code 1 when a file failed', async () => {
    await write('a.txt', '政策甲\n\n内容。');
    await write('bad.pdf', 'no');
    const dirs = ['--data-dir', dataDir, '--corpus-dir', corpusDir];
    const first = await zct(['ingest', inbox, '--json', ...dirs]);
    expect(first.exitCode).toBe(1);
    const report = JSON.parse(first.stdout) as { totals: Record<string, number>; files: Array<{ status: string }> };
    expect(report.totals).toMatchObject({ added: 1, failed: 1 });
    const again = await zct(['ingest', path.join(inbox, 'a.txt'), ...dirs]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('未变 1');
    expect(again.stdout).toContain('= 未变');
  });
});
