/**
 * Sign in with Slack (OpenID Connect) in process (Hono's app.request) on a real Redis against the fake Slack's
 * authorize page, token endpoint and JWKS: the happy path and what the token exchange carries, a state used twice,
 * a callback the browser did not start, every kind of unverifiable id_token, token errors, a cancelled consent,
 * another workspace, and the identity mapped as the bot maps it (slack:<USERID> admins, Slack teams only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis/index.js';
import { createWebApp, SESSION_COOKIE } from '../../src/web/index.js';
import { FAKE_SLACK_USER_COOKIE, type IdTokenTamper } from '../helpers/fake-slack-oidc.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { makeServices, testConfig } from '../helpers/services.js';

const PREFIX = `webslack${process.pid}`;
let redis: RedisHandle;
let store: RedisStore;
let slack: FakeSlack;

beforeAll(async () => {
  redis = await startRedis();
  store = new RedisStore({ url: redis.url, prefix: PREFIX });
  await store.connect({ timeoutMs: 5000 });
  slack = await startFakeSlack();
  slack.oidc.addUser({ userId: 'UADMIN1', name: '王管理' });
  slack.oidc.addUser({ userId: 'UMEMBER1', name: '李四' });
  slack.oidc.addUser({ userId: 'UOTHER1', name: '外人', teamId: 'T0ELSEWHERE' });
  // A Slack channel where UMEMBER1 reported, and a DingTalk group whose reporter id is spelt the same.
  for (const [id, platform] of [
    ['slack:C0TEAMA', 'slack'],
    ['dingtalk:UMEMBER1', 'dingtalk'],
  ] as const) {
    await store.upsertTeam({
      id,
      platform,
      conversationId: id.split(':')[1]!,
      name: id,
      enterprises: [],
      isAdminGroup: false,
      createdAt: Date.now(),
    });
    await store.commitLedger({
      messageId: `m-${id}`,
      teamId: id,
      at: Date.now(),
      actor: 'UMEMBER1',
      actorName: '李四',
      visits: [],
      patches: [],
      issues: [
        {
          teamId: id,
          enterprise: '七星科技',
          category: '用地',
          summary: '用地指标不足',
          department: null,
          status: 'open',
          dueDate: null,
          reporter: 'UMEMBER1',
          reporterName: '李四',
          raisedOn: '2026-06-01',
        },
      ],
    });
  }
});
afterAll(async () => {
  await slack?.close();
  await store?.close();
  await redis?.stop();
});

function console_(env: Record<string, string> = {}) {
  const services = makeServices({
    store,
    config: testConfig({
      REDIS_URL: redis.url,
      ZCT_REDIS_PREFIX: PREFIX,
      ZCT_ADMINS: 'slack:UADMIN1,dingtalk:admin01',
      ...slack.oidc.env(),
      ...env,
    }),
    retriever: null as never,
  });
  return createWebApp(services, { dingtalk: null, ledgerMaxAgeMs: 0 });
}

const cookieOf = (r: Response, name: string) =>
  r.headers
    .getSetCookie()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find((v) => v !== undefined);

/** The login page's Slack button: returns Slack's authorize URL and the state cookie the console set. */
async function start(app: ReturnType<typeof console_>['app'], next = '/issues') {
  const login = await app.request('/login');
  expect(await login.text()).toContain('使用 Slack 登录');
  const csrf = cookieOf(login, 'zct_lcsrf')!;
  const r = await app.request('/auth/slack', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `zct_lcsrf=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, next }).toString(),
  });
  expect(r.status).toBe(303);
  return { authorize: new URL(r.headers.get('location')!), stateCookie: cookieOf(r, 'zct_slack_state')! };
}

/** The browser at Slack, signed in there as `userId`: the consent page, then 允许 (or 取消). */
async function consent(authorize: URL, userId: string, choice: 'allow' | 'cancel' = 'allow'): Promise<URL> {
  const page = await fetch(authorize, { headers: { cookie: `${FAKE_SLACK_USER_COOKIE}=${userId}` } });
  expect(page.status).toBe(200);
  const href = new RegExp(`id="${choice}" href="([^"]+)"`).exec(await page.text())![1]!.replace(/&amp;/g, '&');
  if (choice === 'cancel') return new URL(href);
  const r = await fetch(new URL(href, slack.url), { redirect: 'manual' });
  expect(r.status).toBe(302);
  return new URL(r.headers.get('location')!);
}

