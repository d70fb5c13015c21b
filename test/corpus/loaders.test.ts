/**
 * File loaders: .txt (UTF-8 and GB18030), .md, .html, .docx and .pdf (committed tiny fixtures, see
 * test/fixtures/corpus/make-fixtures.py), and the reasons given for bad files.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText, LoadError, loadFile } from '../../src/corpus/index.js';

const FIXTURES = path.resolve('test/fixtures/corpus');
let dir = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zct-loaders-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, content);
  return p;
}

async function loadAndClean(file: string) {
  const { loaded } = await loadFile(file);
  return cleanText(loaded.text, {
    idStem: 'x',
    file,
    fileHash: 'h',
    titleHint: loaded.titleHint,
    fileStem: path.basename(file).replace(/\.[^.]+$/, ''),
  });
}

async function failure(file: string): Promise<LoadError> {
  try {
    await loadFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(LoadError);
    const e = err as LoadError;
    // Every reason is given in Chinese and in English.
    expect(e.message).toMatch(/[\u4e00-\u9fff]{2,}/);
    expect(e.message).toMatch(/\([a-z][a-z ,-]+[a-z]/i);
    return e;
  }
  throw new Error(`expected ${file} to fail`);
}

describe('good files', () => {
  it('loads UTF-8 text', async () => {
    const f = await write('通知.txt', '关于人才公寓的通知\n\n租金按市场价的三成收取，\n最长可租住五年。\n');
    const [doc] = await loadAndClean(f);
    expect(doc).toMatchObject({ title: '关于人才公寓的通知', text: '租金按市场价的三成收取，最长可租住五年。' });
  });

  it('loads GB18030/GBK text', async () => {
    // "关于人才公寓的通知\n租金按市场价的三成收取。" encoded as GBK.
    const gbk = Buffer.from(
      'b9d8d3dac8cbb2c5b9abd4a2b5c4cda8d6aa0ad7e2bdf0b0b4cad0b3a1bcdbb5c4c8fdb3c9cad5c8a1a1a3',
      'hex',
    );
    const f = await write('gbk.txt', gbk);
    const [doc] = await loadAndClean(f);
    expect(doc).toMatchObject({ title: '关于人才公寓的通知', text: '租金按市场价的三成收取。' });
  });

  it('loads Markdown without its markup', async () => {
    const md = [
      '---',
      'layout: post',
      '---',
      '# 稳岗补贴申领指南',
      '',
      '## 一、申领条件',
      '',
      '- 参保满**12个月**的企业，详见[人社局](https://example.invalid/x)。',
      '',
      '| 项目 | 标准 |',
      '| --- | --- |',
      '| 稳岗返还 | 50% |',
    ].join('\n');
    const [doc] = await loadAndClean(await write('guide.md', md));
    expect(doc!.title).toBe('稳岗补贴申领指南');
    expect(doc!.text).toBe('一、申领条件\n参保满12个月的企业，详见人社局。\n项目 标准\n稳岗返还 50%');
  });

  it('loads HTML: <title>, no script/style/nav, page chrome before the title dropped', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>技改补助政策 - 某某县人民政府</title>
      <style>p{color:red}</style><script>var x = 1; function f(){}</script></head>
      <body><nav><a href="/">首页</a> <a href="/zc">政策</a></nav><div>当前位置：首页 &gt; 政策</div>
      <h1>技改补助政策</h1><p>对设备投资500万元以上的项目，按&nbsp;10%&nbsp;给予补助。</p>
      <p>单个项目最高200万元。</p></body></html>`;
    const [doc] = await loadAndClean(await write('page.html', html));
    expect(doc!.title).toBe('技改补助政策');
    expect(doc!.text).toBe('对设备投资500万元以上的项目，按 10% 给予补助。\n单个项目最高200万元。');
  });

  it('loads .docx with mammoth', async () => {
    const [doc] = await loadAndClean(path.join(FIXTURES, 'policy.docx'));
    expect(doc!.title).toBe('关于支持企业数字化改造的若干措施');
    expect(doc!.text).toBe(
      '一、改造补助\n对年度数字化改造投入在300万元以上的项目，按投入额的12%给予补助，单个项目最高不超过150万元。',
    );
  });

  it('loads .pdf with pdf-parse and rejoins its cut lines', async () => {
    const [doc] = await loadAndClean(path.join(FIXTURES, 'policy.pdf'));
    expect(doc!.title).toBe('关于加快人才公寓建设的实施意见');
    expect(doc!.text).toBe(
      '一、保障对象\n引进的博士和高级工程师可申请人才公寓，租金按市场价的30%收取，最长可租住五年。',
    );
  });
});

describe('bad files', () => {
  it('refuses binary garbage', async () => {
    const bytes = Buffer.alloc(600);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    expect((await failure(await write('garbage.txt', bytes))).code).toBe('binary');
  });

  it('refuses an empty or blank file', async () => {
    expect((await failure(await write('empty.txt', ''))).code).toBe('empty');
    expect((await failure(await write('blank.md', '  \n\n  '))).code).toBe('empty');
  });

  it('refuses a corrupt PDF and a corrupt DOCX', async () => {
    expect((await failure(await write('broken.pdf', '%PDF-1.4\nthis is not really a pdf'))).code).toBe('unreadable');
    expect((await failure(await write('broken.docx', 'PK\u0003\u0004 not a zip'))).code).toBe('unreadable');
  });

  it('refuses a PDF with no text layer', async () => {
    const pdf = (await fs.readFile(path.join(FIXTURES, 'policy.pdf'), 'latin1')).replace(/<[0-9A-F]+> Tj/g, '<> Tj');
    const f = await write('scan.pdf', Buffer.from(pdf, 'latin1'));
    expect((await failure(f)).code).toBe('no_text');
  });

  it('refuses an unsupported extension and names the supported ones', async () => {
    const e = await failure(await write('sheet.xls', 'whatever'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('.xls');
    expect(e.message).toContain('.docx');
  });

  it('reports a missing file as unreadable input', async () => {
    expect((await failure(path.join(dir, 'missing.txt'))).code).toBe('io');
  });
});
