/**
 * Library changes reach running replicas without a restart: two bot instances (each its own Redis
 * connection and retriever), `zct ingest` of a new document through the real CLI command, and both
 * replicas answer from it — one after an explicit refresh, the other by its own periodic check.
 * The disk index cache stays keyed by the library's content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyLibraryChange, createServices } from '../../src/app/create-services.js';
import type { Services } from '../../src/app/services.js';
import { register as registerIngest } from '../../src/cli/commands/ingest.js';
import { ingestPaths, loadLibrary } from '../../src/corpus/index.js';
import { buildRetriever, indexCacheKey, indexCachePath } from '../../src/retrieval/index.js';
import { libraryVersionKey, readLibraryVersion, ReloadingRetriever } from '../../src/retrieval/reload.js';
import type { RedisStore } from '../../src/store/index.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { testConfig } from '../helpers/services.js';

let redis: RedisHandle;
let tmp: string;
let env: Record<string, string>;
const replicas: Services[] = [];

const NEW_DOC = `新材料产业扶持办法
为加快新材料产业发展，对新认定的省级新材料重点企业，给予一次性奖励80万元；对新认定的市级新材料重点企业，给予一次性奖励30万元。
申报材料包括：申请表、营业执照复印件、上年度财务审计报告。`;
const QUESTION = '新材料重点企业认定后奖励多少钱';

async function ingestCli(file: string): Promise<{ stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registerIngest(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await program.parseAsync(['node', 'zct', 'ingest', file]);
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
  return { stdout, stderr };
}

const topDoc = async (s: Services) => (await s.retriever.search(QUESTION, 3)).hits[0]?.chunk;

beforeAll(async () => {
  redis = await startRedis();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-reload-'));
  const corpus = path.join(tmp, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(
    path.join(corpus, 'a.txt'),
    '关于开展“三服务”活动的通知\n各级组织部门要深入企业走访，帮助企业解决融资、用工等实际困难。\n对走访中收集的问题建立清单，逐一销号。',
  );
  fs.writeFileSync(
    path.join(corpus, 'b.txt'),
    '人才公寓管理办法\n高层次人才可申请入住人才公寓，租金按市场价的30%收取，入住期限最长三年。',
  );
  env = {
    REDIS_URL: redis.url,
    ZCT_REDIS_PREFIX: 'zt',
    ZCT_CORPUS_DIR: corpus,
    ZCT_DATA_DIR: path.join(tmp, 'data'),
    ZCT_CACHE_DIR: path.join(tmp, 'cache'),
  };
  for (let i = 0; i < 2; i++)
    replicas.push(
      await createServices(testConfig(env), (await import('../../src/observability/logger.js')).silentLogger),
    );
}, 60_000);

afterAll(async () => {
  for (const s of replicas) await s.store.close();
  await redis.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('library reload across replicas', () => {
  it('each replica of a Redis deployment follows the library version', () => {
    for (const s of replicas) {
      expect(s.retriever).toBeInstanceOf(ReloadingRetriever);
      expect((s.retriever as ReloadingRetriever).libraryVersion).toBe('0');
    }
  });

  it('after `zct ingest`, both running replicas find the new document without a restart', async () => {
    for (const s of replicas) expect((await topDoc(s))?.title).not.toBe('新材料产业扶持办法');

    const file = path.join(tmp, '新材料产业扶持办法.txt');
    fs.writeFileSync(file, NEW_DOC);
    const { stdout, stderr } = await ingestCli(file);
    expect(stdout).toContain('新增 1');
    expect(stderr).toContain('重新加载');

    const store = replicas[0]!.store as RedisStore;
    expect(await readLibraryVersion(store.conn, 'zt')).toBe('1');
    expect(await store.conn.cmd(undefined, ['EXISTS', libraryVersionKey('zt')])).toBe(1);

    // Replica 1: an explicit check swaps the index in before returning.
    const first = replicas[0]!.retriever as ReloadingRetriever;
    expect(await first.refresh()).toBe(true);
    expect(first.libraryVersion).toBe('1');
    const hit = await topDoc(replicas[0]!);
    expect(hit?.title).toBe('新材料产业扶持办法');
    expect(hit?.text).toContain('80万元');

    // Replica 2: nobody tells it; its own periodic check (every 2 s) picks the change up while it keeps answering.
    const second = replicas[1]!.retriever as ReloadingRetriever;
    const deadline = Date.now() + 15_000;
    let title: string | undefined;
    while (Date.now() < deadline) {
      title = (await topDoc(replicas[1]!))?.title;
      if (title === '新材料产业扶持办法') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(title).toBe('新材料产业扶持办法');
    expect(second.libraryVersion).toBe('1');
    expect(second.reloads).toBe(1);
    // Nothing changed since: another check does not rebuild.
    expect(await second.refresh()).toBe(false);
  }, 40_000);

  it('keeps the disk index cache keyed by the library content (one file, the new library)', async () => {
    const docs = await loadLibrary({ corpusDir: env.ZCT_CORPUS_DIR!, dataDir: env.ZCT_DATA_DIR! });
    expect(docs.map((d) => d.title)).toContain('新材料产业扶持办法');
    const key = indexCacheKey(docs);
    const files = fs.readdirSync(path.join(env.ZCT_CACHE_DIR!, 'retrieval')).filter((f) => f.endsWith('.bin'));
    expect(files).toEqual([path.basename(indexCachePath(env.ZCT_CACHE_DIR!, key))]);
    // A process starting now reads that cache and has the new document.
    const fresh = await buildRetriever(docs, { cacheDir: env.ZCT_CACHE_DIR! });
    expect((await fresh.search(QUESTION, 1)).hits[0]?.chunk.title).toBe('新材料产业扶持办法');
  });

  it('a change made inside a replica (web console upload, DingTalk file) reaches it at once and the others by the version', async () => {
    const file = path.join(tmp, '数字经济人才奖励细则.txt');
    fs.writeFileSync(file, '数字经济人才奖励细则\n对引进的数字经济领军人才，给予安家补贴120万元，分五年发放。');
    await ingestPaths([file], { corpusDir: env.ZCT_CORPUS_DIR!, dataDir: env.ZCT_DATA_DIR! });
    const ask = async (s: Services) =>
      (await s.retriever.search('数字经济领军人才安家补贴多少', 1)).hits[0]?.chunk.title;
    const before = await readLibraryVersion((replicas[0]!.store as RedisStore).conn, 'zt');

    await applyLibraryChange(replicas[0]!);
    expect(await ask(replicas[0]!)).toBe('数字经济人才奖励细则');
    expect(Number(await readLibraryVersion((replicas[0]!.store as RedisStore).conn, 'zt'))).toBe(Number(before) + 1);
    expect(await (replicas[1]!.retriever as ReloadingRetriever).refresh()).toBe(true);
    expect(await ask(replicas[1]!)).toBe('数字经济人才奖励细则');
  }, 40_000);

  it('serves searches from the old index while a reload is under way, and survives Redis being down', async () => {
    const r = replicas[0]!.retriever as ReloadingRetriever;
    const reloading = r.reload();
    const during = await r.search(QUESTION, 1);
    expect(during.hits[0]?.chunk.title).toBe('新材料产业扶持办法');
    expect(await reloading).toBe(true);
    await redis.stop();
    try {
      // The version check fails quietly; the current index keeps answering.
      expect((await r.search('人才公寓租金怎么收', 1)).hits[0]?.chunk.title).toBe('人才公寓管理办法');
      await expect(r.refresh()).rejects.toThrow();
    } finally {
      await redis.start();
    }
  }, 30_000);
});
