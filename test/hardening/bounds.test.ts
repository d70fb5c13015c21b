/**
 * Finding 5: bounded input, each limit with a clear Chinese answer — enterprises per message and per team, team
 * names from a whitelist, issues per message (confirm beyond the cap, refuse far beyond), DingTalk messages per
 * digest and "未走访" lists shortened with a count.
 */
import { describe, expect, it } from 'vitest';
import { renderDingTalkMarkdown } from '../../src/platforms/dingtalk/render-markdown.js';
import { MemoryStore } from '../../src/store/memory.js';
import { makeBot, registerTeam, text } from '../helpers/fleet.js';
import { makeServices, message, testConfig } from '../helpers/services.js';

function kit(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  const bot = makeBot(
    makeServices({ store, config: testConfig({ ZCT_RATE_LIMIT_PER_MIN: '0', ...env }), retriever: null as never }),
  );
  return { store, bot };
}
const names = (n: number, tag = '企业') => Array.from({ length: n }, (_, i) => `测试${tag}${i + 1}号`);

describe('bounds', () => {
  it('绑定企业: at most ZCT_MAX_ENTERPRISES_PER_MESSAGE per message and ZCT_MAX_ENTERPRISES_PER_TEAM per team', async () => {
    const { store, bot } = kit({ ZCT_MAX_ENTERPRISES_PER_TEAM: '40', ZCT_MAX_ENTERPRISES_PER_MESSAGE: '30' });
    const huge = await bot.handle(message(`绑定企业 ${names(665).join('、')}`));
    expect(text(huge.reply)).toContain('一次最多绑定 30 家企业，这条消息有 665 家');
    expect(await store.getTeam('console:g1')).toBeNull();

    expect(text((await bot.handle(message(`绑定企业 ${names(30).join('、')}`))).reply)).toContain(
      '已把本群登记为联企小组',
    );
    const over = await bot.handle(message(`绑定企业 ${names(20, '公司').join('、')}`));
    expect(text(over.reply)).toContain('每个小组最多绑定 40 家企业：本组已有 30 家');
    expect((await store.getTeam('console:g1'))!.enterprises).toHaveLength(30);
  });

  it('team and enterprise names come from a character whitelist with a length cap', async () => {
    const { store, bot } = kit();
    const link = await bot.handle(message('绑定企业 华康药业 组名：[点我](https://evil.example/x)'));
    expect(text(link.reply)).toContain('小组名称只能使用中文、字母、数字');
    expect(await store.getTeam('console:g1')).toBeNull();
    const long = await bot.handle(message(`绑定企业 华康药业 组名：${'长'.repeat(31)}`));
    expect(text(long.reply)).toContain('不超过 30 个字');
    // A group title used as the name keeps only the allowed characters.
    await bot.handle(message('绑定企业 华康药业', { conversationTitle: '城东一组**[通知](https://evil.example)**' }));
    expect((await store.getTeam('console:g1'))!.name).toBe('城东一组通知(httpsevilexample)');
  });

  it('issues per message: beyond ZCT_MAX_ISSUES_PER_MESSAGE the bot asks first; far beyond it refuses', async () => {
    const { store, bot } = kit({ ZCT_MAX_ISSUES_PER_MESSAGE: '3' });
    await registerTeam(store, 'console:g1', ['华康药业']);
    const problems = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}.缺${i + 2}名焊工`).join('；');
    const five = await bot.handle(message(`今天走访了华康药业，企业反映以下问题：${problems(5)}`));
    expect(text(five.reply)).toMatch(/识别出 \d+ 个问题，超过单条 3 个的上限/);
    expect(await store.listIssues({})).toHaveLength(0);
    const yes = await bot.handle(message('是'));
    expect(yes.reply?.intent).toBe('report');
    const recorded = (await store.listIssues({})).length;
    expect(recorded).toBeGreaterThan(3);

    const many = await bot.handle(message(`今天走访了华康药业，企业反映以下问题：${problems(40)}`, { userId: 'u2' }));
    expect(text(many.reply)).toMatch(/单条消息最多登记 15 个/);
    expect(await store.listIssues({})).toHaveLength(recorded);
  });

  it('a leadership digest stays within ZCT_MAX_DIGEST_MESSAGES DingTalk messages; 未走访 lists end with a count', async () => {
    const { store, bot } = kit({
      ZCT_ADMIN_GROUPS: 'console:lead',
      ZCT_MAX_DIGEST_MESSAGES: '2',
      ZCT_DIGEST_LIST_MAX: '10',
    });
    for (let t = 0; t < 40; t++) await registerTeam(store, `console:t${t}`, names(200, `T${t}企业`));
    const r = await bot.handle(message('简报', { conversationId: 'lead', teamId: 'console:lead', isAdmin: true }));
    expect(r.reply?.intent).toBe('digest');
    const all = text(r.reply);
    expect(all).toContain('等 200 家');
    expect(all).not.toContain('测试T0企业11号');
    const uncapped = renderDingTalkMarkdown(r.reply!);
    expect(uncapped.length).toBeGreaterThan(1);
    const parts = renderDingTalkMarkdown(r.reply!, { digestMaxParts: uncapped.length - 1 });
    expect(parts).toHaveLength(uncapped.length - 1);
    expect(parts.at(-1)!.text).toContain('简报较长，后面的内容没有发出');
  });
});
