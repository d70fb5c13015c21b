/**
 * The web console (Hono): sign-in, sessions, CSRF, and the pages. Server-rendered with hono/jsx; a few lines of script
 * for ECharts, the DingTalk JSAPI and upload progress. Reads the same Services (Store, retriever) as the bot.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Services } from '../app/services.js';
import { SUPPORTED_EXTENSIONS } from '../corpus/index.js';
import { hhmmAt, localDate } from '../time/index.js';
import {
  ISSUE_COLUMNS,
  VISIT_COLUMNS,
  issueRow,
  visitRow,
  toXlsx,
  XLSX_CONTENT_TYPE,
  type ExportData,
} from '../export/index.js';
import { overdueDaysOf } from '../digest/compute.js';
import { resolveAccess, visibleTeams } from './access.js';
import { createDingTalkLogin, DingTalkLoginError, type DingTalkLogin } from './dingtalk-login.js';
import {
  computeBoard,
  issueRows,
  LedgerCache,
  SnapshotMemo,
  type Filters,
  PAGE_SIZE,
  parseFilters,
  scope,
  SORT_KEYS,
  sortIssues,
  type SortKey,
} from './data.js';
import { Library, type LibraryOptions, type UploadedFile } from './library.js';
import { randomToken, sameToken, WebSessions, type WebSession } from './session.js';
import { createSlackLogin, SLACK_STATE_TTL_SEC, SlackLoginError, type SlackLogin } from './slack-login.js';
import { BoardPage } from './views/board.js';
import { IssuePage, IssuesPage } from './views/issues.js';
import { DocPage, KbPage, SearchPage } from './views/kb.js';
import { MessagePage } from './views/layout.js';
import { LinkConfirmPage, LoginPage } from './views/login.js';
import { QualityPage, type QuestionGroup } from './views/quality.js';

export const SESSION_COOKIE = 'zct_sid';
const LOGIN_CSRF_COOKIE = 'zct_lcsrf';
/** What randomToken() hands out (32 bytes, base64url): a login token cookie of any other shape is replaced. */
const LOGIN_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The state of the Slack sign-in this browser started: the callback must carry the same (no login CSRF). */
const SLACK_STATE_COOKIE = 'zct_slack_state';

type Env = { Variables: { session: WebSession } };

export interface WebAppOptions {
  library?: LibraryOptions;
  /** DingTalk free login (default: from the config when DingTalk is configured). */
  dingtalk?: DingTalkLogin | null;
  /** Sign in with Slack (default: from the config when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set). */
  slack?: SlackLogin | null;
  /** Compute the unfiltered board right after each ledger read (default true). */
  precomputeBoard?: boolean;
  /** How long one ledger read is shared between requests before a background refresh (default 5 s; 0 = every request reads). */
  ledgerMaxAgeMs?: number;
}

export interface WebApp {
  app: Hono<Env>;
  sessions: WebSessions;
  library: Library;
  ledger: LedgerCache;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Static files: our own (src/web/static) and ECharts from node_modules. */
function staticFiles(): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const dir = fs.existsSync(path.join(here, 'static'))
    ? path.join(here, 'static')
    : path.resolve(here, '../../../src/web/static');
  const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  for (const name of fs.readdirSync(dir))
    files.set(name, {
      body: fs.readFileSync(path.join(dir, name)),
      type: types[path.extname(name)] ?? 'application/octet-stream',
    });
  files.set('echarts.min.js', {
    body: fs.readFileSync(require.resolve('echarts/dist/echarts.min.js')),
    type: types['.js']!,
  });
  return files;
}

function flashFromQuery(c: Context): { text: string; error?: boolean } | null {
  const msg = c.req.query('msg');
  return msg ? { text: msg.slice(0, 200), error: c.req.query('err') === '1' } : null;
}

