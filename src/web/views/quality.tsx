/** 问答质量 (admins): 👎 answers and the most-asked questions, each linking to the retrieval preview. */
import type { Feedback } from '../../store/types.js';
import type { WebSession } from '../session.js';
import { Layout } from './layout.js';

export interface QuestionGroup {
  question: string;
  count: number;
  refused: number;
  lastAt: number;
}

export function QualityPage(p: {
  session: WebSession;
  down: Feedback[];
  refused: QuestionGroup[];
  top: QuestionGroup[];
  logged: number;
  fmt: (ms: number) => string;
}) {
  const preview = (q: string) => `/kb/search?q=${encodeURIComponent(q)}`;
  return (
    <Layout title="问答质量" session={p.session} nav="quality">
      <h1>问答质量</h1>
      <p class="muted">根据最近 {p.logged} 个提问统计。拒答和 👎 多的问题，往往说明资料库缺少相关文件。</p>
      <section class="card">
        <h2>拒答的问题（未在资料库中找到）</h2>
        {p.refused.length === 0 ? (
          <p class="muted">没有拒答的问题。</p>
        ) : (
          <div class="table-wrap">
            <table id="refused">
              <thead>
                <tr>
                  <th scope="col">问题</th>
                  <th scope="col" class="num">
                    次数
                  </th>
                  <th scope="col" class="hide-phone">
                    最近
                  </th>
                  <th scope="col">检索</th>
                </tr>
              </thead>
              <tbody>
                {p.refused.map((q) => (
                  <tr>
                    <td>{q.question}</td>
                    <td class="num">{q.refused}</td>
                    <td class="hide-phone">{p.fmt(q.lastAt)}</td>
                    <td>
                      <a href={preview(q.question)}>检索预览</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
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
                  <th scope="col" class="hide-phone">
                    回答摘要
                  </th>
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
        <h2>最常问的问题</h2>
        {p.top.length === 0 ? (
          <p class="muted">暂无。</p>
        ) : (
          <ol id="top-questions">
            {p.top.map((t) => (
              <li>
                <a href={preview(t.question)}>{t.question}</a>{' '}
                <span class="muted">
                  （{t.count} 次{t.refused ? `，拒答 ${t.refused} 次` : ''}）
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}
