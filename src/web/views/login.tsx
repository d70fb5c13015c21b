/**
 * Sign-in: DingTalk free login inside the DingTalk app (JSAPI requestAuthCode), Sign in with Slack in a browser, and
 * how to get a one-time link.
 */
import { raw } from 'hono/html';
import { Layout } from './layout.js';

export function LoginPage(p: {
  corpId: string | null;
  dingtalk: boolean;
  slack: boolean;
  loginCsrf: string;
  next: string;
  error?: string;
}) {
  const cfg = JSON.stringify({ corpId: p.corpId, csrf: p.loginCsrf, next: p.next }).replace(/</g, '\\u003c');
  return (
    <Layout title="登录" session={null} flash={p.error ? { text: p.error, error: true } : null}>
      <div class="card login stack">
        <h1>登录政策通管理台</h1>
        {p.dingtalk ? (
          <div class="stack">
            <p id="dt-status" role="status">
              在钉钉工作台中打开本页将自动登录（钉钉免登）。
            </p>
            <form id="dt-form" method="post" action="/auth/dingtalk">
              <input type="hidden" name="_csrf" value={p.loginCsrf} />
              <input type="hidden" name="next" value={p.next} />
              <input type="hidden" name="code" id="dt-code" value="" />
              <button type="button" id="dt-login">
                钉钉免登
              </button>
            </form>
          </div>
        ) : p.slack ? null : (
          <p class="muted">未配置钉钉应用（DINGTALK_CLIENT_ID），无法使用钉钉免登。</p>
        )}
        {p.slack ? (
          <form id="slack-form" method="post" action="/auth/slack">
            <input type="hidden" name="_csrf" value={p.loginCsrf} />
            <input type="hidden" name="next" value={p.next} />
            <button type="submit" id="slack-login">
              使用 Slack 登录
            </button>
          </form>
        ) : null}
        <p class="muted">
          在服务器上运行 <code>zct web-link</code> 可获得一次性管理员登录链接。
        </p>
      </div>
      <script type="application/json" id="dt-config">
        {raw(cfg)}
      </script>
      <script src="/static/login.js" defer></script>
    </Layout>
  );
}

export function LinkConfirmPage(p: { token: string; name: string }) {
  return (
    <Layout title="一次性登录" session={null}>
      <div class="card login stack">
        <h1>一次性管理员登录</h1>
        <p>此链接只能使用一次。确认以“{p.name}”身份登录？</p>
        <form method="post" action="/auth/link">
          <input type="hidden" name="token" value={p.token} />
          <button type="submit">确认登录</button>
        </form>
      </div>
    </Layout>
  );
}
