/**
 * Ledger test kit: a real store (MemoryStore, or RedisStore on a spawned redis-server), a real lexical
 * retriever over a few policy snippets, a settable clock, and message builders for team groups.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createBot } from '../../src/app/create-bot.js';
import type { Bot } from '../../src/app/bot.js';
import { buildRetriever } from '../../src/retrieval/index.js';
import type { Retriever } from '../../src/retrieval/types.js';
import type { CorpusDocument } from '../../src/corpus/types.js';
import type { Services } from '../../src/app/services.js';
import type { IncomingMessage, IncomingMessageInput } from '../../src/messaging/incoming.js';
import { renderText } from '../../src/messaging/render-text.js';
import type { Reply } from '../../src/messaging/reply.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis/store.js';
import type { Store } from '../../src/store/types.js';
import type { Team } from '../../src/ledger/model.js';
import { makeServices, message, testConfig } from '../helpers/services.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';

/** 2019-03-12 10:00 in Asia/Shanghai. */
export const T0 = Date.parse('2019-03-12T02:00:00Z');
export const MIN = 60_000;
export const DAY = 86_400_000;

export class TestClock {
  constructor(public ms = T0) {}
  now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

const doc = (id: string, title: string, text: string): CorpusDocument => ({
  id,
  title,
  source: '测试政策库',
  date: '2019-01-01',
  author: null,
  text,
  file: `${id}.txt`,
  fileHash: id,
});

export const POLICY_DOCS: CorpusDocument[] = [
  doc(
    'loan',
    '关于支持企业技术改造贷款贴息的若干意见',
    '一、技改贷款贴息。对企业实施技术改造项目发生的银行贷款，按实际利息的50%给予贴息。\n二、流动资金支持。设立应急转贷资金，缓解企业流动资金紧张，单笔转贷额度不超过1000万元。',
  ),
  doc(
    'talent',
    '高层次人才引进实施办法',
    '第一条 企业引进化工、医药等领域工程师和博士的，给予每人每年2万元生活补贴。\n第二条 人才公寓优先保障重点企业引进的工程技术人才。',
  ),
  doc('land', '工业用地保障办法', '新增工业用地指标优先保障亩均效益高的企业；企业厂房二期用地按程序办理土地证。'),
  doc('tourism', '乡村旅游发展规划', '发展民宿经济，打造精品旅游线路，完善景区道路和停车设施。'),
];

let retrieverPromise: Promise<Retriever> | null = null;
export function policyRetriever(): Promise<Retriever> {
  retrieverPromise ??= buildRetriever(POLICY_DOCS, { cacheDir: null });
  return retrieverPromise;
}

export const TEAM: Team = {
  id: 'console:g1',
  platform: 'console',
  conversationId: 'g1',
  name: '城东一组',
  enterprises: ['华康药业', '七一电器'],
  isAdminGroup: false,
  createdAt: T0 - DAY,
};

export interface Kit {
  store: Store;
  clock: TestClock;
  services: Services;
  cleanup(): Promise<void>;
}

export async function makeKit(
  makeStore: (clock: TestClock) => Promise<{ store: Store; cleanup(): Promise<void> }>,
  opts: { env?: Record<string, string>; teams?: Team[]; retriever?: Retriever | null } = {},
): Promise<Kit> {
  const clock = new TestClock();
  const { store, cleanup } = await makeStore(clock);
  for (const t of opts.teams ?? [TEAM]) await store.upsertTeam(t);
  const retriever = opts.retriever === undefined ? await policyRetriever() : opts.retriever;
  const services = makeServices({
    store,
    clock: clock.now,
    retriever: retriever as Retriever,
    config: testConfig(opts.env ?? {}),
  });
  return { store, clock, services, cleanup };
}

export const memoryStore = async (clock: TestClock) => ({
  store: new MemoryStore({ clock: () => clock.ms }),
  cleanup: async () => {},
});

let prefixSeq = 0;
export const redisStoreAt = (url: string) => async () => {
  const store = new RedisStore({ url, prefix: `ledger-${process.pid}-${++prefixSeq}` });
  await store.connect({ timeoutMs: 5000 });
  return { store, cleanup: () => store.close() };
};

/** A store maker for a kit: given the kit's clock, a store and how to clean it up. */
export type MakeStore = (clock: TestClock) => Promise<{ store: Store; cleanup(): Promise<void> }>;

/**
 * The two stores the ledger runs on, for describe.each: in memory, and a real redis-server spawned for the test file
 * (started before its tests, stopped after them).
 */
export function memoryAndRedisStores(): Array<[string, MakeStore]> {
  let redis: RedisHandle | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  return [
    ['memory', memoryStore],
    ['redis', (_clock) => redisStoreAt((redis as RedisHandle).url)()],
  ];
}

/** A message in the team group at the kit's current time. */
export function say(kit: Kit, text: string, over: Partial<IncomingMessageInput> = {}): IncomingMessage {
  return message(text, { receivedAt: kit.clock.ms, ...over });
}

export const text = (r: Reply): string => renderText(r);

/**
 * A fresh kit and bot for each test of the enclosing describe (hooks registered here), and `send`: one message from
 * the default user a minute after the last, its reply rendered as text.
 */
export function botPerTest(
  makeStore: (clock: TestClock) => Promise<{ store: Store; cleanup(): Promise<void> }>,
  opts: Parameters<typeof makeKit>[1] = {},
): {
  readonly kit: Kit;
  readonly bot: Bot;
  send(t: string, over?: Partial<IncomingMessageInput>): Promise<Awaited<ReturnType<Bot['handle']>> & { text: string }>;
} {
  let kit: Kit;
  let bot: Bot;
  beforeEach(async () => {
    kit = await makeKit(makeStore, opts);
    bot = createBot(kit.services);
  });
  afterEach(async () => {
    await kit.cleanup();
  });
  return {
    get kit() {
      return kit;
    },
    get bot() {
      return bot;
    },
    async send(t, over = {}) {
      kit.clock.advance(MIN);
      const r = await bot.handle(say(kit, t, over));
      return { ...r, text: r.reply ? text(r.reply) : '' };
    },
  };
}
