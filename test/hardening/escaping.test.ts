/**
 * Finding 3: user-supplied text is data wherever it is shown. A team name, a nickname and an issue summary written
 * as markup go through the real pipeline (bind, report, the leadership digest) and are rendered for DingTalk
 * markdown and Slack Block Kit: no link, image, bold, mention or auto-linked URL comes out of them.
 */
import { describe, expect, it } from 'vitest';
import { renderDingTalkMarkdown, escapeMarkdown } from '../../src/platforms/dingtalk/render-markdown.js';
import { renderSlackBlocks } from '../../src/platforms/slack/render.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Reply } from '../../src/messaging/reply.js';
import { makeBot, registerTeam } from '../helpers/fleet.js';
import { makeServices, message, testConfig } from '../helpers/services.js';

const LINK = '[点此领取补贴](https://evil.example/phish)';
const IMAGE = '![x](https://evil.example/pixel.png)';
const HOSTILE = `${LINK} ${IMAGE} **紧急** <!channel> <@U0ADMIN> <https://evil.example|官方通知> _斜_ ~删~ \`code\` # 标题 > 引用 https://evil.example/raw`;

/** Every string a DingTalk markdown message of this reply contains. */
const dingtalk = (r: Reply) =>
  renderDingTalkMarkdown(r)
    .map((p) => p.text)
    .join('\n');
/**
 * What Slack parses of the messages: every mrkdwn text object (as JSON, to see `verbatim`) and the fallback text.
 * plain_text objects (headers, buttons) are shown literally by Slack and are left out.
 */
function slack(r: Reply): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn') out.push(JSON.stringify(o));
      else Object.values(o).forEach(walk);
    }
  };
  for (const m of renderSlackBlocks(r)) {
    out.push(m.text);
    walk(m.blocks);
  }
  return out.join('\n');
}

function assertInert(md: string, sl: string) {
  // DingTalk: no link or image syntax, no user bold, no clickable URL, no HTML.
  expect(md).not.toMatch(/\]\(/);
  expect(md).not.toContain('**紧急**');
  expect(md).not.toMatch(/https?:\/\/evil/);
  expect(md).not.toContain('<');
  // Slack: no link/mention tokens, no user bold, URLs verbatim (not auto-linked).
  expect(sl).not.toMatch(/<https?:/);
  expect(sl).not.toContain('<!channel>');
  expect(sl).not.toContain('<@U0ADMIN>');
  expect(sl).not.toContain('*紧急*');
  expect(sl).not.toMatch(/"type":"mrkdwn","text":"[^"]*"(?!,"verbatim":true)/);
}

describe('user text rendered as data', () => {
  it('every block kind, on both platforms', () => {
    const r: Reply = {
      intent: 'digest',
      title: HOSTILE,
      blocks: [
        { type: 'heading', text: HOSTILE },
        { type: 'paragraph', text: HOSTILE },
        { type: 'list', items: [HOSTILE, HOSTILE] },
        { type: 'fields', fields: [{ label: '小组', value: HOSTILE }] },
        { type: 'table', columns: ['小组', '说明'], rows: [[HOSTILE, HOSTILE]] },
        { type: 'note', text: HOSTILE },
        {
          type: 'citations',
          items: [{ n: 1, docId: 'd', title: HOSTILE, source: HOSTILE, date: null, chunkId: 'd::0', quote: HOSTILE }],
        },
      ],
    };
    assertInert(dingtalk(r), slack(r));
    // The words themselves are still there for the reader.
    expect(dingtalk(r)).toContain('点此领取补贴');
    expect(escapeMarkdown(escapeMarkdown(HOSTILE))).toBe(escapeMarkdown(HOSTILE));
  });

  it('a nickname and a summary echoed in the group, and the leadership digest of the next morning', async () => {
    const store = new MemoryStore();
    const services = makeServices({
      store,
      config: testConfig({ ZCT_RATE_LIMIT_PER_MIN: '0', ZCT_ADMIN_GROUPS: 'console:lead' }),
      retriever: null as never,
    });
    const bot = makeBot(services);
    await registerTeam(store, 'console:g1', ['华康药业']);
    await registerTeam(store, 'console:lead', [], { isAdminGroup: true });
    const report = await bot.handle(
      message(`今天走访了华康药业，企业反映${LINK}缺3名化工工程师 **紧急**`, { userName: `张三${LINK}` }),
    );
    expect(report.reply?.intent).toBe('report');
    assertInert(dingtalk(report.reply!), slack(report.reply!));

    const digest = await bot.handle(message('简报', { conversationId: 'lead', teamId: 'console:lead', isAdmin: true }));
    expect(digest.reply?.intent).toBe('digest');
    assertInert(dingtalk(digest.reply!), slack(digest.reply!));
  });
});
