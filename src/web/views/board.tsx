/** 看板: the leadership digest, live and filtered, with ECharts charts. */
import { raw } from 'hono/html';
import type { Team } from '../../ledger/model.js';
import type { Board, Filters } from '../data.js';
import { filtersToQuery } from '../data.js';
import type { WebSession } from '../session.js';
import { FilterForm } from './filters.js';
import { Layout } from './layout.js';

const TEAM_ROWS = 100;

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

export function BoardPage(p: { session: WebSession; board: Board; filters: Filters; teams: Team[]; errors: string[] }) {
  const d = p.board.digest;
  const charts = JSON.stringify(p.board.charts).replace(/</g, '\\u003c');
  const q = (extra: Filters) => `/issues${filtersToQuery({ ...p.filters, ...extra })}`;
  return (
    <Layout
      title="看板"
      session={p.session}
      nav="board"
      flash={p.errors.length ? { text: p.errors.join('；'), error: true } : null}
    >
      <h1>
        看板{' '}
        <span class="muted">
          （{d.refDate} 实时，本月 {d.month}）
        </span>
      </h1>
      <FilterForm action="/board" filters={p.filters} teams={p.teams} departments={p.board.departments} />
      <section class="kpis" aria-label="总体情况">
        <div class="kpi">
          <div class="v">{d.totals.teams}</div>
          <div class="l">联企小组</div>
        </div>
        <div class="kpi">
          <div class="v">
            <a href={q({ status: 'active' })}>{d.totals.open}</a>
          </div>
          <div class="l">在办问题</div>
        </div>
        <div class={d.totals.overdue ? 'kpi bad' : 'kpi'}>
          <div class="v">
            <a href={q({ status: 'overdue' })}>{d.totals.overdue}</a>
          </div>
          <div class="l">逾期</div>
        </div>
        <div class="kpi">
          <div class="v">{d.totals.resolved}</div>
          <div class="l">已办结/销号</div>
        </div>
        <div class="kpi">
          <div class="v">{pct(d.totals.resolutionRate)}</div>
          <div class="l">办结率</div>
        </div>
        <div class="kpi">
          <div class="v">{d.monthTotals.visits}</div>
          <div class="l">本月走访</div>
        </div>
        <div class={d.teamsWithoutVisit.length ? 'kpi bad' : 'kpi'}>
          <div class="v">{d.teamsWithoutVisit.length}</div>
          <div class="l">未完成一月一走访</div>
        </div>
        <div class="kpi">
          <div class="v">{d.totals.unassigned}</div>
          <div class="l">待交办</div>
        </div>
      </section>

      <section class="charts" aria-label="图表">
        <div class="card">
          <h2 id="c-weekly-t">每周新增与办结</h2>
          <div class="chart" id="c-weekly" role="img" aria-labelledby="c-weekly-t"></div>
        </div>
        <div class="card">
          <h2 id="c-dept-t">各部门逾期问题</h2>
          <div class="chart" id="c-dept" role="img" aria-labelledby="c-dept-t"></div>
        </div>
        <div class="card">
          <h2 id="c-visits-t">各小组每月走访（落后小组在前）</h2>
          <div class="chart" id="c-visits" role="img" aria-labelledby="c-visits-t"></div>
        </div>
      </section>

      <section class="card">
        <h2>各小组情况（晾晒：逾期多、欠走访、久未报送的在前）</h2>
        <div class="table-wrap">
          <table>
            <caption class="sr-only">各小组在办、逾期、办结与走访</caption>
            <thead>
              <tr>
                <th scope="col">小组</th>
                <th scope="col" class="num">
                  在办
                </th>
                <th scope="col" class="num">
                  逾期
                </th>
                <th scope="col" class="num">
                  已办结
                </th>
                <th scope="col" class="num">
                  本月走访
                </th>
                <th scope="col">一月一走访</th>
                <th scope="col" class="num hide-phone">
                  距上次报送（天）
                </th>
              </tr>
            </thead>
            <tbody>
              {d.teams.slice(0, TEAM_ROWS).map((t) => (
                <tr>
                  <th scope="row">
                    <a href={q({ team: t.teamId })}>{t.teamName}</a>
                  </th>
                  <td class="num">{t.open}</td>
                  <td class={t.overdue ? 'num overdue' : 'num'}>{t.overdue}</td>
                  <td class="num">{t.resolved}</td>
                  <td class="num">{t.visitsThisMonth}</td>
                  <td>
                    {t.lackingVisit ? (
                      <span class="overdue">
                        未完成
                        {t.missingEnterprises.length
                          ? `（${t.missingEnterprises.slice(0, 3).join('、')}${t.missingEnterprises.length > 3 ? '等' : ''}）`
                          : ''}
                      </span>
                    ) : (
                      `已完成 ${t.enterprisesVisited}/${t.enterprisesTotal}`
                    )}
                  </td>
                  <td class="num hide-phone">{t.daysSinceReport ?? '从未'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.teams.length > TEAM_ROWS ? (
          <p class="muted">
            仅显示最落后的 {TEAM_ROWS} 个小组（共 {d.teams.length} 个），可按小组筛选查看其余。
          </p>
        ) : null}
      </section>

      <div class="charts">
        <section class="card">
          <h2>按类别</h2>
          <Breakdown rows={d.byCategory} link={(k) => q({ category: k as Filters['category'] })} head="类别" />
        </section>
        <section class="card">
          <h2>按承办部门（逾期多的在前）</h2>
          <Breakdown rows={d.byDepartment} link={(k) => q({ department: k })} head="部门" />
        </section>
      </div>

      <script type="application/json" id="board-data">
        {raw(charts)}
      </script>
      <script src="/static/echarts.min.js" defer></script>
      <script src="/static/board.js" defer></script>
    </Layout>
  );
}

function Breakdown(p: { rows: Board['digest']['byCategory']; link: (key: string) => string; head: string }) {
  if (!p.rows.length) return <p class="muted">暂无数据</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.head}</th>
            <th scope="col" class="num">
              合计
            </th>
            <th scope="col" class="num">
              在办
            </th>
            <th scope="col" class="num">
              逾期
            </th>
            <th scope="col" class="num">
              已办结
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={p.link(r.key)}>{r.key}</a>
              </th>
              <td class="num">{r.total}</td>
              <td class="num">{r.open}</td>
              <td class={r.overdue ? 'num overdue' : 'num'}>{r.overdue}</td>
              <td class="num">{r.resolved}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
