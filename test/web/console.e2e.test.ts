/**
 * The web console in a real browser (Playwright driving Debian's chromium) against `zct serve` — a child process with
 * the real bot on the fake DingTalk, a spawned redis-server and a temporary data directory:
 * DingTalk free login (the page's JSAPI call answered by a stand-in `dd`, the code exchanged with the fake's OpenAPI),
 * Sign in with Slack (the login page's button, the fake Slack's consent page, the code and id_token checked),
 * the board, filtering and opening an issue with its history, xlsx export, uploading a .docx and asking the bot about
 * it, deleting it and seeing the answer go, a member refused the knowledge base, CSRF and expired sessions refused.
 *
 * Skips (with a message) only when no chromium binary exists; `.ci/run` installs it.
 * ZCT_SCREENSHOTS=docs/screenshots also writes desktop and phone screenshots of every page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { RedisStore } from '../../src/store/redis/index.js';
import {
  fakeDingTalkEnv,
  startFakeDingTalk,
  type FakeDingTalk,
  type RobotMessageInput,
} from '../helpers/fake-dingtalk.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { freePort, startRedis, type RedisHandle } from '../helpers/redis.js';
import { E2E_CACHE_DIR } from '../e2e/product.js';

const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p): p is string => Boolean(p && fs.existsSync(p)));
if (!CHROMIUM)
  console.warn('test/web: no chromium found (apt-get install chromium, or set CHROMIUM_PATH): browser tests skipped');
const SHOTS = process.env.ZCT_SCREENSHOTS;

const ADMIN = 'admin01';
/** A Slack admin (slack:<USERID> in ZCT_ADMINS, as the bot reads it). */
const SLACK_ADMIN = 'U0ADMIN77';
const MEMBER = 'member01';
const OTHER = 'member02';
const GROUP_A = 'cidTeamA==';
const GROUP_B = 'cidTeamB==';
const PREFIX = `web${process.pid}`;
const DOCX = path.resolve('test/fixtures/web/首台套奖励办法.docx');
const QUESTION = '首台套重大技术装备按销售额的多少给予奖励？';

let redis: RedisHandle;
let fake: FakeDingTalk;
let slack: FakeSlack;
let server: ChildProcess;
let serverLog = '';
let base = '';
let dataDir = '';
let browser: Browser;
let store: RedisStore;
let seq = 0;

