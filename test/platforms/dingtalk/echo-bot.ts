/**
 * A real Bot (claim → precheck → route → handler → remember) with a tiny test router, for the DingTalk
 * adapter's tests and bench. Handlers: text starting with "引用" → a canned cited answer; "问答…" → a policy
 * answer with a feedbackId (saved for votes) that asks for the AI card (progress begin); "确认卡…" → a reply
 * with 确认记录/不记录 buttons (only the sender may press); "问题卡 Q-0012" → 办结 / 销号 (admins); "长文N" → a
 * reply of N list items; "慢" → waits for `release()`; anything else → "收到：<text>".
 * `handled` records every message a handler actually ran for (what exactly-once is measured on).
 */
import { Bot } from '../../../src/app/bot.js';
import type { Services } from '../../../src/app/services.js';
import type { Config } from '../../../src/config/schema.js';
import type { IncomingMessage } from '../../../src/messaging/incoming.js';
import { replyProgress } from '../../../src/messaging/progress.js';
import type { Reply } from '../../../src/messaging/reply.js';
import { silentLogger } from '../../../src/observability/logger.js';
import type { Retriever } from '../../../src/retrieval/types.js';
import type { Store } from '../../../src/store/types.js';
import { createRouter, type Route } from '../../../handlers/router.js';
import type { Handler } from '../../../handlers/types.js';

export const CITED_REPLY: Reply = {
  intent: 'ask',
  title: '政策解答',
  blocks: [
    { type: 'heading', text: '研发费用加计扣除' },
    { type: 'paragraph', text: '制造业企业研发费用可按100%在税前加计扣除[1]，科技型中小企业同样适用[2]。' },
    {
      type: 'citations',
      items: [
        {
          n: 1,
          docId: 'doc-a',
          title: '关于进一步完善研发费用税前加计扣除政策的公告',
          source: '财政部 税务总局',
          date: '2021-03-31',
          chunkId: 'doc-a::3',
          quote: '制造业企业开展研发活动中实际发生的研发费用，按照实际发生额的100%在税前加计扣除。',
        },
        {
          n: 2,
          docId: 'doc-b',
          title: '科技型中小企业评价办法',
          source: null,
          date: '2017-05-03',
          chunkId: 'doc-b::1',
          quote: '科技型中小企业须满足下列条件。',
        },
      ],
    },
  ],
};

/** Never used by the echo handlers; present because Services requires one. */
const noRetriever: Retriever = {
  async search(query) {
    return { query, hits: [], answerable: false, confidence: 0 };
  },
  stats: () => ({ documents: 0, chunks: 0 }),
  topics: () => [],
};

export interface EchoBot {
  bot: Bot;
  services: Services;
  handled: IncomingMessage[];
  /** Let every waiting "慢" message finish. */
  release(): void;
}

export function createEchoBot(store: Store, config: Config): EchoBot {
  const handled: IncomingMessage[] = [];
  let gate: { promise: Promise<void>; open: () => void } = newGate();

  function newGate() {
    let open: () => void = () => undefined;
    const promise = new Promise<void>((r) => (open = r));
    return { promise, open };
  }

  const echo: Handler = async (msg) => {
    handled.push(msg);
    const text = msg.text;
    if (text.startsWith('慢')) await gate.promise;
    if (text.startsWith('引用')) return CITED_REPLY;
    if (text.startsWith('问答')) {
      replyProgress()?.begin();
      const feedbackId = `fb-${msg.dedupKey}`;
      const answer = `关于“${text.slice(2)}”：按规定办理。`;
      await store.saveAnswer(feedbackId, { question: text, answer, citations: [] }, 3600);
      return { intent: 'ask', title: '政策问答', blocks: [{ type: 'paragraph', text: answer }], feedbackId };
    }
    if (text.startsWith('确认卡')) {
      return {
        intent: 'report',
        title: '请确认',
        blocks: [{ type: 'paragraph', text: `是否记录：${text.slice(3)}？` }],
        actions: [
          { label: '确认记录', command: '对', style: 'primary', onlyUser: msg.userId },
          { label: '不记录', command: '不用了', onlyUser: msg.userId },
        ],
      };
    }
    const issueCard = /^问题卡 (Q-\d{4})/.exec(text);
    if (issueCard) {
      const id = issueCard[1];
      return {
        intent: 'issues',
        title: id,
        blocks: [{ type: 'paragraph', text: `${id} 华康药业 融资 已交办` }],
        actions: [
          { label: '办结', command: `${id} 办结`, style: 'primary' },
          { label: '销号', command: `${id} 销号`, style: 'danger', adminOnly: true },
        ],
      };
    }
    const long = /^长文(\d+)/.exec(text);
    if (long) {
      const n = Number(long[1]);
      const items = Array.from(
        { length: n },
        (_, i) => `第${i + 1}条：企业反映用工、融资、用地等方面的问题，已交办相关部门限期办理。`,
      );
      return {
        intent: 'digest',
        title: '每日简报',
        blocks: [
          { type: 'heading', text: '今日简报' },
          { type: 'list', items, ordered: true },
        ],
      };
    }
    return { intent: 'ask', title: '回复', blocks: [{ type: 'paragraph', text: `收到：${text}` }] };
  };
  const handlers = Object.fromEntries(
    (['ask', 'report', 'issues', 'digest', 'help', 'clarify'] as Route[]).map((r) => [r, echo]),
  ) as Record<Route, Handler>;
  const router = createRouter({
    handlers,
    isLedgerCommand: () => false,
    classify: async () => 'ask',
  });
  const services: Services = {
    config,
    logger: silentLogger,
    store,
    retriever: noRetriever,
    llm: null,
    clock: () => new Date(),
  };
  return {
    bot: new Bot(services, router),
    services,
    handled,
    release() {
      gate.open();
      gate = newGate();
    },
  };
}