export function createWebApp(services: Services, opts: WebAppOptions = {}): WebApp {
  const { config, store } = services;
  const tz = config.ZCT_TIMEZONE;
  const ttlSec = Math.round(config.WEB_SESSION_TTL_HOURS * 3600);
  const sessions = new WebSessions(store, ttlSec);
  const library = new Library(services, opts.library);
  const maxAge = opts.ledgerMaxAgeMs ?? 5_000;
  const boardKey = (teams: string[] | null, filters: Filters) => JSON.stringify(['board', teams, filters]);
  const ledger = new LedgerCache(
    store,
    tz,
    maxAge,
    Date.now,
    maxAge === 0 ? 0 : Math.max(60_000, maxAge),
    (err) => services.logger.warn({ err }, 'web: background ledger read failed'),
    // The board everyone opens first (all teams, no filter) is computed as soon as the ledger is read.
    (snap) => {
      if (opts.precomputeBoard === false) return;
      memo.get(snap, boardKey(null, {}), () => computeBoard(snap, scope(snap, null, {}), tz, config.ZCT_ADMIN_GROUPS));
    },
  );
  const dingtalk = opts.dingtalk !== undefined ? opts.dingtalk : createDingTalkLogin(config);
  const slack = opts.slack !== undefined ? opts.slack : createSlackLogin(config, sessions);
  const secure = (config.WEB_PUBLIC_URL ?? '').startsWith('https://');
  const files = staticFiles();
  const fmt = (ms: number) => `${localDate(ms, tz)} ${hhmmAt(ms, tz)}`;
  const app = new Hono<Env>();
  const memo = new SnapshotMemo();

  app.onError((err, c) => {
    services.logger.error({ err }, 'web: request failed');
    return c.html(
      <MessagePage title="出错了" text="服务器处理请求时出错，请稍后重试。" session={null} status="error" />,
      500,
    );
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', c.req.path.startsWith('/static/') ? 'public, max-age=3600' : 'no-store');
  });

  // No icon: answered here rather than sent to the login page like any other page without a session.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/static/:name', (c) => {
    const f = files.get(c.req.param('name'));
    if (!f) return c.notFound();
    return c.body(new Uint8Array(f.body), 200, { 'Content-Type': f.type });
  });

  // ------------------------------------------------------------ request size: before anything reads a body
  const uploadLimit = bodyLimit({
    maxSize: Math.round(config.WEB_UPLOAD_MAX_MB * 1024 * 1024 * 5) + 1024 * 1024,
    onError: (c) =>
      c.html(
        <MessagePage
          title="上传失败"
          text={`上传内容过大：每个文件不超过 ${config.WEB_UPLOAD_MAX_MB} MB，一次最多约 5 个。`}
          session={null}
          status="error"
          link={{ href: '/kb', label: '返回知识库' }}
        />,
        413,
      ),
  });
  const formLimit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('请求过大', 413) });
  app.use('*', (c, next) =>
    c.req.method !== 'POST' ? next() : c.req.path === '/kb/upload' ? uploadLimit(c, next) : formLimit(c, next),
  );

  const startSession = async (c: Context, user: { userId: string; name: string; via: WebSession['via'] }) => {
    const access = await resolveAccess(() => ledger.get(), config, user.userId, user.via);
    const s = await sessions.create({ ...user, ...access });
    setCookie(c, SESSION_COOKIE, s.id, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: ttlSec });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/' });
    services.logger.info({ userId: user.userId, via: user.via, role: access.role }, 'web: signed in');
    return s;
  };
  const safeNext = (n: string | undefined) =>
    n && /^\/[A-Za-z0-9/_\-?=&%.]*$/.test(n) && !n.startsWith('//') ? n : '/board';
  const loginFailed = (c: Context, text: string, status: 400 | 401 | 403 | 502) =>
    c.html(
      <MessagePage
        title="登录失败"
        text={text}
        session={null}
        status="error"
        link={{ href: '/login', label: '重新登录' }}
      />,
      status,
    );
  const STALE_LOGIN_FORM = '登录表单已失效（可能是 Cookie 被禁用或页面停留太久），请重新打开登录页。';

  // ------------------------------------------------------------ sign-in (no session needed)
  app.get('/login', (c) => {
    // One login token per browser while it is valid: opening the login page again (a second tab, a reload, any
    // request sent round by /login) must not invalidate the form already shown — the first sign-in used to fail
    // with 登录表单已失效 when the browser's favicon request came back through /login before the form was posted.
    const current = getCookie(c, LOGIN_CSRF_COOKIE);
    const token = current && LOGIN_TOKEN.test(current) ? current : randomToken();
    setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 600 });
    const expired = c.req.query('expired') === '1' ? '登录已过期，请重新登录。' : undefined;
    return c.html(
      <LoginPage
        corpId={dingtalk?.corpId ?? null}
        dingtalk={Boolean(dingtalk)}
        slack={Boolean(slack)}
        loginCsrf={token}
        next={safeNext(c.req.query('next'))}
        error={c.req.query('error') ?? expired}
      />,
    );
  });

  app.post('/auth/dingtalk', async (c) => {
    const body = await c.req.parseBody();
    const expected = getCookie(c, LOGIN_CSRF_COOKIE) ?? '';
    if (!sameToken(String(body._csrf ?? ''), expected)) return loginFailed(c, STALE_LOGIN_FORM, 403);
    if (!dingtalk) return loginFailed(c, '未配置钉钉应用。', 400);
    try {
      const user = await dingtalk.exchange(String(body.code ?? ''));
      await startSession(c, { ...user, via: 'dingtalk' });
      return c.redirect(safeNext(String(body.next ?? '')), 303);
    } catch (err) {
      if (!(err instanceof DingTalkLoginError)) services.logger.error({ err }, 'web: dingtalk login failed');
      return loginFailed(c, err instanceof DingTalkLoginError ? err.message : '钉钉免登失败，请重试。', 401);
    }
  });

  // Sign in with Slack: the login page's button posts here (with the login form's CSRF token), we store a fresh
  // state + nonce and send the browser to Slack's consent page; Slack sends it back to the callback with a code.
  const notConfigured = '未配置 Slack 登录（SLACK_CLIENT_ID / SLACK_CLIENT_SECRET）。';
  const publicBase = (c: Context) => (config.WEB_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  app.post('/auth/slack', async (c) => {
    const body = await c.req.parseBody();
    if (!sameToken(String(body._csrf ?? ''), getCookie(c, LOGIN_CSRF_COOKIE) ?? ''))
      return loginFailed(c, STALE_LOGIN_FORM, 403);
    if (!slack) return loginFailed(c, notConfigured, 400);
    const { state, url } = await slack.start(`${publicBase(c)}/auth/slack/callback`, safeNext(String(body.next ?? '')));
    setCookie(c, SLACK_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/auth/slack',
      maxAge: SLACK_STATE_TTL_SEC,
    });
    return c.redirect(url, 303);
  });

  const slackStatus: Record<SlackLoginError['code'], 400 | 401 | 403 | 502> = {
    bad_state: 400,
    denied: 401,
    bad_code: 401,
    bad_token: 401,
    wrong_team: 403,
    unavailable: 502,
  };
  app.get('/auth/slack/callback', async (c) => {
    if (!slack) return loginFailed(c, notConfigured, 400);
    const state = c.req.query('state') ?? '';
    const mine = getCookie(c, SLACK_STATE_COOKIE) ?? '';
    deleteCookie(c, SLACK_STATE_COOKIE, { path: '/auth/slack' });
    // A callback for a sign-in this browser did not start (a forwarded link) is refused before anything is used.
    if (!sameToken(state, mine))
      return loginFailed(c, '登录请求已失效或不是在本浏览器中发起的，请从登录页重新开始。', 400);
    try {
      const { user, next } = await slack.finish({ state, code: c.req.query('code'), error: c.req.query('error') });
      await startSession(c, { userId: user.userId, name: user.name, via: 'slack' });
      return c.redirect(safeNext(next), 303);
    } catch (err) {
      if (!(err instanceof SlackLoginError)) throw err;
      services.logger.warn({ code: err.code, reason: err.message }, 'web: slack sign-in refused');
      return loginFailed(c, err.message, slackStatus[err.code]);
    }
  });

  const linkTtl = Math.round(config.WEB_LINK_TTL_MIN * 60);
  const linkInvalid = (c: Context) =>
    c.html(
      <MessagePage
        title="链接无效"
        text="这个登录链接已使用或已过期。请在服务器上重新运行 zct web-link。"
        session={null}
        status="error"
      />,
      410,
    );
  app.get('/auth/link', async (c) => {
    const token = c.req.query('token') ?? '';
    const link = await sessions.peekLink(token);
    if (!link) return linkInvalid(c);
    return c.html(<LinkConfirmPage token={token} name={link.name} />);
  });
  app.post('/auth/link', async (c) => {
    const body = await c.req.parseBody();
    const link = await sessions.consumeLink(String(body.token ?? ''), linkTtl);
    if (!link) return linkInvalid(c);
    await startSession(c, { ...link, via: 'link' });
    return c.redirect('/board', 303);
  });

  // ------------------------------------------------------------ everything else needs a session
  app.use('*', async (c, next) => {
    const sid = getCookie(c, SESSION_COOKIE);
    const s = await sessions.get(sid);
    if (!s) {
      if (sid) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      if (c.req.method !== 'GET') {
        return c.html(
          <MessagePage
            title="请重新登录"
            text="登录已过期或未登录，本次操作未执行。请重新登录后再试。"
            session={null}
            status="error"
            link={{ href: '/login', label: '登录' }}
          />,
          401,
        );
      }
      const next = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''));
      return c.redirect(`/login?next=${next}${sid ? '&expired=1' : ''}`, 303);
    }
    c.set('session', s);
    if (c.req.method === 'POST') {
      const header = c.req.header('x-csrf-token');
      let token = header ?? '';
      if (!header) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
          const body = await c.req.parseBody({ all: true });
          token = typeof body._csrf === 'string' ? body._csrf : '';
        }
      }
      if (!sameToken(token, s.csrf)) {
        services.logger.warn({ userId: s.userId, path: c.req.path }, 'web: CSRF token mismatch');
        return c.html(
          <MessagePage
            title="请求被拒绝"
            text="表单校验失败（CSRF），本次操作未执行。请刷新页面后重试。"
            session={s}
            status="error"
          />,
          403,
        );
      }
    }
    await next();
  });

  const adminOnly = (c: Context<Env>) =>
    c.get('session').role === 'admin'
      ? null
      : c.html(
          <MessagePage
            title="无权访问"
            text="知识库和问答质量仅限管理员使用。"
            session={c.get('session')}
            status="error"
          />,
          403,
        );

  app.post('/logout', async (c) => {
    await sessions.destroy(c.get('session').id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  app.get('/', (c) => c.redirect('/board', 303));

  const viewerTeams = (s: WebSession, all: { id: string }[]) => {
    const v = visibleTeams(s);
    return v ? all.filter((t) => v.has(t.id)) : all;
  };

  app.get('/board', async (c) => {
    const s = c.get('session');
    const { filters, errors } = parseFilters(c.req.query());
    const snap = await ledger.get();
    // One computation per (ledger read, viewer scope, filters): several viewers of the same board share it.
    const board = memo.get(snap, boardKey(s.role === 'member' ? s.teams : null, filters), () =>
      computeBoard(snap, scope(snap, visibleTeams(s), filters), tz, config.ZCT_ADMIN_GROUPS),
    );
    if (s.role === 'member' && s.teams.length === 0)
      errors.push('您还没有在任何联企小组报送过情况，暂时看不到小组数据。');
    return c.html(
      <BoardPage
        session={s}
        board={board}
        filters={filters}
        teams={viewerTeams(s, snap.teams) as typeof snap.teams}
        errors={errors}
      />,
    );
  });

  const listIssues = async (c: Context<Env>) => {
    const s = c.get('session');
    const { filters, errors } = parseFilters(c.req.query());
    const snap = await ledger.get();
    const scoped = scope(snap, visibleTeams(s), filters);
    return { s, filters, errors, snap, scoped };
  };

  app.get('/issues', async (c) => {
    const { s, filters, errors, snap, scoped } = await listIssues(c);
    const sortQ = c.req.query('sort') ?? 'overdue';
    const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortQ) ? (sortQ as SortKey) : 'overdue';
    const dir =
      c.req.query('dir') === 'asc'
        ? 'asc'
        : c.req.query('dir') === 'desc'
          ? 'desc'
          : sort === 'overdue'
            ? 'desc'
            : 'asc';
    const rows = memo.get(
      snap,
      JSON.stringify(['issues', s.role === 'member' ? s.teams : null, filters, sort, dir]),
      () => sortIssues(issueRows(snap, scoped), sort, dir),
    );
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const departments = memo.get(snap, 'departments', () =>
      [...new Set(snap.issues.map((i) => i.department).filter((d): d is string => Boolean(d)))].sort(),
    );
    return c.html(
      <IssuesPage
        session={s}
        rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        total={rows.length}
        page={page}
        sort={sort}
        dir={dir}
        filters={filters}
        teams={viewerTeams(s, snap.teams) as typeof snap.teams}
        departments={departments}
        errors={errors}
      />,
    );
  });

  app.get('/issues/export.xlsx', async (c) => {
    const { snap, scoped, filters } = await listIssues(c);
    const names = new Map(snap.teams.map((t) => [t.id, t.name || t.id]));
    const name = (id: string) => names.get(id) ?? id;
    const rows = sortIssues(issueRows(snap, scoped), 'id', 'asc');
    const now = Date.now();
    const data: ExportData = {
      from: filters.from ?? null,
      to: filters.to ?? null,
      teamId: filters.team ?? null,
      date: snap.today,
      generatedAt: now,
      timeZone: tz,
      issues: {
        name: '问题清单',
        columns: ISSUE_COLUMNS,
        rows: rows.map((r) => issueRow(r.issue, r.teamName, snap.today, tz)),
      },
      visits: {
        name: '走访记录',
        columns: VISIT_COLUMNS,
        rows: scoped.visits.map((v) => visitRow(v, name(v.teamId), tz)),
      },
      summary: { issues: rows.length, open: 0, overdue: 0, resolved: 0, visits: scoped.visits.length, teams: [] },
    };
    const buf = await toXlsx(data);
    const filename = `问题清单-${snap.today}.xlsx`;
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="issues-${snap.today}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    });
  });

  app.get('/issues/:id', async (c) => {
    const s = c.get('session');
    const id = c.req.param('id').toUpperCase();
    const issue = /^Q-\d{1,9}$/.test(id) ? await store.getIssue(id) : null;
    const visible = visibleTeams(s);
    if (!issue || (visible && !visible.has(issue.teamId))) {
      return c.html(
        <MessagePage
          title="找不到问题"
          text={`没有找到 ${id}，或您无权查看。`}
          session={s}
          status="error"
          link={{ href: '/issues', label: '返回问题清单' }}
        />,
        404,
      );
    }
    const [history, teams] = await Promise.all([store.issueHistory(issue.id), store.listTeams()]);
    const teamNames = new Map(teams.map((t) => [t.id, t.name || t.id]));
    return c.html(
      <IssuePage
        session={s}
        issue={issue}
        teamName={teamNames.get(issue.teamId) ?? issue.teamId}
        overdueDays={overdueDaysOf(issue, localDate(Date.now(), tz))}
        history={history}
        teamNames={teamNames}
        fmt={fmt}
      />,
    );
  });

  // ------------------------------------------------------------ knowledge base (admins)
  const kbPage = async (
    c: Context<Env>,
    extra: { results?: Awaited<ReturnType<Library['upload']>>; flash?: { text: string; error?: boolean } | null } = {},
    status: 200 | 400 | 413 = 200,
  ) =>
    c.html(
      <KbPage
        session={c.get('session')}
        files={await library.files()}
        results={extra.results}
        flash={extra.flash ?? flashFromQuery(c)}
        maxMb={config.WEB_UPLOAD_MAX_MB}
        exts={SUPPORTED_EXTENSIONS}
      />,
      status,
    );

  app.get('/kb', async (c) => adminOnly(c) ?? kbPage(c));

  app.post('/kb/upload', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const body = await c.req.parseBody({ all: true });
    const raw = body.files;
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => typeof f !== 'string',
    );
    if (!list.length) return kbPage(c, { flash: { text: '请选择要上传的文件。', error: true } }, 400);
    const uploads: UploadedFile[] = [];
    for (const f of list) uploads.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    const results = await library.upload(uploads);
    const failed = results.filter((r) => !r.ok).length;
    services.logger.info(
      { userId: c.get('session').userId, files: results.map((r) => ({ name: r.name, ok: r.ok, error: r.error })) },
      'web: upload',
    );
    return kbPage(c, {
      results,
      flash: failed
        ? { text: `${results.length - failed} 个文件已导入，${failed} 个失败（见下方原因）。`, error: true }
        : { text: `${results.length} 个文件已导入，机器人已可以回答相关问题。` },
    });
  });

  app.post('/kb/delete', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const body = await c.req.parseBody();
    const source = String(body.source ?? '');
    const ok = await library.remove(source);
    services.logger.info({ userId: c.get('session').userId, source, ok }, 'web: delete document');
    const msg = ok ? `已删除 ${path.basename(source)}` : '没有找到这个文件（可能已被删除）';
    return c.redirect(`/kb?msg=${encodeURIComponent(msg)}${ok ? '' : '&err=1'}`, 303);
  });

  app.get('/kb/doc', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const found = await library.document(c.req.query('id') ?? '');
    if (!found)
      return c.html(
        <MessagePage
          title="找不到文档"
          text="这个文档不存在或已删除。"
          session={c.get('session')}
          status="error"
          link={{ href: '/kb', label: '返回知识库' }}
        />,
        404,
      );
    return c.html(<DocPage session={c.get('session')} doc={found.doc} chunks={found.chunks} />);
  });

  app.get('/kb/search', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const q = (c.req.query('q') ?? '').trim().slice(0, config.ZCT_MAX_TEXT);
    const result = q ? await services.retriever.search(q, 8) : null;
    return c.html(<SearchPage session={c.get('session')} q={q} result={result} />);
  });

  // ------------------------------------------------------------ answer quality (admins)
  app.get('/quality', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const [feedback, asked] = await Promise.all([store.listFeedback(), store.listQuestions()]);
    const down = feedback
      .filter((f) => f.vote === 'down')
      .sort((a, b) => b.at - a.at)
      .slice(0, 200);
    // Group by the question with spaces and punctuation folded, newest wording kept.
    const groups = new Map<string, QuestionGroup>();
    for (const q of asked) {
      const key = q.question
        .normalize('NFKC')
        .replace(/[\s\p{P}]+/gu, '')
        .toLowerCase();
      if (!key) continue;
      const g = groups.get(key) ?? { question: q.question.trim(), count: 0, refused: 0, lastAt: q.at };
      g.count += 1;
      if (q.refused) g.refused += 1;
      g.lastAt = Math.max(g.lastAt, q.at);
      groups.set(key, g);
    }
    const all = [...groups.values()];
    const refused = all
      .filter((g) => g.refused > 0)
      .sort((a, b) => b.refused - a.refused || b.lastAt - a.lastAt)
      .slice(0, 100);
    const top = all.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, 30);
    return c.html(
      <QualityPage
        session={c.get('session')}
        down={down}
        refused={refused}
        top={top}
        logged={asked.length}
        fmt={fmt}
      />,
    );
  });

  return { app, sessions, library, ledger };
}
