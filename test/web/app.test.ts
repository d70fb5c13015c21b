/**
 * The web console in process (Hono's app.request, no browser) on a real Redis: one-time links are single-use across
 * callers, `zct web-link` prints a working link, sessions expire, cookies are HttpOnly + SameSite, filters validate.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis/index.js';
import { createWebApp } from '../../src/web/index.js';
import { WebSessions } from '../../src/web/session.js';
import { parseFilters } from '../../src/web/data.js';
import { startRedis, type RedisHandle } from '../helpers/redis.js';
import { makeServices, testConfig } from '../helpers/services.js';

const PREFIX = `webapp${process.pid}`;
let redis: RedisHandle;
let store: RedisStore;

beforeAll(async () => {
  redis = await startRedis();
  store = new RedisStore({ url: redis.url, prefix: PREFIX });
  await store.connect({ timeoutMs: 5000 });
});
afterAll(async () => {
  await store?.close();
  await redis?.stop();
});

function app() {
  const services = makeServices({
    store,
    config: testConfig({ REDIS_URL: redis.url, ZCT_REDIS_PREFIX: PREFIX }),
    retriever: null as never,
  });
  return createWebApp(services, { dingtalk: null }).app;
}

const form = (data: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  body: new URLSearchParams(data).toString(),
});

describe('web console sign-in', () => {
  it('a one-time link signs in once: HttpOnly SameSite session cookie, then 410 for every later use', async () => {
    const a = app();
    const token = await new WebSessions(store, 60).createLink('web-link', '管理员', 60);
    const confirm = await a.request(`/auth/link?token=${token}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('确认登录');
    // Two replicas racing on the same link: exactly one wins.
    const [r1, r2] = await Promise.all([
      a.request('/auth/link', form({ token })),
      app().request('/auth/link', form({ token })),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual([303, 410]);
    const ok = r1.status === 303 ? r1 : r2;
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/zct_sid=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect((await a.request('/auth/link', form({ token }))).status).toBe(410);
    expect((await a.request(`/auth/link?token=${token}`)).status).toBe(410);

    const sid = /zct_sid=([^;]+)/.exec(cookie)![1]!;
    const board = await a.request('/board', { headers: { Cookie: `zct_sid=${sid}` } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('管理员（管理员）');
  });

  it('the login form stays valid when the login page is fetched again before it is posted (favicon, second tab)', async () => {
    // DingTalk free login with a stand-in exchange (the code is not what is tested here)
    const dingtalk = { corpId: 'dingcorp', exchange: async () => ({ userId: 'admin01', name: '王管理' }) };
    const services = makeServices({
      store,
      config: testConfig({ REDIS_URL: redis.url, ZCT_REDIS_PREFIX: PREFIX }),
      retriever: null as never,
    });
    const a = createWebApp(services, { dingtalk }).app;
    const cookieOf = (r: Response) => /zct_lcsrf=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    const formToken = async (r: Response) =>
      /name="_csrf"[^>]*?value="([^"]+)"|value="([^"]+)"[^>]*?name="_csrf"/
        .exec(await r.text())
        ?.slice(1)
        .find(Boolean);
    const first = await a.request('/login?next=/board');
    let jar = cookieOf(first)!;
    const shown = (await formToken(first))!;
    expect(jar).toBe(shown);
    // the browser's own favicon request, without a session: answered, not sent round by /login
    const icon = await a.request('/favicon.ico', { headers: { Cookie: `zct_lcsrf=${jar}` } });
    expect(icon.status).toBe(204);
    expect(cookieOf(icon)).toBeUndefined();
    // the login page again (a reload, a second tab) keeps the browser's token
    const again = await a.request('/login?next=/favicon.ico', { headers: { Cookie: `zct_lcsrf=${jar}` } });
    jar = cookieOf(again) ?? jar;
    expect(jar).toBe(shown);
    // so the form first shown still signs in
    const post = await a.request(
      '/auth/dingtalk',
      form({ _csrf: shown, code: 'c', next: '/board' }, `zct_lcsrf=${jar}`),
    );
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('/board');
    // a cookie that is no token of ours is replaced
    const forged = await a.request('/login', { headers: { Cookie: 'zct_lcsrf=abc' } });
    expect(cookieOf(forged)).not.toBe('abc');
  });

  it('without a session pages redirect to the login and forms are refused', async () => {
    const a = app();
    const r = await a.request('/issues?status=overdue');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/issues?status=overdue')}`);
    const post = await a.request('/kb/delete', form({ source: 'x' }));
    expect(post.status).toBe(401);
  });

  it('a session past its expiry is not accepted even if the key is still there', async () => {
    let now = 1_000_000;
    const sessions = new WebSessions(store, 3600, () => now);
    const s = await sessions.create({ userId: 'u', name: 'u', via: 'link', role: 'admin', teams: [] });
    expect(await sessions.get(s.id)).not.toBeNull();
    now += 3600 * 1000;
    expect(await sessions.get(s.id)).toBeNull();
    expect(await sessions.get('../../etc')).toBeNull();
  });

  it('`zct web-link` prints a link that signs in', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'web-link'], {
        env: {
          ...process.env,
          REDIS_URL: redis.url,
          ZCT_REDIS_PREFIX: PREFIX,
          LOG_LEVEL: 'silent',
          WEB_PUBLIC_URL: 'https://zct.example.gov.cn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(stderr))));
    });
    const m = /^https:\/\/zct\.example\.gov\.cn\/auth\/link\?token=([A-Za-z0-9_-]+)\n$/.exec(out);
    expect(m).not.toBeNull();
    const r = await app().request('/auth/link', form({ token: m![1]! }));
    expect(r.status).toBe(303);
  });
});

describe('upload limits', () => {
  it('a file over WEB_UPLOAD_MAX_MB is refused by name; a request far over it gets 413 before it is read', async () => {
    const services = makeServices({
      store,
      config: testConfig({
        REDIS_URL: redis.url,
        ZCT_REDIS_PREFIX: PREFIX,
        WEB_UPLOAD_MAX_MB: '0.01',
        ZCT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zct-webup-')),
      }),
      retriever: null as never,
    });
    const web = createWebApp(services, { dingtalk: null });
    const s = await web.sessions.create({ userId: 'boss', name: '管理员', via: 'link', role: 'admin', teams: [] });
    const upload = (files: { name: string; size: number }[]) => {
      const fd = new FormData();
      fd.set('_csrf', s.csrf);
      for (const f of files) fd.append('files', new File([new Uint8Array(f.size).fill(65)], f.name));
      return web.app.request('/kb/upload', { method: 'POST', body: fd, headers: { Cookie: `zct_sid=${s.id}` } });
    };
    const r = await upload([{ name: '大文件.txt', size: 20_000 }]);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('大文件.txt：文件超过 0.01 MB 上限');
    expect(fs.existsSync(path.join(services.config.ZCT_DATA_DIR, 'uploads', '大文件.txt'))).toBe(false);
    const huge = await upload([{ name: 'a.txt', size: 2_000_000 }]);
    expect(huge.status).toBe(413);
    const form = await web.app.request('/logout', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: s.csrf, pad: 'x'.repeat(100_000) }),
      headers: { Cookie: `zct_sid=${s.id}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(413);
  });
});

describe('filters', () => {
  it('keeps valid filters and reports the malformed ones', () => {
    const { filters, errors } = parseFilters({
      category: '融资',
      status: 'overdue',
      from: '2026-13-1',
      to: '2026-03-01',
      team: ' dingtalk:c1 ',
    });
    expect(filters).toEqual({
      category: '融资',
      status: 'overdue',
      to: '2026-03-01',
      team: 'dingtalk:c1',
      enterprise: undefined,
      department: undefined,
    });
    expect(errors).toEqual(['日期格式应为 YYYY-MM-DD：2026-13-1']);
    expect(parseFilters({ category: '火星', from: '2026-05-01', to: '2026-04-01' }).errors).toEqual([
      '未知的类别：火星',
      '开始日期晚于结束日期，已忽略日期范围',
    ]);
  });
});
