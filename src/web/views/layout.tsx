/** The page frame: header with navigation (by role), flash message, content. Server-rendered with hono/jsx. */
import type { Child } from 'hono/jsx';
import { ROLE_LABELS } from '../access.js';
import type { WebSession } from '../session.js';

export type NavKey = 'board' | 'issues' | 'kb' | 'quality';

const NAV: { key: NavKey; href: string; label: string; adminOnly?: boolean }[] = [
  { key: 'board', href: '/board', label: '看板' },
  { key: 'issues', href: '/issues', label: '问题清单' },
  { key: 'kb', href: '/kb', label: '知识库', adminOnly: true },
  { key: 'quality', href: '/quality', label: '问答质量', adminOnly: true },
];

export interface LayoutProps {
  title: string;
  session: WebSession | null;
  nav?: NavKey;
  flash?: { text: string; error?: boolean } | null;
  head?: Child;
  children?: Child;
}

export function Layout(p: LayoutProps) {
  const s = p.session;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · 政策通`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
        {s ? <meta name="csrf-token" content={s.csrf} /> : null}
        {p.head}
      </head>
      <body>
        <header class="top">
          <span class="brand">政策通 · 组团联企</span>
          {s ? (
            <nav class="main" aria-label="主导航">
              {NAV.filter((n) => !n.adminOnly || s.role === 'admin').map((n) => (
                <a href={n.href} aria-current={p.nav === n.key ? 'page' : undefined}>
                  {n.label}
                </a>
              ))}
            </nav>
          ) : null}
          {s ? (
            <div class="who">
              <span>
                {s.name}（{ROLE_LABELS[s.role]}）
              </span>
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value={s.csrf} />
                <button type="submit" class="secondary">
                  退出
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <main>
          {p.flash ? (
            <div class={p.flash.error ? 'flash error' : 'flash'} role={p.flash.error ? 'alert' : 'status'}>
              {p.flash.text}
            </div>
          ) : null}
          {p.children}
        </main>
      </body>
    </html>
  );
}

/** A hidden CSRF field for every form. */
export function Csrf({ session }: { session: WebSession }) {
  return <input type="hidden" name="_csrf" value={session.csrf} />;
}

export function MessagePage(p: {
  title: string;
  text: string;
  session: WebSession | null;
  status?: 'error' | 'info';
  link?: { href: string; label: string };
}) {
  return (
    <Layout title={p.title} session={p.session}>
      <div class="card login stack">
        <h1>{p.title}</h1>
        <p role={p.status === 'error' ? 'alert' : undefined}>{p.text}</p>
        {p.link ? <a href={p.link.href}>{p.link.label}</a> : null}
      </div>
    </Layout>
  );
}
