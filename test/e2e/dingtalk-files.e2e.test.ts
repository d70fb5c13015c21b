/**
 * Files that become knowledge, end to end: the REAL dingtalk-stream client against the fake DingTalk (which
 * serves the robot file download API), the real bot and services (RedisStore on a spawned redis-server, the
 * bundled corpus, a data directory of its own). An admin's file is downloaded, ingested, the index reloaded
 * through the adapter's library hook, and then answered from; other users are refused; failures leave the
 * library unchanged.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetriever } from '../../src/app/create-services.js';
import { readAllRecords } from '../../src/corpus/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { FILE_TEXTS } from '../../src/platforms/dingtalk/file-ingest.js';
import {
  startDingTalkHarness,
  type DingTalkHarness,
  type FakeDingTalk,
  type RobotMessageInput,
} from '../helpers/fake-dingtalk.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { e2eEnv, sleep, startProduct, type Product } from './product.js';

const ADMIN = 'staff-admin';
const MEMBER = 'staff-member';
const POLICY_MD = [
  '# 关于支持低空经济企业发展的若干措施',
  '',
  '第一条 对新落户本市的低空经济企业，按其实缴注册资本给予最高500万元的一次性落户奖励。',
  '',
  '第二条 对开通城市低空物流航线的企业，按每条航线每年20万元给予运营补贴，连续补贴三年。',
  '',
  '第三条 本措施自印发之日起施行，有效期三年，由市发展改革委负责解释。',
].join('\n');

let redis: RedisHandle;
let dataDir: string;
let h: DingTalkHarness;
let fake: FakeDingTalk;
let product: Product;
let reloads = 0;
let seq = 0;

beforeAll(async () => {
  redis = await startRedis();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zct-files-'));
  h = await startDingTalkHarness({
    env: e2eEnv(redis.url, { ZCT_ADMINS: ADMIN, ZCT_DATA_DIR: dataDir, ZCT_RATE_LIMIT_PER_MIN: '0' }),
    makeSink: async (config) => {
      product = await startProduct(config);
      return (m) => product.sink(m);
    },
    adapter: {
      // Read when the adapter is created, after makeSink has built the product: the product's RedisStore.
      get store() {
        return product.services.store;
      },
      // The library hook: here, this process' index is rebuilt (production wires the every-replica reload).
      files: {
        onLibraryChanged: async () => {
          reloads += 1;
          product.services.retriever = await createRetriever(h.config, silentLogger);
        },
      },
    },
  });
  fake = h.fake;
}, 120_000);

afterAll(async () => {
  await h?.stop();
  await product?.close();
  await redis?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Send a message and wait for its reply on its sessionWebhook. */
async function send(data: Record<string, unknown>, timeoutMs = 60_000) {
  const session = new URL(String(data.sessionWebhook)).searchParams.get('session') as string;
  const frameId = fake.push(data);
  await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === session), 'reply', timeoutMs);
  return { frameId, session, text: fake.webhookPosts.find((p) => p.session === session)!.body.markdown?.text ?? '' };
}
const opts = (over: RobotMessageInput = {}): RobotMessageInput => ({
  group: false,
  conversationId: 'cidFiles==',
  session: `f-${++seq}`,
  ...over,
});
const uploads = async () => fs.readdir(path.join(dataDir, 'uploads', 'dingtalk')).catch(() => [] as string[]);

describe('files that become knowledge (real stream client, real services)', () => {
  it('a non-admin’s file is politely refused: not downloaded, library unchanged', async () => {
    const code = fake.addFile(POLICY_MD);
    const r = await send(fake.fileMessage(code, '低空经济措施.md', opts({ senderStaffId: MEMBER })));
    expect(r.text).toContain(FILE_TEXTS.notAdmin);
    expect(fake.fileDownloads).not.toContain(code);
    expect(await readAllRecords(dataDir)).toHaveLength(0);
    expect(await uploads()).toHaveLength(0);
  });

  it('a file that cannot be read says why and leaves the library unchanged', async () => {
    const code = fake.addFile(Buffer.from('%PDF-1.7 this is not really a pdf'));
    const r = await send(fake.fileMessage(code, '坏文件.pdf', opts({ senderStaffId: ADMIN })));
    expect(r.text).toContain('文件没有导入');
    expect(r.text).toContain('资料库保持不变');
    expect(fake.fileDownloads).toContain(code);
    expect(await readAllRecords(dataDir)).toHaveLength(0);
    expect(await uploads()).toHaveLength(0);

    const exe = await send(fake.fileMessage(fake.addFile('MZ'), 'setup.exe', opts({ senderStaffId: ADMIN })));
    expect(exe.text).toContain('暂不支持导入 .exe 文件');
  });

  it('an admin’s .md file is ingested: the reply names it, its chunks and a sample question; a redelivery does nothing more', async () => {
    const code = fake.addFile(POLICY_MD);
    const msg = fake.fileMessage(code, '低空经济措施.md', opts({ senderStaffId: ADMIN }));
    const r = await send(msg);
    expect(r.text).toContain('已加入资料库：《关于支持低空经济企业发展的若干措施》');
    expect(r.text).toMatch(/共 [1-9]\d* 个片段/);
    expect(r.text).toContain('现在可以这样问：支持低空经济企业发展的若干措施有哪些主要内容？');
    expect(reloads).toBe(1);
    const records = await readAllRecords(dataDir);
    expect(records).toHaveLength(1);
    expect(records[0]!.documents[0]!.title).toBe('关于支持低空经济企业发展的若干措施');

    // The same message again (a redelivery): acked, not downloaded or ingested again, not answered again.
    const downloads = fake.fileDownloads.length;
    const again = fake.push(msg);
    await fake.waitFor(() => fake.ackedFrames(again).length === 1, 'ack');
    await sleep(200);
    expect(fake.fileDownloads.length).toBe(downloads);
    expect(fake.webhookPosts.filter((p) => p.session === r.session)).toHaveLength(1);
    expect(reloads).toBe(1);
  });

  it('the new document answers questions, cited by its title', async () => {
    const r = await send(
      fake.robotMessage(opts({ text: '问：低空经济企业落户奖励最高多少？', senderStaffId: MEMBER })),
    );
    expect(r.text).toContain('500万元');
    expect(r.text).toContain('《关于支持低空经济企业发展的若干措施》');
  });
});