async function callback(app: ReturnType<typeof console_>['app'], url: URL, stateCookie: string | null) {
  const r = await app.request(url.pathname + url.search, {
    headers: stateCookie ? { Cookie: `zct_slack_state=${stateCookie}` } : {},
  });
  return { r, text: await r.text(), sid: cookieOf(r, SESSION_COOKIE) };
}

describe('Sign in with Slack', () => {
  it('signs in through the consent page: admin by slack:<USERID>, the code exchanged by form POST', async () => {
    const web = console_();
    const { authorize, stateCookie } = await start(web.app, '/issues?status=overdue');
    expect(authorize.origin + authorize.pathname).toBe(`${slack.url}/openid/connect/authorize`);
    const q = Object.fromEntries(authorize.searchParams);
    expect(q).toMatchObject({ response_type: 'code', scope: 'openid profile email', client_id: slack.oidc.clientId });
    expect(q.state).toBe(stateCookie);
    expect(q.nonce).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(q.redirect_uri).toBe('http://localhost/auth/slack/callback');

    const calls = slack.oidc.tokenCalls.length;
    const { r, sid } = await callback(web.app, await consent(authorize, 'UADMIN1'), stateCookie);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/issues?status=overdue');
    expect(sid).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.headers.getSetCookie().join('\n')).toMatch(/zct_sid=[^;]+;.*HttpOnly/);
    const exchange = slack.oidc.tokenCalls[calls]!;
    expect(exchange.args).toMatchObject({
      client_id: slack.oidc.clientId,
      client_secret: slack.oidc.clientSecret,
      redirect_uri: 'http://localhost/auth/slack/callback',
      grant_type: 'authorization_code',
    });
    expect(exchange.answer.ok).toBe(true);

    const session = await web.sessions.get(sid);
    expect(session).toMatchObject({ userId: 'UADMIN1', name: '王管理', via: 'slack', role: 'admin' });
    const board = await web.app.request('/board', { headers: { Cookie: `${SESSION_COOKIE}=${sid}` } });
    expect(await board.text()).toContain('王管理（管理员）');
  });

  it('a member sees the Slack channels they reported in, never a DingTalk group with the same id', async () => {
    const web = console_();
    const { authorize, stateCookie } = await start(web.app);
    const { r, sid } = await callback(web.app, await consent(authorize, 'UMEMBER1'), stateCookie);
    expect(r.status).toBe(303);
    expect(await web.sessions.get(sid)).toMatchObject({ userId: 'UMEMBER1', role: 'member', teams: ['slack:C0TEAMA'] });
  });

  it('a state is good for one callback: the replay is refused before any token exchange', async () => {
    const web = console_();
    const { authorize, stateCookie } = await start(web.app);
    const back = await consent(authorize, 'UADMIN1');
    expect((await callback(web.app, back, stateCookie)).r.status).toBe(303);
    const calls = slack.oidc.tokenCalls.length;
    // The same callback again (a replay, or the back button), even with the browser's state cookie.
    const again = await callback(web.app, back, stateCookie);
    expect(again.r.status).toBe(400);
    expect(again.text).toContain('登录请求已失效或已被使用');
    expect(again.sid).toBeUndefined();
    // And on another replica of the console (same Redis).
    expect((await callback(console_().app, back, stateCookie)).r.status).toBe(400);
    expect(slack.oidc.tokenCalls.length).toBe(calls);
    // A state nobody issued.
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    const f = await callback(web.app, forged, 'x'.repeat(43));
    expect(f.r.status).toBe(400);
    expect(f.sid).toBeUndefined();
  });

  it('a callback this browser did not start (no or another state cookie) is refused and uses nothing', async () => {
    const web = console_();
    const { authorize, stateCookie } = await start(web.app);
    const back = await consent(authorize, 'UADMIN1');
    for (const cookie of [null, 'y'.repeat(43)]) {
      const { r, text, sid } = await callback(web.app, back, cookie);
      expect(r.status).toBe(400);
      expect(text).toContain('不是在本浏览器中发起的');
      expect(sid).toBeUndefined();
    }
    // The browser that did start it still can.
    expect((await callback(web.app, back, stateCookie)).r.status).toBe(303);
  });

  for (const kind of ['bad_signature', 'wrong_audience', 'wrong_issuer', 'wrong_nonce', 'expired'] as IdTokenTamper[])
    it(`refuses an id_token that does not verify: ${kind}`, async () => {
      const web = console_();
      const { authorize, stateCookie } = await start(web.app);
      const back = await consent(authorize, 'UADMIN1');
      slack.oidc.tamperNext(kind);
      const { r, text, sid } = await callback(web.app, back, stateCookie);
      expect(r.status).toBe(401);
      expect(text).toContain('Slack 登录凭证校验失败');
      expect(sid).toBeUndefined();
    });

  it('token errors and a cancelled consent get a clear page and no session', async () => {
    const web = console_();
    const cases: Array<[() => void, number, string]> = [
      [
        () => slack.failNext('openid.connect.token', { error: 'invalid_code' }),
        401,
        '授权码换取凭证出错（invalid_code）',
      ],
      [() => slack.failNext('openid.connect.token', { status: 503 }), 502, 'Slack 接口暂时无法访问'],
    ];
    for (const [breakIt, status, message] of cases) {
      const { authorize, stateCookie } = await start(web.app);
      const back = await consent(authorize, 'UADMIN1');
      breakIt();
      const { r, text, sid } = await callback(web.app, back, stateCookie);
      expect(r.status).toBe(status);
      expect(text).toContain(message);
      expect(sid).toBeUndefined();
    }
    const { authorize, stateCookie } = await start(web.app);
    const cancelled = await callback(web.app, await consent(authorize, 'UADMIN1', 'cancel'), stateCookie);
    expect(cancelled.r.status).toBe(401);
    expect(cancelled.text).toContain('取消了授权');
    expect(cancelled.sid).toBeUndefined();
  });

  it('SLACK_TEAM_ID keeps other workspaces out', async () => {
    const web = console_({ SLACK_TEAM_ID: 'T0FAKE0001' });
    const { authorize, stateCookie } = await start(web.app);
    expect(authorize.searchParams.get('team')).toBe('T0FAKE0001');
    // The fake (as Slack) refuses a member of another workspace at the consent page; a token that names another
    // workspace all the same is refused by the console.
    const page = await fetch(authorize, { headers: { cookie: `${FAKE_SLACK_USER_COOKIE}=UOTHER1` } });
    expect(page.status).toBe(403);
    authorize.searchParams.delete('team');
    const back = await consent(authorize, 'UOTHER1');
    const { r, text, sid } = await callback(web.app, back, stateCookie);
    expect(r.status).toBe(403);
    expect(text).toContain('工作区未获准');
    expect(sid).toBeUndefined();
  });

  it('without SLACK_CLIENT_ID the login page has no Slack button and the routes say so', async () => {
    const web = console_({ SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: '' });
    expect(await (await web.app.request('/login')).text()).not.toContain('使用 Slack 登录');
    const r = await web.app.request('/auth/slack/callback?state=x&code=y');
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('未配置 Slack 登录');
  });
});