async function waitHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url, { redirect: 'manual' });
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`web console did not start:\n${serverLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Send a group message through the fake DingTalk and return the bot's markdown reply. */
async function say(text: string, over: RobotMessageInput = {}): Promise<string> {
  const session = `w${++seq}`;
  fake.push(
    fake.robotMessage({
      text,
      conversationId: GROUP_A,
      conversationTitle: '城东联企小组',
      senderStaffId: MEMBER,
      senderNick: '张三',
      session,
      ...over,
    }),
  );
  await fake.waitFor(() => fake.webhookPosts.some((p) => p.session === session), `reply to “${text}”`, 20_000);
  const post = fake.webhookPosts.find((p) => p.session === session)!;
  return post.body.markdown?.text ?? post.body.text?.content ?? '';
}

/** A browser context signed in through DingTalk free login: a stand-in `dd` answers requestAuthCode with a fake code. */
async function signIn(
  userId: string,
  name: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const code = fake.issueAuthCode(userId, name);
  await ctx.addInitScript(fakeJsapi(code));
  const page = await ctx.newPage();
  await page.goto(`${base}/board`);
  await page.waitForURL(`${base}/board`, { timeout: 60_000 });
  await ctx.clearCookies({ name: 'zct_lcsrf' });
  return { ctx, page };
}

/** Wait until the element's text contains `text` (Playwright's auto-waiting, without its test runner). */
async function seeText(loc: Locator, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last =
      (await loc
        .first()
        .textContent({ timeout: timeoutMs })
        .catch(() => null)) ?? '';
    if (last.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`expected “${text}” in: ${last.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A stand-in for DingTalk's JSAPI: requestAuthCode answers with this code. */
function fakeJsapi(code: string): string {
  return `window.dd = { runtime: { permission: { requestAuthCode: function (o) { setTimeout(function () { o.onSuccess({ code: ${JSON.stringify(code)} }); }, 10); } } } };`;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!CHROMIUM)('web console in a browser against zct serve', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    redis = await startRedis();
    fake = await startFakeDingTalk();
    slack = await startFakeSlack();
    slack.oidc.addUser({ userId: SLACK_ADMIN, name: '赵主任' });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zct-web-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // As registered in the Slack app: only this redirect URL is accepted.
    slack.oidc.allowRedirect(`${base}/auth/slack/callback`);
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        REDIS_URL: redis.url,
        ZCT_REDIS_PREFIX: PREFIX,
        ZCT_CACHE_DIR: E2E_CACHE_DIR,
        ZCT_SCHEDULER: 'false',
        HEALTH_PORT: '0',
        ZCT_DATA_DIR: dataDir,
        ZCT_ADMINS: `${ADMIN},slack:${SLACK_ADMIN}`,
        ZCT_RATE_LIMIT_PER_MIN: '0',
        WEB_PORT: String(port),
        WEB_HOST: '127.0.0.1',
        DINGTALK_CORP_ID: 'dingcorp',
        ...fakeDingTalkEnv(fake),
        ...slack.oidc.env(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.setEncoding('utf8').on('data', (d: string) => (serverLog += d));
    server.stderr!.setEncoding('utf8').on('data', (d: string) => (serverLog += d));
    await fake.waitForConnections(1, 90_000);
    await waitHttp(`${base}/login`, 30_000);
    store = new RedisStore({ url: redis.url, prefix: PREFIX });
    await store.connect({ timeoutMs: 5000 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
    });

    // The ledger, through the bot: team A (member01) with issues and a hand-off; team B (member02).
    expect(await say('绑定企业 华康药业、七一电器')).toContain('华康药业');
    await say(
      '今天和经信局老王走访了华康药业，企业反映两个问题：一是流动资金紧张，想申请技改贷款；二是缺3名化工工程师。资金的事已交办金融办。',
    );
    await say('Q-0002 交办 人社局');
    await say('Q-0001 金融办已对接，贷款下周放款');
    await say('绑定企业 七星科技', {
      conversationId: GROUP_B,
      conversationTitle: '城西联企小组',
      senderStaffId: OTHER,
      senderNick: '李四',
    });
    await say('今天走访了七星科技，企业反映用地指标不足，希望协调', {
      conversationId: GROUP_B,
      conversationTitle: '城西联企小组',
      senderStaffId: OTHER,
      senderNick: '李四',
    });
    expect((await store.listIssues({})).length).toBe(3);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await store?.close();
    if (server && server.exitCode === null) {
      await new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });
    }
    await fake?.close();
    await slack?.close();
    await redis?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an admin signs in with DingTalk free login and sees every team on the board, laggards first', async () => {
    const { ctx, page } = await signIn(ADMIN, '王管理');
    expect(fake.userInfoCalls.length).toBeGreaterThan(0);
    await seeText(page.locator('h1'), '看板');
    await seeText(page.locator('header .who'), '王管理（管理员）');
    const rows = page.locator('section.card table tbody tr');
    const names = await page.locator('section.card table').first().locator('tbody th').allTextContents();
    expect(names.length).toBe(2);
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    // ECharts drew the three charts (SVG renderer).
    await page.waitForFunction("document.querySelectorAll('.chart svg').length === 3", null, { timeout: 30_000 });
    await shot(page, 'board-desktop');
    await ctx.close();
  });

  it('signs in with Slack: the login page button, Slack’s consent page, back where they started', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    // The browser is signed in to the (fake) Slack workspace as the admin.
    await ctx.addCookies([slack.oidc.cookieFor(SLACK_ADMIN)]);
    const page = await ctx.newPage();
    const callbacks: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${base}/auth/slack/callback`)) callbacks.push(r.url());
    });
    await page.goto(`${base}/issues?status=active`);
    expect(page.url()).toContain('/login?next=');
    await shot(page, 'login-desktop');
    await page.click('#slack-login');
    // Slack's consent page (the fake's), then back to the console.
    await page.waitForURL((u) => u.toString().startsWith(`${slack.url}/openid/connect/authorize`), { timeout: 30_000 });
    await seeText(page.locator('h1'), '授权登录');
    await page.click('#allow');
    await page.waitForURL(`${base}/issues?status=active`, { timeout: 60_000 });
    await seeText(page.locator('header .who'), '赵主任（管理员）');
    expect(await page.locator('nav.main').textContent()).toContain('知识库');
    expect(slack.oidc.tokenCalls.at(-1)!.args).toMatchObject({
      client_id: slack.oidc.clientId,
      redirect_uri: `${base}/auth/slack/callback`,
    });
    expect((await ctx.cookies(base)).find((c) => c.name === 'zct_sid')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });

    // The same callback again (the back button, a copied URL) signs nobody in.
    expect(callbacks).toHaveLength(1);
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    const replay = await p2.goto(callbacks[0]!);
    expect(replay!.status()).toBe(400);
    await seeText(p2.locator('main'), '请从登录页重新开始');
    expect((await fresh.cookies(base)).some((c) => c.name === 'zct_sid')).toBe(false);
    await fresh.close();
    await ctx.close();
  });

  it('filters the issue list, opens an issue and reads its history; the export is an xlsx of the filter', async () => {
    const { ctx, page } = await signIn(ADMIN, '王管理');
    await page.goto(`${base}/issues`);
    await seeText(page.locator('#issue-count'), '共 3 条');
    await shot(page, 'issues-desktop');
    const q2 = (await store.getIssue('Q-0002'))!;
    expect((await store.listIssues({})).filter((i) => i.category === q2.category)).toHaveLength(1);
    await page.selectOption('select[name=category]', q2.category);
    await page.click('form.filters button[type=submit]');
    await seeText(page.locator('#issue-count'), '共 1 条');
    expect(page.url()).toContain('category=');
    await page.click('#issue-table tbody a');
    await seeText(page.locator('h1'), 'Q-0002');
    const history = page.locator('#history li');
    expect(await history.count()).toBeGreaterThanOrEqual(2);
    await seeText(page.locator('#history'), '登记问题');
    await seeText(page.locator('#history'), '交办 人社局');
    await seeText(page.locator('#history'), '城东联企小组');
    await shot(page, 'issue-desktop');

    const xlsx = await page.request.get(`${base}/issues/export.xlsx?category=${encodeURIComponent(q2.category)}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const body = await xlsx.body();
    expect(body.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('问题清单')!.rowCount).toBe(2);
    await ctx.close();
  });

  it('uploads a .docx (and refuses bad files), the bot answers from it; deleted, the answer goes', async () => {
    expect(await say(QUESTION)).not.toContain('首台套装备推广应用');
    const { ctx, page } = await signIn(ADMIN, '王管理');
    await page.goto(`${base}/kb`);
    await page.setInputFiles('input[type=file]', [
      {
        name: path.basename(DOCX),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: fs.readFileSync(DOCX),
      },
      { name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      { name: '坏文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not really a pdf') },
    ]);
    await page.click('#upload-form button[type=submit]');
    await seeText(page.locator('#upload-results'), '首台套奖励办法.docx：已导入', 30_000);
    await seeText(page.locator('#upload-results'), 'virus.exe：不支持的文件类型');
    await seeText(page.locator('#upload-results'), '坏文件.pdf：无法导入');
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual(['首台套奖励办法.docx']);
    await shot(page, 'kb-desktop');

    const answer = await say(QUESTION);
    expect(answer).toContain('15%');
    expect(answer).toContain('首台套装备推广应用');

    await page.goto(`${base}/kb/search?q=${encodeURIComponent(QUESTION)}`);
    await seeText(page.locator('#search-result'), '得分');
    await seeText(page.locator('#search-result li').first(), '首台套');

    page.once('dialog', (d) => void d.accept());
    await page.goto(`${base}/kb`);
    await page.click('button[aria-label="删除 首台套奖励办法.docx"]');
    await seeText(page.locator('.flash'), '已删除');
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
    expect(await say(QUESTION)).not.toContain('首台套装备推广应用');
    await ctx.close();
  });

  it('问答质量 lists the refused question with a link to the retrieval preview', async () => {
    const { ctx, page } = await signIn(ADMIN, '王管理');
    await page.goto(`${base}/quality`);
    await seeText(page.locator('#refused'), QUESTION);
    await seeText(page.locator('#top-questions'), QUESTION);
    await shot(page, 'quality-desktop');
    await page.locator('#refused a').first().click();
    await seeText(page.locator('h1'), '检索预览');
    await ctx.close();
  });

  it('a team member sees only their own team and is refused the knowledge base', async () => {
    const { ctx, page } = await signIn(MEMBER, '张三');
    await seeText(page.locator('header .who'), '张三（小组成员）');
    expect(await page.locator('nav.main').textContent()).not.toContain('知识库');
    await page.goto(`${base}/issues`);
    await seeText(page.locator('#issue-count'), '共 2 条');
    expect(await page.locator('#issue-table').textContent()).not.toContain('七星科技');
    const other = (await store.listIssues({ teamId: `dingtalk:${GROUP_B}` }))[0]!;
    const denied = await page.goto(`${base}/issues/${other.id}`);
    expect(denied!.status()).toBe(404);
    const kb = await page.goto(`${base}/kb`);
    expect(kb!.status()).toBe(403);
    await seeText(page.locator('main'), '仅限管理员');
    await ctx.close();
  });

  it('refuses a form without its CSRF token, a bad free-login code, and an expired session', async () => {
    const { ctx, page } = await signIn(ADMIN, '王管理');
    const before = fs.existsSync(path.join(dataDir, 'ingested'))
      ? fs.readdirSync(path.join(dataDir, 'ingested')).length
      : 0;
    const noToken = await page.request.post(`${base}/kb/delete`, { form: { source: '/etc/passwd' } });
    expect(noToken.status()).toBe(403);
    expect(await noToken.text()).toContain('CSRF');
    const wrong = await page.request.post(`${base}/logout`, { form: { _csrf: 'x'.repeat(43) } });
    expect(wrong.status()).toBe(403);
    expect(
      fs.existsSync(path.join(dataDir, 'ingested')) ? fs.readdirSync(path.join(dataDir, 'ingested')).length : 0,
    ).toBe(before);

    // The session expires (its Redis key is gone, as after the TTL): pages send to the login, forms are refused.
    const sid = (await ctx.cookies()).find((c) => c.name === 'zct_sid')!.value;
    const csrf = await page.locator('meta[name=csrf-token]').getAttribute('content');
    await store.deleteSession(`web:s:${sid}`);
    const post = await page.request.post(`${base}/logout`, { form: { _csrf: csrf ?? '' } });
    expect(post.status()).toBe(401);
    expect(await post.text()).toContain('登录已过期');
    await page.context().addCookies([{ name: 'zct_sid', value: sid, url: base }]);
    await ctx.clearCookies({ name: 'zct_lcsrf' });
    const bare = await browser.newContext();
    await bare.addCookies([{ name: 'zct_sid', value: sid, url: base }]);
    const p2 = await bare.newPage();
    await p2.goto(`${base}/issues`);
    expect(p2.url()).toContain('/login');
    await seeText(p2.locator('.flash'), '登录已过期');
    await bare.close();

    // A free-login code that DingTalk does not know.
    const login = await browser.newContext();
    await login.addInitScript(fakeJsapi('forged-code'));
    const p3 = await login.newPage();
    await p3.goto(`${base}/login`);
    await seeText(p3.locator('main'), '钉钉免登失败', 10_000);
    expect((await login.cookies()).some((c) => c.name === 'zct_sid')).toBe(false);
    await login.close();
    await ctx.close();
  });

  it('renders every page at phone width', async () => {
    const { ctx, page } = await signIn(ADMIN, '王管理', { width: 390, height: 844 });
    for (const [url, name] of [
      ['/board', 'board-phone'],
      ['/issues', 'issues-phone'],
      ['/issues/Q-0002', 'issue-phone'],
      ['/kb', 'kb-phone'],
      ['/quality', 'quality-phone'],
    ] as const) {
      const r = await page.goto(`${base}${url}`);
      expect(r!.status()).toBe(200);
      // Nothing wider than the screen except inside scrolling tables.
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      expect(overflow, url).toBeLessThanOrEqual(1);
      await shot(page, name);
    }
    await ctx.close();
  });
});
