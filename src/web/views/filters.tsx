/** The filter form shared by the board and the issue list (GET, so a filtered view is a link). */
import { CATEGORIES, type Team } from '../../ledger/model.js';
import { STATUS_FILTERS, STATUS_FILTER_LABELS, type Filters } from '../data.js';

export function FilterForm(p: {
  action: string;
  filters: Filters;
  teams: Team[];
  departments: string[];
  extra?: Record<string, string>;
}) {
  const f = p.filters;
  const active = Object.values(f).some((v) => v !== undefined && v !== '');
  return (
    <details class="card filter-box" open={active} data-open-wide="1">
      <summary>筛选{active ? '（已筛选）' : ''}</summary>
      <form class="filters" method="get" action={p.action} aria-label="筛选">
        <label>
          小组
          <select name="team">
            <option value="">全部小组</option>
            {p.teams.map((t) => (
              <option value={t.id} selected={f.team === t.id}>
                {t.name || t.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          企业
          <input name="enterprise" value={f.enterprise ?? ''} placeholder="企业名称" />
        </label>
        <label>
          类别
          <select name="category">
            <option value="">全部类别</option>
            {CATEGORIES.map((c) => (
              <option value={c} selected={f.category === c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          承办部门
          <input name="department" value={f.department ?? ''} list="departments" placeholder="如 人社局" />
          <datalist id="departments">
            {p.departments.map((d) => (
              <option value={d} />
            ))}
          </datalist>
        </label>
        <label>
          状态
          <select name="status">
            <option value="">全部状态</option>
            {STATUS_FILTERS.map((s) => (
              <option value={s} selected={f.status === s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          提出日期从
          <input type="date" name="from" value={f.from ?? ''} />
        </label>
        <label>
          至
          <input type="date" name="to" value={f.to ?? ''} />
        </label>
        {Object.entries(p.extra ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <button type="submit">筛选</button>
      </form>
    </details>
  );
}
