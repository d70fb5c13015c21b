/** 知识库 (admins only): files and documents with chunk counts, upload, delete, chunk preview, retrieval preview. */
import type { CorpusDocument } from '../../corpus/index.js';
import type { Chunk, SearchResult } from '../../retrieval/types.js';
import type { LibraryFile, UploadResult } from '../library.js';
import type { WebSession } from '../session.js';
import { Csrf, Layout } from './layout.js';

export function KbPage(p: {
  session: WebSession;
  files: LibraryFile[];
  results?: UploadResult[];
  flash?: { text: string; error?: boolean } | null;
  maxMb: number;
  exts: string[];
}) {
  const ingested = p.files.filter((f) => f.sourcePath);
  const bundled = p.files.filter((f) => !f.sourcePath);
  return (
    <Layout title="知识库" session={p.session} nav="kb" flash={p.flash ?? null}>
      <h1>知识库</h1>
      <section class="card stack">
        <h2>上传文件</h2>
        <form method="post" action="/kb/upload" enctype="multipart/form-data" id="upload-form" class="stack">
          <Csrf session={p.session} />
          <label>
            选择文件（{p.exts.join(' ')}，每个不超过 {p.maxMb} MB，可多选）
            <input type="file" name="files" multiple accept={p.exts.join(',')} required />
          </label>
          <progress id="upload-progress" max="100" value="0" hidden aria-label="上传进度"></progress>
          <button type="submit">上传并导入</button>
        </form>
        {p.results?.length ? (
          <ul id="upload-results" aria-live="polite">
            {p.results.map((r) => (
              <li class={r.ok ? '' : 'overdue'}>
                {r.name}：{r.ok ? (r.status === 'unchanged' ? '内容未变化' : `已导入 ${r.documents} 篇`) : r.error}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section class="card">
        <h2>检索预览</h2>
        <form method="get" action="/kb/search" class="filters" role="search">
          <label>
            问题
            <input name="q" placeholder="输入一个问题，查看机器人会检索到什么" required />
          </label>
          <button type="submit">检索</button>
        </form>
      </section>
      <section class="card">
        <h2>已导入文件（{ingested.length}）</h2>
        <FileTable files={ingested} session={p.session} deletable />
      </section>
      <section class="card">
        <h2>内置语料（{bundled.length} 个文件）</h2>
        <FileTable files={bundled} session={p.session} deletable={false} />
      </section>
      <script src="/static/kb.js" defer></script>
    </Layout>
  );
}

function FileTable(p: { files: LibraryFile[]; session: WebSession; deletable: boolean }) {
  if (!p.files.length) return <p class="muted">暂无。</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col" class="hide-phone">
              来源
            </th>
            <th scope="col" class="hide-phone">
              日期
            </th>
            <th scope="col" class="num">
              分块
            </th>
            <th scope="col">文件</th>
            {p.deletable ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.files.flatMap((f) =>
            f.documents.map((d, k) => (
              <tr>
                <td>
                  <a href={`/kb/doc?id=${encodeURIComponent(d.id)}`}>{d.title}</a>
                </td>
                <td class="hide-phone">{d.source ?? '—'}</td>
                <td class="hide-phone">{d.date ?? '—'}</td>
                <td class="num">{d.chunks || <span class="overdue">未索引</span>}</td>
                <td>
                  {f.file}
                  {f.ingestedAt ? <div class="muted">{f.ingestedAt.slice(0, 16).replace('T', ' ')}</div> : null}
                </td>
                {p.deletable ? (
                  <td>
                    {k === 0 && f.sourcePath ? (
                      <form method="post" action="/kb/delete" onsubmit="return confirm('删除这个文件导入的全部文档？')">
                        <Csrf session={p.session} />
                        <input type="hidden" name="source" value={f.sourcePath} />
                        <button type="submit" class="danger" aria-label={`删除 ${f.file}`}>
                          删除
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function DocPage(p: { session: WebSession; doc: CorpusDocument; chunks: Chunk[] }) {
  const d = p.doc;
  return (
    <Layout title={d.title} session={p.session} nav="kb">
      <p>
        <a href="/kb">← 返回知识库</a>
      </p>
      <h1>{d.title}</h1>
      <section class="card">
        <dl class="facts">
          <dt>来源</dt>
          <dd>{d.source ?? '—'}</dd>
          <dt>日期</dt>
          <dd>{d.date ?? '—'}</dd>
          <dt>文件</dt>
          <dd>{d.file}</dd>
          <dt>分块</dt>
          <dd>{p.chunks.length}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>分块预览（检索索引中的样子）</h2>
        {p.chunks.map((c, k) => (
          <div>
            <div class="muted">
              #{k + 1} {c.headings.join(' > ')}
            </div>
            <pre class="chunk">{c.text}</pre>
          </div>
        ))}
      </section>
      <section class="card">
        <h2>清洗后的全文</h2>
        <pre class="chunk">{d.text}</pre>
      </section>
    </Layout>
  );
}

export function SearchPage(p: { session: WebSession; q: string; result: SearchResult | null }) {
  const r = p.result;
  return (
    <Layout title="检索预览" session={p.session} nav="kb">
      <p>
        <a href="/kb">← 返回知识库</a>
      </p>
      <h1>检索预览</h1>
      <form method="get" action="/kb/search" class="filters card" role="search">
        <label>
          问题
          <input name="q" value={p.q} required />
        </label>
        <button type="submit">检索</button>
      </form>
      {r ? (
        <section class="card" id="search-result">
          <p role="status">
            {r.answerable ? '资料库能回答这个问题' : '资料库不能回答（机器人会说“未在资料库中找到”）'}，置信度{' '}
            {r.confidence.toFixed(2)}
          </p>
          <ol>
            {r.hits.map((h) => (
              <li>
                <div>
                  <a href={`/kb/doc?id=${encodeURIComponent(h.chunk.docId)}`}>{h.chunk.title}</a>{' '}
                  <span class="muted">得分 {h.score.toFixed(3)}</span>
                </div>
                <pre class="chunk">{h.chunk.text}</pre>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
