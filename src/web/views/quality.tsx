/** 问答质量 (admins): 👎 answers and the most-asked questions, each linking to the retrieval preview. */
import type { Feedback } from '../../store/types.js';
import type { WebSession } from '../session.js';
import { Layout } from './layout.js';

export function QualityPage(p: { session: WebSession; down: Feedback[]; top: { question: string; count: number; down: number }[]; fmt: (ms: number) => string }) {
  const preview = (q: string) => `/kb/search?q=${encodeURIComponent(q)}`;
  return (
    <Layout title="问答质量" session={p.session} nav="quality">
      <h1>问答质量</h1>
      <section class="card">
        <h2>被点 👎 的回答（{p.down.length}）</h2>
        {p.down.length === 0 ? (
          <p class="muted">还没有 👎 反馈。</p>
        ) : (
          <div class="table-wrap">
            <table id="downvoted">
              <thead>
                <tr>
                  <th scope="col">问题</th>
                  <th scope="col" class="hide-phone">回答摘要</th>
                  <th scope="col">时间</th>
                  <th scope="col">检索</th>
                </tr>
              </thead>
              <tbody>
                {p.down.map((f) => (
                  <tr>
                    <td>{f.question}</td>
                    <td class="hide-phone">{f.answer.length > 120 ? `${f.answer.slice(0, 120)}…` : f.answer}</td>
                    <td>{p.fmt(f.at)}</td>
                    <td>
                      <a href={preview(f.question)}>检索预览</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card">
        <h2>反馈最多的问题</h2>
        {p.top.length === 0 ? (
          <p class="muted">暂无。</p>
        ) : (
          <ol>
            {p.top.map((t) => (
              <li>
                <a href={preview(t.question)}>{t.question}</a> <span class="muted">（{t.count} 次反馈，👎 {t.down}）</span>
              </li>
            ))}
          </ol>
        )}
        <p class="muted">拒答问题（未在资料库中找到）的记录尚未接入：需要问答处理器记录被拒答的问题（见 README 待办）。</p>
      </section>
    </Layout>
  );
}
